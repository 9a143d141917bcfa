"""Read stage: expand the user's paths into documents with decoded text.

    >>> doc = next(read_documents(["corpus"]))  # a folder: its documents in path order
    >>> doc.doc_id, doc.status, doc.text[:8]
    ('01_binh_dinh_chuyen_doi_so', 'ok', 'Kế hoạch')

Formats: ``.txt`` (any encoding :mod:`chitieu.pipeline.encoding` knows), ``.html``/``.htm`` (main text
only: no menus, captions or footers), ``.docx`` (paragraphs and tables in order), text ``.pdf``,
and corpus exports ``.jsonl``/``.csv`` (also gzip-compressed, ``.jsonl.gz``/``.csv.gz``) with one
document per record (``ReadOptions`` names the id, text and metadata columns). Folders are searched
recursively for documents; exports are read only when named (a file or a glob), so a folder's
metadata CSVs are never mistaken for a corpus.

Metadata (url, date, outlet, title; :mod:`chitieu.pipeline.metadata`) comes from an export's columns,
from a sidecar ``metadata.csv``/``metadata.jsonl`` beside document files (one row per file, keyed by
file name or stem), or from the file itself: an HTML page's own metadata, a .docx's core properties,
a PDF's document info. The user's values (export, sidecar) win over the file's own.

Reading is split in two so that the expensive half runs in parallel workers: :func:`iter_sources`
(cheap, in order: which documents exist, their raw bytes or record text) and :func:`decode_source`
(pure: bytes → ``Document``). Every problem with one input becomes a ``Document`` with
``status="error"`` and a one-line ``error``; it never stops the other documents.

The work is shared out by what it reads: :mod:`chitieu.pipeline.source` (``ReadOptions``, ``Source``),
:mod:`chitieu.pipeline.formats` (HTML, .docx, PDF), :mod:`chitieu.pipeline.exports` (corpus exports,
sidecars, column recognition, gzip); this module lists the inputs, decodes each source, and re-exports
the names of those modules that callers import from here (:data:`__all__`).
"""

from __future__ import annotations

import errno
import fnmatch
import glob
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from chitieu.pipeline.encoding import DecodeError, decode_bytes_counted, decode_text
from chitieu.pipeline.exports import (
    EXPORT_SUFFIXES,
    FILE_CANDIDATES,
    ID_CANDIDATES,
    SIDECAR_NAMES,
    TEXT_CANDIDATES,
    Sidecar,
    export_records,
    export_sources,
    is_export,
    read_sidecar,
    record_meta,
)
from chitieu.pipeline.formats import (
    docx_document,
    docx_text,
    html_document,
    html_metadata,
    html_text,
    pdf_document,
    pdf_text,
)
from chitieu.pipeline.metadata import normalize_meta
from chitieu.pipeline.source import ReadOptions, Source

from chitieu.models import Document

__all__ = [
    "DOCUMENT_SUFFIXES", "EXPORT_SUFFIXES", "FILE_CANDIDATES", "HTML_SUFFIXES", "ID_CANDIDATES", "SIDECAR_NAMES",
    "TEXT_CANDIDATES", "TEXT_SUFFIXES", "InputError", "ReadOptions", "Sidecar", "Source", "decode_source",
    "docx_document", "docx_text", "expand_inputs", "export_records", "file_ids", "html_document", "html_metadata", "html_text",
    "input_size", "is_export", "is_own_output", "iter_sources", "load_source", "pdf_document", "pdf_text", "read_documents",
    "read_file", "read_sidecar", "record_meta", "sources_of",
]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".docx", ".pdf"}


# What chitieu writes into an output folder (extract, report, conflicts, publish): never read back as
# input when it sits beside the ``documents.csv`` and ``targets.csv`` that mark such a folder.
OUTPUT_NAMES = frozenset([
    "targets.csv", "references.csv", "documents.csv", "spans.csv", "texts.jsonl", "targets.parquet",
    "report.html", "chitieu.db", "metadata.json", "datasette.yaml", "datapackage.json", "conflicts.csv",
])
OUTPUT_FOLDERS = frozenset([".chitieu-work", "targets_parquet", "report_files"])
_MARKERS = ("documents.csv", "targets.csv")


