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

import bisect
from collections import Counter
from functools import cache

import regex
from chitieu.extractors import reference_patterns as P
from chitieu.extractors.cues import find_cues_in
from chitieu.extractors.levels import subject_level
from chitieu.extractors.lexicon import alternation, rows, words
from chitieu.extractors.places import find_places_in, find_regions
from chitieu.extractors.publishers import address_place, publisher_place
from chitieu.extractors.references import canonical_symbol
from chitieu.extractors.symbols import is_central_issuer, is_central_symbol, parse_symbol
from chitieu.extractors.years import find_relative_years, find_years, find_years_in
from chitieu.pipeline.doc import Doc
from chitieu.pipeline.header import in_date, read_header
from chitieu.pipeline.place import (
    NATIONAL_ISSUER,
    VIETNAM,
    countries_named,
    in_business_name,
    ministry_pattern,
    names_abroad,
    national,
)
from chitieu.pipeline.scope import compared
from chitieu.pipeline.segment import is_candidate, paragraphs
from chitieu.pipeline.year import SAME_PERIOD

from chitieu.models import PlaceMention, YearMention

HEADING_MAX = 200


# "… giám sát hàng NK tại cảng. Ảnh: T.Trang": a photo's credit closes its caption
_PHOTO_CREDIT = regex.compile(r"[.)\s]*\(?\s*(?:" + alternation(words("place_words.csv", "photo_credit")) + r")\s*:",
                              regex.IGNORECASE)


