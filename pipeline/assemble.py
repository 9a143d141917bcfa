"""Assemble stage: every percentage with what it is about.

For each candidate sentence, each value is placed in its *scope* (a clause between ``;``, or a
parenthesised sub-clause) and the scope is read as a list of items::

    HEAD₁ v₁ TAIL₁ , [HEAD₂] v₂ TAIL₂ và [HEAD₃] v₃ TAIL₃ (shared predicate)

- a value's indicator is its head (or the list's shared head) + its tail + the list's shared
  predicate when its own item has none (``90% hồ sơ … cấp tỉnh, 80% … cấp huyện và 60% … cấp xã
  được xử lý trên môi trường mạng``); an item with nothing of its own repeats the previous one
  (``20% GDP vào năm 2025 và 30% vào năm 2030``);
- values attached to a level in brackets (``cấp huyện (70%), xã (40%)``) share the rest of the scope;
- a sub-clause that says nothing of what it measures (``(từ năm 2023 tăng thêm 10%/năm)``) inherits
  the indicator of the value it comments on;
- year, status and place come from the value's own item first, then its scope, sentence,
  paragraph, and (for targets) the nearest heading or the title; a sentence naming a province
  moves its values there.

    >>> rows, _, _ = assemble_targets("Phấn đấu đến năm 2025, 80% hồ sơ được xử lý trực tuyến.", "d")
    >>> [(r.value, r.year, r.status, r.indicator) for r in rows]
    [(80.0, 2025, 'target', 'hồ sơ được xử lý trực tuyến')]
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

import regex
from chitieu.extractors.cues import find_cues_in
from chitieu.extractors.indicators import (
    ANAPHOR,
    ANAPHOR_ANY,
    Ranges,
    clean_head,
    clean_tail,
    content_words,
    has_predicate,
    render,
    subtract,
    tail_extent,
)
from chitieu.extractors.levels import bare_level_after, bare_level_before, find_levels
from chitieu.extractors.percentages import find_percentages
from chitieu.extractors.places import find_places, find_places_in
from chitieu.extractors.years import find_years, find_years_in
from chitieu.pipeline.normalize import Normalized, normalize
from chitieu.pipeline.segment import Scope, clauses, is_candidate, paragraphs, sentences

from chitieu.models import Cue, Percentage, PlaceMention, Reference, Target, YearMention

_SEPARATOR = regex.compile(r",\s*|\s+(?:và|hoặc)\s+")
_LINKING_END = regex.compile(
    r"(?:^|[\s,])(?:đạt|chiếm|là|ở\s+mức|mức|bằng|tăng|tăng\s+thêm|giảm|còn|lên|trên|dưới|tối\s+thiểu|"
    r"tối\s+đa|ít\s+nhất|khoảng|hơn|gần|không\s+dưới|không\s+quá|từ)\s*$",
    regex.IGNORECASE,
)
_EXISTENTIAL = regex.compile(r"(?<![\p{L}])(?:hiện\s+)?có\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?$", regex.IGNORECASE)
# "Trong cùng năm", "năm đó": the year of the sentence before.
_SAME_YEAR = regex.compile(r"(?<![\p{L}])(?:cùng\s+năm|năm\s+đó|cùng\s+kỳ)(?![\p{L}])", regex.IGNORECASE)
# Cues that report a result only when no goal word frames the sentence ("phấn đấu … bình quân đạt 7,5%").
_WEAK_CUES = {"đã", "trung bình đạt", "bình quân đạt"}
_ATTACH_SEP = regex.compile(r"^\s*(?:,|và|,\s*và)?\s*$")
_HEADING_MAX = 200
_ABBREVIATION = regex.compile(r"[\p{Lu}\d][\p{Lu}\d&.\- ]{0,14}")  # "(GRDP)", "(CCHC)": part of the phrase
_PASSIVE = regex.compile(r"(?<![\p{L}])(?:được|đã\s+được|sẽ\s+được|hoàn\s+thành)(?![\p{L}])")


@dataclass
class Context:
    """What the assembler knows about one (normalized) document."""

    text: str
    paragraphs: list[tuple[int, int]]
    years: list[YearMention]
    cues: list[Cue]
    places: list[PlaceMention]
    subject: str
    title_year: int | None
    heading_years: dict[int, int] = field(default_factory=dict)  # paragraph index → year of nearest heading
    heading_status: dict[int, str] = field(default_factory=dict)  # paragraph index → status its heading sets
    norm: Normalized | None = None  # the way back to the original text
    doc_year: int | None = None  # year of the byline date ("20/09/2024"), when the document has one
    plan_start: int | None = None  # first year of the title's plan period, when there is no byline

    def year_status(self, y: YearMention) -> str:
        """What a year phrase says of a value's status: a deadline is a goal; "đến hết năm 2020",
        "trong năm 2020", "năm 2020" report a result when the year is over at publication (for a plan
        without a date: before or at its first year); "từ năm" starts a goal unless it is past."""
        if y.kind in ("deadline", "vision"):
            return "target"
        if self.doc_year is not None:
            return "actual" if y.year < self.doc_year else "target"
        if self.plan_start is not None:
            if y.kind == "since":
                return "actual" if y.year < self.plan_start else "target"
            return "actual" if y.year <= self.plan_start or y.kind == "point" else "target"
        return "target" if y.kind == "since" else "actual"

    def __post_init__(self) -> None:
        self._year_starts = [y.start for y in self.years]
        self._cue_starts = [c.start for c in self.cues]

    def render(self, ranges: Ranges) -> str:
        """A phrase in the text's own words: normalized ranges rendered from the original text."""
        if self.norm is None:
            return render(self.text, ranges)
        return render(self.norm.original, [self.norm.to_original(s, e) for s, e in ranges])

    def years_in(self, start: int, end: int) -> list[YearMention]:
        i = bisect_left(self._year_starts, start)
        out = []
        while i < len(self.years) and self.years[i].start < end:
            if self.years[i].end <= end:
                out.append(self.years[i])
            i += 1
        return out

    def cues_in(self, start: int, end: int) -> list[Cue]:
        i = bisect_left(self._cue_starts, start)
        out = []
        while i < len(self.cues) and self.cues[i].start < end:
            out.append(self.cues[i])
            i += 1
        return out


