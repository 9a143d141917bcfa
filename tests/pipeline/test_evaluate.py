"""Evaluation: the matching and scoring rules of the annotation guide, subsets, the misses list, the
``chitieu eval`` command on inputs like ``chitieu extract``'s, and the scores on the shared sets."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from chitieu.pipeline import batch
from chitieu.pipeline.cli import app
from chitieu.pipeline.evaluate import (
    REPORTED_FIELDS,
    Report,
    Score,
    doc_number,
    field_ok,
    format_misses,
    format_table,
    in_subset,
    match_spans,
    read_ids,
    score_references,
    score_targets,
    selections,
    sentence_around,
)
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("CHITIEU_SHARED", ROOT.parent / "shared"))

# the columns of the revised guide's gold tables
GOLD_COLUMNS = ["doc_id", "start", "end", "surface", "value", "value_high", "unit", "status", "measure",
                "comparator", "year", "period", "as_of", "estimate", "level", "place", "place_kind", "indicator",
                "keywords", "decision"]
# an older gold table: no period, as_of, estimate nor place_kind
OLD_GOLD_COLUMNS = [c for c in GOLD_COLUMNS if c not in ("value_high", "period", "as_of", "estimate", "place_kind")]


def gold_row(doc_id="d", start=0, end=3, surface="80%", value="80", status="target", year="2025", level="",
             place="Gia Lai", indicator="tỷ lệ hồ sơ trực tuyến", keywords="hồ sơ|trực tuyến", comparator="=",
             measure="level", decision="", period="", as_of="", estimate="false", place_kind="province"):
    return {"doc_id": doc_id, "start": str(start), "end": str(end), "surface": surface, "value": value,
            "value_high": "", "unit": "percent", "status": status, "measure": measure, "comparator": comparator,
            "year": year, "period": period, "as_of": as_of, "estimate": estimate, "level": level, "place": place,
            "place_kind": place_kind, "indicator": indicator, "keywords": keywords, "decision": decision}


def pred_row(doc_id="d", start=0, end=3, surface="80%", value=80.0, unit="percent", status="target", year=2025,
             level="", place="Gia Lai", indicator="tỷ lệ hồ sơ trực tuyến", comparator="=", measure="level",
             decision="", period="", as_of="", estimate=False, place_kind="province", sentence=""):
    return {"doc_id": doc_id, "start": start, "end": end, "surface": surface, "value": value, "value_high": None,
            "unit": unit, "comparator": comparator, "status": status, "measure": measure, "year": year,
            "level": level, "place": place, "indicator": indicator, "decision": decision, "sentence": sentence,
            "period": period, "as_of": as_of, "estimate": estimate, "place_kind": place_kind}


def gold(*rows, columns=GOLD_COLUMNS):
    return pd.DataFrame([{c: r[c] for c in columns} for r in rows], columns=columns, dtype=str)


def pred(*rows):
    df = pd.DataFrame(list(rows)) if rows else pd.DataFrame(columns=list(pred_row()))
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
    assert match_spans(spans((0, 5), (1, 5)), spans((0, 6),)) == [(0, 0)]


def test_touching_spans_do_not_match():
    assert match_spans(spans((0, 3)), spans((3, 6))) == []


def test_no_rows():
    assert match_spans(spans(), spans((0, 3))) == []


def test_offsets_read_as_text_match_like_numbers():
    assert match_spans(pd.DataFrame({"start": ["10"], "end": ["14"]}), spans((12, 20))) == [(0, 0)]


# --- field rules ------------------------------------------------------------------------------------------

FIELD_CASES = [
    # (field, predicted, gold, right?)
    ("value", 97.83, "97.83", True),
    ("value", "97.83", "97.83", True),
    ("value", 97.8, "97.83", False),
    ("year", 2025, "2025", True),
    ("year", 2025.0, "2025", True),
    ("year", "2025", "2025", True),
    ("year", 2030, "2025", False),
    ("year", pd.NA, "", True),
    ("year", float("nan"), "", True),
    ("year", 2025, "", False),
    ("level", None, "", True),
    ("level", "xa", "", False),
    ("estimate", False, "false", True),
    ("estimate", "False", "false", True),
    ("estimate", True, "true", True),
    ("estimate", "True", "true", True),
    ("estimate", False, "true", False),
    ("period", "9M", "9M", True),
    ("period", "", "Q3", False),
    ("period", "Q3", "", False),
    ("as_of", "2023-06-30", "2023-06-30", True),
    ("as_of", "2023-06", "2023-06-30", False),
    ("place", "Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu", True),
    ("place", "bà rịa-vũng tàu", "Bà Rịa - Vũng Tàu", True),
    ("place", "Vũng Tàu", "Bà Rịa - Vũng Tàu", False),
    ("place", "", "Việt Nam", False),
    ("place_kind", "national", "national", True),
    ("place_kind", "province", "national", False),
    ("comparator", ">=", ">=", True),
    ("comparator", ">", ">=", False),
    ("measure", "decrease", "increase", False),
    ("status", "other", "actual", False),
    ("decision", "4607/QĐ-UBND", "4607/QĐ-UBND", True),
    ("decision", "4607/QĐ-UBND", "", False),
    ("decision", "", "4607/QĐ-UBND", False),
]


@pytest.mark.parametrize(("name", "predicted", "expected", "right"), FIELD_CASES)
def test_field_rules(name, predicted, expected, right):
    assert field_ok(name, pd.Series(pred_row(**{name: predicted})), pd.Series(gold_row(**{name: expected}))) is right


@pytest.mark.parametrize(("indicator", "keywords", "right"), [
    ("hồ sơ được xử lý trên môi trường mạng", "Hồ sơ|MÔI TRƯỜNG MẠNG", True),
    ("HỒ SƠ XỬ LÝ TRÊN Môi Trường Mạng", "hồ sơ|môi trường mạng", True),
    ("hồ sơ được xử lý trực tuyến", "hồ sơ|môi trường mạng", False),   # one keyword missing
    ("", "hồ sơ", False),
    ("tỷ lệ che   phủ rừng", "che phủ rừng", True),                     # spaces collapsed
])
def test_indicator_needs_every_keyword(indicator, keywords, right):
    assert field_ok("indicator", pd.Series(pred_row(indicator=indicator)), pd.Series(gold_row(keywords=keywords))) \
        is right


def test_without_keywords_the_gold_indicator_must_be_contained():
    g = pd.Series(gold_row(indicator="hộ nghèo", keywords=""))
    assert field_ok("indicator", pd.Series(pred_row(indicator="tỷ lệ Hộ Nghèo đa chiều")), g)
    assert not field_ok("indicator", pd.Series(pred_row(indicator="hộ cận nghèo")), g)


# --- tuple scores ------------------------------------------------------------------------------------------

def test_perfect_score():
    s = score_targets(pred(pred_row()), gold(gold_row()))
    assert (s.predicted, s.gold, s.matched, s.correct) == (1, 1, 1, 1)
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert all(s.accuracy(n) == 1.0 for n in REPORTED_FIELDS)
    assert s.misses == []


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
    assert sorted(m.kind for m in s.misses) == ["MISSED", "SPURIOUS", "SPURIOUS", "WRONG"]


@pytest.mark.parametrize(("name", "wrong"), [
    ("value", 81.0), ("status", "actual"), ("year", 2030), ("level", "xa"), ("place", "Nghệ An"),
    ("indicator", "tỷ lệ hộ nghèo"),
])
def test_each_tuple_field_decides_correctness(name, wrong):
    s = score_targets(pred(pred_row(**{name: wrong})), gold(gold_row()))
    assert (s.matched, s.correct) == (1, 0)
    assert s.accuracy(name) == 0.0


@pytest.mark.parametrize(("name", "wrong"), [
    ("comparator", ">="), ("measure", "increase"), ("decision", "1/QĐ-UBND"), ("period", "Q2"),
    ("as_of", "2025-06-30"), ("estimate", True), ("place_kind", "national"),
])
def test_reported_only_fields_do_not_decide_correctness(name, wrong):
    s = score_targets(pred(pred_row(**{name: wrong})), gold(gold_row()))
    assert (s.matched, s.correct) == (1, 1)
    assert s.accuracy(name) == 0.0
    assert s.accuracy("value") == 1.0


def test_fields_absent_from_the_gold_are_not_judged():
    # an older gold table: the prediction's period, as_of, estimate and place_kind cannot be wrong
    p = pred(pred_row(period="9M", as_of="2023-06", estimate=True, place_kind="national"))
    s = score_targets(p, gold(gold_row(), columns=OLD_GOLD_COLUMNS))
    assert (s.matched, s.correct) == (1, 1)
    for name in ("period", "as_of", "estimate", "place_kind"):
        assert s.accuracy(name) is None
    assert s.accuracy("place") == 1.0
    assert s.misses == []


def test_a_tuple_field_absent_from_the_gold_does_not_decide_correctness():
    columns = [c for c in GOLD_COLUMNS if c != "place"]
    s = score_targets(pred(pred_row(place="Nghệ An")), gold(gold_row(), columns=columns))
    assert (s.matched, s.correct) == (1, 1)
    assert s.accuracy("place") is None


def test_only_percent_rows_are_scored():
    p = pred(pred_row(), pred_row(start=10, end=15, surface="1.829", value=1829.0, unit="count"))
    s = score_targets(p, gold(gold_row()))
    assert (s.predicted, s.correct) == (1, 1)
    assert not any(m.surface == "1.829" for m in s.misses)


def test_rows_match_only_within_their_document():
    s = score_targets(pred(pred_row(doc_id="a")), gold(gold_row(doc_id="b")))
    assert (s.predicted, s.gold, s.matched, s.correct) == (1, 1, 0, 0)
    assert s.f1 == 0.0


def test_empty_prediction():
    s = score_targets(pred(), gold(gold_row()))
    assert (s.predicted, s.matched, s.correct) == (0, 0, 0)
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)
    assert s.accuracy("value") is None


def test_only_the_chosen_documents_are_scored():
    g = gold(gold_row(doc_id="n01"), gold_row(doc_id="n02"), gold_row(doc_id="n02", start=10, end=13))
    p = pred(pred_row(doc_id="n01"), pred_row(doc_id="n02", status="actual"), pred_row(doc_id="n04"))
    s = score_targets(p, g, docs={"n02"})
    assert (s.predicted, s.gold, s.matched, s.correct) == (1, 2, 1, 0)
    assert {m.doc_id for m in s.misses} == {"n02"}


# --- subsets -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("doc_id", "number", "half"), [
    ("n03_tin_tuc_2021", 3, "odd"),
    ("n02_tin_tuc_2022", 2, "even"),
    ("p10_ke_hoach", 10, "even"),
    ("000_abc", 0, "even"),
    ("tin_moi", None, None),
])
def test_halves_by_the_documents_number(doc_id, number, half):
    assert doc_number(doc_id) == number
    assert in_subset(doc_id, "even") is (half == "even")
    assert in_subset(doc_id, "odd") is (half == "odd")


def test_selections():
    ids = ["n01_a", "n02_b", "n03_c", "x"]
    assert selections(ids, "news", halves=True) == [
        ("news even", {"n02_b"}), ("news odd", {"n01_a", "n03_c"}), ("news all", set(ids))]
    assert selections(ids, "news", subset="even") == [("news even", {"n02_b"})]
    assert selections(ids, "news", ids={"n03_c", "n09_z"}) == [("news", {"n03_c"})]
    assert selections(ids, "news") == [("news", set(ids))]
    with pytest.raises(ValueError):
        in_subset("n01", "first")


def test_ids_file(tmp_path):
    f = tmp_path / "ids.txt"
    f.write_text("# development half\nn02_b\n\n  n04_d  # the second\n", encoding="utf-8")
    assert read_ids(f) == {"n02_b", "n04_d"}


# --- misses ------------------------------------------------------------------------------------------------

TEXT = "Năm 2023 tỷ lệ hộ nghèo đạt 3,5%. Phấn đấu đến năm 2025, 80% hồ sơ được xử lý trực tuyến. Hết."


def test_misses_say_what_is_wrong_and_quote_the_sentence():
    at = TEXT.index("80%")
    g = gold(gold_row(start=at, end=at + 3, year="2025", place="Gia Lai"),
             gold_row(start=TEXT.index("3,5%"), end=TEXT.index("3,5%") + 4, surface="3,5%", value="3.5",
                      status="actual", year="2023", keywords="hộ nghèo"))
    p = pred(pred_row(start=at, end=at + 3, year=2030, place="", estimate=True),
             pred_row(start=TEXT.index("2025"), end=TEXT.index("2025") + 4, surface="2025", value=2025.0))
    s = score_targets(p, g, texts={"d": TEXT})
    by_kind = {m.kind: m for m in s.misses}
    assert set(by_kind) == {"WRONG", "MISSED", "SPURIOUS"}
    wrong = by_kind["WRONG"]
    assert "year: gold '2025' ≠ predicted '2030'" in wrong.detail
    assert "place: gold 'Gia Lai' ≠ predicted ''" in wrong.detail
    assert "estimate: gold 'false' ≠ predicted 'true'" in wrong.detail
    assert "value" not in wrong.detail
    assert wrong.sentence == "Phấn đấu đến năm 2025, 80% hồ sơ được xử lý trực tuyến."
    assert by_kind["MISSED"].sentence == "Năm 2023 tỷ lệ hộ nghèo đạt 3,5%."
    assert "keywords" not in by_kind["MISSED"].detail and "hộ nghèo" in by_kind["MISSED"].detail
    text = format_misses(s.misses)
    assert text.startswith("## d")
    assert text.index("MISSED") < text.index("SPURIOUS") < text.index("WRONG")  # in text order


def test_without_texts_a_miss_quotes_the_predicted_sentence():
    s = score_targets(pred(pred_row(sentence="Đạt 80% hồ sơ.")), gold(columns=GOLD_COLUMNS))
    assert [(m.kind, m.sentence) for m in s.misses] == [("SPURIOUS", "Đạt 80% hồ sơ.")]


@pytest.mark.parametrize(("text", "surface", "sentence"), [
    ("Năm 2023 đạt 95%. Mục tiêu năm 2025 đạt 98%. Câu ba.", "98%", "Mục tiêu năm 2025 đạt 98%."),
    ("Tiêu đề\nDoanh thu tăng 12,5% so với cùng kỳ.\nDòng khác", "12,5%", "Doanh thu tăng 12,5% so với cùng kỳ."),
    ("Dân số 1.829 người, đạt 9,5% kế hoạch.", "9,5%", "Dân số 1.829 người, đạt 9,5% kế hoạch."),
])
def test_sentence_around(text, surface, sentence):
    at = text.index(surface)
    assert sentence_around(text, at, at + len(surface)) == sentence


def test_a_long_sentence_is_shortened_around_the_value():
    text = "Chỉ tiêu " + "rất dài " * 200 + "đạt 80% hồ sơ " + "và nữa " * 200 + "."
    at = text.index("80%")
    quoted = sentence_around(text, at, at + 3, limit=100)
    assert "80%" in quoted and quoted.startswith("…") and quoted.endswith("…")
    assert len(quoted) <= 102


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
    assert sorted(m.kind for m in s.misses) == ["SPURIOUS", "WRONG"]


@pytest.mark.parametrize(("field", "value"), [("canonical", "215/QĐ-TTg"), ("doc_type", "Kế hoạch")])
def test_reference_needs_symbol_and_type(field, value):
    s = score_references(pd.DataFrame([ref(**{field: value})]), pd.DataFrame([ref()]))
    assert (s.matched, s.correct) == (1, 0)


def test_reference_empty_date_equals_nan():
    assert score_references(pd.DataFrame([ref(issue_date=None)]), pd.DataFrame([ref(issue_date="")])).correct == 1


# --- the table ---------------------------------------------------------------------------------------------

def test_format_table():
    t = Score(predicted=4, gold=2, matched=2, correct=2, field_right={"value": 2, "year": 1},
              field_judged={"value": 2, "year": 2})
    r = Score(predicted=1, gold=2, matched=1, correct=1)
    rows = [Report(t, r, label="tin even", documents=3).as_dict(), Report(t, label="tin all", documents=6).as_dict()]
    lines = format_table(rows).splitlines()
    head = [c.strip() for c in lines[0].strip("|").split("|")]
    first = dict(zip(head, [c.strip() for c in lines[2].strip("|").split("|")], strict=True))
    assert first["set"] == "tin even" and first["docs"] == "3" and first["gold"] == "2" and first["pred"] == "4"
    assert (first["P"], first["R"], first["F1"]) == ("50", "100", "67")
    assert (first["val"], first["yr"], first["per"]) == ("100", "50", "–")
    assert (first["rP"], first["rR"], first["rF1"]) == ("100", "50", "67")
    assert lines[3].split("|")[-2].strip() == "–"  # no gold references: no reference scores
    assert "yr year" in lines[-1] and "pk place_kind" in lines[-1]


# --- the command -------------------------------------------------------------------------------------------

# three short news texts of my own; the gold describes each "80%"/"65%" and one percentage the text lacks
NEWS = {
    "n01_gia_lai": "Tỉnh Gia Lai phấn đấu đến năm 2025, tối thiểu 80% hồ sơ được xử lý trực tuyến.",
    "n02_nghe_an": "Năm 2023, tỷ lệ hộ nghèo của tỉnh Nghệ An giảm còn 3,5%. Tỷ lệ che phủ rừng đạt 65%.",
    "n04_ha_tinh": "Hà Tĩnh phấn đấu đến năm 2030, 65% dân số đô thị được cấp nước sạch.",
}


def _write_set(tmp_path: Path) -> tuple[Path, Path]:
    export = tmp_path / "docs.jsonl"
    with open(export, "w", encoding="utf-8") as fh:
        for doc_id, text in NEWS.items():
            fh.write(json.dumps({"id": doc_id, "text": text, "url": "https://example.vn/a", "date": "2024-01-02"},
                                ensure_ascii=False) + "\n")
    rows = []
    for doc_id, text in NEWS.items():
        for surface in ("80%", "65%"):
            if surface in text:
                at = text.index(surface)
                rows.append(gold_row(doc_id=doc_id, start=at, end=at + 3, surface=surface, value=surface[:2]))
    rows.append(gold_row(doc_id="n02_nghe_an", start=0, end=8, surface="Năm 2023", value="1"))  # never predicted
    rows.append(gold_row(doc_id="n09_elsewhere"))  # a document outside the input
    g = tmp_path / "gold.csv"
    gold(*rows).to_csv(g, index=False)
    return export, g


EXPORT_OPTIONS = ["--id-column", "id", "--text-column", "text", "--url-column", "url", "--date-column", "date"]


def _eval(*args: str):
    return CliRunner().invoke(app, ["eval", *args, "--jobs", "1", "--quiet"])


def test_eval_reads_an_export_and_scores_the_halves_from_one_extraction(tmp_path, monkeypatch):
    export, g = _write_set(tmp_path)
    calls = []
    real_run_batch = batch.run_batch
    monkeypatch.setattr(batch, "run_batch", lambda *a, **k: calls.append(a) or real_run_batch(*a, **k))
    result = _eval(str(export), *EXPORT_OPTIONS, "--gold-targets", str(g), "--halves", "--json", "--label", "tin")
    assert result.exit_code == 0, result.output
    assert len(calls) == 1
    rows = {r["label"]: r for r in json.loads(result.stdout)["rows"]}
    assert list(rows) == ["tin even", "tin odd", "tin all"]
    assert [rows[k]["documents"] for k in rows] == [2, 1, 3]
    assert [rows[k]["targets"]["gold"] for k in rows] == [3, 1, 4]  # n09 is not in the input
    assert rows["tin all"]["targets"]["matched"] == 3  # every "80%"/"65%" is found; "Năm 2023" is not a value
    assert rows["tin all"]["references"] is None
    assert rows["tin even"]["fields"]["period"] is not None
    assert "not in the input" in result.stderr


def test_eval_subset_and_misses(tmp_path):
    export, g = _write_set(tmp_path)
    result = _eval(str(export), *EXPORT_OPTIONS, "--gold-targets", str(g), "--subset", "even", "--misses")
    assert result.exit_code == 0, result.output
    assert "| nghe" not in result.stdout
    assert "| docs even | 2 | 3 |" in result.stdout  # label from the export's name, the even half
    assert "## n02_nghe_an" in result.stdout
    assert "MISSED       0-8 'Năm 2023'" in result.stdout
    assert "« Năm 2023, tỷ lệ hộ nghèo của tỉnh Nghệ An giảm còn 3,5%. »" in result.stdout
    assert "n01_gia_lai" not in result.stdout  # the odd half is not listed


def test_eval_misses_as_json(tmp_path):
    export, g = _write_set(tmp_path)
    result = _eval(str(export), *EXPORT_OPTIONS, "--gold-targets", str(g), "--subset", "even", "--misses", "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    missed = [m for m in scores["misses"] if m["kind"] == "MISSED"]
    assert [(m["doc_id"], m["surface"]) for m in missed] == [("n02_nghe_an", "Năm 2023")]


def test_eval_ids_file_keeps_the_tables_in_out(tmp_path):
    export, g = _write_set(tmp_path)
    ids = tmp_path / "ids.txt"
    ids.write_text("n01_gia_lai\n", encoding="utf-8")
    result = _eval(str(export), *EXPORT_OPTIONS, "--gold-targets", str(g), "--ids-file", str(ids), "--json",
                   "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)["rows"]
    assert (row["documents"], row["targets"]["gold"]) == (1, 1)
    assert (tmp_path / "out" / "targets.csv").is_file()


def test_eval_of_folders_and_files(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for doc_id, text in NEWS.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    _, g = _write_set(tmp_path)
    result = _eval(str(folder / "n01_gia_lai.txt"), str(folder / "n02_nghe_an.txt"), "--gold-targets", str(g),
                   "--json")
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)["rows"]
    assert (row["label"], row["documents"], row["targets"]["gold"]) == ("input", 2, 3)


@pytest.mark.parametrize(("args", "message"), [
    (["--subset", "first"], "--subset"),  # a choice: click names the option and its values
    (["--subset", "even", "--halves"], "give one of them"),
    (["--halves", "--misses"], "--misses lists one set"),
    (["--gold-references", "nope.csv"], "no such file or folder"),
])
def test_eval_usage_errors(tmp_path, args, message):
    export, g = _write_set(tmp_path)
    result = _eval(str(export), "--gold-targets", str(g), *args)
    assert result.exit_code == 2
    assert message in result.output


def test_eval_on_a_missing_folder_is_a_usage_error(tmp_path):
    g = tmp_path / "gold.csv"
    gold(gold_row()).to_csv(g, index=False)
    result = _eval(str(tmp_path / "nope"), "--gold-targets", str(g))
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


# --- the pipeline on the shared sets and the sample corpus -------------------------------------------------

FIELDS = ("value", "comparator", "status", "measure", "year", "level", "place", "indicator")


def _scores(*args: str) -> list[dict]:
    result = _eval(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["rows"]


@pytest.mark.skipif(not (SHARED / "seeds").is_dir() or not (SHARED / "eval").is_dir(),
                    reason="../shared (seed articles and their gold) is not available")
def test_eval_on_the_seeds():
    (row,) = _scores(str(SHARED / "seeds"), "--gold-targets", str(SHARED / "eval" / "seeds_targets.csv"),
                     "--gold-references", str(SHARED / "eval" / "seeds_references.csv"))
    assert row["targets"]["predicted"] > 0
    assert row["targets"]["f1"] >= 0.90, row
    for name in FIELDS:
        assert row["fields"][name] >= 0.90, (name, row)
    assert row["fields"]["period"] is None  # the seeds' gold predates the column


@pytest.mark.skipif(not (ROOT / "corpus" / "gold" / "targets.csv").is_file(), reason="no sample corpus gold")
def test_eval_on_the_sample_corpus():
    (row,) = _scores(str(ROOT / "corpus"), "--gold-targets", str(ROOT / "corpus" / "gold" / "targets.csv"),
                     "--gold-references", str(ROOT / "corpus" / "gold" / "references.csv"))
    assert row["targets"]["predicted"] > 0
    assert row["targets"]["f1"] >= 0.85, row
    for name in FIELDS:
        assert row["fields"][name] >= 0.85, (name, row)


@pytest.mark.parametrize("name", ["news", "plans"])
def test_eval_on_the_real_sets_gives_both_halves(name):
    real = SHARED / "eval" / "real" / name
    if not (real / "docs.jsonl").is_file():
        pytest.skip(f"../shared/eval/real/{name} is not available")
    even, odd, whole = _scores(str(real / "docs.jsonl"), *EXPORT_OPTIONS, "--halves",
                               "--gold-targets", str(real / "gold_targets.csv"),
                               "--gold-references", str(real / "gold_references.csv"))
    assert even["documents"] > 0 and odd["documents"] > 0
    assert even["documents"] + odd["documents"] == whole["documents"]
    for key in ("gold", "predicted", "matched", "correct"):
        assert even["targets"][key] + odd["targets"][key] == whole["targets"][key]
    assert whole["targets"]["matched"] > 0.8 * whole["targets"]["gold"]  # the percentages are found
    assert all(whole["fields"][f] is not None for f in ("period", "as_of", "estimate", "place_kind"))


def test_eval_exits_2_when_a_document_fails(tmp_path: Path) -> None:
    """A set whose documents could not be processed is no score: the table is printed, the exit code says so."""
    import subprocess
    import sys

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("Năm 2023, tỷ lệ hộ nghèo của tỉnh Hà Giang là 20%.", encoding="utf-8")
    (docs / "bad.txt").write_bytes(b"\x00\x01\x02binary\x00")
    gold = tmp_path / "gold.csv"
    gold.write_text("doc_id,start,end,surface,value,status,year,level,place,keywords\n"
                    "good,43,46,20%,20,actual,2023,,Hà Giang,hộ nghèo\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "chitieu.pipeline.cli", "eval", str(docs), "--gold-targets", str(gold),
                           "--quiet", "--no-cache", "--out", str(tmp_path / "out")],
                          capture_output=True, text=True)
    assert done.returncode == 6, done.stderr
    assert "could not be processed" in done.stderr
    assert "| docs |" in done.stdout  # the table is still printed
