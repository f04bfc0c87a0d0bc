"""Resolution, follow-ups and category rules by class of expression, from an unseen batch of
calls (257-280). Every example is invented (none is a dev or staging call); the rules are
tested alone, without the learned models that vote beside them."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import Owner
from pipeline.extract.classify import category_hits, classify_resolution
from pipeline.extract.context import CallContext, build_context
from pipeline.extract.followups import committed_steps
from pipeline.textinput import parse_text_transcript

KST = dt.timezone(dt.timedelta(hours=9))
TUESDAY = dt.datetime(2026, 10, 13, 10, 0, tzinfo=KST)


def _context(*agent_and_customer: str) -> CallContext:
    lines = ["상담원: 네 고객센터입니다", "고객: 문의가 있어서요"]
    for index, said in enumerate(agent_and_customer):
        lines.append(f"{'상담원' if index % 2 == 0 else '고객'}: {said}")
    return build_context(parse_text_transcript("\n".join(lines)), TUESDAY)


def _customer_first(*customer_and_agent: str) -> CallContext:
    lines = ["상담원: 네 고객센터입니다"]
    for index, said in enumerate(customer_and_agent):
        lines.append(f"{'고객' if index % 2 == 0 else '상담원'}: {said}")
    return build_context(parse_text_transcript("\n".join(lines)), TUESDAY)


def _resolution(context: CallContext) -> str:
    return str(classify_resolution(context).value)


def _category_scores(context: CallContext) -> dict[str, float]:
    scores: dict[str, float] = {}
    for _turn, cue, weight in category_hits(context):
        scores[cue.label] = scores.get(cue.label, 0.0) + cue.weight * weight
    return scores


# --- a refund put through in the call: only the card company's posting is left ---------------


@pytest.mark.parametrize(
    "put_through",
    [
        "네 방금 두 장 취소 완료했습니다 결제하신 카드로 환불되고요 카드사에 따라 삼에서 오 영업일 걸립니다",
        "네 결제하신 카드로 부분 취소 들어갑니다 지금 취소 처리했고요 카드사에서 반영되는 건 삼 영업일 걸립니다",
        "네 환불 처리 완료했습니다 카드사 반영까지는 영업일 기준 삼 일 정도 걸려요",
        "네 지금 바로 전액 취소 처리했어요 카드로 환불되는 건 사흘 정도 걸립니다",
    ],
)
def test_refund_put_through_in_the_call_is_resolved(put_through: str) -> None:
    context = _context(
        "네 확인됐습니다 수수료 없이 전액 환불 가능합니다",
        "네 그럼 취소해 주세요",
        put_through,
        "네 알겠습니다 감사합니다",
        "네 감사합니다 좋은 하루 보내세요",
    )
    assert _resolution(context) == "resolved"


@pytest.mark.parametrize(
    "only_taken_in",
    [
        "네 환불 접수 완료됐고요 카드사 취소까지 영업일 기준 칠 일 정도 걸리세요",
        "네 해지 접수했고요 환불은 결제하신 카드로 삼 영업일 안에 취소 처리됩니다",
        "저희 쪽 취소는 오늘 처리되고요 카드사에 반영되는 데 삼에서 오 영업일 걸립니다",
        "네 그럼 부분 환불로 진행하겠습니다 결제하신 카드로 부분 취소되고요 삼 영업일 정도 걸립니다",
        # Paid into an account: a transfer still to be made, not the card company's posting.
        "네 환불 처리 완료했습니다 등록하신 계좌로 입금까지는 이틀 정도 걸려요",
    ],
)
def test_refund_only_taken_in_or_still_to_do_stays_pending(only_taken_in: str) -> None:
    context = _context(
        "네 확인됐습니다 환불 가능합니다",
        "네 그럼 환불해 주세요",
        only_taken_in,
        "네 알겠습니다 감사합니다",
        "네 감사합니다 좋은 하루 보내세요",
    )
    assert _resolution(context) == "pending"


# --- a photo or paper sent while still on the phone ----------------------------------------


@pytest.mark.parametrize(
    ("ask", "sent"),
    [
        ("혹시 사진 찍어 두신 게 있으면 문자로 보내 주시겠어요 지금 이 번호로요", "아 잠깐만요 지금 보낼게요 어 보냈어요"),
        ("영수증 사진을 이 번호로 보내 주시겠어요", "네 방금 보냈어요"),
        ("사진 한 장만 지금 문자로 보내 주세요", "네 보냈습니다 확인해 보세요"),
    ],
)
def test_send_done_in_the_call_is_no_step(ask: str, sent: str) -> None:
    context = _context(ask, sent, "네 받았습니다 확인됐습니다", "네 감사합니다")
    assert not [s for s in committed_steps(context) if s.owner is Owner.CUSTOMER]
    assert _resolution(context) == "resolved"


@pytest.mark.parametrize(
    "later",
    ["네 집에 가서 저녁에 보낼게요", "사진은 내일 보내 드릴게요", "네 찾아보고 보낼게요"],
)
def test_send_promised_for_later_stays_a_step(later: str) -> None:
    context = _context("사진을 이 번호로 문자로 보내 주시겠어요", later, "네 받으면 확인해 드리겠습니다")
    assert [s for s in committed_steps(context) if s.owner is Owner.CUSTOMER]
    assert _resolution(context) == "pending"


@pytest.mark.parametrize(
    "only_if",
    [
        "명란은 드셔도 되는데 조금이라도 이상하면 사진 보내 주세요",
        "혹시 냄새가 이상하면 사진 보내 주세요",
    ],
)
def test_send_only_if_something_goes_wrong_is_not_pending(only_if: str) -> None:
    context = _context(
        "네 환불 처리 완료했습니다 카드사 반영까지는 삼 일 정도 걸려요",
        "네 알겠습니다",
        only_if,
        "네 감사합니다",
    )
    assert _resolution(context) == "resolved"


# --- category: a paper asked to be issued; the mail just sent in the call -------------------


@pytest.mark.parametrize(
    "asks_paper",
    [
        "그 광견병 주사 맞은 증명서 같은 거 받을 수 있을까 해서요",
        "가스 사용 확인서를 받아야 되는데요",
        "진료기록 사본 발급받으려고요",
        "재직 증명서 좀 떼려고 하는데요",
    ],
)
def test_paper_to_be_issued_is_other(asks_paper: str) -> None:
    context = _customer_first(asks_paper, "네 가능합니다 성함 말씀해 주세요", "네 감사합니다")
    scores = _category_scores(context)
    assert max(scores, key=scores.__getitem__) == "other"


def test_paper_only_mentioned_is_no_cue() -> None:
    context = _customer_first("택배가 아직 안 와서요 증명서가 들어 있는 거라서요", "네 확인해 보겠습니다")
    scores = _category_scores(context)
    assert max(scores, key=scores.__getitem__) == "delivery"


@pytest.mark.parametrize(
    "checks",
    ["잠깐만요 어 아직 안 왔는데 아 왔다", "아직 안 왔어요 아 이제 왔네요", "아직 메일이 안 오네요"],
)
def test_checking_mail_just_sent_is_no_delivery(checks: str) -> None:
    context = _customer_first(
        "증명서 같은 거 받을 수 있을까 해서요",
        "네 지금 이메일로 보냈습니다 한번 확인해 보시겠어요",
        checks,
        "네 확인되시면 됩니다",
    )
    assert "delivery" not in _category_scores(context)


def test_parcel_not_come_after_agent_explains_is_delivery() -> None:
    context = _customer_first(
        "주문한 게 아직 안 와서요",
        "네 주문 조회해 보니 어제 출고됐습니다",
        "근데 아직 안 왔어요",
        "네 확인해 보겠습니다",
    )
    assert "delivery" in _category_scores(context)
