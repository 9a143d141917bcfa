"""Periods (the part of a year a figure covers) and observation dates (``as_of``)."""

from __future__ import annotations

import pytest
from chitieu.extractors.periods import find_as_of, find_periods


def _periods(text):
    found = find_periods(text)
    for p in found:
        assert text[p.start:p.end] == p.surface
    return [(p.surface, p.period, p.year) for p in found]


def _as_of(text, default_year=None):
    found = find_as_of(text, default_year)
    for a in found:
        assert text[a.start:a.end] == a.surface
    return [(a.surface, a.as_of) for a in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Doanh thu quý III tăng 5%", [("quý III", "Q3", None)]),
        ("Doanh thu quý 3 tăng 5%", [("quý 3", "Q3", None)]),
        ("GRDP quý III/2022 đạt 6%", [("quý III/2022", "Q3", 2022)]),
        ("Từ tháng 1 đến tháng 9/2023, thu ngân sách tăng 5%", [("Từ tháng 1 đến tháng 9/2023", "9M", 2023)]),
        ("Kim ngạch tháng 1-10 tăng 5%", [("tháng 1-10", "10M", None)]),
        ("Từ đầu năm đến hết tháng 7, tỷ lệ là 57,3%", [("Từ đầu năm đến hết tháng 7", "7M", None)]),
        ("từ đầu năm đến 31/8, đơn vị thu được 101 tỷ đồng", [("từ đầu năm đến 31/8", "8M", None)]),
        ("Từ đầu năm 2023 đến hết tháng 10/2023, XK tăng 5%", [("Từ đầu năm 2023 đến hết tháng 10/2023", "10M", 2023)]),
        ("Từ đầu năm đến 15/8, thu ngân sách tăng 5%", []),  # not the end of a month: a date, no months
        ("Từ đầu năm đến nay, thu ngân sách tăng 5%", []),
        ("Từ tháng 10 đến tháng 12, giá tăng 5%", []),
        ("Quý I năm 2024, xuất khẩu tăng", [("Quý I năm 2024", "Q1", 2024)]),
        ("trong quý II vừa qua", [("quý II", "Q2", None)]),
        ("trong quý 2 vừa qua", [("quý 2", "Q2", None)]),
        ("quý IV-2021 tăng mạnh", [("quý IV-2021", "Q4", 2021)]),
        ("Q3/2022 lợi nhuận giảm", [("Q3/2022", "Q3", 2022)]),
        ("kết quả quý đầu năm 2023", [("quý đầu năm 2023", "Q1", 2023)]),
        ("6 tháng đầu năm, GRDP tăng", [("6 tháng đầu năm", "6M", None)]),
        ("6 tháng đầu năm 2022 tỉnh thu hút", [("6 tháng đầu năm 2022", "6M", 2022)]),
        ("9 tháng năm 2023, kim ngạch tăng", [("9 tháng năm 2023", "9M", 2023)]),
        ("Trong 11 tháng, thu ngân sách đạt", [("11 tháng", "11M", None)]),
        ("3 tháng đầu năm nay lượng khách tăng", [("3 tháng đầu năm nay", "3M", None)]),
        ("sáu tháng đầu năm, tỉnh đã", [("sáu tháng đầu năm", "6M", None)]),
        ("nửa đầu năm 2023 tăng trưởng chậm", [("nửa đầu năm 2023", "6M", 2023)]),
        ("hai quý đầu năm tăng 4%", [("hai quý đầu năm", "6M", None)]),
        ("9 tháng/2023 đạt 80% kế hoạch", [("9 tháng/2023", "9M", 2023)]),
        ("Trong 8 tháng qua, tỉnh đã cấp", [("8 tháng qua", "8M", None)]),
    ],
)
def test_periods(text, expected):
    assert _periods(text) == expected


def test_quarter_lists_share_their_year():
    assert _periods("quý II và III/2023 tăng") == [("quý II", "Q2", 2023), ("III/2023", "Q3", 2023)]


def test_bare_months_are_marked():
    # a plain "N tháng" counts from January only in a report on the year so far: the date tells
    (bare,) = find_periods("Trong 9 tháng, GRDP tăng 7%")
    (anchored,) = find_periods("9 tháng đầu năm, GRDP tăng 7%")
    assert bare.bare and not anchored.bare
    (summed,) = find_periods("Tính chung 9 tháng, GRDP tăng 7%")  # summed from January: no duration
    assert not summed.bare and summed.period == "9M"


def test_the_base_of_a_comparison_is_marked():
    own, base = find_periods("GRDP 6 tháng đầu năm tăng 7% so với 6 tháng đầu năm 2021")
    assert (own.year, own.base) == (None, False)
    assert (base.year, base.base) == (2021, True)
    assert find_periods("tăng 3% so với cùng kỳ quý II")[0].base


