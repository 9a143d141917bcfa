"""Administrative levels: cấp tỉnh / huyện / xã, their lists and the bare level nouns."""

from __future__ import annotations

import pytest
from chitieu.extractors.levels import (
    bare_level,
    bare_level_after,
    bare_level_before,
    find_levels,
)


def _levels(text):
    found = find_levels(text)
    for m in found:
        assert text[m.start:m.end] == m.surface
    return [(m.surface, m.level) for m in found]


@pytest.mark.parametrize(
    ("phrase", "level"),
    [
        ("cấp tỉnh", "tinh"),
        ("cấp huyện", "huyen"),
        ("cấp xã", "xa"),
        ("các xã, phường", "xa"),  # after the 2025 merger: communes and wards, no district
        ("cấp sở, ngành", "tinh"),
        ("Cấp Xã", "xa"),
        ("các sở, ban, ngành", "tinh"),
        ("các huyện, thị xã, thành phố", "huyen"),
        ("xã, phường, thị trấn", "xa"),
    ],
)
def test_single_levels(phrase, level):
    assert _levels(f"hồ sơ tại {phrase} được xử lý") == [(phrase, level)]


@pytest.mark.parametrize(
    "phrase",
    ["cấp tỉnh, huyện, xã", "cấp tỉnh, cấp huyện và cấp xã", "cấp huyện - xã", "từ cấp tỉnh tới cơ sở",
     "từ cấp tỉnh đến cấp xã", "từ trung ương đến địa phương", "các cấp"],
)
def test_several_levels_at_once_are_multi(phrase):
    assert _levels(f"hệ thống một cửa {phrase} hoạt động") == [(phrase, "multi")]


def test_levels_in_order():
    text = "hồ sơ tại cấp huyện và các sở, ban, ngành; cấp xã"
    assert _levels(text) == [("cấp huyện", "huyen"), ("các sở, ban, ngành", "tinh"), ("cấp xã", "xa")]


def test_index_named_after_a_level_is_not_a_level():
    assert _levels("chỉ số năng lực cạnh tranh cấp tỉnh tăng 5 bậc") == []
    # after a clause break the level word speaks for itself again
    assert _levels("chỉ số này tăng, cấp tỉnh đạt 80%") == [("cấp tỉnh", "tinh")]


def test_no_level_in_plain_text():
    assert _levels("người dân phấn khởi đón năm mới") == []


def test_bare_level():
    assert bare_level("xã (40%)", 0, 2) == "xa"
    assert bare_level("các huyện", 0, 9) == "huyen"
    assert bare_level("cấp tỉnh", 0, 8) == "tinh"
    assert bare_level("hồ sơ", 0, 5) is None


@pytest.mark.parametrize(
    ("text", "surface", "level"),
    [
        ("cấp huyện (70%)", "cấp huyện", "huyen"),
        ("xã (40%)", "xã", "xa"),
        ("tại các xã (50%)", "tại các xã", "xa"),
        ("ở tỉnh (50%)", "ở tỉnh", "tinh"),
    ],
)
def test_bare_level_before(text, surface, level):
    pos = text.index("(")
    m = bare_level_before(text, pos)
    assert m is not None
    assert (m.surface, m.level, m.start) == (surface, level, 0)


def test_bare_level_before_is_grounded():
    text = "cấp huyện (70%)"
    m = bare_level_before(text, text.index("("))
    assert text[m.start:m.end] == m.surface


@pytest.mark.parametrize("text", ["đạt (70%)", "hồ sơ (70%)", "xãhội (70%)"])
def test_no_bare_level_before(text):
    assert bare_level_before(text, text.index("(")) is None


@pytest.mark.parametrize(
    ("text", "surface", "level"),
    [
        ("100% xã có trạm y tế", "xã", "xa"),
        ("100% số xã có trạm y tế", "xã", "xa"),
        ("100% các huyện có trạm", "huyện", "huyen"),
        ("80% tỉnh có trạm", "tỉnh", "tinh"),
        ("ít nhất 55% phường có mô hình", "phường", "xa"),  # a ward is a commune-level unit
        ("90% thị trấn đạt chuẩn", "thị trấn", "xa"),
        ("100% các quận có trung tâm", "quận", "huyen"),  # an urban district
    ],
)
def test_bare_level_after(text, surface, level):
    pos = text.index("%") + 1
    m = bare_level_after(text, pos)
    assert m is not None
    assert (m.surface, m.level) == (surface, level)
    assert text[m.start:m.end] == m.surface


@pytest.mark.parametrize(
    "text",
    ["100% xã, phường đạt chuẩn", "100% xãhội", "100% hồ sơ", "100% hộ dân ở xã"],
)
def test_no_bare_level_after(text):
    assert bare_level_after(text, text.index("%") + 1) is None
