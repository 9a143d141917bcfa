"""The header of an official document as published: its own number, the national motto and its title.

A Kế hoạch, Quyết định or Nghị quyết opens with a table: the issuing body and its number on the left,
the national motto and the place and date on the right; then the document type and what it is about::

    ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Số: 95/KH-UBND                 | Độc lập - Tự do - Hạnh phúc
                                     Quảng Nam, ngày 5 tháng 4 năm 2021
                              KẾ HOẠCH
              Chuyển đổi số tỉnh Quảng Nam giai đoạn 2021-2025

The header table is not the title: the title is the type line and the subject after it (its next
paragraph), or a ``V/v …`` line under the number of a letter. The motto names the country and the
dateline (``Quảng Nam, ngày 5 tháng 4 năm 2021``) where it was signed, not what the document is about.
``Số: 95/KH-UBND`` is the document's own symbol; a programme published as the annex of the document
that adopts it (``(Kèm theo Nghị quyết số 124/2017/NQ-HĐND …)`` under its title) takes that one.

    >>> text = ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\\nSố: 95/KH-UBND\\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n"
    ...         "Quảng Nam, ngày 5 tháng 4 năm 2021\\nKẾ HOẠCH\\nChuyển đổi số giai đoạn 2021-2025\\nCăn cứ Luật số 1/2020/QH14;")
    >>> from chitieu.pipeline.segment import paragraphs
    >>> h = read_header(text, paragraphs(text))
    >>> text[slice(*h.title)], h.symbol, [text[s:e] for s, e in h.no_subject]
    ('KẾ HOẠCH\\nChuyển đổi số giai đoạn 2021-2025', '95/KH-UBND', ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Quảng Nam, ngày 5 tháng 4 năm 2021'])
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex
from chitieu.extractors import reference_patterns as P
from chitieu.extractors.references import canonical_symbol

#: the header and title stand within the first paragraphs (table borders and rules count)
HEADER_PARAS = 60
#: a subject line of the title is no longer than this
TITLE_MAX = 400

_GAP = r"[\s*_]+"
MOTTO = regex.compile(_GAP.join(["CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM"]))
_EDGE = " \t\n*_#"
#: the document's own number: ``Số: 95/KH-UBND``, ``Số hiệu: …`` (also across a table border), or ``Số 95/KH-UBND``
#: opening a line of the header
OWN_NUMBER = regex.compile(r"(?:(?<!\w)(?:Số|SỐ)(?:\s*hiệu)?\s*:|(?m:^)[ \t*_|]*(?:Số|SỐ)[ \t]+)[\s*_|]*(?=\d)")
#: an annex's or programme's line under its title: ``(Kèm theo Nghị quyết số 124/2017/NQ-HĐND …)``
ATTACHED = regex.compile(rf"(?i:(?:ban\s+hành\s+)?kèm\s+theo)\s+(?i:{P.TYPE_ALT})[\s*_]+(?:(?i:số)[\s*_]+)?(?=\d)", regex.V0)
_TYPE_LINE = regex.compile(rf"(?i:{P.TYPE_ALT})(?=$|[\s*_]+(?:V/v|VỀ|Về|[\p{{Lu}}\d]))", regex.V0)
#: ``Quảng Nam, ngày 5 tháng 4 năm 2021``, ``Hà Nội, ngày 19/11/2025``
DATELINE = regex.compile(
    r"(?<![\p{L}\d])\p{Lu}[\p{L} .\-]{1,40}?,[\s*_]*(?i:ngày)[\s*_]+\d{1,2}"
    r"(?:[\s*_]+(?i:tháng)[\s*_]+\d{1,2}[\s*_]+(?i:năm)[\s*_]+\d{4}|[/.-]\d{1,2}[/.-]\d{4})"
)
#: a year that closes a date (``ngày 30 tháng 6 năm 2020``): the date of a document the title names
_DATE_BEFORE_YEAR = regex.compile(r"(?i:tháng)[\s*_]+\d{1,2}[\s*_]*,?[\s*_]*$")
_SUBJECT = regex.compile(r"V/v|Về\s|VỀ\s")
_NOT_TITLE = regex.compile(r"(?i:căn\s+cứ|thực\s+hiện|xét|theo\s+đề\s+nghị|kính\s+gửi)(?!\w)")


@dataclass(frozen=True)
class Header:
    """What the header says: the title's span, the document's own symbol (canonical) and its span, and
    the spans of the national motto and the dateline (which name no subject)."""

    title: tuple[int, int] | None = None
    symbol: str = ""
    symbol_span: tuple[int, int] | None = None
    motto: list[tuple[int, int]] = field(default_factory=list)
    dateline: list[tuple[int, int]] = field(default_factory=list)

    @property
    def no_subject(self) -> list[tuple[int, int]]:
        """Where a place names no subject of the document: the motto and the dateline."""
        return sorted(self.motto + self.dateline)


def in_date(text: str, start: int) -> bool:
    """Whether the year phrase at ``start`` (``năm 2020``) closes a date ("ngày 30 tháng 6 năm 2020").

        >>> text = "SỬA ĐỔI NGHỊ ĐỊNH SỐ 72/2020/NĐ-CP NGÀY 30 THÁNG 6 NĂM 2020"
        >>> in_date(text, text.index("NĂM")), in_date("giai đoạn năm 2021", 10)
        (True, False)
    """
    return _DATE_BEFORE_YEAR.search(text, max(0, start - 20), start) is not None


def _core(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    return s, e


def _caps(piece: str) -> bool:
    letters = [c for c in piece if c.isalpha()]
    return len(letters) >= 4 and not any(c.islower() for c in letters)


def _title(text: str, paras: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The type line (``KẾ HOẠCH``) in capitals and the subject lines after it; else a ``V/v`` line."""
    head = paras[:HEADER_PARAS]
    for k, span in enumerate(head):
        s, e = _core(text, span)
        m = _TYPE_LINE.match(text, s, e)
        if m is None or not _caps(text[s:m.end()]):
            continue
        if m.end() < e or k + 1 == len(paras):
            return s, e  # "QUYẾT ĐỊNH VỀ VIỆC …": the subject is on the type line
        fs, fe = _core(text, paras[k + 1])
        piece = text[fs:fe]
        if fe - fs > TITLE_MAX or _NOT_TITLE.match(piece) or piece.endswith((";", ":")):
            return s, e
        return s, fe
    for span in head:
        s, e = _core(text, span)
        if _SUBJECT.match(text, s, e) and text.startswith("V/v", s):
            return s, e
    return None