@dataclass
class Item:
    """One value in its scope, with the pieces of text that belong to it."""

    value: Percentage
    scope: Scope
    head: Ranges | None = None  # own head (None: shares the scope's first head)
    tail: Ranges = field(default_factory=list)
    attached_level: str | None = None
    attached_place: str | None = None
    indicator: str = ""
    level: str = ""
    inherited: bool = False
    head_clean: Ranges = field(default_factory=list)  # the cleaned head, when the value follows its subject


# --------------------------------------------------------------------------------------------------


def document_subject(text: str, places: list[PlaceMention], paras: list[tuple[int, int]]) -> str:
    """The document's place: the one named in the title, else the most mentioned; ``Việt Nam`` for a
    national round-up ("cả nước" said at least as often as any province). Datelines ("Hà Nội, ngày …")
    in byline lines say where it was written, not what it is about."""
    bylines = [(s, e) for s, e in paras[:4] if e - s <= _HEADING_MAX and _BYLINE_DATE.search(text, s, e)]
    places = [p for p in places if not any(s <= p.start < e for s, e in bylines)]
    if paras and paras[0][1] - paras[0][0] <= _HEADING_MAX:
        first = [p for p in places if p.start < paras[0][1] and p.place != "Việt Nam"]
        if first:
            return first[0].place
        if _NATIONAL.search(text, *paras[0]) or any(p.start < paras[0][1] for p in places):
            return "Việt Nam"
    counts = Counter(p.place for p in places if p.place != "Việt Nam")
    national = len(_NATIONAL.findall(text)) + sum(p.place == "Việt Nam" for p in places)
    if not counts:
        return "Việt Nam" if national else ""
    best = max(counts.values())
    if national >= best and national >= 2:
        return "Việt Nam"
    return next(p.place for p in places if counts.get(p.place) == best)


def _is_heading(text: str, span: tuple[int, int]) -> bool:
    s, e = span
    return e - s <= _HEADING_MAX and text[e - 1] not in ".;:!?…"


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
        if e - s > _HEADING_MAX:
            continue
        m = _BYLINE_DATE.search(text, s, e)
        if m:
            return int(m.group("y"))
    return None


