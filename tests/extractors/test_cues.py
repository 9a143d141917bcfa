"""Status and measure cues: target, actual, increase, per_period, frame."""

from __future__ import annotations

import pytest
from chitieu.extractors.cues import find_cues, find_cues_in
from chitieu.pipeline.segment import paragraphs


def _cues(text):
    found = find_cues(text)
    for c in found:
        assert text[c.start:c.end] == c.surface
    return [(c.surface, c.kind) for c in found]


def test_mixed_sentence():
    text = "Tỉnh phấn đấu đến năm 2025 tăng thêm 10%/năm; đã đạt 51%"
    assert _cues(text) == [("phấn đấu", "target"), ("tăng thêm", "increase"), ("/năm", "per_period"),
                           ("đã đạt", "actual")]


@pytest.mark.parametrize(
    ("text", "cue", "kind"),
    [
        ("mục tiêu đạt 90%", "mục tiêu", "target"),
        ("Mục tiêu đạt 90%", "Mục tiêu", "target"),
        ("chỉ tiêu 50%", "chỉ tiêu", "target"),
        ("dự kiến 30%", "dự kiến", "target"),
        ("đảm bảo 100%", "đảm bảo", "target"),
        ("phấn đấu 100%", "phấn đấu", "target"),
        ("đã đạt 61%", "đã đạt", "actual"),
        ("trung bình đạt 51%", "trung bình đạt", "actual"),
        ("ước đạt 60%", "ước đạt", "actual"),
        ("tăng thêm 10%", "tăng thêm", "increase"),
        ("tăng 5%", "tăng", "increase"),
        ("giảm 3%/năm", "/năm", "per_period"),
    ],
)
def test_kinds(text, cue, kind):
    assert (cue, kind) in _cues(text)


@pytest.mark.parametrize("text", ["tăng trưởng 7%", "tăng cường 7%", "tăng lên 80%", "Tăng trưởng GRDP 7%"])
def test_growth_and_reaching_are_not_increases(text):
    assert all(kind != "increase" for _, kind in _cues(text))


def test_longest_phrase_wins():
    # "trung bình đạt" is one actual cue, not "đạt" inside it
    assert _cues("trung bình đạt 51%") == [("trung bình đạt", "actual")]


def test_no_cue_inside_words():
    assert _cues("người dân phấn khởi") == []


# --- a document's regions in one pass ---------------------------------------------------------------


def test_a_region_ends_what_a_cue_may_see():
    """"tăng" ending a line is an increase even when the next line starts with "trưởng"."""
    text = "Dân số tăng\ntrưởng thành"
    regions = paragraphs(text)
    assert [c.kind for c in find_cues_in(text, regions)] == [c.kind for c in find_cues(text[:11])] == ["increase"]