def read_header(text: str, paras: list[tuple[int, int]]) -> Header:
    """The header of ``text`` (see the module docstring); an empty :class:`Header` when it has none:
    an own symbol counts only in a document with the national motto or a type line for a title."""
    if not paras:
        return Header()
    limit = paras[min(len(paras), HEADER_PARAS) - 1][1]
    motto = [m.span() for m in MOTTO.finditer(text)] if "CỘNG" in text else []  # also in forms annexed
    title = _title(text, paras)
    symbol, symbol_span = "", None
    official = title is not None or any(s < limit for s, _ in motto)
    if official:
        stop = title[0] if title is not None else limit
        for m in OWN_NUMBER.finditer(text, 0, stop):
            found = P.SYMBOL.match(text, m.end())
            if found is not None:
                symbol, symbol_span = canonical_symbol(found.group()), found.span()
                break
    if not symbol and title is not None:
        # a programme or plan published as the annex of the document that adopts it
        m = ATTACHED.search(text, title[1], limit)
        found = P.SYMBOL.match(text, m.end()) if m is not None else None
        if found is not None:
            symbol, symbol_span = canonical_symbol(found.group()), found.span()
    dateline = []
    if official:
        stop = title[0] if title is not None else limit
        dateline = [m.span() for m in DATELINE.finditer(text, 0, stop)][:1]
    return Header(title=title, symbol=symbol, symbol_span=symbol_span, motto=motto, dateline=dateline)
