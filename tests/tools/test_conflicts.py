"""`chitieu conflicts`: contradictions between rows and the timeline per place and indicator."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
from _review_data import write_review_data
from chitieu.pipeline.cli import app
from typer.testing import CliRunner

from chitieu.tools.conflicts import find_conflicts, timeline_frame, timeline_svg
from chitieu.tools.tables import load_table


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_review_data(tmp_path_factory.mktemp("conflicts"))


def test_two_sources_disagreeing_form_one_group(data_dir: Path) -> None:
    [group] = find_conflicts(load_table(data_dir, "targets"))
    assert (group.place, group.indicator_code, group.level, group.year, group.status) == (
        "Khánh Hòa", "work_records_online", "xa", 2025, "target")
    assert group.values == (60.0, 65.0) and group.kind == "across documents"
    assert sorted(group.rows["doc_id"]) == ["kh_news", "kh_plan"]


def test_different_level_year_or_status_is_not_a_conflict(data_dir: Path) -> None:
    targets = load_table(data_dir, "targets")
    # 90% (tỉnh), 80% (huyện) and 60% (xã) of one sentence; 48% target vs 47.5% actual: no conflict
    keys = {(g.level, g.year, g.status) for g in find_conflicts(targets)}
    assert keys == {("xa", 2025, "target")}


def test_a_document_contradicting_itself(data_dir: Path) -> None:
    targets = load_table(data_dir, "targets")
    extra = targets[targets["surface"] == "48%"].copy()
    extra["start"], extra["end"], extra["value"], extra["surface"] = 0, 3, 50.0, "50%"
    groups = find_conflicts(pd.concat([targets, extra], ignore_index=True))
    forest = [g for g in groups if g.indicator_code == "forest_cover"]
    assert [(g.values, g.kind) for g in forest] == [((48.0, 50.0), "within a document")]


def test_rows_without_a_code_get_one_from_the_taxonomy_or_stay_out() -> None:
    rows = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"], "start": [0, 0, 0, 0], "end": [3, 3, 3, 3],
        "surface": ["60%", "70%", "1%", "2%"], "value": [60.0, 70.0, 1.0, 2.0], "value_high": [None] * 4,
        "status": ["target"] * 4, "measure": ["level"] * 4, "year": [2025] * 4, "level": [""] * 4,
        "place": ["Huế"] * 4, "indicator_code": [""] * 4, "decision": [""] * 4, "sentence": [""] * 4,
        "indicator": ["tỷ lệ che phủ rừng", "độ che phủ rừng", "số cán bộ", "số cán bộ"],
    })
    [group] = find_conflicts(rows)  # the two "số cán bộ" rows have no code: never grouped by guess
    assert group.indicator_code == "forest_cover" and group.values == (60.0, 70.0)


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
    assert "60% vs 65%" in result.stdout and "2022: 47.5*" in result.stdout
    conflicts = pd.read_csv(tmp_path / "conflicts.csv")
    assert conflicts["group"].tolist() == [1, 1] and conflicts["value"].tolist() == [60.0, 65.0]
    assert len(pd.read_csv(tmp_path / "timeline.csv")) == 9
    ET.parse(tmp_path / "timeline.svg")


def test_no_conflicts_is_said_plainly(tmp_path: Path) -> None:
    from chitieu.tools.conflicts import format_conflicts

    assert format_conflicts([]).startswith("No conflicts")
