"""Estimates: the words that make a figure an estimate (the guide's ``estimate``).

    >>> [(c.surface, c.kind) for c in find_estimates("Giá trị xuất khẩu ước đạt 16,8 tỷ USD; dự ước cả năm tăng 5%")]
    [('ước đạt', 'estimate'), ('dự ước', 'estimate')]
    >>> find_estimates("Công ước quốc tế; ước mơ của em; dự kiến đạt 80%")
    []
"""

from __future__ import annotations

import re
from functools import cache

from chitieu.extractors.lexicon import rows
from chitieu.extractors.patterns import Caseless

from chitieu.models import Cue

# Where an estimate word governs what follows: its sentence (a new sentence or item starts a new subject).
_SENTENCE_BREAK = re.compile(r"[.;!?\n]\s")


@cache
def _lexicon() -> tuple[Caseless, dict[str, str]]:
    kinds = {" ".join(r["phrase"].lower().split()): r["kind"] for r in rows("estimate_words.csv")}
    return Caseless(kinds, needs=["ước"]), kinds  # every word of the list holds "ước" (most sentences none)


def find_estimates(text: str) -> list[Cue]:
    """Every estimate word of ``text``, longest match first, in text order (kind ``estimate``)."""
    pattern, kinds = _lexicon()
    out = []
    for m in pattern.finditer(text):
        if kinds.get(" ".join(m.group().lower().split())) == "estimate":
            out.append(Cue(m.start(), m.end(), text[m.start():m.end()], "estimate"))
    return out


def estimated(before: str) -> bool:
    """Whether an estimate word stands in the sentence of a value, before it (``before``: the text up to
    the value). Coordinated predicates of one subject share it (``ước đạt 16,8 tỷ USD, tăng 29,9% … và
    bằng 52,6% kế hoạch``); the next sentence does not.

        >>> estimated("Xuất khẩu ước đạt 16,8 tỷ USD, tăng 29,9% so với cùng kỳ và bằng ")
        True
        >>> estimated("Tổng thu ước đạt 100 tỷ đồng. Trong đó, thu nội địa đạt ")
        False
    """
    breaks = list(_SENTENCE_BREAK.finditer(before))
    sentence = before[breaks[-1].end():] if breaks else before
    return bool(find_estimates(sentence))
