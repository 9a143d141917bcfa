"""One text with its targets and references highlighted, for a notebook (``chitieu.render``).

``render(text)`` runs the pipeline on the text (or takes a ``DocResult`` already computed) and
returns a :class:`Rendered`: the spans with their fields, an HTML snippet (shown by Jupyter
through ``_repr_html_``; each highlight shows its fields on hover, or on tap since it takes the
focus; no script, no ``title=``), and the same spans for displaCy::

    >>> r = render("Phấn đấu đến năm 2025, 80% hồ sơ được xử lý trực tuyến.")
    >>> [(s.start, s.end, s.label, r.text[s.start:s.end]) for s in r.spans]
    [(9, 21, 'year', 'đến năm 2025'), (23, 26, 'value', '80%')]
    >>> r.spans[1].fields["status"], r.spans[1].fields["year"]
    ('target', '2025')
    >>> d = r.to_displacy()  # displacy.render(d, style="span", manual=True)
    >>> d["spans"][1]["start_char"], d["spans"][1]["end_char"], d["spans"][1]["label"]
    (23, 26, 'VALUE')

Every piece of the text is escaped: ``<script>`` in a text shows as text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from chitieu.models import DocResult, Document, Reference, Target

LABELS = ("value", "year", "level", "place", "reference")
COLORS = {"value": "#ffd166", "year": "#9be3de", "level": "#b8f2c0", "place": "#d7c4f2", "reference": "#ffb3c1"}
TARGET_FIELDS = ("surface", "value", "value_high", "comparator", "status", "measure", "year", "period", "as_of",
                 "estimate", "level", "place", "indicator", "indicator_code", "decision")
REFERENCE_FIELDS = ("canonical", "doc_type", "issuer", "issue_date")

CSS = """<style>
.chitieu-r { font: 15px/2.3 system-ui, sans-serif; white-space: pre-wrap; }
.chitieu-r .ct { position: relative; border-radius: 3px; padding: 2px 0; cursor: pointer; outline: none; }
.chitieu-r .ct:focus { box-shadow: 0 0 0 2px #e63946; }
.chitieu-r .ct-l { font: 600 9px/1 sans-serif; text-transform: uppercase; color: #444; vertical-align: super;
  background: rgba(255,255,255,.75); border-radius: 2px; padding: 1px 3px; margin-right: 2px; }
.chitieu-r .ct-tip { display: none; position: absolute; left: 0; top: 100%; z-index: 10; min-width: 16em;
  max-width: 28em; white-space: normal; font: 12px/1.4 system-ui, sans-serif; font-weight: normal; color: #222;
  background: #fff; border: 1px solid #bbb; border-radius: 6px; box-shadow: 0 3px 12px rgba(0,0,0,.2); padding: 6px 8px; }
.chitieu-r .ct:hover > .ct-tip, .chitieu-r .ct:focus > .ct-tip { display: block; }
.chitieu-r .ct-tip b { display: inline-block; min-width: 7em; color: #666; font-weight: normal; }
</style>"""


@dataclass(frozen=True, slots=True)
class RenderSpan:
    """One highlight: ``text[start:end]``, what it is, and what it was read as."""

    start: int
    end: int
    label: str  # value, year, level, place, reference
    fields: dict[str, str] = field(default_factory=dict)


def _text(value: object) -> str:
    if value is None or value is False or value == "":
        return ""
    if value is True:
        return "yes"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _target_span(t: Target) -> RenderSpan:
    fields = {name: _text(getattr(t, name, "")) for name in TARGET_FIELDS}
    return RenderSpan(t.start, t.end, "value", {k: v for k, v in fields.items() if v})


def _reference_span(r: Reference) -> RenderSpan:
    fields = {name: _text(getattr(r, name, "")) for name in REFERENCE_FIELDS}
    return RenderSpan(r.start, r.end, "reference", {k: v for k, v in fields.items() if v})


def spans_of(result: DocResult) -> list[RenderSpan]:
    """The highlights of one document: its targets (with all their fields), its references, and
    the years, levels and places the pipeline marked; sorted by position, duplicates dropped."""
    n = len(result.document.text)
    out = [_target_span(t) for t in result.targets] + [_reference_span(r) for r in result.references]
    seen = {(s.start, s.end, s.label) for s in out}
    for start, end, label, detail in result.spans:
        if (start, end, label) not in seen:
            seen.add((start, end, label))
            out.append(RenderSpan(start, end, label, {label: detail} if detail else {}))
    valid = [s for s in out if 0 <= s.start < s.end <= n]
    return sorted(valid, key=lambda s: (s.start, -s.end, _rank(s.label)))


def _rank(label: str) -> int:
    return LABELS.index(label) if label in LABELS else len(LABELS)


def _tip(span: RenderSpan) -> str:
    rows = "".join(f"<br><b>{html.escape(k)}</b>{html.escape(v)}" for k, v in span.fields.items())
    return f"<strong>{html.escape(span.label)}</strong>{rows}"


def to_html(text: str, spans: list[RenderSpan]) -> str:
    """``text`` with ``spans`` highlighted, as an HTML snippet (its own ``<style>``, no script).

    The text is cut at every span boundary; each covered piece is a focusable ``<span class="ct">``
    holding, hidden until hover or focus, the fields of every span covering it.

        >>> html_ = to_html("a <b>60%</b>", [RenderSpan(5, 8, "value", {"status": "target"})])
        >>> "a &lt;b&gt;" in html_ and "&lt;/b&gt;" in html_ and "<b>60" not in html_
        True
    """
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = [CSS, '<div class="chitieu-r">']
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = sorted((s for s in spans if s.start <= a and b <= s.end), key=lambda s: (_rank(s.label), s.end - s.start))
        piece = html.escape(text[a:b])
        if not covering:
            out.append(piece)
            continue
        color = COLORS.get(covering[0].label, "#e3e3e3")
        tags = "".join(f'<span class="ct-l">{html.escape(s.label)}</span>' for s in covering if s.start == a)
        tips = "<hr>".join(_tip(s) for s in covering)
        labels = " ".join(dict.fromkeys(s.label for s in covering))
        out.append(f'<span class="ct" tabindex="0" data-labels="{html.escape(labels)}" style="background:{color}">'
                   f'{tags}{piece}<span class="ct-tip">{tips}</span></span>')
    out.append("</div>")
    return "".join(out)


_TOKEN = re.compile(r"\S+")


def to_displacy(text: str, spans: list[RenderSpan], title: str | None = None) -> dict:
    """The spans as displaCy's manual input for ``style="span"`` (overlaps allowed): ``text``,
    ``tokens`` (the words, cut again at span boundaries) and ``spans`` with ``start_char``,
    ``end_char``, ``start_token``, ``end_token`` and ``label`` (upper case, as displaCy colours)."""
    cuts = {s.start for s in spans} | {s.end for s in spans}
    bounds: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        inner = sorted(c for c in cuts if m.start() < c < m.end())
        edges = [m.start(), *inner, m.end()]
        bounds.extend(zip(edges, edges[1:], strict=False))
    starts = {a: i for i, (a, _) in enumerate(bounds)}
    ends = {b: i + 1 for i, (_, b) in enumerate(bounds)}
    out = []
    for s in spans:
        if s.start in starts and s.end in ends:
            out.append({"start_char": s.start, "end_char": s.end, "start_token": starts[s.start],
                        "end_token": ends[s.end], "label": s.label.upper(), "kb_id": "", "kb_url": "#"})
    return {"text": text, "tokens": [text[a:b] for a, b in bounds], "spans": out, "title": title}


@dataclass
class Rendered:
    """One text and its highlights; Jupyter shows it as HTML."""

    text: str
    spans: list[RenderSpan]
    doc_id: str = ""

    @property
    def html(self) -> str:
        return to_html(self.text, self.spans)

    def _repr_html_(self) -> str:
        return self.html

    def to_displacy(self) -> dict:
        """For ``spacy.displacy.render(r.to_displacy(), style="span", manual=True)``."""
        return to_displacy(self.text, self.spans, self.doc_id or None)

    def __str__(self) -> str:
        return self.html


def render(text_or_doc: str | Document | DocResult, doc_id: str = "text") -> Rendered:
    """Highlight the targets and references of one text (run through the pipeline) or of a
    ``DocResult`` already computed."""
    if isinstance(text_or_doc, DocResult):
        result = text_or_doc
    else:
        from chitieu.pipeline.run import process_document

        document = text_or_doc if isinstance(text_or_doc, Document) else Document(doc_id, text=str(text_or_doc))
        result = process_document(document)
    return Rendered(result.document.text, spans_of(result), result.document.doc_id)
