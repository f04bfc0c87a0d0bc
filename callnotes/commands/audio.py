"""``callnotes transcribe``: a recording in, a speaker-attributed transcript out."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from callnotes.commands.progress import progress_bars
from callnotes.config import Settings, get_settings


class BackendChoice(StrEnum):
    AUTO = "auto"
    CHANNEL = "channel"
    EMBEDDED = "embedded"
    PYANNOTE = "pyannote"


class TranscriptFormat(StrEnum):
    JSON = "json"
    TEXT = "text"
    RTTM = "rttm"


def register(app: typer.Typer) -> None:
    app.command()(transcribe)
    models = typer.Typer(help="The speech models callnotes runs.", no_args_is_help=True)
    models.command("prepare")(prepare_models)
    app.add_typer(models, name="models")


def prepare_models() -> None:
    """Assemble and load the configured ASR model once (the bundled one needs no network), so
    the first call does not pay for it. Prints the model's location."""
    from pipeline.asr import get_model, resolve_model

    settings = get_settings().asr
    get_model(settings)
    typer.echo(resolve_model(settings))


def transcribe(
    recording: Annotated[Path, typer.Argument(help="WAV (PCM, μ-law, A-law), FLAC, OGG, MP3, M4A, ...")],
    output_format: Annotated[TranscriptFormat, typer.Option("--format", "-f")] = TranscriptFormat.TEXT,
    language: Annotated[str | None, typer.Option(help="ISO code or 'auto' [CALLNOTES_ASR__LANGUAGE]")] = None,
    backend: Annotated[BackendChoice | None, typer.Option(help="Diarization backend [CALLNOTES_DIARIZATION__BACKEND]")] = None,
    num_speakers: Annotated[int | None, typer.Option(min=1)] = None,
    agent_channel: Annotated[int | None, typer.Option(min=0, max=1)] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout")] = None,
) -> None:
    """Transcribe a call: who spoke when, what they said, which party is the agent.

    Resident registration, card, account and passport numbers are masked in every format."""
    from pipeline.pii import mask_transcript
    from pipeline.transcribe import transcribe_file

    settings = _with_overrides(get_settings(), language, backend, num_speakers)
    with progress_bars() as progress:
        transcript = transcribe_file(
            recording, settings=settings, agent_channel=agent_channel, progress=progress
        )
    transcript, _ = mask_transcript(transcript)
    for warning in transcript.warnings:
        typer.echo(f"warning: {warning}", err=True)
    rendered = render(transcript, output_format, uri=recording.stem)
    if output is None:
        sys.stdout.write(rendered)
    else:
        output.write_text(rendered, encoding="utf-8")


def render(transcript, output_format: TranscriptFormat, uri: str) -> str:
    if output_format is TranscriptFormat.JSON:
        return transcript.model_dump_json(indent=2) + "\n"
    if output_format is TranscriptFormat.RTTM:
        return "".join(
            f"SPEAKER {uri} 1 {u.start:.3f} {u.end - u.start:.3f} <NA> <NA> {u.speaker} <NA> <NA>\n"
            for u in transcript.utterances
        )
    lines = [
        f"[{u.start:7.2f}–{u.end:7.2f}] {u.role.value:8} ({u.speaker}): {u.text}"
        for u in transcript.utterances
    ]
    return "\n".join(lines) + "\n"


def _with_overrides(
    settings: Settings, language: str | None, backend: BackendChoice | None, num_speakers: int | None
) -> Settings:
    asr = settings.asr.model_copy(update={"language": language} if language else {})
    diarization_update: dict[str, object] = {}
    if backend:
        diarization_update["backend"] = backend.value
    if num_speakers:
        diarization_update["num_speakers"] = num_speakers
    diarization = settings.diarization.model_validate(
        settings.diarization.model_dump() | diarization_update
    )
    return settings.model_copy(update={"asr": asr, "diarization": diarization})
