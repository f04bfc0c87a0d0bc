"""The learned category, resolution and complaint models: shipped in step with the dev set they
were trained on, read back exactly as trained, voting beside the rules without overruling a
clear rule on a short text, and scored by the benchmark only on calls they were not trained on."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.extraction import DEV_DIR, FOLD_SIZE, _out_of_fold_models, load_dev_set
from models.note import Resolution
from pipeline.process import process_text
from pipeline.extract.context import Found
from pipeline.extract.label_models import (
    LABELS,
    PURPOSE_KINDS,
    LabelModel,
    TrainingCall,
    shipped_model,
    train,
    train_all,
    training_calls,
    vote,
)


@pytest.fixture(scope="module")
def dev_calls() -> list[TrainingCall]:
    return training_calls(DEV_DIR)


@pytest.mark.parametrize("label", LABELS)
def test_the_shipped_models_were_trained_on_the_whole_korean_dev_set(dev_calls, label) -> None:
    # Calls added to samples/transcripts without retraining would be scored by models that
    # never saw them: `python -m pipeline.extract.label_models samples/transcripts`.
    assert shipped_model(label).trained_on == frozenset(c.id for c in dev_calls)


def test_retraining_on_the_dev_set_gives_the_shipped_models_back(dev_calls) -> None:
    retrained = train_all(dev_calls)
    for label in LABELS:
        again, shipped = getattr(retrained, label), shipped_model(label)
        assert again.classes == shipped.classes
        for call in dev_calls[::25]:
            p, q = again.probabilities(call.features), shipped.probabilities(call.features)
            assert max(abs(p[c] - q[c]) for c in shipped.classes) < 1e-3


def test_a_model_reads_back_from_json_with_the_same_probabilities(dev_calls) -> None:
    head = dev_calls[:60]
    model = train([c.features for c in head], [c.complaint for c in head], [c.id for c in head])
    again = LabelModel.from_json(model.to_json())
    assert again.classes == ("False", "True")
    for call in dev_calls[60:70]:
        p, q = model.probabilities(call.features), again.probabilities(call.features)
        assert np.allclose([p[c] for c in model.classes], [q[c] for c in model.classes], atol=1e-5)
    assert again.trained_on == frozenset(c.id for c in head)


def test_words_never_seen_in_training_leave_a_model_at_its_prior() -> None:
    model = shipped_model("category")
    prior = model.probabilities([])
    assert model.probabilities(["c:없는낱말", "a:또없는낱말"]) == prior
    assert abs(sum(prior.values()) - 1.0) < 1e-9


def test_on_a_few_lines_the_rules_answer_stands(dev_calls) -> None:
    ruled = Found(Resolution.ESCALATED, (), 0.75)
    # Ten lemmas are a tenth of a call: the model's say shrinks with them.
    few = dev_calls[0].features[:10]
    assert vote(shipped_model("resolution"), few, ruled, Resolution).value is Resolution.ESCALATED


def test_over_a_whole_call_a_sure_model_overrules_the_rules(dev_calls) -> None:
    model = shipped_model("resolution")
    for call in dev_calls:
        probabilities = model.probabilities(call.features)
        best = max(probabilities, key=probabilities.__getitem__)
        other = min(probabilities, key=probabilities.__getitem__)
        if len(call.features) >= 80 and probabilities[best] - probabilities[other] > 0.35:
            voted = vote(model, call.features, Found(Resolution(other), (), 0.75), Resolution)
            assert voted.value is Resolution(best)
            return
    pytest.fail("no dev call on which the resolution model is sure")


def test_the_benchmark_scores_each_dev_call_with_models_that_never_saw_it() -> None:
    calls, _ = load_dev_set(DEV_DIR)
    folds = _out_of_fold_models(calls)
    assert set(folds) == {c.id for c in calls} & shipped_model("category").trained_on
    for call_id, models in folds.items():
        for label in LABELS:
            trained_on = getattr(models, label).trained_on
            assert call_id not in trained_on
            # Only one batch is left out of each model; the rest of the dev set is kept.
            assert len(trained_on) >= len(folds) - FOLD_SIZE


def test_a_set_the_models_never_saw_is_scored_with_the_shipped_models() -> None:
    held_out, _ = load_dev_set(DEV_DIR / "validation")
    assert held_out and _out_of_fold_models(held_out) == {}


def test_the_purpose_line_ends_in_a_kind_of_request_the_logs_use() -> None:
    calls, _ = load_dev_set(DEV_DIR)
    for call in calls[::30]:
        purpose = process_text(call.text, call_started_at=call.call_started_at).note.purpose
        assert purpose and purpose.endswith(PURPOSE_KINDS)
