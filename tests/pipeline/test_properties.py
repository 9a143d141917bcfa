"""Properties of the whole pipeline on arbitrary input: it never raises and every offset is grounded."""

from __future__ import annotations

from chitieu.pipeline.run import process_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chitieu.models import Document

FRAGMENTS = [
    "đạt", "tối thiểu", "ít nhất", "trên", "khoảng", "70%", "97,83 %", "từ 75% đến 80%", "75-80%", "năm mươi phần trăm",
    "(", ")", ";", ",", ".", ":", "năm 2025", "đến năm 2030", "giai đoạn 2021 \u2013 2025", "từ năm 2023",
    "cấp xã", "cấp tỉnh, huyện, xã", "các sở, ban, ngành", "xã", "huyện", "tỉnh Gia Lai", "TP.HCM", "Khánh Hoà",
    "Việt Nam", "Thừa Thiên - Huế", "phấn đấu", "mục tiêu", "đã đạt", "tăng thêm", "/năm", "hồ sơ", "hộ dân",
    "được xử lý trực tuyến", "Quyết định số 215/QĐ-UBND ngày 10/3/2023", "(1)", "a)", "\n", "\n\n", "\u00a0",
    "\u200b", "\r\n", "\u0301", "\u0323", "\u201c", "\u201d",
]
SEPARATORS = st.sampled_from([" ", " ", " ", "", "\n", "\u00a0", ", "])

fragment_text = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), SEPARATORS).map("".join), min_size=1, max_size=30
).map("".join)

unicode_text = st.text(
    st.characters(categories=["L", "M", "N", "P", "S", "Z", "Cc", "Cf"]) | st.sampled_from("70%;()\n"),
    max_size=80,
)

mixed_text = st.lists(
    st.one_of(fragment_text, st.text(st.characters(categories=["L", "M", "N", "P", "Z", "Cf"]), max_size=8)),
    max_size=6,
).map("".join)


def _check(text: str) -> None:
    result = process_document(Document("d", text=text))
    n = len(text)
    for t in result.targets:
        assert 0 <= t.start < t.end <= n
        assert text[t.start:t.end] == t.surface
        assert 0 <= t.sentence_start <= t.start and t.end <= t.sentence_end <= n
        assert text[t.sentence_start:t.sentence_end] == t.sentence
        assert t.unit == "percent"
        assert t.comparator in {"=", ">=", ">", "<=", "<", "~", "range"}
        assert t.status in {"target", "actual", "other"}
        assert t.measure in {"level", "increase", "decrease", "gap"}
        assert t.level in {"tinh", "huyen", "xa", ""}
    for r in result.references:
        assert 0 <= r.start < r.end <= n
        assert text[r.start:r.end] == r.surface
    values = {(t.start, t.end): t.surface for t in result.targets}
    refs = {(r.start, r.end): r.canonical for r in result.references}
    for s, e, label, detail in result.spans:
        assert 0 <= s < e <= n, (s, e, label)
        assert label in {"value", "year", "level", "place", "reference"}
        if label == "value":
            assert (s, e) in values
        if label == "reference":
            assert refs.get((s, e)) == detail
        if label == "year":
            assert detail in "".join(ch for ch in text[s:e] if ch.isdigit())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unicode_text)
def test_arbitrary_unicode(text):
    _check(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fragment_text)
def test_target_like_fragments(text):
    _check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_text)
def test_fragments_mixed_with_arbitrary_unicode(text):
    _check(text)


def test_a_fixed_example_is_grounded():
    text = "Tỉnh Gia Lai phấn đấu đến năm 2025,\u00a0tối thiểu 70\u200b% hồ sơ (cấp xã (40%)) được xử lý trực tuyến."
    result = process_document(Document("d", text=text))
    assert [t.value for t in result.targets] == [70.0, 40.0]
    _check(text)
