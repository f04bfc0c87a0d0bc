"""The English label models: shipped beside the Korean ones and trained on the English dev set,
voting beside the English cue rules, and scored by the benchmark out of fold with each
author's batch left out (e01–e20 as one)."""

from __future__ import annotations

import datetime as dt

import pytest

from benchmarks.extraction import DEV_DIR, FIRST_ENGLISH_BATCH, FOLD_SIZE, _out_of_fold_models, load_dev_set
from models.note import Category
from pipeline.extract import english_outcome
from pipeline.extract.english_call import build_call
from pipeline.extract.label_models import (
    ENGLISH_LABELS,
    LABELS,
    TrainingCall,
    english_training_calls,
    model_path,
    shipped_model,
)
from pipeline.process import process_text
from pipeline.textinput import parse_text_transcript

ENGLISH_DIR = DEV_DIR / "en"
STARTED = dt.datetime(2026, 12, 1, 10, 0)
# A bill disputed in words no English cue was written for ("statement", "way higher than
# normal", "data i never used"): the cues alone read it as "other".
UNSEEN_BILLING = """agent: thanks for calling northgate mobile this is priya how can i help
customer: hi yeah my statement this month is way higher than normal it says forty two pounds for data i never used
customer: i was at home on wifi the whole month so i don't get where that amount comes from
agent: i'm sorry about that can i take your account number
customer: it's four four one two nine eight
agent: thank you i can see the extra data bundle on the statement
agent: i'm sending this to our billing review team they will decide on a credit within five working days
customer: okay thanks"""


@pytest.fixture(scope="module")
def english_calls() -> list[TrainingCall]:
    return english_training_calls(ENGLISH_DIR)


@pytest.mark.parametrize("label", ENGLISH_LABELS)
def test_the_shipped_english_models_were_trained_on_the_whole_english_dev_set(english_calls, label) -> None:
    # Calls added to samples/transcripts/en without retraining would be scored by models that
    # never saw them: `python -m pipeline.extract.label_models samples/transcripts`.
    assert shipped_model(label, "en").trained_on == frozenset(c.id for c in english_calls)
    assert model_path(label, "en").name == f"{label}_model_en.json"


@pytest.mark.parametrize("label", LABELS)
def test_the_korean_models_read_no_english_call(english_calls, label) -> None:
    assert not shipped_model(label).trained_on & {c.id for c in english_calls}


def test_an_english_bill_said_in_unseen_words_is_billing() -> None:
    call = build_call(parse_text_transcript(UNSEEN_BILLING), STARTED)
    ruled = english_outcome.category(call, english_outcome.complaint(call).value)
    assert ruled.value is Category.OTHER
    note = process_text(UNSEEN_BILLING, call_started_at=STARTED).note
    assert note.category is Category.BILLING


def test_a_clear_english_hand_off_stays_escalated() -> None:
    note = process_text(UNSEEN_BILLING, call_started_at=STARTED).note
    assert note.resolution.value == "escalated"


def test_the_benchmark_scores_each_english_dev_call_without_its_authors_batch() -> None:
    calls, _ = load_dev_set(ENGLISH_DIR)
    folds = _out_of_fold_models(calls)
    assert set(folds) == {c.id for c in calls}
    first_author = {c.id for c in calls[:FIRST_ENGLISH_BATCH]}
    for call_id, models in folds.items():
        trained_on = models.category.trained_on
        assert call_id not in trained_on
        if call_id in first_author:
            assert not trained_on & first_author
        else:
            assert len(trained_on) == len(calls) - FOLD_SIZE
        assert models.purpose_kind is None


def test_an_english_set_the_models_never_saw_is_scored_with_the_shipped_models() -> None:
    held_out, _ = load_dev_set(ENGLISH_DIR / "validation")
    assert held_out and _out_of_fold_models(held_out) == {}
