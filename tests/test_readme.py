"""The README documents the schema that the code declares, and its worked example is what the code does."""

from pathlib import Path

from chitieu.pipeline.run import process_texts

from chitieu.models import TARGET_COLUMNS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_documents_every_target_column():
    for column in TARGET_COLUMNS:
        assert f"| `{column.name}` |" in README, column.name


def test_worked_example_matches_the_pipeline():
    start = README.index("```\nBình Phước") + 4
    text = README[start:README.index("```", start)]
    rows = process_texts([text], ["binh_phuoc"])[0].targets
    table = [line for line in README.splitlines() if line.startswith("| ") and "Bình Phước |" in line]
    assert len(rows) == len(table) == 5
    for row, line in zip(rows, table, strict=True):
        cells = [c.strip().strip("`") for c in line.strip("|").split("|")]
        assert [int(cells[0]), int(cells[1]), cells[2]] == [row.start, row.end, row.surface]
        assert [cells[4], cells[5], cells[6], int(cells[7]), cells[8], cells[9]] == [
            row.comparator, row.status, row.measure, row.year, row.level, row.place]
        assert cells[10] == row.indicator and cells[11] == row.decision and cells[12] == row.indicator_code


def test_news_example_matches_the_pipeline():
    start = README.index("```\nKinh tế 6 tháng") + 4
    text = README[start:README.index("```", start)].rstrip("\n")
    meta = {"url": "https://baonghean.vn/kinh-te-6-thang.html", "date": "2024-07-05"}
    rows = process_texts([text], ["nghe_an_6_thang"], [meta])[0].targets
    table = [line for line in README.splitlines() if line.startswith("| ") and "| publisher |" in line]
    assert len(rows) == len(table) == 5
    for row, line in zip(rows, table, strict=True):
        cells = [c.strip().strip("`") for c in line.strip("|").split("|")]
        assert [int(cells[0]), int(cells[1]), cells[2], cells[3], cells[4]] == [
            row.start, row.end, row.surface, row.status, row.measure]
        assert [cells[5], cells[6], cells[7], cells[8]] == [
            str(row.year or ""), row.period, row.as_of, str(row.estimate).lower()]
        assert [cells[9], cells[10], cells[11], cells[12]] == [
            row.place, row.place_kind, row.place_source, row.indicator]
