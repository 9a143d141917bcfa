"""Scope and list reading: which words of a sentence belong to which value.

Each value is placed in its *scope* (a clause between ``;``, or a parenthesised sub-clause) and the
scope is read as a list of items::

    HEAD₁ v₁ TAIL₁ , [HEAD₂] v₂ TAIL₂ và [HEAD₃] v₃ TAIL₃ (shared predicate)

- a value's indicator is its head (or the list's shared head) + its tail + the list's shared
  predicate when its own item has none (``90% hồ sơ … cấp tỉnh, 80% … cấp huyện và 60% … cấp xã
  được xử lý trên môi trường mạng``); an item with nothing of its own repeats the previous one
  (``20% GDP vào năm 2025 và 30% vào năm 2030``);
- values attached to a level in brackets (``cấp huyện (70%), xã (40%)``) share the rest of the scope;
- a sub-clause that says nothing of what it measures (``(từ năm 2023 tăng thêm 10%/năm)``) inherits
  the indicator of the value it comments on;
- a bare noun phrase subject borrows the previous subject's measure noun and predicate (gapping);
- a topic (``Đối với nhóm học sinh, …``) qualifies every value of its sentence.

    >>> from chitieu.pipeline.run import assemble_targets
    >>> text = "Đến năm 2025, 90% hồ sơ tại cấp tỉnh và 80% hồ sơ tại cấp huyện được xử lý trên môi trường mạng."
    >>> [(t.level, t.indicator) for t in assemble_targets(text, "d")[0]]
    [('tinh', 'hồ sơ được xử lý trên môi trường mạng'), ('huyen', 'hồ sơ được xử lý trên môi trường mạng')]
"""

from __future__ import annotations

from functools import cache

import regex
from chitieu.extractors import scan
from chitieu.extractors.levels import bare_level_after, bare_level_before, find_levels
from chitieu.extractors.lexicon import alternation, rows, words
from chitieu.extractors.places import find_places
from chitieu.extractors.years import find_years
from chitieu.pipeline.doc import Doc, Item, Scope
from chitieu.pipeline.indicator import (
    Ranges,
    clean_head,
    clean_tail,
    content_words,
    has_predicate,
    measure_noun_re,
    render,
    same_period_base,
    subtract,
    tail_extent,
)
from chitieu.pipeline.respective import respective_lists
from chitieu.pipeline.segment import clauses
from chitieu.pipeline.subject import borrow_subjects, fronted_clause, listed_parts, market_anaphors, subshares

from chitieu.models import Percentage


def _words(*roles: str) -> str:
    return alternation(words("indicator_words.csv", *roles))


_SEPARATOR = regex.compile(r",\s*|\s+" + _words("list_and", "list_or") + r"\s+")
# A verb or comparator that links a subject to its value, at the end of a stretch of text.
_LINKING_END = regex.compile(r"(?:^|[\s,])" + _words("linking") + r"\s*$", regex.IGNORECASE)
_ATTACH_SEP = regex.compile(r"^\s*(?:,|" + _words("list_and") + r"|,\s*" + _words("list_and") + r")?\s*$")
_ABBREVIATION = regex.compile(r"[\p{Lu}\d][\p{Lu}\d&.\- ]{0,14}")  # "(GRDP)", "(CCHC)": part of the phrase
# What a completion ratio is measured against, opening a tail ("mục tiêu tăng trưởng", "kế hoạch năm")
_BASE_START = regex.compile(r"\s*(?:so\s+với\s+)?" + _words("completion_base") + r"(?![\p{L}])", regex.IGNORECASE)
_RESPECTIVE = regex.compile(r"(?<![\p{L}])" + _words("respective") + r"(?![\p{L}])", regex.IGNORECASE)
_PASSIVE = regex.compile(r"(?<![\p{L}])" + _words("passive") + r"(?![\p{L}])")


def _value_scope(clause: Scope, text: str, v: Percentage) -> tuple[Scope, bool]:
    """The scope a value belongs to, and whether it is attached in brackets (``xã (40%)``)."""
    scope = clause.innermost(v.start)
    if scope.paren and text[scope.start + 1:scope.end].strip(" )") == v.surface.strip() and scope.parent:
        return scope.parent, True
    return scope, False


