"""Year of a value: the deadline of a target, the year observed of a result, the first year of a change.

Looked for in this order: the value's own item after it (``20% GDP vào năm 2025``); before it in
its scopes and sentence (a change takes ``từ năm``); later in the sentence for a target (``…
đạt 60% vào năm 2025``); the earlier sentences of its paragraph; for a target, the nearest heading
above, then the title.

    >>> from chitieu.pipeline.run import assemble_targets
    >>> [t.year for t in assemble_targets("Đến năm 2025, đạt 80%; năm 2030 đạt 90%.", "d")[0]]
    [2025, 2030]
"""

from __future__ import annotations

import regex
from chitieu.extractors.lexicon import alternation, words
from chitieu.extractors.periods import find_periods
from chitieu.pipeline.doc import Doc, Item, Scope
from chitieu.pipeline.scope import compared, inner, outside, scope_chain

from chitieu.models import YearMention

# "so với cùng kỳ năm 2019": what a figure is compared with, the same part of the year before
SAME_PERIOD = regex.compile(r"(?<![\p{L}])" + alternation(words("status_words.csv", "same_period")) + r"\s+(?:năm\s+)?$",
                             regex.IGNORECASE)


# "… tử vong khoảng 40%, nhiều nhất kể từ khi phát hiện lần đầu vào năm 2013": when a span began, not the value's year
_SINCE_CLAUSE = regex.compile(r"(?<![\p{L}])" + alternation(words("status_words.csv", "since_clause")) + r"(?![\p{L}])",
                              regex.IGNORECASE)
_MILESTONE_REACH = 600  # characters before a sentence where the milestone before the next one is looked for
_CLAUSE_END = regex.compile(r";\s*$")
_PARAGRAPH_REACH = 600  # characters before a sentence where its paragraph's year is looked for
_OWN_YEAR = 16  # characters after a change where a year is still its own ("tăng 1,4% trong năm nay")


def resolve_year(ctx: Doc, it: Item, increase: bool, status: str, sent: tuple[int, int],
                  para_index: int, clause_list: list[Scope]) -> int | None:
    v = it.value
    chain = scope_chain(it.scope)
    text = ctx.text
    # 1. the value's own item, after it ("20% GDP vào năm 2025", "trong năm 2020"), not what it is
    # compared with ("tăng 29,9% so với 6 tháng đầu năm 2021")
    for s, e in it.tail:
        # (a change over a period after it is of its end: "dự kiến tăng 6,5-7% trong 2017-2020")
        own = [y for y in ctx.years_in(s, e) if ((y.kind == "point" and y.start - v.end <= _OWN_YEAR)
                                                  or y.kind == "period" if increase
                                                  else y.kind != "since") and not _base(text, v.end, y.start, sent[0])
               and not _SINCE_CLAUSE.search(text, v.end, y.start)]
        if own:  # a change in its own year: "tăng 1,4% trong năm nay"
            return own[0].year
        piece = text[s:min(e, s + _OWN_YEAR + 30)]
        dated = ([p for p in find_periods(piece) if p.year and not p.base and p.start <= _OWN_YEAR]
                 if "quý" in piece or "tháng" in piece else [])
        if dated:  # "… xuống còn 23,5% trong quý 1/2021": the part of a year its own words name
            return dated[0].year
    # 2. before it, in its scope chain and sentence (not inside other brackets); increases start "từ năm"
    before = [y for y in ctx.years_in(sent[0], v.start) if outside(y.start, chain, clause_list)
              and not _base(text, sent[0], y.start, sent[0])]
    if increase:
        scope_lo = inner(it.scope, ctx.text)[0]
        starts = [y for y in before if y.start >= scope_lo and y.kind in ("since", "point")]
        if starts:
            return starts[-1].year
    picked = _pick(before)
    if picked:
        return picked
    # 3. later in the same sentence, outside brackets: "X đạt 50%, Y đạt 60% vào năm 2025"
    after = [y for y in ctx.years_in(v.end, sent[1]) if outside(y.start, chain, clause_list)
             and y.kind in ("deadline", "through") and not _base(text, v.end, y.start, sent[0])]
    if after and status == "target":
        if not _next_milestone(text, v.end, after[0], sent):
            return after[0].year
        # "Có 60% viên chức …; đến hết năm 2030 đạt 70%": the next milestone's clause has its own value; this
        # one is of the milestone before it ("… phấn đấu đến hết năm 2025, …; đến hết năm 2030 …")
        before = [y.year for y in ctx.years_in(max(0, sent[0] - _MILESTONE_REACH), sent[0])
                  if y.kind in ("deadline", "through") and y.year < after[0].year]
        if before:
            return before[-1]
    # 4. earlier sentences of the paragraph, not further back than a few sentences (a news body scraped
    # as one line is one paragraph: "… vào năm 2000 … Giá cả tăng gần 400% kể từ …" is no figure of 2000)
    para = ctx.paragraphs[para_index]
    if status != "target":  # (a goal's deadline carries through a long list of goals)
        para = (max(para[0], sent[0] - _PARAGRAPH_REACH), para[1])
    picked = _pick([y for y in ctx.years_in(para[0], sent[0]) if not _base(text, para[0], y.start, para[0])
                    and not (status == "actual" and y.kind in ("deadline", "vision"))])  # a goal's deadline dates no result
    if picked:
        return picked
    if status not in ("target", "other"):
        # 4b. "… bằng 113% so với cùng kỳ năm 2019": the same part of the year after
        base = [y for y in ctx.years_in(sent[0], sent[1]) if SAME_PERIOD.search(text, max(sent[0], y.start - 16), y.start)]
        return base[0].year + 1 if base else None
    # 5. the nearest heading above, then the title: a goal's deadline, the period a rule is set for
    # ("Tiêu chí … giai đoạn 2026 - 2030")
    return ctx.heading_years.get(para_index) or ctx.title_year


def _next_milestone(text: str, value_end: int, year: YearMention, sent: tuple[int, int]) -> bool:
    """Whether a deadline after a value opens a clause of its own, with its own value ("…; đến hết năm
    2030 đạt 70%"), rather than closing the value's ("X đạt 50%, Y đạt 60% vào năm 2025")."""
    return _CLAUSE_END.search(text, value_end, year.start) is not None and "%" in text[year.end:sent[1]]


def _base(text: str, lo: int, pos: int, sent_lo: int) -> bool:
    """Whether the year at ``pos`` is what a figure is compared with: after a comparison word, or the same
    period of it ("bằng 100% cùng kỳ năm 2019") unless that opens the sentence ("Cùng kỳ năm 2019, …")."""
    if compared(text, lo, pos):
        return True
    same = SAME_PERIOD.search(text, max(lo, pos - 16), pos)
    return same is not None and bool(text[sent_lo:same.start()].strip())


def _pick(years: list[YearMention]) -> int | None:
    """The nearest preceding year, a vision ("định hướng đến năm 2030") only when nothing else."""
    for y in reversed(years):
        if y.kind != "vision":
            return y.year
    return years[-1].year if years else None
