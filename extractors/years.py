"""Years, deadlines and plan periods.

    >>> [(y.kind, y.year) for y in find_years("giai đoạn 2021 - 2025, định hướng đến năm 2030")]
    [('period', 2025), ('vision', 2030)]
    >>> [(y.kind, y.year) for y in find_years("từ năm 2023 tăng thêm 10%/năm, đến hết năm 2020, vào năm 2025")]
    [('since', 2023), ('through', 2020), ('deadline', 2025)]
"""

from __future__ import annotations

import regex

from extractors.patterns import YEAR, YEAR_PATTERNS
from pipeline.models import YearMention

_YEARISH = regex.compile(r"(?<!\d)" + YEAR + r"(?!\d)")


def find_years(text: str, offset: int = 0) -> list[YearMention]:
    """Year expressions, most specific pattern first, non-overlapping, in text order.

    A period gives ``year`` = its end and ``year_start`` = its start (``giai đoạn 2021-2025``).
    ``offset`` is added to every position (``text`` being a slice that starts there).
    """
    found: list[YearMention] = []
    taken: list[tuple[int, int]] = []
    if not _YEARISH.search(text):
        return found  # no four-digit year at all: skip the patterns
    for kind, pattern in YEAR_PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(not (e <= a or s >= b) for a, b in taken):
                continue
            y1 = m.groupdict().get("y1")
            year = int(m.group("y2"))
            if kind == "period" and y1 and int(y1) >= year:
                continue
            found.append(YearMention(s + offset, e + offset, m.group(), year, kind, int(y1) if y1 else None))
            taken.append((s, e))
    found.sort(key=lambda y: y.start)
    return found
