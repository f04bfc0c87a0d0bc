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


def test_stroke_word_is_the_spoken_dash() -> None:
    call = """상담원: 계약서 번호 말씀해 주시겠어요
고객: 계약서 번호는 케이 엘 짝대기 삼일공구공이 짝대기 이칠이요
상담원: 네 확인됐습니다
"""
    assert {v for _, v in _ids(call)} == {"KL31090227"}


def test_plate_with_a_filler_after_its_mark() -> None:
    call = """상담원: 차량 번호 알려 주시겠어요
고객: 차 번호는 사십이 하에 일팔삼칠이요
상담원: 네 확인했습니다
"""
    assert _ids(call) == {("other", "42하1837")}


def test_letters_containing_the_id_cue_spell_a_code() -> None:
    call = """상담원: 쿠폰 있으시면 말씀해 주세요
고객: 쿠폰번호가 에이아이디오 일이일이요
상담원: 네 에이아이디오 일이일이 확인됐습니다
"""
    found = {v for _, v in _ids(call)}
    assert "AIDO1212" in found
    assert not any(v.islower() for v in found)


def test_account_id_digit_before_the_copula_after_a_vowel() -> None:
    call = """상담원: 가입하신 아이디 말씀해 주시겠어요
고객: 아이디는 에스 오 엔 지 언더바 사구이고요
상담원: 네 에스오엔지 언더바 사구이 아이디 확인됐습니다
"""
    assert _ids(call) == {("account_id", "SONG_492")}


def test_parts_joined_by_then_are_one_value() -> None:
    call = """상담원: 증권번호 알려 주시겠어요
고객: 증권번호는 에이치에스 공일칠칠이 그리고 뒤에 삼삼구오요
상담원: 네 확인됐습니다
"""
    assert {v for _, v in _ids(call)} == {"HS017723395"}


def test_read_back_of_four_digit_groups_is_the_whole_number() -> None:
    call = """상담원: 운송장 번호 불러 주시겠어요
고객: 운송장이 삼일공칠 다음에 팔팔이일 어 잠깐만요 그리고 사오육공이요
상담원: 삼일공칠 팔팔이일 사오육공 맞으세요
고객: 네
"""
    assert _ids(call) == {("tracking", "310788214560")}


def test_read_back_one_digit_off_a_part_replaces_it() -> None:
    call = """상담원: 운송장 번호 불러 주시겠어요
고객: 운송장이 삼일공칠 다음에 팔팔이일이요 그리고 사오육공이요
상담원: 삼일공칠 팔팔구일 사오육공 맞으세요
고객: 네
"""
    assert _ids(call) == {("tracking", "310788914560")}


def test_corrected_last_group_read_back_drops_the_wrong_value() -> None:
    call = """상담원: 예약번호 말씀해 주시겠어요
고객: 티에스 다시 일일공사이공 다시 공사칠 아 아니다 공사팔이요
상담원: 티에스 다시 일일공사이공 다시 공사팔 맞으실까요
고객: 네
"""
    assert _ids(call) == {("order", "TS110420048")}


def test_corrected_model_read_back_replaces_the_first_reading() -> None:
    call = """상담원: 모델명 읽어 주시겠어요
고객: 에이치 디 일 이 티 오 오 공 공 케이 아니 오 육이네
상담원: 에이치디 일이 티 육오공공 케이 맞으실까요
고객: 네
"""
    found = _ids(call)
    assert len(found) == 1
    assert found.pop()[1] == "HD12T6500K"


def test_in_turn_correction_of_a_prefixed_policy_number() -> None:
    call = """상담원: 증권번호 알고 계실까요
고객: 증권번호는 엘 공이삼사 칠칠팔팔일 어 아니 칠칠팔팔삼이요
상담원: 증권번호 엘 공이삼사 칠칠팔팔삼 맞으실까요
고객: 네
"""
    assert {v for _, v in _ids(call)} == {"L023477883"}


def test_prefixed_serial_with_a_five_digit_group() -> None:
    call = """상담원: 제조번호 불러 주시겠어요
고객: 비 디 엘 영 칠 일 이 삼 사 오 육 칠 이렇게 돼 있네
상담원: 비디엘 영칠일이 삼사오육칠 확인했습니다
"""
    assert {v for _, v in _ids(call)} == {"BDL071234567"}


def test_approval_number_closed_by_two_spoken_groups() -> None:
    call = """상담원: 승인번호 불러 주시겠어요
고객: 네 여기 있네요 칠공삼삼 일팔 영이요
상담원: 칠공삼삼일팔영이 확인됐습니다
"""
    assert {v for _, v in _ids(call)} == {"70331802"}


def test_own_member_number_read_back_is_no_identifier() -> None:
    call = """상담원: 회원번호 알고 계시면 말씀해 주세요
고객: 회원번호 에이치케이 공공칠 삼일팔이요
상담원: 에이치케이 공공칠삼일팔 확인됐습니다
"""
    note = process_text(call, call_started_at=MONDAY).note
    assert note.customer.customer_id == "HK007318"
    assert note.identifiers == []


