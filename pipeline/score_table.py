"""The score table and the misses list: what ``chitieu eval`` and ``make eval`` print.

:class:`Report` takes the :class:`chitieu.pipeline.score.Score` of one set of documents and gives
its machine-readable row (``chitieu eval --json``); :func:`format_table` turns such rows into one
Markdown table with its legend; :func:`format_misses` lists the misses by document, each with its
sentence.

    >>> m = Miss("MISSED", "target", "tin1", 13, 16, "80%", "gold value=80", "Năm 2025 đạt 80%.")
    >>> print(format_misses([m]))
    ## tin1
    MISSED       13-16 '80%': gold value=80
                 « Năm 2025 đạt 80%. »
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from chitieu.pipeline.score import REPORTED_FIELDS, Miss, Score

#: Short column names of the score table, and what they stand for (the table's legend).
ABBREVIATIONS = {
    "value": "val", "comparator": "cmp", "status": "st", "measure": "meas", "year": "yr", "period": "per",
    "as_of": "asof", "estimate": "est", "level": "lvl", "place": "pl", "place_kind": "pk", "indicator": "ind",
    "decision": "dec",
}


@dataclass
class Report:
    """The scores of one set of documents (a row of the score table)."""

    targets: Score
    references: Score | None = None
    label: str = ""
    documents: int = 0
    failed: tuple[str, ...] = ()  # documents of the input that could not be processed

    def as_dict(self) -> dict:
        """The machine-readable row (``chitieu eval --json``)."""
        def counts(s: Score) -> dict:
            return {"predicted": s.predicted, "gold": s.gold, "matched": s.matched, "correct": s.correct,
                    "precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4)}

        t = self.targets
        fields = {n: None if t.accuracy(n) is None else round(t.accuracy(n), 4) for n in REPORTED_FIELDS}
        return {"label": self.label, "documents": self.documents, "targets": counts(t), "fields": fields,
                "references": None if self.references is None else counts(self.references)}



def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}"


def format_table(rows: Sequence[dict]) -> str:
    """The score table (Markdown) of report rows (:meth:`Report.as_dict`), with its legend.

        >>> s = Score(predicted=4, gold=2, matched=2, correct=2, field_right={"value": 2}, field_judged={"value": 2})
        >>> print(format_table([Report(s, label="tin").as_dict()]).splitlines()[2])
        | tin | 0 | 2 | 4 | 2 | 50 | 100 | 67 | 100 | – | – | – | – | – | – | – | – | – | – | – | – | – | – | – |
    """
    fields = [ABBREVIATIONS[n] for n in REPORTED_FIELDS]
    head = ["set", "docs", "gold", "pred", "match", "P", "R", "F1", *fields, "rP", "rR", "rF1"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" if i == 0 else "--:" for i in range(len(head))) + "|"]
    for row in rows:
        t, r = row["targets"], row.get("references")
        cells = [row["label"], str(row["documents"]), str(t["gold"]), str(t["predicted"]), str(t["matched"]),
                 _pct(t["precision"]), _pct(t["recall"]), _pct(t["f1"])]
        cells += [_pct(row["fields"].get(n)) for n in REPORTED_FIELDS]
        cells += [_pct(r["precision"]), _pct(r["recall"]), _pct(r["f1"])] if r else ["–"] * 3
        lines.append("| " + " | ".join(cells) + " |")
    legend = ("Scores in %. docs: documents scored; gold/pred: gold and predicted percent rows; match: pairs "
              "of overlapping spans. P/R/F1: tuple precision, recall, F1 (a row is correct when value, status, "
              "year, level, place and indicator are right). Field accuracy over matched rows: "
              + ", ".join(f"{ABBREVIATIONS[n]} {n}" for n in REPORTED_FIELDS)
              + "; – the gold has no such column. rP/rR/rF1: references (canonical, doc_type and issue_date).")
    return "\n".join(lines) + "\n\n" + legend


def format_misses(misses: Iterable[Miss]) -> str:
    """The misses, document by document in text order, each with its sentence."""
    lines: list[str] = []
    current = None
    for m in sorted(misses, key=lambda m: (m.doc_id, m.start, m.end, m.table, m.kind)):
        if m.doc_id != current:
            current = m.doc_id
            lines.append(f"\n## {m.doc_id}")
        what = m.kind if m.table == "target" else f"REF {m.kind}"
        lines.append(f"{what:<12} {m.start}-{m.end} {m.surface!r}: {m.detail}")
        if m.sentence:
            lines.append(f"             « {m.sentence} »")
    return "\n".join(lines).lstrip("\n")

