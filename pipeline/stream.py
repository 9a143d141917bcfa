"""Texts in, results out, as ``nlp.pipe`` streams: what :func:`chitieu.extract` runs on.

The input is read lazily (a generator of any length), one batch at a time; ``n_process`` worker
processes share a batch. One string is one text (not a sequence of one-letter texts). With
``as_tuples=True`` each item is ``(text, context)``: the context's ``doc_id`` names the document, its
``url``, ``date``, ``outlet`` and ``title`` are the metadata (normalized as ``chitieu extract`` does), and
any other key is carried to the rows as a column of its own.

    >>> [(r.document.doc_id, len(r.targets), extra) for r, extra in results("Năm 2023 đạt 70%.")]
    [('doc0', 1, {})]
    >>> items = [("Năm 2023 đạt 70%.", {"doc_id": "a", "date": "30/6/2023", "nguon": "báo in"})]
    >>> [(r.document.doc_id, r.document.meta["date"], extra) for r, extra in results(items, as_tuples=True)]
    [('a', '2023-06-30', {'nguon': 'báo in'})]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping

import pandas as pd
from chitieu.pipeline.metadata import normalize_meta
from chitieu.pipeline.run import process_document

from chitieu.models import META_KEYS, DocResult, Document

Meta = Iterable[Mapping[str, object] | None] | None


def _items(texts, doc_ids: Iterable[str] | None, meta: Meta, as_tuples: bool) -> Iterator[tuple[Document, dict]]:
    """``(Document, extra columns)`` for each input text, lazily."""
    if isinstance(texts, str) or (as_tuples and isinstance(texts, tuple) and len(texts) == 2
                                  and isinstance(texts[0], str)):
        texts = [texts]
    ids = iter(doc_ids) if doc_ids is not None else (f"doc{i}" for i in itertools.count())
    metas = iter(meta) if meta is not None else itertools.repeat(None)
    items = iter(texts)
    for i, item in enumerate(items):
        text, context = item if as_tuples else (item, None)
        if not isinstance(text, str):
            raise TypeError(f"text {i} is a {type(text).__name__}, not a str"
                            + ("" if as_tuples else " (pairs of text and context need as_tuples=True)"))
        context = dict(context or {})
        doc_id = context.pop("doc_id", None)
        try:
            given_id = next(ids)
            given_meta = next(metas)
        except StopIteration:
            raise ValueError(f"more texts than doc_ids or meta (text {i} has none)") from None
        raw = {**(given_meta or {}), **{k: context.pop(k) for k in META_KEYS if k in context}}
        document = Document(doc_id=str(doc_id if doc_id is not None else given_id), text=text)
        document.meta, document.warnings = normalize_meta(raw)
        yield document, context
    if doc_ids is not None and next(ids, None) is not None:
        raise ValueError("more doc_ids than texts")
    if meta is not None and next(metas, None) is not None:
        raise ValueError("more meta than texts")


def _pool(n_process: int):
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn").Pool(n_process)


def results(texts, doc_ids: Iterable[str] | None = None, meta: Meta = None, *, as_tuples: bool = False,
            n_process: int = 1, batch_size: int = 64) -> Iterator[tuple[DocResult, dict]]:
    """``(DocResult, extra columns)`` per text, in input order; ``n_process`` > 1 runs that many workers."""
    if n_process < 1:
        raise ValueError("n_process must be at least 1")
    items = _items(texts, doc_ids, meta, as_tuples)
    if n_process == 1:
        for document, extra in items:
            yield process_document(document), extra
        return
    with _pool(n_process) as pool:
        while batch := list(itertools.islice(items, n_process * batch_size)):
            done = pool.map(process_document, [d for d, _ in batch], chunksize=batch_size)
            yield from zip(done, [extra for _, extra in batch], strict=True)


def frames(pairs: Iterable[tuple[DocResult, dict]]) -> dict[str, pd.DataFrame]:
    """The typed ``targets``, ``references`` and ``documents`` frames, each with the extra columns."""
    from chitieu.pipeline.write import frames as typed_frames

    pairs = list(pairs)
    tables = typed_frames([r for r, _ in pairs])
    keys = list(dict.fromkeys(k for _, extra in pairs for k in extra))
    counts = {"targets": lambda r: len(r.targets), "references": lambda r: len(r.references),
              "documents": lambda r: 1}
    for name, count in counts.items():
        for key in keys:
            if key in tables[name].columns:
                raise ValueError(f"context key {key!r} is a column of {name} already")
            values = [extra.get(key) for r, extra in pairs for _ in range(count(r))]
            tables[name][key] = pd.array(values) if values else pd.Series([], dtype=object)
    return tables
