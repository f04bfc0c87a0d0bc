"""Decode a recording into 16 kHz float32 channels.

soundfile (libsndfile) reads WAV in every PCM/float width and the G.711 μ-law and A-law that call
recorders write, FLAC, OGG and MP3; anything else (m4a, AAC, AMR, ...) goes through PyAV, which
faster-whisper already depends on. Reading and resampling go block by block so an hour-long
recording never holds more than its 16 kHz float32 result in memory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile
import soxr

from callnotes.errors import EmptyAudioError, InvalidAudioError
from models.transcript import AudioInfo

SAMPLE_RATE = 16_000
_BLOCK_FRAMES = 1 << 18  # ~16 s at 16 kHz: a few MB per block whatever the file's size
# Two channels whose difference stays this far below the signal are the same mix written twice.
_DUPLICATE_CHANNEL_DB = -20.0


@dataclass(frozen=True)
class DecodedAudio:
    """Channels × samples at 16 kHz, float32 in [-1, 1]."""

    channels: np.ndarray
    info: AudioInfo

    @property
    def num_channels(self) -> int:
        return self.channels.shape[0]

    @property
    def duration(self) -> float:
        return self.channels.shape[1] / SAMPLE_RATE

    def mono(self) -> np.ndarray:
        if self.num_channels == 1:
            return self.channels[0]
        return self.channels.mean(axis=0, dtype=np.float32)

    def channels_are_duplicates(self) -> bool:
        """True when a 'stereo' file carries the same mixed signal on both channels."""
        if self.num_channels < 2:
            return True
        left, right = self.channels[0], self.channels[1]
        signal = float(np.mean(left.astype(np.float64) ** 2) + np.mean(right.astype(np.float64) ** 2))
        if signal <= 1e-12:
            return True
        difference = float(np.mean((left.astype(np.float64) - right) ** 2))
        return 10 * np.log10(difference / signal + 1e-20) < _DUPLICATE_CHANNEL_DB


def load_audio(path: str | os.PathLike[str]) -> DecodedAudio:
    """Decode ``path`` to 16 kHz; raises ``InvalidAudioError`` / ``EmptyAudioError`` with a
    message that names the problem."""
    path = Path(path)
    if not path.is_file():
        raise InvalidAudioError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise EmptyAudioError(f"{path.name}: the file is empty (0 bytes)")
    try:
        channels, info = _decode_with_soundfile(path)
    except soundfile.LibsndfileError:
        channels, info = _decode_with_pyav(path)
    if channels.shape[1] == 0:
        raise EmptyAudioError(f"{path.name}: the recording has zero duration")
    return DecodedAudio(channels=channels, info=info)


def _decode_with_soundfile(path: Path) -> tuple[np.ndarray, AudioInfo]:
    with soundfile.SoundFile(path) as reader:
        source_rate, num_channels = reader.samplerate, reader.channels
        info = AudioInfo(
            source=path.name,
            format=f"{reader.format}/{reader.subtype}".lower(),
            sample_rate=source_rate,
            channels=num_channels,
            duration=reader.frames / source_rate if reader.frames > 0 else 0.0,
        )
        resampler = _Resampler(source_rate, num_channels)
        try:
            for block in reader.blocks(blocksize=_BLOCK_FRAMES, dtype="float32", always_2d=True):
                resampler.push(block)
        except (soundfile.LibsndfileError, RuntimeError) as error:
            raise InvalidAudioError(f"{path.name}: the recording is truncated or corrupt ({error})")
    channels = resampler.finish()
    return channels, info.model_copy(update={"duration": channels.shape[1] / SAMPLE_RATE})


def _decode_with_pyav(path: Path) -> tuple[np.ndarray, AudioInfo]:
    import av

    try:
        container = av.open(str(path), metadata_errors="ignore")
    except (av.error.FFmpegError, UnicodeDecodeError) as error:
        raise InvalidAudioError(
            f"{path.name}: not a recording we can read (tried WAV/FLAC/OGG/MP3 and FFmpeg: {error})"
        ) from None
    with container:
        if not container.streams.audio:
            raise InvalidAudioError(f"{path.name}: the file has no audio stream")
        stream = container.streams.audio[0]
        num_channels = min(stream.channels or 1, 2)
        layout = "mono" if num_channels == 1 else "stereo"
        # FFmpeg's resampler does the rate conversion here; planar float keeps channels apart.
        converter = av.AudioResampler(format="fltp", layout=layout, rate=SAMPLE_RATE)
        pieces: list[np.ndarray] = []
        try:
            for frame in container.decode(stream):
                pieces.extend(out.to_ndarray() for out in converter.resample(frame))
            pieces.extend(out.to_ndarray() for out in converter.resample(None))
        except av.error.FFmpegError as error:
            raise InvalidAudioError(f"{path.name}: the recording is corrupt ({error})") from None
        codec = stream.codec_context.name
        source_rate = stream.rate or SAMPLE_RATE
    channels = (
        np.concatenate(pieces, axis=1).astype(np.float32, copy=False)
        if pieces
        else np.zeros((num_channels, 0), dtype=np.float32)
    )
    info = AudioInfo(
        source=path.name,
        format=f"{container.format.name}/{codec}",
        sample_rate=source_rate,
        channels=num_channels,
        duration=channels.shape[1] / SAMPLE_RATE,
    )
    return channels, info


class _Resampler:
    """Streams blocks through soxr into one preallocated-as-it-grows channels × samples array."""

    def __init__(self, source_rate: int, num_channels: int) -> None:
        self._keep = min(num_channels, 2)
        # More than two channels: keep the first two; call recorders never write more.
        self._stream = (
            None
            if source_rate == SAMPLE_RATE
            else soxr.ResampleStream(source_rate, SAMPLE_RATE, self._keep, dtype="float32")
        )
        self._pieces: list[np.ndarray] = []

    def push(self, block: np.ndarray) -> None:
        block = np.ascontiguousarray(block[:, : self._keep])
        out = block if self._stream is None else self._stream.resample_chunk(block)
        if len(out):
            self._pieces.append(out.T.copy())

    def finish(self) -> np.ndarray:
        if self._stream is not None:
            tail = self._stream.resample_chunk(np.zeros((0, self._keep), np.float32), last=True)
            if len(tail):
                self._pieces.append(tail.T.copy())
        if not self._pieces:
            return np.zeros((self._keep, 0), dtype=np.float32)
        return np.concatenate(self._pieces, axis=1)
