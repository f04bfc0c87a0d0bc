"""Category, complaint and resolution of the 상담일지 draft as the agent sees them, one test per
class of expression. Every call here is written for the test, none is taken from the dev set."""

from __future__ import annotations

import datetime as dt

import pytest

from models.note import ConsultationNote
from pipeline.process import process_text

FRIDAY = dt.datetime(2026, 11, 20, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))


def _note(text: str) -> ConsultationNote:
    return process_text(text, call_started_at=FRIDAY).note


def _opening(customer: str, agent: str = "네 확인해 보겠습니다") -> ConsultationNote:
    return _note(f"상담원: 네 고객센터입니다 무엇을 도와드릴까요\n고객: {customer}\n상담원: {agent}\n")


@pytest.mark.parametrize(
    ("opening", "category"),
    [
        # What the customer asks for names the call; what they tell around it is background.
        ("지난주에 항공권 취소했는데 수수료 빠진 거 돌려받을 수 있나 해서요", "refund_return"),
        ("콘서트 예매 취소한 건데요 위약금 낸 거 돌려받고 싶어서요", "refund_return"),
        ("헬스장 회원권 해지했는데 남은 금액은 돌려주셔야죠", "refund_return"),
        # Cancelling asked for in the call: the money back follows from it.
        ("연간 이용권 해지하고 남은 기간은 환불받으려고요", "cancellation"),
        ("인터넷 해지하려고요 남은 할인 반환금은 환불되는 거죠", "cancellation"),
    ],
)
def test_the_customer_s_request_outweighs_the_background(opening: str, category: str) -> None:
    assert _opening(opening).category == category


@pytest.mark.parametrize(
    ("opening", "category"),
    [
        # Asking to buy, book or send is an order; the same words told in the past are not.
        ("택배 하나 보내려고요 집으로 가지러 와 주세요", "order"),
        ("다음 달 부산 가는 기차표 예약하려고 하는데요", "order"),
        ("프린터 토너를 좀 사려고요 어디서 사요", "order"),
        ("사무실 의자 열 개 주문하고 싶어서요", "order"),
        ("월요일에 택배로 보냈는데 아직 안 왔대요", "delivery"),
    ],
)
def test_a_booking_or_a_purchase_asked_for_is_an_order(opening: str, category: str) -> None:
    assert _opening(opening).category == category


@pytest.mark.parametrize(
    ("opening", "category"),
    [
        # Wanting to know about a product, a plan or what is covered, no problem named.
        ("제가 실비보험이 있는데 한방 치료도 보장이 되는지 궁금해서요", "product_inquiry"),
        ("새로 나온 무선 청소기 좀 여쭤보려고요", "product_inquiry"),
        ("아이 영어 화상 수업 좀 알아보려고 하는데요", "product_inquiry"),
        ("노트북 사려고 하는데 사양 관련해서 좀 물어보려고요", "product_inquiry"),
        # Asking about something else is about that thing.
        ("예약 취소 좀 물어보려고요", "cancellation"),
        ("이번 달 요금이 너무 많이 나와서 좀 여쭤보려고요", "billing"),
        # Asked before the call is no inquiry now.
        ("구독료가 두 번 빠져서요 앱에 문의를 남겼는데 답이 없어요", "billing"),
    ],
)
def test_an_inquiry_with_no_problem_is_a_product_inquiry(opening: str, category: str) -> None:
    assert _opening(opening).category == category


@pytest.mark.parametrize(
    ("opening", "category"),
    [
        # What does not arrive decides: a message or a code is a technical failure.
        ("인증번호 문자가 안 와요 몇 번을 눌러도요", "technical_issue"),
        ("어제부터 알림톡이 하나도 안 와요", "technical_issue"),
        ("가입 확인 메일이 안 와서요", "technical_issue"),
        ("지난주에 주문한 책이 아직 안 왔어요", "delivery"),
        # Nobody came: the visit, not a parcel.
        ("오전에 온다더니 아무도 안 오고 연락도 없어요", "complaint"),
    ],
)
def test_the_subject_of_not_arriving_decides(opening: str, category: str) -> None:
    assert _opening(opening).category == category


@pytest.mark.parametrize(
    ("opening", "category"),
    [
        # Moving a visit or an appointment to another day.
        ("정수기 점검 날짜 좀 바꾸려고요", "other"),
        ("다음 주 상담 일정을 옮기고 싶어서요", "other"),
        ("보일러 설치 방문일을 미루려고 전화했어요", "other"),
        # A delivery moved is still about the delivery.
        ("내일 냉장고 배송 오기로 했는데 날짜를 좀 바꾸려고요", "delivery"),
    ],
)
def test_a_rescheduled_appointment_is_other(opening: str, category: str) -> None:
    assert _opening(opening).category == category


