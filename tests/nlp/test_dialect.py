"""Regional endings (Gyeongsang 드릴게예, 알겠심더, 주이소) are heard as the standard ones:
a caller's promise to call back counts whatever their accent."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import Owner
from pipeline.normalize.dialect import standard_endings
from pipeline.process import process_text

KST = dt.timezone(dt.timedelta(hours=9))


@pytest.mark.parametrize(
    ("said", "standard"),
    [
        ("내일 전화 드릴게예", "내일 전화 드릴게요"),
        ("알겠심더 수고하이소", "알겠습니다 수고하세요"),
        ("그래 해 주이소", "그래 해 주세요"),
        ("너무 늦는 거 아입니꺼", "너무 늦는 거 아닙니까"),
        ("잠깐만예 문자 와 있네예", "잠깐만요 문자 와 있네요"),
        ("점검이 뜹니더", "점검이 뜹니다"),
    ],
)
def test_regional_endings_read_as_standard(said: str, standard: str) -> None:
    assert standard_endings(said) == standard


@pytest.mark.parametrize("word", ["아예 안 돼요", "납부 유예 기간", "네예 맞아요", "예 알겠어요"])
def test_words_that_only_look_like_endings_are_kept(word: str) -> None:
    assert standard_endings(word) == word


def test_a_gyeongsang_callback_promise_is_the_customer_s_follow_up() -> None:
    call = """상담원: 네 해든도시가스입니다
고객: 점검 날짜를 좀 바꿀 수 있는교
상담원: 네 평일 저녁이나 토요일 오전에 가능합니다
고객: 집사람하고 얘기해 보고 내일 전화 드릴게예
상담원: 네 연락 주시면 변경해 드리겠습니다
"""
    started = dt.datetime(2026, 11, 24, 10, 0, tzinfo=KST)
    note = process_text(call, call_started_at=started).note
    assert [(f.owner, f.due) for f in note.follow_ups] == [(Owner.CUSTOMER, dt.date(2026, 11, 25))]
