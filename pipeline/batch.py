"""Batch runs: every input document through the pipeline in parallel, resumable, in bounded memory.

    >>> run_batch(["corpus"], Path("outputs"), jobs=2)  # doctest: +SKIP
    BatchSummary(documents=12, failed=0, targets=85, references=40, ...)

How a run goes:

1. The inputs are listed in a stable order (:func:`chitieu.pipeline.read.sources_of`); the process that
   runs the batch only lists files and reads export records.
2. A pool of worker processes (``jobs``; each initializes the pipeline once) takes the documents
   in chunks (:data:`~chitieu.pipeline.engine_local.CHUNK_DOCS`: handing out a task costs about as much as a small document), reads
   each file, hashes it (:func:`chitieu.pipeline.cache.source_key`) and looks the hash up among the result
   shards of ``OUT/.chitieu-work/cache/<pipeline version>/``: a hit is not recomputed (unless
   ``use_cache=False``); otherwise the worker processes the document and stores its rows, already
   formatted, as a shard (appended to its pack with a checksum). A failing document becomes a
   ``status=error`` row with a one-line reason on stderr; the others are still processed. A worker
   that dies takes its chunk with it: each of those documents is retried alone.
3. As soon as every document before it is done, a document's rows are appended to the tables
   (:class:`chitieu.pipeline.write.TableWriter`), in input order; at most two chunks per worker are
   in flight, so memory stays bounded however large the corpus is. The tables appear atomically
   when the run ends.

A run killed at any point (even SIGKILL) keeps its finished shards: rerun the same command and it
picks up where it stopped, producing exactly the tables an uninterrupted run would have.
Step 2 is an engine: :mod:`chitieu.pipeline.engine_local` (a process pool, the default) or, with
``engine="dask"``, :mod:`chitieu.pipeline.engine_dask` (a Dask cluster, the cache being looked up by
the process that runs the batch); both share :mod:`chitieu.pipeline.engine`.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from chitieu.pipeline.cache import WORK_DIR, pipeline_key, prune_other_versions, store_for
from chitieu.pipeline.engine import Limits, Merger, Outcome
from chitieu.pipeline.engine_dask import run_dask
from chitieu.pipeline.engine_local import run_local
from chitieu.pipeline.outdir import clean_leftovers, complete, locked
from chitieu.pipeline.progress import Progress
from chitieu.pipeline.read import ReadOptions, expand_inputs, input_size, is_export, sources_of
from chitieu.pipeline.write import TableWriter


@dataclass
class BatchSummary:
    documents: int
    failed: int
    targets: int
    references: int
    out_dir: Path
    cached: int = 0
    seconds: float = 0.0
    bytes: int = 0


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


# ---------------------------------------------------------------------------
# The run


def run_batch(
    paths: Iterable[str],
    out_dir: Path,
    *,
    jobs: int | None = None,
    use_cache: bool = True,
    engine: str = "local",
    scheduler: str | None = None,
    options: ReadOptions | None = None,
    progress: bool | None = None,
    errors=None,
    limits: Limits | None = None,
    wait: bool = False,
) -> BatchSummary:
    """Extract every document under ``paths`` into ``out_dir``; errors go to stderr and documents.csv.

    ``jobs``: worker processes (default: all cores). ``use_cache=False`` recomputes every document.
    ``engine``: ``local`` or ``dask`` (``scheduler``: a Dask scheduler address; a local cluster when
    None). ``limits``: what one document may cost (length, seconds; :class:`~chitieu.pipeline.engine.Limits`,
    the time limit on the local engine only). ``progress``: True a progress bar, False none, None (default) a bar when stderr
    is a terminal, else a line every few seconds (:mod:`chitieu.pipeline.progress`).
    Raises :class:`chitieu.pipeline.read.InputError` for a path that does not exist, and
    :class:`chitieu.pipeline.outdir.Busy` when another run writes to ``out_dir`` (unless ``wait``: then
    it waits for that run to end).
    """
    started = time.monotonic()
    out_dir = Path(out_dir)
    files = expand_inputs(paths)  # InputError before anything is written
    with locked(out_dir / WORK_DIR, wait=wait):
        return _run_batch(files, out_dir, started=started, jobs=jobs, use_cache=use_cache, engine=engine, scheduler=scheduler,
                          options=options, progress=progress, errors=errors, limits=limits)


def _run_batch(files, out_dir: Path, *, started: float, jobs, use_cache, engine, scheduler, options, progress, errors,
               limits) -> BatchSummary:
    """:func:`run_batch`, holding the output folder's lock."""
    jobs = jobs or default_jobs()
    version = pipeline_key()
    store = store_for(out_dir, version)
    store.refresh()  # packs written since this process last looked (an earlier run, a killed one)
    work = out_dir / WORK_DIR
    complete(out_dir, work / "tmp")  # the tables a killed run was publishing, finished before anything else
    complete(out_dir, out_dir)
    clean_leftovers(out_dir)
    shutil.rmtree(work / "tmp", ignore_errors=True)  # what a killed run was writing
    (work / "tmp").mkdir(parents=True, exist_ok=True)
    bar = Progress(
        total_bytes=sum(input_size(f) for f in files),
        total_docs=None if any(is_export(f) for f in files) else len(files),
        enabled=progress, stream=errors or sys.stderr,
    )

    def report(outcome: Outcome) -> None:
        bar.message(f"chitieu: {outcome.where}: {outcome.error}")

    parquet_dir = out_dir / "targets_parquet" if engine == "dask" else None
    with TableWriter(out_dir, parquet_dir=parquet_dir, tmp_dir=work / "tmp") as writer:
        merger = Merger(writer, store)
        try:
            if engine == "dask":
                run_dask(sources_of(files, options, load=True), store, use_cache, merger, bar, report, scheduler, jobs,
                         limits or Limits())
            elif engine == "local":
                run_local(sources_of(files, options, load=False), store, use_cache, merger, bar, report, jobs,
                          limits or Limits())
            else:
                raise ValueError(f"unknown engine {engine!r} (local or dask)")
            bar.mark_complete()
        finally:
            bar.finish()  # a stopped run (Ctrl-C) leaves the terminal's cursor where it was
        assert not merger.pending, "documents left unmerged"
    store.close()
    prune_other_versions(out_dir, version)
    return BatchSummary(**merger.counts, out_dir=out_dir, cached=bar.cached,
                        seconds=time.monotonic() - started, bytes=bar.done_bytes)
