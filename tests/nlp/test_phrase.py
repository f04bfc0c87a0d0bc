"""A spoken step as the consultation log's noun phrase (pipeline.extract.phrase), and the
follow-ups' action text a user sees. Invented spoken forms, none from a dev call."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import Owner
from pipeline.extract import followups
from pipeline.extract.context import Clause, build_context, clauses
from pipeline.extract.phrase import clause_phrase, step_phrase, verbal_noun
from pipeline.textinput import parse_text_transcript

KST = dt.timezone(dt.timedelta(hours=9))
WEDNESDAY = dt.datetime(2026, 10, 14, 13, 0, tzinfo=KST)


def _clauses(said: str) -> tuple[Clause, ...]:
    context = build_context(parse_text_transcript(f"상담원: {said}"), WEDNESDAY)
    return clauses(context.turns[0])


def _phrase(said: str) -> str | None:
    pieces = _clauses(said)
    return step_phrase(pieces[-1], pieces[:-1])


@pytest.mark.parametrize(
    ("said", "written"),
    [
        # a channel said as the verb tells the customer; the day and 고객님께 are dropped
        ("내일 오후에 고객님께 전화드릴게요", "전화 안내"),
        # a joined clause is linked with 후; 제가, 다시 and the auxiliary 보다 are dropped
        ("제가 물류센터에 다시 확인해 보고 내일 오후에 고객님께 전화드릴게요", "물류센터에 확인 후 전화 안내"),
        # a time window stays in parentheses, the date in the due field
        ("네 내일 오전 아홉 시에서 열두 시 사이로 기사님 방문 접수해 드렸습니다", "기사 방문 접수(오전 9~12시)"),
        # 올리다 puts up a file: 업로드; the object before another argument keeps 을
        ("영수증 사진을 앱에 올려 주세요", "영수증 사진을 앱에 업로드"),
        ("견적서는 내일 오전 중으로 이메일로 보내 드리겠습니다", "견적서 이메일로 발송"),
        ("배송지를 회사 주소로 바꿔 드릴게요", "배송지를 회사 주소로 변경"),
        ("금요일 오후 두 시로 상담 예약 잡아 드릴게요", "상담 예약"),
        ("처리 결과는 제가 금요일까지 알려 드릴게요", "처리 결과 안내"),
        ("서류는 앱으로 제출해 주시면 됩니다", "서류 앱으로 제출"),
        # a message that goes out is sent, not a visit
        ("접수 문자가 곧 갈 거예요", "접수 문자 발송"),
        # "…는 대로": after the event
        ("판매자 답변 받는 대로 문자로 안내드리겠습니다", "판매자 답변 수령 후 문자로 안내"),
        # "…는 걸로 잡다": the booked act is the verb made a noun
        ("내일 오후 한 시에서 다섯 시 사이에 기사님 방문하는 걸로 잡아 드릴게요", "기사 방문 예약(오후 1~5시)"),
        # an embedded question is "… 여부"
        ("제가 내일 도착하는지 택배사에 확인해 볼게요", "도착 여부 택배사에 확인"),
        # the future "…ᆯ 거예요" is the step's verb, not a modifier
        ("기사님이 출발하시기 삼십 분 전에 전화드릴 거예요", "기사 출발 전에 전화 안내"),
        # a determiner that says which is kept
        ("자동이체는 새 카드로 바꿔 주셔야 돼요", "자동이체 새 카드로 변경"),
    ],
)
def test_a_spoken_step_reads_as_a_log_phrase(said: str, written: str) -> None:
    assert _phrase(said) == written


@pytest.mark.parametrize(
    "said",
    ["네 고객님 그럼 제가 바로 해 드릴게요", "아 네 네 알겠습니다", "내일 오후에요"],
)
def test_nothing_but_people_fillers_and_times_gives_no_phrase(said: str) -> None:
    phrase = _phrase(said)
    assert phrase is None or not any(w in phrase for w in ("고객님", "제가", "내일", "오후"))


@pytest.mark.parametrize(
    ("said", "telling", "written"),
    [
        ("다시 전화드릴게요", True, "전화 안내"),
        ("다시 전화드릴게요", False, "전화"),
        ("문자 드릴게요", False, "문자"),
    ],
)
def test_a_contact_is_told_only_when_the_company_speaks(said: str, telling: bool, written: str) -> None:
    assert clause_phrase(_clauses(said)[-1], telling=telling) == written


@pytest.mark.parametrize(
    ("verb", "noun"),
    [("보내다", "발송"), ("바꾸다", "변경"), ("알리다", "안내"), ("잡다", "예약"), ("넘기다", "이관"), ("떼다", "발급")],
)
def test_native_verbs_have_the_noun_a_log_writes(verb: str, noun: str) -> None:
    assert verbal_noun(verb) == noun


def _actions(text: str) -> list[tuple[Owner, str]]:
    context = build_context(parse_text_transcript(text), WEDNESDAY)
    return [(f.owner, f.action) for f in followups.follow_ups(context, "pending", "교환").value]


def test_the_agent_s_step_after_the_customer_s_reads_with_시() -> None:
    text = """상담원: 네 고객센터입니다
고객: 문의가 있어서요
상담원: 파손 부분 사진을 문자로 보내 주시면 제가 바로 검수팀에 넘기겠습니다
고객: 네 오늘 저녁에 보낼게요
상담원: 네 감사합니다"""
    actions = _actions(text)
    assert (Owner.AGENT, "파손 부분 사진을 문자로 발송 시 검수팀에 이관") in actions
    # the customer's bare "보낼게요" is the act the agent asked for, in its words
    assert (Owner.CUSTOMER, "파손 부분 사진을 문자로 발송") in actions


def test_the_customer_taking_on_a_request_reads_as_the_request() -> None:
    text = """상담원: 네 고객센터입니다
고객: 카드를 새로 받았어요
상담원: 자동이체는 새 카드로 바꿔 주셔야 돼요
고객: 아 그건 제가 바꿀게요"""
    assert _actions(text) == [(Owner.CUSTOMER, "자동이체 새 카드로 변경")]
