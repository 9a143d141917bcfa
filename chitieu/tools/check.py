"""Check a claim against the extracted table: supported, contradicted or not found.

The claim goes through the same pipeline as any document (a one-sentence document), which
gives its own tuple: place, level, year, value, comparator, status and indicator. Rows of
``targets.csv`` *agree* with it when place, indicator, level and year agree; then the values
decide::

    >>> claim = Claim(text="", place="Khánh Hòa", level="xa", year=2025, value=60.0,
    ...               indicator="hồ sơ công việc xử lý trên môi trường mạng")
    >>> claim.indicator_code
    'work_records_online'

- indicator: the taxonomy codes when both sides have one, else the overlap of their words
  (unless the taxonomy explicitly rules the row's phrase out of the claim's code);
- level, year, place: equal; a claim that does not state one accepts any;
- ``supported``: an agreeing row has the claimed value; ``contradicted``: agreeing rows
  exist but none has it (their values are shown); ``not_found``: no agreeing row (rows that
  agree on place and indicator but not on year or level are listed as ``near``, which is
  how a wrong year or level shows).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd
import regex

from chitieu.extractors.taxonomy import excluded, expand_abbreviations, fold, indicator_code
from chitieu.tools.tables import load_table

SUPPORTED, CONTRADICTED, NOT_FOUND = "supported", "contradicted", "not_found"
EXIT_CODES = {SUPPORTED: 0, CONTRADICTED: 3, NOT_FOUND: 4}

# Words that say nothing about *what* is measured.
_STOP = frozenset(
    fold(w)
    for w in ["tỷ", "lệ", "tỉ", "lệ", "được", "các", "của", "trên", "và", "có", "đạt", "ở", "tại", "cấp", "tỉnh", "huyện", "xã", "thành", "phố", "năm", "đến", "vào", "mục", "tiêu", "phấn", "đấu", "trong", "cho", "với", "về", "theo", "qua", "từ", "là", "thì", "sẽ", "đã", "hơn", "ít", "nhất", "tối", "thiểu", "khoảng", "chỉ", "tiêu", "toàn", "bộ", "những", "này", "đó", "một", "phải", "bảo", "đảm", "đảm", "bảo", "dự", "kiến", "kế", "hoạch", "giai", "đoạn"]
)
_WORD = regex.compile(r"[\p{L}\p{N}]+")


def indicator_words(indicator: str) -> frozenset[str]:
    """The content words of an indicator phrase, abbreviations expanded, folded.

    >>> sorted(indicator_words("tỷ lệ hồ sơ TTHC"))
    ['chính', 'hành', 'hồ', 'sơ', 'thủ', 'tục']
    """
    text = fold(expand_abbreviations(indicator))
    return frozenset(w for w in _WORD.findall(text) if w not in _STOP and not w.isdigit())


def words_agree(a: str, b: str) -> bool:
    """Two indicator phrases agree when they share ≥ 2 content words and ≥ 60 % of the shorter one's."""
    wa, wb = indicator_words(a), indicator_words(b)
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared >= min(2, len(wa), len(wb)) and shared / min(len(wa), len(wb)) >= 0.6


@dataclass
class Claim:
    """The tuple a claim states (empty / None where it does not say)."""

    text: str
    place: str = ""
    level: str = ""
    year: int | None = None
    value: float | None = None
    value_high: float | None = None
    comparator: str = "="
    status: str = ""
    measure: str = ""
    indicator: str = ""
    indicator_code: str = ""

    def __post_init__(self) -> None:
        if not self.indicator_code and self.indicator:
            self.indicator_code = indicator_code(self.indicator)
        if self.level not in ("tinh", "huyen", "xa"):
            self.level = ""


@dataclass
class CheckResult:
    verdict: str
    claim: Claim
    evidence: list[dict] = field(default_factory=list)  # rows that decide the verdict
    other_values: list[dict] = field(default_factory=list)  # agreeing rows with another value (supported)
    near: list[dict] = field(default_factory=list)  # same place + indicator, other year or level

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]

    def to_json(self) -> dict:
        return {
            "verdict": self.verdict,
            "claim": asdict(self.claim),
            "evidence": self.evidence,
            "other_values": self.other_values,
            "near": self.near,
        }


# ---------------------------------------------------------------------------
# The claim's own tuple


def _span_year(surface: str, detail: str) -> int | None:
    for s in (detail, surface):
        m = regex.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", s or "")
        if m:
            return int(m[-1])
    return None


def parse_claim(text: str) -> Claim:
    """The claim's tuple, extracted by the pipeline itself (``process_document``).

    The first value found gives value, comparator, status, year, level, place and indicator;
    a claim without a value takes place, year and level from the highlighted spans.
    """
    from chitieu.models import Document
    from chitieu.pipeline.run import process_document

    text = " ".join(text.split())
    result = process_document(Document(doc_id="claim", text=text))
    if result.targets:
        t = result.targets[0]
        return Claim(
            text=text, place=t.place, level=t.level, year=t.year, value=t.value, value_high=t.value_high,
            comparator=t.comparator, status=t.status, measure=t.measure, indicator=t.indicator,
            indicator_code=t.indicator_code,
        )
    claim = Claim(text=text)
    rest = text
    for start, end, label, detail in sorted(result.spans, key=lambda s: s[0], reverse=True):
        surface = text[start:end]
        if label == "place" and not claim.place:
            claim.place = detail or surface
        elif label == "year" and claim.year is None:
            claim.year = _span_year(surface, detail)
        elif label == "level" and not claim.level and detail in ("tinh", "huyen", "xa"):
            claim.level = detail
        if label in ("place", "year", "level", "value"):
            rest = rest[:start] + " " + rest[end:]
    claim.indicator = " ".join(rest.split())
    claim.indicator_code = indicator_code(claim.indicator)
    return claim


