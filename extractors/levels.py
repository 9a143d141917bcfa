"""Administrative levels ("cấp tỉnh / huyện / xã").

    >>> [(m.surface, m.level) for m in find_levels("hồ sơ tại cấp huyện và các sở, ban, ngành")]
    [('cấp huyện', 'huyen'), ('các sở, ban, ngành', 'tinh')]
    >>> [m.level for m in find_levels("hệ thống một cửa cấp tỉnh, huyện, xã; từ cấp tỉnh tới cơ sở")]
    ['multi', 'multi']
    >>> bare_level("xã (40%)", 0, 2)
    'xa'
"""

from __future__ import annotations

from functools import cache

import regex
from chitieu.extractors import scan
from chitieu.extractors.lexicon import alternation, rows
from chitieu.extractors.patterns import WB_AFTER, WB_BEFORE

from chitieu.models import LevelMention

_UNIT = r"(?:tỉnh|huyện|xã|trung\s+ương|cơ\s+sở|thôn|ấp|bản|phường|thành\s+phố|thị\s+xã)"
# "cấp tỉnh, huyện, xã", "cấp tỉnh, cấp huyện và cấp xã", "cấp huyện - xã"
_LIST_RE = regex.compile(
    WB_BEFORE + r"cấp\s+(?:tỉnh|huyện|xã)(?:\s*(?:,|và|-|/)\s*(?:cấp\s+)?(?:tỉnh|huyện|xã)" + WB_AFTER + r")+",
    regex.IGNORECASE,
)
# "từ cấp tỉnh đến cấp xã", "từ tỉnh đến xã", "từ cấp tỉnh tới cơ sở", "từ trung ương đến địa phương"
_SPAN_RE = regex.compile(
    WB_BEFORE + r"từ\s+(?:cấp\s+)?" + _UNIT + r"\s+(?:đến|tới)\s+(?:cấp\s+)?(?:" + _UNIT + r"|địa\s+phương)" + WB_AFTER,
    regex.IGNORECASE,
)


# An index named "… cấp tỉnh" (PCI, PAPI, DTI): "chỉ số" with no clause break before the level word.
_INDEX_NAME = regex.compile(r"chỉ\s+số[^,;:.()]*$", regex.IGNORECASE)


_LEVEL_WORD = regex.compile(r"tỉnh|huyện|xã", regex.IGNORECASE)
_CLAUSE_END = regex.compile(r"\s*(?:[,;:.)]|$)")
@cache
def _bare_nouns() -> dict[str, str]:
    """``{noun: level}`` of the bare unit nouns of ``levels.csv`` ("xã", "phường", "quận"), lowercase."""
    return {r["phrase"].lower(): r["level"] for r in rows("levels.csv")
            if r["context"] == "bare" and not r["phrase"].lower().startswith(("các ", "số "))}


@cache
def _bare_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """A unit noun ending right before a value ("xã (40%)") and one right after it ("100% số xã"), but not the
    first noun of a pair ("100% xã, phường")."""
    nouns = alternation(list(_bare_nouns()))
    before = regex.compile(r"(?:(?:tại|ở)\s+)?(?:cấp\s+)?(?:các\s+|số\s+)?(?P<w>" + nouns + r")\s*$", regex.IGNORECASE)
    after = regex.compile(r"\s*(?:các\s+|số\s+)?(?P<w>" + nouns + r")(?![\p{L}\p{N}])(?!\s*,\s*(?:phường|thị|xã))",
                          regex.IGNORECASE)
    return before, after


def _two_by_comma(text: str, m: regex.Match) -> bool:
    """"cấp huyện, tỉnh giao …": two words joined only by a comma, the second starting a new clause."""
    items = _LEVEL_WORD.findall(m.group())
    return len(items) == 2 and "," in m.group() and not _CLAUSE_END.match(text, m.end())


