"""Progress hooks for long stages (the CLI draws bars from them, the worker records them)."""

from __future__ import annotations

from typing import Protocol


class ProgressCallback(Protocol):
    def __call__(self, stage: str, completed: float, total: float) -> None:
        """``stage`` names the step ('decode', 'diarize', 'transcribe', ...); ``completed`` and
        ``total`` are in the stage's own unit (seconds of audio for the audio stages)."""


def report(progress: ProgressCallback | None, stage: str, completed: float, total: float) -> None:
    if progress is not None:
        progress(stage, completed, total)
