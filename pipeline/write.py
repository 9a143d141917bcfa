"""Write stage: the tables (``targets``, ``references``, ``documents``) as typed frames and files.

The schema comes from :mod:`chitieu.models`, its types from :mod:`chitieu.schema` (``typed_frame``,
``arrow_schema``: missing is an empty CSV cell, a Parquet null, NA in a frame); files appear
atomically (written under a temporary name, then renamed, all tables at once:
:mod:`chitieu.pipeline.outdir`), so a reader never sees half a table, nor the tables of two runs.
Booleans are written ``true``/``false`` in CSV (as the annotation guide spells them) and stay
booleans in Parquet. ``datapackage.json`` (Frictionless) describes the CSV tables beside them.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import json
import operator
import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
from chitieu.pipeline.outdir import complete, publish

from chitieu.models import (
    DOCUMENT_COLUMNS,
    META_KEYS,
    REFERENCE_COLUMNS,
    SPAN_COLUMNS,
    TARGET_COLUMNS,
    Column,
    DocResult,
    Reference,
)
from chitieu.schema import arrow_schema, arrow_table, typed_frame, write_data_package

_TARGET_NAMES = tuple(c.name for c in TARGET_COLUMNS)
_TARGET_ROW = operator.attrgetter(*_TARGET_NAMES)  # a target's values in column order, as a tuple
_REFERENCE_FIELDS = tuple(f.name for f in dataclasses.fields(Reference))
_REFERENCE_NAMES = tuple(c.name for c in REFERENCE_COLUMNS[1:])
_REFERENCE_ROW = operator.attrgetter(*_REFERENCE_NAMES)


def target_rows(results: Iterable[DocResult]) -> list[dict]:
    return [{n: getattr(t, n) for n in _TARGET_NAMES} for r in results for t in r.targets]


def reference_rows(results: Iterable[DocResult]) -> list[dict]:
    rows = []
    for r in results:
        for ref in r.references:
            row = {"doc_id": r.document.doc_id}
            row.update({n: getattr(ref, n) for n in _REFERENCE_FIELDS})
            rows.append(row)
    return rows


def document_rows(results: Iterable[DocResult]) -> list[dict]:
    return [
        {
            "doc_id": r.document.doc_id,
            "path": r.document.path,
            "status": r.document.status,
            "error": r.document.error,
            "chars": len(r.document.text),
            "targets": len(r.targets),
            "references": len(r.references),
            "encoding": r.document.encoding,
            **{key: r.document.meta.get(key, "") for key in META_KEYS},
            "warnings": "|".join(r.document.warnings),
        }
        for r in results
    ]


def frames(results: Sequence[DocResult]) -> dict[str, pd.DataFrame]:
    """The three tables of a run as typed frames (:func:`chitieu.schema.typed_frame`: missing is NA,
    enums are categoricals): what ``chitieu.extract`` and its siblings return."""
    return {
        "targets": typed_frame(target_rows(results), TARGET_COLUMNS),
        "references": typed_frame(reference_rows(results), REFERENCE_COLUMNS),
        "documents": typed_frame(document_rows(results), DOCUMENT_COLUMNS),
    }


# A text cell that opens with one of these and goes on is a formula to a spreadsheet ("- 50% số xã …"
# included; "=" alone, a comparator, is none): it is written with a leading apostrophe, which
# spreadsheets show as text and the readers remove (a cell that opens with an apostrophe gets one
# more, so reading back is exact).
FORMULA_FIRST = frozenset("=+-@\t\r'")


def guard_cell(text: str) -> str:
    """A text cell as the CSV tables hold it: safe to open in a spreadsheet (see :data:`FORMULA_FIRST`).

        >>> [guard_cell(t) for t in ["- 50% số xã", "=1+1", "'a", "80%", "=", ""]]
        ["'- 50% số xã", "'=1+1", "''a", '80%', '=', '']
    """
    return "'" + text if len(text) > 1 and text[0] in FORMULA_FIRST else text


def unguard_cell(text: str) -> str:
    """A cell read back from a CSV table: the text as extracted.

        >>> [unguard_cell(guard_cell(t)) for t in ["- 50% số xã", "''a", "80%"]]
        ['- 50% số xã', "''a", '80%']
    """
    return text[1:] if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_FIRST else text


def unguard_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame read from a CSV table with every text cell read back (:func:`unguard_cell`)."""
    out = frame.copy()
    for name in out.columns:
        if pd.api.types.is_object_dtype(out[name]) or pd.api.types.is_string_dtype(out[name]):
            out[name] = out[name].map(lambda v: unguard_cell(v) if isinstance(v, str) else v)
    return out


