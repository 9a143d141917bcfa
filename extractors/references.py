"""Legal document references: find, normalize, validate, resolve and annotate (eyecite for Vietnamese).

>>> refs = find_references("Theo Quyết định số 4607/QĐ-UBND ngày 14/12/2021 của UBND tỉnh Khánh Hòa, "
...                        "đến năm 2025 … Quyết định này cũng nêu rõ …")
>>> [(r.surface, r.canonical, r.issue_date) for r in refs]  # doctest: +NORMALIZE_WHITESPACE
[('Quyết định số 4607/QĐ-UBND ngày 14/12/2021', '4607/QĐ-UBND', '2021-12-14'),
 ('Quyết định này', '4607/QĐ-UBND', '2021-12-14')]
>>> refs[0].issuer, refs[1].resolved_from, refs[1].ref_id
('Ủy ban nhân dân tỉnh Khánh Hòa', 5, '4607/QĐ-UBND')

What is found (every pattern lives in :mod:`chitieu.extractors.reference_patterns`):

* **Full references**: a symbol (``4607/QĐ-UBND``, ``539/QĐ-UBND-HC``, ``4338/BTTTT-CĐSQG``,
  ``42/2022/NĐ-CP``, ``55/2022/QH15``, ``06-NQ/TU``) with what stands before it: a type name
  (``Quyết định``, ``Thông tư liên tịch`` …, any case), an abbreviation (``QĐ``, ``NĐ``), a law's name
  (``Luật Đầu tư số 61/2020/QH14``), and/or ``số``. A symbol standing alone is taken when its type can
  be read from it (``… theo 749/QĐ-TTg``: type code ``QĐ``; ``4338/BTTTT-CĐSQG``: a letter, Công văn).
  The date that follows (``ngày 14/12/2021``, ``ngày 3-6-2020``, ``ngày 06.01.2022``,
  ``ngày 5 tháng 8 năm 2021``, ``ngày 24/6`` with the year of a symbol that has one) is part of the span;
  a date earlier in the sentence counts when an issuing verb leads to the reference
  (``Ngày 19/10/2021, … ban hành Nghị quyết số 16-NQ/TU``) and is not part of the span.
* **As typed and published** (:func:`chitieu.extractors.symbols.standard_symbol`): a gap at a hyphen or a
  slash (``272/2025/NĐ- CP``, ``NQ-⏎HĐND``, ``4422 /QĐ-…``), a space for the slash with the codes swapped
  (``2665 QĐ/UBND`` → ``2665/QĐ-UBND``), the year's slash mistyped (``255/2025-NĐ-CP``), Cyrillic
  look-alikes (``NĐ-СР``), Markdown emphasis and a line break in the lead or the date (``Nghị định số*
  *26/2018/NĐ-CP``, ``Luật Cán bộ,⏎công chức số``), date typos (``ngày 15 tháng 9 tháng 2022``). In an
  enumeration (``Luật số 43/2024/QH15, số 47/2024/QH15``) the later symbols take the type written first.
* **Short forms**: ``Quyết định 539``, ``Nghị quyết số 06`` (a capitalised type name and a number that
  is not a quantity) and ``Quyết định này`` / ``Nghị quyết trên`` / ``Kế hoạch nêu trên``.

Not references: phone numbers, ``4G/5G``, ``24/7``, ranks ``22/63``, dates alone, URLs, percentages, a
type name without number or symbol (``triển khai Nghị quyết về chuyển đổi số``).

**Resolution** (done by :func:`find_references`, which returns resolved references sorted by start):
all mentions of one document share ``ref_id`` (its symbol). A short form points to the latest earlier
mention of the same type (and, for ``Quyết định 539``, the same number), records that mention's start in
``resolved_from`` and takes its document's ``ref_id`` and issuer; a demonstrative (``Quyết định này``)
takes its symbol too, and keeps the flag ``demonstrative``, while a number keeps the number it is
written as for ``canonical`` (``539``). A numbered short form with no earlier full mention is kept with
its number as ``canonical``, ``ref_id`` ``"<doc_type>#<number>"`` and flag ``unresolved``; a
demonstrative with nothing to point to is not a reference and is dropped. A mention without a date of
its own inherits the first date said earlier of its document (never one said later).

**Validation** never drops or invents: an impossible date (``31/02/2021``) leaves ``issue_date`` empty
with flag ``bad_date``; an unknown type code is kept with ``unknown_type_code``; also ``unknown_issuer``,
``type_mismatch`` (``Nghị quyết số 12/QĐ-UBND``), ``bad_year`` and ``date_year_mismatch``. Flags are
``|``-joined.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import cached_property

import regex
from chitieu.extractors import reference_patterns as P
from chitieu.extractors import scan
from chitieu.extractors.annotate import annotate
from chitieu.extractors.layout import unwrapped
from chitieu.extractors.reference_resolve import resolve
from chitieu.extractors.symbols import (
    _date_of,
    _flags,
    _issuers,
    _known_issuer,
    _provinces,
    _type_name,
    canonical_symbol,
    issuer_name,
    parse_date,
    parse_symbol,
    standard_symbol,
)

from chitieu.models import Reference

__all__ = ["find_references", "resolve", "annotate", "parse_symbol", "parse_date", "issuer_name"]

# ---------------------------------------------------------------------------
# Context helpers


class _Context:
    """Per-text facts computed once: sentence boundaries, URLs, province mentions."""

    def __init__(self, text: str):
        self.text = text

    # Each fact is computed on first use: many documents need none of them.

    @cached_property
    def boundaries(self) -> tuple[int, ...]:
        return P.sentence_ends(self.text)


    @cached_property
    def provinces(self) -> list[tuple[int, int, str, str]]:
        pattern, names = _provinces()
        found: list[tuple[int, int, str, str]] = []
        if pattern is not None:
            for m in pattern.finditer(self.text):
                name, kind = names[P.fold(m.group())]
                found.append((m.start(), m.end(), name, kind))
        return found

    @cached_property
    def _starts(self) -> list[int]:
        return [p[0] for p in self.provinces]

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.boundaries, pos)
        start = self.boundaries[i - 1] if i else 0
        end = self.boundaries[i] if i < len(self.boundaries) else len(self.text)
        return start, end

    def in_url(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a URL or e-mail address. A URL has no whitespace, so only
        the run of non-space characters around the span is searched, not the whole text."""
        text = self.text
        lo, hi = start, end
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        return any(m.start() < end and start < m.end() for m in P.URL.finditer(text, lo, hi))

    def province(self, start: int, end: int) -> tuple[str, str]:
        """The province a provincial body belongs to: ``… của UBND tỉnh X`` right after the reference,
        else the nearest mention before it in the sentence, else the document's most frequent one."""
        if not self.provinces:
            return "", ""
        s_start, s_end = self.sentence(start)
        i = bisect.bisect_left(self._starts, end)
        if i < len(self.provinces):
            p = self.provinces[i]
            between = self.text[end : p[0]]
            if p[0] < s_end and p[0] - end <= 90 and re.search(r"(?<!\w)(?:của|do)(?!\w)", between):
                return p[2], p[3]
        j = bisect.bisect_left(self._starts, start) - 1
        if j >= 0 and self.provinces[j][0] >= s_start:
            return self.provinces[j][2], self.provinces[j][3]
        return self._most_mentioned

    @cached_property
    def _most_mentioned(self) -> tuple[str, str]:
        return Counter((p[2], p[3]) for p in self.provinces).most_common(1)[0][0]


