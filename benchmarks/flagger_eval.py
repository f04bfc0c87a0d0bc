"""Phrasing-flagger benchmark: precision, recall and kind accuracy on labelled sentences.

    python -m benchmarks.flagger_eval                      # samples/notes/phrasing.jsonl
    python -m benchmarks.flagger_eval PATH --errors        # also list every wrong sentence

Each line of the file is {"id", "text", "label": "subjective"|"vague"|"ok", "span"}. A sentence
is predicted positive when ``flag_text`` returns at least one flag; a true positive is
kind-correct when one of its flags has the labelled kind. Lines that do not parse (the file may
be being written) are skipped and counted.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError

from callnotes.errors import CallnotesError, NotFoundError

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "samples" / "notes" / "phrasing.jsonl"
Label = Literal["subjective", "vague", "ok"]
LABELS: tuple[Label, ...] = ("subjective", "vague", "ok")


class Sample(BaseModel):
    id: str | int
    text: str
    label: Label
    span: object | None = None


@dataclass(frozen=True)
class KindScores:
    precision: float
    recall: float
    support: int


@dataclass(frozen=True)
class Prediction:
    sample: Sample
    predicted: Label  # the labelled kind when any flag has it, else the first flag's kind
    flagged: tuple[str, ...]


@dataclass(frozen=True)
class FlaggerScores:
    precision: float
    recall: float
    kind_accuracy: float  # of true positives, the share with a flag of the labelled kind
    per_kind: dict[str, KindScores]
    confusion: dict[str, dict[str, int]]  # gold label → predicted label → count
    samples: int
    skipped_lines: int
    errors: tuple[Prediction, ...] = field(default=())

    @property
    def f1(self) -> float:
        return _ratio(2 * self.precision * self.recall, self.precision + self.recall)


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _read_samples(path: Path) -> tuple[list[Sample], int]:
    if not path.is_file():
        raise NotFoundError(f"no phrasing samples at {path}")
    samples, skipped = [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            samples.append(Sample.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError):
            skipped += 1
    return samples, skipped


def _predict(samples: list[Sample]) -> Iterator[Prediction]:
    from pipeline.flagging import flag_text

    for sample in samples:
        flags = flag_text(sample.text)
        kinds = tuple(f.kind.value for f in flags)
        predicted: Label = sample.label if sample.label in kinds else (kinds[0] if kinds else "ok")
        yield Prediction(sample, predicted, tuple(f.text for f in flags))


def _per_kind(predictions: list[Prediction], kind: str) -> KindScores:
    hits = sum(p.predicted == kind and p.sample.label == kind for p in predictions)
    predicted = sum(p.predicted == kind for p in predictions)
    gold = sum(p.sample.label == kind for p in predictions)
    return KindScores(_ratio(hits, predicted), _ratio(hits, gold), gold)


def score_flagger(path: Path = DEFAULT_PATH) -> FlaggerScores:
    """Scores ``flag_text`` on the labelled sentences in ``path`` (JSON lines)."""
    samples, skipped = _read_samples(path)
    predictions = list(_predict(samples))
    positive = [p for p in predictions if p.sample.label != "ok"]
    flagged = [p for p in predictions if p.predicted != "ok"]
    true_positive = [p for p in flagged if p.sample.label != "ok"]
    confusion = {gold: {pred: 0 for pred in LABELS} for gold in LABELS}
    for p in predictions:
        confusion[p.sample.label][p.predicted] += 1
    return FlaggerScores(
        precision=_ratio(len(true_positive), len(flagged)),
        recall=_ratio(len(true_positive), len(positive)),
        kind_accuracy=_ratio(
            sum(p.predicted == p.sample.label for p in true_positive), len(true_positive)
        ),
        per_kind={kind: _per_kind(predictions, kind) for kind in ("subjective", "vague")},
        confusion=confusion,
        samples=len(samples),
        skipped_lines=skipped,
        errors=tuple(p for p in predictions if p.predicted != p.sample.label),
    )


def _print_scores(scores: FlaggerScores, *, show_errors: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    summary = Table(title=f"Phrasing flagger — {scores.samples} sentences")
    for column in ("", "precision", "recall", "support"):
        summary.add_column(column, justify="right")
    positives = sum(k.support for k in scores.per_kind.values())
    summary.add_row(
        "flagged (any kind)", f"{scores.precision:.3f}", f"{scores.recall:.3f}", str(positives)
    )
    for kind, kind_scores in scores.per_kind.items():
        summary.add_row(
            kind,
            f"{kind_scores.precision:.3f}",
            f"{kind_scores.recall:.3f}",
            str(kind_scores.support),
        )
    console.print(summary)
    console.print(
        f"F1 {scores.f1:.3f} · kind accuracy on true positives {scores.kind_accuracy:.3f}"
        + (f" · {scores.skipped_lines} unreadable lines skipped" if scores.skipped_lines else "")
    )
    confusion = Table(title="gold ↓ / predicted →")
    confusion.add_column("")
    for label in LABELS:
        confusion.add_column(label, justify="right")
    for gold, row in scores.confusion.items():
        confusion.add_row(gold, *(str(row[label]) for label in LABELS))
    console.print(confusion)
    if show_errors:
        for error in scores.errors:
            console.print(
                f"[{error.sample.id}] {error.sample.label} → {error.predicted}: "
                f"{error.sample.text}  flagged={list(error.flagged)}"
            )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--errors", action="store_true", help="list every wrong sentence")
    args = parser.parse_args(argv)
    try:
        scores = score_flagger(args.path)
    except CallnotesError as error:
        raise SystemExit(f"error: {error.message}") from None
    _print_scores(scores, show_errors=args.errors)


if __name__ == "__main__":
    main()
