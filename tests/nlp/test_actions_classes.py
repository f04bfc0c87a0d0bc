"""처리 내용 classes: the identity check as the note records it, the close of the call and
the agent repeating the request left out, an adnominal action word read as no action, and a
list cut by what it says rather than by a count."""

from __future__ import annotations

import datetime as dt

from pipeline.process import process_text

CALL_STARTED = dt.datetime(2026, 11, 10, 14, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def _actions(text: str) -> list[str]:
    return process_text(text, call_started_at=CALL_STARTED).note.actions_taken


UNLOCK_CALL = """상담원: 네 바다은행 고객센터 최윤서입니다
고객: 앱 비밀번호를 여러 번 틀려서 잠겼어요
상담원: 네 잠금 해제 문의 주셨네요 본인 확인 먼저 하겠습니다 성함 말씀해 주시겠어요
고객: 정다운이요
상담원: 네 생년월일하고 등록된 휴대폰 번호 끝 네 자리 부탁드립니다
고객: 구일년 오월 삼 일이고 끝자리는 이삼사오요
상담원: 네 확인됐습니다 비밀번호 잠금 해제했습니다
고객: 감사합니다 이체 한도는 그대로죠
상담원: 네 이체 한도는 일일 오백만 원으로 유지돼 있습니다
고객: 네 알겠습니다
상담원: 네 더 궁금하신 점 있으실까요
고객: 없어요
상담원: 네 바다은행 최윤서였습니다 좋은 하루 되세요
"""


def test_a_verification_is_listed_with_what_the_caller_gave() -> None:
    actions = _actions(UNLOCK_CALL)
    assert actions[0] == "성함·생년월일·휴대폰 번호로 본인 확인", actions
    # No look-up is invented when the call gave no order or contract number.
    assert not any(a.endswith("조회") for a in actions), actions


def test_the_close_of_the_call_and_the_repeated_request_are_not_steps() -> None:
    actions = _actions(UNLOCK_CALL)
    assert not any("하루" in a or "궁금" in a or "바다은행" in a for a in actions), actions
    assert not any("문의" in a for a in actions), actions


def test_a_registered_number_asked_for_is_no_registration() -> None:
    actions = _actions(UNLOCK_CALL)
    assert not any(a.endswith("등록") for a in actions), actions
    assert "비밀번호 잠금 해제" in actions


def test_a_short_reply_after_a_done_step_is_no_identity_answer() -> None:
    # "비밀번호 잠금 해제했습니다" names 비밀번호 but asks for nothing: what the agent tells
    # after the customer's reply is still listed.
    actions = _actions(UNLOCK_CALL)
    assert any("이체 한도" in a and "5,000,000원" in a for a in actions), actions


REPAIR_CALL = """상담원: 네 하늘전자 서비스센터 강민호입니다
고객: 세탁기 물이 안 빠져요
상담원: 네 모델명 확인 부탁드릴게요
고객: 더블유 에프 일이삼이요
상담원: 네 확인됐습니다 배수 필터 청소 안내 문자 보내 드렸습니다
고객: 해 봤는데 그래도 안 돼요
상담원: 네 그러면 기사님 방문 접수해 드리겠습니다 모레 오전 열 시로 예약했습니다
고객: 네 비용은요
상담원: 무상 보증 기간이 지나서 출장비 이만 오천 원이 발생하고 부품비는 별도입니다
고객: 알겠습니다
상담원: 방문 전날 기사님이 연락드리고 접수 내용 문자로 보내 드렸습니다
고객: 네
"""


def test_an_explanation_with_its_amount_is_kept_after_several_steps() -> None:
    actions = _actions(REPAIR_CALL)
    assert any("25,000원" in a and "출장비" in a for a in actions), actions
    assert any("방문 접수" in a for a in actions), actions
    # The list stays about three lines long, however many steps the call had.
    assert len(" ".join(actions)) <= 160


EXCHANGE_CALL = """상담원: 네 누리전자 고객센터 박지현입니다
고객: 지난주에 산 전기포트가 그때부터 전원이 안 켜져서요 새 제품으로 바꿔 주세요
상담원: 네 불편 드려 죄송합니다 주문번호 말씀해 주시겠어요
고객: 이공이육 일일공삼 다시 공일이삼이요
상담원: 네 확인됐습니다 교환 접수해 드렸습니다
"""


def test_purpose_reads_a_new_product_as_no_leak() -> None:
    # "새 제품" is 새 the determiner, not 새다 (to leak); "그때" names no product.
    purpose = process_text(EXCHANGE_CALL, call_started_at=CALL_STARTED).note.purpose or ""
    assert "누수" not in purpose and "그때" not in purpose, purpose
    assert "전기포트" in purpose, purpose
