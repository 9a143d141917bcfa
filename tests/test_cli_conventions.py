"""The conventions of a click command line: exit codes, ``-`` for stdin/stdout, ``--json``, choices,
completion, progress that ``-q`` silences, and no third-party log lines."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from chitieu.pipeline.cli import app
from chitieu.pipeline.exit_codes import TABLE, ExitCode, markdown_table
from typer.testing import CliRunner

from chitieu.tools.check import EXIT_CODES

ROOT = Path(__file__).resolve().parents[1]
CHITIEU = ROOT / ".venv" / "bin" / "chitieu"
TEXT = "Tỉnh Gia Lai phấn đấu đến năm 2025, tối thiểu 80% hồ sơ được xử lý trực tuyến.\n"
CLAIM = "Gia Lai phấn đấu đến năm 2025 có ít nhất 80% hồ sơ được xử lý trực tuyến"


def run(*args: str, stdin: str | bytes | None = None, env: dict | None = None, cwd: Path | None = None):
    cmd = [str(CHITIEU)] if CHITIEU.exists() else [sys.executable, "-m", "chitieu.pipeline.cli"]
    return subprocess.run(cmd + list(args), input=stdin.encode() if isinstance(stdin, str) else stdin,
                          capture_output=True, timeout=180, cwd=cwd, env={**os.environ, **(env or {})})


# ---------------------------------------------------------------------------
# Exit codes: one table, in --help and in the README


def test_every_code_is_in_the_help_and_the_readme():
    help_text = " ".join(CliRunner().invoke(app, ["--help"]).stdout.split())
    for code, _, meaning in TABLE:
        assert f"{int(code)} {meaning.replace('`', '')[:30]}" in help_text, code
    assert markdown_table() in (ROOT / "README.md").read_text(encoding="utf-8")


def test_check_verdicts_have_the_codes_of_the_table():
    assert {v: int(ExitCode.for_verdict(v)) for v in EXIT_CODES} == EXIT_CODES
    assert len({int(c) for c, _, _ in TABLE}) == len(TABLE) == len(ExitCode)


@pytest.mark.parametrize(("args", "code"), [
    (["extract", "{tmp}/a.txt", "--engine", "spark"], ExitCode.USAGE),     # a value outside the choice
    (["extract", "{tmp}/a.txt", "--jobbs", "2"], ExitCode.USAGE),          # a mistyped option
    (["extract", "{tmp}/khong_co.txt"], ExitCode.USAGE),                   # a missing path
    (["eval", "{tmp}/a.txt", "--gold-targets", "{tmp}/a.txt", "--subset", "first"], ExitCode.USAGE),
    (["check", "Gia Lai 80%", "--data", "{tmp}/khong_co"], ExitCode.USAGE),
    (["publish", "--data", "{tmp}", "--format", "xlsx"], ExitCode.USAGE),
    (["extract", "{tmp}/a.txt", "{tmp}/rong.txt", "--out", "{tmp}/o", "-j", "1"], ExitCode.PARTIAL),
    (["extract", "{tmp}/a.txt", "--out", "{tmp}/o", "-j", "1"], ExitCode.OK),
])
def test_exit_codes(tmp_path, args, code):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "rong.txt").write_bytes(b"")
    result = CliRunner().invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == code, result.output


def test_the_choices_are_listed_in_the_help():
    text = CliRunner().invoke(app, ["extract", "--help"]).stdout
    assert re.search(r"local\|dask", text)
    assert re.search(r"even\|odd", CliRunner().invoke(app, ["eval", "--help"]).stdout)
    assert re.search(r"sqlite\|parquet", CliRunner().invoke(app, ["publish", "--help"]).stdout)


# ---------------------------------------------------------------------------
# - for stdin and stdout


def test_extract_reads_a_text_from_stdin_and_writes_targets_to_stdout():
    done = run("extract", "-", "--out", "-", "-j", "1", stdin=TEXT)
    assert done.returncode == 0, done.stderr
    rows = pd.read_csv(__import__("io").StringIO(done.stdout.decode()), dtype=str, keep_default_na=False)
    assert rows[["doc_id", "surface", "comparator", "year", "place"]].values.tolist() == [
        ["stdin", "80%", ">=", "2025", "Gia Lai"]]
    assert done.stderr.decode().startswith("1 documents (0 failed)")  # the summary, on stderr


def test_extract_reads_jsonl_records_from_stdin(tmp_path):
    records = [{"id": "a", "text": TEXT, "date": "30/6/2024"}, {"id": "b", "text": "Năm 2023 đạt 70%."}]
    done = run("extract", "-", "--out", str(tmp_path / "o"), "-q", "-j", "1",
               stdin="".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    assert done.returncode == 0, done.stderr
    docs = pd.read_csv(tmp_path / "o" / "documents.csv", dtype=str, keep_default_na=False)
    assert docs[["doc_id", "date"]].values.tolist() == [["a", "2024-06-30"], ["b", ""]]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    (folder / "gia_lai.txt").write_text(TEXT, encoding="utf-8")
    assert CliRunner().invoke(app, ["extract", str(folder / "gia_lai.txt"), "--out", str(folder), "-q"]).exit_code == 0
    return folder


def test_check_reads_the_claim_from_stdin(data_dir):
    done = run("check", "-", "--data", str(data_dir), "--json", stdin=CLAIM + "\n")
    assert done.returncode == ExitCode.OK, done.stderr
    assert json.loads(done.stdout)["verdict"] == "supported"
    assert run("check", "-", "--data", str(data_dir), stdin="  \n").returncode == ExitCode.USAGE


def test_check_reads_a_claims_csv_from_stdin(data_dir):
    done = run("check", "--claims", "-", "--data", str(data_dir), "--out", "-",
               stdin=f"id,claim\nc1,{CLAIM}\n")
    assert done.returncode == 0, done.stderr
    verdicts = pd.read_csv(__import__("io").StringIO(done.stdout.decode()), dtype=str, keep_default_na=False)
    assert verdicts[["id", "verdict"]].values.tolist() == [["c1", "supported"]]


def test_report_to_stdout(data_dir):
    done = run("report", "--data", str(data_dir), "--out", "-")
    assert done.returncode == 0, done.stderr
    assert done.stdout.lstrip().lower().startswith(b"<!doctype html") and b"Gia Lai" in done.stdout


# ---------------------------------------------------------------------------
# --json on eval and conflicts


def test_conflicts_json(data_dir, tmp_path):
    result = CliRunner().invoke(app, ["conflicts", "--data", str(data_dir), "--out", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["conflicts"] == []
    assert [(r["place"], r["year"]) for r in payload["timeline"]][:1] == [("Gia Lai", 2025)]
    assert payload["written"][0].endswith("conflicts.csv")


def test_eval_json(data_dir, tmp_path):
    gold = tmp_path / "gold.csv"
    gold.write_text("doc_id,start,end,surface,value,status,year,level,place\n"
                    f"gia_lai,{TEXT.index('80%')},{TEXT.index('80%') + 3},80%,80,target,2025,,Gia Lai\n",
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(data_dir / "gia_lai.txt"), "--gold-targets", str(gold), "--json", "-q"])
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.stdout)["rows"]
    assert (row["documents"], row["targets"]["matched"], row["fields"]["value"]) == (1, 1, 1.0)


# ---------------------------------------------------------------------------
# Completion, progress, quiet libraries


@pytest.mark.parametrize("instruction", ["bash_source", "source_bash"])
def test_bash_completion_script(instruction):
    done = run(env={"_CHITIEU_COMPLETE": instruction})
    assert done.returncode == 0 and b"complete -o default -F" in done.stdout and b"chitieu" in done.stdout


def test_completion_of_a_choice():
    done = run(env={"_CHITIEU_COMPLETE": "complete_bash", "COMP_WORDS": "chitieu extract --engine ", "COMP_CWORD": "3"})
    assert done.stdout.decode().split() == ["local", "dask"]


def test_quiet_keeps_the_summary_and_silences_pypdf(tmp_path):
    """A PDF whose ``startxref`` is off by a few bytes: pypdf reads it and logs a warning (twice) that
    nobody asked for; ``-q`` leaves the one summary line."""
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Dat 80% nam 2025.")
    data = re.sub(rb"startxref\s+(\d+)", lambda m: b"startxref\n" + str(int(m.group(1)) + 7).encode(),
                  bytes(pdf.output()))
    (tmp_path / "lech.pdf").write_bytes(data)
    done = run("extract", str(tmp_path / "lech.pdf"), "--out", str(tmp_path / "o"), "-q", "-j", "1")
    assert done.returncode == 0
    assert done.stderr.decode().splitlines() == [line for line in done.stderr.decode().splitlines()
                                                 if line.startswith("1 documents (0 failed): 1 targets")] != []
