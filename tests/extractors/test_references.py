"""Legal document references: every symbol and date shape, the counter-examples, resolution, annotation."""

from __future__ import annotations

import csv
import html
from pathlib import Path

import pytest
from chitieu.extractors.references import (
    annotate,
    find_references,
    issuer_name,
    parse_symbol,
)
from hypothesis import given, settings
from hypothesis import strategies as st

SHARED = Path(__file__).resolve().parents[3] / "shared"


def one(text: str):
    refs = find_references(text)
    assert len(refs) == 1, refs
    return refs[0]


def spans_ok(text, refs):
    return all(text[r.start : r.end] == r.surface for r in refs)


# ---------------------------------------------------------------------------
# Symbol shapes


@pytest.mark.parametrize(
    "text, surface, canonical, doc_type, number, year, type_code, issuer_code",
    [
        (
            "theo Quyết định số 4607/QĐ-UBND về",
            "Quyết định số 4607/QĐ-UBND",
            "4607/QĐ-UBND",
            "Quyết định",
            "4607",
            None,
            "QĐ",
            "UBND",
        ),
        (
            "Quyết định số 539/QĐ-UBND-HC của",
            "Quyết định số 539/QĐ-UBND-HC",
            "539/QĐ-UBND-HC",
            "Quyết định",
            "539",
            None,
            "QĐ",
            "UBND",
        ),
        (
            "Công văn số 4338/BTTTT-CĐSQG hướng dẫn",
            "Công văn số 4338/BTTTT-CĐSQG",
            "4338/BTTTT-CĐSQG",
            "Công văn",
            "4338",
            None,
            "",
            "BTTTT",
        ),
        (
            "Nghị định số 42/2022/NĐ-CP quy định",
            "Nghị định số 42/2022/NĐ-CP",
            "42/2022/NĐ-CP",
            "Nghị định",
            "42",
            2022,
            "NĐ",
            "CP",
        ),
        (
            "Thông tư 21/2023/TT-BTTTT quy định",
            "Thông tư 21/2023/TT-BTTTT",
            "21/2023/TT-BTTTT",
            "Thông tư",
            "21",
            2023,
            "TT",
            "BTTTT",
        ),
        (
            "Nghị quyết số 55/2022/QH15 của",
            "Nghị quyết số 55/2022/QH15",
            "55/2022/QH15",
            "Nghị quyết",
            "55",
            2022,
            "",
            "QH15",
        ),
        ("Nghị quyết 06-NQ/TU về", "Nghị quyết 06-NQ/TU", "06-NQ/TU", "Nghị quyết", "06", None, "NQ", "TU"),
        (
            "Nghị quyết số 52-NQ/TW về",
            "Nghị quyết số 52-NQ/TW",
            "52-NQ/TW",
            "Nghị quyết",
            "52",
            None,
            "NQ",
            "TW",
        ),
        (
            "Thông tư liên tịch số 03/2020/TTLT-BTC-BNV hướng dẫn",
            "Thông tư liên tịch số 03/2020/TTLT-BTC-BNV",
            "03/2020/TTLT-BTC-BNV",
            "Thông tư liên tịch",
            "03",
            2020,
            "TTLT",
            "BTC-BNV",
        ),
        ("Chỉ thị số 05-CT/TW của", "Chỉ thị số 05-CT/TW", "05-CT/TW", "Chỉ thị", "05", None, "CT", "TW"),
        (
            "Luật Giao dịch điện tử số 20/2023/QH15 có hiệu lực",
            "Luật Giao dịch điện tử số 20/2023/QH15",
            "20/2023/QH15",
            "Luật",
            "20",
            2023,
            "",
            "QH15",
        ),
        (
            "Bộ luật Lao động số 45/2019/QH14 quy định",
            "Bộ luật Lao động số 45/2019/QH14",
            "45/2019/QH14",
            "Bộ luật",
            "45",
            2019,
            "",
            "QH14",
        ),
        (
            "Pháp lệnh số 02/2022/UBTVQH15 về",
            "Pháp lệnh số 02/2022/UBTVQH15",
            "02/2022/UBTVQH15",
            "Pháp lệnh",
            "02",
            2022,
            "",
            "UBTVQH15",
        ),
    ],
)
def test_symbol_shapes(text, surface, canonical, doc_type, number, year, type_code, issuer_code):
    r = one(text)
    assert (r.surface, r.canonical, r.doc_type, r.number, r.year, r.type_code, r.issuer_code) == (
        surface,
        canonical,
        doc_type,
        number,
        year,
        type_code,
        issuer_code,
    )
    assert text[r.start : r.end] == r.surface
    assert r.ref_id == canonical and r.flags == ""