def inner(scope: Scope, text: str) -> tuple[int, int]:
    start = scope.start + 1 if scope.paren else scope.start
    end = scope.end - 1 if scope.paren and text[scope.end - 1] == ")" else scope.end
    return start, end


def _holes(scope: Scope, text: str, items: list[Item]) -> Ranges:
    """Sub-scopes that are not part of this scope's phrases: sub-clauses and side remarks.
    Short abbreviations in brackets (``(GRDP)``) stay."""
    holes = []
    for child in scope.children:
        inner = text[child.start + 1:child.end - 1].strip()
        if _ABBREVIATION.fullmatch(inner):
            continue
        holes.append((child.start, child.end))
    for it in items:
        holes.append((it.value.start, it.value.end))
    return holes


def _split_between(text: str, start: int, end: int) -> int | None:
    """Where the tail of one value ends and the head of the next begins, when the next value has a
    subject of its own ("… 20% GRDP, tỷ trọng kinh tế số đạt tối thiểu 10%")."""
    segment = text[start:end]
    linked = _LINKING_END.search(segment) is not None
    for m in _SEPARATOR.finditer(segment):
        right = segment[m.end():]
        if linked and _LINKING_END.search(right) and (content_words(right, stop_at=2) >= 2 or find_years(right)):
            return start + m.start()
        # "… đạt trên 60%, tốc độ tăng trưởng kinh tế bình quân 13-14%/năm": a measure noun opens a new subject
        if measure_noun_re().match(text, start + m.end()) and content_words(right, stop_at=2) >= 2:
            return start + m.start()
    return None


def _attach(text: str, items: list[Item]) -> Ranges:
    """Levels/places before bracketed values; returns the runs to cut from the shared phrase."""
    runs: Ranges = []
    for it in items:
        if not it.attached_level and not it.attached_place:
            paren_start = text.rfind("(", 0, it.value.start)
            level = bare_level_before(text, paren_start)
            run_start = paren_start
            if level:
                it.attached_level = level.level
                run_start = level.start
            else:
                for p in find_places(text[max(0, paren_start - 40):paren_start]):
                    if text[max(0, paren_start - 40) + p.end:paren_start].strip() == "":
                        it.attached_place = p.place
                        run_start = max(0, paren_start - 40) + p.start
            close = text.find(")", it.value.end)
            run_end = close + 1 if close >= 0 else it.value.end
            if runs and _ATTACH_SEP.match(text[runs[-1][1]:run_start]):
                runs[-1] = (runs[-1][0], run_end)
            else:
                runs.append((run_start, run_end))
    return runs


