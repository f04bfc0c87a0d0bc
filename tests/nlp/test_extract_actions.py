"""처리 내용, 현재 상태 and 주요 상담 내용: what the agent did and explained, where the case
stands, and a summary that says both."""

from __future__ import annotations

import datetime as dt

from models.note import ConsultationNote, FollowUp, IssueInfo, Owner, Resolution
from pipeline.extract.drafting import agent_sentence, compose_status
from pipeline.flagging import flag_text
from pipeline.process import process_text

CALL_STARTED = dt.datetime(2026, 11, 10, 14, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def _note(text: str) -> ConsultationNote:
    return process_text(text, call_started_at=CALL_STARTED).note


RETURN_CALL = """상담원: 네 누리쇼핑 고객센터 상담원 한지수입니다
고객: 지난주에 산 청바지 반품하려고요
상담원: 네 주문번호 말씀해 주시겠어요
고객: 이공이육 일일공삼 다시 공일이삼이요
상담원: 네 조회됐습니다 성함 확인 부탁드립니다
고객: 정하늘이요
상담원: 네 확인됐습니다 반품 접수해 드렸습니다
고객: 배송비는 어떻게 돼요
상담원: 상품 하자로 확인되면 배송비는 무료고요 단순 변심이면 왕복 배송비 육천 원이 차감됩니다
고객: 네 알겠어요
상담원: 회수 기사님이 모레 방문하실 거고요 사진 접수 링크 문자로 보내 드렸습니다
고객: 감사합니다
"""

PLAN_CALL = """상담원: 네 한빛텔레콤 상담원 오세린입니다
고객: 부모님 요금제 좀 여쭤보려고요
상담원: 네 실버 요금제는 월 삼만 삼천 원이고 데이터는 칠 기가 제공됩니다
고객: 다 쓰면 돈 더 나와요
상담원: 데이터를 다 쓰시면 속도만 줄어들고 추가 요금은 없습니다
고객: 네 생각해 볼게요
"""


def test_explanations_are_listed_with_their_facts() -> None:
    actions = _note(RETURN_CALL).actions_taken
    told = [a for a in actions if a.endswith("안내")]
    # The condition and the amount stay with what the agent explained.
    assert any("6,000원" in a and "배송비" in a for a in told), actions
    assert "반품 접수" in actions


def test_identity_checks_do_not_crowd_the_list() -> None:
    actions = _note(RETURN_CALL).actions_taken
    assert not any("성함" in a for a in actions), actions
    assert actions.count("본인 확인") <= 1


def test_a_run_on_turn_of_facts_is_one_item() -> None:
    actions = _note(PLAN_CALL).actions_taken
    plan = [a for a in actions if "요금제" in a]
    assert len(plan) == 1 and "33,000원" in plan[0], actions


def test_a_stated_absence_is_kept() -> None:
    actions = _note(PLAN_CALL).actions_taken
    assert any(a.endswith("없음 안내") and "추가 요금" in a for a in actions), actions


def test_every_action_passes_the_flagger() -> None:
    for text in (RETURN_CALL, PLAN_CALL):
        for action in _note(text).actions_taken:
            assert flag_text(action) == [], action


def test_summary_says_what_was_done_and_what_was_explained() -> None:
    sentence = agent_sentence(["주문 조회", "본인 확인", "반품 접수", "왕복 배송비 6,000원 차감 안내"])
    assert sentence == "상담원이 반품 접수를 진행하고 왕복 배송비 6,000원 차감을 안내함."


def test_summary_of_a_call_with_only_explanations() -> None:
    sentence = agent_sentence(["요금제 월 33,000원 안내"])
    assert sentence == "상담원이 요금제 월 33,000원을 안내함."


def _status_note(resolution: Resolution, actions: list[str], follow_ups: list[FollowUp]) -> ConsultationNote:
    return ConsultationNote(
        issue=IssueInfo(), actions_taken=actions, resolution=resolution, follow_ups=follow_ups
    )


def test_pending_status_names_what_was_filed_and_what_it_waits_for() -> None:
    pickup = FollowUp(action="회수 기사 방문", owner=Owner.COMPANY, due=dt.date(2026, 11, 12))
    note = _status_note(Resolution.PENDING, ["주문 조회", "반품 접수", "링크 발송"], [pickup])
    assert compose_status(note, None, "반품") == "반품 접수 완료, 회수 기사 방문 대기(11월 12일)"


def test_pending_status_does_not_repeat_the_filed_step() -> None:
    visit = FollowUp(action="방문 접수", owner=Owner.COMPANY, due=dt.date(2026, 11, 12))
    note = _status_note(Resolution.PENDING, ["기사 방문 접수"], [visit])
    assert compose_status(note, None, "수리") == "기사 방문 접수 완료"


def test_escalated_status_prefers_the_team_it_went_to() -> None:
    note = _status_note(Resolution.ESCALATED, ["요금 심사팀에 이의 신청 접수", "신청 접수"], [])
    assert compose_status(note, None, "요금") == "요금 심사팀에 이의 신청 접수"


def test_resolved_status_adds_what_the_company_does_next() -> None:
    shipping = FollowUp(action="출고", owner=Owner.COMPANY, due=dt.date(2026, 11, 11))
    note = _status_note(Resolution.RESOLVED, ["배송지 변경"], [shipping])
    assert compose_status(note, None, "배송") == "배송지 변경 완료, 11월 11일 출고 예정"


REPAIR_CALL = """상담원: 네 하늘전자 서비스센터 상담원 문지호입니다
고객: 식기세척기에서 물이 안 빠져요
상담원: 혹시 하단 필터 청소는 해 보셨어요
고객: 네 어제 했는데도 그래요
상담원: 네 그러면 배수 펌프 점검이 필요해서 기사 방문 접수해 드렸습니다
고객: 네 감사합니다
"""


def test_what_the_agent_checked_with_the_customer_is_listed() -> None:
    actions = _note(REPAIR_CALL).actions_taken
    assert any(a.endswith("확인") and "필터 청소" in a for a in actions), actions
    assert any(a.endswith("방문 접수") for a in actions), actions


def test_a_handoff_to_a_team_keeps_the_team() -> None:
    text = """상담원: 네 마켓온 고객센터 상담원 배유나입니다
고객: 판매자가 환불을 안 해 줘요
상담원: 네 이 건은 제가 결정할 수 없어서 분쟁조정팀으로 넘기겠습니다
고객: 네 알겠어요
"""
    actions = _note(text).actions_taken
    assert any(a.startswith("분쟁조정팀에") and a.endswith("이관") for a in actions), actions