@pytest.mark.parametrize(
    "type_name, symbol",
    [
        ("Luật", "20/2023/QH15"),
        ("Bộ luật", "45/2019/QH14"),
        ("Pháp lệnh", "02/2022/UBTVQH15"),
        ("Nghị quyết", "06-NQ/TU"),
        ("Nghị định", "13/2023/NĐ-CP"),
        ("Quyết định", "749/QĐ-TTg"),
        ("Chỉ thị", "16/CT-TTg"),
        ("Thông tư", "01/2023/TT-BNV"),
        ("Thông tư liên tịch", "03/2020/TTLT-BTC-BNV"),
        ("Kế hoạch", "123/KH-UBND"),
        ("Công văn", "4338/BTTTT-CĐSQG"),
        ("Thông báo", "45/TB-VPCP"),
        ("Kết luận", "57-KL/TW"),
        ("Hướng dẫn", "12-HD/BTGTW"),
        ("Tờ trình", "88/TTr-UBND"),
        ("Báo cáo", "301/BC-UBND"),
        ("Đề án", "06/ĐA-UBND"),
        ("Chương trình", "12-CTr/TU"),
    ],
)
@pytest.mark.parametrize("so", ["số ", ""])
def test_every_type_with_and_without_so(type_name, symbol, so):
    text = f"Tỉnh triển khai {type_name} {so}{symbol} trong năm."
    r = one(text)
    assert r.surface == f"{type_name} {so}{symbol}"
    assert (r.doc_type, r.canonical) == (type_name, symbol)
    assert "type_mismatch" not in r.flags and "unknown_type_code" not in r.flags


@pytest.mark.parametrize(
    "text, doc_type, canonical",
    [
        ("theo QĐ số 1234/QĐ-UBND của tỉnh", "Quyết định", "1234/QĐ-UBND"),
        ("thực hiện NĐ 42/2022/NĐ-CP về", "Nghị định", "42/2022/NĐ-CP"),
        ("NQ số 06-NQ/TU của Tỉnh ủy", "Nghị quyết", "06-NQ/TU"),
        ("KH số 35/KH-UBND năm", "Kế hoạch", "35/KH-UBND"),
        ("TTr số 88/TTr-UBND trình", "Tờ trình", "88/TTr-UBND"),
        ("CTr số 12-CTr/TU của", "Chương trình", "12-CTr/TU"),
        ("ĐA số 06/ĐA-UBND về", "Đề án", "06/ĐA-UBND"),
    ],
)
def test_abbreviated_types(text, doc_type, canonical):
    r = one(text)
    assert (r.doc_type, r.canonical) == (doc_type, canonical)
    assert r.surface.split()[0] in {"QĐ", "NĐ", "NQ", "KH", "TTr", "CTr", "ĐA"}


def test_case_and_symbol_alone():
    assert one("căn cứ quyết định số 12/QĐ-UBND ngày").doc_type == "Quyết định"
    r = one("(xem 749/QĐ-TTg)")
    assert (r.surface, r.doc_type, r.canonical) == ("749/QĐ-TTg", "Quyết định", "749/QĐ-TTg")
    r = one("theo số 4338/BTTTT-CĐSQG của Bộ")
    assert (r.surface, r.doc_type) == ("số 4338/BTTTT-CĐSQG", "Công văn")
    # a web-text Ð (U+00D0) is read as Đ
    assert one("Quyết định số 12/QÐ-UBND").canonical == "12/QĐ-UBND"


# ---------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    "date, iso",
    [
        ("14/12/2021", "2021-12-14"),
        ("3-6-2020", "2020-06-03"),
        ("06.01.2022", "2022-01-06"),
        ("5 tháng 8 năm 2021", "2021-08-05"),
        ("03/6/2020", "2020-06-03"),
    ],
)
def test_date_after(date, iso):
    text = f"Quyết định số 4607/QĐ-UBND ngày {date} của UBND tỉnh Khánh Hòa về"
    r = one(text)
    assert r.surface == f"Quyết định số 4607/QĐ-UBND ngày {date}"
    assert r.issue_date == iso and r.flags == ""


def test_date_before_in_the_sentence():
    text = "Ngày 19/10/2021, Khánh Hòa đã ban hành Nghị quyết số 16-NQ/TU về chuyển đổi số."
    r = one(text)
    assert r.surface == "Nghị quyết số 16-NQ/TU"
    assert r.issue_date == "2021-10-19"
    assert r.issuer == "Tỉnh ủy Khánh Hòa"


@pytest.mark.parametrize("text", [
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSố: 95/KH-UBND        An Giang, ngày 5 tháng 3 năm 2024\n\nKẾ HOẠCH\n",
    "|\n**ỦY BAN NHÂN DÂN**\n|\nSố: 95/KH-UBND\n|\n*An Giang, ngày 05\ntháng 3 năm 2024*\n|\n\n**KẾ HOẠCH**\n",
])
def test_a_header_number_takes_the_date_of_its_place_and_date_line(text):
    r = one(text)
    assert (r.canonical, r.issue_date) == ("95/KH-UBND", "2024-03-05")


def test_date_before_needs_an_issuing_verb_and_the_same_sentence():
    # the date of a meeting is not the date of the resolution it implements
    assert one("Ngày 20/9/2024, tỉnh tổ chức hội nghị triển khai Nghị quyết số 06-NQ/TU.").issue_date == ""
    assert one("Ngày 19/10/2021 trời mưa. Tỉnh ban hành Nghị quyết số 16-NQ/TU.").issue_date == ""