# ---------------------------------------------------------------------------
# Matching rows


def _row_dict(row: pd.Series, paths: dict[str, str]) -> dict:
    out = {}
    for key, value in row.items():
        if value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            out[key] = None
        elif hasattr(value, "item"):
            out[key] = value.item()
        else:
            out[key] = value
    out["path"] = paths.get(str(row["doc_id"]), "")
    out["indicator_code"] = _row_code(row)
    return out


def _row_code(row: pd.Series) -> str:
    return row["indicator_code"] or indicator_code(row["indicator"])


def indicator_agrees(claim: Claim, row: pd.Series) -> bool:
    code = _row_code(row)
    if claim.indicator_code and code:
        return claim.indicator_code == code
    if claim.indicator_code and excluded(claim.indicator_code, row["indicator"]):
        return False  # the taxonomy rules this phrase out of the claim's indicator
    return words_agree(claim.indicator, row["indicator"])


def value_agrees(claim: Claim, row: pd.Series) -> bool:
    if claim.value is None or pd.isna(row["value"]):
        return False
    if not math.isclose(claim.value, float(row["value"]), abs_tol=0.01):
        return False
    high = None if pd.isna(row["value_high"]) else float(row["value_high"])
    if claim.value_high is not None and high is not None:
        return math.isclose(claim.value_high, high, abs_tol=0.01)
    return True


def check_claim(claim: Claim, targets: pd.DataFrame, documents: pd.DataFrame | None = None) -> CheckResult:
    """The verdict on ``claim`` given the ``targets`` table (pure: no I/O)."""
    paths = {} if documents is None else dict(zip(documents["doc_id"], documents["path"], strict=False))
    place = fold(claim.place)
    about = []  # same place and indicator
    for _, row in targets.iterrows():
        if place and fold(row["place"]) != place:
            continue
        if indicator_agrees(claim, row):
            about.append(row)

    def agrees(row: pd.Series) -> bool:
        if claim.level and row["level"] != claim.level:
            return False
        return claim.year is None or (not pd.isna(row["year"]) and int(row["year"]) == claim.year)

    candidates = [r for r in about if agrees(r)]
    near = [_row_dict(r, paths) for r in about if not agrees(r)]
    if not candidates:
        return CheckResult(NOT_FOUND, claim, near=near)
    # prefer rows of the same kind: a goal is not an achievement, a yearly increase not a level
    for key in ("status", "measure"):
        wanted = getattr(claim, key)
        same = [r for r in candidates if wanted and r[key] == wanted]
        if same:
            candidates = same
    if claim.value is None:
        return CheckResult(SUPPORTED, claim, [_row_dict(r, paths) for r in candidates], near=near)
    matching = [r for r in candidates if value_agrees(claim, r)]
    if matching:
        others = [_row_dict(r, paths) for r in candidates if not value_agrees(claim, r)]
        return CheckResult(SUPPORTED, claim, [_row_dict(r, paths) for r in matching], others, near)
    return CheckResult(CONTRADICTED, claim, [_row_dict(r, paths) for r in candidates], near=near)


def check(claim_text: str, data_dir: Path) -> CheckResult:
    """Parse ``claim_text`` and check it against ``DIR/targets.csv``."""
    claim = parse_claim(claim_text)
    return check_claim(claim, load_table(data_dir, "targets"), load_table(data_dir, "documents"))


# ---------------------------------------------------------------------------
# Text output


def _fmt_value(row: dict) -> str:
    comp = row.get("comparator") or "="
    value = f"{row['value']:g}"
    if row.get("value_high") is not None:
        return f"{value}–{row['value_high']:g}%"
    return f"{'' if comp == '=' else comp + ' '}{value}%"


def _fmt_row(row: dict) -> list[str]:
    bits = [row.get("status") or "", row.get("level") or "-", str(row.get("year") or "-")]
    head = f"  [{row['doc_id']} {row['start']}-{row['end']}] {_fmt_value(row)} ({', '.join(bits)})"
    if row.get("decision"):
        head += f" · {row['decision']}"
    return [head, f"    “{row.get('sentence') or row.get('surface')}”"]


def format_result(result: CheckResult) -> str:
    c = result.claim
    what = " · ".join(
        x for x in (c.place or "any place", c.indicator_code or c.indicator or "?", c.level or "any level",
                    str(c.year) if c.year else "any year",
                    f"{'' if c.comparator == '=' else c.comparator + ' '}{c.value:g}%" if c.value is not None else "")
        if x
    )
    title = {SUPPORTED: "SUPPORTED", CONTRADICTED: "CONTRADICTED", NOT_FOUND: "NOT FOUND"}[result.verdict]
    lines = [f"{title}: {what}"]
    if result.verdict == CONTRADICTED:
        lines.append("The sources give other values:")
    for row in result.evidence:
        lines += _fmt_row(row)
    if result.other_values:
        lines.append("Other values for the same place, indicator, level and year:")
        for row in result.other_values:
            lines += _fmt_row(row)
    if result.verdict == NOT_FOUND and result.near:
        lines.append("Same place and indicator, but another year or level:")
        for row in result.near[:10]:
            lines += _fmt_row(row)
    return "\n".join(lines)
