"""Identifiers as callers say them: phone numbers read with a dash are contacts, not orders;
last digits said to verify are no identifier; letter prefixes, English digits, listing numbers
and read-backs. Calls written for these tests."""

from __future__ import annotations

import datetime as dt

from pipeline.process import process_text

MONDAY = dt.datetime(2026, 11, 16, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def _ids(text: str) -> set[tuple[str, str]]:
    note = process_text(text, call_started_at=MONDAY).note
    return {(i.kind, i.value.replace("-", "").upper()) for i in note.identifiers}


def test_mobile_number_with_spoken_dash_is_no_order() -> None:
    call = """상담원: 네 누리텔레콤입니다 성함이랑 휴대폰 번호 부탁드립니다
고객: 한도윤이요 번호는 공일공 삼삼팔일 다시 구구공사요
상담원: 네 한도윤 고객님 확인됐습니다 주문번호는 오엔 다시 오팔이일삼 맞으시죠
고객: 네
"""
    assert _ids(call) == {("order", "ON58213")}


def test_landline_given_as_contact_is_no_identifier() -> None:
    call = """상담원: 네 연락처 말씀해 주시겠어요
고객: 사무실 전화로 주세요 공삼일 사오육 다시 칠팔구공이요
상담원: 네 접수번호는 티 일이삼사오육입니다
고객: 네
"""
    found = _ids(call)
    assert ("ticket", "T123456") in found
    assert not any(value.startswith("031") for _, value in found)


def test_seoul_landline_with_extension_is_no_identifier() -> None:
    call = """상담원: 예약 번호는 케이 엘 다시 일이일오 다시 공삼입니다
고객: 네 연락은 회사로 주세요 공이 삼사오육 다시 칠칠팔팔 내선 이일이요
상담원: 네 알겠습니다
"""
    assert _ids(call) == {("order", "KL121503")}


def test_last_four_digits_of_a_number_are_no_order() -> None:
    call = """상담원: 네 결과는 주문하신 번호 끝자리 삼칠일구 번호로 문자 드릴게요
고객: 네 그 번호로 주세요
"""
    assert _ids(call) == set()


def test_o_between_a_letter_and_the_dash_is_the_letter_o() -> None:
    call = """상담원: 주문번호 말씀해 주세요
고객: 엠 오 다시 일이삼사 다시 오육칠팔이요
"""
    assert _ids(call) == {("order", "MO12345678")}


def test_digits_said_one_by_one_after_the_dash() -> None:
    call = """상담원: 제품 모델은 조회해 보니 에이 알 씨 다시 삼 공 공 모델로 나옵니다
고객: 네 맞아요
"""
    assert _ids(call) == {("model", "ARC300")}


def test_booking_code_with_english_digit_names() -> None:
    call2 = """상담원: 네 예약번호 알려 주시겠어요
고객: 비 큐 칠 엑스 에이 세븐이요
상담원: 네 확인됐습니다
"""
    assert _ids(call2) == {("order", "BQ7XA7")}


def test_listing_number_is_an_other_identifier() -> None:
    call = """상담원: 매물번호 아시면 알려 주세요
고객: 사오이칠칠일이요 흰색 세단이요
상담원: 네 확인했습니다
"""
    assert _ids(call) == {("other", "452771")}


def test_number_named_by_an_unlisted_word_is_other() -> None:
    call = """상담원: 네 보상 신청 번호는 씨 엘 다시 일일이오 다시 공삼일입니다
고객: 네 적었어요
"""
    assert _ids(call) == {("other", "CL1125031")}


def test_read_back_restores_a_final_two_taken_for_the_particle() -> None:
    call = """상담원: 운송장 번호 불러 주시겠어요
고객: 네 삼일공이 팔팔사칠 육공구이요
상담원: 삼일공이 팔팔사칠 육공구이 받으시는 분 성함 말씀해 주세요
고객: 박수아요
"""
    assert _ids(call) == {("tracking", "310288476092")}


def test_last_four_digits_asked_for_order_are_no_order() -> None:
    call = """상담원: 주문하신 분 휴대폰 끝자리 네 자리 말씀해 주시겠어요
고객: 사칠일팔이요
상담원: 네 확인됐습니다 주문번호는 오엔 다시 오팔이일삼입니다
"""
    assert _ids(call) == {("order", "ON58213")}
