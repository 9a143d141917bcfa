"""All surface patterns of the extractors, in one place.

Patterns run on *normalized* text (see :mod:`chitieu.pipeline.normalize`): NFC, one tone placement,
plain spaces, ``-`` for every dash. Word lists come from ``extractors/data`` via
:mod:`chitieu.extractors.lexicon`; what is here is the shape of numbers, years and their frames.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from functools import lru_cache

import regex

# A word boundary that knows Vietnamese letters (\b in `regex` is Unicode-aware already).
WB_BEFORE = r"(?<![\p{L}\p{N}_])"
WB_AFTER = r"(?![\p{L}\p{N}_])"
# The same word boundary for the standard library's ``re``: for long literal alternations (word
# lists, the gazetteer, years) ``re`` is several times faster than ``regex`` and finds the same matches.
RE_WB_BEFORE = r"(?<!\w)"
RE_WB_AFTER = r"(?!\w)"

# --- numbers -----------------------------------------------------------------------------------
# 1.829 (thousands dot), 97,83 (decimal comma), 1.234,5, 97.83 (decimal dot), 0,5, 12
NUMBER = (
    r"(?<![\p{L}\p{N}_.,/])"
    r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\p{N}]|[.,]\d)"
)
NUMBER_RE = regex.compile(NUMBER)

# Vietnamese number words, as used before "phần trăm": "năm mươi", "hai mươi lăm", "chín mươi chín phẩy năm".
NUMBER_WORDS = (
    "không", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "nhăm", "sáu", "bảy", "bẩy", "tám",
    "chín", "mười", "mươi", "trăm", "linh", "lẻ", "phẩy", "rưỡi",
)
NUMBER_WORDS_RE = regex.compile(
    WB_BEFORE + r"(?:(?:" + "|".join(NUMBER_WORDS) + r")\s+)*(?:" + "|".join(NUMBER_WORDS) + r")" + WB_AFTER,
    regex.IGNORECASE,
)

# --- percentages --------------------------------------------------------------------------------
PERCENT_SIGN = r"(?:\s?%|\s+phần\s+trăm" + WB_AFTER + r")"
PERCENT_RE = regex.compile(r"(?P<num>" + NUMBER + r")(?P<sign>" + PERCENT_SIGN + r")", regex.IGNORECASE)
WORDS_PERCENT_RE = regex.compile(
    r"(?P<num>" + NUMBER_WORDS_RE.pattern + r")\s+phần\s+trăm" + WB_AFTER, regex.IGNORECASE
)
# "từ 75% đến 80%", "từ 75 đến 80%", "75-80%", "75% - 80%", "75 – 80 %": the pair of numbers, and
# the "từ" that may open it (looked for right before a pair: an optional word at the start of a
# pattern makes the engine try it at every position, five times slower)
RANGE_RE = regex.compile(
    r"(?P<lo>" + NUMBER + r")(?P<losign>" + PERCENT_SIGN + r")?"
    r"\s*(?:-|đến|tới)\s*(?P<hi>" + NUMBER + r")(?P<hisign>" + PERCENT_SIGN + r")",
    regex.IGNORECASE,
)
RANGE_TU_BEFORE = regex.compile(r"(?P<tu>từ)\s+$", regex.IGNORECASE)

# --- years ----------------------------------------------------------------------------------------
YEAR = r"(?:19[4-9]\d|20\d\d|2100)"
_NAM = r"(?:năm\s+)?"
YEAR_PATTERNS: tuple[tuple[str, regex.Pattern], ...] = tuple(
    (kind, regex.compile(WB_BEFORE + pattern + WB_AFTER, regex.IGNORECASE))
    for kind, pattern in (
        # giai đoạn 2021-2025, thời kỳ 2021 - 2030, nhiệm kỳ 2020-2025, từ năm 2021 đến năm 2025
        ("period", r"(?:(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ|kế\s+hoạch)\s+)?" + _NAM
         + r"(?P<y1>" + YEAR + r")\s*-\s*(?P<y2>" + YEAR + r")"),
        ("period", r"từ\s+" + _NAM + r"(?P<y1>" + YEAR + r")\s+(?:đến|tới)\s+(?:hết\s+)?" + _NAM
         + r"(?P<y2>" + YEAR + r")"),
        # định hướng đến năm 2030, tầm nhìn đến năm 2045
        ("vision", r"(?:định\s+hướng|tầm\s+nhìn)\s+(?:đến|tới)\s+" + _NAM + r"(?P<y2>" + YEAR + r")"),
        # đến hết năm 2020, tính đến cuối năm 2020
        ("through", r"(?:tính\s+)?(?:đến|tới)\s+(?:hết|cuối)\s+" + _NAM + r"(?P<y2>" + YEAR + r")"),
        ("through", r"cuối\s+năm\s+(?P<y2>" + YEAR + r")"),
        # từ năm 2023; (kể) từ ngày 1/7/2023
        ("since", r"(?:bắt\s+đầu\s+)?từ\s+" + _NAM + r"(?P<y2>" + YEAR + r")"),
        ("since", r"(?:kể\s+)?từ\s+ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?P<y2>" + YEAR + r")"),
        # đến năm 2025, vào năm 2030, trước năm 2025, tới 2030
        ("deadline", r"(?:đến|tới|vào|trước|chậm\s+nhất\s+vào)\s+" + _NAM + r"(?P<y2>" + YEAR + r")"),
        # năm 2022, trong năm 2020
        ("point", r"(?:trong\s+|giai\s+đoạn\s+)?năm\s+(?P<y2>" + YEAR + r")"),
    )
)

# For each year pattern, words one of which each of its matches holds (lowercase): a stretch of text
# without any of them cannot match it, which a substring test tells faster than the pattern.
YEAR_PATTERN_WORDS: tuple[tuple[str, ...], ...] = (
    ("-",), ("từ",), ("hướng", "nhìn"), ("hết", "cuối"), ("cuối",), ("từ",), ("từ",), ("đến", "tới", "vào", "trước"),
    ("năm",),
)
assert len(YEAR_PATTERN_WORDS) == len(YEAR_PATTERNS)

# --- clauses --------------------------------------------------------------------------------------
FOOTNOTE_MARK_RE = regex.compile(r"\((?:\d{1,2}|\*)\)|\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹]")


def phrase_regex(phrases: Iterable[str], ignore_case: bool = True, engine=re):
    r"""One alternation of ``phrases`` on word boundaries, the longest first; spaces match any run of
    spaces.

    The alternation is a word trie (see :func:`trie_regex`): the engine tries each first word once
    instead of every phrase at every position. ``engine`` is ``re`` (fast) or ``regex`` (for its
    extras, such as overlapped matching).

        >>> print(phrase_regex(["đạt", "đạt được", "phấn đấu"], ignore_case=False).pattern)
        (?:p(?<!\w.)hấn\s+đấu|đ(?<!\w.)ạt(?:\s+được)?)(?!\w)
    """
    words = [p.lower().split() if ignore_case else p.split() for p in phrases if p.strip()]
    flags = engine.IGNORECASE if ignore_case else 0
    if engine is re:
        return re.compile(trie_regex((_words(ws) for ws in words), not_after=r"\w") + RE_WB_AFTER, flags)
    body = trie_regex((_words(ws) for ws in words), not_after=r"[\p{L}\p{N}_]")
    return engine.compile(body + WB_AFTER, flags)


@lru_cache(maxsize=4)
def lowered(text: str) -> str | None:
    """``text.lower()`` when lowercasing keeps every offset (else None), computed once per text: the
    phrase patterns below run many times over one document's text, between different bounds."""
    low = text.lower()
    return low if len(low) == len(text) else None


