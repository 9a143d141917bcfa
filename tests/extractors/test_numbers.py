"""Numbers as Vietnamese writes them: decimal comma, thousands dot, number words."""

from __future__ import annotations

import pytest
from chitieu.extractors.numbers import find_numbers, parse_number, parse_number_words


@pytest.mark.parametrize(
    ("surface", "value"),
    [
        ("97,83", 97.83),  # decimal comma
        ("1.829", 1829.0),  # thousands dot
        ("1.234,5", 1234.5),  # both
        ("0,5", 0.5),
        ("97.83", 97.83),  # a dot before two digits is a decimal point
        ("12", 12.0),
        ("1.000.000", 1_000_000.0),
        ("0.500", 0.5),  # a leading 0 is never a thousands group
        ("1,234.5", 1234.5),  # English style, comma before the dot
        (" 45 ", 45.0),
    ],
)
def test_parse_number(surface, value):
    assert parse_number(surface) == pytest.approx(value)


@pytest.mark.parametrize("surface", ["", "abc", "1,2,3"])
def test_parse_number_rejects_non_numbers(surface):
    with pytest.raises(ValueError):
        parse_number(surface)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("năm mươi", 50.0),
        ("hai mươi lăm", 25.0),
        ("mười lăm", 15.0),
        ("một trăm", 100.0),
        ("bảy mươi tư", 74.0),
        ("chín mươi chín phẩy năm", 99.5),
        ("năm mươi mốt", 51.0),
        ("mười", 10.0),
        ("tám mươi", 80.0),
        ("một trăm linh năm", 105.0),
        ("ba mươi rưỡi", 30.5),
        ("Sáu Mươi", 60.0),  # case does not matter
        ("bẩy mươi", 70.0),  # spelling variant of bảy
        ("không phẩy năm", 0.5),
    ],
)
def test_parse_number_words(words, value):
    assert parse_number_words(words) == pytest.approx(value)


@pytest.mark.parametrize(
    "words",
    ["", "   ", "hội nghị", "lăm", "mươi", "phẩy năm", "năm mươi phẩy", "hai phẩy xã", "tỷ lệ", "rưỡi",
     "năm năm mươi", "hai ba"],
)
def test_parse_number_words_non_numbers(words):
    assert parse_number_words(words) is None


def test_find_numbers_values_and_offsets():
    text = "Tỉnh đã công khai 1.829 thủ tục, đạt 97,83% và giảm 0,5 điểm."
    found = find_numbers(text)
    assert [n.value for n in found] == [1829.0, 97.83, 0.5]
    assert [n.surface for n in found] == ["1.829", "97,83", "0,5"]
    for n in found:
        assert text[n.start:n.end] == n.surface


def test_find_numbers_ignores_number_words_and_letters_glued_to_digits():
    text = "năm mươi phần trăm, mã X12 và 7"
    found = find_numbers(text)
    assert [(n.surface, n.value) for n in found] == [("7", 7.0)]


def test_find_numbers_does_not_split_a_number():
    # "12.345,67" is one number, not "12" and "345,67"
    found = find_numbers("tổng 12.345,67 tỷ đồng")
    assert [(n.surface, n.value) for n in found] == [("12.345,67", 12345.67)]
