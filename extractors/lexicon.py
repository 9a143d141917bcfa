"""Curated data of the extractors and the assembler, loaded once from ``extractors/data``.

Every word list lives in one CSV file there; code compiles it where it is used (:func:`alternation`).
A folder named by the environment variable ``CHITIEU_DATA`` overrides the shipped files it holds
(a project's own word lists; tests use it to add one line to one file).

    >>> rows("provinces.csv")[0]["name"]
    'An Giang'
    >>> "tại" in words("indicator_words.csv", "level_particle")
    True
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

import regex


def override_dir() -> Path | None:
    """The folder of ``CHITIEU_DATA``, when set."""
    value = os.environ.get("CHITIEU_DATA", "").strip()
    return Path(value) if value else None


def read_text(name: str) -> str:
    """A data file's text: from ``CHITIEU_DATA`` when it holds the file, else the shipped one."""
    folder = override_dir()
    if folder is not None and (folder / name).is_file():
        return (folder / name).read_text(encoding="utf-8")
    return resources.files("chitieu.extractors").joinpath("data", name).read_text(encoding="utf-8")


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a CSV data file (UTF-8, header line, ``#`` lines are comments)."""
    lines = [line for line in read_text(name).splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return tuple(dict(r) for r in csv.DictReader(lines))


def phrases(name: str, key: str = "phrase") -> dict[str, str]:
    """``{phrase: kind}`` of a two-column lexicon file such as ``cues.csv``."""
    return {r[key]: r.get("kind", "") for r in rows(name)}


@cache
def words(name: str, *roles: str, column: str = "role") -> tuple[str, ...]:
    """The phrases of ``name`` whose ``column`` is one of ``roles``, in file order."""
    return tuple(r["phrase"] for r in rows(name) if r[column] in roles)


def alternation(phrases: Iterable[str]) -> str:
    r"""A group matching any of ``phrases`` (for the ``regex`` module): the longest first, each
    space any run of spaces, ``/`` followed by any spaces.

        >>> alternation(["đạt", "đạt được", "/năm"])
        '(?:đạt\\s+được|/\\s*năm|đạt)'
    """
    pieces = []
    for p in sorted(set(phrases), key=lambda p: (-len(p), p)):
        tokens = regex.findall(r"/|[^\s/]+", p)
        out = ""
        for i, token in enumerate(tokens):
            if i:
                out += r"\s*" if tokens[i - 1] == "/" or token == "/" else r"\s+"
            out += regex.escape(token)
        pieces.append(out)
    return "(?:" + "|".join(pieces) + ")"
