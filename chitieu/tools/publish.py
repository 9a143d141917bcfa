"""Publish the tables for dashboards: one SQLite file for datasette, or typed Parquet files.

The tables are read by :mod:`chitieu.tools.tables`.

    >>> from chitieu.models import TARGET_COLUMNS
    >>> sqlite_type(TARGET_COLUMNS[4])   # "value": Float64
    'REAL'

SQLite: tables ``targets``, ``references`` and ``documents`` with typed columns, ``CHECK``
constraints on enum columns, indexes on the columns people filter by, and an FTS5 index
``targets_fts`` over each target's sentence and indicator (so ``?_search=môi trường mạng``
works in datasette). ``metadata.json`` beside it carries titles, column descriptions and
facets. Parquet: one file per table with an explicit Arrow schema (enum columns as
dictionaries, descriptions in field metadata).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from chitieu.models import Column
from chitieu.tools.tables import SCHEMAS, load_table, typed, with_codes

TABLES: dict[str, tuple[Column, ...]] = {name: SCHEMAS[name] for name in ("targets", "references", "documents")}
FACETS = ("place", "level", "year", "status", "indicator_code", "outlet")
INDEXED = {
    "targets": ("doc_id", "place", "indicator_code", "year", "level", "status"),
    "references": ("doc_id", "canonical", "ref_id"),
    "documents": ("doc_id", "outlet", "date"),
}
TITLES = {
    "targets": "Targets (chỉ tiêu): one row per quantified value",
    "references": "References: legal documents mentioned (Quyết định, Nghị quyết, …)",
    "documents": "Documents read, with their status",
}


# ---------------------------------------------------------------------------
# SQLite for datasette


def sqlite_type(col: Column) -> str:
    return {"Int64": "INTEGER", "Float64": "REAL", "boolean": "INTEGER"}.get(col.dtype, "TEXT")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(name: str, columns: Sequence[Column]) -> str:
    """``CREATE TABLE`` with typed columns and a ``CHECK`` per enum column."""
    parts = ["id INTEGER PRIMARY KEY"]
    for col in columns:
        part = f"{_quote(col.name)} {sqlite_type(col)}"
        if col.values:
            allowed = ", ".join("'" + v.replace("'", "''") + "'" for v in col.values)
            part += f" CHECK ({_quote(col.name)} IS NULL OR {_quote(col.name)} IN ({allowed}))"
        parts.append(part)
    return f"CREATE TABLE {_quote(name)} (\n  " + ",\n  ".join(parts) + "\n)"


def _sql_value(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def write_sqlite(tables: dict[str, pd.DataFrame], path: Path) -> Path:
    """One SQLite file with the tables, indexes and the FTS5 index ``targets_fts``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    try:
        for name, columns in TABLES.items():
            frame = typed(tables.get(name, pd.DataFrame()), columns)
            con.execute(create_table_sql(name, columns))
            names = ", ".join(_quote(c.name) for c in columns)
            marks = ", ".join("?" for _ in columns)
            rows = ([_sql_value(v) for v in row] for row in frame.itertuples(index=False, name=None))
            con.executemany(f"INSERT INTO {_quote(name)} ({names}) VALUES ({marks})", rows)
            for col in INDEXED[name]:
                con.execute(f"CREATE INDEX {_quote(f'idx_{name}_{col}')} ON {_quote(name)} ({_quote(col)})")
        # Vietnamese words keep their diacritics: "hồ" must not find "hộ".
        con.execute(
            'CREATE VIRTUAL TABLE "targets_fts" USING fts5(sentence, indicator, content="targets", '
            "content_rowid=\"id\", tokenize='unicode61 remove_diacritics 0')"
        )
        con.execute('INSERT INTO "targets_fts" (rowid, sentence, indicator) SELECT id, sentence, indicator FROM targets')
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)
    return path


def datasette_metadata(db_name: str = "chitieu") -> dict:
    """datasette metadata: titles, column descriptions (from the schema), facets, FTS."""
    tables: dict[str, dict] = {}
    for name, columns in TABLES.items():
        meta: dict = {
            "title": TITLES[name],
            "columns": {c.name: c.description + (f" ({', '.join(v or '∅' for v in c.values)})" if c.values else "")
                        for c in columns},
            "facets": [f for f in FACETS if f in {c.name for c in columns}],
        }
        if name == "targets":
            meta.update({"fts_table": "targets_fts", "fts_pk": "id", "searchmode": "escaped",
                         "description": "Search the sentences with the box above: words keep their diacritics."})
        tables[name] = meta
    tables["targets_fts"] = {"hidden": True}
    return {
        "title": "chitieu: Vietnamese targets (chỉ tiêu) as a grounded table",
        "description": "Every quantified target found in the corpus, with the exact characters it came from.",
        "databases": {db_name: {"tables": tables}},
    }


def published_tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    """The tables of ``DIR``; targets whose ``indicator_code`` is empty get the taxonomy's code (or stay empty)."""
    tables = {name: load_table(data_dir, name) for name in TABLES}
    tables["targets"] = with_codes(tables["targets"])
    return tables


def publish_sqlite(data_dir: Path, out: Path | None = None) -> tuple[Path, Path]:
    """Write ``out`` (default ``DIR/chitieu.db``) and ``metadata.json`` beside it."""
    data_dir = Path(data_dir)
    out = Path(out) if out else data_dir / "chitieu.db"
    tables = published_tables(data_dir)
    write_sqlite(tables, out)
    meta_path = out.parent / "metadata.json"
    meta_path.write_text(json.dumps(datasette_metadata(out.stem), ensure_ascii=False, indent=2), encoding="utf-8")
    return out, meta_path


# ---------------------------------------------------------------------------
# Parquet with an explicit schema


def arrow_schema(columns: Sequence[Column]):
    """The Arrow schema of a table: int64 / float64 / bool / string, enum columns as dictionary<int8, string>."""
    import pyarrow as pa

    fields = []
    for col in columns:
        if col.dtype == "Int64":
            typ = pa.int64()
        elif col.dtype == "Float64":
            typ = pa.float64()
        elif col.dtype == "boolean":
            typ = pa.bool_()
        elif col.values:
            typ = pa.dictionary(pa.int8(), pa.string())
        else:
            typ = pa.string()
        meta = {"description": col.description}
        if col.values:
            meta["values"] = json.dumps(list(col.values), ensure_ascii=False)
        fields.append(pa.field(col.name, typ, nullable=True, metadata=meta))
    return pa.schema(fields)


def write_parquet(frame: pd.DataFrame, columns: Sequence[Column], path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    frame = typed(frame, columns)
    schema = arrow_schema(columns)
    arrays = []
    for col, field in zip(columns, schema, strict=True):
        values = [_sql_value(v) for v in frame[col.name].tolist()]
        if pa.types.is_dictionary(field.type):
            arrays.append(pa.array(values, type=pa.string()).dictionary_encode().cast(field.type))
        else:
            arrays.append(pa.array(values, type=field.type))
    table = pa.Table.from_arrays(arrays, schema=schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    pq.write_table(table, tmp)
    os.replace(tmp, path)
    return path


def publish_parquet(data_dir: Path, out: Path | None = None) -> list[Path]:
    """``targets.parquet``, ``references.parquet``, ``documents.parquet`` in ``out`` (default ``DIR/parquet``)."""
    data_dir = Path(data_dir)
    out = Path(out) if out else data_dir / "parquet"
    tables = published_tables(data_dir)
    return [write_parquet(tables[n], cols, out / f"{n}.parquet") for n, cols in TABLES.items()]
