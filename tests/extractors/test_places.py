"""Places: provinces and centrally-run cities, their aliases, and Việt Nam for national figures."""

from __future__ import annotations

import pytest
from chitieu.extractors.places import find_places
from chitieu.pipeline.normalize import normalize


def _places(text):
    found = find_places(text)
    for p in found:
        assert text[p.start:p.end] == p.surface
    return [(p.surface, p.place) for p in found]


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [
        ("UBND tỉnh Khánh Hòa ban hành", "tỉnh Khánh Hòa", "Khánh Hòa"),
        ("Tỉnh Gia Lai đạt", "Tỉnh Gia Lai", "Gia Lai"),
        ("thành phố Cần Thơ có", "thành phố Cần Thơ", "Cần Thơ"),
        ("Thành phố Hồ Chí Minh có", "Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
        ("tại TP.HCM có", "TP.HCM", "Hồ Chí Minh"),
        ("tại TP Hồ Chí Minh có", "TP Hồ Chí Minh", "Hồ Chí Minh"),
        ("tỉnh Thừa Thiên - Huế có", "tỉnh Thừa Thiên - Huế", "Thừa Thiên Huế"),
        ("Thừa Thiên Huế có", "Thừa Thiên Huế", "Thừa Thiên Huế"),
        ("Đà Nẵng có", "Đà Nẵng", "Đà Nẵng"),
        ("tại Việt Nam, tỷ lệ", "Việt Nam", "Việt Nam"),
    ],
)
def test_place_names(text, surface, place):
    assert _places(text) == [(surface, place)]


def test_several_places_in_order():
    text = "UBND tỉnh Khánh Hòa và TP.HCM, Thừa Thiên - Huế"
    assert [p for _, p in _places(text)] == ["Khánh Hòa", "Hồ Chí Minh", "Thừa Thiên Huế"]


@pytest.mark.parametrize(
    ("name", "merged_into"),
    [("Hải Dương", "Hải Phòng"), ("Bình Định", "Gia Lai"), ("Quảng Nam", "Đà Nẵng"), ("Gia Lai", None),
     ("Hà Nội", None)],
)
def test_merged_into_after_2025(name, merged_into):
    (p,) = find_places(f"tỉnh {name} đạt")
    assert p.place == name
    assert p.merged_into == merged_into


def test_old_tone_placement_after_normalization():
    text = normalize("UBND tỉnh Khánh Hoà đạt").text
    assert _places(text) == [("tỉnh Khánh Hòa", "Khánh Hòa")]


def test_lowercase_common_word_is_not_a_place():
    assert _places("vì hòa bình và phát triển") == []
    assert _places("Hòa Bình đạt") == [("Hòa Bình", "Hòa Bình")]


@pytest.mark.parametrize(
    "text",
    ["Tập đoàn Bưu chính Viễn thông Việt Nam cho biết", "Ngân hàng Nhà nước Việt Nam công bố",
     "theo Thông tấn xã Việt Nam"],
)
def test_organisation_named_after_the_country_is_not_a_national_mention(text):
    assert [p for _, p in _places(text)] == []


def test_place_inside_a_word_is_not_a_place():
    assert _places("Hà Nộii và xHuế") == []


# --- a region read in place (the equivalence itself: tests/extractors/test_scan.py) -----------------


def test_a_region_starts_what_a_place_may_see():
    """An organisation on the line before does not take "Việt Nam" from the next line."""
    from chitieu.extractors.places import find_places_in
    from chitieu.pipeline.segment import paragraphs

    text = "Tập đoàn\nViệt Nam đạt 80%"
    assert [p.place for p in find_places_in(text, paragraphs(text))] == ["Việt Nam"]


@pytest.mark.parametrize(("text", "places"), [
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK", ["Đắk Lắk"]),  # an issuer in capitals
    ("KẾ HOẠCH CHUYỂN ĐỔI SỐ THÀNH PHỐ HỒ CHÍ MINH NĂM 2025", ["Hồ Chí Minh"]),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ["Việt Nam"]),
    ("GIỮ GÌN HÒA BÌNH, ổn định", []),  # a line with lower case is read as written
])
def test_names_in_capitals(text, places):
    assert [p.place for p in find_places(text)] == places


@pytest.mark.parametrize(("text", "expected"), [
    ("khu vực châu Á – Thái Bình Dương tăng 9%", []),
    ("Hiệp định Đối tác xuyên Thái Bình Dương và tỉnh Thái Bình", [("tỉnh Thái Bình", "Thái Bình")]),
    ("Bí thư Thành ủy Hà Nội Nguyễn Văn A cho biết", [("Hà Nội", "Hà Nội")]),
])
def test_a_proper_noun_that_opens_with_a_province_is_none(text, expected):
    assert _places(text) == expected