def _read_scope(ctx: Doc, scope: Scope, items: list[Item], parent_item: Item | None,
                parent_levels: set[str] = frozenset()) -> None:
    """Fill indicator and level of the items of one scope; a bracketed sub-clause that says nothing
    of what it measures takes the indicator of ``parent_item`` and the level its scope names, if one."""
    text = ctx.text
    lo, hi = inner(scope, text)
    holes = _holes(scope, text, items)
    attached = [it for it in items if it.attached_level is not None or it.attached_place is not None]
    attached_runs = _attach(text, attached) if attached else []
    free = [it for it in items if it not in attached]
    holes_all = holes + attached_runs

    if attached:
        cut_lo = attached_runs[0][0]
        cut_hi = attached_runs[-1][1]
        head = clean_head(text, subtract([(lo, cut_lo)], holes_all), subject=True)
        tail = clean_tail(text, subtract([(cut_hi, hi)], holes_all))
        phrase = ctx.render(head + tail)
        for it in attached:
            it.indicator = phrase
            it.level = it.attached_level or ""

    if free:
        bounds = [lo] + [b for it in free for b in (it.value.start, it.value.end)] + [hi]
        pre = (bounds[0], bounds[1])
        for i, it in enumerate(free):
            seg_start, seg_end = it.value.end, (free[i + 1].value.start if i + 1 < len(free) else hi)
            split = _split_between(text, seg_start, seg_end) if i + 1 < len(free) else None
            it.tail = subtract([(seg_start, split if split is not None else seg_end)], holes_all)
            if i + 1 < len(free) and split is not None:
                free[i + 1].head = subtract([(split, seg_end)], holes_all)
        free[0].head = subtract([pre], holes_all)
        tails = [clean_tail(text, it.tail) for it in free]
        last_tail = tails[-1]
        predicate: Ranges = []
        # "…, đạt 90% mục tiêu tăng trưởng": a completion base shares no predicate with the list
        if len(free) > 1 and last_tail and not _BASE_START.match(text, last_tail[0][0]):
            pred_at = _predicate_start(text, last_tail)
            if pred_at is not None:
                predicate = [(max(s, pred_at), e) for s, e in last_tail if e > pred_at]
        shared_head: Ranges = []
        for i, it in enumerate(free):
            tail = tails[i]
            own_head = i == 0 or it.head is not None
            if i == 0:
                head = clean_head(text, it.head, subject=_no_own_tail(text, it, tail))
                shared_head = head
            elif own_head:
                head = clean_head(text, it.head, subject=_no_own_tail(text, it, tail))
            else:
                head = shared_head
                if not tail:  # elliptical: "… 20% GDP vào năm 2025 và 30% vào năm 2030"
                    tail = tails[i - 1]
                else:  # "90% hồ sơ tại cấp tỉnh, 75% cấp huyện và 60% cấp xã được xử lý …": only a level of its own
                    rest = _after_level(text, tail)
                    if rest is not None and free[0].tail_noun:
                        noun = _without_level(text, free[0].tail_noun)
                        if noun != free[0].tail_noun:  # the first item's own level goes too ("… cấp tỉnh")
                            first = subtract(tails[0], [(noun[-1][1], free[0].tail_noun[-1][1])])
                            free[0].tail_noun = noun
                            free[0].tail_clean = first
                            free[0].indicator = ctx.render(_dedupe(shared_head + first + (
                                predicate if not has_predicate(render(text, first)) else [])))
                        it.tail_noun = noun
                        tail = noun + rest
            if i == 0 and tail:
                it.tail_noun = _noun_before_predicate(text, tail)
            if not tail:
                it.head_clean = head
            phrase_ranges = head + tail
            continues = all(free[j].head is None for j in range(i + 1, len(free)))
            if predicate and i < len(free) - 1 and continues and not has_predicate(render(text, tail)):
                phrase_ranges = phrase_ranges + predicate
            it.tail_clean = tail
            it.indicator = ctx.render(_dedupe(phrase_ranges))
            it.level = _level_of(text, it, tail, head)

    for it in items:
        if content_words(it.indicator, stop_at=1) == 0 and parent_item is not None:
            it.indicator = parent_item.indicator
            it.inherited = True
            if not it.level and not attached and len(parent_levels) == 1:
                it.level = next(iter(parent_levels))
        elif (content_words(it.indicator, stop_at=1) == 0 and scope.paren and scope.parent is not None
              and _RESPECTIVE.search(text, scope.start, scope.end)):
            # "kim ngạch XK giảm sâu trong tháng 3 và tháng 5 (giảm lần lượt 47% và 20%)": a bracket with
            # no value before it comments on the subject of the words before it
            p_lo, _ = inner(scope.parent, text)
            before = subtract([(p_lo, scope.start)], [(c.start, c.end) for c in scope.parent.children])
            head = clean_head(text, before, subject=True)
            if content_words(ctx.render(head), stop_at=1):
                it.indicator = ctx.render(head)
                it.inherited = True


# "… 85%-90% tổng vốn đầu tư": the whole a share is taken of
_SHARE_OF_TOTAL = regex.compile(r"\s*" + alternation(words("indicator_words.csv", "share_whole")) + r"(?![\p{L}])",
                                regex.IGNORECASE)


def _no_own_tail(text: str, it: Item, tail: Ranges) -> bool:
    """Whether a value names what it measures before it: its tail is empty, only the period a ratio
    is measured against (``X bằng 95% cùng kỳ``) or, after a label, the whole it is a share of (``tỷ lệ vốn
    ngân sách nhà nước dự kiến: 85%-90% tổng vốn đầu tư``)."""
    labelled = text[max(0, it.value.start - 4):it.value.start].strip().endswith(":")
    return not tail or (len(tail) == 1 and (same_period_base(text, it.value.end, tail[0][1]) == tail[0]
                                            or (labelled and _SHARE_OF_TOTAL.match(text, tail[0][0], tail[0][1]))))


