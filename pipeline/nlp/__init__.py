"""The Korean spaCy pipeline: Kiwi tokenizer + the phrasing-flag components.

Nothing is loaded at import; ``get_nlp()`` builds the pipeline once per process.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

PIPE_NAMES: tuple[str, ...] = ("quote_marker", "subjective_flagger", "vague_flagger")
DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The words of ``data/<name>.txt``, one a line, in file order; ``#`` starts a comment."""
    lines = (DATA_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(w for line in lines if (w := line.split("#", 1)[0].strip()))


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    import spacy

    from pipeline.nlp import components  # noqa: F401  (registers the factories)
    from pipeline.nlp.korean import TOKENIZER_NAME

    nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    return nlp
