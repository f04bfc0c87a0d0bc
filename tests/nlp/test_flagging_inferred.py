"""Judgment classes built from morphology and evaluative vocabulary (2026-11-25, third round):
inferred feelings (adjective + 어하다), motive guesses, competence and age remarks, manner
adverbs. The sentences are not in samples/notes/phrasing.jsonl."""

from __future__ import annotations

import pytest

from models.note import FlagKind
from pipeline.flagging import flag_text

SUBJECTIVE = [
    # any adjective + 어하다 is a feeling the writer read off the customer
    "고객이 많이 초조해하며 결제 취소를 재촉함",
    "고객이 요금이 왜 올랐는지 궁금해하심",
    "고객이 외로워하시는 듯 통화를 길게 이어가심",
    # motive guesses
    "고객이 합의금을 뜯으려고 민원을 넣은 것 같음",
    "고객이 추가 혜택을 바라는 눈치였음",
    "고객이 처음부터 일부러 반품 기한을 넘긴 것으로 보임",
    # competence and age
    "컴퓨터에 서툰 분이라 원격 지원으로 진행함",
    "연로하셔서 설명을 천천히 다시 함",
    "고객이 나이가 드셔서 앱 사용이 어려우심",
    # manner adverbs and dispositions
    "고객이 무턱대고 본사 연결을 요구함",
    "의심이 많은 성격인 듯 같은 질문을 되풀이하심",
    "Customer sounded nervous and kept asking about the fee.",
    # a feeling read off appearance, an intention read into a question
    "고객님이 많이 지쳐 보이셨음",
    "고객이 약관의 허점을 찾으려는 듯 같은 조항을 계속 물음",
]

OK = [
    # attributed feelings and plans
    "고객이 '결제가 두 번 돼서 초조하다'고 말함",
    "고객이 포인트를 받으려면 언제까지 가입해야 하는지 문의함",
    # a stated aim, not a guessed motive; "show" rather than "look"
    "고객이 보상을 받으려고 영수증 사본을 제출함",
    "고객이 영수증을 꺼내 보이며 결제일을 문의함",
    # age and traits as facts about someone or something else
    "고객이 연로하신 아버지 명의 휴대폰의 해지 서류를 문의함",
    "고령 고객 대상 요금 감면 신청서를 11월 29일까지 우편 발송하기로 함",
    "거친 포장 상태로 받은 박스 사진을 고객이 문자로 보냄",
    # manner of a third party or a product
    "고객이 끈질기게 걸려 오는 스팸 전화를 차단하는 방법을 문의함",
    "공격적으로 요금을 올리는 경쟁사 요금제와 비교를 요청함",
    "일방적인 약관 변경 통지에 대해 고객이 설명을 요청함",
    # how a thing looks
    "고객이 액정이 누렇게 보인다며 사진을 보냄",
    "택배 상자가 젖어 보인다고 기사에게 전달함",
    # observed behaviour
    "고객이 상담 중 두 차례 한숨을 쉬고 세 번 말을 끊음",
]


@pytest.mark.parametrize("text", SUBJECTIVE)
def test_inferred_judgments_are_flagged(text: str) -> None:
    assert FlagKind.SUBJECTIVE in {flag.kind for flag in flag_text(text)}


@pytest.mark.parametrize("text", OK)
def test_attributed_and_neutral_uses_stay_clean(text: str) -> None:
    assert flag_text(text) == []


def test_motive_guess_gets_a_rewrite_about_the_request() -> None:
    [flag] = flag_text("고객이 보상금을 더 받으려고 항의함")
    assert flag.kind is FlagKind.SUBJECTIVE
    assert "의도" in flag.reason


def test_age_given_as_a_cause_is_flagged_with_its_reason() -> None:
    [flag] = flag_text("연세가 많으셔서 같은 안내를 세 번 드림")
    assert flag.text.startswith("연세가")
    assert "나이" in flag.reason
