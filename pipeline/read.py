"""Read stage: expand the user's paths into documents with decoded text.

    >>> doc = next(read_documents(["corpus"]))  # a folder: its documents in path order
    >>> doc.doc_id, doc.status, doc.text[:8]
    ('01_binh_dinh_chuyen_doi_so', 'ok', 'Kế hoạch')

Formats: ``.txt`` (any encoding :mod:`chitieu.pipeline.encoding` knows), ``.html``/``.htm`` (main text
only: no menus, captions or footers), ``.docx`` (paragraphs and tables in order), text ``.pdf``,
and corpus exports ``.jsonl``/``.csv`` with one document per record (``ReadOptions`` names the id,
text, date and url columns). Folders are searched recursively for documents; exports are read only
when named (a file or a glob), so a folder's metadata CSVs are never mistaken for a corpus.

Reading is split in two so that the expensive half runs in parallel workers: :func:`iter_sources`
(cheap, in order: which documents exist, their raw bytes or record text) and :func:`decode_source`
(pure: bytes → ``Document``). Every problem with one input becomes a ``Document`` with
``status="error"`` and a one-line ``error``; it never stops the other documents.
"""

from __future__ import annotations

import codecs
import csv
import glob
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from chitieu.pipeline.encoding import DecodeError, decode_bytes, decode_text

from chitieu.models import Document

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".docx", ".pdf"}
EXPORT_SUFFIXES = {".jsonl", ".ndjson", ".csv"}

ID_CANDIDATES = ("id", "doc_id", "document_id", "article_id", "ma", "uid")
TEXT_CANDIDATES = ("text", "content", "body", "noi_dung", "article", "fulltext", "full_text")


class InputError(Exception):
    """A user mistake about the inputs (a path that does not exist): reported without a traceback."""


@dataclass(slots=True)
class ReadOptions:
    """Columns of corpus exports (``.jsonl``/``.csv``); None: the first usual name present.

    ``id_column`` gives the doc_id (else ``<file stem>-<record number>``); ``date_column`` and
    ``url_column`` are kept in the document's ``meta`` and written to ``texts.jsonl``.
    """

    id_column: str | None = None
    text_column: str | None = None
    date_column: str | None = None
    url_column: str | None = None


@dataclass(slots=True)
class Source:
    """One document before decoding: a file (``data`` its bytes, loaded lazily when None) or an
    export record (``text``). ``size`` is its size in bytes (for progress and throughput)."""

    doc_id: str
    path: str
    kind: str  # "text" | "html" | "docx" | "pdf" | "record" | "error"
    data: bytes | None = None
    text: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    error: str = ""
    size: int = 0


