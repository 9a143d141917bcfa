"""Contradictions and timelines across the extracted targets.

A *conflict* is a pair of rows that say different things about the same quantity: the same place,
the same indicator phrase (compared as written: case, spacing and, only when one side is written
without them, diacritics aside; a shared taxonomy code is not enough, sub-indicators differ), the
same level, year, period, observation date, status, measure and estimate flag, and values that
cannot both be true. Each row stands for the interval its value allows: ``60%`` for the numbers
that round to it, ``từ 60% đến 70%`` for the range, ``trên 60%`` for everything above, ``khoảng``
for 5% either side; rows whose intervals meet agree. Pairs in two documents are a disagreement
*across documents*; in one document (a headline or subheading against the body) *within a
document*, never two values of one sentence (a breakdown, not a contradiction)::

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"doc_id": ["a", "b", "c"], "start": [0, 5, 9], "end": [3, 8, 12],
    ...     "surface": ["60%", "65%", "trên 60%"], "value": [60.0, 65.0, 60.0], "value_high": [None] * 3,
    ...     "comparator": ["=", "=", ">"], "status": ["target"] * 3, "measure": ["level"] * 3,
    ...     "year": [2025] * 3, "level": ["xa"] * 3, "place": ["Khánh Hòa"] * 3,
    ...     "indicator": ["hồ sơ công việc trên môi trường mạng", "Hồ sơ công việc  trên môi trường mạng",
    ...                   "ho so cong viec tren moi truong mang"]})
    >>> [(g.place, g.indicator, g.values, g.kind) for g in find_conflicts(rows)]
    [('Khánh Hòa', 'hồ sơ công việc trên môi trường mạng', (60.0, 65.0), 'across documents')]

A *timeline* lists, per place and indicator, the values by year (targets and actuals), as a
table and as a small-multiples SVG chart written by hand (no plotting dependency).
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from chitieu.extractors.periods import same_span
from chitieu.extractors.taxonomy import expand_abbreviations, fold, indicator_code, indicator_name
from chitieu.pipeline.indicator import content_words
from chitieu.pipeline.write import guard_frame
from chitieu.tools.tables import load_table, load_texts, with_codes

# what two rows must share to be about one quantity (besides the indicator phrase)
GROUP_KEY = ("place", "level", "year", "period", "as_of", "status", "measure", "estimate")
LEVEL_COLORS = {"tinh": "#1f77b4", "huyen": "#ff7f0e", "xa": "#2ca02c", "": "#7f7f7f"}
_LEVEL_WORDS = re.compile(r"\b(?:ở |tại )?cấp (?:tỉnh|huyện|xã)\b")
_RATE = re.compile(r"^(?:tỷ lệ|tỉ lệ|ty le|ti le)\s+")  # "85% dân số …" is "tỷ lệ dân số … 85%"
_EDGE = " \t.,;:-–—()\"'“”"


def indicator_key(indicator: str, level: str = "") -> str:
    """The indicator phrase as compared: folded case and spacing, edge punctuation and a leading
    ``tỷ lệ`` off (a percentage of X is the rate of X), and the level words (``cấp xã``) dropped
    when the row's level says them already.

    >>> indicator_key("  Tỷ lệ hồ sơ  cấp xã được xử lý trực tuyến.", "xa")
    'hồ sơ được xử lý trực tuyến'
    """
    text = _RATE.sub("", fold(indicator).strip(_EDGE))
    if level:
        text = _LEVEL_WORDS.sub(" ", text)
    return " ".join(text.split()).strip(_EDGE)


def strip_marks(text: str) -> str:
    """``tỷ lệ đạt`` → ``ty le dat`` (diacritics and ``đ`` off)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def same_indicator(a: str, b: str) -> bool:
    """Folded phrases equal, or equal without diacritics when one side has none.

    >>> same_indicator("tỷ lệ hộ nghèo", "ty le ho ngheo"), same_indicator("tỷ lệ hộ nghèo", "tỷ lệ hộ ngheo")
    (True, False)
    >>> same_indicator("trường mầm non đạt chuẩn", "trường tiểu học đạt chuẩn")
    False
    """
    if a == b:
        return True
    bare_a, bare_b = strip_marks(a), strip_marks(b)
    return (bare_a == a or bare_b == b) and bare_a == bare_b


