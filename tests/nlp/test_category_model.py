"""The learned category model: shipped in step with the dev set it was trained on, read back
exactly as trained, and scored by the benchmark only on calls it was not trained on."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.extraction import DEV_DIR, _out_of_fold_models, load_dev_set
from pipeline.extract.category_model import (
    CategoryModel,
    shipped_model,
    train,
    training_calls,
)


@pytest.fixture(scope="module")
def dev_calls() -> tuple[list[str], list[list[str]], list[str]]:
    return training_calls(DEV_DIR)


def test_the_shipped_model_was_trained_on_the_whole_korean_dev_set(dev_calls) -> None:
    ids, _, _ = dev_calls
    # Calls added to samples/transcripts without retraining would be scored by a model that
    # never saw them: `python -m pipeline.extract.category_model samples/transcripts`.
    assert shipped_model().trained_on == frozenset(ids)


def test_retraining_on_the_dev_set_gives_the_shipped_model_back(dev_calls) -> None:
    ids, documents, labels = dev_calls
    retrained = train(documents, labels, ids)
    shipped = shipped_model()
    assert retrained.classes == shipped.classes
    for document in documents[::20]:
        again, before = retrained.probabilities(document), shipped.probabilities(document)
        assert max(abs(again[c] - before[c]) for c in shipped.classes) < 1e-3


def test_a_model_reads_back_from_json_with_the_same_probabilities(dev_calls) -> None:
    ids, documents, labels = dev_calls
    model = train(documents[:60], labels[:60], ids[:60])
    again = CategoryModel.from_json(model.to_json())
    for document in documents[60:70]:
        p, q = model.probabilities(document), again.probabilities(document)
        assert np.allclose([p[c] for c in model.classes], [q[c] for c in model.classes], atol=1e-5)
    assert again.trained_on == frozenset(ids[:60])


def test_words_never_seen_in_training_leave_the_model_at_its_prior() -> None:
    model = shipped_model()
    prior = model.probabilities([])
    assert model.probabilities(["c:없는낱말", "a:또없는낱말"]) == prior
    assert abs(sum(prior.values()) - 1.0) < 1e-9


def test_the_benchmark_scores_each_dev_call_with_a_model_that_never_saw_it() -> None:
    calls, _ = load_dev_set(DEV_DIR)
    models = _out_of_fold_models(calls)
    assert set(models) == {c.id for c in calls} & shipped_model().trained_on
    assert all(call_id not in model.trained_on for call_id, model in models.items())
    # Only the calls of one batch are left out of each model, the rest of the set is kept.
    assert all(len(model.trained_on) >= len(models) - 12 for model in models.values())


def test_a_set_the_model_never_saw_is_scored_with_the_shipped_model() -> None:
    held_out, _ = load_dev_set(DEV_DIR / "validation")
    assert held_out and _out_of_fold_models(held_out) == {}