def build_context(text: str, norm: Normalized | None = None) -> Context:
    """What the rules need to know of a document. Only the regions that can matter are scanned: the
    first lines (title, byline, lead), headings, and the paragraphs that hold a value."""
    paras = paragraphs(text)
    regions = [p for i, p in enumerate(paras) if i < 3 or _is_heading(text, p) or is_candidate(text[p[0]:p[1]])]
    places = find_places_in(text, regions)
    # A cue inside a place name is no cue ("Cần Thơ" is not "cần").
    cues = [c for c in find_cues_in(text, regions) if c.kind in ("target", "actual")
            and not any(p.start <= c.start < p.end for p in places)]
    ctx = Context(
        text=text,
        paragraphs=paras,
        years=find_years_in(text, regions),
        cues=cues,
        places=places,
        subject="",
        title_year=None,
        norm=norm,
    )
    ctx.subject = document_subject(text, ctx.places, paras)
    ctx.doc_year = _byline_year(text, paras)
    if ctx.doc_year is None and paras:
        # A plan for "giai đoạn 2021 – 2025" reports the years up to 2021 as its baseline.
        period = [y for y in ctx.years_in(*paras[0]) if y.kind == "period" and y.year_start]
        ctx.plan_start = period[0].year_start if period else None
    if paras:
        ctx.title_year = _governing_year(ctx.years_in(*paras[0]))
    year, status = None, None
    for i, span in enumerate(paras):
        if i and _is_heading(text, span):  # a new heading resets what the previous one said
            year = _governing_year(ctx.years_in(*span))
            cues = ctx.cues_in(*span)
            status = cues[-1].kind if cues else None
        if year:
            ctx.heading_years[i] = year
        if status:
            ctx.heading_status[i] = status
    return ctx


# --------------------------------------------------------------------------------------------------


def _value_scope(clause: Scope, text: str, v: Percentage) -> tuple[Scope, bool]:
    """The scope a value belongs to, and whether it is attached in brackets (``xã (40%)``)."""
    scope = clause.innermost(v.start)
    if scope.paren and text[scope.start + 1:scope.end].strip(" )") == v.surface.strip() and scope.parent:
        return scope.parent, True
    return scope, False


def _inner(scope: Scope, text: str) -> tuple[int, int]:
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
    if not _LINKING_END.search(segment):
        return None
    for m in _SEPARATOR.finditer(segment):
        right = segment[m.end():]
        if _LINKING_END.search(right) and (content_words(right, stop_at=2) >= 2 or find_years(right)):
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


def _read_scope(ctx: Context, scope: Scope, items: list[Item], parent_item: Item | None,
                parent_levels: set[str] = frozenset()) -> None:
    """Fill indicator and level of the items of one scope; a bracketed sub-clause that says nothing
    of what it measures takes the indicator of ``parent_item`` and the level its scope names, if one."""
    text = ctx.text
    lo, hi = _inner(scope, text)
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
        if len(free) > 1 and last_tail:
            pred_at = _predicate_start(text, last_tail)
            if pred_at is not None:
                predicate = [(max(s, pred_at), e) for s, e in last_tail if e > pred_at]
        shared_head: Ranges = []
        for i, it in enumerate(free):
            tail = tails[i]
            own_head = i == 0 or it.head is not None
            if i == 0:
                head = clean_head(text, it.head, subject=not tail)
                shared_head = head
            elif own_head:
                head = clean_head(text, it.head, subject=not tail)
            else:
                head = shared_head
                if not tail:  # elliptical: "… 20% GDP vào năm 2025 và 30% vào năm 2030"
                    tail = tails[i - 1]
            if not tail:
                it.head_clean = head
            phrase_ranges = head + tail
            continues = all(free[j].head is None for j in range(i + 1, len(free)))
            if predicate and i < len(free) - 1 and continues and not has_predicate(render(text, tail)):
                phrase_ranges = phrase_ranges + predicate
            it.indicator = ctx.render(_dedupe(phrase_ranges))
            it.level = _level_of(text, it, tail, head)

    for it in items:
        if content_words(it.indicator, stop_at=1) == 0 and parent_item is not None:
            it.indicator = parent_item.indicator
            it.inherited = True
            if not it.level and not attached and len(parent_levels) == 1:
                it.level = next(iter(parent_levels))


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
    from chitieu.pipeline.tokens import predicate_offset, sentence_doc

    lo, hi = ranges[0][0], ranges[-1][1]
    m = _PASSIVE.search(text[lo:hi])
    if m:
        return lo + m.start()
    try:
        return predicate_offset(sentence_doc(text[lo:hi], lo))
    except Exception:
        return None


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
        commas = [i for i in range(lo, hi) if text[i] in ",:" and not any(s <= i < e for _, s, e in mentions)]
        last = commas[-1] if commas else lo
        found.update(m.level for m, s, _ in mentions if s >= last)
    if len(found) == 1:
        level = found.pop()
        return level if level != "multi" else ""
    return ""


