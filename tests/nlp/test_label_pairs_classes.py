"""Category pairs only the customer's ask tells apart, and resolution when a hand-over is only
offered or the customer decides later. Every example is invented (none is a dev call)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from pipeline.extract.classify import _asked_decides, classify_category, classify_resolution
from pipeline.extract.context import CallContext, build_context
from pipeline.extract.label_models import LabelModel, call_features
from pipeline.textinput import parse_text_transcript

KST = dt.timezone(dt.timedelta(hours=9))
THURSDAY = dt.datetime(2026, 10, 15, 11, 0, tzinfo=KST)


def _call(*lines: str) -> CallContext:
    return build_context(parse_text_transcript("\n".join(lines)), THURSDAY)


def _sure_model(label: str, other: str) -> LabelModel:
    """A model that reads no words and is sure of ``label`` over ``other``."""
    return LabelModel((other, label), {}, np.zeros(0), np.zeros((2, 0)), np.array([0.0, 3.0]))


def test_a_booking_cancelled_is_cancellation_though_the_refund_is_talked_about() -> None:
    context = _call(
        "상담원: 네 하루여행사 고객센터입니다",
        "고객: 네 다음 달 제주 패키지 예약한 거 취소하려고요 애가 다리를 다쳐서요",
        "상담원: 네 예약 확인됐습니다 출발 이십 일 전이라 취소 수수료 십 퍼센트 빼고 환불됩니다",
        "고객: 네 그럼 취소해 주세요",
        "상담원: 네 취소 완료했습니다 환불은 카드사에 따라 삼 영업일 걸립니다",
    )
    model = _sure_model("refund_return", "cancellation")
    assert classify_category(context, model, call_features(context)).value == "cancellation"


def test_asking_about_a_product_is_an_inquiry_though_the_model_reads_an_order() -> None:
    context = _call(
        "상담원: 네 맑은물 고객센터입니다",
        "고객: 정수기 필터가 요즘도 나오는지 궁금해서요 예전 모델이라서요",
        "상담원: 네 그 모델 필터는 단종돼서 호환 필터로 안내드리고 있습니다",
        "고객: 아 그래요 알겠습니다 생각해 볼게요",
    )
    model = _sure_model("order", "product_inquiry")
    assert classify_category(context, model, call_features(context)).value == "product_inquiry"


@pytest.mark.parametrize(
    ("blended", "ruled", "chosen"),
    [
        ("refund_return", "cancellation", "cancellation"),
        ("cancellation", "refund_return", "refund_return"),
        ("order", "product_inquiry", "product_inquiry"),
        ("delivery", "order", "delivery"),  # not a pair: the blend stands
        ("billing", "other", "billing"),
    ],
)
def test_only_the_pairs_defer_to_the_ask(blended: str, ruled: str, chosen: str) -> None:
    assert _asked_decides(blended, ruled) == chosen


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
