"""Plain-text transcripts imported from other systems: one turn per line, a role label first.

    상담원: 네, 고객센터 상담원 김민지입니다.
    고객: 주문한 노트북이 아직 안 왔어요.

Labels: 상담원/상담사/직원/agent/representative/A and 고객/손님/민원인/customer/caller/C (any case, ``:`` or ``：``), optionally after a
timestamp ("[00:12] 고객: …", "00:12 상담원: …") and inside brackets ("[상담원] …"). A line
without a label continues the previous turn (exports wrap long turns). Timestamps, when present,
become utterance start times; otherwise times stay None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import callnotes
from callnotes.errors import InvalidTranscriptError
from models.transcript import Role, RoleAssignment, RunInfo, Transcript, Utterance
from pipeline.hangul import has_hangul

MAX_TRANSCRIPT_CHARS = 500_000

_AGENT_LABELS = r"상담원|상담사|상담직원|직원|agent|representative|rep|a"
_CUSTOMER_LABELS = r"고객님|고객|손님|민원인|customer|caller|client|c"
_TIMESTAMP = r"(?:[\[(]?(?P<ts>\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)[\])]?\s*)?"
_TURN = re.compile(
    r"^\s*" + _TIMESTAMP + r"[\[(<]?\s*(?P<label>" + _AGENT_LABELS + "|" + _CUSTOMER_LABELS + r")"
    r"\s*(?:\d+)?\s*(?:\([^)]{0,20}\))?\s*[\])>]?\s*(?:[:：]|(?<=[\])>]))\s*(?P<text>.*)$",
    re.IGNORECASE,
)
_AGENT = re.compile(r"^(?:" + _AGENT_LABELS + r")$", re.IGNORECASE)


@dataclass(frozen=True)
class TextTurn:
    role: Role
    text: str
    start: float | None


def _seconds(stamp: str | None) -> float | None:
    if not stamp:
        return None
    seconds = 0.0
    for part in stamp.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def _turns(text: str) -> list[TextTurn]:
    turns: list[TextTurn] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        match = _TURN.match(line)
        if match is None:
            if turns:  # a wrapped line of the previous turn
                last = turns[-1]
                turns[-1] = TextTurn(last.role, f"{last.text} {line.strip()}".strip(), last.start)
            continue
        role = Role.AGENT if _AGENT.match(match["label"]) else Role.CUSTOMER
        turns.append(TextTurn(role, match["text"].strip(), _seconds(match["ts"])))
    return [t for t in turns if t.text]


def parse_text_transcript(text: str) -> Transcript:
    """A ``Transcript`` (source "text") from labelled lines; roles come from the labels."""
    if not isinstance(text, str):
        raise InvalidTranscriptError("the transcript must be text")
    if len(text) > MAX_TRANSCRIPT_CHARS:
        raise InvalidTranscriptError(
            f"the transcript is longer than {MAX_TRANSCRIPT_CHARS} characters"
        )
    turns = _turns(text.lstrip("\ufeff"))
    if not turns:
        raise InvalidTranscriptError(
            "no speaker turns found: expected lines like '상담원: …' / '고객: …' "
            "(or 'agent:' / 'customer:', 'A:' / 'C:')"
        )
    utterances = []
    for number, turn in enumerate(turns, start=1):
        next_start = turns[number].start if number < len(turns) else None
        utterances.append(
            Utterance(
                id=f"u{number:04d}",
                speaker=turn.role.value,
                role=turn.role,
                start=turn.start,
                end=next_start if turn.start is not None else None,
                text=turn.text,
            )
        )
    warnings = []
    if len({t.role for t in turns}) < 2:
        warnings.append("only one party's turns were found in the transcript")
    return Transcript(
        source="text",
        utterances=utterances,
        language="ko" if has_hangul(text) else None,
        roles=RoleAssignment(
            speaker_roles={r.value: r for r in {t.role for t in turns}},
            method="text_labels",
            confidence=1.0,
        ),
        run=RunInfo(callnotes_version=callnotes.__version__),
        warnings=warnings,
    )
