"""The category model reads the customer's opening turns a second time (call 311's "주문한 거에
책을 하나 더 추가할 수 있나 해서요" over the agent's packing and shipping that follow), without
the marks counting as more of the call than was said."""

from __future__ import annotations

import datetime as dt

from pipeline.extract.context import build_context
from pipeline.extract.label_models import (
    LABELS,
    OPENING_MARK,
    call_features,
    category_features,
    said_lemmas,
    shipped_model,
)
from pipeline.textinput import parse_text_transcript

# Call 311's first lines (batch 305–316): an order added to, then packing and shipping explained.
CALL_311 = """상담원: 안녕하세요 책바다 고객센터 유나래입니다 무엇을 도와드릴까요
고객: 네 안녕하세요 어제 주문한 거에 책을 하나 더 추가할 수 있나 해서요
상담원: 네 확인해 드릴게요 주문번호나 주문자 성함 말씀해 주시겠어요
고객: 정다해요 주문번호는 이공이육공팔이일 다시 공공칠삼이요
상담원: 이공이육공팔이일 다시 공공칠삼 정다해 고객님 어제 밤 열한 시쯤 주문하신 고등 국어 문학 기출 문제집 한 권 맞으시죠
고객: 네 그거 하나 샀는데 같은 출판사 문법 문제집도 같이 받고 싶어서요 따로 시키면 배송비가 붙잖아요
상담원: 네 만 오천 원 이상이면 무료배송인데 지금 주문은 만 사천 원이라 배송비 이천오백 원이 붙어 있으시네요 그런데 고객님 이 주문이 오늘 아침에 포장까지 끝나서 오늘 오후 두 시 택배 출고 예정이에요 그래서 상품 추가는 안 되세요
고객: 아 그래요 그럼 어떻게 해야 돼요
"""


def _features() -> list[str]:
    context = build_context(parse_text_transcript(CALL_311), dt.datetime(2026, 8, 21, 10, 0))
    return category_features(context)


def test_the_customers_opening_request_is_read_again() -> None:
    opening = {f.removeprefix(OPENING_MARK) for f in _features() if f.startswith(OPENING_MARK)}
    assert {"주문", "추가", "책"} <= opening


def test_what_the_agent_explains_is_not_marked_as_the_opening() -> None:
    opening = {f.removeprefix(OPENING_MARK) for f in _features() if f.startswith(OPENING_MARK)}
    # 포장 and 출고 are only the agent's: why the book cannot be added, not why the customer called.
    assert not opening & {"포장", "출고"}


def test_only_the_first_three_customer_turns_are_marked() -> None:
    opening = {f.removeprefix(OPENING_MARK) for f in _features() if f.startswith(OPENING_MARK)}
    # "아 그래요 그럼 어떻게 해야 돼요" is the fourth customer turn.
    assert "그렇다" not in opening and "그래다" not in opening
    assert "배송비" in opening  # the third customer turn's "배송비가 붙잖아요"


def test_the_marks_do_not_count_as_more_of_the_call() -> None:
    context = build_context(parse_text_transcript(CALL_311), dt.datetime(2026, 8, 21, 10, 0))
    # The model's say in the blend grows with the lemmas said, not with the marks added.
    assert said_lemmas(category_features(context)) == len(call_features(context))


def test_only_the_category_model_was_trained_on_the_opening_marks() -> None:
    for label in LABELS:
        marked = any(w.startswith(OPENING_MARK) for w in shipped_model(label).vocabulary)
        assert marked == (label == "category")
