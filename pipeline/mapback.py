"""Map back stage: every offset of the rows and references into the original decoded text.

The rules read the normalized text; here each target, reference and highlight span is mapped
back once (``text[start:end] == surface`` in the original), and the highlight spans of the years,
levels and places of the sentences that hold values are collected.
"""

from __future__ import annotations

import dataclasses

from chitieu.extractors.levels import find_levels
from chitieu.pipeline.doc import Doc
from chitieu.pipeline.normalize import Normalized

from chitieu.models import Reference, Target


def map_back(doc: Doc) -> None:
    """Targets, references and spans of ``doc`` with offsets into ``doc.original``."""
    norm = doc.norm
    spans = [(tg.start, tg.end, "value", tg.surface) for tg in doc.targets]
    spans += _context_spans(doc, [s.span for s in doc.sentences])
    spans += [(r.start, r.end, "reference", r.canonical) for r in doc.references]
    doc.targets = [_target_to_original(tg, norm) for tg in doc.targets]
    doc.references = [_reference_to_original(r, norm) for r in doc.references]
    doc.spans = sorted(_span_to_original(sp, norm) for sp in spans)


def _target_to_original(tg: Target, norm: Normalized) -> Target:
    text = norm.original
    tg.start, tg.end = norm.to_original(tg.start, tg.end)
    tg.sentence_start, tg.sentence_end = norm.to_original(tg.sentence_start, tg.sentence_end)
    tg.surface = text[tg.start:tg.end]
    tg.sentence = text[tg.sentence_start:tg.sentence_end]
    return tg


def _reference_to_original(r: Reference, norm: Normalized) -> Reference:
    s, e = norm.to_original(r.start, r.end)
    resolved = r.resolved_from
    if resolved is not None:
        resolved = norm.to_original(resolved, resolved + 1)[0]
    surface = norm.original[s:e]
    if (s, e, surface, resolved) == (r.start, r.end, r.surface, r.resolved_from):
        return r  # normalizing changed nothing here (most texts): no copy
    return dataclasses.replace(r, start=s, end=e, surface=surface, resolved_from=resolved)


def _span_to_original(span: tuple[int, int, str, str], norm: Normalized) -> tuple[int, int, str, str]:
    s, e = norm.to_original(span[0], span[1])
    return (s, e, span[2], span[3])


def _context_spans(ctx: Doc, value_sentences: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """Years, levels and places in the sentences that hold values (for highlighting)."""
    out = []
    for s, e in value_sentences:
        out += [(y.start, y.end, "year", str(y.year)) for y in ctx.years_in(s, e)]
        out += [(s + m.start, s + m.end, "level", m.level) for m in find_levels(ctx.text[s:e]) if m.level != "multi"]
        out += [(p.start, p.end, "place", p.place) for p in ctx.places if s <= p.start < e]
    return out