def _after_level(text: str, tail: Ranges) -> Ranges | None:
    """What follows a tail's opening level phrase (``cấp xã được xử lý …`` → ``được xử lý …``), or None
    when the tail does not open with one."""
    s, e = tail[0]
    start = s + len(text[s:e]) - len(text[s:e].lstrip())
    opening = [m for m in find_levels(text[start:e]) if m.start == 0 and m.level != "multi"]
    if not opening:
        return None
    rest = [(start + opening[0].end, e)] + tail[1:]
    return [r for r in rest if text[r[0]:r[1]].strip()]


def _without_level(text: str, ranges: Ranges) -> Ranges:
    """A noun phrase without the level phrase it ends with (``hồ sơ công việc cấp tỉnh``)."""
    s, e = ranges[-1]
    found = [m for m in find_levels(text[s:e]) if m.level != "multi"]
    if found and not text[s + found[-1].end:e].strip():
        cut = s + found[-1].start
        return [(a, min(b, cut)) for a, b in ranges if a < cut] or ranges
    return ranges


def _noun_before_predicate(text: str, tail: Ranges) -> Ranges:
    """The noun phrase of the first item's tail, without the predicate it may share with the list."""
    lo, hi = tail[0][0], tail[-1][1]
    m = _PASSIVE.search(text, lo, hi)
    return [(s, min(e, m.start())) for s, e in tail if s < m.start()] if m else tail


def _dedupe(ranges: Ranges) -> Ranges:
    out: Ranges = []
    for s, e in sorted(set(ranges)):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _predicate_start(text: str, ranges: Ranges) -> int | None:
    """Start of the predicate in a list's last item (a verb after its noun phrase), via the token layer."""
    from chitieu.pipeline.tokens import predicate_offset

    lo, hi = ranges[0][0], ranges[-1][1]
    m = _PASSIVE.search(text[lo:hi])
    if m:
        return lo + m.start()
    try:
        return predicate_offset(text[lo:hi], lo)
    except Exception:
        return None


@cache
def _bare_levels() -> dict[str, str]:
    return {r["phrase"]: r["level"] for r in rows("levels.csv") if r["context"] == "bare" and " " not in r["phrase"]}


@cache
def _counted_level() -> regex.Pattern:
    """A counter and a level's unit: ``tỷ lệ xã``, ``số các huyện`` (not ``xã hội``)."""
    return regex.compile(r"(?<![\p{L}])" + alternation(words("indicator_words.csv", "unit_counter"))
                         + r"\s+(?:các\s+)?(?P<unit>" + alternation(_bare_levels()) + r")(?!\s+hội)(?![\p{L}])",
                         regex.IGNORECASE)


def _level_of(text: str, it: Item, tail: Ranges, head: Ranges) -> str:
    found = set()
    after = bare_level_after(text, it.value.end)
    if after:
        found.add(after.level)
    for s, e in tail_extent(text, it.tail):
        found.update(m.level for m in find_levels(text[s:e]))
    if not found and it.head:
        lo, hi = it.head[0][0], it.head[-1][1]
        mentions = [(m, lo + m.start, lo + m.end) for m in find_levels(text[lo:hi])]
        last = _last_separator(text, lo, hi, [(s, e) for _, s, e in mentions])
        found.update(m.level for m, s, _ in mentions if s >= last)
        if not found:  # "tỷ lệ xã đạt chuẩn …", "số huyện có …": a count of units of one level
            counted = _counted_level().search(text, last, hi)
            if counted:
                found.add(_bare_levels()[counted.group("unit").lower()])
    if len(found) == 1:
        level = found.pop()
        return level if level != "multi" else ""
    return ""


def _last_separator(text: str, lo: int, hi: int, skip: list[tuple[int, int]]) -> int:
    """Where the last ``,`` or ``:`` of ``text[lo:hi]`` outside the spans ``skip`` stands (``lo``: none),
    looked for from the end.

        >>> _last_separator("xã, huyện, tỉnh: a", 0, 16, [(9, 16)]), _last_separator("a b", 0, 3, [])
        (2, 0)
    """
    i = hi
    while (i := max(text.rfind(",", lo, i), text.rfind(":", lo, i))) >= 0:
        if not any(s <= i < e for s, e in skip):
            return i
    return lo


def outside(pos: int, scope_chain: list[Scope], clause_list: list[Scope]) -> bool:
    """Whether ``pos`` lies in the value's own scopes (not inside some other bracketed remark)."""
    for clause in clause_list:
        if clause.contains(pos):
            inner = clause.innermost(pos)
            return inner in scope_chain or inner in clause_list
    return True


