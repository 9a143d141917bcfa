"""The indicator phrase: cleaning the words before (head) and after (tail) a value."""

from __future__ import annotations

import pytest
from chitieu.pipeline.indicator import (
    anaphors,
    clean_head,
    clean_tail,
    content_words,
    has_predicate,
    render,
    subtract,
    tail_extent,
    trim,
)


def head(text, subject=True):
    return render(text, clean_head(text, [(0, len(text))], subject=subject))


def tail(text):
    return render(text, clean_tail(text, [(0, len(text))]))


def test_subtract():
    assert subtract([(0, 10)], [(2, 4), (6, 8)]) == [(0, 2), (4, 6), (8, 10)]
    assert subtract([(0, 10)], [(0, 10)]) == []
    assert subtract([(0, 5), (7, 12)], [(3, 9)]) == [(0, 3), (9, 12)]
    assert subtract([(0, 5)], [(5, 8)]) == [(0, 5)]  # half-open: touching is not overlapping
    assert subtract([(0, 5)], []) == [(0, 5)]
    assert subtract([], [(0, 5)]) == []


def test_render_joins_pieces_with_single_spaces():
    assert render("a  b   c", [(0, 1), (3, 4), (7, 8)]) == "a b c"
    assert render("  x  \n y ", [(0, 9)]) == "x y"


def test_render_balances_brackets():
    assert render("tốc độ (GRDP", [(0, 12)]) == "tốc độ (GRDP)"  # short abbreviation closed
    assert render("hộ dân)", [(0, 7)]) == "hộ dân"  # stray closing bracket dropped


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (", và tỷ lệ hộ nghèo đạt ", "tỷ lệ hộ nghèo"),
        ("trong đó tỷ lệ hộ nghèo là", "tỷ lệ hộ nghèo"),
        ("tối thiểu tỷ lệ che phủ rừng", "tỷ lệ che phủ rừng"),
    ],
)
def test_trim_edge_words(text, phrase):
    assert render(text, trim(text, [(0, len(text))])) == phrase


def test_trim_drops_empty_ranges():
    text = "đạt , tối thiểu"
    assert trim(text, [(0, len(text))]) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("phấn đấu đến năm 2025, kinh tế số chiếm tối thiểu", "kinh tế số chiếm"),
        ("Mục tiêu: tốc độ tăng trưởng kinh tế (GRDP) đạt", "tốc độ tăng trưởng kinh tế (GRDP)"),
        ("a) tỷ lệ hộ dân sử dụng nước sạch đạt", "tỷ lệ hộ dân sử dụng nước sạch"),
        ("1. tỷ lệ hộ dân sử dụng nước sạch đạt", "tỷ lệ hộ dân sử dụng nước sạch"),
        ("- tỷ lệ hộ dân sử dụng nước sạch đạt", "tỷ lệ hộ dân sử dụng nước sạch"),
        ("tỉnh Bình Định đạt tỷ lệ bao phủ BHYT", "tỷ lệ bao phủ BHYT"),
        ("Năm 2022, tỷ lệ hồ sơ trực tuyến (theo báo cáo của sở) đạt", "tỷ lệ hồ sơ trực tuyến"),
    ],
)
def test_clean_head(text, phrase):
    assert head(text) == phrase


def test_clean_head_without_subject_keeps_the_verb_phrase_after_the_last_comma():
    assert head("hồ sơ xử lý trực tuyến, tích hợp", subject=False) == "tích hợp"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (trừ hồ sơ mật)",
         "hồ sơ công việc được xử lý trên môi trường mạng"),
        ("hộ dân có nước sạch, góp phần nâng cao đời sống", "hộ dân có nước sạch"),
        ("hộ dân có nước sạch so với năm trước", "hộ dân có nước sạch"),
        ("hộ dân có nước sạch vào năm 2025", "hộ dân có nước sạch"),
        ("hồ sơ được số hóa (1) và", "hồ sơ được số hóa"),
        ("doanh nghiệp sử dụng hóa đơn điện tử/năm", "doanh nghiệp sử dụng hóa đơn điện tử"),
        ("doanh nghiệp nhỏ và vừa (DNNVV) dùng hóa đơn điện tử", "doanh nghiệp nhỏ và vừa (DNNVV) dùng hóa đơn điện tử"),
    ],
)
def test_clean_tail(text, phrase):
    assert tail(text) == phrase


def test_tail_extent_stops_at_purpose():
    text = "hộ dân có nước sạch, góp phần nâng cao"
    assert tail_extent(text, [(0, len(text))]) == [(0, text.index(","))]
    assert tail_extent(text, []) == []


def test_helpers():
    assert content_words("đạt tối thiểu") == 0
    assert content_words("hộ nghèo") == 2
    assert has_predicate("hồ sơ được xử lý")
    assert not has_predicate("hồ sơ mật")
    anaphor = anaphors()[0]
    assert anaphor.match("tỷ lệ này") and anaphor.match("con số trên")
    assert not anaphor.match("tỷ lệ hộ nghèo")


def test_empty_inputs():
    assert clean_head("abc", [], subject=True) == []
    assert clean_tail("abc", []) == []
    assert render("abc", []) == ""
