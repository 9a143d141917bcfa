"""Run stage: one document through every stage, in order.

    normalize → context → find → segment → assemble → link → map back

Each stage is a module with one job; they pass one :class:`~chitieu.pipeline.doc.Doc` along.

    >>> from chitieu.models import Document
    >>> r = process_document(Document("d", text="Phấn đấu đến năm 2025, 80% hồ sơ được xử lý trực tuyến."))
    >>> [(t.value, t.year, t.status) for t in r.targets]
    [(80.0, 2025, 'target')]
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pandas as pd
from chitieu.extractors.taxonomy import indicator_code
from chitieu.pipeline.assemble import assemble
from chitieu.pipeline.context import build_context
from chitieu.pipeline.doc import Doc
from chitieu.pipeline.find import find_document_references, find_values
from chitieu.pipeline.link import link
from chitieu.pipeline.mapback import map_back
from chitieu.pipeline.normalize import normalize_doc
from chitieu.pipeline.segment import find_sentences

from chitieu.models import DocResult, Document


def run_stages(doc: Doc) -> Doc:
    """The stages, in order, on one document; its rows are then in ``doc.targets``."""
    normalize_doc(doc)
    build_context(doc)
    find_values(doc)
    find_document_references(doc)
    find_sentences(doc)
    assemble(doc)
    link(doc)
    map_back(doc)
    return doc


@lru_cache(maxsize=65536)
def _indicator_code(indicator: str) -> str:
    """Taxonomy code of an indicator phrase; phrases repeat a lot across a corpus, so they are cached."""
    return indicator_code(indicator)


def process_document(document: Document) -> DocResult:
    """Targets, references and highlight spans of one decoded document (pure: no I/O)."""
    doc = run_stages(Doc(document.doc_id, document.text, dict(document.meta)))
    for target in doc.targets:
        target.indicator_code = _indicator_code(target.indicator)
    # A mention without a symbol ("Nghị quyết này") helps link targets but is no row of the table.
    references = [r for r in doc.references if "demonstrative" not in r.flags.split("|")]
    return DocResult(document=document, targets=doc.targets, references=references, spans=doc.spans)


def process_texts(texts: Iterable[str], doc_ids: Iterable[str] | None = None) -> list[DocResult]:
    texts = list(texts)
    ids = list(doc_ids) if doc_ids is not None else [f"doc{i}" for i in range(len(texts))]
    if len(ids) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(ids)} doc_ids")
    return [process_document(Document(doc_id=i, text=t)) for i, t in zip(ids, texts, strict=True)]


def targets_frame(texts: Iterable[str], doc_ids: Iterable[str] | None = None) -> pd.DataFrame:
    from chitieu.pipeline.write import frames

    return frames(process_texts(texts, doc_ids))["targets"]


def references_frame(texts: Iterable[str], doc_ids: Iterable[str] | None = None) -> pd.DataFrame:
    from chitieu.pipeline.write import frames

    return frames(process_texts(texts, doc_ids))["references"]
