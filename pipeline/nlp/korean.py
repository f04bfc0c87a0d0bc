"""Kiwi as the tokenizer of a spaCy pipeline.

Kiwi analyses Korean into morphemes whose character ranges may overlap (났다 = 나/VV + 었/EP +
다/EF, where 나 and 었 share one syllable) or be empty (the copula in 김철수고요). spaCy tokens
cannot overlap, so morphemes that share characters become one token; the token keeps the lemma
of its first lexical morpheme and the joined Kiwi tags. The Doc's text always equals the input,
so token and span offsets are offsets into the caller's string.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from spacy.tokens import Doc, Token
from spacy.util import get_words_and_spaces, registry

from callnotes.errors import ModelUnavailableError
from pipeline.nlp.matching import remember_words

if TYPE_CHECKING:
    from kiwipiepy import Kiwi
    from kiwipiepy import Token as KiwiToken
    from spacy.language import Language
    from spacy.vocab import Vocab

TOKENIZER_NAME = "callnotes.KiwiTokenizer.v1"

# Kiwi (Sejong) tag prefix → Universal POS. Longest prefix wins.
_UPOS_BY_TAG_PREFIX: tuple[tuple[str, str], ...] = (
    ("NNP", "PROPN"),
    ("NNB", "NOUN"),
    ("NNG", "NOUN"),
    ("NR", "NUM"),
    ("NP", "PRON"),
    ("VV", "VERB"),
    ("VA", "ADJ"),
    ("VX", "AUX"),
    ("VC", "AUX"),
    ("MM", "DET"),
    ("MAJ", "CCONJ"),
    ("MA", "ADV"),
    ("IC", "INTJ"),
    ("J", "ADP"),
    ("E", "PART"),
    ("XR", "NOUN"),
    ("X", "PART"),
    ("SN", "NUM"),
    ("SF", "PUNCT"),
    ("SP", "PUNCT"),
    ("SS", "PUNCT"),
    ("SE", "PUNCT"),
    ("SO", "PUNCT"),
    ("SW", "SYM"),
    ("SL", "X"),
    ("SH", "X"),
    ("W_", "X"),
    ("Z", "X"),
)

# Morphemes that carry a word's meaning; a merged token takes its lemma from the first of these.
_LEXICAL_TAG_PREFIXES: tuple[str, ...] = ("N", "V", "M", "IC", "XR", "S")


@lru_cache(maxsize=None)  # Kiwi has a few dozen tags; the prefix scan ran for every morpheme
def upos_for(kiwi_tag: str) -> str:
    for prefix, upos in _UPOS_BY_TAG_PREFIX:
        if kiwi_tag.startswith(prefix):
            return upos
    return "X"


# Call-centre words Kiwi's general model splits wrongly at a sentence start
# ("안내드렸음" → 안/MAG + 내다); registered as nouns they analyse as written.
DOMAIN_NOUNS: tuple[str, ...] = (
    "안내",
    "재안내",
    "재연락",
    "재통화",
    "재배송",
    "재발송",
    "재접수",
    "이관",
    "회신",
    "콜백",
    "상담원",
    "상담사",
    "블랙컨슈머",
    "영업일",
)


# Noun + verb written as one word that Kiwi sometimes splits (화나셨다 → 화/NNG + 나/VV).
COMPOUND_VERBS: frozenset[str] = frozenset(
    {"화나다", "화내다", "짜증나다", "열받다", "신경질나다", "겁나다", "기분나쁘다", "속상하다"}
)


@lru_cache(maxsize=1)
def get_kiwi() -> Kiwi:
    """The one Kiwi instance of the process (loading its model takes about a second)."""
    try:
        from kiwipiepy import Kiwi
    except ImportError as error:  # pragma: no cover - kiwipiepy is a hard dependency
        raise ModelUnavailableError("kiwipiepy is not installed") from error
    try:
        kiwi = Kiwi()
    except Exception as error:  # pragma: no cover - corrupt kiwipiepy-model install
        raise ModelUnavailableError(f"the Kiwi model cannot be loaded: {error}") from error
    for noun in DOMAIN_NOUNS:
        kiwi.add_user_word(noun, "NNG", 0)
    return kiwi


class Segment(NamedTuple):
    """One spaCy token: a non-overlapping character range and the morphemes inside it. A named
    tuple, not a frozen dataclass: every analysed text makes dozens, three times as fast."""

    start: int
    end: int
    tag: str
    lemma: str
    pos: str
    ending: str = ""


def _compound_lemma(noun: KiwiToken, verb: KiwiToken) -> str | None:
    """'화' + '나다' written together (화나셨다) is the verb 화나다 Kiwi finds in '화난'."""
    lemma = noun.form + (verb.lemma or verb.form)
    return (
        lemma
        if noun.tag == "NNG" and verb.tag.startswith("V") and lemma in COMPOUND_VERBS
        else None
    )


def _joins(group: list[KiwiToken], group_end: int, morpheme: KiwiToken) -> bool:
    if morpheme.start < group_end or morpheme.len == 0:
        return True
    return morpheme.start == group_end and _compound_lemma(group[-1], morpheme) is not None


def _segment(text: str, morphemes: list[KiwiToken]) -> list[Segment]:
    groups: list[list[KiwiToken]] = []
    group_end = -1
    for morpheme in morphemes:
        end = morpheme.start + morpheme.len
        if groups and _joins(groups[-1], group_end, morpheme):
            groups[-1].append(morpheme)
            group_end = max(group_end, end)
        else:
            groups.append([morpheme])
            group_end = end
    segments = [_merge(group) for group in groups]
    return [s for s in segments if s.end > s.start and not text[s.start : s.end].isspace()]


def _merge(group: list[KiwiToken]) -> Segment:
    head = next((m for m in group if m.tag.startswith(_LEXICAL_TAG_PREFIXES)), group[0])
    compound = _compound_lemma(group[0], group[1]) if len(group) > 1 else None
    return Segment(
        start=group[0].start,
        end=max(m.start + m.len for m in group),
        tag="+".join(m.tag for m in group),
        lemma=compound or head.lemma or head.form,
        pos="VERB" if compound else upos_for(head.tag),
        ending=group[-1].form if group[-1].tag.startswith(("E", "J")) else "",
    )


def _fill_gaps(text: str, segments: list[Segment]) -> list[Segment]:
    """Characters Kiwi skipped (rare symbols) become their own tokens so none are lost."""
    filled: list[Segment] = []
    cursor = 0
    for segment in [*segments, Segment(len(text), len(text), "", "", "")]:
        for piece_start, piece_end in _non_space_runs(text, cursor, segment.start):
            piece = text[piece_start:piece_end]
            filled.append(Segment(piece_start, piece_end, "SW", piece, "X"))
        if segment.end > segment.start:
            filled.append(segment)
        cursor = max(cursor, segment.end)
    return filled


def _non_space_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    run_start: int | None = None
    for index in range(start, end):
        if text[index].isspace():
            if run_start is not None:
                runs.append((run_start, index))
                run_start = None
        elif run_start is None:
            run_start = index
    if run_start is not None:
        runs.append((run_start, end))
    return runs


def _non_overlapping(segments: list[Segment]) -> list[Segment]:
    kept: list[Segment] = []
    for segment in sorted(segments, key=lambda s: (s.start, -s.end)):
        if kept and segment.start < kept[-1].end:
            continue
        kept.append(segment)
    return kept


@lru_cache(maxsize=1024)
def analyse(text: str) -> tuple[Segment, ...]:
    """Kiwi's analysis of ``text`` as non-overlapping segments covering every non-space char.

    Cached: the flagger reads a drafted text's lemmas before deciding to build its spaCy doc,
    whose tokenizer then asks for the same analysis (and names are checked in the same turns)."""
    if not text.strip():
        return ()
    morphemes = list(get_kiwi().tokenize(text))
    return tuple(_fill_gaps(text, _non_overlapping(_segment(text, morphemes))))


class KiwiTokenizer:
    """A spaCy tokenizer: ``nlp(text)`` runs Kiwi and sets tag_, pos_ and lemma_ on each token.

    ``token._.ending`` is the form of the token's last morpheme when that is an ending or a
    particle: merged tokens (난다고 = 나/VV + ᆫ다고/EC) keep the verb's lemma, so patterns that
    need the ending (reported speech) match on it.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        if not Token.has_extension("ending"):
            Token.set_extension("ending", default="")

    def __call__(self, text: str) -> Doc:
        segments = analyse(text)
        words = [text[s.start : s.end] for s in segments]
        all_words, spaces = get_words_and_spaces(words, text)
        aligned: list[Segment] = []
        by_word = iter(segments)
        pending = next(by_word, None)
        for word in all_words:
            if pending is not None and word == text[pending.start : pending.end]:
                aligned.append(pending)
                pending = next(by_word, None)
            else:  # whitespace token inserted by get_words_and_spaces
                aligned.append(Segment(0, 0, "_SP", word, "SPACE"))
        lemmas = [s.lemma for s in aligned]
        doc = Doc(
            self.vocab,
            words=all_words,
            spaces=spaces,
            tags=[s.tag for s in aligned],
            lemmas=lemmas,
            pos=[s.pos for s in aligned],
        )
        remember_words(doc, text, lemmas)
        for token, segment in zip(doc, aligned, strict=True):
            if segment.ending:
                token._.ending = segment.ending
        return doc

    # spaCy serialises tokenizers; this one has no state beyond the shared Kiwi instance.
    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: object) -> KiwiTokenizer:
        return self

    def to_disk(self, _path: object, **_: object) -> None:
        return None

    def from_disk(self, _path: object, **_: object) -> KiwiTokenizer:
        return self


@registry.tokenizers(TOKENIZER_NAME)
def create_kiwi_tokenizer() -> object:
    def make(nlp: Language) -> KiwiTokenizer:
        return KiwiTokenizer(nlp.vocab)

    return make
