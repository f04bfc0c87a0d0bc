"""Who the call was with, by class of expression: how agents and callers name themselves, whose
name or number a turn gives, and addresses completed across turns. Every example is invented
(none is a dev-set call)."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import ConsultationNote
from pipeline.process import process_text

CALL_STARTED = dt.datetime(2026, 11, 20, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def _note(text: str) -> ConsultationNote:
    return process_text(text, call_started_at=CALL_STARTED).note


# --- the agent ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("greeting", "name"),
    [
        ("네 다온헬스 고객센터입니다 저는 민서아라고 합니다", "민서아"),
        ("바로마트입니다 저는 염지후이고요 무엇을 도와드릴까요", "염지후"),
        ("하람보험 고객센터 저는 봉수현이라고 합니다 말씀하세요", "봉수현"),
    ],
)
def test_agent_introducing_themselves_with_jeoneun(greeting: str, name: str) -> None:
    assert _note(f"상담원: {greeting}\n고객: 네 안녕하세요").agent.name == name


@pytest.mark.parametrize(
    ("transfer", "name"),
    [
        ("네 전화 바꿨습니다 요금팀 박두리입니다", "박두리"),
        ("전화 바꿨습니다 환불 담당 차은솔입니다 말씀 들었습니다", "차은솔"),
        ("네 전화 받았습니다 기술지원팀 석하준입니다", "석하준"),
    ],
)
def test_the_agent_who_takes_a_transfer_is_the_agent(transfer: str, name: str) -> None:
    call = (
        "상담원: 네 누리가전 고객센터 김하나입니다\n"
        "고객: 요금이 두 번 나갔어요\n"
        "상담원: 담당 부서로 연결해 드릴게요 잠시만 기다려 주세요\n"
        f"상담원: {transfer}\n"
        "고객: 네 요금이 두 번 나갔어요"
    )
    assert _note(call).agent.name == name


@pytest.mark.parametrize(
    ("closing", "name"),
    [
        ("네 감사합니다 상담원 노하진이었습니다", "노하진"),
        ("지금까지 상담사 구예린이었습니다 감사합니다", "구예린"),
        ("좋은 하루 되세요 감사합니다 서하람이었습니다", "서하람"),
    ],
)
def test_agent_named_only_in_the_sign_off(closing: str, name: str) -> None:
    call = f"상담원: 네 한울마켓 고객센터입니다\n고객: 배송 문의요\n상담원: 네 확인됐습니다\n고객: 네\n상담원: {closing}"
    assert _note(call).agent.name == name


# --- the customer ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("네 제가 봉지우예요", "봉지우"),
        ("네 맞아요 제가 변하율이에요", "변하율"),
        ("내가 옥순남이요", "옥순남"),
    ],
)
def test_first_person_subject_before_the_name(answer: str, name: str) -> None:
    call = f"상담원: 네 다온가스입니다 등록된 분 댁 맞으실까요\n고객: {answer}"
    assert _note(call).customer.name == name


@pytest.mark.parametrize(
    ("third_party", "own", "name"),
    [
        ("환자는 심말자요", "나는 남편 하정구요", "하정구"),
        ("아이 이름은 조하늘이고요", "저는 엄마 조민아예요", "조민아"),
        ("예약은 어머니 이름으로 했어요 윤복순이요", "제가 딸 윤서경이에요", "윤서경"),
    ],
)
def test_the_callers_own_name_wins_over_the_people_they_call_about(
    third_party: str, own: str, name: str
) -> None:
    call = (
        "상담원: 네 새봄병원입니다 성함 말씀해 주시겠어요\n"
        f"고객: {third_party}\n"
        "상담원: 네 전화 주신 분 성함도 여쭤봐도 될까요\n"
        f"고객: {own}"
    )
    assert _note(call).customer.name == name


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("주문자 이름은 한 다 솜이요", "한다솜"),
        ("예약자 명 길은호요", "길은호"),
        ("신청자 이름은 도 하 진이요", "도하진"),
    ],
)
def test_a_role_noun_before_the_name_label_is_no_name(answer: str, name: str) -> None:
    call = f"상담원: 네 주문하신 분 성함 말씀해 주세요\n고객: {answer}\n상담원: 네 {name} 고객님 확인됐습니다"
    assert _note(call).customer.name == name


@pytest.mark.parametrize(
    ("answer", "read_back", "name"),
    [
        ("보호자는 안소미라고요 번호 뒷자리는 일일이이", "네 안소미 보호자님", "안소미"),
        ("예약자가 저 금하람으로 돼 있을 거예요", "네 금하람 님 확인됐습니다", "금하람"),
        ("신청은 명태오로 했어요", "명태오 고객님 맞으시죠", "명태오"),
    ],
)
def test_a_name_the_agent_reads_back_is_the_name(answer: str, read_back: str, name: str) -> None:
    call = f"상담원: 네 예약하신 분 성함이 어떻게 되세요\n고객: {answer}\n상담원: {read_back}"
    assert _note(call).customer.name == name


@pytest.mark.parametrize(
    "said",
    ["저는 금요일 날 받으려고 했어요", "저는 그런 연락 못 받았어요", "저는 오는 줄 알았죠"],
)
def test_a_first_person_subject_before_an_ordinary_word_names_nobody(said: str) -> None:
    call = (
        "상담원: 네 성함 말씀해 주세요\n고객: 하도윤이요\n상담원: 네 하도윤 고객님\n"
        f"고객: {said}"
    )
    assert _note(call).customer.name == "하도윤"


# --- phone and customer number ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "phone"),
    [
        ("공일공 이삼사오 육칠팔구 아 아니 육칠구팔이요", "01023456798"),
        ("공일공 팔팔이삼 일사오공 아 아니 일오사공", "01088231540"),
        ("공일공 삼삼칠칠 구이일공이요 아니 아니 구일이공", "01033779120"),
    ],
)
def test_a_corrected_last_group_replaces_the_one_said_first(said: str, phone: str) -> None:
    assert _note(f"상담원: 연락처 말씀해 주세요\n고객: {said}").customer.phone == phone


@pytest.mark.parametrize(
    ("customer_number", "value"),
    [
        ("고객번호가 공삼일 칠칠사 이오육일이요", "0317742561"),
        ("고객번호는 공이 삼삼오 칠칠사구요", "023357749"),
        ("납부자 번호 공오일 이이삼 사사오육이에요", "0512234456"),
    ],
)
def test_a_customer_number_read_like_a_landline_is_not_the_phone(
    customer_number: str, value: str
) -> None:
    call = (
        "상담원: 고지서에 있는 번호 불러 주시겠어요\n"
        f"고객: {customer_number}\n"
        "상담원: 네 연락받으실 번호도 말씀해 주세요\n"
        "고객: 공일공 사사칠칠 이공일구요"
    )
    customer = _note(call).customer
    assert customer.phone == "01044772019"
    assert customer.customer_id == value


@pytest.mark.parametrize(
    "other",
    [
        "받는 사람은 딸이고요 딸 번호는 공일공 칠칠팔팔 삼삼사사예요",
        "그리고 남편이 받을 거라 남편 전화 공일공 칠칠팔팔 삼삼사사로 해 주세요",
        "아들이 한 지 호고 전화는 공일공 칠칠팔팔 삼삼사사",
    ],
)
def test_a_family_members_number_is_not_the_callers(other: str) -> None:
    call = (
        "상담원: 보내시는 분 연락처 말씀해 주세요\n"
        "고객: 공일공 이이삼삼 오오육육이요\n"
        "상담원: 받으시는 분 연락처도 불러 주세요\n"
        f"고객: {other}"
    )
    assert _note(call).customer.phone == "01022335566"


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("고객번호 칠공공 사팔일 이구삼이요", "700481293"),
        ("고객번호 일공공팔 삼삼칠이 공일", "1008337201"),
        ("회원번호가 이삼사오 육칠 팔구공일요", "2345678901"),
    ],
)
def test_customer_numbers_read_in_short_groups(said: str, value: str) -> None:
    call = f"상담원: 고객번호 알고 계실까요\n고객: {said}"
    assert _note(call).customer.customer_id == value


# --- addresses --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("서울 노원구 동일로 천이백삼십 오 층이요", "서울시 노원구 동일로 1230 5층"),
        ("인천광역시 남동구 인주대로 오백 백일 동 이백호요", "인천시 남동구 인주대로 500 101동 200호"),
        ("경기 안양시 동안구 시민대로 이백삼십 삼 층이요", "경기도 안양시 동안구 시민대로 230 3층"),
    ],
)
def test_metropolitan_cities_and_provinces_written_canonically(said: str, address: str) -> None:
    from pipeline.normalize.address import find_address

    mention = find_address(said)
    assert mention is not None and mention.value == address


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("부산 사하구 낙동대로 삼백 이층이라예 일층은 식당이고", "부산시 사하구 낙동대로 300 2층"),
        ("대구 서구 국채보상로 칠십 삼백호거든요", "대구시 서구 국채보상로 70 300호"),
        ("전남 순천시 중앙로 십이 오 층이여 엘리베이터 없어", "전남 순천시 중앙로 12 5층"),
    ],
)
def test_a_floor_or_flat_ends_the_address_whatever_ending_follows(said: str, address: str) -> None:
    from pipeline.normalize.address import find_address

    mention = find_address(said)
    assert mention is not None and mention.value == address


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("대전 서구 둔산로 십 햇살마을 백이 동 삼백사 호요", "대전시 서구 둔산로 10 햇살마을 102동 304호"),
        ("충북 청주시 흥덕구 가경로 오십 한솔초등학교 행정실로요", "충북 청주시 흥덕구 가경로 50 한솔초등학교 행정실"),
        ("울산 남구 삼산로 이백 다온상가 관리사무소로 보내 주세요", "울산시 남구 삼산로 200 다온상가 관리사무소"),
    ],
)
def test_buildings_and_rooms_after_the_road_number(said: str, address: str) -> None:
    from pipeline.normalize.address import find_address

    mention = find_address(said)
    assert mention is not None and mention.value == address


@pytest.mark.parametrize(
    ("customer", "agent", "address"),
    [
        (
            "안양 동안구 평촌대로 이백 삼 층이요",
            "네 경기도 안양시 동안구 평촌대로 이백 확인됐습니다",
            "경기도 안양시 동안구 평촌대로 200 3층",
        ),
        (
            "성남시 중원구 산성대로 오십 오백이 호요",
            "경기도 성남시 중원구 산성대로 오십 맞으시죠",
            "경기도 성남시 중원구 산성대로 50 502호",
        ),
        (
            "서울 은평구 통일로 삼백십오요 이층이고 이공일호",
            "서울시 은평구 통일로 삼백십오 이공일호 맞으시죠",
            "서울시 은평구 통일로 315 201호",
        ),
    ],
)
def test_an_address_completed_from_the_other_reading(
    customer: str, agent: str, address: str
) -> None:
    call = f"상담원: 주소 불러 주시겠어요\n고객: {customer}\n상담원: {agent}"
    assert _note(call).customer.address == address


@pytest.mark.parametrize(
    ("agent", "customer", "address"),
    [
        (
            "등록된 주소가 광주시 북구 첨단로 이백 까지만 되어 있네요",
            "아 첨단로 이백 백일 동 이백삼 호예요",
            "광주시 북구 첨단로 200 101동 203호",
        ),
        (
            "설치 주소가 인천 계양구 쪽으로 나오시는데 맞으실까요",
            "네 계양대로 백 번길 이십 삼백 동 오백 호요",
            "인천시 계양구 계양대로100번길 20 300동 500호",
        ),
        (
            "배송지가 대구 달서구 쪽으로 되어 있는데요",
            "네 월배로 이십일길 칠 이 층이요",
            "대구시 달서구 월배로21길 7 2층",
        ),
    ],
)
def test_a_road_said_alone_completes_the_city_the_agent_named(
    agent: str, customer: str, address: str
) -> None:
    call = f"상담원: 네 확인해 볼게요\n상담원: {agent}\n고객: {customer}"
    assert _note(call).customer.address == address


# --- identifiers ------------------------------------------------------------------------------


def _values(call: str) -> list[str]:
    return [i.value.replace("-", "").upper() for i in _note(call).identifiers]


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("주문번호는 이엠 일이삼사 오육칠입니다", "EM1234567"),
        ("접수번호는 오케이 삼삼사사 칠칠팔입니다", "OK3344778"),
        ("쿠폰번호는 이에스 칠칠팔팔 일일이입니다", "ES7788112"),
    ],
)
def test_i_and_o_before_letter_names_in_one_word_are_letters(said: str, value: str) -> None:
    assert _values(f"상담원: {said}\n고객: 네") == [value]


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("접수번호는 엠 삼삼일이 다시 칠칠입니다", "M331277"),
        ("청구번호 케이 이공이육 다시 일일이로 나와요", "K2026112"),
        ("사고번호는 에스 일일공이 다시 오오칠입니다", "S1102557"),
    ],
)
def test_one_letter_name_before_a_dashed_number_is_its_prefix(said: str, value: str) -> None:
    assert _values(f"상담원: {said}\n고객: 네") == [value]


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("모델이 에이치티 다시 오오공이에요", "HT550"),
        ("모델은 에스케이 삼공공이요", "SK300"),
        ("시리얼이 엔티 일이삼사오육이요", "NT123456"),
    ],
)
def test_the_particle_on_the_cue_word_is_no_letter(said: str, value: str) -> None:
    assert _values(f"상담원: 제품 확인해 볼게요\n고객: {said}") == [value]


@pytest.mark.parametrize(
    "said",
    [
        "승인번호가 첫 번째는 삼칠일이팔공사 두 번째는 삼칠일이팔일구입니다",
        "승인번호 불러 드릴게요 마트 건이 삼칠일이팔공사 주유소 건이 삼칠일이팔일구입니다",
        "승인번호는 삼칠일이팔공사 그리고 두 번째 거는 삼칠일이팔일구예요",
    ],
)
def test_values_listed_after_one_cue(said: str) -> None:
    assert _values(f"상담원: {said}\n고객: 네") == ["3712804", "3712819"]


@pytest.mark.parametrize(
    "answer",
    [
        "잠깐만요 어디 있더라 여기 있네 사사 일이 칠칠 공공 팔팔 이거요",
        "아 그게 뒷면에 있는 거 맞죠 사사일이 칠칠공공 팔팔이요 이거 맞나요",
        "어 잠시만요 찾아볼게요 네 사사일이칠칠 공공팔팔 이렇게 써 있어요",
    ],
)
def test_the_long_number_in_a_longer_answer_to_an_id_question(answer: str) -> None:
    call = f"상담원: 기기 뒷면에 있는 일련번호 불러 주시겠어요\n고객: {answer}"
    assert _values(call) == ["4412770088"]


@pytest.mark.parametrize(
    "said",
    [
        "권하늘이요 주민번호 불러 드릴까요 팔팔공일일이 다시 이삼사",
        "예약번호는 어 잠깐만요 주민번호 드릴까요 구일공삼공일 다시 일이",
        "주민등록번호는 칠구일이이오 다시 일공이사요",
    ],
)
def test_part_of_a_resident_number_is_never_an_identifier(said: str) -> None:
    call = f"상담원: 본인 확인 도와드릴게요\n고객: {said}"
    assert _values(call) == []


@pytest.mark.parametrize(
    "said",
    [
        "에이치 알 엔 공칠 언더바 에스 엔 골뱅이 지메일 닷컴이요",
        "메일은 엠 케이 이공 점 에스 골뱅이 네이버 닷컴이요",
        "케이 제이 엠 일일 언더바 홈 골뱅이 다음 닷넷이에요",
    ],
)
def test_codes_inside_an_email_address_are_no_identifiers(said: str) -> None:
    assert _values(f"상담원: 이메일 주소 불러 주세요\n고객: {said}") == []


@pytest.mark.parametrize(
    ("plate", "work", "value"),
    [
        ("삼사나 칠팔일이", "작업번호 오지 일이일이 다시 공일구로 나와요", "OG1212019"),
        ("십이가 삼사오육", "작업번호는 에이치 이공일일 다시 삼삼이에요", "H201133"),
        ("오오다 일일이이", "견적번호 케이에스 공공칠칠 다시 일구고요", "KS0077-19"),
    ],
)
def test_a_cued_number_said_with_a_number_plate(plate: str, work: str, value: str) -> None:
    call = f"상담원: 차량 번호 부탁드릴게요\n고객: {plate}\n상담원: 네 {plate} 차량 {work}"
    assert value.replace("-", "") in _values(call)


@pytest.mark.parametrize(
    ("offer", "answer", "value"),
    [
        ("승인번호 필요하세요 문자에 있는데", "두 번째 거가 삼일칠칠 팔이사공이요", "31778240"),
        ("접수번호 불러 드릴까요", "삼삼칠칠 일일이이요", "33771122"),
        ("아 예약번호 있어요", "오오이이 삼삼일일이에요", "55223311"),
    ],
)
def test_the_number_the_customer_offered_to_give(offer: str, answer: str, value: str) -> None:
    call = f"상담원: 네 확인해 볼게요\n고객: {offer}\n상담원: 네 불러 주시면 같이 적어 둘게요\n고객: {answer}"
    assert _values(call) == [value]


@pytest.mark.parametrize(
    ("heard", "read_back", "value"),
    [
        ("에스엔 사 케이 이 알 다시 공공구일 다시 칠칠삼오요", "4K2R 하이픈 공공구일 하이픈 칠칠삼오 맞으시죠", "4K2R00917735"),
        ("엠 에이 이 다시 일일이삼 다시 사오육칠이요", "MA2 하이픈 일일이삼 하이픈 사오육칠 맞으시죠", "MA211234567"),
        ("피 알 오 다시 칠칠팔팔 다시 구구공공이요", "PRO 하이픈 칠칠팔팔 하이픈 구구공공 맞으시죠", "PRO77889900"),
    ],
)
def test_one_code_heard_two_ways_is_one_identifier(heard: str, read_back: str, value: str) -> None:
    call = f"상담원: 시리얼 번호 확인 부탁드려요\n고객: 잠깐만요 {heard}\n상담원: {read_back}"
    assert _values(call) == [value]


# --- e-mail addresses and account ids ---------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "email"),
    [
        ("민지 점 서 골뱅이 다음 닷넷이요", "minji.seo@daum.net"),
        ("세나 언더바 공일 골뱅이 네이버 닷컴이에요", "sena_01@naver.com"),
        ("제이리 점 하나 골뱅이 카카오 닷컴이요", "jri.hana@kakao.com"),
    ],
)
def test_korean_words_in_an_address_are_romanised(said: str, email: str) -> None:
    assert _note(f"상담원: 이메일 주소 말씀해 주세요\n고객: {said}").customer.email == email


@pytest.mark.parametrize(
    ("said", "email"),
    [
        ("인포 골뱅이 다온필름 점 씨오 점 케이알 로 되어 있는데 맞으세요", "info@daonfilm.co.kr"),
        ("등록된 메일이 파이낸스 골뱅이 하나디자인 닷컴으로 돼 있어요", "finance@hanadesign.com"),
        ("세금계산서는 오피스 골뱅이 별빛스튜디오 닷 씨오 닷 케이알로 가요", "office@byeolbitstudio.co.kr"),
    ],
)
def test_english_loanwords_in_an_address_are_written_as_english(said: str, email: str) -> None:
    assert _note(f"상담원: {said}\n고객: 네 맞아요").customer.email == email


@pytest.mark.parametrize(
    ("customer", "agent", "email"),
    [
        ("에스 더블유 노 골뱅이 하나메일 닷컴이요", "에스 더블유 엔 오 에이치 골뱅이 하나메일 닷컴 맞으시죠", "swnoh@hanamail.com"),
        ("제이 케이 오오 골뱅이 지메일 닷컴이요", "제이케이오오 골뱅이 지메일 닷컴 맞으시죠", "jkoo@gmail.com"),
        ("미나 골뱅이 네이트 닷컴이요", "엠 아이 엔 에이 에이치 골뱅이 네이트 닷컴 맞으시죠", "minah@nate.com"),
    ],
)
def test_a_guessed_reading_gives_way_to_one_spelled_out(
    customer: str, agent: str, email: str
) -> None:
    call = f"상담원: 이메일 주소 말씀해 주세요\n고객: {customer}\n상담원: {agent}\n고객: 네"
    assert _note(call).customer.email == email


def test_the_address_the_customer_gives_wins_over_the_one_on_file() -> None:
    call = (
        "상담원: 지금 등록된 메일이 케이 에이 골뱅이 다음 닷넷이에요 어떤 주소로 바꿔 드릴까요\n"
        "고객: 에이치 제이 공칠 골뱅이 네이버 닷컴이요"
    )
    assert _note(call).customer.email == "hj07@naver.com"


@pytest.mark.parametrize(
    ("answer", "account"),
    [
        ("아이디는 케이 제이 스튜디오 일일이요", "kjstudio11"),
        ("네 에스 에이치 하이픈 제이 박 팔팔이요", "sh-jbak88"),
        ("아 네 티 에이 케이 이 와이 공칠이요 탁은영", "takey07"),
    ],
)
def test_account_ids_read_like_the_local_part_of_an_address(answer: str, account: str) -> None:
    note = _note(f"상담원: 아이디 알려 주시겠어요\n고객: {answer}")
    assert [(i.kind, i.value) for i in note.identifiers] == [("account_id", account)]


def test_an_id_that_is_an_email_address_is_no_account_id() -> None:
    call = "상담원: 가입하신 아이디 말씀해 주세요\n고객: 아이디가 이메일인데요 디 에이 공칠 골뱅이 다음 닷넷이요"
    note = _note(call)
    assert note.identifiers == []
    assert note.customer.email == "da07@daum.net"


@pytest.mark.parametrize(
    "closing",
    ["네 감사합니다 방문 예정이었습니다", "감사합니다 오늘 배송 예정이었습니다", "네 이상입니다 감사합니다"],
)
def test_a_past_copula_on_an_ordinary_word_is_no_sign_off(closing: str) -> None:
    call = f"상담원: 네 한울마켓 고객센터입니다\n고객: 배송 문의요\n상담원: {closing}"
    assert _note(call).agent.name is None


@pytest.mark.parametrize(
    ("greeting", "name"),
    [
        ("네 한빛텔레콤 김민지 상담원입니다", "김민지"),
        ("네 다온 고객센터 박도윤 매니저예요", "박도윤"),
        ("안녕하세요 한결카드 고객센터 정은비 상담사입니다", "정은비"),
    ],
)
def test_the_name_before_the_agents_job_title(greeting: str, name: str) -> None:
    assert _note(f"상담원: {greeting}\n고객: 네").agent.name == name


@pytest.mark.parametrize("greeting", ["네 다온전자 배송팀 상담원입니다", "네 기술지원팀 상담원입니다"])
def test_a_team_before_the_job_title_is_no_name(greeting: str) -> None:
    assert _note(f"상담원: {greeting}\n고객: 네").agent.name is None


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("저 김철수라고 하는데요", "김철수"),
        ("네 박영희라고 하고요 주문 건 때문에요", "박영희"),
        ("제 이름은 윤도현이라고 하구요", "윤도현"),
    ],
)
def test_a_name_said_with_the_quotative_ending(answer: str, name: str) -> None:
    assert _note(f"상담원: 성함 말씀해 주시겠어요\n고객: {answer}").customer.name == name


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("접수번호는 에이에스 일공이이 다시 공공팔칠이고 이십일 일까지 연락드릴게요", "AS10220087"),
        ("주문번호 이공이육일일공이 다시 공사오칠이고 배송은 내일 출발합니다", "202611020457"),
        ("계약번호는 씨에이 이공이육 다시 공삼일오칠이고 만기는 내년입니다", "CA202603157"),
    ],
)
def test_a_number_before_the_connective_igo(said: str, value: str) -> None:
    assert _values(f"상담원: {said}\n고객: 네") == [value]


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("예 김순자라예", "김순자"),
        ("박말순이여 박말순", "박말순"),
        ("이춘자인디요", "이춘자"),
    ],
)
def test_a_name_with_a_dialect_copula(answer: str, name: str) -> None:
    assert _note(f"상담원: 성함 말씀해 주세요\n고객: {answer}").customer.name == name


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("최영수고 번호는 공일공 팔팔칠칠 육육오오", "최영수"),
        ("예약은 제 이름으로 했어요 유하늘이요", "유하늘"),
        ("아 네 저 남궁 은 비요", "남궁은비"),
    ],
)
def test_names_inside_a_longer_answer(answer: str, name: str) -> None:
    assert _note(f"상담원: 성함이랑 연락처 부탁드려요\n고객: {answer}").customer.name == name


@pytest.mark.parametrize(
    ("greeting", "name"),
    [
        ("네 상담사 김민지 입니다 무엇을 도와드릴까요", "김민지"),
        ("네 다온카드 고객센터 상담원 정하늘 입니다", "정하늘"),
        ("안녕하세요 저는 상담원 오세진 이라고 합니다", "오세진"),
    ],
)
def test_a_space_before_the_agents_copula(greeting: str, name: str) -> None:
    assert _note(f"상담원: {greeting}\n고객: 네").agent.name == name


@pytest.mark.parametrize(
    "agent",
    [
        "기사님 번호는 공일공 구팔칠육 오사삼이입니다",
        "담당자 연락처 공일공 이이삼삼 사사오오로 문자 드릴게요",
        "매장 전화 공이 삼사오 육칠팔구로 하시면 됩니다",
    ],
)
def test_a_number_the_agent_gives_for_staff_is_not_the_customers(agent: str) -> None:
    call = f"상담원: 네 방문 접수됐습니다\n고객: 네\n상담원: {agent}\n고객: 네 알겠습니다"
    assert _note(call).customer.phone is None


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("대구 북구 칠곡중앙대로 삼백이십 그 뭐시고 한신아파트 백이 동 사백삼 호", "대구시 북구 칠곡중앙대로 320 한신아파트 102동 403호"),
        ("서울 중구 세종대로 백십 음 십 층이요", "서울시 중구 세종대로 110 10층"),
        ("인천 서구 봉오대로 오십 저기 푸른빌라 삼 층이요", "인천시 서구 봉오대로 50 푸른빌라 3층"),
    ],
)
def test_an_address_goes_on_after_a_hesitation(said: str, address: str) -> None:
    from pipeline.normalize.address import find_address

    mention = find_address(said)
    assert mention is not None and mention.value == address


@pytest.mark.parametrize(
    ("call", "value"),
    [
        ("상담원: 주문번호 말씀해 주시겠어요\n고객: 네 케이 칠칠팔팔구구요", "K778899"),
        ("상담원: 네 접수번호는 티 공공일이삼사입니다\n고객: 네", "T001234"),
        ("상담원: 예약번호 불러 주세요\n고객: 에이치 오오육육칠칠이요", "H556677"),
    ],
)
def test_one_letter_name_where_the_number_is_due(call: str, value: str) -> None:
    assert _values(call) == [value]


def test_one_letter_name_said_where_no_number_is_due_is_a_letter() -> None:
    call = "상담원: 주문번호 말씀해 주시겠어요\n고객: 아 엘 사이즈 주문한 건데 번호는 모르겠어요"
    assert _values(call) == []


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("회원번호는 엠 일이삼사오육이요", "M123456"),
        ("고객번호 케이 칠칠팔팔구구공이요", "K7788990"),
        ("가맹점 코드는 에스 이이삼삼사사예요", "S223344"),
    ],
)
def test_customer_numbers_with_a_letter_prefix(said: str, value: str) -> None:
    assert _note(f"상담원: 번호 확인 부탁드려요\n고객: {said}").customer.customer_id == value
