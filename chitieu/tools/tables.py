"""The one reader of what ``chitieu extract`` wrote: every tool reads the tables through here.

``targets.csv`` (or ``targets.parquet`` when only that was kept), ``references.csv``,
``documents.csv`` and ``spans.csv`` come back as frames with exactly the columns of the schema
(:mod:`chitieu.models`) in their declared dtypes; ``texts.jsonl`` as ``{doc_id: text}``, the decoded
texts all offsets point into. The tools compare text, so here missing text is ``""`` and enum
columns are plain strings, whatever the file holds: the typed outputs (nulls, dictionaries, see
:mod:`chitieu.schema`; ``chitieu.schema.to_typed`` turns a frame of this reader back into them) and
the outputs of older versions (``""`` for missing) read the same::

    >>> import pandas as pd
    >>> raw = pd.DataFrame({"doc_id": ["kh"], "surface": ["60%"], "value": ["60.0"], "year": [""]})
    >>> frame = typed(raw, SCHEMAS["targets"])
    >>> print(frame.loc[0, "value"], frame.loc[0, "year"], repr(frame.loc[0, "place"]))
    60.0 <NA> ''
    >>> [str(frame[c].dtype) for c in ("doc_id", "value", "year", "estimate")]
    ['string', 'Float64', 'Int64', 'boolean']
    >>> typed(pd.DataFrame({"estimate": ["True", "False", ""]}), SCHEMAS["targets"])["estimate"].tolist()
    [True, False, <NA>]
    >>> with_codes(frame.assign(indicator="tỷ lệ hồ sơ công việc xử lý trên môi trường mạng")).loc[0, "indicator_code"]
    'work_records_online'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from chitieu.extractors.taxonomy import indicator_code
from chitieu.models import DOCUMENT_COLUMNS, REFERENCE_COLUMNS, SPAN_COLUMNS, TARGET_COLUMNS, Column
from chitieu.pipeline.write import unguard_frame

SCHEMAS: dict[str, tuple[Column, ...]] = {
    "targets": TARGET_COLUMNS,
    "references": REFERENCE_COLUMNS,
    "documents": DOCUMENT_COLUMNS,
    "spans": SPAN_COLUMNS,
}


class TableError(ValueError):
    """A table the tools cannot read (empty, binary, cut short, not written by ``chitieu extract``):
    the message names the file and says what is wrong with it."""


def read_csv_table(path: Path) -> pd.DataFrame:
    """The text cells of a CSV table written by ``chitieu extract``, checked: :class:`TableError` for a
    file that is empty, not UTF-8 text, malformed, without a ``doc_id`` column, or whose rows are cut.

        >>> import tempfile
        >>> bad = Path(tempfile.mkdtemp()) / "targets.csv"; _ = bad.write_text("doc_id,start,end\\nd,1\\n")
        >>> try:
        ...     read_csv_table(bad)
        ... except TableError as err:
        ...     print(str(err).split(": ", 1)[1])
        row 2 has 2 of 3 columns: the file is cut short or damaged (rerun chitieu extract)
    """
    path = Path(path)
    raw = path.read_bytes()
    if not raw.strip():
        raise TableError(f"{path}: empty file, not a table written by chitieu extract")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TableError(f"{path}: not UTF-8 text (byte {exc.start} is 0x{raw[exc.start]:02x}): binary or damaged") from None
    if "\x00" in text:
        raise TableError(f"{path}: holds NUL bytes: binary or damaged")
    if not text.endswith("\n"):  # chitieu ends every row with a line end
        raise TableError(f"{path}: the last row has no line end: the file is cut short (rerun chitieu extract)")
    if text.count('"') % 2:
        raise TableError(f"{path}: a quoted cell is never closed: the file is cut short or damaged (rerun chitieu extract)")
    records = csv.reader(io.StringIO(text))
    width = len(next(records))
    for number, record in enumerate(records, 2):
        if record and len(record) != width:
            raise TableError(f"{path}: row {number} has {len(record)} of {width} columns: the file is cut short "
                             "or damaged (rerun chitieu extract)")
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        reason = " ".join(str(exc).split())[:200]
        raise TableError(f"{path}: not a readable CSV table ({reason})") from None
    if "doc_id" not in frame.columns:
        raise TableError(f"{path}: no doc_id column, not a table written by chitieu extract")
    return unguard_frame(frame)  # "'- 50% số xã" (safe in a spreadsheet) is "- 50% số xã"


def typed(frame: pd.DataFrame, columns: Sequence[Column]) -> pd.DataFrame:
    """``frame`` with exactly ``columns`` (missing ones empty) in their dtypes; text NA → ``""``."""
    out = pd.DataFrame(index=frame.index)
    for col in columns:
        series = frame[col.name] if col.name in frame.columns else pd.Series([None] * len(frame), index=frame.index)
        if col.dtype == "string":
            out[col.name] = series.astype("string").fillna("")
        elif col.dtype == "boolean":  # CSV holds True / False
            out[col.name] = pd.Series([_boolean(v) for v in series], index=frame.index, dtype="boolean")
        else:
            numeric = pd.to_numeric(series.replace("", None), errors="coerce")
            out[col.name] = numeric.astype("Float64").astype(col.dtype) if col.dtype == "Int64" else numeric.astype(col.dtype)
    return out.reset_index(drop=True)


def _boolean(value: object) -> bool | None:
    return {"true": True, "1": True, "false": False, "0": False}.get(str(value).strip().lower())


def settle(data_dir: Path) -> None:
    """Finish publishing the tables a killed ``chitieu extract`` left half renamed
    (:func:`chitieu.pipeline.outdir.complete`), so that every table read is of one run."""
    from chitieu.pipeline.cache import WORK_DIR
    from chitieu.pipeline.outdir import complete

    complete(Path(data_dir), Path(data_dir) / WORK_DIR / "tmp")
    complete(Path(data_dir), Path(data_dir))


def load_table(data_dir: Path, name: str) -> pd.DataFrame:
    """``DIR/<name>.csv`` typed by the schema (``targets.parquet`` when the CSV is absent; an absent
    table reads as an empty one). ``name``: targets, references, documents or spans."""
    columns = SCHEMAS[name]
    settle(data_dir)
    path = Path(data_dir) / f"{name}.csv"
    if path.exists():
        return typed(read_csv_table(path), columns)
    parquet = path.with_suffix(".parquet")
    if parquet.exists():
        try:
            return typed(pd.read_parquet(parquet), columns)
        except Exception as exc:  # pyarrow's errors for a cut or foreign file have no common class
            raise TableError(f"{parquet}: not a readable Parquet table ({' '.join(str(exc).split())[:200]})") from None
    return typed(pd.DataFrame(columns=[c.name for c in columns]), columns)


def load_spans(data_dir: Path) -> pd.DataFrame:
    """``DIR/spans.csv`` (doc_id, start, end, label, detail), rows without offsets left out."""
    return load_table(data_dir, "spans").dropna(subset=["start", "end"]).reset_index(drop=True)


def load_texts(data_dir: Path) -> dict[str, str]:
    """``{doc_id: text}`` from ``DIR/texts.jsonl`` (empty when absent)."""
    settle(data_dir)
    path = Path(data_dir) / "texts.jsonl"
    texts: dict[str, str] = {}
    if not path.exists():
        return texts
    try:
        content = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TableError(f"{path}: not UTF-8 text (byte {exc.start}): binary or damaged") from None
    if content and not content.endswith("\n"):
        raise TableError(f"{path}: the last line has no line end: the file is cut short (rerun chitieu extract)")
    lines = content.split("\n")
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            doc_id, text = row["doc_id"], row["text"]
        except (ValueError, KeyError, TypeError):
            raise TableError(f"{path}: line {number} is not a record with doc_id and text: the file is cut "
                             "short or damaged (rerun chitieu extract)") from None
        if not isinstance(text, str):
            raise TableError(f"{path}: line {number}: text is not a string")
        texts[str(doc_id)] = text
    return texts


def with_codes(targets: pd.DataFrame) -> pd.DataFrame:
    """``targets`` with ``indicator_code`` filled from the taxonomy where the table left it empty."""
    frame = targets.copy()
    if frame.empty:
        return frame
    codes = frame["indicator_code"].fillna("").astype(str)
    missing = codes == ""
    codes[missing] = [indicator_code(str(i)) for i in frame.loc[missing, "indicator"].fillna("")]
    frame["indicator_code"] = codes
    return frame
