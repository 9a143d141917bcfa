"""Periods and observation dates: the part of a year a figure covers, and the day or month it is
observed at (the guide's ``period`` and ``as_of``).

    >>> [(p.surface, p.period, p.year) for p in find_periods("GRDP quý III/2022 tăng, 9 tháng đầu năm 2023")]
    [('quý III/2022', 'Q3', 2022), ('9 tháng đầu năm 2023', '9M', 2023)]
    >>> [(a.surface, a.as_of) for a in find_as_of("Tính đến ngày 25/6, đạt 99%", default_year=2022)]
    [('Tính đến ngày 25/6', '2022-06-25')]

A whole year is no period (``12 tháng``, ``năm 2023``) and no date (``tính đến cuối năm 2017``); a point
in time (``tháng 6/2023``, ``ngày 25/6``) is a date, not a period; a duration (``trong vòng 6 tháng``,
``6 tháng tuổi``, ``6 tháng cuối năm``) is neither.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

import regex
from chitieu.extractors import scan
from chitieu.extractors.lexicon import alternation, words
from chitieu.extractors.patterns import WB_AFTER, WB_BEFORE

from chitieu.models import AsOfMention, PeriodMention

# A year as written after "quý III/", "tháng 6/", "năm": also with a stray thousands dot ("6/2.025").
_YEAR = r"(?:19[4-9]\d|20\d\d|1\.9[4-9]\d|2\.0\d\d)(?![\p{N}]|[.,]\p{N})"
_I = regex.IGNORECASE

# --- periods ----------------------------------------------------------------------------------------
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
          "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4}
_QNUM = r"(?:IV|III|II|I|[1-4])(?![\p{L}\p{N}])"
# "quý III/2022", "quý 3 năm 2022", "Quý I-2024", "quý II và III/2023"
_YEAR_AFTER = r"(?:\s*[/-]\s*|\s+năm\s+|\s+)(?P<y>" + _YEAR + r")"
_QUARTER_RE = regex.compile(
    WB_BEFORE + r"quý\s+(?P<q>" + _QNUM + r"|(?:một|hai|ba|bốn|tư)" + WB_AFTER + r")"
    r"(?P<more>(?:\s*(?:,|và|hoặc)\s*(?:quý\s+)?(?:IV|III|II|I)(?![\p{L}\p{N}]))*)"
    r"(?:" + _YEAR_AFTER + r"|\s+năm\s+nay" + WB_AFTER + r")?",
    _I,
)
_MORE_RE = regex.compile(r"(?:IV|III|II|I)(?![\p{L}\p{N}])", _I)
# "quý đầu năm", "quý đầu tiên của năm 2023" → Q1; "quý cuối năm" → Q4
_ORDINAL_QUARTER_RE = regex.compile(
    WB_BEFORE + r"quý\s+(?P<which>đầu(?:\s+tiên)?|cuối(?:\s+cùng)?)\s+(?:của\s+)?năm"
    r"(?:\s+(?P<y>" + _YEAR + r")|\s+nay" + WB_AFTER + r")?",
    _I,
)
# "Q3/2022", "Q1 năm 2023": only with a year (a bare "Q1" is often "Quận 1")
_Q_ABBREV_RE = regex.compile(r"(?<![\p{L}\p{N}])Q(?P<q>[1-4])(?:\s*[/-]\s*|\s+năm\s+)(?P<y>" + _YEAR + r")")
# "nửa đầu năm 2023", "nửa năm đầu", "hai quý đầu năm" → 6M; "ba quý đầu năm" → 9M
_HALF_RE = regex.compile(
    WB_BEFORE + r"(?:nửa\s+(?:đầu\s+năm|năm\s+đầu)|(?P<quarters>2|hai|3|ba)\s+quý\s+đầu\s+(?:của\s+)?năm)"
    r"(?:\s+(?P<y>" + _YEAR + r")|\s+nay" + WB_AFTER + r")?",
    _I,
)

_MONTH_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
                "mười": 10, "mười một": 11, "một": 1}
# "6 tháng đầu năm 2022", "9 tháng năm 2023", "9 tháng/2023", "sáu tháng đầu năm nay", "11 tháng", "6 tháng qua"
_MONTHS_RE = regex.compile(
    WB_BEFORE + r"(?<![\p{N}][.,/])(?P<n>\d{1,2}|mười\s+một|" + "|".join(w for w in _MONTH_WORDS if w != "mười một") + r")"
    r"\s+tháng(?P<first>\s+đầu(?:\s+tiên)?)?"
    r"(?:(?P<nam>\s+(?:của\s+)?năm)(?:\s+(?P<y>" + _YEAR + r")|\s+(?P<rel>nay|trước|ngoái)" + WB_AFTER + r")?"
    r"|\s*/\s*(?P<y2>" + _YEAR + r")|\s+(?P<y3>" + _YEAR + r"))?"
    r"(?P<qua>\s+(?:vừa\s+)?qua" + WB_AFTER + r")?" + WB_AFTER,
    _I,
)
# "tháng 1 đến tháng 9/2023", "từ tháng 1 - 9/2023", "tháng 1-9 năm 2023": the months from January
_JANUARY_TO_RE = regex.compile(
    WB_BEFORE + r"(?:từ\s+)?(?:đầu\s+)?tháng\s+(?:01|1|giêng)\s*(?:-|–|đến|tới)\s*(?:hết\s+|cuối\s+)?(?:tháng\s+)?"
    r"(?P<n>1[01]|0?[2-9])(?![\p{N},.])(?:(?:\s*/\s*|\s+năm\s+)(?P<y>" + _YEAR + r"))?" + WB_AFTER,
    _I,
)
# "từ đầu năm đến hết tháng 7", "từ đầu năm nay đến 31/8": the months from January to the end of that month
_YEAR_START_TO_RE = regex.compile(
    WB_BEFORE + r"từ\s+đầu\s+năm(?:\s+nay|\s+(?P<y0>" + _YEAR + r"))?\s*(?:-|–|đến|tới)\s*(?:hết\s+|cuối\s+)?"
    r"(?:tháng\s+(?P<n>1[01]|0?[1-9])|(?:ngày\s+)?(?P<d>2[89]|3[01])\s*[/-]\s*(?P<n2>1[01]|0?[1-9]))(?![\p{N}]|[.,]\p{N})"
    r"(?:(?:\s*[/-]\s*|\s+năm\s+)(?P<y>" + _YEAR + r"))?" + WB_AFTER,
    _I,
)
# "ngày 9 tháng 6", "mùng 9 tháng 6": a date, not nine months
_DATE_BEFORE = regex.compile(r"(?:ngày|mùng|mồng)\s+$", _I)
_DATE_AFTER = regex.compile(r"\s*\d{1,2}(?![\p{N},.%])")
# A bare "N tháng" that is a duration, an age or a part of something else than the year.
_WORDS = "period_words.csv"
_DURATION_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:" + alternation(words(_WORDS, "duration_before")) + r"|\d\s*-)\s*$", _I
)
_DURATION_AFTER = regex.compile(r"\s*(?:/|" + alternation(words(_WORDS, "duration_after")) + r"(?![\p{L}]))", _I)
# What a figure is compared with: "so với 6 tháng đầu năm 2021", "so với cùng kỳ quý II", "so với ngày …"
_BASE_BEFORE = regex.compile(
    r"(?<![\p{L}])" + alternation(words(_WORDS, "base"))
    + r"(?:\s+" + alternation(words(_WORDS, "base_more")) + r")*\s*$",
    _I,
)
# "Tính chung 9 tháng", "lũy kế 11 tháng": months summed from January, a part of the year though no year is written
_SUMMED_BEFORE = regex.compile(r"(?<![\p{L}])" + alternation(words(_WORDS, "summed")) + r"\s+(?:cả\s+)?$", _I)
# A quarter at a point in time ("cuối quý II", "hết quý III") is no period.
_POINT_BEFORE = regex.compile(r"(?<![\p{L}])" + alternation(words(_WORDS, "point")) + r"\s+$", _I)


def _year(text: str | None) -> int | None:
    return int(text.replace(".", "")) if text else None


def _is_base(text: str, start: int) -> bool:
    return bool(_BASE_BEFORE.search(text[max(0, start - 40):start]))


def _matches(pattern: regex.Pattern, text: str, fold: str | None, *needs: str) -> Iterable[regex.Match]:
    """``pattern.finditer(text)``, or nothing at once when the folded text (:func:`scan.folded`) holds
    none of ``needs``, words one of which each match holds in some case: most sentences name no
    quarter nor month, and each pattern, opening with a lookbehind, is tried at every position."""
    if fold is not None and not any(w in fold for w in needs):
        return ()
    return pattern.finditer(text)


def find_periods(text: str) -> list[PeriodMention]:
    """The parts of a year in ``text``, in text order: quarters ``Q1``–``Q4``, ``NM`` for the first N
    months (N from 1 to 11: ``12 tháng`` is the whole year and gives nothing).

        >>> [(p.period, p.year, p.bare) for p in find_periods("Quý I năm 2024; 11 tháng; nửa đầu năm")]
        [('Q1', 2024, False), ('11M', None, True), ('6M', None, False)]
        >>> [(p.surface, p.period, p.year) for p in find_periods("từ tháng 1 đến tháng 9/2023, tháng 1-10")]
        [('từ tháng 1 đến tháng 9/2023', '9M', 2023), ('tháng 1-10', '10M', None)]
        >>> find_periods("trẻ 6 tháng tuổi, trong vòng 6 tháng, 6 tháng cuối năm, tháng 6/2023, 12 tháng")
        []
        >>> [(p.period, p.year, p.base) for p in find_periods("6 tháng tăng 7% so với 6 tháng đầu năm 2021")]
        [('6M', None, False), ('6M', 2021, True)]
    """
    found: list[PeriodMention] = []
    fold = scan.folded(text)

    def add(start: int, end: int, period: str, year: int | None, bare: bool = False) -> None:
        found.append(PeriodMention(start, end, text[start:end], period, year, bare, _is_base(text, start)))

    for m in _matches(_QUARTER_RE, text, fold, "quý"):
        if _POINT_BEFORE.search(text[max(0, m.start() - 8):m.start()]):
            continue
        year = _year(m.group("y"))
        numerals = [m.group("q")] + _MORE_RE.findall(m.group("more"))
        if len(numerals) == 1:
            add(m.start(), m.end(), f"Q{_ROMAN[numerals[0].lower()]}", year)
            continue
        # "quý II và III/2023": one mention per quarter, each sharing the list's year
        spans = [m.span("q")] + [(m.start("more") + x.start(), m.start("more") + x.end())
                                 for x in _MORE_RE.finditer(m.group("more"))]
        for i, (numeral, (s, e)) in enumerate(zip(numerals, spans, strict=True)):
            add(m.start() if i == 0 else s, m.end() if i == len(numerals) - 1 else e,
                f"Q{_ROMAN[numeral.lower()]}", year)
    for m in _matches(_ORDINAL_QUARTER_RE, text, fold, "quý"):
        add(m.start(), m.end(), "Q1" if m.group("which").lower().startswith("đầu") else "Q4", _year(m.group("y")))
    for m in _matches(_Q_ABBREV_RE, text, fold, "q"):
        add(m.start(), m.end(), f"Q{m.group('q')}", _year(m.group("y")))
    for m in _matches(_HALF_RE, text, fold, "nửa", "quý"):
        quarters = (m.group("quarters") or "").lower()
        add(m.start(), m.end(), "9M" if quarters in ("3", "ba") else "6M", _year(m.group("y")))
    for m in _matches(_JANUARY_TO_RE, text, fold, "tháng"):
        add(m.start(), m.end(), f"{int(m.group('n'))}M", _year(m.group("y")))
    for m in _matches(_YEAR_START_TO_RE, text, fold, "đầu"):
        add(m.start(), m.end(), f"{int(m.group('n') or m.group('n2'))}M", _year(m.group("y") or m.group("y0")))
    for m in _matches(_MONTHS_RE, text, fold, "tháng"):
        period = _months(text, m)
        if period is not None:
            year = _year(m.group("y") or m.group("y2") or m.group("y3"))
            bare = not (m.group("nam") or year or _SUMMED_BEFORE.search(text, max(0, m.start() - 16), m.start()))
            add(m.start(), m.end(), period, year, bare)
    # Overlaps ("hai quý đầu năm" holds "quý đầu năm"): the longest wins.
    kept: list[PeriodMention] = []
    for p in sorted(found, key=lambda p: (p.start - p.end, p.start)):
        if all(p.end <= k.start or p.start >= k.end for k in kept):
            kept.append(p)
    kept.sort(key=lambda p: p.start)
    return kept


def _months(text: str, m: regex.Match) -> str | None:
    """``NM`` for a match of ``_MONTHS_RE``, or None when it is a date, a duration or the whole year."""
    word = " ".join(m.group("n").lower().split())
    n = int(word) if word.isdigit() else _MONTH_WORDS[word]
    if not 1 <= n <= 11:
        return None
    has_year = m.group("y") or m.group("y2") or m.group("y3")
    if _DATE_BEFORE.search(text[max(0, m.start() - 6):m.start()]):
        return None
    if not has_year and not m.group("rel") and _DATE_AFTER.match(text, m.end()):
        return None  # "9 tháng 6": a date
    if not (m.group("nam") or has_year):
        if not word.isdigit() and not m.group("qua"):
            return None  # "năm tháng", "sáu tháng với chi phí": a number word alone is a duration
        if word in ("một", "năm", "1") or m.group("first"):
            return None  # "một tháng", "6 tháng đầu tiên", "6 tháng đầu đời": not the year's first months
        if _DURATION_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            return None
        if not m.group("qua") and _DURATION_AFTER.match(text, m.end()):
            return None
    return f"{n}M"


# --- observation dates ------------------------------------------------------------------------------
_AS_OF_RE = regex.compile(
    r"(?<![\p{L}\p{N}/.,])(?:"
    # ngày 30/6/2023, 30/6/2023, ngày 25/6, 25.6.2023
    r"(?P<ngay>ngày\s+)?(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>" + _YEAR + r"))?"
    # ngày 30 tháng 6 năm 2023
    r"|(?P<ngay2>ngày\s+)?(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s*,?\s*năm\s+(?P<y2>" + _YEAR + r"))?"
    # (cuối) tháng 6/2023, tháng 6 năm 2023, tháng 6 năm nay, tháng 6
    r"|(?:(?:cuối|đầu|giữa|hết)\s+)?tháng\s+(?P<m3>\d{1,2})(?:\s*[/.-]\s*(?P<y3>" + _YEAR + r")|\s+năm\s+(?P<y3b>"
    + _YEAR + r")|\s+năm\s+(?P<rel>nay|trước|ngoái)" + WB_AFTER + r")?"
    # 6/2023 (after a frame only)
    r"|(?P<m4>\d{1,2})\s*/\s*(?P<y4>" + _YEAR + r")"
    r")(?![\p{N}]|\s*[/.-]\s*\p{N}|\s*%)",
    _I,
)
_FRAME_BEFORE = regex.compile(
    r"(?<![\p{L}])(?P<frame>(?:(?:tính|lũy\s+kế|luỹ\s+kế|cộng\s+dồn)\s+)?(?:đến|tới)|(?:tại|vào)\s+thời\s+điểm|"
    r"thời\s+điểm)(?:\s+(?:hết|cuối|thời\s+điểm|tổng\s+kết|báo\s+cáo|hiện\s+tại|kết\s+thúc))*\s+$",
    _I,
)
# A year the patterns do not take ("năm 1900"): the date is not completed from the default.
_OTHER_YEAR_AFTER = regex.compile(r"\s*,?\s*năm\s+\d", _I)
_TINH_FRAME = regex.compile(r"(?:tính|lũy\s+kế|luỹ\s+kế|cộng\s+dồn)\s", _I)
# Dates that are no observation point: a start ("từ ngày"), a deadline ("trước ngày"), a document's
# date ("số 12/QĐ-UBND ngày", "ban hành ngày"), a birth date.
_NOT_OBSERVED_BEFORE = regex.compile(
    r"(?:(?<![\p{L}])(?:từ|kể\s+từ|trước|sau|ban\s+hành|ký|hiệu\s+lực|hạn|chậm\s+nhất|thông\s+qua|họp|"
    r"tổ\s+chức|diễn\s+ra|khai\s+mạc|bắt\s+đầu|sinh|số|đề\s+ngày)|\p{N}\s*/\s*[\p{L}\p{N}/.-]*(?:\s+\p{Lu}+)?)"
    r"\s*,?\s*$",
    _I,
)
# "Ngày 19/10/2021, Tỉnh ủy ban hành Nghị quyết …": the date of an act, not of a figure
_ACT_AFTER = regex.compile(r"[^.;\n]{0,80}?(?<![\p{L}])(?:ban\s+hành|ký|phê\s+duyệt|thông\s+qua)(?![\p{L}])", _I)


def find_as_of(text: str, default_year: int | None = None) -> list[AsOfMention]:
    """Written days and months a figure may be observed at, in text order. A day or month written
    without a year takes ``default_year`` (the article's year); ``năm nay``/``năm trước`` count from it.

        >>> [(a.surface, a.as_of, a.kind) for a in find_as_of("Tính đến ngày 30/6/2023 … đến tháng 6/2.025")]
        [('Tính đến ngày 30/6/2023', '2023-06-30', 'through'), ('đến tháng 6/2.025', '2025-06', 'through')]
        >>> find_as_of("Tính đến cuối năm 2017, đến hết năm 2023; Quyết định số 12/QĐ-UBND ngày 14/12/2021")
        []
    """
    found: list[AsOfMention] = []
    pos = 0
    while True:
        m = _as_of_search(text, pos)
        if m is None:
            break
        mention = _as_of(text, m, default_year)
        if mention is None:
            # "25 tháng 6 năm 2023" without "ngày": look again from "tháng 6 năm 2023"
            pos = m.end("d2") if m.group("d2") is not None and not m.group("ngay2") else m.end()
            continue
        found.append(mention)
        pos = m.end()
    return found


# Where an _AS_OF_RE match can start: a digit or the first word of an alternative, found with ``re`` on the
# folded text (each character folded to one, as IGNORECASE does): faster than trying the pattern everywhere.
# Not after an ASCII letter or digit, "/", "." or "," (folded from a letter, a digit or themselves only):
# the pattern's own lookbehind refuses those, so the digits inside a number ("2025", "80,5") are not tried.
_AS_OF_START = re.compile(r"(?<![0-9a-z/.,])(?:\d|ngày|cuối|đầu|giữa|hết|tháng)")


def _as_of_search(text: str, pos: int) -> regex.Match | None:
    """``_AS_OF_RE.search(text, pos)``, the pattern tried only where a match can start."""
    fold = scan.folded(text)
    if fold is None:
        return _AS_OF_RE.search(text, pos)
    while (c := _AS_OF_START.search(fold, pos)) is not None:
        m = _AS_OF_RE.match(text, c.start())
        if m is not None:
            return m
        pos = c.start() + 1
    return None


def _as_of(text: str, m: regex.Match, default_year: int | None) -> AsOfMention | None:
    window = text[max(0, m.start() - 60):m.start()]
    frame = _FRAME_BEFORE.search(window)
    start = m.start() - len(window) + frame.start() if frame else m.start()
    if not frame and _NOT_OBSERVED_BEFORE.search(window[-40:]):
        return None
    g = m.group
    written = _year(g("y") or g("y2") or g("y3") or g("y3b") or g("y4"))
    if g("d") is not None:
        day, month = int(g("d")), int(g("m"))
        # "30/6/2023" needs "ngày" or a frame (a dateline is the article's date), "30/6" "ngày" or "tính đến";
        # "." and "-" need "ngày" or a year (else a decimal or a range)
        if not (g("ngay") or (frame and (written or _TINH_FRAME.match(frame.group())))):
            return None
        if g("sep") in ".-" and not (g("ngay") or written):
            return None
    elif g("d2") is not None:
        day, month = int(g("d2")), int(g("m2"))
        if not (g("ngay2") or frame):
            return None
    elif g("m3") is not None:
        day, month = None, int(g("m3"))
    else:
        day, month = None, int(g("m4"))
        if not frame:
            return None
    if not 1 <= month <= 12:
        return None
    year = written
    if year is None and _OTHER_YEAR_AFTER.match(text, m.end()):
        return None
    if year is None and default_year is not None:
        year = default_year - (1 if (g("rel") or "").lower() in ("trước", "ngoái") else 0)
    if day is not None and not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:
        return None
    if not frame and _ACT_AFTER.match(text, m.end()):
        return None
    as_of = "" if year is None else f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
    return AsOfMention(start, m.end(), text[start:m.end()], as_of, year, written is not None,
                       "through" if frame else "point", _is_base(text, start))


def same_span(period: str) -> str:
    """One name for each stretch of a year, to compare two periods: the first three months are the first
    quarter (``3M`` is ``Q1``); every other period is its own.

        >>> same_span("3M"), same_span("Q1"), same_span("6M"), same_span("")
        ('Q1', 'Q1', '6M', '')
    """
    return "Q1" if period == "3M" else period