def _decimals(value: float) -> int:
    text = f"{value:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def value_interval(value: float, high: object = None, comparator: str = "=") -> tuple[float, float]:
    """The values a row allows: the numbers that round to it, the range, the side of a bound.

    >>> value_interval(97.8), value_interval(60.0, None, ">="), value_interval(45.0, 50.0, "range")
    ((97.75, 97.85), (59.5, inf), (44.5, 50.5))
    >>> value_interval(40.0, None, "~")
    (38.0, 42.0)
    """
    value = float(value)
    top = value if high is None or pd.isna(high) else float(high)
    low, up = value - 0.5 * 10 ** -_decimals(value), top + 0.5 * 10 ** -_decimals(top)
    if comparator == "~":
        low, up = min(low, value * 0.95), max(up, top * 1.05)
    if comparator in (">", ">="):
        up = math.inf
    elif comparator in ("<", "<="):
        low = -math.inf
    return (round(low, 6), round(up, 6) if up != math.inf else up)


def compatible(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Two intervals overlap (touching ends, as of ``2%`` and ``3%``, do not): both rows can be true.

    >>> compatible(value_interval(2.0), value_interval(3.0)), compatible(value_interval(2.0), value_interval(2.04))
    (False, True)
    """
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class Conflict:
    place: str
    indicator: str
    indicator_code: str
    level: str
    year: int | None
    period: str
    status: str
    measure: str
    values: tuple[float, ...]
    kind: str  # "across documents" | "within a document"
    rows: pd.DataFrame  # the rows in at least one disagreeing pair


KINDS = ("across documents", "within a document")


def _text(frame: pd.DataFrame, col: str) -> pd.Series:
    if col not in frame.columns:
        return pd.Series([""] * len(frame), index=frame.index, dtype="string")
    return frame[col].astype("string").fillna("")


def _clusters(keys: list[str]) -> list[list[int]]:
    """Positions whose indicator phrases are the same (:func:`same_indicator`, joined transitively)."""
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(keys)):
        for j in range(i):
            if same_indicator(keys[i], keys[j]):
                parent[root(i)] = root(j)
    out: dict[int, list[int]] = {}
    for i in range(len(keys)):
        out.setdefault(root(i), []).append(i)
    return list(out.values())


_LIST_MARK = re.compile(r"^\s*(?:[-+•*–]|\d+[.)]|[a-zđ][.)])\s")


def is_heading(text: str, start: int) -> bool:
    r"""The value stands in the title (the first line) or a subheading: a short line of its own
    (after a blank line or a finished sentence, not a hard-wrapped one), no list item, not ended
    like a sentence.

    >>> text = "87% dân số dùng nước sạch\nHuế - Năm 2017, 86% dân số dùng nước sạch."
    >>> is_heading(text, 0), is_heading(text, text.index("86%"))
    (True, False)
    >>> text = "gồm:\nHà Nội (87,7%), Sơn La (87,2%), Quảng Trị\n(80,6%), Lai Châu (59,4%)."
    >>> is_heading(text, text.index("87,7%"))  # a hard-wrapped line
    False
    """
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    line = text[begin:len(text) if end < 0 else end].strip()
    before = text[:max(begin - 1, 0)].rstrip(" \t")  # up to the end of the line before
    if not before.strip():
        return True
    wrapped = not before.endswith("\n") and not before.endswith((".", ";", ":", "!", "?"))
    # a line the next one carries on ("… Quảng Trị\n(80,68%), Lạng Sơn …") is hard-wrapped text, no heading
    after = text[end + 1:end + 40].lstrip(" \t") if end >= 0 else ""
    carried_on = bool(after) and (after[0] == "(" or after[0].islower())
    return (not wrapped and not carried_on and len(line) <= 200 and not line.endswith((".", ";", ",", ":", "…"))
            and not _LIST_MARK.match(line))


def _heading(row: object, texts: dict[str, str] | None) -> bool:
    text = (texts or {}).get(row.doc_id)
    if text is not None and 0 <= int(row.start) <= len(text):
        return is_heading(text, int(row.start))
    return not pd.isna(row.sentence_start) and int(row.sentence_start) == 0  # no text: the opening sentence


def find_conflicts(targets: pd.DataFrame, texts: dict[str, str] | None = None) -> list[Conflict]:
    """Groups of rows about one quantity (:data:`GROUP_KEY` and the indicator phrase) holding at
    least one pair of values that cannot both be true; one group per kind of disagreement.
    Rows without a place, a year, an indicator or a value, and ``other`` rows, are never compared, nor
    rows whose indicator is one word the taxonomy does not know (a share's ticker, a fragment).
    Within a document only a heading (:func:`is_heading`, read in ``texts``) against another line
    counts: two lines of the body are more often a breakdown read as one indicator than a slip."""
    frame = targets.copy()
    if frame.empty:
        return []
    frame = frame.reset_index(drop=True)
    for col in ("place", "level", "period", "as_of", "status", "measure", "indicator", "comparator", "indicator_code"):
        frame[col] = _text(frame, col)
    frame["estimate"] = _text(frame, "estimate").str.lower().replace({"<na>": ""})
    if "sentence_start" not in frame.columns:
        frame["sentence_start"] = pd.NA
    frame = frame[(frame["place"] != "") & frame["year"].notna() & frame["value"].notna()
                  & (frame["indicator"].str.strip() != "") & frame["status"].isin(["target", "actual"])].copy()
    if frame.empty:
        return []
    # one word names no quantity the taxonomy does not know ("HPG tăng 3,8%" is a share price on one day;
    # "GRDP" is an abbreviation of several)
    frame = frame[[content_words(expand_abbreviations(i), stop_at=2) >= 2 or bool(c or indicator_code(i))
                   for i, c in zip(frame["indicator"], frame["indicator_code"], strict=True)]].copy()
    if frame.empty:
        return []
    frame["cf_ind"] = [indicator_key(i, lv) for i, lv in zip(frame["indicator"], frame["level"], strict=True)]
    frame["cf_bare"] = frame["cf_ind"].map(strip_marks)
    frame["cf_year"] = frame["year"].astype("Int64").astype("string")
    frame["cf_period"] = frame["period"].map(same_span)  # "3 tháng đầu năm" is "quý I"
    frame["cf_iv"] = [value_interval(v, h, c) for v, h, c in
                    zip(frame["value"], frame.get("value_high", [None] * len(frame)), frame["comparator"], strict=True)]
    out = []
    keys = [{"year": "cf_year", "period": "cf_period"}.get(k, k) for k in GROUP_KEY]
    for key, bucket in frame.groupby([*keys, "cf_bare"], sort=True):
        if len(bucket) < 2:
            continue
        for positions in _clusters(list(bucket["cf_ind"])):
            rows = bucket.iloc[positions]
            pairs: dict[str, set[int]] = {kind: set() for kind in KINDS}
            recs = list(rows.itertuples())
            for i, a in enumerate(recs):
                for b in recs[:i]:
                    if compatible(a.cf_iv, b.cf_iv):
                        continue
                    if a.doc_id != b.doc_id:
                        pairs[KINDS[0]].update((a.Index, b.Index))
                    elif (pd.isna(a.sentence_start) or a.sentence_start != b.sentence_start) and (
                            _heading(a, texts) != _heading(b, texts)):
                        pairs[KINDS[1]].update((a.Index, b.Index))
            for kind, index in pairs.items():
                if not index:
                    continue
                group = rows.loc[sorted(index)]
                place, level, year, period, _, status, measure, _, _ = key
                codes = sorted({c for c in group["indicator_code"] if c})
                values = tuple(sorted({round(float(v), 4) for v in group["value"]}))
                out.append(Conflict(place, _canonical(group), ",".join(codes), level, int(year), period, status,
                                    measure, values, kind, group.drop(columns=["cf_ind", "cf_bare", "cf_year", "cf_period", "cf_iv"])))
    return out


def _canonical(group: pd.DataFrame) -> str:
    """The group's indicator as written, preferring a spelling with diacritics."""
    phrases = [" ".join(fold(i).split()).strip(_EDGE) for i in group["indicator"]]
    return max(phrases, key=lambda p: (strip_marks(p) != p, -phrases.index(p)))


def _quote(row: pd.Series, width: int = 110) -> str:
    """The sentence around the value, the value in «»."""
    sentence, s0 = str(row.get("sentence") or ""), row.get("sentence_start")
    if not sentence or s0 is None or pd.isna(s0):
        return sentence[:width]
    a, b = int(row["start"]) - int(s0), int(row["end"]) - int(s0)
    if not (0 <= a <= b <= len(sentence)):
        return sentence[:width]
    marked = sentence[:a] + "«" + sentence[a:b] + "»" + sentence[b:]
    half = width // 2
    lo = max(0, a - half)
    hi = min(len(marked), lo + width)
    return ("…" if lo else "") + marked[lo:hi].strip() + ("…" if hi < len(marked) else "")


def with_sources(frame: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each document's ``url`` and ``date`` (the row's own date first)."""
    out = frame.copy()
    docs = documents.drop_duplicates("doc_id").set_index("doc_id") if not documents.empty else pd.DataFrame()
    url = docs["url"] if "url" in docs else pd.Series(dtype="string")
    date = docs["date"] if "date" in docs else pd.Series(dtype="string")
    out["url"] = out["doc_id"].map(url).astype("string").fillna("")
    own = _text(out, "date")
    out["date"] = own.where(own != "", out["doc_id"].map(date).astype("string").fillna(""))
    return out


def conflicts_frame(conflicts: list[Conflict], documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """One line per row of each conflict group (``group`` numbers the groups)."""
    cols = ["group", "kind", "place", "indicator", "indicator_code", "level", "year", "period", "status", "measure",
            "value", "value_high", "comparator", "surface", "doc_id", "start", "end", "date", "url", "decision",
            "sentence_start", "sentence_end", "sentence"]
    lines = []
    docs = documents if documents is not None else pd.DataFrame(columns=["doc_id", "url", "date"])
    for i, c in enumerate(conflicts, 1):
        rows = with_sources(c.rows, docs).sort_values(["value", "doc_id", "start"])
        for _, r in rows.iterrows():
            lines.append({"group": i, "kind": c.kind, "place": c.place, "indicator": c.indicator,
                          "indicator_code": c.indicator_code, "level": c.level, "year": c.year, "period": c.period,
                          "status": c.status, "measure": c.measure,
                          **{k: r.get(k, "") for k in cols[10:]}})
    frame = pd.DataFrame(lines, columns=cols)
    frame["year"] = frame["year"].astype("Int64")
    return frame


def timeline_frame(targets: pd.DataFrame) -> pd.DataFrame:
    """Values by year per place and indicator code (rows without a code or a year are left out)."""
    cols = ["place", "indicator_code", "level", "measure", "year", "status", "value", "value_high", "comparator",
            "doc_id", "start", "end"]
    frame = with_codes(targets)
    if frame.empty:
        return pd.DataFrame(columns=cols)
    frame = frame[(frame["indicator_code"] != "") & frame["year"].notna() & frame["value"].notna()]
    return frame[cols].sort_values(["place", "indicator_code", "level", "measure", "year", "value"]).reset_index(drop=True)


# ---------------------------------------------------------------------------
# Text tables


def _v(value: float, high: object = None) -> str:
    return f"{value:g}" if high is None or pd.isna(high) else f"{value:g}–{float(high):g}"


def format_conflicts(conflicts: list[Conflict], documents: pd.DataFrame | None = None) -> str:
    """Each group with its key and, per row, the value, where it is (document, offsets, date, url)
    and the sentence it was read in."""
    if not conflicts:
        return ("No conflicts: rows that agree on place, indicator, level, year, period, status and measure "
                "agree on the value.")
    docs = documents if documents is not None else pd.DataFrame(columns=["doc_id", "url", "date"])
    lines = [f"{len(conflicts)} conflict group(s):"]
    for i, c in enumerate(conflicts, 1):
        key = " · ".join(x for x in (c.place, f"“{c.indicator}”", f"level {c.level or '-'}", str(c.year),
                                     c.period, c.status, "" if c.measure == "level" else c.measure) if x)
        lines.append(f"[{i}] {key} — {c.kind}: " + " vs ".join(f"{v:g}%" for v in c.values))
        for _, r in with_sources(c.rows, docs).sort_values(["value", "doc_id", "start"]).iterrows():
            where = " · ".join(x for x in (f"{r['doc_id']} {r['start']}-{r['end']}", r["date"], r["url"],
                                          r.get("decision", "")) if x)
            lines.append(f"     {r['surface']}  {where}")
            lines.append(f"        “{_quote(r)}”")
    return "\n".join(lines)


def format_timeline(timeline: pd.DataFrame) -> str:
    if timeline.empty:
        return "Timeline: no row with an indicator code and a year."
    lines = ["Timeline (values by year; * = reported as reached):"]
    for (place, code, level, measure), g in timeline.groupby(["place", "indicator_code", "level", "measure"], sort=True):
        points = []
        for year, gy in g.groupby("year", sort=True):
            vals = sorted({(_v(r["value"], r["value_high"]) + ("*" if r["status"] == "actual" else ""))
                           for _, r in gy.iterrows()})
            points.append(f"{year}: {' / '.join(vals)}")
        label = f"{place or '?'} · {code}" + (f" · {level}" if level else "") + (" · /year" if measure == "increase" else "")
        lines.append(f"  {label:<48} " + "   ".join(points))
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# The chart: one small panel per place and indicator


def timeline_svg(timeline: pd.DataFrame, max_panels: int = 48) -> str:
    """Small multiples: x = year, y = percent; colour = level; filled = actual, hollow = target."""
    series = []
    if not timeline.empty:
        for key, g in timeline[timeline["measure"] == "level"].groupby(["place", "indicator_code"], sort=True):
            series.append((key, g))
    series.sort(key=lambda s: (-s[1]["year"].nunique(), s[0]))
    series = series[:max_panels]
    pw, ph, cols = 260, 160, 3
    rows = max(1, (len(series) + cols - 1) // cols)
    width, height = cols * pw + 20, rows * ph + 50
    esc = html.escape
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="10" role="img">',
           '<title>Targets and actuals by year, per place and indicator</title>',
           f'<rect width="{width}" height="{height}" fill="#fff"/>']
    legend_x = 10
    for lvl, color in LEVEL_COLORS.items():
        out.append(f'<circle cx="{legend_x + 5}" cy="14" r="4" fill="{color}"/>'
                   f'<text x="{legend_x + 12}" y="18">{esc(lvl or "no level")}</text>')
        legend_x += 70
    out.append(f'<circle cx="{legend_x + 5}" cy="14" r="4" fill="none" stroke="#333"/>'
               f'<text x="{legend_x + 12}" y="18">target</text>'
               f'<circle cx="{legend_x + 65}" cy="14" r="4" fill="#333"/><text x="{legend_x + 72}" y="18">actual</text>')
    if not series:
        out.append('<text x="10" y="45">No values with an indicator code and a year.</text>')
    for i, ((place, code), g) in enumerate(series):
        x0, y0 = 10 + (i % cols) * pw, 30 + (i // cols) * ph
        left, right, top, bottom = x0 + 30, x0 + pw - 15, y0 + 34, y0 + ph - 22
        years = sorted(int(y) for y in g["year"].unique())
        lo, hi = years[0] - 1, years[-1] + 1
        vmax = max(100.0, float(g[["value"]].max().iloc[0]))

        def sx(year: float, lo: int = lo, hi: int = hi, left: int = left, right: int = right) -> float:
            return left + (year - lo) / (hi - lo) * (right - left)

        def sy(value: float, vmax: float = vmax, top: int = top, bottom: int = bottom) -> float:
            return bottom - value / vmax * (bottom - top)

        name = indicator_name(code) or code
        out.append(f'<g><title>{esc(place)} · {esc(name)}</title>')
        out.append(f'<text x="{x0}" y="{y0 + 10}" font-weight="bold">{esc(place or "?")}</text>'
                   f'<text x="{x0}" y="{y0 + 20}" fill="#555">{esc(name[:48])}</text>')
        out.append(f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#999"/>'
                   f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="#999"/>')
        for tick in (0, 50, 100):
            out.append(f'<text x="{left - 4}" y="{sy(tick) + 3:.1f}" text-anchor="end" fill="#777">{tick}</text>')
        for year in years:
            out.append(f'<text x="{sx(year):.1f}" y="{bottom + 12}" text-anchor="middle" fill="#777">{year}</text>')
        for level, gl in g.groupby("level", sort=True):
            color = LEVEL_COLORS.get(level, "#7f7f7f")
            means = gl.groupby("year")["value"].mean().sort_index()
            if len(means) > 1:
                pts = " ".join(f"{sx(int(y)):.1f},{sy(float(v)):.1f}" for y, v in means.items())
                out.append(f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="1.5"/>')
            for _, r in gl.iterrows():
                fill = color if r["status"] == "actual" else "#fff"
                tip = esc(f"{place} {year_label(r)} {level or ''}: {r['value']:g}% ({r['status']}, {r['doc_id']})")
                out.append(f'<circle cx="{sx(int(r["year"])):.1f}" cy="{sy(float(r["value"])):.1f}" r="3.5" '
                           f'fill="{fill}" stroke="{color}" stroke-width="1.5"><title>{tip}</title></circle>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def year_label(row: pd.Series) -> str:
    return str(int(row["year"])) if not pd.isna(row["year"]) else "?"


def run_conflicts(data_dir: Path, out_dir: Path, as_json: bool = False) -> str:
    """Compute conflicts and the timeline of ``DIR``, write the CSVs and SVG, return the printout
    (``as_json``: one JSON object, ``conflicts`` and ``timeline`` as lists of the CSVs' rows, and ``written``)."""
    targets = load_table(Path(data_dir), "targets")
    documents = load_table(Path(data_dir), "documents")
    found = find_conflicts(targets, load_texts(Path(data_dir)))
    timeline = timeline_frame(targets)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    table = conflicts_frame(found, documents)
    # quotes of documents: a cell a spreadsheet would read as a formula gets a leading apostrophe
    guard_frame(table).to_csv(out_dir / "conflicts.csv", index=False)
    guard_frame(timeline).to_csv(out_dir / "timeline.csv", index=False)
    (out_dir / "timeline.svg").write_text(timeline_svg(timeline), encoding="utf-8")
    if as_json:
        import json

        def records(frame) -> list:
            return json.loads(frame.to_json(orient="records", force_ascii=False))

        written = [str(out_dir / name) for name in ("conflicts.csv", "timeline.csv", "timeline.svg")]
        return json.dumps({"conflicts": records(table), "timeline": records(timeline), "written": written},
                          ensure_ascii=False, indent=1)
    return "\n\n".join([
        format_conflicts(found, documents),
        format_timeline(timeline),
        f"Written: {out_dir / 'conflicts.csv'}, {out_dir / 'timeline.csv'}, {out_dir / 'timeline.svg'}",
    ])