@pytest.mark.parametrize(
    ("opening", "category"),
    [
        # Fees by name and late fees are charges.
        ("반납이 늦었다고 지연 요금이 나와서 전화했어요", "billing"),
        ("위약금이 생각보다 너무 많이 나왔어요", "billing"),
        ("이용료가 두 번 빠져나갔어요", "billing"),
        ("이번 달 보험료가 갑자기 올라서요 이유를 알고 싶어요", "billing"),
        ("연체료가 붙어서 나왔는데 저는 제때 냈거든요", "billing"),
        # The account a bill is paid from.
        ("관리비 빠져나가는 계좌를 바꾸려고요", "billing"),
        # An insurance claim is the customer's claim, not a bill.
        ("실비 청구하려고 하는데 서류가 뭐가 필요한지 몰라서요", "other"),
        # Money sent to the wrong account.
        ("제가 돈을 다른 사람 계좌로 잘못 보냈어요", "other"),
        ("착오송금 반환 신청하려고 전화했어요", "other"),
    ],
)
def test_money_words_by_what_they_are(opening: str, category: str) -> None:
    assert _opening(opening).category == category


@pytest.mark.parametrize(
    ("opening", "category"),
    [
        # Asking the company to swap the product.
        ("사이즈가 안 맞아서요 한 치수 큰 걸로 바꿔 주세요", "exchange"),
        ("받은 머그컵이 깨져 있어서 새 걸로 바꿔 주시면 돼요", "exchange"),
        # What would happen if is not what is asked for.
        ("환불하면 포인트도 돌아오는 거죠 아 그냥 다른 색으로 바꿔 주세요", "exchange"),
        # Changing the customer's own things is no exchange.
        ("유심을 바꿨는데 데이터가 안 돼요 전화는 되는데 인터넷이 끊겨요", "technical_issue"),
    ],
)
def test_an_exchange_is_a_product_swapped_for_the_customer(opening: str, category: str) -> None:
    assert _opening(opening).category == category


@pytest.mark.parametrize(
    "opening",
    [
        "담당 설계사 때문에 전화했어요 설명을 하나도 안 해 줬어요",
        "수영장 강사 때문에 본사에 얘기 좀 하려고요",
        "배달원 때문에 전화드렸어요 음식을 던지고 갔어요",
    ],
)
def test_a_call_about_a_person_is_a_complaint(opening: str) -> None:
    assert _opening(opening).category == "complaint"


@pytest.mark.parametrize(
    ("opening", "category"),
    [
        # Kiwi splits a bare 해지 into 해 + 지; the word as said still counts.
        ("네 저 해지 좀 하려고 전화했는데요", "cancellation"),
        # 꺼져서요 is read 끄다 + 지다: the device goes off by itself.
        ("공유기가 자꾸 꺼져서요", "technical_issue"),
        ("노트북이 작업하다가 갑자기 꺼져요", "technical_issue"),
    ],
)
def test_words_as_kiwi_reads_them(opening: str, category: str) -> None:
    assert _opening(opening).category == category


def _complaint(customer: str) -> bool:
    call = (
        "상담원: 네 고객센터입니다 무엇을 도와드릴까요\n"
        f"고객: {customer}\n"
        "상담원: 네 확인해 보겠습니다\n"
        "고객: 네 알겠습니다\n"
    )
    return _note(call).complaint


@pytest.mark.parametrize(
    "said",
    [
        "제가 서류를 미리 냈어야 되는 건가요",
        "인증번호가 안 와서요 다시 보내 주실 수 있어요",
        "세탁기 문이 안 열려요 어떻게 해야 돼요",
    ],
)
def test_questions_and_defects_are_no_complaint(said: str) -> None:
    assert _complaint(said) is False


def _resolution(*turns: str) -> str:
    lines = ["상담원: 네 고객센터입니다 무엇을 도와드릴까요"]
    lines += [("고객: " if i % 2 == 0 else "상담원: ") + t for i, t in enumerate(turns)]
    return _note("\n".join(lines) + "\n").resolution.value


