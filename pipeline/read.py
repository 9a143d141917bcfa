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
"""

from __future__ import annotations

import codecs
import copy
import csv
import glob
import gzip
import io
import json
import os
import re
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from chitieu.pipeline.encoding import DecodeError, decode_bytes, decode_text
from chitieu.pipeline.metadata import META_CANDIDATES, VIETNAM_TIME, empty, normalize_meta

from chitieu.models import Document

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".docx", ".pdf"}
EXPORT_SUFFIXES = {".jsonl", ".ndjson", ".csv"}  # each also gzip-compressed: .jsonl.gz, .csv.gz
SIDECAR_NAMES = ("metadata.csv", "metadata.jsonl")

ID_CANDIDATES = ("id", "doc_id", "document_id", "article_id", "ma", "uid")
TEXT_CANDIDATES = ("text", "content", "body", "noi_dung", "article", "fulltext", "full_text")
FILE_CANDIDATES = ("file", "filename", "file_name", "path", "name", *ID_CANDIDATES)  # a sidecar's key


class InputError(Exception):
    """A user mistake about the inputs (a path that does not exist): reported without a traceback."""


@dataclass(slots=True)
class ReadOptions:
    """Columns of corpus exports (``.jsonl``/``.csv``) and sidecar metadata files; None: the first
    usual name present (:data:`ID_CANDIDATES`, :data:`TEXT_CANDIDATES`,
    :data:`chitieu.pipeline.metadata.META_CANDIDATES`).

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


def is_export(path: Path) -> bool:
    """A corpus export, plain or gzip-compressed (``a.jsonl``, ``a.csv.gz``)."""
    name = path.name.lower()
    return Path(name.removesuffix(".gz")).suffix in EXPORT_SUFFIXES


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
    """The sources of already listed files (a file that vanished since becomes an error source)."""
    options = options or ReadOptions()
    taken: dict[str, int] = {}
    sidecars: dict[Path, Sidecar | None] = {}
    for path in files:
        if is_export(path):
            sources: Iterable[Source] = _export_sources(path, options)
        else:
            src = _file_source(path, load)
            folder = path.parent
            if folder not in sidecars:
                sidecars[folder] = read_sidecar(folder, options)
            if sidecars[folder] is not None:
                sidecars[folder].apply(src, path)
            sources = [src]
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
    doc = Document(doc_id=src.doc_id, path=src.path)
    doc.meta, doc.warnings = normalize_meta(src.meta, warnings=src.warnings)
    src = load_source(src)
    if src.kind == "error":
        return _error(doc, src.error)
    own: dict[str, object] = {}  # the file's own metadata
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
            doc.text, doc.encoding = decode_bytes(src.data or b"")
    except DecodeError as exc:
        return _error(doc, str(exc))
    if own:
        doc.meta, doc.warnings = normalize_meta(src.meta, own, warnings=src.warnings)
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
    text, encoding, _ = html_document(data, metadata=False)
    return text, encoding


def html_document(data: bytes, metadata: bool = True) -> tuple[str, str, dict[str, object]]:
    """:func:`html_text` and the page's own metadata (url, date, outlet, title; raw values).

    The metadata is trafilatura's: ``<link rel=canonical>``, ``og:`` and ``article:`` tags, JSON-LD,
    ``<title>``, and htmldate's reading of the page's markup and URL (not of its running text).

        >>> page = '<head><meta property="og:site_name" content="Báo Gia Lai"></head><p>Đạt 80%.</p>'
        >>> html_document(page.encode())[2]["outlet"]
        'Báo Gia Lai'
    """
    import lxml.html

    markup, encoding = _decode_html(data)
    try:
        tree = lxml.html.document_fromstring(markup)
    except Exception as exc:  # lxml raises ParserError / ValueError on hopeless input
        raise DecodeError(f"not parseable HTML: {exc}") from exc
    meta = html_metadata(copy.deepcopy(tree)) if metadata else {}
    text, encoding = _html_body(tree, encoding)
    return text, encoding, meta


