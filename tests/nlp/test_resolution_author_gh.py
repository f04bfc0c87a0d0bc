"""Resolution and follow-ups by class of expression, from the calls of two new authors. Every
example is invented (none is a dev call); each asserts what the agent sees in the note."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import Owner
from pipeline.process import process_text

KST = dt.timezone(dt.timedelta(hours=9))
TUESDAY = dt.datetime(2026, 10, 13, 10, 0, tzinfo=KST)

Step = tuple[Owner, dt.date | None]


def _note(*agent_and_customer: str):  # type: ignore[no-untyped-def]
    lines = ["상담원: 네 고객센터입니다", "고객: 문의가 있어서요"]
    for index, said in enumerate(agent_and_customer):
        lines.append(f"{'상담원' if index % 2 == 0 else '고객'}: {said}")
    return process_text("\n".join(lines), call_started_at=TUESDAY).note


def _steps(note) -> list[Step]:  # type: ignore[no-untyped-def]
    return sorted(((f.owner, f.due) for f in note.follow_ups), key=str)


# --- the customer asks someone else before deciding ----------------------------------------


@pytest.mark.parametrize(
    "defers",
    [
        "그건 와이프한테 물어봐야 돼요 저 혼자 못 정해요",
        "아 그럼 회사 총무팀에 한번 물어볼게요",
        "음 지금은 못 정하겠어요 좀 더 알아볼게요",
    ],
)
def test_customer_asking_someone_else_leaves_the_call_unresolved(defers: str) -> None:
    note = _note(
        "요금제를 바꾸시면 월 만 원 정도 줄어들고 위약금은 없습니다",
        defers,
        "네 알겠습니다 편하실 때 연락 주세요",
        "네 감사합니다",
    )
    assert note.resolution == "unresolved"


def test_asking_the_agent_one_more_thing_is_no_deferral() -> None:
    note = _note(
        "네 요금제 변경 완료됐습니다 다음 달부터 적용됩니다",
        "아 네 하나만 더 물어볼게요 부가서비스는 그대로죠",
        "네 그대로 유지됩니다",
        "네 감사합니다",
    )
    assert note.resolution == "resolved"


def test_a_request_not_taken_is_not_a_done_act() -> None:
    """"해지 신청은 접수하지 않았고요" tells what was not done: the customer's deliberation
    before it still leaves the call undecided."""
    note = _note(
        "해지하시면 환급금은 이백만 원 정도 예상되세요",
        "생각보다 적네요 그럼 좀 더 생각해 보고 다시 전화드릴게요",
        "네 알겠습니다 오늘 해지 신청은 접수하지 않았고요 편하실 때 연락 주세요",
        "네 수고하세요",
    )
    assert note.resolution == "unresolved"


# --- an undecided call: what the agent sends for the customer to decide on ----------------


def test_material_sent_for_the_decision_is_the_agents_step() -> None:
    note = _note(
        "보장을 줄이시면 보험료가 월 오만 원대로 내려가세요",
        "음 남편이랑 상의해 보고 정할게요",
        "네 그럼 두 가지 경우 예상 보험료 정리해서 오늘 중으로 문자로 보내 드릴게요",
        "네 그럼 금요일까지 연락드릴게요",
        "네 감사합니다",
    )
    assert note.resolution == "unresolved"
    assert _steps(note) == [(Owner.AGENT, dt.date(2026, 10, 13)), (Owner.CUSTOMER, dt.date(2026, 10, 16))]


# --- what the agent asks for or reads out is no promise -----------------------------------


def test_asking_for_the_customers_details_is_no_step() -> None:
    note = _note(
        "네 기사님 방문은 이번 주 금요일 오후 두 시로 잡아 드렸습니다 방문 주소 확인 부탁드릴게요",
        "서울시 마포구 성미산로 십이요",
        "네 연락받으실 번호도 부탁드리겠습니다",
        "공일공 일이삼사 오육칠팔이요",
        "네 감사합니다",
    )
    assert (Owner.AGENT, None) not in _steps(note)


def test_a_state_the_record_shows_is_no_step() -> None:
    """"배송 완료 처리돼 있고요" reads the record: done, not promised."""
    note = _note(
        "조회해 보니 어제 저녁 여섯 시에 배송 완료 처리돼 있고요 사진도 등록돼 있습니다",
        "근데 물건이 없어요",
        "네 그럼 제가 담당 영업소에 확인해서 내일 오전까지 전화드리겠습니다",
        "네 알겠습니다",
    )
    assert _steps(note) == [(Owner.AGENT, dt.date(2026, 10, 14))]


# --- the agent has another party do it ----------------------------------------------------


def test_a_step_the_agent_has_another_party_do_is_theirs() -> None:
    note = _note(
        "네 제가 담당 대리점으로 바로 전달해서 내일까지 고객님께 전화드리도록 하겠습니다",
        "네 꼭 좀 부탁드려요",
        "네 대리점에 최대한 빨리 연락드리도록 요청하겠습니다",
        "네 감사합니다",
    )
    assert _steps(note) == [(Owner.COMPANY, dt.date(2026, 10, 14))]


def test_the_agents_own_check_stays_the_agents() -> None:
    note = _note(
        "네 그 부분은 제가 내일까지 확인하도록 하겠습니다 확인되면 바로 전화드릴게요",
        "네 알겠습니다",
    )
    assert all(owner is Owner.AGENT for owner, _ in _steps(note))


def test_a_request_number_read_out_books_no_visit() -> None:
    """"접수번호는 … 이고요 … 연락드리겠습니다" after the customer's past visit to a branch: one
    contact of the agent's, no visit booked."""
    note = _note(
        "방문하셨던 지점이 어디셨어요",
        "강남점이요 지난주 금요일에 갔어요",
        "네 강남점 지난주 금요일 방문으로 적겠습니다 이의신청 접수번호는 알 공칠공팔 다시 삼삼일구이고요 "
        "심사 결과는 다음 주 중으로 제가 직접 연락드리겠습니다",
        "네 꼭 연락 주세요",
        "네 다음 주 중으로 꼭 연락드리겠습니다",
    )
    assert _steps(note) == [(Owner.AGENT, dt.date(2026, 10, 23))]
