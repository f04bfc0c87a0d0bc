"""Classes of phrasing found with dev authors G and H's calls (197–220), each tested on a call
written for this file: a word with its particle before 고객님, a teacher's 선생님 said back, a
work title quoted as one's own ("… 대리라고 하는데요"), the copula's 이 after a landline's last
group, a hospital's 등록번호, a customer number the caller offers, an agent at a 상담실, an
account's old address beside the new contact one, a local part cut short at a Korean word, a
business van's plate, a serial's part said again, a day asked with 일지."""

from __future__ import annotations

import datetime as dt

from pipeline.process import process_text

KST = dt.timezone(dt.timedelta(hours=9))
# 2026-11-11 is a Wednesday.
WEDNESDAY = dt.datetime(2026, 11, 11, 10, 0, tzinfo=KST)


def _note(text: str):
    return process_text(text, call_started_at=WEDNESDAY).note


def _ids(text: str) -> set[tuple[str, str]]:
    return {(i.kind, i.value.replace("-", "").upper()) for i in _note(text).identifiers}


# --- customer.name -----------------------------------------------------------------------


def test_a_time_word_with_its_particle_before_gonggaeknim_is_no_name() -> None:
    call = """상담원: 네 빠른택배입니다
고객: 택배가 아직 안 왔어요
상담원: 확인해 보니 기사님이 내일 오전 열한 시 전까지 고객님께 전화드린다고 하네요
고객: 네 알겠어요
"""
    assert _note(call).customer.name is None


def test_a_teacher_the_agent_calls_seonsaengnim_is_not_the_callers_name() -> None:
    call = """상담원: 네 한빛수학학원입니다
고객: 상담 좀 받으려고요 거기 선생님은 몇 분이세요
상담원: 네 선생님은 네 분이 계시고요 반마다 한 분씩 맡으세요 성함 알려 주시겠어요
고객: 도지훈이요
상담원: 네 도지훈 학부모님 안내 문자 드릴게요
"""
    assert _note(call).customer.name == "도지훈"


def test_a_caller_quoting_their_own_work_title_gives_their_name() -> None:
    call = """상담원: 네 한솔렌탈 고객센터입니다
고객: 안녕하세요 저는 미래상사 총무팀 복사기 관리 담당 탁지훈 과장이라고 하는데요 복사기 점검 좀 받으려고요
상담원: 네 탁지훈 과장님 확인해 드리겠습니다
"""
    assert _note(call).customer.name == "탁지훈"


# --- customer.phone ----------------------------------------------------------------------


def test_the_copula_after_a_seoul_landlines_last_group_is_no_digit() -> None:
    call = """상담원: 결과는 어느 번호로 연락드릴까요
고객: 사무실 번호로 해 주세요 공이 오오육 칠칠일일이요
상담원: 네 그 번호로 연락드리겠습니다
"""
    assert _note(call).customer.phone == "025567711"


def test_the_copula_after_an_area_code_landlines_last_group_is_no_digit() -> None:
    call = """상담원: 예약 문자는 어느 번호로 드릴까요
고객: 매장 번호로 주세요 공삼이 육육일 공사팔팔이요
상담원: 네 보내 드리겠습니다
"""
    assert _note(call).customer.phone == "0326610488"


# --- customer.customer_id ----------------------------------------------------------------


def test_a_hospitals_registration_number_is_the_customer_id() -> None:
    call = """상담원: 한마음병원 고객상담실입니다 성함이랑 환자 등록번호 말씀해 주시겠어요
고객: 우정민이고요 등록번호는 진료 카드에 있는 거 공공육일 이삼팔구요
상담원: 네 확인됐습니다
"""
    assert _note(call).customer.customer_id == "00612389"


def test_a_customer_number_the_caller_offers_then_reads_is_the_customer_id() -> None:
    call = """상담원: 네 별빛통신입니다
고객: 요금 때문에 전화했는데요 가입자 번호 불러 드릴까요
상담원: 네 불러 주세요
고객: 칠칠공일 이사육팔 삼오요
상담원: 네 조회됐습니다
"""
    assert _note(call).customer.customer_id == "7701246835"


