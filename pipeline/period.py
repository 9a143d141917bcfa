"""Time frame of a reported figure: the part of the year it covers (``period``), the day or month it is
observed at (``as_of``), and whether it is an estimate.

Read in the value's own sentence: the nearest period before the value (else right after it, in its
clause) that is not what the figure is compared with (``so với 6 tháng đầu năm 2021``); the nearest
``tính đến ngày …`` / ``tháng 6/2023`` before it, the year completed from the document's year. Only
``actual`` figures get a period or an as_of: a deadline is neither.

    >>> from chitieu.pipeline.run import assemble_targets
    >>> rows = assemble_targets("Tính đến ngày 30/6/2023, GRDP 6 tháng đầu năm ước tăng 6,5% so với cùng kỳ.", "d")[0]
    >>> [(r.period, r.as_of, r.estimate, r.year) for r in rows]
    [('6M', '2023-06-30', True, 2023)]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex
from chitieu.extractors.estimates import estimated
from chitieu.extractors.lexicon import alternation, words
from chitieu.extractors.periods import find_as_of, find_periods

from chitieu.models import AsOfMention, Percentage, PeriodMention


@dataclass(frozen=True, slots=True)
class TimeFrame:
    period: str = ""
    as_of: str = ""
    year: int | None = None  # the year the period or the date implies
    estimate: bool = False
    as_of_year_written: bool = True  # "tính đến ngày 14/8": the year came from the document's
    undated: bool = False  # a day or month without a year that nothing gave one: read again with the figure's year


def period_end_month(period: str) -> int:
    """The last month of a part of the year: ``Q4`` → 12, ``9M`` → 9 (0 for none).

        >>> period_end_month("Q3"), period_end_month("11M"), period_end_month("")
        (9, 11, 0)
    """
    if period.startswith("Q") and period[1:].isdigit():
        return 3 * int(period[1:])
    return int(period[:-1]) if period.endswith("M") and period[:-1].isdigit() else 0


def published_month(date: str) -> int:
    """The month of an ISO date (``2022-01-11`` → 1); 12 when the date has none, so nothing is later."""
    return int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else 12


def names_period_without_year(text: str, sent: tuple[int, int], period: str) -> bool:
    """Whether the sentence names ``period`` itself, with no year and not as a base ("trong quý 4 đạt …").

        >>> names_period_without_year("Thu nhập trong quý 4 tăng 12,7%.", (0, 32), "Q4")
        True
        >>> names_period_without_year("Chi phí giảm 0,6% so với quý 4 năm 2020.", (0, 40), "Q4")
        False
    """
    periods, _ = _mentions(text[sent[0]:sent[1]], None)
    return any(p.period == period and p.year is None and not p.base for p in periods)


@lru_cache(maxsize=256)
def _mentions(sentence: str, default_year: int | None) -> tuple[list[PeriodMention], list[AsOfMention]]:
    return find_periods(sentence), find_as_of(sentence, default_year)


def time_frame(text: str, sent: tuple[int, int], v: Percentage, status: str, default_year: int | None,
               clause_end: int, context_period: str = "", context_as_of: str = "") -> TimeFrame:
    """The period, as_of and estimate of the value ``v`` in the sentence ``sent`` of ``text``."""
    before = text[sent[0]:v.start]
    estimate = estimated(before)
    periods, dates = _mentions(text[sent[0]:sent[1]], default_year)
    lo, hi, end = v.start - sent[0], v.end - sent[0], clause_end - sent[0]
    if status != "actual":  # a deadline written as a date ("đến hết tháng 8-2022") gives the year only
        deadline = [d for d in dates if d.end <= lo and not d.base and d.year_written][-1:]
        return TimeFrame(year=deadline[0].year if deadline else None, estimate=estimate)
    piece = text[sent[0]:sent[1]]
    # after the value, a period is its own up to the next value ("29,2% cuối năm 2020 xuống còn 23,5% trong quý 1/2021")
    next_value = piece.find("%", hi)
    after_end = min(end, next_value) if next_value >= 0 else end
    period = ([p for p in periods if p.end <= lo and not p.base][-1:]
              or [p for p in periods if hi <= p.start < after_end and not p.base][:1])
    # the value's own item first ("tăng 12% trong tháng 10"), then the date before it; the own item ends at
    # the next comma or semicolon
    own_end = min(end, hi + _OWN_ITEM, *(k for k in (piece.find(",", hi), piece.find(";", hi)) if k >= 0))
    as_of = ([d for d in dates if hi <= d.start < own_end and not d.base and d.as_of][:1]
             or [d for d in dates if d.end <= lo and not d.base and d.as_of][-1:]
             or [d for d in dates if hi <= d.start < end and not d.base and d.as_of][:1])
    # "Tính đến ngày 14/8, …": a day written without its year (and no default year to give it)
    undated = any(not d.as_of and not d.base and (d.end <= lo or hi <= d.start < end) for d in dates)
    dated = [p.year for p in periods if p.end <= lo and p.year and not p.base][-1:]  # "Quý I/2024, …, quý II …"
    year = (as_of[0].year if as_of else None) or (period[0].year if period else None) or (dated[0] if dated else None)
    code = period[0].period if period else ""
    if not code and as_of and _months_so_far(as_of[0], piece):
        code = f"{int(as_of[0].as_of[5:7])}M"  # "Lũy kế đến cuối tháng 11/2020, XK … giảm 24% so với cùng kỳ": 11 months
    if not code and not as_of and not undated:
        # "tăng 29,9% so với 6 tháng đầu năm 2021": compared with a part of another year, it covers the
        # same part of its own; else the part of the year its paragraph or the report's lead is about
        compared = [p for p in periods if p.base and not p.bare]
        code = compared[0].period if compared else (
            "" if _whole_year(text, sent[0], v.start) or _year_after(text, v.end, sent[0] + after_end)  # "… 87% … trong năm 2020"
            or _POINT_IN_TIME.search(text, sent[0], sent[1]) else context_period or "")
        if not code and not periods and not dates and not _YEAR.search(text, sent[0], sent[1]):
            # "Tính đến tháng 6/2025, … Ở cấp huyện, 51% …": the date the paragraph observes at
            return TimeFrame("", context_as_of, year, estimate)
    return TimeFrame(code, as_of[0].as_of if as_of else "", year, estimate, not as_of or as_of[0].year_written,
                     undated and not as_of)


def _months_so_far(date: AsOfMention, sentence: str) -> bool:
    """Whether a figure observed "through the end of a month" covers the months of the year so far: a flow
    summed from January ("lũy kế", or compared with the same period of a year before), not a stock."""
    return (date.kind == "through" and len(date.as_of) == 7 and date.as_of[5:7] != "12"
            and _MONTH_END.search(date.surface) is not None and _CUMULATIVE.search(sentence) is not None)


# a point in time the figure is observed at or compared with ("cuối năm 2020", "tại 31/3/2021", "cuối quý
# 1/2021"): a stock, not the part of the year its paragraph is about
_POINT_IN_TIME = regex.compile(r"(?<![\p{L}])(?:(?:cuối|đầu)\s+(?:năm|quý|kỳ)|tại\s+(?:ngày\s+)?\d{1,2}/\d{1,2}|thời\s+điểm)"
                               r"(?![\p{L}])", regex.IGNORECASE)
_MONTH_END = regex.compile(r"(?<![\p{L}])(?:hết|cuối)\s+tháng", regex.IGNORECASE)  # not "giữa tháng 7"
_CUMULATIVE = regex.compile(r"(?<![\p{L}])(?:lũy\s+kế|luỹ\s+kế|cộng\s+dồn|cùng\s+kỳ)(?![\p{L}])", regex.IGNORECASE)


def _whole_year(text: str, lo: int, hi: int) -> bool:
    """Whether the words before a value name a whole year as its own ("Ước tính cả năm …", "trong năm
    2020 đạt …"), not as a base of comparison: then the part of a year its paragraph is about is not its."""
    return any(not _COMPARED_BEFORE.search(text, max(lo, m.start() - 20), m.start()) for m in _WHOLE_YEAR.finditer(text, lo, hi))


def _year_after(text: str, lo: int, hi: int) -> bool:
    """Whether a year written after a value names its own whole year ("Hơn 87% doanh nghiệp … gặp khó khăn
    trong năm 2020"), not a base ("so với năm 2019", "đạt 60% kế hoạch năm 2017") nor a relative one ("bằng
    52,9% dự toán cả năm")."""
    return any(not _COMPARED_BEFORE.search(text, max(lo, m.start() - 20), m.start())
               and not _BASE_NOUN_BEFORE.search(text, max(lo, m.start() - 40), m.start())
               for m in _YEAR_WRITTEN.finditer(text, lo, hi))


_YEAR_WRITTEN = regex.compile(r"(?<![\p{L}])năm\s+(?:19|20)\d\d(?![\p{N}])", regex.IGNORECASE)
# "… kế hoạch năm 2017", "… mục tiêu tăng trưởng năm 2025": the year of what a completion ratio is measured against
_BASE_NOUN_BEFORE = regex.compile(r"(?<![\p{L}])" + alternation(words("indicator_words.csv", "completion_base"))
                                  + r"(?:\s+\p{Ll}+){0,3}\s+$", regex.IGNORECASE)
_WHOLE_YEAR = regex.compile(r"(?<![\p{L}])(?:" + alternation(words("indicator_words.csv", "relative_time"))
                            + r"|năm\s+(?:19|20)\d\d(?![\p{N}]))(?![\p{L}])", regex.IGNORECASE)
_COMPARED_BEFORE = regex.compile(r"(?:so\s+với|cùng\s+kỳ|từ|hết|cuối)\s+(?:cùng\s+kỳ\s+)?$", regex.IGNORECASE)
# a paragraph that goes on from the one before: "Trong đó: …", "Cụ thể, …"
_GOES_ON = regex.compile(r"\s*(?:[-+•*]\s*)?(?:" + alternation(words("indicator_words.csv", "subshare")) + r"|cụ thể)(?![\p{L}])",
                         regex.IGNORECASE)
_OWN_ITEM = 20  # characters after a value where a date is still its own ("12% trong tháng 10")
_YEAR = regex.compile(r"(?<![\p{N}])(?:19|20)\d\d(?![\p{N}])")


@lru_cache(maxsize=64)
def context_as_of(text: str, para: tuple[int, int], sent: tuple[int, int], default_year: int | None) -> str:
    """The date the earlier sentences of a paragraph observe their figures at (``Tính đến tháng 6/2025, …``),
    when the last date or period they write is one."""
    if sent[0] <= para[0]:
        return ""
    before = text[para[0]:sent[0]]
    dates = [d for d in find_as_of(before, default_year) if not d.base and d.as_of and d.kind == "through"]
    periods = [p for p in find_periods(before) if not p.base]
    if dates and not any(p.start > dates[-1].end for p in periods):
        return dates[-1].as_of
    return ""


@lru_cache(maxsize=64)  # the values of one sentence ask the same question
def context_period(text: str, para: tuple[int, int], sent: tuple[int, int], lead: tuple[int, int] | None,
                   previous: tuple[int, int] | None = None) -> str:
    """The part of a year the text around a sentence is about: the last period of the earlier sentences
    of its paragraph (and of the paragraph before, when this one goes on from it: "Trong đó: …"), else of
    the report's title and lead (``Kinh tế 6 tháng đầu năm 2022 …``)."""
    spans = [(para[0], sent[0])]
    if previous is not None and _GOES_ON.match(text, para[0]):
        spans.append(previous)
    for lo, hi in (*spans, lead or (0, 0)):
        if hi > lo:
            found = [p for p in find_periods(text[lo:hi]) if not p.base and not p.bare]
            if found:
                return found[-1].period
    return ""
