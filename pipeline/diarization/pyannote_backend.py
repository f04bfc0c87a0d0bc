"""pyannote.audio pipelines, for centres that have the weights (a local path, or a hub id and
token). An optional extra: pyannote.audio 4.x needs torchaudio, whose wheels need a torch build
other than the one callnotes pins, so it is never imported unless this backend is chosen."""

from __future__ import annotations

import functools
import os

import numpy as np

from callnotes.config import DiarizationSettings
from callnotes.errors import ModelUnavailableError, OptionalDependencyError
from models.transcript import SpeakerTurn
from pipeline.audio import SAMPLE_RATE
from pipeline.diarization.base import Diarization


@functools.cache
def _load_pipeline(source: str, token: str | None):
    # pyannote.audio reports usage to its authors unless told not to; a call centre's
    # on-premises install must not phone home.
    os.environ.setdefault("PYANNOTE_METRICS_ENABLED", "0")
    try:
        from pyannote.audio import Pipeline
    except ImportError as error:
        raise OptionalDependencyError(
            "the pyannote diarization backend needs pyannote.audio, which is not installed "
            f"({error}). Install it with: pip install 'callnotes[pyannote]' (see README, "
            "'pyannote backend'), or use CALLNOTES_DIARIZATION__BACKEND=embedded"
        ) from None
    try:
        pipeline = Pipeline.from_pretrained(source, token=token)
    except Exception as error:  # noqa: BLE001 - hub, IO and checkpoint errors differ by version
        raise ModelUnavailableError(
            f"could not load pyannote pipeline '{source}': {error}"
        ) from None
    if pipeline is None:
        raise ModelUnavailableError(
            f"could not load pyannote pipeline '{source}': gated model without a valid token, "
            "or no such path"
        )
    return pipeline


def diarize_pyannote(samples: np.ndarray, settings: DiarizationSettings) -> Diarization:
    token = settings.pyannote_token.get_secret_value() if settings.pyannote_token else None
    pipeline = _load_pipeline(settings.pyannote_pipeline, token)
    import torch

    options = {
        key: value
        for key, value in (
            ("num_speakers", settings.num_speakers),
            ("min_speakers", settings.min_speakers),
            ("max_speakers", settings.max_speakers),
        )
        if value is not None
    }
    waveform = torch.from_numpy(np.ascontiguousarray(samples, dtype=np.float32))[None]
    output = pipeline({"waveform": waveform, "sample_rate": SAMPLE_RATE}, **options)
    # pyannote.audio 4 returns a DiarizeOutput; 3.x an Annotation.
    annotation = getattr(output, "speaker_diarization", output)
    turns = tuple(
        SpeakerTurn(start=round(segment.start, 3), end=round(segment.end, 3), speaker=str(label))
        for segment, _, label in annotation.itertracks(yield_label=True)
    )
    return Diarization(
        turns=turns, backend="pyannote", num_speakers=len({turn.speaker for turn in turns})
    )
