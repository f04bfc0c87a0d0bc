"""Which speaker is the agent and which the customer.

Stereo recordings follow the configured channel map. Otherwise the words decide: agents open
with the centre's greeting ("고객센터 … 상담원 …입니다", "무엇을 도와드릴까요") and speak in
service formulas ("확인해 드리겠습니다", "고객님"); customers state their problem. With no cue at
all, the first speaker is taken for the agent (inbound calls are answered by the centre), with
low confidence so the review screen points at it.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from models.transcript import Role, RoleAssignment, Utterance

_AGENT_CUES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"고객\s*센터",
        r"상담\s*(원|사)",
        r"도와\s*드릴(까요|게요)",
        r"무엇을\s*도와",
        r"고객님",
        r"(확인|안내|처리|접수|연결)(해|을|를)?\s*드리(겠|ㄹ|릴)",
        r"(감사|반갑)합니다.{0,30}입니다",
        r"잠시만\s*기다려\s*주",
        r"본인\s*확인",
        r"thank(s| you) for calling",
        r"how (can|may) i (help|assist)",
        r"customer (service|support|care)",
        r"\bthis is \w+ (from|with|at)\b",
    )
)
_CUSTOMER_CUES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"문의\s*(드리|하)려고",
        r"(주문|결제|가입|신청)했는데",
        r"(환불|교환|취소|해지)\s*(하고|해\s*주|받고|되나|가능)",
        r"제\s*(이름|명의|주문|카드|계좌)",
        r"\bi (ordered|bought|paid|called)\b",
        r"\bmy (order|account|card|bill)\b",
    )
)
_OPENING_UTTERANCES = 4  # greetings and the problem statement come first
_OPENING_WEIGHT = 2.0


@dataclass(frozen=True)
class SpeakerCues:
    agent: float
    customer: float

    @property
    def lean(self) -> float:
        return self.agent - self.customer


def assign_by_channel(speakers: list[str], agent_speaker: str) -> RoleAssignment:
    return RoleAssignment(
        speaker_roles={
            speaker: Role.AGENT if speaker == agent_speaker else Role.CUSTOMER
            for speaker in speakers
        },
        method="channel_map",
        confidence=1.0,
    )


def assign_by_words(utterances: list[Utterance]) -> RoleAssignment:
    speakers = list(dict.fromkeys(utterance.speaker for utterance in utterances))
    if not speakers:
        return RoleAssignment(method="none", confidence=0.0)
    if len(speakers) == 1:
        return RoleAssignment(
            speaker_roles={speakers[0]: Role.UNKNOWN}, method="single_speaker", confidence=0.0
        )
    cues = speaker_cues(utterances)
    ranked = sorted(speakers, key=lambda speaker: cues[speaker].lean, reverse=True)
    margin = cues[ranked[0]].lean - cues[ranked[1]].lean
    if margin > 0:
        agent, method, confidence = ranked[0], "greeting", 0.5 + 0.5 * math.tanh(margin / 2)
    else:
        agent, method, confidence = speakers[0], "first_speaker", 0.55
    return RoleAssignment(
        speaker_roles={
            speaker: Role.AGENT if speaker == agent else Role.CUSTOMER for speaker in speakers
        },
        method=method,
        confidence=round(confidence, 3),
    )


def speaker_cues(utterances: list[Utterance]) -> dict[str, SpeakerCues]:
    agent: dict[str, float] = defaultdict(float)
    customer: dict[str, float] = defaultdict(float)
    seen: dict[str, int] = defaultdict(int)
    for utterance in utterances:
        weight = _OPENING_WEIGHT if seen[utterance.speaker] < _OPENING_UTTERANCES else 1.0
        seen[utterance.speaker] += 1
        agent[utterance.speaker] += weight * sum(
            bool(cue.search(utterance.text)) for cue in _AGENT_CUES
        )
        customer[utterance.speaker] += weight * sum(
            bool(cue.search(utterance.text)) for cue in _CUSTOMER_CUES
        )
    return {
        speaker: SpeakerCues(agent=agent[speaker], customer=customer[speaker]) for speaker in seen
    }


def apply_roles(utterances: list[Utterance], roles: RoleAssignment) -> list[Utterance]:
    return [
        utterance.model_copy(
            update={"role": roles.speaker_roles.get(utterance.speaker, Role.UNKNOWN)}
        )
        for utterance in utterances
    ]