def is_own_output(path: Path) -> bool:
    """Whether ``path`` is a file chitieu wrote: in its work folder, or an output table beside the
    ``documents.csv`` and ``targets.csv`` of an output set.

    >>> is_own_output(Path("ket_qua/.chitieu-work/cache/x.txt"))
    True
    >>> is_own_output(Path("bao_cao/report.html"))  # no output set beside it: a user's page
    False
    """
    if OUTPUT_FOLDERS.intersection(path.parts[:-1]):
        parent = path.parent
        while parent.name not in OUTPUT_FOLDERS:
            parent = parent.parent
        return parent.name == ".chitieu-work" or _holds_outputs(str(parent.parent))
    return path.name in OUTPUT_NAMES and _holds_outputs(str(path.parent))


def _holds_outputs(folder: str) -> bool:
    return all(os.path.isfile(os.path.join(folder, name)) for name in _MARKERS)


class InputError(Exception):
    """A user mistake about the inputs (a path that does not exist): reported without a traceback."""



def expand_inputs(paths: Iterable[str]) -> list[Path]:
    """Files, folders (searched recursively for documents) and glob patterns → files in a stable order."""
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        try:
            p.stat()
        except FileNotFoundError:
            pass
        except OSError as exc:  # inside a folder that cannot be read: exists or not, nobody can tell
            raise InputError(f"cannot read {raw}: {exc.strerror or exc}") from None
        if p.is_dir():
            found.extend(_documents_under(p))
        elif p.is_file():
            found.append(p)
        elif glob.has_magic(raw):
            matches, unreadable = _glob(raw)
            if not matches and not unreadable:
                raise InputError(f"no file matches {raw!r}")
            matches = [m for m in matches if not is_own_output(m)]
            if not matches and not unreadable:
                raise InputError(f"only chitieu's own output files match {raw!r}")
            found.extend(matches + unreadable)
        else:
            raise InputError(f"no such file or folder: {raw}")
    # The same file reached twice (two arguments, a symlink): its device and inode say so, for one
    # stat call where resolving the path costs one per path component.
    seen: set[tuple[int, int] | Path] = set()
    unique = []
    for f in found:
        try:
            st = f.stat()
            key: tuple[int, int] | Path = (st.st_dev, st.st_ino)
        except OSError:  # vanished since it was listed: reading it will say so
            key = f.absolute()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def _documents_under(folder: Path) -> list[Path]:
    """Document files under ``folder``, recursively, in path order (``sorted`` of the paths); hidden
    files and folders are skipped, and so are chitieu's own outputs (:func:`is_own_output`).

    A folder that cannot be listed is in the list itself (reading it gives an error row, never a
    silent gap); see :func:`_walk` for symbolic links."""
    found: list[tuple[tuple[str, ...], str]] = []
    unreadable: list[tuple[tuple[str, ...], str]] = []
    for parts, root, names, outputs in _walk(str(folder), unreadable):
        for name in names:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in DOCUMENT_SUFFIXES:
                continue
            if outputs and name in OUTPUT_NAMES:
                continue
            path = os.path.join(root, name)
            if _file_or_dangling(path):
                found.append(((*parts, name), path))
    found.extend(unreadable)
    found.sort()
    return [Path(path) for _, path in found]


def _walk(top: str, unreadable: list[tuple[tuple[str, ...], str]],
          depth: int | None = None) -> Iterator[tuple[tuple[str, ...], str, list[str], bool]]:
    """``(path parts below top, folder, file names, holds an output set)`` of each folder under
    ``top`` (at most ``depth`` levels below it), depth first in path order, following symbolic
    links but entering each folder once: one reached again under another name (a loop,
    ``ban -> ..``) is not walked again, so the name kept is the first in path order. Hidden folders
    and chitieu's own output folders are skipped; a folder that cannot be listed is appended to
    ``unreadable``."""
    seen: set[tuple[int, int]] = set()

    def below(path: str) -> tuple[str, ...]:
        rel = os.path.relpath(path, top)
        return () if rel == os.curdir else tuple(rel.split(os.sep))

    def failed(exc: OSError) -> None:
        unreadable.append((below(exc.filename), exc.filename))

    for root, dirs, names in os.walk(top, onerror=failed, followlinks=True):
        try:
            st = os.stat(root)
            here = (st.st_dev, st.st_ino)
        except OSError:
            here = None
        if here in seen:
            dirs[:] = []
            continue
        if here is not None:
            seen.add(here)
        outputs = _holds_outputs(root)
        parts = below(root)
        dirs[:] = [] if depth is not None and len(parts) >= depth else sorted(
            d for d in dirs if not d.startswith(".") and not (outputs and d in OUTPUT_FOLDERS))
        yield parts, root, names, outputs


