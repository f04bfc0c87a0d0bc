"""Resolution, complaint and category rules by class of expression, from the unseen batches
281-304. Every example is invented (none is a dev call); the rules are tested alone, without the
learned models that vote beside them."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.classify import category_hits, classify_resolution, detect_complaint
from pipeline.extract.context import CallContext, build_context
from pipeline.textinput import parse_text_transcript

KST = dt.timezone(dt.timedelta(hours=9))
WEDNESDAY = dt.datetime(2026, 10, 14, 10, 0, tzinfo=KST)


def _call(*customer_and_agent: str) -> CallContext:
    lines = ["상담원: 네 고객센터입니다"]
    for index, said in enumerate(customer_and_agent):
        lines.append(f"{'고객' if index % 2 == 0 else '상담원'}: {said}")
    return build_context(parse_text_transcript("\n".join(lines)), WEDNESDAY)


def _resolution(context: CallContext) -> str:
    return str(classify_resolution(context).value)


def _top_category(context: CallContext) -> str:
    scores: dict[str, float] = {}
    for _turn, cue, weight in category_hits(context):
        scores[cue.label] = scores.get(cue.label, 0.0) + cue.weight * weight
    return max(scores, key=scores.__getitem__)


# --- someone above the agent decides: escalated ----------------------------------------------


@pytest.mark.parametrize(
    "handed_on",
    [
        "감면은 제가 정할 수가 없고요 관리소장님 결재가 있어야 돼서요 결과는 금요일까지 전화드리겠습니다",
        "그 부분은 센터장님 승인을 받아야 해서요 내일까지 연락드리겠습니다",
        "환급 여부는 지점장이 판단하게 돼 있어서요 결과 나오면 문자 드리겠습니다",
    ],
)
def test_a_superior_who_decides_escalates(handed_on: str) -> None:
    context = _call(
        "주차비가 두 번 나왔어요 차는 지난달에 팔았거든요",
        "네 확인해 보니 이번 달 주차비가 청구돼 있네요",
        "그거 빼 주셔야죠",
        handed_on,
        "네 기다릴게요",
    )
    assert _resolution(context) == "escalated"


# --- equipment sent for upkeep is no hand-over of the case -----------------------------------


def test_the_companys_device_sent_for_upkeep_does_not_escalate() -> None:
    context = _call(
        "자전거 반납을 했는데 요금이 계속 올라가요",
        "네 확인해 보니 잠금 신호가 안 들어갔네요 초과 요금은 지금 전액 취소 완료했습니다",
        "아 네 감사합니다",
        "그리고 그 자전거는 잠금장치 점검하도록 정비팀에 넘겼습니다",
        "네 수고하세요",
    )
    assert _resolution(context) == "resolved"


# --- a text the agent sends while still on the phone is no step left -------------------------


def test_a_text_sent_in_the_call_leaves_nothing_pending() -> None:
    context = _call(
        "진료 예약을 좀 당길 수 있을까 해서요",
        "네 내일 오전 열 시에 자리가 있어서 그리로 옮겨 드렸습니다 바뀐 예약 문자 보내 드릴게요",
        "네 고맙습니다",
        "지금 문자 보내 드렸고요 내일 오전 열 시입니다",
        "네 왔어요",
    )
    assert _resolution(context) == "resolved"


# --- an exchange still waits on the wrong item being collected -------------------------------


def test_an_exchange_with_a_pickup_is_pending_despite_routine_shipping() -> None:
    context = _call(
        "크기가 다른 게 왔어요 큰 걸로 바꿔 주세요",
        "네 새 제품은 내일 출고되고요 기사님이 그 자리에서 잘못 간 제품을 회수해 가십니다",
        "네 알겠어요",
        "교환 접수 완료됐습니다",
        "네 감사합니다",
    )
    assert _resolution(context) == "pending"


# --- complaint: the negation must be the verb's own -------------------------------------------


def test_a_technician_coming_again_is_no_no_show() -> None:
    context = _call(
        "냉장고가 또 고장 났어요 이번엔 그냥 새 걸로 바꿔 주세요",
        "교환하려면 기사님이 한 번 더 방문해서 확인해야 합니다",
        "또 기사님이 온다고요 그냥 바꿔 주면 안 돼요",
        "네 확인 절차라서요 죄송합니다",
    )
    assert detect_complaint(context).value is False


@pytest.mark.parametrize(
    "said",
    [
        "어제 기사님이 오기로 했는데 안 오셨어요",
        "기사님이 오시기로 했는데 끝내 오지 않았어요",
        "지점에서 전화 준다고 하고 안 줬어요",
        "이 손해는 누가 책임져요",
        "벌써 세 번이나 전화했는데 매번 같은 얘기예요",
    ],
)
def test_grievances_about_the_service_are_complaints(said: str) -> None:
    context = _call(said, "네 죄송합니다 확인해 보겠습니다")
    assert detect_complaint(context).value is True


# --- category: the holder's name changed is the account ---------------------------------------


def test_changing_whose_name_the_supply_is_in_is_account() -> None:
    context = _call(
        "이사를 와서 수도 명의를 제 이름으로 바꾸려고요",
        "네 명의 변경 도와드리겠습니다 요금은 이사 오신 날부터 고객님 명의로 청구됩니다",
        "자동이체도 되나요",
        "네 앱에서 자동이체 신청하시면 됩니다",
    )
    assert _top_category(context) == "account"