# ---------------------------------------------------------------------------
# Finding


_HEADER_DATE_REACH = 160  # characters from a header number to its place-and-date line (table cells, wrapped lines)


def _lead_floor(window: str) -> int:
    """Where a lead that ends ``window`` can start at the earliest: after the last token that is not a
    word a lead is written with (:func:`chitieu.extractors.scan.floor`). The end-anchored lead
    patterns are tried from every position they are given: from here on, that is a few words, not
    the whole window.

        >>> window = "căn cứ vào nội dung của Quyết  định số "
        >>> window[_lead_floor(window):]
        ' Quyết  định số '
    """
    return scan.floor(window, 0, len(window), P.LEAD_WORD)


def _pháp_luật(window: str, start: int, type_name: str) -> bool:
    """Whether a ``luật`` at ``start`` is the word of ``pháp luật`` (law in general), not a law."""
    return _type_name(type_name) == "Luật" and re.search(r"(?i:pháp)\s*$", window[:start]) is not None


def _lead(text: str, sym_start: int, floor: int, sym: dict) -> tuple[int, str, str] | None:
    """What stands before a symbol: (start, doc_type, kind) with kind type|abbr|so; None for nothing."""
    lo = max(floor, sym_start - P.LEAD_WINDOW)
    window = text[lo:sym_start]
    lead_floor = _lead_floor(window)
    m = P.LEAD_PLAIN.search(window, lead_floor)
    if m and not (m.group("type") and _pháp_luật(window, m.start(), m.group("type"))):
        if m.group("type"):
            return lo + m.start(), _type_name(m.group("type")), "type"
        return lo + m.start(), P.ABBREVIATIONS[m.group("abbr")], "abbr"
    # "văn bản quy phạm pháp luật số …" is not a law, unless a law's name ends so ("Luật Ban hành văn bản
    # quy phạm pháp luật số 64/2025/QH15")
    for m in reversed([m for m in re.finditer(P.NAMED_TYPE_ALT, window)]):
        named = P.LEAD_NAMED.match(window, m.start())
        if named is None:
            continue
        if named.group("type").isupper() and not named.group("name").isupper():
            continue  # "LUẬT" opens a title in capitals, whose name is in capitals too
        doc_type = _type_name(named.group("type"))
        words = re.sub(r"pháp\s+luật", "", named.group("name").casefold())
        if any(re.search(rf"(?<!\w){re.escape(t.casefold())}(?!\w)", words) for t in P.TYPE_NAMES
               if P.DOC_TYPE_KIND.get(t) != "generic"):  # "văn bản" is also a word of a law's name
            break  # another type stands between: that one (or none) is the reference's type
        name = named.group("name")
        plain = "," not in name and "\n" not in name and len(name.split()) <= P.NAME_WORDS
        codeless = sym["shape"] == "normative" and not sym["type_code"]  # 55/2022/QH15
        if (
            (doc_type in P.NAMED_TYPES and (plain or codeless))
            or _bare_type(sym) == doc_type
            or (doc_type in P.CODELESS_TYPES and codeless)
        ):
            return lo + named.start(), doc_type, "type"
        break
    m = P.LEAD_SO.search(window, lead_floor)
    if m:
        return lo + m.start(), "", "so"
    return None


