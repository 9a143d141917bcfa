"""Years, deadlines and plan periods.

    >>> [(y.kind, y.year) for y in find_years("giai đoạn 2021 - 2025, định hướng đến năm 2030")]
    [('period', 2025), ('vision', 2030)]
    >>> [(y.kind, y.year) for y in find_years("từ năm 2023 tăng thêm 10%/năm, đến hết năm 2020, vào năm 2025")]
    [('since', 2023), ('through', 2020), ('deadline', 2025)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

import regex
from chitieu.extractors import scan
from chitieu.extractors.lexicon import alternation, rows
from chitieu.extractors.patterns import WB_AFTER, WB_BEFORE, YEAR, YEAR_PATTERN_WORDS, YEAR_PATTERNS

from chitieu.models import YearMention

# Every year pattern is a year with at most a few short words before it ("kể từ ngày 1/7/", "chậm
# nhất vào năm"): it lies within this many characters around its years, unless it has long runs of
# spaces. Such a match fills the 60 characters before its year with a few words and long gaps, so a
# run of 4+ spaces inside a window is where a match may reach beyond it: then the whole text is
# searched. (``re``'s \s also takes a few control characters that are no White_Space: then too.)
# Every year starts with "19", "20" or "21" (in ASCII digits): most paragraphs hold none.
_WINDOWS = scan.Windows(regex.compile(r"(?<!\d)" + YEAR + r"(?!\d)"), before=60, after=30,
                        needs=("19", "20", "21"), whole_if=re.compile(r"\s{4,}"))
_KINDS = tuple(kind for kind, _ in YEAR_PATTERNS)
_PATTERNS = tuple(p for _, p in YEAR_PATTERNS)
# The patterns without IGNORECASE, for lowercased text: the same matches, found faster.
_LOWER_PATTERNS = tuple(regex.compile(p.pattern) for p in _PATTERNS)


def find_years(text: str, offset: int = 0) -> list[YearMention]:
    """Year expressions, most specific pattern first, non-overlapping, in text order.

    A period gives ``year`` = its end and ``year_start`` = its start (``giai đoạn 2021-2025``).
    ``offset`` is added to every position (``text`` being a slice that starts there).
    """
    windows = _WINDOWS(text)
    return _mentions(text, _matches(text, windows), offset) if windows else []


def find_years_in(text: str, regions: list[tuple[int, int]]) -> list[YearMention]:
    """``[y for s, e in regions for y in find_years(text[s:e], offset=s)]``, read between each
    region's bounds instead of slice by slice when that is the same
    (:func:`chitieu.extractors.scan.regions_pass`).

        >>> text = "Giai đoạn 2021 - 2025\\nĐến năm 2030, đạt 80%"
        >>> [(y.kind, y.year) for y in find_years_in(text, [(0, 21), (22, len(text))])]
        [('period', 2025), ('deadline', 2030)]
    """
    if scan.in_order(regions) and scan.bounded(text, regions):
        # every region's windows, searched together: no match reaches from one region into another
        windows = [w for s, e in regions for w in _WINDOWS(text, s, e)]
        return _mentions(text, _matches(text, windows), 0) if windows else []
    return scan.regions_pass(text, regions, find_years, lambda s, e: _between(text, s, e))


@cache
def _relative_re() -> regex.Pattern:
    back = phrases_back()
    return regex.compile(r"(?<![\p{N}]\s{0,3})" + WB_BEFORE + alternation(back) + r"(?!\s+(?:đó|ấy|kia))" + WB_AFTER,
                         regex.IGNORECASE)


@cache
def phrases_back() -> dict[str, int]:
    """``{phrase: years before the article's}`` of ``relative_years.csv``, phrases lowercase and single-spaced."""
    return {" ".join(r["phrase"].lower().split()): int(r["back"]) for r in rows("relative_years.csv")}


def find_relative_years(text: str, this_year: int, regions: list[tuple[int, int]] | None = None) -> list[YearMention]:
    """Years named relative to the article's year ``this_year`` (``point`` mentions), in ``regions``.

        >>> [(y.surface, y.year) for y in find_relative_years("Năm nay tăng 5%, năm ngoái 3%; 3 năm trước 1%", 2024)]
        [('Năm nay', 2024), ('năm ngoái', 2023)]
    """
    back = phrases_back()
    out = []
    for s, e in regions or [(0, len(text))]:
        for m in _relative_re().finditer(text, s, e):
            out.append(YearMention(m.start(), m.end(), m.group(), this_year - back[" ".join(m.group().lower().split())], "point"))
    return out


def _between(text: str, start: int, end: int) -> list[YearMention]:
    windows = _WINDOWS(text, start, end)
    return _mentions(text, _matches(text, windows), 0) if windows else []  # most regions hold no year


def _matches(text: str, windows: list[tuple[int, int]]) -> Iterator[tuple[int, regex.Match]]:
    """``(i, match)`` of every year pattern ``i`` in ``windows`` (:data:`_WINDOWS`), pattern by pattern
    (the most specific first): on the lowercase copy (when lowercasing keeps every offset) and only in
    the windows that hold one of its words; else case-insensitively."""
    low = scan.lowered(text)
    if low is None:
        return scan.search_each(_PATTERNS, text, windows)
    return scan.search_each(_LOWER_PATTERNS, low, windows, YEAR_PATTERN_WORDS)


@cache
def _decade_before() -> regex.Pattern:
    """ "những năm 1980", "thập niên 1990": the word before a decade's "năm"."""
    words = [r["phrase"] for r in rows("period_words.csv") if r["role"] == "decade"]
    return regex.compile(r"(?<![\p{L}])" + alternation(words) + r"\s+(?:năm\s+)?$", regex.IGNORECASE)


def _decade(text: str, start: int, year: int) -> bool:
    """Whether the year at ``start`` names a decade ("trong những năm 1980"): no year of a figure.

        >>> _decade("từ những năm 1980", 13, 1980), _decade("những năm 2016", 10, 2016)
        (True, False)
    """
    return year % 10 == 0 and _decade_before().search(text, max(0, start - 16), start) is not None


def _mentions(text: str, matches: Iterable[tuple[int, regex.Match]], offset: int) -> list[YearMention]:
    """The mentions of ``matches`` (most specific first): each unless it overlaps an earlier one or names
    a decade."""
    found: list[YearMention] = []
    taken = scan.Taken()
    for i, m in matches:
        kind = _KINDS[i]
        s, e = m.span()
        if not taken.free(s, e):
            continue
        y1 = m.group("y1") if "y1" in m.re.groupindex else None
        year = int(m.group("y2"))
        if kind == "period" and y1 and int(y1) >= year:
            continue
        if kind == "point" and _decade(text, m.start("y2") if m.group().lower().startswith("năm") else s, year):
            taken.add(s, e)
            continue
        found.append(YearMention(s + offset, e + offset, text[s:e], year, kind, int(y1) if y1 else None))
        taken.add(s, e)
    found.sort(key=lambda y: y.start)
    return found