# every comparison phrase holds its first word: most stretches hold none (scan.Needs)
_COMPARED = scan.Needs(regex.compile(r"(?<![\p{L}])" + alternation(words("status_words.csv", "comparison"))
                                     + r"(?![\p{L}])", regex.IGNORECASE),
                       [p.split()[0] for p in words("status_words.csv", "comparison")])
_COMPARISON_END = regex.compile(r"(?<![\p{L}])" + alternation(words("status_words.csv", "comparison_end")) + r"(?![\p{L}])",
                                regex.IGNORECASE)


def compared(text: str, lo: int, pos: int) -> bool:
    """Whether what stands at ``pos`` is a base of comparison (``so với 6 tháng đầu năm 2021``, ``vượt
    mục tiêu``): a comparison word stands between it and the last separator before it (or ``lo``)."""
    cut = max(lo, text.rfind(",", lo, pos) + 1, text.rfind(";", lo, pos) + 1, text.rfind("(", lo, pos) + 1)
    last = max(_COMPARED.finditer(text, cut, pos), key=lambda m: m.start(), default=None)
    # the base ends where a new predicate starts: "vượt kế hoạch … với kim ngạch ước đạt …"
    return last is not None and _COMPARISON_END.match(text, pos) is None \
        and _COMPARISON_END.search(text, last.end(), pos) is None


def scope_chain(scope: Scope) -> list[Scope]:
    out = []
    while scope is not None:
        out.append(scope)
        scope = scope.parent
    return out


def sentence_items(ctx: Doc, sent: tuple[int, int], values: list[Percentage]) -> tuple[list[Item], list[Scope]]:
    clause_list = clauses(ctx.text, sent)
    items: list[Item] = []
    for v in values:
        clause = next((c for c in clause_list if c.contains(v.start)), clause_list[-1])
        scope, attached = _value_scope(clause, ctx.text, v)
        it = Item(v, scope)
        if attached:
            it.attached_level = ""  # marks "attached"; the level is read by _attach
        items.append(it)
    # Read scopes outside-in, so bracketed sub-clauses can inherit from the value they comment on.
    by_scope: dict[int, list[Item]] = {}
    order: list[Scope] = []
    for it in items:
        key = id(it.scope)
        if key not in by_scope:
            by_scope[key] = []
            order.append(it.scope)
        by_scope[key].append(it)
    order.sort(key=lambda s: len(scope_chain(s)))
    for scope in order:
        parent_item = None
        ancestor = scope.parent
        while ancestor is not None and parent_item is None:
            candidates = [it for it in items if it.scope is ancestor and it.value.start < scope.start]
            if candidates:
                parent_item = candidates[-1]
            ancestor = ancestor.parent
        if parent_item is None and scope.parent is None:
            earlier = [it for it in items if it.value.start < scope.start and it.indicator]
            parent_item = earlier[-1] if earlier else None
        parent_levels = {it.level for it in items if parent_item is not None and it.scope is parent_item.scope}
        _read_scope(ctx, scope, by_scope[id(scope)], parent_item, parent_levels)
    _fill_gaps(ctx, items)
    borrow_subjects(ctx, items)
    fronted_clause(ctx, sent, items)
    subshares(ctx, sent, items)
    listed_parts(ctx, sent, items)
    market_anaphors(ctx, sent, items)
    respective_lists(ctx, sent, items)
    _lead_level(ctx, sent, items)
    topic = _TOPIC.match(ctx.text, sent[0], sent[1])
    if topic and not find_levels(topic.group("np")) and not find_places(topic.group("np")):
        np = " ".join(topic.group("np").split())
        for it in items:
            if it.indicator and np.lower() not in it.indicator.lower():
                it.indicator = f"{it.indicator} ({np})"  # "Đối với nhóm học sinh, sinh viên, …"
    elif not topic:
        _paragraph_topic(ctx, sent, items)
    return items, clause_list


_PARAGRAPH_TOPIC = regex.compile(r"\s*" + _words("topic_opener") + r"\s+(?P<np>[^,:;.]{2,40}?)\s*,\s+", regex.IGNORECASE)
_BARE_SUBJECT_WORDS = 3  # an indicator of at most this many words names only what the topic qualifies ("XK")


