"""Document formats: the text, encoding and own metadata of an HTML page, a .docx and a text PDF.

Each function takes a file's bytes and gives its text (paragraphs on their own lines, decoded as
:mod:`chitieu.pipeline.encoding` does) and the raw url/date/outlet/title the file says of itself
(normalized later by :mod:`chitieu.pipeline.metadata`); a file that cannot be read raises
:class:`chitieu.pipeline.encoding.DecodeError`. Plain text files need no module of their own:
:func:`chitieu.pipeline.encoding.decode_bytes` reads them.

    >>> html_text("<nav>Trang chủ | Tin tức</nav><h1>Gia Lai</h1><p>Hộ nghèo còn 3%.</p>".encode())
    ('Gia Lai\\nHộ nghèo còn 3%.', 'utf-8')
"""

from __future__ import annotations

import codecs
import copy
import io
import re
import unicodedata

from chitieu.pipeline.encoding import DecodeError, decode_bytes, decode_text
from chitieu.pipeline.metadata import VIETNAM_TIME

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
