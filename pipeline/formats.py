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
    markup, encoding = _decode_html(data)
    try:
        tree = _parse_html(markup)
        meta = html_metadata(copy.deepcopy(tree)) if metadata else {}
        if _depth(tree) >= _MAX_DEPTH - 8:  # libxml2 stopped there: the rest of the page is missing
            tree = _parse_html(_flatten(markup))
    except Exception as exc:  # lxml raises ParserError / ValueError on hopeless input
        raise DecodeError(f"not parseable HTML: {exc}") from exc
    text, encoding = _html_body(tree, encoding)
    return text, encoding, meta


# libxml2 stops nesting elements at this depth even with ``huge_tree`` (256 without it): what
# follows the deepest element is dropped, silently
_MAX_DEPTH = 2048


def _parse_html(markup: str):
    import lxml.html

    return lxml.html.document_fromstring(markup, parser=lxml.html.HTMLParser(huge_tree=True))


def _depth(tree) -> int:
    """Elements on the longest path from the root (one pass, no recursion)."""
    depth = {tree: 1}
    deepest = 1
    for el in tree.iterdescendants():
        depth[el] = d = depth[el.getparent()] + 1
        deepest = max(deepest, d)
    return deepest


_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_TAG = re.compile(r"</?([a-zA-Z][^\s/>]*)[^>]*>")
_DROPPED = frozenset([
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "figure", "form", "iframe",
])
_BREAKS = frozenset([
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "main",
    "blockquote", "ul", "ol", "dl", "dt", "dd", "pre", "center", "hr",
])
_CELLS = frozenset(("td", "th"))


def _flatten(markup: str) -> str:
    """The body of a page nested too deep to parse (thousands of unclosed ``<font>``/``<div>``) as a
    flat run of paragraphs, in one pass: every block tag starts a ``<p>``, a table cell is a space,
    other tags go; scripts, styles, menus, headers and footers are dropped up to their end tag (one
    never closed drops nothing).

        >>> _flatten("<head><title>T</title></head><body><font><div>Đạt 80%<div>Đạt <b>90%</b><script>x</script>")
        '<html><body><p>Đạt 80%<p>Đạt 90%</body></html>'
    """
    body = re.search(r"<body\b[^>]*>", markup, re.I)
    rest = markup[body.end():] if body else re.sub(r"(?is)^.*?</head\s*>", "", markup, count=1)
    rest = _COMMENT.sub(" ", rest)
    lowered = rest.lower()
    last_end = {name: lowered.rfind(f"</{name}") for name in _DROPPED}
    out: list[str] = []
    pos, skip = 0, ""
    for m in _TAG.finditer(rest):
        name, closing = m.group(1).lower(), m.group(0).startswith("</")
        if skip:
            if closing and name == skip:
                skip, pos = "", m.end()
            continue
        out.append(rest[pos:m.start()])
        pos = m.end()
        if not closing and name in _DROPPED and m.start() < last_end[name]:
            skip = name
        else:
            out.append("<p>" if name in _BREAKS else " " if name in _CELLS else "")
    if not skip:
        out.append(rest[pos:])
    return f"<html><body>{''.join(out)}</body></html>"


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
    if not _has_core_properties(document):  # python-docx would invent them: "Word Document", today
        return _docx_body(document), meta
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


def _has_core_properties(document) -> bool:
    from docx.opc.constants import RELATIONSHIP_TYPE

    rels = document.part.package.rels
    return any(rel.reltype == RELATIONSHIP_TYPE.CORE_PROPERTIES for rel in rels.values())


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Inside a paragraph: what holds runs (tracked insertions and moves, content controls, smart tags,
# custom XML, simple fields, hyperlinks, bidirectional spans) is read through; tracked deletions
# and moves away, properties, drawings and text boxes are not text of the paragraph.
_INLINE = frozenset(f"{_W}{t}" for t in [
    "r", "hyperlink", "ins", "moveTo", "sdt", "sdtContent", "smartTag", "customXml", "fldSimple", "dir", "bdo",
])
_RUN_TEXT = frozenset(f"{_W}{t}" for t in ["t", "tab", "br", "cr", "noBreakHyphen", "ptab"])
# Around paragraphs and tables: content controls and custom XML hold blocks (also rows and cells).
_BLOCK = frozenset(f"{_W}{t}" for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo"))


def _docx_body(document) -> str:
    """The body's paragraphs and table rows in document order (see :func:`_blocks`)."""
    return "\n".join(_blocks(document.element.body))


def _blocks(parent) -> list[str]:
    """Lines of the paragraphs and tables under ``parent`` (the body, a cell, a content control).

    A table row is one line, its cells separated by tabs; a cell that holds several paragraphs or a
    nested table keeps them on lines of their own after the row's first line."""
    lines: list[str] = []
    for child in parent.iterchildren():
        if child.tag == f"{_W}p":
            lines.append(_paragraph(child))
        elif child.tag == f"{_W}tbl":
            for row in _descendants(child, f"{_W}tr", f"{_W}tbl"):
                cells = ["\n".join(_blocks(cell)) for cell in _descendants(row, f"{_W}tc", f"{_W}tr")]
                lines.append("\t".join(cells))
        elif child.tag in _BLOCK:
            lines.extend(_blocks(child))
    return lines


def _descendants(parent, tag: str, stop: str) -> list:
    """``tag`` children of ``parent``, also those wrapped in content controls or custom XML (not
    below a ``stop`` element: a nested table's rows belong to it)."""
    found = []
    for child in parent.iterchildren():
        if child.tag == tag:
            found.append(child)
        elif child.tag in _BLOCK and child.tag != stop:
            found.extend(_descendants(child, tag, stop))
    return found


def _paragraph(p) -> str:
    """A paragraph's text as Word shows it with tracked changes accepted: insertions in, deletions out.

    Each text element reads as python-docx reads it (``w:tab`` a tab, a line break a newline)."""
    parts: list[str] = []
    stack = list(reversed(p))
    while stack:
        el = stack.pop()
        if el.tag in _RUN_TEXT:
            parts.append(str(el))
        elif el.tag in _INLINE:
            stack.extend(reversed(el))
    return "".join(parts)


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
