"""Core types of diarization, apart from the backends that produce them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.transcript import SpeakerTurn

FRAME_SECONDS = 0.01  # label resolution shared by every backend


@dataclass(frozen=True)
class Region:
    start: float
    end: float


@dataclass(frozen=True)
class Diarization:
    """Who spoke when: the one output type of every backend."""

    turns: tuple[SpeakerTurn, ...]
    backend: str
    num_speakers: int

    def to_annotation(self, uri: str = "call"):
        from pyannote.core import Annotation, Segment

        annotation = Annotation(uri=uri)
        for index, turn in enumerate(self.turns):
            annotation[Segment(turn.start, turn.end), index] = turn.speaker
        return annotation

    def to_rttm(self, uri: str = "call") -> str:
        return "".join(
            f"SPEAKER {uri} 1 {turn.start:.3f} {turn.duration:.3f} <NA> <NA> {turn.speaker} <NA> <NA>\n"
            for turn in self.turns
        )


def regions_to_mask(regions: list[Region], num_frames: int) -> np.ndarray:
    mask = np.zeros(num_frames, dtype=bool)
    for region in regions:
        mask[int(region.start / FRAME_SECONDS) : int(np.ceil(region.end / FRAME_SECONDS))] = True
    return mask


def mask_to_regions(mask: np.ndarray) -> list[Region]:
    """Runs of True frames as regions in seconds."""
    padded = np.concatenate(([False], mask, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return [
        Region(start * FRAME_SECONDS, end * FRAME_SECONDS)
        for start, end in zip(edges[::2], edges[1::2])
    ]


def close_gaps(mask: np.ndarray, max_gap: float) -> np.ndarray:
    """Fill silent gaps shorter than ``max_gap`` between two active stretches."""
    result = mask.copy()
    regions = mask_to_regions(mask)
    for before, after in zip(regions, regions[1:]):
        if after.start - before.end < max_gap:
            result[int(before.end / FRAME_SECONDS) : int(after.start / FRAME_SECONDS)] = True
    return result


def drop_short(mask: np.ndarray, min_duration: float) -> np.ndarray:
    result = mask.copy()
    for region in mask_to_regions(mask):
        if region.end - region.start < min_duration:
            result[int(region.start / FRAME_SECONDS) : int(round(region.end / FRAME_SECONDS))] = False
    return result


def labels_to_turns(labels: np.ndarray, names: list[str]) -> list[SpeakerTurn]:
    """Frame labels (−1 = no speech) to turns; one turn per run of the same label."""
    turns: list[SpeakerTurn] = []
    for index, name in enumerate(names):
        for region in mask_to_regions(labels == index):
            turns.append(SpeakerTurn(start=round(region.start, 3), end=round(region.end, 3), speaker=name))
    return sorted(turns, key=lambda turn: (turn.start, turn.end))
