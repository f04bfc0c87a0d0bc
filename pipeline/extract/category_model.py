"""A linear model of the call's category over the lemmas said in it, trained on the dev set.

Why a learned model beside the cue lexicon: the cues scored 92% on the calls they were written
from but 67–72% on calls by authors they had never seen, because every author names a problem
with their own words. A logistic regression over all the call's content lemmas, trained on the
same calls, scored 81–89% on those unseen calls. ``classify_category`` blends its probabilities
with the cues' shares, so a short call with one clear cue is still read right.

The shipped weights are ``pipeline/nlp/data/category_model.json``; rebuild them after adding
calls to the dev set with ``python -m pipeline.extract.category_model samples/transcripts``.
scikit-learn is needed only to train.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from models.transcript import Role
from pipeline.extract.context import CallContext, build_context
from pipeline.hangul import has_hangul
from pipeline.nlp import DATA_DIR
from pipeline.textinput import parse_text_transcript

MODEL_PATH = DATA_DIR / "category_model.json"
FEATURE_TAGS = ("NNG", "NNP", "VV", "VA", "XR")
# A lemma said in one training call only is that call's detail, not a sign of its category.
MIN_CALLS_PER_LEMMA = 2
# Inverse regularisation strength; chosen by cross-validation over author batches of the dev set.
REGULARISATION_C = 10.0


def call_features(context: CallContext) -> list[str]:
    """The call's content lemmas, each marked with who said it: "환불" asked for by the
    customer and "환불" explained by the agent are different evidence."""
    features = []
    for turn in context.turns:
        speaker = "c:" if turn.role is Role.CUSTOMER else "a:"
        features.extend(speaker + m.lemma for m in turn.morphs if m.tag.startswith(FEATURE_TAGS))
    return features


@dataclass(frozen=True)
class CategoryModel:
    classes: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # classes × vocabulary
    intercept: np.ndarray
    # The calls it was trained on, so a benchmark over them can score out of fold instead.
    trained_on: frozenset[str] = frozenset()

    def vector(self, features: Iterable[str]) -> np.ndarray:
        x = np.zeros(len(self.vocabulary))
        for feature, count in Counter(features).items():
            index = self.vocabulary.get(feature)
            if index is not None:
                x[index] = count * self.idf[index]
        norm = np.linalg.norm(x)
        return x / norm if norm else x

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        scores = self.coef @ self.vector(features) + self.intercept
        exp = np.exp(scores - scores.max())
        return dict(zip(self.classes, (exp / exp.sum()).tolist(), strict=True))

    def to_json(self) -> str:
        words = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return json.dumps(
            {
                "classes": list(self.classes),
                "trained_on": sorted(self.trained_on),
                "vocabulary": words,
                "idf": [round(v, 6) for v in self.idf.tolist()],
                "coef": [[round(v, 6) for v in row] for row in self.coef.tolist()],
                "intercept": [round(v, 6) for v in self.intercept.tolist()],
            },
            ensure_ascii=False,
            indent=0,
        )

    @classmethod
    def from_json(cls, text: str) -> CategoryModel:
        data = json.loads(text)
        return cls(
            classes=tuple(data["classes"]),
            vocabulary={word: i for i, word in enumerate(data["vocabulary"])},
            idf=np.array(data["idf"]),
            coef=np.array(data["coef"]),
            intercept=np.array(data["intercept"]),
            trained_on=frozenset(data["trained_on"]),
        )


def train(
    documents: Sequence[Sequence[str]], labels: Sequence[str], call_ids: Iterable[str] = ()
) -> CategoryModel:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    calls_with = Counter(feature for document in documents for feature in set(document))
    words = sorted(w for w, n in calls_with.items() if n >= MIN_CALLS_PER_LEMMA)
    vocabulary = {word: i for i, word in enumerate(words)}
    # Smoothed idf, as scikit-learn's TfidfVectorizer computes it.
    idf = np.array([math.log((1 + len(documents)) / (1 + calls_with[w])) + 1 for w in words])
    model = CategoryModel(("",), vocabulary, idf, np.zeros((1, len(words))), np.zeros(1))
    matrix = csr_matrix(np.vstack([model.vector(document) for document in documents]))
    fitted = LogisticRegression(C=REGULARISATION_C, max_iter=5000).fit(matrix, list(labels))
    return CategoryModel(
        classes=tuple(str(c) for c in fitted.classes_),
        vocabulary=vocabulary,
        idf=idf,
        coef=fitted.coef_,
        intercept=fitted.intercept_,
        trained_on=frozenset(call_ids),
    )


@cache
def shipped_model() -> CategoryModel:
    return CategoryModel.from_json(MODEL_PATH.read_text(encoding="utf-8"))


def training_calls(directory: Path) -> tuple[list[str], list[list[str]], list[str]]:
    """The Korean calls of a dev-set directory: their ids, features and gold categories."""
    ids, documents, labels = [], [], []
    for gold_path in sorted(directory.glob("*.json")):
        data = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        if not has_hangul(text):
            continue
        started = data.get("call_started_at")
        context = build_context(
            parse_text_transcript(text), dt.datetime.fromisoformat(started) if started else None
        )
        ids.append(str(data.get("id", gold_path.stem)))
        documents.append(call_features(context))
        labels.append(data["gold"]["category"])
    return ids, documents, labels


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    directory = Path(args[0] if args else "samples/transcripts")
    ids, documents, labels = training_calls(directory)
    model = train(documents, labels, ids)
    MODEL_PATH.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"trained on {len(ids)} calls, {len(model.vocabulary)} lemmas → {MODEL_PATH}")


if __name__ == "__main__":
    main()
