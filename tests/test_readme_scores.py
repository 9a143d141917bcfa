"""The README's score table is what ``make eval`` prints: the sample corpus row always (its gold is in the
repository), every row when ``../shared`` is there (``SHARED=folder`` points elsewhere)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from chitieu.pipeline.evaluate import README_END, README_START, format_table, run_eval
from chitieu.pipeline.read import ReadOptions

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
EXPORT = ReadOptions(id_column="id", text_column="text", url_column="url", date_column="date")


def readme_rows() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text[text.index(README_START) + len(README_START):text.index(README_END)]
    return {line.split("|")[1].strip(): line for line in table.strip().splitlines()[2:]}


def table_rows(reports) -> dict[str, str]:
    lines = format_table([r.as_dict() for r in reports]).split("\n\n")[0].splitlines()[2:]
    return {line.split("|")[1].strip(): line for line in lines}


def test_sample_corpus_row(tmp_path):
    reports = run_eval([str(ROOT / "corpus")], ROOT / "corpus/gold/targets.csv", ROOT / "corpus/gold/references.csv",
                       label="sample corpus", out_dir=tmp_path, jobs=1, use_cache=False, progress=False)
    assert readme_rows()["sample corpus"] == table_rows(reports)["sample corpus"]


@pytest.mark.skipif(not (SHARED / "eval" / "real").is_dir(), reason="needs ../shared (the seeds and real sets)")
def test_every_row(tmp_path):
    reports = run_eval([str(SHARED / "seeds")], SHARED / "eval/seeds_targets.csv", SHARED / "eval/seeds_references.csv",
                       label="seeds", out_dir=tmp_path / "seeds", jobs=1, use_cache=False, progress=False)
    for name in ("news", "plans"):
        real = SHARED / "eval" / "real" / name
        reports += run_eval([str(real / "docs.jsonl")], real / "gold_targets.csv", real / "gold_references.csv",
                            label=f"real {name}", halves=True, out_dir=tmp_path / name, jobs=1, use_cache=False,
                            progress=False, options=EXPORT)
    expected = table_rows(reports)
    readme = readme_rows()
    assert list(readme) == ["seeds", "sample corpus", *[label for label in expected if label.startswith("real")]]
    assert {label: line for label, line in readme.items() if label != "sample corpus"} == expected
