"""Status of a value: a goal (``target``) or a result reported as reached (``actual``).

The value's own deadline decides first; then the last cue or year phrase that frames it in its
sentence (not words inside another value's item, not inside other brackets); weak cues (``đã``,
``trung bình đạt``) alone report a result; an existential ``có`` reports what there is; a year
already over at publication reports a result; then the earlier sentences of the paragraph and the
heading's status. Empty when nothing decides (the assembler then decides).

    >>> from chitieu.pipeline.run import assemble_targets
    >>> [t.status for t in assemble_targets("Năm 2020 đã đạt 70%; phấn đấu đến năm 2025 đạt 80%.", "d")[0]]
    ['actual', 'target']
"""

from __future__ import annotations

import regex
from chitieu.extractors.estimates import find_estimates
from chitieu.extractors.lexicon import alternation, words
from chitieu.extractors.periods import find_periods
from chitieu.pipeline.doc import Doc, Item, Scope
from chitieu.pipeline.indicator import NOUN_CUES, Ranges
from chitieu.pipeline.scope import compared, outside, scope_chain


def _words(*roles: str) -> tuple[str, ...]:
    return words("status_words.csv", *roles)


# "Cả nước có (khoảng) 85% dân số …": what there is, not what is aimed at.
_EXISTENTIAL = regex.compile(r"(?<![\p{L}])" + alternation(_words("existential")) + r"\s+(?:"
                             + alternation(_words("existential_filler")) + r"\s+)?$", regex.IGNORECASE)
# "Cả nước có trên 73.000 giảng viên, trong đó, số giảng viên là tiến sĩ là 28,8%": a part of what there is
_EXISTING_PARTS = regex.compile(r"(?<![\p{L}])" + alternation(_words("existential")) + r"\s+(?:"
                                + alternation(_words("existential_filler")) + r"\s+)?\d[\d.,]*\s+[^.;:!?%]*?(?<![\p{L}])"
                                + alternation(words("indicator_words.csv", "subshare")) + r"(?![\p{L}])[^.;:!?%]*$",
                                regex.IGNORECASE)
# "Trong cùng năm", "năm đó": the year of the sentence before.
_SAME_YEAR = regex.compile(r"(?<![\p{L}])" + alternation(_words("same_year")) + r"(?![\p{L}])", regex.IGNORECASE)
# "(kế hoạch năm là 11 - 12%)", "(chỉ tiêu 90%)": a bracket that opens with a goal noun holds the goal
_BRACKET_GOAL = regex.compile(r"\(\s*(?:" + alternation(_words("bracket_goal")) + r")(?![\p{L}])[^()%]*$", regex.IGNORECASE)
# "chưa đạt chỉ tiêu đề ra (90% trở lên)": the goal named right before a bracket holds its value
_GOAL_THEN_BRACKET = regex.compile(r"(?<![\p{L}])(?:" + alternation(_words("bracket_goal")) + r")(?:\s+[\p{L}\d/-]+){0,5}\s*\(\s*$",
                                   regex.IGNORECASE)
# "(đạt 99,46%)": a bracket that opens with "đạt" reports what was reached
_BRACKET_RESULT = regex.compile(r"\(\s*(?:đã\s+)?(?:đạt|ước\s+đạt)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$", regex.IGNORECASE)
# Cues that report a result only when no goal word frames the sentence ("phấn đấu … bình quân đạt 7,5%").
_WEAK_CUES = frozenset(_words("weak_actual"))
# "Ước tính cả năm sẽ đạt …": a future tense after an estimate word forecasts a result, no goal.
_FORECAST = frozenset(_words("forecast"))
# "cần", "phải", "sẽ": a goal of their own sentence; in a report no frame of the sentences after it, nor is
# a goal noun ("phản đối kế hoạch trên. Okinawa chiếm 0,6% …").
_MODALS = frozenset(_words("modal"))
_NO_LATER_FRAME = _MODALS | NOUN_CUES
# A clause boundary between a modal and a value: "… đã và sẽ tiếp tục là điểm đến … năm 2016, tăng 29% …".
_CLAUSE_BREAK = regex.compile(r"[,;:–]")
# "…, nhưng tới tháng 9, DN mới chỉ đáp ứng được 50-60%": a clause that turns from what was expected
_CONTRAST = regex.compile(r"(?<![\p{L}])" + alternation(_words("contrast")) + r"(?![\p{L}])", regex.IGNORECASE)


def _modal_elsewhere(ctx: Doc, c, it: Item) -> bool:
    """In a report, a modal verb ("sẽ", "phải", "cần") sets no goal for a value of a later clause that turns
    against it ("…, nhưng tới tháng 9 mới chỉ đáp ứng được 50-60%") or whose own words say it was reached
    ("… sẽ tiếp tục là điểm đến …, tăng 29% so với năm trước")."""
    if ctx.is_plan or " ".join(c.surface.lower().split()) not in _MODALS:
        return False
    brk = _CLAUSE_BREAK.search(ctx.text, c.end, it.value.start)
    if brk is None:
        return False
    return _CONTRAST.search(ctx.text, brk.start(), it.value.start) is not None or any(
        t.kind == "actual" and " ".join(t.surface.lower().split()) not in _WEAK_CUES
        for s, e in it.tail for t in ctx.cues_in(s, e))


