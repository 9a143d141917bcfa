"""One self-contained HTML page to review every extraction.

Each document's text with its highlighted spans (values, years, levels, places, references,
… in the style of displaCy's span view), a filterable table of the targets linked both ways to
the highlights (click a row: the page scrolls to the value and flashes it), and a chart of
targets by year per place (inline SVG). No external CSS, JS, font or CDN.

Every piece of corpus text goes through :func:`html.escape`; the script is static and reads
only the DOM, so a document containing ``<script>`` shows it as text::

    >>> render_text("a <b>60%</b>", [(5, 8, "value", "60", "v-0-5-8", "")])[:63]
    'a &lt;b&gt;<span class="hl l-value start" data-s="0" data-k="0"'
"""

from __future__ import annotations

import html
import math
from collections import defaultdict
from pathlib import Path

import pandas as pd

from chitieu.tools.report_assets import CSS, JS
from chitieu.tools.tables import load_spans, load_table, load_texts, with_codes

LABEL_ORDER = ("value", "year", "level", "place", "reference", "comparator", "status", "cue", "indicator")

# (start, end, label, detail, element id or "", tooltip)
SpanItem = tuple[int, int, str, str, str, str]


def _esc(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value), quote=True)


def value_id(doc_index: int, start: int, end: int) -> str:
    """The element id of a value's highlight: ``v-<document number>-<start>-<end>``."""
    return f"v-{doc_index}-{start}-{end}"


def _rank(label: str) -> int:
    return LABEL_ORDER.index(label) if label in LABEL_ORDER else len(LABEL_ORDER)


def render_text(text: str, spans: list[SpanItem]) -> str:
    """``text`` as HTML with every span highlighted; overlapping spans share the pieces they cover.

    The text is cut at every span boundary; each piece is one ``<span class="hl …">`` listing
    the spans covering it in ``data-s`` (span ``k`` = every element with ``data-s~="k"``); the
    first piece of a span carries its ``id``, ``data-k`` and a ``data-tag`` label shown by CSS.
    """
    valid = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in valid), *(s[1] for s in valid)})
    starting_at: dict[int, list[int]] = {}
    ending_at: dict[int, list[int]] = {}
    for k, s in enumerate(valid):
        starting_at.setdefault(s[0], []).append(k)
        ending_at.setdefault(s[1], []).append(k)
    active: dict[int, SpanItem] = {}  # the spans that cover the piece: kept while going along, not searched
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = _esc(text[a:b])
        for k in ending_at.get(a, ()):
            del active[k]
        for k in starting_at.get(a, ()):
            active[k] = valid[k]
        covering = [(k, active[k]) for k in sorted(active)]
        if not covering:
            out.append(piece)
            continue
        covering.sort(key=lambda ks: (_rank(ks[1][2]), ks[1][1] - ks[1][0]))
        labels = []
        for _, s in covering:
            if s[2] not in labels:
                labels.append(s[2])
        classes = ["hl"] + [f"l-{_css(lbl)}" for lbl in labels]
        attrs = [f'data-s="{" ".join(str(k) for k, _ in covering)}"']
        starting = [(k, s) for k, s in covering if s[0] == a]
        if starting:
            k, s = starting[0]
            classes.append("start")
            attrs.append(f'data-k="{k}"')
            if s[4]:
                attrs.append(f'id="{_esc(s[4])}"')
            attrs.append(f'data-tag="{_esc(" ".join(dict.fromkeys(x[2] for _, x in starting)))}"')
        tips = [s[5] or f"{s[2]}: {s[3]}" for _, s in covering]
        attrs.append(f'title="{_esc(" | ".join(tips))}"')
        out.append(f'<span class="{" ".join(classes)}" {" ".join(attrs)}>{piece}</span>')
    return "".join(out)


def _css(label: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in label.lower())


