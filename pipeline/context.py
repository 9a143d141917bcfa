"""Context stage: what a document says as a whole, before any value is read.

Takes a :class:`Doc` with its normalized ``text``; gives its paragraphs, the year, cue and place
mentions of the regions that can matter (the first lines, headings and paragraphs with a value),
the document's subject place, the year its title sets, the year and status each heading sets for
the paragraphs below it, and the year of its byline date.

    >>> d = Doc("d", "Quảng Nam: kế hoạch đến năm 2025\\nTỷ lệ đạt 80%."); d.text = d.original
    >>> build_context(d); (d.subject, d.title_year)
    ('Quảng Nam', 2025)
"""

from __future__ import annotations

from collections import Counter

import regex
from chitieu.extractors.cues import find_cues_in
from chitieu.extractors.places import find_places_in
from chitieu.extractors.years import find_years_in
from chitieu.pipeline.doc import Doc
from chitieu.pipeline.header import in_date, read_header
from chitieu.pipeline.place import NATIONAL
from chitieu.pipeline.segment import is_candidate, paragraphs

from chitieu.models import PlaceMention, YearMention

HEADING_MAX = 200


def document_subject(text: str, places: list[PlaceMention], paras: list[tuple[int, int]],
                     title: tuple[int, int] | None = None, no_subject: list[tuple[int, int]] = ()) -> str:
    """The document's place: the one named in the title (``title``, else the first paragraph), else the
    most mentioned; ``Việt Nam`` for a national round-up ("cả nước" said at least as often as any
    province). Datelines ("Hà Nội, ngày …") in byline lines say where it was written, not what it is
    about; nor does an official document's motto (``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``) or dateline
    (``no_subject``, :mod:`chitieu.pipeline.header`)."""
    bylines = [(s, e) for s, e in paras[:4] if e - s <= HEADING_MAX and _BYLINE_DATE.search(text, s, e)]
    places = [p for p in places if not any(s <= p.start < e for s, e in [*bylines, *no_subject])]
    official = title is not None  # an official document's title may be long
    title = title or (paras[0] if paras else None)
    if title and (official or title[1] - title[0] <= HEADING_MAX):
        first = [p for p in places if p.start < title[1] and p.place != "Việt Nam"]
        if first:
            return first[0].place
        if NATIONAL.search(text, *title) or any(p.start < title[1] for p in places):
            return "Việt Nam"
    counts = Counter(p.place for p in places if p.place != "Việt Nam")
    national = len(NATIONAL.findall(text)) + sum(p.place == "Việt Nam" for p in places)
    if not counts:
        return "Việt Nam" if national else ""
    best = max(counts.values())
    if national >= best and national >= 2:
        return "Việt Nam"
    return next(p.place for p in places if counts.get(p.place) == best)


def is_heading(text: str, span: tuple[int, int]) -> bool:
    s, e = span
    return e - s <= HEADING_MAX and text[e - 1] not in ".;:!?…"


def _governing_year(years: list[YearMention]) -> int | None:
    """Year a heading/title sets for targets: a deadline or period end, a vision last."""
    for kinds in (("deadline", "period", "point", "through"), ("vision",)):
        for y in years:
            if y.kind in kinds:
                return y.year
    return None


_BYLINE_DATE = regex.compile(r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-](?P<y>(?:19|20)\d\d)(?![\d/.-])")


def _byline_year(text: str, paras: list[tuple[int, int]]) -> int | None:
    """Year of the publication date in the first lines (a byline), not of a date inside a sentence."""
    for s, e in paras[:4]:
        if e - s > HEADING_MAX:
            continue
        m = _BYLINE_DATE.search(text, s, e)
        if m:
            return int(m.group("y"))
    return None


def build_context(doc: Doc) -> None:
    """What the rules need to know of a document. Only the regions that can matter are scanned: the
    first lines (title, byline, lead), headings, and the paragraphs that hold a value."""
    text = doc.text
    paras = paragraphs(text)
    header = read_header(text, paras)
    title = header.title or (paras[0] if paras else None)
    regions = [p for i, p in enumerate(paras) if i < 3 or is_heading(text, p) or is_candidate(text[p[0]:p[1]])
               or (title and p[0] < title[1] and title[0] < p[1])]
    places = find_places_in(text, regions)
    # A cue inside a place name is no cue ("Cần Thơ" is not "cần").
    cues = [c for c in find_cues_in(text, regions) if c.kind in ("target", "actual")
            and not any(p.start <= c.start < p.end for p in places)]
    doc.paragraphs = paras
    doc.years = find_years_in(text, regions)
    doc.cues = cues
    doc.places = places
    doc.index()
    doc.subject = document_subject(text, doc.places, paras, header.title, header.no_subject)
    doc.own_symbol = header.symbol
    doc.doc_year = _byline_year(text, paras)
    if doc.doc_year is None and paras:
        # A plan for "giai đoạn 2021 – 2025" reports the years up to 2021 as its baseline.
        period = [y for y in doc.years_in(*title) if y.kind == "period" and y.year_start]
        doc.plan_start = period[0].year_start if period else None
    if paras:
        # the date of a document an official title names is not a year the title sets
        doc.title_year = _governing_year([y for y in doc.years_in(*title)
                                          if header.title is None or not in_date(text, y.start)])
    year, status = None, None
    for i, span in enumerate(paras):
        if i and is_heading(text, span):  # a new heading resets what the previous one said
            year = _governing_year(doc.years_in(*span))
            cues = doc.cues_in(*span)
            status = cues[-1].kind if cues else None
        if year:
            doc.heading_years[i] = year
        if status:
            doc.heading_status[i] = status
