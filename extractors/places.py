"""Places: Vietnamese provinces and centrally-run cities (and ``Việt Nam`` for national figures).

Old names, merged names (2025) and spelling variants come from ``data/provinces.csv``.

    >>> [(p.surface, p.place) for p in find_places("UBND tỉnh Khánh Hòa và TP.HCM, Thừa Thiên - Huế")]
    [('tỉnh Khánh Hòa', 'Khánh Hòa'), ('TP.HCM', 'Hồ Chí Minh'), ('Thừa Thiên - Huế', 'Thừa Thiên Huế')]
    >>> find_places("Hải Dương")[0].merged_into
    'Hải Phòng'
"""

from __future__ import annotations

import re
from functools import cache

import regex
from chitieu.extractors import scan
from chitieu.extractors.lexicon import alternation, rows, words
from chitieu.extractors.patterns import RE_WB_AFTER
from chitieu.extractors.spelling import unify_tone_placement

from chitieu.models import PlaceMention

# What may stand before a name: "tỉnh", "thành phố", "TP." (each with the spaces after it).
_PREFIXES = ("tỉnh", "Tỉnh", r"thành\s+phố", r"Thành\s+phố", r"TP\.?\s?", r"Tp\.?\s?")
# Organisations whose names end in a place but speak for no province: "Tập đoàn Bưu chính Viễn thông Việt Nam".
_ORG_BEFORE = regex.compile(
    r"(?:Tập\s+đoàn|Tổng\s+công\s+ty|Công\s+ty|Ngân\s+hàng|Hiệp\s+hội|Liên\s+minh|Viện|Đại\s+học|Báo|Đài|"
    r"Tạp\s+chí|Cổng|Thông\s+tấn\s+xã|Hãng|Quỹ)(?:\s+[\p{Lu}\p{Ll}&-]+){0,6}\s+$"
)


def _canonical_key(name: str) -> str:
    return unify_tone_placement(" ".join(name.replace("-", " - ").split())).casefold()


@cache
def _gazetteer() -> tuple[re.Pattern, dict[str, tuple[str, str | None]]]:
    names: dict[str, tuple[str, str | None]] = {}
    for r in rows("provinces.csv"):
        entry = (r["name"], r["merged_into"] or None)
        for alias in [r["name"], *filter(None, r["aliases"].split("|"))]:
            names[_canonical_key(alias)] = entry
    # Names are proper nouns: matched as written in the gazetteer (capitalized), which also keeps the
    # alternation fast; the lookup afterwards is case- and tone-placement-insensitive.
    spellings = {unify_tone_placement(a) for r in rows("provinces.csv")
                 for a in [r["name"], *filter(None, r["aliases"].split("|"))]}
    spellings |= {_title_new_style(a) for a in spellings}
    # A prefix and a name, else a name alone, tried in that order at each position (the prefix is
    # optional). Every alternative opens with a literal letter and checks the word boundary after it,
    # so that ``re`` skips ahead to where a place can start; a prefixed name is the one group.
    body = scan.trie_regex(_tokens(a) for a in spellings)
    alternatives = [p[0] + r"(?<!\w.)" + p[1:] + r"\s*(" + body + ")" for p in _PREFIXES]
    alternatives += scan.first_letter_alternatives(scan.trie(_tokens(a) for a in spellings), r"\w")
    pattern = re.compile("(?:" + "|".join(alternatives) + ")" + RE_WB_AFTER)
    return pattern, names


def _name(m: re.Match) -> str:
    """The name a gazetteer match holds: its prefix form's group, or all of it."""
    return m.group(m.lastindex) if m.lastindex else m.group()


def _tokens(name: str) -> list[tuple[str, str]]:
    """A name's words for :func:`chitieu.extractors.scan.trie_regex`: spaces match any run of spaces,
    a hyphen may be spaced or left out ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu", "Bà Rịa Vũng Tàu")."""
    tokens: list[tuple[str, str]] = []
    for part in name.split("-"):
        for j, word in enumerate(part.split()):
            tokens.append(("" if not tokens else r"\s+" if j else r"\s*-?\s*", word))
    return tokens


def _title_new_style(name: str) -> str:
    """Every word capitalized ("Thừa Thiên Huế" from "Thừa thiên Huế" spellings, "Tp" prefixes aside)."""
    return " ".join(w[:1].upper() + w[1:] for w in name.split(" "))


@cache
def group_of_places() -> regex.Pattern:
    """A group of provinces named by a count or a quantifier: one value of several places, and no
    part of what is measured.

        >>> [m.group() for m in group_of_places().finditer("có 16/34 địa phương tăng; các tỉnh, thành phố khác")]
        ['16/34 địa phương', 'các tỉnh, thành phố']
    """
    def any_of(role: str) -> str:
        return alternation(words("place_words.csv", role))

    return regex.compile(r"(?<![\p{L}])(?:\d+(?:/\d+)?\s+|" + any_of("group_quantifier") + r"\s+)"
                         + any_of("group_noun") + r"(?![\p{L}])", regex.IGNORECASE)


def find_places(text: str, offset: int = 0) -> list[PlaceMention]:
    """Province / city mentions, with the canonical name and, for merged units, where they went in 2025
    (``offset`` added to every position). A text in lowercase names none: every name is written
    capitalized, and a line in capitals holds capitals (the short pieces a value's phrase is cut
    from mostly are; one C-speed test instead of the patterns)."""
    if text.islower():
        return []
    return _places(text, 0, len(text), offset)


