"""Classes of phrasing found with the unseen batch 257-280: an agent giving only their surname
and work title, or their name mid-turn after 저는 or a compound title; digits the caller quotes
back ("사오라고 했나") that are no name; the agent reading a name back with 환자분 / 보호자분; the
caller naming themselves after their child in one answer; a phone number's digits taken back
with 말고; a customer number read like a landline; a caller who says they do not know their
number; a copula said apart inside an address; a floor taken back for the flat; a road told to a
city's own office; and no province or metropolitan city added that nobody said. Every example
is invented."""

from __future__ import annotations

import pytest

from pipeline.normalize.address import find_local_office
from pipeline.normalize.names import find_agent_name
from tests.nlp.builders import kst, note, spoken_address

# 2026-11-11 is a Wednesday.
WEDNESDAY = kst(2026, 11, 11)


# --- agent.name: surname and work title only -------------------------------------------------


@pytest.mark.parametrize(
    ("greeting", "name"),
    [
        ("네 새벽신협 고객센터 김 주임입니다 무엇을 도와드릴까요", "김 주임"),
        ("네 맞습니다 저는 이 실장이고요 말씀하세요", "이 실장"),
        ("네 해온통신 중앙점 노 매니저입니다", "노 매니저"),
        ("안녕하세요 바른가구 박 팀장입니다", "박 팀장"),
        ("네 한울보험 고객센터 최 대리예요", "최 대리"),
        ("네 감사합니다 상담센터 정 과장이었습니다", "정 과장"),
    ],
)
def test_an_agent_giving_only_surname_and_title(greeting: str, name: str) -> None:
    found = find_agent_name(greeting)
    assert found is not None and found.value == name


@pytest.mark.parametrize(
    "said",
    [
        "네 이 과장님께 전달해 드릴게요 감사합니다",
        "안녕하세요 담당 김 기사님이 방문하실 거예요",
        "네 센터에 이 팀장님 계신지 확인해 보겠습니다",
    ],
)
def test_staff_the_agent_speaks_of_are_not_the_agent(said: str) -> None:
    assert find_agent_name(said) is None


def test_a_surname_and_title_greeting_names_the_agent_of_the_call() -> None:
    call = """상담원: 네 바다상회입니다
고객: 여보세요 거기 젓갈 파는 데 맞죠
상담원: 네 맞습니다 저는 이 실장이고요 말씀하세요
고객: 주문한 게 새서 왔어요
"""
    assert note(call, WEDNESDAY).agent.name == "이 실장"


# --- agent.name: a name after 저는 mid-turn, or after a compound title -----------------------


@pytest.mark.parametrize(
    ("turn", "name"),
    [
        ("네 증명서요 가능합니다 저는 데스크 서은채고요 성함 말씀해 주세요", "서은채"),
        ("네 저는 교무실장 홍미란입니다 몇 학년이세요", "홍미란"),
        ("네 저는 총무팀장 김도경입니다", "김도경"),
        ("네 가능해요 저는 접수 담당 문태호예요", "문태호"),
    ],
)
def test_an_agent_naming_themselves_mid_turn(turn: str, name: str) -> None:
    found = find_agent_name(turn)
    assert found is not None and found.value == name


def test_a_name_after_jeoneun_in_the_second_agent_turn_names_the_agent() -> None:
    call = """상담원: 네 푸른숲동물병원입니다
고객: 여보세요 접종 증명서 좀 받을 수 있을까요
상담원: 네 접종 증명서요 가능합니다 저는 데스크 서은채고요 보호자님 성함 말씀해 주세요
고객: 임소라예요
"""
    drafted = note(call, WEDNESDAY)
    assert drafted.agent.name == "서은채"
    assert drafted.customer.name == "임소라"


# --- customer.name ---------------------------------------------------------------------------


