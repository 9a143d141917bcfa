"""Hostile run conditions: a huge document, a runaway document, two runs into one folder, a killed run,
a damaged table, a bad option. Each case gives a right table or a one-line error, never a traceback.
Every input is generated here."""

from __future__ import annotations

import cProfile
import pstats
import time
from pathlib import Path

import pandas as pd
import pytest
from chitieu.pipeline.run import process_document

from bench.scaling import references_document, values_document
from chitieu.models import Document


def _calls(text: str) -> int:
    """Python function calls (generator steps included) made to process ``text``: a count of work that
    does not depend on the machine's speed."""
    profile = cProfile.Profile()
    profile.enable()
    process_document(Document("d", text=text))
    profile.disable()
    return pstats.Stats(profile).total_calls


@pytest.mark.parametrize(("make", "small"), [(values_document, 500), (references_document, 300)],
                         ids=["values in one paragraph", "references in one sentence"])
def test_work_grows_linearly_with_the_values_and_references_of_a_document(make, small):
    """Four times the values (references) cost at most five times the work: no loop compares every
    value (year, reference) with every other one (that would be sixteen times)."""
    process_document(Document("warm", text=make(4 * small)))  # word lists loaded, caches filled for both
    assert _calls(make(4 * small)) <= 5 * _calls(make(small))


# ---------------------------------------------------------------------------------------------------
# A runaway document becomes an error row; the batch goes on

GOOD = "Tỉnh Gia Lai phấn đấu đến năm 2025, tối thiểu 80% hồ sơ được xử lý trực tuyến.\n"


def _extract(tmp_path: Path, *options: str):
    from chitieu.pipeline.cli import app
    from typer.testing import CliRunner

    return CliRunner().invoke(app, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-j", "1",
                                    "--quiet", *options])


def _documents(tmp_path: Path) -> dict[str, tuple[str, str, int]]:
    docs = pd.read_csv(tmp_path / "out" / "documents.csv", keep_default_na=False)
    return {r.doc_id: (r.status, r.error, r.targets) for r in docs.itertuples()}


def test_a_document_longer_than_max_chars_is_an_error_row_and_the_batch_goes_on(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dai.txt").write_text(GOOD * 100, encoding="utf-8")
    (tmp_path / "in" / "ngan.txt").write_text(GOOD, encoding="utf-8")
    result = _extract(tmp_path, "--max-chars", "3000")
    assert result.exit_code == 2, result.output
    docs = _documents(tmp_path)
    assert docs["dai"] == ("error", f"document too long: {len(GOOD) * 100} characters (limit 3000, --max-chars)", 0)
    assert docs["ngan"] == ("ok", "", 1)


def test_a_document_that_takes_longer_than_doc_timeout_is_an_error_row_and_the_batch_goes_on(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cham.txt").write_text(values_document(20000), encoding="utf-8")  # several seconds
    (tmp_path / "in" / "nhanh.txt").write_text(GOOD, encoding="utf-8")
    started = time.monotonic()
    result = _extract(tmp_path, "--doc-timeout", "0.5")
    assert result.exit_code == 2, result.output
    assert time.monotonic() - started < 60
    docs = _documents(tmp_path)
    assert docs["cham"] == ("error", "document took longer than 0.5s (--doc-timeout)", 0)
    assert docs["nhanh"] == ("ok", "", 1)
    assert "cham.txt: document took longer than 0.5s" in result.output


def test_the_limits_are_on_by_default_and_zero_turns_them_off():
    from chitieu.pipeline.engine import Limits, process_source
    from chitieu.pipeline.read import Source

    assert Limits().max_chars > 1_000_000 and Limits().seconds >= 60
    text = GOOD * 10
    src = Source("d", "d.txt", "text", data=text.encode())
    assert process_source(src, Limits(max_chars=len(text))).document.status == "ok"
    assert process_source(src, Limits(max_chars=len(text) - 1)).document.status == "error"
    assert process_source(src, Limits(max_chars=0, seconds=0)).document.status == "ok"
