"""Classes of 현재 상태 (issue.status) that a colleague reading the log relies on: a hand-off
says who decides, what is held meanwhile and by when the customer hears back; an undecided
call says what the customer was given and which choices are still open, by the options the
agent laid out rather than a guess from the category; a status never comes out empty or as a
bare date when the agent did something nameable."""

from __future__ import annotations

import datetime as dt

from models.note import ConsultationNote, FollowUp, IssueInfo, Owner, Resolution
from pipeline.extract.drafting import compose_status
from pipeline.flagging import flag_text


def _note(resolution: Resolution, actions: list[str], follow_ups: list[FollowUp]) -> ConsultationNote:
    return ConsultationNote(
        issue=IssueInfo(), actions_taken=actions, resolution=resolution, follow_ups=follow_ups
    )


def test_a_hand_off_says_when_the_result_is_due() -> None:
    result = FollowUp(action="검토 결과를 문자로 안내", owner=Owner.COMPANY, due=dt.date(2026, 3, 9))
    note = _note(Resolution.ESCALATED, ["가입 정보 조회", "요금팀에 감면 요청 접수"], [result])
    status = compose_status(note, None, "요금")
    assert status == "요금팀에 감면 요청 접수, 3월 9일까지 결과 문자 안내 예정"
    assert not flag_text(status)


def test_a_hand_off_keeps_the_holds_beside_it() -> None:
    actions = ["카드 사용 정지", "해외 가맹점 이의제기 접수", "청구 4월 2일까지 보류", "재발급 신청"]
    note = _note(Resolution.ESCALATED, actions, [])
    assert compose_status(note, None, "결제") == (
        "카드 사용 정지, 해외 가맹점 이의제기 접수, 청구 4월 2일까지 보류"
    )


def test_a_hand_off_without_a_named_step_still_says_when_the_answer_comes() -> None:
    callback = FollowUp(action="담당자 전화 안내", owner=Owner.COMPANY, due=dt.date(2026, 5, 20))
    note = _note(Resolution.ESCALATED, ["바닥 손상 안내", "접수", "5월 14일"], [callback])
    assert compose_status(note, None, "보상") == "5월 20일까지 결과 전화 안내 예정"


def test_an_undecided_customer_is_left_the_options_the_agent_explained() -> None:
    actions = [
        "계약 조회",
        "해지 환급금 3,100,000원 안내",
        "보험료 납입 유예 방법 안내",
        "보장 금액 감액 안내",
        "비교표 문자 발송",
    ]
    callback = FollowUp(action="결정 후 연락", owner=Owner.CUSTOMER, due=dt.date(2026, 6, 5))
    note = _note(Resolution.UNRESOLVED, actions, [callback])
    status = compose_status(note, None, "해지")
    assert status == "비교표 문자 발송 완료, 해지·유예·감액 여부 미결정(6월 5일까지 고객 연락 예정)"


def test_an_explanation_of_times_alone_is_not_what_was_given() -> None:
    actions = ["12월 3일 오후 4시 안내", "정기 점검 일정 변경 방법 안내"]
    note = _note(Resolution.UNRESOLVED, actions, [])
    assert compose_status(note, None, "변경") == "점검 일정 변경 방법 안내 완료, 변경 여부 미결정"
