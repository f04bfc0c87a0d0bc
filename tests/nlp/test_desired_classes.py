"""Classes of the customer's desired outcome (고객 요청), each on a call written for this file:
a remedy the customer receives is written "…받기를 원함", a repair technician who did not come
means a repair visit is wanted soon (not a faster delivery), a customer waiting for a parcel
who says by when they need it wants it by then, and a bare request ("청구를 원함") names what
it is about."""

from __future__ import annotations

import datetime as dt

from pipeline.process import process_text

KST = dt.timezone(dt.timedelta(hours=9))
# 2026-11-11 is a Wednesday.
WEDNESDAY = dt.datetime(2026, 11, 11, 10, 0, tzinfo=KST)


def _wanted(text: str) -> str:
    note = process_text(text, call_started_at=WEDNESDAY).note
    return note.desired_outcome or ""


def test_an_exchange_the_customer_asks_for_is_one_they_receive() -> None:
    call = """상담원: 네 다온리빙 고객센터입니다
고객: 네 지난주에 산 전기포트가 뚜껑이 안 닫혀서요 교환을 좀 받고 싶어서 전화했어요
상담원: 네 불편을 드려 죄송합니다 주문자 성함 말씀해 주시겠어요
고객: 한지우요
상담원: 네 확인됐습니다 교환 접수해 드리겠습니다
"""
    wanted = _wanted(call)
    assert wanted.endswith("교환받기를 원함"), wanted


def test_a_repair_technician_who_did_not_come_means_a_visit_soon() -> None:
    call = """상담원: 네 하람전자 서비스센터입니다
고객: 어제 세탁기 수리 기사님이 오시기로 했는데 안 오셨어요 연락도 없었고요
상담원: 정말 죄송합니다 접수 내역 확인해 보겠습니다 성함이 어떻게 되세요
고객: 오세린이요
상담원: 네 확인해 보니 배정이 누락됐습니다 내일 오전으로 다시 잡아 드리겠습니다
"""
    wanted = _wanted(call)
    assert "방문 수리" in wanted and "배송" not in wanted, wanted


def test_a_parcel_needed_by_a_day_is_wanted_by_that_day() -> None:
    call = """상담원: 네 누리몰 고객센터입니다
고객: 주문한 게 아직 안 와서요 지난주에 출고됐다고 떴는데 그대로예요
상담원: 네 주문번호 말씀해 주시겠어요
고객: 잠깐만요 주문번호가 엔알 칠칠팔 사공이요 가습기요 가습기가 아직 안 왔어요
상담원: 네 확인해 보니 물류센터에서 지연되고 있습니다
고객: 이게 아이 선물이라서 토요일까지는 꼭 받아야 되거든요
상담원: 네 내일 출고되도록 요청드리겠습니다
"""
    wanted = _wanted(call)
    assert "11월 14일까지" in wanted and "가습기를 받기를 원함" in wanted, wanted
    assert "빠른 배송" not in wanted, wanted


def test_a_bare_request_names_what_it_is_about() -> None:
    call = """상담원: 네 한빛생명 보험금 청구 센터입니다
고객: 네 지난달에 도수치료 받은 거 실손보험 청구를 하려고 하는데요
상담원: 네 도수치료 청구시군요 성함 말씀해 주시겠어요
고객: 윤하람이요
상담원: 네 도수치료는 진료비 영수증과 세부내역서를 앱으로 올려 주시면 됩니다
"""
    wanted = _wanted(call)
    assert "도수치료" in wanted and "청구" in wanted, wanted


def test_a_customer_locked_out_wants_the_lock_released() -> None:
    call = """상담원: 네 새빛은행 고객센터입니다
고객: 앱에 로그인이 안 돼요 비밀번호를 몇 번 틀렸더니 잠겼다고 나와요
상담원: 네 본인 확인 후 도와드리겠습니다 성함 말씀해 주시겠어요
고객: 차윤서요
상담원: 네 확인해 보니 비밀번호 오류 횟수 초과로 잠금 상태입니다
"""
    wanted = _wanted(call)
    assert "잠금 해제" in wanted, wanted


def test_a_callback_the_customer_must_get_is_no_delivery() -> None:
    call = """상담원: 네 온누리택배입니다
고객: 택배가 아직 안 왔어요 송장 조회하면 계속 배송 중이라고 떠요
상담원: 네 확인해 보니 지역 터미널에서 지연되고 있습니다 기사님께 확인 후 연락드리겠습니다
고객: 그럼 오늘 꼭 전화 받을 수 있게 해 주세요
상담원: 네 오늘 오후 세 시까지 연락드리겠습니다
"""
    wanted = _wanted(call)
    assert "전화" not in wanted, wanted
