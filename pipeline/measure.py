"""Measure of a value: a ``level``, or an ``increase`` (a change, per period or not).

    >>> from chitieu.pipeline.assemble import assemble_targets
    >>> [t.measure for t in assemble_targets("Tỷ lệ đạt 80%, tăng thêm 10%/năm.", "d")[0]]
    ['level', 'increase']
"""

from __future__ import annotations

import regex

from chitieu.models import Percentage

_INCREASE_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:tăng|tăng\s+thêm|tăng\s+bình\s+quân|tăng\s+trung\s+bình|tăng\s+tối\s+thiểu|tăng\s+ít\s+nhất|"
    r"tăng\s+khoảng|tăng\s+trên|tăng\s+hơn)(?:\s+(?:mỗi\s+năm|hằng\s+năm|hàng\s+năm|bình\s+quân|thêm|"
    r"tối\s+thiểu|ít\s+nhất|khoảng|trên|hơn|từ|là|đạt))*\s*$",
    regex.IGNORECASE,
)
_PER_PERIOD_AFTER = regex.compile(r"^\s*(?:/\s*năm|mỗi\s+năm|một\s+năm|hằng\s+năm|hàng\s+năm|/năm)", regex.IGNORECASE)


def resolve_measure(text: str, v: Percentage) -> str:
    if _PER_PERIOD_AFTER.match(text[v.end:v.end + 15]):
        return "increase"
    if _INCREASE_BEFORE.search(text[max(0, v.start - 40):v.start]):
        return "increase"
    return "level"
