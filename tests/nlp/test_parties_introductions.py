"""How callers name themselves in calls by new authors: with their work title, as a pet's or
child's guardian, a two-syllable surname said apart, a name the agent read out and the caller
confirms; and words that only look like names. Every example is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import ConsultationNote
from pipeline.process import process_text

CALL_STARTED = dt.datetime(2026, 11, 20, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=9)))
GREETING = "상담원: 네 다온여행 예약실 상담원 하지민입니다\n"


def _note(text: str) -> ConsultationNote:
    return process_text(text, call_started_at=CALL_STARTED).note


@pytest.mark.parametrize(
    ("turn", "name"),
    [
        ("고객: 네 저 한솔물산 인사팀 곽도현 과장인데요 객실 예약 좀 하려고요", "곽도현"),
        ("고객: 안녕하세요 미래건설 자재부 송하린 대리입니다 견적 문의드려요", "송하린"),
    ],
)
def test_caller_with_company_team_and_title(turn: str, name: str) -> None:
    call = GREETING + turn + "\n상담원: 네 말씀하세요\n"
    assert _note(call).customer.name == name


@pytest.mark.parametrize(
    ("turn", "name"),
    [
        ("고객: 아 안녕하세요 저 보리 보호자 문채원인데요 예약 바꾸려고요", "문채원"),
        ("고객: 네 저 지호 엄마 배수정이에요 수업 문의드리려고요", "배수정"),
    ],
)
def test_guardian_naming_whose_guardian_first(turn: str, name: str) -> None:
    call = GREETING + turn + "\n상담원: 네 말씀하세요\n"
    assert _note(call).customer.name == name


def test_name_after_the_label_beats_the_child_and_the_branch() -> None:
    call = GREETING + (
        "고객: 저는 서현점 다니는 유다은이 엄마고요 이름은 구 민 정이에요 상담 때문에 전화했어요\n"
        "상담원: 네 어떤 일이실까요\n"
    )
    assert _note(call).customer.name == "구민정"


def test_two_syllable_surname_said_apart_from_the_given_name() -> None:
    call = GREETING + "상담원: 받으시는 분 성함 말씀해 주시겠어요\n고객: 선우 진이요 선우 진\n상담원: 네 확인됐습니다\n"
    assert _note(call).customer.name == "선우진"


def test_caller_confirming_the_name_the_agent_read() -> None:
    call = GREETING + (
        "상담원: 아이디 조회해 보니 네 표지안 님 계정 맞으세요\n"
        "고객: 네 표지안요\n"
        "상담원: 네 확인됐습니다\n"
    )
    assert _note(call).customer.name == "표지안"


def test_amount_with_its_particle_before_gogaeknim_is_no_name() -> None:
    call = GREETING + (
        "고객: 차 반납하면 환불되나요\n"
        "상담원: 네 대신 탁송비 삼십만 원은 고객님 부담이세요\n"
        "고객: 아 네 알겠어요\n"
    )
    assert _note(call).customer.name is None


@pytest.mark.parametrize(
    "turn",
    [
        "고객: 네 저 한솔물산 총무팀 대리인데요 객실 예약 좀 하려고요",
        "고객: 저 다음 달에 부산 이사요 그래서 해지하려고요",
    ],
)
def test_title_without_a_full_name_before_it_names_nobody(turn: str) -> None:
    call = GREETING + turn + "\n상담원: 네 말씀하세요\n"
    assert _note(call).customer.name is None
