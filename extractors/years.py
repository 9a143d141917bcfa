"""Years, deadlines and plan periods.

    >>> [(y.kind, y.year) for y in find_years("giai đoạn 2021 - 2025, định hướng đến năm 2030")]
    [('period', 2025), ('vision', 2030)]
    >>> [(y.kind, y.year) for y in find_years("từ năm 2023 tăng thêm 10%/năm, đến hết năm 2020, vào năm 2025")]
    [('since', 2023), ('through', 2020), ('deadline', 2025)]
"""

from __future__ import annotations

import re

import regex
from chitieu.extractors.patterns import YEAR, YEAR_PATTERN_WORDS, YEAR_PATTERNS, bounded, lowered

from chitieu.models import YearMention

_YEARISH = regex.compile(r"(?<!\d)" + YEAR + r"(?!\d)")
# Every year pattern is a year with at most a few short words before it ("kể từ ngày 1/7/", "chậm
# nhất vào năm"): it lies within this many characters around its years, unless it has long runs of
# spaces. Such a match fills the 60 characters before its year with a few words and long gaps, so a
# run of 4+ spaces inside a window is where a match may reach beyond it: then the whole text is
# searched. (``re``'s \s also takes a few control characters that are no White_Space: then too.)
_BEFORE, _AFTER = 60, 30
_LONG_SPACE = re.compile(r"\s{4,}")
_WORD_SETS = tuple(frozenset(words) for words in YEAR_PATTERN_WORDS)
_ALL_WORDS = tuple(sorted(set().union(*_WORD_SETS)))
# The patterns without IGNORECASE, for lowercased text: the same matches, found faster.
_LOWER_PATTERNS = tuple((kind, regex.compile(p.pattern)) for kind, p in YEAR_PATTERNS)


def _windows(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where year patterns can match in ``text[start:end]``: the stretches around each four-digit
    year, merged (the whole stretch when one holds a long run of spaces)."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    if start == 0 and end == len(text) and "19" not in text and "20" not in text and "21" not in text:
        return out  # every year starts so (in ASCII digits): most phrases hold none
    for m in _YEARISH.finditer(text, start, end):
        s, e = max(start, m.start() - _BEFORE), min(end, m.end() + _AFTER)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    if any(_LONG_SPACE.search(text, s, e) for s, e in out):
        return [(start, end)]
    return out


def find_years(text: str, offset: int = 0) -> list[YearMention]:
    """Year expressions, most specific pattern first, non-overlapping, in text order.

    A period gives ``year`` = its end and ``year_start`` = its start (``giai đoạn 2021-2025``).
    ``offset`` is added to every position (``text`` being a slice that starts there).
    """
    windows = _windows(text)
    if not windows:
        return []  # no four-digit year at all: nothing to match
    lowered = text.lower()
    if len(lowered) != len(text):  # lowercasing moved offsets: the case-insensitive patterns
        return _match(text, text, YEAR_PATTERNS, windows, offset)
    return _match(text, lowered, _LOWER_PATTERNS, windows, offset)


def find_years_in(text: str, regions: list[tuple[int, int]]) -> list[YearMention]:
    """``find_years`` of each region of ``text`` (offsets in ``text``), in one pass over the text's
    lowercase copy instead of one call per region.

    The same as ``[y for s, e in regions for y in find_years(text[s:e], offset=s)]`` when regions are
    in order and bounded by spaces or the text's ends (paragraphs, lines): then no pattern sees past
    a region's ends either way. Other regions are read one by one.

        >>> text = "Giai đoạn 2021 - 2025\\nĐến năm 2030, đạt 80%"
        >>> [(y.kind, y.year) for y in find_years_in(text, [(0, 21), (22, len(text))])]
        [('period', 2025), ('deadline', 2030)]
    """
    low = lowered(text)
    if low is None or not bounded(text, regions):
        return [y for s, e in regions for y in find_years(text[s:e], offset=s)]
    windows = [w for s, e in regions for w in _windows(text, s, e)]
    return _match(text, low, _LOWER_PATTERNS, windows, 0) if windows else []


def _match(text: str, scan: str, patterns, windows: list[tuple[int, int]], offset: int) -> list[YearMention]:
    """The patterns over the windows of ``scan`` (``text`` or its lowercase copy), most specific first,
    non-overlapping. On the lowercase copy, a window without any of a pattern's words is not searched
    with it."""
    found: list[YearMention] = []
    taken: list[tuple[int, int]] = []
    # The pattern words each window holds, found once per window (not once per pattern).
    present = [{w for w in _ALL_WORDS if w in scan[ws:we]} for ws, we in windows] if scan is not text else None
    for (kind, pattern), words in zip(patterns, _WORD_SETS, strict=True):
        for i, (ws, we) in enumerate(windows):
            if present is not None and present[i].isdisjoint(words):
                continue
            for m in pattern.finditer(scan, ws, we):
                s, e = m.span()
                if any(not (e <= a or s >= b) for a, b in taken):
                    continue
                y1 = m.group("y1") if "y1" in pattern.groupindex else None
                year = int(m.group("y2"))
                if kind == "period" and y1 and int(y1) >= year:
                    continue
                found.append(YearMention(s + offset, e + offset, text[s:e], year, kind, int(y1) if y1 else None))
                taken.append((s, e))
    found.sort(key=lambda y: y.start)
    return found
