"""The review report: every extraction in its text, as a page that opens fast at 10,000 documents.

``report.html`` is small: the page, its CSS and its script. Beside it, ``report_files/``:

- ``data.js``: the table (one row per target, columnar, repeated strings stored once) and the list
  of documents, loaded by ``<script src>`` so the page works from ``file://`` (no fetch);
- ``docs/NNNN.js``: the texts and their highlights, a few hundred kilobytes per file, loaded only
  when a document or a row's sentence is opened.

The table is paged and filtered in memory (place, year, status, level, words of the indicator);
a document view is drawn on demand (``#doc/<n>/<start>-<end>``, so it can be bookmarked).
``single_file=True`` puts the same data inside the one page instead (for a handful of documents,
to send as one attachment).

Corpus text never becomes markup: the data files are JSON with ``<`` written ``\\u003c``, and the
script writes every piece of text with ``textContent``::

    >>> _json({"t": "</script><img src=x onerror=alert(1)>"})
    '{"t":"\\\\u003c/script>\\\\u003cimg src=x onerror=alert(1)>"}'
"""

from __future__ import annotations

import html
import json
import math
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from chitieu.tools.report_assets import CSS, JS
from chitieu.tools.tables import load_spans, load_table, load_texts, with_codes

SHARD_CHARS = 250_000  # text per docs/NNNN.js file: one opened document loads about this much

# Columns of the table in data.js; "enum" ones hold an index into their list of distinct values.
ROW_COLUMNS = ("doc", "start", "end", "surface", "value", "value_high", "comparator", "status", "measure",
               "year", "level", "place", "indicator", "indicator_code", "decision", "period", "as_of",
               "estimate", "place_kind", "place_source", "sentence_start", "sentence_end")
ENUM_COLUMNS = frozenset({"comparator", "status", "measure", "level", "place", "indicator_code", "decision",
                          "period", "place_kind", "place_source"})
DOC_COLUMNS = ("doc_id", "title", "date", "outlet", "url", "path", "status", "error", "chars", "targets", "shard")


def _json(value: object) -> str:
    """Compact JSON that is safe inside ``<script>`` and any JavaScript file (no ``</script>``)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _plain(value: object) -> object:
    """A cell as JSON: NA → None, whole floats stay floats, numpy scalars → Python."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return value


