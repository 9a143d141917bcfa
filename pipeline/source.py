"""What the read stage passes between its steps: the user's column options and one document not
yet decoded.

:class:`ReadOptions` takes the names of an export's (or sidecar's) columns; :class:`Source` is what
listing gives for each document: a file's path (and bytes) or an export record's text, with the raw
metadata the user supplied. Decoding (:func:`chitieu.pipeline.read.decode_source`) turns it into a
``Document``.

    >>> src = Source("tin1", "bao/tin1.txt", "text", data="Tỷ lệ đạt 80%.".encode())
    >>> src.kind, src.meta, src.error
    ('text', {}, '')
    >>> ReadOptions(date_column="ngay_dang").meta_column("date")
    'ngay_dang'
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class ReadOptions:
    """Columns of corpus exports (``.jsonl``/``.csv``) and sidecar metadata files; None: the first
    usual name present (:data:`chitieu.pipeline.exports.ID_CANDIDATES`,
    :data:`chitieu.pipeline.exports.TEXT_CANDIDATES`, :data:`chitieu.pipeline.metadata.META_CANDIDATES`).

    ``id_column`` gives the doc_id (else ``<file stem>-<record number>``); the date, url, outlet and
    title columns fill the document's ``meta``.
    """

    id_column: str | None = None
    text_column: str | None = None
    date_column: str | None = None
    url_column: str | None = None
    outlet_column: str | None = None
    title_column: str | None = None

    def meta_column(self, key: str) -> str | None:
        return getattr(self, f"{key}_column")


@dataclass(slots=True)
class Source:
    """One document before decoding: a file (``data`` its bytes, loaded lazily when None) or an
    export record (``text``). ``size`` is its size in bytes (for progress and throughput)."""

    doc_id: str
    path: str
    kind: str  # "text" | "html" | "docx" | "pdf" | "record" | "error"
    data: bytes | None = None
    text: str | None = None
    meta: dict[str, object] = field(default_factory=dict)  # raw values of the user's metadata
    error: str = ""
    size: int = 0
    warnings: list[str] = field(default_factory=list)  # found while reading the metadata

