"""Check a claim against the extracted table: supported, contradicted, not found or underspecified.

The claim's tuple comes from :mod:`chitieu.tools.claim` (the pipeline's own stages, diacritics
restored). A row is *evidence* only when it states the same place, indicator, level, year,
period, status and measure; then the values decide::

    >>> claim = Claim(text="", place="Khánh Hòa", level="xa", year=2025, value=60.0,
    ...               indicator="hồ sơ công việc xử lý trên môi trường mạng")
    >>> claim.indicator_code
    'work_records_online'

- indicator: the taxonomy codes must not differ, and the words (compared without diacritics)
  must agree; a phrase the taxonomy rules out of the claim's code never agrees;
- place: the same name (no region for a province, no province for the nation); level: equal,
  a claim without one means the whole province (rows ``tinh`` or without a level);
  year and period (``Q3``, ``9M``): equal;
- ``underspecified``: the claim lacks a place, a year or an indicator; what is missing and
  the candidate rows are listed, nothing is decided;
- ``supported``: an evidence row has the claimed value; ``contradicted``: evidence rows exist
  but none has it; ``not_found``: no evidence row. Rows of the same place and indicator that
  differ in anything else are shown as ``near``: never as evidence.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import regex

from chitieu.extractors.taxonomy import excluded, expand_abbreviations, fold, indicator_code
from chitieu.tools.claim import Claim, ClaimError, bare, restore
from chitieu.tools.tables import load_table

__all__ = ["Claim", "ClaimError", "parse_claim", "check", "check_claim", "format_result"]

SUPPORTED, CONTRADICTED, NOT_FOUND, UNDERSPECIFIED = "supported", "contradicted", "not_found", "underspecified"
EXIT_CODES = {SUPPORTED: 0, CONTRADICTED: 3, NOT_FOUND: 4, UNDERSPECIFIED: 5}

# Words that say nothing about *what* is measured.
_STOP_WORDS = frozenset(
    fold(w)
    for w in ["tỷ", "lệ", "tỉ", "được", "các", "của", "trên", "và", "có", "đạt", "ở", "tại", "cấp", "tỉnh", "huyện",
              "xã", "năm", "đến", "vào", "mục", "tiêu", "phấn", "đấu", "trong", "cho", "với", "về", "theo", "qua",
              "từ", "là", "thì", "sẽ", "đã", "hơn", "ít", "nhất", "tối", "thiểu", "khoảng", "chỉ", "toàn", "bộ",
              "những", "này", "đó", "một", "phải", "bảo", "đảm", "dự", "kiến", "kế", "hoạch", "giai", "đoạn",
              "chiếm", "tháng", "đầu", "cuối", "hết", "tính", "trở", "lên", "xuống", "ước", "yêu", "hướng", "tới",
              "mức"]
)
_STOP_BARE = frozenset(bare(w) for w in _STOP_WORDS)
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_WHOLE_PROVINCE = ("", "tinh")


def indicator_words(indicator: str, without_diacritics: bool = False) -> frozenset[str]:
    """The content words of an indicator phrase, abbreviations expanded, folded (or without diacritics).

    >>> sorted(indicator_words("tỷ lệ hồ sơ TTHC"))
    ['chính', 'hành', 'hồ', 'sơ', 'thủ', 'tục']
    >>> sorted(indicator_words("ty le ho so", without_diacritics=True))
    ['ho', 'so']
    """
    text = fold(expand_abbreviations(indicator))
    if without_diacritics:
        text = bare(text)
    stop = _STOP_BARE if without_diacritics else _STOP_WORDS
    return frozenset(w for w in _WORD.findall(text) if w not in stop and not w.isdigit())


def words_agree(a: str, b: str, least: int = 2) -> bool:
    """Two indicator phrases agree when they share ≥ ``least`` content words and ≥ 60 % of the shorter one's.

    When ``a`` (the claim's) was typed without diacritics, both are compared without them::

        >>> words_agree("kinh te so chiem GRDP", "tỷ trọng kinh tế số trong GRDP")
        True
    """
    plain = all(bare(w) == w for w in indicator_words(a))  # its content words typed without diacritics
    wa, wb = indicator_words(a, plain), indicator_words(b, plain)
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared >= min(least, len(wa), len(wb)) and shared / min(len(wa), len(wb)) >= 0.6


@dataclass
class CheckResult:
    verdict: str
    claim: Claim
    evidence: list[dict] = field(default_factory=list)  # rows that decide the verdict (or the candidates)
    other_values: list[dict] = field(default_factory=list)  # evidence rows with another value (supported)
    near: list[dict] = field(default_factory=list)  # same place + indicator, another year/level/period/kind
    missing: list[str] = field(default_factory=list)  # underspecified: what the claim does not say

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]

    def to_json(self) -> dict:
        return {"verdict": self.verdict, "claim": asdict(self.claim), "missing": self.missing,
                "evidence": self.evidence, "other_values": self.other_values, "near": self.near}


# ---------------------------------------------------------------------------
# The claim's tuple

_MONTH_YEAR = regex.compile(r"(?:tháng|quý)\s+[\dIVX]{1,4}\s*[/-]\s*((?:19|20)\d\d)(?!\d)|ngày\s+\d{1,2}/\d{1,2}/((?:19|20)\d\d)",
                            regex.IGNORECASE)
_HAS_NUMBER = regex.compile(r"\d")
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def parse_claim(text: str) -> Claim:
    """The claim's tuple, from the first value the pipeline finds in it (diacritics restored first).

    The claim is read as a document published today (``tháng 6/2023`` is then a result).

    Raises :class:`ClaimError` for an empty claim or one with no number.

        >>> c = parse_claim("Hai Duong dat muc tieu den nam 2025 kinh te so chiem 40% GRDP")
        >>> (c.place, c.year, c.status, c.value)
        ('Hải Dương', 2025, 'target', 40.0)
        >>> parse_claim("Từ tháng 8/2021, Bắc Ninh yêu cầu cấp xã xử lý 85% hồ sơ công việc.").year
        2021
    """
    from chitieu.pipeline.doc import Doc
    from chitieu.pipeline.run import run_stages

    typed = " ".join((text or "").split())
    if not typed:
        raise ClaimError("the claim is empty")
    if not _HAS_NUMBER.search(typed):
        raise ClaimError("the claim states no number to check")
    restored = restore(typed)
    # the stages of ``assemble_targets``, dated today: a claim speaks now, so a past month is a result
    targets = run_stages(Doc("claim", restored, {"date": date.today().isoformat()})).targets
    if not targets:
        raise ClaimError("the claim states no percentage the extractors can read")
    t = targets[0]
    year = t.year if _YEAR.search(restored) else None  # never today's year when the claim states none
    if year is None:
        m = _MONTH_YEAR.search(restored)
        year = int(m.group(1) or m.group(2)) if m else None
    return Claim(text=restored, place=t.place, level=t.level, year=year, period=t.period, value=t.value,
                 value_high=t.value_high, comparator=t.comparator, status=t.status, measure=t.measure,
                 indicator=t.indicator, place_kind=t.place_kind)


# ---------------------------------------------------------------------------
# Matching rows

_CITE = ("doc_id", "path", "url", "date", "start", "end", "surface", "sentence", "decision")


def _row_dict(row: pd.Series, docs: dict[str, dict]) -> dict:
    out = {}
    for key, value in row.items():
        if value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            out[key] = None
        elif hasattr(value, "item"):
            out[key] = value.item()
        else:
            out[key] = value
    doc = docs.get(str(row["doc_id"]), {})
    out["path"] = doc.get("path", "")
    out["url"] = doc.get("url", "")
    out["date"] = out.get("date") or doc.get("date", "")
    out["indicator_code"] = _row_code(row)
    return out


def _row_code(row: pd.Series) -> str:
    return row["indicator_code"] or indicator_code(row["indicator"])


def indicator_agrees(claim: Claim, row: pd.Series) -> bool:
    code = _row_code(row)
    if claim.indicator_code and code and claim.indicator_code != code:
        return False
    if claim.indicator_code and excluded(claim.indicator_code, row["indicator"]):
        return False  # the taxonomy rules this phrase out of the claim's indicator
    same_code = bool(claim.indicator_code) and claim.indicator_code == code
    return words_agree(claim.indicator, row["indicator"], least=1 if same_code else 2)


def value_agrees(claim: Claim, row: pd.Series) -> bool:
    if claim.value is None or pd.isna(row["value"]):
        return False
    tolerance = 0.5 if claim.comparator == "~" else 0.01  # "khoảng 39%" is 39,25% rounded
    if not math.isclose(claim.value, float(row["value"]), abs_tol=tolerance):
        return False
    high = None if pd.isna(row["value_high"]) else float(row["value_high"])
    if claim.value_high is not None:
        return high is not None and math.isclose(claim.value_high, high, abs_tol=0.01)
    return True


def _same_level(claim: Claim, row: pd.Series) -> bool:
    level = row["level"] or ""
    return level == claim.level or (claim.level in _WHOLE_PROVINCE and level in _WHOLE_PROVINCE)


def _same_when(claim: Claim, row: pd.Series) -> bool:
    year = None if pd.isna(row["year"]) else int(row["year"])
    return claim.year == year and (row["period"] or "") == claim.period


def _same_kind(claim: Claim, row: pd.Series) -> bool:
    return all(not getattr(claim, key) or row[key] == getattr(claim, key) for key in ("status", "measure"))


def missing_parts(claim: Claim) -> list[str]:
    """What the claim does not say that the data would need: place, year, indicator."""
    out = [name for name, given in (("place", claim.place), ("year", claim.year is not None)) if not given]
    if not indicator_words(claim.indicator):
        out.append("indicator")
    return out


def check_claim(claim: Claim, targets: pd.DataFrame, documents: pd.DataFrame | None = None) -> CheckResult:
    """The verdict on ``claim`` given the ``targets`` table (pure: no I/O)."""
    docs = {} if documents is None else {str(r["doc_id"]): r for r in documents.to_dict("records")}
    place = bare(fold(claim.place))
    missing = missing_parts(claim)
    about = []  # same place and indicator (as far as the claim says them)
    for _, row in targets.iterrows():
        if place and bare(fold(row["place"])) != place:
            continue
        if "indicator" in missing or indicator_agrees(claim, row):
            about.append(row)
    if missing:
        given = [r for r in about if (claim.year is None or _same_when(claim, r)) and _same_level(claim, r)]
        return CheckResult(UNDERSPECIFIED, claim, [_row_dict(r, docs) for r in given[:20]], missing=missing)
    evidence = [r for r in about if _same_level(claim, r) and _same_when(claim, r) and _same_kind(claim, r)]
    near = [_row_dict(r, docs) for r in about if not any(r is e for e in evidence)]
    if not evidence:
        return CheckResult(NOT_FOUND, claim, near=near)
    matching = [r for r in evidence if value_agrees(claim, r)]
    if matching:
        others = [_row_dict(r, docs) for r in evidence if not value_agrees(claim, r)]
        return CheckResult(SUPPORTED, claim, [_row_dict(r, docs) for r in matching], others, near)
    return CheckResult(CONTRADICTED, claim, [_row_dict(r, docs) for r in evidence], near=near)


def check(claim_text: str, data_dir: Path) -> CheckResult:
    """Parse ``claim_text`` and check it against ``DIR/targets.csv`` (:class:`ClaimError` when unusable)."""
    claim = parse_claim(claim_text)
    return check_claim(claim, load_table(data_dir, "targets"), load_table(data_dir, "documents"))


# ---------------------------------------------------------------------------
# Text output


def _fmt_value(value: float | None, high: float | None, comp: str | None) -> str:
    if value is None:
        return "?"
    if high is not None:
        return f"{value:g}–{high:g}%"
    return f"{'' if comp in ('=', '', None, 'range') else comp + ' '}{value:g}%"


def _fmt_row(row: dict) -> list[str]:
    bits = [row.get("place") or "no place", row.get("status") or "", row.get("level") or "-",
            str(row.get("year") or "-"), row.get("period") or ""]
    head = f"  [{row['doc_id']} {row['start']}-{row['end']}] {_fmt_value(row['value'], row.get('value_high'), row.get('comparator'))}"
    head += f" ({', '.join(b for b in bits if b)}) · {row.get('indicator') or ''}"
    cite = " · ".join(x for x in (row.get("date"), row.get("url") or row.get("path"), row.get("decision")) if x)
    return [head, f"    “{row.get('sentence') or row.get('surface')}”"] + ([f"    {cite}"] if cite else [])


def claim_tuple(c: Claim) -> dict[str, object]:
    """The claim as understood, in the order it is shown."""
    return {"place": c.place, "indicator": c.indicator, "level": c.level, "year": c.year, "period": c.period,
            "status": c.status, "value": _fmt_value(c.value, c.value_high, c.comparator), "comparator": c.comparator}


TITLES = {SUPPORTED: "SUPPORTED", CONTRADICTED: "CONTRADICTED", NOT_FOUND: "NOT FOUND", UNDERSPECIFIED: "UNDERSPECIFIED"}


def format_result(result: CheckResult) -> str:
    understood = " · ".join(f"{k}: {'-' if v in ('', None) else v}" for k, v in claim_tuple(result.claim).items())
    lines = [f"Claim: {understood}", TITLES[result.verdict]]
    if result.verdict == UNDERSPECIFIED:
        lines[-1] += f": the claim does not say its {', '.join(result.missing)}"
        lines.append("Candidate rows (not evidence):" if result.evidence else "No candidate rows.")
    elif result.verdict == CONTRADICTED:
        lines.append("The sources give other values for the same place, indicator, level, year and period:")
    for row in result.evidence[:20]:
        lines += _fmt_row(row)
    if result.other_values:
        lines.append("Other values for the same place, indicator, level, year and period:")
        for row in result.other_values:
            lines += _fmt_row(row)
    if result.near and result.verdict != UNDERSPECIFIED:
        lines.append("Near (same place and indicator, but another year, period, level or kind; not evidence):")
        for row in result.near[:10]:
            lines += _fmt_row(row)
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Batch

BATCH_COLUMNS = ("id", "claim", "verdict", "missing", "place", "indicator", "level", "year", "period", "status",
                 "value", "comparator", "values_found", "doc_id", "start", "end", "sentence", "date", "url",
                 "decision", "error")


def check_rows(claims: list[dict[str, str]], data_dir: Path) -> list[dict[str, object]]:
    """One verdict row per claim (``claim`` and optional ``id`` keys); a usable-less claim gets ``error``."""
    targets, documents = load_table(data_dir, "targets"), load_table(data_dir, "documents")
    out = []
    for i, item in enumerate(claims, 1):
        row: dict[str, object] = dict.fromkeys(BATCH_COLUMNS, "")
        row["id"], row["claim"] = item.get("id") or str(i), item.get("claim", "")
        try:
            result = check_claim(parse_claim(str(row["claim"])), targets, documents)
        except ClaimError as err:
            row.update(verdict="error", error=str(err))
            out.append(row)
            continue
        row.update({k: ("" if v is None else v) for k, v in claim_tuple(result.claim).items()})
        row.update(verdict=result.verdict, missing="|".join(result.missing))
        row["values_found"] = "|".join(sorted({f"{e['value']:g}" for e in result.evidence if e.get("value") is not None}))
        if result.verdict in (SUPPORTED, CONTRADICTED):
            first = result.evidence[0]
            row.update({k: first.get(k) if first.get(k) is not None else "" for k in
                        ("doc_id", "start", "end", "sentence", "date", "url", "decision")})
        out.append(row)
    return out


def check_file(claims_csv: Path, data_dir: Path, out: Path | None = None) -> list[dict[str, object]]:
    """Check every claim of ``claims_csv``; write the verdicts as CSV to ``out`` (stdout when None)."""
    import csv
    import io
    import sys

    from chitieu.tools.tables import TableError

    try:
        with open(claims_csv, encoding="utf-8-sig", newline="") as fh:
            claims = list(csv.DictReader(fh))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise TableError(f"{claims_csv}: not a readable CSV of claims ({' '.join(str(exc).split())[:200]})") from None
    rows = check_rows(claims, data_dir)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=BATCH_COLUMNS)
    writer.writeheader()
    from chitieu.pipeline.write import guard_cell

    # quotes of documents: a cell a spreadsheet would read as a formula gets a leading apostrophe
    writer.writerows({k: guard_cell(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows)
    if out:
        Path(out).write_text(buffer.getvalue(), encoding="utf-8")
    else:
        sys.stdout.write(buffer.getvalue())
    return rows