def _bare_type(sym: dict) -> str:
    """The doc type a symbol alone tells: its type code, or a letter (Công văn) for `N/ISSUER-UNIT`."""
    code = sym["type_code"]
    if code and "unknown_type_code" not in sym["flags"]:
        if sym["shape"] == "party" and code in P.PARTY_TYPE_CODES:
            return P.PARTY_TYPE_CODES[code]
        return P.TYPE_CODES[code]
    return ""


def _date_before(ctx: _Context, start: int, floor: int) -> tuple[str, bool] | None:
    """``Ngày 19/10/2021, Khánh Hòa đã ban hành <ref>``: the last full date of the sentence before the
    reference, when an issuing verb leads from it to the reference and no other symbol stands between."""
    s_start, _ = ctx.sentence(start)
    lo = max(s_start, floor)
    last = None
    for m in P.DATE_BEFORE.finditer(ctx.text, lo, start):
        last = m
    if last is None:
        return None
    between = ctx.text[last.end() : start]
    if "\n" in between or P.SYMBOL.search(between) or not P.ISSUING_VERB_BEFORE.search(between):
        return None
    return _date_of(last, None)


def _header_date(text: str, start: int, end: int) -> tuple[str, bool] | None:
    """``Số: 144/KH-UBND | Bắc Ninh, ngày 24 tháng 11 năm 2025``: a document's own number in its header
    takes the date of the place-and-date line beside it."""
    if not P.HEADER_NUMBER.match(text, start):
        return None
    m = P.HEADER_DATE.search(text, end, end + _HEADER_DATE_REACH)
    return _date_of(m, None) if m else None


