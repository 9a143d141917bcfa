"""Assemble stage: every value of every sentence that holds one becomes a row.

Takes a :class:`Doc` after context, find and segment; gives ``doc.targets``. Each sentence is read
as a list of items (:mod:`~chitieu.pipeline.scope`: which words belong to which value, hence the
indicator and level); then each value's measure, status, year and place are resolved, each by its
own module (:mod:`~chitieu.pipeline.measure`, :mod:`~chitieu.pipeline.status`,
:mod:`~chitieu.pipeline.year`, :mod:`~chitieu.pipeline.place`). An indicator that only points back
(``tỷ lệ này``) takes the previous value's.

    >>> from chitieu.pipeline.run import assemble_targets
    >>> rows, _, _ = assemble_targets("Phấn đấu đến năm 2025, 80% hồ sơ được xử lý trực tuyến.", "d")
    >>> [(r.value, r.year, r.status, r.indicator) for r in rows]
    [(80.0, 2025, 'target', 'hồ sơ được xử lý trực tuyến')]
"""

from __future__ import annotations

import regex
from chitieu.extractors.lexicon import alternation, words
from chitieu.extractors.other_status import other_kind_around
from chitieu.pipeline.doc import Doc
from chitieu.pipeline.indicator import (
    anaphors,
    bracketed_item,
    complete_cut_head,
    content_words,
    lead_in_of_condition,
)
from chitieu.pipeline.measure import resolve_measure
from chitieu.pipeline.period import (
    context_as_of,
    context_period,
    names_period_without_year,
    period_end_month,
    published_month,
    time_frame,
)
from chitieu.pipeline.place import place_kind, resolve_place, shared_by_places
from chitieu.pipeline.scope import sentence_items
from chitieu.pipeline.status import bracketed, resolve_status
from chitieu.pipeline.table_row import read_cell
from chitieu.pipeline.year import resolve_year

from chitieu.models import Target

_SUBSHARE = regex.compile(r"(?<![\p{L}])" + alternation(words("indicator_words.csv", "subshare")) + r"(?![\p{L}])",
                          regex.IGNORECASE)


# "79,3%/chỉ tiêu 80%": a result and, after a slash, the target it is measured against
_SLASH = r"\s*/\s*" + alternation(words("status_words.csv", "slash_target")) + r"(?:\s+là)?\s*"
_SLASH_TARGET = regex.compile(_SLASH + r"$", regex.IGNORECASE)
_SLASH_NEXT = regex.compile(_SLASH + r"\d")  # "… là 42,4%/ chỉ tiêu 40%": the target after a result


