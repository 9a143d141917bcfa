"""The types of the output tables, built from the schema declared once in :mod:`chitieu.models`.

Every output has the same table: missing is missing everywhere (an empty CSV cell, a Parquet or
SQLite null, ``pd.NA`` in a frame (NaN in a categorical, as pandas has it), never ``""``), enum columns are pandas categoricals with every
allowed value as a category (Arrow ``dictionary<int8, large_string>``), integers are nullable
``Int64``. One Arrow schema (each field's description and allowed values in its metadata, the pandas
metadata that makes ``pd.read_parquet`` return exactly these dtypes) serves ``chitieu.extract``,
the ``targets.parquet`` of ``chitieu extract`` (either engine) and ``chitieu publish``; the same
columns give the Frictionless Table Schema of ``datapackage.json`` and the CSV read options.

    >>> frame = typed_frame([{"doc_id": "d", "surface": "80%", "value": 80.0, "status": "target",
    ...                       "level": "", "year": 2025, "estimate": False}], TARGET_COLUMNS)
    >>> frame.loc[0, "place"] is pd.NA, pd.isna(frame.loc[0, "level"]), frame.loc[0, "year"], str(frame["status"].dtype)
    (True, True, np.int64(2025), 'category')
    >>> list(frame["status"].cat.categories)
    ['target', 'actual', 'other']
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from chitieu.models import (
    FOREIGN_KEYS,
    PRIMARY_KEYS,
    TABLE_COLUMNS,
    Column,
)

__all__ = [
    "TABLE_COLUMNS", "arrow_schema", "arrow_table", "csv_options", "data_package", "dtypes",
    "pandas_dtype", "read_csv", "table_schema", "to_arrow", "to_typed", "typed_frame", "write_data_package",
]

_TRUE = {"true", "1"}
_FALSE = {"false", "0"}


def pandas_dtype(col: Column) -> str | pd.CategoricalDtype:
    """The column's dtype in a frame: its declared dtype, or a categorical of its allowed values.

    >>> pandas_dtype(TARGET_COLUMNS[10]), pandas_dtype(TARGET_COLUMNS[8])
    ('Int64', CategoricalDtype(categories=['target', 'actual', 'other'], ordered=False, categories_dtype=str))
    """
    return pd.CategoricalDtype(list(col.values)) if col.values else col.dtype


def dtypes(columns: Sequence[Column]) -> dict[str, str | pd.CategoricalDtype]:
    return {c.name: pandas_dtype(c) for c in columns}


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or value == "" or (isinstance(value, float) and value != value)


def _text(series: pd.Series) -> pd.Series:
    """Text with ``""`` (and None, NaN) as ``pd.NA``."""
    text = series.astype("string")
    return text.mask(text == "")


def _enum(series: pd.Series, col: Column) -> pd.Series:
    text = _text(series)
    unknown = sorted(set(text.dropna()) - set(col.values))
    if unknown:
        raise ValueError(f"{col.name}: {unknown[:5]} not among the allowed values {list(col.values)}")
    return text.astype(pandas_dtype(col))


def _boolean(series: pd.Series) -> pd.Series:
    if series.dtype == "boolean" or series.dtype == bool:
        return series.astype("boolean")
    values = [None if _missing(v) else (v if isinstance(v, bool) else
              (True if str(v).strip().lower() in _TRUE else False if str(v).strip().lower() in _FALSE else None))
              for v in series]
    return pd.Series(values, index=series.index, dtype="boolean")


def _number(series: pd.Series, dtype: str) -> pd.Series:
    if series.dtype == dtype:
        return series
    if series.dtype == object or isinstance(series.dtype, pd.StringDtype | pd.CategoricalDtype):
        series = series.astype(object).where(~series.isin([""]), None)
    numeric = pd.to_numeric(series, errors="coerce")
    return numeric.astype("Float64").astype(dtype)


def to_typed(frame: pd.DataFrame, columns: Sequence[Column]) -> pd.DataFrame:
    """``frame`` with exactly ``columns`` (absent ones all missing) in their dtypes, ``""`` as NA.

    Reads anything a table was ever written as: CSV text, old outputs with ``""`` for missing,
    new ones with nulls and categoricals. An enum value outside the allowed ones is an error.

    >>> to_typed(pd.DataFrame({"doc_id": ["a"], "year": [""], "level": ["xa"]}), TARGET_COLUMNS)[
    ...     ["year", "level", "place"]].iloc[0].tolist()
    [<NA>, 'xa', <NA>]
    """
    data = {}
    for col in columns:
        series = (frame[col.name] if col.name in frame.columns
                  else pd.Series([None] * len(frame), index=frame.index, dtype=object))
        if col.dtype == "string":
            data[col.name] = _enum(series, col) if col.values else _text(series)
        elif col.dtype == "boolean":
            data[col.name] = _boolean(series)
        else:
            data[col.name] = _number(series, col.dtype)
    return pd.DataFrame(data, index=frame.index, columns=[c.name for c in columns]).reset_index(drop=True)


def typed_frame(rows: Sequence[dict], columns: Sequence[Column]) -> pd.DataFrame:
    """The typed frame of ``rows`` (dicts; extra keys dropped): what ``chitieu.extract`` returns."""
    names = [c.name for c in columns]
    frame = pd.DataFrame.from_records(list(rows), columns=names) if rows else pd.DataFrame(columns=names)
    return to_typed(frame, columns)


# ---------------------------------------------------------------------------
# Arrow / Parquet


def arrow_schema(columns: Sequence[Column]):
    """The Arrow schema of a table: ``large_string``, ``int64``, ``double``, ``bool``, enums as
    ``dictionary<int8, large_string>``; each field's ``description`` (and, for enums, its ``values``
    as JSON) in its metadata; the pandas metadata of :func:`typed_frame`'s dtypes.

    >>> schema = arrow_schema(TARGET_COLUMNS)
    >>> str(schema.field("status").type), json.loads(schema.field("status").metadata[b"values"])
    ('dictionary<values=large_string, indices=int8, ordered=0>', ['target', 'actual', 'other'])
    """
    import pyarrow as pa

    base = pa.Schema.from_pandas(typed_frame([], columns), preserve_index=False)
    fields = []
    for col in columns:
        meta = {"description": col.description}
        if col.values:
            meta["values"] = json.dumps(list(col.values), ensure_ascii=False)
        fields.append(base.field(col.name).with_metadata(meta))
    return pa.schema(fields, metadata=base.metadata)


def arrow_table(values: Sequence[Sequence], columns: Sequence[Column], schema=None):
    """An Arrow table from one sequence of Python values per column (``""``, None and NaN missing),
    every enum with the full dictionary of its allowed values, so that all parts of a dataset agree."""
    import pyarrow as pa

    schema = schema if schema is not None else arrow_schema(columns)
    arrays = []
    for col, field, column in zip(columns, schema, values, strict=True):
        clean = [None if _missing(v) else v for v in column]
        if col.values:
            index = {v: i for i, v in enumerate(col.values)}
            try:
                codes = [None if v is None else index[v] for v in clean]
            except KeyError as exc:
                raise ValueError(f"{col.name}: {exc.args[0]!r} not among the allowed values {list(col.values)}") from None
            arrays.append(pa.DictionaryArray.from_arrays(pa.array(codes, type=field.type.index_type),
                                                         pa.array(col.values, type=field.type.value_type)))
        elif col.dtype == "Int64":
            arrays.append(pa.array([None if v is None else int(v) for v in clean], type=field.type))
        elif col.dtype == "Float64":
            arrays.append(pa.array([None if v is None else float(v) for v in clean], type=field.type))
        elif col.dtype == "boolean":
            arrays.append(pa.array([None if v is None else bool(v) for v in clean], type=field.type))
        else:
            arrays.append(pa.array(clean, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def to_arrow(frame: pd.DataFrame, columns: Sequence[Column]):
    """The Arrow table of a frame (typed first, so ``""`` becomes null)."""
    typed = to_typed(frame, columns)
    return arrow_table([typed[c.name].astype(object).tolist() for c in columns], columns)


# ---------------------------------------------------------------------------
# CSV and the Frictionless data package


def csv_options(columns: Sequence[Column]) -> dict:
    """``pd.read_csv`` options that read a table's CSV as the typed frame (booleans aside: ``true``/``false``).

        >>> pd.read_csv("outputs/targets.csv", **csv_options(TARGET_COLUMNS))  # doctest: +SKIP
    """
    types = {c.name: ("string" if c.dtype == "boolean" else pandas_dtype(c)) for c in columns}
    return {"dtype": types, "keep_default_na": False, "na_values": [""], "encoding": "utf-8"}


def read_csv(path: Path | str, table: str | Sequence[Column] = "targets") -> pd.DataFrame:
    """A table's CSV as its typed frame; ``table``: its name (``targets``, ``references``,
    ``documents``, ``spans``) or its columns.

        >>> read_csv("outputs/references.csv", "references")  # doctest: +SKIP
    """
    columns = TABLE_COLUMNS[table] if isinstance(table, str) else table
    return to_typed(pd.read_csv(path, **csv_options(columns)), columns)


_FRICTIONLESS_TYPES = {"string": "string", "Int64": "integer", "Float64": "number", "boolean": "boolean"}


def table_schema(name: str) -> dict:
    """The Frictionless Table Schema of a table: types, descriptions, enums, missing values, keys.

    >>> schema = table_schema("targets")
    >>> schema["missingValues"], schema["primaryKey"], schema["foreignKeys"][0]["reference"]
    ([''], ['doc_id', 'start', 'end'], {'resource': 'documents', 'fields': 'doc_id'})
    """
    fields = []
    for col in TABLE_COLUMNS[name]:
        field: dict = {"name": col.name, "type": _FRICTIONLESS_TYPES[col.dtype], "description": col.description}
        if col.dtype == "boolean":
            field.update(trueValues=["true"], falseValues=["false"])
        if col.values:
            field["constraints"] = {"enum": list(col.values)}
        if col.name in PRIMARY_KEYS[name]:
            field.setdefault("constraints", {})["required"] = True
        fields.append(field)
    schema: dict = {"fields": fields, "missingValues": [""], "primaryKey": list(PRIMARY_KEYS[name])}
    links = FOREIGN_KEYS.get(name, ())
    if links:
        schema["foreignKeys"] = [{"fields": column, "reference": {"resource": table, "fields": target}}
                                 for column, table, target in links]
    return schema


def data_package(names: Sequence[str] = tuple(TABLE_COLUMNS)) -> dict:
    """The ``datapackage.json`` descriptor of a run's CSV tables (Frictionless tabular data package)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("chitieu")
    except PackageNotFoundError:  # run from a source tree that is not installed
        release = "0"
    return {
        "profile": "tabular-data-package",
        "name": "chitieu",
        "title": "chitieu: quantified targets (chỉ tiêu) of Vietnamese texts, grounded in their characters",
        "description": "Tables written by `chitieu extract`: one row per value (targets), per legal document "
                       "mention (references), per document read (documents), per highlighted span (spans). "
                       "Offsets are code points into the decoded text (texts.jsonl). An empty cell is missing.",
        "version": release,
        "resources": [
            {"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8",
             "dialect": {"delimiter": ",", "header": True, "doubleQuote": True},
             "schema": table_schema(name)}
            for name in names
        ],
    }


def write_data_package(out_dir: Path | str, names: Sequence[str] = tuple(TABLE_COLUMNS)) -> Path:
    """Write ``OUT/datapackage.json`` (atomically) and return its path."""
    import os

    path = Path(out_dir) / "datapackage.json"
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(data_package(names), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path