def html_metadata(tree) -> dict[str, object]:
    """Raw url, date, outlet and title of a parsed page (empty where it says nothing); a page
    whose metadata cannot be read has none."""
    from trafilatura.metadata import extract_metadata

    try:
        found = extract_metadata(tree, extensive=False)
    except Exception:  # noqa: BLE001 (metadata is a bonus: a bug in it must not lose the text)
        return {}
    return {"url": found.url, "date": found.date, "outlet": found.sitename, "title": found.title}


def _html_body(tree, encoding: str) -> tuple[str, str]:
    import trafilatura

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
    return docx_document(data)[0]


# python-docx's blank template carries this creation time: files it writes say nothing of their date
_DOCX_TEMPLATE_TIME = "2013-12-23T23:15:00"


def docx_document(data: bytes) -> tuple[str, dict[str, object]]:
    """:func:`docx_text` and the core properties' title and date (created, else last modified; raw)."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # zipfile.BadZipFile, KeyError, lxml errors
        raise DecodeError(f"not a readable .docx file ({type(exc).__name__})") from exc
    meta: dict[str, object] = {}
    try:
        props = document.core_properties
        meta["title"] = props.title
        dates = [d for d in (props.created, props.modified)
                 if d is not None and d.replace(tzinfo=None).isoformat() != _DOCX_TEMPLATE_TIME]
        # stored in UTC: the day it was in Vietnam
        meta["date"] = (dates[0].astimezone(VIETNAM_TIME) if dates[0].tzinfo else dates[0]) if dates else None
    except Exception:  # noqa: BLE001 (a malformed core.xml: the text is still good)
        meta = {}
    return _docx_body(document), meta


def _docx_body(document) -> str:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

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
    return pdf_document(data)[0]


_WORD_TITLE = re.compile(r"^Microsoft Word - ", re.I)  # what Word's PDF printer writes before the file name


def pdf_document(data: bytes) -> tuple[str, dict[str, object]]:
    """:func:`pdf_text` and the document info's ``/Title`` and ``/CreationDate`` (raw)."""
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
    meta: dict[str, object] = {}
    try:
        info = reader.metadata or {}
        title, date = info.get("/Title"), info.get("/CreationDate") or info.get("/ModDate")
        meta = {"title": _WORD_TITLE.sub("", str(title)) if title else None, "date": str(date) if date else None}
    except Exception:  # noqa: BLE001 (a broken info dictionary: the text is still good)
        meta = {}
    return text, meta


def _export_sources(path: Path, options: ReadOptions) -> Iterator[Source]:
    """One source per record of a .jsonl/.csv export; a bad record is an error source."""
    try:
        for number, record, problem in export_records(path):
            yield _record_source(path, number, record, problem, options)
    except (OSError, EOFError, zlib.error, DecodeError, csv.Error) as exc:
        message = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        yield Source(doc_id=_export_stem(path), path=str(path), kind="error", error=f"cannot read export: {message}")


def export_records(path: Path) -> Iterator[tuple[int, dict | None, str]]:
    """``(record number, record or None, problem)`` of a .jsonl or .csv file, plain or gzip-compressed."""
    name = path.name.lower().removesuffix(".gz")
    return _jsonl_records(path) if name.endswith((".jsonl", ".ndjson")) else _csv_records(path)


def _export_stem(path: Path) -> str:
    name = path.name.removesuffix(".gz").removesuffix(".GZ")
    return Path(name).stem