def assemble(doc: Doc) -> None:
    """One :class:`~chitieu.models.Target` per value, in text order (offsets in ``doc.text``)."""
    t = doc.text
    anaphor, anaphor_any = anaphors()
    last_indicator = ""
    headline: list[int] = []  # rows of the title that took the document's year
    carried: tuple[int, str] = (-1, "")  # the paragraph and status of the last value: the next sentence's default
    for sentence in doc.sentences:
        sent, pi, para = sentence.span, sentence.para_index, sentence.para
        items, clause_list = sentence_items(doc, sent, sentence.values)
        sentence_status = ""
        previous_row = None  # the sentence's previous row
        cells = dict(zip((v.start for v in sentence.values), sentence.cells, strict=False))
        for it in items:
            v = it.value
            cell = read_cell(doc, cells.get(v.start))
            if cell.indicator:
                it.indicator = cell.indicator  # a table row's label
            if content_words(it.indicator, stop_at=1) == 0:  # "… tăng mạnh như gạo (tăng 20%), cà phê (tăng 35%)"
                it.indicator = bracketed_item(t, sent[0], v.start) or it.indicator
            # "Người lao động làm thêm giờ được trả lương như sau: - Vào ngày nghỉ hằng tuần, ít nhất bằng 200%"
            it.indicator = lead_in_of_condition(t, doc.paragraphs, pi, it.indicator)
            own = [(a, b) for a, b in (it.head or []) + it.tail]
            anaphoric = any(anaphor_any.search(t, a, b) for a, b in own) and content_words(it.indicator, stop_at=4) <= 3
            if (content_words(it.indicator, stop_at=1) == 0 or anaphor.match(it.indicator) or anaphoric
                    or _points_back(it.indicator, last_indicator) or _comparison_only(it)
                    or _ONLY_TIME.fullmatch(it.indicator.strip())) and last_indicator:
                it.indicator = last_indicator  # "tỷ lệ này cũng đạt 71,6%", "thu nhập này tăng gần 110%"
            else:  # "Trong đó, khu vực đô thị đạt tỷ lệ thu gom, xử lý 95%": the rest said just before
                it.indicator = complete_cut_head(it.indicator, last_indicator)
            last_indicator = it.indicator or last_indicator
            before, after = t[sent[0]:v.start], t[v.end:sent[1]]
            measure = resolve_measure(t, v, before, after)
            gapped = previous_row is not None and measure == "level" and _gapped(t, items, it, previous_row)
            if gapped:  # "giảm ít nhất 30% thời gian …, 30% chi phí …": the verb of the item before
                measure = previous_row.measure
            other_tails = [r for other in items if other is not it for r in other.tail]
            status = resolve_status(doc, it, sent, para, clause_list, other_tails, pi)
            if not status and sentence_status:
                status = sentence_status  # "…, trong khi tỷ lệ này ở Hà Giang chỉ là 60%"
            if not status and carried[0] == pi:
                status = carried[1]  # "Năm 2020, … là 24,5%. Trong khi đó, tỉnh Quảng Ninh đạt 0,5%."
            if not status:  # nothing in the text decides: a year before publication is a result, else
                # what the document mostly says
                seen = resolve_year(doc, it, measure == "increase", "actual", sent, pi, clause_list)
                past = seen and doc.doc_year and seen < doc.doc_year
                ratio = not doc.is_plan and _COMPLETION_RATIO.match(t, v.end) is not None  # "hoàn thành 101% kế hoạch"
                status = "actual" if past or ratio else doc.default_status
            if not bracketed(t, sent[0], v.start):  # not a remark in brackets
                sentence_status = status
                carried = (pi, status)
            if previous_row and _SLASH_TARGET.match(t, previous_row.end, v.start):
                status = "target"  # "đạt 79,3%/chỉ tiêu 80%": the result, then the target it had
            elif _SLASH_NEXT.match(t, v.end):
                status = "actual"  # "… là 42,4%/ chỉ tiêu 40%": the result measured against the target after it
            comparator = v.comparator
            if gapped and comparator == "=":
                comparator = previous_row.comparator
            if measure == "gap":
                status = "actual"
                comparator = "=" if comparator in (">", "<") else comparator  # "vượt 0,3%" is the gap itself
            elif other_kind_around(before, after, lead=t[max(0, sent[0] - _LEAD_CHARS):sent[0]]):
                status = "other"  # a tax or interest rate, a support share, a discount, a threshold
            status = cell.status or status  # a table column's header ("Kế hoạch năm 2025")
            if doc.is_rulebook:
                status = "other"  # a law's or decree's shares, thresholds and rates are rules
            year = cell.year or resolve_year(doc, it, measure == "increase", status, sent, pi, clause_list)
            if (year is None and status == "target" and previous_row is not None and previous_row.status == "actual"
                    and bracketed(t, previous_row.end, v.start)):
                year = previous_row.year  # "đạt 95% (chỉ tiêu giao 100%)": the goal of the result's year
            around = (context_period(t, para, sent, doc.lead, doc.paragraphs[pi - 1] if pi else None)
                      if status == "actual" else "")
            as_of = context_as_of(t, para, sent, doc.report_year) if status == "actual" else ""
            frame = time_frame(t, sent, v, status, doc.report_year, it.scope.end, around, as_of)
            if frame.as_of and not doc.years_in(*sent):
                year = int(frame.as_of[:4])  # "Tính đến tháng 6/2025, … Ở cấp huyện, 51% …": the paragraph's date
            if year is None:  # a date ("đến hết tháng 8-2022"), else for a result the document's year
                year = frame.year
                if year is None and status == "actual":
                    year = doc.report_year
                    if pi == 0:
                        headline.append(len(doc.targets))
                elif year is None and status == "other":
                    year = doc.report_year  # a rate in force when the article was written
                elif year is None and status == "target" and doc.own_symbol:
                    # an official document's requirement with no deadline: the year it takes effect, when it says
                    year = doc.effective_year
            if status == "actual" and year:  # a result is observed by the time of writing: not at the end
                # of a period still running ("theo chuẩn nghèo giai đoạn 2022 - 2025"), nor after the date
                period_end = any(y.kind == "period" and y.year == year for y in doc.years_in(*sent))
                written = doc.doc_year or (doc.report_year if period_end else None)
                if written and year > written:
                    year = written
            if (status == "actual" and year and frame.period and year == doc.doc_year
                    and not any(y.year == year for y in doc.years_in(*sent))
                    and period_end_month(frame.period) > published_month(doc.date)
                    and names_period_without_year(t, sent, frame.period)):
                year -= 1  # "quý 4" in an article of January: the quarter that has ended, last year's
            if frame.undated and year:  # "Tính đến ngày 14/8, … so với cùng kỳ năm 2019": the figure's year
                frame = time_frame(t, sent, v, status, year, it.scope.end, around, as_of)
            as_of = frame.as_of
            if as_of and year and as_of[:4] != str(year) and not frame.as_of_year_written:
                as_of = f"{year}{as_of[4:]}"  # "Tính đến ngày 14/8, …": a day without its year is of the figure's year
            place, place_source = resolve_place(doc, it, sent, clause_list)
            level = "tinh" if not place and shared_by_places(doc, it) else it.level  # "16/34 địa phương"
            if not level and previous_row and (_SUBSHARE.search(t, previous_row.end, v.start)
                                               or _SLASH_TARGET.match(t, previous_row.end, v.start)):
                level = previous_row.level  # "tỷ lệ xã đạt chuẩn … 80%, trong đó 30% đạt chuẩn nâng cao": a share of it
            if not level and doc.subject_level and place == doc.subject:
                level = doc.subject_level  # a text about a district: its own figures are the district's
            doc.targets.append(Target(
                doc_id=doc.doc_id, start=v.start, end=v.end, surface=v.surface, value=v.value,
                value_high=v.value_high, comparator=comparator, status=status, measure=measure, year=year,
                level=level, place=place, indicator=it.indicator,
                sentence=t[sent[0]:sent[1]], sentence_start=sent[0], sentence_end=sent[1],
                place_kind=place_kind(place), place_source=place_source if place else "", date=doc.date,
                period=frame.period, as_of=as_of, estimate=frame.estimate,
            ))
            previous_row = doc.targets[-1]
    _headline_years(doc, headline)


