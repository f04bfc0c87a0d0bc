"""Corrections and readings of the caller's details found on calls 305-328 (two new authors): a
phone group taken back in the same turn or the next ("이구일사가 아니라 이구사일", "사일이팔 아니고
사일팔이요"), the agent's reading the caller agrees to, a flat taken back after the agent read the
address, a parent naming themselves by what they are to the child, an agent giving name and work
title, letters and digits spelled one by one, and two numbers that differ only at their end.
Lines are those of the calls; the cases where nothing is taken back are as much the point."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalize.numbers import corrected_phone
from pipeline.process import process_text

KST = dt.timezone(dt.timedelta(hours=9))
STARTED = dt.datetime(2026, 6, 17, 16, 5, tzinfo=KST)


def _note(text: str):
    return process_text(text, call_started_at=STARTED).note


def _values(text: str) -> set[str]:
    return {i.value.replace("-", "").upper() for i in _note(text).identifiers}


# --- customer.phone: a group taken back in the same turn ---------------------------------------


@pytest.mark.parametrize(
    ("said", "phone"),
    [
        (
            "제갈윤호고요 번호는 공일공 이구일사 육육공팔 아 아니다 이구일사가 아니라 이구사일이에요 "
            "이구사일 육육공팔",
            "01029416608",
        ),
        ("제 번호로 보내 주세요 공일공 삼일사육 에 칠칠이공이요 아니 칠칠이일 칠칠이일이요", "01031467721"),
        ("네 보내 주세요 공일공 삼칠팔팔 공사오이 아 아니 공사이오요", "01037880425"),
    ],
)
def test_a_group_taken_back_in_the_same_turn(said: str, phone: str) -> None:
    call = f"상담원: 성함이랑 연락처 먼저 부탁드릴게요\n고객: {said}\n상담원: 네 확인했습니다\n"
    assert _note(call).customer.phone == phone


@pytest.mark.parametrize(
    ("number", "said", "corrected"),
    [
        # The group named and taken back is replaced where the number has it, not at the end.
        ("01029146608", "이구일사가 아니라 이구사일이에요", "01029416608"),
        # 사일팔이요 is 418 or 4182: the group it replaces is four digits long.
        ("01093374128", "사일이팔 아니고 사일팔이요", "01093374182"),
        # One group said again replaces the group of its length it is nearest to.
        ("01023456789", "아 아니 이삼오사", "01023546789"),
        # Nothing taken back: the number stands.
        ("01023456789", "네 문자 말고 전화로 주세요", "01023456789"),
        ("01023456789", "아니 삼 일 전에요", "01023456789"),
    ],
)
def test_groups_taken_back(number: str, said: str, corrected: str) -> None:
    assert corrected_phone(number, said) == corrected


# --- customer.phone: the reading the caller agrees to, and a correction in the next turn -------


def test_a_group_taken_back_after_the_agent_read_the_number() -> None:
    call = """상담원: 연락처 말씀해 주시겠어요
고객: 공일공 구삼삼칠 사일이팔이요
상담원: 공일공 구삼삼칠 사일이팔 맞으시죠
고객: 네 아 잠깐만요 사일이팔 아니고 사일팔이요 죄송해요
상담원: 네 알겠습니다 서류 보내 주시면 됩니다
"""
    assert _note(call).customer.phone == "01093374182"


def test_the_agents_reading_the_caller_agrees_to_last_wins() -> None:
    call = """상담원: 연락처 말씀해 주시겠어요
고객: 공일공 구삼삼칠 사일이팔이요
상담원: 공일공 구삼삼칠 사일이팔 맞으시죠
고객: 네 아 잠깐만요 사일이팔 아니고 사일팔이요 죄송해요
상담원: 공일공 구삼삼칠 사일팔이로 보내 드릴게요
고객: 네 근데 납부 기한은 어떻게 돼요
"""
    assert _note(call).customer.phone == "01093374182"


def test_a_number_the_caller_refuses_is_not_theirs() -> None:
    call = """상담원: 문자로 정리해서 보내 드릴게요 번호가 공일공 이오칠팔 구구공일 맞으시죠
고객: 아 그거 애 아빠 번호예요 제 번호로 보내 주세요 공일공 삼일사육 에 칠칠이공이요 아니 칠칠이일 칠칠이일이요
상담원: 공일공 삼일사육 칠칠이일 맞으시죠 이 번호로 보내 드릴게요
고객: 네 고맙습니다
"""
    assert _note(call).customer.phone == "01031467721"


def test_no_then_yes_is_no_correction() -> None:
    call = """상담원: 연락처 말씀해 주시겠어요
고객: 공일공 이삼사오 육칠팔구요
상담원: 공일공 이삼사오 육칠팔구 번호 바뀐 거 없으시죠
고객: 아니요 맞아요
"""
    assert _note(call).customer.phone == "01023456789"


def test_a_refused_reading_in_the_next_turn_is_corrected() -> None:
    call = """상담원: 연락처 말씀해 주시겠어요
고객: 공일공 삼일사육 칠칠이공이요
상담원: 공일공 삼일사육 칠칠이공 맞으세요
고객: 아니요 칠칠이일이요
"""
    assert _note(call).customer.phone == "01031467721"


# --- customer.address: the flat taken back after the agent read it ----------------------------


def test_a_flat_taken_back_after_the_agent_read_the_address() -> None:
    call = """상담원: 방문 주소 확인할게요 수원시 영통구 매영로 삼백사십오번길 이십이 백이동 칠백삼 호 맞으세요