# --------------------------------------------------------------------------------------------------


def _outside(pos: int, scope_chain: list[Scope], clause_list: list[Scope]) -> bool:
    """Whether ``pos`` lies in the value's own scopes (not inside some other bracketed remark)."""
    for clause in clause_list:
        if clause.contains(pos):
            inner = clause.innermost(pos)
            return inner in scope_chain or inner in clause_list
    return True


def _chain(scope: Scope) -> list[Scope]:
    out = []
    while scope is not None:
        out.append(scope)
        scope = scope.parent
    return out


def _resolve_year(ctx: Context, it: Item, increase: bool, status: str, sent: tuple[int, int],
                  para_index: int, clause_list: list[Scope]) -> int | None:
    v = it.value
    chain = _chain(it.scope)
    # 1. the value's own item, after it ("20% GDP vào năm 2025", "trong năm 2020")
    if not increase:
        for s, e in it.tail:
            own = [y for y in ctx.years_in(s, e) if y.kind != "since"]
            if own:
                return own[0].year
    # 2. before it, in its scope chain and sentence (not inside other brackets); increases start "từ năm"
    before = [y for y in ctx.years_in(sent[0], v.start) if _outside(y.start, chain, clause_list)]
    if increase:
        scope_lo = _inner(it.scope, ctx.text)[0]
        starts = [y for y in before if y.start >= scope_lo and y.kind in ("since", "point")]
        if starts:
            return starts[-1].year
    picked = _pick(before)
    if picked:
        return picked
    # 3. later in the same sentence, outside brackets: "X đạt 50%, Y đạt 60% vào năm 2025"
    after = [y for y in ctx.years_in(v.end, sent[1]) if _outside(y.start, chain, clause_list)
             and y.kind in ("deadline", "through")]
    if after and status == "target":
        return after[0].year
    # 4. earlier sentences of the paragraph
    para = ctx.paragraphs[para_index]
    picked = _pick(ctx.years_in(para[0], sent[0]))
    if picked:
        return picked
    if status != "target":
        return None
    # 5. the nearest heading above, then the title
    return ctx.heading_years.get(para_index) or ctx.title_year


def _pick(years: list[YearMention]) -> int | None:
    """The nearest preceding year, a vision ("định hướng đến năm 2030") only when nothing else."""
    for y in reversed(years):
        if y.kind != "vision":
            return y.year
    return years[-1].year if years else None


