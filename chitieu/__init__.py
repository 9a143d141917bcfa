"""chitieu: Vietnamese targets ("chỉ tiêu") as a tidy, grounded table.

    >>> import chitieu
    >>> df = chitieu.extract(["Phấn đấu đến năm 2025, 80% hồ sơ được xử lý trên môi trường mạng."])
    >>> print(*df.loc[0, ["value", "year", "status"]])
    80.0 2025 target

Each text may come with its metadata (url, date, outlet, title), normalized as ``chitieu extract``
does; the targets carry the date, and :func:`extract_documents` has one row per text with all of it:

    >>> docs = chitieu.extract_documents(["Tỷ lệ đạt 80%."], meta=[{"date": "30/6/2023", "url": "hôm qua"}])
    >>> print(*docs.loc[0, ["date", "url", "warnings"]], sep=" | ")
    2023-06-30 | <NA> | bad_url
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from chitieu.pipeline import __version__

__all__ = ["__version__", "extract", "extract_documents", "extract_references", "render"]

Meta = Iterable[Mapping[str, object] | None] | None  # per text: {"url", "date", "outlet", "title"}


def extract(texts: Iterable[str], doc_ids: Iterable[str] | None = None, meta: Meta = None):
    """Extract the targets of each text; one row per value, columns as in ``targets.csv``."""
    from chitieu.pipeline.run import targets_frame

    return targets_frame(texts, doc_ids, meta)


def extract_references(texts: Iterable[str], doc_ids: Iterable[str] | None = None, meta: Meta = None):
    """Extract the legal document references of each text, columns as in ``references.csv``."""
    from chitieu.pipeline.run import references_frame

    return references_frame(texts, doc_ids, meta)


def extract_documents(texts: Iterable[str], doc_ids: Iterable[str] | None = None, meta: Meta = None):
    """One row per text, columns as in ``documents.csv`` (counts, normalized metadata, warnings)."""
    from chitieu.pipeline.run import tables

    return tables(texts, doc_ids, meta)["documents"]


def render(text_or_doc, doc_id: str = "text"):
    """One text (or a ``DocResult``) with its targets and references highlighted, for a notebook:
    shown as HTML by Jupyter, fields on hover or tap; ``.to_displacy()`` for displaCy's span view."""
    from chitieu.display import render as _render

    return _render(text_or_doc, doc_id)
