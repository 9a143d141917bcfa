"""Evaluation against gold tables, with exactly the scoring rules of the annotation guide.

A predicted row is matched to a gold row of the same document when their spans overlap
(greedy, one-to-one, largest overlap first). Only predicted rows with unit ``percent`` are
scored. A matched row is *correct* when value, status, year, level, place and indicator (every
gold keyword present, case-insensitive) are all right. Tuple precision = correct / predicted,
recall = correct / gold. Field accuracies are over matched rows; a field whose column the gold
file lacks (older gold tables) is not judged at all. A reference is correct when it overlaps a
gold reference and its canonical symbol, doc_type and issue_date are all equal.

The documents are extracted exactly as ``chitieu extract`` does (:func:`extract_tables`), once;
the scores can then be computed for several subsets of them (:func:`selections`: the even- and
odd-numbered halves of a development set) without extracting again.

    >>> g = pd.DataFrame([{"doc_id": "d", "start": "9", "end": "12", "value": "80", "status": "target",
    ...                    "year": "2025", "level": "", "place": "Gia Lai", "keywords": "hồ sơ"}])
    >>> p = pd.DataFrame([{"doc_id": "d", "start": 9, "end": 12, "value": 80.0, "unit": "percent",
    ...                    "status": "target", "year": 2025, "level": "", "place": "Gia Lai",
    ...                    "indicator": "Hồ sơ trực tuyến"}])
    >>> s = score_targets(p, g)
    >>> (s.correct, s.f1, s.accuracy("place"), s.accuracy("period"))
    (1, 1.0, 1.0, None)
"""

from __future__ import annotations

import json
import math
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

TUPLE_FIELDS = ("value", "status", "year", "level", "place", "indicator")
REPORTED_FIELDS = ("value", "comparator", "status", "measure", "year", "period", "as_of", "estimate", "level",
                   "place", "place_kind", "indicator", "decision")
REFERENCE_FIELDS = ("canonical", "doc_type", "issue_date")

#: Short column names of the score table, and what they stand for (the table's legend).
ABBREVIATIONS = {
    "value": "val", "comparator": "cmp", "status": "st", "measure": "meas", "year": "yr", "period": "per",
    "as_of": "asof", "estimate": "est", "level": "lvl", "place": "pl", "place_kind": "pk", "indicator": "ind",
    "decision": "dec",
}
SUBSETS = ("even", "odd")


# ---------------------------------------------------------------------------
# Scores


@dataclass
class Miss:
    """One line of the misses list: a gold row nothing matched, a prediction that matched nothing,
    or a matched row with wrong fields (``detail`` says which, gold against predicted)."""

    kind: str  # "MISSED" | "SPURIOUS" | "WRONG"
    table: str  # "target" | "reference"
    doc_id: str
    start: int
    end: int
    surface: str
    detail: str = ""
    sentence: str = ""


@dataclass
class Score:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    correct: int = 0
    field_right: dict[str, int] = field(default_factory=dict)
    field_judged: dict[str, int] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)

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

    def accuracy(self, name: str) -> float | None:
        """Share of the matched rows whose ``name`` is right; None when no matched row judged it
        (the gold file has no such column, or nothing matched)."""
        judged = self.field_judged.get(name, 0)
        return self.field_right.get(name, 0) / judged if judged else None


