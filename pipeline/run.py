"""Run stage: one document through every stage, in order.

    normalize → find → context → segment → assemble → link → map back

(a document without any value skips from find to map back: it has references but no row).

Each stage is a module with one job; they pass one :class:`~chitieu.pipeline.doc.Doc` along.

    >>> from chitieu.models import Document
    >>> r = process_document(Document("d", text="Phấn đấu đến năm 2025, 80% hồ sơ được xử lý trực tuyến."))
    >>> [(t.value, t.year, t.status) for t in r.targets]
    [(80.0, 2025, 'target')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd
from chitieu.extractors.taxonomy import indicator_code
from chitieu.pipeline.assemble import assemble
from chitieu.pipeline.context import build_context
from chitieu.pipeline.doc import Doc, normalize_doc
from chitieu.pipeline.find import find_document_references, find_values
from chitieu.pipeline.link import link
from chitieu.pipeline.mapback import map_back
from chitieu.pipeline.metadata import normalize_meta
from chitieu.pipeline.segment import find_sentences

from chitieu.models import DocResult, Document, Reference, Target


def run_stages(doc: Doc) -> Doc:
    """The stages, in order, on one document; its rows are then in ``doc.targets``."""
    normalize_doc(doc)
    find_values(doc)
    find_document_references(doc)
    if doc.values:  # a document without a value has no row: what it says as a whole is never read
        build_context(doc)
        find_sentences(doc)
        assemble(doc)
        link(doc)
    map_back(doc)
    return doc


def assemble_targets(text: str, doc_id: str) -> tuple[list[Target], list[Reference], list[tuple[int, int, str, str]]]:
    """Targets, references and highlight spans of one text, through every stage (for examples and tests).

        >>> rows, _, _ = assemble_targets("Năm 2023 đã đạt 70%.", "d")
        >>> [(r.value, r.year, r.status) for r in rows]
        [(70.0, 2023, 'actual')]
    """
    doc = run_stages(Doc(doc_id, text))
    return doc.targets, doc.references, doc.spans


def process_document(document: Document) -> DocResult:
    """Targets, references and highlight spans of one decoded document (pure: no I/O).

    Every target carries the document's date (``meta["date"]``, ISO), empty when unknown.
    """
    doc = run_stages(Doc(document.doc_id, document.text, dict(document.meta)))
    date = document.meta.get("date", "")
    for target in doc.targets:
        target.indicator_code = indicator_code(target.indicator)  # cached in the taxonomy
        target.date = date
    # A mention without a symbol ("Nghị quyết này") helps link targets but is no row of the table.
    references = [r for r in doc.references if "demonstrative" not in r.flags.split("|")]
    return DocResult(document=document, targets=doc.targets, references=references, spans=doc.spans)


def process_texts(texts: Iterable[str], doc_ids: Iterable[str] | None = None,
                  meta: Iterable[Mapping[str, object] | None] | None = None) -> list[DocResult]:
    """Each text through the pipeline; ``meta``: per text, raw url/date/outlet/title (normalized
    as on reading files: ``30/6/2023`` → ``2023-06-30``; a bad value is dropped with a warning)."""
    texts = list(texts)
    ids = list(doc_ids) if doc_ids is not None else [f"doc{i}" for i in range(len(texts))]
    metas = list(meta) if meta is not None else [None] * len(texts)
    if len(ids) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(ids)} doc_ids")
    if len(metas) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(metas)} meta")
    results = []
    for i, t, m in zip(ids, texts, metas, strict=True):
        doc = Document(doc_id=i, text=t)
        doc.meta, doc.warnings = normalize_meta(m or {})
        results.append(process_document(doc))
    return results


def tables(texts: Iterable[str], doc_ids: Iterable[str] | None = None,
           meta: Iterable[Mapping[str, object] | None] | None = None) -> dict[str, pd.DataFrame]:
    """The ``targets``, ``references`` and ``documents`` frames of some texts."""
    from chitieu.pipeline.write import frames

    return frames(process_texts(texts, doc_ids, meta))


def targets_frame(texts: Iterable[str], doc_ids: Iterable[str] | None = None,
                  meta: Iterable[Mapping[str, object] | None] | None = None) -> pd.DataFrame:
    return tables(texts, doc_ids, meta)["targets"]


def references_frame(texts: Iterable[str], doc_ids: Iterable[str] | None = None,
                     meta: Iterable[Mapping[str, object] | None] | None = None) -> pd.DataFrame:
    return tables(texts, doc_ids, meta)["references"]
