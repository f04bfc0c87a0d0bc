"""Voice activity with the Silero model that ships inside faster-whisper (no download)."""

from __future__ import annotations

import numpy as np

from pipeline.audio import SAMPLE_RATE
from pipeline.diarization.base import Region

# Tighter than faster-whisper's ASR defaults (2 s silence, 400 ms padding): turn boundaries in a
# dialogue are a few hundred milliseconds apart.
_MIN_SILENCE_MS = 150
_SPEECH_PAD_MS = 60
_MIN_SPEECH_MS = 120


def speech_regions(samples: np.ndarray, threshold: float = 0.5) -> list[Region]:
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    if samples.size == 0:
        return []
    options = VadOptions(
        threshold=threshold,
        min_silence_duration_ms=_MIN_SILENCE_MS,
        speech_pad_ms=_SPEECH_PAD_MS,
        min_speech_duration_ms=_MIN_SPEECH_MS,
    )
    chunks = get_speech_timestamps(np.ascontiguousarray(samples, dtype=np.float32), options)
    return [Region(chunk["start"] / SAMPLE_RATE, chunk["end"] / SAMPLE_RATE) for chunk in chunks]
