"""Tables of targets: a value's cell, its row's label and its column's header."""

from __future__ import annotations

import pytest
from chitieu.extractors.percentages import find_percentages
from chitieu.pipeline.doc import Doc
from chitieu.pipeline.segment import find_sentences, paragraphs
from chitieu.pipeline.tables import read_tables

MARKDOWN = """Các chỉ tiêu chủ yếu của Kế hoạch phát triển kinh tế - xã hội năm 2025:
| TT | Chỉ tiêu | Đơn vị | Thực hiện năm 2024 | Kế hoạch 2025 |
|---|---|---|---|---|
| 1 | Tỷ lệ che phủ rừng | % | 41,2% | 42% |
| II | **Tỷ lệ hộ nghèo theo chuẩn đa chiều** | % | 3,5% | 2,5% |
Ủy ban nhân dân tỉnh giao các sở tổ chức thực hiện."""

VERTICAL = """**PHỤ LỤC**

|
**TT**
|
**Chỉ tiêu**
|
**Chủ trì**
|
|
1
|
Tỷ lệ doanh nghiệp ứng dụng công nghệ số
|
Sở Khoa học và Công nghệ
|
|
2
|
Kinh tế số chiếm 30% GRDP của tỉnh.
|
Sở Tài chính
|

Nơi nhận: như trên."""


def _cells(text: str) -> list[tuple[str, str | None, str | None]]:
    def show(span):
        return None if span is None else text[span[0]:span[1]]

    return [(show(c.cell), show(c.label), show(c.header)) for c in read_tables(text)]


@pytest.mark.parametrize(("text", "expected"), [
    (MARKDOWN, [
        ("1", None, "TT"), ("Tỷ lệ che phủ rừng", None, "Chỉ tiêu"), ("%", "Tỷ lệ che phủ rừng", "Đơn vị"),
        ("41,2%", "Tỷ lệ che phủ rừng", "Thực hiện năm 2024"), ("42%", "Tỷ lệ che phủ rừng", "Kế hoạch 2025"),
        ("II", None, "TT"),
        ("Tỷ lệ hộ nghèo theo chuẩn đa chiều", None, "Chỉ tiêu"),
        ("%", "Tỷ lệ hộ nghèo theo chuẩn đa chiều", "Đơn vị"),
        ("3,5%", "Tỷ lệ hộ nghèo theo chuẩn đa chiều", "Thực hiện năm 2024"),
        ("2,5%", "Tỷ lệ hộ nghèo theo chuẩn đa chiều", "Kế hoạch 2025"),
    ]),
    (VERTICAL, [
        ("1", None, "TT"), ("Tỷ lệ doanh nghiệp ứng dụng công nghệ số", None, "Chỉ tiêu"),
        ("Sở Khoa học và Công nghệ", "Tỷ lệ doanh nghiệp ứng dụng công nghệ số", "Chủ trì"),
        ("2", None, "TT"),
        # a cell that is a sentence of its own has no label on its left
        ("Kinh tế số chiếm 30% GRDP của tỉnh.", None, "Chỉ tiêu"),
        ("Sở Tài chính", None, "Chủ trì"),  # a cell with a value labels nothing
    ]),
    ("Tỷ lệ | đạt 80% | của cả nước", []),  # one line with bars is no table
    ("Không có bảng nào, đạt 80%.", []),
])
def test_read_tables(text, expected):
    assert _cells(text) == expected


def test_a_row_without_the_header_width_has_no_header():
    text = "| Chỉ tiêu | 2025 |\n|---|---|\n| Tỷ lệ hộ nghèo | 2% | ghi chú |"
    assert [c[2] for c in _cells(text)] == [None, None, None]


def test_sentences_carry_the_cells_of_their_values():
    doc = Doc("d", MARKDOWN)
    doc.text = doc.original
    doc.paragraphs = paragraphs(doc.text)
    doc.values = find_percentages(doc.text)
    find_sentences(doc)
    read = [(v.surface, doc.text[slice(*c.label)], doc.text[slice(*c.header)])
            for s in doc.sentences for v, c in zip(s.values, s.cells, strict=True)]
    assert read == [("41,2%", "Tỷ lệ che phủ rừng", "Thực hiện năm 2024"),
                    ("42%", "Tỷ lệ che phủ rừng", "Kế hoạch 2025"),
                    ("3,5%", "Tỷ lệ hộ nghèo theo chuẩn đa chiều", "Thực hiện năm 2024"),
                    ("2,5%", "Tỷ lệ hộ nghèo theo chuẩn đa chiều", "Kế hoạch 2025")]


def test_sentences_outside_tables_carry_no_cells():
    doc = Doc("d", "Năm 2025 đạt 80%. Năm 2030 đạt 90%.")
    doc.text = doc.original
    doc.paragraphs = paragraphs(doc.text)
    doc.values = find_percentages(doc.text)
    find_sentences(doc)
    assert [s.cells for s in doc.sentences] == [(), ()]
