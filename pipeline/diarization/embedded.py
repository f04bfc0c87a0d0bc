"""Mono recordings: VAD, speaker embeddings, clustering, resegmentation.

Embeddings come from resemblyzer's GE2E voice encoder, whose weights ship inside its wheel, so
this works offline. On telephone audio same-speaker cosine similarity (0.79–0.93) and
cross-speaker similarity (0.65–0.86) overlap, so the clustering is k-means with the known number
of parties (average-linkage collapsed into one cluster on the reference call), followed by a
frame-level vote of all windows covering a frame and a smoothing pass that removes flicker.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass

import numpy as np

from callnotes.config import DiarizationSettings
from pipeline.audio import SAMPLE_RATE
from pipeline.diarization.base import (
    FRAME_SECONDS,
    Diarization,
    labels_to_turns,
    regions_to_mask,
)
from pipeline.diarization.vad import speech_regions


@dataclass(frozen=True)
class EmbeddingTunables:
    """Tunables, apart from the constructor's arguments (pyannote's convention)."""

    window_frames: int = 160  # the encoder's own partial length: 1.6 s of 10 ms mel frames
    step_frames: int = 40  # a window every 0.4 s: 0.25 s cost 1.6× more for no better DER
    min_speech_coverage: float = 0.5  # windows mostly outside speech embed noise, not voice
    batch_size: int = 128
    median_frames: int = 31  # ~0.3 s: shorter label flips are flicker, not turns
    min_turn: float = 0.2


TUNABLES = EmbeddingTunables()
_encoder_lock = threading.Lock()


@functools.cache
def _voice_encoder():
    import logging

    # resemblyzer imports webrtcvad, which imports pkg_resources and warns about it.
    logging.getLogger("py.warnings").setLevel(logging.ERROR)
    from resemblyzer import VoiceEncoder

    return VoiceEncoder("cpu", verbose=False)


def diarize_mono(
    samples: np.ndarray,
    settings: DiarizationSettings,
    tunables: EmbeddingTunables = TUNABLES,
) -> Diarization:
    num_frames = int(len(samples) / (SAMPLE_RATE * FRAME_SECONDS))
    speech = regions_to_mask(speech_regions(samples), num_frames)
    if not speech.any():
        return Diarization(turns=(), backend="embedded", num_speakers=0)
    starts, embeddings = _window_embeddings(samples, speech, tunables)
    if len(embeddings) == 0:
        labels = np.where(speech, 0, -1)
        return _result(labels, 1)
    clusters = _cluster(embeddings, settings)
    labels = _vote(starts, clusters, speech, tunables)
    labels = _smooth(labels, speech, tunables)
    return _result(labels, int(clusters.max()) + 1)


def _result(labels: np.ndarray, num_speakers: int) -> Diarization:
    names = [f"speaker_{index}" for index in range(num_speakers)]
    turns = labels_to_turns(labels, names)
    present = len({turn.speaker for turn in turns})
    return Diarization(turns=tuple(turns), backend="embedded", num_speakers=present)


def _window_embeddings(
    samples: np.ndarray, speech: np.ndarray, tunables: EmbeddingTunables
) -> tuple[np.ndarray, np.ndarray]:
    """Embeddings of the windows that are mostly speech, with their first frame index."""
    import torch
    from resemblyzer.audio import normalize_volume, wav_to_mel_spectrogram
    from resemblyzer.hparams import audio_norm_target_dBFS

    encoder = _voice_encoder()
    wav = normalize_volume(samples.astype(np.float32), audio_norm_target_dBFS, increase_only=True)
    mel = wav_to_mel_spectrogram(wav)  # one frame per 10 ms, aligned with the speech mask
    last_start = max(len(mel) - tunables.window_frames, 0)
    candidates = np.arange(0, last_start + 1, tunables.step_frames)
    coverage = np.array(
        [speech[start : start + tunables.window_frames].mean() for start in candidates]
    )
    starts = candidates[coverage >= tunables.min_speech_coverage]
    if len(mel) < tunables.window_frames or len(starts) == 0:
        return starts, np.zeros((0, 256), dtype=np.float32)
    outputs = []
    with _encoder_lock, torch.inference_mode():
        for batch_start in range(0, len(starts), tunables.batch_size):
            batch = starts[batch_start : batch_start + tunables.batch_size]
            mels = np.stack([mel[start : start + tunables.window_frames] for start in batch])
            outputs.append(encoder(torch.from_numpy(mels)).numpy())
    return starts, np.concatenate(outputs)


def _cluster(embeddings: np.ndarray, settings: DiarizationSettings) -> np.ndarray:
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    normalized = embeddings / np.linalg.norm(embeddings, axis=1, keepdims=True)
    candidates = _speaker_counts(settings, len(normalized))
    best_labels, best_score = np.zeros(len(normalized), dtype=int), -np.inf
    for count in candidates:
        if count == 1:
            continue
        labels = KMeans(n_clusters=count, n_init=10, random_state=0).fit_predict(normalized)
        if len(candidates) == 1:
            return labels
        score = silhouette_score(normalized, labels, metric="cosine")
        if score > best_score:
            best_labels, best_score = labels, score
    return best_labels


def _speaker_counts(settings: DiarizationSettings, num_windows: int) -> list[int]:
    if num_windows < 2:
        return [1]
    if settings.num_speakers is not None and settings.min_speakers is None and settings.max_speakers is None:
        return [min(settings.num_speakers, num_windows)]
    low = settings.min_speakers or 1
    high = settings.max_speakers or max(low, settings.num_speakers or 2)
    return list(range(low, min(high, num_windows) + 1))


def _vote(
    starts: np.ndarray, clusters: np.ndarray, speech: np.ndarray, tunables: EmbeddingTunables
) -> np.ndarray:
    """Each speech frame takes the cluster that most windows covering it belong to, windows
    weighted towards their centre (their edges reach into the neighbour's speech)."""
    num_clusters = int(clusters.max()) + 1
    votes = np.zeros((len(speech), num_clusters))
    weights = np.hanning(tunables.window_frames + 2)[1:-1]
    for start, cluster in zip(starts, clusters):
        end = min(start + tunables.window_frames, len(speech))
        votes[start:end, cluster] += weights[: end - start]
    labels = np.where(votes.any(axis=1), votes.argmax(axis=1), -1)
    return _fill_unvoted(labels, speech)


def _fill_unvoted(labels: np.ndarray, speech: np.ndarray) -> np.ndarray:
    """Speech frames no window covered take the label of the nearest voted frame."""
    voted = np.flatnonzero(labels >= 0)
    labels = labels.copy()
    if len(voted) == 0:
        return labels
    missing = np.flatnonzero(speech & (labels < 0))
    nearest = np.searchsorted(voted, missing).clip(0, len(voted) - 1)
    previous = (nearest - 1).clip(0)
    use_previous = np.abs(voted[previous] - missing) < np.abs(voted[nearest] - missing)
    labels[missing] = labels[voted[np.where(use_previous, previous, nearest)]]
    labels[~speech] = -1
    return labels


def _smooth(labels: np.ndarray, speech: np.ndarray, tunables: EmbeddingTunables) -> np.ndarray:
    from scipy.ndimage import median_filter

    smoothed = median_filter(labels, size=tunables.median_frames, mode="nearest")
    smoothed[~speech] = -1
    smoothed[speech & (smoothed < 0)] = labels[speech & (smoothed < 0)]
    return _absorb_short_runs(smoothed, tunables.min_turn)


def _absorb_short_runs(labels: np.ndarray, min_turn: float) -> np.ndarray:
    """A run shorter than ``min_turn`` inside speech takes its longer neighbour's label."""
    labels = labels.copy()
    min_frames = int(min_turn / FRAME_SECONDS)
    boundaries = np.flatnonzero(np.diff(labels)) + 1
    edges = np.concatenate(([0], boundaries, [len(labels)]))
    for left, start, end, right in zip(edges, edges[1:], edges[2:], edges[3:]):
        if labels[start] >= 0 and end - start < min_frames:
            before, after = labels[start - 1], labels[end] if end < len(labels) else -1
            if before >= 0 and after >= 0:
                labels[start:end] = before if start - left >= right - end else after
            elif before >= 0 or after >= 0:
                labels[start:end] = max(before, after)
    return labels

