"""PIPA masking: what must never survive in a stored transcript, and what must stay."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.note import PiiKind
from models.transcript import RoleAssignment, RunInfo, Transcript, Utterance, Word
from pipeline.hangul import has_final_consonant
from pipeline.normalize.numbers import spoken_digits_to_text
from pipeline.pii import luhn_valid, mask_text, mask_transcript

SPOKEN = "공일이삼사오육칠팔구"
HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
# Arbitrary Korean prose around a number: syllables, spaces and sentence punctuation.
PROSE = st.text(alphabet=st.one_of(HANGUL, st.sampled_from(" .,?!")), max_size=30)


def spoken(digits: str) -> str:
    return "".join(SPOKEN[int(d)] for d in digits)


def digits_only(text: str) -> str:
    return re.sub(r"\D", "", spoken_digits_to_text(text))


@st.composite
def rrns(draw: st.DrawFn) -> str:
    """Any real date of birth (29 February included) with a sex digit of its century."""
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    sex = draw(st.sampled_from("1256" if born.year < 2000 else "3478"))
    rest = draw(st.text(alphabet="0123456789", min_size=6, max_size=6))
    return f"{born:%y%m%d}{sex}{rest}"


@st.composite
def luhn_cards(draw: st.DrawFn) -> str:
    body = draw(st.sampled_from("345")) + draw(
        st.text(alphabet="0123456789", min_size=14, max_size=14)
    )
    check = next(str(d) for d in range(10) if luhn_valid(body + str(d)))
    return body + check


def rrn_renderings(number: str) -> list[str]:
    front, back = number[:6], number[6:]
    return [
        f"{front}-{back}",
        f"{front} {back}",
        number,
        f"{spoken(front)} 다시 {spoken(back)}",
        f"{spoken(front)} {spoken(back)}",
        f"{spoken(front)}에 {spoken(back)}",
        " ".join(spoken(front[i : i + 2]) for i in range(0, 6, 2)) + f" 다시 {spoken(back)}",
    ]


def card_renderings(number: str) -> list[str]:
    groups = [number[i : i + 4] for i in range(0, 16, 4)]
    return ["-".join(groups), " ".join(groups), number, " ".join(spoken(g) for g in groups)]


@given(st.text(max_size=200))
def test_mask_text_never_crashes(text: str) -> None:
    result = mask_text(text)
    assert isinstance(result.text, str)


@st.composite
def sensitive_numbers(draw: st.DrawFn) -> tuple[str, str, str, PiiKind]:
    """(as said, clear digits, masked form that must appear, kind) for an RRN or a card."""
    if draw(st.booleans()):
        number = draw(rrns())
        said = draw(st.sampled_from(rrn_renderings(number)))
        return said, number, f"{number[:6]}-{number[6]}******", PiiKind.RRN
    number = draw(luhn_cards())
    said = draw(st.sampled_from(card_renderings(number)))
    return said, number, f"{number[:4]}-{number[4:6]}**-****-{number[12:]}", PiiKind.CARD


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300)
@given(PROSE, PROSE, sensitive_numbers())
def test_no_rrn_or_card_survives(
    before: str, after: str, sensitive: tuple[str, str, str, PiiKind]
) -> None:
    said, number, masked, kind = sensitive
    result = mask_text(f"{before} {said} {after}")
    assert number not in digits_only(result.text)
    assert masked in result.text
    assert kind in [m.kind for m in result.maskings]


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("주민번호는 850315-1234567 입니다", "주민번호는 850315-1****** 입니다", PiiKind.RRN),
        ("주민번호 8503151234567이요", "주민번호 850315-1******이요", PiiKind.RRN),
        ("팔오공삼일오 다시 일이삼사오육칠이요", "850315-1******이요", PiiKind.RRN),
        ("외국인 등록번호 990101 5123456", "외국인 등록번호 990101-5******", PiiKind.RRN),
        ("팔오 공삼 일오 다시 일이삼 사오육칠", "850315-1******", PiiKind.RRN),
        ("팔 오 공 삼 일 오 다시 일 이 삼 사 오 육 칠", "850315-1******", PiiKind.RRN),
        (
            "카드번호는 5412 7512 3456 3456 이에요",
            "카드번호는 5412-75**-****-3456 이에요",
            PiiKind.CARD,
        ),
        (
            "카드 번호 오사일이 칠오일이 삼사오육 삼사오육",
            "카드 번호 5412-75**-****-3456",
            PiiKind.CARD,
        ),
        # Luhn fails, but 16 digits right after 카드 are a card number all the same.
        (
            "카드 번호가 1234-5678-1234-5678이요",
            "카드 번호가 1234-56**-****-5678이요",
            PiiKind.CARD,
        ),
        (
            "국민은행 계좌 123-456-789012로 환불",
            "국민은행 계좌 ***-***-**9012로 환불",
            PiiKind.ACCOUNT,
        ),
        ("신한 110123456789 예금주 김철수", "신한 ********6789 예금주 김철수", PiiKind.ACCOUNT),
        (
            "카카오뱅크 3333-01-2345678로 입금해 주세요",
            "카카오뱅크 ****-**-***5678로 입금해 주세요",
            PiiKind.ACCOUNT,
        ),
        ("여권번호 M123A4567 입니다", "여권번호 M******** 입니다", PiiKind.PASSPORT),
        ("여권 번호는 M12345678", "여권 번호는 M********", PiiKind.PASSPORT),
    ],
)
def test_mask_text_cases(text: str, expected: str, kind: PiiKind) -> None:
    result = mask_text(text)
    assert result.text == expected
    assert [m.kind for m in result.maskings] == [kind]
    assert result.maskings[0].masked in result.text


@pytest.mark.parametrize(
    "text",
    [
        "전화번호 01012345678 이요",
        "공일공 일이삼사 오육칠팔로 연락 주세요",
        "010-1234-5678",
        "주문번호 4111111111111112 확인 부탁드려요",  # Luhn fails: an order number
        "송장 번호 123456789012 입니다",
        "결제 금액 1234567890123원",
        "모델명 M12345678",  # a passport-shaped string without 여권
        "회원번호 8503151234",
        "11월 25일까지 3만 5천원 환불",
        "",
    ],
)
def test_kept_numbers_are_untouched(text: str) -> None:
    result = mask_text(text)
    assert result.text == text
    assert result.maskings == []


def _transcript(*utterances: tuple[str, str, str]) -> Transcript:
    return Transcript(
        utterances=[
            Utterance(
                id=uid,
                speaker=speaker,
                start=float(i),
                end=float(i) + 0.9,
                text=text,
                words=[
                    Word(start=float(i), end=float(i) + 0.5, text=f" {w}", probability=0.9)
                    for w in text.split()
                ],
            )
            for i, (uid, speaker, text) in enumerate(utterances)
        ],
        roles=RoleAssignment(method="none", confidence=0.0),
        run=RunInfo(callnotes_version="test"),
    )


def test_mask_transcript_masks_texts_and_words_and_keeps_timing() -> None:
    transcript = _transcript(
        ("u1", "A", "주민번호 알려 주시겠어요?"),
        ("u2", "B", "네 850315-1234567 이고요 번호는 010-2345-6789예요"),
    )
    masked, maskings = mask_transcript(transcript)
    assert masked.utterances[1].text == "네 850315-1****** 이고요 번호는 010-2345-6789예요"
    assert masked.utterances[1].words[1].text == " ******-*******"
    assert masked.utterances[1].words[4].text == " 010-2345-6789예요"  # phone kept
    assert [w.start for w in masked.utterances[1].words] == [
        w.start for w in transcript.utterances[1].words
    ]
    assert [(m.kind, m.utterance_id) for m in maskings] == [(PiiKind.RRN, "u2")]
    assert transcript.utterances[1].text.startswith("네 850315-1234567")  # input untouched


def test_number_split_across_utterances_of_one_speaker() -> None:
    transcript = _transcript(
        ("u1", "B", "팔오공삼일오요"),
        ("u2", "A", "네"),
        ("u3", "B", "일이삼사오육칠"),
    )
    masked, maskings = mask_transcript(transcript)
    texts = [u.text for u in masked.utterances]
    assert texts == ["850315요", "네", "1******"]
    assert "8503151234567" not in digits_only(" ".join(texts))
    assert [(m.kind, m.masked, m.utterance_id) for m in maskings] == [
        (PiiKind.RRN, "850315-1******", "u1")
    ]
    assert all("일이삼" not in w.text for w in masked.utterances[2].words)


def test_numbers_of_different_speakers_are_not_joined() -> None:
    transcript = _transcript(("u1", "A", "850315"), ("u2", "B", "1234567"))
    masked, maskings = mask_transcript(transcript)
    assert maskings == []
    assert [u.text for u in masked.utterances] == ["850315", "1234567"]


def test_an_order_word_next_to_a_card_number_does_not_unmask_it() -> None:
    # Found by hypothesis: the cue "고객번호" said before or after a Luhn-valid card number.
    assert mask_text("3000-0000-0000-0004 고객번호").text == "3000-00**-****-0004 고객번호"
    assert mask_text("주문번호 3000-0000-0000-0004").text == "주문번호 3000-00**-****-0004"


# Words said right before a number on the phone; none of them may unmask a card or an RRN.
LABELS = (
    "고객번호", "회원번호", "주문번호", "송장 번호", "접수번호", "예약 번호", "사업자 번호",
    "모델명", "일련번호", "시리얼", "티켓", "쿠폰", "조회번호", "계약번호", "가입 번호",
    "상품번호", "전화번호", "계좌번호", "결제 금액", "여권번호", "카드번호", "주민번호",
)  # fmt: skip


@st.composite
def amex_cards(draw: st.DrawFn) -> str:
    body = draw(st.sampled_from(("34", "37"))) + draw(
        st.text(alphabet="0123456789", min_size=12, max_size=12)
    )
    return body + next(str(d) for d in range(10) if luhn_valid(body + str(d)))


def amex_renderings(number: str) -> list[str]:
    groups = [number[:4], number[4:10], number[10:]]
    return ["-".join(groups), " ".join(groups), number, " ".join(spoken(g) for g in groups)]


def more_card_renderings(number: str) -> list[str]:
    """Ways a 16-digit card is read out besides 4-4-4-4: in one breath, in pairs."""
    pairs = " ".join(spoken(number[i : i + 2]) for i in range(0, 16, 2))
    return [
        spoken(number),
        pairs,
        " 다시 ".join(spoken(number[i : i + 4]) for i in range(0, 16, 4)),
    ]


# (after a consonant, after a vowel): 칠이에요 but 사예요. "0004원" is tested written only:
# "…공공공사원" reads as the noun 사원, and that is how a listener would hear it too.
ENDINGS = (
    ("", ""),
    ("이요", "요"),
    ("이에요", "예요"),
    ("이고요", "고요"),
    (" 맞아요", " 맞아요"),
    (" 고객번호", " 고객번호"),
    (" 원", " 원"),
)


def with_ending(said: str, ending: tuple[str, str]) -> str:
    last = said[-1]
    spoken_last = SPOKEN[int(last)] if last.isdigit() else last
    return said + (ending[0] if has_final_consonant(spoken_last) else ending[1])


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300)
@given(
    st.sampled_from(LABELS),
    st.sampled_from(("", "는", "는요", "가", " 말고", "요 네")),
    st.sampled_from(ENDINGS),
    st.one_of(
        luhn_cards().flatmap(
            lambda n: st.sampled_from(card_renderings(n) + more_card_renderings(n)).map(
                lambda s: (s, n)
            )
        ),
        amex_cards().flatmap(lambda n: st.sampled_from(amex_renderings(n)).map(lambda s: (s, n))),
    ),
)
def test_no_label_unmasks_a_luhn_valid_card(
    label: str, particle: str, ending: tuple[str, str], card: tuple[str, str]
) -> None:
    said, number = card
    result = mask_text(f"{label}{particle} {with_ending(said, ending)}")
    assert number not in digits_only(result.text)
    assert PiiKind.CARD in [m.kind for m in result.maskings]


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300)
@given(
    st.sampled_from(LABELS),
    st.sampled_from(ENDINGS),
    rrns().flatmap(lambda n: st.sampled_from(rrn_renderings(n)).map(lambda s: (s, n))),
)
def test_no_label_or_ending_unmasks_an_rrn(
    label: str, ending: tuple[str, str], rrn: tuple[str, str]
) -> None:
    said, number = rrn
    result = mask_text(f"{label} {with_ending(said, ending)}")
    assert number not in digits_only(result.text)
    assert f"{number[:6]}-{number[6]}******" in result.text


@pytest.mark.parametrize(
    "text",
    [
        # 이요/이에요/이고 after a complete four-digit block is the copula, not a 13th digit.
        "티켓 이공이육일일이공 다시 공공사일이요",
        "접수번호가 이공이육일일이공 다시 공공사일이에요",
        "이공이육일일이공 다시 공공사일이고 성함은 김나래요",
        "주문번호 20261120-00412345 확인 부탁드려요",  # 8-8 is no card grouping
    ],
)
def test_order_numbers_said_with_a_copula_are_kept(text: str) -> None:
    result = mask_text(text)
    assert result.maskings == []
    assert result.text == text


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # The 이 completes a seven-digit back part: a digit, so the RRN is masked.
        ("팔오공삼일오 다시 일이삼사오육이요", "850315-1******요"),
        # Read without its 이 the number would end in a four-digit block; a doubt is masked.
        ("팔오공삼일오 다시 일이 삼사오일이요", "850315-1******요"),
        ("고객번호 3000-0000-0000-0004", "고객번호 3000-00**-****-0004"),
        # A card in pairs or '3000' + an RRN ending on the 이 of 이요: the RRN is masked and
        # the rest of the card starred, so that only the RRN's first seven digits show.
        ("삼공 공공 공공 공일 일공 일공 공공 일칠이요", "**-** 000110-1******요"),
        ("삼일 공이 공일 일이 일삼 삼사 칠칠 팔이요", "** 020112-1******이요"),
        (
            "회원번호는요 오사일이 칠오일이 삼사오육 칠팔팔공이요",
            "회원번호는요 5412-75**-****-7880이요",
        ),
        ("카드 3000 0000 0000 0004원 결제했어요", "카드 3000-00**-****-0004원 결제했어요"),
        # Four groups of four with no label and a failing check digit (a digit misheard or
        # misspoken) are still a card's reading.
        ("아 그냥 전체 불러드릴게요 구사구일 이칠공공 일팔삼오 육육공이", "아 그냥 전체 불러드릴게요 9491-27**-****-6602"),
    ],
)
def test_doubtful_readings_are_masked(text: str, masked: str) -> None:
    assert mask_text(text).text == masked


def test_order_number_answered_after_the_question_survives_the_transcript() -> None:
    transcript = _transcript(
        ("u1", "A", "주문번호 알고 계시면 불러 주시겠어요"),
        ("u2", "B", "티엠 이공이육일일이공 다시 공공사일이요"),
    )
    masked, maskings = mask_transcript(transcript)
    assert maskings == []
    assert masked.utterances[1].text == "티엠 이공이육일일이공 다시 공공사일이요"


def test_card_answered_to_a_customer_number_question_is_masked() -> None:
    transcript = _transcript(
        ("u1", "A", "고객번호 불러 주시겠어요"),
        ("u2", "B", "삼칠팔이 팔이이사육삼 일공공공오요"),
    )
    masked, maskings = mask_transcript(transcript)
    assert masked.utterances[1].text == "3782-82****-*0005요"
    assert [m.kind for m in maskings] == [PiiKind.CARD]


def test_card_cut_by_an_rrn_reading_across_turns_is_starred() -> None:
    transcript = _transcript(
        ("u1", "A", "카드 번호 말씀해 주세요"),
        ("u2", "B", "삼공 공공 공공 공일 일공요"),
        ("u3", "A", "네"),
        ("u4", "B", "일공 공공 일칠이요"),
    )
    masked, _ = mask_transcript(transcript)
    texts = " ".join(u.text for u in masked.utterances)
    assert "3000000110100017" not in digits_only(texts)
    assert masked.utterances[1].text.startswith("**-** ")


@pytest.mark.parametrize(
    "said",
    [
        # The caller starts reading the card and the agent stops him after three blocks and a digit.
        "그 결제된 카드가 제 카드 맞는지도 좀 봐 주세요 구사일공 이이팔칠 공삼육오 일",
        "카드번호가 9410 2287 0365 요",
        "카드 번호 불러 드릴게요 사오일이 칠오일이 삼사오육 칠",
    ],
)
def test_a_card_number_read_only_in_part_is_masked_too(said: str) -> None:
    result = mask_text(said)
    assert "941022870365" not in digits_only(result.text)
    assert "541275123456" not in digits_only(result.text)
    assert [m.kind for m in result.maskings] == [PiiKind.CARD]
    # Only the issuer's first six digits may show: the end said is not the card's last four.
    assert result.maskings[0].masked.replace("-", "")[6:].strip("*") == ""


def test_an_order_number_said_after_paying_by_card_stays_readable() -> None:
    result = mask_text("카드로 결제했고요 주문번호는 이공이육일일공이공사오칠 이에요")
    assert result.maskings == []
