"""The Dask engine on a small distributed.LocalCluster (2 worker processes: tasks and results
cross process boundaries as on a real cluster) writes what the local engine writes."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from _inputs import jsonl_export, mixed_corpus
from chitieu.pipeline import engine_dask
from chitieu.pipeline.batch import run_batch
from chitieu.pipeline.read import ReadOptions

distributed = pytest.importorskip("distributed")

TABLES = ("targets.csv", "references.csv", "documents.csv", "spans.csv", "texts.jsonl")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


def test_dask_run_equals_local_run(tmp_path, cluster, monkeypatch):
    monkeypatch.setattr(engine_dask, "DASK_BATCH", 5)  # several bags, results merged back in input order
    corpus = mixed_corpus(tmp_path / "in")
    export = jsonl_export(tmp_path / "bao.jsonl", 5)
    inputs = [str(corpus), str(export)]
    options = ReadOptions(id_column="ma_bai", text_column="noi_dung", date_column="ngay")
    local = run_batch(inputs, tmp_path / "local", jobs=2, use_cache=False, options=options,
                      progress=False, errors=io.StringIO())
    errors = io.StringIO()
    dask = run_batch(inputs, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                     use_cache=False, options=options, progress=False, errors=errors)
    assert (dask.documents, dask.failed, dask.targets, dask.references) == (
        local.documents, local.failed, local.targets, local.references)
    assert dask.documents > 10 and dask.targets > 0
    assert "hong.txt: binary" in errors.getvalue()
    for name in TABLES:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name

    parts = sorted((tmp_path / "dask" / "targets_parquet").glob("*.parquet"))
    assert parts
    partitioned = pd.read_parquet(tmp_path / "dask" / "targets_parquet").reset_index(drop=True)
    pd.testing.assert_frame_equal(partitioned, pd.read_parquet(tmp_path / "local" / "targets.parquet"))

    # The Dask engine shares the cache: a rerun has nothing left to send to the cluster.
    again = run_batch(inputs, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                      options=options, progress=False, errors=io.StringIO())
    assert again.cached == dask.documents - dask.failed
    assert (tmp_path / "dask" / "targets.csv").read_bytes() == (tmp_path / "local" / "targets.csv").read_bytes()


def test_the_dask_engine_keeps_the_length_limit(tmp_path):
    """A document longer than --max-chars is an error row on the Dask engine too; the batch goes on."""
    pytest.importorskip("distributed")
    from chitieu.pipeline.batch import run_batch
    from chitieu.pipeline.engine import Limits

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dai.txt").write_text("Năm 2025 đạt 80%. " * 300, encoding="utf-8")
    (tmp_path / "in" / "ngan.txt").write_text("Năm 2025 đạt 80%.", encoding="utf-8")
    summary = run_batch([str(tmp_path / "in")], tmp_path / "out", engine="dask", jobs=1, progress=False,
                        limits=Limits(max_chars=1000))
    docs = pd.read_csv(tmp_path / "out" / "documents.csv", keep_default_na=False).set_index("doc_id")
    assert docs.loc["dai", "status"] == "error" and "--max-chars" in docs.loc["dai", "error"]
    assert docs.loc["ngan", "status"] == "ok" and summary.failed == 1
