"""Classes of phrasing the flagger learned on 2026-11-25, checked on sentences that are not in
samples/notes/phrasing.jsonl: an agent's promise reported as "…하겠다고 함", bare notes with no
object, unnamed targets, empty time words, verdicts on manner and character, and the hard
negatives next to each. Also: the anchored matcher finds exactly what spaCy's Matcher finds."""

from __future__ import annotations

import pytest

from models.note import FlagKind
from pipeline.flagging import flag_text

VAGUE = [
    "다시 전화드리겠다고 함",  # the agent's promise, reported, with no date
    "검토 후 답변 드리겠다고 안내함",
    "내부 확인 후 연락드리겠음",
    "처리 결과는 추후 통보",
    "관련 내용 담당자에게 전달 완료",
    "해당 건 담당 부서에 공유함",
    "접수 완료",  # logged, but not what
    "확인됨",
    "불편 사항 접수",
    "개인정보 변경 관련 안내",  # a topic, not what was said
    "포인트 적립 누락 건 곧 처리",
    "환불 가능 여부 추가 검토",
    "재고 현황 알아보는 중",
    "주소지 수정 필요",
    "Ticket was forwarded.",
]

SUBJECTIVE = [
    "고객의 태도가 매우 불손했음",
    "고객 언행이 형편없음",
    "고객이 당황스러워하는 듯함",
    "고객이 고집스럽게 같은 말만 함",
    "고객이 매너 없이 끼어듦",
    "상식 이하의 주장을 반복함",
    "고객이 상담원을 비웃듯 말함",
    "고객 진술이 의심스러움",
    "고객이 말꼬리를 잡음",
    "The caller seemed confused the whole time.",
]

OK = [
    "고객이 내일 다시 전화하겠다고 함",  # the customer's own plan
    "상담원이 11월 28일 오전 10시에 다시 연락하겠다고 안내함",
    "본인 확인 완료 후 카드 재발급 접수함",
    "신원 확인 완료",
    "교환 접수 완료 (접수번호 R-2207), 11월 27일 회수 예정",
    "고객이 '직원 태도가 불량하다'고 말함",
    "설치 기사 응대가 성의 없다는 고객 의견을 접수함",
    "불만 내용: 통화 대기 40분, 상담 중 연결 끊김 2회",
    "민감성 두피용 샴푸 성분을 문의해 전성분표를 문자로 보냄",
    "11월 26일 배송팀 이수진 주임에게 오배송 건 공유함",
    "고객이 상담 중 세 차례 언성을 높임",
    "Billing team confirmed the refund of 18,000 KRW on Nov 26.",
]


@pytest.mark.parametrize("text", VAGUE)
def test_vague_classes_are_flagged(text: str) -> None:
    assert FlagKind.VAGUE in {flag.kind for flag in flag_text(text)}


@pytest.mark.parametrize("text", SUBJECTIVE)
def test_judgment_classes_are_flagged(text: str) -> None:
    assert FlagKind.SUBJECTIVE in {flag.kind for flag in flag_text(text)}


@pytest.mark.parametrize("text", OK)
def test_hard_negatives_stay_clean(text: str) -> None:
    assert flag_text(text) == []


def test_reported_promise_rewrite_replaces_the_whole_promise() -> None:
    (flag,) = flag_text("상담원이 다시 연락하겠다고 함")
    assert flag.text == "다시 연락하겠다고 함"
    assert flag.suggestion is not None and "[날짜]" in flag.suggestion


def test_unnamed_team_is_replaced_in_place() -> None:
    (flag,) = flag_text("관련 팀에 공유함")
    assert flag.suggestion == "[부서명: 예) 배송팀]에 공유함"


def test_genitive_subject_becomes_the_subject_of_the_rewrite() -> None:
    (flag,) = flag_text("고객의 인성이 의심스러움")
    assert flag.suggestion is not None and flag.suggestion.startswith("고객이 ")


def test_anchored_matcher_finds_what_one_matcher_finds() -> None:
    from spacy.matcher import Matcher

    from pipeline.nlp import get_nlp
    from pipeline.nlp.components import VAGUE_RULES, compile_pattern
    from pipeline.nlp.matching import AnchoredMatcher

    nlp = get_nlp()
    patterns = [(rule.id, compile_pattern(p)) for rule in VAGUE_RULES for p in rule.patterns]
    plain = Matcher(nlp.vocab)
    for key, pattern in patterns:
        plain.add(key, [pattern])
    anchored = AnchoredMatcher(nlp, patterns)
    for text in [*VAGUE, *OK, "추후 다시 연락드릴 예정이며 확인 후 처리 예정"]:
        doc = nlp.make_doc(text)
        expected = {(nlp.vocab.strings[k], s, e) for k, s, e in plain(doc)}
        assert set(anchored(doc)) == expected
