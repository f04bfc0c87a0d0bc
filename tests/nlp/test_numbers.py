"""Korean numbers as heard in calls: numerals, digit-by-digit strings, phones and amounts."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pipeline.normalize.numbers import (
    DIGIT_LOOKING_WORDS,
    find_amounts,
    find_phone_numbers,
    parse_korean_number,
    spoken_digits_to_text,
)

SPOKEN = "공일이삼사오육칠팔구"
_DIGIT_NAMES = "일이삼사오육칠팔구"


def korean_numeral(value: int) -> str:
    """Reference writer of Sino-Korean numerals with place units (test oracle)."""
    if value == 0:
        return "영"
    parts = []
    for unit_value, unit in ((10**12, "조"), (10**8, "억"), (10**4, "만"), (1, "")):
        chunk = value // unit_value % 10**4
        if not chunk:
            continue
        text = ""
        for place_value, place in ((1000, "천"), (100, "백"), (10, "십"), (1, "")):
            digit = chunk // place_value % 10
            if digit:
                text += ("" if digit == 1 and place else _DIGIT_NAMES[digit - 1]) + place
        parts.append(text + unit)
    return " ".join(parts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("오만 삼천", 53000),
        ("십일", 11),
        ("이천이십육", 2026),
        ("3만5천", 35000),
        ("3만 5천", 35000),
        ("35,000", 35000),
        ("만", 10000),
        ("천", 1000),
        ("백이십만", 1_200_000),
        ("삼십만 오천", 305_000),
        ("일억 이천만", 120_000_000),
        ("120만", 1_200_000),
        ("십구", 19),
        ("영", 0),
        ("일이삼", 123),
    ],
)
def test_parse_korean_number(text: str, expected: int) -> None:
    assert parse_korean_number(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "고객", "십천", "오만오만", "3.5", "삼 사만", "만원"])
def test_parse_korean_number_rejects_non_numerals(text: str) -> None:
    assert parse_korean_number(text) is None


@given(st.integers(min_value=0, max_value=10**15))
def test_parse_korean_number_reads_every_written_numeral(value: int) -> None:
    assert parse_korean_number(korean_numeral(value)) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("공일공 구팔칠육 오사삼이", "010 9876 5432"),
        ("공일공에 이삼사오에 육칠팔구", "010 2345 6789"),
        ("공일공-일이삼사-오육칠팔입니다", "010-1234-5678입니다"),
        ("팔오공삼일오 다시 일이삼사오육칠", "850315-1234567"),
        ("010에 이삼사오 육칠팔구요", "010 2345 6789요"),
        ("번호는 공일공 일이삼사 오육칠팔이고요", "번호는 010 1234 5678이고요"),
        ("팔오 공삼 일오 다시 일이삼", "85 03 15-123"),
        ("팔 오 공 삼 일 오", "8 5 0 3 1 5"),
    ],
)
def test_spoken_digits_become_ascii(text: str, expected: str) -> None:
    assert spoken_digits_to_text(text) == expected


def test_digit_looking_word_is_a_number_inside_a_number() -> None:
    assert spoken_digits_to_text("공일공-일일이-삼사오육") == "010-112-3456"
    assert spoken_digits_to_text("공일공 일일이 삼사오육") == "010 112 3456"
    assert spoken_digits_to_text("일일이 확인해 주세요") == "일일이 확인해 주세요"


@pytest.mark.parametrize(
    "text",
    [
        "일요일에 일단 회사에 갔는데 이 사람이 없었어요",
        "사이에 일이 있어서요",
        "오늘 이 상품 구매했는데 일주일째 안 와요",
        "일일이 확인해 주세요",
        "이삼일 안에 보내 드릴게요",
        "오 그래요? 구 모델이요",
    ],
)
def test_ordinary_words_are_left_alone(text: str) -> None:
    assert spoken_digits_to_text(text) == text


@given(
    st.lists(st.text(alphabet="0123456789", min_size=3, max_size=5), min_size=1, max_size=4),
    st.sampled_from([" ", "-", "에 ", " 다시 "]),
)
def test_spoken_digit_groups_round_trip(groups: list[str], separator: str) -> None:
    spoken_groups = ["".join(SPOKEN[int(d)] for d in g) for g in groups]
    assume(not set(spoken_groups) & set(DIGIT_LOOKING_WORDS))  # 일일이 alone is a word
    spoken = separator.join(spoken_groups)
    expected_separator = "-" if separator.strip() in ("-", "다시") else " "
    assert spoken_digits_to_text(spoken) == expected_separator.join(groups)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("제 번호는 010-2345-6789입니다", "01023456789"),
        ("01023456789로 연락 주세요", "01023456789"),
        ("공일공 구팔칠육 오사삼이요", "01098765432"),
        ("공일공에 이삼사오에 육칠팔구", "01023456789"),
        ("공일일 이삼사 오육칠팔", "0112345678"),
        ("회사 번호 02-123-4567", "021234567"),
        ("031 987 6543으로 걸어 주세요", "0319876543"),
        ("070-1234-5678", "07012345678"),
        ("대표번호 1588-1234로", "15881234"),
        ("공일공 다시 일이삼사 다시 오육칠팔", "01012345678"),
    ],
)
def test_find_phone_numbers(text: str, value: str) -> None:
    [mention] = find_phone_numbers(text)
    assert mention.value == value
    assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "text",
    ["주문번호 12345678", "금액은 35,000원", "8503151234567", "이 사람이 사이에 있어요", ""],
)
def test_non_phones_are_not_phone_numbers(text: str) -> None:
    assert find_phone_numbers(text) == []


def test_two_phone_numbers_in_one_utterance() -> None:
    text = "휴대폰은 010-1111-2222, 집은 02-333-4444예요"
    assert [m.value for m in find_phone_numbers(text)] == ["01011112222", "023334444"]


@pytest.mark.parametrize(
    ("text", "value", "said"),
    [
        ("환불 금액은 35,000원입니다", "35000", "35,000원"),
        ("요금이 오만 삼천 원 나왔어요", "53000", "오만 삼천 원"),
        ("3만 5천원 결제됐어요", "35000", "3만 5천원"),
        ("요금이 삼만원이에요", "30000", "삼만원"),
        ("만원 할인", "10000", "만원"),
        ("백이십만 원 청구", "1200000", "백이십만 원"),
        ("1,200,000원을", "1200000", "1,200,000원"),
        ("천 원 차이", "1000", "천 원"),
    ],
)
def test_find_amounts(text: str, value: str, said: str) -> None:
    [mention] = find_amounts(text)
    assert (mention.value, mention.text) == (value, said)


@pytest.mark.parametrize(
    "text", ["원인은 모르겠어요", "원래 그래요", "가족 일원이에요", "원격 지원"]
)
def test_non_amounts(text: str) -> None:
    assert find_amounts(text) == []


@pytest.mark.parametrize(
    ("said", "phone"),
    [
        ("대표번호는 공이 삼칠칠 사사공구요", "023774409"),
        ("사무실 번호 공삼일 오오오 이삼사오요", "0315552345"),
    ],
)
def test_spoken_area_code_opens_a_landline(said: str, phone: str) -> None:
    assert [m.value for m in find_phone_numbers(said)] == [phone]


def test_a_ball_is_no_area_code() -> None:
    assert find_phone_numbers("공이 날아와서 창문이 깨졌어요 삼백만 원 나왔어요") == []


def test_one_written_group_closed_by_two_spoken_ones() -> None:
    from pipeline.normalize.numbers import read_stray_groups

    assert read_stray_groups("네 여기 있네요 8044 일칠 영이요") == "네 여기 있네요 8044 17 02요"
    assert read_stray_groups("2026 일일 내일") == "2026 일일 내일"  # two groups: words may be words


def test_quoting_ending_after_a_vowel_leaves_the_digit_two() -> None:
    from pipeline.normalize.numbers import spoken_digits_to_text

    assert spoken_digits_to_text("공공칠삼 사일구이라고 돼 있어요") == "0073 4192라고 돼 있어요"
    assert spoken_digits_to_text("공공칠삼 사일칠이라고 돼 있어요") == "0073 417이라고 돼 있어요"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # A start broken off by a hesitation or a correction and said again whole.
        ("번호는 이육 어 잠깐만 2611-0388이요", "번호는 2611-0388이요"),
        ("478 아니 47890 이렇게", "47890 이렇게"),
        ("삼일 음 3172 0045요", "3172 0045요"),
        ("0107 잠시만요 01077 2231", "01077 2231"),
        # A different number after the hesitation stays: the first was no start of it.
        ("이육 어 3172 그거요", "이육 어 3172 그거요"),
        ("478 아니 51234", "478 아니 51234"),
    ],
)
def test_restarted_number_keeps_the_whole(text: str, read: str) -> None:
    from pipeline.normalize.numbers import read_stray_groups

    assert read_stray_groups(text) == read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("앞자리가 201이고 뒷자리가 47890 이렇게", "앞자리가 201-47890 이렇게"),
        ("앞자리는 3302 뒷자리는 118요", "앞자리는 3302-118요"),
        ("앞 자리 77고 뒷 자리 50412", "앞 자리 77-50412"),
        # The back part alone, said to verify, is no part of a number.
        ("뒷자리가 4718이에요", "뒷자리가 4718이에요"),
    ],
)
def test_front_and_back_parts_are_one_number(text: str, read: str) -> None:
    from pipeline.normalize.numbers import read_stray_groups

    assert read_stray_groups(text) == read
