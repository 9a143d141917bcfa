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
  differ in anything else are shown as ``near``: never as evidence;
- a claim that says no goal or result word is read as a result; with no result for its year and
  period in the sources but a goal, the goal can contradict it (its value does not meet the goal)
  but never support it.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd
import regex

from chitieu.extractors.lexicon import rows
from chitieu.extractors.periods import same_span
from chitieu.extractors.taxonomy import excluded, expand_abbreviations, fold, indicator_code
from chitieu.tools.claim import Claim, ClaimError, bare, restore, typed_plain
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


def words_agree(a: str, b: str, least: int = 2, plain: bool = False) -> bool:
    """Two indicator phrases agree when they share ≥ ``least`` content words and ≥ 60 % of the shorter one's.

    When ``a`` (the claim's) was typed without diacritics (``plain``, or all its content words
    without them), both are compared without them::

        >>> words_agree("kinh te so chiem GRDP", "tỷ trọng kinh tế số trong GRDP")
        True
        >>> words_agree("dan so da sự dung nuoc hop về sinh", "tỷ lệ dân số sử dụng nước hợp vệ sinh", plain=True)
        True
    """
    plain = plain or all(bare(w) == w for w in indicator_words(a))
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
    against_goal: bool = False  # a claim that says no status, read against the only figure of its year: a goal
    missing: list[str] = field(default_factory=list)  # underspecified: what the claim does not say

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]

    def to_json(self) -> dict:
        return {"verdict": self.verdict, "claim": asdict(self.claim), "missing": self.missing,
                "against_goal": self.against_goal,
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
    place, kind = (t.place, t.place_kind) if t.place else named_place(restored)
    status = "target" if t.status == "actual" and states_a_goal(restored[:t.start]) else t.status
    folded, cues = fold(_without_places(restored)), _cue_patterns()
    said = any(cues[kind].search(folded) for kind in ("target", "actual"))
    return Claim(text=restored, place=place, level=t.level, year=year, period=t.period, value=t.value,
                 value_high=t.value_high, comparator=t.comparator, status=status, measure=t.measure,
                 indicator=t.indicator, place_kind=kind, plain=typed_plain(typed), status_said=said)


@cache
def _cue_patterns() -> dict[str, regex.Pattern[str]]:
    out = {}
    for kind in ("target", "actual"):
        phrases = sorted((fold(r["phrase"]) for r in rows("cues.csv") if r["kind"] == kind), key=len, reverse=True)
        out[kind] = regex.compile(r"(?<!\p{L})(?:" + "|".join(map(regex.escape, phrases)) + r")(?!\p{L})")
    return out


def states_a_goal(text: str) -> bool:
    """The claim, up to its value, frames it as a goal or a forecast (``dự kiến``, ``mục tiêu``,
    ``chỉ tiêu``) and says nothing of a result (``đã đạt``): a past deadline does not make it a result.

    >>> states_a_goal("Nghệ An dự kiến đến cuối năm 2021 tỷ lệ hộ nghèo còn khoảng 3,74%.")
    True
    >>> states_a_goal("Tính đến hết năm 2025, cả nước đã đạt 80% mục tiêu.")
    False
    >>> states_a_goal("Năm 2022, tỷ lệ đô thị hóa của Cần Thơ là ")  # "Cần Thơ" holds "cần"
    False
    """
    folded, cues = fold(_without_places(text)), _cue_patterns()
    return bool(cues["target"].search(folded)) and not cues["actual"].search(folded)


def _without_places(text: str) -> str:
    """``text`` with its place names blanked: "Cần Thơ" holds no goal word "cần"."""
    from chitieu.extractors.places import find_places

    for p in find_places(text):
        text = text[:p.start] + " " * (p.end - p.start) + text[p.end:]
    return text


def named_place(text: str) -> tuple[str, str]:
    """The one place a claim names anywhere, when the stages gave its value none: ``cả nước`` or
    ``toàn quốc`` → Việt Nam, else a single province or region (two different places: none).

    >>> named_place("Thu nhập bình quân của người lao động cả nước quý 4/2021 tăng 8%.")
    ('Việt Nam', 'national')
    >>> named_place("Năm 2021, tỷ lệ lao động qua đào tạo đạt 71,2%.")
    ('', '')
    """
    from chitieu.extractors.places import find_places

    found = {(m.place, "province") for m in find_places(text) if m.place}
    folded = bare(fold(text))
    for r in rows("place_words.csv"):
        key = bare(fold(r["phrase"]))
        if r["role"] in ("national", "national_free") and regex.search(rf"(?<!\p{{L}}){regex.escape(key)}(?!\p{{L}})", folded):
            found.add(("Việt Nam", "national"))
        elif r["role"] == "region" and regex.search(rf"(?<!\p{{L}}){regex.escape(key)}(?!\p{{L}})", folded):
            found.add((r["phrase"], "region"))
    return found.pop() if len(found) == 1 else ("", "")


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
    if subgroups(claim.text or claim.indicator) != subgroups(row["indicator"]):
        return False  # "khu vực đô thị" in the claim, the province's average in the row (or the reverse)
    same_code = bool(claim.indicator_code) and claim.indicator_code == code
    return words_agree(claim.indicator, row["indicator"], least=1 if same_code else 2, plain=claim.plain)


@cache
def _subgroups() -> tuple[regex.Pattern[str], ...]:
    """Patterns of the ``subgroup`` phrases of ``progress_words.csv``, matched without diacritics."""
    return tuple(regex.compile(r"(?<![\p{L}\p{N}])" + regex.escape(bare(fold(r["phrase"]))) + r"(?![\p{L}\p{N}])")
                 for r in rows("progress_words.csv") if r["role"] == "subgroup")


def subgroups(indicator: str) -> frozenset[int]:
    """Which sub-indicator words (``mầm non``, ``nông thôn``, ``nộp`` …) an indicator phrase holds.

    >>> subgroups("Tỷ lệ trường mầm non đạt chuẩn") == subgroups("tỷ lệ truong mam non dat chuan")
    True
    >>> subgroups("tỷ lệ trường đạt chuẩn quốc gia")
    frozenset()
    """
    text = bare(fold(expand_abbreviations(indicator)))
    return frozenset(i for i, pattern in enumerate(_subgroups()) if pattern.search(text))


def same_quantity(a: str, code_a: str, b: str, code_b: str) -> bool:
    """Two rows' indicators name one quantity: no two different taxonomy codes, no phrase the
    taxonomy rules out, their words agree both ways (:func:`words_agree`) with at least half of
    all their content words shared, and the same sub-indicator words (:func:`subgroups`).

    >>> same_quantity("tỷ lệ che phủ rừng", "", "tỷ lệ che phủ rừng ổn định", "")
    True
    >>> same_quantity("tỷ lệ trường chuẩn quốc gia", "", "tỷ lệ trường mầm non đạt chuẩn quốc gia", "")
    False
    >>> same_quantity("tỷ lệ hồ sơ được nộp trực tuyến", "", "tỷ lệ hồ sơ giải quyết trực tuyến", "")
    False
    """
    code_a, code_b = code_a or indicator_code(a), code_b or indicator_code(b)
    if code_a and code_b and code_a != code_b:
        return False
    code = code_a or code_b
    if code and (excluded(code, a) or excluded(code, b)):
        return False
    if subgroups(a) != subgroups(b):
        return False
    least = 1 if code_a and code_a == code_b else 2
    if not (words_agree(a, b, least) and words_agree(b, a, least)):
        return False
    plain = any(all(bare(w) == w for w in indicator_words(x)) for x in (a, b))
    wa, wb = indicator_words(a, plain), indicator_words(b, plain)
    return len(wa & wb) >= 0.5 * len(wa | wb)


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


def meets_goal(value: float | None, row: pd.Series) -> bool:
    """Whether ``value`` is what the goal of ``row`` asks, read by its comparator as written
    (``8% trở lên`` asks 8 or more: 7,85 does not meet it).

    >>> goal = pd.Series({"value": 8.0, "value_high": None, "comparator": ">="})
    >>> meets_goal(8.5, goal), meets_goal(7.85, goal)
    (True, False)
    """
    if value is None or pd.isna(row["value"]):
        return False
    low = float(row["value"])
    high = low if row["value_high"] is None or pd.isna(row["value_high"]) else float(row["value_high"])
    comparator = row["comparator"] or "="
    tolerance = 0.05 * high if comparator == "~" else 0.01
    if comparator in (">", ">="):
        return value >= low - 0.01
    if comparator in ("<", "<="):
        return value <= high + 0.01
    return low - tolerance <= value <= high + tolerance


def _same_level(claim: Claim, row: pd.Series) -> bool:
    level = row["level"] or ""
    return level == claim.level or (claim.level in _WHOLE_PROVINCE and level in _WHOLE_PROVINCE)


def _same_when(claim: Claim, row: pd.Series) -> bool:
    year = None if pd.isna(row["year"]) else int(row["year"])
    return claim.year == year and same_span(row["period"] or "") == same_span(claim.period)  # "quý 1" is "3 tháng"


def _same_kind(claim: Claim, row: pd.Series) -> bool:
    if claim.status and row["status"] != claim.status:
        return False
    return not claim.measure or _change(claim.measure, claim.indicator) == _change(row["measure"], row["indicator"])


@cache
def _growth_nouns() -> regex.Pattern[str]:
    phrases = [bare(fold(r["phrase"])) for r in rows("progress_words.csv") if r["role"] == "growth_noun"]
    return regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(map(regex.escape, phrases)) + r")(?![\p{L}\p{N}])")