# "… phương án đã được phê duyệt tại Quyết định …": in a plan, what was approved describes a noun
_PASSIVE_AFTER = regex.compile(r"\s+(?:" + alternation([w for w in words("indicator_words.csv", "passive") if "được" in w]) + r")(?![\p{L}])",
                               regex.IGNORECASE)


def bracketed(text: str, lo: int, pos: int) -> bool:
    """Whether ``pos`` lies inside brackets opened after ``lo``: "(đạt mục tiêu đề ra …)" is a remark
    on its own sentence, no frame for the sentences after it."""
    part = text[lo:pos]
    return part.count("(") > part.count(")")


# "đạt 90,2% kế hoạch", "bằng 52,6% dự toán năm": a completion ratio
_COMPLETION = regex.compile(r"(?<![\p{L}])(?:đạt|bằng)(?:\s+(?:khoảng|gần|hơn|trên))?\s*$", regex.IGNORECASE)
_COMPLETION_BASE = regex.compile(r"\s*(?:so\s+với\s+)?" + alternation(words("indicator_words.csv", "completion_base"))
                                 + r"(?![\p{L}])", regex.IGNORECASE)
_SENTENCE_END = regex.compile(r"[.!?…][\"”’)]*\s+(?=\S)")
_RECENT_SENTENCES = 2


def _recent(text: str, lo: int, hi: int) -> int:
    """Where the last ``_RECENT_SENTENCES`` sentences before ``hi`` start (not before ``lo``): a goal word
    frames the figures that follow it, not those of a paragraph's later, unrelated sentences."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, hi + 1) if m.end() <= hi]
    return ends[-_RECENT_SENTENCES - 1] if len(ends) > _RECENT_SENTENCES else lo


def _goal_right_before(ctx: Doc, pos: int) -> bool:
    """ "Phấn đấu đến hết năm 2024, …": a goal word right before "đến hết năm" makes it the goal's deadline."""
    return any(c.kind == "target" and 0 <= pos - c.end <= 2 for c in ctx.cues_in(max(0, pos - 30), pos))


