"""`chitieu check`: verdicts on claims, on hand-built tables, the sample corpus and the seeds."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from _review_data import write_review_data
from chitieu.pipeline.cli import app
from typer.testing import CliRunner

from chitieu.tools import check as check_mod
from chitieu.tools.check import (
    CONTRADICTED,
    NOT_FOUND,
    SUPPORTED,
    Claim,
    check_claim,
    indicator_words,
    words_agree,
)
from chitieu.tools.tables import load_table

ROOT = Path(__file__).resolve().parents[2]
WORK = "hồ sơ công việc được xử lý trên môi trường mạng"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_review_data(tmp_path_factory.mktemp("review"))


@pytest.fixture(scope="module")
def targets(data_dir: Path):
    return load_table(data_dir, "targets")


def kh(**kw) -> Claim:
    base = dict(text="", place="Khánh Hòa", level="xa", year=2025, value=60.0, status="target", indicator=WORK)
    base.update(kw)
    return Claim(**base)


def test_supported_claim_cites_document_quote_offsets_and_decision(targets) -> None:
    result = check_claim(kh(), targets)
    assert result.verdict == SUPPORTED and result.exit_code == 0
    [row] = result.evidence
    assert (row["doc_id"], row["value"], row["level"], row["decision"]) == ("kh_plan", 60.0, "xa", "100/QĐ-UBND")
    assert row["sentence"][row["start"] - row["sentence_start"]:row["end"] - row["sentence_start"]] == "60%"
    # another source gives another value for the same tuple: shown, not hidden
    assert [(r["doc_id"], r["value"]) for r in result.other_values] == [("kh_news", 65.0)]


def test_contradicted_claim_shows_the_differing_values(targets) -> None:
    result = check_claim(kh(level="huyen"), targets)
    assert result.verdict == CONTRADICTED and result.exit_code == 3
    assert [(r["level"], r["value"]) for r in result.evidence] == [("huyen", 80.0)]


def test_wrong_year_is_not_supported(targets) -> None:
    result = check_claim(kh(year=2030), targets)
    assert result.verdict == NOT_FOUND and result.exit_code == 4
    assert {r["year"] for r in result.near} == {2025}  # the year the sources do give


def test_wrong_level_is_not_supported(targets) -> None:
    # 48% forest cover is a province-wide figure: no commune-level row exists
    claim = Claim(text="", place="Khánh Hòa", level="xa", year=2025, value=48.0, indicator="tỷ lệ che phủ rừng")
    assert check_claim(claim, targets).verdict == NOT_FOUND
    assert check_claim(Claim(**{**claim.__dict__, "level": ""}), targets).verdict == SUPPORTED


def test_wrong_place_or_indicator_is_not_found(targets) -> None:
    assert check_claim(kh(place="Hải Dương"), targets).verdict == NOT_FOUND
    assert check_claim(kh(indicator="tỷ lệ hộ nghèo"), targets).verdict == NOT_FOUND


def test_place_spelling_and_abbreviations_do_not_matter(targets) -> None:
    claim = Claim(text="", place="Khánh Hoà", year=2022, value=47.5, status="actual", indicator="độ che phủ rừng")
    assert check_claim(claim, targets).verdict == SUPPORTED
    claim = Claim(text="", place="Hải Dương", year=2025, value=80, indicator="DVC trực tuyến toàn trình")
    assert check_claim(claim, targets).verdict == SUPPORTED


def test_a_goal_is_checked_against_goals_not_achievements(targets) -> None:
    # Khánh Hòa: 48% forest cover is a 2025 target; an "actual" claim of the same year has no row
    actual = Claim(text="", place="Khánh Hòa", year=2022, value=48.0, status="actual", indicator="che phủ rừng")
    assert check_claim(actual, targets).verdict == CONTRADICTED


def test_indicator_words_overlap_without_a_code() -> None:
    assert words_agree("hồ sơ công việc xử lý trên mạng", WORK)
    assert not words_agree("số cán bộ được đào tạo", WORK)
    assert "tỷ" not in indicator_words("tỷ lệ hồ sơ") and "hồ" in indicator_words("tỷ lệ hồ sơ")


def test_a_phrase_the_taxonomy_rules_out_does_not_agree_by_words() -> None:
    import pandas as pd

    rows = pd.DataFrame({"doc_id": ["d"], "start": [0], "end": [4], "surface": ["0,5%"], "value": [0.5],
                         "value_high": [None], "comparator": ["="], "status": ["actual"], "measure": ["level"],
                         "year": [2023], "level": [""], "place": ["Đồng Nai"], "decision": [""], "sentence": [""],
                         "sentence_start": [0], "sentence_end": [4], "indicator_code": [""],
                         "indicator": ["số tiền chậm đóng bảo hiểm y tế"]})
    claim = Claim(text="", place="Đồng Nai", year=2023, value=93.0, indicator="tỷ lệ bao phủ bảo hiểm y tế")
    assert claim.indicator_code == "health_insurance"
    assert check_claim(claim, rows).verdict == NOT_FOUND


def test_json_output_and_exit_codes(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    cases = [(kh(), 0, "supported"), (kh(level="huyen"), 3, "contradicted"), (kh(year=2031), 4, "not_found")]
    for claim, code, verdict in cases:
        monkeypatch.setattr(check_mod, "parse_claim", lambda text, c=claim: c)
        result = runner.invoke(app, ["check", "một nhận định", "--data", str(data_dir), "--json"])
        assert result.exit_code == code, result.output
        payload = json.loads(result.stdout)
        assert payload["verdict"] == verdict
        assert all({"doc_id", "sentence", "start", "end", "decision", "path"} <= set(r) for r in payload["evidence"])
    text = runner.invoke(app, ["check", "một nhận định", "--data", str(data_dir)])
    assert text.exit_code == 4 and text.stdout.startswith("Claim: place: Khánh Hòa")
    assert text.stdout.splitlines()[1] == "NOT FOUND"


def test_help_documents_the_exit_codes() -> None:
    text = " ".join(CliRunner().invoke(app, ["check", "--help"]).stdout.split())
    assert "0 supported" in text and "3 contradicted" in text and "4 not found" in text


def test_missing_data_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", "Khánh Hòa 60%", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 2


# ---------------------------------------------------------------------------
# End to end: the real pipeline on texts, then claims in our own words


def _extract(paths: list[str], out: Path) -> Path:
    result = CliRunner().invoke(app, ["extract", *paths, "--out", str(out)])
    assert result.exit_code in (0, 6), result.output
    if load_table(out, "targets").empty:
        pytest.skip("the extraction core found no targets (not landed yet)")
    return out


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not any((ROOT / "corpus").glob("*.txt")):
        pytest.skip("no sample corpus")
    return _extract([str(ROOT / "corpus")], tmp_path_factory.mktemp("corpus_out"))


def _claims() -> list[dict[str, str]]:
    with open(ROOT / "tests" / "data" / "claims.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_claims_file_covers_every_verdict_and_the_traps() -> None:
    rows = _claims()
    assert {r["verdict"] for r in rows} == {SUPPORTED, CONTRADICTED, NOT_FOUND}
    kinds = {r["kind"] for r in rows}
    assert "wrong year" in kinds and "wrong level" in kinds


def _claim_params() -> list:
    """Each claim; one the extraction currently gets wrong is an (unstrict) expected failure."""
    return [pytest.param(r, marks=pytest.mark.xfail(reason=r["known_issue"], strict=False)) if r["known_issue"]
            else r for r in _claims()]


@pytest.mark.parametrize("row", _claim_params(), ids=lambda r: f"{r['source'][:2]}-{r['kind']}")
def test_claims_on_the_sample_corpus(corpus_dir: Path, row: dict[str, str]) -> None:
    result = check_mod.check(row["claim"], corpus_dir)
    assert result.verdict == row["verdict"], check_mod.format_result(result)
    if result.verdict != NOT_FOUND:
        assert any(r["doc_id"] == row["source"] for r in result.evidence)


SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def seeds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip("../shared/seeds not available")
    return _extract([str(SEEDS)], tmp_path_factory.mktemp("seeds_out"))


LEVEL_WORDS = {"xa": "cấp xã", "huyen": "cấp huyện", "tinh": "cấp tỉnh"}


def _say(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _seed_claims() -> list[tuple[dict, str]]:
    """Claims in our own words built from the seeds' gold rows (never from the seed texts):
    provincial goals for work files handled online ("hồ sơ công việc … môi trường mạng") by level."""
    gold_path = SEEDS.parent / "eval" / "seeds_targets.csv"
    if not gold_path.exists():
        pytest.skip("../shared/eval/seeds_targets.csv not available")
    with open(gold_path, encoding="utf-8") as fh:
        gold = list(csv.DictReader(fh))
    rows = [g for g in gold if g["status"] == "target" and g["level"] in LEVEL_WORDS and g["year"]
            and "môi trường mạng" in g["keywords"] and g["measure"] == "level"]
    claims = []
    for g in rows:
        text = (f"Tỉnh {g['place']} phấn đấu đến năm {g['year']} có {_say(float(g['value']))}% hồ sơ công việc "
                f"{LEVEL_WORDS[g['level']]} được xử lý trên môi trường mạng.")
        claims.append((g, text))
    return claims


def test_claims_about_the_seeds(seeds_dir: Path) -> None:
    claims = _seed_claims()
    assert claims, "the seeds' gold has goals for work files handled online"
    gold_values = {(g["place"], g["year"], g["level"], float(g["value"])) for g, _ in claims}
    for g, claim in claims:
        value, year = float(g["value"]), int(g["year"])
        result = check_mod.check(claim, seeds_dir)
        assert result.verdict == SUPPORTED, check_mod.format_result(result)
        assert {r["doc_id"] for r in result.evidence} == {g["doc_id"]}
        wrong_value = claim.replace(f" {_say(value)}%", f" {_say(value + 7)}%")
        assert check_mod.check(wrong_value, seeds_dir).verdict == CONTRADICTED
        wrong_year = claim.replace(f"năm {year}", f"năm {year + 9}")
        assert check_mod.check(wrong_year, seeds_dir).verdict == NOT_FOUND
        for level, words in LEVEL_WORDS.items():
            if level != g["level"] and (g["place"], g["year"], level, value) not in gold_values:
                wrong_level = claim.replace(LEVEL_WORDS[g["level"]], words)
                assert check_mod.check(wrong_level, seeds_dir).verdict != SUPPORTED, wrong_level