def symbol_matches(text: str) -> Iterator[regex.Match]:
    """``P.SYMBOL.finditer(text)``, run only in ``P.SYMBOL_WINDOWS`` (around each ``/`` that a code
    follows).

        >>> [m.group() for m in symbol_matches("Theo Quyết định số 4607/QĐ-UBND ngày 14/12/2021")]
        ['4607/QĐ-UBND']
    """
    return scan.search(P.SYMBOL, text, P.SYMBOL_WINDOWS(text))


def _full_references(ctx: _Context) -> list[Reference]:
    text = ctx.text
    out: list[Reference] = []
    floor = 0
    typed_end = -1  # where the last reference whose type is written before it ends
    for m in symbol_matches(text):
        if ctx.in_url(m.start(), m.end()):
            continue
        written = m.group()
        symbol = standard_symbol(written)  # "272/2025/NĐ- CP", "2665 QĐ/UBND" as they stand for
        sym = parse_symbol(symbol)
        if not sym:
            continue
        lead = _lead(text, m.start(), floor, sym)
        canonical = canonical_symbol(symbol, lead[1] if lead else "")
        # a mistyped code, or a separator typed wrong (a gap is not a typo: hard-wrapping makes it)
        typo = canonical != P.fold(symbol) or symbol != re.sub(r"\s+", "", written)
        if typo:  # a mistyped code read as the code it stands for (1055/QD-UBND)
            sym = parse_symbol(canonical)
            lead = _lead(text, m.start(), floor, sym)
        flags = list(sym["flags"]) + (["typo"] if typo else [])
        typed = lead is not None and lead[2] != "so"  # the type is written before the symbol
        if not typed:
            doc_type = _bare_type(sym)
            if (not doc_type and out and out[-1].end == typed_end
                    and P.ENUMERATION_GAP.fullmatch(text, out[-1].end, lead[0] if lead else m.start())):
                doc_type = out[-1].doc_type  # "Luật số 43/2024/QH15, số 47/2024/QH15": one type for all
                typed = True
            if not doc_type and sym["shape"] == "administrative" and not sym["type_code"]:
                # N/ISSUER-UNIT is a letter's symbol; a single unknown code is too weak
                codes = re.split(P._HYPHEN, P.SYMBOL.fullmatch(symbol).group("a_codes"))
                if len(codes) >= 2 and _known_issuer(codes[0]):
                    doc_type = "Công văn"
            if not doc_type:
                continue
            start = lead[0] if lead else m.start()
        else:
            start, doc_type = lead[0], lead[1]
            expected = _bare_type(sym)
            # Quy định / Quyết định share QĐ in party symbols; Tờ trình / Thông tri share TTr
            shared = ({"Quy định", "Quyết định"}, {"Tờ trình", "Thông tri"})
            if (
                expected
                and P.DOC_TYPE_KIND.get(doc_type) != "generic"
                and expected != doc_type
                and P.KIND_OF.get(doc_type) != expected  # "Chương trình hành động số 10-CTr/TU"
                and {expected, doc_type} not in shared
            ):
                flags.append("type_mismatch")
        end = m.end()
        issue_date = ""
        after = P.DATE_AFTER.match(text, end) or P.DATE_AFTER_BREAK.match(text, end)
        date = _date_of(after, sym["year"]) if after else None
        if date is not None:
            end = after.end()
        else:
            date = _date_before(ctx, start, floor) or _header_date(text, start, end)
        if date is not None:
            issue_date, ok = date
            if not ok:
                flags.append("bad_date")
            elif sym["year"] and int(issue_date[:4]) != sym["year"]:
                flags.append("date_year_mismatch")
        province, kind = "", ""
        codes = sym["issuer_codes"]
        if any(_issuers().get(c, {}).get("scope", "central") != "central" for c in codes):
            province, kind = ctx.province(start, end)
        issuer = ", ".join(filter(None, (issuer_name(c, province, kind) for c in codes)))
        if codes == ["TW"]:
            said = P.ISSUER_AFTER.match(text, end)
            if said:
                issuer = " ".join(said.group("body").split())
        out.append(
            Reference(
                start=start,
                end=end,
                surface=text[start:end],
                canonical=canonical,
                doc_type=doc_type,
                number=sym["number"],
                year=sym["year"],
                type_code=sym["type_code"],
                issuer_code="-".join(codes),
                issuer=issuer,
                issue_date=issue_date,
                ref_id=canonical,
                flags=_flags(flags),
            )
        )
        floor = end
        if typed:
            typed_end = end
    return out


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (end, end))
    return any(s < end and start < e for s, e in spans[max(0, i - 2) : i + 1])


