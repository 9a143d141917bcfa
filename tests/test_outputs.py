"""One typed table everywhere: every output of a run holds the same missing values and types.

The same texts (written for this test) go through ``chitieu.extract`` (the API), the table writer of
``chitieu extract`` (CSV, ``targets.parquet``, the partitioned ``targets_parquet/`` the Dask engine
reads) and ``chitieu publish`` (Parquet, SQLite); each output is read back the way its users read it
(pandas, Dask, sqlite3, DuckDB) and must show the same count of missing values per column and the
same types, with no ``""`` standing for missing. ``datapackage.json`` validates with frictionless.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from chitieu.pipeline.run import process_texts
from chitieu.pipeline.write import write_tables

import chitieu
from chitieu.models import TABLE_COLUMNS
from chitieu.schema import csv_options, dtypes, read_csv, table_schema
from chitieu.tools.publish import SQL_NAMES, publish_parquet, publish_sqlite

TEXTS = {
    "binh_dinh": ("Theo Quyết định số 1234/QĐ-UBND ngày 10/3/2022 của UBND tỉnh Bình Định, đến năm 2025 tỷ lệ "
                  "hồ sơ được xử lý trực tuyến đạt 90% ở cấp tỉnh và 70% ở cấp xã.",
                  {"date": "2023-06-30", "url": "https://baobinhdinh.vn/tin", "outlet": "Báo Bình Định"}),
    "nghe_an": ("Năm 2023, tỷ lệ bao phủ bảo hiểm y tế của tỉnh Nghệ An đạt 92,5%, theo Nghị quyết số "
                "15/NQ-HĐND.", {"title": "Bảo hiểm y tế"}),
    "ho_ngheo": ("Tỷ lệ hộ nghèo giảm từ 1,5% đến 2%/năm, ước đạt 3% trong 9 tháng đầu năm.", None),
    "trong": ("Không có con số nào ở đây.", {"url": "hôm qua"}),
}
API = {"targets": chitieu.extract, "references": chitieu.extract_references, "documents": chitieu.extract_documents}
SQL_TYPES = {"string": "TEXT", "Int64": "INTEGER", "Float64": "REAL", "boolean": "INTEGER"}
DUCKDB_TYPES = {"string": "VARCHAR", "Int64": "BIGINT", "Float64": "DOUBLE", "boolean": "BOOLEAN"}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("outputs")
    ids = list(TEXTS)
    results = process_texts([TEXTS[i][0] for i in ids], ids, [TEXTS[i][1] for i in ids])
    write_tables(results, out, parquet_dir=out / "targets_parquet")
    publish_parquet(out)
    publish_sqlite(out)
    return out


def _api(name: str) -> pd.DataFrame:
    ids = list(TEXTS)
    return API[name]([TEXTS[i][0] for i in ids], doc_ids=ids, meta=[TEXTS[i][1] for i in ids])


def _frames(run: Path, name: str) -> dict[str, pd.DataFrame]:
    """The table as each pandas route reads it."""
    frames = {
        "api": _api(name),
        "csv (chitieu.schema.read_csv)": read_csv(run / f"{name}.csv", TABLE_COLUMNS[name]),
        "parquet (publish)": pd.read_parquet(run / "parquet" / f"{name}.parquet"),
    }
    if name == "targets":
        frames["parquet (extract)"] = pd.read_parquet(run / "targets.parquet")
        frames["parquet (extract, partitioned)"] = pd.read_parquet(run / "targets_parquet")
        try:
            import dask.dataframe as dd
        except ImportError:
            pass
        else:
            frames["dask"] = dd.read_parquet(run / "targets_parquet").compute().reset_index(drop=True)
    return frames


@pytest.mark.filterwarnings("ignore:The inplace keyword")  # inside dask's Parquet reader
@pytest.mark.parametrize("name", ["targets", "references", "documents"])
def test_every_pandas_route_reads_the_same_typed_frame(run: Path, name: str) -> None:
    frames = _frames(run, name)
    expected = dtypes(TABLE_COLUMNS[name])
    api = frames["api"]
    assert len(api) > 0
    for route, frame in frames.items():
        assert {c: frame[c].dtype for c in frame.columns} == expected, route
        assert frame.isna().sum().to_dict() == api.isna().sum().to_dict(), route
        pd.testing.assert_frame_equal(frame.reset_index(drop=True), api, obj=route)
        text = [c.name for c in TABLE_COLUMNS[name] if c.dtype == "string"]
        assert not (frame[text].astype("string") == "").any().any(), f"{route}: '' for missing"
    # a plain pd.read_csv with the schema's options: the same missing values, booleans aside
    plain = pd.read_csv(run / f"{name}.csv", **csv_options(TABLE_COLUMNS[name]))
    assert plain.isna().sum().to_dict() == api.isna().sum().to_dict()


def test_the_missing_values_are_real(run: Path) -> None:
    """The texts leave these fields unknown: the counts the other routes must match are not zero."""
    na = _api("targets").isna().sum()
    assert na["level"] > 0 and na["decision"] > 0 and na["year"] > 0 and na["date"] > 0 and na["value_high"] > 0
    assert na["doc_id"] == na["value"] == na["status"] == 0


@pytest.mark.parametrize("name", ["targets", "references", "documents"])
def test_sqlite_holds_nulls_and_the_schema_types(run: Path, name: str) -> None:
    con = sqlite3.connect(run / "chitieu.db")
    table = SQL_NAMES[name]
    types = {row[1]: row[2] for row in con.execute(f"PRAGMA table_info({table})")}
    nulls = {c.name: con.execute(f'SELECT count(*) FROM {table} WHERE "{c.name}" IS NULL').fetchone()[0]
             for c in TABLE_COLUMNS[name]}
    assert {c.name: types[c.name] for c in TABLE_COLUMNS[name]} == {c.name: SQL_TYPES[c.dtype] for c in TABLE_COLUMNS[name]}
    assert nulls == _api(name).isna().sum().to_dict()
    for col in TABLE_COLUMNS[name]:
        if col.dtype == "string":
            assert con.execute(f'SELECT count(*) FROM {table} WHERE "{col.name}" = \'\'').fetchone()[0] == 0


@pytest.mark.parametrize("route", ["targets.parquet", "targets_parquet/*.parquet", "parquet/targets.parquet"])
def test_duckdb_reads_nulls_and_the_schema_types(run: Path, route: str) -> None:
    con = pytest.importorskip("duckdb").connect()
    source = f"read_parquet('{run / route}')"
    columns = TABLE_COLUMNS["targets"]
    described = {row[0]: row[1] for row in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
    assert described == {c.name: DUCKDB_TYPES[c.dtype] for c in columns}
    [counts] = con.execute("SELECT " + ", ".join(f'count(*) - count("{c.name}")' for c in columns)
                           + f" FROM {source}").fetchall()
    assert dict(zip([c.name for c in columns], counts, strict=True)) == _api("targets").isna().sum().to_dict()


def test_parquet_fields_carry_descriptions_and_allowed_values(run: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    for path in (run / "targets.parquet", run / "parquet" / "targets.parquet"):
        schema = pq.read_schema(path)
        assert pa.types.is_dictionary(schema.field("status").type)
        assert json.loads(schema.field("level").metadata[b"values"]) == ["tinh", "huyen", "xa"]
        assert schema.field("year").metadata[b"description"].startswith(b"deadline")
        assert schema.metadata[b"pandas"]


# ---------------------------------------------------------------------------
# the Frictionless data package beside the CSVs


def test_the_data_package_describes_the_csv_tables(run: Path) -> None:
    package = json.loads((run / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == ["targets.csv", "references.csv", "documents.csv", "spans.csv"]
    targets = package["resources"][0]["schema"]
    assert targets == table_schema("targets")
    status = next(f for f in targets["fields"] if f["name"] == "status")
    assert status["constraints"]["enum"] == ["target", "actual", "other"]
    assert targets["foreignKeys"] == [{"fields": "doc_id", "reference": {"resource": "documents", "fields": "doc_id"}}]


def _validate(folder: Path):
    frictionless = pytest.importorskip("frictionless")
    return frictionless.validate(str(folder / "datapackage.json"))


def test_frictionless_validates_the_data_package(run: Path) -> None:
    report = _validate(run)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


@pytest.mark.parametrize(
    ("table", "column", "value", "error"),
    [
        ("targets", "status", "maybe", "constraint-error"),  # not an allowed value
        ("targets", "year", "2025.5", "type-error"),
        ("targets", "doc_id", "nobody", "foreign-key"),  # no such document
    ],
)
def test_frictionless_finds_a_broken_table(run: Path, tmp_path: Path, table: str, column: str, value: str,
                                           error: str) -> None:
    for path in run.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    shutil.copy(run / "datapackage.json", tmp_path / "datapackage.json")
    frame = pd.read_csv(tmp_path / f"{table}.csv", dtype=str, keep_default_na=False)
    frame.loc[0, column] = value
    frame.to_csv(tmp_path / f"{table}.csv", index=False)
    report = _validate(tmp_path)
    assert not report.valid
    assert error in {e[0] for e in report.flatten(["type"])}
