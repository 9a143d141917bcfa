"""Data types of chitieu and the output tables' schema, declared once.

Every span carries ``start``/``end`` code-point offsets (end exclusive) and its
``surface``.  Extractors return spans over the text they are given (the
normalized text); the pipeline maps them back so that every offset written to a
table points into the *original decoded* text: ``text[start:end] == surface``.

Example (``Quyết định số 4607/QĐ-UBND`` is a reference, ``60%`` a percentage)::

    >>> Percentage(10, 13, "60%", 60.0)
    Percentage(start=10, end=13, surface='60%', value=60.0, value_high=None, comparator='=')
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Literal

Comparator = Literal["=", ">=", ">", "<=", "<", "~", "range"]
Status = Literal["target", "actual", "other"]
Measure = Literal["level", "increase", "decrease", "gap"]
PlaceKind = Literal["province", "national", "region", "ministry", "group", ""]
PlaceSource = Literal["text", "publisher", ""]
LevelCode = Literal["tinh", "huyen", "xa", "multi"]
YearKind = Literal["deadline", "point", "through", "since", "period", "vision"]

META_KEYS = ("url", "date", "outlet", "title")  # a Document's ``meta``: always these keys, "" when unknown


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class Number(Span):
    """A number as written: ``97,83`` → 97.83, ``1.829`` → 1829, ``năm mươi`` → 50."""

    value: float


@dataclass(frozen=True, slots=True)
class Percentage(Span):
    """A percentage or a range of them: ``từ 75% đến 80%`` → 75, value_high 80, comparator ``range``."""

    value: float
    value_high: float | None = None
    comparator: Comparator = "="


@dataclass(frozen=True, slots=True)
class YearMention(Span):
    """A year expression.

    kind: ``deadline`` (``đến năm 2025``, ``vào năm 2030``), ``through`` (``đến hết năm 2020``),
    ``point`` (``năm 2022``, ``trong năm 2020``), ``since`` (``từ năm 2023``), ``period``
    (``giai đoạn 2021 – 2025``: year = end, year_start = start), ``vision``
    (``định hướng đến năm 2030``, ``tầm nhìn đến năm 2045``).
    """

    year: int
    kind: YearKind = "point"
    year_start: int | None = None


@dataclass(frozen=True, slots=True)
class LevelMention(Span):
    """An administrative level: ``cấp huyện`` → huyen; ``cấp tỉnh, huyện, xã`` → multi."""

    level: LevelCode


@dataclass(frozen=True, slots=True)
class PlaceMention(Span):
    """A province / centrally-run city (or ``Việt Nam``): ``tỉnh Khánh Hoà`` → ``Khánh Hòa``."""

    place: str
    merged_into: str | None = None


@dataclass(frozen=True, slots=True)
class Cue(Span):
    """A status or measure cue: kind ``target`` (``phấn đấu``), ``actual`` (``đã đạt``),
    ``increase`` (``tăng thêm``, ``/năm``), ``frame`` (words that introduce, not describe)."""

    kind: str


@dataclass(frozen=True, slots=True)
class Reference(Span):
    """A legal document reference: ``Quyết định số 4607/QĐ-UBND ngày 14/12/2021``."""

    canonical: str = ""
    doc_type: str = ""
    number: str = ""
    year: int | None = None
    type_code: str = ""
    issuer_code: str = ""
    issuer: str = ""
    issue_date: str = ""
    ref_id: str = ""
    resolved_from: int | None = None
    flags: str = ""


@dataclass(slots=True)
class Target:
    """One row of ``targets.csv``: one quantified value with everything it is about."""

    doc_id: str
    start: int
    end: int
    surface: str
    value: float
    value_high: float | None = None
    unit: str = "percent"
    comparator: Comparator = "="
    status: Status = "target"
    measure: Measure = "level"
    year: int | None = None
    level: str = ""
    place: str = ""
    indicator: str = ""
    decision: str = ""
    sentence: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    indicator_code: str = ""
    period: str = ""
    as_of: str = ""
    estimate: bool = False
    place_kind: PlaceKind = ""
    place_source: PlaceSource = ""
    date: str = ""


def empty_meta() -> dict[str, str]:
    return dict.fromkeys(META_KEYS, "")


@dataclass(slots=True)
class Document:
    """One input document after reading: ``text`` is the decoded text all offsets point into.

    ``meta``: where and when it was published, normalized (``url`` with a host, ``date`` ISO
    ``YYYY-MM-DD`` or ``YYYY-MM``, ``outlet``, ``title``; ``""`` when unknown). ``warnings``: short
    codes of metadata that was present but dropped (``bad_date``, ``bad_url``).
    """

    doc_id: str
    path: str = ""
    text: str = ""
    status: Literal["ok", "error"] = "ok"
    error: str = ""
    encoding: str = ""
    meta: dict[str, str] = field(default_factory=empty_meta)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DocResult:
    """What the pipeline produced for one document."""

    document: Document
    targets: list[Target] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    spans: list[tuple[int, int, str, str]] = field(default_factory=list)  # (start, end, label, detail)


# ---------------------------------------------------------------------------
# The table schema, declared once: CSV/Parquet writers, README and dashboards read it.


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    dtype: str  # pandas extension dtype: "string", "Int64", "Float64", "boolean"
    description: str
    values: tuple[str, ...] = ()  # the allowed values of an enum column (a categorical); missing is NA, never ""


TARGET_COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "string", "file stem of the input document"),
    Column("start", "Int64", "code-point offset of the value in the decoded document (inclusive)"),
    Column("end", "Int64", "code-point offset of the value's end (exclusive); text[start:end] == surface"),
    Column("surface", "string", "the value as written (`97,83%`, `từ 75% đến 80%`)"),
    Column("value", "Float64", "the number (`97,83%` → 97.83); lower bound of a range"),
    Column("value_high", "Float64", "upper bound of a range, else empty"),
    Column("unit", "string", "unit of the value", ("percent",)),
    Column("comparator", "string", "how the value bounds the quantity", ("=", ">=", ">", "<=", "<", "~", "range")),
    Column("status", "string", "a goal (`target`), a result reported as reached (`actual`), or neither (`other`: a tax or "
           "interest rate, a support share, a discount, a qualifying threshold)", ("target", "actual", "other")),
    Column("measure", "string", "a level; a rise (`tăng 6,2%`), a fall (`giảm 1,5%/năm`), or the gap between a result "
           "and its target (`vượt 0,3% so với chỉ tiêu`); the value is always positive",
           ("level", "increase", "decrease", "gap")),
    Column("year", "Int64", "deadline (target), year observed (actual), first year (increase)"),
    Column("level", "string", "administrative level the value is about (`cấp tỉnh`, `cấp huyện`, `cấp xã`); missing if "
           "none or several", ("tinh", "huyen", "xa")),
    Column("place", "string", "who the value belongs to: a province / centrally-run city, `Việt Nam`, a region, a "
           "ministry, a bloc or another country; missing for a business's, the world's or several places' figure"),
    Column("indicator", "string", "what is measured, stated fully, in the text's own words"),
    Column("decision", "string", "canonical symbol of the legal document that sets the target, if stated"),
    Column("sentence", "string", "the sentence the value was found in"),
    Column("sentence_start", "Int64", "offset of the sentence in the decoded document"),
    Column("sentence_end", "Int64", "end offset of the sentence"),
    Column("indicator_code", "string", "code of the indicator in the curated taxonomy; empty when nothing fits"),
    Column("period", "string", "the part of the year an actual figure covers (`quý III` → `Q3`, `9 tháng đầu năm` → "
           "`9M`); empty for a whole year, a deadline or a point in time"),
    Column("as_of", "string", "ISO day or month a figure is observed at (`tính đến ngày 30/6/2023` → `2023-06-30`)"),
    Column("estimate", "boolean", "the figure is an estimate (`ước đạt`, `ước tính`, `dự ước`)"),
    Column("place_kind", "string", "the kind of place (`national` for `Việt Nam` or another country); missing when "
           "there is no place",
           ("province", "national", "region", "ministry", "group")),
    Column("place_source", "string", "where the place comes from: the text, or the publisher when the text names none; "
           "missing when there is no place", ("text", "publisher")),
    Column("date", "string", "the document's date (ISO, from its metadata), empty when unknown"),
)

REFERENCE_COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "string", "file stem of the input document"),
    Column("start", "Int64", "offset of the mention in the decoded document"),
    Column("end", "Int64", "end offset (exclusive)"),
    Column("surface", "string", "the mention as written"),
    Column("canonical", "string", "document symbol (`4607/QĐ-UBND`, `55/2022/QH15`, `06-NQ/TU`)"),
    Column("doc_type", "string", "Vietnamese type name (`Quyết định`, `Nghị quyết`, …)"),
    Column("number", "string", "the document number (`4607`, `06`)"),
    Column("year", "Int64", "year inside the symbol (`55/2022/QH15` → 2022), else empty"),
    Column("type_code", "string", "type part of the symbol (`QĐ`, `NQ`)"),
    Column("issuer_code", "string", "issuer part of the symbol (`UBND`, `TTg`, `TU`)"),
    Column("issuer", "string", "issuing body's full name (with province for provincial bodies)"),
    Column("issue_date", "string", "ISO date of issue (`2021-12-14`), else empty"),
    Column("ref_id", "string", "identifier shared by all mentions of one document"),
    Column("resolved_from", "Int64", "for a short form: start offset of the full mention it was resolved from"),
    Column("flags", "string", "validation flags (`bad_date`, `unknown_type_code`), `|`-separated"),
)

DOCUMENT_COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "string", "file stem of the input document"),
    Column("path", "string", "where the document was read from"),
    Column("status", "string", "`ok`, or `error` when it could not be processed", ("ok", "error")),
    Column("error", "string", "one-line reason when status is error"),
    Column("chars", "Int64", "length of the decoded text in code points"),
    Column("targets", "Int64", "number of target rows"),
    Column("references", "Int64", "number of reference rows"),
    Column("encoding", "string", "encoding the file was decoded from"),
    Column("url", "string", "the document's URL (from the export, the sidecar metadata file or the page), empty when unknown"),
    Column("date", "string", "the document's date, ISO `YYYY-MM-DD` or `YYYY-MM`, empty when unknown"),
    Column("outlet", "string", "the publisher's name (`Báo Gia Lai`) or site, empty when unknown"),
    Column("title", "string", "the document's title from its metadata, empty when unknown"),
    Column("warnings", "string", "metadata dropped as unreadable (`bad_date`, `bad_url`, …), `|`-separated"),
)

# spans.csv: the highlights of the review report (``DocResult.spans``).
SPAN_COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "string", "file stem of the input document"),
    Column("start", "Int64", "offset of the highlighted span in the decoded document"),
    Column("end", "Int64", "end offset (exclusive)"),
    Column("label", "string", "what the span is", ("value", "year", "level", "place", "reference")),
    Column("detail", "string", "what it was read as: the value as written, `2025`, `xa`, `Khánh Hòa`, `4607/QĐ-UBND`"),
)

# The tables of a run (the names of their CSV files), their primary keys and their links to ``documents``.
# A text field that is ``""`` in the dataclasses above is missing in every table: an empty CSV cell,
# a Parquet or SQLite null, ``pd.NA`` in a frame. See :mod:`chitieu.schema` for the types built from this.
TABLE_COLUMNS: dict[str, tuple[Column, ...]] = {
    "targets": TARGET_COLUMNS,
    "references": REFERENCE_COLUMNS,
    "documents": DOCUMENT_COLUMNS,
    "spans": SPAN_COLUMNS,
}
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "targets": ("doc_id", "start", "end"),
    "references": ("doc_id", "start", "end"),
    "documents": ("doc_id",),
    "spans": ("doc_id", "start", "end", "label"),
}
FOREIGN_KEYS: dict[str, tuple[tuple[str, str, str], ...]] = {  # (column, table, column it points to)
    "targets": (("doc_id", "documents", "doc_id"),),
    "references": (("doc_id", "documents", "doc_id"),),
    "spans": (("doc_id", "documents", "doc_id"),),
}

TARGET_FIELDS = tuple(f.name for f in fields(Target))
assert tuple(c.name for c in TARGET_COLUMNS) == TARGET_FIELDS, "Target and TARGET_COLUMNS disagree"


@dataclass(frozen=True, slots=True)
class PublisherPlace:
    """Where a publisher writes from: ``baohaiduong.vn`` → ``Hải Dương`` (a province, from the curated list).

    kind: ``province`` or ``national`` (``Việt Nam``); how: ``curated`` (the publishers list), ``domain``
    (the host spells a province), ``outlet`` (the outlet name does); merged_into: where the province went in
    2025, the place itself staying the province as of the text.
    """

    place: str
    kind: Literal["province", "national"]
    how: Literal["curated", "domain", "outlet", "address"]
    merged_into: str | None = None


# ---------------------------------------------------------------------------
# Spans of the revised guide's fields: the part of a year, the date a figure is observed at.


@dataclass(frozen=True, slots=True)
class PeriodMention(Span):
    """The part of a year a figure covers: ``quý III/2022`` → ``Q3``, 2022; ``9 tháng`` → ``9M``.

    ``year``: the year written with it, else None. ``bare``: a plain ``N tháng`` (``9 tháng``,
    ``6 tháng qua``) with nothing tying it to the year's start, a part of the year only when the report
    counts from January. ``base``: it is what a figure is compared with (``so với 6 tháng đầu năm
    2021``), not what the figure covers.
    """

    period: str
    year: int | None = None
    bare: bool = False
    base: bool = False


@dataclass(frozen=True, slots=True)
class AsOfMention(Span):
    """A written day or month a figure is observed at: ``tính đến ngày 30/6/2023`` → ``2023-06-30``.

    ``as_of``: ISO ``YYYY-MM-DD`` or ``YYYY-MM`` (empty when neither the text nor the default gives the
    year); ``year``: the year it implies; ``year_written``: whether the text writes it (else it came
    from the default). ``kind``: ``through`` (``tính đến``, ``đến``, ``tại thời điểm``) or ``point``
    (``tháng 6/2023``, ``ngày 25/6``). ``base``: what a figure is compared with (``so với ngày …``).
    """

    as_of: str
    year: int | None = None
    year_written: bool = True
    kind: Literal["through", "point"] = "point"
    base: bool = False
