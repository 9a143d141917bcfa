"""Hostile run conditions: a huge document, a runaway document, two runs into one folder, a killed run,
a damaged table, a bad option. Each case gives a right table or a one-line error, never a traceback.
Every input is generated here."""

from __future__ import annotations

import cProfile
import json
import pstats
import signal
import subprocess
import sys
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
    assert result.exit_code == 6, result.output
    docs = _documents(tmp_path)
    assert docs["dai"] == ("error", f"document too long: {len(GOOD) * 100} characters (limit 3000, --max-chars)", 0)
    assert docs["ngan"] == ("ok", "", 1)


def test_a_document_that_takes_longer_than_doc_timeout_is_an_error_row_and_the_batch_goes_on(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cham.txt").write_text(values_document(20000), encoding="utf-8")  # several seconds
    (tmp_path / "in" / "nhanh.txt").write_text(GOOD, encoding="utf-8")
    started = time.monotonic()
    result = _extract(tmp_path, "--doc-timeout", "0.5")
    assert result.exit_code == 6, result.output
    assert time.monotonic() - started < 60
    docs = _documents(tmp_path)
    assert docs["cham"] == ("error", "document took longer than 0.5s (--doc-timeout)", 0)
    assert docs["nhanh"] == ("ok", "", 1)
    assert "cham.txt: document took longer than 0.5s" in result.output


def test_a_timeout_that_lands_in_a_gc_callback_is_raised_again_not_lost():
    """Python swallows an exception raised by a signal handler while a gc callback runs (hypothesis
    installs one in the test process: the CI run that lost its timeout)."""
    import gc

    from chitieu.pipeline.engine import DocumentTimeout, deadline

    def slow_callback(phase, info):
        if phase == "start":
            time.sleep(0.3)  # the alarm (0.1 s) fires in here and its exception is swallowed

    gc.callbacks.append(slow_callback)
    try:
        with pytest.raises(DocumentTimeout), deadline(0.1):
            gc.collect()
            time.sleep(0.01)
            stop = time.monotonic() + 5
            while time.monotonic() < stop:  # work that runs on: only a second alarm ends it
                sum(range(1000))
    finally:
        gc.callbacks.remove(slow_callback)


def test_the_limits_are_on_by_default_and_zero_turns_them_off():
    from chitieu.pipeline.engine import Limits, process_source
    from chitieu.pipeline.read import Source

    assert Limits().max_chars > 1_000_000 and Limits().seconds >= 60
    text = GOOD * 10
    src = Source("d", "d.txt", "text", data=text.encode())
    assert process_source(src, Limits(max_chars=len(text))).document.status == "ok"
    assert process_source(src, Limits(max_chars=len(text) - 1)).document.status == "error"
    assert process_source(src, Limits(max_chars=0, seconds=0)).document.status == "ok"


# ---------------------------------------------------------------------------------------------------
# Runs that cannot hurt each other

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
OTHER = "Năm 2023, tỉnh Long An đạt 61,5% hồ sơ trực tuyến.\n"


def _cli(*args: str, **kwargs) -> subprocess.Popen | subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "chitieu.pipeline.cli", *args], capture_output=True, text=True,
                          timeout=180, **kwargs)