@dataclass
class Report:
    """The scores of one set of documents (a row of the score table)."""

    targets: Score
    references: Score | None = None
    label: str = ""
    documents: int = 0

    def as_dict(self) -> dict:
        """The machine-readable row (``chitieu eval --json``)."""
        def counts(s: Score) -> dict:
            return {"predicted": s.predicted, "gold": s.gold, "matched": s.matched, "correct": s.correct,
                    "precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4)}

        t = self.targets
        fields = {n: None if t.accuracy(n) is None else round(t.accuracy(n), 4) for n in REPORTED_FIELDS}
        return {"label": self.label, "documents": self.documents, "targets": counts(t), "fields": fields,
                "references": None if self.references is None else counts(self.references)}


# ---------------------------------------------------------------------------
# Field rules


def _norm(value: object) -> str:
    """Comparable form of a cell: empty for NaN/None, NFC, spaces collapsed, integral floats without '.0'.

        >>> _norm(2025.0), _norm("2025.0"), _norm(None), _norm("  Gia   Lai ")
        ('2025', '2025', '', 'Gia Lai')
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(unicodedata.normalize("NFC", str(value)).split())
    return text[:-2] if text.endswith(".0") and text[:-2].lstrip("-").isdigit() else text


_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}


def _bool(value: object) -> str:
    """``true``/``false`` for the spellings of a boolean (``True``, ``1``, ``false``); else as is."""
    text = _norm(value).lower()
    return "true" if text in _TRUE else "false" if text in _FALSE else text


_DASHES = re.compile(r"\s*[-‐‑‒–—―]\s*")


def _place(value: object) -> str:
    """A place name compared case-insensitively, every dash written ``-``: ``Bà Rịa – Vũng Tàu``
    and ``Bà Rịa - Vũng Tàu`` are one place."""
    return _DASHES.sub(" - ", _norm(value)).casefold()


def _same_value(a: object, b: object) -> bool:
    try:
        return abs(float(a) - float(b)) < 1e-6
    except (TypeError, ValueError):
        return _norm(a) == _norm(b)


def _keywords_ok(indicator: object, keywords: object) -> bool:
    text = _norm(indicator).casefold()
    words = [k.strip().casefold() for k in _norm(keywords).split("|") if k.strip()]
    return bool(text) and all(k in text for k in words)


def gold_has(name: str, gold_columns: Iterable[str]) -> bool:
    """Whether a gold table can judge the field ``name`` (the indicator: by keywords or indicator)."""
    columns = set(gold_columns)
    return bool({"keywords", "indicator"} & columns) if name == "indicator" else name in columns


def field_ok(name: str, pred: pd.Series, gold: pd.Series) -> bool:
    """Whether one field of a matched pair is right.

    The indicator is right when it contains every gold keyword (``|``-separated, case-insensitive),
    or, when the gold row has no keywords, the gold indicator; the value compares as a number,
    the estimate as a boolean (``True`` = ``true``), the place whatever its case and dashes.

        >>> gold = pd.Series({"indicator": "", "keywords": "hộ nghèo|giảm", "estimate": "true", "year": ""})
        >>> field_ok("indicator", pd.Series({"indicator": "Tỷ lệ HỘ NGHÈO giảm"}), gold)
        True
        >>> field_ok("indicator", pd.Series({"indicator": "tỷ lệ hộ nghèo"}), gold)
        False
        >>> field_ok("estimate", pd.Series({"estimate": "True"}), gold), field_ok("year", pd.Series({"year": None}), gold)
        (True, True)
    """
    if name == "value":
        return _same_value(pred.get("value"), gold.get("value"))
    if name == "indicator":
        keywords = gold.get("keywords", "")
        return _keywords_ok(pred.get("indicator"), keywords if _norm(keywords) else gold.get("indicator"))
    if name == "estimate":
        return _bool(pred.get(name)) == _bool(gold.get(name))
    if name == "place":
        return _place(pred.get(name)) == _place(gold.get(name))
    return _norm(pred.get(name)) == _norm(gold.get(name))


def _shown(name: str, row: pd.Series) -> str:
    if name == "estimate":
        return _bool(row.get(name))
    return _norm(row.get(name))


# ---------------------------------------------------------------------------
# Matching and scoring


def match_spans(pred: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of overlapping spans, largest overlap first (row positions).

        >>> spans = lambda *ps: pd.DataFrame([{"start": s, "end": e} for s, e in ps])
        >>> match_spans(spans((0, 10), (0, 3)), spans((0, 3), (2, 10)))
        [(0, 1), (1, 0)]
    """
    if pred.empty or gold.empty:
        return []
    pairs = []
    gold_spans = list(zip(gold["start"].astype(int), gold["end"].astype(int), strict=True))
    for i, (ps, pe) in enumerate(zip(pred["start"].astype(int), pred["end"].astype(int), strict=True)):
        for j, (gs, ge) in enumerate(gold_spans):
            overlap = min(pe, ge) - max(ps, gs)
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


def _by_doc(frame: pd.DataFrame, docs: set[str] | None) -> dict[str, pd.DataFrame]:
    if frame.empty:
        return {}
    frame = frame.assign(doc_id=frame["doc_id"].astype(str))
    if docs is not None:
        frame = frame[frame["doc_id"].isin(docs)]
    return {str(k): g.reset_index(drop=True) for k, g in frame.groupby("doc_id", sort=True)}


def _sentence_of(row: pd.Series, doc_id: str, texts: dict[str, str] | None) -> str:
    if texts and doc_id in texts:
        return sentence_around(texts[doc_id], int(row["start"]), int(row["end"]))
    return _norm(row.get("sentence"))


def _gold_summary(row: pd.Series, names: Sequence[str]) -> str:
    parts = []
    for name in names:
        if name == "indicator":
            shown = _norm(row.get("keywords")) or _norm(row.get("indicator"))
        else:
            shown = _shown(name, row)
        if shown:
            parts.append(f"{name}={shown}")
    return " ".join(parts)


def score_targets(pred: pd.DataFrame, gold: pd.DataFrame, docs: set[str] | None = None,
                  texts: dict[str, str] | None = None) -> Score:
    """Tuple and field scores of the predicted targets against the gold ones.

    ``docs``: score only these documents (None: every document of either table); ``texts``: the
    documents' texts, to quote the sentence of each miss (else the predicted row's ``sentence``).
    """
    if "unit" in pred.columns:
        pred = pred[pred["unit"].astype(str) == "percent"]
    judged = [n for n in REPORTED_FIELDS if gold_has(n, gold.columns)]
    decisive = [n for n in TUPLE_FIELDS if n in judged]
    p_docs, g_docs = _by_doc(pred, docs), _by_doc(gold, docs)
    score = Score(field_right=dict.fromkeys(judged, 0), field_judged=dict.fromkeys(judged, 0))
    empty = pd.DataFrame(columns=["start", "end"])
    for doc_id in sorted(set(p_docs) | set(g_docs)):
        p, g = p_docs.get(doc_id, empty), g_docs.get(doc_id, empty)
        score.predicted += len(p)
        score.gold += len(g)
        matches = match_spans(p, g)
        score.matched += len(matches)
        for i, j in matches:
            pr, gr = p.iloc[i], g.iloc[j]
            wrong = []
            for name in judged:
                score.field_judged[name] += 1
                if field_ok(name, pr, gr):
                    score.field_right[name] += 1
                else:
                    wrong.append(name)
            if not any(n in wrong for n in decisive):
                score.correct += 1
            if wrong:
                details = []
                for name in wrong:
                    if name == "indicator":
                        expected = _norm(gr.get("keywords")) or _norm(gr.get("indicator"))
                        details.append(f"indicator: gold keywords {expected!r} ≠ predicted {_norm(pr.get(name))!r}")
                    else:
                        details.append(f"{name}: gold {_shown(name, gr)!r} ≠ predicted {_shown(name, pr)!r}")
                score.misses.append(Miss("WRONG", "target", doc_id, int(gr["start"]), int(gr["end"]),
                                         _norm(gr.get("surface")), "; ".join(details),
                                         _sentence_of(pr, doc_id, texts)))
        matched_p, matched_g = {i for i, _ in matches}, {j for _, j in matches}
        for j in range(len(g)):
            if j not in matched_g:
                gr = g.iloc[j]
                score.misses.append(Miss("MISSED", "target", doc_id, int(gr["start"]), int(gr["end"]),
                                         _norm(gr.get("surface")), "gold " + _gold_summary(gr, decisive),
                                         _sentence_of(gr, doc_id, texts)))
        for i in range(len(p)):
            if i not in matched_p:
                pr = p.iloc[i]
                summary = " ".join(f"{n}={_shown(n, pr)}" for n in TUPLE_FIELDS if _shown(n, pr))
                score.misses.append(Miss("SPURIOUS", "target", doc_id, int(pr["start"]), int(pr["end"]),
                                         _norm(pr.get("surface")), "predicted " + summary,
                                         _sentence_of(pr, doc_id, texts)))
    return score


def score_references(pred: pd.DataFrame, gold: pd.DataFrame, docs: set[str] | None = None,
                     texts: dict[str, str] | None = None) -> Score:
    """Reference scores: correct = overlapping a gold reference with equal canonical, doc_type, issue_date."""
    judged = [n for n in REFERENCE_FIELDS if n in gold.columns]
    p_docs, g_docs = _by_doc(pred, docs), _by_doc(gold, docs)
    score = Score(field_right=dict.fromkeys(judged, 0), field_judged=dict.fromkeys(judged, 0))
    empty = pd.DataFrame(columns=["start", "end"])
    for doc_id in sorted(set(p_docs) | set(g_docs)):
        p, g = p_docs.get(doc_id, empty), g_docs.get(doc_id, empty)
        score.predicted += len(p)
        score.gold += len(g)
        matches = match_spans(p, g)
        score.matched += len(matches)
        for i, j in matches:
            pr, gr = p.iloc[i], g.iloc[j]
            wrong = [n for n in judged if _norm(pr.get(n)) != _norm(gr.get(n))]
            for n in judged:
                score.field_judged[n] += 1
                score.field_right[n] += n not in wrong
            if wrong:
                detail = "; ".join(f"{n}: gold {_norm(gr.get(n))!r} ≠ predicted {_norm(pr.get(n))!r}" for n in wrong)
                score.misses.append(Miss("WRONG", "reference", doc_id, int(gr["start"]), int(gr["end"]),
                                         _norm(gr.get("surface")), detail, _sentence_of(gr, doc_id, texts)))
            else:
                score.correct += 1
        matched_p, matched_g = {i for i, _ in matches}, {j for _, j in matches}
        for kind, frame, matched in (("MISSED", g, matched_g), ("SPURIOUS", p, matched_p)):
            for k in range(len(frame)):
                if k not in matched:
                    row = frame.iloc[k]
                    detail = ("gold " if kind == "MISSED" else "predicted ") + " ".join(
                        f"{n}={_norm(row.get(n))}" for n in REFERENCE_FIELDS if _norm(row.get(n)))
                    score.misses.append(Miss(kind, "reference", doc_id, int(row["start"]), int(row["end"]),
                                             _norm(row.get("surface")), detail, _sentence_of(row, doc_id, texts)))
    return score


# ---------------------------------------------------------------------------
# Documents: which ones are scored


def doc_number(doc_id: str) -> int | None:
    """The number of a document id (its first run of digits), which says its half of a set.

        >>> doc_number("n03_lamdong_2021"), doc_number("p12_quyhoach"), doc_number("tin_moi")
        (3, 12, None)
    """
    m = re.search(r"\d+", doc_id)
    return int(m.group()) if m else None


def in_subset(doc_id: str, subset: str) -> bool:
    """Whether ``doc_id`` belongs to the ``even`` or ``odd`` half (an id without a number: neither)."""
    if subset not in SUBSETS:
        raise ValueError(f"subset must be even or odd, not {subset!r}")
    n = doc_number(doc_id)
    return n is not None and n % 2 == (0 if subset == "even" else 1)


def read_ids(path: Path) -> set[str]:
    """Document ids of an ids file: one a line; blank lines and ``#`` comments are skipped."""
    ids = set()
    for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            ids.add(line)
    return ids


def selections(doc_ids: Iterable[str], label: str, subset: str | None = None, ids: set[str] | None = None,
               halves: bool = False) -> list[tuple[str, set[str]]]:
    """The sets of documents to score, each with its row label.

        >>> [(label, sorted(docs)) for label, docs in selections(["n01", "n02", "n04"], "news", halves=True)]
        [('news even', ['n02', 'n04']), ('news odd', ['n01']), ('news all', ['n01', 'n02', 'n04'])]
        >>> selections(["n01", "n02"], "news", subset="odd")
        [('news odd', {'n01'})]
    """
    docs = set(doc_ids)
    if halves:
        return [(f"{label} {s}".strip(), {d for d in docs if in_subset(d, s)}) for s in SUBSETS] + [
            (f"{label} all".strip(), docs)]
    if subset:
        return [(f"{label} {subset}".strip(), {d for d in docs if in_subset(d, subset)})]
    if ids is not None:
        return [(label, docs & ids)]
    return [(label, docs)]


# ---------------------------------------------------------------------------
# Extraction (as ``chitieu extract`` does it) and the whole evaluation


@dataclass
class Extraction:
    """The tables ``chitieu extract`` wrote for the evaluated inputs."""

    targets: pd.DataFrame
    references: pd.DataFrame
    documents: pd.DataFrame
    out_dir: Path

    def texts(self, docs: set[str] | None = None) -> dict[str, str]:
        """The decoded texts (from ``texts.jsonl``) of ``docs`` (None: all)."""
        out = {}
        path = self.out_dir / "texts.jsonl"
        if path.is_file():
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    record = json.loads(line)
                    if docs is None or record["doc_id"] in docs:
                        out[record["doc_id"]] = record.get("text", "")
        return out


def read_table(path: Path) -> pd.DataFrame:
    """A gold or output CSV with every cell as text (empty cells empty, never NaN)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def extract_tables(paths: Sequence[str], out_dir: Path, **batch) -> Extraction:
    """Run the batch extraction of ``chitieu extract`` (same reading, same options: ``batch`` goes to
    :func:`chitieu.pipeline.batch.run_batch`) into ``out_dir`` and read its tables back."""
    from chitieu.pipeline.batch import run_batch

    run_batch(list(paths), out_dir, **batch)
    return Extraction(targets=read_table(out_dir / "targets.csv"), references=read_table(out_dir / "references.csv"),
                      documents=read_table(out_dir / "documents.csv"), out_dir=out_dir)


def evaluate(extraction: Extraction, gold_targets: pd.DataFrame, gold_references: pd.DataFrame | None,
             chosen: list[tuple[str, set[str]]], misses: bool = False) -> list[Report]:
    """One report per ``(label, documents)`` of ``chosen``, all from the one extraction."""
    texts = extraction.texts(set().union(*(d for _, d in chosen))) if misses else None
    reports = []
    for label, docs in chosen:
        report = Report(targets=score_targets(extraction.targets, gold_targets, docs, texts), label=label,
                        documents=len(docs))
        if gold_references is not None:
            report.references = score_references(extraction.references, gold_references, docs, texts)
        reports.append(report)
    return reports


def run_eval(paths: Sequence[str], gold_targets: Path, gold_references: Path | None = None, *,
             label: str = "", subset: str | None = None, ids: set[str] | None = None, halves: bool = False,
             out_dir: Path | None = None, misses: bool = False, warn=None, **batch) -> list[Report]:
    """Extract ``paths`` once and score the chosen documents against the gold tables.

    Only documents of the input are scored: gold rows of other documents are left out (with a
    warning), as are documents that failed to read (their gold rows then count as missed).
    """
    warn = warn or (lambda message: print(f"chitieu eval: {message}", file=sys.stderr))
    gold_t = read_table(gold_targets)
    gold_r = read_table(gold_references) if gold_references is not None else None
    with tempfile.TemporaryDirectory(prefix="chitieu-eval-") as tmp:
        extraction = extract_tables(paths, Path(out_dir) if out_dir else Path(tmp), **batch)
        docs = extraction.documents
        failed = docs.loc[docs["status"] != "ok", "doc_id"].tolist() if not docs.empty else []
        if failed:
            warn(f"{len(failed)} document(s) could not be processed and score nothing: {', '.join(failed[:5])}")
        input_ids = set(docs["doc_id"]) if not docs.empty else set()
        outside = sorted(set(gold_t["doc_id"]) - input_ids)
        if outside:
            warn(f"gold rows of {len(outside)} document(s) not in the input are left out: {', '.join(outside[:5])}"
                 + (" …" if len(outside) > 5 else ""))
        if ids is not None and ids - input_ids:
            warn(f"{len(ids - input_ids)} id(s) of the ids file are not in the input")
        chosen = selections(input_ids, label, subset=subset, ids=ids, halves=halves)
        return evaluate(extraction, gold_t, gold_r, chosen, misses=misses)


# ---------------------------------------------------------------------------
# Printing


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


_SENTENCE_END = re.compile(r"[.!?…;]\s+")


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence of ``text`` that holds ``[start, end)``: its line cut at sentence ends (``.``
    ``!`` ``?`` ``;`` before a capital), shortened around the span beyond ``limit`` characters.

        >>> sentence_around("Năm 2023 đạt 95%. Mục tiêu năm 2025 đạt 98%. Câu ba.", 40, 43)
        'Mục tiêu năm 2025 đạt 98%.'
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    s, e = line_start, line_end
    for m in _SENTENCE_END.finditer(text, line_start, line_end):
        after = text[m.end():m.end() + 2].lstrip("\"“(")[:1]
        if not (after.isupper() or after.isdigit() or after == "-"):
            continue
        if m.end() <= start:
            s = m.end()
        elif m.start() >= end:
            e = m.start() + 1
            break
    sentence = text[s:e].strip()
    if len(sentence) > limit:
        offset = text.find(sentence, s)
        lo = max(start - offset - limit // 2, 0)
        sentence = ("…" if lo else "") + sentence[lo:lo + limit] + ("…" if lo + limit < len(sentence) else "")
    return " ".join(sentence.split())


def _main(argv: Sequence[str]) -> int:
    """``python -m chitieu.pipeline.evaluate SCORES.json …``: one table of the rows of several
    ``chitieu eval --json`` outputs (how ``make eval`` prints every set at once)."""
    if not argv:
        print("usage: python -m chitieu.pipeline.evaluate SCORES.json [SCORES.json …]", file=sys.stderr)
        return 1
    rows = []
    for name in argv:
        rows += json.loads(Path(name).read_text(encoding="utf-8"))["rows"]
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
