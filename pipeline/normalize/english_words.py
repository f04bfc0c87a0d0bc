"""The content words of English text: what the benchmark scores English free text on and what
the English label models read.

Kiwi tags every Latin word SL and keeps its case and inflection, so "Inquiry" / "inquiry",
"days" / "day" would differ and "the", "of", "is" would count as content. English is read on
its own words instead: lower case, function words and the parties' roles left out (as 고객 /
상담원 are in Korean), a light suffix stem ("charges" = "charged" = "charge"), number words as
digits.
"""

from __future__ import annotations

import re

_ENGLISH_WORD = re.compile(r"[a-z0-9$£€][a-z0-9$£€.,'@:-]*[a-z0-9]|[a-z0-9]")
_ENGLISH_EMPTY = frozenset(
    """a an the and or but if of to in on at by for from with about into over after before
    under as is are was were be been being am has have had do does did not no nor so than that
    this these those there it its it's he she him her his hers they them their theirs we us our
    you your i me my who whom which what when where why how all any both each some such only own
    same too very can will would should could may might must shall just also then once again
    while during until up down out off more most other another customer agent caller call""".split()
)
_NUMBER_WORDS = dict(
    zip("zero one two three four five six seven eight nine ten eleven twelve".split(), map(str, range(13)))
)


def _stem(word: str) -> str:
    word = word.strip(".,:'").removesuffix("'s")
    if re.fullmatch(r"[\d$£€.,:-]+|.*\d.*", word):
        return word.replace(",", "")
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "ls":
                word = word[:-1]
            break
    if word.endswith("ll") and len(word) > 4:
        word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def content_words(text: str) -> list[str]:
    """The text's content words, stemmed, in the order said and as often as said."""
    words = (_stem(_NUMBER_WORDS.get(w, w)) for w in _ENGLISH_WORD.findall(text.lower()))
    return [w for w in words if w and w not in _ENGLISH_EMPTY]
