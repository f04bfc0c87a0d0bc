"""The one place where the stages are composed: recording or text → masked transcript → draft note.

    decode → diarize → transcribe → assign roles        (pipeline.transcribe)
    → mask PII in the transcript                          (pipeline.pii)
    → extract the consultation-log fields                 (pipeline.extract)
    → flag subjective / vague phrasing in the draft       (pipeline.flagging, inside extract)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from callnotes.config import Settings, get_settings
from models.note import ConsultationNote
from models.transcript import Transcript
from pipeline.progress import ProgressCallback

if TYPE_CHECKING:
    from pipeline.extract.label_models import LabelModels


class ProcessedCall(BaseModel):
    transcript: Transcript  # PII already masked: safe to show, store and export
    note: ConsultationNote


def process_recording(
    path: str | Path,
    *,
    call_started_at: dt.datetime | None = None,
    agent_channel: int | None = None,
    settings: Settings | None = None,
    progress: ProgressCallback | None = None,
) -> ProcessedCall:
    from pipeline.transcribe import transcribe_file

    settings = settings or get_settings()
    transcript = transcribe_file(
        path, settings=settings, agent_channel=agent_channel, progress=progress
    )
    return process_transcript(transcript, call_started_at=call_started_at)


def process_text(
    text: str,
    *,
    call_started_at: dt.datetime | None = None,
    label_models: LabelModels | None = None,
) -> ProcessedCall:
    from pipeline.textinput import parse_text_transcript

    return process_transcript(
        parse_text_transcript(text), call_started_at=call_started_at, label_models=label_models
    )


def process_transcript(
    transcript: Transcript,
    *,
    call_started_at: dt.datetime | None = None,
    label_models: LabelModels | None = None,
) -> ProcessedCall:
    from pipeline.extract import extract_note
    from pipeline.pii import mask_transcript

    masked, maskings = mask_transcript(transcript)
    note = extract_note(masked, call_started_at=call_started_at, label_models=label_models)
    note.pii_masked = maskings + [m for m in note.pii_masked if m not in maskings]
    return ProcessedCall(transcript=masked, note=note)
