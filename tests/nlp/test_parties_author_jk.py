"""Classes of phrasing found with the unseen batch 233-256: a word said after 저는 that is no
name, a child's name given before the caller's own, a name the agent asks the caller to
confirm with 선생님 or 님, an office clerk's work title in the greeting, a numbered road said
with its digit as a word, a block named by a letter, a flat or floor said again after 아니, and
a resident who names only their block and flat to the complex's management office. Every
example is invented."""

from __future__ import annotations

import pytest

from pipeline.normalize.address import find_flat
from pipeline.normalize.names import find_agent_name, find_customer_name
from tests.nlp.builders import kst, note, spoken_address

# 2026-11-11 is a Wednesday.
WEDNESDAY = kst(2026, 11, 11)


# --- customer.name: the word after 저는 -------------------------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        "네 맞아요 저는 보상 이런 거 바라는 게 아니고요",
        "저는 환불 이런 건 됐고요 사과를 받고 싶어요",
        "저는 지금 이사 중이라 정신이 없어요",
        "전 배송 이런 거 말고 제품이 문제예요",
    ],
)
def test_a_word_two_words_after_jeoneun_is_no_name(said: str) -> None:
    assert find_customer_name(said) is None


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("저는 음 김태희고요", "김태희"),
        ("성함은 어 박영희입니다", "박영희"),
        ("저는 남궁현이에요", "남궁현"),
        ("전 그 윤서아요", "윤서아"),
    ],
)
def test_a_name_right_after_its_cue_or_a_filler_is_still_given(said: str, name: str) -> None:
    found = find_customer_name(said)
    assert found is not None and found.value == name


def test_a_demonstrative_after_a_cue_leaves_the_name_the_agent_read_back() -> None:
    call = """상담원: 네 바른택배입니다
고객: 택배가 엉뚱한 데 가 있었어요
상담원: 네 받으시는 분 추유리 고객님 맞으시고 주소도 확인됐습니다
고객: 네 저예요 저는 보상 이런 거 필요 없고요 기사님 사과만 받고 싶어요
상담원: 네 영업소에 전달하겠습니다
"""
    assert note(call, WEDNESDAY).customer.name == "추유리"


# --- customer.name: a child's name before the caller's ---------------------------------------


def test_a_childs_name_given_first_gives_way_to_the_callers_answer() -> None:
    call = """상담원: 안녕하세요 별빛수학 상담원입니다
고객: 네 우리 애 수학 학원 알아보려고요
상담원: 네 어머님 자녀분 학년이 어떻게 될까요
고객: 초등학교 삼 학년이고요 이름은 서준이
상담원: 네 삼 학년이면 기초반이 맞습니다 어머님 성함하고 연락처 부탁드립니다
고객: 문지혜고요 공일공 이삼사오 육칠팔구요
상담원: 네 문지혜 어머님 등록해 드릴게요
"""
    assert note(call, WEDNESDAY).customer.name == "문지혜"


def test_a_childs_name_alone_is_not_the_callers() -> None:
    call = """상담원: 안녕하세요 별빛수학입니다
고객: 애 학원 좀 알아보려고요
상담원: 네 아이가 몇 학년일까요
고객: 사 학년이고요 이름은 지안이
상담원: 네 사 학년 반으로 안내해 드릴게요
"""
    assert note(call, WEDNESDAY).customer.name is None


def test_a_question_for_the_childs_and_the_guardians_names_keeps_the_guardian() -> None:
    call = """상담원: 네 해솔동물병원 상담실입니다
고객: 지난주에 진료받은 보호자인데요
상담원: 네 아이 이름이랑 보호자 성함 여쭤봐도 될까요
고객: 보리요 보호자는 탁수민이고요
상담원: 네 탁수민 보호자님 확인됐습니다
"""
    assert note(call, WEDNESDAY).customer.name == "탁수민"


# --- customer.name: the agent asking the caller to confirm their name ------------------------


@pytest.mark.parametrize(
    ("agent", "name"),
    [
        ("네 수용가번호 확인됐습니다 송민철 선생님 맞으세요", "송민철"),
        ("네 조회됐습니다 오지은 님 맞으시죠", "오지은"),
        ("가입자 명의가 하태오 손님 맞으십니까", "하태오"),
    ],
)
def test_a_name_the_agent_asks_the_caller_to_confirm_is_theirs(agent: str, name: str) -> None:
    call = f"""상담원: 네 해오름시 상수도사업소입니다
고객: 요금이 너무 많이 나왔어요 고지서 번호는 일이삼 다시 사오육이요
상담원: {agent}
고객: 예 맞아요
"""
    assert note(call, WEDNESDAY).customer.name == name


def test_staff_called_seonsaengnim_without_a_confirmation_is_no_customer_name() -> None:
    call = """상담원: 네 한빛의원입니다
고객: 검사 결과 좀 여쭤보려고요
상담원: 네 결과는 정우성 선생님이 보시고 내일 연락드릴 거예요
고객: 네 알겠습니다
"""
    assert note(call, WEDNESDAY).customer.name is None