def _fmt(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _tooltip(row: pd.Series) -> str:
    bits = [f"{_fmt(row['value'])}%", row["status"], row["measure"], _fmt(row["year"]) or "no year",
            row["level"] or "no level", row["place"] or "no place", row["indicator_code"] or "no code"]
    tip = " · ".join(str(b) for b in bits)
    if row["indicator"]:
        tip += f" — {row['indicator']}"
    if row["decision"]:
        tip += f" [{row['decision']}]"
    return tip


def targets_by_year_svg(targets: pd.DataFrame) -> str:
    """Dot grid: one row per place, one column per year, dot area ∝ number of target rows."""
    frame = targets[targets["year"].notna()] if not targets.empty else targets
    if frame.empty:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="420" height="40" role="img">' \
               '<text x="10" y="25" font-size="13">No target with a year.</text></svg>'
    places = frame["place"].replace("", "?").value_counts()
    years = sorted(int(y) for y in frame["year"].unique())
    counts = frame.assign(p=frame["place"].replace("", "?")).groupby(["p", "year", "status"]).size()
    left, top, cw, rh = 150, 40, 46, 30
    width, height = left + cw * len(years) + 20, top + rh * len(places) + 10
    biggest = max(1, int(counts.groupby(level=[0, 1]).sum().max()))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
           ' font-family="sans-serif" font-size="12" role="img" id="chart">',
           "<title>Targets by year per place (click a dot to filter the table)</title>"]
    for j, year in enumerate(years):
        out.append(f'<text x="{left + cw * j + cw / 2:.0f}" y="{top - 14}" text-anchor="middle" fill="#555">{year}</text>')
    for i, place in enumerate(places.index):
        y = top + rh * i + rh / 2
        out.append(f'<line x1="{left - 5}" y1="{y:.0f}" x2="{width - 10}" y2="{y:.0f}" stroke="#eee"/>')
        out.append(f'<text x="{left - 10}" y="{y + 4:.0f}" text-anchor="end">{_esc(place)}</text>')
        for j, year in enumerate(years):
            n_t = int(counts.get((place, year, "target"), 0))
            n_a = int(counts.get((place, year, "actual"), 0))
            n = n_t + n_a
            if not n:
                continue
            r = 3 + 11 * math.sqrt(n / biggest)
            x = left + cw * j + cw / 2
            tip = f"{place} {year}: {n_t} target(s), {n_a} actual(s)"
            out.append(f'<g class="dot" data-place="{_esc("" if place == "?" else place)}" data-year="{year}">'
                       f'<title>{_esc(tip)}</title>'
                       f'<circle cx="{x:.0f}" cy="{y:.0f}" r="{r:.1f}" fill="#4e79a7" fill-opacity="0.75"/>'
                       f'<text x="{x:.0f}" y="{y + 4:.0f}" text-anchor="middle" fill="#fff" font-size="10">{n}</text></g>')
    out.append("</svg>")
    return "".join(out)


def _options(values: list[str], labels: dict[str, str] | None = None) -> str:
    opts = ['<option value="">all</option>']
    for v in values:
        shown = (labels or {}).get(v, v) or "(empty)"
        opts.append(f'<option value="{_esc(v)}">{_esc(shown)}</option>')
    return "".join(opts)


