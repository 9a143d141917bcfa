"""Batch runs: every input document through the pipeline, tables written at the end.

A failing document becomes a ``status=error`` row; the others are still processed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.models import DocResult
from pipeline.read import read_documents
from pipeline.run import process_document
from pipeline.write import write_tables


@dataclass
class BatchSummary:
    documents: int
    failed: int
    targets: int
    references: int
    out_dir: Path


def run_batch(paths: Iterable[str], out_dir: Path) -> BatchSummary:
    """Extract every document under ``paths`` into ``out_dir``; errors go to stderr and documents.csv."""
    results: list[DocResult] = []
    for doc in read_documents(paths):
        if doc.status == "ok":
            try:
                result = process_document(doc)
            except Exception as exc:  # one bad document must not sink the batch
                doc.status, doc.error = "error", f"extraction failed: {type(exc).__name__}: {exc}"
                result = DocResult(document=doc)
        else:
            result = DocResult(document=doc)
        if doc.status == "error":
            print(f"chitieu: {doc.path}: {doc.error}", file=sys.stderr)
        results.append(result)
    write_tables(results, out_dir)
    return BatchSummary(
        documents=len(results),
        failed=sum(r.document.status == "error" for r in results),
        targets=sum(len(r.targets) for r in results),
        references=sum(len(r.references) for r in results),
        out_dir=out_dir,
    )