@pytest.mark.parametrize(
    "text",
    [
        "cả 12 tháng, doanh thu tăng",  # the whole year
        "Năm 2023, GRDP tăng 7%",
        "tháng 6/2023 đạt 80%",  # a point in time: as_of
        "ngày 9 tháng 6 năm 2023",  # a date
        "trẻ từ 06 tháng đến 36 tháng tuổi",  # an age
        "trẻ 6 tháng tuổi",
        "trong vòng 6 tháng kể từ ngày",  # durations
        "sau 3 tháng triển khai",
        "thời hạn 6 tháng",
        "định kỳ 3 tháng một lần",
        "6 tháng/lần",
        "hưởng trợ cấp bằng 02 tháng tiền lương",
        "6 tháng cuối năm tăng mạnh",  # the second half: no code in the guide
        "9 tháng tới",
        "mang thai 8 tháng",
        "1,5 tháng lương",
        "những năm tháng đầu đời",
        "6 tháng đầu đời của trẻ",
        "đến cuối quý II/2023",  # a point in time
        "quý khách hàng, quý báu",
        "Q1 TP. Hồ Chí Minh",  # "Quận 1"
        "vụ Đông Xuân năm 2023",  # a crop season
    ],
)
def test_not_periods(text):
    assert _periods(text) == []


@pytest.mark.parametrize(
    ("text", "default_year", "expected"),
    [
        ("Tính đến ngày 30/6/2023, toàn tỉnh", None, [("Tính đến ngày 30/6/2023", "2023-06-30")]),
        ("đến ngày 31/12/2022 đạt 95%", None, [("đến ngày 31/12/2022", "2022-12-31")]),
        ("Tính đến 25/6 số người tiêm", 2022, [("Tính đến 25/6", "2022-06-25")]),
        ("Tính đến ngày 25/6 số người tiêm", 2022, [("Tính đến ngày 25/6", "2022-06-25")]),
        ("đến tháng 6/2023 đạt 80%", None, [("đến tháng 6/2023", "2023-06")]),
        ("tháng 6/2023, tỷ lệ đạt", None, [("tháng 6/2023", "2023-06")]),
        ("Tính đến thời điểm tổng kết tháng 6/2.025, có", None,
         [("Tính đến thời điểm tổng kết tháng 6/2.025", "2025-06")]),
        ("tính đến ngày 30 tháng 6 năm 2023", None, [("tính đến ngày 30 tháng 6 năm 2023", "2023-06-30")]),
        ("tại thời điểm 31/12/2022", None, [("tại thời điểm 31/12/2022", "2022-12-31")]),
        ("đến hết tháng 9-2022 đạt 95%", None, [("đến hết tháng 9-2022", "2022-09")]),
        ("tháng 6 năm trước", 2022, [("tháng 6 năm trước", "2021-06")]),
        ("Tính đến 25/6 số người tiêm", None, [("Tính đến 25/6", "")]),  # the year is unknown
    ],
)
def test_as_of(text, default_year, expected):
    assert _as_of(text, default_year) == expected


def test_as_of_fields():
    (a,) = find_as_of("Tính đến ngày 25/6, đạt 99%", default_year=2022)
    assert (a.year, a.year_written, a.kind, a.base) == (2022, False, "through", False)
    (b,) = find_as_of("tháng 6/2023 đạt 80%", default_year=2022)
    assert (b.year, b.year_written, b.kind) == (2023, True, "point")
    (c,) = find_as_of("tăng 5% so với thời điểm 31/12/2022")
    assert c.base


@pytest.mark.parametrize(
    "text",
    [
        "Tính đến cuối năm 2017, tỷ lệ đạt 98%",  # the whole year
        "Tính đến hết năm 2023, đạt 93%",
        "Quyết định số 1167/QĐ-TTg ngày 28/6/2016 của Thủ tướng",  # a document's date
        "Nghị quyết số 27/NQ- TW ngày 09/11/2022",
        "ban hành ngày 14/12/2021",
        "Ngày 19/10/2021, Tỉnh ủy ban hành Nghị quyết",  # the date of an act
        "thông qua ngày 19 tháng 02 năm 2025",
        "kể từ ngày 1/7/2023",  # a start
        "trước ngày 31/12/2025",  # a deadline
        "23/01/2018 Tỷ lệ trẻ đến lớp tăng",  # a dateline
        "16/34 địa phương đạt",  # a fraction
        "tăng 5-6%",
        "đến 10.5 triệu đồng",
        "ngày 31/2/2023",  # no such day
        "tháng 13/2023",
        "Ngày 28 tháng 5 năm 1900",  # a year the patterns do not read: not completed from the default
    ],
)
def test_not_as_of(text):
    assert _as_of(text, 2022) == []
