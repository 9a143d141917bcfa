"""Years, deadlines and plan periods.

    >>> [(y.kind, y.year) for y in find_years("giai đoạn 2021 - 2025, định hướng đến năm 2030")]
    [('period', 2025), ('vision', 2030)]
    >>> [(y.kind, y.year) for y in find_years("từ năm 2023 tăng thêm 10%/năm, đến hết năm 2020, vào năm 2025")]
    [('since', 2023), ('through', 2020), ('deadline', 2025)]
"""

from __future__ import annotations

import re

import regex

from extractors.patterns import YEAR, YEAR_PATTERN_WORDS, YEAR_PATTERNS
from pipeline.models import YearMention

_YEARISH = regex.compile(r"(?<!\d)" + YEAR + r"(?!\d)")
# Every year pattern is a year with at most a few short words before it ("kể từ ngày 1/7/", "chậm
# nhất vào năm"): it lies within this many characters around its years, unless it has long runs of
# spaces. Such a match fills the 60 characters before its year with a few words and long gaps, so a
# run of 4+ spaces inside a window is where a match may reach beyond it: then the whole text is
# searched. (``re``'s \s also takes a few control characters that are no White_Space: then too.)
_BEFORE, _AFTER = 60, 30
_LONG_SPACE = re.compile(r"\s{4,}")
# The patterns without IGNORECASE, for lowercased text: the same matches, found faster.
_LOWER_PATTERNS = tuple((kind, regex.compile(p.pattern)) for kind, p in YEAR_PATTERNS)


def _windows(text: str) -> list[tuple[int, int]]:
    """Where year patterns can match: the stretches around each four-digit year, merged."""
    out: list[tuple[int, int]] = []
    if "19" not in text and "20" not in text and "21" not in text:
        return out  # every year starts so (in ASCII digits): most phrases hold none
    for m in _YEARISH.finditer(text):
        s, e = max(0, m.start() - _BEFORE), min(len(text), m.end() + _AFTER)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    if any(_LONG_SPACE.search(text, s, e) for s, e in out):
        return [(0, len(text))]
    return out


def find_years(text: str, offset: int = 0) -> list[YearMention]:
    """Year expressions, most specific pattern first, non-overlapping, in text order.

    A period gives ``year`` = its end and ``year_start`` = its start (``giai đoạn 2021-2025``).
    ``offset`` is added to every position (``text`` being a slice that starts there).
    """
    found: list[YearMention] = []
    windows = _windows(text)
    if not windows:
        return found  # no four-digit year at all: nothing to match
    lowered = text.lower()
    # Lowercasing that keeps every offset lets the patterns match case-sensitively.
    scan, patterns = (lowered, _LOWER_PATTERNS) if len(lowered) == len(text) else (text, YEAR_PATTERNS)
    taken: list[tuple[int, int]] = []
    # On the lowercase copy, a window without any of a pattern's words is not searched with it.
    pieces = [scan[ws:we] for ws, we in windows] if scan is lowered else None
    for (kind, pattern), words in zip(patterns, YEAR_PATTERN_WORDS, strict=True):
        for i, (ws, we) in enumerate(windows):
            if pieces is not None and not any(w in pieces[i] for w in words):
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
