"""Publish the tables for dashboards: one SQLite file for datasette, or typed Parquet files.

The tables are read by :mod:`chitieu.tools.tables` and typed by :mod:`chitieu.schema` (missing is
NULL, never ``""``).

    >>> from chitieu.models import TARGET_COLUMNS
    >>> sqlite_type(TARGET_COLUMNS[4])   # "value": Float64
    'REAL'
    >>> search_terms("tỷ lệ bao phủ BHYT đạt 95%")
    'bảo hiểm y tế BHYT dạt'
    >>> search_terms("tỷ lệ tham gia bảo hiểm xã hội")
    'BHXH'

SQLite, written with ``sqlite-utils``: tables ``documents`` (primary key ``doc_id``), ``targets`` and
``legal_references`` (``references`` is an SQL keyword; the CSV keeps its name ``references.csv``),
both with a foreign key ``doc_id`` → ``documents.doc_id``; typed columns, ``CHECK`` constraints on
enum columns, indexes on the columns people filter by. Two FTS5 indexes over each target's sentence
and indicator: ``targets_fts`` (datasette's search box) folds diacritics
(``unicode61 remove_diacritics 2``), matches ``đ`` typed as ``d`` and abbreviations both ways
(``BHYT`` ↔ ``bảo hiểm y tế``) through a third column of search terms; ``targets_fts_exact`` keeps
diacritics (``hộ`` does not find ``hồ``). ``metadata.json`` (datasette 0.x) and ``datasette.yaml``
(1.x) beside it carry titles, column descriptions, facets, the search table and canned queries.
Parquet: one file per table with the Arrow schema of :func:`chitieu.schema.arrow_schema`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import pandas as pd
import regex

from chitieu.extractors.taxonomy import abbreviations, expand_abbreviations
from chitieu.models import FOREIGN_KEYS, Column
from chitieu.schema import arrow_schema, to_arrow, to_typed
from chitieu.tools.tables import SCHEMAS, load_table, with_codes

__all__ = ["SQL_NAMES", "arrow_schema", "datasette_config", "datasette_metadata", "publish_parquet",
           "publish_sqlite", "search_terms", "sqlite_type", "write_parquet", "write_sqlite"]

TABLES: dict[str, tuple[Column, ...]] = {name: SCHEMAS[name] for name in ("targets", "references", "documents")}
# The SQL name of each table: no SQL keyword, so ``SELECT count(*) FROM legal_references`` just works.
SQL_NAMES = {"documents": "documents", "targets": "targets", "references": "legal_references"}
PRIMARY_KEYS = {"documents": "doc_id", "targets": "id", "references": "id"}
FACETS = ("place", "level", "year", "status", "indicator_code", "outlet")
INDEXED = {
    "targets": ("doc_id", "place", "indicator_code", "indicator", "year", "level", "status", ("place", "year")),
    "references": ("doc_id", "canonical", "ref_id"),
    "documents": ("outlet", "date"),
}
TITLES = {
    "targets": "Targets (chỉ tiêu): one row per quantified value",
    "references": "Legal references: documents mentioned (Quyết định, Nghị quyết, …); references.csv",
    "documents": "Documents read, with their status",
}
FTS = "targets_fts"
FTS_EXACT = "targets_fts_exact"

# Canned queries (datasette: /chitieu/<name>?param=…); parameters arrive as text, '' meaning "any".
QUERIES = {
    "targets_of_place": {
        "title": "Targets of a place by year",
        "description": "Every value found for a province (or Việt Nam), by year; leave year or status empty for all.",
        "sql": """SELECT t.year, t.status, t.measure, t.comparator, t.value, t.value_high, t.indicator,
       t.indicator_code, t.level, t.decision, t.doc_id, t.surface, t.sentence, t.id
FROM targets t
WHERE t.place = :place
  AND (:year = '' OR t.year = CAST(:year AS INTEGER))
  AND (:status = '' OR t.status = :status)
ORDER BY t.year, t.indicator_code, t.indicator, t.value""",
    },
    "check_claim": {
        "title": "Check a claim",
        "description": "Rows of the place whose sentence or indicator has the words (diacritics optional, "
                       "BHYT = bảo hiểm y tế), of the year (empty: any); verdict supported when one has the "
                       "value (or a range holds it), contradicted when none does, not_found when no row agrees. "
                       "`chitieu check` does the same with the indicator taxonomy and levels.",
        "sql": """WITH agreeing AS (
  SELECT t.* FROM targets t
  WHERE t.place = :place
    AND (:year = '' OR t.year = CAST(:year AS INTEGER))
    AND t.id IN (SELECT rowid FROM targets_fts  -- each word quoted: no FTS syntax error whatever is typed
                 WHERE targets_fts MATCH '"' || replace(replace(trim(:words), '"', ''), ' ', '" "') || '"')
), verdict AS (
  SELECT CASE
    WHEN EXISTS (SELECT 1 FROM agreeing WHERE value = CAST(:value AS REAL)
                 OR CAST(:value AS REAL) BETWEEN value AND value_high) THEN 'supported'
    WHEN EXISTS (SELECT 1 FROM agreeing) THEN 'contradicted'
    ELSE 'not_found' END AS verdict
)
SELECT v.verdict, a.value = CAST(:value AS REAL) AS same_value, a.year, a.status, a.comparator, a.value,
       a.value_high, a.level, a.indicator, a.decision, a.doc_id, a.surface, a.sentence, a.id
