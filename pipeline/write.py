"""Write stage: the tables (``targets``, ``references``, ``documents``) as typed frames and files.

The schema comes from :mod:`pipeline.models`; files appear atomically (written under a
temporary name, then renamed), so a reader never sees half a table.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from pipeline.models import (
    DOCUMENT_COLUMNS,
    REFERENCE_COLUMNS,
    TARGET_COLUMNS,
    Column,
    DocResult,
)


def typed_frame(rows: Sequence[dict], columns: Sequence[Column]) -> pd.DataFrame:
    """A frame with exactly ``columns`` in order and their declared dtypes (extra keys dropped)."""
    names = [c.name for c in columns]
    frame = pd.DataFrame.from_records(list(rows), columns=names) if rows else pd.DataFrame(columns=names)
    for col in columns:
        frame[col.name] = frame[col.name].astype(col.dtype)
    return frame


def target_rows(results: Iterable[DocResult]) -> list[dict]:
    return [dataclasses.asdict(t) for r in results for t in r.targets]


def reference_rows(results: Iterable[DocResult]) -> list[dict]:
    rows = []
    for r in results:
        for ref in r.references:
            row = {"doc_id": r.document.doc_id}
            row.update({f.name: getattr(ref, f.name) for f in dataclasses.fields(ref)})
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
        }
        for r in results
    ]


def span_rows(results: Iterable[DocResult]) -> list[dict]:
    return [
        {"doc_id": r.document.doc_id, "start": s, "end": e, "label": label, "detail": detail}
        for r in results
        for (s, e, label, detail) in r.spans
    ]


def frames(results: Sequence[DocResult]) -> dict[str, pd.DataFrame]:
    """The three tables of a run, typed."""
    return {
        "targets": typed_frame(target_rows(results), TARGET_COLUMNS),
        "references": typed_frame(reference_rows(results), REFERENCE_COLUMNS),
        "documents": typed_frame(document_rows(results), DOCUMENT_COLUMNS),
    }


def atomic_write(path: Path, write) -> None:
    """Call ``write(tmp_path)`` then rename over ``path``."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


SPAN_COLUMNS = ["doc_id", "start", "end", "label", "detail"]
TABLES = ("targets", "references", "documents")


class TableWriter:
    """Stream results into the output tables in bounded memory; files appear atomically on close.

    Results are buffered ``chunk`` at a time and appended to temporary files (CSV, Parquet via
    pyarrow, ``texts.jsonl``); :meth:`close` renames them over the final names. With
    ``parquet_dir`` the targets are also written as a partitioned dataset (one part per chunk),
    readable with ``pandas.read_parquet(dir)`` or ``dask.dataframe.read_parquet(dir)``.

        >>> with TableWriter(Path("outputs")) as w:  # doctest: +SKIP
        ...     for result in results:
        ...         w.add(result)
    """

    def __init__(self, out_dir: Path, chunk: int = 256, parquet_dir: Path | None = None,
                 tmp_dir: Path | None = None) -> None:
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.tmp_dir = Path(tmp_dir) if tmp_dir else self.out_dir
        self.tmp_dir.mkdir(parents=True, exist_ok=True)
        self.chunk = chunk
        self.parquet_dir = parquet_dir
        self._buffer: list[DocResult] = []
        self._tmp: dict[str, Path] = {}
        self._handles: dict = {}
        self._parquet = None
        self._parts = 0
        self._closed = False
        self.written: dict[str, Path] = {}
        tag = f"{os.getpid()}"
        for name in (*TABLES, "spans"):
            self._tmp[f"{name}.csv"] = self.tmp_dir / f".{name}.csv.tmp-{tag}"
        self._tmp["texts.jsonl"] = self.tmp_dir / f".texts.jsonl.tmp-{tag}"
        self._tmp["targets.parquet"] = self.tmp_dir / f".targets.parquet.tmp-{tag}"
        if parquet_dir is not None:
            self._tmp["parts"] = self.tmp_dir / f".{Path(parquet_dir).name}.tmp-{tag}"
            shutil.rmtree(self._tmp["parts"], ignore_errors=True)
            self._tmp["parts"].mkdir(parents=True)
        for key, path in self._tmp.items():
            if key.endswith((".csv", ".jsonl")):
                self._handles[key] = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed in close)
        self._header = True

    def add(self, result: DocResult) -> None:
        self._buffer.append(result)
        if len(self._buffer) >= self.chunk:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        results, self._buffer = self._buffer, []
        tables = frames(results)
        spans = pd.DataFrame(span_rows(results), columns=SPAN_COLUMNS)
        header = self._header
        for name, frame in (*tables.items(), ("spans", spans)):
            if header or len(frame):
                frame.to_csv(self._handles[f"{name}.csv"], index=False, header=header)
        self._header = False
        texts = self._handles["texts.jsonl"]
        for r in results:
            if r.document.status == "ok":
                texts.write(json.dumps(_text_record(r), ensure_ascii=False))
                texts.write("\n")
        table = pa.Table.from_pandas(tables["targets"], preserve_index=False)
        if self._parquet is None:
            self._schema = table.schema
            self._parquet = pq.ParquetWriter(self._tmp["targets.parquet"], self._schema)
        if len(table) or header:
            self._parquet.write_table(table.cast(self._schema))
        if self.parquet_dir is not None and (len(table) or self._parts == 0):
            pq.write_table(table.cast(self._schema), self._tmp["parts"] / f"part.{self._parts:05d}.parquet")
            self._parts += 1

    def close(self) -> dict[str, Path]:
        """Write what is buffered and move every file into place (each rename is atomic)."""
        if self._closed:
            return self.written
        if self._buffer or self._parquet is None:
            self._flush()
        for handle in self._handles.values():
            handle.close()
        self._parquet.close()
        self._closed = True
        written: dict[str, Path] = {}
        for key, tmp in self._tmp.items():
            if key == "parts":
                continue
            final = self.out_dir / key
            os.replace(tmp, final)
            written[key.removesuffix(".csv")] = final
        if self.parquet_dir is not None:
            final_dir = Path(self.parquet_dir)
            old = final_dir.with_name(f".{final_dir.name}.old-{os.getpid()}")
            if final_dir.exists():
                os.replace(final_dir, old)
            os.replace(self._tmp["parts"], final_dir)
            shutil.rmtree(old, ignore_errors=True)
            written["targets_parquet"] = final_dir
        self.written = written
        return written

    def abort(self) -> None:
        """Drop the temporary files (the previous tables, if any, stay untouched)."""
        for handle in self._handles.values():
            handle.close()
        if self._parquet is not None:
            self._parquet.close()
        self._closed = True
        for key, tmp in self._tmp.items():
            if key == "parts":
                shutil.rmtree(tmp, ignore_errors=True)
            elif tmp.exists():
                tmp.unlink()

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def _text_record(r: DocResult) -> dict:
    record = {"doc_id": r.document.doc_id, "text": r.document.text}
    for key in ("date", "url"):
        if r.document.meta.get(key):
            record[key] = r.document.meta[key]
    return record


def write_tables(results: Iterable[DocResult], out_dir: Path, parquet_dir: Path | None = None) -> dict[str, Path]:
    """Write targets.csv/.parquet, references.csv, documents.csv, spans.csv and texts.jsonl."""
    with TableWriter(out_dir, parquet_dir=parquet_dir) as writer:
        for result in results:
            writer.add(result)
    return writer.close()