def _change(measure: str, indicator: str) -> str:
    """The measure as a quantity: a growth rate named as a noun (``tăng trưởng GRDP`` 11,59%, a
    ``level``) is the ``increase`` a claim states (``GRDP tăng 11,59%``).

    >>> _change("level", "tăng trưởng GRDP"), _change("level", "tỷ lệ hộ nghèo")
    ('increase', 'level')
    """
    if measure == "level" and _growth_nouns().search(bare(fold(indicator or ""))):
        return "increase"
    return measure


def missing_parts(claim: Claim) -> list[str]:
    """What the claim does not say that the data would need: place, year, indicator."""
    out = [name for name, given in (("place", claim.place), ("year", claim.year is not None)) if not given]
    if not indicator_words(claim.indicator):
        out.append("indicator")
    return out


def overlap(claim: Claim, indicator: str) -> float:
    """Shared content words over all content words of the claim's and a row's indicator (0–1)."""
    wa, wb = indicator_words(claim.indicator, claim.plain), indicator_words(indicator, claim.plain)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def closest(rows_: list[pd.Series], claim: Claim, margin: float = 0.15) -> list[pd.Series]:
    """The rows whose indicator is closest to the claim's (within ``margin`` of the best overlap):
    "lao động qua đào tạo" is decided by that row, not by "đào tạo thường xuyên cho lực lượng lao
    động" of the same sentence, which only shares words with it."""
    if len(rows_) < 2:
        return rows_
    scores = [overlap(claim, r["indicator"]) for r in rows_]
    best = max(scores)
    return [r for r, s in zip(rows_, scores, strict=True) if s >= best - margin]


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
    evidence = closest([r for r in about if _same_level(claim, r) and _same_when(claim, r) and _same_kind(claim, r)],
                       claim)
    against_goal = False
    if not evidence and claim.status == "actual" and not claim.status_said:
        # "Năm 2025, GDP tăng trưởng 7,85%" says no "đạt" or "mục tiêu": with no result for that year and
        # period in the sources, the year's figure they hold is its goal, and the claim is read against it
        goal = replace(claim, status="target")
        evidence = closest([r for r in about if _same_level(claim, r) and _same_when(claim, r) and _same_kind(goal, r)],
                           claim)
        against_goal = bool(evidence)
    near = [_row_dict(r, docs) for r in about if not any(r is e for e in evidence)]
    if not evidence:
        return CheckResult(NOT_FOUND, claim, near=near)
    matching = [r for r in evidence if value_agrees(claim, r)]
    if against_goal and any(meets_goal(claim.value, r) for r in evidence):
        # a goal met says nothing of what was reached: a goal never supports a claim
        return CheckResult(NOT_FOUND, claim, near=[_row_dict(r, docs) for r in about])
    if against_goal:
        return CheckResult(CONTRADICTED, claim, [_row_dict(r, docs) for r in evidence], near=near, against_goal=True)
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
    shown = claim_tuple(result.claim)
    if shown["status"] and not result.claim.status_said:  # "Năm 2022, … là 70,2%": no "đạt", no "mục tiêu"
        shown["status"] = f"{shown['status']} (no goal or result word: read from the year)"
    understood = " · ".join(f"{k}: {'-' if v in ('', None) else v}" for k, v in shown.items())
    lines = [f"Claim: {understood}", TITLES[result.verdict]]
    if result.verdict == UNDERSPECIFIED:
        lines[-1] += f": the claim does not say its {', '.join(result.missing)}"
        lines.append("Candidate rows (not evidence):" if result.evidence else "No candidate rows.")
    elif result.against_goal:
        lines.append("The claim says no goal or result word, and the sources give no result for this year and "
                     "period; the figure they give is the goal, which the claim's value does not meet:")
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
    """Check every claim of ``claims_csv`` (``-``: stdin); write the verdicts as CSV to ``out`` (stdout when
    None or ``-``)."""
    import csv
    import io
    import sys

    from chitieu.tools.tables import TableError

    try:
        if str(claims_csv) == "-":
            claims = list(csv.DictReader(io.StringIO(sys.stdin.read().lstrip("\ufeff"))))
        else:
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
    if out and str(out) != "-":
        Path(out).write_text(buffer.getvalue(), encoding="utf-8")
    else:
        sys.stdout.write(buffer.getvalue())
    return rows


