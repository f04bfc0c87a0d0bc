"""Who the call was with: the customer's contact details and the agent's name."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from models.note import AgentInfo, CustomerInfo
from models.transcript import Role
from pipeline.extract.context import CallContext, Found, Turn
from pipeline.normalize.alnum import prefixed_number, spelled_codes
from pipeline.normalize.contact import find_emails
from pipeline.normalize.names import (
    COMMON_WORDS,
    KIN_NOUNS,
    SURNAMES,
    TWO_SYLLABLE_SURNAMES,
    self_named,
)
from pipeline.normalize.numbers import (
    NumberMention,
    corrected_phone,
    find_phone_numbers,
    is_phone_number,
    phone_groups,
    read_stray_groups,
    spoken_digits_to_text,
)

_NAME_QUESTION = re.compile(r"성함|이름|본인\s?확인|명의자|주문자")
_PHONE_QUESTION = re.compile(r"연락처|전화\s?번호|휴대\s?폰|핸드폰|번호")
_ADDRESS_QUESTION = re.compile(r"주소|배송지|어디로|받으실\s?곳")
# A hospital's patient number is its 등록번호 ("환자 등록번호", "등록번호는 카드에 있는 거"); the
# 등록번호 of a resident, business or car is no customer number (주민등록번호 never is one).
CUSTOMER_ID_CUE = re.compile(
    r"(?:회원|고객|가입자|멤버십|환자|수용가|납부자)\s?번호|(?:가게|매장|가맹점|업체|사업장|고객|회원)\s?코드"
    r"|(?<![가-힣])(?<!주민 )(?<!사업자 )(?<!차량 )(?<!자동차 )등록\s?번호"
)
# Company lines the agent reads out are never the customer's phone.
_SERVICE_NUMBER = re.compile(r"^(?:1[568]\d{6}|0[78]0\d+)$")


# Digit groups read out with pauses ("3021 755810", "700 481 293") are one number.
_ID_VALUE = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9._-]{2,}|\d[\d-]{3,}(?: \d{2,})*|\d{2,}(?: \d{2,})+"
)
# Or by name and the honorific a caller is given, asking them to confirm it ("송기철 선생님
# 맞으세요", "정다은 님 맞으시죠"); 선생님 alone may be staff ("김 선생님이 연락드릴 거예요").
_ADDRESSED_NAME = re.compile(
    r"(?<![가-힣])(?P<name>[가-힣]{2,4})\s?(?:(?:고객|회원)님|(?:선생님|어머님|아버님|보호자님|손님|님)\s?맞)"
)


_NAME_CUE = "저는 "
# Two syllables whose second is a particle ("원은", "정이"), or a word with a two-syllable
# particle no given name ends in ("세 시 전까지 고객님께", "내일부터 고객님"): no name.
_PARTICLE_NAME = re.compile(
    r"^[가-힣](?:은|는|이|가|을|를|도|만|의|에)$|^[가-힣]{1,2}(?:까지|부터|에서|에게|한테|께서|마다|처럼|으로)$"
)
_AGENT_CUE = "상담원 "


@dataclass(frozen=True)
class Parties:
    customer: CustomerInfo
    agent: AgentInfo
    found: dict[str, Found[str | None]]


def _asked(context: CallContext, turn: Turn, question: re.Pattern[str]) -> bool:
    previous = context.previous(turn, Role.AGENT)
    return previous is not None and bool(question.search(previous.text))


def _offered(context: CallContext, turn: Turn, cue: re.Pattern[str]) -> bool:
    """The caller offered the number a turn before and the agent took it up ("고객번호도 불러
    드릴까요" → "네 말씀해 주시면 …" → the number): the answer is that number."""
    agent = context.previous(turn)
    offer = context.previous(agent) if agent is not None else None
    return (
        agent is not None
        and agent.role is Role.AGENT
        and offer is not None
        and offer.role is Role.CUSTOMER
        and bool(cue.search(offer.text))
        and not _DECLINED.search(agent.text)
    )


# The agent turning the offer down ("아니요 괜찮습니다 성함만 주세요").
_DECLINED = re.compile(r"괜찮|아니요|아뇨|필요\s?없|안\s?주셔도")


@dataclass(frozen=True)
class _Named:
    value: str
    turn: Turn
    start: int
    confidence: float
    # The caller said it is their own name ("제가 모현정이에요"), not the patient's or the order's.
    own: bool
    # Said in answer to a question about the caller's child ("자녀분 학년이 …" → "이름은 하준이"):
    # the child's name, not the caller's.
    childs: bool = False


# Where a later turn may still give the caller's own name ("제가 …", "나는 남편 …").
_FIRST_PERSON = re.compile(r"(?:^|\s)(?:저는|제가|나는|내가|전|난|저|본인은)\s")


def _customer_name(context: CallContext) -> Found[str | None]:
    named: list[_Named] = []
    for turn in context.customer_turns:
        if any(not n.childs for n in named) and not _FIRST_PERSON.search(turn.text):
            continue  # a name is known: only a first-person introduction can still beat it
        about_child = _asks_about_child(context, turn)
        named += [
            replace(n, childs=about_child and not _callers_own(turn.text, n))
            for n in _names_in(context, turn)
        ]
    callers = [n for n in named if not n.childs]
    if callers:
        # Callers name others too (the patient, whose name the order is in): the name they give
        # as their own wins, else the first they give.
        best = next((n for n in callers if n.own), callers[0])
        return Found(best.value, (best.turn,), best.confidence)
    # The agent addressing the customer by name ("김철수 고객님 맞으시죠?").
    for turn in context.agent_turns:
        for match in _ADDRESSED_NAME.finditer(turn.text):
            if _PARTICLE_NAME.match(match["name"]):
                continue  # "이십만 원은 고객님 부담이세요": a word and its particle
            name = _plausible_name(match["name"])
            if name:
                return Found(name, (turn,), 0.7)
    return Found(None, (), 0.6)


# The caller's child as the agent speaks of them, and a name question right after one
# ("아이 이름이랑 보호자 성함"): that name is the child's.
_CHILD_WORD = r"(?<![가-힣])(?:자녀|아이|아드님|따님|자제분|아기|애기|학생)(?:분|님)?(?:이|가|은|는|의)?"
_CHILD = re.compile(_CHILD_WORD + r"(?![가-힣])")
_CHILD_BEFORE = re.compile(_CHILD_WORD + r"\s?$")
_NAME_WORD = re.compile(r"성함|이름|성명")


# A parent naming themselves by what they are to the child asked about ("엄마 김보람이고요 애는
# 이 학년이에요", "보호자는 아빠 정우진이요"): the name after the word is the caller's.
_PARENT_BEFORE = re.compile(
    r"(?<![가-힣])(?:엄마|아빠|어머니|아버지|학부모|보호자)(?:는|가|이고|이름은|이름이|성함은|성함이)?\s?$"
)


def _callers_own(text: str, named: _Named) -> bool:
    """The name is the caller's though the question was about their child: they said it is
    theirs, or said what they are to the child right before it."""
    start = named.start
    return named.own or self_named(text, start) or bool(_PARENT_BEFORE.search(text, 0, start))


def _asks_about_child(context: CallContext, turn: Turn) -> bool:
    """The agent's question before ``turn`` is about the caller's child and asks no name but
    the child's ("자녀분 학년이 어떻게 될까요")."""
    asked = context.previous(turn, Role.AGENT)
    if asked is None or not _CHILD.search(asked.text):
        return False
    questions = _NAME_WORD.finditer(asked.text)
    return all(_CHILD_BEFORE.search(asked.text, 0, q.start()) for q in questions)


def _names_in(context: CallContext, turn: Turn) -> list[_Named]:
    """The names one customer turn gives: an answer to the name question, a cued or
    self-introduced name, and names the agent reads back."""
    from pipeline.normalize.names import find_customer_name, find_titled_name, self_named

    asked = _asked(context, turn, _NAME_QUESTION)
    first = _first_word_at(turn.text)
    # The agent's question is the cue the answer leaves out ("정다은이고요").
    texts = [(turn.text, 0)]
    if asked and first is not None:
        # The first words: a name, spaced or not, and the word after it, which may say whose
        # name it is ("주문자 이름은").
        opening = " ".join(turn.text[first:].split()[:OPENING_WORDS])
        texts.insert(0, (_NAME_CUE + opening, first - len(_NAME_CUE)))
    found: list[_Named] = []
    for text, shift in texts:
        mention = find_customer_name(text, asked=asked)
        if mention is None or not _not_digits(_quoted_word(mention.value, mention.ending)):
            continue
        start = mention.start + shift
        # "저는 금요일 날 …" is no introduction: an own name ends like one ("제가 모현정이에요").
        own = bool(mention.ending) and self_named(turn.text, start)
        cued = _SELF_INTRODUCTION.search(text[: mention.start][-8:]) or own
        if asked or cued or _addressed(context, mention.value):
            found.append(_Named(mention.value, turn, start, 0.95 if asked else 0.8, own))
            break
    if found and not found[0].own:
        found += _introduced_after(turn, found[0].start + len(found[0].value))
    if not found:
        titled = find_titled_name(turn.text)
        if titled is not None:  # "저 태광정밀 총무팀 윤재석 대리인데요"
            found.append(_Named(titled.value, turn, titled.start, 0.85, True))
    found += [n for n in _read_back(context, turn) if all(n.value != f.value for f in found)]
    found += [n for n in _confirmed(context, turn) if all(n.value != f.value for f in found)]
    return sorted(found, key=lambda n: n.start)


def _introduced_after(turn: Turn, after: int) -> list[_Named]:
    """A caller naming someone else first, then themselves ("애는 김도윤이고요 저는 문정아 …"):
    the name right after the first-person cue."""
    from pipeline.normalize.names import find_customer_name

    rest = turn.text[after:]
    mention = find_customer_name(rest)
    if mention is None or not _not_digits(mention.value) or not self_named(rest, mention.start):
        return []
    return [_Named(mention.value, turn, after + mention.start, 0.8, False)]


def _confirmed(context: CallContext, turn: Turn) -> list[_Named]:
    """The caller saying back the name the agent has just read ("오현우 님 계정 맞으세요" →
    "네 오현우요"): the name is theirs."""
    from pipeline.normalize.names import name_shaped

    asked = context.previous(turn, Role.AGENT)
    if asked is None or asked.index != turn.index - 1:
        return []
    said = _read_back_names(asked.text)
    if not said:
        return []
    first = _first_word_at(turn.text)
    opening = turn.text[first:] if first is not None else ""
    for mention in name_shaped(opening):
        if mention.start == 0 and mention.value in said and len(mention.value) >= 3:
            return [_Named(mention.value, turn, first + mention.start, 0.8, False)]
    return []


# The agent repeating a name with the honorific of the person on the line ("진소라 보호자님",
# "추경민 님"), not of staff (기사님, 선생님).
# "이은비 환자분", "임소라 보호자분": 분 after the role is that honorific too.
_READ_BACK = re.compile(
    r"(?<![가-힣])(?P<name>[가-힣]{2,4})\s?"
    r"(?:(?:고객|회원|보호자|환자|손님|가입자)?\s?님|(?:고객|회원|보호자|환자|가입자)분)(?![가-힣])"
)


@lru_cache(maxsize=1024)
def _read_back_names(text: str) -> frozenset[str]:
    return frozenset(m["name"] for m in _READ_BACK.finditer(text))


def _read_back(context: CallContext, turn: Turn) -> list[_Named]:
    """Names the customer said that the agent reads back in the next turn: a name for sure,
    whatever particle follows it ("저 추경민으로 돼 있을 거예요" → "추경민 님")."""
    from pipeline.normalize.names import name_shaped, self_named

    reply = context.following(turn, Role.AGENT)
    if reply is None:
        return []
    said = _read_back_names(reply.text)
    found: list[_Named] = []
    for mention in name_shaped(turn.text):
        if not _not_digits(mention.value) or any(n.start == mention.start for n in found):
            continue
        if mention.value in said and not _someone_elses(turn.text[: mention.start]):
            # "어머니 성함은 박순례시고요" → "박순례 환자분": the patient's name, not the caller's.
            own = self_named(turn.text, mention.start)
            found.append(_Named(mention.value, turn, mention.start, 0.9, own))
    return found


def _addressed(context: CallContext, name: str) -> bool:
    """The agent calls the customer by the name ("김철수 고객님"): it was a name."""
    return any(
        re.search(re.escape(name) + r"\s?(?:고객|회원)?님", turn.text) for turn in context.agent_turns
    )


def _not_digits(name: str) -> bool:
    """'구일' in "구일 년 사월" is a spoken year, not a name; '성함은' is the question word."""
    return not all(c in _DIGIT_SYLLABLES for c in name[1:]) and not name.startswith(_CUE_WORDS)


_CUE_WORDS = ("성함", "성명", "이름", "명의")


def _quoted_word(name: str, ending: str) -> str:
    """The word before a quotative 라고 ("제가 사오라고 했나" → 사오): the 라 is the copula, so
    digits the caller quotes back are seen as digits."""
    return name[:-1] if ending.startswith("고") and name.endswith("라") else name
_SELF_INTRODUCTION = re.compile(r"성함은|성함이|이름은|이름이|성명은|저는|명의자는|명의는")
_ANSWER_FILLERS = frozenset(["네", "예", "아", "어", "음", "네네", "아네", "저"])
OPENING_WORDS = 4


def _first_word_at(text: str) -> int | None:
    """Where the answer's first word after fillers begins: the name in "네 정다은이고요 번호는 …"."""
    for word in re.finditer(r"\S+", text):
        if word.group().strip(",.") not in _ANSWER_FILLERS:
            return word.start()
    return None


_DIGIT_SYLLABLES = frozenset("영공일이삼사오육륙칠팔구십백천")


def _plausible_name(word: str) -> str | None:
    for length in (3, 2, 4):
        candidate = word[-length:] if len(word) >= length else ""
        surname_ok = candidate.startswith(TWO_SYLLABLE_SURNAMES) or (
            candidate[:1] in SURNAMES and len(candidate) <= 3
        )
        if candidate and surname_ok and candidate not in COMMON_WORDS and len(candidate) >= 2:
            return candidate if candidate == word else None
    return None


# An agent taking the call over ("전화 바꿨습니다 결제팀 장태경입니다") handles the request: the
# note's agent is the last one who did.
_TRANSFER = re.compile(r"전화\s?(?:바꿨|바꾸었|받았)습니다|(?:연결|이관)\s?(?:됐|되었)습니다")


def _agent_name(context: CallContext) -> Found[str | None]:
    from pipeline.normalize.names import find_agent_name

    turns = context.agent_turns
    taken_over = [t for t in turns if _TRANSFER.search(t.text)]
    for turn in [*reversed(taken_over), *turns[:3], *turns[-2:]]:
        mention = find_agent_name(turn.text)
        if mention is not None:
            return Found(mention.value, (turn,), 0.95)
    # "한결손해보험 탁민지입니다": in the opening turn the word before the name is the company.
    for turn in turns[:1]:
        for word in re.findall(r"(?<![가-힣])[가-힣]{2,4}(?:입니다|이었습니다|였습니다)", turn.text):
            mention = find_agent_name(_AGENT_CUE + word)
            if mention is not None:
                return Found(mention.value, (turn,), 0.8)
    return Found(None, (), 0.6)


# The customer taking back what they said ("아 아니다", "아 아니 일공칠삼", "잘못 말했네요", "…가
# 아니라", digits and 말고: "칠삼일구 말고 칠삼구일").
_CORRECTION = re.compile(
    r"아니다|아니라|아니고|(?:아|아니)\s아니(?![가-힣])|잘못|정정|틀렸"
    r"|(?:(?<=[영공일이삼사오육칠팔구\d])|(?<=[영공일이삼사오육칠팔구\d]\s))말고(?![가-힣])"
    # "칠칠이공이요 아니 칠칠이일", "아니요 칠칠이일이요": 아니 right before the digits said again.
    r"|(?<![가-힣])아니(?:요)?(?=\s+[영공일이삼사오육칠팔구\d])"
)
CORRECTION_WEIGHT = 3
# A number said after another person's kin word is theirs ("딸이 한지선이고 … 전화는 공일공 …"),
# unless the caller turns back to their own ("제 번호는").
_KIN_BEFORE = re.compile(r"(?<![가-힣])(?:" + "|".join(KIN_NOUNS) + r")(?:이|가|은|는|도|의)?\s")
_OWN_AGAIN = re.compile(r"(?:제|내|저희)\s?(?:번호|연락처|전화|휴대폰)|저는|제가")
OTHER_PERSON_WEIGHT = 3
# A customer or account number is read out like a landline ("고객번호가 공삼일 칠칠사 …").
_NUMBER_CUE_GAP = 12
_STAFF_NUMBER = re.compile(
    r"(?:기사|담당자|담당|매장|지점|대리점|센터|영업소)\s?(?:님\s?)?(?:의\s?)?(?:번호|연락처|전화)"
)


def _phone(context: CallContext) -> Found[str | None]:
    # A customer number read out like a landline ("고객번호는 … 공삼일이에 오오팔에 칠공일") and
    # read back by the agent is the customer number wherever it is said.
    customer_number = _customer_id(context).value
    candidates: list[tuple[int, Turn, str]] = []
    # The last number said, by either side, that a caller's next turn may take back in part.
    last_said: tuple[Turn, str] | None = None
    for turn in context.turns:
        correction = _CORRECTION.search(turn.text) if turn.role is Role.CUSTOMER else None
        said = find_phone_numbers(turn.text)
        mentions = [m for m in said if _contact_number(context, turn, m, customer_number)]
        if not mentions and correction is not None and last_said is not None and candidates:
            taken_back = _taken_back(turn, correction, *last_said)
            if taken_back is not None:
                candidates.append((max(c[0] for c in candidates) + 1, turn, taken_back))
        for mention in mentions:
            score = 2 if turn.role is Role.CUSTOMER else 0
            if turn.role is Role.CUSTOMER and _someone_elses(turn.text[: mention.start]):
                score -= OTHER_PERSON_WEIGHT
            if turn.role is Role.CUSTOMER and _asked(context, turn, _PHONE_QUESTION):
                score += 2
            if _PHONE_QUESTION.search(turn.text[: mention.start]):
                score += 1
            value = mention.value
            if correction is not None and correction.start() < mention.start:
                score += CORRECTION_WEIGHT
            elif correction is not None:
                after = turn.text[mention.end :]
                value = corrected_phone(value, after, correction.end() - mention.end)
                score += CORRECTION_WEIGHT if value != mention.value else 0
            candidates.append((score, turn, value))
        if mentions:
            last_said = (turn, candidates[-1][2])
    if not candidates:
        return Found(None, (), 0.7)
    score, turn, value = max(candidates, key=lambda c: (c[0], -c[1].index))
    accepted = _accepted_read_back(context, customer_number)
    later = accepted is not None and accepted[0].index > turn.index
    if accepted is not None and later and _one_group_apart(accepted[1], value):
        # The agent's reading of the number that the caller took last is the number as it
        # stands; a number that differs more is another one (a bill's, the son's).
        return Found(accepted[1], (turn, accepted[0]), 0.9)
    return Found(value, (turn,), min(0.99, 0.6 + 0.1 * score))


def _contact_number(
    context: CallContext, turn: Turn, mention: NumberMention, customer_number: str | None
) -> bool:
    """The number may be the caller's contact: no company line, customer number, staff's or
    other party's number."""
    if _SERVICE_NUMBER.match(mention.value) or mention.value == customer_number:
        return False
    cue_from = max(0, mention.start - _NUMBER_CUE_GAP)
    if CUSTOMER_ID_CUE.search(turn.text, cue_from, mention.start):
        return False
    if turn.role is Role.AGENT and _STAFF_NUMBER.search(turn.text, cue_from, mention.start):
        return False  # "기사님 번호는 공일공 …": a number the agent gives for staff
    # "상대방 연락처 받으셨으면 …": the other driver's, not the caller's
    return not _counterparty_number(context, turn, mention.start)


def _taken_back(turn: Turn, correction: re.Match[str], said_in: Turn, number: str) -> str | None:
    """The number said the turn before with the group this turn takes back replaced ("…
    사일이팔 맞으시죠" → "사일이팔 아니고 사일팔이요"; "… 칠칠이공 맞으세요" → "아니요 칠칠이일이요")."""
    if said_in.index != turn.index - 1:
        return None
    corrected = corrected_phone(number, turn.text, correction.end())
    return corrected if corrected != number and is_phone_number(corrected) else None


# The caller taking the agent's reading as said ("네", "네 그 번호 맞아요", "아니요 맞아요"): no
# number of their own, nothing taken back or refused.
_AGREED = re.compile(
    r"^(?:(?:아|어|음)\s+)*(?:네|예|응|맞아요|맞습니다|맞고요|맞죠|그렇습니다|그래요)(?![가-힣])"
    r"|^(?:아니요|아뇨)\s?(?:그\s?번호\s?)?맞"
)
_REFUSED = re.compile(
    r"(?:아니요|아뇨)(?!\s?(?:그\s?번호\s?)?맞)|아니에요|아닌데|안\s?써|바뀌|바꿨|바꼈|다른\s?번호|예전|옛날"
)


def _accepted_read_back(
    context: CallContext, customer_number: str | None
) -> tuple[Turn, str] | None:
    """The last number the agent reads out that the caller agrees to in the next turn."""
    accepted: tuple[Turn, str] | None = None
    for turn in context.agent_turns:
        reply = context.following(turn)
        if reply is None or reply.role is not Role.CUSTOMER or not _agrees(reply.text):
            continue
        for mention in find_phone_numbers(turn.text):
            if _contact_number(context, turn, mention, customer_number) and not _someone_elses(
                turn.text[: mention.start]
            ):
                accepted = (turn, mention.value)
    return accepted


def _one_group_apart(number: str, other: str) -> bool:
    """Two readings of one number: the same groups but at most one."""
    groups, others = phone_groups(number), phone_groups(other)
    same_shape = [len(g) for g in groups] == [len(g) for g in others]
    return same_shape and sum(a != b for a, b in zip(groups, others)) <= 1


def _agrees(reply: str) -> bool:
    if not _AGREED.search(reply) or _REFUSED.search(reply) or _CORRECTION.search(reply):
        return False
    return not find_phone_numbers(reply)


# The other side of an accident or dispute: a number asked or read back for them is theirs.
_COUNTERPARTY = re.compile(r"상대\s?(?:방|편|측|차량|차|운전자|쪽)|피해자|가해자")
_COUNTERPARTY_GAP = 30


def _counterparty_number(context: CallContext, turn: Turn, start: int) -> bool:
    before = turn.text[max(0, start - _COUNTERPARTY_GAP) : start]
    if _COUNTERPARTY.search(before):
        return not _OWN_AGAIN.search(before, _COUNTERPARTY.search(before).end())
    asked = context.previous(turn, Role.AGENT) if turn.role is Role.CUSTOMER else None
    if asked is None or context.previous(turn) is not asked:
        return False
    question = list(_COUNTERPARTY.finditer(asked.text))
    return bool(question) and bool(_PHONE_QUESTION.search(asked.text, question[-1].end())) and not (
        _OWN_AGAIN.search(turn.text[:start])
    )


def _someone_elses(before: str) -> bool:
    kin = list(_KIN_BEFORE.finditer(before))
    return bool(kin) and not _OWN_AGAIN.search(before, kin[-1].end())


def _email(context: CallContext) -> Found[str | None]:
    """The address the customer gives, else the one the agent reads out; a reading that had to
    guess ("에스 더블유 노" → swno) gives way to one spelled out letter by letter for the same
    domain ("에스 더블유 엔 오 에이치" → swnoh), a reading cut short at a word ("에스 비 옥 일이일"
    → 121@…) to the fuller one it ends ("에스 비 오 케이 일이일" → sbok121@…). An account's
    address, given to find the account, is no contact when another is given to write to."""
    login = set(login_addresses(context))
    said = [(t, m) for t in context.turns for m in find_emails(t.text)]
    said = [s for s in said if s[1].value not in login] or said
    if not said:
        return Found(None, (), 0.8)
    turn, mention = next((s for s in said if s[0].role is Role.CUSTOMER), said[0])
    if mention.guessed:
        domain = mention.value.split("@")[1]
        spelled = [s for s in said if not s[1].guessed and s[1].value.endswith("@" + domain)]
        if spelled:
            return Found(spelled[0][1].value, (turn, spelled[0][0]), 0.85)
    fuller = [s for s in said if s[1].value != mention.value and s[1].value.endswith(mention.value)]
    if fuller:
        return Found(fuller[0][1].value, (turn, fuller[0][0]), 0.85)
    return Found(mention.value, (turn,), 0.9)


# The account an address is asked for or named as ("지금 쓰시는 계정 이메일", "로그인 이메일"),
# and the words of an address given to be written to ("…으로 보내 드릴까요", "…으로 주세요").
_LOGIN_CUE = re.compile(r"계정|로그인|아이디|가입(?:한|된|하신|할\s?때)")
_SEND_CUE = re.compile(r"보내|받으실|받을|발송|(?:으로|로)\s?(?:주세요|해\s?주세요)")


def login_addresses(context: CallContext) -> list[str]:
    """The addresses said as an account's (its login), when the call gives another one to write
    to ("지금 쓰시는 계정 이메일 알려 주시겠어요" … "새로 쓰실 메일로 보내 드릴까요"): the first is
    the account's id, the other the contact."""
    accounts: list[str] = []
    contacts: list[str] = []
    for turn in context.customer_turns:
        asked = context.previous(turn, Role.AGENT)
        texts = [turn.text] + ([asked.text] if asked is not None else [])
        login = any(_LOGIN_CUE.search(t) for t in texts)
        send = any(_SEND_CUE.search(t) for t in texts)
        values = [m.value for m in find_emails(turn.text)]
        if login and not send:
            accounts += values
        elif send and not login:
            contacts += values  # the caller's own answer to "어느 메일로 보내 드릴까요"
    accounts = [a for a in dict.fromkeys(accounts) if a not in contacts]
    return accounts if contacts else []


def _address(context: CallContext) -> Found[str | None]:
    """The customer's address, else the one the agent reads, completed by the other readings of
    it in the call: the agent's read-back often has the city the caller left out, the caller the
    flat the agent skipped."""
    from pipeline.normalize.address import completed, find_address, find_road_address

    said = [(t, m.value) for t in context.turns if (m := find_address(t.text)) is not None]
    roads = [(t, m.value) for t in context.turns if (m := find_road_address(t.text)) is not None]
    first = next((s for s in said if s[0].role is Role.CUSTOMER), said[0] if said else None)
    if first is None:
        for fallback in (_placed_road(context, roads), _local_road(context, roads)):
            if fallback.value is not None:
                return fallback
        return _managed_flat(context)
    turn, value = first
    used = [turn]
    for other, reading in said + roads:
        merged = completed(value, reading)
        if merged != value:
            value = merged
            used.append(other)
    value = _taken_back_units(context, turn, value, [t for t, _ in said + roads])
    asked = turn.role is Role.CUSTOMER and _asked(context, turn, _ADDRESS_QUESTION)
    return Found(value, tuple(sorted(used, key=lambda t: t.index)), 0.9 if asked else 0.75)


def _taken_back_units(context: CallContext, first: Turn, value: str, readings: list[Turn]) -> str:
    """The address with each block, flat or floor the caller took back after it was said
    replaced ("… 칠백삼 호 맞으세요" → "칠백삼 호 아니고 칠백사 호요")."""
    from pipeline.normalize.address import corrected_unit

    for turn in context.customer_turns:
        if turn.index < first.index:
            continue
        asked = context.previous(turn)
        answers = asked is not None and asked.role is Role.AGENT and asked in readings
        value = corrected_unit(value, turn.text, answers_reading=answers)
    return value


def _placed_road(context: CallContext, roads: list[tuple[Turn, str]]) -> Found[str | None]:
    """"설치 주소가 인천 부평구 쪽으로 나오시는데요" → "부평대로 백오십삼 번길 십이 …": the
    caller gives the road after the agent names the city and district."""
    from pipeline.normalize.address import find_place

    for turn, road in roads:
        if turn.role is not Role.CUSTOMER:
            continue
        asked = context.previous(turn, Role.AGENT)
        place = find_place(asked.text) if asked is not None else None
        if place is not None and asked is not None:
            return Found(f"{place} {road}", (asked, turn), 0.7)
    return Found(None, (), 0.7)


def _local_road(context: CallContext, roads: list[tuple[Turn, str]]) -> Found[str | None]:
    """A resident telling their city's own office where ("해솔시 민원콜센터입니다" … "매곡길
    이십삼 우리 집 바로 앞이여") names the road only: the city is the one the agent answers for."""
    from pipeline.normalize.address import find_local_office

    greeting = context.agent_turns[0] if context.agent_turns else None
    place = find_local_office(greeting.text) if greeting is not None else None
    if greeting is None or place is None:
        return Found(None, (), 0.7)
    for turn, road in roads:
        if turn.role is Role.CUSTOMER:
            return Found(f"{place} {road}", (greeting, turn), 0.7)
    return Found(None, (), 0.7)


def _managed_flat(context: CallContext) -> Found[str | None]:
    """A resident calling the management office of their complex gives their block and flat
    only: the complex is the one the agent answers for."""
    from pipeline.normalize.address import find_flat, find_managed_complex

    greeting = context.agent_turns[0] if context.agent_turns else None
    complex_name = find_managed_complex(greeting.text) if greeting is not None else None
    if greeting is None or complex_name is None:
        return Found(None, (), 0.7)
    for turn in context.customer_turns:
        flat = find_flat(turn.text)
        if flat is not None:
            return Found(f"{complex_name} {flat}", (greeting, turn), 0.7)
    return Found(None, (), 0.7)


def _customer_id(context: CallContext) -> Found[str | None]:
    for turn in context.turns:
        if someone_elses_customer_number(context, turn):
            continue
        text = read_stray_groups(spoken_digits_to_text(turn.text))
        cue = CUSTOMER_ID_CUE.search(text)
        if cue is not None and _NOT_KNOWN.match(text, cue.end()):
            continue
        if cue is not None:
            _, value = _id_value(text, cue.end()) or (0, None)
            if value is not None and "*" not in value:
                return Found(value, (turn,), 0.85)
        if turn.role is Role.CUSTOMER and (
            _asked(context, turn, CUSTOMER_ID_CUE) or _offered(context, turn, CUSTOMER_ID_CUE)
        ):
            at, value = _id_value(text, 0) or (0, None)
            # The answer, said first ("지 오 13557이요 아 그리고 …"), alone, or read off a bill
            # after saying where it is ("… 그거 보고 할게요 0612 4350 87 이렇게 돼 있네요").
            read_off = value is not None and _READ_OFF.match(text, at + len(_id_text(text, at)))
            if value is not None and (len(turn.text) < MAX_ID_ANSWER or at <= MAX_ID_OFFSET or read_off):
                return Found(value, (turn,), 0.8)
    return Found(None, (), 0.7)


# The caller saying they do not know the number ("등록번호는 모르겠고 … 생년월일 …"): what
# follows is something else.
_NOT_KNOWN = re.compile(r"(?:은|는|이|가|도)?\s?(?:잘\s?)?(?:모르|몰라|몰라요|없)")
MAX_ID_ANSWER = 40
MAX_ID_OFFSET = 8
# A number read off a paper: "… 이렇게 돼 있네요", "… 이라고 적혀 있어요".
_READ_OFF = re.compile(r"\s*(?:이렇게|이라고|라고)\s?(?:돼|되어|나와|적혀|써|쓰여)\s?있")


def _id_text(text: str, at: int) -> str:
    """The id's words as written in ``text`` from ``at`` (digit groups with their spaces)."""
    written = _ID_VALUE.match(text, at)
    return written.group() if written is not None else ""


def customer_id_value(context: CallContext) -> str | None:
    return _customer_id(context).value


def someone_elses_customer_number(context: CallContext, turn: Turn) -> bool:
    """A customer or patient number the caller gives for a family member ("어머니 성함은 …
    등록번호는 …", asked "아버님 회선 조회를 위해서 고객번호 …") is theirs: it finds their account
    or record, and is no customer number of the caller."""
    if turn.role is not Role.CUSTOMER:
        return False
    cue = CUSTOMER_ID_CUE.search(turn.text)
    if cue is not None and _someone_elses(turn.text[: cue.start()]):
        return True
    asked = context.previous(turn, Role.AGENT)
    question = CUSTOMER_ID_CUE.search(asked.text) if asked is not None else None
    return question is not None and _someone_elses(asked.text[: question.start()])


def someone_elses_number_value(context: CallContext, turn: Turn) -> str | None:
    """The family member's number the turn gives, as ``customer_id`` would read it."""
    if not someone_elses_customer_number(context, turn):
        return None
    text = read_stray_groups(spoken_digits_to_text(turn.text))
    cue = CUSTOMER_ID_CUE.search(text)
    found = _id_value(text, cue.end() if cue else 0)
    return found[1] if found is not None and "*" not in found[1] else None


_MORE_GROUPS = re.compile(r"(?: \d{2,})+(?!\d)")


def _id_value(text: str, start: int) -> tuple[int, str] | None:
    """Where the id after ``start`` begins and what it is: written ("GO13557", "3021 755810")
    or spelled ("지 오 13557")."""
    prefixed = prefixed_number(text, start)
    if prefixed is not None:
        return prefixed[0], prefixed[2]  # "회원번호는 엠 123456"
    spelled = [code for code in spelled_codes(text) if code[0] >= start]
    written = _ID_VALUE.search(text, start)
    if spelled and (written is None or spelled[0][0] <= written.start()):
        # The hyphen a spelled code gets after its letters was not said; digit groups read out
        # after the first are the code's too ("엠엔 공공사 칠일구삼" → MN0047193).
        at, end, code = spelled[0]
        more = _MORE_GROUPS.match(text, end)
        return at, code.replace("-", "", 1) + (more.group().replace(" ", "") if more else "")
    if written is None:
        return None
    return written.start(), written.group().rstrip("-.").replace(" ", "")


def extract_parties(context: CallContext) -> Parties:
    found: dict[str, Found[str | None]] = {
        "customer.name": _customer_name(context),
        "customer.phone": _phone(context),
        "customer.email": _email(context),
        "customer.address": _address(context),
        "customer.customer_id": _customer_id(context),
        "agent.name": _agent_name(context),
    }
    customer = CustomerInfo(
        name=found["customer.name"].value,
        phone=found["customer.phone"].value,
        email=found["customer.email"].value,
        address=found["customer.address"].value,
        customer_id=found["customer.customer_id"].value,
    )
    return Parties(customer, AgentInfo(name=found["agent.name"].value), found)
