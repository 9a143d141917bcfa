"""The header of an official document: its own symbol, motto, dateline and title (not the header table)."""

from __future__ import annotations

import pytest
from chitieu.pipeline.context import build_context
from chitieu.pipeline.doc import Doc
from chitieu.pipeline.header import read_header
from chitieu.pipeline.segment import paragraphs


def _official(issuer: str, dateline: str, title: list[str], body: str = "") -> str:
    """A document as published: the header table one cell after another between ``|`` lines."""
    head = ["|", f"**{issuer}**", "-------", "|", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
            "Độc lập - Tự do - Hạnh phúc", "---------------", "|", "|", "Số: 95/KH-UBND", "|", f"*{dateline}*", "|",
            ""]
    return "\n".join(head + [p for t in title for p in (t, "")]) + body


def _context(text: str) -> Doc:
    doc = Doc("d", text)
    doc.text = text
    build_context(doc)
    return doc


PROVINCIAL = _official("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", "Quảng Nam, ngày 5 tháng 4 năm 2021",
                       ["**KẾ HOẠCH**", "Chuyển đổi số giai đoạn 2021 - 2025, định hướng đến năm 2030"],
                       "Phấn đấu 90% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng.\n")
MINISTRY = _official("BỘ XÂY DỰNG", "Hà Nội, ngày 23 tháng 5 năm 2025",
                     ["**QUYẾT ĐỊNH**", "VỀ VIỆC BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025"],
                     "Phấn đấu 100% thủ tục hành chính được cung cấp trực tuyến.\n")


def test_the_header_table_is_not_the_title():
    h = read_header(PROVINCIAL, paragraphs(PROVINCIAL))
    assert PROVINCIAL[slice(*h.title)] == "KẾ HOẠCH**\n\nChuyển đổi số giai đoạn 2021 - 2025, định hướng đến năm 2030"
    assert h.symbol == "95/KH-UBND"
    assert [PROVINCIAL[s:e] for s, e in h.no_subject] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Quảng Nam, ngày 5 tháng 4 năm 2021"]


@pytest.mark.parametrize(("text", "subject"), [
    (PROVINCIAL, "Quảng Nam"),  # the issuer in capitals names the province
    (MINISTRY, ""),  # neither the motto nor the dateline (Hà Nội) is what a ministry's plan is about
])
def test_subject_of_an_official_document(text, subject):
    assert _context(text).subject == subject


def test_the_plan_period_of_the_title_governs():
    doc = _context(PROVINCIAL)
    assert (doc.title_year, doc.plan_start) == (2025, 2021)


def test_the_date_of_a_document_named_in_the_title_sets_no_year():
    text = _official("CHÍNH PHỦ", "Hà Nội, ngày 19 tháng 11 năm 2025",
                     ["**NGHỊ ĐỊNH**", "SỬA ĐỔI, BỔ SUNG NGHỊ ĐỊNH SỐ 72/2020/NĐ-CP NGÀY 30 THÁNG 6 NĂM 2020"])
    assert _context(text).title_year is None


def test_a_letter_title_is_its_subject_line():
    text = "BỘ TÀI CHÍNH\nSố: 12/BTC-CST\nV/v hướng dẫn thuế giá trị gia tăng năm 2024\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    h = read_header(text, paragraphs(text))
    assert text[slice(*h.title)] == "V/v hướng dẫn thuế giá trị gia tăng năm 2024"
    assert h.symbol == "12/BTC-CST"


def test_news_has_no_header():
    text = ("Quảng Nam: 90% hồ sơ được xử lý trực tuyến\nTheo Kế hoạch số 95/KH-UBND, tỉnh phấn đấu đạt 90%.\n"
            "Số: 12 hồ sơ còn tồn đọng.")
    h = read_header(text, paragraphs(text))
    assert (h.title, h.symbol, h.motto, h.dateline) == (None, "", [], [])
    assert _context(text).subject == "Quảng Nam"


@pytest.mark.parametrize(("number_line", "symbol"), [
    ("Số: 95/KH-UBND", "95/KH-UBND"),
    ("Số 95/KH-UBND", "95/KH-UBND"),  # without its colon, opening a line of the header
    ("**Số: 95/KH-UBND**", "95/KH-UBND"),
])
def test_the_documents_own_number(number_line: str, symbol: str) -> None:
    text = f"UBND TỈNH HÀ NAM\n{number_line}\nHà Nam, ngày 5/3/2025\n\nKẾ HOẠCH\nChuyển đổi số năm 2025\n\nPhấn đấu 90% hồ sơ."
    assert read_header(text, paragraphs(text)).symbol == symbol