def _file_or_dangling(path: str) -> bool:
    """A file, or a symbolic link to nothing (listed so that reading it says so, not skipped)."""
    return os.path.isfile(path) or (os.path.islink(path) and not os.path.exists(path))


def _glob(pattern: str) -> tuple[list[Path], list[Path]]:
    """Files matching a glob pattern in path order, and the folders that could not be searched.

    The pattern is matched over :func:`_walk` (no deeper than it reaches, unless it has ``**``: any
    number of folders), which neither loops on symbolic links (the standard ``glob`` does, forever,
    with ``**``) nor skips an unreadable folder in silence.

        >>> _match(("a", "b", "x.txt"), ("**", "*.txt")), _match((".h", "x.txt"), ("**", "*.txt"))
        (True, False)
    """
    parts = Path(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    base = os.path.join(*parts[:fixed]) if fixed else os.curdir
    wanted = parts[fixed:]
    found: list[tuple[tuple[str, ...], str]] = []
    unreadable: list[tuple[tuple[str, ...], str]] = []
    if os.path.isdir(base):
        depth = None if "**" in wanted else len(wanted) - 1
        for below, root, names, _ in _walk(base, unreadable, depth):
            for name in names:
                path = os.path.join(root, name)
                if _match((*below, name), wanted) and _file_or_dangling(path):
                    found.append(((*below, name), path))
    found.sort()
    return [Path(p) for _, p in found], [Path(p) for _, p in sorted(unreadable)]


def _match(parts: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """Whether path ``parts`` match glob ``pattern`` parts (``**``: any folders), as ``glob`` would:
    a wildcard does not match a hidden name. Linear: the positions of the pattern still possible."""

    def closure(states: set[int]) -> set[int]:
        more = {j + 1 for j in states if j < len(pattern) and pattern[j] == "**"}
        return states | (closure(more) if more - states else more)

    states = closure({0})
    for name in parts:
        hidden = name.startswith(".")
        nxt = set()
        for j in states:
            if j == len(pattern):
                continue
            pat = pattern[j]
            if pat == "**":
                if not hidden:
                    nxt.add(j)
            elif (not hidden or pat.startswith(".") or not glob.has_magic(pat)) and fnmatch.fnmatchcase(name, pat):
                nxt.add(j + 1)
        states = closure(nxt)
        if not states:
            return False
    return len(pattern) in states


def input_size(path: Path) -> int:
    """Bytes to read from ``path``: a gzip file's uncompressed size (its trailer says it, modulo 4 GiB)."""
    try:
        size = path.stat().st_size
        if size >= 18 and path.name.lower().endswith(".gz"):
            with open(path, "rb") as fh:
                fh.seek(-4, os.SEEK_END)
                return max(int.from_bytes(fh.read(4), "little"), size)
        return size
    except OSError:
        return 0


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix == ".docx":
        return "docx"
    if suffix == ".pdf":
        return "pdf"
    return "text"


def iter_sources(paths: Iterable[str], options: ReadOptions | None = None, load: bool = True) -> Iterator[Source]:
    """The documents under ``paths`` in order, not yet decoded; ``load=False`` leaves file bytes unread.

    Raises :class:`InputError` (before yielding anything) when a path does not exist.
    """
    return sources_of(expand_inputs(paths), options, load)


def sources_of(files: Iterable[Path], options: ReadOptions | None = None, load: bool = True) -> Iterator[Source]:
    """The sources of already listed files (a file that vanished since becomes an error source).

    Every source gets a doc_id of its own (:func:`file_ids` for files; a record whose id is taken
    gets the first free ``<id>~2``, ``<id>~3``, … and the warning ``duplicate_id``)."""
    options = options or ReadOptions()
    files = list(files)
    ids = file_ids([f for f in files if not is_export(f)])
    taken = set(ids.values())
    sidecars: dict[Path, Sidecar | None] = {}
    for path in files:
        if not is_export(path):
            src = _file_source(path, load, ids[path])
            folder = path.parent
            if folder not in sidecars:
                sidecars[folder] = read_sidecar(folder, options)
            if sidecars[folder] is not None:
                sidecars[folder].apply(src, path)
            yield src
            continue
        for src in export_sources(path, options):
            if src.doc_id in taken:  # a repeated id in an export, or the stem of a file
                src.doc_id = _free(src.doc_id, taken)
                src.warnings.append("duplicate_id")
            taken.add(src.doc_id)
            yield src


def file_ids(files: Iterable[Path]) -> dict[Path, str]:
    """A doc_id for each file, unique, and the same whatever order the files are listed in.

    A file's id is its stem. Files that share a stem are taken in path order (absolute paths,
    compared folder by folder): the first keeps the stem, the others get ``<stem>~2``, ``<stem>~3``,
    …, skipping any that another file has as its stem.

        >>> ids = file_ids([Path("b/x.txt"), Path("x~2.txt"), Path("a/x.txt"), Path("c/y.txt")])
        >>> [ids[Path(p)] for p in ("a/x.txt", "b/x.txt", "x~2.txt", "c/y.txt")]
        ['x', 'x~3', 'x~2', 'y']
    """
    by_stem: dict[str, list[Path]] = {}
    for path in files:
        by_stem.setdefault(path.stem, []).append(path)
    taken = set(by_stem)
    ids: dict[Path, str] = {}
    for stem, paths in by_stem.items():
        paths.sort(key=lambda p: Path(os.path.abspath(p)).parts)
        ids[paths[0]] = stem
        for path in paths[1:]:
            ids[path] = _free(stem, taken)
            taken.add(ids[path])
    return ids


def _free(doc_id: str, taken: set[str]) -> str:
    """The first of ``<doc_id>~2``, ``<doc_id>~3``, … not in ``taken``."""
    n = 2
    while f"{doc_id}~{n}" in taken:
        n += 1
    return f"{doc_id}~{n}"


def _file_source(path: Path, load: bool, doc_id: str | None = None) -> Source:
    src = Source(doc_id=path.stem if doc_id is None else doc_id, path=str(path), kind=_kind(path))
    what = "file"
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):  # listed because it could not be listed: say why
            what = "folder"
            with os.scandir(path):
                pass
            raise OSError(errno.EIO, "it could not be listed")
        src.size = st.st_size
        if load:
            src.data = path.read_bytes()
    except OSError as exc:
        src.kind, src.error = "error", f"cannot read {what}: {exc.strerror or exc}"
    return src


def load_source(src: Source) -> Source:
    """``src`` with its file bytes read (a vanished or unreadable file becomes an error source)."""
    if src.kind in ("record", "error") or src.data is not None:
        return src
    try:
        src.data = Path(src.path).read_bytes()
    except OSError as exc:
        src.kind, src.error = "error", f"cannot read file: {exc.strerror or exc}"
    return src


def decode_source(src: Source) -> Document:
    """The decoded ``Document`` of a source (pure but for reading a lazily loaded file)."""
    doc = Document(doc_id=src.doc_id, path=src.path)
    doc.meta, doc.warnings = normalize_meta(src.meta, warnings=src.warnings)
    src = load_source(src)
    if src.kind == "error":
        return _error(doc, src.error)
    own: dict[str, object] = {}  # the file's own metadata
    bad = 0  # bytes not valid in the file's encoding, each read as one U+FFFD
    try:
        if src.kind == "record":
            doc.text, doc.encoding = decode_text(src.text or "", "utf-8")
        elif src.kind == "html":
            doc.text, doc.encoding, own = html_document(src.data or b"")
        elif src.kind == "docx":
            text, own = docx_document(src.data or b"")
            doc.text, doc.encoding = decode_text(text, "docx")
        elif src.kind == "pdf":
            text, own = pdf_document(src.data or b"")
            doc.text, doc.encoding = decode_text(text, "pdf")
        else:
            doc.text, doc.encoding, bad = decode_bytes_counted(src.data or b"")
    except DecodeError as exc:
        return _error(doc, str(exc))
    if own:
        doc.meta, doc.warnings = normalize_meta(src.meta, own, warnings=src.warnings)
    if bad:
        doc.warnings = [*doc.warnings, f"bad_bytes:{bad}"]
    if not doc.text.strip():
        return _error(doc, "empty record" if src.kind == "record" else "no text in the document")
    return doc


def read_file(path: Path) -> Document:
    """Decode one document file; a problem becomes an error document, never an exception."""
    return decode_source(_file_source(Path(path), load=True))


def read_documents(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Document]:
    """Documents of every input path, in a stable order."""
    for src in iter_sources(paths, options):
        yield decode_source(src)


def _error(doc: Document, message: str) -> Document:
    doc.status = "error"
    doc.error = " ".join(message.split())  # one line
    doc.text = ""
    return doc