def bounded(text: str, regions: Iterable[tuple[int, int]]) -> bool:
    """Whether each region starts and ends at a space or an end of ``text`` (paragraphs, lines):
    then a pattern run between a region's bounds sees what it sees in the region's slice, and a
    document's regions can be read in one pass over the text instead of slice by slice."""
    return all((s == 0 or text[s - 1].isspace()) and (e == len(text) or text[e].isspace()) for s, e in regions)


class Caseless:
    """A word list matched in any case. On the text's lowercase copy (when it keeps every offset) the
    lowercase phrases are matched case-sensitively, which is the same search, several times faster:
    ``re`` can skip ahead to a possible first letter only when case does not matter. Matches are
    positions (``start``/``end``/``span``), ``group()`` is lowercase.

        >>> rx = Caseless(["phấn đấu", "mục tiêu"])
        >>> [m.span() for m in rx.finditer("Phấn đấu đạt MỤC TIÊU", 0, 30)]
        [(0, 8), (13, 21)]
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        phrases = [p.lower() for p in phrases]
        self.lower = phrase_regex(phrases, ignore_case=False)
        self.any_case = phrase_regex(phrases)

    def _pick(self, text: str) -> tuple[re.Pattern, str]:
        low = lowered(text)
        return (self.lower, low) if low is not None else (self.any_case, text)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        pattern, subject = self._pick(text)
        return pattern.finditer(subject, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        pattern, subject = self._pick(text)
        return pattern.search(subject, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        pattern, subject = self._pick(text)
        return pattern.match(subject, pos, endpos)


def trie_regex(phrases: Iterable[Sequence[tuple[str, str]]], not_after: str | None = None) -> str:
    r"""The alternation of token sequences as a trie: a shared first token once, then what may follow.

    A token is ``(separator, word)``: the pattern that joins it to the token before (``""`` for the
    first) and a literal word. Where a phrase may end or go on, going on is tried first, so the match
    at a position is the phrase with the most tokens (as a flat list sorted longest first finds, when
    phrases end at a word boundary).

        >>> print(trie_regex([[("", "cấp"), (r"\s+", "xã")], [("", "cấp"), (r"\s+", "tỉnh")], [("", "cấp")]]))
        cấp(?:(?:\s+tỉnh|\s+xã))?

    ``not_after``: a character class that may not stand right before a phrase (a word boundary). It is
    checked right after the first character (``c(?<!\w.)``), not before it: a pattern that opens with
    literal characters lets ``re`` skip ahead to where one of them stands, instead of trying the
    whole pattern at every position, several times faster on long texts.
    """
    root = trie(phrases)
    if not_after is None:
        return _emit(root)
    parts = first_letter_alternatives(root, not_after)
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def first_letter_alternatives(root: dict, not_after: str | None, rest: str = "{}") -> list[str]:
    """The trie ``root`` as alternatives that each open with one literal character (then the
    ``not_after`` check, if any). ``re`` skips ahead to where a match can start only when every
    alternative of a pattern's first alternation opens with a literal. ``rest`` wraps what follows
    the first character (``"(?=({}))"``: look ahead at it, and capture it)."""
    by_first: dict[str, dict] = {}
    for (sep, word), child in ((k, v) for k, v in root.items() if k is not None):
        by_first.setdefault(word[0], {})[(sep, word[1:])] = child
    check = f"(?<!{not_after}.)" if not_after else ""
    return [re.escape(c) + check + rest.format(_emit(after)) for c, after in sorted(by_first.items())]


def trie(phrases: Iterable[Sequence[tuple[str, str]]]) -> dict:
    """Token sequences as nested dicts; ``None`` marks where a phrase ends."""
    root: dict = {}
    for tokens in phrases:
        node = root
        for token in tokens:
            node = node.setdefault(token, {})
        node[None] = {}
    return root


def _emit(node: dict) -> str:
    parts = []
    for token in sorted((k for k in node if k is not None), key=lambda k: (-len(k[1]), k[1], k[0])):
        piece = token[0] + re.escape(token[1])
        child = node[token]
        rest = {k: v for k, v in child.items() if k is not None}
        if not rest:
            parts.append(piece)
        elif None in child:  # the phrase may end here or go on: going on is tried first
            parts.append(piece + "(?:" + _emit(rest) + ")?")
        else:
            parts.append(piece + _emit(rest))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _words(words: Sequence[str]) -> list[tuple[str, str]]:
    """Tokens of a phrase whose words are separated by any run of spaces."""
    return [("" if i == 0 else r"\s+", w) for i, w in enumerate(words)]
