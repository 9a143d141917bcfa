"""Years, deadlines and plan periods."""

from __future__ import annotations

import pytest
from chitieu.extractors.years import find_years
from chitieu.pipeline.normalize import normalize


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
        ("xuống 24,3% trong 2019", ("trong 2019", "point", 2019, None)),  # a bare year after "trong"
        ("tăng 38% so với 2016", ("2016", "point", 2016, None)),  # after "so với"
        ("trong tháng 9/2020 cả nước", ("tháng 9/2020", "point", 2020, None)),  # a month with its year
        ("ngành công nghiệp quý 3/2020", ("quý 3/2020", "point", 2020, None)),  # a quarter with its year
        ("sản lượng quý III-2019", ("quý III-2019", "point", 2019, None)),
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
     "năm 2101", "số 2025,5 tỷ", "",
     "trong những năm 1980", "từ những năm 1990"],  # a decade
)
def test_not_years(text):
    assert find_years(text) == []