def guard_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell guarded (:func:`guard_cell`), for a CSV a person may open in a
    spreadsheet (the tools' ``conflicts.csv``, ``timeline.csv``, the verdicts of ``check --claims``)."""
    out = frame.copy()
    for name in out.columns:
        if pd.api.types.is_object_dtype(out[name]) or pd.api.types.is_string_dtype(out[name]):
            out[name] = out[name].map(lambda v: guard_cell(v) if isinstance(v, str) else v)
    return out


def to_csv(frame: pd.DataFrame) -> str:
    """The CSV text of a typed frame as the writers write it: ``frame.to_csv`` with booleans
    ``true``/``false`` and text cells guarded against spreadsheet formulas (:func:`guard_cell`)."""
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == "boolean":
            out[name] = out[name].map({True: "true", False: "false"}, na_action="ignore").astype("string")
        elif str(out[name].dtype) == "string":
            out[name] = out[name].map(guard_cell, na_action="ignore").astype("string")
    return out.to_csv(index=False)


TABLES = ("targets", "references", "documents", "spans")
_SCHEMAS = {"targets": TARGET_COLUMNS, "references": REFERENCE_COLUMNS, "documents": DOCUMENT_COLUMNS,
            "spans": SPAN_COLUMNS}


@dataclasses.dataclass(slots=True)
class Rendered:
    """One document's share of every output file, already formatted and UTF-8 encoded where the
    document was processed (a worker), so that merging a run is appending bytes: CSV lines per table
    (no header), its ``texts.jsonl`` line, and its target rows as tuples for Parquet."""

    csv: dict[str, bytes]
    text_line: bytes
    target_rows: list[tuple]
    status: str
    targets: int
    references: int


def _csv_records(records: list[list], columns: Sequence[Column]) -> str:
    """CSV lines of ``records`` (lists in ``columns`` order, changed in place). Only number and
    boolean columns need formatting (numbers can hold NaN; booleans are ``true``/``false``): the csv
    module writes ``None`` as an empty cell, and text columns hold text. A Float64 is written as
    ``repr(float)``, which is what pandas writes."""
    numeric = [(i, c.dtype == "Float64") for i, c in enumerate(columns) if c.dtype in ("Int64", "Float64")]
    flags = [i for i, c in enumerate(columns) if c.dtype == "boolean"]
    texts = [i for i, c in enumerate(columns) if c.dtype == "string"]
    for rec in records:
        for i in texts:  # inline guard_cell: it runs for every text cell of every row
            value = rec[i]
            if value and value[0] in FORMULA_FIRST and len(value) > 1:
                rec[i] = "'" + value
        for i, is_float in numeric:  # inline: it runs for every number of every row
            value = rec[i]
            if value is None or value != value:
                rec[i] = ""
            else:
                rec[i] = repr(float(value)) if is_float else int(value)
        for i in flags:
            value = rec[i]
            rec[i] = "" if value is None or value is pd.NA else ("true" if value else "false")
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(records)
    return buffer.getvalue()


def render(result: DocResult) -> Rendered:
    """The formatted rows of one result, byte for byte what :func:`to_csv` writes of ``frames(...)``.

        >>> from chitieu.models import Document
        >>> render(DocResult(Document("d1", text="80%", meta={"date": "2023-06-30"}))).csv["documents"]
        b'd1,,ok,,3,0,0,,,2023-06-30,,,\\n'
    """
    doc = result.document
    targets = [_TARGET_ROW(t) for t in result.targets]
    records = {
        "targets": [list(row) for row in targets],
        "references": [[doc.doc_id, *_REFERENCE_ROW(ref)] for ref in result.references],
        "documents": [[row[c.name] for c in DOCUMENT_COLUMNS] for row in document_rows([result])],
        "spans": [[doc.doc_id, s, e, label, detail] for s, e, label, detail in result.spans],
    }
    text_line = b""
    if doc.status == "ok":
        text_line = (json.dumps(_text_record(result), ensure_ascii=False) + "\n").encode("utf-8", "replace")
    return Rendered(
        csv={name: _csv_records(records[name], _SCHEMAS[name]).encode("utf-8", "replace") for name in TABLES},
        text_line=text_line,
        target_rows=targets,
        status=doc.status,
        targets=len(result.targets),
        references=len(result.references),
    )


def _header(columns: Sequence[Column]) -> str:
    return ",".join(c.name for c in columns) + "\n"


class TableWriter:
    """Stream results into the output tables in bounded memory; files appear atomically on close.

    Each document's rows arrive formatted (:func:`render`) and are appended to temporary files
    (CSV, ``texts.jsonl``; Parquet through pyarrow ``chunk`` documents at a time); :meth:`close`
    renames them over the final names. With ``parquet_dir`` the targets are also written as a
    partitioned dataset (one part per chunk), readable with ``pandas.read_parquet(dir)`` or
    ``dask.dataframe.read_parquet(dir)``.

        >>> with TableWriter(Path("outputs")) as w:  # doctest: +SKIP
        ...     for result in results:
        ...         w.add(result)
    """

    def __init__(self, out_dir: Path, chunk: int = 2000, parquet_dir: Path | None = None,
                 tmp_dir: Path | None = None) -> None:
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.tmp_dir = Path(tmp_dir) if tmp_dir else self.out_dir
        self.tmp_dir.mkdir(parents=True, exist_ok=True)
        self.chunk = chunk
        self.parquet_dir = parquet_dir
        self._rows: list[tuple] = []
        self._docs = 0
        self._tmp: dict[str, Path] = {}
        self._handles: dict = {}
        self._parquet = None
        self._parts = 0
        self._closed = False
        self._publishing = False
        self.written: dict[str, Path] = {}
        tag = f"{os.getpid()}"
        for name in TABLES:
            self._tmp[f"{name}.csv"] = self.tmp_dir / f".{name}.csv.tmp-{tag}"
        self._tmp["texts.jsonl"] = self.tmp_dir / f".texts.jsonl.tmp-{tag}"
        self._tmp["targets.parquet"] = self.tmp_dir / f".targets.parquet.tmp-{tag}"
        if parquet_dir is not None:
            self._tmp["parts"] = self.tmp_dir / f".{Path(parquet_dir).name}.tmp-{tag}"
            shutil.rmtree(self._tmp["parts"], ignore_errors=True)
            self._tmp["parts"].mkdir(parents=True)
        for key, path in self._tmp.items():
            if key.endswith((".csv", ".jsonl")):
                self._handles[key] = open(path, "wb")  # noqa: SIM115 (closed in close)
        for name in TABLES:
            self._handles[f"{name}.csv"].write(_header(_SCHEMAS[name]).encode("utf-8"))
        self._schema = arrow_schema(TARGET_COLUMNS)

    def add(self, result: DocResult) -> None:
        self.add_rendered(render(result))

    def add_rendered(self, rendered: Rendered) -> None:
        for name in TABLES:
            if rendered.csv[name]:
                self._handles[f"{name}.csv"].write(rendered.csv[name])
        if rendered.text_line:
            self._handles["texts.jsonl"].write(rendered.text_line)
        self._rows.extend(rendered.target_rows)
        self._docs += 1
        if self._docs >= self.chunk:
            self._flush()

    def _flush(self) -> None:
        import pyarrow.parquet as pq

        rows, self._rows, self._docs = self._rows, [], 0
        columns = list(zip(*rows, strict=True)) if rows else [[] for _ in TARGET_COLUMNS]
        table = arrow_table(columns, TARGET_COLUMNS, self._schema)
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self._tmp["targets.parquet"], self._schema)
        if len(table) or self._parts == 0:
            self._parquet.write_table(table)
        if self.parquet_dir is not None and (len(table) or self._parts == 0):
            pq.write_table(table, self._tmp["parts"] / f"part.{self._parts:05d}.parquet")
        self._parts += 1

    def close(self) -> dict[str, Path]:
        """Write what is buffered and move every file into place, all at once (:func:`~chitieu.pipeline.outdir.publish`)."""
        if self._closed:
            return self.written
        if self._rows or self._parquet is None:
            self._flush()
        for handle in self._handles.values():
            handle.flush()
            os.fsync(handle.fileno())  # the journal must never list a file the disk does not hold yet
            handle.close()
        self._parquet.close()
        self._closed = True
        written: dict[str, Path] = {}
        moves: list[tuple[Path, Path]] = []
        for key, tmp in self._tmp.items():
            if key == "parts":
                continue
            moves.append((tmp, self.out_dir / key))
            written[key.removesuffix(".csv")] = self.out_dir / key
        if self.parquet_dir is not None:
            moves.append((self._tmp["parts"], Path(self.parquet_dir)))
            written["targets_parquet"] = Path(self.parquet_dir)
        self._publishing = True
        publish(self.out_dir, moves, self.tmp_dir)  # all at once: a kill midway is finished by the next command
        written["datapackage"] = write_data_package(self.out_dir, TABLES)
        self.written = written
        return written

    def abort(self) -> None:
        """Drop the temporary files (the previous tables, if any, stay untouched); stopped while
        publishing (Ctrl-C between two renames), finish publishing instead."""
        if self._publishing:
            complete(self.out_dir, self.tmp_dir)
            return
        for handle in [*self._handles.values(), self._parquet]:
            with contextlib.suppress(Exception):  # a full disk fails the close too: the files go anyway
                if handle is not None:
                    handle.close()
        self._closed = True
        for key, tmp in self._tmp.items():
            if key == "parts":
                shutil.rmtree(tmp, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    tmp.unlink()

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def _text_record(r: DocResult) -> dict:
    """A ``texts.jsonl`` line: doc_id, text, the metadata known (url, date, outlet, title) and warnings."""
    record = {"doc_id": r.document.doc_id, "text": r.document.text}
    for key in META_KEYS:
        if r.document.meta.get(key):
            record[key] = r.document.meta[key]
    if r.document.warnings:
        record["warnings"] = list(r.document.warnings)
    return record


def write_tables(results: Iterable[DocResult], out_dir: Path, parquet_dir: Path | None = None) -> dict[str, Path]:
    """Write targets.csv/.parquet, references.csv, documents.csv, spans.csv and texts.jsonl."""
    with TableWriter(out_dir, parquet_dir=parquet_dir) as writer:
        for result in results:
            writer.add(result)
    return writer.close()
