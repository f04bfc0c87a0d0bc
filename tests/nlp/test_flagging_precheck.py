"""The flagger skips the spaCy pipeline for texts no pattern can match; it must never skip one
that the pipeline would flag."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.flagging import _analysed, _may_be_flagged, flag_text
from pipeline.nlp.components import FLAG_SPAN_KEY

PHRASING = Path(__file__).resolve().parents[2] / "samples" / "notes" / "phrasing.jsonl"


def test_no_labelled_sentence_with_a_flag_is_skipped() -> None:
    sentences = [json.loads(line)["text"] for line in PHRASING.read_text(encoding="utf-8").splitlines()]
    for text in sentences:
        if list(_analysed(text).spans[FLAG_SPAN_KEY]):
            assert _may_be_flagged(text), text


def test_plain_drafted_steps_are_skipped_and_still_unflagged() -> None:
    for text in ("주문 조회", "물류센터에 출고 요청", "세탁기 배수 불량 방문 수리", "반품 회수 접수"):
        assert not _may_be_flagged(text)
        assert flag_text(text) == []


def test_english_and_flaggable_korean_are_checked_in_full() -> None:
    assert _may_be_flagged("Customer was very rude")
    assert _may_be_flagged("고객이 매우 화가 난 상태였음")
    assert [f.kind.value for f in flag_text("고객이 매우 화가 난 상태였음")] == ["subjective"]