def _open(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")  # noqa: SIM115


def _jsonl_records(path: Path) -> Iterator[tuple[int, dict | None, str]]:
    with _open(path) as fh:
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
    with _open(path) as fh:
        text, _ = decode_bytes(fh.read())
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for number, record in enumerate(reader, start=1):
        yield number, record, ""


def _pick(record: dict, wanted: str | None, candidates: tuple[str, ...]) -> str | None:
    if wanted is not None:
        return wanted if wanted in record else None
    lowered = {str(k).lower(): k for k in record}
    return next((lowered[c] for c in candidates if c in lowered), None)


def record_meta(record: dict, options: ReadOptions) -> tuple[dict[str, object], list[str]]:
    """Raw metadata of an export record or sidecar row, and ``no_<field>_column`` for each column
    named by an option that the record lacks.

    Without an option a field takes the first usual column that holds a value.

        >>> record_meta({"ID": "b1", "Source": "Báo Lâm Đồng", "link": ""}, ReadOptions(date_column="ngay"))
        ({'outlet': 'Báo Lâm Đồng'}, ['no_date_column'])
    """
    meta: dict[str, object] = {}
    warnings: list[str] = []
    lowered: dict[str, str] | None = None
    for key, candidates in META_CANDIDATES.items():
        wanted = options.meta_column(key)
        if wanted is not None:
            if wanted not in record:
                warnings.append(f"no_{key}_column")
            elif not empty(record[wanted]):
                meta[key] = record[wanted]
            continue
        if lowered is None:
            lowered = {str(k).lower(): k for k in record}
        for name in candidates:
            if name in lowered and not empty(record[lowered[name]]):
                meta[key] = record[lowered[name]]
                break
    for key, value in meta.items():
        if isinstance(value, str):
            meta[key] = _no_lone_surrogates(value)
    return meta, warnings


def _record_source(path: Path, number: int, record: dict | None, problem: str, options: ReadOptions) -> Source:
    src = Source(doc_id=f"{_export_stem(path)}-{number}", path=f"{path}:{number}", kind="record")
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
    src.meta, src.warnings = record_meta(record, options)
    return src


@dataclass(slots=True)
class Sidecar:
    """The rows of a folder's ``metadata.csv``/``metadata.jsonl``, by file name and stem.

        >>> side = Sidecar({"tin1.txt": {"date": "30/06/2023"}})
        >>> src = Source("tin1", "bao/tin1.txt", "text")
        >>> side.apply(src, Path("bao/tin1.txt")); src.meta
        {'date': '30/06/2023'}
    """

    rows: dict[str, dict[str, object]]
    warnings: list[str] = field(default_factory=list)
    problem: str = ""  # the sidecar could not be read: each of the folder's documents says so

    def apply(self, src: Source, path: Path) -> None:
        if self.problem:
            src.warnings.append(self.problem)
            return
        row = self.rows.get(path.name, self.rows.get(path.stem))
        if row is None:
            src.warnings.append("no_metadata_row")
            return
        src.meta = dict(row)
        src.warnings.extend(self.warnings)


def read_sidecar(folder: Path, options: ReadOptions) -> Sidecar | None:
    """The sidecar metadata of the document files in ``folder`` (None when it has none).

    Rows are keyed by their first usual key column (:data:`FILE_CANDIDATES`: ``file``, ``filename``,
    ``path``, ``id``, …) holding a file name (``tin1.txt``, a path ending in it) or a stem (``tin1``);
    the metadata columns are recognized as in exports. The first row for a file wins.
    """
    rows: dict[str, dict[str, object]] = {}
    warnings: set[str] = set()
    found = False
    for name in SIDECAR_NAMES:
        path = folder / name
        if not path.is_file():
            continue
        found = True
        try:
            for _, record, _ in export_records(path):
                if record is None:
                    continue
                key = _pick(record, None, FILE_CANDIDATES)
                if key is None or empty(record.get(key)):
                    continue
                meta, missing = record_meta(record, options)
                warnings.update(missing)
                rows.setdefault(str(record[key]).strip().replace("\\", "/").rsplit("/", 1)[-1], meta)
        except (OSError, EOFError, zlib.error, DecodeError, csv.Error):
            return Sidecar({}, problem="bad_metadata_file")
    if not found:
        return None
    return Sidecar(rows, sorted(warnings))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_lone_surrogates(text: str) -> str:
    """JSON may escape half a UTF-16 pair (``"\\ud800"``), which no UTF-8 file can hold: each becomes
    U+FFFD, one character for one, so offsets into the text are unchanged."""
    return _LONE_SURROGATE.sub("\ufffd", text)
