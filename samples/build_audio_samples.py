"""Rebuild the derived audio samples in samples/audio/ from the real recordings in ../shared.

    python samples/build_audio_samples.py [SHARED_DIR]

Derived files (all from the real pyannote sample call, MIT):
- stereo_call.wav: each party of the mono call on its own channel (cut by the reference
  turns), the other party bleeding in at -20 dB, as a stereo call recorder writes it.
- stereo_call.rttm / .stm: the reference, with the speakers renamed channel_0 / channel_1.
- stereo_call_ulaw8k.wav: the same at 8 kHz G.711 μ-law; sample_alaw8k.wav: the mono call at
  8 kHz A-law.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import soundfile
import soxr

HERE = Path(__file__).resolve().parent / "audio"
BLEED_GAIN = 0.1  # -20 dB
FADE = 160  # 10 ms ramps so cut edges don't click
CHANNEL_OF = {"speaker90": 0, "speaker91": 1}


def main(shared: Path) -> None:
    pyannote, fw = shared / "data" / "pyannote-sample", shared / "data" / "faster-whisper-tests"
    for name in ("sample.wav", "sample.rttm", "sample.stm"):
        shutil.copyfile(pyannote / name, HERE / name)
    for name in ("stereo_diarization.wav", "jfk.flac", "multilingual.mp3"):
        shutil.copyfile(fw / name, HERE / name)

    mono, rate = soundfile.read(HERE / "sample.wav", dtype="float32")
    turns = [line.split() for line in (HERE / "sample.rttm").read_text().splitlines()]
    parties = np.zeros((2, len(mono)), dtype=np.float32)
    for turn in turns:
        start, duration, speaker = float(turn[3]), float(turn[4]), turn[7]
        first, last = int(start * rate), min(int((start + duration) * rate), len(mono))
        envelope = np.ones(last - first, dtype=np.float32)
        ramp = min(FADE, len(envelope) // 2)
        envelope[:ramp] = np.linspace(0, 1, ramp)
        envelope[len(envelope) - ramp :] = np.linspace(1, 0, ramp)
        channel = parties[CHANNEL_OF[speaker], first:last]
        parties[CHANNEL_OF[speaker], first:last] = np.where(
            np.abs(mono[first:last] * envelope) > np.abs(channel), mono[first:last] * envelope, channel
        )
    rng = np.random.default_rng(0)
    line_noise = rng.normal(0, 10 ** (-60 / 20), parties.shape).astype(np.float32)
    stereo = np.stack(
        [parties[0] + BLEED_GAIN * parties[1], parties[1] + BLEED_GAIN * parties[0]]
    ) + line_noise
    soundfile.write(HERE / "stereo_call.wav", stereo.T, rate, subtype="PCM_16")
    narrowband = soxr.resample(stereo.T, rate, 8000)
    soundfile.write(HERE / "stereo_call_ulaw8k.wav", narrowband, 8000, subtype="ULAW")
    soundfile.write(
        HERE / "sample_alaw8k.wav", soxr.resample(mono, rate, 8000), 8000, subtype="ALAW"
    )
    rename = {speaker: f"channel_{channel}" for speaker, channel in CHANNEL_OF.items()}
    rttm = (HERE / "sample.rttm").read_text()
    stm = (HERE / "sample.stm").read_text()
    for old, new in rename.items():
        rttm = rttm.replace(old, new)
    (HERE / "stereo_call.rttm").write_text(rttm.replace("sample", "stereo_call"))
    (HERE / "stereo_call.stm").write_text(stm.replace("sample 1", "stereo_call 1"))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared")
