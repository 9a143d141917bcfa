"""`chitieu publish`: SQLite for datasette (typed, keyed, indexed, searchable) and typed Parquet."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest
from _review_data import results, write_review_data
from chitieu.pipeline.cli import app
from chitieu.pipeline.write import write_tables
from typer.testing import CliRunner

from chitieu.models import REFERENCE_COLUMNS, TARGET_COLUMNS, DocResult, Document, Target
from chitieu.tools.publish import QUERIES, publish_parquet, publish_sqlite
from chitieu.tools.tables import load_table

# A text that writes the abbreviation and one that writes the words (written for these tests).
BHYT = ("Năm 2022, tỷ lệ bao phủ BHYT của tỉnh Đồng Nai đạt 92%. "
        "Đồng Nai phấn đấu đến năm 2025 tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.")


def _bhyt_result() -> DocResult:
    rows = []
    for surface, status, year in (("92%", "actual", 2022), ("95%", "target", 2025)):
        start = BHYT.index(surface)
        s0 = 0 if status == "actual" else BHYT.index("Đồng Nai phấn")
        s1 = BHYT.index(".", start) + 1
        rows.append(Target("dn_bhyt", start, start + 3, surface, float(surface[:2]), status=status, year=year,
                           place="Đồng Nai", indicator="tỷ lệ bao phủ BHYT" if year == 2022 else
                           "tỷ lệ dân số tham gia bảo hiểm y tế", indicator_code="health_insurance",
                           sentence=BHYT[s0:s1], sentence_start=s0, sentence_end=s1,
                           place_kind="province", place_source="text"))
    return DocResult(Document("dn_bhyt", path="corpus/dn_bhyt.txt", text=BHYT, encoding="utf-8"), rows, [], [])


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("publish")
    write_tables([*results(), _bhyt_result()], out)
    return out


@pytest.fixture(scope="module")
def db(data_dir: Path) -> Path:
    result = CliRunner().invoke(app, ["publish", "--data", str(data_dir), "--format", "sqlite"])
    assert result.exit_code == 0, result.output
    assert (data_dir / "chitieu.db").exists() and (data_dir / "metadata.json").exists()
    assert (data_dir / "datasette.yaml").exists()
    return data_dir / "chitieu.db"


def test_sqlite_has_typed_keyed_tables_indexes_and_constraints(db: Path) -> None:
    con = sqlite3.connect(db)
    types = {row[1]: row[2] for row in con.execute('PRAGMA table_info("targets")')}
    assert types["value"] == "REAL" and types["year"] == "INTEGER" and types["sentence"] == "TEXT"
    assert [c.name for c in TARGET_COLUMNS] == [n for n in types if n != "id"]
    assert con.execute("SELECT count(*) FROM targets").fetchone()[0] == 11
    # no SQL keyword as a table name: this query needs no quoting
    assert con.execute("SELECT canonical FROM legal_references").fetchall() == [("100/QĐ-UBND",)]
    links = {(t, row[2], row[3], row[4]) for t in ("targets", "legal_references")
             for row in con.execute(f"PRAGMA foreign_key_list({t})")}
    assert links == {("targets", "documents", "doc_id", "doc_id"), ("legal_references", "documents", "doc_id", "doc_id")}
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    indexes = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"idx_targets_place", "idx_targets_indicator", "idx_targets_year", "idx_targets_status",
            "idx_targets_place_year"} <= indexes
    # missing is NULL, never "" (nor 0)
    assert con.execute("SELECT count(*) FROM targets WHERE value_high IS NULL").fetchone()[0] == 11
    assert con.execute("SELECT count(*) FROM targets WHERE level IS NULL").fetchone()[0] == 7
    for table, columns in (("targets", TARGET_COLUMNS), ("legal_references", REFERENCE_COLUMNS)):
        for col in columns:
            if col.dtype == "string":
                assert con.execute(f'SELECT count(*) FROM {table} WHERE "{col.name}" = \'\'').fetchone()[0] == 0
    # a boolean column is 0/1, not text and not NULL
    assert types["estimate"] == "INTEGER"
    assert con.execute("SELECT DISTINCT estimate, typeof(estimate) FROM targets").fetchall() == [(0, "integer")]
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("INSERT INTO targets (doc_id, status) VALUES ('x', 'maybe')")


def _search(con: sqlite3.Connection, table: str, query: str) -> list[tuple[str, str]]:
    return con.execute(
        f"SELECT t.doc_id, t.surface FROM {table} JOIN targets t ON t.id = {table}.rowid "
        f"WHERE {table} MATCH ? ORDER BY t.id", [query]).fetchall()


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ('"rừng"', [("kh_plan", "48%"), ("kh_news", "47,5%"), ("hd_plan", "9%")]),
        ('"rung"', [("kh_plan", "48%"), ("kh_news", "47,5%"), ("hd_plan", "9%")]),  # typed without diacritics
        ('"bảo hiểm y tế"', [("dn_bhyt", "92%"), ("dn_bhyt", "95%")]),  # the text writes BHYT, then the words
        ('"bao hiem y te"', [("dn_bhyt", "92%"), ("dn_bhyt", "95%")]),
        ("BHYT", [("dn_bhyt", "92%"), ("dn_bhyt", "95%")]),
        ('"dat" "92%"', [("dn_bhyt", "92%")]),  # đ typed as d
        ('"môi trường mạng"', [("kh_plan", "90%"), ("kh_plan", "80%"), ("kh_plan", "60%"), ("kh_news", "65%")]),
    ],
)
def test_search_folds_diacritics_and_abbreviations(db: Path, query: str, found: list) -> None:
    assert _search(sqlite3.connect(db), "targets_fts", query) == found


def test_the_exact_index_keeps_diacritics(db: Path) -> None:
    con = sqlite3.connect(db)
    assert _search(con, "targets_fts_exact", '"rừng"') == [("kh_plan", "48%"), ("kh_news", "47,5%"), ("hd_plan", "9%")]
    # "hộ" (household) must not match "hồ" (file) there; the folding index does match it
    assert _search(con, "targets_fts_exact", '"hộ"') == []
    assert _search(con, "targets_fts", '"hộ"') != []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"place": "Đồng Nai", "words": "bao hiem y te", "year": "2025", "value": "95"}, ("supported", [95.0])),
        ({"place": "Đồng Nai", "words": "BHYT", "year": "", "value": "95"}, ("supported", [95.0, 92.0])),
        ({"place": "Đồng Nai", "words": "bảo hiểm y tế", "year": "2025", "value": "99"}, ("contradicted", [95.0])),
        ({"place": "Khánh Hòa", "words": "bảo hiểm y tế", "year": "", "value": "95"}, ("not_found", [None])),
        ({"place": "Khánh Hòa", "words": 'KT-XH "AND', "year": "", "value": "95"}, ("not_found", [None])),
    ],
)
def test_the_check_query_gives_a_verdict(db: Path, params: dict, expected: tuple) -> None:
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    rows = con.execute(QUERIES["check_claim"]["sql"], params).fetchall()
    assert ({r["verdict"] for r in rows}.pop(), [r["value"] for r in rows]) == expected


def test_metadata_describes_columns_facets_and_queries(db: Path) -> None:
    import yaml

    meta = json.loads((db.parent / "metadata.json").read_text(encoding="utf-8"))
    tables = meta["databases"]["chitieu"]["tables"]
    assert tables["targets"]["facets"] == ["place", "level", "year", "status", "indicator_code"]
    assert tables["targets"]["columns"]["decision"].startswith(TARGET_COLUMNS[14].description)
    assert tables["legal_references"]["columns"]["canonical"] == REFERENCE_COLUMNS[4].description
    assert tables["targets"]["fts_table"] == "targets_fts"
    assert set(meta["databases"]["chitieu"]["queries"]) == {"targets_of_place", "check_claim"}
    config = yaml.safe_load((db.parent / "datasette.yaml").read_text(encoding="utf-8"))
    assert config["databases"]["chitieu"]["tables"]["targets"]["fts_table"] == "targets_fts"
    assert config["databases"]["chitieu"]["queries"] == meta["databases"]["chitieu"]["queries"]


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
    assert frame["year"].tolist() == expected["year"].tolist()
    assert schema.field("estimate").type == pa.bool_() and frame["estimate"].tolist() == [False] * len(expected)


def test_unknown_format_is_a_usage_error(data_dir: Path) -> None:
    assert CliRunner().invoke(app, ["publish", "--data", str(data_dir), "--format", "xlsx"]).exit_code == 2


def test_publish_of_an_empty_run(tmp_path: Path) -> None:
    (tmp_path / "targets.csv").write_text(",".join(c.name for c in TARGET_COLUMNS) + "\n", encoding="utf-8")
    db, _ = publish_sqlite(tmp_path)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM targets").fetchone()[0] == 0


# ---------------------------------------------------------------------------
# datasette serves it with no further code (its Python test client, through the JSON API)


def _datasette_get(db: Path, *paths: str) -> list[dict]:
    datasette_app = pytest.importorskip("datasette.app")
    import inspect

    import yaml

    meta = json.loads((db.parent / "metadata.json").read_text(encoding="utf-8"))
    options = {"metadata": meta}
    if "config" in inspect.signature(datasette_app.Datasette).parameters:  # datasette 1.x reads datasette.yaml
        options["config"] = yaml.safe_load((db.parent / "datasette.yaml").read_text(encoding="utf-8"))
    ds = datasette_app.Datasette([str(db)], **options)

    async def get_all() -> list[dict]:
        out = []
        for path in paths:
            response = await ds.client.get(path)
            assert response.status_code == 200, (path, response.text[:500])
            out.append(response.json())
        return out

    return asyncio.run(get_all())


def test_datasette_serves_links_facets_queries_and_search(db: Path) -> None:
    search, page, labelled, document, by_place, check = _datasette_get(
        db,
        "/chitieu/targets.json?_search=bao+hiem&_shape=array",
        "/chitieu/targets.json?_extra=facet_results",  # 1.x lists facets only when asked
        "/chitieu/targets.json?_labels=on&_shape=array&doc_id=hd_plan",
        "/chitieu/documents/hd_plan.json?_extras=foreign_key_tables&_extra=foreign_key_tables",  # 0.x, 1.x
        "/chitieu/targets_of_place.json?place=H%E1%BA%A3i+D%C6%B0%C6%A1ng&year=2025&status=&_shape=array",
        "/chitieu/check_claim.json?place=%C4%90%E1%BB%93ng+Nai&words=bhyt&year=2025&value=95&_shape=array",
    )
    # a search typed without diacritics finds "bảo hiểm" (and the sentence that writes BHYT)
    assert sorted(r["surface"] for r in search) == ["92%", "95%"]
    assert all("bảo hiểm" in r["sentence"] or "BHYT" in r["sentence"] for r in search)
    facets = page["facet_results"].get("results", page["facet_results"])  # 1.x: {"results": …, "timed_out": …}
    assert {"place", "level", "year", "status", "indicator_code"} <= set(facets)
    places = {f["value"]: f["count"] for f in facets["place"]["results"]}
    assert places == {"Khánh Hòa": 6, "Hải Dương": 3, "Đồng Nai": 2}
    levels = {f["value"]: f["count"] for f in facets["level"]["results"]}
    assert "" not in levels  # missing is NULL, not a facet value of its own
    # the foreign key: targets.doc_id links to its document
    assert {r["doc_id"]["value"] for r in labelled} == {"hd_plan"}
    assert all(isinstance(r["doc_id"], dict) and "label" in r["doc_id"] for r in labelled)
    fk_tables = {(t["other_table"], t["other_column"], t["count"]) for t in document["foreign_key_tables"]}
    assert ("targets", "doc_id", 3) in fk_tables
    # the canned queries
    assert [(r["year"], r["value"]) for r in by_place] == [(2025, 80.0)]
    assert [(r["verdict"], r["value"]) for r in check] == [("supported", 95.0)]


def test_empty_indicator_codes_are_filled_from_the_taxonomy(tmp_path: Path) -> None:
    import pandas as pd

    write_review_data(tmp_path)
    frame = pd.read_csv(tmp_path / "targets.csv", dtype=str, keep_default_na=False)
    frame["indicator_code"] = ""
    frame.to_csv(tmp_path / "targets.csv", index=False)
    db, _ = publish_sqlite(tmp_path)
    codes = sqlite3.connect(db).execute("SELECT DISTINCT indicator_code FROM targets ORDER BY 1").fetchall()
    assert codes == [("dvc_online_full",), ("forest_cover",), ("work_records_online",)]
