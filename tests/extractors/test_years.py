"""Years, deadlines and plan periods."""

from __future__ import annotations

import pytest
from _strategies import region_lists
from chitieu.extractors.years import find_years
from chitieu.pipeline.normalize import normalize
from hypothesis import given, settings
from hypothesis import strategies as st


def _all(text):
    found = find_years(text)
    for y in found:
        assert text[y.start:y.end] == y.surface
    return [(y.surface, y.kind, y.year, y.year_start) for y in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("đến năm 2025", ("đến năm 2025", "deadline", 2025, None)),
        ("vào năm 2030", ("vào năm 2030", "deadline", 2030, None)),
        ("trước năm 2027", ("trước năm 2027", "deadline", 2027, None)),
        ("đến hết năm 2020", ("đến hết năm 2020", "through", 2020, None)),
        ("tính đến cuối năm 2021", ("tính đến cuối năm 2021", "through", 2021, None)),
        ("cuối năm 2019", ("cuối năm 2019", "through", 2019, None)),
        ("từ năm 2023", ("từ năm 2023", "since", 2023, None)),
        ("giai đoạn 2021-2025", ("giai đoạn 2021-2025", "period", 2025, 2021)),
        ("giai đoạn 2021 - 2025", ("giai đoạn 2021 - 2025", "period", 2025, 2021)),
        ("nhiệm kỳ 2020-2025", ("nhiệm kỳ 2020-2025", "period", 2025, 2020)),
        ("từ năm 2021 đến năm 2025", ("từ năm 2021 đến năm 2025", "period", 2025, 2021)),
        ("định hướng đến năm 2030", ("định hướng đến năm 2030", "vision", 2030, None)),
        ("tầm nhìn đến năm 2045", ("tầm nhìn đến năm 2045", "vision", 2045, None)),
        ("năm 2022", ("năm 2022", "point", 2022, None)),
        ("trong năm 2020", ("trong năm 2020", "point", 2020, None)),
        ("tới 2030", ("tới 2030", "deadline", 2030, None)),
    ],
)
def test_kinds(text, expected):
    assert _all("Tỉnh " + text + " đạt") == [expected]


def test_period_with_typographic_dash_after_normalization():
    original = "giai đoạn 2021 \u2013 2025"  # en dash
    assert all(y.kind != "period" for y in find_years(original))  # patterns expect normalized text
    text = normalize(original).text
    assert _all(text) == [("giai đoạn 2021 - 2025", "period", 2025, 2021)]


def test_reversed_period_is_not_a_period():
    assert [k for _, k, _, _ in _all("giai đoạn 2025 - 2021")] != ["period"]


def test_several_in_text_order():
    text = "Kế hoạch giai đoạn 2021 - 2025, định hướng đến năm 2030; từ năm 2023 tăng thêm, đến hết năm 2020"
    assert [(k, y) for _, k, y, _ in _all(text)] == [
        ("period", 2025), ("vision", 2030), ("since", 2023), ("through", 2020)]


@pytest.mark.parametrize(
    "text",
    ["công khai 1.829 thủ tục", "gọi 0912345678", "đường dây 19002025", "mã 12025", "năm 1900",
     "năm 2101", "số 2025,5 tỷ", ""],
)
def test_not_years(text):
    assert find_years(text) == []


def _years_by_full_scan(text):
    """The definition find_years speeds up: every pattern over the whole text, case-insensitively."""
    from chitieu.extractors.patterns import YEAR_PATTERNS

    found, taken = [], []
    for kind, pattern in YEAR_PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(not (e <= a or s >= b) for a, b in taken):
                continue
            y1 = m.groupdict().get("y1")
            if kind == "period" and y1 and int(y1) >= int(m.group("y2")):
                continue
            found.append((s, e, m.group(), int(m.group("y2")), kind))
            taken.append((s, e))
    return sorted(found)


YEAR_PIECES = ["năm", "NĂM", "Đến", "đến", "hết", "cuối", "từ", "ngày", "1/7/", "giai đoạn", "Giai Đoạn", "2021",
               "2025", "2030", "1999", "-", "tới", "định hướng", "kể", "chậm nhất vào", "İ", "x", ",", "12025",
               "Tầm nhìn", "TÍNH", "trước", "vào", "thời kỳ", "nhiệm kỳ", "Kế hoạch", "trong", "bắt đầu", "VÀO"]


@given(st.lists(st.tuples(st.sampled_from(YEAR_PIECES), st.sampled_from([" ", " ", "", "     ", "\n", " " * 40])),
                max_size=20).map(lambda parts: "".join(a + b for a, b in parts)))
@settings(max_examples=500, deadline=None)
def test_find_years_matches_the_full_case_insensitive_scan(text):
    got = [(y.start, y.end, y.surface, y.year, y.kind) for y in find_years(text)]
    assert got == _years_by_full_scan(text)


@given(st.lists(st.tuples(st.sampled_from(YEAR_PIECES + ["\n", "\n\n", "  \n "]),
                          st.sampled_from([" ", "", "     ", "\n", " " * 40])), max_size=24)
       .map(lambda parts: "".join(a + b for a, b in parts)), st.data())
@settings(max_examples=300, deadline=None)
def test_years_of_regions_in_one_pass_are_those_of_each_region(text, data):
    """Paragraphs and random stretches (bounded by spaces or not) of the same text."""
    from chitieu.extractors.years import find_years_in

    for regions in region_lists(text, data):
        expected = [y for s, e in regions for y in find_years(text[s:e], offset=s)]
        assert find_years_in(text, regions) == expected


@pytest.mark.parametrize(("text", "regions"), [
    ("mã 12025 đến năm 2030", [(4, 21)]),  # a region that starts inside a number
    ("xnăm 2025", [(1, 9)]),  # … or a word
    ("giai đoạn 12021-2025", [(11, 20)]),
    ("từ năm 2021 đến năm 2025", [(0, 11), (12, 24)]),  # regions that split a period
    ("Năm 2025\nđến năm 2030", [(0, 8), (9, 21)]),  # paragraphs
])
def test_years_of_regions_cut_anywhere_are_those_of_each_region(text, regions):
    from chitieu.extractors.years import find_years_in

    assert find_years_in(text, regions) == [y for s, e in regions for y in find_years(text[s:e], offset=s)]
