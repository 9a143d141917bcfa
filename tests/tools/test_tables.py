"""The one reader of the written tables: the schema's columns and dtypes, whatever file holds them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from _review_data import write_review_data

from chitieu.tools.tables import SCHEMAS, load_spans, load_table, load_texts, with_codes


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_review_data(tmp_path_factory.mktemp("tables"))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_each_table_reads_with_the_schema_columns_and_dtypes(data_dir: Path, name: str) -> None:
    frame = load_table(data_dir, name)
    assert not frame.empty
    assert [(c, str(t)) for c, t in frame.dtypes.items()] == [(c.name, c.dtype) for c in SCHEMAS[name]]


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_an_absent_table_reads_as_an_empty_one(tmp_path: Path, name: str) -> None:
    frame = load_table(tmp_path, name)
    assert frame.empty and list(frame.columns) == [c.name for c in SCHEMAS[name]]


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("60%", {"value": 60.0, "year": 2025, "level": "xa", "decision": "100/QĐ-UBND", "value_high": None,
                 "estimate": False}),
        ("47,5%", {"value": 47.5, "year": 2022, "status": "actual", "level": "", "decision": ""}),
    ],
)
def test_target_rows_come_back_as_written(data_dir: Path, surface: str, expected: dict) -> None:
    [row] = load_table(data_dir, "targets").query("surface == @surface").to_dict("records")
    assert {k: row[k] for k in expected} == expected


def test_targets_parquet_is_read_when_the_csv_is_absent(data_dir: Path, tmp_path: Path) -> None:
    shutil.copy(data_dir / "targets.parquet", tmp_path / "targets.parquet")
    pd.testing.assert_frame_equal(load_table(tmp_path, "targets"), load_table(data_dir, "targets"))


@pytest.mark.parametrize("style", ["old", "published"])
def test_older_and_published_parquet_read_the_same(data_dir: Path, tmp_path: Path, style: str) -> None:
    """Outputs written before missing became null (``""`` in Parquet, enums as plain strings) and the
    typed Parquet of ``chitieu publish`` (nulls, dictionaries) read as the same frame."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from chitieu.tools.publish import publish_parquet

    expected = load_table(data_dir, "targets")
    if style == "old":
        pq.write_table(pa.Table.from_pandas(expected.astype({"year": "float64"}), preserve_index=False),
                       tmp_path / "targets.parquet")
    else:
        publish_parquet(data_dir, tmp_path / "pub")
        shutil.copy(tmp_path / "pub" / "targets.parquet", tmp_path / "targets.parquet")
    pd.testing.assert_frame_equal(load_table(tmp_path, "targets"), expected)


def test_spans_and_texts_point_into_each_other(data_dir: Path) -> None:
    texts, spans = load_texts(data_dir), load_spans(data_dir)
    assert set(texts) == {"kh_plan", "kh_news", "hd_plan"}
    place = spans[(spans["doc_id"] == "hd_plan") & (spans["label"] == "place")].iloc[0]
    assert texts["hd_plan"][place["start"]:place["end"]] == "Tỉnh Hải Dương" and place["detail"] == "Hải Dương"
    targets = load_table(data_dir, "targets")
    for row in targets.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.surface


def test_with_codes_fills_only_the_empty_codes(data_dir: Path) -> None:
    targets = load_table(data_dir, "targets")
    targets.loc[0, "indicator_code"] = ""
    targets.loc[1, "indicator_code"] = "kept_as_is"
    filled = with_codes(targets)
    assert filled.loc[0, "indicator_code"] == "work_records_online"
    assert filled.loc[1, "indicator_code"] == "kept_as_is"
