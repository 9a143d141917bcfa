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
Texts = str | Iterable[str] | Iterable[tuple[str, Mapping[str, object]]]


def _tables(texts: Texts, doc_ids, meta: Meta, as_tuples: bool, n_process: int, batch_size: int):
    from chitieu.pipeline.stream import frames, results

    return frames(results(texts, doc_ids, meta, as_tuples=as_tuples, n_process=n_process, batch_size=batch_size))


def extract(texts: Texts, doc_ids: Iterable[str] | None = None, meta: Meta = None, *, as_tuples: bool = False,
            n_process: int = 1, batch_size: int = 64):
    """Extract the targets of each text; one row per value, columns and dtypes as in ``targets.csv``.

    ``texts``: one string or any iterable of strings, read lazily as ``nlp.pipe`` reads it
    (``n_process`` worker processes, ``batch_size`` texts a task). ``as_tuples=True``: the items are
    ``(text, context)`` pairs; the context's ``doc_id`` names the text, its ``url``/``date``/``outlet``/
    ``title`` are its metadata, and every other key becomes a column of the rows:

        >>> rows = extract([("Năm 2023 đạt 70%.", {"doc_id": "a", "nguon": "báo in"})], as_tuples=True)
        >>> print(*rows.loc[0, ["doc_id", "value", "status", "nguon"]])
        a 70.0 actual báo in
        >>> len(extract("Năm 2023 đạt 70%."))
        1
    """
    return _tables(texts, doc_ids, meta, as_tuples, n_process, batch_size)["targets"]


def extract_references(texts: Texts, doc_ids: Iterable[str] | None = None, meta: Meta = None, *,
                       as_tuples: bool = False, n_process: int = 1, batch_size: int = 64):
    """Extract the legal document references of each text, columns as in ``references.csv`` (inputs as
    :func:`extract`)."""
    return _tables(texts, doc_ids, meta, as_tuples, n_process, batch_size)["references"]


def extract_documents(texts: Texts, doc_ids: Iterable[str] | None = None, meta: Meta = None, *,
                      as_tuples: bool = False, n_process: int = 1, batch_size: int = 64):
    """One row per text, columns as in ``documents.csv`` (counts, normalized metadata, warnings)."""
    return _tables(texts, doc_ids, meta, as_tuples, n_process, batch_size)["documents"]


def render(text_or_doc, doc_id: str = "text"):
    """One text (or a ``DocResult``) with its targets and references highlighted, for a notebook:
    shown as HTML by Jupyter, fields on hover or tap; ``.to_displacy()`` for displaCy's span view."""
    from chitieu.display import render as _render

    return _render(text_or_doc, doc_id)