def find_places_in(text: str, regions: list[tuple[int, int]]) -> list[PlaceMention]:
    """``[p for s, e in regions for p in find_places(text[s:e], offset=s)]``, read between each
    region's bounds instead of slice by slice when that is the same
    (:func:`chitieu.extractors.scan.regions_pass`).

        >>> [p.place for p in find_places_in("Tỉnh Sơn La\\nTP.HCM đạt 80%", [(0, 11), (12, 26)])]
        ['Sơn La', 'Hồ Chí Minh']
    """
    return scan.regions_pass(text, regions, find_places, lambda s, e: _places(text, s, e, 0))


_UPPER_RUN = regex.compile(r"\p{Lu}{3}")  # a line in capitals holds three capitals in a row
_LOWER = regex.compile(r"\p{Ll}")
_FOUR_LETTERS = regex.compile(r"(?:\p{L}\P{L}*){4}")


def _caps_lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The lines of ``text[start:end]`` written in capitals (headings, an official document's header and
    title: ``ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK``), each with a copy in title case of the same length. Only the
    lines that hold three capitals in a row are read."""
    out = []
    seen = -1
    for run in _UPPER_RUN.finditer(text, start, end):
        if run.start() < seen:
            continue
        pos = max(start, text.rfind("\n", start, run.start()) + 1)
        stop = text.find("\n", run.start(), end)
        stop = end if stop < 0 else stop
        seen = stop
        line = text[pos:stop]
        if _LOWER.search(line) is None and _FOUR_LETTERS.search(line) is not None:
            titled = line.title()
            if len(titled) == len(line):
                out.append((pos, titled))
    return out


@cache
def _not_a_place() -> regex.Pattern:
    """Proper nouns that open with a province's name but are none ("Thái Bình Dương"): place_words.csv,
    role ``not_place``."""
    return regex.compile(alternation(words("place_words.csv", "not_place")) + r"(?![\p{L}])", regex.IGNORECASE)


_GIVEN_NAME = regex.compile(r"\p{Lu}\p{Ll}+[ \t]+\p{Lu}\p{Ll}+")  # two words, as a given name is written ("Hòa Bình")


@cache
def _surname_before() -> regex.Pattern:
    """A family name (and maybe a middle name) right before a bare name: "Trương Hòa Bình" is a person.

        >>> [p.place for p in find_places("Nguyên Phó Thủ tướng Trương Hòa Bình thăm tỉnh Hòa Bình")]
        ['Hòa Bình']
    """
    return regex.compile(r"(?<![\p{L}])" + alternation(words("place_words.csv", "surname"))
                         + r"(?:[ \t]+\p{Lu}\p{Ll}*)?[ \t]+$")


def _places(text: str, start: int, end: int, offset: int) -> list[PlaceMention]:
    """The mentions between ``start`` and ``end`` as if that stretch were the whole text; in a line in
    capitals, the names it spells in capitals.

        >>> [(p.surface, p.place) for p in find_places("KẾ HOẠCH PHÒNG, CHỐNG DỊCH TỈNH ĐẮK LẮK")]
        [('TỈNH ĐẮK LẮK', 'Đắk Lắk')]
    """
    pattern, names = _gazetteer()
    # (start, end, name) of every gazetteer match; a line in capitals is read in title case too
    hits = [(m.start(), m.end(), _name(m)) for m in pattern.finditer(text, start, end)]
    for pos, titled in _caps_lines(text, start, end):
        hits += [(pos + m.start(), pos + m.end(), _name(m)) for m in pattern.finditer(titled)]
    found = []
    for m_start, m_end, name in sorted(hits):
        if found and m_start < found[-1].end - offset:
            continue  # the same name read in both spellings
        if not name[:1].isupper():
            continue  # "hòa bình" (peace) is not Hòa Bình
        key = _canonical_key(name)
        if key not in names:
            continue
        canonical, merged = names[key]
        if canonical == "Việt Nam" and _ORG_BEFORE.search(text[max(start, m_start - 80):m_start]):
            continue
        if _not_a_place().match(text, m_start, end):
            continue  # "Thái Bình Dương" (the Pacific) is no Thái Bình
        if (_GIVEN_NAME.fullmatch(text, m_start, m_end) and text[m_start:m_end] == name
                and _surname_before().search(text, max(start, m_start - 24), m_start)):
            continue  # "ông Trương Hòa Bình": a person's given name
        found.append(PlaceMention(m_start + offset, m_end + offset, text[m_start:m_end], canonical, merged))
    return found


@cache
def _regions() -> tuple[scan.Caseless, dict[str, str]]:
    names = words("place_words.csv", "region")
    return scan.Caseless(names), {" ".join(w.casefold().split()): w for w in names}


def find_regions(text: str, spans: list[tuple[int, int]]) -> list[PlaceMention]:
    """Regions named in ``spans`` of ``text``, as places (``place_words.csv``, role ``region``).

        >>> [(p.surface, p.place) for p in find_regions("vùng TÂY NGUYÊN", [(0, 15)])]
        [('TÂY NGUYÊN', 'Tây Nguyên')]
    """
    pattern, names = _regions()
    out = []
    for lo, hi in spans:
        for m in pattern.finditer(text, lo, hi):
            name = names.get(" ".join(m.group().split()), text[m.start():m.end()])
            out.append(PlaceMention(m.start(), m.end(), text[m.start():m.end()], name))
    return out
