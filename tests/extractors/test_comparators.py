"""Comparators: the nearest comparator word before a value, or ``trở lên`` after it."""

from __future__ import annotations

import pytest
from chitieu.extractors.comparators import comparator_for


def _at(text: str, value: str) -> str:
    start = text.index(value)
    return comparator_for(text, start, start + len(value))


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("Có ≥\n80% doanh nghiệp", ">="),  # a sign, also across a wrapped line
        ("≤80%", "<="),
        ("890 mg ± 80%", "<="),  # a tolerance bounds the deviation
        ("tối thiểu 80%", ">="),
        ("ít nhất 80%", ">="),
        ("không dưới 80%", ">="),
        ("từ 80% trở lên", ">="),
        ("trên 80%", ">"),
        ("hơn 80%", ">"),
        ("tối đa 80%", "<="),
        ("không quá 80%", "<="),
        ("dưới 80%", "<"),
        ("khoảng 80%", "~"),
        ("gần 80%", "~"),
        ("đạt 80%", "="),
        ("80%", "="),
        ("TỐI THIỂU 80%", ">="),
        ("tối   thiểu 80%", ">="),  # any run of spaces
        ("trên mức 80%", ">"),
        ("tối thiểu là 80%", ">="),
        ("ít nhất ở mức 80%", ">="),
    ],
)
def test_comparator_words(text, comparator):
    assert _at(text, "80%") == comparator


def test_nearest_word_wins():
    assert _at("đạt trên tối thiểu 40%", "40%") == ">="
    assert _at("không quá khoảng 40%", "40%") == "~"


def test_after_word_wins_over_before_word():
    assert _at("dưới 40% trở lên", "40%") == ">="


def test_comparator_must_touch_the_value():
    # a comparator word separated from the value by other words does not apply
    assert _at("trên địa bàn tỉnh đạt 40%", "40%") == "="
    assert _at("trên 10 xã đạt 40%", "40%") == "="


def test_word_boundaries():
    # "hơn" inside another word, "gần" as part of "gần đây" before other words
    assert _at("thơn 40%", "40%") == "="
    assert _at("năm gần đây đạt 40%", "40%") == "="


def test_each_value_its_own_comparator():
    text = "đạt trên tối thiểu 40% và dưới 5%, từ 30% trở lên"
    assert [_at(text, v) for v in ("40%", "5%", "30%")] == [">=", "<", ">="]