def expand_inputs(paths: Iterable[str]) -> list[Path]:
    """Files, folders (searched recursively for documents) and glob patterns → files in a stable order."""
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(_documents_under(p))
        elif p.is_file():
            found.append(p)
        elif glob.has_magic(raw):
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True) if os.path.isfile(m))
            if not matches:
                raise InputError(f"no file matches {raw!r}")
            found.extend(matches)
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
    files and folders are skipped."""
    found = []
    top = str(folder)
    for root, dirs, names in os.walk(top, followlinks=True):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        below = os.path.relpath(root, top)
        parts = () if below == os.curdir else tuple(below.split(os.sep))
        for name in names:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in DOCUMENT_SUFFIXES:
                continue
            path = os.path.join(root, name)
            if os.path.isfile(path):
                found.append(((*parts, name), path))
    found.sort()
    return [Path(path) for _, path in found]


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
    """The sources of already listed files (a file that vanished since becomes an error source)."""
    options = options or ReadOptions()
    taken: dict[str, int] = {}
    for path in files:
        if path.suffix.lower() in EXPORT_SUFFIXES:
            sources: Iterable[Source] = _export_sources(path, options)
        else:
            sources = [_file_source(path, load)]
        for src in sources:
            n = taken.get(src.doc_id, 0) + 1
            taken[src.doc_id] = n
            if n > 1:  # two files with one stem (a.txt, a.html), or a repeated id in an export
                src.doc_id = f"{src.doc_id}~{n}"
            yield src


def _file_source(path: Path, load: bool) -> Source:
    src = Source(doc_id=path.stem, path=str(path), kind=_kind(path))
    try:
        src.size = path.stat().st_size
        if load:
            src.data = path.read_bytes()
    except OSError as exc:
        src.kind, src.error = "error", f"cannot read file: {exc.strerror or exc}"
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
    doc = Document(doc_id=src.doc_id, path=src.path, meta=dict(src.meta))
    src = load_source(src)
    if src.kind == "error":
        return _error(doc, src.error)
    try:
        if src.kind == "record":
            doc.text, doc.encoding = decode_text(src.text or "", "utf-8")
        elif src.kind == "html":
            doc.text, doc.encoding = html_text(src.data or b"")
        elif src.kind == "docx":
            doc.text, doc.encoding = decode_text(docx_text(src.data or b""), "docx")
        elif src.kind == "pdf":
            doc.text, doc.encoding = decode_text(pdf_text(src.data or b""), "pdf")
        else:
            doc.text, doc.encoding = decode_bytes(src.data or b"")
    except DecodeError as exc:
        return _error(doc, str(exc))
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


# ---------------------------------------------------------------------------
# Formats


_BOILERPLATE = (
    "//nav|//header|//footer|//aside|//figure|//figcaption|//script|//style|//noscript|//form|//iframe"
    "|//*[@role='navigation' or @role='banner' or @role='contentinfo']"
)
_BOILERPLATE_CLASS = re.compile(
    r"\b(menu|nav|navbar|breadcrumbs?|footer|copyright|share|social|related|sidebar|caption|advert|ads|banner)\b",
    re.I,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def html_text(data: bytes) -> tuple[str, str]:
    """Main text of an HTML page (paragraphs on their own lines) and the page's encoding.

    Navigation, headers/footers, asides, figures and their captions, scripts and elements whose
    class names say menu/footer/share/related are dropped first; trafilatura then keeps the
    article body.

        >>> html_text("<nav>Trang chủ</nav><p>Tỷ lệ đạt 80%.</p><footer>POWERED BY X</footer>".encode())
        ('Tỷ lệ đạt 80%.', 'utf-8')
    """
    import lxml.html
    import trafilatura

    markup, encoding = _decode_html(data)
    try:
        tree = lxml.html.document_fromstring(markup)
    except Exception as exc:  # lxml raises ParserError / ValueError on hopeless input
        raise DecodeError(f"not parseable HTML: {exc}") from exc
    for el in tree.xpath(_BOILERPLATE):
        el.drop_tree()
    for el in tree.xpath("//*[@class or @id]"):
        if el.getparent() is not None and el.tag not in ("body", "html", "article", "main") and _BOILERPLATE_CLASS.search(
            f"{el.get('class', '')} {el.get('id', '')}"
        ):
            el.drop_tree()
    text = trafilatura.extract(
        tree, include_comments=False, include_tables=True, include_images=False, include_links=False,
        output_format="txt", deduplicate=False,
    )
    if not text:  # very short pages: trafilatura declines; the cleaned tree's own text is the body
        body = tree.find("body")
        node = body if body is not None else tree
        text = "\n".join(line.strip() for line in node.text_content().splitlines() if line.strip())
    text, encoding = decode_text(text, encoding)
    return text, encoding


def _decode_html(data: bytes) -> tuple[str, str]:
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared.group(1).decode("ascii", "replace").lower()
        try:
            markup = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
        else:  # Windows-1258 writes tones as combining marks: compose them, as decode_bytes does
            return (unicodedata.normalize("NFC", markup) if codecs.lookup(name).name == "cp1258" else markup), name
    return decode_bytes(data)


def docx_text(data: bytes) -> str:
    """Paragraphs and table rows (cells separated by tabs) of a .docx, in document order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # zipfile.BadZipFile, KeyError, lxml errors
        raise DecodeError(f"not a readable .docx file ({type(exc).__name__})") from exc
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:  # merged cells repeat: keep each once
                    if not cells or cell.text != cells[-1]:
                        cells.append(cell.text)
                lines.append("\t".join(cells))
    return "\n".join(lines)


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF, pages separated by a blank line (a scanned PDF has none: an error)."""
    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DecodeError("encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DecodeError:
        raise
    except Exception as exc:  # pypdf.errors.PdfReadError and friends
        raise DecodeError(f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise DecodeError("PDF without a text layer (scanned?): no text to read")
    return text


def _export_sources(path: Path, options: ReadOptions) -> Iterator[Source]:
    """One source per record of a .jsonl/.csv export; a bad record is an error source."""
    try:
        records = _jsonl_records(path) if path.suffix.lower() in (".jsonl", ".ndjson") else _csv_records(path)
        for number, record, problem in records:
            yield _record_source(path, number, record, problem, options)
    except (OSError, DecodeError, csv.Error) as exc:
        message = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        yield Source(doc_id=path.stem, path=str(path), kind="error", error=f"cannot read export: {message}")


def _jsonl_records(path: Path) -> Iterator[tuple[int, dict | None, str]]:
    with open(path, "rb") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield number, None, f"line {number}: invalid JSON ({exc.__class__.__name__})"
                continue
            if not isinstance(record, dict):
                yield number, None, f"line {number}: not a JSON object"
                continue
            yield number, record, ""


def _csv_records(path: Path) -> Iterator[tuple[int, dict | None, str]]:
    text, _ = decode_bytes(path.read_bytes())
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for number, record in enumerate(reader, start=1):
        yield number, record, ""


def _pick(record: dict, wanted: str | None, candidates: tuple[str, ...]) -> str | None:
    if wanted is not None:
        return wanted if wanted in record else None
    lowered = {str(k).lower(): k for k in record}
    return next((lowered[c] for c in candidates if c in lowered), None)


def _record_source(path: Path, number: int, record: dict | None, problem: str, options: ReadOptions) -> Source:
    src = Source(doc_id=f"{path.stem}-{number}", path=f"{path}:{number}", kind="record")
    if record is None:
        src.kind, src.error = "error", problem
        return src
    id_key = _pick(record, options.id_column, ID_CANDIDATES)
    if id_key is not None and record.get(id_key) not in (None, ""):
        src.doc_id = str(record[id_key]).strip()
    text_key = _pick(record, options.text_column, TEXT_CANDIDATES)
    if text_key is None:
        wanted = options.text_column or "/".join(TEXT_CANDIDATES)
        src.kind, src.error = "error", f"record {number}: no text column ({wanted})"
        return src
    value = record.get(text_key)
    src.text = _no_lone_surrogates("" if value is None else str(value))
    src.size = len(src.text.encode("utf-8"))
    if id_key is not None:
        src.doc_id = _no_lone_surrogates(src.doc_id)
    for name, column in (("date", options.date_column), ("url", options.url_column)):
        if column and record.get(column) not in (None, ""):
            src.meta[name] = _no_lone_surrogates(str(record[column]))
    return src


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_lone_surrogates(text: str) -> str:
    """JSON may escape half a UTF-16 pair (``"\\ud800"``), which no UTF-8 file can hold: each becomes
    U+FFFD, one character for one, so offsets into the text are unchanged."""
    return _LONE_SURROGATE.sub("\ufffd", text)
