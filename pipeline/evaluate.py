"""Evaluation against gold tables, with exactly the matching rules of the annotation guide.

A predicted row is matched to a gold row of the same document when their spans overlap
(greedy, one-to-one, largest overlap first). Only predicted rows with unit ``percent`` are
scored. A matched row is *correct* when value, status, year, level, place and indicator (every
gold keyword present, case-insensitive) are all right. Tuple precision = correct / predicted,
recall = correct / gold. Field accuracies are over matched rows. A reference is correct when
it overlaps a gold reference and its canonical symbol, doc_type and issue_date are all equal.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

TUPLE_FIELDS = ("value", "status", "year", "level", "place", "indicator")
REPORTED_FIELDS = ("value", "comparator", "status", "measure", "year", "level", "place", "indicator", "decision")
REFERENCE_FIELDS = ("canonical", "doc_type", "issue_date")


@dataclass
class Score:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    correct: int = 0
    field_right: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        return self.field_right.get(name, 0) / self.matched if self.matched else 0.0


@dataclass
class Report:
    targets: Score
    references: Score | None = None


def _norm(value: object) -> str:
    """Comparable form of a cell: empty for NaN/None, NFC, integral floats without '.0'."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value)).strip()
    return text[:-2] if text.endswith(".0") and text[:-2].lstrip("-").isdigit() else text


def _same_value(a: object, b: object) -> bool:
    try:
        return abs(float(a) - float(b)) < 1e-6
    except (TypeError, ValueError):
        return _norm(a) == _norm(b)


def _keywords_ok(indicator: object, keywords: object) -> bool:
    text = _norm(indicator).casefold()
    words = [k.strip().casefold() for k in _norm(keywords).split("|") if k.strip()]
    return bool(text) and all(unicodedata.normalize("NFC", k) in text for k in words)


def field_ok(name: str, pred: pd.Series, gold: pd.Series) -> bool:
    """Whether one field of a matched pair is right."""
    if name == "value":
        return _same_value(pred["value"], gold["value"])
    if name == "indicator":
        keywords = gold.get("keywords", "")
        return _keywords_ok(pred.get("indicator"), keywords if _norm(keywords) else gold.get("indicator"))
    return _norm(pred.get(name)) == _norm(gold.get(name))


def match_spans(pred: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of overlapping spans, largest overlap first (row positions)."""
    pairs = []
    for i, p in enumerate(pred.itertuples(index=False)):
        for j, g in enumerate(gold.itertuples(index=False)):
            overlap = min(int(p.end), int(g.end)) - max(int(p.start), int(g.start))
            if overlap > 0:
                pairs.append((overlap, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    matches = []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matches.append((i, j))
    return matches


def score_targets(pred: pd.DataFrame, gold: pd.DataFrame) -> Score:
    pred = pred[pred["unit"].astype(str) == "percent"] if "unit" in pred else pred
    score = Score(predicted=len(pred), gold=len(gold), field_right={f: 0 for f in REPORTED_FIELDS})
    for doc_id in sorted(set(gold["doc_id"]) | set(pred["doc_id"])):
        p = pred[pred["doc_id"] == doc_id].reset_index(drop=True)
        g = gold[gold["doc_id"] == doc_id].reset_index(drop=True)
        matches = match_spans(p, g)
        score.matched += len(matches)
        for i, j in matches:
            pr, gr = p.iloc[i], g.iloc[j]
            wrong = []
            for name in REPORTED_FIELDS:
                if name not in gr.index and name != "indicator":
                    continue
                if field_ok(name, pr, gr):
                    score.field_right[name] += 1
                else:
                    wrong.append(name)
            if not any(f in wrong for f in TUPLE_FIELDS):
                score.correct += 1
            if wrong:
                diffs = "; ".join(f"{n}: {_norm(pr.get(n))!r} ≠ gold {_norm(gr.get(n))!r}" for n in wrong)
                if "indicator" in wrong:
                    diffs += f" (keywords {_norm(gr.get('keywords'))!r})"
                score.errors.append(f"WRONG   {doc_id} {gr['start']}-{gr['end']} {gr['surface']!r}: {diffs}")
        _report_unmatched(score, doc_id, p, g, matches)
    return score


def _report_unmatched(score: Score, doc_id: str, p: pd.DataFrame, g: pd.DataFrame, matches) -> None:
    """A line per gold row nothing matched (MISSED) and per predicted row that matched nothing (SPURIOUS)."""
    matched_p = {i for i, _ in matches}
    matched_g = {j for _, j in matches}
    for label, frame, matched in (("MISSED  ", g, matched_g), ("SPURIOUS", p, matched_p)):
        for k in range(len(frame)):
            if k not in matched:
                row = frame.iloc[k]
                score.errors.append(f"{label} {doc_id} {row['start']}-{row['end']} {row['surface']!r}")


def score_references(pred: pd.DataFrame, gold: pd.DataFrame) -> Score:
    score = Score(predicted=len(pred), gold=len(gold), field_right={f: 0 for f in REFERENCE_FIELDS})
    for doc_id in sorted(set(gold["doc_id"]) | set(pred["doc_id"])):
        p = pred[pred["doc_id"] == doc_id].reset_index(drop=True)
        g = gold[gold["doc_id"] == doc_id].reset_index(drop=True)
        matches = match_spans(p, g)
        score.matched += len(matches)
        for i, j in matches:
            pr, gr = p.iloc[i], g.iloc[j]
            wrong = [f for f in REFERENCE_FIELDS if _norm(pr.get(f)) != _norm(gr.get(f))]
            for f in REFERENCE_FIELDS:
                score.field_right[f] += f not in wrong
            if wrong:
                diffs = "; ".join(f"{n}: {_norm(pr.get(n))!r} ≠ gold {_norm(gr.get(n))!r}" for n in wrong)
                score.errors.append(f"WRONG   {doc_id} {gr['start']}-{gr['end']} {gr['surface']!r}: {diffs}")
            else:
                score.correct += 1
        _report_unmatched(score, doc_id, p, g, matches)
    return score


def _read_gold(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def evaluate_dir(docs_dir: Path, gold_targets: Path, gold_references: Path | None = None) -> Report:
    """Run the pipeline over ``docs_dir`` and score it against the gold tables."""
    from chitieu.pipeline.read import read_documents
    from chitieu.pipeline.run import process_document
    from chitieu.pipeline.write import frames

    results = [process_document(d) for d in read_documents([str(docs_dir)]) if d.status == "ok"]
    tables = frames(results)
    report = Report(targets=score_targets(tables["targets"], _read_gold(gold_targets)))
    if gold_references is not None:
        report.references = score_references(tables["references"], _read_gold(gold_references))
    return report


def format_report(report: Report, errors: bool = True) -> str:
    t = report.targets
    lines = [
        f"targets: {t.predicted} predicted, {t.gold} gold, {t.matched} matched, {t.correct} correct",
        f"tuple precision {t.precision:.3f}  recall {t.recall:.3f}  F1 {t.f1:.3f}",
        "field accuracy (over matched rows): "
        + "  ".join(f"{name} {t.accuracy(name):.3f}" for name in REPORTED_FIELDS),
    ]
    if report.references is not None:
        r = report.references
        lines.append(
            f"references: {r.predicted} predicted, {r.gold} gold, {r.correct} correct — "
            f"precision {r.precision:.3f}  recall {r.recall:.3f}  F1 {r.f1:.3f}"
        )
    if errors:
        errs = t.errors + (report.references.errors if report.references else [])
        if errs:
            lines.append("")
            lines.extend(errs)
    return "\n".join(lines)