def _short_forms(text: str) -> tuple[list[regex.Match], list[regex.Match]]:
    """``SHORT_NUMBER`` and ``SHORT_DEMONSTRATIVE``'s matches, as their ``finditer`` finds them. Both
    start where ``SHORT_START`` (a document type and a space) does: one scan finds where to try them,
    itself tried only where ``SHORT_START_CANDIDATE`` (the same without the word boundary) matches."""
    starts = [m.start() for m in scan.tried_at(P.SHORT_START, text, P.SHORT_START_CANDIDATE)]
    return list(scan.tried_at(P.SHORT_NUMBER, text, starts)), list(scan.tried_at(P.SHORT_DEMONSTRATIVE, text, starts))


def _short_references(ctx: _Context, taken: list[tuple[int, int]]) -> list[Reference]:
    text = ctx.text
    out: list[Reference] = []
    numbered, demonstratives = _short_forms(text)
    for m in numbered:
        start, end = m.start(), m.end()
        number = m.group("num")
        if _overlaps(taken, start, end) or ctx.in_url(start, end):
            continue
        if not m.group("so") and (len(number) < 2 or re.fullmatch(r"(?:19|20)\d\d", number)):
            continue
        if P.MEASURE_WORDS.match(text, end):
            continue
        flags: list[str] = []
        issue_date = ""
        after = P.DATE_AFTER.match(text, end) or P.DATE_AFTER_BREAK.match(text, end)
        date = _date_of(after, None) if after else None
        if date is not None:
            end = after.end()
            issue_date, ok = date
            if not ok:
                flags.append("bad_date")
        out.append(
            Reference(
                start=start,
                end=end,
                surface=text[start:end],
                doc_type=m.group("type"),
                number=number,
                issue_date=issue_date,
                flags=_flags(flags),
            )
        )
    for m in demonstratives:
        start, end = m.start(), m.end()
        if _overlaps(taken, start, end):
            continue
        if m.group("dem") == "trên" and not P.AFTER_TREN.match(text, end):
            continue  # "Đề án trên địa bàn …": a preposition
        out.append(
            Reference(
                start=start, end=end, surface=m.group(), doc_type=m.group("type"), flags="demonstrative"
            )
        )
    return out


def find_references(text: str) -> list[Reference]:
    """Every legal-document reference of ``text``, normalized, validated and resolved, sorted by start.

    ``text[r.start:r.end] == r.surface`` for every reference; see the module docstring for what is
    found and how short forms are resolved.
    """
    if not text:
        return []
    # A hard-wrapped text is read with its soft line breaks as spaces ("Nghị định số⏎07/2021/NĐ-CP",
    # "ngày⏎25/5/2016"); surfaces are then taken from the text as written.
    flat = unwrapped(text)
    ctx = _Context(flat)
    full = _full_references(ctx)
    taken = sorted((r.start, r.end) for r in full)
    short = _short_references(ctx, taken)
    found = resolve(full + short, flat)
    if flat is not text:
        found = [replace(r, surface=text[r.start:r.end]) for r in found]
    return found
