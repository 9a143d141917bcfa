"""Write stage: the tables (``targets``, ``references``, ``documents``) as typed frames and files.

The schema comes from :mod:`pipeline.models`; files appear atomically (written under a
temporary name, then renamed), so a reader never sees half a table.
"""

from __future__ import annotations

import dataclasses
import json
import os
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


def write_tables(results: Sequence[DocResult], out_dir: Path) -> dict[str, Path]:
    """Write targets.csv/.parquet, references.csv, documents.csv, spans.csv and texts.jsonl."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = frames(results)
    written: dict[str, Path] = {}
    for name, frame in tables.items():
        path = out_dir / f"{name}.csv"
        atomic_write(path, lambda p, f=frame: f.to_csv(p, index=False))
        written[name] = path
    parquet = out_dir / "targets.parquet"
    atomic_write(parquet, lambda p: tables["targets"].to_parquet(p, index=False))
    written["targets.parquet"] = parquet
    spans = pd.DataFrame(span_rows(results), columns=["doc_id", "start", "end", "label", "detail"])
    atomic_write(out_dir / "spans.csv", lambda p: spans.to_csv(p, index=False))

    def _texts(p: Path) -> None:
        with open(p, "w", encoding="utf-8") as fh:
            for r in results:
                if r.document.status == "ok":
                    fh.write(json.dumps({"doc_id": r.document.doc_id, "text": r.document.text}, ensure_ascii=False))
                    fh.write("\n")

    atomic_write(out_dir / "texts.jsonl", _texts)
    return written
