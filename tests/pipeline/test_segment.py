"""Segment stage: paragraphs, sentences, clauses and bracketed sub-clauses, as offsets."""

from __future__ import annotations

import pytest
from chitieu.pipeline.segment import clauses, is_candidate, paragraphs, sentences
from hypothesis import given, settings
from hypothesis import strategies as st


def test_paragraphs_are_stripped_non_empty_lines():
    text = "Tiêu đề\n\n  Mục tiêu đạt 80% hồ sơ.  \n   \nDòng ba\n"
    spans = paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["Tiêu đề", "Mục tiêu đạt 80% hồ sơ.", "Dòng ba"]
    assert paragraphs("") == []
    assert paragraphs("\n \n\t\n") == []


def test_sentences_are_aligned_to_offsets():
    text = "Tiêu đề\n\nMục tiêu năm 2025: 80% hồ sơ (cấp xã (40%)) được số hóa. Năm 2022 mới đạt 61,5%."
    para = paragraphs(text)[1]
    spans = sentences(text, para)
    assert [text[s:e] for s, e in spans] == [
        "Mục tiêu năm 2025: 80% hồ sơ (cấp xã (40%)) được số hóa.", "Năm 2022 mới đạt 61,5%."]
    assert spans[0][0] == para[0] and spans[-1][1] == para[1]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_sentences_keep_decimal_commas_and_thousands_dots_inside():
    text = "Tỉnh đã công khai 1.829 thủ tục, đạt 97,83%. Câu sau."
    spans = sentences(text, (0, len(text)))
    assert text[spans[0][0]:spans[0][1]] == "Tỉnh đã công khai 1.829 thủ tục, đạt 97,83%."


def test_a_dot_inside_a_word_ends_no_sentence():
    text = "Vàng giao ngay trên trang Kitco.com đã tăng 0,15%. Câu sau v.v. Câu cuối."
    spans = sentences(text, (0, len(text)))
    assert text[spans[0][0]:spans[0][1]] == "Vàng giao ngay trên trang Kitco.com đã tăng 0,15%."


def test_sentences_of_an_offset_paragraph():
    text = "Đầu.\nPhấn đấu 90% xã đạt chuẩn. Năm sau 95%."
    para = paragraphs(text)[1]
    spans = sentences(text, para)
    assert all(para[0] <= s < e <= para[1] for s, e in spans)
    assert text[spans[0][0]:spans[0][1]] == "Phấn đấu 90% xã đạt chuẩn."


def test_clauses_split_at_semicolons():
    text = "80% xã đạt chuẩn; 70% huyện đạt chuẩn; còn lại"
    parts = clauses(text, (0, len(text)))
    assert [text[c.start:c.end].strip() for c in parts] == ["80% xã đạt chuẩn", "70% huyện đạt chuẩn", "còn lại"]
    assert all(not c.paren and c.parent is None for c in parts)


def test_clauses_of_a_sentence_span_inside_a_text():
    text = "Trước. 50% a; 60% b. Sau."
    s = text.index("50%")
    e = text.index(" Sau")
    parts = clauses(text, (s, e))
    assert [text[c.start:c.end].strip() for c in parts] == ["50% a", "60% b."]


def test_nested_brackets():
    text = "80% hồ sơ (cấp xã (40%) và cấp huyện) được xử lý"
    (clause,) = clauses(text, (0, len(text)))
    (outer,) = clause.children
    assert text[outer.start:outer.end] == "(cấp xã (40%) và cấp huyện)"
    assert outer.paren and outer.parent is clause
    (inner,) = outer.children
    assert text[inner.start:inner.end] == "(40%)"
    assert inner.parent is outer
    assert clause.innermost(text.index("40%")) is inner
    assert clause.innermost(text.index("cấp huyện")) is outer
    assert clause.innermost(0) is clause
    assert clause.holes() == [(outer.start, outer.end)]


def test_unclosed_bracket_runs_to_the_clause_end():
    text = "60% hộ (chưa kể hộ mới; 70% xã"
    first, second = clauses(text, (0, len(text)))
    (paren,) = first.children
    assert text[paren.start:paren.end] == "(chưa kể hộ mới"
    assert paren.end == first.end
    assert second.children == []


def test_stray_closing_bracket_is_ignored():
    text = "60% hộ) đạt (50%) xã"
    (clause,) = clauses(text, (0, len(text)))
    assert [text[c.start:c.end] for c in clause.children] == ["(50%)"]


def test_is_candidate():
    assert is_candidate("đạt 80%")
    assert is_candidate("đạt 80 %")
    assert is_candidate("năm mươi phần trăm")
    assert not is_candidate("không có giá trị nào")
    assert is_candidate("NĂM MƯƠI PHẦN TRĂM")
    assert not is_candidate("một trăm người, gần % chưa")  # "%" without a digit right before it


@pytest.mark.parametrize(
    "para",
    ["- Tỷ lệ hộ nghèo giảm còn dưới 2%;", "Phấn đấu 80% hồ sơ được xử lý trực tuyến.", "Tỷ lệ đạt 95%...",
     "Có đạt 90% không?!", "100% xã có điểm phục vụ bưu chính"],
)
def test_a_paragraph_ending_once_is_one_sentence_as_the_tokenizer_says(para):
    # such paragraphs skip underthesea: the shortcut must agree with it
    from underthesea import sent_tokenize

    assert sent_tokenize(para) == [para]
    assert sentences(para, (0, len(para))) == [(0, len(para))]


SENTENCE_PIECES = ["Năm 2023", " đạt", " 1.829", " hồ sơ", ".", "..", "...", "?", "!", "?!", " TP.", " Th.S", " e.g.",
                   " A", " x", "\n", "\t", "\u00a0", " ", "3.5", "…", " Huế"]


@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=25).map("".join))
@settings(max_examples=400, deadline=None)
def test_sentence_splitting_is_underthesea_s(para):
    # split_sentences ports underthesea's rules to offsets; it must split exactly where sent_tokenize does
    from chitieu.pipeline.segment import _abbreviations, _aligned, split_sentences
    from underthesea import sent_tokenize

    assert split_sentences(para, _abbreviations()) == _aligned(para, sent_tokenize(para))


def test_sentences_fall_back_to_underthesea_s_own_call(monkeypatch):
    import chitieu.pipeline.segment as segment

    monkeypatch.setattr(segment, "_abbreviations", lambda: None)
    text = "Năm 2023 đạt 1.829 hồ sơ. TP. Huế đạt 90%. Câu ba"
    assert [text[s:e] for s, e in sentences(text, (0, len(text)))] == [
        "Năm 2023 đạt 1.829 hồ sơ.", "TP. Huế đạt 90%.", "Câu ba"]
