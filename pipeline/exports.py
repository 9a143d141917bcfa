"""Corpus exports and sidecar metadata: records of ``.jsonl``/``.csv`` files (also gzip-compressed)
and the columns that hold a document's id, text and metadata.

:func:`export_sources` takes an export and gives one :class:`chitieu.pipeline.source.Source` per
record (a bad record: an error source); :func:`read_sidecar` takes a folder and gives the metadata
rows of its ``metadata.csv``/``metadata.jsonl`` by file. Columns are those ``ReadOptions`` names,
else the first usual one present (:data:`ID_CANDIDATES`, :data:`TEXT_CANDIDATES`,
:data:`chitieu.pipeline.metadata.META_CANDIDATES`).

    >>> src = _record_source(Path("bao.jsonl"), 1, {"id": "b1", "noi_dung": "Đạt 80%.", "ngay": "30/6/2023"},
    ...                      "", ReadOptions())
    >>> src.doc_id, src.kind, src.text, src.meta
    ('b1', 'record', 'Đạt 80%.', {'date': '30/6/2023'})
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from chitieu.pipeline.encoding import DecodeError, decode_bytes
from chitieu.pipeline.metadata import META_CANDIDATES, empty
from chitieu.pipeline.source import ReadOptions, Source

EXPORT_SUFFIXES = {".jsonl", ".ndjson", ".csv"}  # each also gzip-compressed: .jsonl.gz, .csv.gz
SIDECAR_NAMES = ("metadata.csv", "metadata.jsonl")

ID_CANDIDATES = ("id", "doc_id", "document_id", "article_id", "ma", "uid")
TEXT_CANDIDATES = ("text", "content", "body", "noi_dung", "article", "fulltext", "full_text")
FILE_CANDIDATES = ("file", "filename", "file_name", "path", "name", *ID_CANDIDATES)  # a sidecar's key


def is_export(path: Path) -> bool:
    """A corpus export, plain or gzip-compressed (``a.jsonl``, ``a.csv.gz``)."""
    name = path.name.lower()
    return Path(name.removesuffix(".gz")).suffix in EXPORT_SUFFIXES


def export_sources(path: Path, options: ReadOptions) -> Iterator[Source]:
    """One source per record of a .jsonl/.csv export; a bad record is an error source, and so is an
    export without any record (named as input, it must say why it gave nothing)."""
    records = 0
    try:
        for number, record, problem in export_records(path):
            records += 1
            yield _record_source(path, number, record, problem, options)
    except (OSError, EOFError, zlib.error, DecodeError, csv.Error) as exc:
        message = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        yield Source(doc_id=_export_stem(path), path=str(path), kind="error", error=f"cannot read export: {message}")
        return
    if not records:
        yield Source(doc_id=_export_stem(path), path=str(path), kind="error", error="export without any record")


def export_records(path: Path) -> Iterator[tuple[int, dict | None, str]]:
    """``(record number, record or None, problem)`` of a .jsonl or .csv file, plain or gzip-compressed."""
    name = path.name.lower().removesuffix(".gz")
    return _jsonl_records(path) if name.endswith((".jsonl", ".ndjson")) else _csv_records(path)


def _export_stem(path: Path) -> str:
    name = path.name.removesuffix(".gz").removesuffix(".GZ")
    return Path(name).stem


def _open(path: Path):
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")  # noqa: SIM115


def _jsonl_records(path: Path) -> Iterator[tuple[int, dict | None, str]]:
    with _open(path) as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield number, None, f"line {number}: invalid JSON ({exc.__class__.__name__})"
                continue
            except RecursionError:  # [[[[… thousands deep: the parser gives up on this line only
                yield number, None, f"line {number}: invalid JSON (nested too deep)"
                continue
            if not isinstance(record, dict):
                yield number, None, f"line {number}: not a JSON object"
                continue
            yield number, record, ""


def _csv_records(path: Path) -> Iterator[tuple[int, dict | None, str]]:
    """Records as ``csv.DictReader`` gives them (the first row names the columns), one malformed
    record (a quote never closed, text after a closing quote, a NUL) an error of its own."""
    with _open(path) as fh:
        text, _ = decode_bytes(fh.read())
    csv.field_size_limit(1 << 30)
    header: list[str] | None = None
    number = 0
    for line, row, problem in _csv_rows(list(io.StringIO(text, newline=""))):
        if row is not None and not row:
            continue  # a blank line
        if header is None and row is not None:
            header = row
            continue
        number += 1
        if row is None:
            yield number, None, f"record {number} (line {line}): malformed CSV ({problem})"
            continue
        record = dict(zip(header or [], row, strict=False))
        if header is not None and len(row) > len(header):
            record[None] = row[len(header):]
        for key in (header or [])[len(row):]:
            record[key] = None
        yield number, record, ""


def _csv_rows(lines: list[str]) -> Iterator[tuple[int, list[str] | None, str]]:
    """``(first line number, row or None, problem)`` of CSV ``lines`` read strictly.

    A malformed record does not swallow the ones after it: reading starts again at the line after
    the one it began on. Python's reader would otherwise take a quote left open as the start of one
    long field, up to the next quote of the file.

        >>> [(n, row) for n, row, _ in _csv_rows(['a,"b\\n', 'c,d\\n', 'e,"f\\n', 'g"\\n'])]
        [(1, None), (2, ['c', 'd']), (3, ['e', 'f\\ng'])]
    """
    start = 0
    while start < len(lines):
        reader = csv.reader(itertools.islice(lines, start, None), strict=True)
        first = start
        try:
            for row in reader:
                yield first + 1, row, ""
                first = start + reader.line_num
            return
        except csv.Error as exc:
            yield first + 1, None, str(exc)
            start = first + 1


def _pick(record: dict, wanted: str | None, candidates: tuple[str, ...]) -> str | None:
    if wanted is not None:
        return wanted if wanted in record else None
    lowered = {str(k).lower(): k for k in record}
    return next((lowered[c] for c in candidates if c in lowered), None)


def record_meta(record: dict, options: ReadOptions) -> tuple[dict[str, object], list[str]]:
    """Raw metadata of an export record or sidecar row, and ``no_<field>_column`` for each column
    named by an option that the record lacks.

    Without an option a field takes the first usual column that holds a value.

        >>> record_meta({"ID": "b1", "Source": "Báo Lâm Đồng", "link": ""}, ReadOptions(date_column="ngay"))
        ({'outlet': 'Báo Lâm Đồng'}, ['no_date_column'])
    """
    meta: dict[str, object] = {}
    warnings: list[str] = []
    lowered: dict[str, str] | None = None
    for key, candidates in META_CANDIDATES.items():
        wanted = options.meta_column(key)
        if wanted is not None:
            if wanted not in record:
                warnings.append(f"no_{key}_column")
            elif not empty(record[wanted]):
                meta[key] = record[wanted]
            continue
        if lowered is None:
            lowered = {str(k).lower(): k for k in record}
        for name in candidates:
            if name in lowered and not empty(record[lowered[name]]):
                meta[key] = record[lowered[name]]
                break
    for key, value in meta.items():
        if isinstance(value, str):
            meta[key] = _no_lone_surrogates(value)
    return meta, warnings


def _record_source(path: Path, number: int, record: dict | None, problem: str, options: ReadOptions) -> Source:
    src = Source(doc_id=f"{_export_stem(path)}-{number}", path=f"{path}:{number}", kind="record")
    if record is None:
        src.kind, src.error = "error", problem
        return src
    id_key = _pick(record, options.id_column, ID_CANDIDATES)
    if id_key is not None and record.get(id_key) is not None:
        given = record[id_key]
        if not isinstance(given, str | int | float) or isinstance(given, bool):
            src.kind, src.error = "error", f"record {number}: the id is {_kind_of(given)}, not a string or number"
            return src
        given = " ".join(_no_lone_surrogates(str(given)).split())  # one line: ids are printed and cited
        if given:
            src.doc_id = given
        else:  # an id of spaces names nothing: the record's number does
            src.warnings.append("empty_id")
    text_key = _pick(record, options.text_column, TEXT_CANDIDATES)
    if text_key is None:
        wanted = options.text_column or "/".join(TEXT_CANDIDATES)
        src.kind, src.error = "error", f"record {number}: no text column ({wanted})"
        return src
    value = record.get(text_key)
    if value is not None and not isinstance(value, str):
        src.kind, src.error = "error", f"record {number}: the text is {_kind_of(value)}, not a string"
        return src
    src.text = _no_lone_surrogates(value or "")
    src.size = len(src.text.encode("utf-8"))
    src.meta, missing = record_meta(record, options)
    src.warnings.extend(missing)
    return src


def _kind_of(value: object) -> str:
    """What a JSON value is, in words (``[1]`` → ``a list``)."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return {list: "a list", dict: "an object"}.get(type(value), f"a {type(value).__name__}")


