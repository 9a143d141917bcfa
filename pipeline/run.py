"""Run stage: one document through normalize → segment → extract → assemble.

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
from chitieu.pipeline.assemble import assemble_targets

from chitieu.models import DocResult, Document


@lru_cache(maxsize=65536)
def _indicator_code(indicator: str) -> str:
    """Taxonomy code of an indicator phrase; phrases repeat a lot across a corpus, so they are cached."""
    return indicator_code(indicator)


def process_document(doc: Document) -> DocResult:
    """Targets, references and highlight spans of one decoded document (pure: no I/O)."""
    targets, references, spans = assemble_targets(doc.text, doc.doc_id)
    for target in targets:
        target.indicator_code = _indicator_code(target.indicator)
    return DocResult(document=doc, targets=targets, references=references, spans=spans)


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
