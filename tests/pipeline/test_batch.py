"""Batch runs: parallel workers, a bad file among good ones, the cache, and a run killed by SIGKILL."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from _inputs import ARTICLES, FILLER, jsonl_export, mixed_corpus
from chitieu.pipeline.batch import run_batch
from chitieu.pipeline.cache import WORK_DIR, ShardStore, pipeline_key, store_for
from chitieu.pipeline.cli import app
from chitieu.pipeline.progress import Progress
from chitieu.pipeline.write import TableWriter, frames, to_csv
from typer.testing import CliRunner

from chitieu.models import DocResult, Document, Target

OUTPUTS = ("targets.csv", "references.csv", "documents.csv", "spans.csv", "texts.jsonl")
ROOT = Path(__file__).resolve().parents[2]


def tables_of(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def texts_of(out: Path) -> dict[str, str]:
    lines = (out / "texts.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["doc_id"]: r["text"] for r in map(json.loads, lines)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return mixed_corpus(tmp_path_factory.mktemp("corpus") / "in")


@pytest.fixture(scope="module")
def clean_run(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clean")
    run_batch([str(corpus)], out, jobs=2, use_cache=False, progress=False, errors=io.StringIO())
    return out


def test_a_bad_file_among_good_ones(corpus, clean_run):
    docs = pd.read_csv(clean_run / "documents.csv", keep_default_na=False)
    n_files = sum(1 for p in corpus.rglob("*") if p.is_file())
    assert len(docs) == n_files
    bad = docs[docs.status == "error"]
    assert list(bad.doc_id) == ["hong"] and "binary" in bad.error.iloc[0]
    assert set(docs[docs.status == "ok"].encoding) >= {"utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni", "docx"}
    texts = texts_of(clean_run)
    assert set(texts) == set(docs[docs.status == "ok"].doc_id)
    assert all(len(texts[d]) == c for d, c in zip(docs.doc_id, docs.chars, strict=True) if d in texts)


def test_every_row_points_into_the_stored_text(clean_run):
    texts = texts_of(clean_run)
    targets = pd.read_csv(clean_run / "targets.csv", keep_default_na=False)
    references = pd.read_csv(clean_run / "references.csv", keep_default_na=False)
    for frame in (targets, references):
        for row in frame.itertuples():
            assert texts[row.doc_id][row.start:row.end] == row.surface
    for row in targets.itertuples():
        assert texts[row.doc_id][row.sentence_start:row.sentence_end] == row.sentence
    docs = pd.read_csv(clean_run / "documents.csv", keep_default_na=False)
    assert docs.targets.sum() == len(targets) and docs.references.sum() == len(references)


def test_one_worker_and_two_workers_write_identical_tables(corpus, clean_run, tmp_path):
    run_batch([str(corpus)], tmp_path, jobs=1, use_cache=False, progress=False, errors=io.StringIO())
    assert tables_of(tmp_path) == tables_of(clean_run)
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "targets.parquet"),
                                  pd.read_parquet(clean_run / "targets.parquet"))


def test_rerun_skips_unchanged_documents_and_recomputes_changed_ones(tmp_path, clean_run):
    corpus = mixed_corpus(tmp_path / "in")
    out = tmp_path / "out"
    first = run_batch([str(corpus)], out, jobs=2, progress=False, errors=io.StringIO())
    assert first.cached == 0
    again = run_batch([str(corpus)], out, jobs=2, progress=False, errors=io.StringIO())
    assert again.cached == first.documents - first.failed  # every ok document; errors are retried
    same_content = ("targets.csv", "references.csv", "spans.csv", "texts.jsonl")  # documents.csv has paths
    assert {n: tables_of(out)[n] for n in same_content} == {n: tables_of(clean_run)[n] for n in same_content}

    (corpus / "bai_000.txt").write_text(ARTICLES[4], encoding="utf-8")
    changed = run_batch([str(corpus)], out, jobs=2, progress=False, errors=io.StringIO())
    assert changed.cached == again.cached - 1
    assert texts_of(out)["bai_000"] == ARTICLES[4]

    packs = {p: p.stat().st_size for p in (out / WORK_DIR).rglob("*.pack")}
    fresh = run_batch([str(corpus)], out, jobs=2, use_cache=False, progress=False, errors=io.StringIO())
    assert fresh.cached == 0 and fresh.targets == changed.targets
    # --no-cache neither reads nor writes the cache: the next run still finds every document
    assert {p: p.stat().st_size for p in (out / WORK_DIR).rglob("*.pack")} == packs
    assert run_batch([str(corpus)], out, jobs=2, progress=False, errors=io.StringIO()).cached == changed.documents - changed.failed


def test_a_document_that_kills_its_worker_fails_alone(tmp_path, monkeypatch):
    # Workers take documents in chunks; a worker that dies takes its chunk (and the pool) with it.
    # Every document of those chunks is retried alone: only the one that kills a worker each time
    # ends as an error row.
    import chitieu.pipeline.run as run

    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(70):
        (corpus / f"tin_{i:03d}.txt").write_text(f"Năm {2020 + i % 6}, tỷ lệ hộ nghèo đạt {i + 1}%.", encoding="utf-8")
    original = run.process_document

    def fragile(doc):
        if "đạt 37%" in doc.text:
            os._exit(3)  # as a segfault or the OOM killer would
        return original(doc)

    monkeypatch.setattr(run, "process_document", fragile)  # the forked workers inherit it
    errors = io.StringIO()
    summary = run_batch([str(corpus)], tmp_path / "out", jobs=2, use_cache=False, progress=False, errors=errors)
    docs = pd.read_csv(tmp_path / "out" / "documents.csv", keep_default_na=False)
    assert (summary.documents, summary.failed, summary.targets) == (70, 1, 69)
    assert list(docs[docs.status == "error"].doc_id) == ["tin_036"]
    assert "worker process died" in docs.set_index("doc_id").loc["tin_036", "error"]
    assert list(docs.doc_id) == [f"tin_{i:03d}" for i in range(70)]  # input order kept


def test_shards_of_older_pipeline_versions_are_pruned(tmp_path):
    corpus = mixed_corpus(tmp_path / "in", n_text=2, with_bad=False)
    stale = store_for(tmp_path / "out", "0.0.0-old")
    stale.put("ab" * 32, {"document": {}})
    run_batch([str(corpus)], tmp_path / "out", jobs=1, progress=False, errors=io.StringIO())
    versions = [p.name for p in (tmp_path / "out" / WORK_DIR / "cache").iterdir()]
    assert versions == [pipeline_key()]


SLOW_RUN = textwrap.dedent(
    """
    import sys, time
    import chitieu.pipeline.run as run

    original = run.process_document

    def slow(doc):
        time.sleep(0.05)
        return original(doc)

    run.process_document = slow
    from chitieu.pipeline.cli import main

    sys.argv = ["chitieu", "extract", *sys.argv[1:]]
    main()
    """
)


def test_a_run_killed_midway_then_rerun_equals_a_clean_run(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(60):
        text = " ".join([ARTICLES[i % len(ARTICLES)], FILLER[i % len(FILLER)], f"Năm {2020 + i % 10} đạt {i % 90 + 5}%."])
        (corpus / f"tin_{i:03d}.txt").write_text(text, encoding="utf-8")
    export = jsonl_export(tmp_path / "bao.jsonl", 20)
    args = [str(corpus), str(export), "--out", str(tmp_path / "killed"), "-j", "2", "--quiet"]
    shards = tmp_path / "killed" / WORK_DIR / "cache"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_RUN, *args], cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    done = 0
    while time.monotonic() < deadline and proc.poll() is None:
        done = sum(len(ShardStore(v)) for v in shards.iterdir()) if shards.exists() else 0
        if done >= 10:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)  # the run's own process only: its workers must notice and end
    proc.wait()
    orphans = True
    for _ in range(100):
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            orphans = False
            break
        time.sleep(0.1)
    if orphans:
        os.killpg(proc.pid, signal.SIGKILL)
    assert not orphans, "worker processes outlived the killed run"
    assert 10 <= done < 80
    assert not (tmp_path / "killed" / "targets.csv").exists()  # no half-written table

    inputs = [str(corpus), str(export)]
    resumed = run_batch(inputs, tmp_path / "killed", jobs=2, progress=False, errors=io.StringIO())
    assert resumed.cached >= 10
    clean = run_batch(inputs, tmp_path / "clean", jobs=2, use_cache=False, progress=False, errors=io.StringIO())
    assert (resumed.documents, resumed.targets) == (clean.documents, clean.targets) == (80, clean.targets)
    assert tables_of(tmp_path / "killed") == tables_of(tmp_path / "clean")
    docs = pd.read_csv(tmp_path / "killed" / "documents.csv", keep_default_na=False)
    assert docs.doc_id.is_unique and len(docs) == 80


def test_cli_exit_codes_and_export_options(tmp_path):
    runner = CliRunner()
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    export = jsonl_export(tmp_path / "bao.jsonl", 3)
    ok = runner.invoke(app, ["extract", str(good), str(export), "--out", str(tmp_path / "o1"), "-j", "1",
                             "--id-column", "ma_bai", "--text-column", "noi_dung", "--date-column", "ngay"])
    assert ok.exit_code == 0, ok.output
    docs = pd.read_csv(tmp_path / "o1" / "documents.csv")
    assert list(docs.doc_id) == ["a", "bao-0000", "bao-0001", "bao-0002"]
    records = [json.loads(line) for line in (tmp_path / "o1" / "texts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records[1] == {"doc_id": "bao-0000", "text": ARTICLES[0], "date": "2024-03-01"}

    (good / "b.txt").write_bytes(b"")
    failed = runner.invoke(app, ["extract", str(good), "--out", str(tmp_path / "o2"), "-j", "1", "--quiet"])
    assert failed.exit_code == 6
    assert "b.txt: empty file" in failed.output

    missing = runner.invoke(app, ["extract", str(tmp_path / "khong_co"), "--out", str(tmp_path / "o3")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output and "no such file" in missing.output
    bad_engine = runner.invoke(app, ["extract", str(good), "--engine", "spark"])
    assert bad_engine.exit_code == 2


def test_progress_bar_log_lines_or_nothing(tmp_path, monkeypatch):
    """A bar when asked (a terminal), a plain line every LOG_EVERY seconds in a log, nothing with -q;
    the errors in every mode."""
    from chitieu.pipeline import progress

    corpus = mixed_corpus(tmp_path / "in", n_text=3)
    shown = io.StringIO()
    run_batch([str(corpus)], tmp_path / "o", jobs=1, progress=True, errors=shown)
    assert "docs" in shown.getvalue() and "MB/s" in shown.getvalue() and "ETA" in shown.getvalue()
    assert "hong.txt: binary" in shown.getvalue()
    monkeypatch.setattr(progress, "LOG_EVERY", 0.0)
    logged = io.StringIO()
    run_batch([str(corpus)], tmp_path / "o", jobs=1, progress=None, errors=logged)  # StringIO is no terminal
    lines = logged.getvalue().splitlines()
    assert "\r" not in logged.getvalue() and "hong.txt: binary" in logged.getvalue()
    assert sum("MB/s" in line and "ETA" in line for line in lines) >= 2, lines
    hidden = io.StringIO()
    run_batch([str(corpus)], tmp_path / "o", jobs=1, progress=False, errors=hidden)
    assert "MB/s" not in hidden.getvalue() and "hong.txt: binary" in hidden.getvalue()
    bar = Progress(total_bytes=1000, total_docs=4, enabled=False)
    bar.advance(250, cached=True)
    assert "1/4 docs, 1 cached" in bar.line() and "25%" in bar.line()


def test_a_finished_run_of_an_export_ends_at_100_percent(tmp_path, monkeypatch):
    """An export's size counts its keys and other fields, which no text holds: the last line of a
    finished run still says 100%, not the share of bytes the texts made up."""
    import json

    from chitieu.pipeline import progress

    monkeypatch.setattr(progress, "LOG_EVERY", 0.0)
    export = tmp_path / "docs.jsonl"
    export.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Năm 2023 đạt {i}%.", "url": "https://e.vn/" + "x" * 200,
                                          "note": "y" * 300}, ensure_ascii=False) + "\n" for i in range(5)),
                      encoding="utf-8")
    logged = io.StringIO()
    run_batch([str(export)], tmp_path / "o", jobs=1, progress=None, errors=logged)
    last = [line for line in logged.getvalue().splitlines() if "MB/s" in line][-1]
    assert last.startswith("100% 5 docs"), last


def _result(i: int) -> DocResult:
    text = f'Đến năm {2020 + i}, tỷ lệ "hộ nghèo"\nđạt {i}%.'
    start = text.index(f"{i}%")
    value = [97.83, 0.1 + 0.2, 1e-05, 12345678.9, float(i)][i % 5]
    target = Target(f"d{i}", start, start + len(f"{i}%"), f"{i}%", value, year=2020 + i if i % 4 else None,
                    value_high=value + 1 if i % 3 == 0 else None, sentence=text, sentence_end=len(text),
                    indicator="tỷ lệ, hộ nghèo" if i % 2 else "", estimate=i % 2 == 0,
                    date="2023-06-30" if i % 3 else "")
    doc = Document(f"d{i}", text=text, warnings=["bad_url"] if i % 4 == 1 else [])
    if i % 3:
        doc.meta.update(date="2023-06-30", outlet="Báo, \"Gia Lai\"", url=f"https://bao.vn/{i}", title="Tin\nmới")
    return DocResult(doc, targets=[target] * (i % 3), spans=[(start, start + 2, "value", "")])


def test_streamed_tables_equal_the_in_memory_frames(tmp_path):
    results = [_result(i) for i in range(11)] + [DocResult(Document("hong", status="error", error="empty file"))]
    with TableWriter(tmp_path / "a", chunk=2, parquet_dir=tmp_path / "a" / "targets_parquet") as writer:
        for r in results:
            writer.add(r)
    with TableWriter(tmp_path / "b", chunk=1000) as writer:
        for r in results:
            writer.add(r)
    assert tables_of(tmp_path / "a") == tables_of(tmp_path / "b")
    expected = frames(results)
    for name in ("targets", "references", "documents"):  # byte for byte what pandas writes (booleans true/false)
        assert (tmp_path / "a" / f"{name}.csv").read_text(encoding="utf-8") == to_csv(expected[name])
    assert set(pd.read_csv(tmp_path / "a" / "targets.csv", dtype=str)["estimate"]) == {"true", "false"}
    assert pq.read_schema(tmp_path / "a" / "targets.parquet").field("estimate").type == pa.bool_()
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "a" / "targets.parquet"), expected["targets"])
    parts = pd.read_parquet(tmp_path / "a" / "targets_parquet").reset_index(drop=True)
    pd.testing.assert_frame_equal(parts, expected["targets"])
    assert not list((tmp_path / "a").glob(".*tmp*"))
