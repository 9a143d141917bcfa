"""Curated data of the extractors, loaded once from ``extractors/data``.

    >>> rows("provinces.csv")[0]["name"]
    'An Giang'
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a CSV data file (UTF-8, header line, ``#`` lines are comments)."""
    text = resources.files("chitieu.extractors").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return tuple(dict(r) for r in csv.DictReader(lines))


def phrases(name: str, key: str = "phrase") -> dict[str, str]:
    """``{phrase: kind}`` of a two-column lexicon file such as ``cues.csv``."""
    return {r[key]: r.get("kind", "") for r in rows(name)}
