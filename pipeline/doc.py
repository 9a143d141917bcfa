"""The per-document container every stage reads and fills: text, offsets map, mentions and rows.

    >>> from chitieu.extractors.years import find_years
    >>> d = Doc("d", "Năm 2023 đạt 80%.")
    >>> d.text = d.original; d.years = find_years(d.text); d.index()
    >>> [y.year for y in d.years_in(0, 9)]
    [2023]
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from chitieu.pipeline.indicator import Ranges, render
from chitieu.pipeline.normalize import Normalized, normalize
from chitieu.pipeline.tables import TableCell

from chitieu.models import Cue, Percentage, PlaceMention, Reference, Target, YearMention


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence that holds values: its span, its paragraph (index and span) and its values; for a
    value in a table, ``cells`` (aligned with ``values``, empty when no value is in a table) says its
    cell, its row's label and its column's header (:class:`~chitieu.pipeline.tables.TableCell`)."""

    span: tuple[int, int]
    para_index: int
    para: tuple[int, int]
    values: list[Percentage]
    cells: tuple[TableCell | None, ...] = ()


@dataclass
class Doc:
    """One document as it flows through the stages, each adding what it finds (as spaCy's ``Doc``).

    normalize sets ``norm`` and ``text``; context sets ``paragraphs``, the mentions (``years``,
    ``cues``, ``places``) and what the document says as a whole (``subject``, ``title_year``,
    heading years and statuses, ``doc_year``); find sets ``values`` and ``references``; segment
    sets ``sentences``; assemble sets ``targets``; link fills their ``decision``; map back turns
    every offset into one of ``original`` and sets ``spans``. Until map back, offsets point into
    ``text``, the normalized text.
    """

    doc_id: str = ""
    original: str = ""  # the decoded text every output offset points into
    meta: dict[str, str] = field(default_factory=dict)  # url, date, outlet, title when known
    text: str = ""  # the normalized text the rules read
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    years: list[YearMention] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    subject: str = ""  # the document's place ("Nghệ An", "Việt Nam", "Bộ Xây dựng")
    subject_source: str = ""  # "text", or "publisher" when only the publisher tells the place
    subject_level: str = ""  # "huyen" when the title or lead names a district's body as the actor ("UBND quận 1 …")
    country_cue: bool = False  # the text names a national word or body ("cả nước", "Chính phủ", a ministry)
    title_year: int | None = None
    date: str = ""  # ISO date of the document from its metadata
    lead: tuple[int, int] | None = None  # the title and the first paragraph after it, where a report says what it covers
    report_year: int | None = None  # the year a reported figure with no year of its own belongs to
    default_status: str = "target"  # the status of values nothing else decides (what the text mostly says)
    is_plan: bool = False  # the text is a plan or decision itself, not a report (its title opens with its type)
    is_rulebook: bool = False  # a law, code, decree or circular: its percentages are rules, not targets
    heading_years: dict[int, int] = field(default_factory=dict)  # paragraph index → year of nearest heading
    heading_status: dict[int, str] = field(default_factory=dict)  # paragraph index → status its heading sets
    norm: Normalized | None = None  # the way back to the original text
    doc_year: int | None = None  # year of the byline date ("20/09/2024"), when the document has one
    plan_start: int | None = None  # first year of the title's plan period, when there is no byline
    own_symbol: str = ""  # an official document's own symbol, from its header ("Số: 95/KH-UBND")
    effective_year: int | None = None  # the year the document says it takes effect ("có hiệu lực kể từ ngày ký")

    def past_in_report(self, y: YearMention) -> bool:
        """Whether a year phrase names a year already over when a report (no plan) was published: before
        its date, or, undated, before the year its body reports ("tháng 2/2017 … kể từ khi phát hiện lần
        đầu vào năm 2013"; not the year of a title, which may be a goal's)."""
        written = self.doc_year if self.doc_year is not None else (
            self.report_year if self.report_year != self.title_year else None)
        return not self.is_plan and written is not None and y.year < written

    def year_status(self, y: YearMention) -> str:
        """What a year phrase says of a value's status: a deadline is a goal; "đến hết năm 2020",
        "trong năm 2020", "năm 2020" report a result when the year is over at publication (in news, also the
        year it is published in) (for a plan
        without a date: before or at its first year); "từ năm" starts a goal unless it is past."""
        if y.kind in ("deadline", "vision"):
            # "… lên 12% vào năm 2020" in a 2021 report: a deadline already past reports what was reached
            return "actual" if self.past_in_report(y) else "target"
        if self.doc_year is not None:
            if y.kind == "point" and y.year == self.doc_year and not self.is_plan:
                return "actual"  # "Năm nay, xuất khẩu tăng 12%": news of its own year, no goal word
            return "actual" if y.year < self.doc_year else "target"
        if self.plan_start is not None:
            if y.kind == "since":
                return "actual" if y.year < self.plan_start else "target"
            return "actual" if y.year <= self.plan_start or y.kind == "point" else "target"
        return "target" if y.kind == "since" else "actual"

    values: list[Percentage] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    spans: list[tuple[int, int, str, str]] = field(default_factory=list)  # (start, end, label, detail)

    def index(self) -> None:
        """Index the mentions for the range look-ups below (after they are found)."""
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


def normalize_doc(doc: Doc) -> None:
    """Normalize stage: ``doc.text`` becomes the normalized text (:mod:`~chitieu.pipeline.normalize`);
    ``doc.norm`` keeps the way back to the original's offsets."""
    doc.norm = normalize(doc.original)
    doc.text = doc.norm.text


@dataclass
class Scope:
    """A clause or a parenthesised sub-clause: ``[start, end)``, its inner scopes, its parent."""

    start: int
    end: int
    parent: Scope | None = None
    children: list[Scope] = field(default_factory=list)
    paren: bool = False  # opened by "(": its start is the "(" itself

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end

    def innermost(self, pos: int) -> Scope:
        for child in self.children:
            if child.contains(pos):
                return child.innermost(pos)
        return self

    def holes(self) -> list[tuple[int, int]]:
        """The inner scopes' spans: text that belongs to them, not to this scope."""
        return [(c.start, c.end) for c in self.children]


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
    tail_clean: Ranges = field(default_factory=list)  # the cleaned tail the indicator was made with
    tail_noun: Ranges | None = None  # the noun phrase a list's later items share ("hồ sơ công việc")
