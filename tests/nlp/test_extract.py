"""Transcript → 상담일지 draft: each field, its evidence, and the promises the draft keeps."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.note import ConsultationNote, Owner
from pipeline.extract import extract_note
from pipeline.normalize.contact import normalize_email
from pipeline.extract.drafting import follow_up_sentence
from pipeline.flagging import flag_text
from pipeline.normalize.address import find_address
from pipeline.normalize.alnum import mixed_codes, spelled_codes, spelled_letters
from pipeline.normalize.dates import resolve_dates
from pipeline.process import process_text
from pipeline.textinput import parse_text_transcript

CALL_STARTED = dt.datetime(2026, 11, 20, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=9)))
DEV_DIR = Path(__file__).resolve().parents[2] / "samples" / "transcripts"

DELIVERY_CALL = """상담원: 네 행복쇼핑 고객센터 상담원 김민지입니다 무엇을 도와드릴까요
고객: 제가 지난주 월요일에 노트북을 주문했는데 아직도 배송이 안 와서요
상담원: 불편 드려 죄송합니다 주문하신 분 성함이 어떻게 되세요
고객: 김철수고요
상담원: 네 김철수 고객님 연락처 말씀해 주시겠어요
고객: 공일공 구팔칠육 오사삼이요
상담원: 주문번호 알고 계실까요
고객: ON-58213이요
상담원: 네 조회됐습니다 지금 물류센터에서 출고 대기 상태로 되어 있네요
고객: 이번 주 안에는 받고 싶어요
상담원: 네 물류센터에 출고 요청 넣어 드렸고요 내일까지 전화로 출고 일정 안내드리겠습니다
고객: 네 알겠습니다
상담원: 감사합니다 상담원 김민지였습니다
"""


def _note(text: str = DELIVERY_CALL, started: dt.datetime | None = CALL_STARTED) -> ConsultationNote:
    return process_text(text, call_started_at=started).note


# --- the fields -----------------------------------------------------------------------------


def test_delivery_call_fields() -> None:
    note = _note()
    assert note.category == "delivery"
    assert note.customer.name == "김철수"
    assert note.customer.phone == "01098765432"
    assert note.agent.name == "김민지"
    assert [i.value for i in note.identifiers] == ["ON-58213"]
    assert note.resolution == "pending"
    assert note.complaint is False
    assert [(f.owner, f.due) for f in note.follow_ups] == [(Owner.AGENT, dt.date(2026, 11, 21))]
    assert note.issue.occurred_on is None  # 지난주 월요일 is when it was ordered, not the problem
    assert "11월 9일" in (note.issue.summary or "")  # 지난주 월요일, written out
    assert "노트북" in (note.purpose or "")
    assert "물류센터" in (note.issue.status or "")
    assert note.desired_outcome and "배송" in note.desired_outcome
    assert note.summary.count(".") >= 2


@pytest.mark.parametrize(
    ("said", "date"),
    [
        ("어제 받았는데 화면이 안 켜져요", dt.date(2026, 11, 19)),
        ("지난주 월요일부터 인터넷이 끊겨요", dt.date(2026, 11, 9)),
        ("어제 주문한 거 배송지를 바꾸고 싶어서요", None),
    ],
)
def test_occurred_on_is_the_problem_date(said: str, date: dt.date | None) -> None:
    assert _note(f"상담원: 네 고객센터입니다\n고객: {said}").issue.occurred_on == date


def test_every_filled_field_points_at_real_utterances() -> None:
    transcript = parse_text_transcript(DELIVERY_CALL)
    note = extract_note(transcript, call_started_at=CALL_STARTED)
    ids = {u.id for u in transcript.utterances}
    assert {"customer.name", "customer.phone", "agent.name", "identifiers"} <= set(note.evidence)
    assert all(ref.utterance_id in ids for refs in note.evidence.values() for ref in refs)
    assert note.evidence["customer.phone"][0].utterance_id == "u0006"
    assert all(0.0 <= c <= 1.0 for c in note.confidence.values())
    assert {"category", "resolution", "customer.name"} <= set(note.confidence)


def test_nothing_said_means_null() -> None:
    note = _note("상담원: 네 고객센터입니다\n고객: 요금제 좀 물어보려고요\n상담원: 네 안내해 드릴게요")
    assert note.customer.model_dump() == {
        "name": None, "phone": None, "email": None, "address": None, "customer_id": None
    }
    assert note.identifiers == []


def test_without_a_call_date_relative_dates_stay_unresolved() -> None:
    note = _note(started=None)
    assert note.issue.occurred_on is None
    assert all(f.due is None for f in note.follow_ups)


@pytest.mark.parametrize(
    ("said", "phone"),
    [
        ("공일공 구팔칠육 오사삼이요", "01098765432"),
        ("010 2345 6789요", "01023456789"),
        ("0 1 0 2 3 4 5 6 7 8 9", "01023456789"),
        ("010-2345-6789입니다", "01023456789"),
        ("공일공에 이삼사오에 육칠팔구요", "01023456789"),
    ],
)
def test_customer_phone_as_digits(said: str, phone: str) -> None:
    note = _note(f"상담원: 연락처 말씀해 주세요\n고객: {said}")
    assert note.customer.phone == phone


@pytest.mark.parametrize(
    ("said", "value"),
    [
        ("주문번호 ON-58213이요", "ON-58213"),
        ("주문번호는 이공이육일일공이 다시 공사오칠이요", "20261102-0457"),
        ("주문번호는 에스엠 칠칠삼일구공이 로 되어 있네요", "SM-7731902"),
        ("주문번호가 영어로 오엔 하고 오팔이일삼 이요", "ON-58213"),
        ("운송장 번호 오육칠팔 일이삼사 구공일이 맞으시죠", "567812349012"),
        ("접수번호 AS-1022-0087 건 확인됩니다", "AS-1022-0087"),
    ],
)
def test_identifiers_as_said(said: str, value: str) -> None:
    note = _note(f"상담원: 네 고객센터입니다\n고객: {said}")
    assert value in [i.value for i in note.identifiers]


def test_identifier_answers_take_the_kind_of_the_question() -> None:
    note = _note("상담원: 계약번호 말씀해 주시겠어요\n고객: CA2026-03157이요")
    assert [(i.kind, i.value) for i in note.identifiers] == [("contract", "CA2026-03157")]


def test_phone_numbers_and_amounts_are_not_identifiers() -> None:
    note = _note("상담원: 주문번호요\n고객: 번호는 010 2345 6789고 금액은 35000원이에요")
    assert note.identifiers == []


@pytest.mark.parametrize(
    ("turns", "name"),
    [
        ("상담원: 성함이 어떻게 되세요\n고객: 김철수고요", "김철수"),
        ("상담원: 성함 부탁드립니다\n고객: 이수진이요", "이수진"),
        ("상담원: 네\n고객: 성함은 박영희 입니다", "박영희"),
        ("상담원: 성함이요\n고객: 남궁민이요", "남궁민"),
        ("상담원: 주문자 성함 확인 부탁드려요\n고객: 네 정다은이고요 번호는 몰라요", "정다은"),
        ("상담원: 생년월일 말씀해 주세요\n고객: 구일 년 사월 구 일이요", None),
    ],
)
def test_customer_names(turns: str, name: str | None) -> None:
    assert _note(turns).customer.name == name


@pytest.mark.parametrize(
    ("greeting", "name"),
    [
        ("네 행복쇼핑 고객센터 상담원 김민지입니다", "김민지"),
        ("한결손해보험 탁민지입니다 무엇을 도와드릴까요", "탁민지"),
        ("네 한빛텔레콤 분실 신고 센터 이도윤입니다", "이도윤"),
    ],
)
def test_agent_name_from_the_greeting(greeting: str, name: str) -> None:
    assert _note(f"상담원: {greeting}\n고객: 네").agent.name == name


@pytest.mark.parametrize(
    ("said", "email"),
    [
        ("메일은 kimcs@naver.com 이요", "kimcs@naver.com"),
        ("kimcs 골뱅이 네이버 닷컴이에요", "kimcs@naver.com"),
        ("에스 와이 제이 팔팔 골뱅이 지메일 닷컴이요", "syj88@gmail.com"),
        ("케이 에이 엔 지 점 디 에이 골뱅이 한메일 점 넷이요", "kang.da@hanmail.net"),
        ("메일은 없어요", None),
    ],
)
def test_email_written_or_spoken(said: str, email: str | None) -> None:
    assert normalize_email(said) == email


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("서울시 마포구 월드컵북로 십이길 삼십사 삼백일 호요", "서울시 마포구 월드컵북로12길 34 301호"),
        (
            "경기도 성남시 분당구 정자일로 구십오 한빛아파트 백이 동 천오백사 호요",
            "경기도 성남시 분당구 정자일로 95 한빛아파트 102동 1504호",
        ),
        (
            "인천시 연수구 센트럴로 이백육십 하늘마을 아파트 오백삼 동 이천이 호요",
            "인천시 연수구 센트럴로 260 하늘마을 아파트 503동 2002호",
        ),
        ("주소는 서울시 강남구 테헤란로 123 한빛아파트 101동 1203호요", "서울시 강남구 테헤란로 123 한빛아파트 101동 1203호"),
    ],
)
def test_addresses_are_written_the_korean_way(said: str, address: str) -> None:
    mention = find_address(said)
    assert mention is not None and mention.value == address


@pytest.mark.parametrize("said", ["친구 폰으로 해 봤는데", "저희도 이번 주 안에 받으실 수 있도록", "칠구 이걸로 되어 있고요"])
def test_ordinary_words_are_no_address(said: str) -> None:
    assert find_address(said) is None


@pytest.mark.parametrize(
    ("said", "code"),
    [("에스엠 7731902", "SM-7731902"), ("오엔 하고 58213", "ON-58213"), ("제이 와이 오 오 엔 0712", "JYOON-0712")],
)
def test_spelled_codes(said: str, code: str) -> None:
    assert [c for *_, c in spelled_codes(said)] == [code]


@pytest.mark.parametrize(
    ("said", "code"),
    [("알 에프 팔오 씨 구공공일 냉장고", "RF85C9001"), ("칠 에이 비 삼 케이 이 일 공 구 공이요", "7AB3K21090")],
)
def test_mixed_model_codes(said: str, code: str) -> None:
    assert [c for *_, c in mixed_codes(said)] == [code]


@pytest.mark.parametrize("said", ["네 이 번호로 오 일 이 사", "아 네 그거요", "이 오 일"])
def test_no_code_in_ordinary_speech(said: str) -> None:
    assert mixed_codes(said) == []


def test_letter_names() -> None:
    assert spelled_letters("에스엠") == "SM"
    assert spelled_letters("에이치티") == "HT"
    assert spelled_letters("안녕") is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("십일월 이 일에 주문하신", dt.date(2026, 11, 2)),
        ("주문할 때 십팔 일까지 도착이라고", dt.date(2026, 11, 18)),
        ("시월 이십오 일까지여서", dt.date(2026, 10, 25)),
        ("지난달 삼십일 일에", dt.date(2026, 10, 31)),
        ("십오 일 일요일에", dt.date(2026, 11, 15)),
        ("모레 이십구 일 오전에", dt.date(2026, 11, 22)),
    ],
)
def test_spoken_days(text: str, date: dt.date) -> None:
    assert resolve_dates(text, CALL_STARTED.date())[0].date == date


@pytest.mark.parametrize("text", ["이삼 일 정도 걸립니다", "이 일은 제가 처리할게요", "삼 일 안에"])
def test_durations_and_this_matter_are_no_day_of_month(text: str) -> None:
    assert all(m.kind == "deadline" or m.text != text for m in resolve_dates(text, CALL_STARTED.date()))
    assert not any(m.text.startswith("이 일") for m in resolve_dates(text, CALL_STARTED.date()))


# --- the drafted text --------------------------------------------------------------------------


def _drafted(note: ConsultationNote) -> list[str]:
    texts = [note.purpose, note.issue.summary, note.issue.status, note.desired_outcome, note.summary]
    # A follow-up reads with its owner and due date, as the note shows it.
    texts += note.actions_taken + [follow_up_sentence(f) for f in note.follow_ups]
    return [t for t in texts if t]


def test_drafts_never_judge_the_customer() -> None:
    note = _note(
        "상담원: 네 고객센터입니다\n고객: 아니 택배 때문에 너무 화가 나서 전화했어요 기사가 소리를 질렀어요\n"
        "상담원: 불편 드려 죄송합니다 택배사에 민원 접수해 드리겠습니다"
    )
    assert note.complaint is True
    for text in _drafted(note):
        assert flag_text(text) == [], text


def _dev_calls() -> list[Path]:
    return sorted(DEV_DIR.glob("*.txt"))


@pytest.mark.parametrize("path", _dev_calls(), ids=lambda p: p.stem)
def test_dev_set_drafts_pass_the_flagger(path: Path) -> None:
    gold_path = path.with_suffix(".json")
    started = None
    if gold_path.is_file():
        try:
            raw = json.loads(gold_path.read_text(encoding="utf-8")).get("call_started_at")
            started = dt.datetime.fromisoformat(raw) if raw else None
        except ValueError:
            started = None
    note = _note(path.read_text(encoding="utf-8"), started)
    for text in _drafted(note):
        assert flag_text(text) == [], text


# --- PII ---------------------------------------------------------------------------------------


def test_rrn_and_card_never_reach_the_note() -> None:
    result = process_text(
        "상담원: 본인 확인을 위해 주민번호 부탁드립니다\n고객: 팔오공삼일오 다시 일이삼사오육칠이요\n"
        "상담원: 카드 번호 불러 주세요\n고객: 5412 7512 3456 7890 요\n상담원: 네 확인됐습니다",
        call_started_at=CALL_STARTED,
    )
    output = re.sub(r"[\s-]", "", result.model_dump_json())
    assert "8503151234567" not in output
    assert "5412751234567890" not in output
    assert {m.kind.value for m in result.note.pii_masked} >= {"rrn", "card"}


_turn = st.tuples(
    st.sampled_from(["상담원", "고객"]),
    st.text(alphabet="공일이삼사오육칠팔구0123456789 -주문번호카드계좌성함은김철수고요입니다네어제내일", max_size=40),
)


@given(st.lists(_turn, min_size=1, max_size=8), st.booleans())
@settings(max_examples=60, deadline=None)
def test_any_transcript_gives_a_note_without_clear_rrn(turns: list[tuple[str, str]], dated: bool) -> None:
    text = "\n".join(f"{role}: {said}" for role, said in turns if said.strip())
    if not text:
        return
    rrn = "주민번호 850315-1234567"
    result = process_text(text + f"\n고객: {rrn}", call_started_at=CALL_STARTED if dated else None)
    dumped = result.model_dump_json()
    assert "8503151234567" not in re.sub(r"[\s-]", "", dumped)
    assert isinstance(result.note, ConsultationNote)


@given(st.text(max_size=60))
@settings(max_examples=150, deadline=None)
def test_normalisers_never_crash(text: str) -> None:
    spelled_codes(text)
    mixed_codes(text)
    find_address(text)
    normalize_email(text)


def _audio_transcript(utterances: list[tuple[str, str, str]]) -> "Transcript":
    from models.transcript import RoleAssignment, RunInfo, Transcript, Utterance

    return Transcript(
        utterances=[
            Utterance(id=f"u{i:04d}", speaker=speaker, role=role, text=text, start=i * 2.0, end=i * 2.0 + 1.5)
            for i, (speaker, role, text) in enumerate(utterances, start=1)
        ],
        roles=RoleAssignment(method="greeting", confidence=0.8),
        run=RunInfo(callnotes_version="test"),
    )


def test_silent_recording_gives_an_empty_draft() -> None:
    note = extract_note(_audio_transcript([]), call_started_at=CALL_STARTED)
    assert note.summary == "" and note.purpose is None and note.actions_taken == []


def test_audio_transcript_evidence_carries_times() -> None:
    transcript = _audio_transcript(
        [
            ("SPEAKER_00", "agent", "네 고객센터 상담원 김민지입니다"),
            ("SPEAKER_01", "customer", "세탁기가 어제부터 고장 나서 수리 받고 싶어요"),
            ("SPEAKER_00", "agent", "네 내일 오전에 기사님 방문 접수해 드렸습니다"),
        ]
    )
    note = extract_note(transcript, call_started_at=CALL_STARTED)
    assert note.agent.name == "김민지"
    assert note.issue.occurred_on == dt.date(2026, 11, 19)
    refs = [r for refs in note.evidence.values() for r in refs]
    assert refs and all(r.start is not None and r.end is not None for r in refs)


@pytest.mark.parametrize(
    ("answer", "masked"),
    [
        ("오사삼일 이칠팔팔 일이삼사 오육칠팔이요", "5431-27**-****-5678"),
        ("9410 6623 0057 1184 요", "9410-66**-****-1184"),
    ],
)
def test_card_said_in_its_own_turn_is_masked(answer: str, masked: str) -> None:
    result = process_text(
        f"상담원: 카드 번호 말씀해 주시겠어요\n고객: {answer}", call_started_at=CALL_STARTED
    )
    assert [m.masked for m in result.note.pii_masked] == [masked]
    assert masked in result.transcript.utterances[1].text
