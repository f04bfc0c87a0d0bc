"""Classes of structured fields found with the unseen batch 281-304: a number's end corrected
right after it ("… 삼팔일공 아 잠깐만요 끝에가 삼팔공일이네요"), two numbers of one turn a digit
apart that are a list and not a correction, a bill's 납부번호 that looks like a landline, a flat
number corrected or said twice, a customer number read off a bill later in the answer, a
Chungcheong copula after a name, and the problem's day: an accident before the pain it caused,
unanswered calls and chats after the problem, a freezer found thawed, a caller who cannot decide
yet and a contract's start date. Every example is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalize.address import find_address, find_flat
from pipeline.process import process_text

KST = dt.timezone(dt.timedelta(hours=9))
# 2026-06-17 is a Wednesday.
WEDNESDAY = dt.datetime(2026, 6, 17, 10, 0, tzinfo=KST)


def _note(text: str):
    return process_text(text, call_started_at=WEDNESDAY).note


def _values(text: str) -> set[str]:
    return {i.value.replace("-", "") for i in _note(text).identifiers}


# --- identifiers: the end of a number corrected ----------------------------------------------


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("고객: 네 칠삼오일 이이팔사 육공구일 아 잠깐만요 끝에가 육공일구네요 칠삼오일 이이팔사 육공일구", "735122846019"),
        ("고객: 사일공 다시 팔팔삼구 다시 이칠오일 아 오삼이요", "41088392753"),
        ("고객: 케이 엘 이공이육 다시 공칠칠일사오 아 아니 공칠칠일오사요", "KL2026077154"),
    ],
)
def test_a_number_corrected_at_its_end_is_kept_corrected_only(said: str, value: str) -> None:
    text = f"상담원: 네 한결택배입니다 번호 말씀해 주시겠어요 운송장번호요\n{said}"
    assert _values(text) == {value}


def test_a_hesitation_inside_a_number_is_no_correction() -> None:
    text = "상담원: 주문번호 말씀해 주시겠어요\n고객: 엠 에이 칠칠공삼일일 어 사구요 엠 에이 칠칠공삼일일사구"
    assert _values(text) == {"MA77031149"}


def test_two_numbers_a_digit_apart_in_one_turn_are_a_list() -> None:
    text = (
        "상담원: 확인됐습니다 결제번호 에이 비 일일이공 다시 사사칠일오 건 부분 취소 그리고 "
        "에이 비 일일이공 다시 사사칠일육 건 전액 취소입니다\n고객: 네 알겠어요"
    )
    assert _values(text) == {"AB112044715", "AB112044716"}


def test_a_payment_number_read_off_a_bill_is_kept_though_it_looks_like_a_landline() -> None:
    text = (
        "상담원: 고지서 위쪽에 납부번호 보이시면 불러 주시겠어요\n"
        "고객: 공삼일 다시 칠칠사 다시 이오일팔이요\n상담원: 네 메모해 두겠습니다"
    )
    note = _note(text)
    assert [(i.kind, i.value.replace("-", "")) for i in note.identifiers] == [("invoice", "0317742518")]


# --- address: the flat number corrected or said twice ------------------------------------------


def test_a_flat_corrected_after_it_is_said() -> None:
    said = "원주시 단계로 이백십 번길 삼십일 삼백사 호요 아 삼백사 호 아니고 삼백오 호 삼백오 호 맞아요"
    found = find_address(said)
    assert found is not None and found.value == "원주시 단계로210번길 31 305호"


def test_a_flat_corrected_with_its_last_digit_said_again() -> None:
    said = "청주시 흥덕구 가경로 오십 비 동 천백일 호요 아 아니 천백이 호 이 호"
    found = find_address(said)
    assert found is not None and found.value.endswith("1102호")


def test_a_block_and_flat_corrected() -> None:
    assert find_flat("이백일 동 칠백팔 호유 아 아니 칠백구 호유") == "201동 709호"


# --- customer_id: read off a bill, later in the answer --------------------------------------


def test_a_customer_number_read_off_a_bill_after_saying_where_it_is() -> None:
    text = (
        "상담원: 네 바른가스입니다 고지서 있으시면 고객번호 불러 주시겠어요\n"
        "고객: 잠깐만요 냉장고에 붙여 둔 고지서 보고 할게요 공사칠일 이이팔삼 구오 이렇게 돼 있네요\n"
        "상담원: 네 확인됐습니다"
    )
    assert _note(text).customer.customer_id == "0471228395"


# --- customer.name: a Chungcheong copula after the name --------------------------------------


def test_a_name_said_with_the_chungcheong_copula() -> None:
    text = "상담원: 네 한빛관리사무소입니다 성함이 어떻게 되세요\n고객: 송기철이유 송 기 철\n상담원: 네 송기철 님 확인됐습니다"
    assert _note(text).customer.name == "송기철"


# --- issue.occurred_on ---------------------------------------------------------------------


def test_the_accident_day_wins_over_the_pain_that_began_after_it() -> None:
    text = (
        "상담원: 네 사고 접수 도와드리겠습니다\n"
        "고객: 지난 토요일에 주차하다가 벽을 박았어요 차 앞 범퍼가 깨졌어요\n"
        "상담원: 네 사고 일시는 유월 십삼 일 맞으시죠\n"
        "고객: 네 근데 그때 핸들에 무릎을 부딪혀서 어제부터 좀 아프거든요"
    )
    assert _note(text).issue.occurred_on == dt.date(2026, 6, 13)


def test_unanswered_calls_after_the_problem_do_not_give_its_day() -> None:
    text = (
        "상담원: 네 튼튼이사입니다\n"
        "고객: 지난 토요일에 이사했는데 식탁에 흠집이 잔뜩 났어요 그래서 월요일에 한 번 어제 두 번 "
        "전화를 했는데 안 받아요\n상담원: 죄송합니다 확인해 보겠습니다"
    )
    assert _note(text).issue.occurred_on == dt.date(2026, 6, 13)


def test_a_freezer_found_thawed_gives_the_day_it_was_found() -> None:
    text = (
        "상담원: 네 수리 이력 보면 월요일에 냉동실 수리 받으셨네요\n"
        "고객: 네 월요일에 고쳤는데 어제 아침에 열어 보니까 고기가 다 녹아 있었어요"
    )
    assert _note(text).issue.occurred_on == dt.date(2026, 6, 16)


def test_a_caller_who_cannot_decide_yet_and_a_contract_start_give_no_day() -> None:
    text = (
        "상담원: 네 누리모바일입니다\n고객: 번호이동 하면 위약금이 얼마나 나오는지 궁금해서요\n"
        "상담원: 기록상 작년 칠월 일 일에 기기변경하시면서 약정을 새로 하셔서 위약금이 십만 원입니다\n"
        "고객: 아 그렇구나 지금 바로는 못 정하겠어요 생각해 보고 다시 전화할게요"
    )
    assert _note(text).issue.occurred_on is None
