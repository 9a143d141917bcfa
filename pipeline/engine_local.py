"""The local engine: a pool of worker processes on this machine (``--engine local``, the default).

A pool of worker processes (``jobs``; each initializes the pipeline once) takes the documents in
chunks (:data:`CHUNK_DOCS`: handing out a task costs about as much as a small document), reads each
file, hashes it (:func:`chitieu.pipeline.cache.source_key`) and looks the hash up among the result
shards: a hit is not recomputed (unless ``use_cache=False``); otherwise the worker processes the
document and stores its rows, already formatted, as a shard. A worker that dies takes its chunk with
it: each of those documents is retried alone. At most two chunks per worker are in flight, so memory
stays bounded however large the corpus is.

    >>> from chitieu.pipeline.read import Source
    >>> sources = [Source(f"d{i}", f"d{i}.txt", kind) for i, kind in enumerate(["text", "html", "error", "text"])]
    >>> [[i for i, _ in chunk] for chunk in _chunks(sources, jobs=2)]  # a bad record goes alone
    [[0, 1], [2], [3]]
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from chitieu.pipeline.cache import ShardStore, open_store, source_key
from chitieu.pipeline.engine import Limits, Merger, Outcome, error_outcome, failed, process_source, warm_up
from chitieu.pipeline.progress import Progress
from chitieu.pipeline.read import Source, load_source
from chitieu.pipeline.write import render

CHUNK_DOCS = 32  # documents handed to a worker in one task (per-task overhead is paid per chunk) …
CHUNK_BYTES = 256 * 1024  # … or fewer, when they are large


def _init_worker() -> None:
    """Load the pipeline (and underthesea's models) once per worker, not once per document; and
    end the worker if the run that started it is killed (a SIGKILLed parent cannot stop it)."""
    from chitieu.pipeline.progress import quiet_third_party_loggers

    quiet_third_party_loggers()  # a spawned worker does not inherit the parent's logging levels
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="chitieu-parent-watch", daemon=True).start()
    warm_up()


def _work(src: Source, version: str, store_root: str, use_cache: bool, limits: Limits = Limits()) -> Outcome:  # noqa: B008
    """Run in a worker: read the file, hash it, reuse its shard or compute and store one.

    Reading and hashing happen here, in parallel, not in the process that hands out the work.
    """
    src = load_source(src)
    if src.kind == "error":  # vanished or unreadable since it was listed
        return error_outcome(process_source(src))
    key = source_key(src, version) if use_cache else ""  # --no-cache neither reads nor writes shards
    store = open_store(store_root)
    if use_cache and store.has(key):
        return Outcome(ok=True, key=key, cached=True)
    result = process_source(src, limits)
    if result.document.status == "ok":
        rendered = render(result)
        if use_cache:
            store.put(key, rendered)
        # The rows travel back with the outcome: the merger need not read the shard again.
        return Outcome(ok=True, key=key, rendered=rendered)
    return error_outcome(result)


def _work_chunk(sources: list[Source], version: str, store_root: str, use_cache: bool,
                limits: Limits = Limits()) -> list[Outcome]:  # noqa: B008
    """Run in a worker: :func:`_work` on each source of a chunk; one failing does not fail the others."""
    outcomes = []
    for src in sources:
        try:
            outcomes.append(_work(src, version, store_root, use_cache, limits))
        except Exception as exc:  # noqa: BLE001 (a result that cannot be rendered or stored)
            outcomes.append(failed(src, f"{type(exc).__name__}: {exc}"))
    return outcomes


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


def run_local(sources, store: ShardStore, use_cache: bool, merger: Merger, bar: Progress, report,
              jobs: int, limits: Limits = Limits()) -> None:  # noqa: B008
    """Every source through a pool of ``jobs`` worker processes; rows to ``merger``, failures to ``report``."""
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
            outcomes = [failed(src, f"{type(exc).__name__}: {exc}") for _, src in chunk]
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
                outcome = pool.submit(_work_chunk, [src], version, root, use_cache, limits).result()[0]
            except BrokenProcessPool:
                restart(pool)
                outcome = failed(src, "worker process died on this document")
            except Exception as exc:
                outcome = failed(src, f"{type(exc).__name__}: {exc}")
            deliver(index, src, outcome)
        suspects.clear()

    try:
        for chunk in _chunks(sources, jobs):
            index, src = chunk[0]
            if src.kind == "error":  # a bad export record: nothing to send to a worker
                outcome = error_outcome(process_source(src))
                merger.done(index, outcome.rendered)
                report(outcome)
                bar.advance(src.size, failed=True)
                continue
            inflight[pool.submit(_work_chunk, [s for _, s in chunk], version, root, use_cache,
                                  limits)] = (chunk, pool)
            drain(window - 1)
            if suspects:
                retry_suspects()
        drain(0)
        if suspects:
            retry_suspects()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