def _in_caption(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a photo's caption: its sentence is followed by the photo's credit."""
    end = min([i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0] or [len(text)])
    return _PHOTO_CREDIT.match(text, end, min(len(text), end + 20)) is not None


def document_subject(text: str, places: list[PlaceMention], paras: list[tuple[int, int]],
                     title: tuple[int, int] | None = None, no_subject: list[tuple[int, int]] = ()) -> str:
    """The document's place: the one named in the title (``title``, else the first paragraph), else the
    most mentioned; ``Việt Nam`` for a national round-up ("cả nước" said at least as often as any
    province). Datelines ("Hà Nội, ngày …") in byline lines say where it was written, not what it is
    about; nor does an official document's motto (``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``) or dateline
    (``no_subject``, :mod:`chitieu.pipeline.header`)."""
    bylines = [(s, e) for s, e in paras[:4] if _is_byline(text, s, e)]
    places = [p for p in places if not any(s <= p.start < e for s, e in [*bylines, *no_subject])
              and not in_business_name(text, p.start)  # "Lợi nhuận Tổng công ty Tân cảng Sài Gòn tăng 5-7%"
              and not _in_caption(text, p.end)]  # "Cục Hải quan Quảng Ninh giám sát hàng NK. Ảnh: T.Trang"
    official = title is not None  # an official document's title may be long
    title = title or (paras[0] if paras else None)
    if title and (official or title[1] - title[0] <= HEADING_MAX):
        first = [p for p in places if p.start < title[1] and p.place != "Việt Nam"]
        if first:
            return first[0].place
        if national(text, *title) or any(p.start < title[1] for p in places):
            return "Việt Nam"
    counts = Counter(p.place for p in places if p.place != "Việt Nam")
    nation = len(national(text, clause_start=False)) + sum(p.place == "Việt Nam" for p in places)
    if not counts:
        return "Việt Nam" if nation else ""
    best = max(counts.values())
    if nation >= best and nation >= 2:
        return "Việt Nam"
    return next(p.place for p in places if counts.get(p.place) == best)


_BULLET = regex.compile(r"[\s*_]*[-+•*–]\s")  # also in emphasis: "*- Nông nghiệp công nghệ cao*"
_ISO_DATE = regex.compile(r"(?:19|20)\d\d(?:-\d\d){0,2}$")
# "… của Bộ Xây dựng": a title that names whose plan or work it is.
_OWNER = regex.compile(r"(?<![\p{L}])" + alternation(words("place_words.csv", "owner_particle")) + r"\s+$",
                       regex.IGNORECASE)


# "Ngân hàng VPBank", "Công ty Vinamilk", "NutiFood": a business named by its noun and a name, or by a
# brand written in camel case (not an all-capital abbreviation)
# "Công ty cổ phần nông nghiệp quốc tế Hoàng Anh Gia Lai": a company noun, the lowercase words of its trade, its name
_BUSINESS = regex.compile(r"(?<![\p{L}])(?i:" + alternation(words("place_words.csv", "business")) + r")[ \t]+\p{Lu}"
                          r"|(?<![\p{L}])(?i:" + alternation(words("place_words.csv", "company_type")) + r")"
                          r"(?:[ \t]+(?!(?:" + alternation(words("place_words.csv", "not_trade_word")) + r")(?![\p{L}]))"
                          r"\p{Ll}+){1,5}[ \t]+\p{Lu}"
                          r"|(?<![\p{L}])(?=\p{L}*\p{Lu}\p{L}*\p{Lu})(?=\p{L}*\p{Ll})\p{Lu}\p{L}+"
                          # "Eximbank", "Vingroup": a one-word name with a business's ending
                          r"|(?<![\p{L}])\p{Lu}\p{Ll}+(?:" + alternation(words("place_words.csv", "brand_suffix")) + r")(?![\p{L}])")
# "Lợi nhuận thuần 6 tháng đầu năm của NCB tăng 2,6 lần": a title that reports what only a business measures
_BUSINESS_MEASURE = regex.compile(r"(?<![\p{L}])(?i:" + alternation(words("place_words.csv", "business_measure"))
                                  + r")(?![\p{L}])")


# "… tăng 6,8% so với tháng 1.2016": the year a title compares with
_SO_VOI = regex.compile(r"(?<![\p{L}])so\s+với(?![\p{L}])[^,;.]*$", regex.IGNORECASE)


# "Quyết định này có hiệu lực kể từ ngày ký", "… có hiệu lực thi hành từ ngày 10 tháng 12 năm 2025"
_TAKES_EFFECT = regex.compile(r"(?<![\p{L}])" + alternation(words("status_words.csv", "takes_effect"))
                              + r"(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày(?P<when>[^.;]{0,40})", regex.IGNORECASE)
_WHEN_YEAR = regex.compile(r"(?:năm|/|-|\.)\s*((?:19|20)\d\d)(?!\d)")


def _effective_year(text: str, doc_year: int | None) -> int | None:
    """The year a document says it takes effect: the year of the date it gives, or, on signing ("kể từ ngày
    ký", "ngày ban hành"), the document's own year; None when it says nothing.

        >>> _effective_year("Quyết định này có hiệu lực kể từ ngày ký.", 2025)
        2025
        >>> _effective_year("Nghị quyết có hiệu lực thi hành từ ngày 10 tháng 12 năm 2026.", 2025)
        2026
    """
    m = _TAKES_EFFECT.search(text)
    if m is None:
        return None
    year = _WHEN_YEAR.search(m.group("when"))
    return int(year.group(1)) if year else doc_year


def _reported_year(text: str, years: list[YearMention], floor: int | None = None) -> int | None:
    """The first year of ``years`` a report is about: not one it compares with (``so với năm 2019``); a
    year whose same part it compares with (``tương đương cùng kỳ năm 2019``) gives the year after.
    ``floor``: the year after a same-period base anywhere in the text (:func:`_base_floor`); a report is
    of no earlier year, whatever history it tells first (``giảm dần từ 2016 đến nay, trừ năm 2017``)."""
    own, base = _said_years(text, years)
    found = own[0].year if own else (base[0].year + 1 if base else None)
    return max(found, floor) if found and floor else found


def _said_years(text: str, years: list[YearMention]) -> tuple[list[YearMention], list[YearMention]]:
    """The years a report says it is about (``năm 2020``, ``đến hết năm 2020``), and the same-period bases
    (``cùng kỳ năm 2019``); neither one it compares with (``so với năm 2019``)."""
    def sentence_start(pos: int) -> int:
        return max(text.rfind(". ", 0, pos) + 2, text.rfind("\n", 0, pos) + 1, 0)

    said = [y for y in years if y.kind in ("point", "through")]
    base = [y for y in said if SAME_PERIOD.search(text, max(0, y.start - 16), y.start)]
    return [y for y in said if y not in base and not compared(text, sentence_start(y.start), y.start)], base


def _base_floor(text: str, years: list[YearMention]) -> int | None:
    """The year after the latest same-period base of a text (``so với cùng kỳ năm 2019`` → 2020)."""
    base = _said_years(text, years)[1]
    return max(y.year for y in base) + 1 if base else None


def _speaks_of_country(text: str, lo: int = 0, hi: int | None = None) -> bool:
    """Whether ``text[lo:hi]`` speaks of the country: ``của cả nước``, ``toàn quốc`` or a national body
    (``Chính phủ``, ``Tổng cục Thống kê``).

        >>> _speaks_of_country("Chính phủ vừa ban hành …"), _speaks_of_country("UBND tỉnh vừa ban hành …")
        (True, False)
    """
    hi = len(text) if hi is None else hi
    return bool(national(text, lo, hi, clause_start=False) or NATIONAL_ISSUER.search(text, lo, hi))


def _cites_central_rule(doc: Doc) -> bool:
    """Whether the text cites a document of a central body (``Nghị quyết 198/2025/QH15``, ``Thông tư
    07/2025/TT-BKHĐT``): a text that names no province and explains it speaks of the country's rules."""
    return any(r.issuer_code and all(is_central_issuer(c) for c in r.issuer_code.split("-")) for r in doc.references)


_VENUE = regex.compile(r"(?<![\p{L}])" + alternation(words("place_words.csv", "venue_particle")) + r"\s+$", regex.IGNORECASE)


def _only_a_venue(text: str, places: list[PlaceMention], subject: str, hi: int) -> bool:
    """Whether the title and lead (up to ``hi``) name ``subject`` only as where something took place
    ("… tổ chức ngày 23/4 tại TP.HCM").

        >>> from chitieu.extractors.places import find_places
        >>> text = "Đại hội cổ đông ngân hàng tổ chức tại TP.HCM"
        >>> _only_a_venue(text, find_places(text), "Hồ Chí Minh", len(text))
        True
    """
    named = [p for p in places if p.place == subject and p.start < hi and not in_business_name(text, p.start)]
    return bool(named) and all(_VENUE.search(text, max(0, p.start - 8), p.start) for p in named)


def _about_abroad(text: str, paras: list[tuple[int, int]]) -> bool:
    """Whether the title or lead names another country and not ours: its "Chính phủ" is that country's.

        >>> _about_abroad("Cựu lãnh đạo xứ Catalonia (Tây Ban Nha) ra tòa", [(0, 46)])
        True
        >>> _about_abroad("Việt Nam và Nhật Bản ký hiệp định", [(0, 33)])
        False
    """
    lo, hi = (paras[0][0], paras[min(1, len(paras) - 1)][1]) if paras else (0, 0)
    return names_abroad(text, lo, hi) and not national(text, lo, hi, clause_start=False) and "Việt Nam" not in text[lo:hi]


def _mostly_of(text: str, country: str) -> bool:
    """Whether ``text`` names ``country`` more than twice as often as ours ("Việt Nam", "cả nước"): a
    title's country is the subject of a story about it, not of one about our trade with it.

        >>> _mostly_of("Trung Quốc tăng mua. Trung Quốc nhập 9%.", "Trung Quốc")
        True
        >>> _mostly_of("Trung Quốc tăng mua. Việt Nam xuất khẩu sang Trung Quốc 9%.", "Trung Quốc")
        False
    """
    ours = text.count(VIETNAM) + len(national(text, clause_start=False))
    return sum(name == country for _, name in countries_named(text, 0, len(text))) > 2 * ours


def _about_a_business(text: str, paras: list[tuple[int, int]], not_if: regex.Pattern | None = None) -> bool:
    """Whether the title or lead names a business: its figures are the business's, not the nation's.

        >>> _about_a_business("VPBank tăng trưởng 37% lợi nhuận quý I", [(0, 39)])
        True
        >>> _about_a_business("Cả nước có 78% số xã đạt chuẩn nông thôn mới", [(0, 44)])
        False
    """
    lo, hi = (paras[0][0], paras[min(1, len(paras) - 1)][1]) if paras else (0, 0)
    if paras and paras[0][1] - paras[0][0] <= HEADING_MAX and _BUSINESS_MEASURE.search(text, *paras[0]):
        return True  # the title reports a business's profit, dividend or bad debt
    return any(not_if is None or not not_if.match(text, m.start()) for m in _BUSINESS.finditer(text, lo, hi))


def _title_ministry(text: str, title: tuple[int, int]) -> str:
    """A ministry that a short title names as the owner (``Kế hoạch … của Bộ Xây dựng``), when the
    title names no province: its figures are about its own work."""
    s, e = title
    if e - s > HEADING_MAX:
        return ""
    for m in ministry_pattern().finditer(text, s, e):
        if _OWNER.search(text, max(s, m.start() - 8), m.start()):
            return " ".join(m.group().split())
    return ""


@cache
def _plan_title() -> regex.Pattern:
    """A title that opens with a document type (``KẾ HOẠCH``, ``Quyết định 664/QĐ-BXD …``, ``Toàn văn
    Kế hoạch …``): the text is the plan itself, not a report on one. Used with ``match(text, pos)``, so
    no ``^`` (which never matches at a ``pos`` inside the text: a title under the header table)."""
    reports = set(words("status_words.csv", "report_type"))  # "Báo cáo của Sở Y tế … cho thấy": a report
    # "Hướng dẫn giải đề thi …", "Chương trình ca nhạc …": a type that is also a common word opens a plan's
    # title only in capitals or before its number ("HƯỚNG DẪN", "Hướng dẫn số 12/HD-UBND")
    common = set(words("status_words.csv", "common_type"))
    types = [r["doc_type"] for r in rows("doc_types.csv") if r["doc_type"] not in reports | common]
    return regex.compile(r"[\s#*>_|\[]*(?i:(?:" + alternation(words("place_words.csv", "full_text")) + r")\s+)?(?:"
                         + r"(?i:" + alternation(types) + r")(?![\p{L}])"
                         + r"|" + alternation([t.upper() for t in common]) + r"(?![\p{L}])"
                         + r"|(?i:" + alternation(sorted(common)) + r")(?=\s+(?i:số\b|\d)))")


_NUMBER_WORD = regex.compile(r"\s*(?:số\s*:?\s*)?", regex.IGNORECASE)


def title_symbol(text: str, paras: list[tuple[int, int]]) -> str:
    """The symbol a plan's own title gives right after its type, when the text is the plan itself
    ("Kế hoạch số 95/KH-UBND ngày 5/3/2025 của UBND tỉnh về …"): the document's own symbol.

        >>> from chitieu.pipeline.segment import paragraphs
        >>> text = "Kế hoạch số 95/KH-UBND ngày 5/3/2025 về chuyển đổi số\\n\\nPhấn đấu 90% hồ sơ trực tuyến."
        >>> title_symbol(text, paragraphs(text))
        '95/KH-UBND'
    """
    m = _plan_title().match(text, *paras[0]) if paras else None
    if m is None:
        return ""
    found = P.SYMBOL.match(text, _NUMBER_WORD.match(text, m.end()).end())
    return canonical_symbol(found.group()) if found is not None else ""


def is_plan(text: str, paras: list[tuple[int, int]]) -> bool:
    """Whether the document is a plan, programme or decision itself (its title opens with its type)."""
    return bool(paras) and _plan_title().match(text, *paras[0]) is not None


@cache
def _rulebook_title() -> regex.Pattern:
    """A title line that names a law, a code, a decree or a circular in capitals (``LUẬT``, ``BỘ LUẬT``,
    ``NGHỊ ĐỊNH``), or a header label of its number (``Luật số: 91/2015/QH13``)."""
    types = words("status_words.csv", "rulebook_type")
    return regex.compile(r"[\s#*>_|\[]*(?:" + alternation([t.upper() for t in types]) + r"(?![\p{L}])"
                         + r"|" + alternation(types) + r"\s+số\s*:)")


@cache
def _rule_setting_title() -> regex.Pattern:
    """An official title whose subject line sets rules (``NGHỊ QUYẾT`` / ``QUY ĐỊNH MỨC CHO VAY …``,
    ``QUYẾT ĐỊNH`` / ``BAN HÀNH QUY CHẾ …``, ``… VỀ VIỆC SỬA ĐỔI, BỔ SUNG QUY ĐỊNH …``)."""
    types = [r["doc_type"] for r in rows("doc_types.csv")]
    return regex.compile(r"[\s#*>_|\[]*" + alternation(types) + r"[\s*_]*(?:(?:về\s+việc|về|v/v)\s+)?"
                         + alternation(words("status_words.csv", "rule_subject")) + r"(?![\p{L}])", regex.IGNORECASE)


@cache
def _plan_noun() -> regex.Pattern:
    return regex.compile(r"(?<![\p{L}])" + alternation(words("status_words.csv", "plan_noun")) + r"(?![\p{L}])",
                         regex.IGNORECASE)


def is_rulebook(text: str, paras: list[tuple[int, int]], title: tuple[int, int] | None) -> bool:
    """Whether the document is a law, code, decree or circular itself, or an official title that sets
    rules (``QUY ĐỊNH MỨC CHO VAY …``; not ``BAN HÀNH KẾ HOẠCH …``): its percentages are rules (shares,
    thresholds, rates), never goals or results.

        >>> text = "QUỐC HỘI\\n\\nLuật số: 91/2015/QH13\\n\\nBỘ LUẬT\\n\\nDÂN SỰ"
        >>> from chitieu.pipeline.segment import paragraphs
        >>> is_rulebook(text, paragraphs(text), None)
        True
        >>> text = "NGHỊ QUYẾT\\n\\nQUY ĐỊNH MỨC PHÍ THAM QUAN"
        >>> is_rulebook(text, paragraphs(text), (0, len(text)))
        True
    """
    spans = ([title] if title else []) + list(paras[:8])
    if any(_rulebook_title().match(text, s, e) for s, e in spans):
        return True
    return (title is not None and _rule_setting_title().match(text, *title) is not None
            and _plan_noun().search(text, *title) is None)


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


_BYLINE_WORDS = 12  # a byline is a date with a few words ("Hà Nội, ngày 20/9/2024"), not a sentence that dates a document


def _is_byline(text: str, s: int, e: int) -> bool:
    # (the word count first: cheaper than the date pattern, and most first lines are longer)
    return e - s <= HEADING_MAX and len(text[s:e].split()) <= _BYLINE_WORDS and _BYLINE_DATE.search(text, s, e) is not None


def _byline_year(text: str, paras: list[tuple[int, int]]) -> int | None:
    """Year of the publication date in the first lines (a byline), not of a date inside a sentence."""
    for s, e in paras[:4]:
        if e - s > HEADING_MAX:
            continue
        m = _BYLINE_DATE.search(text, s, e) if _is_byline(text, s, e) else None
        if m:
            return int(m.group("y"))
    return None


# "Nghị quyết 19-NQ/TW năm 2022": the year a document was issued, written right after its symbol
_ISSUE_YEAR_GAP = regex.compile(r"[ \t\xa0]*,?[ \t\xa0]*")


def _of_a_reference(text: str, ref_ends: list[int], year: YearMention) -> bool:
    """Whether a year is the issue year of the reference that ends right before it (``ref_ends``, sorted),
    no time of the figures."""
    if year.kind != "point" or not text.startswith("năm", year.start):
        return False
    i = bisect.bisect_right(ref_ends, year.start) - 1
    return i >= 0 and _ISSUE_YEAR_GAP.fullmatch(text, ref_ends[i], year.start) is not None


def build_context(doc: Doc) -> None:
    """What the rules need to know of a document. Only the regions that can matter are scanned: the
    first lines (title, byline, lead), headings, and the paragraphs that hold a value."""
    text = doc.text
    paras = paragraphs(text)
    header = read_header(text, paras)
    block = _title_block(text, paras, header.title)
    title = (block[0][0], block[-1][1]) if block else None
    regions = [p for i, p in enumerate(paras)
               if i < 3 or is_heading(text, p) or text[p[1] - 1] == ":" or is_candidate(text[p[0]:p[1]])
               or (title and p[0] < title[1] and title[0] < p[1])]
    places = find_places_in(text, regions)
    # A cue inside a place name is no cue ("Cần Thơ" is not "cần").
    cues = [c for c in find_cues_in(text, regions) if c.kind in ("target", "actual")
            and not any(p.start <= c.start < p.end for p in places)]
    doc.paragraphs = paras
    ref_ends = sorted(r.end for r in doc.references)
    doc.years = [y for y in find_years_in(text, regions) if not _of_a_reference(text, ref_ends, y)]
    doc.cues = cues
    doc.places = places
    doc.index()
    doc.subject = document_subject(text, doc.places, paras, header.title, header.no_subject)
    lead_end = paras[min(1, len(paras) - 1)][1] if paras else 0  # the end of the title and lead
    if (doc.subject and doc.subject != "Việt Nam" and header.title is None and header.symbol == ""
            and not any(p.start < lead_end for p in doc.places if p.place != "Việt Nam")
            and _speaks_of_country(text, 0, lead_end)):
        doc.subject = "Việt Nam"  # a title and lead about the country ("Chính phủ …", "cả nước"), provinces only as examples
    abroad = countries_named(text, *paras[0]) if paras and header.title is None and doc.subject in ("", VIETNAM) else []
    if abroad and _about_abroad(text, paras) and _mostly_of(text, abroad[0][1]):
        doc.subject = abroad[0][1]  # "Thụy Điển 'đau đầu' vì quá nhiều tiền": that country's figures
    if (doc.subject and doc.subject != VIETNAM and _about_a_business(text, paras)
            and _only_a_venue(text, doc.places, doc.subject, lead_end)):
        doc.subject = ""  # "ĐHĐCĐ thường niên Sacombank tổ chức tại TP.HCM": where a business met, not whose figures
    if (doc.subject == VIETNAM and header.title is None and _about_a_business(text, paras) and not _speaks_of_country(text)
            and not national(text) and not _cites_central_rule(doc)
            and not any(p.place == VIETNAM and p.start < paras[0][1] for p in places)):
        # "OCB đặt mục tiêu chia cổ tức …" (not "… nhà đầu tư lớn nhất vào Việt Nam", nor a text that says "cả nước"
        # anywhere): a business's figures
        doc.subject = ""
    doc.own_symbol = header.symbol
    own = parse_symbol(header.symbol) if header.symbol else {}
    # regions are places of their figures, but never the document's subject
    doc.places = sorted(doc.places + find_regions(text, regions), key=lambda p: p.start)
    doc.subject_source = "text" if doc.subject else ""
    if paras:  # "Sáng 1-4, UBND quận 1, TP. HCM tổ chức tổng kết …": a text about a district or commune
        doc.subject_level = subject_level(text, paras[0][0], lead_end)
    if not doc.subject and block:
        doc.subject = next((m for m in (_title_ministry(text, p) for p in block) if m), "")
        doc.subject_source = "text" if doc.subject else ""
    if (not doc.subject and doc.paragraphs and NATIONAL_ISSUER.search(text, paras[0][0], paras[min(2, len(paras) - 1)][1])
            and not _about_abroad(text, paras)):
        doc.subject, doc.subject_source = "Việt Nam", "text"  # "Thủ tướng Chính phủ ban hành Chương trình …"
    if not doc.subject:  # the text never names its place: the publisher tells it
        url = doc.meta.get("url") or None
        publisher = publisher_place(url, doc.meta.get("outlet") or None) or address_place(url)
        if publisher is not None and not (publisher.place == "Việt Nam" and _about_a_business(text, paras)):
            doc.subject, doc.subject_source = publisher.place, "publisher"
            doc.country_cue = (_speaks_of_country(text) or bool(ministry_pattern().search(text))
                               or _cites_central_rule(doc))  # "Theo Thông tư 111/2013/TT-BTC, thuế suất … là 5%"
        elif (publisher is None and not _about_a_business(text, paras, NATIONAL_ISSUER) and not _about_abroad(text, paras)
              and (_speaks_of_country(text) or _cites_central_rule(doc))):
            # no publisher, no province, no business: a text that speaks of the country ("cả nước", "Chính phủ"),
            # or one that explains a central body's rule (a legal explainer site)
            doc.subject, doc.subject_source, doc.country_cue = "Việt Nam", "text", True
    if not doc.subject and is_central_symbol(header.symbol or ""):
        doc.subject, doc.subject_source = "Việt Nam", "text"  # a central body's own document ("Số: 16/2025/NĐ-CP")
    # the header's type line ("KẾ HOẠCH", "**QUYẾT ĐỊNH**" under the header table) or the first paragraph
    # (a law, a code or a decree is no plan: it sets rules, not goals)
    doc.is_rulebook = is_rulebook(text, paras, header.title)
    doc.is_plan = not doc.is_rulebook and (is_plan(text, paras)
                                           or (header.title is not None and is_plan(text, [header.title])))
    if doc.is_plan and not doc.own_symbol:  # "Kế hoạch số 95/KH-UBND ngày … về …" as the title: its own number
        doc.own_symbol = title_symbol(text, paras)
    doc.date = doc.meta.get("date", "") if _ISO_DATE.match(doc.meta.get("date", "")) else ""
    # the text over the metadata: a byline, else the year in the document's own symbol ("Số: 16/2025/NĐ-CP")
    doc.doc_year = _byline_year(text, paras) or own.get("year") or (int(doc.date[:4]) if doc.date else None)
    doc.report_year = doc.doc_year
    doc.effective_year = _effective_year(text, doc.doc_year)
    if doc.doc_year is not None:  # "năm nay", "năm ngoái": years counted from the article's
        relative = find_relative_years(text, doc.doc_year, regions)
        if relative:
            doc.years = sorted(doc.years + relative, key=lambda y: y.start)
            doc.index()
    if doc.doc_year is None and title:
        # A plan for "giai đoạn 2021 – 2025" reports the years up to 2021 as its baseline.
        period = [y for y in doc.years_in(*title) if y.kind == "period" and y.year_start]
        doc.plan_start = period[0].year_start if period else None
    if title:
        after = [p for p in paras if p[0] >= title[1]][:1]
        doc.lead = (title[0], after[0][1] if after else title[1])
        # the date of a document an official title names is not a year the title sets, nor what it compares with
        doc.title_year = _governing_year([y for y in doc.years_in(*title)
                                          if (header.title is None or not in_date(text, y.start))
                                          and not _SO_VOI.search(text, title[0], y.start)])
        if doc.report_year is None:  # no date: a report's year is the one its title states …
            doc.report_year = doc.title_year
    if doc.doc_year is not None and not doc.is_plan and paras:
        # "Hội nghị đánh giá … giai đoạn 2017-2020" in a 2021 article: its figures are of the period's end
        ended = [y for y in doc.years_in(paras[0][0], paras[min(1, len(paras) - 1)][1])
                 if y.kind == "period" and y.year < doc.doc_year]
        if ended:
            doc.report_year = ended[0].year
    floor = _base_floor(text, doc.years) if doc.report_year is None and not doc.is_plan else None
    if doc.report_year is None and paras:  # … or the first year its opening paragraphs report
        doc.report_year = _reported_year(text, doc.years_in(paras[0][0], paras[min(2, len(paras) - 1)][1]), floor)
    if doc.report_year is None and not doc.is_plan:  # … or the first year its body reports
        doc.report_year = _reported_year(text, doc.years, floor) or floor
    if doc.report_year is None and not doc.references:
        # an article with no year where its values are, citing no document: the year the rest of the text
        # names most often ("… các mục tiêu chính trị năm 2020", "… nước rút năm 2020"), also in an article
        # on a goal ("Hải quan … phấn đấu thu ngân sách đạt …"). (A page that explains documents names their
        # history and deadlines: "trước năm 1945", "chậm nhất ngày 31 tháng 12 năm 2026".)
        named = Counter(y.year for y in _said_years(text, find_years(text))[0])
        doc.report_year = max(named, key=lambda year: (named[year], year)) if named else None
    if doc.report_year is None and not doc.is_plan and not doc.is_rulebook:
        # "… chính là Chỉ thị số 04/CT-TTg ngày 2-2-2017 về …": a report that names no year of its own is no older
        # than the newest document it cites with a date
        issued = [int(r.issue_date[:4]) for r in doc.references if r.issue_date[:4].isdigit()]
        doc.report_year = max(issued) if issued else None
    doc.default_status = "target" if doc.is_plan else _prevailing_status(doc)
    year, status = None, None
    for i, span in enumerate(paras):
        if i and is_heading(text, span):  # a new heading resets what the previous one said …
            heading_year, heading_status = _governs(doc, span)
            if _BULLET.match(text, *span):  # … but a bulleted sub-heading ("- Đối với trẻ em") only adds
                year, status = heading_year or year, heading_status or status
            else:
                year, status = heading_year, heading_status
        if year:
            doc.heading_years[i] = year
        if status:
            doc.heading_status[i] = status
        if text[span[1] - 1] == ":":  # a lead-in ("Mục tiêu cụ thể đến năm 2025:") governs the list below it
            lead_year, lead_status = _governs(doc, _last_sentence(text, span))
            year, status = lead_year or year, lead_status or status


def _title_block(text: str, paras: list[tuple[int, int]], start: tuple[int, int] | None) -> list[tuple[int, int]]:
    """The title: the official title the header names (``start``), else the first paragraph, with the
    short heading lines that follow it (``KẾ HOẠCH`` / ``Thực hiện … giai đoạn 2021-2025``)."""
    if start is not None:
        block = [start]
        rest = [p for p in paras if p[0] >= start[1]]
    else:
        block, rest = paras[:1], paras[1:]
    for span in rest[:_TITLE_LINES - 1]:
        if not is_heading(text, span):
            break
        block.append(span)
    return block


_TITLE_LINES = 3


_FORECASTS = frozenset(words("status_words.csv", "forecast_cue"))
# a forecast ("dự báo") and a modal ("cần", "phải", "sẽ") say nothing of what a whole text sets
_SAY_NOTHING = _FORECASTS | frozenset(words("status_words.csv", "modal"))


_FEW_GOALS = 3  # fewer goal words than this never make a whole report one of goals


def _prevailing_status(doc: Doc) -> str:
    """What a document mostly says, for values nothing else decides: ``actual`` when its cues and years
    report results (``đã đạt``, a year already over) more than they set goals (``phấn đấu``, ``đến năm
    2025``), else ``target``."""
    cues = [c for c in doc.cues if not compared(doc.text, 0, c.start)  # "vượt 0,2% so với chỉ tiêu" sets none
            and " ".join(c.surface.lower().split()) not in _SAY_NOTHING]
    years = [y for y in doc.years if not compared(doc.text, 0, y.start)]
    goals = sum(c.kind == "target" for c in cues) + sum(y.kind in ("deadline", "vision") for y in years)
    results = sum(c.kind == "actual" for c in cues)
    if doc.doc_year is not None:
        results += sum(y.kind in ("point", "through") and y.year <= doc.doc_year for y in years)
    if results == goals == 0 and not doc.is_plan:
        return "actual"  # a report with neither: it states facts
    if doc.own_symbol:  # an official document (a number in its header) mostly sets goals
        return "actual" if results > goals else "target"
    # a report states facts unless goals dominate it (one goal word, "nâng vốn", in a stock report does not)
    return "target" if goals > 2 * results and goals >= _FEW_GOALS else "actual"


def _governs(doc: Doc, span: tuple[int, int]) -> tuple[int | None, str | None]:
    """The year and status a heading or lead-in sets for what follows: its deadline (or period end) and
    its last cue, a deadline alone setting a goal."""
    years = doc.years_in(*span)
    cues = doc.cues_in(*span)
    if cues:
        status = cues[-1].kind
        # "Mục tiêu đến hết năm 2026" in a 2025 plan: a year still ahead after "đến hết" is the goal's deadline
        if status == "actual" and any(c.kind == "target" for c in cues) and any(
                y.kind == "through" and y.start <= cues[-1].start < y.end and doc.year_status(y) == "target" for y in years):
            status = "target"
    else:
        status = "target" if any(y.kind in ("deadline", "vision") for y in years) else None
    return _governing_year(years), status


def _last_sentence(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The last sentence of a paragraph (a lead-in closes a paragraph: "…. Cụ thể như sau:")."""
    s, e = span
    cut = max(text.rfind(". ", s, e), text.rfind("! ", s, e), text.rfind("? ", s, e))
    return (cut + 2, e) if cut >= 0 else span