def resolve_status(ctx: Doc, it: Item, sent: tuple[int, int], para: tuple[int, int],
                    clause_list: list[Scope], other_tails: Ranges, para_index: int) -> str:
    v = it.value
    chain = scope_chain(it.scope)
    local = [y for s, e in it.tail for y in ctx.years_in(s, e)
             if y.kind in ("deadline", "through") or y.surface.lower().startswith("trong")]
    if local and local[0].kind == "deadline" and not ctx.past_in_report(local[0]):
        return "target"
    written = ctx.doc_year or ctx.report_year
    if written and any(y.kind == "point" and y.year < written and not ctx.text[v.end:y.start].strip()
                       for y in ctx.years_in(v.end, min(sent[1], v.end + 16))):
        return "actual"  # "nâng tỷ lệ … từ 28% năm 2017 lên 38,15% năm 2019": the year a value was, before the text's
    if (_BRACKET_GOAL.search(ctx.text, max(sent[0], v.start - 40), v.start)
            or _GOAL_THEN_BRACKET.search(ctx.text, max(sent[0], v.start - 60), v.start)):
        return "target"  # "tăng 9,9% (kế hoạch năm là 11 đến 12%)": the goal beside a result
    if _BRACKET_RESULT.search(ctx.text, max(sent[0], v.start - 20), v.start):
        return "actual"  # "nâng cao sự hài lòng … (đạt 99,46%)": the result reached beside a goal
    if local and ctx.doc_year is not None and local[0].year < ctx.doc_year:
        return "actual"  # "… 10,05% trong năm 2020" in a 2021 article
    # Words inside another value's item describe that item's noun phrase, not a status frame.
    def framing(pos: int) -> bool:
        return (outside(pos, chain, clause_list) and not any(s <= pos < e for s, e in other_tails)
                and not compared(ctx.text, sent[0], pos))

    own_lo = max(sent[0], ctx.text.rfind(",", sent[0], v.start) + 1)

    def names_a_thing(c) -> bool:
        """ "tỷ lệ học sinh hoàn thành chương trình tiểu học": a noun cue in the value's own words."""
        return c.start >= own_lo and " ".join(c.surface.lower().split()) in NOUN_CUES

    signals: list[tuple[int, str]] = [(c.start, c.kind) for c in ctx.cues_in(sent[0], v.start) if not names_a_thing(c)
                                      if framing(c.start) and " ".join(c.surface.lower().split()) not in _WEAK_CUES
                                      and not _modal_elsewhere(ctx, c, it)]
    signals += [(y.start, "target" if y.kind == "through" and _goal_right_before(ctx, y.start) else ctx.year_status(y))
                for y in ctx.years_in(sent[0], v.start)
                if y.kind in ("deadline", "vision", "through") and framing(y.start) and ctx.year_status(y)]
    if signals:
        pos, kind = max(signals)
        ahead = [y for y in ctx.years_in(*sent) if y.kind in ("deadline", "vision")
                 or (ctx.doc_year is not None and y.year > ctx.doc_year)]
        if kind == "target" and ctx.text[pos:pos + 12].lower().startswith(tuple(_FORECAST)) \
                and find_estimates(ctx.text[sent[0]:pos]) and not ahead:
            return "actual"  # "Ước tính XK cả năm sẽ đạt 1,54 tỷ USD, giảm 23%": an estimated result
        return kind
    weak = [c.start for c in ctx.cues_in(sent[0], v.start) if framing(c.start)]
    if weak:  # "đã", "trung bình đạt" alone: a result
        return "actual"
    listed_goal = ctx.heading_status.get(para_index) == "target"  # under "… các chỉ tiêu cụ thể như sau:"
    # "Có 60% viên chức đạt trình độ bậc 4; đến hết năm 2030 đạt 70%": a later deadline of the sentence
    ahead = ctx.doc_year is not None and any(y.kind in ("deadline", "through", "vision") and y.year > ctx.doc_year
                                             and not compared(ctx.text, sent[0], y.start) for y in ctx.years_in(*sent))
    if any(c.kind == "actual" and not (ctx.is_plan and _PASSIVE_AFTER.match(ctx.text, c.end))
           and not ((listed_goal or ahead) and " ".join(c.surface.lower().split()) in _WEAK_CUES)  # "… người đã có tài khoản"
           for s, e in it.tail for c in ctx.cues_in(s, e)):
        return "actual"  # "… tăng 6,2% so với cùng kỳ", "51% đã hoàn thành …": the value's own words report it
    if find_periods(ctx.text[sent[0]:v.start]):
        return "actual"  # "9 tháng đầu năm, …": the part of a year a report covers
    written = ctx.doc_year or ctx.report_year
    if not ctx.is_plan and written and any(compared(ctx.text, sent[0], y.start) and y.year < written
                                           for y in ctx.years_in(*sent) if y.kind == "point"):
        return "actual"  # "So với năm 2016, số lượng xe vi phạm tăng 4,7%": measured against a past year
    if local:
        return ctx.year_status(local[0])
    if (_EXISTENTIAL.search(ctx.text, max(sent[0], v.start - 12), v.start)
            or _EXISTING_PARTS.search(ctx.text, sent[0], v.start)) and not ahead \
            and not (ctx.is_plan and ctx.heading_status.get(para_index) != "actual"):  # a plan's "Có 30% diện tích …"
        return "actual"  # "Cả nước có 85% dân số …": what there is, not what is aimed at (unless a later deadline)
    # No cue in the sentence: "Năm 2023, tỷ lệ … đạt 98,6%" reports what the year brought.
    said = [y for y in ctx.years_in(sent[0], v.start) if y.kind in ("point", "through", "since") and framing(y.start)]
    if not said and _SAME_YEAR.search(ctx.text, sent[0], v.start):
        said = [y for y in ctx.years_in(para[0], sent[0]) if y.kind in ("point", "through")][-1:]
    if said:
        return ctx.year_status(said[-1])
    if not ctx.is_plan and _COMPLETION.search(ctx.text, max(sent[0], v.start - 12), v.start) \
            and _COMPLETION_BASE.match(ctx.text, v.end):
        return "actual"  # "…, đạt 90,2% kế hoạch": a completion ratio in a report says what was reached
    near = _recent(ctx.text, para[0], sent[0])
    earlier = [(c.start, c.kind) for c in ctx.cues_in(near, sent[0])
               if not compared(ctx.text, para[0], c.start) and not bracketed(ctx.text, para[0], c.start)
               and (ctx.is_plan or " ".join(c.surface.lower().split()) not in _NO_LATER_FRAME)]
    earlier += [(y.start, ctx.year_status(y)) for y in ctx.years_in(near, sent[0])
                if y.kind in ("deadline", "vision", "through") and ctx.year_status(y)
                # not the deadline of a goal a figure was compared with ("(vượt 1,42% so với mục tiêu giai đoạn
                # đến năm 2025 …)"), as for cues
                and not compared(ctx.text, para[0], y.start) and not bracketed(ctx.text, para[0], y.start)]
    if earlier:
        return max(earlier)[1]
    if ahead and not ctx.heading_status.get(para_index):
        return "target"  # "Có 60% viên chức đạt bậc 4; đến hết năm 2030 đạt 70%": a sentence of goals
    return ctx.heading_status.get(para_index, "")