def _hold_lock(out: Path, seconds: float) -> subprocess.Popen:
    """Another process that holds ``out``'s lock for ``seconds`` (as a running extract does)."""
    script = ("import sys, time; from pathlib import Path; from chitieu.pipeline.outdir import locked\n"
              "with locked(Path(sys.argv[1]) / '.chitieu-work'):\n"
              "    print('held', flush=True); time.sleep(float(sys.argv[2]))\n")
    holder = subprocess.Popen([PYTHON, "-c", script, str(out), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_run_into_the_same_out_says_so_in_one_line_and_exits_75(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    holder = _hold_lock(tmp_path / "out", 30)
    try:
        result = _cli("extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "-q")
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 75, result.stderr
    assert result.stderr.startswith("chitieu: another chitieu run (process ") and result.stderr.count("\n") == 1
    assert "--wait" in result.stderr
    assert not (tmp_path / "out" / "targets.csv").exists()


def test_with_wait_a_second_run_waits_for_the_first_then_writes(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    holder = _hold_lock(tmp_path / "out", 3)
    result = _cli("extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "-q", "--wait", "-j", "1")
    assert holder.wait() == 0
    assert result.returncode == 0, result.stderr
    assert len(pd.read_csv(tmp_path / "out" / "targets.csv")) == 1


_KILL_BETWEEN_RENAMES = """
import os, signal, sys
from pathlib import Path
from chitieu.pipeline.batch import run_batch
real = os.replace
def replace(src, dst):
    real(src, dst)
    if str(dst).endswith("targets.csv"):  # the first table is in place, the others not yet
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
run_batch([sys.argv[1]], Path(sys.argv[2]), jobs=1, progress=False)
"""


def test_a_run_killed_between_two_renames_never_mixes_the_tables_of_two_runs(tmp_path):
    """The reader finishes what the killed run was publishing: every table is the second run's."""
    from chitieu.tools.tables import load_table

    out = tmp_path / "out"
    (tmp_path / "first").mkdir()
    (tmp_path / "first" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "second").mkdir()
    for i in range(3):
        (tmp_path / "second" / f"b{i}.txt").write_text(OTHER, encoding="utf-8")
    assert _cli("extract", str(tmp_path / "first"), "--out", str(out), "-q", "-j", "1").returncode == 0
    killed = subprocess.run([PYTHON, "-c", _KILL_BETWEEN_RENAMES, str(tmp_path / "second"), str(out)],
                            capture_output=True, text=True, timeout=180)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    expected = ["b0", "b1", "b2"]
    targets, documents = load_table(out, "targets"), load_table(out, "documents")
    assert documents["doc_id"].tolist() == expected
    assert sorted(set(targets["doc_id"])) == expected
    assert [json.loads(line)["doc_id"] for line in (out / "texts.jsonl").read_text(encoding="utf-8").splitlines()] == expected


def test_the_temporary_files_of_killed_runs_are_removed_by_the_next_run(tmp_path):
    out = tmp_path / "out"
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out.mkdir()
    leftovers = [out / ".targets.csv.tmp-99999", out / ".texts.jsonl.tmp-4242", out / ".targets_parquet.old-77"]
    for path in leftovers:
        path.write_text("half a table", encoding="utf-8")
    (out / ".chitieu-work" / "tmp").mkdir(parents=True)
    (out / ".chitieu-work" / "tmp" / ".documents.csv.tmp-123").write_text("x", encoding="utf-8")
    (out / "ghi_chu.txt").write_text("the user's own file", encoding="utf-8")
    assert _cli("extract", str(tmp_path / "a.txt"), "--out", str(out), "-q", "-j", "1").returncode == 0
    assert [p for p in leftovers if p.exists()] == []
    assert [p.name for p in (out / ".chitieu-work" / "tmp").iterdir()] == []
    assert (out / "ghi_chu.txt").read_text(encoding="utf-8") == "the user's own file"


# ---------------------------------------------------------------------------------------------------
# One-line errors everywhere


def _main(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    """Run the console entry point in this process: its exit code and its stderr."""
    from chitieu.pipeline.cli import main

    monkeypatch.setattr(sys, "argv", ["chitieu", *args])
    with pytest.raises(SystemExit) as stopped:
        main()
    return stopped.value.code, capsys.readouterr().err


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> Path:
    """The tables of a small extraction, for the tools to read (a copy is damaged in each test)."""
    root = tmp_path_factory.mktemp("tables")
    (root / "in").mkdir()
    (root / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "in" / "b.txt").write_text(OTHER, encoding="utf-8")
    assert _cli("extract", str(root / "in"), "--out", str(root / "out"), "-q", "-j", "1").returncode == 0
    return root / "out"


_DAMAGES = {
    "empty": (lambda good: b"", "empty file, not a table written by chitieu extract"),
    "binary": (lambda good: bytes(range(256)) * 4, "not UTF-8 text (byte 128 is 0x80): binary or damaged"),
    "cut in a row": (lambda good: good[: good.rindex(b",", 0, len(good) - 2)], "the last row has no line end"),
    "cut in a quote": (lambda good: good + b'x,"cut short\n', "a quoted cell is never closed"),
    "a row short": (lambda good: good + b"x,1\n", " has 2 of "),
    "not ours": (lambda good: b"ten,so\nA,1\n", "no doc_id column, not a table written by chitieu extract"),
}
_COMMANDS = {
    "check": ["check", "Gia Lai phấn đấu đến năm 2025 có 80% hồ sơ được xử lý trực tuyến"],
    "report": ["report"], "conflicts": ["conflicts"], "publish": ["publish"],
}


@pytest.mark.parametrize("damage", list(_DAMAGES))
@pytest.mark.parametrize(("table", "command"), [("targets", c) for c in _COMMANDS] + [
    ("documents", "report"), ("spans", "report"), ("references", "publish")])
def test_a_damaged_table_given_to_a_tool_is_a_one_line_error_naming_the_file(
        tables, tmp_path, monkeypatch, capsys, damage, table, command):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(tables, data)
    make, message = _DAMAGES[damage]
    (data / f"{table}.csv").write_bytes(make((tables / f"{table}.csv").read_bytes()))
    code, err = _main(monkeypatch, capsys, *_COMMANDS[command], "--data", str(data))
    assert code == 2
    assert err.startswith(f"chitieu: {data / table}.csv: ") and message in err, err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(("content", "message"), [
    (b"\xff\xfe\x00binary", "not UTF-8 text (byte 0): binary or damaged"),
    (b'{"doc_id": "a", "text": "T\xe1\xbb\x89nh', "the last line has no line end: the file is cut short"),
    (b'{"doc_id": "a", "text": "T\n', "line 1 is not a record with doc_id and text"),
    (b'{"doc_id": "a", "text": ["T"]}\n', "line 1: text is not a string"),
])
def test_a_damaged_texts_file_is_a_one_line_error_naming_the_file(tables, tmp_path, monkeypatch, capsys,
                                                                    content, message):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(tables, data)
    (data / "texts.jsonl").write_bytes(content)
    code, err = _main(monkeypatch, capsys, "report", "--data", str(data))
    assert (code, err.count("\n")) == (2, 1)
    assert err.startswith(f"chitieu: {data / 'texts.jsonl'}: ") and message in err, err


def test_a_full_disk_under_out_is_a_one_line_error_with_exit_74(tmp_path):
    import resource

    def small_files() -> None:  # as if the disk filled up after 3,000 bytes of each file
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (3000, 3000))

    (tmp_path / "dai.txt").write_text(GOOD * 60, encoding="utf-8")
    result = subprocess.run([PYTHON, "-m", "chitieu.pipeline.cli", "extract", str(tmp_path / "dai.txt"), "--out",
                             str(tmp_path / "out"), "-q", "-j", "1"], capture_output=True, text=True, timeout=180,
                            preexec_fn=small_files)
    assert result.returncode == 74, result.stderr
    assert "Traceback" not in result.stderr
    last = result.stderr.splitlines()[-1]
    assert last.startswith("chitieu: ") and "File too large" in last
    assert not (tmp_path / "out" / "targets.csv").exists()  # no table of half a run


def test_an_unexpected_error_is_one_line_with_exit_70_and_its_traceback_on_demand(tmp_path, monkeypatch, capsys):
    import chitieu.pipeline.batch

    def broken(*args, **kwargs):
        raise RuntimeError("a bug\nover two lines")

    monkeypatch.setattr(chitieu.pipeline.batch, "_run_batch", broken)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    args = ("extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "-q")
    code, err = _main(monkeypatch, capsys, *args)
    assert code == 70
    assert err == ("chitieu: unexpected error: RuntimeError: a bug over two lines (a bug; rerun with --debug for "
                   "the traceback)\n")
    monkeypatch.setattr(sys, "argv", ["chitieu", "--debug", *args])
    from chitieu.pipeline.cli import main

    with pytest.raises(RuntimeError):
        main()
    monkeypatch.setenv("CHITIEU_DEBUG", "1")
    monkeypatch.setattr(sys, "argv", ["chitieu", *args])
    with pytest.raises(RuntimeError):
        main()


def test_control_characters_of_a_file_name_never_reach_the_terminal(tmp_path, monkeypatch, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a\x1b[2J\x07.txt").write_bytes(b"")  # an empty file: its error line names it
    code, err = _main(monkeypatch, capsys, "extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-j", "1")
    assert code == 6
    assert "\x1b" not in err and "\x07" not in err
    assert "a\\u001b[2J\\u0007.txt: empty file" in err


# ---------------------------------------------------------------------------------------------------
# The review report: linear in the spans of a document


class _Counted(tuple):
    """A span that counts how often its fields are read."""

    reads = 0

    def __getitem__(self, i):
        _Counted.reads += 1
        return tuple.__getitem__(self, i)


def _reads(n: int) -> int:
    from chitieu.tools.report import render_text

    text = "Đạt 80%. " * n
    spans = [_Counted((9 * i + 4, 9 * i + 7, "value", "80%", "", "")) for i in range(n)]
    _Counted.reads = 0
    render_text(text, spans)
    return _Counted.reads


def _plain_render(text: str, spans) -> str:
    """The report's highlighting as it was written first: every span checked for every piece."""
    from chitieu.tools.report import _css, _esc, _rank

    valid = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in valid), *(s[1] for s in valid)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = _esc(text[a:b])
        covering = [(k, s) for k, s in enumerate(valid) if s[0] <= a and b <= s[1]]
        if not covering:
            out.append(piece)
            continue
        covering.sort(key=lambda ks: (_rank(ks[1][2]), ks[1][1] - ks[1][0]))
        labels = list(dict.fromkeys(s[2] for _, s in covering))
        classes = ["hl"] + [f"l-{_css(lbl)}" for lbl in labels]
        attrs = [f'data-s="{" ".join(str(k) for k, _ in covering)}"']
        starting = [(k, s) for k, s in covering if s[0] == a]
        if starting:
            k, s = starting[0]
            classes.append("start")
            attrs.append(f'data-k="{k}"')
            if s[4]:
                attrs.append(f'id="{_esc(s[4])}"')
            attrs.append(f'data-tag="{_esc(" ".join(dict.fromkeys(x[2] for _, x in starting)))}"')
        attrs.append(f'title="{_esc(" | ".join(s[5] or f"{s[2]}: {s[3]}" for _, s in covering))}"')
        out.append(f'<span class="{" ".join(classes)}" {" ".join(attrs)}>{piece}</span>')
    return "".join(out)




def test_the_report_of_one_document_reads_each_span_once():
    """The review page's data is built in one pass over rows and spans: 4× the spans of one document
    cost 4× the label lookups (the old page searched every span for every piece of text)."""
    import pandas as pd

    from chitieu.tools import report

    def lookups(n: int) -> int:
        text = " ".join("đạt 5%" for _ in range(n))
        spans = pd.DataFrame({"doc_id": ["d"] * n, "start": [i * 7 + 4 for i in range(n)],
                              "end": [i * 7 + 6 for i in range(n)], "label": ["year"] * n, "detail": [""] * n})
        empty = pd.DataFrame(columns=["doc_id", "start", "end", "surface", "indicator", "indicator_code"])
        calls = 0
        original = report._Enum.__call__

        def counted(self, value):
            nonlocal calls
            calls += 1
            return original(self, value)

        report._Enum.__call__ = counted
        try:
            _, shards = report.report_data(empty, empty.iloc[:, :3], pd.DataFrame({"doc_id": ["d"]}), spans, {"d": text})
        finally:
            report._Enum.__call__ = original
        assert sum(len(doc[2]) for shard in shards for doc in shard) == n
        return calls

    assert lookups(16_000) <= 5 * lookups(4_000)


def test_a_long_document_is_lowercased_once_whatever_its_values(monkeypatch):
    """The lowercase copy of a document is kept while the short pieces of each value are read: else
    every value lowercases the whole document again (quadratic in its values)."""
    from chitieu.extractors import scan
    from chitieu.pipeline.run import process_texts

    text = " ".join(f"Đến năm 2025, tỷ lệ hộ gia đình có nước sạch tại huyện đạt {i % 90 + 5}%." for i in range(400))
    long_calls = []
    original = scan._lower
    monkeypatch.setattr(scan, "_lowered", scan._Copies(
        lambda t: (long_calls.append(len(t)) if len(t) >= scan._LONG else None) or original(t)))
    assert len(process_texts([text])[0].targets) == 400
    assert len(long_calls) <= 3, long_calls