def _resolve_status(ctx: Context, it: Item, sent: tuple[int, int], para: tuple[int, int],
                    clause_list: list[Scope], other_tails: Ranges, para_index: int) -> str:
    v = it.value
    chain = _chain(it.scope)
    local = [y for s, e in it.tail for y in ctx.years_in(s, e)
             if y.kind in ("deadline", "through") or y.surface.lower().startswith("trong")]
    if local and local[0].kind == "deadline":
        return "target"
    if local and ctx.doc_year is not None and local[0].year < ctx.doc_year:
        return "actual"  # "… 10,05% trong năm 2020" in a 2021 article
    # Words inside another value's item describe that item's noun phrase, not a status frame.
    def framing(pos: int) -> bool:
        return _outside(pos, chain, clause_list) and not any(s <= pos < e for s, e in other_tails)

    signals: list[tuple[int, str]] = [(c.start, c.kind) for c in ctx.cues_in(sent[0], v.start)
                                      if framing(c.start) and " ".join(c.surface.lower().split()) not in _WEAK_CUES]
    signals += [(y.start, ctx.year_status(y)) for y in ctx.years_in(sent[0], v.start)
                if y.kind in ("deadline", "vision", "through") and framing(y.start) and ctx.year_status(y)]
    if signals:
        return max(signals)[1]
    weak = [c.start for c in ctx.cues_in(sent[0], v.start) if framing(c.start)]
    if weak:  # "đã", "trung bình đạt" alone: a result
        return "actual"
    if local:
        return ctx.year_status(local[0])
    if _EXISTENTIAL.search(ctx.text, max(sent[0], v.start - 12), v.start):
        return "actual"  # "Cả nước có 85% dân số …": what there is, not what is aimed at
    # No cue in the sentence: "Năm 2023, tỷ lệ … đạt 98,6%" reports what the year brought.
    said = [y for y in ctx.years_in(sent[0], v.start) if y.kind in ("point", "through", "since") and framing(y.start)]
    if not said and _SAME_YEAR.search(ctx.text, sent[0], v.start):
        said = [y for y in ctx.years_in(para[0], sent[0]) if y.kind in ("point", "through")][-1:]
    if said:
        return ctx.year_status(said[-1])
    earlier = [(c.start, c.kind) for c in ctx.cues_in(para[0], sent[0])]
    earlier += [(y.start, ctx.year_status(y)) for y in ctx.years_in(para[0], sent[0])
                if y.kind in ("deadline", "vision", "through") and ctx.year_status(y)]
    if earlier:
        return max(earlier)[1]
    return ctx.heading_status.get(para_index, "")


_NATIONAL = regex.compile(r"(?<![\p{L}])(?:(?:của|trên|trong)\s+cả\s+nước|^\s*cả\s+nước|toàn\s+quốc)(?![\p{L}])",
                          regex.IGNORECASE)


def _resolve_place(ctx: Context, it: Item, sent: tuple[int, int], clause_list: list[Scope]) -> str:
    if it.attached_place:
        return it.attached_place
    chain = _chain(it.scope)
    before = [(p.start, p.place) for p in ctx.places
              if sent[0] <= p.start < it.value.start and _outside(p.start, chain, clause_list)]
    # "tỷ lệ … của cả nước đạt 42,5%": a national figure, when said in the value's own head
    for s, e in it.head or []:
        before += [(m.start(), "Việt Nam") for m in _NATIONAL.finditer(ctx.text, s, e)]
    after = _OF_PLACE.match(ctx.text, it.value.end)
    if after:
        if after.group("national"):
            return "Việt Nam"
        named = [p for p in ctx.places if p.start == after.start("place")]
        if named:
            return named[0].place
    if before:
        return max(before)[1]
    if _PLACE_ANAPHOR.search(ctx.text, sent[0], it.value.start):
        earlier = [p.place for p in ctx.places if p.start < sent[0]]
        if earlier:
            return earlier[-1]  # "Lãnh đạo địa phương này …": the place named before
    return ctx.subject


_PLACE_ANAPHOR = regex.compile(r"(?<![\p{L}])(?:địa\s+phương|tỉnh|thành\s+phố)\s+(?:này|trên|nói\s+trên)(?![\p{L}])",
                               regex.IGNORECASE)
# "5,05% của cả nước", "45% của tỉnh Bình Định": the place right after the value owns it
_OF_PLACE = regex.compile(r"\s*(?:dân\s+số\s+)?của\s+(?:(?P<national>cả\s+nước|toàn\s+quốc)|(?P<place>\p{Lu}|tỉnh|thành))")


_INCREASE_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:tăng|tăng\s+thêm|tăng\s+bình\s+quân|tăng\s+trung\s+bình|tăng\s+tối\s+thiểu|tăng\s+ít\s+nhất|"
    r"tăng\s+khoảng|tăng\s+trên|tăng\s+hơn)(?:\s+(?:mỗi\s+năm|hằng\s+năm|hàng\s+năm|bình\s+quân|thêm|"
    r"tối\s+thiểu|ít\s+nhất|khoảng|trên|hơn|từ|là|đạt))*\s*$",
    regex.IGNORECASE,
)
_PER_PERIOD_AFTER = regex.compile(r"^\s*(?:/\s*năm|mỗi\s+năm|một\s+năm|hằng\s+năm|hàng\s+năm|/năm)", regex.IGNORECASE)


