"""Typed transcript: what the audio pipeline produces and the extractors consume."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field


class Role(StrEnum):
    AGENT = "agent"
    CUSTOMER = "customer"
    UNKNOWN = "unknown"


class Word(BaseModel):
    start: float
    end: float
    text: str
    probability: float = Field(ge=0.0, le=1.0)


class SpeakerTurn(BaseModel):
    """One stretch of speech by one speaker: the output of every diarization backend."""

    start: float
    end: float
    speaker: str
    channel: int | None = None

    @property
    def duration(self) -> float:
        return self.end - self.start


class Utterance(BaseModel):
    id: str
    speaker: str
    role: Role = Role.UNKNOWN
    # None only for imported plain-text transcripts, which carry no timing.
    start: float | None = None
    end: float | None = None
    text: str
    words: list[Word] = Field(default_factory=list)
    channel: int | None = None


class AudioInfo(BaseModel):
    source: str | None = None
    format: str
    sample_rate: int = Field(description="Sample rate of the file as recorded.")
    channels: int
    duration: float


class RoleAssignment(BaseModel):
    speaker_roles: dict[str, Role] = Field(default_factory=dict)
    method: Literal["channel_map", "greeting", "first_speaker", "single_speaker", "text_labels", "none"]
    confidence: float = Field(ge=0.0, le=1.0)


class RunInfo(BaseModel):
    """The models and options that produced a transcript, so a result can be reproduced."""

    asr_model: str | None = None
    compute_type: str | None = None
    device: str | None = None
    language_requested: str | None = None
    beam_size: int | None = None
    vad_filter: bool | None = None
    diarization_backend: str | None = None
    num_speakers: int | None = None
    callnotes_version: str


class Transcript(BaseModel):
    source: Literal["audio", "text"] = "audio"
    utterances: list[Utterance]
    language: str | None = None
    language_probability: float | None = None
    duration: float | None = None
    audio: AudioInfo | None = None
    roles: RoleAssignment
    run: RunInfo
    warnings: list[str] = Field(default_factory=list)

    @property
    def speakers(self) -> list[str]:
        return sorted({u.speaker for u in self.utterances})