def test_family_members_customer_number_is_an_identifier() -> None:
    call = """상담원: 네 그러면 어머님 회선 조회를 위해서 고객번호 알려 주시겠어요
고객: 여기 고객번호가 이공칠 삼삼일 사오 이렇게 써 있네요
상담원: 이공칠삼삼일사오 맞으실까요
고객: 네
"""
    note = process_text(call, call_started_at=MONDAY).note
    assert note.customer.customer_id is None
    assert [(i.kind, i.value) for i in note.identifiers] == [("account_id", "20733145")]


def test_family_members_patient_number_is_an_identifier() -> None:
    call = """상담원: 환자분 성함하고 등록번호 아시면 말씀해 주시겠어요
고객: 아버지 성함은 김영수시고요 등록번호는 영수증에 공공팔일 칠이사구라고 돼 있어요
상담원: 네 확인됐습니다
"""
    note = process_text(call, call_started_at=MONDAY).note
    assert note.customer.customer_id is None
    assert [(i.kind, i.value) for i in note.identifiers] == [("other", "00817249")]


def test_own_patient_number_stays_the_customer_id() -> None:
    call = """상담원: 성함하고 등록번호 아시면 말씀해 주세요
고객: 박은주고요 등록번호는 카드에 있는 거 공공팔일 칠이사구요
상담원: 네 확인됐습니다
"""
    note = process_text(call, call_started_at=MONDAY).note
    assert note.customer.customer_id == "00817249"
    assert note.identifiers == []


def test_number_the_agent_finds_after_a_wrong_reading_replaces_it() -> None:
    call = """고객: 네 영수증에 승인번호 있어요 오이칠칠 일삼사오요
상담원: 오이칠칠 일삼사오 잠시만요 이 번호로는 조회가 안 되시는데요 언제 결제하셨어요
고객: 지난주 금요일이요
상담원: 네 지난주 금요일 건은 승인번호 오이칠칠 일삼육오로 되어 있네요
고객: 아 제가 잘못 봤네요
"""
    assert _ids(call) == {("other", "52771365")}


def test_two_numbers_one_apart_said_far_apart_both_stay() -> None:
    call = """상담원: 주문번호 말씀해 주세요
고객: 오엔 다시 오팔이일삼이요
상담원: 네 확인됐습니다 배송은 내일 출발합니다
고객: 네
상담원: 다른 문의 있으세요
고객: 아 하나 더 있어요
상담원: 네 말씀하세요
고객: 주문번호 오엔 다시 오팔이일사도 봐 주세요
"""
    assert _ids(call) == {("order", "ON58213"), ("order", "ON58214")}


def test_policy_numbers_with_a_year_group_after_the_prefix() -> None:
    call = """상담원: 증권번호 말씀해 주시겠어요
고객: 증권번호가 엘 에이 일구 공삼삼 팔일이 이거고요 다른 건 엘 씨 이일 공칠칠 공사오예요
상담원: 네 엘 에이 일구 공삼삼팔일이 계약 확인됐습니다
"""
    assert _ids(call) == {("policy", "LA19033812"), ("policy", "LC21077045")}


def test_short_group_after_a_prefix_before_written_groups() -> None:
    call = """상담원: 계약번호 부탁드립니다
고객: 계약번호는 케이 티 이공 삼삼일 칠칠이요
"""
    assert {v for _, v in _ids(call)} == {"KT2033177"}


def test_prefixed_number_restarted_after_a_hesitation() -> None:
    call = """상담원: 계약번호 확인 부탁드려요
고객: 계약번호는 피 케이 이육 어 잠깐만 이육일일 다시 공삼팔팔이요
상담원: 피 케이 이육일일 다시 공삼 다음이 팔팔 맞으세요
고객: 네
"""
    assert _ids(call) == {("contract", "PK26110388")}


def test_invoice_number_named_by_the_statement() -> None:
    call = """상담원: 혹시 명세서 번호 있으세요
고객: 명세서 그 종이에 있는 거요 이공이육 다시 공사이팔 다시 일오 이거 맞나요
상담원: 네 이공이육 다시 공사이팔 다시 일오 조회됩니다
"""
    assert _ids(call) == {("invoice", "2026042815")}


def test_chart_number_with_a_letter_said_before_its_digits() -> None:
    call = """상담원: 혹시 차트번호 아시면 말씀해 주세요
고객: 차트번호 그 진료 카드에 있는 건가 잠깐만요 영어로 비 그리고 공칠일이 이렇게 써 있어요
상담원: 비 공칠일이 확인됐습니다
"""
    assert _ids(call) == {("other", "B0712")}


def test_letter_inside_a_longer_model_code_is_no_code_of_its_own() -> None:
    call = """상담원: 제품 모델명 알 수 있을까요 옆면 스티커에 있습니다
고객: 잠깐만요 어 에스엠 다시 더블유 이일오공 케이 이렇게 써 있어요
"""
    assert _ids(call) == {("model", "SMW2150K")}


def test_customer_number_given_by_front_and_back_parts() -> None:
    call = """상담원: 고객번호 알고 계시면 말씀해 주시겠어요
고객: 고객번호 수첩에 적어 놨는데 앞자리가 삼공이고 뒷자리가 칠칠 아니 칠칠일사오 이렇게 적혀 있네요
상담원: 삼공 다시 칠칠일사오 맞으시죠
고객: 네
"""
    note = process_text(call, call_started_at=MONDAY).note
    assert note.customer.customer_id == "30-77145"
    assert note.identifiers == []
