"""chitieu as a spaCy pipeline component (the ``spacy`` extra: ``pip install "chitieu[spacy]"``).

``nlp.add_pipe("chitieu")`` (registered through the ``spacy_factories`` entry point, no import needed)
runs the whole chitieu pipeline on ``doc.text`` and puts its rows in ``doc.spans["chitieu"]``: one span
per target, labelled with its status (``target``, ``actual``, ``other``), and one per legal-document
reference (``reference``). Each span's ``span._.chitieu`` is its row, as a dict with the columns of
``targets.csv`` or ``references.csv``. The offsets are chitieu's; a span covers the tokens they touch
(``alignment_mode="expand"``), so any tokenizer works. ``displacy.render(doc, style="span",
options={"spans_key": "chitieu"})`` draws them. Metadata (url, date, outlet, title) can be given per doc in
``doc._.chitieu_meta`` (before the component runs).

No model is downloaded: a blank pipeline is enough. ``spacy.blank("vi")`` needs the ``pyvi`` package
for its word segmentation; without it, ask the Vietnamese tokenizer to split on spaces
(``use_pyvi: False``), or use ``spacy.blank("xx")``::

    import spacy
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("chitieu")
    doc = nlp("Phấn đấu đến năm 2025, 80% hồ sơ được xử lý trực tuyến.")
    [(s.text, s.label_, s._.chitieu["year"]) for s in doc.spans["chitieu"]]   # [('80%', 'target', 2025)]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

SPANS_KEY = "chitieu"

if not Span.has_extension("chitieu"):
    Span.set_extension("chitieu", default=None)
if not Doc.has_extension("chitieu_meta"):
    Doc.set_extension("chitieu_meta", default=None)


class ChitieuComponent:
    """Targets and references of a ``Doc`` in ``doc.spans[spans_key]``, rows in ``span._.chitieu``."""

    def __init__(self, spans_key: str = SPANS_KEY, references: bool = True) -> None:
        self.spans_key = spans_key
        self.references = references

    def __call__(self, doc: Doc) -> Doc:
        from chitieu.models import Document
        from chitieu.pipeline.metadata import normalize_meta
        from chitieu.pipeline.run import process_document
        from chitieu.pipeline.write import reference_rows, target_rows

        document = Document(doc_id=str(doc.user_data.get("doc_id", "doc")), text=doc.text)
        document.meta, document.warnings = normalize_meta(doc._.chitieu_meta or {})
        result = process_document(document)
        spans = []
        for row in target_rows([result]):
            spans.append(self._span(doc, row, row["status"]))
        if self.references:
            for row in reference_rows([result]):
                spans.append(self._span(doc, row, "reference"))
        doc.spans[self.spans_key] = [s for s in spans if s is not None]
        return doc

    @staticmethod
    def _span(doc: Doc, row: dict, label: str) -> Span | None:
        span = doc.char_span(row["start"], row["end"], label=label, alignment_mode="expand")
        if span is not None:
            span._.chitieu = row
        return span


@Language.factory("chitieu", default_config={"spans_key": SPANS_KEY, "references": True})
def make_chitieu(nlp: Language, name: str, spans_key: str, references: bool) -> ChitieuComponent:
    """The factory behind ``nlp.add_pipe("chitieu", config={"spans_key": …, "references": …})``."""
    return ChitieuComponent(spans_key, references)
