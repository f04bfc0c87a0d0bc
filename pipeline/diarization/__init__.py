"""Who spoke when. Three backends, one output type (``Diarization``):

- ``channel``: stereo call recordings, one party per channel, crosstalk removed;
- ``embedded``: mono recordings, VAD + resemblyzer embeddings + k-means (offline);
- ``pyannote``: pyannote.audio pipelines, an optional extra.

``auto`` picks ``channel`` for two channels that really differ, otherwise ``embedded`` (many
recorders write the same mix to both channels).
"""

from __future__ import annotations

from typing import Literal

from callnotes.config import DiarizationSettings
from callnotes.errors import InvalidInputError
from pipeline.audio import DecodedAudio
from pipeline.diarization.base import Diarization

Backend = Literal["channel", "embedded", "pyannote"]


def choose_backend(audio: DecodedAudio, settings: DiarizationSettings) -> Backend:
    if settings.backend == "auto":
        return "embedded" if audio.channels_are_duplicates() else "channel"
    if settings.backend == "channel" and audio.num_channels != 2:
        raise InvalidInputError(
            f"the channel diarization backend needs a stereo recording; "
            f"{audio.info.source or 'this file'} has {audio.num_channels} channel(s)"
        )
    return settings.backend


def diarize(audio: DecodedAudio, settings: DiarizationSettings, backend: Backend) -> Diarization:
    if backend == "channel":
        from pipeline.diarization.channel import diarize_channels

        return diarize_channels(audio)
    if backend == "embedded":
        from pipeline.diarization.embedded import diarize_mono

        return diarize_mono(audio.mono(), settings)
    from pipeline.diarization.pyannote_backend import diarize_pyannote

    return diarize_pyannote(audio.mono(), settings)


__all__ = ["Backend", "Diarization", "choose_backend", "diarize"]