@cache
def _lexicon() -> tuple[scan.Caseless, dict[str, str], dict[str, str]]:
    anywhere = {r["phrase"].lower(): r["level"] for r in rows("levels.csv") if r["context"] == "any"}
    bare = {r["phrase"].lower(): r["level"] for r in rows("levels.csv") if r["context"] == "bare"}
    return scan.Caseless(anywhere), anywhere, bare


def _phrases(text: str) -> list[tuple[int, int]]:
    """Spans of the level phrases of ``text`` in any case, overlapping ones too, in text order."""
    return _lexicon()[0].spans(text, overlapped=True)


def _key(surface: str) -> str:
    return " ".join(surface.lower().replace(",", ", ").split()).replace(" ,", ",")


def find_levels(text: str) -> list[LevelMention]:
    """Level phrases that name a level wherever they stand; several levels at once → ``multi``."""
    found: list[LevelMention] = []
    for rx in (_LIST_RE, _SPAN_RE):
        for m in rx.finditer(text):
            if rx is _LIST_RE and _two_by_comma(text, m):
                continue
            found.append(LevelMention(m.start(), m.end(), m.group(), "multi"))
    _, anywhere, _ = _lexicon()
    # Overlapping phrases ("tại các huyện" / "các huyện, thị xã, thành phố"): the longest wins.
    for start, end in sorted(_phrases(text), key=lambda span: (span[0] - span[1], span[0])):
        if any(not (end <= f.start or start >= f.end) for f in found):
            continue
        surface = text[start:end]
        level = anywhere.get(_key(surface))
        if level and _INDEX_NAME.search(text[max(0, start - 60):start]):
            continue  # "chỉ số năng lực cạnh tranh cấp tỉnh" names an index, not a level
        if level:
            found.append(LevelMention(start, end, surface, level))
    found.sort(key=lambda f: f.start)
    return found


def bare_level(text: str, start: int, end: int) -> str | None:
    """Level of a bare word such as ``xã`` / ``các huyện`` in ``text[start:end]`` (used next to a value)."""
    _, anywhere, bare = _lexicon()
    key = _key(text[start:end])
    return anywhere.get(key) or bare.get(key)


def bare_level_before(text: str, pos: int) -> LevelMention | None:
    """A level word ending right before ``pos``: ``cấp huyện (70%)``, ``xã (40%)``."""
    window = text[max(0, pos - 40):pos]
    m = _bare_patterns()[0].search(window)
    if not m:
        return None
    level = _bare_nouns()[" ".join(m.group("w").lower().split())]
    s = pos - len(window) + m.start()
    e = pos - len(window) + m.end("w")
    return LevelMention(s, e, text[s:e], level)


def bare_level_after(text: str, pos: int) -> LevelMention | None:
    """A bare level noun right after a value: ``100% xã``, ``100% số xã``, ``100% các huyện``."""
    m = _bare_patterns()[1].match(text[pos:pos + 20])
    if not m:
        return None
    level = _bare_nouns()[" ".join(m.group("w").lower().split())]
    s = pos + m.start("w")
    return LevelMention(s, pos + m.end(), text[s:pos + m.end()], level)


@cache
def _subject_re() -> regex.Pattern:
    phrases = [r["phrase"] for r in rows("levels.csv") if r["context"] == "subject"]
    return regex.compile(r"(?<![\p{L}])(?P<body>(?i:" + alternation(phrases) + r"))\s+(?:\d+|\p{Lu})")


def subject_level(text: str, lo: int = 0, hi: int | None = None) -> str:
    """The level of the unit whose body a title or lead names as its actor, or empty.

        >>> subject_level("Sáng 1-4, UBND quận 1, TP. HCM tổ chức tổng kết công tác cải cách hành chính")
        'huyen'
        >>> subject_level("UBND tỉnh Nghệ An tổng kết năm 2024"), subject_level("UBND huyện ủy quyền")
        ('', '')
    """
    m = _subject_re().search(text, lo, len(text) if hi is None else hi)
    if m is None:
        return ""
    body = " ".join(m.group("body").lower().split())
    return next(r["level"] for r in rows("levels.csv") if r["context"] == "subject" and r["phrase"].lower() == body)