def test_partial_date_takes_the_symbols_year():
    r = one("Nghị định số 13/2023/NĐ-CP ngày 17/4 của Chính phủ")
    assert r.issue_date == "2023-04-17" and r.surface.endswith("ngày 17/4")
    # no symbol year: not invented
    r = one("Quyết định số 12/QĐ-UBND ngày 17/4 của")
    assert r.issue_date == "" and r.surface == "Quyết định số 12/QĐ-UBND"


# ---------------------------------------------------------------------------
# Issuers


@pytest.mark.parametrize(
    "text, issuer",
    [
        ("Quyết định số 749/QĐ-TTg ngày 03/6/2020", "Thủ tướng Chính phủ"),
        ("Nghị quyết số 76/NQ-CP ngày 15/7/2021", "Chính phủ"),
        ("Nghị quyết số 52-NQ/TW", "Ban Chấp hành Trung ương / Bộ Chính trị"),
        ("Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị", "Bộ Chính trị"),
        ("Nghị quyết số 55/2022/QH15", "Quốc hội khóa XV"),
        ("Luật số 68/2014/QH13", "Quốc hội khóa XIII"),
        ("Thông tư số 01/2023/TT-BNV", "Bộ Nội vụ"),
        ("Thông tư liên tịch số 03/2020/TTLT-BTC-BNV", "Bộ Tài chính, Bộ Nội vụ"),
        ("UBND tỉnh Khánh Hòa, Quyết định số 4607/QĐ-UBND ngày 14/12/2021", "Ủy ban nhân dân tỉnh Khánh Hòa"),
        (
            "Quyết định số 4607/QĐ-UBND ngày 14/12/2021 của UBND tỉnh Khánh Hoà",
            "Ủy ban nhân dân tỉnh Khánh Hòa",
        ),
        ("Nghị quyết số 10/2021/NQ-HĐND của HĐND tỉnh Quảng Nam", "Hội đồng nhân dân tỉnh Quảng Nam"),
        ("Thành ủy Hà Nội ban hành Chương trình số 06-CTr/TU", "Thành ủy Hà Nội"),
        ("Kế hoạch số 12/KH-UBND của UBND thành phố Đà Nẵng", "Ủy ban nhân dân thành phố Đà Nẵng"),
    ],
)
def test_issuers(text, issuer):
    assert one(text).issuer == issuer


def test_province_from_the_document_when_the_sentence_names_none():
    text = "Tỉnh Hải Dương đẩy mạnh chuyển đổi số.\nTỉnh ủy đã ban hành Nghị quyết số 06-NQ/TU."
    assert one(text).issuer == "Tỉnh ủy Hải Dương"
    assert one("Nghị quyết số 06-NQ/TU.").issuer == "Tỉnh ủy"


def test_issuer_name_table():
    assert issuer_name("QH14") == "Quốc hội khóa XIV"
    assert issuer_name("QH9") == "Quốc hội khóa IX"
    assert issuer_name("BGDĐT") == "Bộ Giáo dục và Đào tạo"
    assert issuer_name("NHNN") == "Ngân hàng Nhà nước Việt Nam"
    assert issuer_name("UBND", "Hà Nội", "thanh_pho") == "Ủy ban nhân dân thành phố Hà Nội"
    assert issuer_name("ZZZ") == ""


# ---------------------------------------------------------------------------
# Validation: kept with a flag, never dropped or invented


def test_impossible_date_is_flagged():
    r = one("Quyết định số 12/QĐ-UBND ngày 31/02/2021 của")
    assert r.surface == "Quyết định số 12/QĐ-UBND ngày 31/02/2021"
    assert r.issue_date == "" and r.flags == "bad_date"


def test_unknown_type_code_is_flagged():
    r = one("Quyết định số 12/XYZ-UBND về")
    assert (r.canonical, r.type_code, r.issuer_code) == ("12/XYZ-UBND", "XYZ", "UBND")
    assert "unknown_type_code" in r.flags.split("|")
    r = one("Nghị quyết số 06-XX/TU ngày 30/2/2021")
    assert set(r.flags.split("|")) == {"unknown_type_code", "bad_date"}
    assert r.canonical == "06-XX/TU"


def test_other_flags():
    assert "type_mismatch" in one("Nghị quyết số 12/QĐ-UBND").flags
    assert "date_year_mismatch" in one("Nghị định số 42/2022/NĐ-CP ngày 24/6/2021").flags
    assert "unknown_issuer" in one("Quyết định số 12/QĐ-ABCXYZ").flags
    assert parse_symbol("not a symbol") == {}


# ---------------------------------------------------------------------------
# Counter-examples


