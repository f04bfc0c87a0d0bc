"""Plain-text transcripts imported from other systems."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from callnotes.errors import InvalidTranscriptError
from models.transcript import Role
from pipeline.textinput import parse_text_transcript


def test_korean_labels_give_roles_and_ids() -> None:
    transcript = parse_text_transcript("상담원: 네 고객센터입니다\n고객: 배송이 안 와서요\n")
    assert [(u.id, u.role, u.text) for u in transcript.utterances] == [
        ("u0001", Role.AGENT, "네 고객센터입니다"),
        ("u0002", Role.CUSTOMER, "배송이 안 와서요"),
    ]
    assert transcript.source == "text"
    assert transcript.roles.method == "text_labels"
    assert all(u.start is None for u in transcript.utterances)


@pytest.mark.parametrize(
    ("agent", "customer"),
    [
        ("상담원", "고객"),
        ("agent", "customer"),
        ("Agent", "Customer"),
        ("A", "C"),
        ("a", "c"),
        ("상담사", "고객님"),
        ("[상담원]", "[고객]"),
    ],
)
def test_every_label_style(agent: str, customer: str) -> None:
    sep = "" if agent.startswith("[") else ":"
    text = f"{agent}{sep} 안녕하세요\n{customer}{sep} 환불해 주세요"
    roles = [u.role for u in parse_text_transcript(text).utterances]
    assert roles == [Role.AGENT, Role.CUSTOMER]


def test_full_width_colon_and_bom() -> None:
    transcript = parse_text_transcript("\ufeff상담원： 네\n고객： 네")
    assert [u.role for u in transcript.utterances] == [Role.AGENT, Role.CUSTOMER]


def test_unlabelled_lines_continue_the_turn() -> None:
    transcript = parse_text_transcript("고객: 주문한 노트북이\n아직 안 왔어요\n\n상담원: 확인해 보겠습니다")
    assert transcript.utterances[0].text == "주문한 노트북이 아직 안 왔어요"
    assert len(transcript.utterances) == 2


def test_timestamps_become_start_times() -> None:
    transcript = parse_text_transcript("[00:05] 상담원: 네\n[01:02] 고객: 환불이요")
    assert [u.start for u in transcript.utterances] == [5.0, 62.0]
    assert transcript.utterances[0].end == 62.0


def test_one_party_only_warns() -> None:
    transcript = parse_text_transcript("고객: 여보세요")
    assert transcript.warnings


@pytest.mark.parametrize("text", ["", "   \n", "hello world", "안녕하세요 반갑습니다"])
def test_no_turns_is_an_invalid_transcript(text: str) -> None:
    with pytest.raises(InvalidTranscriptError):
        parse_text_transcript(text)


@given(st.text(max_size=300))
@settings(max_examples=100, deadline=None)
def test_any_text_parses_or_raises_the_callnotes_error(text: str) -> None:
    try:
        transcript = parse_text_transcript(text)
    except InvalidTranscriptError:
        return
    assert transcript.utterances and all(u.text for u in transcript.utterances)


def test_exported_labels_with_names_and_times() -> None:
    transcript = parse_text_transcript(
        "(00:05) 상담원(김민지): 네 고객센터입니다\n00:09 고객 (김철수): 배송 문의요\n상담원 1: 네"
    )
    assert [(u.role, u.start, u.text) for u in transcript.utterances] == [
        (Role.AGENT, 5.0, "네 고객센터입니다"),
        (Role.CUSTOMER, 9.0, "배송 문의요"),
        (Role.AGENT, None, "네"),
    ]


def test_shop_and_public_office_labels_are_roles() -> None:
    transcript = parse_text_transcript("상담사: 네 말씀하세요\n손님: 택배 예약하려고요\n직원: 네\n민원인: 감사합니다\n")
    assert [u.role.value for u in transcript.utterances] == ["agent", "customer", "agent", "customer"]
