"""Classes of the issue summary (무엇이 문제) found on the dev set, each tested on a call written
for this file: the agent's reading of the records kept although it names a date ("14일부터",
whose 일 is no spoken digit) or follows the clause that greets the customer by name; the record
read back with the most dates and amounts kept as well; a number read out digit by digit left
to the identifiers field."""

from __future__ import annotations

import datetime as dt

from pipeline.process import process_text

KST = dt.timezone(dt.timedelta(hours=9))
# 2026-11-25 is a Wednesday.
WEDNESDAY = dt.datetime(2026, 11, 25, 10, 0, tzinfo=KST)


def _summary(text: str) -> str:
    note = process_text(text, call_started_at=WEDNESDAY).note
    return note.issue.summary or ""


def test_a_finding_that_names_a_date_is_kept() -> None:
    call = """상담원: 네 바다통신 고객센터 한지민입니다
고객: 네 요금 때문에 전화했는데요 이번 달 요금이 너무 많이 나왔어요
상담원: 네 성함 말씀해 주시겠어요
고객: 오상철이요
상담원: 네 오상철 고객님 확인됐습니다 잠시만요
상담원: 확인해 보니 11월 14일부터 11월 16일까지 해외에서 쓰신 데이터가 종량 요금으로 나와 있습니다
고객: 아 그거 로밍 신청했는데요
상담원: 네 그 부분은 요금 심사팀에 이의 신청으로 올려 드리겠습니다
고객: 네 그렇게 해 주세요
상담원: 네 접수됐습니다 감사합니다
"""
    summary = _summary(call)
    assert "11월 14일부터" in summary
    assert "종량 요금" in summary


def test_a_finding_after_the_greeting_by_name_is_kept_without_the_name() -> None:
    call = """상담원: 네 푸른전자 서비스센터 정하늘입니다
고객: 네 냉장고가 또 고장이 났어요 냉동실이 안 얼어요
상담원: 아 네 불편 드려 죄송합니다 성함 말씀해 주시겠어요
고객: 문태식이요
상담원: 문태식 고객님 확인됐습니다 냉장고 수리 이력이 9월 3일 10월 8일 이렇게 두 번 있으시네요
고객: 네 그때도 똑같았어요
상담원: 네 이번에는 교환 심의로 올려 드리겠습니다
고객: 네 부탁드려요
상담원: 네 접수됐습니다
"""
    summary = _summary(call)
    assert "수리 이력" in summary and "9월 3일" in summary
    assert "문태식" not in summary


def test_the_record_read_back_with_dates_and_amounts_is_kept() -> None:
    call = """상담원: 네 새봄카드 고객센터 윤아름입니다
고객: 카드 명세서를 보는데 같은 결제가 두 번 찍혀 있어서요
상담원: 네 성함과 연락처 말씀해 주시겠어요
고객: 배지호요 공일공 일이삼사 오육칠팔이요
상담원: 네 배지호 고객님 확인됐습니다 어느 가맹점 건이실까요
고객: 한빛가구요 책상 하나 샀는데 두 번 나갔어요
상담원: 네 11월 20일 한빛가구 154,000원 2건 승인이 오후 3시 5분하고 3시 6분으로 일 분 차이입니다
고객: 네 맞아요 하나는 취소해 주세요
상담원: 네 중복 결제 이의제기로 접수해 드리겠습니다
고객: 얼마나 걸려요
상담원: 가맹점 확인까지 영업일로 삼 일 정도 걸립니다
고객: 그동안 결제일이 오면요
상담원: 이의제기 중인 한 건은 청구가 보류됩니다
고객: 네 감사합니다
상담원: 네 감사합니다
"""
    summary = _summary(call)
    assert "154,000원" in summary and "한빛가구" in summary


def test_a_number_read_out_digit_by_digit_is_not_a_finding() -> None:
    call = """상담원: 네 하늘보험 고객센터 서유진입니다
고객: 네 보험금 청구한 게 아직 안 들어와서요
상담원: 네 성함 말씀해 주시겠어요
고객: 남도현이요
상담원: 네 확인해 보니 청구번호 씨 엘 이육일공일구 건으로 서류 보완 상태로 되어 있습니다
고객: 서류를 더 내야 돼요
상담원: 네 진료비 세부내역서를 앱으로 올려 주시면 됩니다
고객: 네 알겠습니다
"""
    summary = _summary(call)
    assert "이육일공일구" not in summary
