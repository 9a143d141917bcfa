"""Indicator normalization: abbreviations expanded and a curated taxonomy of indicators.

The same indicator is written many ways across provinces and sources (``DVC trực tuyến
mức độ 4``, ``dịch vụ công trực tuyến toàn trình``); :func:`indicator_code` gives them one
code from ``data/indicators.csv`` so they group, and returns ``""`` when nothing fits: it
never forces a guess.

    >>> expand_abbreviations("tỷ lệ hồ sơ TTHC của DN")
    'tỷ lệ hồ sơ thủ tục hành chính của doanh nghiệp'
    >>> indicator_code("hồ sơ công việc cấp xã được xử lý trên môi trường mạng")
    'work_records_online'
    >>> indicator_code("số cán bộ được tập huấn")
    ''

Taxonomy file columns: ``code``, ``name_vi``, ``name_en``, ``aliases``, ``exclude``, ``unit``.
``aliases`` are alternatives separated by ``|``; each alternative is one or more fragments
joined by ``+`` that must all occur as whole words in the (expanded, lower-cased) indicator.
An entry is ruled out when one of its ``exclude`` fragments occurs. The entry whose
matching alternative covers the most characters wins; a tie between two codes is no answer.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import regex

# "hoà" → "hòa", "thuỷ" → "thủy": one tone placement, as pipeline.normalize does (same length).
_NEW_STYLE_TONE = regex.compile(r"(?<![qQ])(?:[oO][àáảãạèéẻẽẹ]|[uU][ỳýỷỹỵ])(?!\p{L})", regex.IGNORECASE)


def _move_tone(match: regex.Match) -> str:
    first, second = match.group()
    decomposed = unicodedata.normalize("NFD", second)
    return unicodedata.normalize("NFC", first + decomposed[1:]) + decomposed[0]


def fold(text: str) -> str:
    """Lower-case, NFC, one tone placement, one space: ``Hoà  Bình`` → ``hòa bình``."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _NEW_STYLE_TONE.sub(_move_tone, text)
    return " ".join(text.replace("\u2013", "-").replace("\u2014", "-").split())


@cache
def _rows(name: str) -> tuple[dict[str, str], ...]:
    raw = resources.files("chitieu.extractors").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in raw.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return tuple(dict(r) for r in csv.DictReader(lines))


@cache
def abbreviations() -> dict[str, str]:
    """``{abbreviation: expansion}`` from ``data/abbreviations.csv`` (``TTHC`` → ``thủ tục hành chính``)."""
    return {r["abbreviation"]: r["expansion"] for r in _rows("abbreviations.csv")}


@cache
def _abbreviation_pattern() -> regex.Pattern:
    keys = sorted(abbreviations(), key=len, reverse=True)  # "DVCTT" before "DVC", "CNTT-TT" before "CNTT"
    return regex.compile(r"(?<![\p{L}\p{N}-])(" + "|".join(regex.escape(k) for k in keys) + r")(?![\p{L}\p{N}])")


def expand_abbreviations(text: str) -> str:
    """Replace every known upper-case abbreviation by its Vietnamese expansion.

    Matching is case-sensitive and on whole words, so ``DN`` is expanded but ``dn`` inside a
    word is not: ``đăng ký DN qua mạng`` → ``đăng ký doanh nghiệp qua mạng``.
    """
    table = abbreviations()
    return _abbreviation_pattern().sub(lambda m: table[m.group(1)], unicodedata.normalize("NFC", text))


@dataclass(frozen=True, slots=True)
class Indicator:
    """One entry of the curated taxonomy."""

    code: str
    name_vi: str
    name_en: str
    aliases: tuple[tuple[str, ...], ...]  # alternatives, each a tuple of fragments (folded)
    exclude: tuple[str, ...]
    unit: str


@cache
def taxonomy() -> dict[str, Indicator]:
    """All taxonomy entries by code, in file order."""
    out: dict[str, Indicator] = {}
    for r in _rows("indicators.csv"):
        alts = tuple(
            tuple(fold(frag) for frag in alt.split("+") if frag.strip())
            for alt in r["aliases"].split("|")
            if alt.strip()
        )
        exclude = tuple(fold(x) for x in r.get("exclude", "").split("|") if x.strip())
        out[r["code"]] = Indicator(r["code"], r["name_vi"], r["name_en"], alts, exclude, r["unit"])
    return out


@cache
def _fragment_re(fragment: str) -> regex.Pattern:
    return regex.compile(r"(?<![\p{L}\p{N}])" + regex.escape(fragment) + r"(?![\p{L}\p{N}])")


def _has(haystack: str, fragment: str) -> bool:
    # A substring test first: most fragments are absent, and it is far cheaper than the word-bounded search.
    return fragment in haystack and _fragment_re(fragment).search(haystack) is not None


def searchable(indicator: str) -> str:
    """The text aliases are matched against: the folded indicator and its expanded form."""
    expanded = expand_abbreviations(indicator)
    return fold(indicator) if expanded == indicator else fold(indicator) + " \n " + fold(expanded)


@cache
def _compiled() -> tuple[frozenset[str], tuple[tuple[str, frozenset[str], tuple[tuple[frozenset[str], int], ...]], ...]]:
    """Every fragment of the taxonomy, and per entry: its code, its exclude fragments, and its
    alternatives as (fragments, characters covered)."""
    entries = tuple(
        (code, frozenset(e.exclude), tuple((frozenset(alt), sum(len(f) for f in alt)) for alt in e.aliases))
        for code, e in taxonomy().items()
    )
    every = frozenset(f for _, exclude, alts in entries for f in exclude.union(*(a for a, _ in alts)))
    return every, entries


def scores(indicator: str) -> dict[str, int]:
    """Score of every taxonomy entry that fits ``indicator`` (characters its best alias covers)."""
    hay = searchable(indicator)
    every, entries = _compiled()
    # A fragment not even a substring of the phrase is absent: one pass over all of them, then the
    # word-bounded search only for the few that are substrings.
    present = frozenset(f for f in every if f in hay and _fragment_re(f).search(hay) is not None)
    found: dict[str, int] = {}
    for code, exclude, alts in entries:
        if not present.isdisjoint(exclude):
            continue
        best = max((covered for fragments, covered in alts if fragments <= present), default=0)
        if best:
            found[code] = best
    return found


def excluded(code: str, indicator: str) -> bool:
    """Whether ``indicator`` is explicitly ruled out of ``code`` by one of its ``exclude`` fragments.

    >>> excluded("health_insurance", "số tiền chậm đóng BHYT")
    True
    """
    entry = taxonomy().get(code)
    if entry is None:
        return False
    hay = searchable(indicator)
    return any(_has(hay, x) for x in entry.exclude)


@lru_cache(maxsize=65536)
def indicator_code(indicator: str) -> str:
    """The taxonomy code of an indicator phrase, ``""`` when nothing fits or two codes tie.

    >>> indicator_code("tỷ lệ DVC trực tuyến toàn trình")
    'dvc_online_full'
    """
    if not indicator or not indicator.strip():
        return ""
    found = scores(indicator)
    if not found:
        return ""
    ranked = sorted(found.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return ""
    return ranked[0][0]


def indicator_name(code: str, lang: str = "vi") -> str:
    """The taxonomy's name of ``code`` (``""`` for an unknown code)."""
    entry = taxonomy().get(code)
    if entry is None:
        return ""
    return entry.name_en if lang == "en" else entry.name_vi
