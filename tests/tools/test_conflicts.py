"""`chitieu conflicts`: contradictions between rows and the timeline per place and indicator."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
from _review_data import write_review_data
from chitieu.pipeline.cli import app
from chitieu.pipeline.run import process_texts
from chitieu.pipeline.write import write_tables
from typer.testing import CliRunner

from chitieu.tools.conflicts import find_conflicts, is_heading, timeline_frame, timeline_svg
from chitieu.tools.tables import load_table, load_texts


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_review_data(tmp_path_factory.mktemp("conflicts"))


TEXTS = {
    "na_plan": "Tỉnh Nghệ An phấn đấu đến năm 2025 tỷ lệ trường mầm non đạt chuẩn quốc gia đạt 65%, "
               "tỷ lệ trường tiểu học đạt chuẩn quốc gia đạt 80%.",
    "na_news": "Đến năm 2025, Nghệ An phấn đấu tỷ lệ trường mầm non đạt chuẩn quốc gia đạt 70%.",
    "qn_plan": "Đến năm 2025, tỉnh Quảng Ninh phấn đấu 100% khu công nghiệp có hệ thống xử lý nước thải tập trung, "
               "70% làng nghề có hệ thống xử lý nước thải tập trung.",
    "hn_water": "Hà Nam: năm 2023 có 85% dân số dùng nước sạch\n\n"
                "Năm 2023, tỷ lệ dân số dùng nước sạch của tỉnh Hà Nam đạt 82%, tăng 3% so với năm trước.",
    "bg_range": "Tỉnh Bắc Giang phấn đấu đến năm 2025 tỷ lệ lao động qua đào tạo đạt từ 70% đến 75%.",
    "bg_news": "Đến năm 2025, Bắc Giang phấn đấu tỷ lệ lao động qua đào tạo đạt 72%. "
               "Đến năm 2025, Bắc Giang phấn đấu tỷ lệ che phủ rừng đạt trên 37%.",
    "bg_plan": "Tỉnh Bắc Giang phấn đấu đến năm 2025 tỷ lệ che phủ rừng đạt 38%.",
    "tb_2024": "Năm 2024, tỷ lệ hộ nghèo của tỉnh Thái Bình còn 1,5%.",
    "tb_2025": "Năm 2025, tỷ lệ hộ nghèo của tỉnh Thái Bình còn 1%.",
}
META = {i: {"url": f"https://example.vn/{i}", "date": "2024-05-01"} for i in TEXTS}

# place, indicator, kind → the values of the group and the documents quoted; every other pair is none
EXPECTED = {
    ("Nghệ An", "tỷ lệ trường mầm non đạt chuẩn quốc gia", "across documents"): ((65.0, 70.0), {"na_plan", "na_news"}),
    ("Hà Nam", "dân số dùng nước sạch", "within a document"): ((82.0, 85.0), {"hn_water"}),
}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("conflicts_corpus")
    ids = list(TEXTS)
    write_tables(process_texts([TEXTS[i] for i in ids], ids, [META[i] for i in ids]), out)
    return out


def test_only_real_disagreements_are_grouped(corpus_dir: Path) -> None:
    # negatives: preschool vs primary (one code, sub-indicators), craft villages vs industrial parks,
    # a range holding the other value, a bound the other value meets, different years
    groups = find_conflicts(load_table(corpus_dir, "targets"), load_texts(corpus_dir))
    found = {(g.place, g.indicator, g.kind): (g.values, set(g.rows["doc_id"])) for g in groups}
    assert found == EXPECTED


def test_each_group_quotes_both_sides(corpus_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["conflicts", "--data", str(corpus_dir), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "2 conflict group(s)" in result.stdout and "«85%» dân số dùng nước sạch" in result.stdout
    assert "https://example.vn/na_news" in result.stdout and "2024-05-01" in result.stdout
    table = pd.read_csv(tmp_path / "conflicts.csv", keep_default_na=False)
    assert len(table) == 4 and set(table["group"]) == {1, 2}
    for _, r in table.iterrows():  # offsets point into the quoted sentence, the source is named
        assert r["sentence"][r["start"] - r["sentence_start"]:r["end"] - r["sentence_start"]] == r["surface"]
        assert r["url"] == META[r["doc_id"]]["url"] and r["date"] == "2024-05-01"


def _rows(*specs: tuple) -> pd.DataFrame:
    cols = ["doc_id", "start", "indicator", "value", "value_high", "comparator", "level", "year", "period"]
    frame = pd.DataFrame([dict(zip(cols, s, strict=True)) for s in specs])
    return frame.assign(end=frame["start"] + 3, surface="", status="target", measure="level", place="Huế",
                        sentence="", sentence_start=frame["start"], decision="")


@pytest.mark.parametrize(("a", "b", "conflict"), [
    (("a", 0, "tỷ lệ hộ nghèo", 2.0, None, "=", "", 2025, ""), ("b", 0, "Tỷ lệ  hộ nghèo", 3.0, None, "=", "", 2025, ""), True),
    (("a", 0, "tỷ lệ hộ nghèo", 2.0, None, "=", "", 2025, ""), ("b", 0, "ty le ho ngheo", 3.0, None, "=", "", 2025, ""), True),
    (("a", 0, "tỷ lệ hộ nghèo", 2.0, None, "=", "", 2025, ""), ("b", 0, "tỷ lệ hộ ngheo", 3.0, None, "=", "", 2025, ""), False),
    (("a", 0, "tỷ lệ hộ nghèo", 2.0, None, "=", "", 2025, ""), ("b", 0, "tỷ lệ hộ cận nghèo", 3.0, None, "=", "", 2025, ""), False),
    (("a", 0, "tỷ lệ hộ nghèo", 2.0, None, "=", "", 2025, ""), ("b", 0, "tỷ lệ hộ nghèo", 3.0, None, "=", "xa", 2025, ""), False),
    (("a", 0, "tỷ lệ hộ nghèo", 2.0, None, "=", "", 2025, ""), ("b", 0, "tỷ lệ hộ nghèo", 3.0, None, "=", "", 2025, "6M"), False),
    (("a", 0, "tỷ lệ hộ nghèo", 2.0, None, "=", "", 2025, ""), ("b", 0, "tỷ lệ hộ nghèo", 1.5, 2.5, "range", "", 2025, ""), False),
    (("a", 0, "tỷ lệ hộ nghèo", 2.0, None, "=", "", 2025, ""), ("b", 0, "tỷ lệ hộ nghèo", 3.0, 4.0, "range", "", 2025, ""), True),
    (("a", 0, "tỷ lệ hộ nghèo", 2.0, None, "=", "", 2025, ""), ("b", 0, "tỷ lệ hộ nghèo", 3.0, None, "<=", "", 2025, ""), False),
    (("a", 0, "tỷ lệ hộ nghèo", 2.0, None, "=", "", 2025, ""), ("b", 0, "tỷ lệ hộ nghèo", 3.0, None, ">=", "", 2025, ""), True),
    (("a", 0, "tỷ lệ hộ nghèo", 2.03, None, "=", "", 2025, ""), ("b", 0, "tỷ lệ hộ nghèo", 2.0, None, "=", "", 2025, ""), False),
    (("a", 20, "tỷ lệ hộ nghèo", 2.0, None, "=", "", 2025, ""), ("a", 60, "tỷ lệ hộ nghèo", 3.0, None, "=", "", 2025, ""), False),
    (("a", 0, "tỷ lệ hộ nghèo", 2.0, None, "=", "", 2025, ""), ("a", 60, "tỷ lệ hộ nghèo", 3.0, None, "=", "", 2025, ""), True),
    (("a", 0, "tỷ lệ hộ nghèo", 2.0, None, "=", "", 2025, ""), ("b", 0, "tỷ lệ hộ nghèo", 3.0, None, "=", "", None, ""), False),
    (("a", 0, "tỷ lệ hộ nghèo", 2.0, None, "=", "", 2025, "3M"), ("b", 0, "tỷ lệ hộ nghèo", 3.0, None, "=", "", 2025, "Q1"), True),
    (("a", 0, "HPG", 3.8, None, "=", "", 2025, ""), ("b", 0, "HPG", 5.9, None, "=", "", 2025, ""), False),
    (("a", 0, "GRDP", 7.2, None, "=", "", 2025, "6M"), ("b", 0, "GRDP", 8.1, None, "=", "", 2025, "6M"), True),
], ids=["spacing-case", "no-diacritics", "one-mark-missing", "sub-indicator", "level", "period", "range-holds",
        "range-misses", "bound-holds", "bound-misses", "rounding", "body-lines-of-one-document", "opening-sentence-vs-body", "no-year",
        "first-quarter-is-three-months", "one-unknown-word", "one-known-abbreviation"])
def test_pairs(a: tuple, b: tuple, conflict: bool) -> None:
    assert bool(find_conflicts(_rows(a, b))) == conflict


def test_heading_against_body() -> None:
    text = "Huế: 87% dân số dùng nước sạch\nHuế - Năm 2017, tỷ lệ dân số dùng nước sạch đạt 86%.\nTỷ lệ trẻ em\nđạt 9%."
    assert [is_heading(text, text.index(v)) for v in ("87%", "86%", "9%")] == [True, False, False]


def test_timeline_and_chart(data_dir: Path) -> None:
    timeline = timeline_frame(load_table(data_dir, "targets"))
    forest = timeline[(timeline["place"] == "Khánh Hòa") & (timeline["indicator_code"] == "forest_cover")]
    assert list(zip(forest["year"], forest["value"], forest["status"], strict=True)) == [
        (2022, 47.5, "actual"), (2025, 48.0, "target")]
    svg = timeline_svg(timeline)
    root = ET.fromstring(svg)  # well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    circles = root.findall(f".//{ns}circle")
    assert len(circles) >= len(timeline)  # one dot per value (plus the legend)
    assert any("Khánh Hòa" in (t.text or "") for t in root.iter(f"{ns}text"))


def test_cli_prints_and_writes_files(data_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["conflicts", "--data", str(data_dir), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    # the news's "hồ sơ công việc cấp xã …" is the plan's phrase at level xã
    assert "60% vs 65%" in result.stdout and "2022: 47.5*" in result.stdout
    conflicts = pd.read_csv(tmp_path / "conflicts.csv")
    assert conflicts["group"].tolist() == [1, 1] and conflicts["value"].tolist() == [60.0, 65.0]
    assert len(pd.read_csv(tmp_path / "timeline.csv")) == 9
    ET.parse(tmp_path / "timeline.svg")


def test_no_conflicts_is_said_plainly(tmp_path: Path) -> None:
    from chitieu.tools.conflicts import format_conflicts

    assert format_conflicts([]).startswith("No conflicts")
