"""Find stage: the values (percentages) and the legal document references of a document.

    >>> d = Doc("d", "Theo Quyết định số 12/QĐ-UBND, đạt 80%."); d.text = d.original
    >>> find_values(d); find_document_references(d)
    >>> [v.surface for v in d.values], [r.canonical for r in d.references]
    (['80%'], ['12/QĐ-UBND'])
"""

from __future__ import annotations

from chitieu.extractors.percentages import find_percentages
from chitieu.extractors.references import find_references
from chitieu.pipeline.doc import Doc
from chitieu.pipeline.segment import is_candidate


def find_values(doc: Doc) -> None:
    """Every percentage of the normalized text (none when no ``%`` or ``phần trăm`` is written)."""
    doc.values = find_percentages(doc.text) if is_candidate(doc.text) else []


def find_document_references(doc: Doc) -> None:
    """Every reference to a legal document, short forms resolved to their full mention."""
    doc.references = find_references(doc.text)
