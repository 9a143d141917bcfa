"""Progress of targets: each goal joined with the figures reported for the same quantity.

A target row (``status`` target) is joined with the *actual* rows of the same place, level,
period and measure whose indicator names the same quantity (:func:`chitieu.tools.check.same_quantity`:
the words agree both ways, no two taxonomy codes, the same sub-indicator words, so the preschool
rate never answers for all schools). Of those, the *current* figure is the latest one up to the
target's year (the first after it when there is none), the *baseline* the earliest one before
the current figure. Then, with the direction of the target (the comparator: ``>=`` up, ``<=``
down; for ``=``, ``~`` and a range, the baseline's side of the target, else ``lower_better`` words
of ``progress_words.csv`` such as ``hộ nghèo``, else up)::

    achieved   the current figure meets the target (``>`` strictly; a range from its near end;
               ``khoảng`` within 0,5 points)
    on track   not yet met, the deadline ahead, and the current figure at least where a straight
               line from the baseline to the target puts that year
    off track  not met, and the deadline reached (the figure is of the target's year or later),
               or behind that straight line
    not yet    not met, the deadline ahead, and no earlier figure to draw the line from: the pace
               cannot be judged
    no data    no figure for the same place, indicator, level, period and measure (or the target
               itself has no place, year or value)

The gap is in points, positive while the target is still ahead (``80%`` target, ``62,5%``
figure → ``17,5``; for a ceiling ``dưới 5%`` and ``8,9%`` → ``3,9``), zero or negative once met;
years left = target year − the figure's year::

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"doc_id": ["p", "n", "n"], "start": [0, 0, 40], "end": [3, 3, 44],
    ...     "surface": ["80%", "62%", "70%"], "value": [80.0, 62.0, 70.0], "value_high": [None] * 3,
    ...     "comparator": [">=", "=", "="], "status": ["target", "actual", "actual"], "measure": ["level"] * 3,
    ...     "year": [2025, 2020, 2022], "period": [""] * 3, "level": [""] * 3, "place": ["Thanh Hóa"] * 3,
    ...     "indicator": ["tỷ lệ dân số nông thôn dùng nước sạch"] * 3})
    >>> p = progress(rows)[0]
    >>> (p.status, p.gap, p.years_left, p.expected_now)
    ('on track', 10.0, 3, 69.2)

(62% in 2020 to 80% in 2025 in a straight line is 69,2% in 2022; 70% is ahead of it, 68% would be
off track.)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd
import regex

from chitieu.extractors.lexicon import rows as lexicon_rows
from chitieu.extractors.periods import same_span
from chitieu.extractors.taxonomy import fold
from chitieu.tools.check import _row_dict, same_quantity
from chitieu.tools.claim import bare
from chitieu.tools.tables import load_table

ACHIEVED, ON_TRACK, OFF_TRACK, NOT_YET, NO_DATA = "achieved", "on track", "off track", "not yet", "no data"
STATUSES = (ACHIEVED, ON_TRACK, OFF_TRACK, NOT_YET, NO_DATA)
_WHOLE_PROVINCE = ("", "tinh")


@cache
def _lower_better() -> regex.Pattern[str]:
    phrases = [bare(fold(r["phrase"])) for r in lexicon_rows("progress_words.csv") if r["role"] == "lower_better"]
    return regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(map(regex.escape, phrases)) + r")(?![\p{L}\p{N}])")


def lower_is_better(indicator: str) -> bool:
    """The quantity is meant to fall (``tỷ lệ hộ nghèo``, ``thất nghiệp``, ``ô nhiễm`` …).

    >>> lower_is_better("tỷ lệ hộ nghèo đa chiều"), lower_is_better("tỷ lệ che phủ rừng")
    (True, False)
    """
    return bool(_lower_better().search(bare(fold(indicator))))


@dataclass
class Progress:
    """One target and how far the figures say it has come."""

    status: str
    target: dict
    direction: str = ""  # "up" (the figure must reach the target) or "down" (stay below it)
    actual: dict | None = None  # the current figure
    baseline: dict | None = None  # the earliest figure before the current one
    gap: float | None = None  # points still to go (≤ 0: met)
    years_left: int | None = None  # target year − the current figure's year
    expected_now: float | None = None  # where the straight line from the baseline puts the current year
    figures: list[dict] = field(default_factory=list)  # every matching figure, oldest first
    note: str = ""

    def to_json(self) -> dict:
        return {"status": self.status, "direction": self.direction, "gap": self.gap, "years_left": self.years_left,
                "expected_now": self.expected_now, "note": self.note, "target": self.target, "actual": self.actual,
                "baseline": self.baseline, "figures": self.figures}


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _same_level(a: str, b: str) -> bool:
    return a == b or (a in _WHOLE_PROVINCE and b in _WHOLE_PROVINCE)


def direction(target: pd.Series, baseline: float | None) -> str:
    """``up`` or ``down``: the comparator, else the baseline's side, else the indicator's words."""
    comp = target["comparator"]
    if comp in (">", ">="):
        return "up"
    if comp in ("<", "<="):
        return "down"
    low, high = float(target["value"]), _num(target["value_high"]) or float(target["value"])
    if baseline is not None and not low <= baseline <= high:
        return "up" if baseline < low else "down"
    if target["measure"] in ("increase", "decrease"):
        return "up"  # a rise or fall of at least this much
    return "down" if lower_is_better(target["indicator"]) else "up"


def gap_to(target: pd.Series, way: str, figure: float) -> float:
    """Points still to go from ``figure`` to the target (≤ 0 once met), seen from ``way``."""
    low = float(target["value"])
    high = _num(target["value_high"]) or low
    return round(low - figure if way == "up" else figure - high, 4)


def meets(target: pd.Series, way: str, figure: float) -> bool:
    gap = gap_to(target, way, figure)
    if target["comparator"] in (">", "<"):
        return gap < 0
    if target["comparator"] == "~":
        return gap <= 0.5
    return gap <= 1e-9


def _order(row: pd.Series) -> tuple:
    return (int(row["year"]), str(row.get("as_of") or ""), str(row.get("date") or ""), int(row["start"]))


def judge(target: pd.Series, figures: list[pd.Series]) -> tuple[str, dict]:
    """The status of ``target`` given the matching ``figures`` (actual rows), and the numbers behind it."""
    year = int(target["year"])
    figures = sorted(figures, key=_order)
    before = [f for f in figures if int(f["year"]) <= year]
    current = before[-1] if before else (figures[0] if figures else None)
    if current is None:
        return NO_DATA, {}
    earlier = [f for f in figures if int(f["year"]) < int(current["year"])]
    base = earlier[0] if earlier else None
    base_value = None if base is None else float(base["value"])
    way = direction(target, base_value)
    now = float(current["value"])
    facts = {"actual": current, "baseline": base, "direction": way, "gap": gap_to(target, way, now),
             "years_left": year - int(current["year"])}
    if meets(target, way, now):
        return ACHIEVED, facts
    if int(current["year"]) >= year:
        return OFF_TRACK, facts
    if base is None:
        return NOT_YET, facts
    goal = float(target["value"]) if way == "up" else (_num(target["value_high"]) or float(target["value"]))
    y0, y1 = int(base["year"]), int(current["year"])
    expected = base_value + (goal - base_value) * (y1 - y0) / (year - y0)
    facts["expected_now"] = round(expected, 2)
    behind = now < expected - 1e-9 if way == "up" else now > expected + 1e-9
    return (OFF_TRACK if behind else ON_TRACK), facts


def progress(targets: pd.DataFrame, documents: pd.DataFrame | None = None) -> list[Progress]:
    """One :class:`Progress` per target row of ``targets`` (the extracted table), in table order."""
    docs = {} if documents is None else {str(r["doc_id"]): r for r in documents.to_dict("records")}
    frame = targets.reset_index(drop=True).copy()
    for col in ("place", "level", "period", "measure", "indicator", "indicator_code", "comparator", "as_of", "date"):
        frame[col] = frame[col].astype("string").fillna("") if col in frame else ""
    if "value_high" not in frame:
        frame["value_high"] = None
    frame["_place"] = [bare(fold(p)) for p in frame["place"]]
    known = frame["year"].notna() & frame["value"].notna() & (frame["_place"] != "")
    actuals = frame[(frame["status"] == "actual") & known]
    by_key: dict[tuple, list[pd.Series]] = {}
    for _, a in actuals.iterrows():
        by_key.setdefault((a["_place"], same_span(a["period"]), a["measure"]), []).append(a)
    out = []
    for _, t in frame[frame["status"] == "target"].iterrows():
        cited = _row_dict(t.drop("_place"), docs)
        if not known[t.name]:
            missing = [n for n, ok in (("place", t["_place"]), ("year", not pd.isna(t["year"])),
                                       ("value", not pd.isna(t["value"]))) if not ok]
            out.append(Progress(NO_DATA, cited, note="the target has no " + ", ".join(missing)))
            continue
        figures = [a for a in by_key.get((t["_place"], same_span(t["period"]), t["measure"]), [])
                   if _same_level(a["level"], t["level"])
                   and same_quantity(t["indicator"], t["indicator_code"], a["indicator"], a["indicator_code"])]
        status, facts = judge(t, figures)
        item = Progress(status, cited, figures=[_row_dict(f.drop("_place"), docs) for f in sorted(figures, key=_order)])
        if facts:
            item.actual = _row_dict(facts["actual"].drop("_place"), docs)
            item.baseline = None if facts["baseline"] is None else _row_dict(facts["baseline"].drop("_place"), docs)
            item.direction, item.gap, item.years_left = facts["direction"], facts["gap"], facts["years_left"]
            item.expected_now = facts.get("expected_now")
        out.append(item)
    return out


def select(items: list[Progress], place: str = "", indicator: str = "", status: str = "") -> list[Progress]:
    """The items of one place (diacritics optional), whose indicator phrase or code holds
    ``indicator`` (diacritics optional), of one status."""
    place_key, words = bare(fold(place)), bare(fold(indicator))
    return [p for p in items
            if (not place_key or bare(fold(p.target.get("place") or "")) == place_key)
            and (not words or words in bare(fold(p.target.get("indicator") or ""))
                 or words == (p.target.get("indicator_code") or ""))
            and (not status or p.status == status)]


def run(data_dir: Path) -> list[Progress]:
    """:func:`progress` over ``DIR/targets.csv`` (citations from ``DIR/documents.csv``)."""
    return progress(load_table(data_dir, "targets"), load_table(data_dir, "documents"))


# ---------------------------------------------------------------------------
# Output

CSV_COLUMNS = (
    "status", "place", "indicator", "indicator_code", "level", "period", "measure", "direction", "target", "target_year",
    "actual", "actual_year", "gap", "years_left", "baseline", "baseline_year", "expected_now", "note",
    "target_doc_id", "target_start", "target_end", "target_sentence", "target_date", "target_url", "target_decision",
    "actual_doc_id", "actual_start", "actual_end", "actual_sentence", "actual_date", "actual_url",
)


def _value(row: dict | None) -> str:
    if not row or row.get("value") is None:
        return ""
    comp, high = row.get("comparator") or "=", row.get("value_high")
    if high is not None and not (isinstance(high, float) and math.isnan(high)):
        return f"{row['value']:g}–{high:g}%"
    return f"{'' if comp in ('=', 'range') else comp + ' '}{row['value']:g}%"


def flat(item: Progress) -> dict[str, object]:
    """One CSV line: the target, the current figure, the baseline and both citations."""
    t, a, b = item.target, item.actual or {}, item.baseline or {}
    line: dict[str, object] = {
        "status": item.status, "place": t.get("place"), "indicator": t.get("indicator"),
        "indicator_code": t.get("indicator_code"), "level": t.get("level"), "period": t.get("period"),
        "measure": t.get("measure"), "direction": item.direction, "target": _value(t), "target_year": t.get("year"),
        "actual": _value(a), "actual_year": a.get("year"), "gap": item.gap, "years_left": item.years_left,
        "baseline": _value(b), "baseline_year": b.get("year"), "expected_now": item.expected_now, "note": item.note}
    for prefix, row in (("target", t), ("actual", a)):
        for key in ("doc_id", "start", "end", "sentence", "date", "url", "decision"):
            if f"{prefix}_{key}" in CSV_COLUMNS:
                line[f"{prefix}_{key}"] = row.get(key)
    return {k: ("" if line.get(k) is None else line[k]) for k in CSV_COLUMNS}


def _cite(row: dict) -> list[str]:
    where = " · ".join(str(x) for x in (f"{row.get('doc_id')} {row.get('start')}-{row.get('end')}", row.get("date"),
                                         row.get("url") or row.get("path"), row.get("decision")) if x)
    return [f"      {where}", f"      “{row.get('sentence') or row.get('surface') or ''}”"]


def format_progress(items: list[Progress]) -> str:
    """A readable list: per target its status, the numbers and both quotes; counts at the end."""
    if not items:
        return "No targets."
    lines = []
    for p in items:
        t = p.target
        head = " · ".join(str(x) for x in (t.get("place") or "no place", t.get("level"), t.get("period"),
                                           "" if t.get("measure") == "level" else t.get("measure")) if x)
        lines.append(f"{p.status.upper()}: {head} — {t.get('indicator')}")
        lines.append(f"  target {_value(t)} by {t.get('year') or '?'}")
        lines += _cite(t)
        if p.actual:
            gap = f"{p.gap:+g} points to go" if p.gap is not None and p.gap > 0 else f"met ({-(p.gap or 0):g} points over)"
            lines.append(f"  figure {_value(p.actual)} in {p.actual.get('year')}: {gap}, {p.years_left} year(s) left"
                         + (f"; a straight line from {_value(p.baseline)} in {p.baseline.get('year')} expects "
                            f"{p.expected_now:g}% now" if p.baseline and p.expected_now is not None else ""))
            lines += _cite(p.actual)
        elif p.note:
            lines.append(f"  ({p.note})")
    counts = {s: sum(p.status == s for p in items) for s in STATUSES}
    lines.append(", ".join(f"{n} {s}" for s, n in counts.items()))
    return "\n".join(lines)
