"""Comparators: the words that say how a value bounds the quantity.

    >>> text = "đạt trên tối thiểu 40% và dưới 5%, từ 30% trở lên"
    >>> [comparator_for(text, m, m + 3) for m in (19, 31)]
    ['>=', '<']
"""

from __future__ import annotations

from functools import cache

import regex
from chitieu.extractors.lexicon import rows
from chitieu.extractors.patterns import WB_AFTER, WB_BEFORE

# Words that may stand between a comparator and its number: "trên mức 50%", "tối thiểu là 90%".
_FILLER = r"(?:(?:mức|là|đạt|ở\s+mức|con\s+số)\s+)*"


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, dict[str, str], dict[str, str]]:
    before = {r["phrase"]: r["comparator"] for r in rows("comparators.csv") if r["position"] == "before"}
    after = {r["phrase"]: r["comparator"] for r in rows("comparators.csv") if r["position"] == "after"}

    def alt(ps):
        return "|".join(r"\s+".join(map(regex.escape, p.split())) for p in sorted(ps, key=len, reverse=True))

    before_re = regex.compile(WB_BEFORE + "(?P<w>" + alt(before) + r")\s+" + _FILLER + r"$", regex.IGNORECASE)
    after_re = regex.compile(r"^\s*(?P<w>" + alt(after) + ")" + WB_AFTER, regex.IGNORECASE)
    return before_re, after_re, {k.lower(): v for k, v in before.items()}, {k.lower(): v for k, v in after.items()}


def comparator_for(text: str, start: int, end: int) -> str:
    """Comparator of the number at ``text[start:end]``: the nearest word before it, or ``trở lên``
    after it; ``=`` when there is none."""
    before_re, after_re, before, after = _patterns()
    m = after_re.search(text[end:end + 20])
    if m:
        return after[" ".join(m.group("w").lower().split())]
    m = before_re.search(text[max(0, start - 40):start])
    if m:
        return before[" ".join(m.group("w").lower().split())]
    return "="