def _measure(text: str, v: Percentage) -> str:
    if _PER_PERIOD_AFTER.match(text[v.end:v.end + 15]):
        return "increase"
    if _INCREASE_BEFORE.search(text[max(0, v.start - 40):v.start]):
        return "increase"
    return "level"


# --------------------------------------------------------------------------------------------------


def _sentence_items(ctx: Context, sent: tuple[int, int], values: list[Percentage]) -> tuple[list[Item], list[Scope]]:
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
    order.sort(key=lambda s: len(_chain(s)))
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
    topic = _TOPIC.match(ctx.text, sent[0], sent[1])
    if topic and not find_levels(topic.group("np")) and not find_places(topic.group("np")):
        np = " ".join(topic.group("np").split())
        for it in items:
            if it.indicator and np.lower() not in it.indicator.lower():
                it.indicator = f"{it.indicator} ({np})"  # "Đối với nhóm học sinh, sinh viên, …"
    return items, clause_list


# "Đối với nhóm học sinh, sinh viên, tỉnh phấn đấu …": a topic that qualifies the sentence's values
_TOPIC = regex.compile(r"(?:riêng\s+)?đối\s+với\s+(?P<np>[^,:;]{2,60}?(?:,\s*[^,:;\s]+(?:\s+[^,:;\s]+)?)?)\s*,\s+"
                       r"(?=[^,;]*(?:phấn\s+đấu|đạt|chiếm|mục\s+tiêu|chỉ\s+tiêu))", regex.IGNORECASE)


def _fill_gaps(ctx: Context, items: list[Item]) -> None:
    """Gapping: "Tỷ lệ trường mầm non đạt chuẩn quốc gia đạt 65%; trường tiểu học đạt 80%" — a bare
    noun phrase subject borrows the previous subject's measure noun and predicate."""
    from chitieu.extractors.indicators import _measure_noun_re

    text = ctx.text
    previous: Item | None = None
    for it in items:
        if it.scope.parent is not None or not it.head_clean:
            continue
        own = ctx.render(it.head_clean)
        if (previous is not None and previous.scope is not it.scope and content_words(own, stop_at=5) <= 4
                and not _measure_noun_re().search(own) and not has_predicate(own)
                and not _LINKING_END.search(own) and previous.head_clean):
            p_lo, p_hi = previous.head_clean[0][0], previous.head_clean[-1][1]
            noun = _measure_noun_re().match(text, p_lo, p_hi)
            pred_at = _predicate_start(text, [(noun.end(), p_hi)]) if noun else None
            if noun and pred_at is not None:
                predicate = ctx.render([(max(s, pred_at), e) for s, e in previous.head_clean if e > pred_at])
                it.indicator = f"{ctx.render([noun.span()])} {own} {predicate}".strip()
                continue
        if _measure_noun_re().match(text, it.head_clean[0][0], it.head_clean[-1][1]):
            previous = it


