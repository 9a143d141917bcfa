"""Linking targets to the document that sets them: footnotes and governing phrases."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from chitieu.extractors.references import find_references
from chitieu.pipeline.link import link_decisions
from hypothesis import given, settings
from hypothesis import strategies as st

from chitieu.models import Target

SHARED = Path(__file__).resolve().parents[3] / "shared"


def targets_of(text: str) -> list[Target]:
    """A Target per percentage of the text (enough to test linking)."""
    return [
        Target(
            doc_id="t",
            start=m.start(),
            end=m.end(),
            surface=m.group(),
            value=float(m.group(1).replace(",", ".")),
        )
        for m in re.finditer(r"(\d+(?:,\d+)?)\s?%", text)
    ]


def link(text: str, paragraphs=None) -> list[str]:
    targets = targets_of(text)
    link_decisions(text, targets, find_references(text), paragraphs or [])
    return [t.decision for t in targets]


FOOTNOTED = (
    "Kế hoạch chuyển đổi số của tỉnh nêu rõ: 90% hồ sơ cấp tỉnh, 80% cấp huyện; trên 50% dân số(1).\n"
    "Đến năm 2030: 100% dịch vụ công; 70% hoạt động kiểm tra(2).\n"
    "Tỉnh xếp thứ 5/63, đạt 95% kế hoạch năm.\n"
    "————————–\n"
    "Ghi chú:\n"
    "(1) UBND tỉnh Khánh Hòa, Quyết định số 4607/QĐ-UBND ngày 14/12/2021 ban hành Kế hoạch.\n"
    "(2) Nghị quyết số 16-NQ/TU ngày 19/10/2021 của Tỉnh ủy.\n"
)


def test_footnote_markers_resolve_to_the_footnotes():
    assert link(FOOTNOTED) == ["4607/QĐ-UBND"] * 3 + ["16-NQ/TU"] * 2 + [""]


def test_one_footnote_for_several_markers_and_superscripts():
    text = (
        "Mục tiêu: 90% hồ sơ(1). Đến năm 2030: 100% dịch vụ¹.\n"
        "Tỷ lệ khác 40%.\n"
        "Chú thích:\n"
        "(1), ¹ Quyết định số 12/QĐ-UBND ngày 1/2/2021.\n"
    )
    assert link(text) == ["12/QĐ-UBND", "12/QĐ-UBND", ""]


def test_a_marker_covers_from_the_previous_marker_of_its_paragraph():
    text = (
        "Chỉ tiêu 60% hồ sơ[1], tiếp theo 70% dịch vụ [2]; còn 80% do tỉnh tự đặt.\n"
        "\n"
        "[1] Kế hoạch số 3/KH-UBND.\n"
        "[2] Quyết định số 4/QĐ-UBND.\n"
    )
    assert link(text) == ["3/KH-UBND", "4/QĐ-UBND", ""]


def test_footnote_without_heading_and_enumerations_are_not_markers():
    text = (
        "Tỉnh đặt ra ba nhiệm vụ: (1) đạt 90% hồ sơ trực tuyến; (2) phủ 80% hộ gia đình.\n"
        "Tỷ lệ 70% doanh nghiệp dùng hóa đơn điện tử(3).\n"
        "(3) Quyết định số 9/QĐ-UBND.\n"
    )
    assert link(text) == ["", "", "9/QĐ-UBND"]


def test_markers_with_no_footnote_link_nothing():
    assert link("Đạt 50%(1) và 60%(2).\nKhông có ghi chú.") == ["", ""]


def test_governing_phrases():
    assert link("Theo Quyết định số 4607/QĐ-UBND, đến năm 2025 có 90% hồ sơ. Tỉnh đạt 20% khác.") == [
        "4607/QĐ-UBND",
        "",
    ]
    assert link("Kế hoạch số 12/KH-UBND đặt mục tiêu 80% hồ sơ xử lý trên mạng.") == ["12/KH-UBND"]
    assert link("Nghị quyết 06-NQ/TU của Tỉnh ủy đề ra mục tiêu kinh tế số chiếm 20% GRDP.") == ["06-NQ/TU"]
    assert link("Mục tiêu cụ thể của Quyết định số 5/QĐ-UBND là 60% dịch vụ công.") == ["5/QĐ-UBND"]
    # a short form resolved to its full mention governs with the full symbol
    text = "Tỉnh ban hành Quyết định số 7/QĐ-UBND. Theo Quyết định này, 75% hồ sơ được số hóa."
    assert link(text) == ["7/QĐ-UBND"]
    # "Căn cứ tại khoản … Điều …": the part of the document cited, after "tại"
    assert link("Căn cứ tại khoản 2 Điều 5 Thông tư 12/2024/TT-BTC, mức thu bằng 40% mức cũ.") == ["12/2024/TT-BTC"]
    # … and what the document issues with it ("Quy chế … ban hành kèm theo Thông tư …")
    assert link("Theo Điều 14 Quy chế tuyển sinh trung học ban hành kèm theo Thông tư 30/2024/TT-BGDĐT, con thương binh "
                "mất sức lao động từ 81% trở lên được cộng điểm.") == ["30/2024/TT-BGDĐT"]


def test_a_colon_governs_the_rest_of_the_paragraph_and_the_list():
    text = (
        "Theo Kế hoạch số 35/KH-UBND, tỉnh phấn đấu:\n"
        "- 90% hồ sơ cấp tỉnh;\n"
        "- 80% hồ sơ cấp huyện.\n"
        "Bên cạnh đó, tỉnh đạt 99% khác.\n"
    )
    assert link(text) == ["35/KH-UBND", "35/KH-UBND", ""]
    text = "Kế hoạch số 35/KH-UBND đặt mục tiêu: 90% hồ sơ cấp tỉnh. 80% hồ sơ cấp huyện.\nNăm sau 70%."
    assert link(text) == ["35/KH-UBND", "35/KH-UBND", ""]


def test_a_quoted_provision_runs_on_until_the_text_speaks_again():
    text = ("**Học sinh nào được cộng điểm?**\n\n"
            "Căn cứ tại Điều 9 Thông tư 12/2023/TT-BGDĐT quy định như sau:\n\n"
            "Điều 9. Cộng điểm\n\n"
            "Người học được cộng điểm khi có tỷ lệ chuyên cần trên 90%.\n\n"
            "Trong đó, con thương binh mất sức lao động từ 61% trở lên được cộng thêm.\n\n"
            "Như vậy, nhà trường xét cộng điểm cho 30% học sinh.")
    assert link(text) == ["12/2023/TT-BGDĐT", "12/2023/TT-BGDĐT", ""]
    # a plan's preamble ("Căn cứ …, UBND tỉnh ban hành kế hoạch … như sau:") quotes nothing: its own content follows
    text = ("Căn cứ Nghị quyết số 48/NQ-CP ngày 03/4/2023 của Chính phủ, UBND tỉnh ban hành kế hoạch với các nội dung "
            "như sau:\n\nI. MỤC TIÊU\n\nĐến năm 2030, 100% chất thải được thu gom.")
    assert link(text) == [""]


def test_a_mere_mention_links_nothing():
    text = (
        "Tỉnh triển khai Nghị quyết số 06-NQ/TU về chuyển đổi số. "
        "Năm 2023 tỉnh đạt 95% hồ sơ trực tuyến, tăng 10% so với năm 2022."
    )
    assert link(text) == ["", ""]
    text = "Tỉnh đạt 95% hồ sơ trực tuyến khi thực hiện Nghị quyết số 06-NQ/TU."
    assert link(text) == [""]


def test_paragraphs_given_by_the_caller_and_existing_decisions_kept():
    text = FOOTNOTED
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    targets = targets_of(text)
    targets[-1].decision = "99/QĐ-X"
    link_decisions(text, targets, find_references(text), paragraphs)
    assert [t.decision for t in targets] == ["4607/QĐ-UBND"] * 3 + ["16-NQ/TU"] * 2 + ["99/QĐ-X"]
    link_decisions(text, [], [], paragraphs)  # nothing to do is fine


@pytest.mark.skipif(not (SHARED / "eval" / "seeds_targets.csv").exists(), reason="../shared not available")
def test_seed_decisions():
    gold = list(csv.DictReader((SHARED / "eval" / "seeds_targets.csv").open(encoding="utf-8")))
    right = total = spurious = 0
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        rows = [g for g in gold if g["doc_id"] == path.stem]
        targets = [
            Target(
                doc_id=path.stem, start=int(g["start"]), end=int(g["end"]), surface=g["surface"], value=0.0
            )
            for g in rows
        ]
        link_decisions(text, targets, find_references(text), [])
        for t, g in zip(targets, rows, strict=True):
            total += 1
            right += t.decision == g["decision"]
            spurious += bool(t.decision) and not g["decision"]
    assert right / total >= 0.95 and spurious == 0, (right, total, spurious)


_pieces = st.sampled_from(
    [
        "(1)",
        "[2]",
        "¹",
        " 50%",
        "Ghi chú:",
        "\n",
        "———",
        "Theo Quyết định số 12/QĐ-UBND",
        ": ",
        "; ",
        ". ",
        "(1) Nghị quyết số 06-NQ/TU",
        "- ",
        " đặt mục tiêu ",
        "Kế hoạch số 3/KH-UBND",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_pieces, st.text(max_size=4)), max_size=25).map("".join))
def test_property_link_never_raises_and_links_only_known_symbols(text):
    targets = targets_of(text)
    references = find_references(text)
    link_decisions(text, targets, references, [])
    symbols = {r.canonical for r in references}
    assert all(t.decision in symbols for t in targets if t.decision)


_HEADER = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố: 95/KH-UBND\n|\n\nKẾ HOẠCH\n\n"


@pytest.mark.parametrize(("body", "decisions"), [
    # an official document's own targets get the symbol of its header …
    ("Phấn đấu đến năm 2025, 90% hồ sơ được xử lý trên môi trường mạng.", ["95/KH-UBND"]),
    # … unless another document governs them; a result gets none
    ("Theo Quyết định số 12/QĐ-TTg, đến năm 2025 đạt 80% dịch vụ công trực tuyến. "
     "Năm 2023, tỉnh đã đạt 70% dịch vụ công trực tuyến.", ["12/QĐ-TTg", ""]),
])
def test_own_symbol_of_an_official_document(body, decisions):
    from chitieu.pipeline.doc import Doc
    from chitieu.pipeline.run import run_stages

    doc = run_stages(Doc("d", _HEADER + "Chuyển đổi số năm 2025\n\n" + body))
    assert [t.decision for t in doc.targets] == decisions


def test_an_annexed_programme_takes_the_symbol_of_the_document_that_adopts_it():
    from chitieu.pipeline.doc import Doc
    from chitieu.pipeline.run import run_stages

    text = ("CHƯƠNG TRÌNH\n\nPhát triển đô thị tỉnh Đồng Tháp giai đoạn 2017 - 2020\n\n"
            "(Kèm theo Nghị quyết số 124/2017/NQ-HĐND ngày 14 tháng 7 năm 2017 của Hội đồng nhân dân tỉnh)\n\n"
            "Phấn đấu đến năm 2020, tỷ lệ đô thị hóa đạt 35%.")
    assert [t.decision for t in run_stages(Doc("d", text)).targets] == ["124/2017/NQ-HĐND"]


def test_news_quoting_a_number_has_no_own_symbol():
    from chitieu.pipeline.doc import Doc
    from chitieu.pipeline.run import run_stages

    text = "Quảng Nam đẩy mạnh chuyển đổi số\nSố: 95/KH-UBND\nPhấn đấu đến năm 2025, 90% hồ sơ được xử lý trực tuyến."
    assert [t.decision for t in run_stages(Doc("d", text)).targets] == [""]