@pytest.mark.parametrize(
    "text",
    [
        "Liên hệ: 0258.3822.123 hoặc 0912 345 678, fax (0258) 3822 456.",
        "Phổ cập dịch vụ mạng di động 4G/5G và điện thoại thông minh.",
        "Tổng đài hỗ trợ 24/7 cho người dân.",
        "Xếp thứ 22/63 tỉnh, thành phố; năm trước 13/ 63 tỉnh thành.",
        "KIM DUNG - VŨ PHƯỜNG 20/09/2024 08:57",
        "Ngày 20/09/2024, tỉnh tổ chức hội nghị. Sáng 3/10 khai mạc.",
        "Tải tại http://vbpl.vn/van-ban/4607/QĐ-UBND và https://x.gov.vn/06-NQ/TU.htm",
        "Tỷ lệ đạt 97,83%; tăng thêm 10%/năm; 0,5%/năm.",
        "triển khai Nghị quyết về chuyển đổi số và Quyết định phê duyệt Đề án.",
        "Kế hoạch 5 năm 2021-2025; Chương trình 3 năm; Đề án trên địa bàn huyện.",
        "Kế hoạch 2021 và Quyết định 2023 chưa có số.",
        "văn bản quy phạm pháp luật số 80/2015/QH13",
        "quốc lộ 1/A, mã 12/ab, tỷ số 3/2, COVID-19/2020, ISO 9001:2015, F0/F1",
        "Báo cáo tổng kết về hoạt động CNTT của tỉnh giai đoạn 2016-2020 đã chỉ ra",
    ],
)
def test_must_not_match(text):
    refs = find_references(text)
    if "pháp luật số" in text:
        assert all(r.doc_type != "Luật" for r in refs)
        return
    assert refs == [], refs


# ---------------------------------------------------------------------------
# Resolution


def test_short_forms_resolve_to_the_earlier_full_mention():
    text = (
        "UBND tỉnh ban hành Quyết định số 539/QĐ-UBND-HC ngày 5/3/2021. "
        "Theo Quyết định 539, đến năm 2025 … Quyết định này cũng giao các sở. "
        "Tỉnh ủy có Nghị quyết số 06-NQ/TU. Nghị quyết 06 đặt mục tiêu …; Nghị quyết trên, …"
    )
    refs = find_references(text)
    assert spans_ok(text, refs)
    by_surface = {r.surface: r for r in refs}
    full = by_surface["Quyết định số 539/QĐ-UBND-HC ngày 5/3/2021"]
    # a number is written as a number; a demonstrative stands for the document itself
    for short, canonical in (("Quyết định 539", "539"), ("Quyết định này", "539/QĐ-UBND-HC")):
        r = by_surface[short]
        assert (r.canonical, r.issue_date, r.ref_id, r.resolved_from) == (
            canonical,
            "2021-03-05",
            "539/QĐ-UBND-HC",
            full.start,
        )
    nq = by_surface["Nghị quyết số 06-NQ/TU"]
    for short, canonical in (("Nghị quyết 06", "06"), ("Nghị quyết trên", "06-NQ/TU")):
        r = by_surface[short]
        assert (r.canonical, r.ref_id, r.resolved_from) == (canonical, "06-NQ/TU", nq.start)
    assert full.resolved_from is None and full.ref_id == "539/QĐ-UBND-HC"


def test_repeated_full_mentions_share_ref_id():
    text = "Nghị quyết số 06-NQ/TU của Tỉnh ủy … thực hiện Nghị quyết 06-NQ/TU."
    a, b = find_references(text)
    assert a.ref_id == b.ref_id == "06-NQ/TU" and b.resolved_from is None


def test_unresolvable_short_forms():
    refs = find_references("Thực hiện Quyết định 749, tỉnh đẩy mạnh … Quyết định 749 nêu rõ.")
    assert [r.ref_id for r in refs] == ["Quyết định#749", "Quyết định#749"]
    assert all(r.canonical == "749" and r.flags == "unresolved" and r.number == "749" for r in refs)
    # a demonstrative with nothing to point to is no reference
    assert find_references("Kế hoạch này được ban hành. Như vậy, với Kế hoạch trên, tỉnh …") == []


def test_demonstrative_needs_the_same_type_and_no_new_document_in_between():
    text = "Quyết định số 12/QĐ-UBND ngày 1/2/2021. Kế hoạch này …"
    assert [r.surface for r in find_references(text)] == ["Quyết định số 12/QĐ-UBND ngày 1/2/2021"]
    text = "Kế hoạch số 3/KH-UBND năm 2020. Năm 2021 tỉnh ban hành Kế hoạch ứng dụng CNTT. Kế hoạch trên …"
    assert [r.canonical for r in find_references(text)] == ["3/KH-UBND"]


def test_short_form_number_must_be_a_document_number():
    assert find_references("Kế hoạch 5 năm, Chương trình 2 bước, Nghị quyết 2021") == []
    r = one("Chương trình 135 hỗ trợ các xã")
    assert (r.doc_type, r.number, r.ref_id) == ("Chương trình", "135", "Chương trình#135")


# ---------------------------------------------------------------------------
# Annotation


def test_annotate_wraps_and_escapes():
    text = '<script>alert(1)</script> Theo Quyết định số 4607/QĐ-UBND & Nghị quyết 06-NQ/TU "x".'
    refs = find_references(text)
    out = annotate(text, refs)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert '<span class="ref">Quyết định số 4607/QĐ-UBND</span> &amp; ' in out
    assert out.count('<span class="ref">') == 2
    linked = annotate(text, refs, before=lambda r: f'<a title="{html.escape(r.canonical)}">', after="</a>")
    assert '<a title="06-NQ/TU">Nghị quyết 06-NQ/TU</a>' in linked
    assert html.unescape(annotate(text, refs, "", "")) == text