def build_report(targets: pd.DataFrame, references: pd.DataFrame, documents: pd.DataFrame,
                 spans: pd.DataFrame, texts: dict[str, str], title: str = "chitieu report") -> str:
    """The HTML page (a string) from the tables (pure: no I/O besides the bundled CSS/JS)."""
    targets = with_codes(targets)
    doc_ids = list(dict.fromkeys([*documents["doc_id"].tolist(), *texts.keys(), *targets["doc_id"].tolist()]))
    doc_index = {d: i for i, d in enumerate(doc_ids)}

    per_doc: dict[str, list[SpanItem]] = defaultdict(list)
    seen: set[tuple[str, int, int, str]] = set()
    row_ids: list[str] = []
    mismatches = 0
    for _, row in targets.iterrows():
        d, s, e = str(row["doc_id"]), int(row["start"]), int(row["end"])
        vid = value_id(doc_index[d], s, e)
        row_ids.append(vid)
        text = texts.get(d, "")
        if text[s:e] != row["surface"]:
            mismatches += 1
        if (d, s, e, "value") not in seen:
            seen.add((d, s, e, "value"))
            per_doc[d].append((s, e, "value", _fmt(row["value"]), vid, _tooltip(row)))
    for _, ref in references.iterrows():
        key = (str(ref["doc_id"]), int(ref["start"]), int(ref["end"]), "reference")
        if key not in seen:
            seen.add(key)
            tip = f"reference: {ref['canonical']}" + (f" ({ref['issue_date']})" if ref["issue_date"] else "")
            per_doc[key[0]].append((key[1], key[2], "reference", ref["canonical"], "", tip))
    for _, sp in spans.iterrows():
        key = (str(sp["doc_id"]), int(sp["start"]), int(sp["end"]), str(sp["label"]))
        if key not in seen:
            seen.add(key)
            per_doc[key[0]].append((key[1], key[2], key[3], str(sp["detail"]), "", ""))

    labels_present = sorted({s[2] for items in per_doc.values() for s in items}, key=lambda x: (_rank(x), x))
    legend = "".join(f'<span class="hl l-{_css(lbl)} legend">{_esc(lbl)}</span> ' for lbl in labels_present)

    # the table
    body = []
    for vid, (_, row) in zip(row_ids, targets.iterrows(), strict=True):
        data = {"doc": row["doc_id"], "place": row["place"], "status": row["status"], "level": row["level"],
                "year": _fmt(row["year"]), "code": row["indicator_code"]}
        attrs = " ".join(f'data-{k}="{_esc(v)}"' for k, v in data.items())
        cells = [row["doc_id"], row["surface"], row["comparator"], row["status"], row["measure"], _fmt(row["year"]),
                 row["level"], row["place"], row["indicator"], row["indicator_code"], row["decision"]]
        body.append(f'<tr data-href="{vid}" {attrs} tabindex="0">' + "".join(f"<td>{_esc(c)}</td>" for c in cells) + "</tr>")
    filters = []
    for col, name in (("doc", "doc_id"), ("place", "place"), ("status", "status"), ("level", "level"),
                      ("year", "year"), ("code", "indicator_code")):
        values = sorted({_fmt(v) for v in targets[name].tolist()}) if not targets.empty else []
        filters.append(f'<label>{_esc(name)} <select data-col="{col}">{_options(values)}</select></label>')

    # the documents
    docs_html = []
    status_by_doc = dict(zip(documents["doc_id"], documents["status"], strict=False))
    errors = dict(zip(documents["doc_id"], documents["error"], strict=False))
    paths = dict(zip(documents["doc_id"], documents["path"], strict=False))
    published = {  # outlet · date · url, as far as the metadata tells
        row["doc_id"]: "".join(f" · {_esc(row.get(k))}" for k in ("outlet", "date", "url") if row.get(k))
        for row in documents.to_dict("records")
    }
    for d in doc_ids:
        i = doc_index[d]
        n = int((targets["doc_id"] == d).sum())
        head = (f'<h3>{_esc(d)} <small>{_esc(paths.get(d, ""))} · {n} target(s){published.get(d, "")}</small></h3>')
        if status_by_doc.get(d) == "error":
            docs_html.append(f'<section class="doc" id="doc-{i}">{head}<p class="error">could not be read: '
                             f'{_esc(errors.get(d, ""))}</p></section>')
            continue
        text = texts.get(d)
        content = render_text(text, per_doc.get(d, [])) if text is not None else "<em>text not available</em>"
        docs_html.append(f'<section class="doc" id="doc-{i}">{head}<div class="text">{content}</div></section>')

    n_ok = int((documents["status"] == "ok").sum()) if not documents.empty else len(texts)
    warn = (f'<p class="error">{mismatches} row(s) whose offsets do not point at their surface.</p>'
            if mismatches else "")
    headers = ["doc", "value", "cmp", "status", "measure", "year", "level", "place", "indicator", "code", "decision"]
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{_esc(title)}</title>
<style>{CSS}</style>
</head><body>
<header><h1>{_esc(title)}</h1>
<p>{len(doc_ids)} document(s), {n_ok} read · {len(targets)} target row(s) · {len(references)} reference(s).
Click a table row to jump to its value in the text; click a value to find its row.</p>{warn}
<p class="legend-line">{legend}</p></header>
<main>
<section id="chart-section"><h2>Targets by year per place</h2>{targets_by_year_svg(targets)}</section>
<section id="table-section"><h2>Targets</h2>
<div class="filters"><input id="q" type="search" placeholder="filter: any word…" aria-label="filter">
{"".join(filters)} <button id="reset" type="button">reset</button> <span><strong id="shown">{len(targets)}</strong> of {len(targets)} shown</span></div>
<div class="table-wrap"><table id="targets"><thead><tr>{"".join(f"<th>{h}</th>" for h in headers)}</tr></thead>
<tbody>{"".join(body)}</tbody></table></div></section>
<section id="docs-section"><h2>Documents</h2>{"".join(docs_html)}</section>
</main>
<script>{JS}</script>
</body></html>
"""


def write_report(data_dir: Path, out: Path) -> Path:
    """Read the tables of ``DIR`` and write the report to ``out``."""
    data_dir, out = Path(data_dir), Path(out)
    page = build_report(load_table(data_dir, "targets"), load_table(data_dir, "references"),
                        load_table(data_dir, "documents"), load_spans(data_dir), load_texts(data_dir),
                        title=f"chitieu report: {data_dir.resolve().name}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
