"""The Dask engine: the same per-document function over a Dask bag, on a cluster or a local one.

    chitieu extract corpus --engine dask                       # a LocalCluster on this machine
    chitieu extract "/shared/news/**/*.html" --engine dask --scheduler tcp://10.0.0.5:8786

Pointing it at an existing cluster: start a scheduler (``dask scheduler``) and workers
(``dask worker tcp://HOST:8786 --nthreads 1 --nworkers N``) on machines where chitieu is installed
(``pip install "chitieu[dask]"``, the same version as the client) and where the input files are
readable at the same paths (a shared filesystem: only paths travel to the cluster; records of
``.jsonl``/``.csv`` exports travel with the tasks). Then pass ``--scheduler tcp://HOST:8786``.
Results come back to the client, which writes the result shards (the cache: a rerun skips done
documents), the tables and the partitioned ``OUT/targets_parquet/`` (through the same writer as the
local engine, with the one Arrow schema of :mod:`chitieu.schema`: ``dd.read_parquet`` gives the dtypes
of ``chitieu.extract``), so OUT need only be on the client. One thread per worker process is best: the pipeline is CPU-bound Python.

The ``dask`` extra (``dask[dataframe]``, ``distributed``) is needed only for this engine.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from chitieu.pipeline.cache import ShardStore, source_key
from chitieu.pipeline.engine import Limits, Merger, Outcome, error_outcome, process_source
from chitieu.pipeline.progress import Progress
from chitieu.pipeline.read import Source
from chitieu.pipeline.write import Rendered, render

from chitieu.models import DocResult

DOCS_PER_PARTITION = 32
DASK_BATCH = 4096  # documents handed to the cluster as one bag: bounds the memory of the client


class EngineError(RuntimeError):
    """The Dask engine cannot run: the extra is not installed, or the scheduler cannot be reached."""


def _process_item(item: tuple[int, Source], limits: Limits = Limits()) -> tuple[int, DocResult, Rendered]:  # noqa: B008
    """On a worker: the document's result (without its text, which the rows carry) and its rows. The
    length limit holds; the time limit needs a process's main thread, which Dask's workers do not give."""
    index, src = item
    result = process_source(src, limits)
    rendered = render(result)
    result.document.text = ""
    return index, result, rendered


def connect(scheduler: str | None, n_workers: int | None):
    """A ``distributed.Client`` for ``scheduler``, or for a new LocalCluster (returned to be closed)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # the optional extra is missing
        raise EngineError('the Dask engine needs the "dask" extra: pip install "chitieu[dask]"') from exc
    if scheduler:
        try:
            return Client(scheduler, timeout=30), None
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    logging.getLogger("distributed").setLevel(logging.ERROR)
    cluster = LocalCluster(n_workers=n_workers or None, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


class DaskEngine:
    """A connection to a cluster (made on first use, closed on exit) that maps sources to results.

        >>> with DaskEngine("tcp://10.0.0.5:8786") as engine:  # doctest: +SKIP
        ...     for index, result, rows in engine.map([(0, source)]):
        ...         ...
    """

    def __init__(self, scheduler: str | None = None, n_workers: int | None = None, limits: Limits = Limits()) -> None:  # noqa: B008
        self.scheduler, self.n_workers, self.limits = scheduler, n_workers, limits
        self.client = self.cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def map(self, items: list[tuple[int, Source]]) -> Iterator[tuple[int, DocResult, Rendered]]:
        """``(index, result, rows)`` for each ``(index, source)``: one Dask bag, results yielded as its
        partitions complete, each fetched and released in turn (the client holds one at a time)."""
        if not items:
            return
        import dask.bag as db
        from distributed import as_completed

        if self.client is None:
            self.client, self.cluster = connect(self.scheduler, self.n_workers)
        npartitions = max(1, -(-len(items) // DOCS_PER_PARTITION))
        bag = db.from_sequence(items, npartitions=npartitions).map(_process_item, limits=self.limits)
        futures = self.client.compute(bag.to_delayed())
        for future in as_completed(futures):
            yield from future.result()
            future.release()


def run_dask(sources, store: ShardStore, use_cache: bool, merger: Merger, bar: Progress, report,
             scheduler: str | None, jobs: int, limits: Limits = Limits()) -> None:  # noqa: B008
    """Look up the cache here (hashing each file once), send the rest to the cluster in bags of
    ``DASK_BATCH`` documents; rows to ``merger``, failures to ``report``."""
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

    with DaskEngine(scheduler, jobs, limits) as engine:
        for index, src in enumerate(sources):
            if src.kind == "error":
                outcome = error_outcome(process_source(src))
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