# ---------------------------------------------------------------------------
# Properties

_fragments = st.sampled_from(
    [
        "Quyết định số ",
        "Nghị quyết ",
        "4607/QĐ-UBND",
        "06-NQ/TU",
        "42/2022/NĐ-CP",
        " ngày ",
        "14/12/2021",
        "5 tháng 8 năm 2021",
        "Quyết định này",
        " trên",
        "Kế hoạch 12",
        "<b>&",
        "4G/5G",
        "22/63",
        "\n",
        ", ",
        "(1)",
        "UBND tỉnh Khánh Hòa",
        "Ngày 19/10/2021, ",
        " ban hành ",
        "QĐ số ",
        "31/02/2021",
        "số ",
    ]
)
_texts = st.one_of(st.text(), st.lists(st.one_of(_fragments, st.text(max_size=5)), max_size=30).map("".join))


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_property_never_raises_and_spans_are_grounded(text):
    refs = find_references(text)
    assert spans_ok(text, refs)
    assert all(r.start < r.end for r in refs)
    assert all(a.end <= b.start for a, b in zip(refs, refs[1:], strict=False))
    assert html.unescape(annotate(text, refs, "", "")) == text


# ---------------------------------------------------------------------------
# The seeds (skipped without ../shared)


@pytest.mark.skipif(not (SHARED / "eval" / "seeds_references.csv").exists(), reason="../shared not available")
def test_seed_references_precision_and_recall():
    gold = list(csv.DictReader((SHARED / "eval" / "seeds_references.csv").open(encoding="utf-8")))
    predicted = correct = 0
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        rows = [g for g in gold if g["doc_id"] == path.stem]
        used: set[int] = set()
        for r in find_references(text):
            predicted += 1
            for i, g in enumerate(rows):
                if i not in used and int(g["start"]) < r.end and r.start < int(g["end"]):
                    used.add(i)
                    correct += (r.canonical, r.doc_type, r.issue_date) == (
                        g["canonical"],
                        g["doc_type"],
                        g["issue_date"],
                    )
                    break
    assert correct / predicted >= 0.98 and correct / len(gold) >= 0.98, (predicted, correct, len(gold))


# ---------------------------------------------------------------------------
# Full legal texts as published (hard-wrapped)

_WRAPPED = (
    "*Căn cứ Luật Bảo hiểm y tế số\n25/2008/QH12;*\n\n"
    "*Căn cứ Nghị định số\n07/2021/NĐ-CP ngày 27 tháng 01 năm 2021 của Chính phủ quy định chuẩn nghèo đa\n"
    "chiều giai đoạn 2021-2025;*\n\n"
    "*Xét Tờ trình số 16384/TTr-UBND ngày\n12 tháng 11 năm 2025 của Ủy ban nhân dân tỉnh về việc ban hành Nghị\n"
    "quyết sửa đổi, bổ sung một số điều của Quy định các chính sách hỗ trợ giảm nghèo;*\n\n"
)
_FILLER = ("Ủy ban nhân dân tỉnh giao các sở, ban, ngành phối hợp thực hiện đạt các chỉ\n"
           "tiêu của Kế hoạch; báo cáo kết quả về Sở Tài chính trước ngày 15 tháng 12\nhằng năm.\n\n") * 3


@pytest.mark.parametrize(("surface", "canonical", "doc_type", "issue_date"), [
    ("Luật Bảo hiểm y tế số\n25/2008/QH12", "25/2008/QH12", "Luật", ""),
    ("Nghị định số\n07/2021/NĐ-CP ngày 27 tháng 01 năm 2021", "07/2021/NĐ-CP", "Nghị định", "2021-01-27"),
    ("Tờ trình số 16384/TTr-UBND ngày\n12 tháng 11 năm 2025", "16384/TTr-UBND", "Tờ trình", "2025-11-12"),
])
def test_references_of_a_hard_wrapped_text(surface, canonical, doc_type, issue_date):
    text = _FILLER + _WRAPPED + _FILLER
    refs = find_references(text)
    assert spans_ok(text, refs)
    (ref,) = [r for r in refs if r.surface == surface]
    assert (ref.canonical, ref.doc_type, ref.issue_date) == (canonical, doc_type, issue_date)


def test_a_line_break_in_news_still_ends_what_a_reference_reads():
    text = "Tỉnh ban hành Quyết định số 12/QĐ-UBND\nngày 5/6/2021 là ngày hội."
    assert one(text).issue_date == ""


