"""A token-pattern matcher that only runs the patterns a text could match.

Most texts the flagger sees (every drafted sentence) contain none of the words most patterns
need, yet spaCy's ``Matcher`` tries every pattern's first token at every position, and its
``IN``/``REGEX`` predicates run in Python. Each pattern here gets an *anchor*: the lemmas of its
most selective mandatory token (or, for English patterns, any Latin letter). A pattern runs
only on docs that contain its anchor, so the matches are those of one ``Matcher`` over all the
patterns, at a fraction of the cost.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

TokenSpec = dict[str, object]
_LATIN = re.compile(r"[A-Za-z]")
_USER_DATA_KEY = "anchored_matcher_words"
_TEXT_KEY = "doc_text"
MATCHER_CACHE_SIZE = 256


@dataclass(frozen=True)
class Anchor:
    """What a doc must contain for a pattern to have a chance: one of ``lemmas``, or a Latin
    letter when ``latin``. Neither: the pattern runs on every doc."""

    lemmas: frozenset[str] = frozenset()
    latin: bool = False
    # One set per mandatory lemma token: a doc lacking any of them cannot match.
    required: tuple[frozenset[str], ...] = ()

    @classmethod
    def of(cls, pattern: list[TokenSpec]) -> Anchor:
        mandatory = [spec for spec in pattern if spec.get("OP") not in ("?", "*")]
        lemma_sets = tuple(s for spec in mandatory if (s := _lemmas(spec.get("LEMMA"))))
        if lemma_sets:
            return cls(lemmas=min(lemma_sets, key=len), required=lemma_sets)
        return cls(latin=any("LOWER" in spec for spec in mandatory))

    def allows(self, lemmas: frozenset[str]) -> bool:
        return all(not options.isdisjoint(lemmas) for options in self.required)


def _lemmas(spec: object) -> frozenset[str]:
    if isinstance(spec, str):
        return frozenset([spec])
    if isinstance(spec, dict) and isinstance(spec.get("IN"), list):
        return frozenset(spec["IN"])
    return frozenset()


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept with the doc: spaCy joins every token's text anew on each read, and
    the components read it several times per doc (the flagger's docs are never retokenised)."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_words(doc: Doc, text: str, lemmas: Iterable[str]) -> None:
    """Keep the doc's text and words as its tokenizer made them: reading them back from the doc
    builds a spaCy ``Token`` for every token, and a doc's text equals its tokenizer's input."""
    doc.user_data[_TEXT_KEY] = text
    doc.user_data[_USER_DATA_KEY] = DocWords(frozenset(lemmas), bool(_LATIN.search(text)))


@dataclass(frozen=True)
class DocWords:
    lemmas: frozenset[str]
    latin: bool

    @classmethod
    def of(cls, doc: Doc) -> DocWords:
        """Computed once per doc and shared by the components that match on it."""
        cached = doc.user_data.get(_USER_DATA_KEY)
        if isinstance(cached, DocWords):
            return cached
        words = cls(frozenset(t.lemma_ for t in doc), bool(_LATIN.search(doc_text(doc))))
        doc.user_data[_USER_DATA_KEY] = words
        return words


class AnchoredMatcher:
    """``(key, start, end)`` of every match, as one ``Matcher`` with all the patterns gives."""

    def __init__(self, nlp: Language, patterns: Iterable[tuple[str, list[TokenSpec]]]) -> None:
        self.vocab = nlp.vocab
        self.keys: list[str] = []
        self.patterns: list[list[TokenSpec]] = []
        self.by_lemma: dict[str, list[int]] = defaultdict(list)
        self.latin: list[int] = []
        self.always: list[int] = []
        self.anchors: list[Anchor] = []
        # Each distinct set of candidate patterns gets one Matcher: one pass over the doc then
        # serves them all, where a Matcher per pattern walked the doc once for each. A few
        # dozen sets occur; the bound only keeps odd texts from growing the cache.
        self._matcher = lru_cache(maxsize=MATCHER_CACHE_SIZE)(self._build_matcher)
        for index, (key, pattern) in enumerate(patterns):
            self.keys.append(key)
            self.patterns.append(pattern)
            anchor = Anchor.of(pattern)
            self.anchors.append(anchor)
            for lemma in anchor.lemmas:
                self.by_lemma[lemma].append(index)
            if not anchor.lemmas:
                (self.latin if anchor.latin else self.always).append(index)

    def _candidates(self, words: DocWords) -> list[int]:
        candidates = set(self.always)
        if words.latin:
            candidates.update(self.latin)
        for lemma in words.lemmas & self.by_lemma.keys():
            candidates.update(i for i in self.by_lemma[lemma] if self.anchors[i].allows(words.lemmas))
        return sorted(candidates)

    def could_match(self, words: DocWords) -> bool:
        """Whether any pattern could match a doc with these words, without building the doc."""
        return bool(self._candidates(words))

    def _build_matcher(self, candidates: tuple[int, ...]) -> Matcher:
        """A Matcher with the candidate patterns, each under its own index as the match key."""
        matcher = Matcher(self.vocab)
        for index in candidates:
            matcher.add(str(index), [self.patterns[index]])
        return matcher

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        candidates = tuple(self._candidates(DocWords.of(doc)))
        if not candidates:
            return []
        # The first pattern (in pattern order) that finds a match is the one it is reported for.
        first: dict[tuple[str, int, int], int] = {}
        for match_id, start, end in self._matcher(candidates)(doc):
            index = int(self.vocab.strings[match_id])
            match = (self.keys[index], start, end)
            first[match] = min(index, first.get(match, index))
        # spaCy reports matches in the order they end; keep that order for ties downstream,
        # and between matches of one range that of their patterns.
        return sorted(first, key=lambda match: (match[2], match[1], first[match]))
