"""Batch runs: every input document through the pipeline in parallel, resumable, in bounded memory.

    >>> run_batch(["corpus"], Path("outputs"), jobs=2)  # doctest: +SKIP
    BatchSummary(documents=12, failed=0, targets=85, references=40, ...)

How a run goes:

1. The inputs are listed in a stable order (:func:`chitieu.pipeline.read.sources_of`); the process that
   runs the batch only lists files and reads export records.
2. A pool of worker processes (``jobs``; each initializes the pipeline once) takes the documents
   in chunks (:data:`CHUNK_DOCS`: handing out a task costs about as much as a small document), reads
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
With ``engine="dask"`` step 2 runs on a Dask cluster (:mod:`chitieu.pipeline.engine_dask`), the cache being
looked up by the process that runs the batch.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import sys
import threading
import time
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from chitieu.pipeline.cache import (
    WORK_DIR,
    ShardStore,
    open_store,
    pipeline_key,
    prune_other_versions,
    source_key,
    store_for,
)
from chitieu.pipeline.progress import Progress
from chitieu.pipeline.read import (
    ReadOptions,
    Source,
    decode_source,
    expand_inputs,
    input_size,
    is_export,
    load_source,
    sources_of,
)
from chitieu.pipeline.write import Rendered, TableWriter, render

from chitieu.models import DocResult, Document


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
    from chitieu.pipeline.run import process_document

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
    """Load the pipeline (and underthesea's models) once per worker, not once per document; and
    end the worker if the run that started it is killed (a SIGKILLed parent cannot stop it)."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="chitieu-parent-watch", daemon=True).start()
    warm_up()


def warm_up() -> None:
    from chitieu.pipeline.run import process_document

    # A broken core shows up on the real documents, with their names.
    with contextlib.suppress(Exception):
        # two sentences: the sentence splitter loads underthesea's abbreviations now, not on a document
        process_document(Document("warm-up", text="Năm 2023 đạt 1,5%. Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm còn 2%."))


@dataclass(slots=True)
class Outcome:
    """What a worker sends back: the shard key of a cached result, or the rows it computed (stored
    as a shard too), or a failure's rows."""

    ok: bool
    key: str = ""
    cached: bool = False
    rendered: Rendered | None = None
    error: str = ""
    where: str = ""


def _outcome(result: DocResult) -> Outcome:
    doc = result.document
    return Outcome(ok=False, rendered=render(result), error=doc.error, where=doc.path or doc.doc_id)


def _work(src: Source, version: str, store_root: str, use_cache: bool) -> Outcome:
    """Run in a worker: read the file, hash it, reuse its shard or compute and store one.

    Reading and hashing happen here, in parallel, not in the process that hands out the work.
    """
    src = load_source(src)
    if src.kind == "error":  # vanished or unreadable since it was listed
        return _outcome(process_source(src))
    key = source_key(src, version) if use_cache else ""  # --no-cache neither reads nor writes shards
    store = open_store(store_root)
    if use_cache and store.has(key):
        return Outcome(ok=True, key=key, cached=True)
    result = process_source(src)
    if result.document.status == "ok":
        rendered = render(result)
        if use_cache:
            store.put(key, rendered)
        # The rows travel back with the outcome: the merger need not read the shard again.
        return Outcome(ok=True, key=key, rendered=rendered)
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


class _Merger:
    """Writes each document's rows as soon as every document before it is done (input order).

    Only documents finished ahead of a slower one wait here, so memory stays bounded by the
    number of documents in flight, and merging overlaps the processing.
    """

    def __init__(self, writer: TableWriter, store: ShardStore) -> None:
        self.writer, self.store = writer, store
        self.next = 0
        self.pending: dict[int, Rendered | tuple[str, str, str]] = {}
        self.counts = {"documents": 0, "failed": 0, "targets": 0, "references": 0}

    def done(self, index: int, entry: Rendered | tuple[str, str, str]) -> None:
        self.pending[index] = entry
        while self.next in self.pending:
            rendered = self._rows(self.pending.pop(self.next))
            self.counts["documents"] += 1
            self.counts["failed"] += rendered.status == "error"
            self.counts["targets"] += rendered.targets
            self.counts["references"] += rendered.references
            self.writer.add_rendered(rendered)
            self.next += 1

    def _rows(self, entry: Rendered | tuple[str, str, str]) -> Rendered:
        if isinstance(entry, Rendered):
            return entry
        key, doc_id, path = entry
        rendered = self.store.get(key)
        if rendered is None:  # the cache was removed under the run: say so, lose no row silently
            rendered = render(DocResult(Document(doc_id=doc_id, path=path, status="error",
                                                 error="result shard vanished during the run; rerun")))
        return rendered


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
    Raises :class:`chitieu.pipeline.read.InputError` for a path that does not exist.
    """
    started = time.monotonic()
    out_dir = Path(out_dir)
    jobs = jobs or default_jobs()
    files = expand_inputs(paths)  # InputError before anything is written
    version = pipeline_key()
    store = store_for(out_dir, version)
    store.refresh()  # packs written since this process last looked (an earlier run, a killed one)
    work = out_dir / WORK_DIR
    shutil.rmtree(work / "tmp", ignore_errors=True)
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
        merger = _Merger(writer, store)
        if engine == "dask":
            _run_dask(sources_of(files, options, load=True), store, use_cache, merger, bar, report, scheduler, jobs)
        elif engine == "local":
            _run_local(sources_of(files, options, load=False), store, use_cache, merger, bar, report, jobs)
        else:
            raise ValueError(f"unknown engine {engine!r} (local or dask)")
        bar.finish()
        assert not merger.pending, "documents left unmerged"
    store.close()
    prune_other_versions(out_dir, version)
    return BatchSummary(**merger.counts, out_dir=out_dir, cached=bar.cached,
                        seconds=time.monotonic() - started, bytes=bar.done_bytes)


CHUNK_DOCS = 32  # documents handed to a worker in one task (per-task overhead is paid per chunk) …
CHUNK_BYTES = 256 * 1024  # … or fewer, when they are large


def _work_chunk(sources: list[Source], version: str, store_root: str, use_cache: bool) -> list[Outcome]:
    """Run in a worker: :func:`_work` on each source of a chunk; one failing does not fail the others."""
    outcomes = []
    for src in sources:
        try:
            outcomes.append(_work(src, version, store_root, use_cache))
        except Exception as exc:  # noqa: BLE001 (a result that cannot be rendered or stored)
            outcomes.append(_failed(src, f"{type(exc).__name__}: {exc}"))
    return outcomes


def _chunks(sources, jobs: int):
    """Sources grouped for the workers, in input order: ``(index, source)`` lists (error sources alone)."""
    chunk: list[tuple[int, Source]] = []
    size = 0
    limit = 1 if jobs <= 1 else CHUNK_DOCS
    for index, src in enumerate(sources):
        if src.kind == "error":
            if chunk:
                yield chunk
                chunk, size = [], 0
            yield [(index, src)]
            continue
        chunk.append((index, src))
        size += src.size
        if len(chunk) >= limit or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _run_local(sources, store: ShardStore, use_cache: bool, merger: _Merger, bar: Progress, report,
               jobs: int) -> None:
    pool = _pool(jobs)
    window = max(2, 2 * jobs)  # chunks in flight: enough to keep every worker busy
    inflight: dict[Future, tuple[list[tuple[int, Source]], object]] = {}
    suspects: list[tuple[int, Source]] = []  # documents of chunks that were in a pool when it broke
    version, root = store.root.name, str(store.root)

    def restart(broken) -> None:
        nonlocal pool
        if broken is pool:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = _pool(jobs)

    def deliver(index: int, src: Source, outcome: Outcome) -> None:
        if outcome.ok and outcome.rendered is None:  # a cache hit: the merger reads its shard
            merger.done(index, (outcome.key, src.doc_id, src.path))
        else:
            merger.done(index, outcome.rendered)
            if not outcome.ok:
                report(outcome)
        bar.advance(src.size, cached=outcome.cached, failed=not outcome.ok)

    def settle(future: Future) -> None:
        chunk, owner = inflight.pop(future)
        try:
            outcomes = future.result()
        except BrokenProcessPool:  # a worker died (killed, out of memory) and took the pool with it
            restart(owner)
            suspects.extend(chunk)
            return
        except Exception as exc:  # pickling problems and the like
            outcomes = [_failed(src, f"{type(exc).__name__}: {exc}") for _, src in chunk]
        for (index, src), outcome in zip(chunk, outcomes, strict=True):
            deliver(index, src, outcome)

    def drain(limit: int) -> None:
        while len(inflight) > limit:
            done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
            for future in done:
                settle(future)

    def retry_suspects() -> None:
        """Each document that was in a broken pool, alone in the pool: a death then names its
        document, which becomes an error row; the others come out as if nothing had happened."""
        drain(0)
        for index, src in sorted(suspects, key=lambda item: item[0]):
            try:
                outcome = pool.submit(_work_chunk, [src], version, root, use_cache).result()[0]
            except BrokenProcessPool:
                restart(pool)
                outcome = _failed(src, "worker process died on this document")
            except Exception as exc:
                outcome = _failed(src, f"{type(exc).__name__}: {exc}")
            deliver(index, src, outcome)
        suspects.clear()

    try:
        for chunk in _chunks(sources, jobs):
            index, src = chunk[0]
            if src.kind == "error":  # a bad export record: nothing to send to a worker
                outcome = _outcome(process_source(src))
                merger.done(index, outcome.rendered)
                report(outcome)
                bar.advance(src.size, failed=True)
                continue
            inflight[pool.submit(_work_chunk, [s for _, s in chunk], version, root, use_cache)] = (chunk, pool)
            drain(window - 1)
            if suspects:
                retry_suspects()
        drain(0)
        if suspects:
            retry_suspects()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _failed(src: Source, reason: str) -> Outcome:
    doc = Document(doc_id=src.doc_id, path=src.path, status="error", error=_one_line(reason))
    return _outcome(DocResult(document=doc))


DASK_BATCH = 4096  # documents handed to the cluster as one bag: bounds the memory of this process


def _run_dask(sources, store: ShardStore, use_cache: bool, merger: _Merger, bar: Progress, report,
              scheduler: str | None, jobs: int) -> None:
    """Look up the cache here (hashing each file once), send the rest to the cluster in bags of
    ``DASK_BATCH`` documents."""
    from chitieu.pipeline.engine_dask import DaskEngine

    todo: dict[int, tuple[Source, str]] = {}

    def flush(engine: DaskEngine) -> None:
        items = [(index, src) for index, (src, _) in todo.items()]
        for index, result, rendered in engine.map(items):
            src, key = todo.pop(index)
            if result.document.status == "ok":
                store.put(key, rendered)
                merger.done(index, (key, src.doc_id, src.path))
            else:
                merger.done(index, rendered)
                report(Outcome(ok=False, rendered=rendered, error=result.document.error,
                               where=result.document.path or result.document.doc_id))
            bar.advance(src.size, failed=result.document.status != "ok")

    with DaskEngine(scheduler, jobs) as engine:
        for index, src in enumerate(sources):
            if src.kind == "error":
                outcome = _outcome(process_source(src))
                merger.done(index, outcome.rendered)
                report(outcome)
                bar.advance(src.size, failed=True)
                continue
            key = source_key(src, store.root.name)
            if use_cache and store.has(key):
                merger.done(index, (key, src.doc_id, src.path))
                bar.advance(src.size, cached=True)
                continue
            if src.kind != "record":
                src.data = None  # the worker reads the file itself: only paths travel to the cluster
            todo[index] = (src, key)
            if len(todo) >= DASK_BATCH:
                flush(engine)
        flush(engine)
