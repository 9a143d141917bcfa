"""Batch runs: every input document through the pipeline in parallel, resumable, in bounded memory.

    >>> run_batch(["corpus"], Path("outputs"), jobs=2)  # doctest: +SKIP
    BatchSummary(documents=12, failed=0, targets=85, references=40, ...)

How a run goes:

1. The inputs are listed in a stable order (:func:`pipeline.read.iter_sources`).
2. Each document's content hash (:func:`pipeline.cache.source_key`) is looked up among the result
   shards of ``OUT/.chitieu-work/cache/<pipeline version>/``; a hit is not recomputed (unless
   ``use_cache=False``).
3. The others go to a pool of worker processes (``jobs``; each initializes the pipeline once),
   at most a few per worker in flight, so memory stays bounded however large the corpus is. A
   worker writes each result as a shard, atomically. A failing document becomes a ``status=error``
   row with a one-line reason on stderr; the others are still processed.
4. The shards are merged, in input order, into the tables (:class:`pipeline.write.TableWriter`),
   which appear atomically.

A run killed at any point (even SIGKILL) keeps its finished shards: rerun the same command and it
picks up where it stopped, producing exactly the tables an uninterrupted run would have.
With ``engine="dask"`` step 3 runs on a Dask cluster (:mod:`pipeline.engine_dask`).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from pipeline.cache import WORK_DIR, ShardStore, pipeline_key, prune_other_versions, source_key, store_for
from pipeline.models import DocResult, Document
from pipeline.progress import Progress
from pipeline.read import ReadOptions, Source, decode_source, expand_inputs, iter_sources
from pipeline.write import Rendered, TableWriter, render


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


def process_source(src: Source) -> DocResult:
    """The per-document function of every engine: decode and extract one document.

    Never raises: a document that cannot be read or whose extraction fails comes back with
    ``status="error"`` and a one-line reason.
    """
    from pipeline.run import process_document

    try:
        doc = decode_source(src)
    except Exception as exc:  # a reader bug must not sink the batch either
        doc = Document(doc_id=src.doc_id, path=src.path, status="error",
                       error=_one_line(f"reading failed: {type(exc).__name__}: {exc}"))
    result = DocResult(document=doc)
    if doc.status == "ok":
        try:
            result = process_document(doc)
        except Exception as exc:  # one bad document must not sink the batch
            doc.status, doc.error = "error", _one_line(f"extraction failed: {type(exc).__name__}: {exc}")
            result = DocResult(document=doc)
    return result


def _one_line(message: str) -> str:
    return " ".join(message.split())[:500]


# ---------------------------------------------------------------------------
# Workers


def _init_worker() -> None:
    """Load the pipeline (and underthesea's models) once per worker, not once per document."""
    warm_up()


def warm_up() -> None:
    from pipeline.run import process_document

    # A broken core shows up on the real documents, with their names.
    with contextlib.suppress(Exception):
        process_document(Document("warm-up", text="Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm còn 2%."))


@dataclass(slots=True)
class Outcome:
    """What a worker sends back: nothing for a stored result; the rows and reason of a failure."""

    ok: bool
    rendered: Rendered | None = None
    error: str = ""
    where: str = ""


def _outcome(result: DocResult) -> Outcome:
    doc = result.document
    return Outcome(ok=False, rendered=render(result), error=doc.error, where=doc.path or doc.doc_id)


def _work(src: Source, key: str, store_root: str) -> Outcome:
    """Run in a worker: process one source; store an ok result as a shard, return a failure inline."""
    result = process_source(src)
    if result.document.status == "ok":
        ShardStore(Path(store_root)).put(key, render(result))
        return Outcome(ok=True)
    return _outcome(result)


class _Inline:
    """A stand-in for a process pool when jobs == 1: runs each task at submit time."""

    def __init__(self) -> None:
        warm_up()

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:  # noqa: BLE001 (delivered like a pool would)
            future.set_exception(exc)
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def _pool(jobs: int):
    if jobs <= 1:
        return _Inline()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker)


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
) -> BatchSummary:
    """Extract every document under ``paths`` into ``out_dir``; errors go to stderr and documents.csv.

    ``jobs``: worker processes (default: all cores). ``use_cache=False`` recomputes every document.
    ``engine``: ``local`` or ``dask`` (``scheduler``: a Dask scheduler address; a local cluster when
    None). ``progress``: draw a progress bar (default: when stderr is a terminal).
    Raises :class:`pipeline.read.InputError` for a path that does not exist.
    """
    started = time.monotonic()
    out_dir = Path(out_dir)
    jobs = jobs or default_jobs()
    files = expand_inputs(paths)  # InputError before anything is written
    version = pipeline_key()
    store = store_for(out_dir, version)
    work = out_dir / WORK_DIR
    shutil.rmtree(work / "tmp", ignore_errors=True)
    (work / "tmp").mkdir(parents=True, exist_ok=True)
    stream = errors or sys.stderr
    bar = Progress(
        total_bytes=sum(_size(f) for f in files),
        total_docs=None if any(f.suffix.lower() in (".jsonl", ".ndjson", ".csv") for f in files) else len(files),
        enabled=progress, stream=stream,
    )
    # Per document, in input order: (shard key, doc_id, path), or the rendered rows of a failure.
    entries: list[tuple[str, str, str] | Rendered] = []

    def report(outcome: Outcome) -> None:
        bar.message(f"chitieu: {outcome.where}: {outcome.error}")

    sources = iter_sources([str(f) for f in files], options, load=True)
    if engine == "dask":
        _run_dask(sources, store, use_cache, entries, bar, report, scheduler, jobs)
    elif engine == "local":
        _run_local(sources, store, use_cache, entries, bar, report, jobs)
    else:
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    bar.finish()

    counts = {"documents": 0, "failed": 0, "targets": 0, "references": 0}
    parquet_dir = out_dir / "targets_parquet" if engine == "dask" else None
    with TableWriter(out_dir, parquet_dir=parquet_dir, tmp_dir=work / "tmp") as writer:
        for rendered in _merged(entries, store):
            counts["documents"] += 1
            counts["failed"] += rendered.status == "error"
            counts["targets"] += rendered.targets
            counts["references"] += rendered.references
            writer.add_rendered(rendered)
    prune_other_versions(out_dir, version)
    return BatchSummary(**counts, out_dir=out_dir, cached=bar.cached,
                        seconds=time.monotonic() - started, bytes=bar.done_bytes)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _merged(entries: list, store: ShardStore) -> Iterator[Rendered]:
    for entry in entries:
        if isinstance(entry, Rendered):
            yield entry
            continue
        key, doc_id, path = entry
        rendered = store.get(key)
        if rendered is None:  # the cache was removed under the run: say so, lose no row silently
            rendered = render(DocResult(Document(doc_id=doc_id, path=path, status="error",
                                                 error="result shard vanished during the run; rerun")))
        yield rendered


