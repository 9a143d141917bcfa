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
def _lexicon() -> tuple[regex.Pattern, dict[str, str]]:
    kinds = {" ".join(r["phrase"].lower().split()): r["kind"] for r in rows("cues.csv")}
    return phrase_regex(kinds), kinds


def find_cues(text: str) -> list[Cue]:
    """Every cue phrase, longest match first, in text order."""
    pattern, kinds = _lexicon()
    out = []
    for m in pattern.finditer(text):
        kind = kinds.get(" ".join(m.group().lower().split()))
        if kind is None:
            continue
        if kind == "increase" and _NOT_INCREASE.match(text, m.start()):
            continue
        out.append(Cue(m.start(), m.end(), m.group(), kind))
    return out