def _paragraph_topic(ctx: Doc, sent: tuple[int, int], items: list[Item]) -> None:
    """A paragraph that opens on a topic (``Đối với mặt hàng hải sản, kim ngạch XK giảm …``) qualifies
    the bare subjects of its later sentences (``… XK tăng 2% …`` → ``XK (mặt hàng hải sản)``).

        >>> from chitieu.pipeline.run import assemble_targets
        >>> text = "Đối với mặt hàng rau quả, kim ngạch giảm. Trong tháng 9, XK tăng 2%."
        >>> [r.indicator for r in assemble_targets(text, "d")[0]]
        ['XK (mặt hàng rau quả)']
    """
    text = ctx.text
    start = text.rfind("\n\n", 0, sent[0])
    start = start + 2 if start >= 0 else 0
    topic = _PARAGRAPH_TOPIC.match(text, start, sent[0])
    if topic is None or find_levels(topic.group("np")) or find_places(topic.group("np")):
        return
    np = " ".join(topic.group("np").split())
    for it in items:
        if it.indicator and np.lower() not in it.indicator.lower() \
                and content_words(it.indicator, stop_at=_BARE_SUBJECT_WORDS + 1) <= _BARE_SUBJECT_WORDS:
            it.indicator = f"{it.indicator} ({np})"


# "Đối với nhóm học sinh, sinh viên, tỉnh phấn đấu …": a topic that qualifies the sentence's values
_TOPIC = regex.compile(_words("topic_opener") + r"\s+(?P<np>[^,:;]{2,60}?(?:,\s*[^,:;\s]+(?:\s+[^,:;\s]+)?)?)\s*,\s+"
                       r"(?=[^,;]*" + _words("topic_verb") + ")", regex.IGNORECASE)


# "Ở cấp huyện, 51% …", "Đối với cấp xã: …": a sentence that opens on a level alone
_LEAD = regex.compile(r"\s*(?:" + _words("level_particle", "topic_opener") + r"\s+)?(?P<lv>[^,:;]{2,30}?)\s*[,:]\s",
                      regex.IGNORECASE)


def _lead_level(ctx: Doc, sent: tuple[int, int], items: list[Item]) -> None:
    """A sentence that opens on a level and a comma gives that level to its values that name none.

        >>> from chitieu.pipeline.run import assemble_targets
        >>> [t.level for t in assemble_targets("Ở cấp huyện, 51% đã đạt chuẩn, 20% đạt chuẩn nâng cao.", "d")[0]]
        ['huyen', 'huyen']
    """
    lead = _LEAD.match(ctx.text, sent[0], sent[1])
    if not lead or not items or items[0].value.start < lead.end():
        return
    found = find_levels(lead.group("lv"))
    if len(found) != 1 or found[0].level == "multi" or len(found[0].surface) < len(lead.group("lv").strip()):
        return
    for it in items:
        if not it.level:
            it.level = found[0].level


def _fill_gaps(ctx: Doc, items: list[Item]) -> None:
    """Gapping: "Tỷ lệ trường mầm non đạt chuẩn quốc gia đạt 65%; trường tiểu học đạt 80%" — a bare
    noun phrase subject borrows the previous subject's measure noun and predicate."""
    text = ctx.text
    previous: Item | None = None
    for it in items:
        if it.scope.parent is not None or not it.head_clean:
            continue
        own = ctx.render(it.head_clean)
        if (previous is not None and previous.scope is not it.scope and content_words(own, stop_at=5) <= 4
                and not measure_noun_re().search(own) and not has_predicate(own)
                and not _LINKING_END.search(own) and previous.head_clean):
            p_lo, p_hi = previous.head_clean[0][0], previous.head_clean[-1][1]
            noun = measure_noun_re().match(text, p_lo, p_hi)
            pred_at = _predicate_start(text, [(noun.end(), p_hi)]) if noun else None
            if noun and pred_at is not None:
                predicate = ctx.render([(max(s, pred_at), e) for s, e in previous.head_clean if e > pred_at])
                it.indicator = f"{ctx.render([noun.span()])} {own} {predicate}".strip()
                continue
        if measure_noun_re().match(text, it.head_clean[0][0], it.head_clean[-1][1]):
            previous = it