@pytest.mark.parametrize(("text", "canonical", "doc_type", "typo"), [
    # a code known but for its Đ or its case is read as that code
    ("UBND tỉnh ban hành Quyết định số 1055/QD-UBND về việc giao chỉ tiêu.", "1055/QĐ-UBND", "Quyết định", True),
    ("Theo Nghị định 42/2022/ND-CP của Chính phủ", "42/2022/NĐ-CP", "Nghị định", True),
    ("QUYẾT ĐỊNH SỐ 06/QĐ-TTG VỀ ĐỀ ÁN", "06/QĐ-TTg", "Quyết định", True),
    # a slip of the keyboard in the type slot: the one code of the written type a letter away
    ("Thực hiện Quyết định sô 215/ỌĐ-TTg ngày 5/2/2021 của Thủ tướng", "215/QĐ-TTg", "Quyết định", True),
    # a type code and an issuer code typed without their hyphen
    ("Căn cứ Nghị định số 193/2025/NĐCP ngày 2/7/2025 của Chính phủ", "193/2025/NĐ-CP", "Nghị định", True),
    ("Theo Thông tư 10/2024/TTBTC của Bộ Tài chính", "10/2024/TT-BTC", "Thông tư", True),
    # an old code that is no slip stays as written
    ("Theo Quyết định số 944/QP ngày 13/7/1993", "944/QP", "Quyết định", False),
    ("Theo Quyết định số 4607/QĐ-UBND ngày 14/12/2021", "4607/QĐ-UBND", "Quyết định", False),
])
def test_mistyped_codes(text, canonical, doc_type, typo):
    r = one(text)
    assert (r.canonical, r.doc_type, "typo" in r.flags) == (canonical, doc_type, typo)


def test_a_later_mention_inherits_the_issue_date_said_earlier():
    text = ("Kế hoạch 188/KH-UBND về giáo dục mầm non. Ngày 04/12/2025, Ủy ban nhân dân Thành phố ban hành "
            "Kế hoạch 188/KH-UBND về việc triển khai Chương trình. Theo đó, Kế hoạch 188/KH-UBND năm 2025 "
            "nêu rõ mục tiêu; Kế hoạch 188 cũng giao các sở. Kế hoạch 189 giao các huyện.")
    refs = find_references(text)
    assert [(r.surface, r.canonical, r.issue_date) for r in refs] == [
        ("Kế hoạch 188/KH-UBND", "188/KH-UBND", ""),  # before the date is said: none
        ("Kế hoạch 188/KH-UBND", "188/KH-UBND", "2025-12-04"),  # the date before it in its sentence
        ("Kế hoạch 188/KH-UBND", "188/KH-UBND", "2025-12-04"),  # inherited
        ("Kế hoạch 188", "188", "2025-12-04"),  # a number alone stays a number, with the date
        ("Kế hoạch 189", "189", ""),  # another number: another document
    ]


@pytest.mark.parametrize(("text", "surfaces"), [
    # a law whose name ends in "pháp luật" is still a law; "văn bản quy phạm pháp luật số …" alone is none
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;",
     ["Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15"]),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15;",
     ["Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15"]),
    ("Hồ sơ gồm văn bản quy phạm pháp luật số 64/2025/QH15.", []),
    # the document's own number in its header
    ("Số: 124/2017/NQ-HĐND", ["Số: 124/2017/NQ-HĐND"]),
])
def test_references_of_a_legal_text(text, surfaces):
    assert [r.surface for r in find_references(text)] == surfaces


# ---------------------------------------------------------------------------
# Symbols as official documents are really typed and published