고객: 아 칠백삼 호 아니고 칠백사 호요 설치할 때 잘못 적힌 것 같아요
상담원: 네 칠백사 호로 수정했습니다
"""
    assert _note(call).customer.address == "수원시 영통구 매영로345번길 22 102동 704호"


def test_a_flat_refused_and_said_again_in_answer_to_the_reading() -> None:
    call = """상담원: 방문 주소 확인할게요 수원시 영통구 매영로 삼백사십오번길 이십이 백이동 칠백삼 호 맞으세요
고객: 아니요 칠백사 호요
상담원: 네 수정했습니다
"""
    assert _note(call).customer.address == "수원시 영통구 매영로345번길 22 102동 704호"


def test_another_flat_taken_back_leaves_the_address() -> None:
    call = """상담원: 방문 주소 확인할게요 수원시 영통구 매영로 삼백사십오번길 이십이 백이동 칠백삼 호 맞으세요
고객: 네 맞아요 아 옆집은 칠백일 호 아니고 칠백이 호고요
상담원: 네 알겠습니다
"""
    assert _note(call).customer.address == "수원시 영통구 매영로345번길 22 102동 703호"


# --- customer.name: a parent named by what they are to the child -------------------------------


def test_a_parent_naming_themselves_after_the_childs_question() -> None:
    call = """상담원: 아 불편하셨겠어요 회원번호나 학생 이름 말씀해 주시겠어요
고객: 회원번호가 칠칠공일 이삼사오요 엄마 김보람이고요 애는 이 학년이에요
상담원: 칠칠공일 이삼사오 김보람 학부모님 네 확인됐습니다 언제부터 그러셨어요
"""
    assert _note(call).customer.name == "김보람"


def test_the_childs_name_is_still_not_the_callers() -> None:
    call = """상담원: 네 어머님 학생 이름이랑 반 알려 주시겠어요
고객: 김도윤이고요 중이 심화반이요
상담원: 네 김도윤 학생 중이 심화반 확인됐습니다
"""
    assert _note(call).customer.name is None


# --- agent.name: name and work title -----------------------------------------------------------


@pytest.mark.parametrize(
    ("greeting", "name"),
    [
        ("네 믿음모터스 유승철 팀장입니다", "유승철"),
        ("네 감사합니다 유승철 팀장이었습니다", "유승철"),
    ],
)
def test_an_agent_giving_name_and_work_title(greeting: str, name: str) -> None:
    call = f"상담원: {greeting}\n고객: 아 네 안녕하세요 인터넷에 올라온 차 보고 전화드렸는데요\n"
    assert _note(call).agent.name == name


def test_a_work_title_alone_names_nobody() -> None:
    call = "상담원: 네 그건 담당 팀장입니다\n고객: 아 네 알겠어요\n"
    assert _note(call).agent.name is None


# --- identifiers: letters and digits spelled one by one; numbers differing at their end ---------


def test_letters_then_digits_one_by_one() -> None:
    call = """상담원: 네 감사합니다 매물번호 보이시면 불러 주시겠어요
고객: 엠 엠 이 사 칠 공 팔이요
상담원: 엠 엠 이 사 칠 공 팔 네 이천이십 년식 흰색 중형 에스유브이 맞으시고요
"""
    assert _values(call) == {"MM24708"}


def test_two_numbers_that_differ_at_their_end() -> None:
    call = """상담원: 아 그러셨군요 결제번호 두 개 불러 드릴게요 티 엑스 공오이삼 다시 팔팔일공이 하고 티 엑스 공오이삼 다시 팔팔일공삼입니다
고객: 티 엑스 공오이삼 다시 팔팔일공이 팔팔일공삼 끝자리만 다른 거죠
상담원: 네 맞습니다 두 번째 건이 중복이라서 그 건을 취소해 드려야 되는데요
"""
    assert _values(call) == {"TX052388102", "TX052388103"}


def test_a_number_taken_back_in_the_same_turn_is_one() -> None:
    call = """상담원: 접수번호 말씀해 주시겠어요
고객: 에이 에스 공육일칠 다시 공삼삼 아 아니다 공팔삼이요
상담원: 네 확인됐습니다
"""
    assert _values(call) == {"AS0617083"}


# --- customer.phone: the copula said the dialect's way ----------------------------------------


def test_a_number_ending_in_the_dialects_copula() -> None:
    call = """상담사: 네 방문 집하 예약 도와드리겠습니다 보내시는 분 성함이랑 연락처 말씀해 주세요
손님: 이름은 구옥순이고 전화는 공일공 오일육삼 구구공팔이여
상담사: 네 구옥순 고객님 공일공 오일육삼 구구공팔 맞으시죠 가지러 갈 주소 불러 주세요
손님: 전주시 덕진구 기린대로 이백삼십일 번길 십사 그 단독주택이여
상담사: 네 받으시는 분 성함이랑 주소 연락처 불러 주세요
손님: 딸이 한 지 선이고 부산 해운대구 좌동순환로 사백삼십삼 그 아파트 백삼동 칠백이호 전화는 공일공 사팔이칠 일일삼육
상담사: 네 한지선 님 공일공 사팔이칠 일일삼육 맞으시죠
손님: 맞어
"""
    assert _note(call).customer.phone == "01051639908"
