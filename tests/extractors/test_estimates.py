"""Estimate words (the guide's ``estimate``)."""

from __future__ import annotations

import pytest
from chitieu.extractors.estimates import estimated, find_estimates
from chitieu.extractors.lexicon import rows


def _estimates(text):
    found = find_estimates(text)
    for c in found:
        assert text[c.start:c.end] == c.surface and c.kind == "estimate"
    return [c.surface for c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Giá trị xuất khẩu ước đạt 16,8 tỷ USD", ["ước đạt"]),
        ("GRDP ước tính tăng 7,08%", ["ước tính"]),
        ("Tổng thu ước khoảng 9.500 tỷ đồng", ["ước khoảng"]),
        ("Dự ước cả năm đạt 101% kế hoạch", ["Dự ước"]),
        ("Ước thực hiện cả năm là 11.580 tỷ đồng", ["Ước thực hiện cả năm"]),
        ("Ước kết quả thực hiện giảm tỷ lệ hộ nghèo là 0,5%", ["Ước kết quả"]),
        ("thu từ xổ số ước vượt 19% dự toán", ["ước"]),
        ("xuất khẩu ước tăng 5%, nhập khẩu ước giảm 2%", ["ước tăng", "ước giảm"]),
    ],
)
def test_estimates(text, expected):
    assert _estimates(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Công ước quốc tế về quyền trẻ em",
        "Hiệp ước biên giới, điều ước quốc tế, quy ước làng",
        "ước mơ của em, mong ước của người dân",
        "dự kiến đạt 80%, dự báo tăng 6%",  # a forecast is no estimate (NOTES, convention 5)
        "đã đạt 95% kế hoạch",
        "người ước ao",
    ],
)
def test_not_estimates(text):
    assert _estimates(text) == []


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("Xuất khẩu ước đạt 16,8 tỷ USD, tăng 29,9% so với cùng kỳ và bằng ", True),  # coordinated predicates
        ("GRDP 6 tháng ước tính tăng ", True),
        ("Tổng thu ước đạt 100 tỷ đồng. Trong đó, thu nội địa đạt ", False),  # the next sentence
        ("Tổng thu ước đạt 100 tỷ đồng; thu nội địa đạt ", False),
        ("Tỷ lệ tiêm chủng đạt ", False),
    ],
)
def test_estimated(before, expected):
    assert estimated(before) is expected


def test_lexicon_kinds():
    assert {r["kind"] for r in rows("estimate_words.csv")} == {"estimate", "not"}
