"""Status and measure cues: what makes a value a goal, an achievement, or a change per period.

    >>> [(c.surface, c.kind) for c in find_cues("Tỉnh phấn đấu đến năm 2025 tăng thêm 10%/năm; đã đạt 51%")]
    [('phấn đấu', 'target'), ('tăng thêm', 'increase'), ('/năm', 'per_period'), ('đã đạt', 'actual')]
"""

from __future__ import annotations

from functools import cache

import regex
from chitieu.extractors import scan
from chitieu.extractors.lexicon import alternation, rows, words

from chitieu.models import Cue

# Kinds that are read where a value's measure is decided, not found as cues.
_NOT_FOUND = ("change_modifier", "not_change")


@cache
def _not_change() -> regex.Pattern:
    """ "tăng trưởng" is growth (a level), "tăng lên 80%" reaches a level: neither is an increase."""
    return regex.compile(alternation(words("cues.csv", "not_change", column="kind")), regex.IGNORECASE)


@cache
def _lexicon() -> tuple[scan.Caseless, dict[str, str]]:
    kinds = {" ".join(r["phrase"].lower().split()): r["kind"] for r in rows("cues.csv") if r["kind"] not in _NOT_FOUND}
    return scan.Caseless(kinds), kinds


def find_cues(text: str, offset: int = 0) -> list[Cue]:
    """Every cue phrase, longest match first, in text order (``offset`` added to every position)."""
    return _cues(text, 0, len(text), offset)


def find_cues_in(text: str, regions: list[tuple[int, int]]) -> list[Cue]:
    """``[c for s, e in regions for c in find_cues(text[s:e], offset=s)]``, read between each region's
    bounds instead of slice by slice when that is the same (:func:`chitieu.extractors.scan.regions_pass`).

        >>> [c.surface for c in find_cues_in("Phấn đấu\\nĐã đạt 51%", [(0, 8), (9, 19)])]
        ['Phấn đấu', 'Đã đạt']
    """
    return scan.regions_pass(text, regions, find_cues, lambda s, e: _cues(text, s, e, 0))


def _cues(text: str, start: int, end: int, offset: int) -> list[Cue]:
    """The cues between ``start`` and ``end`` as if that stretch were the whole text."""
    phrases, kinds = _lexicon()
    out = []
    for m in phrases.finditer(text, start, end):
        # Most matches are written as listed (lowercase, single spaces): looked up as they are.
        kind = kinds.get(m.group()) or kinds.get(" ".join(m.group().lower().split()))
        if kind is None:
            continue
        if kind == "increase" and _not_change().match(text, m.start(), end):
            continue
        out.append(Cue(m.start() + offset, m.end() + offset, text[m.start():m.end()], kind))
    return out
