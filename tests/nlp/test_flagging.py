"""The phrasing flagger, its spaCy/Kiwi pipeline, the `callnotes flag` command and the benchmark."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from benchmarks.flagger_eval import score_flagger
from callnotes.cli import app
from callnotes.errors import InvalidInputError
from models.note import FlagKind
from pipeline.flagging import CallFacts, flag_text
from pipeline.nlp import get_nlp

# --- the pipeline -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("고객이 화가 났다", "나다"),
        ("화나셨다", "화나다"),
        ("화난 고객", "화나다"),
        ("짜증나셨다", "짜증나다"),
        ("까다로운 분", "까다롭다"),
    ],
)
def test_tokens_carry_kiwi_lemmas(text: str, lemma: str) -> None:
    doc = get_nlp()(text)
    assert lemma in [t.lemma_ for t in doc]


@given(st.text(max_size=80))
@settings(max_examples=60, deadline=None)
def test_doc_text_is_the_input(text: str) -> None:
    doc = get_nlp()(text)
    assert doc.text == text


def test_tokens_have_kiwi_tags_and_universal_pos() -> None:
    doc = get_nlp()("상담원 김민지입니다. 환불을 안내함")
    tags = {t.text: (t.tag_, t.pos_) for t in doc}
    assert tags["김민지"] == ("NNP", "PROPN")
    assert tags["환불"] == ("NNG", "NOUN")
    assert tags["을"][1] == "ADP"


# --- subjective -------------------------------------------------------------------------------

SUBJECTIVE = [
    ("고객이 매우 화가 난 상태임", "고객이 매우 화가 난 상태임"),
    ("고객이 화가 났다", "고객이 화가 났다"),
    ("고객님께서 화나셨다", "고객님께서 화나셨다"),
    ("화난 고객과 통화함", "화난"),
    ("고객이 화가 많이 나 있었음", "고객이 화가 많이 나 있었음"),
    ("화를 내시며 환불을 요구함", "화를 내시며"),
    ("고객이 흥분한 상태로 항의함", "고객이 흥분한 상태로 항의함"),
    ("고객이 민감하게 반응함", "고객이 민감하게 반응함"),
    ("고객이 난리를 침", "고객이 난리를 침"),
    ("예민한 고객으로 응대에 주의", "예민한"),
    ("까다로운 고객임", "까다로운"),
    ("진상 고객으로 분류", "진상"),
    ("고객이 무례한 태도를 보임", "고객이 무례한 태도를 보임"),
    ("고객이 거짓말을 하는 것 같음", "고객이 거짓말을 하는 것 같음"),
    ("막무가내로 환불을 요구함", "막무가내로"),
    ("억지를 부림", "억지를 부림"),
    ("안내를 여러 번 했으나 이해를 못함", "이해를 못함"),
    ("고객이 설명을 이해하지 못함", "이해하지 못함"),
    ("고객이 불친절하다고 느낌", "고객이 불친절하다고 느낌"),
    ("고객이 요금이 두 번 나갔다고 착각함", "나갔다고 착각함"),
    ("감정적이고 공격적인 태도", "감정적이고 공격적인 태도"),
    ("짜증을 내며 전화를 끊음", "짜증을 내며"),
    ("고객이 많이 실망하신 듯함", "고객이 많이 실망하신 듯함"),
    ("고객이 당황해함", "고객이 당황해함"),
    ("고집을 부려 설득이 어려웠음", "고집을 부려"),
    ("블랙컨슈머로 의심됨", "블랙컨슈머로 의심됨"),
    ("고객이 억울해하심", "고객이 억울해하심"),
    ("기분이 상하신 상태", "기분이 상하신 상태"),
    ("고객이 이해력이 부족함", "고객이 이해력이 부족함"),
    ("고객이 매우 만족해하심", "고객이 매우 만족해하심"),
    ("고객이 무리하게 요구함", "고객이 무리하게 요구함"),
    ("고객이 서운해하심", "고객이 서운해하심"),
    ("고객 성격이 급함", "성격이 급함"),
    ("고객이 불만이 많은 편임", "고객이 불만이 많은 편임"),
    ("고객 화남", "화남"),
    ("고객 흥분 상태", "흥분 상태"),
]


@pytest.mark.parametrize(("text", "span"), SUBJECTIVE)
def test_subjective_phrases_are_flagged(text: str, span: str) -> None:
    flags = flag_text(text)
    assert [(f.kind, f.text) for f in flags] == [(FlagKind.SUBJECTIVE, span)]
    assert text[flags[0].start : flags[0].end] == span
    assert flags[0].reason


OBJECTIVE = [
    '고객이 "너무 화가 나요"라고 말함',
    "고객이 '이해를 못하겠다'고 말함",
    "고객이 ‘진짜 짜증 나네요’라고 함",
    "고객이 “거짓말하지 마세요”라고 말씀하심",
    "고객이 「상담원이 불친절하다」고 말함",
    "고객이 화가 난다고 말씀하심",
    "고객이 상담원이 불친절하다고 말함",
    "고객이 높은 목소리로 언성을 높임",
    "같은 내용을 세 차례 반복해서 요구함",
    "고객이 욕설을 2회 사용함",
    "고객이 답답함을 호소함",
    "고객이 배송 지연에 대해 불만을 표출함",
    "고객이 통화 중 전화를 끊음",
    "고객이 환불을 요청함",
    "고객이 상품 파손 사진을 보내 주기로 함",
    "고객이 불쾌감을 표시함",
    "흥분하지 마시라고 안내함",
    # Judgment words about things, not people.
    "예민한 피부용 제품 문의",
    "까다로운 절차로 인해 서류 목록을 문자로 발송함",
    "진상 규명을 요청함",
    "악성 코드 감염 의심으로 원격 점검",
    "인터넷 연결이 불안함",
    "허위 매물 신고 접수",
    "화요일 오후에 화면 깨짐 증상으로 통화함",
]


@pytest.mark.parametrize("text", OBJECTIVE)
def test_quotes_and_observations_are_not_flagged(text: str) -> None:
    assert flag_text(text) == []


# --- vague ------------------------------------------------------------------------------------

VAGUE = [
    ("확인 필요", "확인 필요"),
    ("문제 있음", "문제 있음"),
    ("결제에 문제가 있음", "문제가 있음"),
    ("추후 연락 예정", "추후 연락 예정"),
    ("추후 안내 예정", "추후 안내 예정"),
    ("처리 예정", "처리 예정"),
    ("환불 처리 예정", "처리 예정"),
    ("검토 중", "검토 중"),
    ("담당 부서에서 검토 중", "검토 중"),
    ("조치함", "조치함"),
    ("조치 완료", "조치 완료"),
    ("적절히 처리함", "적절히 처리함"),
    ("빠른 시일 내 처리 예정", "빠른 시일 내 처리 예정"),
    ("고객에게 안내함", "안내함"),
    ("관련 내용 안내드림", "안내드림"),
    ("해결됨", "해결됨"),
    ("문제 해결됨", "해결됨"),
    ("다시 연락드리기로 함", "다시 연락드리기로"),
    ("원만하게 해결함", "원만하게 해결함"),
    ("조속히 처리 예정", "조속히 처리 예정"),
    ("오류 발생", "오류 발생"),
    ("확인 후 연락", "확인 후 연락"),
    ("출고 예정", "출고 예정"),
    ("추후 연락드리겠다고 안내함", "추후 연락드리겠다고 안내함"),
    ("위 내용 안내함", "안내함"),
    ("관련 부서로 이관함", "이관함"),
    ("필요 시 재연락", "필요 시 재연락"),
    ("답변 드림", "답변 드림"),
    # memo style
    ("재연락 요망", "재연락 요망"),
    ("처리 바람", "처리 바람"),
    ("검토 요청", "검토 요청"),
    ("환불 보류", "보류"),
    ("이관 완료", "이관 완료"),
]


@pytest.mark.parametrize(("text", "span"), VAGUE)
def test_vague_placeholders_are_flagged(text: str, span: str) -> None:
    flags = flag_text(text)
    assert [f.kind for f in flags] == [FlagKind.VAGUE]
    assert flags[0].text == span
    assert flags[0].suggestion


SPECIFIC = [
    "11월 25일까지 환불 처리 예정",
    "배송팀에서 11월 21일 오전 중 고객에게 전화로 결과 안내 예정",
    "환불 절차와 소요 기간(3영업일) 안내함",
    "재배송 접수 조치 완료",
    "택배사에 배송 위치 확인 필요",
    "주문번호 12345 주문 취소 완료함",
    "고객 주소 변경 처리 완료",
    "내일 오전 10시에 재연락 예정",
    "상품 교환 접수함",
    "물류팀에서 파손 경위 검토 중",
    "앱 재설치 후 로그인 오류 해결됨",
    "화면이 켜지지 않는 문제 있음",
    "결제 시 오류 코드 E102 발생",
    "이번 주 금요일까지 기사 방문 예정",
    "3영업일 이내 환불 금액 35,000원 입금 예정",
    "고객에게 반품 접수 방법 안내함",
    "다음 주 화요일 오후 2시 상담원이 다시 연락드리기로 함",
    "11월 25일 출고 예정",
    "1시간 이내 재연락 예정",
    "배송팀으로 이관함",
    "고객에게 3일 이내 환불된다고 안내함",
    "고객 만족도 조사 안내함",
    "택배사 CS팀에 11/25까지 회수 요청",
    "택배사 회신 전까지 환불 보류",
    "주문번호 B-7781 부분 환불 12,000원 완료",
]


@pytest.mark.parametrize("text", SPECIFIC)
def test_specific_clauses_are_not_flagged(text: str) -> None:
    assert flag_text(text) == []


def test_clause_facts_do_not_leak_across_sentences() -> None:
    flags = flag_text("11월 25일에 주문함. 추후 연락 예정")
    assert [f.text for f in flags] == ["추후 연락 예정"]


def test_a_note_with_several_problems_gets_a_flag_each_in_order() -> None:
    note = (
        "고객이 매우 화가 난 상태임. 배송 지연 확인 필요. "
        "고객이 '빨리 보내 달라'고 말함. 추후 연락 예정."
    )
    flags = flag_text(note)
    assert [(f.kind, f.text) for f in flags] == [
        (FlagKind.SUBJECTIVE, "고객이 매우 화가 난 상태임"),
        (FlagKind.VAGUE, "확인 필요"),
        (FlagKind.VAGUE, "추후 연락 예정"),
    ]
    assert all(note[f.start : f.end] == f.text for f in flags)


# --- suggestions ------------------------------------------------------------------------------


def test_suggestion_rewrites_anger_as_an_observation() -> None:
    [flag] = flag_text("고객이 매우 화가 난 상태")
    assert flag.suggestion == "고객이 높은 목소리로 불만을 표출함"


def test_suggestion_keeps_a_connective_ending() -> None:
    [flag] = flag_text("고객이 매우 화가 난 상태였으며 환불을 요구함")
    assert flag.suggestion == "고객이 높은 목소리로 불만을 표출했으며"


def test_suggestion_keeps_the_noun_a_modifier_describes() -> None:
    [flag] = flag_text("까다로운 고객임")
    assert flag.suggestion and flag.suggestion.endswith("반복한")


def test_perception_becomes_reported_speech() -> None:
    text = "고객이 상담원이 불친절하다고 느낌"
    [flag] = flag_text(text)
    assert flag.suggestion is not None
    rewritten = text[: flag.start] + flag.suggestion + text[flag.end :]
    assert rewritten == "고객이 상담원이 불친절하다고 말함"


def test_suggestion_quotes_the_customer_when_facts_have_the_words() -> None:
    facts = CallFacts(customer_quotes=("벌써 세 번째 전화하는 거예요",))
    [flag] = flag_text("고객이 매우 화가 난 상태임", facts=facts)
    assert flag.suggestion == "고객이 '벌써 세 번째 전화하는 거예요'라고 말함"


def test_follow_up_suggestion_uses_the_agreed_date() -> None:
    facts = CallFacts(
        call_date=dt.date(2026, 11, 19),
        dates=(dt.date(2026, 11, 12), dt.date(2026, 11, 21)),
    )
    [flag] = flag_text("추후 연락 예정", facts=facts)
    assert flag.suggestion == "11월 21일 중 상담원이 전화로 결과 안내 예정"


def test_follow_up_suggestion_names_the_responsible_team() -> None:
    facts = CallFacts(dates=(dt.date(2026, 11, 21),), responsible="배송팀")
    [flag] = flag_text("추후 연락 예정", facts=facts)
    assert flag.suggestion == "11월 21일 중 배송팀이 전화로 결과 안내 예정"


def test_speed_hedge_becomes_a_deadline() -> None:
    facts = CallFacts(dates=(dt.date(2026, 11, 25),))
    [flag] = flag_text("빠른 시일 내 처리 예정", facts=facts)
    assert flag.suggestion == "11월 25일까지 처리 예정"


def test_done_suggestion_names_the_order() -> None:
    [flag] = flag_text("조치 완료", facts=CallFacts(order_numbers=("A-20261119-77",)))
    assert flag.suggestion and flag.suggestion.startswith("주문번호 A-20261119-77 ")


def test_informed_suggestion_uses_the_amount() -> None:
    [flag] = flag_text("고객에게 안내함", facts=CallFacts(amounts=(35000,)))
    assert flag.suggestion == "[안내 내용: 예) 환불 금액 35,000원과 입금 예정일] 안내함"


# --- input handling ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "😀😀", "1234", "!!!???", "a" * 500])
def test_degenerate_input_gives_no_flags(text: str) -> None:
    assert flag_text(text) == []


def test_too_long_input_is_an_input_error() -> None:
    with pytest.raises(InvalidInputError):
        flag_text("확인 필요 " * 5000)


@given(st.text(max_size=120))
@settings(max_examples=60, deadline=None)
def test_any_text_gives_consistent_offsets(text: str) -> None:
    for flag in flag_text(text):
        assert text[flag.start : flag.end] == flag.text


def test_fast_enough_for_twenty_notes_a_second() -> None:
    note = (
        "고객이 배송 지연으로 매우 화가 난 상태임. 지난주 월요일 주문한 상품이 아직 도착하지 않음. "
        "택배사에 배송 위치 확인 필요. 고객에게 안내함. 추후 연락 예정."
    )
    flag_text(note)
    started = time.perf_counter()
    for _ in range(20):
        flag_text(note)
    assert time.perf_counter() - started < 1.0


# --- CLI --------------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_text_output_shows_span_reason_and_suggestion() -> None:
    result = runner.invoke(app, ["flag", "고객이 매우 화가 난 상태임. 추후 연락 예정"])
    assert result.exit_code == 0
    assert "고객이 매우 화가 난 상태임" in result.output
    assert "높은 목소리로 불만을 표출함" in result.output
    assert "추후 연락 예정" in result.output


def test_cli_json_output_is_a_list_of_flags() -> None:
    result = runner.invoke(app, ["flag", "확인 필요", "--format", "json"])
    assert result.exit_code == 0
    [flag] = json.loads(result.output)
    assert (flag["kind"], flag["start"], flag["end"], flag["text"]) == ("vague", 0, 5, "확인 필요")


def test_cli_exits_zero_without_flags() -> None:
    result = runner.invoke(app, ["flag", "11월 25일까지 환불 처리 예정", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output) == []


def test_cli_call_date_turns_dates_in_the_text_into_suggestions() -> None:
    text = "추후 연락 예정. 고객이 모레 오전에 집에 있다고 함"
    result = runner.invoke(app, ["flag", text, "--format", "json", "--call-date", "2026-11-19"])
    assert result.exit_code == 0
    [flag] = json.loads(result.output)
    assert flag["suggestion"] == "11월 21일 중 상담원이 전화로 결과 안내 예정"


def test_cli_rejects_a_bad_call_date() -> None:
    result = runner.invoke(app, ["flag", "확인 필요", "--call-date", "2026-13-01"])
    assert result.exit_code != 0


# --- benchmark --------------------------------------------------------------------------------


def test_score_flagger_counts_precision_recall_and_kinds(tmp_path: Path) -> None:
    lines = [
        {"id": "1", "text": "고객이 매우 화가 난 상태임", "label": "subjective", "span": None},
        {"id": "2", "text": "추후 연락 예정", "label": "vague", "span": None},
        {"id": "3", "text": "11월 25일까지 환불 처리 예정", "label": "ok", "span": None},
        {"id": "4", "text": "확인 필요", "label": "subjective", "span": None},
        {"id": "5", "text": "고객이 환불을 요청함", "label": "vague", "span": None},
    ]
    path = tmp_path / "phrasing.jsonl"
    path.write_text(
        "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n{partial",
        encoding="utf-8",
    )
    scores = score_flagger(path)
    assert scores.samples == 5 and scores.skipped_lines == 1
    assert scores.precision == 1.0
    assert scores.recall == 0.75
    assert scores.kind_accuracy == pytest.approx(2 / 3)
    assert scores.confusion["subjective"]["vague"] == 1
    assert scores.confusion["vague"]["ok"] == 1
    assert scores.per_kind["vague"].support == 2