FROM verdict v LEFT JOIN agreeing a ON 1
ORDER BY same_value DESC, a.year""",
    },
}


# ---------------------------------------------------------------------------
# SQLite for datasette


def sqlite_type(col: Column) -> str:
    return {"Int64": "INTEGER", "Float64": "REAL", "boolean": "INTEGER"}.get(col.dtype, "TEXT")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(name: str, columns: Sequence[Column]) -> str:
    """``CREATE TABLE`` with typed columns, the primary key, a ``CHECK`` per enum column and the
    foreign keys of :data:`chitieu.models.FOREIGN_KEYS` (``name`` is the schema's table name)."""
    parts = [] if PRIMARY_KEYS[name] != "id" else ["id INTEGER PRIMARY KEY"]
    for col in columns:
        part = f"{_quote(col.name)} {sqlite_type(col)}"
        if col.name == PRIMARY_KEYS[name]:
            part += " PRIMARY KEY"
        if col.values:
            allowed = ", ".join("'" + v.replace("'", "''") + "'" for v in col.values)
            part += f" CHECK ({_quote(col.name)} IS NULL OR {_quote(col.name)} IN ({allowed}))"
        parts.append(part)
    for column, table, other in FOREIGN_KEYS.get(name, ()):
        parts.append(f"FOREIGN KEY ({_quote(column)}) REFERENCES {_quote(SQL_NAMES[table])}({_quote(other)})")
    return f"CREATE TABLE {_quote(SQL_NAMES[name])} (\n  " + ",\n  ".join(parts) + "\n)"


def _sql_value(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _records(frame: pd.DataFrame) -> list[dict]:
    names = list(frame.columns)
    return [dict(zip(names, map(_sql_value, row), strict=True))
            for row in frame.astype(object).itertuples(index=False, name=None)]


@cache
def _abbreviation_patterns() -> tuple[regex.Pattern, list[tuple[regex.Pattern, str]]]:
    table = abbreviations()
    expansions = [(regex.compile(r"(?<!\p{L})" + regex.escape(exp) + r"(?!\p{L})"), abbr)
                  for abbr, exp in table.items()]
    keys = sorted(table, key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}\p{N}-])(" + "|".join(regex.escape(k) for k in keys) + r")(?![\p{L}\p{N}])"), expansions


def search_terms(text: str) -> str:
    """Extra words that let a search find ``text``: the expansion of each abbreviation it writes
    (``BHYT`` → ``bảo hiểm y tế``), the abbreviation of each expansion it writes, and the text with
    ``đ`` as ``d`` (the FTS tokenizer drops the other diacritics, not this letter)."""
    abbreviated, expansions = _abbreviation_patterns()
    found = dict.fromkeys(m.group(1) for m in abbreviated.finditer(text))
    words = [expand_abbreviations(a) for a in found] + list(found)
    lowered = text.lower()
    words += [abbr for pattern, abbr in expansions if pattern.search(lowered)]
    words += [word.replace("đ", "d") for word in lowered.split() if "đ" in word]
    return " ".join(dict.fromkeys(words))


def write_sqlite(tables: dict[str, pd.DataFrame], path: Path) -> Path:
    """One SQLite file with the tables, their keys and indexes, and the FTS5 indexes of the targets."""
    import sqlite_utils

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    db = sqlite_utils.Database(tmp)
    try:
        for name in ("documents", "targets", "references"):  # a table after the one its keys point to
            columns = TABLES[name]
            frame = to_typed(tables.get(name, pd.DataFrame()), columns)
            db.execute(create_table_sql(name, columns))
            table = db[SQL_NAMES[name]]
            records = _records(frame)
            if PRIMARY_KEYS[name] == "id":
                for i, record in enumerate(records, 1):
                    record["id"] = i
            table.insert_all(records, batch_size=1000)
            for col in INDEXED[name]:
                cols = [col] if isinstance(col, str) else list(col)
                table.create_index(cols, index_name=f"idx_{SQL_NAMES[name]}_{'_'.join(cols)}")
        db.execute(f"CREATE VIRTUAL TABLE {FTS} USING fts5(sentence, indicator, terms, "
                   "tokenize='unicode61 remove_diacritics 2')")
        targets = [(r["id"], r["sentence"], r["indicator"]) for r in db["targets"].rows_where(select="id, sentence, indicator")]
        db[FTS].insert_all(({"rowid": i, "sentence": s, "indicator": ind,
                             "terms": search_terms(f"{s or ''} {ind or ''}")} for i, s, ind in targets),
                           batch_size=1000)
        db.execute(f"CREATE VIRTUAL TABLE {FTS_EXACT} USING fts5(sentence, indicator, content='targets', "
                   "content_rowid='id', tokenize='unicode61 remove_diacritics 0')")
        db.execute(f"INSERT INTO {FTS_EXACT} (rowid, sentence, indicator) SELECT id, sentence, indicator FROM targets")
        db.conn.commit()
        db.analyze()
    finally:
        db.close()
    os.replace(tmp, path)
    return path


