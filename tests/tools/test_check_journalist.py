"""`chitieu check` on claims written for this project: over the sample corpus (`corpus/`), over the
real sets (`tests/data/claims_real.csv`, run when ../shared is there), and the rules that keep a
claim from being answered with another place's, year's, period's or sub-indicator's row.

Every claim is our own sentence; the expected verdict was decided by reading the texts.
Traps: wrong year, place and level, no diacritics, 6- and 9-month periods, sub-indicators.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from chitieu.extractors.periods import same_span
from chitieu.pipeline.cli import app
from chitieu.pipeline.run import process_texts
from chitieu.pipeline.write import write_tables
from typer.testing import CliRunner

from chitieu.tools.check import (
    CONTRADICTED,
    NOT_FOUND,
    SUPPORTED,
    UNDERSPECIFIED,
    check,
    check_claim,
    format_result,
    parse_claim,
)
from chitieu.tools.tables import load_table

ROOT = Path(__file__).resolve().parents[2]

# claim → verdict, what the case tests (the sample corpus)
SAMPLE = [
    ("Năm 2022, tỷ lệ dân số nông thôn Thanh Hóa được sử dụng nước sạch đáp ứng quy chuẩn đạt 62,5%.", SUPPORTED,
     "supported (a result)"),
    ("Thanh Hoa dat muc tieu den nam 2025 ty le dan so nong thon duoc su dung nuoc sach dat 75-80%.", SUPPORTED,
     "no diacritics"),
    ("Đến năm 2025, Thanh Hóa phấn đấu 90% dân số nông thôn được dùng nước sạch đáp ứng quy chuẩn.", CONTRADICTED,
     "wrong year (the 2030 value)"),
    ("6 tháng đầu năm 2025, tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn ở Hưng Yên đạt 98,7%.", SUPPORTED,
     "6 months"),
    ("9 tháng đầu năm 2025, tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn ở Hưng Yên đạt 98,7%.", NOT_FOUND,
     "9 months (the figure is of 6)"),
    ("Năm 2025, tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn ở Hưng Yên đạt 98,7%.", NOT_FOUND,
     "whole year (the figure is of 6 months)"),
    ("Năm 2024, chỉ số hài lòng SIPAS của Thái Bình đạt 84,15%.", CONTRADICTED,
     "wrong place (Hưng Yên's value)"),
    ("Bình Định đặt mục tiêu đến năm 2025 có 85% văn bản cấp xã được ký số và luân chuyển trên môi trường mạng.",
     CONTRADICTED, "wrong level (the district value)"),
    ("Bình Định đặt mục tiêu đến năm 2025 có 85% văn bản cấp huyện được ký số và luân chuyển trên môi trường mạng.",
     SUPPORTED, "level"),
    ("Đắk Lắk đặt mục tiêu đến năm 2025 tỷ lệ hộ nghèo đa chiều dưới 5%.", SUPPORTED, "a ceiling"),
    ("Năm 2023, tỷ lệ hộ nghèo đa chiều của Lâm Đồng là 8,9%.", CONTRADICTED, "wrong place (Đắk Lắk's value)"),
    ("Năm 2022, tỷ lệ hộ nghèo đa chiều của Đắk Lắk là 8,9%.", NOT_FOUND, "wrong year"),
    ("Tỷ lệ che phủ rừng đạt 60%.", UNDERSPECIFIED, "no place, no year"),
    ("Năm 2024, tỷ lệ che phủ rừng đạt 42,03%.", UNDERSPECIFIED, "no place"),
    ("Nam 2024, ty le che phu rung cua Lao Cai dat 60,2%.", SUPPORTED, "no diacritics"),
    ("Cần Thơ đặt mục tiêu tỷ lệ thất thoát nước sạch dưới 15%.", UNDERSPECIFIED, "no year"),
    ("Đến năm 2030, Cần Thơ phấn đấu tỷ lệ thất thoát nước sạch dưới 10%.", CONTRADICTED, "contradicted"),
    ("Năm 2023, tốc độ tăng trưởng GRDP của Hà Nội đạt 5,05%.", CONTRADICTED, "wrong place (the national value)"),
    ("Quảng Ninh phấn đấu đến năm 2025 có 90% cụm công nghiệp có hệ thống xử lý nước thải tập trung đạt quy chuẩn.",
     SUPPORTED, "sub-indicator"),
    ("Quảng Ninh phấn đấu đến năm 2025 có 90% làng nghề có hệ thống xử lý nước thải tập trung đạt quy chuẩn.",
     CONTRADICTED, "sub-indicator (the clusters' value)"),
    ("Hà Tĩnh phấn đấu đến năm 2025 tỷ lệ trường mầm non đạt chuẩn quốc gia đạt 65%.", NOT_FOUND,
     "wrong place (Nghệ An's target)"),
    ("Năm 2023, Nghệ An có 85,3% trường đạt chuẩn quốc gia.", NOT_FOUND, "wrong place (Hà Tĩnh's value)"),
    ("Gia Lai đặt mục tiêu đến năm 2027 tỷ lệ dân số tham gia bảo hiểm y tế đạt 98%.", CONTRADICTED,
     "wrong year (the 2030 value)"),
    ("Hưng Yên đặt mục tiêu đến năm 2025 tỷ lệ che phủ rừng đạt 30%.", NOT_FOUND, "indicator never mentioned"),
]


def _extract(paths: list[str], out: Path, *options: str) -> Path:
    result = CliRunner().invoke(app, ["extract", *paths, *options, "--out", str(out)])
    assert result.exit_code in (0, 2), result.output
    return out


def _never_another_place_or_year(result) -> None:
    """Evidence is always of the claim's own place, year, period and level."""
    if result.verdict in (SUPPORTED, CONTRADICTED):
        c = result.claim
        for row in result.evidence:
            # (the same stretch of the year: the first three months are the first quarter, and nothing else is)
            assert (row["place"], row["year"], same_span(row["period"] or "")) == (c.place, c.year, same_span(c.period)), \
                format_result(result)
            assert (row["level"] or "") in ((c.level,) if c.level not in ("", "tinh") else ("", "tinh"))


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not any((ROOT / "corpus").glob("*.txt")):
        pytest.skip("no sample corpus")
    return _extract([str(ROOT / "corpus")], tmp_path_factory.mktemp("journalist_corpus"))