@dataclass(slots=True)
class Sidecar:
    """The rows of a folder's ``metadata.csv``/``metadata.jsonl``, by file name and stem.

        >>> side = Sidecar({"tin1.txt": {"date": "30/06/2023"}})
        >>> src = Source("tin1", "bao/tin1.txt", "text")
        >>> side.apply(src, Path("bao/tin1.txt")); src.meta
        {'date': '30/06/2023'}
    """

    rows: dict[str, dict[str, object]]
    warnings: list[str] = field(default_factory=list)
    problem: str = ""  # the sidecar could not be read: each of the folder's documents says so

    def apply(self, src: Source, path: Path) -> None:
        if self.problem:
            src.warnings.append(self.problem)
            return
        row = self.rows.get(path.name, self.rows.get(path.stem))
        if row is None:
            src.warnings.append("no_metadata_row")
            return
        src.meta = dict(row)
        src.warnings.extend(self.warnings)


def read_sidecar(folder: Path, options: ReadOptions) -> Sidecar | None:
    """The sidecar metadata of the document files in ``folder`` (None when it has none).

    Rows are keyed by their first usual key column (:data:`FILE_CANDIDATES`: ``file``, ``filename``,
    ``path``, ``id``, …) holding a file name (``tin1.txt``, a path ending in it) or a stem (``tin1``);
    the metadata columns are recognized as in exports. The first row for a file wins.
    """
    rows: dict[str, dict[str, object]] = {}
    warnings: set[str] = set()
    found = False
    for name in SIDECAR_NAMES:
        path = folder / name
        if not path.is_file():
            continue
        found = True
        try:
            for _, record, _ in export_records(path):
                if record is None:
                    continue
                key = _pick(record, None, FILE_CANDIDATES)
                if key is None or empty(record.get(key)):
                    continue
                meta, missing = record_meta(record, options)
                warnings.update(missing)
                rows.setdefault(str(record[key]).strip().replace("\\", "/").rsplit("/", 1)[-1], meta)
        except (OSError, EOFError, zlib.error, DecodeError, csv.Error):
            return Sidecar({}, problem="bad_metadata_file")
    if not found:
        return None
    return Sidecar(rows, sorted(warnings))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_lone_surrogates(text: str) -> str:
    """JSON may escape half a UTF-16 pair (``"\\ud800"``), which no UTF-8 file can hold: each becomes
    U+FFFD, one character for one, so offsets into the text are unchanged."""
    return _LONE_SURROGATE.sub("\ufffd", text)
