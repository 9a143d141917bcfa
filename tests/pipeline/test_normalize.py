"""Normalize stage: one spelling for matching, offsets kept in the original."""

from __future__ import annotations

import unicodedata

import pytest
from chitieu.extractors.spelling import unify_tone_placement
from chitieu.pipeline.normalize import normalize
from chitieu.pipeline.run import process_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chitieu.models import Document


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def test_decomposed_text_becomes_nfc():
    original = nfd("Khánh Hòa đạt 70% hồ sơ")
    assert len(original) > len("Khánh Hòa đạt 70% hồ sơ")
    n = normalize(original)
    assert n.text == "Khánh Hòa đạt 70% hồ sơ"
    assert unicodedata.is_normalized("NFC", n.text)
    assert n.original == original


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("khoá", "khóa"), ("HOÀ", "HÒA"), ("Thuỷ sản", "Thủy sản"),
     ("hoà.", "hòa."), ("Khánh Hoà", "Khánh Hòa"), ("thuý", "thúy")],
)
def test_tone_placement_unified(old, new):
    assert normalize(old).text == new
    assert unify_tone_placement(old) == new
    assert normalize(nfd(old)).text == new


@pytest.mark.parametrize("word", ["hoàn", "quý", "Huỳnh", "quà", "hòa", "thủy", "khoảng", "toàn"])
def test_tone_placement_left_alone(word):
    assert normalize(word).text == word


def test_odd_spaces_become_plain_spaces():
    assert normalize("70\u00a0%").text == "70 %"
    assert normalize("a\u2009b\u202fc\u3000d\te").text == "a b c d e"


def test_dashes_and_quotes():
    assert normalize("2021\u20132025 \u2014 x \u2212 y").text == "2021-2025 - x - y"
    assert normalize("\u201cchỉ tiêu\u201d \u2018x\u2019").text == "\"chỉ tiêu\" 'x'"


def test_zero_width_characters_dropped():
    assert normalize("đạt\u200b 70\u200c%\ufeff nhé\u200d\u2060").text == "đạt 70% nhé"


def test_line_endings():
    assert normalize("a\r\nb\rc").text == "a\nb\nc"


def test_length_preserved_on_the_fast_path():
    n = normalize("Khánh Hoà đạt 70\u00a0%")
    assert n.text == "Khánh Hòa đạt 70 %"
    assert n.to_original(14, 18) == (14, 18)


def _back(n, fragment):
    i = n.text.index(fragment)
    s, e = n.to_original(i, i + len(fragment))
    return n.original[s:e]


def test_to_original_on_decomposed_input():
    original = nfd("Tỉnh Khánh Hòa đạt 97,83% hồ sơ")
    n = normalize(original)
    for fragment in ("Khánh Hòa", "97,83%", "hồ sơ", "đạt"):
        back = _back(n, fragment)
        assert unicodedata.normalize("NFC", back) == fragment
    # the span covers whole characters with their marks
    assert _back(n, "Hòa") == nfd("Hòa")


def test_to_original_with_zero_width_characters():
    original = "đạt\u200b 70\u200c% hồ\u200b sơ"
    n = normalize(original)
    assert _back(n, "70%") == "70\u200c%"
    assert _back(n, "hồ sơ") == "hồ\u200b sơ"
    assert _back(n, "đạt") == "đạt"


def test_to_original_with_crlf():
    original = "dòng một\r\ndòng hai 50%"
    n = normalize(original)
    assert _back(n, "50%") == "50%"
    assert _back(n, "một\ndòng") == "một\r\ndòng"


def test_to_original_of_an_empty_span():
    n = normalize(nfd("hòa"))
    assert n.to_original(1, 1)[0] == n.to_original(1, 1)[1]
    assert n.to_original(len(n.text), len(n.text)) == (len(n.original), len(n.original))


def test_zero_width_before_a_combining_mark_dropped():
    assert "\u200b" not in normalize("a\u200b\u0300b").text


# ---------------------------------------------------------------------------------------------
# Properties on arbitrary text.

VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
MARKS = "".join(chr(c) for c in range(0x0300, 0x0324))
ODD = "\u00a0\u2009\u202f\u200b\u200c\u200d\ufeff\u00ad\u2013\u2014\u201c\u201d\r\n\t %,.;()-/"
FRAGMENTS = ["đạt ", "tối thiểu ", "70%", " 97,83 %", "năm 2025", "giai đoạn 2021\u20132025", "cấp xã",
             "Khánh Hoà", "hoà", "thuỷ", "phần trăm", "năm mươi", "(", ")", ";", "\n", "\u00a0"]

viet_text = st.lists(
    st.one_of(
        st.text(alphabet=VIET + MARKS + ODD, max_size=12),
        st.sampled_from(FRAGMENTS),
        st.text(st.characters(categories=["L", "M", "N", "P", "Z", "S", "Cf"]), max_size=6),
    ),
    max_size=14,
).map("".join)

# Mostly target-like fragments, so that the pipeline has values, years, levels and places to map back.
target_like = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS).map(lambda f: f + " "),
        st.sampled_from(FRAGMENTS),
        st.text(alphabet=VIET + MARKS + ODD, max_size=5),
    ),
    min_size=1,
    max_size=20,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(categories=["L", "M", "N", "P", "Z", "S", "Cc", "Cf"]), max_size=60) | viet_text)
def test_normalize_never_raises_and_maps_every_char_back(text):
    n = normalize(text)
    assert n.original == text
    last = 0
    for i in range(len(n.text)):
        s, e = n.to_original(i, i + 1)
        assert 0 <= s < e <= len(text)
        assert s >= last  # monotonic
        last = s
    if n.text:
        assert n.to_original(0, len(n.text))[1] <= len(text)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(viet_text | target_like)
def test_pipeline_spans_are_grounded_in_the_original(text):
    result = process_document(Document("d", text=text))
    for t in result.targets:
        assert text[t.start:t.end] == t.surface
        assert text[t.sentence_start:t.sentence_end] == t.sentence
    for r in result.references:
        assert text[r.start:r.end] == r.surface
    values = {(t.start, t.end) for t in result.targets}
    for s, e, label, _detail in result.spans:
        assert 0 <= s < e <= len(text)
        if label == "value":
            assert (s, e) in values


def test_pipeline_reads_decomposed_and_odd_spaced_text_like_clean_text():
    clean = "Tỉnh Khánh Hoà phấn đấu đến năm 2025, tối thiểu 80% hồ sơ cấp xã được xử lý trực tuyến."
    variants = [clean, nfd(clean), clean.replace(" ", "\u00a0\u200b")]
    rows = []
    for text in variants:
        (t,) = process_document(Document("d", text=text)).targets
        assert text[t.start:t.end] == t.surface
        assert unicodedata.normalize("NFC", t.surface.replace("\u200b", "")) == "80%"
        rows.append((t.value, t.comparator, t.year, t.place, t.level, t.status))
    assert rows == [(80.0, ">=", 2025, "Khánh Hòa", "xa", "target")] * 3