@pytest.mark.parametrize(("text", "surface", "canonical", "doc_type", "issue_date", "typo"), [
    # a space or a line break after a hyphen (hard-wrapping, typing): the codes still join
    ("Căn cứ Nghị định số 272/2025/NĐ- CP ngày 16/10/2025 của Chính phủ;",
     "Nghị định số 272/2025/NĐ- CP ngày 16/10/2025", "272/2025/NĐ-CP", "Nghị định", "2025-10-16", False),
    ("Quán triệt Nghị quyết số 27/NQ- TW ngày 09/11/2022 của Ban Chấp hành Trung ương.",
     "Nghị quyết số 27/NQ- TW ngày 09/11/2022", "27/NQ-TW", "Nghị quyết", "2022-11-09", False),
    ("Căn cứ Nghị định số 272/2025/NĐ-\nCP của Chính phủ về phân cấp;",
     "Nghị định số 272/2025/NĐ-\nCP", "272/2025/NĐ-CP", "Nghị định", "", False),
    ("Thông tư liên tịch số 03/2020/TTLT-BTC-\nBNV ngày 05/01/2020 hướng dẫn",
     "Thông tư liên tịch số 03/2020/TTLT-BTC-\nBNV ngày 05/01/2020", "03/2020/TTLT-BTC-BNV", "Thông tư liên tịch",
     "2020-01-05", False),
    ("sửa đổi Nghị định số 78/2021/NĐ -CP của Chính phủ", "Nghị định số 78/2021/NĐ -CP", "78/2021/NĐ-CP",
     "Nghị định", "", False),
    ("tiếp tục thực hiện Nghị quyết số 57- NQ/TW của Bộ Chính trị", "Nghị quyết số 57- NQ/TW", "57-NQ/TW",
     "Nghị quyết", "", False),
    # a space before the slash
    ("(Kèm theo Quyết định số 4512 /QĐ-UBND ngày 3 tháng 12 năm 2024)",
     "Quyết định số 4512 /QĐ-UBND ngày 3 tháng 12 năm 2024", "4512/QĐ-UBND", "Quyết định", "2024-12-03", False),
    ("Căn cứ Luật Đất đai số 31/2024/ QH15;", "Luật Đất đai số 31/2024/ QH15", "31/2024/QH15", "Luật", "", False),
    # a space for the slash, the codes swapped: an administrative symbol, or a party one by its issuer
    ("(Kèm theo Quyết định số 3187 QĐ/UBND ngày 26 tháng 11 năm 2025 của Chủ tịch UBND tỉnh)",
     "Quyết định số 3187 QĐ/UBND ngày 26 tháng 11 năm 2025", "3187/QĐ-UBND", "Quyết định", "2025-11-26", True),
    ("thực hiện Nghị quyết số 45 NQ/TU của Tỉnh ủy", "Nghị quyết số 45 NQ/TU", "45-NQ/TU", "Nghị quyết", "", True),
    # the slash after the year typed as a hyphen, or left out
    ("theo Nghị định số 131/2024-NĐ-CP của Chính phủ", "Nghị định số 131/2024-NĐ-CP", "131/2024/NĐ-CP",
     "Nghị định", "", True),
    ("Thông tư số 21/2023TT-BTC ngày 9/9/2023", "Thông tư số 21/2023TT-BTC ngày 9/9/2023", "21/2023/TT-BTC",
     "Thông tư", "2023-09-09", True),
    # Cyrillic look-alikes in a code (С, Р)
    ("Căn cứ Nghị định số 48/2023/NĐ-\u0421\u0420 ngày 2/5/2023;", "Nghị định số 48/2023/NĐ-\u0421\u0420 ngày 2/5/2023",
     "48/2023/NĐ-CP", "Nghị định", "2023-05-02", True),
    # a word typed on to the symbol
    ("Căn cứ Quyết định số 17/2024/QĐ-TTgcủa Thủ tướng Chính phủ;", "Quyết định số 17/2024/QĐ-TTg",
     "17/2024/QĐ-TTg", "Quyết định", "", False),
    # dates with a typo: "tháng" for "năm" before the year, spaces around a separator
    ("Quyết định số 905/QĐ-TTg ngày 15 tháng 9 tháng 2022 của Thủ tướng",
     "Quyết định số 905/QĐ-TTg ngày 15 tháng 9 tháng 2022", "905/QĐ-TTg", "Quyết định", "2022-09-15", False),
    ("Quyết định số 905/QĐ-TTg ngày 26 tháng 11 năm 2025 của Thủ tướng",
     "Quyết định số 905/QĐ-TTg ngày 26 tháng 11 năm 2025", "905/QĐ-TTg", "Quyết định", "2025-11-26", False),
    ("theo Văn bản số 1473/STC-VP ngày 20/ 11 /2025.", "Văn bản số 1473/STC-VP ngày 20/ 11 /2025", "1473/STC-VP",
     "Văn bản", "2025-11-20", False),
    ("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 27 năm 12 năm 2010 của Chính phủ;",
     "Nghị định số 63/2010/NĐ-CP ngày 27 năm 12 năm 2010", "63/2010/NĐ-CP", "Nghị định", "2010-12-27", False),
    ("Căn cứ Nghị định số 63/2010/NĐ-CP ngày ngày 08/6/2010 của Chính phủ;",
     "Nghị định số 63/2010/NĐ-CP ngày ngày 08/6/2010", "63/2010/NĐ-CP", "Nghị định", "2010-06-08", False),
    ("Thông tư số 21/2025/TT-BYT ngày 27/6/2025của Bộ Y tế", "Thông tư số 21/2025/TT-BYT ngày 27/6/2025",
     "21/2025/TT-BYT", "Thông tư", "2025-06-27", False),
    # Markdown emphasis in the date; "ngày" at the end of a line
    ("Quyết định số 1760/QĐ-UBND ngày* 24 *tháng 11 năm 2025 của Chủ tịch",
     "Quyết định số 1760/QĐ-UBND ngày* 24 *tháng 11 năm 2025", "1760/QĐ-UBND", "Quyết định", "2025-11-24", False),
    ("Căn cứ Thông tư số 10/2021/TT-BTNMT ngày\n30/6/2021 của Bộ Tài nguyên và Môi trường;",
     "Thông tư số 10/2021/TT-BTNMT ngày\n30/6/2021", "10/2021/TT-BTNMT", "Thông tư", "2021-06-30", False),
    # the date on the next line of a table cell or a "Căn cứ" line, with who issued it
    ("| Nghị định số 06/2021/NĐ-CP\nngày 26 tháng 01 năm 2021 của Chính phủ |",
     "Nghị định số 06/2021/NĐ-CP\nngày 26 tháng 01 năm 2021", "06/2021/NĐ-CP", "Nghị định", "2021-01-26", False),
    # a type name broken across lines; "số" and its symbol on two lines
    ("Theo Quyết\nđịnh số 66/2018/QĐ- UBND ngày 28/12/2018 của UBND tỉnh",
     "Quyết\nđịnh số 66/2018/QĐ- UBND ngày 28/12/2018", "66/2018/QĐ-UBND", "Quyết định", "2018-12-28", False),
    ("| Nghị định số\n116/2020/NĐ-CP | Tài chính |", "Nghị định số\n116/2020/NĐ-CP", "116/2020/NĐ-CP", "Nghị định", "",
     False),
    # Markdown emphasis between the lead and the symbol
    ("*Căn cứ Nghị định số* *26/2018/NĐ-CP ngày 28 tháng 2 năm 2018;*",
     "Nghị định số* *26/2018/NĐ-CP ngày 28 tháng 2 năm 2018", "26/2018/NĐ-CP", "Nghị định", "2018-02-28", False),
    ("*Căn cứ Luật Tổ chức chính quyền địa phương **số**\n72/2025/QH15;*",
     "Luật Tổ chức chính quyền địa phương **số**\n72/2025/QH15", "72/2025/QH15", "Luật", "", False),
    # a law's name with commas or a line break, or in capitals; a resolution of the National Assembly
    ("Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15 ngày 27/6/2025;",
     "Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15 ngày 27/6/2025", "93/2025/QH15", "Luật",
     "2025-06-27", False),
    ("*Căn cứ Luật Cán bộ,\ncông chức số 80/2025/QH15;*", "Luật Cán bộ,\ncông chức số 80/2025/QH15", "80/2025/QH15",
     "Luật", "", False),
    ("HƯỚNG DẪN THI HÀNH LUẬT THỦ ĐÔ SỐ 39/2024/QH15", "LUẬT THỦ ĐÔ SỐ 39/2024/QH15", "39/2024/QH15", "Luật", "",
     False),
    ("theo Nghị quyết của Quốc hội số 55/2022/QH15 về", "Nghị quyết của Quốc hội số 55/2022/QH15", "55/2022/QH15",
     "Nghị quyết", "", False),
    # a type named as a kind of another
    ("triển khai Chương trình hành động số 10-CTr/TU ngày 5/3/2021 của Tỉnh ủy",
     "Chương trình hành động số 10-CTr/TU ngày 5/3/2021", "10-CTr/TU", "Chương trình hành động", "2021-03-05", False),
    ("triển khai Kế hoạch hành động số 459-KHHĐ/TU của Thành ủy", "Kế hoạch hành động số 459-KHHĐ/TU", "459-KHHĐ/TU",
     "Kế hoạch hành động", "", False),
])
def test_symbols_as_typed_and_published(text, surface, canonical, doc_type, issue_date, typo):
    r = one(text)
    assert (r.surface, r.canonical, r.doc_type, r.issue_date, "typo" in r.flags) == (
        surface, canonical, doc_type, issue_date, typo)
    assert "type_mismatch" not in r.flags and spans_ok(text, [r])


