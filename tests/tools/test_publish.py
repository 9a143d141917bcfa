"""`chitieu publish`: SQLite for datasette (typed, indexed, searchable) and typed Parquet."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from _review_data import write_review_data
from chitieu.pipeline.cli import app
from typer.testing import CliRunner

from chitieu.models import REFERENCE_COLUMNS, TARGET_COLUMNS
from chitieu.tools.publish import publish_parquet, publish_sqlite
from chitieu.tools.tables import load_table


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_review_data(tmp_path_factory.mktemp("publish"))


@pytest.fixture(scope="module")
def db(data_dir: Path) -> Path:
    result = CliRunner().invoke(app, ["publish", "--data", str(data_dir), "--format", "sqlite"])
    assert result.exit_code == 0, result.output
    assert (data_dir / "chitieu.db").exists() and (data_dir / "metadata.json").exists()
    return data_dir / "chitieu.db"


def test_sqlite_has_typed_tables_indexes_and_constraints(db: Path) -> None:
    con = sqlite3.connect(db)
    types = {row[1]: row[2] for row in con.execute('PRAGMA table_info("targets")')}
    assert types["value"] == "REAL" and types["year"] == "INTEGER" and types["sentence"] == "TEXT"
    assert [c.name for c in TARGET_COLUMNS] == [n for n in types if n != "id"]
    assert con.execute('SELECT count(*) FROM "targets"').fetchone()[0] == 9
    assert con.execute('SELECT canonical FROM "references"').fetchall() == [("100/QĐ-UBND",)]
    indexes = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"idx_targets_place", "idx_targets_indicator_code", "idx_targets_year"} <= indexes
    # empty numbers are NULL, not 0 or ""
    assert con.execute("SELECT count(*) FROM targets WHERE value_high IS NULL").fetchone()[0] == 9
    # a boolean column is 0/1, not text and not NULL
    assert types["estimate"] == "INTEGER"
    assert con.execute("SELECT DISTINCT estimate, typeof(estimate) FROM targets").fetchall() == [(0, "integer")]
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("INSERT INTO targets (doc_id, status) VALUES ('x', 'maybe')")


def test_fts_finds_a_sentence_by_a_word_and_keeps_diacritics(db: Path) -> None:
    con = sqlite3.connect(db)
    found = con.execute(
        "SELECT t.doc_id, t.surface FROM targets_fts JOIN targets t ON t.id = targets_fts.rowid "
        "WHERE targets_fts MATCH ? ORDER BY t.id", ['"rừng"']
    ).fetchall()
    assert found == [("kh_plan", "48%"), ("kh_news", "47,5%"), ("hd_plan", "9%")]
    # "hộ" (household) must not match "hồ" (file): diacritics are kept
    assert con.execute("SELECT count(*) FROM targets_fts WHERE targets_fts MATCH ?", ['"hộ"']).fetchone()[0] == 0


def test_metadata_describes_columns_and_facets(db: Path) -> None:
    meta = json.loads((db.parent / "metadata.json").read_text(encoding="utf-8"))
    tables = meta["databases"]["chitieu"]["tables"]
    assert tables["targets"]["facets"] == ["place", "level", "year", "status", "indicator_code"]
    assert tables["targets"]["columns"]["decision"].startswith(TARGET_COLUMNS[14].description)
    assert tables["references"]["columns"]["canonical"] == REFERENCE_COLUMNS[4].description
    assert tables["targets"]["fts_table"] == "targets_fts"


def test_parquet_has_an_explicit_schema(data_dir: Path, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = publish_parquet(data_dir, tmp_path / "pq")
    assert [p.name for p in paths] == ["targets.parquet", "references.parquet", "documents.parquet"]
    table = pq.read_table(paths[0])
    schema = table.schema
    assert schema.field("value").type == pa.float64() and schema.field("year").type == pa.int64()
    assert pa.types.is_dictionary(schema.field("status").type)
    assert json.loads(schema.field("status").metadata[b"values"]) == ["target", "actual", "other"]
    assert schema.field("sentence").metadata[b"description"].decode() == TARGET_COLUMNS[15].description
    frame = table.to_pandas()
    expected = load_table(data_dir, "targets")
    assert frame["surface"].tolist() == expected["surface"].tolist()
    assert frame["year"].tolist() == expected["year"].astype(int).tolist()
    assert schema.field("estimate").type == pa.bool_() and frame["estimate"].tolist() == [False] * len(expected)


def test_unknown_format_is_a_usage_error(data_dir: Path) -> None:
    assert CliRunner().invoke(app, ["publish", "--data", str(data_dir), "--format", "xlsx"]).exit_code == 2


def test_publish_of_an_empty_run(tmp_path: Path) -> None:
    (tmp_path / "targets.csv").write_text(",".join(c.name for c in TARGET_COLUMNS) + "\n", encoding="utf-8")
    db, _ = publish_sqlite(tmp_path)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM targets").fetchone()[0] == 0


# ---------------------------------------------------------------------------
# datasette serves it with no further code


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get_json(url: str) -> object:
    with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 (loopback only)
        return json.loads(resp.read().decode("utf-8"))


def test_datasette_serves_facets_and_search(db: Path) -> None:
    pytest.importorskip("datasette")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(db), "-m", str(db.parent / "metadata.json"),
         "-h", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get_json(f"{base}/-/versions.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read().decode(errors="replace") if proc.poll() is not None else ""
                    pytest.fail(f"datasette did not start: {out[-2000:]}")
                time.sleep(0.3)
        word = urllib.parse.quote("môi trường mạng")
        rows = _get_json(f"{base}/chitieu/targets.json?_search={word}&_shape=array")
        assert sorted((r["doc_id"], r["surface"]) for r in rows) == [
            ("kh_news", "65%"), ("kh_plan", "60%"), ("kh_plan", "80%"), ("kh_plan", "90%")]
        assert all("môi trường mạng" in r["sentence"] for r in rows)
        page = _get_json(f"{base}/chitieu/targets.json")
        assert {"place", "level", "year", "status", "indicator_code"} <= set(page["facet_results"])
        places = {f["value"]: f["count"] for f in page["facet_results"]["place"]["results"]}
        assert places == {"Khánh Hòa": 6, "Hải Dương": 3}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()


def test_empty_indicator_codes_are_filled_from_the_taxonomy(tmp_path: Path) -> None:
    import pandas as pd

    write_review_data(tmp_path)
    frame = pd.read_csv(tmp_path / "targets.csv", dtype=str, keep_default_na=False)
    frame["indicator_code"] = ""
    frame.to_csv(tmp_path / "targets.csv", index=False)
    db, _ = publish_sqlite(tmp_path)
    codes = sqlite3.connect(db).execute("SELECT DISTINCT indicator_code FROM targets ORDER BY 1").fetchall()
    assert codes == [("dvc_online_full",), ("forest_cover",), ("work_records_online",)]
