"""Follow-ups of a resolved call: only a step said for after the call remains."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import Owner
from pipeline.extract import followups
from pipeline.textinput import parse_text_transcript
from pipeline.extract.context import build_context

KST = dt.timezone(dt.timedelta(hours=9))
WEDNESDAY = dt.datetime(2026, 10, 14, 13, 0, tzinfo=KST)
TODAY = WEDNESDAY.date()

Step = tuple[Owner, dt.date | None]


def _resolved_steps(*turns: str) -> list[Step]:
    text = "\n".join(("상담원: 네 고객센터입니다", "고객: 네 안녕하세요", *turns, "고객: 네 감사합니다"))
    context = build_context(parse_text_transcript(text), WEDNESDAY)
    found = followups.follow_ups(context, "resolved", "카드")
    return sorted(((f.owner, f.due) for f in found.value), key=str)


@pytest.mark.parametrize(
    "said",
    [
        "상담원: 네 재발급 신청 완료됐고요 영업일 기준 삼에서 오 일 걸려서 다음 주 화요일까지는 받아 보실 거예요",
        "상담원: 네 두 장 모두 재발급 신청했고요 삼 영업일 안에 다음 주 화요일까지는 받아 보실 거예요",
        "상담원: 오늘 오후에 출고되고요 다음 주 화요일에 도착 예정입니다",
    ],
)
def test_a_delivery_counted_in_business_days_or_announced_is_the_company_s_step(said: str) -> None:
    assert _resolved_steps(said) == [(Owner.COMPANY, dt.date(2026, 10, 20))]


@pytest.mark.parametrize(
    ("said", "owner", "due"),
    [
        ("상담원: 가입 확인서는 아까 주신 메일로 오늘 중에 발송됩니다", Owner.COMPANY, TODAY),
        ("상담원: 네 다음 달 이십 일쯤 첫 이메일 명세서가 발송됩니다", Owner.COMPANY, dt.date(2026, 11, 20)),
        ("상담원: 세금계산서도 오늘 날짜로 발행해서 바뀐 메일로 보내 드릴게요", Owner.AGENT, TODAY),
        ("상담원: 거래명세서는 출고되면 오늘 중으로 메일로 보내 드릴게요", Owner.AGENT, TODAY),
    ],
)
def test_a_document_sent_on_a_named_day_is_a_step(said: str, owner: Owner, due: dt.date) -> None:
    assert _resolved_steps(said) == [(owner, due)]


@pytest.mark.parametrize(
    ("advice", "answer"),
    [
        ("상담원: 혹시 다른 사이트에서도 같은 비밀번호 쓰셨으면 그쪽도 바꿔 주시는 게 좋습니다", "고객: 네 그건 제가 바로 바꿀게요"),
        ("상담원: 카드사에 결제 내역 문의하시면 알 수 있어서요 한번 연락해 보시는 것도 방법입니다", "고객: 아 그렇네요 그렇게 해 볼게요"),
    ],
)
def test_the_customer_taking_the_agent_s_advice_is_their_undated_step(advice: str, answer: str) -> None:
    assert _resolved_steps(advice, answer) == [(Owner.CUSTOMER, None)]


@pytest.mark.parametrize(
    "closing",
    [
        ["상담원: 네 변경된 내용은 문자로도 보내 드리겠습니다 더 궁금하신 점 있으세요"],
        ["상담원: 네 처리 완료됐습니다 확인되셨죠", "고객: 네 확인됐어요"],
        ["상담원: 변경 완료 문자 보내 드렸어요"],
        ["상담원: 네 다음 달 청구서부터 이 주소로 발송됩니다"],
        ["상담원: 이번 달 명세서는 이미 발송 준비가 끝나서 우편으로 한 번 더 가고요"],
        ["상담원: 결제 영수증은 메일로 나갔고요"],
        ["상담원: 오늘 출고돼서 이틀 안에 그러니까 금요일까지 받으실 거예요"],
        ["상담원: 카드로 취소하시면 삼에서 오 영업일 정도 걸리고요 포인트로 받으시면 지금 바로 들어갑니다"],
        ["상담원: 대리인이 가실 때는 신분증하고 위임장 가져가셔야 되고요", "고객: 네 이번 주말에 매장에 같이 가 볼게요"],
        ["상담원: 네 지금 이메일로 인증 링크 보내 드렸는데요 확인해 주시겠어요", "고객: 네 해 볼게요"],
    ],
)
def test_closing_talk_and_the_routine_course_leave_no_step(closing: list[str]) -> None:
    assert _resolved_steps(*closing) == []