class _Enum:
    """Distinct strings of one column, in order of first use; the rows keep indexes."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self.index: dict[str, int] = {}

    def __call__(self, value: object) -> int:
        key = "" if value is None else str(value)
        if key not in self.index:
            self.index[key] = len(self.values)
            self.values.append(key)
        return self.index[key]


def _reference_detail(ref: dict) -> str:
    bits = [ref.get("canonical"), ref.get("doc_type"), ref.get("issuer"), ref.get("issue_date")]
    return " · ".join(str(b) for b in bits if b and b is not pd.NA)


def report_data(targets: pd.DataFrame, references: pd.DataFrame, documents: pd.DataFrame,
                spans: pd.DataFrame, texts: dict[str, str], title: str = "chitieu report"
                ) -> tuple[dict, list[list]]:
    """The index data (``data.js``) and the shards (``docs/NNNN.js``) from the tables (pure).

    Index: ``{"title", "rows": {column: [...]}, "enums": {column: [...]}, "docs": {column: [...]},
    "labels": [...], "mismatches": n}``; a row's ``doc`` is the document's position in ``docs``.
    Shard: ``[[doc position, text, [[start, end, label index, detail], ...]], ...]``, the spans that
    are not values (values are rows of the table).
    """
    targets = with_codes(targets)
    doc_ids = list(dict.fromkeys([*documents["doc_id"].tolist(), *texts.keys(), *targets["doc_id"].tolist()]))
    position = {d: i for i, d in enumerate(doc_ids)}
    meta = {str(r["doc_id"]): r for r in documents.to_dict("records")}

    enums = {c: _Enum() for c in ENUM_COLUMNS}
    rows: dict[str, list] = {c: [] for c in ROW_COLUMNS}
    values_at: set[tuple[str, int, int]] = set()
    mismatches = 0
    for rec in targets.to_dict("records"):
        d = str(rec["doc_id"])
        start, end = int(rec["start"]), int(rec["end"])
        values_at.add((d, start, end))
        if texts.get(d, "")[start:end] != rec["surface"]:
            mismatches += 1
        for col in ROW_COLUMNS:
            if col == "doc":
                rows[col].append(position[d])
            elif col in ENUM_COLUMNS:
                rows[col].append(enums[col](_plain(rec.get(col))))
            else:
                rows[col].append(_plain(rec.get(col)))

    labels = _Enum()
    for lbl in ("value", "year", "level", "place", "reference"):
        labels(lbl)
    per_doc: dict[str, dict[tuple[int, int, int], str]] = {}
    for rec in references.to_dict("records"):
        key = (int(rec["start"]), int(rec["end"]), labels("reference"))
        per_doc.setdefault(str(rec["doc_id"]), {})[key] = _reference_detail(rec)
    for d, start, end, label, detail in spans[["doc_id", "start", "end", "label", "detail"]].itertuples(index=False):
        d, start, end = str(d), int(start), int(end)
        if label == "value" and (d, start, end) in values_at:
            continue  # drawn from its row, with all its fields
        per_doc.setdefault(d, {}).setdefault((start, end, labels(str(label))), str(detail))

    docs: dict[str, list] = {c: [] for c in DOC_COLUMNS}
    counts = targets["doc_id"].value_counts().to_dict() if not targets.empty else {}
    shards: list[list] = [[]]
    size = 0
    for d in doc_ids:
        m = meta.get(d, {})
        text = texts.get(d)
        if text is not None:
            if size and size + len(text) > SHARD_CHARS:
                shards.append([])
                size = 0
            size += len(text)
            items = sorted(per_doc.get(d, {}).items())
            shards[-1].append([position[d], text, [[s, e, lbl, det] for (s, e, lbl), det in items]])
        for col in DOC_COLUMNS:
            if col == "doc_id":
                docs[col].append(d)
            elif col == "targets":
                docs[col].append(int(counts.get(d, 0)))
            elif col == "shard":
                docs[col].append(len(shards) - 1 if text is not None else None)
            elif col == "chars":
                docs[col].append(len(text) if text is not None else _plain(m.get("chars")))
            else:
                docs[col].append(_plain(m.get(col)) or "")
    if not shards[-1]:
        shards.pop()
    index = {"title": title, "rows": rows, "enums": {c: e.values for c, e in enums.items()},
             "docs": docs, "labels": labels.values, "mismatches": mismatches,
             "references": len(references)}
    return index, shards


def build_page(title: str, files: str | None, index: dict | None = None, shards: list[list] | None = None) -> str:
    """The HTML page: data from ``<files>/data.js`` and ``<files>/docs/NNNN.js``, or (``files`` None)
    from ``index`` and ``shards`` written into the page as JSON."""
    if files is None:
        inline = [f'<script type="application/json" id="chitieu-data">{_json(index)}</script>']
        inline += [f'<script type="application/json" data-shard="{n}">{_json(s)}</script>'
                   for n, s in enumerate(shards or [])]
        data = "\n".join(inline)
        base = ""
    else:
        base = quote(files) + "/"
        data = (f'<script src="{html.escape(base)}data.js" charset="utf-8" onerror="chitieuMissing(this)">'
                '</script>')
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{html.escape(title)}</title>
<style>{CSS}</style>
</head><body data-base="{html.escape(base)}">
<header><h1>{html.escape(title)}</h1><p id="summary">Loading…</p>
<nav><a href="#" id="tab-targets">Targets</a> <a href="#docs" id="tab-docs">Documents</a></nav></header>
<main id="targets-view">
<form class="filters" id="filters" autocomplete="off" onsubmit="return false">
<label class="grow">indicator, place, document <input id="q" type="search" placeholder="e.g. hồ sơ trực tuyến"></label>
<label>place <select id="f-place"></select></label>
<label>year <select id="f-year"></select></label>
<label>status <select id="f-status"></select></label>
<label>level <select id="f-level"></select></label>
<button id="reset" type="reset">reset</button>
</form>
<div class="layout">
<section id="table-section"><p class="count"><span><strong id="shown">0</strong> of <span id="total">0</span> targets</span>
<span class="pager"><button id="prev" type="button" aria-label="previous page">‹</button>
<span id="page">1</span> <button id="next" type="button" aria-label="next page">›</button></span></p>
<table id="targets"><thead><tr><th>value</th><th>status</th><th>year</th><th>level</th><th>place</th>
<th>indicator</th><th>document</th></tr></thead><tbody></tbody></table>
<p class="hint">Tap a row for all its fields and its sentence.</p></section>
<details id="chart-box"><summary>Rows by year (tap a year to filter)</summary><div id="chart"></div>
<p class="keys"><span class="k target"></span>target <span class="k actual"></span>actual <span class="k other"></span>other</p></details>
</div>
</main>
<main id="docs-view" hidden>
<form class="filters" onsubmit="return false"><label class="grow">document id, title, outlet
<input id="dq" type="search"></label></form>
<p class="count"><span><strong id="dshown">0</strong> documents</span> <span class="pager"><button id="dprev" type="button"
aria-label="previous page">‹</button> <span id="dpage">1</span> <button id="dnext" type="button"
aria-label="next page">›</button></span></p>
<ul id="doclist"></ul>
</main>
<main id="doc-view" hidden><p><a href="#" id="back">← targets</a> · <a href="#" id="doc-prev">‹ previous</a>
· <a href="#" id="doc-next">next ›</a></p><article id="doc"></article></main>
<aside id="panel" hidden><button id="panel-close" type="button" aria-label="close">×</button><div id="panel-body"></div></aside>
<script>{JS}</script>
{data}
</body></html>
"""


def _shard_name(n: int) -> str:
    return f"{n:04d}.js"


def write_report(data_dir: Path, out: Path, single_file: bool = False) -> Path:
    """Read the tables of ``DIR`` and write the report to ``out`` (and its data to ``<out stem>_files/``)."""
    data_dir, out = Path(data_dir), Path(out)
    title = f"chitieu report: {data_dir.resolve().name}"
    index, shards = report_data(load_table(data_dir, "targets"), load_table(data_dir, "references"),
                                load_table(data_dir, "documents"), load_spans(data_dir), load_texts(data_dir),
                                title=title)
    out.parent.mkdir(parents=True, exist_ok=True)
    files = out.parent / f"{out.stem}_files"
    for old in [files / "data.js", *(files / "docs").glob("[0-9]*.js")]:  # an earlier report's shards
        old.unlink(missing_ok=True)  # would otherwise outlive it and mislabel documents
    if single_file:
        out.write_text(build_page(title, None, index, shards), encoding="utf-8")
        return out
    (files / "docs").mkdir(parents=True, exist_ok=True)
    (files / "data.js").write_text(f"chitieuData({_json(index)});\n", encoding="utf-8")
    for n, shard in enumerate(shards):
        (files / "docs" / _shard_name(n)).write_text(f"chitieuShard({n},{_json(shard)});\n", encoding="utf-8")
    out.write_text(build_page(title, files.name), encoding="utf-8")
    return out