_LEAD_CHARS = 3000  # how far back the lead-in of a list of criteria is looked for ("… tiêu chí sau đây:")
_BARE_ITEM = regex.compile(r"[^,;:()]*,\s*(?:" + alternation(words("indicator_words.csv", "list_and")) + r"\s+)?$")


# A completion ratio ("đạt 232% so với kế hoạch", "hoàn thành 101% kế hoạch"): in a report, a result
_COMPLETION_RATIO = regex.compile(r"\s*(?:so\s+với\s+)?" + alternation(words("indicator_words.csv", "completion_base"))
                                  + r"(?![\p{L}])", regex.IGNORECASE)
# "tháng 9 giảm 17%": a time alone names nothing measured
_ONLY_TIME = regex.compile(alternation(words("indicator_words.csv", "duration_unit")) + r"\s+[\dIVX]+(?:\s*/\s*\d{4})?",
                           regex.IGNORECASE)
# "thu nhập này": a noun and a pointer back ("này", "đó", "nói trên")
_NOUN_POINTER = regex.compile(r"^(?P<noun>\S+(?:\s+\S+)?)\s+" + alternation(words("indicator_words.csv", "anaphor_pointer"))
                              + r"$", regex.IGNORECASE)
# "(so với giới hạn 85%)": a bracketed value that only says what it is compared with
_COMPARISON = regex.compile(r"^so(?:\s+với)?(?:\s+\S+){0,2}$", regex.IGNORECASE)


def _points_back(indicator: str, last: str) -> bool:
    """Whether ``indicator`` is a noun with a pointer back (``thu nhập này``) to the previous indicator,
    which holds that noun."""
    m = _NOUN_POINTER.match(indicator.strip())
    return bool(m and last) and m.group("noun").lower() in last.lower()


def _comparison_only(it) -> bool:
    """A value in brackets whose own words only name what it is compared with (``so với giới hạn``)."""
    return it.scope.paren and bool(_COMPARISON.match(it.indicator.strip()))


def _gapped(text: str, items: list, it, previous) -> bool:
    """Whether a value repeats the rise or fall verb of the value before it by gapping: both name what
    they measure right after them and nothing stands between the earlier item and this value but its
    noun and a comma (``giảm 30% thời gian giải quyết, 30% chi phí tuân thủ``)."""
    if previous.measure not in ("increase", "decrease"):
        return False
    before = next((o for o in items if o.value.start == previous.start), None)
    if before is None or not before.tail_clean or not it.tail_clean or it.head:
        return False
    return bool(_BARE_ITEM.fullmatch(text, previous.end, it.value.start))


def _headline_years(doc: Doc, rows: list[int]) -> None:
    """A headline that repeats a figure of the body takes the body's year ("87% dân số sử dụng nước
    sạch" over "Tính đến cuối năm 2017, … 87%")."""
    for i in rows:
        head = doc.targets[i]
        same = [t for t in doc.targets[i + 1:] if t.value == head.value and t.status == head.status and t.year]
        if same:
            head.year = same[0].year