def _table_settings(name: str, columns: Sequence[Column]) -> dict:
    settings: dict = {"facets": [f for f in FACETS if f in {c.name for c in columns}]}
    if name == "targets":
        settings.update({"fts_table": FTS, "fts_pk": "id", "searchmode": "escaped", "sort_desc": "year"})
    if name == "documents":
        settings["label_column"] = "title"
    return settings


def datasette_metadata(db_name: str = "chitieu") -> dict:
    """datasette 0.x ``metadata.json``: titles, column descriptions (from the schema), facets, the
    search table, canned queries (1.x reads the same settings from :func:`datasette_config`)."""
    tables: dict[str, dict] = {}
    for name, columns in TABLES.items():
        meta: dict = {
            "title": TITLES[name],
            "columns": {c.name: c.description + (f" ({', '.join(c.values)})" if c.values else "") for c in columns},
            **_table_settings(name, columns),
        }
        if name == "targets":
            meta["description"] = ("Search the sentences with the box above: diacritics optional (bao hiem y te), "
                                   "abbreviations match their words (BHYT = bảo hiểm y tế).")
        tables[SQL_NAMES[name]] = meta
    tables[FTS], tables[FTS_EXACT] = {"hidden": True}, {"hidden": True}
    return {
        "title": "chitieu: Vietnamese targets (chỉ tiêu) as a grounded table",
        "description": "Every quantified target found in the corpus, with the exact characters it came from.",
        "databases": {db_name: {"tables": tables, "queries": QUERIES}},
    }


def datasette_config(db_name: str = "chitieu") -> dict:
    """datasette 1.x ``datasette.yaml``: the table settings and canned queries (descriptions stay in
    ``metadata.json``: ``datasette DB -c datasette.yaml -m metadata.json``)."""
    tables: dict[str, dict] = {SQL_NAMES[n]: _table_settings(n, cols) for n, cols in TABLES.items()}
    tables[FTS], tables[FTS_EXACT] = {"hidden": True}, {"hidden": True}
    return {"databases": {db_name: {"tables": tables, "queries": QUERIES}}}


def _yaml(data: dict) -> str:
    try:
        import yaml
    except ImportError:  # JSON is YAML too
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def published_tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    """The typed tables of ``DIR``; targets whose ``indicator_code`` is empty get the taxonomy's code (or stay missing)."""
    tables = {name: load_table(data_dir, name) for name in TABLES}
    tables["targets"] = with_codes(tables["targets"])
    return {name: to_typed(frame, TABLES[name]) for name, frame in tables.items()}


def publish_sqlite(data_dir: Path, out: Path | None = None) -> tuple[Path, Path]:
    """Write ``out`` (default ``DIR/chitieu.db``) and, beside it, ``metadata.json`` and ``datasette.yaml``."""
    data_dir = Path(data_dir)
    out = Path(out) if out else data_dir / "chitieu.db"
    write_sqlite(published_tables(data_dir), out)
    meta_path = out.parent / "metadata.json"
    meta_path.write_text(json.dumps(datasette_metadata(out.stem), ensure_ascii=False, indent=2), encoding="utf-8")
    (out.parent / "datasette.yaml").write_text(_yaml(datasette_config(out.stem)), encoding="utf-8")
    return out, meta_path


# ---------------------------------------------------------------------------
# Parquet with the one Arrow schema


def write_parquet(frame: pd.DataFrame, columns: Sequence[Column], path: Path) -> Path:
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    pq.write_table(to_arrow(frame, columns), tmp)
    os.replace(tmp, path)
    return path


def publish_parquet(data_dir: Path, out: Path | None = None) -> list[Path]:
    """``targets.parquet``, ``references.parquet``, ``documents.parquet`` in ``out`` (default ``DIR/parquet``)."""
    data_dir = Path(data_dir)
    out = Path(out) if out else data_dir / "parquet"
    tables = published_tables(data_dir)
    return [write_parquet(tables[n], cols, out / f"{n}.parquet") for n, cols in TABLES.items()]
