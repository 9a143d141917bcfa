"""All surface patterns of the extractors, in one place.

Patterns run on *normalized* text (see :mod:`pipeline.normalize`): NFC, one tone placement,
plain spaces, ``-`` for every dash. Word lists come from ``extractors/data`` via
:mod:`extractors.lexicon`; what is here is the shape of numbers, years and their frames.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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

# --- clauses --------------------------------------------------------------------------------------
FOOTNOTE_MARK_RE = regex.compile(r"\((?:\d{1,2}|\*)\)|\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹]")


def phrase_regex(phrases: Iterable[str], ignore_case: bool = True, engine=re):
    r"""One alternation of ``phrases`` on word boundaries, the longest first; spaces match any run of
    spaces.

    The alternation is a word trie ("đạt", "đạt được", "phấn đấu" below): the engine tries each first
    word once instead of every phrase at every position. At a position the match is still the phrase
    with the most words, as with a flat list sorted longest first, since a phrase can only end at a
    word boundary. ``engine`` is ``re`` (fast) or ``regex`` (for its extras, such as overlapped
    matching).

        >>> print(phrase_regex(["đạt", "đạt được", "phấn đấu"]).pattern)
        (?<!\w)(?:(?:phấn\s+đấu|đạt(?:\s+được)?))(?!\w)
    """
    words = [p.split() for p in phrases if p.strip()]
    body = _trie([[w.lower() for w in ws] if ignore_case else ws for ws in words])
    flags = engine.IGNORECASE if ignore_case else 0
    if engine is re:
        return re.compile(RE_WB_BEFORE + "(?:" + body + ")" + RE_WB_AFTER, flags)
    return engine.compile(WB_BEFORE + "(?:" + body + ")" + WB_AFTER, flags)


def _trie(phrases: list[list[str]]) -> str:
    """The alternation of word sequences as a trie: a shared first word once, then what may follow it."""
    root: dict[str, dict] = {}
    for words in phrases:
        node = root
        for w in words:
            node = node.setdefault(w, {})
        node[""] = {}  # a phrase ends here

    def emit(node: dict[str, dict]) -> str:
        parts = []
        for w in sorted((k for k in node if k), key=lambda k: (-len(k), k)):
            child = node[w]
            rest = {k: v for k, v in child.items() if k}
            if not rest:
                parts.append(re.escape(w))
            elif "" in child:  # the phrase may end here or go on: going on is tried first
                parts.append(re.escape(w) + r"(?:\s+" + emit(rest) + ")?")
            else:
                parts.append(re.escape(w) + r"\s+" + emit(rest))
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(root)
