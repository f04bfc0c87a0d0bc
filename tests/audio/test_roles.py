"""Agent or customer, from the words, when the recording is mono."""

from __future__ import annotations

from models.transcript import Role, Utterance
from pipeline.roles import assign_by_words


def _utterances(*turns: tuple[str, str]) -> list[Utterance]:
    return [
        Utterance(id=f"u{index:04d}", speaker=speaker, start=index, end=index + 1, text=text)
        for index, (speaker, text) in enumerate(turns, start=1)
    ]


def test_korean_greeting_marks_the_agent_even_when_the_customer_speaks_first():
    roles = assign_by_words(
        _utterances(
            ("speaker_0", "여보세요"),
            ("speaker_1", "네 감사합니다 행복쇼핑 고객센터 상담원 김민지입니다 무엇을 도와드릴까요"),
            ("speaker_0", "아 제가 지난주에 노트북을 주문했는데 아직 안 와서요"),
            ("speaker_1", "네 고객님 주문 내역 확인해 드리겠습니다 잠시만 기다려 주세요"),
        )
    )
    assert roles.speaker_roles == {"speaker_0": Role.CUSTOMER, "speaker_1": Role.AGENT}
    assert roles.method == "greeting" and roles.confidence > 0.9


def test_english_greeting():
    roles = assign_by_words(
        _utterances(
            ("A", "hi I ordered a phone last week and my order never arrived"),
            ("B", "thank you for calling, this is Sam from Acme support, how can I help"),
        )
    )
    assert roles.speaker_roles["B"] is Role.AGENT


def test_without_cues_the_first_speaker_is_the_agent_with_low_confidence():
    roles = assign_by_words(_utterances(("x", "네"), ("y", "네 네"), ("x", "음")))
    assert roles.speaker_roles == {"x": Role.AGENT, "y": Role.CUSTOMER}
    assert roles.method == "first_speaker" and roles.confidence < 0.6


def test_one_speaker_has_no_role():
    roles = assign_by_words(_utterances(("solo", "안녕하세요 고객센터입니다")))
    assert roles.speaker_roles == {"solo": Role.UNKNOWN} and roles.confidence == 0.0


def test_no_speech_no_roles():
    roles = assign_by_words([])
    assert roles.speaker_roles == {} and roles.method == "none"