# ---------------------------------------------------------------------------
# schema.org ClaimReview (JSON-LD) for a fact-check page

RATINGS = {  # verdict → (ratingValue on 1–5, the rating's words); only a decided verdict has a value
    SUPPORTED: (5, "Đúng: các nguồn ghi cùng giá trị (supported)"),
    CONTRADICTED: (1, "Sai: các nguồn ghi giá trị khác (contradicted)"),
    NOT_FOUND: (None, "Không tìm thấy nguồn cho đúng địa phương, chỉ tiêu, cấp và năm (not found)"),
    UNDERSPECIFIED: (None, "Chưa đủ thông tin để kiểm chứng (underspecified)"),
}


def claim_review(result: CheckResult, org: str = "chitieu", org_url: str = "", review_url: str = "",
                 published: str | None = None, typed: str = "") -> dict:
    """The verdict as a schema.org ``ClaimReview`` (JSON-LD): ``claimReviewed`` the claim as typed,
    (``typed``, else as read) ``reviewRating.alternateName`` the verdict, ``itemReviewed`` a ``Claim`` whose ``appearance``
    lists the cited sources (document, url, date, the sentence quoted), ``author`` the organisation
    publishing the review, ``datePublished`` today (ISO)::

        >>> claim = Claim(text="Năm 2023, tỷ lệ che phủ rừng của Lào Cai đạt 60,2%.", place="Lào Cai", year=2023)
        >>> review = claim_review(CheckResult(NOT_FOUND, claim), org="Báo Ví Dụ", published="2026-01-05")
        >>> review["@type"], review["reviewRating"]["alternateName"], review["author"]["name"]
        ('ClaimReview', 'not_found', 'Báo Ví Dụ')
    """
    value, words = RATINGS[result.verdict]
    rating: dict[str, object] = {"@type": "Rating", "alternateName": result.verdict, "name": words}
    if value is not None:
        rating.update(ratingValue=value, bestRating=5, worstRating=1)
    author: dict[str, object] = {"@type": "Organization", "name": org}
    if org_url:
        author["url"] = org_url
    cited = result.evidence if result.verdict in (SUPPORTED, CONTRADICTED) else []
    appearance = []
    for row in cited:
        work: dict[str, object] = {"@type": "CreativeWork", "name": row.get("doc_id") or "",
                                   "identifier": f"{row.get('doc_id')}:{row.get('start')}-{row.get('end')}",
                                   "text": row.get("sentence") or row.get("surface") or ""}
        if row.get("url"):
            work["url"] = row["url"]
        if row.get("date"):
            work["datePublished"] = row["date"]
        if row.get("decision"):
            work["citation"] = row["decision"]
        appearance.append(work)
    claimed = " ".join(typed.split()) or result.claim.text
    item: dict[str, object] = {"@type": "Claim", "text": claimed}
    if appearance:
        item["appearance"] = appearance
    understood = "; ".join(f"{k}: {v}" for k, v in claim_tuple(result.claim).items() if v not in ("", None))
    review: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "datePublished": published or date.today().isoformat(),
        "claimReviewed": claimed,
        "author": author,
        "reviewRating": rating,
        "itemReviewed": item,
        "reviewBody": f"{TITLES[result.verdict]}. Claim read as: {understood}."
                      + (f" Missing: {', '.join(result.missing)}." if result.missing else ""),
    }
    if review_url:
        review["url"] = review_url
    return review


def claim_reviews_file(claims_csv: Path, data_dir: Path, out: Path | None = None, **kw: str) -> list[dict]:
    """One ClaimReview per claim of ``claims_csv`` (claims that cannot be checked are left out),
    written as a JSON list to ``out`` (stdout when None)."""
    import csv
    import json
    import sys

    with open(claims_csv, encoding="utf-8-sig", newline="") as fh:
        items = list(csv.DictReader(fh))
    targets, documents = load_table(data_dir, "targets"), load_table(data_dir, "documents")
    reviews = []
    for item in items:
        try:
            result = check_claim(parse_claim(item.get("claim", "")), targets, documents)
        except ClaimError:
            continue
        reviews.append(claim_review(result, typed=item.get("claim", ""), **kw))
    text = json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return reviews