def test_a_customer_number_the_agent_turns_down_is_not_read_from_the_next_turn() -> None:
    call = """상담원: 네 별빛통신입니다
고객: 요금 때문에 전화했는데요 가입자 번호 불러 드릴까요
상담원: 아니요 괜찮습니다 성함만 말씀해 주세요
고객: 노하람이요 연락처는 공일공 일이삼사 오육칠팔이요
상담원: 네 조회됐습니다
"""
    note = _note(call)
    assert note.customer.customer_id is None
    assert note.customer.phone == "01012345678"


def test_a_residents_registration_number_is_never_the_customer_id() -> None:
    call = """상담원: 본인 확인을 위해 주민 등록번호 앞자리 말씀해 주세요
고객: 팔공공일일이요
상담원: 네 확인됐습니다
"""
    assert _note(call).customer.customer_id is None


# --- agent.name --------------------------------------------------------------------------


def test_an_agent_at_a_sangdamsil_gives_their_name() -> None:
    call = """상담원: 네 말씀하세요
고객: 검사 결과 때문에 전화했어요
상담원: 네 고객상담실 공서윤입니다 어떤 일이실까요
"""
    assert _note(call).agent.name == "공서윤"


# --- customer.email and the account's address ---------------------------------------------


ACCOUNT_AND_CONTACT = """상담원: 네 하늘소프트입니다 가입하신 계정 이메일 알려 주시겠어요
고객: 제이 에이치 점 리 골뱅이 누리상사 닷컴이요 회사 메일인데 이제 못 써요
상담원: 네 조회됐습니다 안내 메일은 어디로 보내 드릴까요
고객: 제이 에이치 팍 칠칠 골뱅이 지메일 닷컴으로 주세요
상담원: 네 보내 드렸습니다
"""


def test_the_address_to_write_to_is_the_customers_email_not_the_accounts() -> None:
    assert _note(ACCOUNT_AND_CONTACT).customer.email == "jhpark77@gmail.com"


def test_the_accounts_old_address_is_its_account_id() -> None:
    assert ("account_id", "JH.LEE@NURISANGSA.COM") in _ids(ACCOUNT_AND_CONTACT)


def test_an_account_address_alone_stays_the_customers_email() -> None:
    call = """상담원: 가입하신 계정 이메일 말씀해 주시겠어요
고객: 에스 와이 제이 팔팔 골뱅이 지메일 닷컴이요
상담원: 네 확인됐습니다
"""
    note = _note(call)
    assert note.customer.email == "syj88@gmail.com"
    assert not any(i.kind == "account_id" for i in note.identifiers)


def test_a_local_part_cut_short_at_a_korean_word_gives_way_to_the_spelled_one() -> None:
    call = """상담원: 확정서 받으실 이메일 알려 주시겠어요
고객: 제이 이 김 오오 골뱅이 다음 닷넷이요
상담원: 제이 이 케이 아이 엠 오오 골뱅이 다음 닷넷 맞으시죠
"""
    assert _note(call).customer.email == "jekim55@daum.net"


# --- identifiers -------------------------------------------------------------------------


def test_a_business_vans_plate_is_an_identifier() -> None:
    call = """상담원: 차량 번호 말씀해 주시겠어요
고객: 칠삼 사 일이삼사요 회사 화물차고요
상담원: 네 칠삼 사 일이삼사 조회됩니다
"""
    assert ("other", "73사1234") in _ids(call)


def test_a_part_of_a_serial_said_again_is_no_identifier_of_its_own() -> None:
    call = """상담원: 제품 뒤에 제조번호 있으실 거예요
고객: 제조번호 에이 비 공삼일 케이 칠칠 아 잠깐만 칠칠팔구오요
상담원: 에이 비 공삼일 케이 칠칠팔구오 확인했습니다
"""
    serials = {v for k, v in _ids(call) if k == "serial"}
    assert serials == {"AB031K77895"}


def test_a_day_asked_with_ilji_is_no_code() -> None:
    call = """상담원: 이사 날짜 정해지셨어요
고객: 아직이요 이십팔 일일지 삼십 일일지 몰라서요
상담원: 네 정해지시면 연락 주세요
"""
    assert _ids(call) == set()
