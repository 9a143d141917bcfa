"""Evaluation: the matching and scoring rules of the annotation guide, and the scores on real texts."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from chitieu.pipeline.cli import app
from chitieu.pipeline.evaluate import (
    Report,
    Score,
    field_ok,
    format_report,
    match_spans,
    score_references,
    score_targets,
)
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"

GOLD_COLUMNS = ["doc_id", "start", "end", "surface", "value", "value_high", "unit", "status", "measure",
                "comparator", "year", "level", "place", "indicator", "keywords", "decision"]


def gold_row(doc_id="d", start=0, end=3, surface="80%", value="80", status="target", year="2025", level="",
             place="Gia Lai", indicator="tỷ lệ hồ sơ trực tuyến", keywords="hồ sơ|trực tuyến", comparator="=",
             measure="level", decision=""):
    return {"doc_id": doc_id, "start": str(start), "end": str(end), "surface": surface, "value": value,
            "value_high": "", "unit": "percent", "status": status, "measure": measure, "comparator": comparator,
            "year": year, "level": level, "place": place, "indicator": indicator, "keywords": keywords,
            "decision": decision}


def pred_row(doc_id="d", start=0, end=3, surface="80%", value=80.0, unit="percent", status="target", year=2025,
             level="", place="Gia Lai", indicator="tỷ lệ hồ sơ trực tuyến", comparator="=", measure="level",
             decision=""):
    return {"doc_id": doc_id, "start": start, "end": end, "surface": surface, "value": value, "value_high": None,
            "unit": unit, "comparator": comparator, "status": status, "measure": measure, "year": year,
            "level": level, "place": place, "indicator": indicator, "decision": decision}


def gold(*rows):
    return pd.DataFrame(list(rows), columns=GOLD_COLUMNS, dtype=str)


def pred(*rows):
    df = pd.DataFrame(list(rows))
    if not rows:
        df = pd.DataFrame(columns=list(pred_row()))
    df["year"] = df["year"].astype("Int64")
    return df


def spans(*pairs):
    return pd.DataFrame([{"start": s, "end": e} for s, e in pairs], columns=["start", "end"])


# --- matching ---------------------------------------------------------------------------------------------

def test_match_largest_overlap_first_one_to_one():
    p = spans((0, 10), (0, 3))
    g = spans((0, 3), (2, 10))
    # p0 overlaps g1 by 8 (more than g0 by 3); p1 then takes g0
    assert sorted(match_spans(p, g)) == [(0, 1), (1, 0)]


def test_match_is_greedy_not_optimal():
    # p0-g0 overlap 5 is taken first; p1 then has nothing left although p1-g0 overlap 4 was possible
    p = spans((0, 5), (1, 5))
    g = spans((0, 6),)
    assert match_spans(p, g) == [(0, 0)]


def test_touching_spans_do_not_match():
    assert match_spans(spans((0, 3)), spans((3, 6))) == []


def test_no_rows():
    assert match_spans(spans(), spans((0, 3))) == []


# --- fields ------------------------------------------------------------------------------------------------

def test_field_ok_normalises_types():
    g = pd.Series(gold_row(value="97.83", year="2025", level=""))
    assert field_ok("value", pd.Series(pred_row(value=97.83)), g)
    assert not field_ok("value", pd.Series(pred_row(value=97.8)), g)
    assert field_ok("year", pd.Series(pred_row(year=2025)), g)
    assert field_ok("year", pd.Series(pred_row(year=2025.0)), g)
    assert not field_ok("year", pd.Series(pred_row(year=2030)), g)
    assert field_ok("level", pd.Series(pred_row(level=None)), g)
    assert not field_ok("level", pd.Series(pred_row(level="xa")), g)
    g_no_year = pd.Series(gold_row(year=""))
    assert field_ok("year", pd.Series(pred_row(year=pd.NA)), g_no_year)
    assert field_ok("year", pd.Series(pred_row(year=float("nan"))), g_no_year)


def test_keywords_are_case_insensitive_and_all_required():
    g = pd.Series(gold_row(keywords="Hồ sơ|MÔI TRƯỜNG MẠNG"))
    assert field_ok("indicator", pd.Series(pred_row(indicator="hồ sơ được xử lý trên môi trường mạng")), g)
    assert field_ok("indicator", pd.Series(pred_row(indicator="HỒ SƠ XỬ LÝ TRÊN Môi Trường Mạng")), g)
    assert not field_ok("indicator", pd.Series(pred_row(indicator="hồ sơ được xử lý trực tuyến")), g)
    assert not field_ok("indicator", pd.Series(pred_row(indicator="")), g)


def test_without_keywords_the_gold_indicator_must_be_contained():
    g = pd.Series(gold_row(indicator="hộ nghèo", keywords=""))
    assert field_ok("indicator", pd.Series(pred_row(indicator="tỷ lệ Hộ Nghèo đa chiều")), g)
    assert not field_ok("indicator", pd.Series(pred_row(indicator="hộ cận nghèo")), g)


# --- tuple scores ------------------------------------------------------------------------------------------

def test_perfect_score():
    s = score_targets(pred(pred_row()), gold(gold_row()))
    assert (s.predicted, s.gold, s.matched, s.correct) == (1, 1, 1, 1)
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert s.errors == []


def test_precision_recall_f1():
    g = gold(gold_row(start=0, end=3), gold_row(start=10, end=13, surface="60%", value="60"),
             gold_row(start=20, end=23, surface="50%", value="50"))
    p = pred(pred_row(start=0, end=3),                                   # correct
             pred_row(start=10, end=13, surface="60%", value=60.0, status="actual"),  # matched, wrong
             pred_row(start=30, end=33, surface="40%", value=40.0),      # spurious
             pred_row(start=40, end=43, surface="30%", value=30.0))      # spurious
    s = score_targets(p, g)
    assert (s.predicted, s.gold, s.matched, s.correct) == (4, 3, 2, 1)
    assert s.precision == pytest.approx(1 / 4)
    assert s.recall == pytest.approx(1 / 3)
    assert s.f1 == pytest.approx(2 * (1 / 4) * (1 / 3) / (1 / 4 + 1 / 3))
    assert s.accuracy("status") == pytest.approx(1 / 2)
    assert s.accuracy("value") == 1.0
    kinds = sorted(e.split()[0] for e in s.errors)
    assert kinds == ["MISSED", "SPURIOUS", "SPURIOUS", "WRONG"]


@pytest.mark.parametrize("name", ["value", "status", "year", "level", "place", "indicator"])
def test_each_tuple_field_decides_correctness(name):
    wrong = {"value": 81.0, "status": "actual", "year": 2030, "level": "xa", "place": "Nghệ An",
             "indicator": "tỷ lệ hộ nghèo"}[name]
    s = score_targets(pred(pred_row(**{name: wrong})), gold(gold_row()))
    assert (s.matched, s.correct) == (1, 0)
    assert s.accuracy(name) == 0.0


@pytest.mark.parametrize(("name", "wrong"), [("comparator", ">="), ("measure", "increase"), ("decision", "1/QĐ-UBND")])
def test_reported_only_fields_do_not_decide_correctness(name, wrong):
    s = score_targets(pred(pred_row(**{name: wrong})), gold(gold_row()))
    assert (s.matched, s.correct) == (1, 1)
    assert s.accuracy(name) == 0.0
    assert s.accuracy("value") == 1.0


def test_only_percent_rows_are_scored():
    p = pred(pred_row(), pred_row(start=10, end=15, surface="1.829", value=1829.0, unit="count"))
    s = score_targets(p, gold(gold_row()))
    assert (s.predicted, s.correct) == (1, 1)
    assert s.precision == 1.0
    assert not any("1.829" in e for e in s.errors)


def test_rows_match_only_within_their_document():
    s = score_targets(pred(pred_row(doc_id="a")), gold(gold_row(doc_id="b")))
    assert (s.predicted, s.gold, s.matched, s.correct) == (1, 1, 0, 0)
    assert s.f1 == 0.0


def test_empty_prediction():
    s = score_targets(pred(), gold(gold_row()))
    assert (s.predicted, s.matched, s.correct) == (0, 0, 0)
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)
    assert s.accuracy("value") == 0.0


# --- references --------------------------------------------------------------------------------------------

def ref(start=0, end=20, canonical="215/QĐ-UBND", doc_type="Quyết định", issue_date="2023-03-10", doc_id="d"):
    return {"doc_id": doc_id, "start": start, "end": end, "surface": "x" * (end - start), "canonical": canonical,
            "doc_type": doc_type, "issue_date": issue_date}


def test_reference_scoring():
    g = pd.DataFrame([ref(), ref(start=40, end=60, canonical="16-NQ/TU", doc_type="Nghị quyết", issue_date="")])
    p = pd.DataFrame([
        ref(start=5, end=25),                                          # overlaps, all equal: correct
        ref(start=40, end=60, canonical="16-NQ/TU", doc_type="Nghị quyết", issue_date="2021-10-19"),  # wrong date
        ref(start=80, end=90),                                         # spurious
    ])
    s = score_references(p, g)
    assert (s.predicted, s.gold, s.matched, s.correct) == (3, 2, 2, 1)
    assert s.accuracy("canonical") == 1.0
    assert s.accuracy("issue_date") == 0.5


def test_reference_empty_date_equals_nan():
    g = pd.DataFrame([ref(issue_date="")])
    p = pd.DataFrame([ref(issue_date=None)])
    assert score_references(p, g).correct == 1


def test_format_report():
    s = Score(predicted=4, gold=2, matched=2, correct=2, field_right={"value": 2}, errors=["MISSED d 0-3 '80%'"])
    text = format_report(Report(targets=s))
    assert "4 predicted, 2 gold, 2 matched, 2 correct" in text
    assert "F1 0.667" in text
    assert "value 1.000" in text
    assert "MISSED d 0-3" in text
    assert "MISSED" not in format_report(Report(targets=s), errors=False)


# --- the pipeline on real texts ----------------------------------------------------------------------------

FIELDS = ("value", "comparator", "status", "measure", "year", "level", "place", "indicator")


def _run_eval(docs: Path, gold_targets: Path, gold_references: Path | None = None) -> dict[str, float]:
    args = ["eval", str(docs), "--gold-targets", str(gold_targets), "--no-errors"]
    if gold_references is not None:
        args += ["--gold-references", str(gold_references)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    out = result.output
    scores = {"f1": float(re.search(r"tuple precision [\d.]+\s+recall [\d.]+\s+F1 ([\d.]+)", out).group(1))}
    for name in FIELDS:
        scores[name] = float(re.search(rf"\b{name} ([\d.]+)", out.split("field accuracy", 1)[1]).group(1))
    scores["predicted"] = int(re.search(r"targets: (\d+) predicted", out).group(1))
    return scores


@pytest.mark.skipif(not (SHARED / "seeds").is_dir() or not (SHARED / "eval").is_dir(),
                    reason="../shared (seed articles and their gold) is not available")
def test_eval_on_the_seeds():
    scores = _run_eval(SHARED / "seeds", SHARED / "eval" / "seeds_targets.csv",
                       SHARED / "eval" / "seeds_references.csv")
    assert scores["predicted"] > 0
    assert scores["f1"] >= 0.90, scores
    for name in FIELDS:
        assert scores[name] >= 0.90, (name, scores)


@pytest.mark.skipif(not (ROOT / "corpus" / "gold" / "targets.csv").is_file(), reason="no sample corpus gold")
def test_eval_on_the_sample_corpus():
    gold_refs = ROOT / "corpus" / "gold" / "references.csv"
    scores = _run_eval(ROOT / "corpus", ROOT / "corpus" / "gold" / "targets.csv",
                       gold_refs if gold_refs.is_file() else None)
    assert scores["predicted"] > 0
    assert scores["f1"] >= 0.85, scores
    for name in FIELDS:
        assert scores[name] >= 0.85, (name, scores)


def test_eval_on_a_missing_folder_is_a_usage_error(tmp_path):
    g = tmp_path / "gold.csv"
    gold(gold_row()).to_csv(g, index=False)
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "nope"), "--gold-targets", str(g)])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output