def _lookup(src: Source, store: ShardStore, use_cache: bool, entries: list, bar: Progress, report) -> str | None:
    """Shard key of ``src`` when it must be computed; None when it is done (an error or a cache hit)."""
    if src.kind == "error":  # listed but unreadable (vanished, permission denied, bad record)
        outcome = _outcome(process_source(src))
        entries.append(outcome.rendered)
        report(outcome)
        bar.advance(src.size, failed=True)
        return None
    key = source_key(src, store.root.name)
    entries.append((key, src.doc_id, src.path))
    if use_cache and store.has(key):
        bar.advance(src.size, cached=True)
        return None
    return key


def _run_local(sources, store: ShardStore, use_cache: bool, entries: list, bar: Progress, report, jobs: int) -> None:
    pool = _pool(jobs)
    window = max(2, 4 * jobs)
    inflight: dict[Future, tuple[int, Source, str, int, object]] = {}

    def settle(future: Future) -> None:
        nonlocal pool
        index, src, key, attempt, owner = inflight.pop(future)
        try:
            outcome = future.result()
        except BrokenProcessPool:
            # A worker died (killed, out of memory): restart the pool once for all the documents
            # that were in it, and retry each of them once.
            if attempt == 0:
                if owner is pool:
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = _pool(jobs)
                inflight[pool.submit(_work, src, key, str(store.root))] = (index, src, key, 1, pool)
                return
            outcome = _failed(src, "worker process died on this document")
        except Exception as exc:  # pickling problems and the like
            outcome = _failed(src, f"{type(exc).__name__}: {exc}")
        if not outcome.ok:
            entries[index] = outcome.rendered
            report(outcome)
        bar.advance(src.size, failed=not outcome.ok)

    try:
        for src in sources:
            key = _lookup(src, store, use_cache, entries, bar, report)
            if key is None:
                continue
            inflight[pool.submit(_work, src, key, str(store.root))] = (len(entries) - 1, src, key, 0, pool)
            while len(inflight) >= window:
                done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
                for future in done:
                    settle(future)
        while inflight:
            done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
            for future in done:
                settle(future)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _failed(src: Source, reason: str) -> Outcome:
    doc = Document(doc_id=src.doc_id, path=src.path, status="error", error=_one_line(reason))
    return _outcome(DocResult(document=doc))


def _run_dask(sources, store: ShardStore, use_cache: bool, entries: list, bar: Progress, report,
              scheduler: str | None, jobs: int) -> None:
    from pipeline.engine_dask import map_sources

    todo: list[tuple[int, Source, str]] = []
    for src in sources:
        key = _lookup(src, store, use_cache, entries, bar, report)
        if key is None:
            continue
        if src.kind != "record":
            src.data = None  # the worker reads the file itself: only paths travel to the cluster
        todo.append((len(entries) - 1, src, key))
    by_index = {index: (src, key) for index, src, key in todo}
    for index, result, rendered in map_sources([(i, s) for i, s, _ in todo], scheduler=scheduler, n_workers=jobs):
        src, key = by_index.pop(index)
        if result.document.status == "ok":
            store.put(key, rendered)
        else:
            entries[index] = rendered
            report(Outcome(ok=False, rendered=rendered, error=result.document.error,
                           where=result.document.path or result.document.doc_id))
        bar.advance(src.size, failed=result.document.status != "ok")