def test_digits_the_caller_quotes_back_are_no_name() -> None:
    call = """상담원: 네 계약자분 성함 확인 부탁드려요
고객: 임채원이요
상담원: 네 확인됐습니다
고객: 아 그리고 연락처 공일공 사사오구 어 공일공 사사구오 일일칠삼이요 제가 사오라고 했나
상담원: 네 공일공 사사구오 일일칠삼으로 남겨 두겠습니다
"""
    drafted = note(call, WEDNESDAY)
    assert drafted.customer.name == "임채원"
    assert drafted.customer.phone == "01044951173"


@pytest.mark.parametrize("honorific", ["환자분", "보호자분", "고객님", "환자님"])
def test_a_name_the_agent_reads_back_with_a_role_honorific(honorific: str) -> None:
    call = f"""상담원: 네 한가람병원 예약센터입니다
고객: 예약 좀 바꾸려고요
상담원: 네 환자분 성함이랑 등록번호 아시면 말씀해 주시겠어요
고객: 등록번호는 모르겠고 이은비요 아 생년월일 필요하시면 구일공삼이칠이요
상담원: 네 이은비 {honorific} 확인됐습니다 등록번호는 공공팔칠 사삼이일 이시고요
"""
    drafted = note(call, WEDNESDAY)
    assert drafted.customer.name == "이은비"
    assert drafted.customer.customer_id == "00874321"


def test_the_callers_name_after_the_childs_in_one_answer() -> None:
    call = """상담원: 네 다솜수학학원입니다
고객: 겨울 특강 자리 있나 해서요
상담원: 네 학생 이름하고 어머님 연락처 남겨 주세요
고객: 애는 김도윤이고요 저는 문정아 전화번호는 공일공 사칠일사 공구이삼이요
상담원: 네 남겨 두겠습니다
"""
    assert note(call, WEDNESDAY).customer.name == "문정아"


# --- customer.phone --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "phone"),
    [
        ("공일공 오오이팔 칠삼일구 아 칠삼일구 말고 칠삼구일 이다", "01055287391"),
        ("공일공 일이삼사 오육칠팔 아니 오육칠팔 말고 오육팔칠이요", "01012345687"),
        ("공일공 이삼사오 육칠팔구요 아 아니 육칠구팔", "01023456798"),
    ],
)
def test_the_last_digits_taken_back_and_said_again(said: str, phone: str) -> None:
    call = f"""상담원: 네 받으실 연락처는 어떻게 될까요
고객: {said}
상담원: 네 확인했습니다
"""
    assert note(call, WEDNESDAY).customer.phone == phone


def test_malgo_after_words_is_no_correction() -> None:
    call = """상담원: 네 받으실 연락처는 어떻게 될까요
고객: 공일공 이삼사오 육칠팔구요 문자 말고 전화로 주세요
상담원: 네 확인했습니다
"""
    assert note(call, WEDNESDAY).customer.phone == "01023456789"


def test_a_customer_number_read_like_a_landline_is_no_phone() -> None:
    call = """상담원: 네 가야도시가스입니다 고객번호나 주소 말씀해 주시겠어요
고객: 고객번호는 고지서에 있는 거 불러 드리면 되지예 공삼일이에 오오팔에 칠공일 이래 돼 있네예
상담원: 공삼일이 오오팔 칠공일 맞으시죠 성함 말씀 부탁드립니다
고객: 배수진이라예
"""
    drafted = note(call, WEDNESDAY)
    assert drafted.customer.customer_id == "0312558701"
    assert drafted.customer.phone is None