def assemble_targets(text: str, doc_id: str) -> tuple[list[Target], list[Reference], list[tuple[int, int, str, str]]]:
    """Targets, references and highlight spans of one document; offsets into the original ``text``.

    Everything is assembled and linked on the normalized text, then mapped back once."""
    norm = normalize(text)
    t = norm.text
    ctx = build_context(t, norm)
    percentages = find_percentages(t) if is_candidate(t) else []
    starts = [p.start for p in percentages]
    targets: list[Target] = []
    value_sentences: list[tuple[int, int]] = []
    last_indicator = ""
    for pi, para in enumerate(ctx.paragraphs):
        lo = bisect_left(starts, para[0])
        hi = bisect_left(starts, para[1])
        if lo == hi:
            continue
        for sent in sentences(t, para):
            values = [p for p in percentages[lo:hi] if sent[0] <= p.start < sent[1]]
            if not values:
                continue
            value_sentences.append(sent)
            items, clause_list = _sentence_items(ctx, sent, values)
            sentence_status = ""
            for it in items:
                v = it.value
                own = [(a, b) for a, b in (it.head or []) + it.tail]
                anaphoric = any(ANAPHOR_ANY.search(t, a, b) for a, b in own) and content_words(it.indicator, stop_at=4) <= 3
                if (content_words(it.indicator, stop_at=1) == 0 or ANAPHOR.match(it.indicator) or anaphoric) and last_indicator:
                    it.indicator = last_indicator  # "tỷ lệ này cũng đạt 71,6%"
                last_indicator = it.indicator or last_indicator
                measure = _measure(t, v)
                other_tails = [r for other in items if other is not it for r in other.tail]
                status = _resolve_status(ctx, it, sent, para, clause_list, other_tails, pi)
                if not status and sentence_status:
                    status = sentence_status  # "…, trong khi tỷ lệ này ở Hà Giang chỉ là 60%"
                if not status:  # nothing in the text decides: a year before publication is a result
                    seen = _resolve_year(ctx, it, measure == "increase", "actual", sent, pi, clause_list)
                    status = "actual" if seen and ctx.doc_year and seen < ctx.doc_year else "target"
                sentence_status = status
                year = _resolve_year(ctx, it, measure == "increase", status, sent, pi, clause_list)
                targets.append(Target(
                    doc_id=doc_id, start=v.start, end=v.end, surface=v.surface, value=v.value,
                    value_high=v.value_high, comparator=v.comparator, status=status, measure=measure, year=year,
                    level=it.level, place=_resolve_place(ctx, it, sent, clause_list), indicator=it.indicator,
                    sentence=t[sent[0]:sent[1]], sentence_start=sent[0], sentence_end=sent[1],
                ))
    references = _references(t)
    if references and targets:
        from chitieu.pipeline.link import link_decisions

        link_decisions(t, targets, references, ctx.paragraphs)
    spans = [(tg.start, tg.end, "value", tg.surface) for tg in targets]
    spans += _context_spans(ctx, value_sentences)
    spans += [(r.start, r.end, "reference", r.canonical) for r in references]
    return (
        [_target_to_original(tg, norm) for tg in targets],
        [_reference_to_original(r, norm) for r in references],
        sorted(_span_to_original(sp, norm) for sp in spans),
    )


def _references(t: str) -> list[Reference]:
    from chitieu.extractors.references import find_references

    return find_references(t)


def _target_to_original(tg: Target, norm: Normalized) -> Target:
    text = norm.original
    tg.start, tg.end = norm.to_original(tg.start, tg.end)
    tg.sentence_start, tg.sentence_end = norm.to_original(tg.sentence_start, tg.sentence_end)
    tg.surface = text[tg.start:tg.end]
    tg.sentence = text[tg.sentence_start:tg.sentence_end]
    return tg


def _reference_to_original(r: Reference, norm: Normalized) -> Reference:
    s, e = norm.to_original(r.start, r.end)
    resolved = r.resolved_from
    if resolved is not None:
        resolved = norm.to_original(resolved, resolved + 1)[0]
    surface = norm.original[s:e]
    if (s, e, surface, resolved) == (r.start, r.end, r.surface, r.resolved_from):
        return r  # normalizing changed nothing here (most texts): no copy
    return dataclasses.replace(r, start=s, end=e, surface=surface, resolved_from=resolved)


def _span_to_original(span: tuple[int, int, str, str], norm: Normalized) -> tuple[int, int, str, str]:
    s, e = norm.to_original(span[0], span[1])
    return (s, e, span[2], span[3])


def _context_spans(ctx: Context, value_sentences: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """Years, levels and places in the sentences that hold values (for highlighting)."""
    out = []
    for s, e in value_sentences:
        out += [(y.start, y.end, "year", str(y.year)) for y in ctx.years_in(s, e)]
        out += [(s + m.start, s + m.end, "level", m.level) for m in find_levels(ctx.text[s:e]) if m.level != "multi"]
        out += [(p.start, p.end, "place", p.place) for p in ctx.places if s <= p.start < e]
    return out
