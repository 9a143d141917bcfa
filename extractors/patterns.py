"""All surface patterns of the extractors, in one place.

Patterns run on *normalized* text (see :mod:`chitieu.pipeline.normalize`): NFC, one tone placement,
plain spaces, ``-`` for every dash. Word lists come from ``extractors/data`` via
:mod:`chitieu.extractors.lexicon`; what is here is the shape of numbers, years and their frames.
"""

from __future__ import annotations

import regex

# The fast scanning of word lists lives in :mod:`chitieu.extractors.scan`; ``Caseless`` is imported
# from here by ``pipeline/indicator.py``.
from chitieu.extractors.scan import Caseless  # noqa: F401

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
# "từ 75% đến 80%", "70 – 75%", "từ 50% đến dưới 100%" (a class of a rule: its upper bound excluded),
# "từ 20 đến hơn 70%", "từ trên 15% đến không quá 30%"
RANGE_RE = regex.compile(
    r"(?P<lo>" + NUMBER + r")(?P<losign>" + PERCENT_SIGN + r")?"
    r"\s*(?:-|(?:đến|tới)(?:\s+(?:dưới|hơn|trên|không\s+quá|tối\s+đa))?)\s*(?P<hi>" + NUMBER + r")(?P<hisign>" + PERCENT_SIGN + r")",
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
        # a month or quarter with its year: "tháng 9/2020", "quý 3/2020", "quý III-2020", "tháng 1.2016"
        ("point", r"(?:tháng\s+(?:1[0-2]|0?[1-9])|quý\s+(?:[Ii]{1,3}|[Ii][Vv]|[1-4]))\s*(?:[/-]|\.(?=\d))\s*(?P<y2>" + YEAR + r")"),
        # năm 2022, trong năm 2020
        ("point", r"(?:trong\s+|giai\s+đoạn\s+)?năm\s+(?P<y2>" + YEAR + r")"),
        # a bare year after "trong", "so với" or "cùng kỳ": "từ 34% trong 2000 xuống 24,3% trong 2019",
        # "tăng 38% so với 2016", "giảm so với cùng kỳ 2019"
        ("point", r"(?:trong\s+|(?<=so\s+với\s+)|(?<=cùng\s+kỳ\s+))(?P<y2>" + YEAR + r")"),
    )
)

# For each year pattern, words one of which each of its matches holds (lowercase): a stretch of text
# without any of them cannot match it, which a substring test tells faster than the pattern.
YEAR_PATTERN_WORDS: tuple[tuple[str, ...], ...] = (
    ("-",), ("từ",), ("hướng", "nhìn"), ("hết", "cuối"), ("cuối",), ("từ",), ("từ",), ("đến", "tới", "vào", "trước"),
    ("tháng", "quý"), ("năm",), ("trong", "với", "kỳ"),
)
assert len(YEAR_PATTERN_WORDS) == len(YEAR_PATTERNS)

# --- clauses --------------------------------------------------------------------------------------
FOOTNOTE_MARK_RE = regex.compile(r"\((?:\d{1,2}|\*)\)|\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹]")
