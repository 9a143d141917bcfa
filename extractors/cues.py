"""Status and measure cues: what makes a value a goal, an achievement, or a change per period.

    >>> [(c.surface, c.kind) for c in find_cues("Tỉnh phấn đấu đến năm 2025 tăng thêm 10%/năm; đã đạt 51%")]
    [('phấn đấu', 'target'), ('tăng thêm', 'increase'), ('/năm', 'per_period'), ('đã đạt', 'actual')]
"""

from __future__ import annotations

from functools import cache

import regex

from extractors.lexicon import rows
from extractors.patterns import phrase_regex
from pipeline.models import Cue

# "tăng trưởng" is growth (a level), "tăng lên 80%" reaches a level: neither is an increase.
_NOT_INCREASE = regex.compile(r"tăng\s+(?:trưởng|cường|lên|tốc)", regex.IGNORECASE)


@cache
def _lexicon() -> tuple[regex.Pattern, regex.Pattern, dict[str, str]]:
    kinds = {" ".join(r["phrase"].lower().split()): r["kind"] for r in rows("cues.csv")}
    return phrase_regex(kinds, ignore_case=False), phrase_regex(kinds), kinds


def find_cues(text: str, offset: int = 0) -> list[Cue]:
    """Every cue phrase, longest match first, in text order (``offset`` added to every position)."""
    lower_pattern, pattern, kinds = _lexicon()
    lowered = text.lower()
    # The lexicon is lowercase: matching the lowercased text case-sensitively is the same search, much
    # faster than a case-insensitive alternation (when lowercasing keeps every offset).
    scan = lower_pattern.finditer(lowered) if len(lowered) == len(text) else pattern.finditer(text)
    out = []
    for m in scan:
        # Most matches are written as listed (lowercase, single spaces): looked up as they are.
        kind = kinds.get(m.group()) or kinds.get(" ".join(m.group().lower().split()))
        if kind is None:
            continue
        if kind == "increase" and _NOT_INCREASE.match(text, m.start()):
            continue
        out.append(Cue(m.start() + offset, m.end() + offset, text[m.start():m.end()], kind))
    return out