# --- agent.name: an office clerk's work title ------------------------------------------------


@pytest.mark.parametrize(
    ("greeting", "name"),
    [
        ("네 푸른숲아파트 관리사무소 남기현 과장입니다", "남기현"),
        ("네 한빛구청 민원실 류하늘 주무관입니다", "류하늘"),
        ("네 차량등록사업소 엄지호 계장입니다", "엄지호"),
        ("네 햇빛타워 관리사무소 채은솔 대리입니다", "채은솔"),
    ],
)
def test_an_office_clerk_greets_with_their_work_title(greeting: str, name: str) -> None:
    found = find_agent_name(greeting)
    assert found is not None and found.value == name


# --- customer.address ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("서울 은평구 진관이로 오십칠 백이 동 천사백일 호", "서울시 은평구 진관2로 57 102동 1401호"),
        ("서울 은평구 진관삼로 십오 삼백일 호요", "서울시 은평구 진관3로 15 301호"),
        ("경기도 하남시 미사강변중앙이로 백 오 층이요", "경기도 하남시 미사강변중앙2로 100 5층"),
    ],
)
def test_a_numbered_roads_digit_said_as_a_word_is_written_as_a_digit(
    said: str, address: str
) -> None:
    assert spoken_address(said) == address


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("서울시 강남구 봉은사로 사백 오 층", "서울시 강남구 봉은사로 400 5층"),
        ("인천시 연수구 해돋이로 백이십 이백삼동 칠백팔 호", "인천시 연수구 해돋이로 120 203동 708호"),
        ("경기도 성남시 분당구 정자일로 구십오", "경기도 성남시 분당구 정자일로 95"),
        ("서울시 송파구 송이로 이십삼길 십팔", "서울시 송파구 송이로23길 18"),
    ],
)
def test_a_road_named_after_a_word_ending_in_a_digit_syllable_keeps_its_name(
    said: str, address: str
) -> None:
    assert spoken_address(said) == address


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("부산시 해운대구 센텀중앙로 구십칠 에이 동 이천삼백오 호요", "부산시 해운대구 센텀중앙로 97 A동 2305호"),
        ("세종시 한누리대로 이백오십 도담아파트 비 동 삼백 호", "세종시 한누리대로 250 도담아파트 B동 300호"),
        ("인천시 서구 청라커낼로 이백 씨동이요", "인천시 서구 청라커낼로 200 C동"),
        ("대구시 수성구 들안로 삼백십이 이 동 오백칠 호", "대구시 수성구 들안로 312 2동 507호"),
    ],
)
def test_a_block_named_by_a_letter_is_written_with_the_letter(said: str, address: str) -> None:
    assert spoken_address(said) == address


@pytest.mark.parametrize(
    ("said", "address"),
    [
        (
            "부산시 해운대구 센텀중앙로 구십칠 에이 동 이천삼백오 호요 아 아니 이천삼백육 호 육 호",
            "부산시 해운대구 센텀중앙로 97 A동 2306호",
        ),
        (
            "서울시 마포구 월드컵북로 십이길 삼십사 삼백일 호요 아 아니 삼백이 호",
            "서울시 마포구 월드컵북로12길 34 302호",
        ),
        ("대구시 수성구 범어로 이십칠길 십사 이 층이요 아니 삼 층", "대구시 수성구 범어로27길 14 3층"),
        (
            "부산시 해운대구 해운대로 오백칠십 동백빌라 이 층이요 아니다 삼 층",
            "부산시 해운대구 해운대로 570 동백빌라 3층",
        ),
    ],
)
def test_a_flat_or_floor_said_again_after_ani_replaces_the_first(said: str, address: str) -> None:
    assert spoken_address(said) == address


def test_a_correction_of_something_else_leaves_the_flat() -> None:
    assert spoken_address("서울시 중구 세종대로 백십 사 층 아니 이건 회사고요") == "서울시 중구 세종대로 110 4층"


@pytest.mark.parametrize(
    ("said", "flat"),
    [
        ("나 백오 동 천이백사 호 사는 사람인데요", "105동 1204호"),
        ("여기 삼 동 이백일 호예요", "3동 201호"),
        ("관리비가 이상하게 나왔어요", None),
    ],
)
def test_a_block_and_flat_said_alone(said: str, flat: str | None) -> None:
    assert find_flat(said) == flat


def test_a_resident_calling_the_management_office_lives_in_its_complex() -> None:
    call = """상담원: 네 초록마을아파트 관리사무소입니다
고객: 여보세요 백칠 동 오백이 호인데요 관리비가 이상하게 나왔어요
상담원: 네 확인해 드리겠습니다
"""
    assert note(call, WEDNESDAY).customer.address == "초록마을아파트 107동 502호"


def test_a_block_and_flat_said_to_a_company_is_no_address() -> None:
    call = """상담원: 네 하늘전자 고객센터입니다
고객: 여보세요 백칠 동 오백이 호인데요 세탁기가 고장 났어요
상담원: 네 접수해 드리겠습니다
"""
    assert note(call, WEDNESDAY).customer.address is None
