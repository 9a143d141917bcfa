"""What every engine shares: the per-document function, a worker's outcome, the in-order merger.

An engine (:mod:`chitieu.pipeline.engine_local`, :mod:`chitieu.pipeline.engine_dask`) runs
:func:`process_source` on many sources and hands each document's rows to a :class:`Merger`, which
appends them to the tables in input order; :mod:`chitieu.pipeline.batch` picks the engine. Nothing
here imports an engine or the batch::

    >>> from chitieu.pipeline.read import Source
    >>> result = process_source(Source("d1", "d1.txt", "text", data="Phấn đấu đến năm 2025 đạt 80%.".encode()))
    >>> [(t.value, t.year, t.status) for t in result.targets]
    [(80.0, 2025, 'target')]
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from chitieu.pipeline.cache import ShardStore
from chitieu.pipeline.read import Source, decode_source
from chitieu.pipeline.write import Rendered, TableWriter, render

from chitieu.models import DocResult, Document

MAX_CHARS = 5_000_000  # default --max-chars: a long plan is 0.5 M characters; a 200 MB single line is no document
DOC_SECONDS = 300.0  # default --doc-timeout: the slowest real document takes a few seconds
_RETRY_SECONDS = 0.05  # a timeout that was swallowed is raised again this much later


@dataclass(frozen=True, slots=True)
class Limits:
    """What one document may cost (``--max-chars``, ``--doc-timeout``; 0 for no limit). A document
    beyond either becomes an error row with the reason; the batch goes on.

        >>> from chitieu.pipeline.read import Source
        >>> process_source(Source("d", "d.txt", "text", data=b"80% " * 10), Limits(max_chars=20)).document.error
        'document too long: 40 characters (limit 20, --max-chars)'
    """

    max_chars: int = MAX_CHARS
    seconds: float = DOC_SECONDS


class DocumentTimeout(BaseException):
    """Raised in a document's extraction when its time is up (a BaseException: no ``except Exception``
    inside the pipeline can swallow it)."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in this block after ``seconds`` (SIGALRM; only in the main thread
    of a process, as the local engine's workers run documents: elsewhere, no limit)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame) -> None:
        # A signal handler's exception is swallowed when it lands in a gc callback, a ``__del__`` or a
        # weakref callback ("Exception ignored in …"): ask again shortly until it lands in the pipeline.
        signal.setitimer(signal.ITIMER_REAL, _RETRY_SECONDS)
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_source(src: Source, limits: Limits = Limits()) -> DocResult:  # noqa: B008 (frozen)
    """The per-document function of every engine: decode and extract one document.

    Never raises: a document that cannot be read, is longer than ``limits.max_chars``, takes more than
    ``limits.seconds`` or whose extraction fails comes back with ``status="error"`` and a one-line reason.
    """
    from chitieu.pipeline.run import process_document

    if limits.max_chars and src.kind == "text" and src.size > 4 * limits.max_chars:  # not even decoded
        return DocResult(document=Document(doc_id=src.doc_id, path=src.path, status="error", error=(
            f"document too long: {src.size} bytes (limit {limits.max_chars} characters, --max-chars)")))
    try:
        doc = decode_source(src)
    except Exception as exc:  # a reader bug must not sink the batch either
        doc = Document(doc_id=src.doc_id, path=src.path, status="error",
                       error=one_line(f"reading failed: {type(exc).__name__}: {exc}"))
    if doc.status == "ok" and limits.max_chars and len(doc.text) > limits.max_chars:
        doc.status = "error"
        doc.error = f"document too long: {len(doc.text)} characters (limit {limits.max_chars}, --max-chars)"
    result = DocResult(document=doc)
    if doc.status == "ok":
        try:
            with deadline(limits.seconds):
                result = process_document(doc)
        except DocumentTimeout:
            doc.status, doc.error = "error", f"document took longer than {limits.seconds:g}s (--doc-timeout)"
            result = DocResult(document=doc)
        except Exception as exc:  # one bad document must not sink the batch
            doc.status, doc.error = "error", one_line(f"extraction failed: {type(exc).__name__}: {exc}")
            result = DocResult(document=doc)
    return result


def one_line(message: str) -> str:
    return " ".join(message.split())[:500]


def warm_up() -> None:
    """Load the pipeline (and underthesea's models) now, not on the first document."""
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


def error_outcome(result: DocResult) -> Outcome:
    """The outcome of a document that failed: its error row, and where to say it failed."""
    doc = result.document
    return Outcome(ok=False, rendered=render(result), error=doc.error, where=doc.path or doc.doc_id)


def failed(src: Source, reason: str) -> Outcome:
    """The outcome of a source whose work failed outside :func:`process_source` (a worker died, …)."""
    doc = Document(doc_id=src.doc_id, path=src.path, status="error", error=one_line(reason))
    return error_outcome(DocResult(document=doc))


class Merger:
    """Writes each document's rows as soon as every document before it is done (input order).

    Only documents finished ahead of a slower one wait here, so memory stays bounded by the
    number of documents in flight, and merging overlaps the processing. An entry is the rows
    themselves or ``(shard key, doc_id, path)`` of a result stored in the cache.
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
