"""Status and measure cues: what makes a value a goal, an achievement, or a change per period.

    >>> [(c.surface, c.kind) for c in find_cues("Tỉnh phấn đấu đến năm 2025 tăng thêm 10%/năm; đã đạt 51%")]
    [('phấn đấu', 'target'), ('tăng thêm', 'increase'), ('/năm', 'per_period'), ('đã đạt', 'actual')]
"""

from __future__ import annotations

from functools import cache

import regex
from chitieu.extractors.lexicon import alternation, rows, words
from chitieu.extractors.patterns import bounded, lowered, phrase_regex

from chitieu.models import Cue

# Kinds that are read where a value's measure is decided, not found as cues.
_NOT_FOUND = ("change_modifier", "not_change")


@cache
def _not_change() -> regex.Pattern:
    """ "tăng trưởng" is growth (a level), "tăng lên 80%" reaches a level: neither is an increase."""
    return regex.compile(alternation(words("cues.csv", "not_change", column="kind")), regex.IGNORECASE)


@cache
def _lexicon() -> tuple[regex.Pattern, regex.Pattern, dict[str, str]]:
    kinds = {" ".join(r["phrase"].lower().split()): r["kind"] for r in rows("cues.csv") if r["kind"] not in _NOT_FOUND}
    return phrase_regex(kinds, ignore_case=False), phrase_regex(kinds), kinds


def find_cues(text: str, offset: int = 0) -> list[Cue]:
    """Every cue phrase, longest match first, in text order (``offset`` added to every position)."""
    lower_pattern, pattern, kinds = _lexicon()
    lowered_text = text.lower()
    # The lexicon is lowercase: matching the lowercased text case-sensitively is the same search, much
    # faster than a case-insensitive alternation (when lowercasing keeps every offset).
    if len(lowered_text) == len(text):
        return _cues(text, lower_pattern.finditer(lowered_text), len(text), offset)
    return _cues(text, pattern.finditer(text), len(text), offset)


def find_cues_in(text: str, regions: list[tuple[int, int]]) -> list[Cue]:
    """``find_cues`` of each region of ``text`` (offsets in ``text``), in one pass over the text's
    lowercase copy: the same cues as region by region when regions are bounded by spaces
    (:func:`chitieu.extractors.patterns.bounded`); other regions are read one by one.

        >>> [c.surface for c in find_cues_in("Phấn đấu\\nĐã đạt 51%", [(0, 8), (9, 19)])]
        ['Phấn đấu', 'Đã đạt']
    """
    low = lowered(text)
    if low is None or not bounded(text, regions):
        return [c for s, e in regions for c in find_cues(text[s:e], offset=s)]
    lower_pattern, _, _ = _lexicon()
    return [c for s, e in regions for c in _cues(text, lower_pattern.finditer(low, s, e), e, 0)]


def _cues(text: str, matches, end: int, offset: int) -> list[Cue]:
    _, _, kinds = _lexicon()
    out = []
    for m in matches:
        # Most matches are written as listed (lowercase, single spaces): looked up as they are.
        kind = kinds.get(m.group()) or kinds.get(" ".join(m.group().lower().split()))
        if kind is None:
            continue
        if kind == "increase" and _not_change().match(text, m.start(), end):
            continue
        out.append(Cue(m.start() + offset, m.end() + offset, text[m.start():m.end()], kind))
    return out
