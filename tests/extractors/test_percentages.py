"""Percentages, ranges of them, and the comparators attached to them."""

from __future__ import annotations

import pytest
from chitieu.extractors.percentages import find_percentages


def _one(text):
    found = find_percentages(text)
    assert len(found) == 1, found
    p = found[0]
    assert text[p.start:p.end] == p.surface
    return p


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("tỷ lệ đạt 70 %", "70 %", 70.0),
        ("tỷ lệ đạt 70%", "70%", 70.0),
        ("đã đạt 97,83% kế hoạch", "97,83%", 97.83),
        ("giảm 0,5%/năm", "0,5%", 0.5),
        ("năm mươi phần trăm số xã", "năm mươi phần trăm", 50.0),
        ("hai mươi lăm phần trăm hộ dân", "hai mươi lăm phần trăm", 25.0),
        ("đạt 70 phần trăm", "70 phần trăm", 70.0),
        ("chiếm 1.234,5% so với", "1.234,5%", 1234.5),
    ],
)
def test_single_percentages(text, surface, value):
    p = _one(text)
    assert (p.surface, p.value, p.value_high, p.comparator) == (surface, value, None, "=")


def test_number_words_keep_only_the_tail_that_is_a_number():
    # "năm 2025" must not glue "năm" (five) onto the percentage words
    text = "Đến năm 2025 có năm mươi phần trăm hộ dân"
    p = _one(text)
    assert p.surface == "năm mươi phần trăm" and p.value == 50.0


@pytest.mark.parametrize("text", ["Kế hoạch 5 năm năm mươi phần trăm", "Tầm nhìn/năm\nnăm mươi phần trăm "])
def test_number_words_do_not_take_a_word_before_them_or_cross_a_line(text):
    # found by the property test: "năm\nnăm mươi" once raised, "năm năm mươi" read as 100
    p = _one(text)
    assert p.surface == "năm mươi phần trăm" and p.value == 50.0
    assert text[p.start:p.end] == p.surface


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("từ 75% đến 80% hộ dân", "từ 75% đến 80%"),
        ("khoảng 75-80% hộ dân", "75-80%"),
        ("khoảng 75% - 80% hộ dân", "75% - 80%"),
        ("từ 75 đến 80% hộ dân", "từ 75 đến 80%"),
        ("từ 75% tới 80% hộ dân", "từ 75% tới 80%"),
        ("cao hơn từ trên 75% đến không quá 80% so với", "75% đến không quá 80%"),
    ],
)
def test_ranges(text, surface):
    p = _one(text)
    assert (p.surface, p.value, p.value_high, p.comparator) == (surface, 75.0, 80.0, "range")


def test_range_needs_tu_a_dash_or_a_word_that_opens_a_value():
    # "6 đến 12%" after any word is only the 12% ("lớp 6 đến 12%")
    p = _one("học sinh lớp 6 đến 12% số hộ")
    assert (p.surface, p.value, p.value_high) == ("12%", 12.0, None)


@pytest.mark.parametrize("text", ["tăng 75 đến 80% số hộ", "kế hoạch năm là 75 đến 80%", "dao động 75 tới 80%"])
def test_a_range_after_a_verb_or_copula(text):
    p = _one(text)
    assert (p.value, p.value_high, p.comparator) == (75.0, 80.0, "range")


def test_decreasing_pair_is_not_a_range():
    found = find_percentages("80%-75%")
    assert [(p.value, p.value_high) for p in found] == [(80.0, None), (75.0, None)]


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("đạt tối thiểu 70% số hộ", ">="),
        ("ít nhất 70% số hộ", ">="),
        ("không dưới 70% số hộ", ">="),
        ("từ 30% trở lên", ">="),
        ("trên 70% số hộ", ">"),
        ("hơn 70% số hộ", ">"),
        ("tối đa 70% số hộ", "<="),
        ("không quá 70% số hộ", "<="),
        ("dưới 5% số hộ", "<"),
        ("khoảng 70% số hộ", "~"),
        ("Khoảng 70% số hộ", "~"),
        ("gần 70% số hộ", "~"),
        ("đạt 70% số hộ", "="),
        ("trên mức 70% số hộ", ">"),
        ("tối thiểu là 70% số hộ", ">="),
        ("đạt trên tối thiểu 40%", ">="),  # the nearest comparator wins
        ("đạt tối thiểu trên 40%", ">"),
    ],
)
def test_comparators_attached(text, comparator):
    assert _one(text).comparator == comparator


def test_several_in_order_with_their_own_comparators():
    text = "đạt tối thiểu 95% và từ 30% trở lên, dưới 5%"
    found = find_percentages(text)
    assert [(p.surface, p.comparator) for p in found] == [("95%", ">="), ("30%", ">="), ("5%", "<")]
    assert [p.start for p in found] == sorted(p.start for p in found)


@pytest.mark.parametrize(
    "text",
    ["1.829 thủ tục", "mạng 4G/5G", "phục vụ 24/7", "22/63 tỉnh", "năm 2025", "tăng hai bậc", "",
     "https://moj.gov.vn/Attachments/1.TB%20so%20151%20cua%20Bo.pdf"],  # a URL's escapes
)
def test_non_percentages(text):
    assert find_percentages(text) == []
