"""Regional sentence endings read as the standard ones, so that the cue rules written for
"드릴게요" also hear "드릴게예" (Gyeongsang) and the note quotes a written form.

Only word-final endings after at least two syllables are rewritten: 아예 (at all), 네예 and
유예 (grace period) are words, not endings.
"""

from __future__ import annotations

import re

_NOT_HANGUL_AFTER = r"(?![가-힣])"
_ENDINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern + _NOT_HANGUL_AFTER), standard)
    for pattern, standard in (
        # 있네예, 드릴게예, 그랬지예, 볼까예, 이층이라예, 없어예, 잠깐만예 → …요
        (r"(?<=[가-힣][네게께지까라고데든서어아래만])예", "요"),
        # 고맙심더, 알겠심더 → 고맙습니다
        (r"(?<=[가-힣])심더", "습니다"),
        # 뜹니더, 수고하십니더 → …니다
        (r"(?<=[가-힣])니더", "니다"),
        # 아입니꺼 → 아닙니까; 됩니꺼 → 됩니까
        (r"아입니꺼", "아닙니까"),
        (r"(?<=[가-힣])니꺼", "니까"),
        # 수고하이소, 해 주이소, 보이소 → …세요
        (r"(?<=[하주보])이소", "세요"),
    )
)


def standard_endings(text: str) -> str:
    """``text`` with regional sentence endings in their standard form."""
    for pattern, standard in _ENDINGS:
        text = pattern.sub(standard, text)
    return text