@pytest.mark.parametrize(
    "declined",
    ["아니요 괜찮아요 그냥 생각해 볼게요", "아니 민원은 됐고요 좀 더 생각해 볼게요", "그건 필요 없어요 가족이랑 상의해 볼게요"],
)
def test_an_offer_turned_down_is_no_escalation(declined: str) -> None:
    assert _resolution(
        "보험료가 갑자기 두 배가 됐는데 설명을 하나도 못 들었어요",
        "네 원하시면 판매 설명 관련해서 민원으로 접수해 드릴 수 있습니다",
        declined,
        "네 알겠습니다",
    ) == "unresolved"


@pytest.mark.parametrize(
    "elsewhere",
    ["됐어요 소비자원에 한번 물어볼게요", "이건 금감원에 민원 넣을 거예요", "변호사한테 먼저 알아볼게요"],
)
def test_a_customer_taking_the_dispute_elsewhere_is_unresolved(elsewhere: str) -> None:
    assert _resolution(
        "반납이 조금 늦었다고 위약금을 십만 원이나 받는 게 말이 돼요",
        "죄송하지만 약관상 위약금은 취소해 드리기 어렵습니다",
        elsewhere,
        "네 알겠습니다",
    ) == "unresolved"


@pytest.mark.parametrize(
    "agent",
    [
        # What the customer did, in the agent's words, is no change made in the call.
        "고객님이 지난달에 해지 신청하셨는데 아직 약정이 남아 있으세요",
        "가입하실 때 자동이체로 등록하셨는데 그 계좌가 해지된 상태예요",
        # Asking whether it happened is no change made either.
        "혹시 변경 완료 문자는 받으셨을까요",
    ],
)
def test_the_customer_s_own_past_is_no_change_done_in_the_call(agent: str) -> None:
    assert _resolution(
        "요금이 왜 이렇게 나왔는지 궁금해서요",
        agent,
        "음 그럼 좀 생각해 보고 다시 전화할게요",
        "네 알겠습니다",
    ) == "unresolved"


@pytest.mark.parametrize(
    "agent",
    [
        # A review asked of someone who decides.
        "네 판매자에게 교환 검토 요청 접수 완료했습니다 결과는 문자로 갑니다",
        "택배사에 분실 조사 요청을 바로 넣어 드릴게요",
        "수수료 면제 심사 요청으로 등록했습니다",
        # Someone else decides.
        "보상 여부는 사고처리팀에서 심사하고 연락드립니다",
    ],
)
def test_a_review_asked_of_others_is_escalated(agent: str) -> None:
    assert _resolution("산 지 일주일 만에 고장 났어요 새 걸로 받고 싶어요", agent, "네 알겠습니다") == "escalated"


@pytest.mark.parametrize(
    ("asked", "booked"),
    [
        ("택배 하나 보내려고요 집으로 가지러 와 주세요", "네 내일 오전에 기사님 방문 수거로 접수됐습니다"),
        ("정수기 점검 날짜 좀 바꾸려고요", "네 다음 주 화요일 오후로 변경했습니다 기사님이 방문 전에 연락드립니다"),
        ("에어컨 설치 예약하려고요", "네 11월 25일 오후 두 시 방문으로 예약됐습니다"),
    ],
)
def test_a_booking_asked_for_and_made_is_resolved(asked: str, booked: str) -> None:
    assert _resolution(asked, booked, "네 감사합니다") == "resolved"


def test_a_visit_to_fix_a_problem_is_still_pending() -> None:
    assert _resolution(
        "세탁기가 탈수할 때 소리가 너무 커요",
        "네 기사님 방문 점검으로 접수했습니다 11월 25일 오전에 방문하십니다",
        "네 감사합니다",
    ) == "pending"


@pytest.mark.parametrize(
    "along",
    [
        "그리고 말씀하신 불친절 건은 담당 부서에 민원으로 같이 올려 두겠습니다",
        "기사님 관련 의견도 본사에 함께 접수해 두겠습니다",
        "말씀하신 부분은 고객보호팀에 같이 넘기겠습니다",
    ],
)
def test_a_remark_sent_along_leaves_the_case_pending(along: str) -> None:
    assert _resolution(
        "수도 요금이 평소의 세 배가 나왔어요 검침이 잘못된 것 같아요",
        "네 검침원이 11월 24일에 다시 검침하고 그날 오후에 결과를 문자로 보내 드리겠습니다",
        "네 그리고 지난번 검침원이 너무 불친절했어요",
        along,
        "네 그렇게 해 주세요",
    ) == "pending"


def test_a_request_sent_along_for_a_decision_is_escalated() -> None:
    assert _resolution(
        "기사님이 안 와서 하루를 버렸어요 보상해 주세요",
        "네 보상 요청도 품질관리팀에 같이 올려 드리겠습니다",
        "네 알겠습니다",
    ) == "escalated"
