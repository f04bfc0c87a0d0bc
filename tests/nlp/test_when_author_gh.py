"""When the problem happened and the complaint flag: classes of expression the dev calls of
authors G and H showed the extractor missing, with calls written for these tests (none from the
dev set). 2026-11-18 is a Wednesday."""

from __future__ import annotations

import datetime as dt

from pipeline.normalize.dates import resolve_dates
from pipeline.process import process_text

KST = dt.timezone(dt.timedelta(hours=9))
WEDNESDAY = dt.datetime(2026, 11, 18, 15, 0, tzinfo=KST)
DAY = WEDNESDAY.date()


def _occurred(text: str) -> dt.date | None:
    return process_text(text, call_started_at=WEDNESDAY).note.issue.occurred_on


def _call(*turns: str) -> str:
    return "\n".join(("상담원: 네 고객센터입니다", *turns))


# --- three days back: 그끄저께, 그끄제 -------------------------------------------------------


def test_three_days_back_is_the_day_before_grujeokke() -> None:
    for said in ("그끄저께 문자가 왔어요", "그끄제 왔어요"):
        assert [m.date for m in resolve_dates(said, DAY)] == [dt.date(2026, 11, 15)]


# --- the day the customer went to the shop, told when asked about the visit ----------------


def test_going_to_the_shop_told_in_answer_to_where_is_not_the_problem_day() -> None:
    text = _call(
        "고객: 로밍 요금이 너무 많이 나왔어요 출국 전에 대리점에서 패스를 신청했는데요",
        "상담원: 네 방문하신 매장이 어디셨어요",
        "고객: 강남역점이요 시월 이십팔 일에 갔어요",
        "상담원: 네 확인해 보니 시월 삼십 일부터 십일월 이 일까지 해외 데이터 종량 요금이 나왔습니다",
    )
    assert _occurred(text) == dt.date(2026, 10, 30)


# --- a bare 했는데 that repeats the call named just before is calling about it afterwards -----


def test_calls_said_again_with_a_bare_light_verb_are_the_aftermath() -> None:
    for calls in (
        "기사님한테 전화를 해도 안 받으세요 어제 세 번이나 했는데 문자도 답이 없고요",
        "기사님께 연락을 드려도 안 받으시네요 어제 두 번 했는데 안 받으셨어요",
    ):
        text = _call(
            "고객: 택배가 안 왔어요 그저께 배송 완료라고 떴는데 아무것도 없어요",
            "상담원: 네 확인해 보겠습니다",
            f"고객: {calls}",
        )
        assert _occurred(text) == dt.date(2026, 11, 16)


# --- "…부터는" is a later stage of a problem that began on the earlier day said ---------------


def test_a_later_stage_told_with_butoneun_keeps_the_first_day() -> None:
    text = _call(
        "고객: 냉장고가 이상해요",
        "상담원: 언제부터 그러셨어요",
        "고객: 그저께부터 좀 덜 시원하다 싶더니 어제부터는 아예 안 차가워요",
    )
    assert _occurred(text) == dt.date(2026, 11, 16)


def test_a_later_beginning_without_the_contrast_is_still_the_day_it_began() -> None:
    text = _call("고객: 시월 일 일부터 쓰고 있는데 어제부터 전원이 안 켜져요", "상담원: 네 점검 접수해 드릴게요")
    assert _occurred(text) == dt.date(2026, 11, 17)


# --- the complaint flag -----------------------------------------------------------------------


def _complaint(text: str) -> bool:
    return process_text(text, call_started_at=WEDNESDAY).note.complaint


def test_a_repeat_of_the_same_failure_and_an_unanswered_message_are_a_complaint() -> None:
    assert _complaint(_call(
        "고객: 주문한 책이 옆집으로 갔더라고요 저번 주에도 이런 적이 있었어요",
        "상담원: 네 확인해 보겠습니다",
    ))
    assert _complaint(_call(
        "고객: 배송 완료라고 나오는데 물건이 없어요 기사님께 카톡을 보냈는데 답장이 없네요",
        "상담원: 네 확인해 보겠습니다",
    ))


def test_trusting_what_staff_said_and_putting_them_on_record_are_a_complaint() -> None:
    assert _complaint(_call(
        "고객: 매장 직원이 위약금 없다고 해서 그 말 믿고 바꾼 건데 이제 와서 딴소리를 하시네요",
        "상담원: 네 확인해 보겠습니다",
    ))
    assert _complaint(_call(
        "고객: 요금제 변경을 부탁했는데 안 돼 있어요 그 상담원 얘기도 기록해 주세요",
        "상담원: 네 남겨 두겠습니다",
    ))


def test_saying_what_else_to_change_is_no_complaint() -> None:
    assert not _complaint(_call(
        "고객: 지난달에 이사를 했거든요 종이 명세서 말고 이메일로 바꿔 주세요",
        "상담원: 네 변경해 드렸습니다",
    ))
