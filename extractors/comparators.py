"""Comparators: the words that say how a value bounds the quantity.

    >>> text = "đạt trên tối thiểu 40% và dưới 5%, từ 30% trở lên"
    >>> [comparator_for(text, m, m + 3) for m in (19, 31)]
    ['>=', '<']
    >>> comparator_for("tỷ lệ giảm từ 29,2% xuống 23,5%", 16, 21)
    '='

"""

from __future__ import annotations

from functools import cache

import regex
from chitieu.extractors import scan
from chitieu.extractors.lexicon import rows
from chitieu.extractors.patterns import WB_AFTER, WB_BEFORE

# Words that may stand between a comparator and its number: "trên mức 50%", "tối thiểu là 90%".
_FILLER = r"(?:(?:mức|là|đạt|ở\s+mức|con\s+số)\s+)*"


@cache
def _patterns() -> tuple[scan.FromEnd, regex.Pattern, dict[str, str], dict[str, str]]:
    before = {r["phrase"]: r["comparator"] for r in rows("comparators.csv") if r["position"] == "before"}
    after = {r["phrase"]: r["comparator"] for r in rows("comparators.csv") if r["position"] == "after"}

    def alt(ps):
        return "|".join(r"\s+".join(map(regex.escape, p.split())) for p in sorted(ps, key=len, reverse=True))

    # end-anchored: asked from the end (most values have no comparator); a sign may stand right before its
    # number ("≥ 30%", "≤5%")
    before_re = scan.FromEnd(regex.compile(WB_BEFORE + "(?P<w>" + alt(before) + r")(?:\s+|(?<=[≥≤<>])\s*)" + _FILLER + r"$",
                                           regex.IGNORECASE))
    after_re = regex.compile(r"^\s*(?P<w>" + alt(after) + ")" + WB_AFTER, regex.IGNORECASE)
    return before_re, after_re, {k.lower(): v for k, v in before.items()}, {k.lower(): v for k, v in after.items()}


@cache
def _change() -> tuple[frozenset[str], regex.Pattern]:
    """The words that start a change (``từ``) and the pattern of where it goes after the value (``xuống``)."""
    starts = frozenset(r["phrase"].lower() for r in rows("comparators.csv") if r["position"] == "from_to")
    goes = [r["phrase"] for r in rows("comparators.csv") if r["position"] == "change_to"]
    alt = "|".join(r"\s+".join(map(regex.escape, p.split())) for p in sorted(goes, key=len, reverse=True))
    return starts, regex.compile(r"^[^,;:%]{0,40}?" + WB_BEFORE + "(?:" + alt + r")\s+[\d(]", regex.IGNORECASE)


def starts_a_change(before: str, after: str) -> bool:
    """Whether a value is where a change starts: a ``from_to`` word right before it and a ``change_to``
    word after it (``giảm từ 29,2% cuối năm 2020 xuống còn 23,5%``).

        >>> starts_a_change("Tỷ lệ giảm từ ", " xuống 23,5%"), starts_a_change("đạt từ ", " trở lên")
        (True, False)
    """
    before_re, _, _, _ = _patterns()
    starts, goes = _change()
    m = before_re.search(before[-40:])
    return bool(m) and " ".join(m.group("w").lower().split()) in starts and goes.search(after[:60]) is not None


def comparator_for(text: str, start: int, end: int) -> str:
    """Comparator of the number at ``text[start:end]``: the nearest word before it, or ``trở lên``
    after it; ``=`` when there is none."""
    before_re, after_re, before, after = _patterns()
    m = after_re.search(text[end:end + 20])
    if m:
        return after[" ".join(m.group("w").lower().split())]
    m = before_re.search(text[max(0, start - 40):start])
    if m:
        word = " ".join(m.group("w").lower().split())
        starts, goes = _change()
        if word in starts and goes.search(text[end:end + 60]):
            return "="  # "giảm từ 29,2% cuối năm 2020 xuống còn 23,5%": where a change starts, not a bound
        return before[word]
    return "="
