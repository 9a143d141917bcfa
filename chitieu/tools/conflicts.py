"""Contradictions and timelines across the extracted targets.

A *conflict* is a group of rows with the same place, indicator code, level, year, status and
measure whose values differ, across documents (two sources disagree) or within one (a text
contradicts itself, or the extraction went wrong: either way someone should look)::

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"doc_id": ["a", "b"], "start": [0, 5], "end": [3, 8], "surface": ["60%", "65%"],
    ...     "value": [60.0, 65.0], "value_high": [None, None], "status": ["target"] * 2,
    ...     "measure": ["level"] * 2, "year": [2025, 2025], "level": ["xa", "xa"], "place": ["Khánh Hòa"] * 2,
    ...     "indicator": ["hồ sơ công việc trên môi trường mạng"] * 2, "indicator_code": ["", ""],
    ...     "sentence": ["", ""], "decision": ["", ""]})
    >>> [(g.place, g.indicator_code, g.values, g.kind) for g in find_conflicts(rows)]
    [('Khánh Hòa', 'work_records_online', (60.0, 65.0), 'across documents')]

A *timeline* lists, per place and indicator, the values by year (targets and actuals), as a
table and as a small-multiples SVG chart written by hand (no plotting dependency).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from chitieu.extractors.taxonomy import indicator_name
from chitieu.tools.tables import load_table, with_codes

GROUP_KEY = ("place", "indicator_code", "level", "year", "status", "measure")
LEVEL_COLORS = {"tinh": "#1f77b4", "huyen": "#ff7f0e", "xa": "#2ca02c", "": "#7f7f7f"}


def _value_key(row: pd.Series) -> tuple[float, ...]:
    low = round(float(row["value"]), 4)
    high = row.get("value_high")
    return (low,) if high is None or pd.isna(high) else (low, round(float(high), 4))


@dataclass(frozen=True)
class Conflict:
    place: str
    indicator_code: str
    level: str
    year: int | None
    status: str
    measure: str
    values: tuple[float, ...]
    kind: str  # "across documents" | "within a document"
    rows: pd.DataFrame


def find_conflicts(targets: pd.DataFrame) -> list[Conflict]:
    """Groups of agreeing rows (same :data:`GROUP_KEY`) whose values differ."""
    frame = with_codes(targets)
    if frame.empty:
        return []
    frame = frame[(frame["indicator_code"] != "") & frame["value"].notna()].copy()
    frame["_year"] = frame["year"].astype("Int64").astype("string").fillna("")
    out = []
    for key, group in frame.groupby(["place", "indicator_code", "level", "_year", "status", "measure"], sort=True):
        values = sorted({_value_key(r) for _, r in group.iterrows()})
        if len(values) < 2:
            continue
        place, code, level, year, status, measure = key
        kind = "across documents" if group["doc_id"].nunique() > 1 else "within a document"
        out.append(Conflict(place, code, level, int(year) if year else None, status, measure,
                            tuple(v[0] for v in values), kind, group.drop(columns="_year")))
    return out


def conflicts_frame(conflicts: list[Conflict]) -> pd.DataFrame:
    """One line per row of each conflict group (``group`` numbers the groups)."""
    cols = ["group", "place", "indicator_code", "level", "year", "status", "measure", "kind", "value",
            "value_high", "doc_id", "start", "end", "surface", "indicator", "decision", "sentence"]
    lines = []
    for i, c in enumerate(conflicts, 1):
        for _, r in c.rows.sort_values(["value", "doc_id", "start"]).iterrows():
            lines.append({"group": i, "place": c.place, "indicator_code": c.indicator_code, "level": c.level,
                          "year": c.year, "status": c.status, "measure": c.measure, "kind": c.kind,
                          **{k: r[k] for k in cols[8:]}})
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


def format_conflicts(conflicts: list[Conflict]) -> str:
    if not conflicts:
        return "No conflicts: rows that agree on place, indicator, level, year and status agree on the value."
    lines = [f"{len(conflicts)} conflict group(s):"]
    for i, c in enumerate(conflicts, 1):
        lvl = c.level or "-"
        lines.append(f"[{i}] {c.place} · {c.indicator_code} · level {lvl} · {c.year or '-'} · {c.status}"
                     f"{'' if c.measure == 'level' else ' · ' + c.measure} — {c.kind}: "
                     + " vs ".join(f"{v:g}%" for v in c.values))
        for _, r in c.rows.sort_values(["value", "doc_id", "start"]).iterrows():
            lines.append(f"     {_v(r['value'], r['value_high'])}%  {r['doc_id']} {r['start']}-{r['end']}"
                         f"{'  · ' + r['decision'] if r['decision'] else ''}")
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


def run_conflicts(data_dir: Path, out_dir: Path) -> str:
    """Compute conflicts and the timeline of ``DIR``, write the CSVs and SVG, return the printout."""
    targets = load_table(Path(data_dir), "targets")
    found = find_conflicts(targets)
    timeline = timeline_frame(targets)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    conflicts_frame(found).to_csv(out_dir / "conflicts.csv", index=False)
    timeline.to_csv(out_dir / "timeline.csv", index=False)
    (out_dir / "timeline.svg").write_text(timeline_svg(timeline), encoding="utf-8")
    return "\n\n".join([
        format_conflicts(found),
        format_timeline(timeline),
        f"Written: {out_dir / 'conflicts.csv'}, {out_dir / 'timeline.csv'}, {out_dir / 'timeline.svg'}",
    ])
