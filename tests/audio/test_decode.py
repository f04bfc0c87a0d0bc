"""Decoding what call recorders write: every format reaches the pipeline as 16 kHz float32."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile

from callnotes.errors import EmptyAudioError, InvalidAudioError
from pipeline.audio import SAMPLE_RATE, load_audio

ORIGINAL_SECONDS = 30.0


def _similarity(a: np.ndarray, b: np.ndarray) -> float:
    length = min(len(a), len(b))
    return float(np.corrcoef(a[:length], b[:length])[0, 1])


@pytest.fixture(scope="module")
def reference(audio_dir: Path) -> np.ndarray:
    return load_audio(audio_dir / "sample.wav").mono()


@pytest.mark.parametrize(
    ("subtype", "rate"),
    [
        ("PCM_16", 16000),
        ("PCM_24", 44100),
        ("PCM_32", 48000),
        ("FLOAT", 22050),
        ("ULAW", 8000),
        ("ALAW", 8000),
        ("PCM_U8", 8000),
    ],
)
def test_wav_variants_decode_to_16k(tmp_path, reference, subtype, rate):
    import soxr

    path = tmp_path / f"call_{subtype}_{rate}.wav"
    soundfile.write(path, soxr.resample(reference, SAMPLE_RATE, rate), rate, subtype=subtype)
    decoded = load_audio(path)
    assert decoded.info.sample_rate == rate
    assert decoded.num_channels == 1
    assert decoded.duration == pytest.approx(ORIGINAL_SECONDS, abs=0.01)
    # Narrowband codecs lose the top of the spectrum but must keep the speech itself.
    assert _similarity(decoded.mono(), reference) > (0.9 if rate == 8000 else 0.99)


@pytest.mark.parametrize(("container", "subtype"), [("FLAC", "PCM_16"), ("OGG", "VORBIS"), ("MP3", "MPEG_LAYER_III")])
def test_compressed_formats_decode(tmp_path, reference, container, subtype):
    path = tmp_path / f"call.{container.lower()}"
    soundfile.write(path, reference, SAMPLE_RATE, format=container, subtype=subtype)
    decoded = load_audio(path)
    assert decoded.duration == pytest.approx(ORIGINAL_SECONDS, abs=0.1)
    assert decoded.channels.dtype == np.float32


def test_m4a_goes_through_ffmpeg(tmp_path, reference):
    import av

    path = tmp_path / "call.m4a"
    with av.open(str(path), "w") as container:
        stream = container.add_stream("aac", rate=SAMPLE_RATE, layout="mono")
        frame = av.AudioFrame.from_ndarray(reference[None, :], format="fltp", layout="mono")
        frame.sample_rate = SAMPLE_RATE
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    decoded = load_audio(path)
    assert decoded.info.format.endswith("/aac")
    assert decoded.duration == pytest.approx(ORIGINAL_SECONDS, abs=0.2)


def test_real_recordings_of_other_rates_and_containers(audio_dir):
    flac = load_audio(audio_dir / "jfk.flac")
    assert flac.info.sample_rate == 44100 and flac.duration == pytest.approx(11.0, abs=0.01)
    mp3 = load_audio(audio_dir / "multilingual.mp3")
    assert mp3.info.sample_rate == 24000 and mp3.duration == pytest.approx(59.9, abs=0.1)


def test_mu_law_stereo_call_keeps_both_channels(audio_dir):
    decoded = load_audio(audio_dir / "stereo_call_ulaw8k.wav")
    assert decoded.info.format == "wav/ulaw"
    assert decoded.num_channels == 2
    assert not decoded.channels_are_duplicates()


def test_same_mix_on_both_channels_counts_as_mono(audio_dir):
    assert load_audio(audio_dir / "jfk.flac").channels_are_duplicates()


def test_empty_file_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "empty.wav"
    path.write_bytes(b"")
    with pytest.raises(EmptyAudioError, match="empty"):
        load_audio(path)


def test_zero_duration_recording_is_refused(tmp_path):
    path = tmp_path / "zero.wav"
    soundfile.write(path, np.zeros(0, dtype=np.float32), 8000, subtype="ULAW")
    with pytest.raises(EmptyAudioError, match="zero duration"):
        load_audio(path)


def test_text_file_is_not_audio(tmp_path):
    path = tmp_path / "notes.wav"
    path.write_text("상담원: 안녕하세요\n고객: 네\n", encoding="utf-8")
    with pytest.raises(InvalidAudioError, match="not a recording we can read"):
        load_audio(path)


def test_truncated_recording_is_refused(tmp_path, audio_dir):
    path = tmp_path / "cut.mp3"
    path.write_bytes((audio_dir / "sample.wav").read_bytes()[:30])
    with pytest.raises(InvalidAudioError):
        load_audio(path)


def test_missing_file(tmp_path):
    with pytest.raises(InvalidAudioError, match="no such file"):
        load_audio(tmp_path / "nowhere.wav")


@pytest.mark.parametrize("content", [b"", b"RIFF\x00\x00garbage", "not audio".encode()])
def test_cli_reports_bad_input_without_traceback(tmp_path, content):
    path = tmp_path / "bad.wav"
    path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "callnotes", "transcribe", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "error:" in result.stderr
    assert "Traceback" not in result.stderr
