"""`chitieu check` end to end: claims in our own words over a small corpus extracted by the pipeline.

Texts written for these tests; each claim → the expected verdict and, for a decided one, the
document it rests on. Traps: wrong year, place, level and period, regions, no diacritics.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from chitieu.pipeline.cli import app
from chitieu.pipeline.run import process_texts
from chitieu.pipeline.write import write_tables
from typer.testing import CliRunner

from chitieu.tools.check import (
    CONTRADICTED,
    NOT_FOUND,
    SUPPORTED,
    UNDERSPECIFIED,
    ClaimError,
    check,
    check_claim,
    format_result,
    parse_claim,
)
from chitieu.tools.tables import load_table

TEXTS = {
    "hd_plan": ("Tỉnh Hải Dương đặt mục tiêu đến năm 2025 kinh tế số chiếm 20% GRDP, đến năm 2030 chiếm 30% GRDP. "
                "Đến năm 2025, 100% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng, 80% hồ sơ công việc "
                "cấp huyện được xử lý trên môi trường mạng.",
                {"url": "https://example.vn/hai-duong", "date": "2022-03-01"}),
    "bn_plan": ("Tỉnh Bắc Ninh đặt mục tiêu đến năm 2030 kinh tế số chiếm 40% GRDP.",
                {"url": "https://example.vn/bac-ninh", "date": "2022-05-01"}),
    "ld_news": ("Năm 2021, tỷ lệ lao động qua đào tạo của tỉnh Lâm Đồng đạt 71,2%. "
                "Tỷ lệ hộ nghèo của tỉnh Lâm Đồng năm 2022 còn 2,5%.",
                {"url": "https://example.vn/lam-dong", "date": "2022-01-10"}),
    "dn_news": ("Tính đến tháng 6/2023, tỷ lệ bao phủ bảo hiểm y tế của tỉnh Đồng Nai đạt 93%.",
                {"url": "https://example.vn/dong-nai", "date": "2023-07-02"}),
    "vn_q3": ("GDP quý III/2025 của Việt Nam ước tăng 8,2% so với cùng kỳ năm trước.",
              {"url": "https://example.vn/gdp", "date": "2025-10-06"}),
}

# claim, verdict, document the evidence comes from ("" when none may be cited), what the case tests
CLAIMS = [
    ("Hải Dương đặt mục tiêu đến năm 2025 kinh tế số chiếm 20% GRDP.", SUPPORTED, "hd_plan", "supported"),
    ("Hải Dương đặt mục tiêu đến năm 2025 kinh tế số chiếm 40% GRDP.", CONTRADICTED, "hd_plan", "contradicted"),
    ("Hai Duong dat muc tieu den nam 2025 kinh te so chiem 40% GRDP.", CONTRADICTED, "hd_plan", "no diacritics"),
    ("Hai Duong dat muc tieu den nam 2025 kinh te so chiem 20% GRDP.", SUPPORTED, "hd_plan", "no diacritics"),
    ("Hải Dương đặt mục tiêu đến năm 2027 kinh tế số chiếm 20% GRDP.", NOT_FOUND, "", "wrong year"),
    ("Hải Dương đặt mục tiêu đến năm 2030 kinh tế số chiếm 20% GRDP.", CONTRADICTED, "hd_plan",
     "wrong year (another target that year)"),
    ("Hà Nam đặt mục tiêu đến năm 2030 kinh tế số chiếm 40% GRDP.", NOT_FOUND, "", "wrong place (Bắc Ninh's)"),
    ("Kinh tế số chiếm 40% GRDP.", UNDERSPECIFIED, "", "no place, no year"),
    ("Bắc Ninh phấn đấu kinh tế số chiếm 40% GRDP.", UNDERSPECIFIED, "", "no year"),
    ("Tỉnh phấn đấu 100% hồ sơ được xử lý trực tuyến.", UNDERSPECIFIED, "", "no place"),
    ("Đến năm 2025, Hải Dương phấn đấu 80% hồ sơ công việc cấp huyện được xử lý trên môi trường mạng.", SUPPORTED,
     "hd_plan", "level"),
    ("Đến năm 2025, Hải Dương phấn đấu 100% hồ sơ công việc cấp huyện được xử lý trên môi trường mạng.",
     CONTRADICTED, "hd_plan", "wrong level"),
    ("Đến năm 2025, Hải Dương phấn đấu 80% hồ sơ công việc cấp xã được xử lý trên môi trường mạng.", NOT_FOUND, "",
     "level without a row"),
    ("Nam 2021, ty le lao dong qua dao tao cua Lam Dong dat 71,2%.", SUPPORTED, "ld_news", "no diacritics"),
    ("Năm 2022, tỷ lệ lao động qua đào tạo của Lâm Đồng đạt 71,2%.", NOT_FOUND, "", "wrong year"),
    ("Năm 2021, tỷ lệ thất nghiệp ở Lâm Đồng là 2,5%.", NOT_FOUND, "", "indicator never mentioned"),
    ("Năm 2021, tỷ lệ lao động qua đào tạo đạt 71,2%.", UNDERSPECIFIED, "", "no place"),
    ("Tháng 6/2023, tỷ lệ bao phủ bảo hiểm y tế của Đồng Nai đạt 93%.", SUPPORTED, "dn_news", "month/year"),
    ("GDP quý III/2025 của Việt Nam tăng 8,2% so với cùng kỳ.", SUPPORTED, "vn_q3", "period"),
    ("GDP quý III/2025 của Việt Nam tăng 7,5% so với cùng kỳ.", CONTRADICTED, "vn_q3", "period"),
    ("Năm 2025, GDP của Việt Nam tăng 8,2%.", NOT_FOUND, "", "whole year vs a quarter"),
    ("GDP quý III/2025 của vùng Đồng bằng sông Hồng tăng 8,2% so với cùng kỳ.", NOT_FOUND, "", "region vs nation"),
]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("claims_corpus")
    ids = list(TEXTS)
    write_tables(process_texts([TEXTS[i][0] for i in ids], ids, [TEXTS[i][1] for i in ids]), out)
    return out


@pytest.mark.parametrize(("claim", "verdict", "source", "kind"), CLAIMS, ids=[f"{i}-{c[3]}" for i, c in enumerate(CLAIMS)])
def test_claim_verdicts(data_dir: Path, claim: str, verdict: str, source: str, kind: str) -> None:
    result = check(claim, data_dir)
    assert result.verdict == verdict, format_result(result)
    if verdict in (SUPPORTED, CONTRADICTED):
        assert {r["doc_id"] for r in result.evidence} == {source}
        for row in result.evidence:  # every decided verdict cites where it comes from
            assert row["url"] == TEXTS[source][1]["url"] and row["date"] and row["sentence"]
            assert row["place"] == result.claim.place and row["year"] == result.claim.year
            assert row["sentence"][row["start"] - row["sentence_start"]:row["end"] - row["sentence_start"]]


def test_claims_cover_every_verdict_and_trap() -> None:
    assert {c[1] for c in CLAIMS} == {SUPPORTED, CONTRADICTED, NOT_FOUND, UNDERSPECIFIED}
    kinds = " ".join(c[3] for c in CLAIMS)
    for trap in ("wrong year", "wrong place", "wrong level", "no diacritics", "period", "no place", "no year"):
        assert trap in kinds


def test_underspecified_lists_what_is_missing_and_the_candidates(data_dir: Path) -> None:
    result = check("Kinh tế số chiếm 40% GRDP.", data_dir)
    assert result.missing == ["place", "year"] and result.exit_code == 5
    assert {(r["place"], r["value"]) for r in result.evidence} >= {("Bắc Ninh", 40.0), ("Hải Dương", 20.0)}
    assert "UNDERSPECIFIED: the claim does not say its place, year" in format_result(result)


def test_the_claim_tuple_is_shown_first(data_dir: Path) -> None:
    text = format_result(check("Hai Duong dat muc tieu den nam 2025 kinh te so chiem 40% GRDP.", data_dir))
    first, verdict = text.splitlines()[:2]
    assert first.startswith("Claim: place: Hải Dương · indicator: kinh te so") and "year: 2025" in first
    assert verdict == "CONTRADICTED" and "near" not in verdict


@pytest.mark.parametrize(("text", "year", "period"), [
    ("Tháng 6/2023, Đồng Nai đạt 93% bao phủ bảo hiểm y tế.", 2023, ""),
    ("Tu thang 8/2021, Bac Ninh yeu cau cap huyen xu ly 85% ho so cong viec.", 2021, ""),
    ("GDP quy III/2025 cua Viet Nam tang 8,2%.", 2025, "Q3"),
])
def test_years_and_periods_of_claims(text: str, year: int, period: str) -> None:
    claim = parse_claim(text)
    assert (claim.year, claim.period) == (year, period)


@pytest.mark.parametrize("text", ["", "   ", "Hải Dương đặt mục tiêu phát triển kinh tế số."])
def test_empty_or_numberless_claims_are_usage_errors(data_dir: Path, text: str) -> None:
    with pytest.raises(ClaimError):
        parse_claim(text)
    result = CliRunner().invoke(app, ["check", text, "--data", str(data_dir)])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


def test_json_carries_the_tuple_and_the_citations(data_dir: Path) -> None:
    result = CliRunner().invoke(app, ["check", CLAIMS[0][0], "--data", str(data_dir), "--json"])
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["claim"]["place"] == "Hải Dương" and payload["verdict"] == SUPPORTED
    [row] = payload["evidence"]
    assert {"doc_id", "sentence", "start", "end", "date", "url", "decision"} <= set(row)
    underspecified = CliRunner().invoke(app, ["check", "Kinh tế số chiếm 40% GRDP.", "--data", str(data_dir)])
    assert underspecified.exit_code == 5


def test_help_documents_every_exit_code() -> None:
    text = " ".join(CliRunner().invoke(app, ["check", "--help"]).stdout.split())
    for words in ("0 supported", "3 contradicted", "4 not found", "5 underspecified", "2 usage error"):
        assert words in text


def test_batch_mode_writes_one_verdict_per_row(data_dir: Path, tmp_path: Path) -> None:
    claims = tmp_path / "claims.csv"
    with open(claims, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "claim"])
        writer.writerows([(f"c{i}", c[0]) for i, c in enumerate(CLAIMS)] + [("empty", "")])
    out = tmp_path / "verdicts.csv"
    result = CliRunner().invoke(app, ["check", "--claims", str(claims), "--data", str(data_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == [f"c{i}" for i in range(len(CLAIMS))] + ["empty"]
    assert [r["verdict"] for r in rows] == [c[1] for c in CLAIMS] + ["error"]
    assert rows[0]["doc_id"] == "hd_plan" and rows[0]["url"] == "https://example.vn/hai-duong"
    stdout = CliRunner().invoke(app, ["check", "--claims", str(claims), "--data", str(data_dir)])
    assert stdout.stdout.splitlines()[0].startswith("id,claim,verdict")


def test_data_has_the_rows_the_claims_need(data_dir: Path) -> None:
    targets = load_table(data_dir, "targets")
    assert {"hd_plan", "bn_plan", "ld_news", "dn_news", "vn_q3"} <= set(targets["doc_id"])


_ROOT = Path(__file__).resolve().parents[2]
# ../shared beside the repository (or beside the folder of worktrees)
REAL = next((p / "shared" / "eval" / "real" for p in (_ROOT.parent, _ROOT.parent.parent)
             if (p / "shared" / "eval" / "real").is_dir()), _ROOT.parent / "shared" / "eval" / "real")


def test_real_claims(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The journalist's claims over the real sets: count right verdicts; never another place's or year's row."""
    if not (REAL / "claims.csv").exists():
        pytest.skip("../shared/eval/real/claims.csv not available")
    out = tmp_path_factory.mktemp("real_out")
    result = CliRunner().invoke(app, ["extract", str(REAL / "news"), str(REAL / "plans"), "--out", str(out)])
    assert result.exit_code in (0, 6), result.output
    with open(REAL / "claims.csv", encoding="utf-8") as fh:
        expected = list(csv.DictReader(fh))
    targets, documents = load_table(out, "targets"), load_table(out, "documents")
    right = 0
    for row in expected:
        verdict = check_claim(parse_claim(row["claim"]), targets, documents)
        right += verdict.verdict == row["verdict"]
        if verdict.verdict in (SUPPORTED, CONTRADICTED):
            for ev in verdict.evidence:
                assert (ev["place"], ev["year"]) == (verdict.claim.place, verdict.claim.year), row["claim"]
    print(f"\nreal claims: {right} of {len(expected)} verdicts as expected")
