"""Who spoke when, on real telephone speech."""

from __future__ import annotations

import numpy as np
import pytest
from pyannote.core import Annotation, Segment
from pyannote.metrics.diarization import DiarizationErrorRate

from callnotes.config import DiarizationSettings
from callnotes.errors import InvalidInputError, OptionalDependencyError
from pipeline.audio import load_audio
from pipeline.diarization import choose_backend, diarize
from tests.audio.conftest import read_reference_turns


def _der(reference_path, diarization) -> float:
    reference = Annotation()
    for start, end, speaker in read_reference_turns(reference_path):
        reference[Segment(start, end)] = speaker
    return DiarizationErrorRate(collar=0.25)(reference, diarization.to_annotation())


def test_auto_picks_channels_for_a_real_stereo_call_and_embedded_for_a_duplicated_mix(audio_dir):
    settings = DiarizationSettings()
    assert choose_backend(load_audio(audio_dir / "stereo_call.wav"), settings) == "channel"
    assert choose_backend(load_audio(audio_dir / "jfk.flac"), settings) == "embedded"
    assert choose_backend(load_audio(audio_dir / "sample.wav"), settings) == "embedded"


def test_channel_backend_refuses_mono(audio_dir):
    with pytest.raises(InvalidInputError, match="stereo"):
        choose_backend(load_audio(audio_dir / "sample.wav"), DiarizationSettings(backend="channel"))


@pytest.mark.parametrize("name", ["stereo_call.wav", "stereo_call_ulaw8k.wav"])
def test_channel_backend_separates_the_parties(audio_dir, name):
    diarization = diarize(load_audio(audio_dir / name), DiarizationSettings(), "channel")
    assert {turn.speaker for turn in diarization.turns} == {"channel_0", "channel_1"}
    assert _der(audio_dir / "stereo_call.rttm", diarization) < 0.05


def test_crosstalk_never_becomes_a_turn(audio_dir):
    """Sheila talks alone from 21.8 s to 27.8 s; Diane's channel carries her at -20 dB."""
    diarization = diarize(load_audio(audio_dir / "stereo_call.wav"), DiarizationSettings(), "channel")
    diane_during_sheila = [
        turn for turn in diarization.turns
        if turn.speaker == "channel_0" and turn.end > 22.0 and turn.start < 27.7
    ]
    assert diane_during_sheila == []


def test_embedded_backend_finds_the_two_speakers_of_a_mono_call(audio_dir):
    diarization = diarize(load_audio(audio_dir / "sample.wav"), DiarizationSettings(), "embedded")
    assert diarization.num_speakers == 2
    assert _der(audio_dir / "sample.rttm", diarization) < 0.15


def test_embedded_backend_can_choose_the_number_of_speakers(audio_dir):
    settings = DiarizationSettings(num_speakers=None, min_speakers=1, max_speakers=3)
    diarization = diarize(load_audio(audio_dir / "sample.wav"), settings, "embedded")
    assert 1 <= diarization.num_speakers <= 3


def test_silence_has_no_turns(silent_wav):
    diarization = diarize(load_audio(silent_wav), DiarizationSettings(), "embedded")
    assert diarization.turns == ()


def test_turns_are_ordered_and_well_formed(audio_dir):
    diarization = diarize(load_audio(audio_dir / "sample.wav"), DiarizationSettings(), "embedded")
    starts = [turn.start for turn in diarization.turns]
    assert starts == sorted(starts)
    assert all(turn.end > turn.start for turn in diarization.turns)
    rttm = diarization.to_rttm("sample").splitlines()
    assert len(rttm) == len(diarization.turns) and rttm[0].startswith("SPEAKER sample 1 ")


def test_pyannote_backend_without_the_extra_says_how_to_install_it(audio_dir):
    try:
        import pyannote.audio  # noqa: F401
    except ImportError:
        with pytest.raises(OptionalDependencyError, match=r"callnotes\[pyannote\]"):
            diarize(load_audio(audio_dir / "sample.wav"), DiarizationSettings(), "pyannote")
    else:
        pytest.skip("pyannote.audio is installed: see test_pyannote_backend_with_weights")


def test_pyannote_backend_with_weights(audio_dir):
    """Runs only where pyannote.audio and a pipeline are installed: set
    CALLNOTES_DIARIZATION__PYANNOTE_PIPELINE to a local pipeline directory."""
    import os

    pytest.importorskip("pyannote.audio")
    source = os.environ.get("CALLNOTES_DIARIZATION__PYANNOTE_PIPELINE")
    if not source or not os.path.exists(source):
        pytest.skip("no local pyannote pipeline weights on this machine")
    diarization = diarize(
        load_audio(audio_dir / "sample.wav"), DiarizationSettings(pyannote_pipeline=source), "pyannote"
    )
    assert _der(audio_dir / "sample.rttm", diarization) < 0.15
    assert np.isfinite([turn.start for turn in diarization.turns]).all()
