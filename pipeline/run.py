"""Run stage: one document through normalize → segment → extract → assemble.

    >>> from chitieu.models import Document
    >>> r = process_document(Document("d", text="Phấn đấu đến năm 2025, 80% hồ sơ được xử lý trực tuyến."))
    >>> [(t.value, t.year, t.status) for t in r.targets]
    [(80.0, 2025, 'target')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

import pandas as pd
from chitieu.extractors.taxonomy import indicator_code
from chitieu.pipeline.assemble import assemble_targets
from chitieu.pipeline.metadata import normalize_meta

from chitieu.models import DocResult, Document


@lru_cache(maxsize=65536)
def _indicator_code(indicator: str) -> str:
    """Taxonomy code of an indicator phrase; phrases repeat a lot across a corpus, so they are cached."""
    return indicator_code(indicator)


def process_document(doc: Document) -> DocResult:
    """Targets, references and highlight spans of one decoded document (pure: no I/O).

    Every target carries the document's date (``meta["date"]``, ISO), empty when unknown.
    """
    targets, references, spans = assemble_targets(doc.text, doc.doc_id)
    date = doc.meta.get("date", "")
    for target in targets:
        target.indicator_code = _indicator_code(target.indicator)
        target.date = date
    return DocResult(document=doc, targets=targets, references=references, spans=spans)


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
