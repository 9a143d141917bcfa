"""The Dask engine: the same per-document function over a Dask bag, on a cluster or a local one.

    chitieu extract corpus --engine dask                       # a LocalCluster on this machine
    chitieu extract "/shared/news/**/*.html" --engine dask --scheduler tcp://10.0.0.5:8786

Pointing it at an existing cluster: start a scheduler (``dask scheduler``) and workers
(``dask worker tcp://HOST:8786 --nthreads 1 --nworkers N``) on machines where chitieu is installed
(``pip install "chitieu[dask]"``, the same version as the client) and where the input files are
readable at the same paths (a shared filesystem: only paths travel to the cluster; records of
``.jsonl``/``.csv`` exports travel with the tasks). Then pass ``--scheduler tcp://HOST:8786``.
Results come back to the client, which writes the result shards (the cache: a rerun skips done
documents), the tables and the partitioned ``OUT/targets_parquet/``, so OUT need only be on the
client. One thread per worker process is best: the pipeline is CPU-bound Python.

The ``dask`` extra (``dask[dataframe]``, ``distributed``) is needed only for this engine.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from chitieu.pipeline.read import Source
from chitieu.pipeline.write import Rendered, render

from chitieu.models import DocResult

DOCS_PER_PARTITION = 32


class EngineError(RuntimeError):
    """The Dask engine cannot run: the extra is not installed, or the scheduler cannot be reached."""


def _process_item(item: tuple[int, Source]) -> tuple[int, DocResult, Rendered]:
    """On a worker: the document's result (without its text, which the rows carry) and its rows."""
    from chitieu.pipeline.batch import process_source

    index, src = item
    result = process_source(src)
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

    def __init__(self, scheduler: str | None = None, n_workers: int | None = None) -> None:
        self.scheduler, self.n_workers = scheduler, n_workers
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
        bag = db.from_sequence(items, npartitions=npartitions).map(_process_item)
        futures = self.client.compute(bag.to_delayed())
        for future in as_completed(futures):
            yield from future.result()
            future.release()


def map_sources(items: list[tuple[int, Source]], scheduler: str | None = None,
                n_workers: int | None = None) -> Iterator[tuple[int, DocResult, Rendered]]:
    """:meth:`DaskEngine.map` on a connection of its own."""
    with DaskEngine(scheduler, n_workers) as engine:
        yield from engine.map(items)
