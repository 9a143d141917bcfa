"""The command line and the Python entry point: help, usage errors, bad files among good ones, columns."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import chitieu

ROOT = Path(__file__).resolve().parents[1]
CHITIEU = ROOT / ".venv" / "bin" / "chitieu"
COLUMNS = ["doc_id", "start", "end", "surface", "value", "value_high", "unit", "comparator", "status", "measure",
           "year", "level", "place", "indicator", "decision", "sentence"]

GOOD = "Tỉnh Gia Lai phấn đấu đến năm 2025, tối thiểu 80% hồ sơ được xử lý trực tuyến.\n"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    cmd = [str(CHITIEU)] if CHITIEU.exists() else [sys.executable, "-m", "chitieu.pipeline.cli"]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=120, cwd=cwd)


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    assert "extract" in result.stdout and "eval" in result.stdout
    assert "chitieu extract" in result.stdout  # shows how to start


def test_no_arguments_shows_help():
    result = run()
    assert "extract" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_extract_missing_path_is_a_one_line_usage_error(tmp_path):
    result = run("extract", str(tmp_path / "does-not-exist"), "--out", str(tmp_path / "out"), "-q")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "does-not-exist" in lines[0]


def test_extract_folder_with_bad_files(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    out = tmp_path / "out"
    result = run("extract", str(src), "--out", str(out), "-j", "1", "-q")
    assert result.returncode == 6, result.stderr  # some documents failed
    assert "Traceback" not in result.stderr

    docs = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False).set_index("doc_id")
    assert set(docs.index) == {"good", "empty", "binary"}
    assert docs.loc["good", "status"] == "ok"
    assert docs.loc["empty", "status"] == "error" and docs.loc["empty", "error"]
    assert docs.loc["binary", "status"] == "error" and docs.loc["binary", "error"]
    assert "\n" not in docs.loc["binary", "error"]

    targets = pd.read_csv(out / "targets.csv", dtype=str, keep_default_na=False)
    assert list(targets.columns[: len(COLUMNS)]) == COLUMNS
    assert set(targets["doc_id"]) == {"good"}
    row = targets.iloc[0]
    assert (row["surface"], float(row["value"]), row["comparator"], row["year"], row["place"]) == (
        "80%", 80.0, ">=", "2025", "Gia Lai")
    assert GOOD[int(row["start"]):int(row["end"])] == row["surface"]


def test_extract_all_good_exits_0(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = run("extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "-j", "1", "-q")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "targets.csv").is_file()


@pytest.mark.parametrize("option", [["--engine", "spark"], ["--jobs", "-1"]])
def test_bad_option_is_a_usage_error(tmp_path, option):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = run("extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), *option)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_python_extract_returns_the_table():
    df = chitieu.extract([GOOD, "Không có con số nào ở đây."], doc_ids=["a", "b"])
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns[: len(COLUMNS)]) == COLUMNS
    assert df["doc_id"].tolist() == ["a"]
    assert df.loc[0, "value"] == 80.0
    assert df.loc[0, "year"] == 2025
    assert df.loc[0, "status"] == "target"


def test_python_extract_of_nothing_has_the_columns():
    df = chitieu.extract([])
    assert list(df.columns[: len(COLUMNS)]) == COLUMNS
    assert len(df) == 0


def test_python_extract_rejects_mismatched_ids():
    with pytest.raises(ValueError):
        chitieu.extract(["a", "b"], doc_ids=["x"])


def test_extract_never_reads_its_own_outputs(tmp_path):
    """``extract .`` then ``report`` then ``extract .`` again (into the folder and below it, by folder
    and by a ``**/*`` glob): the same documents each time, no report page or table read as input."""
    folder = tmp_path / "bai"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text("Huyện phấn đấu đến năm 2030 tỷ lệ che phủ rừng đạt 45%.\n", encoding="utf-8")
    assert run("extract", str(folder), "--out", str(folder), "-q").returncode == 0
    assert run("report", "--data", str(folder)).returncode == 0
    assert (folder / "report.html").exists() and (folder / ".chitieu-work").is_dir()
    first = pd.read_csv(folder / "documents.csv")["doc_id"].tolist()
    assert first == ["a", "b"]
    for inputs, out in (([str(folder)], folder / "lai"), ([f"{folder}/**/*"], folder / "glob")):
        result = run("extract", *inputs, "--out", str(out), "--no-cache", "-q")
        assert result.returncode == 0, result.stderr
        assert pd.read_csv(out / "documents.csv")["doc_id"].tolist() == first


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["-j", "99999999999999999999"], "--jobs must be at most"),
        (["-j", str(4 * len(os.sched_getaffinity(0)) + 1)], "--jobs must be at most"),
        (["--out", "{tmp}/a.txt"], "is a file, not a folder"),
        (["--out", "{tmp}/a.txt/ket_qua"], "cannot create the folder"),
    ],
)
def test_jobs_and_out_mistakes_are_one_line_usage_errors(tmp_path, option, message):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    option = [o.replace("{tmp}", str(tmp_path)) for o in option]
    result = run("extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), *option)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("chitieu: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and (tmp_path / "a.txt").read_text(encoding="utf-8") == GOOD


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_out_is_a_one_line_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "khoa"
    out.mkdir(mode=0o555)
    result = run("extract", str(tmp_path / "a.txt"), "--out", str(out))
    assert result.returncode == 2 and result.stderr == f"chitieu: --out {out}: the folder is not writable\n"