@pytest.mark.parametrize(("claim", "verdict", "kind"), SAMPLE, ids=[f"{i}-{c[2]}" for i, c in enumerate(SAMPLE)])
def test_claims_over_the_sample_corpus(corpus_dir: Path, claim: str, verdict: str, kind: str) -> None:
    result = check(claim, corpus_dir)
    assert result.verdict == verdict, format_result(result)
    _never_another_place_or_year(result)


def test_the_table_covers_every_verdict_and_trap() -> None:
    assert {v for _, v, _ in SAMPLE} == {SUPPORTED, CONTRADICTED, NOT_FOUND, UNDERSPECIFIED}
    kinds = " ".join(k for _, _, k in SAMPLE)
    for trap in ("wrong year", "wrong place", "wrong level", "no diacritics", "6 months", "9 months"):
        assert trap in kinds


# ---------------------------------------------------------------------------
# Our claims over the real sets (read from the even half only)

REAL = next((p / "shared" / "eval" / "real" for p in (ROOT.parent, ROOT.parent.parent)
             if (p / "shared" / "eval" / "real").is_dir()), ROOT.parent / "shared" / "eval" / "real")


def _real_claims() -> list[dict[str, str]]:
    with open(ROOT / "tests" / "data" / "claims_real.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def real_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (REAL / "news" / "docs.jsonl").exists():
        pytest.skip("../shared/eval/real not available")
    out = tmp_path_factory.mktemp("journalist_real")
    return _extract([str(REAL / "news" / "docs.jsonl"), str(REAL / "plans" / "docs.jsonl")], out, "--id-column", "id",
                    "--text-column", "text", "--url-column", "url", "--date-column", "date")


@pytest.mark.parametrize("row", _real_claims(), ids=lambda r: r["kind"])
def test_our_claims_over_the_real_sets(real_dir: Path, row: dict[str, str]) -> None:
    result = check_claim(parse_claim(row["claim"]), load_table(real_dir, "targets"), load_table(real_dir, "documents"))
    assert result.verdict == row["verdict"], format_result(result)
    _never_another_place_or_year(result)
    if row["doc"]:  # the document the claim was written from is among the evidence (another may say the same)
        assert any(r["doc_id"].startswith(row["doc"] + "_") for r in result.evidence)


def test_real_claims_cover_every_verdict_and_trap() -> None:
    rows = _real_claims()
    assert {r["verdict"] for r in rows} == {SUPPORTED, CONTRADICTED, NOT_FOUND, UNDERSPECIFIED}
    kinds = " ".join(r["kind"] for r in rows)
    for trap in ("wrong year", "wrong place", "no diacritics", "6 months", "9 months", "sub-indicator"):
        assert trap in kinds


# ---------------------------------------------------------------------------
# The rules, on texts written for them

TEXTS = {
    "na": ("Nghệ An phấn đấu đến cuối năm 2021 tỷ lệ hộ nghèo chung toàn tỉnh còn khoảng 2,5%.", "2021-03-01"),
    "ld": ("Quý 4/2021, thu nhập bình quân của người lao động trên cả nước tăng 5% so với quý trước.", "2022-01-10"),
    "pt": ("Năm 2025, tỷ lệ chất thải rắn sinh hoạt khu vực đô thị được thu gom, xử lý của tỉnh Phú Thọ đạt 95%. "
           "Năm 2025, tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý của tỉnh Phú Thọ đạt 86%.", "2026-01-05"),
    "cm": ("Tỉnh Cà Mau phấn đấu đến năm 2030 có 35% lực lượng lao động trong độ tuổi được đào tạo thường xuyên; "
           "tỉ lệ lao động qua đào tạo đạt 65%.", "2022-05-01"),
    "gr": ("Tính chung 9 tháng năm 2024, có 3 địa phương tăng trưởng GRDP trên 9% gồm: Bắc Giang (13,5%), "
           "Khánh Hòa (9,8%), Thái Bình (9,4%).", "2024-10-08"),
    "cb": ("3 tháng đầu năm 2024, tỉnh Cao Bằng đón 400.000 lượt khách du lịch, tăng 30% so với cùng kỳ.", "2024-04-20"),
    "vn": ("GDP của Việt Nam 9 tháng năm 2023 ước tăng 4,24% so với cùng kỳ. Chính phủ đặt mục tiêu tăng trưởng GDP "
           "của Việt Nam năm 2023 đạt 6-6,5%.", "2023-10-06"),
}

RULES = [
    # a claim typed with diacritics keeps its plain words ("chung" is not "chừng"); a goal word before the
    # value keeps a past deadline a goal
    ("Nghệ An dự kiến đến cuối năm 2021 tỷ lệ hộ nghèo chung toàn tỉnh còn khoảng 2,5%.", SUPPORTED),
    ("Nghệ An dự kiến đến cuối năm 2021 tỷ lệ hộ nghèo chung toàn tỉnh còn khoảng 3,5%.", CONTRADICTED),
    # the one place a claim names anywhere ("người lao động cả nước")
    ("Thu nhập bình quân của người lao động cả nước quý 4/2021 tăng 5% so với quý trước.", SUPPORTED),
    # the claim's sub-indicator words (khu vực đô thị) are those of its row: never the province's average
    ("Năm 2025, khu vực đô thị của Phú Thọ đã thu gom, xử lý được 95% chất thải rắn sinh hoạt.", SUPPORTED),
    ("Năm 2025, khu vực đô thị của Phú Thọ đã thu gom, xử lý được 86% chất thải rắn sinh hoạt.", CONTRADICTED),
    # a row of the same sentence that only shares words does not decide
    ("Cà Mau đặt mục tiêu đến năm 2030 tỉ lệ lao động qua đào tạo đạt 35%.", CONTRADICTED),
    ("Ca Mau dat muc tieu den nam 2030 ti le lao dong qua dao tao dat 65%.", SUPPORTED),
    # a growth rate named as a noun in a ranked list is the increase a claim states
    ("GRDP 9 tháng đầu năm 2024 của Khánh Hòa tăng 9,8%.", SUPPORTED),
    ("GRDP 9 tháng đầu năm 2024 của Khánh Hòa tăng 10,8%.", CONTRADICTED),
    ("GRDP 6 tháng đầu năm 2024 của Khánh Hòa tăng 9,8%.", NOT_FOUND),
    # a claim that says no goal or result word, with only the year's goal in the sources: read against the
    # goal, which can contradict it (a nine-month figure given as the year's) but never support it
    ("Năm 2023, GDP của Việt Nam tăng trưởng 4,24%.", CONTRADICTED),
    ("Năm 2023, GDP của Việt Nam tăng trưởng 6,2%.", NOT_FOUND),
    ("Năm 2023, GDP của Việt Nam đã tăng trưởng 4,24%.", NOT_FOUND),
    # the first quarter is the first three months
    ("Quý 1/2024, lượt khách du lịch đến Cao Bằng tăng 30% so với cùng kỳ.", SUPPORTED),
    ("Quý 2/2024, lượt khách du lịch đến Cao Bằng tăng 30% so với cùng kỳ.", NOT_FOUND),
]


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("journalist_rules")
    ids = list(TEXTS)
    write_tables(process_texts([TEXTS[i][0] for i in ids], ids, [{"date": TEXTS[i][1]} for i in ids]), out)
    return out


def test_a_status_read_from_the_year_is_said_so(rules_dir: Path) -> None:
    unmarked = format_result(check("Năm 2023, GDP của Việt Nam tăng trưởng 4,24%.", rules_dir))
    marked = format_result(check("Năm 2023, GDP của Việt Nam đã tăng trưởng 4,24%.", rules_dir))
    assert "status: actual (no goal or result word: read from the year)" in unmarked
    assert "status: actual ·" in marked and "read from the year" not in marked


@pytest.mark.parametrize(("claim", "verdict"), RULES, ids=[f"{i}" for i in range(len(RULES))])
def test_rules_that_keep_rows_apart(rules_dir: Path, claim: str, verdict: str) -> None:
    result = check(claim, rules_dir)
    assert result.verdict == verdict, format_result(result)
    _never_another_place_or_year(result)
