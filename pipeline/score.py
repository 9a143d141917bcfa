"""Scoring of predicted rows against gold rows, with exactly the rules of the annotation guide.

It takes the predicted and gold tables (``targets.csv``/``references.csv`` as data frames) and gives
a :class:`Score`: counts, field accuracies and the list of misses.

A predicted row is matched to a gold row of the same document when their spans overlap
(greedy, one-to-one, largest overlap first). Only predicted rows with unit ``percent`` are
scored. A matched row is *correct* when value, status, year, level, place and indicator (every
gold keyword present, case-insensitive) are all right. Tuple precision = correct / predicted,
recall = correct / gold. Field accuracies are over matched rows; a field whose column the gold
file lacks (older gold tables) is not judged at all. A reference is correct when it overlaps a
gold reference and its canonical symbol, doc_type and issue_date are all equal.

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

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

TUPLE_FIELDS = ("value", "status", "year", "level", "place", "indicator")
REPORTED_FIELDS = ("value", "comparator", "status", "measure", "year", "period", "as_of", "estimate", "level",
                   "place", "place_kind", "indicator", "decision")
REFERENCE_FIELDS = ("canonical", "doc_type", "issue_date")


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
    for doc_id, p, g, matches in _matched_documents(p_docs, g_docs, score):
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


def _matched_documents(p_docs: dict, g_docs: dict, score: Score):
    """Per document: its predicted and gold rows and their span matches (counted into ``score``)."""
    empty = pd.DataFrame(columns=["start", "end"])
    for doc_id in sorted(set(p_docs) | set(g_docs)):
        p, g = p_docs.get(doc_id, empty), g_docs.get(doc_id, empty)
        score.predicted += len(p)
        score.gold += len(g)
        matches = match_spans(p, g)
        score.matched += len(matches)
        yield doc_id, p, g, matches


def score_references(pred: pd.DataFrame, gold: pd.DataFrame, docs: set[str] | None = None,
                     texts: dict[str, str] | None = None) -> Score:
    """Reference scores: correct = overlapping a gold reference with equal canonical, doc_type, issue_date."""
    judged = [n for n in REFERENCE_FIELDS if n in gold.columns]
    p_docs, g_docs = _by_doc(pred, docs), _by_doc(gold, docs)
    score = Score(field_right=dict.fromkeys(judged, 0), field_judged=dict.fromkeys(judged, 0))
    for doc_id, p, g, matches in _matched_documents(p_docs, g_docs, score):
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