# --- customer.address ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "address"),
    [
        (
            "경기도 수원시 영통구 청명로 백이십삼 이고요 이백칠 동 천사백이 호요",
            "경기도 수원시 영통구 청명로 123 207동 1402호",
        ),
        ("서울시 마포구 망원로 오십육 이에요 삼 층이요", "서울시 마포구 망원로 56 3층"),
        ("대전 유성구 반석동로 삼십이 이고요 그리고 제 번호는요", "대전시 유성구 반석동로 32"),
    ],
)
def test_a_copula_said_apart_inside_an_address(said: str, address: str) -> None:
    assert spoken_address(said) == address


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("해돋이로 이십칠 번길 팔 삼층이요 아니 삼백일 호", "해돋이로27번길 8 301호"),
        ("인천시 연수구 송도로 십 이 층 아니 이백삼 호요", "인천시 연수구 송도로 10 203호"),
        ("서울시 중구 세종대로 백십 오백이 호 아니 오 층이요", "서울시 중구 세종대로 110 5층"),
    ],
)
def test_a_floor_taken_back_for_the_flat(said: str, address: str) -> None:
    assert spoken_address(said) == address


@pytest.mark.parametrize(
    ("greeting", "place"),
    [
        ("네 해솔시 민원콜센터입니다 무엇을 도와드릴까요", "해솔시"),
        ("네 한빛구청 민원실입니다", "한빛구"),
        ("안녕하세요 푸른군 콜센터입니다", "푸른군"),
        ("네 하늘전자 고객센터입니다", None),
    ],
)
def test_the_place_whose_office_answers(greeting: str, place: str | None) -> None:
    assert find_local_office(greeting) == place


def test_a_road_told_to_the_citys_own_office_is_in_that_city() -> None:
    call = """상담원: 네 해솔시 민원콜센터입니다 무엇을 도와드릴까요
고객: 우리 집 앞에 차가 몇 달째 서 있어요
상담원: 네 위치가 어디쯤일까요
고객: 매곡길 이십삼 우리 집 바로 앞이여
상담원: 매곡길 이십삼 앞이요 확인해 보겠습니다
"""
    assert note(call, WEDNESDAY).customer.address == "해솔시 매곡길 23"


def test_a_road_told_to_a_company_gets_no_city() -> None:
    call = """상담원: 네 하늘전자 고객센터입니다
고객: 매곡길 이십삼 사는데요 세탁기가 고장 났어요
상담원: 네 접수해 드리겠습니다
"""
    assert note(call, WEDNESDAY).customer.address is None


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("김해시 가락로 백이십삼번길 십오 이백일 호요", "김해시 가락로123번길 15 201호"),
        ("진주시 비봉로 이십칠번길 팔이요", "진주시 비봉로27번길 8"),
        ("서귀포시 중문관광로 칠십이 번길 삼십오요", "서귀포시 중문관광로72번길 35"),
        ("노원구 한글비석로 이십사길 십칠 백일동 천이백삼 호", "노원구 한글비석로24길 17 101동 1203호"),
        ("경주시 용황로 팔십팔 백삼동 이백일호", "경주시 용황로 88 103동 201호"),
        # What is said is kept, in its written form.
        ("경남 김해시 가락로 십오요", "경남 김해시 가락로 15"),
        ("서울 노원구 동일로 천이백삼십이요", "서울시 노원구 동일로 1230"),
    ],
)
def test_no_province_or_metropolitan_city_is_added(said: str, address: str) -> None:
    assert spoken_address(said) == address


def test_the_province_the_agent_reads_back_completes_the_address() -> None:
    call = """상담원: 주소 확인 부탁드립니다
고객: 김해시 가락로 백이십삼번길 십오 이백일 호요
상담원: 네 경남 김해시 가락로 백이십삼번길 십오 이백일 호 맞으시죠
"""
    assert note(call, WEDNESDAY).customer.address == "경남 김해시 가락로123번길 15 201호"


def test_a_family_members_name_read_back_as_the_patients_is_not_the_callers() -> None:
    call = """상담원: 네 환자분 성함하고 등록번호 아시면 말씀해 주시겠어요
고객: 어머니 성함은 박순례시고요 등록번호는 모르겠어요
상담원: 네 박순례 환자분 확인됐습니다 신청하시는 분 성함이 어떻게 되세요
고객: 저는 딸이고요 윤채린입니다
상담원: 네 윤채린 님 서류 안내해 드릴게요
"""
    assert note(call, WEDNESDAY).customer.name == "윤채린"
