"""Names from self-introductions and greetings."""

from __future__ import annotations

import pytest

from pipeline.normalize.names import find_agent_name, find_customer_name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("김철수고요", "김철수"),
        ("이수진이요", "이수진"),
        ("성함은 박영희입니다", "박영희"),
        ("제 이름은 최유나예요", "최유나"),
        ("남궁민이에요", "남궁민"),
        ("황보민이에요", "황보민"),
        ("저는 선우진입니다", "선우진"),
        ("김 철 수", "김철수"),
        ("네, 김철수", "김철수"),
        ("김민지요", "김민지"),
        ("네 정다은이고요", "정다은"),
        ("제갈현우입니다", "제갈현우"),
        ("명의자는 오세훈이에요", "오세훈"),
    ],
)
def test_find_customer_name(text: str, name: str) -> None:
    mention = find_customer_name(text)
    assert mention is not None and mention.value == name
    assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    "text",
    [
        "고객님",
        "네 감사합니다",
        "정상입니다",
        "상담원입니다",
        "네 맞아요",
        "이번 주요",
        "오늘요",
        "이거요",
        "주문한 상품이 아직 안 왔어요",
        "확인 부탁드려요",
        "네 고마워요",
        "네 강아지요",
        "네 이상해요",
        "저는 문자도 메일도 못 받았어요",
        "",
    ],
)
def test_no_customer_name_in_ordinary_answers(text: str) -> None:
    assert find_customer_name(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("안녕하세요 OO고객센터 상담원 김민지입니다", "김민지"),
        ("네 XX텔레콤 이준호입니다 무엇을 도와드릴까요", "이준호"),
        ("상담사 윤서연입니다", "윤서연"),
        ("안녕하십니까 한국전력 박지훈입니다", "박지훈"),
        ("감사합니다 배송팀 매니저 강하늘입니다", "강하늘"),
        ("네 다온전자입니다 상담사 구민서가 받았습니다", "구민서"),
        ("네 한솔보험입니다 담당자 석지원이 도와드리겠습니다", "석지원"),
    ],
)
def test_find_agent_name(text: str, name: str) -> None:
    mention = find_agent_name(text)
    assert mention is not None and mention.value == name


@pytest.mark.parametrize(
    "text",
    [
        "네 감사합니다",
        "고객님 정상입니다 감사합니다",
        "안녕하세요 상담원입니다",
        "고객님 이상입니다",
        "주문 확인되었습니다",
        "상담원 이번이 마지막 안내입니다",
    ],
)
def test_no_agent_name_in_ordinary_greetings(text: str) -> None:
    assert find_agent_name(text) is None
