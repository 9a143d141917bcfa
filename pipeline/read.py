"""Read stage: expand the user's paths into documents with decoded text.

    >>> [d.doc_id for d in read_documents(["corpus"])][:1]
    ['01_khanh_hoa_ke_hoach']

Every problem with one input becomes a ``Document`` with ``status="error"`` and a one-line
``error``; it never stops the other documents.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.models import Document

TEXT_SUFFIXES = {".txt"}


class InputError(Exception):
    """A user mistake about the inputs (a path that does not exist): reported without a traceback."""


def expand_inputs(paths: Iterable[str]) -> list[Path]:
    """Files, folders (searched recursively for supported files) and glob patterns → sorted files."""
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in TEXT_SUFFIXES))
        elif p.is_file():
            found.append(p)
        elif glob.has_magic(raw):
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True) if os.path.isfile(m))
            if not matches:
                raise InputError(f"no file matches {raw!r}")
            found.extend(matches)
        else:
            raise InputError(f"no such file or folder: {raw}")
    seen: set[Path] = set()
    unique = []
    for f in found:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def read_file(path: Path) -> Document:
    """Decode one file; a problem becomes an error document, never an exception."""
    doc = Document(doc_id=path.stem, path=str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _error(doc, f"cannot read file: {exc.strerror or exc}")
    if not data.strip():
        return _error(doc, "empty file")
    if b"\x00" in data[:4096]:
        return _error(doc, "binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _error(doc, f"not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 1]!r})")
    doc.text = text
    doc.encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    return doc


def read_documents(paths: Iterable[str]) -> Iterator[Document]:
    """Documents of every input path, in a stable order."""
    for path in expand_inputs(paths):
        yield read_file(path)


def _error(doc: Document, message: str) -> Document:
    doc.status = "error"
    doc.error = message
    return doc
