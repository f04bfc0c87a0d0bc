"""Resolution when a hand-over is only offered or the customer decides later. Every example is
invented (none is a dev call)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.classify import classify_resolution
from pipeline.extract.context import CallContext, build_context
from pipeline.textinput import parse_text_transcript

KST = dt.timezone(dt.timedelta(hours=9))
THURSDAY = dt.datetime(2026, 10, 15, 11, 0, tzinfo=KST)


def _call(*lines: str) -> CallContext:
    return build_context(parse_text_transcript("\n".join(lines)), THURSDAY)


def test_a_complaint_offered_and_not_taken_up_is_unresolved() -> None:
    context = _call(
        "상담원: 네 바른정비 고객센터입니다",
        "고객: 지난주에 타이어 갈았는데 직원분이 너무 불친절해서요",
        "상담원: 네 죄송합니다 그 부분은 민원으로 접수해 드릴 수 있는데 접수해 드릴까요",
        "고객: 접수한다고 뭐가 바뀌나요",
        "상담원: 결과를 바로 약속드리기는 어렵습니다",
        "고객: 됐어요 일단 생각 좀 해 보고 다시 전화할게요",
    )
    assert str(classify_resolution(context).value) == "unresolved"


def test_a_complaint_filed_with_the_team_is_escalated() -> None:
    context = _call(
        "상담원: 네 바른정비 고객센터입니다",
        "고객: 지난주에 타이어 갈았는데 직원분이 너무 불친절해서요",
        "상담원: 네 죄송합니다 말씀하신 내용은 고객만족팀에 민원으로 접수했습니다",
        "고객: 네 알겠어요",
    )
    assert str(classify_resolution(context).value) == "escalated"


def test_pointing_the_customer_to_the_consumer_agency_hands_nothing_on() -> None:
    context = _call(
        "상담원: 네 튼튼헬스 본사입니다",
        "고객: 지점에서 남은 회비 환불을 안 해 줘서요",
        "상담원: 환불은 지점과 회원님 계약이라 본사에서 정할 수가 없고요 한국소비자원 소비자분쟁해결기준에 따라 상담받아 보실 수 있습니다",
        "고객: 그럼 소비자원에 알아볼게요",
    )
    assert str(classify_resolution(context).value) == "unresolved"


@pytest.mark.parametrize(
    ("last_word", "expected"),
    [
        ("네 알겠어요 남편이랑 얘기해 보고 신청할지 말지 정할게요", "unresolved"),
        ("네 알겠어요 이사 날짜가 정해지면 할게요", "resolved"),
    ],
)
def test_deciding_later_leaves_it_open(last_word: str, expected: str) -> None:
    context = _call(
        "상담원: 네 푸른가스 고객센터입니다",
        "고객: 요금 분납 되는지 궁금해서요",
        "상담원: 네 분납은 삼 개월까지 가능하고 신청은 홈페이지에서 하시면 됩니다",
        f"고객: {last_word}",
        "상담원: 네 감사합니다",
    )
    assert str(classify_resolution(context).value) == expected
