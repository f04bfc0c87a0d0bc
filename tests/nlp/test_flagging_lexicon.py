"""Phrasing the flagger learned after the first labelled sentences: English notes, judgments
said with a prefix (불친절), placeholders that only name a topic (…관련 안내)."""

from __future__ import annotations

import pytest

from models.note import FlagKind
from pipeline.flagging import flag_text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Customer was very rude.", FlagKind.SUBJECTIVE),
        ("Difficult customer, kept complaining about everything.", FlagKind.SUBJECTIVE),
        ("The caller seemed to be lying about the delivery date.", FlagKind.SUBJECTIVE),
        ("Will follow up later.", FlagKind.VAGUE),
        ("Need to check.", FlagKind.VAGUE),
        ("Issue with the account.", FlagKind.VAGUE),
        ("Pending review.", FlagKind.VAGUE),
        ("고객이 불친절하게 대답했다", FlagKind.SUBJECTIVE),
        ("고객이 터무니없는 보상을 요구함", FlagKind.SUBJECTIVE),
        ("고객이 횡설수설함", FlagKind.SUBJECTIVE),
        ("상식적이지 않은 요구를 계속하심", FlagKind.SUBJECTIVE),
        ("관련 부서에 전달함", FlagKind.VAGUE),
        ("서류 관련 안내함", FlagKind.VAGUE),
        ("보상 여부는 추후 결정", FlagKind.VAGUE),
        ("추가 확인 후 처리하겠음", FlagKind.VAGUE),
        ("문제 해결 안 됨", FlagKind.VAGUE),
        ("지속 모니터링 필요", FlagKind.VAGUE),
        ("기타 문의 응대", FlagKind.VAGUE),
    ],
)
def test_flagged(text: str, kind: FlagKind) -> None:
    assert kind in {f.kind for f in flag_text(text)}


@pytest.mark.parametrize(
    "text",
    [
        "본인 확인에 필요한 서류(신분증 사본)를 문자 링크로 발송함",
        "고객이 지점 직원의 응대가 불친절했다고 민원을 제기함",
        "고객이 챗봇 답변 문구가 무례하다며 수정을 요청함",
        "배송팀에 재배송 요청을 전달함",
        "11월 21일까지 상담원이 출고 일정 전화 안내 예정.",
        "Refund of 35,000 won approved on 11/21.",
        "Customer asked us to check the order ON-58213.",
        "Will call the customer back by Nov 21 with the shipping date.",
        "Will call back tomorrow at 3pm.",
    ],
)
def test_not_flagged(text: str) -> None:
    assert flag_text(text) == []
