"""chitieu: Vietnamese targets ("chỉ tiêu") as a tidy, grounded table.

    >>> import chitieu
    >>> df = chitieu.extract(["Phấn đấu đến năm 2025, 80% hồ sơ được xử lý trên môi trường mạng."])
    >>> print(*df.loc[0, ["value", "year", "status"]])
    80.0 2025 target
"""

from __future__ import annotations

from collections.abc import Iterable

from chitieu.pipeline import __version__

__all__ = ["__version__", "extract", "extract_references"]


def extract(texts: Iterable[str], doc_ids: Iterable[str] | None = None):
    """Extract the targets of each text; one row per value, columns as in ``targets.csv``."""
    from chitieu.pipeline.run import targets_frame

    return targets_frame(texts, doc_ids)


def extract_references(texts: Iterable[str], doc_ids: Iterable[str] | None = None):
    """Extract the legal document references of each text, columns as in ``references.csv``."""
    from chitieu.pipeline.run import references_frame

    return references_frame(texts, doc_ids)
