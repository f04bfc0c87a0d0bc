from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile

from callnotes.config import AsrSettings, Settings

AUDIO = Path(__file__).resolve().parents[2] / "samples" / "audio"


@pytest.fixture(scope="session")
def audio_dir() -> Path:
    return AUDIO


@pytest.fixture(scope="session")
def english_settings() -> Settings:
    """The samples are English calls; the product default is Korean."""
    return Settings(asr=AsrSettings(language="en"))


def read_reference_turns(path: Path) -> list[tuple[float, float, str]]:
    turns = []
    for line in path.read_text().splitlines():
        fields = line.split()
        turns.append((float(fields[3]), float(fields[3]) + float(fields[4]), fields[7]))
    return turns


@pytest.fixture
def silent_wav(tmp_path: Path) -> Path:
    path = tmp_path / "silence.wav"
    soundfile.write(path, np.zeros(16000 * 5, dtype=np.float32), 16000, subtype="PCM_16")
    return path