@pytest.mark.parametrize(("text", "expected"), [
    # an enumeration: the symbols after the first are of the type written before it
    ("Căn cứ các Luật số 43/2024/QH15, số 47/2024/QH15 và số 58/2024/QH15;",
     [("Luật số 43/2024/QH15", "Luật"), ("số 47/2024/QH15", "Luật"), ("số 58/2024/QH15", "Luật")]),
    ("theo Văn bản số 12/STC-VP, số 13/STC-VP", [("Văn bản số 12/STC-VP", "Văn bản"), ("số 13/STC-VP", "Văn bản")]),
    # ... not when the first one's type is only read from its symbol, nor when words stand between
    ("Quyết định số 12/QĐ-UBND, số 13/KH-UBND và số 14/UBND-VX",
     [("Quyết định số 12/QĐ-UBND", "Quyết định"), ("số 13/KH-UBND", "Kế hoạch"), ("số 14/UBND-VX", "Công văn")]),
    ("Căn cứ Luật số 43/2024/QH15 và các văn bản khác, số 47/2024/QH15", [("Luật số 43/2024/QH15", "Luật")]),
    # "Chương trình này" stands for a Chương trình hành động
    ("Chương trình hành động số 10-CTr/TU của Tỉnh ủy. Chương trình này đặt mục tiêu",
     [("Chương trình hành động số 10-CTr/TU", "Chương trình hành động"), ("Chương trình này", "Chương trình")]),
])
def test_enumerations_and_kinds_of_types(text, expected):
    refs = find_references(text)
    assert [(r.surface, r.doc_type) for r in refs] == expected
    assert len({r.ref_id for r in refs if r.doc_type.startswith("Chương trình")}) <= 1


@pytest.mark.parametrize("text", [
    "Quyết định số 12/QĐ-UBND - Theo đó",  # a dash then a word: not a code
    "theo Luật Đầu tư, Chính phủ ban hành số 12/2021/NĐ-CP",  # a long law name cannot hold another type's symbol
    "Nghị định số 12/2020/NĐ-CP- theo",
])
def test_what_the_typed_shapes_do_not_join(text):
    refs = find_references(text)
    assert all("UBND -" not in r.surface and "- theo" not in r.surface for r in refs)
    assert all(r.doc_type != "Luật" for r in refs)
