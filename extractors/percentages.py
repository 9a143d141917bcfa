"""Percentages and ranges of them, with their comparators.

    >>> [(p.surface, p.value, p.comparator) for p in find_percentages("đạt tối thiểu 95% và từ 30% trở lên")]
    [('95%', 95.0, '>='), ('30%', 30.0, '>=')]
    >>> p = find_percentages("từ 75% đến 80% hộ dân")[0]
    >>> (p.surface, p.value, p.value_high, p.comparator)
    ('từ 75% đến 80%', 75.0, 80.0, 'range')
    >>> find_percentages("năm mươi phần trăm số xã")[0].value
    50.0

A minus sign joined to the number keeps it (``giảm -5%``, ``tăng trưởng âm -2,1%``, ``(-3,5%)``); a dash
that opens a line or is followed by a space is a list bullet (``- 50% số xã``); a number too long
for a float (thousands of digits) is no percentage:

    >>> [(p.surface, p.value) for p in find_percentages("giảm -5%; (-3,5%)\\n- 50% số xã\\n-20% số hộ")]
    [('-5%', -5.0), ('-3,5%', -3.5), ('50%', 50.0), ('20%', 20.0)]
"""

from __future__ import annotations

import math
from functools import cache

import regex
from chitieu.extractors import scan
from chitieu.extractors.comparators import comparator_for
from chitieu.extractors.lexicon import alternation, rows
from chitieu.extractors.numbers import parse_number, parse_number_words
from chitieu.extractors.patterns import (
    NUMBER_WORDS,
    PERCENT_RE,
    RANGE_RE,
    RANGE_TU_BEFORE,
    WORDS_PERCENT_RE,
)

from chitieu.models import Percentage

_TOKEN = regex.compile(r"\S+")
# A percentage, a range of them, or one in words ends at its sign ("%", "trăm") and is written with
# digits, spaces, ".,%-" and the letters of number words, "phần trăm", "đến", "tới", "dưới", "hơn", "trên", "không
# quá" and "tối đa" only: it lies
# within the run of such characters that ends at its sign (searched backwards from the sign: the last
# character outside), and the patterns' look-aheads read one character after the sign.
_LETTERS = "".join(sorted(set("".join(NUMBER_WORDS) + "phầntrămđếntớidướihơntrênkhôngquátốiđa")))
_WINDOWS = scan.Windows(("%", "trăm"), after=1, before=regex.compile(
    r"[^\d\s.,%\-" + _LETTERS + "]", regex.IGNORECASE | regex.REVERSE))


def find_percentages(text: str) -> list[Percentage]:
    """Every percentage (or range of percentages) in ``text``, in order, non-overlapping."""
    return _find(text, _WINDOWS(text))


_MINUS_AFTER = frozenset(" \t\u00a0([:")  # what a minus sign follows ("giảm -5%", "(-3,5%)", "GRDP: -1%")


def _minus(text: str, start: int) -> bool:
    """Whether the number at ``start`` is written with a minus sign: a ``-`` (every dash is one in
    normalized text) joined to it, after a space or an opening bracket, and not the first thing on
    its line (there it is a list bullet, ``-50% số xã``)."""
    dash = start - 1
    if dash < 1 or text[dash] != "-" or text[dash - 1] not in _MINUS_AFTER:
        return False
    line = text.rfind("\n", 0, dash) + 1
    return not text[line:dash].isspace() and line < dash


# "%20c": a percent sign that escapes a character of a URL, not a percentage
_URL_ESCAPE = regex.compile(r"%[0-9A-Fa-f]{2}[^\s.,;:!?)\]]")


@cache
def _range_opener() -> regex.Pattern:
    """The words after which a range may go without "từ" (``comparators.csv``, position ``opens_range``)."""
    return regex.compile(r"(?<![\p{L}])" + alternation([r["phrase"] for r in rows("comparators.csv")
                                                        if r["position"] == "opens_range"]) + r"\s+$", regex.IGNORECASE)


def _find(text: str, windows: list[tuple[int, int]]) -> list[Percentage]:
    """The percentages of ``text`` whose matches lie in ``windows`` (all of them, see ``_WINDOWS``)."""
    found: list[Percentage] = []
    taken = scan.Taken()
    free = taken.free

    for m in scan.search(RANGE_RE, text, windows):
        lo, hi = parse_number(m.group("lo")), parse_number(m.group("hi"))
        if not lo < hi or hi > 1000:
            continue
        before = text[max(0, m.start() - 40):m.start()]
        tu = RANGE_TU_BEFORE.search(before)
        if (not tu and not m.group("losign") and "-" not in text[m.end("lo"):m.start("hi")]
                and not _range_opener().search(before)):
            continue  # "75 đến 80%" without "từ" is too loose, unless a verb or "là" opens it ("là 8,5 đến 9%")
        start = m.start() - len(before) + tu.start() if tu else m.start()
        found.append(Percentage(start, m.end(), text[start:m.end()], lo, hi, "range"))
        taken.add(start, m.end())
    for m in scan.search(PERCENT_RE, text, windows):
        if not free(m.start(), m.end()):
            continue
        value = parse_number(m.group("num"))
        if not math.isfinite(value) or _URL_ESCAPE.match(text, m.end() - 1):
            continue  # thousands of digits, or a URL's escape ("…/TB%20so%20151%20cua…"): no quantity anyone wrote
        start = m.start()
        if _minus(text, start) and free(start - 1, start):
            start, value = start - 1, -value
        comparator = comparator_for(text, start, m.end())
        found.append(Percentage(start, m.end(), text[start:m.end()], value, None, comparator))
        taken.add(start, m.end())
    for m in scan.search(WORDS_PERCENT_RE, text, windows):
        if not free(m.start(), m.end()):
            continue
        words = m.group("num")
        # Number words also start ordinary phrases ("năm 2025", "ba"): keep the longest tail that parses.
        line = words.rfind("\n") + 1  # a number is not read across a line break
        tokens = [(t.start(), t.group()) for t in _TOKEN.finditer(words, line)]
        for k in range(len(tokens)):
            value = parse_number_words(" ".join(t for _, t in tokens[k:]))
            if value is not None:
                start = m.start("num") + tokens[k][0]  # any whitespace between the words, even a newline
                comparator = comparator_for(text, start, m.end())
                found.append(Percentage(start, m.end(), text[start:m.end()], value, None, comparator))
                taken.add(start, m.end())
                break
    found.sort(key=lambda p: p.start)
    return found
