"""Stereo call recordings: one party per channel.

Each channel's voice activity is taken from Silero VAD, then frames where the channel is only
carrying the other party's voice (crosstalk: the far end bleeding in at a lower level) are
dropped. The bleed level is measured per recording, as the typical level difference between the
two channels while only the other party talks, so a frame is kept when this channel is clearly
louder than bleed would make it — which keeps genuine double talk.
"""

from __future__ import annotations

import numpy as np
from scipy.ndimage import uniform_filter1d

from models.transcript import SpeakerTurn
from pipeline.audio import SAMPLE_RATE, DecodedAudio
from pipeline.diarization.base import (
    FRAME_SECONDS,
    Diarization,
    close_gaps,
    drop_short,
    mask_to_regions,
    regions_to_mask,
)
from pipeline.diarization.vad import speech_regions

_FRAME = int(SAMPLE_RATE * FRAME_SECONDS)
_SMOOTH_FRAMES = 5  # 50 ms energy smoothing: syllable-level dips must not flip a frame
_BLEED_MARGIN_DB = 6.0
_MAX_GAP = 0.3
_MIN_TURN = 0.15


def channel_speaker(channel: int) -> str:
    return f"channel_{channel}"


def diarize_channels(audio: DecodedAudio) -> Diarization:
    if audio.num_channels != 2:
        raise ValueError("the channel backend needs a two-channel recording")
    num_frames = audio.channels.shape[1] // _FRAME
    if num_frames == 0:  # shorter than one 10 ms frame: nobody can have spoken
        return Diarization(turns=(), backend="channel", num_speakers=0)
    energies = [_frame_energy_db(channel, num_frames) for channel in audio.channels]
    activity = [
        regions_to_mask(speech_regions(channel), num_frames) for channel in audio.channels
    ]
    turns: list[SpeakerTurn] = []
    for own, other in ((0, 1), (1, 0)):
        kept = _own_voice(activity[own], activity[other], energies[own], energies[other])
        turns.extend(
            SpeakerTurn(
                start=round(region.start, 3),
                end=round(region.end, 3),
                speaker=channel_speaker(own),
                channel=own,
            )
            for region in mask_to_regions(kept)
        )
    turns.sort(key=lambda turn: (turn.start, turn.end))
    return Diarization(turns=tuple(turns), backend="channel", num_speakers=2)


def _own_voice(
    own_active: np.ndarray, other_active: np.ndarray, own_db: np.ndarray, other_db: np.ndarray
) -> np.ndarray:
    # The loudest of the other channel's active frames are its party's own voice (its quieter
    # active frames may be this party bleeding the other way); there, this channel shows the
    # bleed level, or ~0 dB during double talk, which the median outvotes.
    if other_active.any():
        loud = other_active & (other_db >= np.percentile(other_db[other_active], 60))
        bleed_db = float(np.median((own_db - other_db)[loud]))
    else:
        bleed_db = -60.0
    # What this channel would carry with its own party silent: the other party's bleed plus the
    # line's noise floor. Pauses between syllables sit at the floor on both channels, so a bare
    # level difference would call them this party's speech.
    noise_db = float(np.percentile(own_db, 10))
    expected_db = 10 * np.log10(10 ** ((other_db + bleed_db) / 10) + 10 ** (noise_db / 10))
    dominant = own_active & (own_db > expected_db + _BLEED_MARGIN_DB)
    return drop_short(close_gaps(dominant, _MAX_GAP) & own_active, _MIN_TURN)


def _frame_energy_db(samples: np.ndarray, num_frames: int) -> np.ndarray:
    frames = samples[: num_frames * _FRAME].astype(np.float64).reshape(num_frames, _FRAME)
    power = np.mean(frames**2, axis=1)
    # uniform_filter1d keeps the length; np.convolve(mode="same") does not when a recording
    # is shorter than the kernel.
    return 10 * np.log10(uniform_filter1d(power, _SMOOTH_FRAMES, mode="nearest") + 1e-10)
