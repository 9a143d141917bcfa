"""Layout: hard-wrapped official documents read as logical lines; other texts left line by line."""

from __future__ import annotations

import textwrap

import pytest
from chitieu.extractors.layout import hard_break_between, logical_lines, soft_breaks, wrap_width
from chitieu.pipeline.segment import paragraphs, sentences

# A plan as a province publishes it: each entry one logical paragraph (written here by hand).
PLAN = [
    "|",
    "**ỦY BAN NHÂN DÂN",
    "TỈNH QUẢNG NAM**",
    "|",
    "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
    "Độc lập - Tự do - Hạnh phúc",
    "|",
    "Số: 95/KH-UBND",
    "|",
    "",
    "**KẾ HOẠCH**",
    "",
    "CHUYỂN ĐỔI SỐ TỈNH QUẢNG NAM GIAI ĐOẠN 2021 - 2025, ĐỊNH HƯỚNG ĐẾN NĂM 2030 TRÊN ĐỊA BÀN TOÀN TỈNH",
    "",
    "*Căn cứ Nghị quyết số 12/NQ-HĐND ngày 15 tháng 3 năm 2021 của Hội đồng nhân dân tỉnh về chuyển "
    "đổi số tỉnh Quảng Nam giai đoạn 2021 - 2025;*",
    "",
    "**I. MỤC TIÊU**",
    "",
    "1. Mục tiêu chung",
    "Phát triển chính quyền số, kinh tế số và xã hội số gắn với bảo đảm an toàn thông tin mạng, phấn đấu "
    "đưa tỉnh vào nhóm các tỉnh dẫn đầu cả nước về chuyển đổi số.",
    "2. Mục tiêu cụ thể đến năm 2025",
    "- Tỷ lệ hồ sơ công việc tại cấp tỉnh được xử lý trên môi trường mạng đạt 90%, tại cấp huyện đạt "
    "80% và tại cấp xã đạt 60% (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước);",
    "- Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện đạt "
    "tối thiểu 80%;",
    "a) Cung cấp dịch vụ công trực tuyến toàn trình cho người dân và doanh nghiệp trên Cổng Dịch vụ công "
    "Quốc gia theo quy định tại Điều",
    "",
    "Ủy ban nhân dân tỉnh giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ban, ngành, "
    "Ủy ban nhân dân các huyện, thị xã, thành phố tổ chức thực hiện Kế hoạch này./.",
]


def _wrapped(paras: list[str], width: int = 78, indent: int = 24) -> str:
    """The paragraphs hard-wrapped as published: at ``width``, the first line shorter (its indent is gone)."""
    out = []
    for p in paras:
        if not p or p == "|" or len(p) <= width - indent:
            out.append(p)
            continue
        lines = textwrap.wrap(p, width, initial_indent=" " * indent, break_long_words=False)
        out += [lines[0].strip(), *lines[1:]]
    return "\n".join(out)


def test_news_lines_stay_paragraphs():
    news = ("Quảng Nam đạt 90% hồ sơ trực tuyến\nNăm 2023, tỷ lệ hồ sơ công việc xử lý trên môi trường "
            "mạng đạt 90%.\nCùng kỳ, tỷ lệ này chỉ đạt 75%, thấp hơn mức bình quân chung của cả nước.\n") * 6
    assert wrap_width(news) is None
    assert soft_breaks(news) == frozenset()
    assert len(paragraphs(news)) == 18


def test_a_hard_wrapped_plan_is_read_in_logical_paragraphs():
    text = _wrapped(PLAN)
    assert wrap_width(text) is not None
    got = [" ".join(text[s:e].split()) for s, e in paragraphs(text)]
    expected = [p for p in PLAN if p and p != "|"]
    # The issuer's two lines in capitals are one line; a list marker never continues the line before.
    expected[0:2] = ["**ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM**"]
    assert got == expected


@pytest.mark.parametrize(("lines", "joined"), [
    # a line that does not end a sentence goes on in lower case …
    (["Phấn đấu đến năm 2025, tỷ lệ hồ sơ công việc tại cấp xã được xử lý trên môi", "trường mạng đạt 60%."], True),
    # … and in capitals when the line is full (a name pushed onto the next line)
    (["Giao các sở, ban, ngành phối hợp thực hiện, báo cáo kết quả về Ủy ban nhân dân", "Tỉnh trước ngày 15/12."], True),
    # a short line before a capital letter is a heading
    (["1. Mục tiêu chung", "Phát triển chính quyền số, kinh tế số và xã hội số."], False),
    # a sentence end, a list item, a part, a table border end the line
    (["Đạt 80% vào năm 2025.", "trong đó cấp xã đạt 60%."], False),
    (["Các chỉ tiêu cụ thể đến năm 2025 gồm có các nội dung về chuyển đổi số như sau", "- Tỷ lệ hồ sơ đạt 90%;"], False),
    (["Các chỉ tiêu cụ thể đến năm 2025 gồm có các nội dung về chuyển đổi số như sau", "Điều 3. Tổ chức thực hiện"], False),
    (["Các chỉ tiêu cụ thể đến năm 2025 gồm có các nội dung về chuyển đổi số như sau", "|"], False),
    # a word a number follows goes on over a line that looks like a list item
    (["Cung cấp dịch vụ công trực tuyến toàn trình theo quy định tại khoản 2 Điều", "5. Nghị định này."], True),
    (["Số:", "95/KH-UBND"], True),
    # a list marker alone goes on
    (["b)", "Phát triển hạ tầng số đồng bộ, hiện đại."], True),
    # a heading in capitals goes on in capitals, not into a line in lower case
    (["KẾ HOẠCH CHUYỂN ĐỔI SỐ TỈNH QUẢNG NAM GIAI ĐOẠN", "2021 - 2025"], True),
    (["**II. NHIỆM VỤ", "TRỌNG TÂM**"], True),
    (["**II. NHIỆM VỤ TRỌNG TÂM**", "Phát triển hạ tầng số đồng bộ, hiện đại, an toàn."], False),
])
def test_line_breaks(lines, joined):
    filler = ("Ủy ban nhân dân tỉnh giao các sở, ban, ngành phối hợp thực hiện đạt các chỉ\n"
              "tiêu của Kế hoạch; báo cáo kết quả về Sở Tài chính trước ngày 15 tháng 12\nhằng năm.\n\n") * 4
    text = filler + "\n".join(lines) + "\n\n" + filler
    assert wrap_width(text) is not None
    at = len(filler) + len(lines[0])
    assert (at in soft_breaks(text)) is joined
    assert hard_break_between(text, at, at + 1) is not joined


def test_a_sentence_keeps_its_line_breaks_and_offsets():
    text = _wrapped(PLAN)
    para = next(p for p in paragraphs(text) if "90%" in text[p[0]:p[1]])
    (sentence,) = sentences(text, para)
    assert "\n" in text[sentence[0]:sentence[1]]
    assert text[sentence[0]:sentence[1]].startswith("- Tỷ lệ hồ sơ công việc")
    assert text[sentence[0]:sentence[1]].endswith("bí mật nhà nước);")


def test_logical_lines_of_a_text_that_is_not_wrapped_are_its_lines():
    text = "Tiêu đề\n\n  Mục tiêu đạt 80% hồ sơ.  \n|\nDòng ba"
    assert [text[s:e] for s, e in logical_lines(text)] == ["Tiêu đề", "Mục tiêu đạt 80% hồ sơ.", "|", "Dòng ba"]
