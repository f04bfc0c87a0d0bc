"""The phrasing flagger: subjective judgments and vague placeholders in consultation-log text.

The spaCy pipeline (``pipeline.nlp``) finds the spans; this module turns them into
``PhrasingFlag``s with a one-line reason a QA reviewer would give and, where one can be made, an
objective rewrite that replaces the flagged text. ``CallFacts`` lets the rewrite use the call's
own facts (the customer's words, the agreed date) instead of placeholders.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from callnotes.errors import InvalidInputError
from models.note import FlagKind, PhrasingFlag
from pipeline.hangul import subject_particle
from pipeline.normalize.dates import written_date

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span

MAX_TEXT_CHARS = 20_000
MAX_QUOTE_CHARS = 60


@dataclass(frozen=True)
class CallFacts:
    """What the call established, for suggestions built from the call rather than placeholders."""

    call_date: dt.date | None = None
    customer_quotes: tuple[str, ...] = ()  # the customer's complaint, verbatim
    dates: tuple[dt.date, ...] = ()  # dates agreed in the call: callbacks, deadlines, visits
    amounts: tuple[int, ...] = ()
    order_numbers: tuple[str, ...] = ()
    responsible: str | None = None  # who owns the next step: "상담원", "배송팀", "김민지 상담원"

    def next_date(self) -> dt.date | None:
        """The first agreed date on or after the call (the one a promise refers to)."""
        upcoming = [d for d in self.dates if self.call_date is None or d >= self.call_date]
        return min(upcoming) if upcoming else None


@dataclass(frozen=True)
class Wording:
    reason: str
    predicate: str | None  # replaces a phrase ending a sentence ("…함")
    modifier: str | None = None  # replaces a phrase before a noun ("…한 고객")
    adverbial: str | None = None  # replaces a phrase before a verb ("흥분한 상태로 항의함")


_CONNECTIVES = {"며": "했으며", "으며": "했으며", "고": "했고", "어서": "해서", "아서": "해서"}
_QUOTE_RULES = frozenset(
    {"anger", "emotion", "looks", "rude", "character", "stubborn", "perception", "seeming"}
)
_SPEED_HEDGE = re.compile(
    r"빠른\s*(?:시일|시간)\s*(?:내에?|안에?)?|(?:최대한|가능한\s*한?|되도록|가급적)\s*빨리"
    r"|조속한\s*시일\s*내에?"
    r"|조속히|신속하게|신속히|조만간|머지않아|곧(?=\s)"
)
_MANNER_HEDGE = re.compile(r"적절하게|적절히|적절한|원만하게|원만히|알아서|잘")
_CONDITION_HEDGE = re.compile(r"필요\s?시|필요하면|필요할\s?경우")
_LATIN_WORD = re.compile(r"[A-Za-z]{2}")
# "팀에 공유함" → "[부서명]에 공유함", naming the unnamed target in place.
_HANDOFF_TARGET = re.compile(r"(?:(?:관련|해당|담당)\s*)?(?:부서|팀|담당자)(에게|에|으로|로)?")

WORDINGS: dict[str, Wording] = {
    "anger": Wording(
        "고객의 감정 상태를 작성자가 추측한 표현입니다. 들린 말과 행동으로 기록하세요.",
        "높은 목소리로 불만을 표출함",
        "높은 목소리로 불만을 표출한",
        "높은 목소리로",
    ),
    "emotion": Wording(
        "고객의 속마음을 작성자가 단정한 표현입니다. 고객이 실제로 한 말을 인용하세요.",
        "'…'라고 말함",
        "'…'라고 말한",
    ),
    "character": Wording(
        "고객의 성격이나 인격을 평가하는 표현입니다. 실제 요구와 행동을 기록하세요.",
        "같은 요구를 여러 차례 반복함",
        "같은 요구를 여러 차례 반복한",
    ),
    "rude": Wording(
        "고객의 태도를 작성자가 평가한 표현입니다. 문제가 된 발언을 그대로 인용하세요.",
        "'…'라고 말함",
        "'…'라고 말한",
        "'…'라고 말하며",
    ),
    "stubborn": Wording(
        "고객의 요구를 작성자가 평가한 표현입니다. 무엇을 몇 번 요구했는지 기록하세요.",
        "안내 후에도 같은 요구를 반복함",
        "안내 후에도 같은 요구를 반복한",
    ),
    "dishonesty": Wording(
        "고객이 거짓을 말한다고 단정한 표현입니다. 진술과 기록이 어떻게 다른지 적으세요.",
        "확인된 기록과 다르게 진술함",
        "확인된 기록과 다르게 진술한",
    ),
    "looks": Wording(
        "고객의 감정을 겉모습으로 짐작한 표현입니다. 고객이 실제로 한 말을 인용하세요.",
        "'…'라고 말함",
        "'…'라고 말한",
    ),
    "motive": Wording(
        "고객의 의도나 속셈을 작성자가 추측한 표현입니다. 고객이 실제로 요구한 내용을 기록하세요.",
        "[요구 내용: 예) 전액 환불]을 요구함",
        "[요구 내용: 예) 전액 환불]을 요구한",
    ),
    "age": Wording(
        "고객의 나이를 응대 내용의 원인으로 단정한 표현입니다. 무엇을 몇 번 다시 안내했는지 "
        "기록하세요.",
        "[관찰한 내용: 예) 같은 질문을 여러 차례 반복함]",
        "[관찰한 내용: 예) 같은 질문을 여러 차례 반복한]",
    ),
    "mental": Wording(
        "고객의 정신 상태를 작성자가 추측한 표현입니다. 관찰한 말과 행동을 기록하세요.",
        "[관찰한 내용: 예) 같은 질문을 여러 차례 반복함]",
        "[관찰한 내용: 예) 같은 질문을 여러 차례 반복한]",
    ),
    "comprehension": Wording(
        "고객의 이해력을 평가하는 표현입니다. 어떤 내용을 몇 번 다시 물었는지 기록하세요.",
        "같은 내용을 여러 차례 다시 질문함",
        "같은 내용을 여러 차례 다시 질문한",
    ),
    "seeming": Wording(
        "고객의 상태를 작성자가 짐작한 표현입니다. 고객이 실제로 한 말을 인용하세요.",
        "'…'라고 말함",
        "'…'라고 말한",
    ),
    "perception": Wording(
        "고객의 느낌을 작성자가 짐작한 표현입니다. 고객이 말한 내용으로 기록하세요.",
        None,
    ),
    "follow_up": Wording(
        "언제, 누가, 어떤 방법으로 연락하는지 빠져 있습니다.",
        "{date} 중 {who} 전화로 결과 안내 예정",
    ),
    "pending": Wording(
        "무엇을 언제까지 처리하는지 빠져 있습니다.",
        "{date}까지 {text}",
    ),
    "needed": Wording(
        "누가 무엇을 언제까지 확인하는지 빠져 있습니다.",
        "{who} {date}까지 [확인할 내용] 확인 예정",
    ),
    "problem": Wording(
        "어떤 문제인지(증상, 오류 내용, 발생 시점)가 빠져 있습니다.",
        "[증상: 예) 결제 시 '오류 E102' 표시] 발생",
    ),
    "done": Wording(
        "어떤 조치를 했는지 빠져 있습니다.",
        "{order}[조치 내용: 예) 재배송 접수] 완료",
    ),
    "informed": Wording(
        "무엇을 안내했는지 빠져 있습니다.",
        "[안내 내용: 예) {example}] 안내함",
    ),
    "handoff": Wording(
        "어느 부서나 담당자에게 넘겼는지 빠져 있습니다.",
        "[부서명: 예) 배송팀]으로 {text}",
    ),
    "complaint": Wording(
        "어떤 불만인지(대상, 내용)가 빠져 있습니다.",
        "[불만 내용: 예) 배송 3일 지연] 관련 {text}",
    ),
    "hedge": Wording("구체적인 기한이나 방법이 없는 모호한 표현입니다.", None),
}


def _with_subject_particle(who: str) -> str:
    return who + subject_particle(who)


def _format_date(date: dt.date | None) -> str:
    return written_date(date) if date else "[날짜]"


def _quote(facts: CallFacts | None) -> str | None:
    if not facts or not facts.customer_quotes:
        return None
    quote = facts.customer_quotes[0].strip().strip("'\"‘’“”")
    return quote[:MAX_QUOTE_CHARS].rstrip() + ("…" if len(quote) > MAX_QUOTE_CHARS else "")


def _form(span: Span) -> str:
    """How the phrase attaches: 'modifier' before a noun ("까다로운 고객", "진상 고객"),
    'adverbial' before a verb ("흥분한 상태로 항의함"), else 'predicate'."""
    last = span[-1]
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if last.tag_.endswith("ETM") or (
        last.pos_ == "NOUN" and following is not None and following.pos_ == "NOUN"
    ):
        return "modifier"
    if last.tag_.startswith("JKG"):  # "상식 밖의 요구": no rewrite fits inside the noun phrase
        return "genitive"
    if last.tag_.startswith(("JKB", "MAG")) or (last.tag_.endswith("EC") and last._.ending == "게"):
        return "adverbial"
    return "predicate"


def _subject_end(span: Span) -> int:
    """Token index after the judged subject ("고객이 ") the span starts with, else span.start."""
    from pipeline.nlp.components import SUBJECT_NOUNS

    if span[0].lemma_ not in SUBJECT_NOUNS:
        return span.start
    end = span.start
    while end < span.end and not span.doc[end].whitespace_:
        end += 1
    return min(end + 1, span.end)


def _subjective_suggestion(span: Span, facts: CallFacts | None) -> str | None:
    rule, wording = span.id_, WORDINGS[span.id_]
    form = _form(span)
    quote = _quote(facts) if rule in _QUOTE_RULES else None
    if form == "genitive":
        return None
    if quote is not None and form != "adverbial":
        core: str | None = f"'{quote}'라고 " + ("말한" if form == "modifier" else "말함")
    elif rule == "perception":
        core = _perception_rewrite(span)
    else:
        core = {"modifier": wording.modifier, "adverbial": wording.adverbial}.get(
            form, wording.predicate
        )
    if core is None:
        return None
    core = _with_connective(core, span[-1]._.ending)
    subject_end = _subject_end(span)
    subject = span.doc[span.start : subject_end].text_with_ws if subject_end > span.start else ""
    if subject and span.doc[subject_end - 1].tag_.startswith("JKG"):
        # "고객의 인성이 의심스러움" → "고객이 '…'라고 말함": the rewrite is about the customer.
        head = span.doc[span.start : subject_end - 1].text
        subject = _with_subject_particle(head) + " "
    return subject + core


def _with_connective(predicate: str, ending: str) -> str:
    """'…표출함' → '…표출했으며' when the flagged phrase goes on into the next clause."""
    connective = _CONNECTIVES.get(ending)
    if connective is None or not predicate.endswith("함"):
        return predicate
    return predicate[:-1] + connective


def _perception_rewrite(span: Span) -> str:
    """'불친절하다고 느낌' → '불친절하다고 말함': what the customer said, not what they felt."""
    from pipeline.nlp.components import QUOTATIVE_ENDINGS

    quotative = max((t.i for t in span if t._.ending in QUOTATIVE_ENDINGS), default=span.end - 1)
    return span.doc[_subject_end(span) : quotative + 1].text + " 말함"


def _vague_suggestion(span: Span, facts: CallFacts | None) -> str | None:
    rule, wording = span.id_, WORDINGS[span.id_]
    date = _format_date(facts.next_date() if facts else None)
    if rule == "handoff" and _LATIN_WORD.search(span.text):
        return None  # the Korean template does not fit an English note
    if rule == "handoff" and (target := _HANDOFF_TARGET.match(span.text)):
        return "[부서명: 예) 배송팀]" + (target.group(1) or "") + span.text[target.end() :]
    if rule == "hedge":
        text = _SPEED_HEDGE.sub(f"{date}까지", span.text, count=1)
        text = _MANNER_HEDGE.sub("[구체적인 방법]으로", text, count=1)
        text = _CONDITION_HEDGE.sub("[조건: 예) 택배사 회신이 없으면]", text, count=1)
        return text if text != span.text else None
    who = (facts.responsible if facts else None) or "상담원"
    order = f"주문번호 {facts.order_numbers[0]} " if facts and facts.order_numbers else ""
    amount = f"환불 금액 {facts.amounts[0]:,}원과 " if facts and facts.amounts else "환불 절차와 "
    return (wording.predicate or "").format(
        date=date,
        who=_with_subject_particle(who),
        text=span.text,
        order=order,
        example=f"{amount}입금 예정일",
    )


def _to_flag(span: Span, facts: CallFacts | None) -> PhrasingFlag:
    kind = FlagKind(span.label_)
    if kind is FlagKind.SUBJECTIVE:
        suggestion = _subjective_suggestion(span, facts)
    else:
        suggestion = _vague_suggestion(span, facts)
    return PhrasingFlag(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        kind=kind,
        reason=WORDINGS[span.id_].reason,
        suggestion=suggestion,
    )


@lru_cache(maxsize=512)
def _analysed(text: str) -> Doc:
    """Drafting asks about the same sentence more than once (each field, then the summary that
    repeats it); the pipeline only reads the doc afterwards, so one analysis serves them all."""
    from pipeline.nlp import get_nlp

    return get_nlp()(text)


_LATIN = re.compile(r"[A-Za-z]")


def _may_be_flagged(text: str) -> bool:
    """False only when no flag pattern can match: some lemma every pattern needs is missing
    (see pipeline.nlp.matching) and there is no Latin letter for the English ones. Most drafted
    sentences are like that, and Kiwi's analysis alone is much cheaper than the spaCy doc and
    its components."""
    from pipeline.nlp import get_nlp
    from pipeline.nlp.korean import analyse
    from pipeline.nlp.matching import DocWords

    if _LATIN.search(text):
        return True
    words = DocWords(frozenset(segment.lemma for segment in analyse(text)), latin=False)
    nlp = get_nlp()
    return any(
        nlp.get_pipe(name).matcher.could_match(words)
        for name in ("subjective_flagger", "vague_flagger")
    )


def read_ahead(texts: Iterable[str | None]) -> None:
    """Kiwi's analyses of texts about to be checked, made one after another: Kiwi reads a run of
    texts far faster than the same texts each between other work, with its model still in the
    CPU's caches. ``flag_text`` then finds them in ``analyse``'s cache."""
    from pipeline.nlp.korean import analyse

    for text in texts:
        if text and text.strip() and len(text) <= MAX_TEXT_CHARS and not _LATIN.search(text):
            analyse(text)


def flag_text(text: str, *, facts: CallFacts | None = None) -> list[PhrasingFlag]:
    """Subjective and vague phrases in ``text``, in order, with character offsets into it."""
    if not isinstance(text, str):
        raise InvalidInputError("the text to check must be a string")
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidInputError(f"the text is longer than {MAX_TEXT_CHARS} characters")
    if not text.strip() or not _may_be_flagged(text):
        return []
    from pipeline.nlp.components import FLAG_SPAN_KEY

    doc = _analysed(text)
    flags: list[PhrasingFlag] = []
    for span in sorted(doc.spans[FLAG_SPAN_KEY], key=lambda s: (s.start, -len(s))):
        if flags and span.start_char < flags[-1].end:
            continue
        flags.append(_to_flag(span, facts))
    return flags
