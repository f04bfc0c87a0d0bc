"""Classes the flagger learned from the 2026-12-03 probe (p352–p474, written before the rules by
someone who had not read them), checked on other sentences of the same classes: each is flagged
with its kind over the judging words only, and the hard negative next to each class is left
alone."""

from __future__ import annotations

import pytest

from models.note import FlagKind
from pipeline.flagging import flag_text

S, V = FlagKind.SUBJECTIVE, FlagKind.VAGUE

FLAGGED = [
    # feelings read through 기색 / 눈치 / 듯, whatever the feeling word
    ("고객이 초조한 기색이 역력함", S, "고객이 초조한 기색이 역력함"),
    ("고객이 불쾌한 기색을 보임", S, "고객이 불쾌한 기색을 보임"),
    ("고객이 많이 놀라신 듯함", S, "고객이 많이 놀라신 듯함"),
    ("고객이 마음이 급하신 듯", S, "고객이 마음이 급하신 듯"),
    ("고객이 심기가 불편하신 듯함", S, "고객이 심기가 불편하신 듯함"),
    ("고객이 불만이 가득한 목소리로 항의함", S, "고객이 불만이 가득한"),
    # the person filed under a type, or as a burden to serve
    ("상대하기 힘든 고객이었음", S, "상대하기 힘든 고객이었음"),
    ("고객이 자존심이 센 분", S, "고객이 자존심이 센"),
    ("고객이 하소연을 늘어놓음", S, "고객이 하소연을 늘어놓음"),
    # conduct nouns with 부리다 / 피우다, tones named instead of quoted
    ("고객이 늑장을 부려 서류 제출이 늦어짐", S, "고객이 늑장을 부려"),
    ("고객이 소란을 피움", S, "고객이 소란을 피움"),
    ("고객이 협박조로 말함", S, "고객이 협박조로 말함"),
    # pretence and credibility
    ("고객이 모르는 척함", S, "고객이 모르는 척함"),
    ("고객 진술의 진정성이 의심됨", S, "진정성이 의심됨"),
    # faculties and skills rated by the writer
    ("기억력이 떨어지셔서 같은 질문을 반복하심", S, "기억력이 떨어지셔서"),
    ("고객이 스마트폰 사용이 서투심", S, "고객이 스마트폰 사용이 서투심"),
    # intentions read into the call
    ("고객이 따지자는 듯 말함", S, "고객이 따지자는 듯"),
    ("고객이 가르치려 듦", S, "고객이 가르치려 듦"),
    ("Customer sounded disgruntled.", S, "disgruntled."),
    # any state hedged with 듯 when the customer is its subject; tempers rising and settling
    ("고객이 바쁘신 듯 대충 들으심", S, "고객이 바쁘신 듯"),
    ("고객이 화를 주체하지 못함", S, "고객이 화를 주체하지"),
    ("고객이 화가 풀리심", S, "고객이 화가 풀리심"),
    ("고객이 감사해하심", S, "고객이 감사해하심"),
    # praise and oddity are verdicts on the person too; blame-shifting; verdicts on demands
    ("고객이 상냥하신 분", S, "고객이 상냥하신 분"),
    ("고객이 상담원 탓을 함", S, "고객이 상담원 탓을 함"),
    ("고객이 과도한 보상을 요구함", S, "고객이 과도한 보상을 요구함"),
    ("고객이 말도 안 되는 요구를 함", S, "고객이 말도 안 되는 요구를 함"),
    ("고객이 보상을 받아내려고 함", S, "받아내려고 함"),
    ("고객이 장난 전화를 한 것 같음", S, "고객이 장난 전화를 한 것 같음"),
    ("Customer lost his temper.", S, "lost his temper."),
    # vague: promises, waiting, reporting up, unnamed desks
    ("요금 조정 건 처리하도록 하겠음", V, "처리하도록 하겠음"),
    ("경과 지켜보기로 함", V, "지켜보기로"),
    ("상급자에게 보고", V, "상급자에게 보고"),
    ("담당 부서로 넘김", V, "부서로 넘김"),
    ("진행 상황 체크 필요", V, "체크 필요"),
    ("고객에게 통보함", V, "통보함"),
    ("Waiting on the vendor.", V, "Waiting on the vendor."),
    ("Case closed.", V, "Case closed."),
    ("Sent to the back office.", V, "Sent to the back office."),
]

HARD_NEGATIVES = [
    # -다며 reports someone's words, whatever verb follows
    "고객이 딸이 놀란다며 알림 소리 변경을 요청함",
    "고객이 아버지가 놀라셨다며 해지를 요청함",
    "고객이 매장 직원이 모르는 척했다고 민원을 제기함",
    # the same words about a document, a number or a plan
    "보상 목적의 서류 제출 기한이 12월 20일임을 안내함",
    "고객 명의를 배우자에게 넘기는 절차를 안내함",
    "요금제를 5G 요금제로 전환 완료함",
    "고객이 원하는 스타일의 케이스 재고를 확인해 12월 5일 입고 예정임을 안내함",
    # what was told is written out in the clause before the telling verb
    "자동이체 변경은 12월 10일 출금분부터 반영됨을 안내함",
    # a thing hedged with 듯, a thing blamed, a praise reported with 다고
    "세탁기 소음이 심한 듯하다는 문의에 12월 5일 기사 방문 예약함",
    "고객이 요금 인상 탓을 하며 해지를 요청함",
    "고객이 기사님이 친절한 분이었다고 칭찬함",
    "과도한 데이터 사용으로 속도 제한이 걸렸음을 안내함",
    "고객이 장난 전화가 계속 온다며 번호 차단을 요청함",
    # a named owner and a date
    "고객이 요청한 내용을 김민수 팀장에게 보고하고 12월 4일까지 회신하기로 함",
    "Ticket 6120 is under review by the fraud team.",
    "Escalated to the billing team (ticket B-7781); callback by Dec 9.",
    "The heated blanket stopped working after two days; replacement sent Dec 4.",
]


@pytest.mark.parametrize(("text", "kind", "span"), FLAGGED)
def test_unseen_class_is_flagged_over_its_words(text: str, kind: FlagKind, span: str) -> None:
    flags = flag_text(text)
    assert [(f.kind, f.text) for f in flags] == [(kind, span)]
    (flag,) = flags
    assert text[flag.start : flag.end] == span


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_unseen_class_hard_negative_stays_clean(text: str) -> None:
    assert flag_text(text) == []
