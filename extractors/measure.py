"""Measure: whether a value is a level, a rise, a fall, or the gap between a result and its target.

    >>> measure_of("GRDP 6 tháng đầu năm ước tính tăng ", " so với cùng kỳ.")
    'increase'
    >>> measure_of("Tỷ lệ nghèo giảm còn ", ".")
    'level'
    >>> measure_of("số người tham gia đạt 1,83 triệu người (vượt ", " so với mục tiêu)")
    'gap'
    >>> measure_of("tốc độ tăng trưởng GRDP đạt ", "")
    'level'

Following the guide: a change written as a verb (``tăng 6,2%``, ``giảm 12,4%``, ``Cao Bằng tăng trưởng
6,52%``) is ``increase``/``decrease``; the value reached (``giảm còn 3,5%``, ``tăng lên 80%``) and a rate
named as a noun (``tốc độ tăng trưởng … đạt 7%``, ``mức tăng … là 3,1%``, ``tỷ lệ giảm nghèo đạt 1,5%``,
``tăng trưởng GRDP đạt 7%``) are ``level``; a difference set against a target (``vượt 0,3% so với chỉ
tiêu``, ``thấp hơn 2,1% so với kế hoạch``, ``vượt kế hoạch 5%``) is ``gap``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

import regex
from chitieu.extractors.lexicon import alternation, rows
from chitieu.extractors.patterns import NUMBER, PERCENT_SIGN, Caseless

from chitieu.models import Cue

MeasureKind = Literal["level", "increase", "decrease", "gap"]
_CHANGE = ("increase", "growth", "decrease", "gap_up", "gap_down", "more", "less")
_I = regex.IGNORECASE

# A value's clause: after the last sentence break, bracket or colon (bracketed asides closed before the
# value are dropped first: "Tốc độ tăng tổng sản phẩm trong nước (GDP) đạt").
_CLOSED_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_STRONG_BREAK = regex.compile(r"[.;:!?()\[\]](?!\d)|\n(?![ \t]*(?:[\p{Ll}\p{N}]|$))")  # a line that goes on in lowercase or with the value is wrapped
# Coordinated predicates and clauses: "tăng 29,3% so với cùng kỳ và bằng", "…, tăng"
_WEAK_BREAK = regex.compile(
    r"(?<!\p{N}),|,(?!\p{N})|(?<![\p{L}])(?:và|hoặc|nhưng|song|trong\s+khi|trong\s+đó|đồng\s+thời)(?![\p{L}])", _I)
# Its last match, found from the end: matches never overlap (a comma, or a whole word), so it is the
# last of finditer's
_LAST_WEAK_BREAK = regex.compile(_WEAK_BREAK.pattern, _WEAK_BREAK.flags | regex.REVERSE)
# A value that restates the amount of the change right before it: "tăng 8,18 điểm tương ứng 0,67%"
_RESTATES_AMOUNT = regex.compile(r"^\s*(?:\S+\s+){0,2}?\d[\d.,]*\s*\S+\s+(?:tương\s+đương|tương\s+ứng)(?:\s+(?:với|mức))?\s*$", regex.I)
# A value that restates the change of the clause before it: "tăng 137 hộ …, chiếm tỷ lệ 0,04%"
_RESTATES = regex.compile(
    r"^\s*(?:tương\s+đương|tương\s+ứng|chiếm\s+t[ỷỉ]\s+lệ|tức\s+là|tức|hay)"
    r"(?:\s+(?:với|là|khoảng|gần|hơn|trên|mức|bằng))*\s*$",
    _I,
)
# Numbers that say when, not how much: years, "6 tháng", "tháng 6", "quý 3", "25/6"
_TIME_NUMBERS = regex.compile(
    r"(?<![\p{N}])(?:(?:19|20)\d\d|\d{1,2}\s+tháng|tháng\s+\d{1,2}|quý\s+\d|\d{1,2}\s*/\s*\d{1,2})(?![\p{N}])", _I)
_SO_VOI = regex.compile(r"(?<![\p{L}])so\s+(?:với\s+)?", _I)
# After the value, up to its clause's end
_AFTER_HEAD = regex.compile(r"[^.;,()\[\]\n]*")
# Compiled once: ``regex.search`` with a pattern string looks it up in a cache each call (~2 µs)
_LETTER_OR_NUMBER = regex.compile(r"\p{L}|\p{N}")
_NUMBER_CHAR = regex.compile(r"\p{N}")
# the values listed before this one after the same change word ("tăng 26%, 10% và "), with "lần lượt" first
_LISTED_VALUES = r"(?:" + NUMBER + r"\s*" + PERCENT_SIGN + r"\s*(?:,\s*(?:và\s+)?|và\s+|hoặc\s+))+"
_VALUE_LIST = regex.compile(r"\s*(?:(?:lần\s+lượt|tương\s+ứng|khoảng|gần|hơn|trên)\s+)*" + _LISTED_VALUES, regex.IGNORECASE)
_TRAILING_VALUES = regex.compile(r"(?<![\p{N},.])" + _LISTED_VALUES + r"$", regex.IGNORECASE)
_LETTER = regex.compile(r"\p{L}")
# "tăng từ 70% lên 80%": the first value is where the change started
_FROM_BEFORE = regex.compile(r"(?<![\p{L}])từ\s*$", _I)
_TO_AFTER = regex.compile(r"\s*(?:lên|xuống|còn|đến|tới)(?![\p{L}])", _I)


@cache
def _lexicon() -> tuple[Caseless, dict[str, str]]:
    kinds = {" ".join(r["phrase"].lower().split()): r["kind"] for r in rows("measure_words.csv")}
    return Caseless(kinds), kinds


def _words(text: str) -> list[tuple[int, int, str]]:
    """The lexicon's words in ``text``: (start, end, kind), longest match first, in text order."""
    pattern, kinds = _lexicon()
    return [(m.start(), m.end(), kinds.get(" ".join(m.group().lower().split()), "")) for m in pattern.finditer(text)]


def find_measure_words(text: str) -> list[Cue]:
    """The change words of ``text`` with their kind (``increase``, ``growth``, ``decrease``, ``gap_up``,
    ``gap_down``), in text order.

        >>> [(c.surface, c.kind) for c in find_measure_words("tăng cường …, GRDP tăng trưởng 7%, vượt kế hoạch")]
        [('tăng trưởng', 'growth'), ('vượt', 'gap_up')]
    """
    return [Cue(s, e, text[s:e], k) for s, e, k in _words(text) if k in _CHANGE]


@cache
def _rate_noun_end() -> regex.Pattern:
    """A rate noun that ends the text before a change word ("… đạt mức", "tốc độ")."""
    return regex.compile(r"(?<![\p{L}])" + alternation([r["phrase"] for r in rows("measure_words.csv") if r["kind"] == "rate_noun"])
                         + r"$", _I)


_BRACKETED_CHANGE = regex.compile(r"(?<![\p{L}])(?P<verb>tăng|giảm|tăng thêm|giảm thêm)\s+(?:\S+\s+){0,2}?\d[\d.,]*"
                                  r"\s+\p{L}+(?:\s+\p{L}+)?\s*\(\s*$", _I)


def _clause(before: str) -> str:
    before = _CLOSED_BRACKETS.sub(lambda m: " " * len(m.group()), before)
    breaks = list(_STRONG_BREAK.finditer(before))
    return before[breaks[-1].end():] if breaks else before


def _segment(before: str) -> tuple[str, bool]:
    """The stretch of the value's clause its own predicate stands in, and whether the value restates
    the change of the stretch before (then that stretch is returned)."""
    clause = _clause(before)
    listed = _TRAILING_VALUES.search(clause)
    if listed and listed.start() > 0:  # "… tăng lần lượt 26%, 10% và ": the list's change word is this value's
        seg, restated = _segment(clause[:listed.start()])
        return seg + clause[listed.start():], restated
    last = _LAST_WEAK_BREAK.search(clause)
    if last is None:
        return clause, False
    seg = clause[last.end():]
    if _RESTATES.match(seg):  # (rare) the stretch before the last break too
        cuts = [m.end() for m in _WEAK_BREAK.finditer(clause)]
        prev = clause[cuts[-2] if len(cuts) > 1 else 0:cuts[-1]]
        return prev, True
    return seg, False


def _only(text: str, kinds: tuple[str, ...]) -> bool:
    """Whether ``text`` holds nothing but words of ``kinds`` (and spaces, signs)."""
    pos = 0
    for s, e, k in _words(text):
        if _LETTER_OR_NUMBER.search(text[pos:s]) or k not in kinds:
            return False
        pos = e
    return not _LETTER_OR_NUMBER.search(text[pos:])


def _against(text: str) -> str | None:
    """``target`` or ``time`` when ``text`` sets something against a target (``so với chỉ tiêu``) or
    an earlier time (``so với cùng kỳ``), ``other`` when against something else, None when not at all."""
    m = _SO_VOI.search(text)
    if m is None:
        return None
    for _, _, k in _words(text[m.end():m.end() + 50]):
        if k == "target_base":
            return "target"
        if k == "time_base":
            return "time"
    return "other"


def measure_of(before: str, after: str) -> MeasureKind:
    """The measure of a value from the text right before it (its sentence up to the value) and right
    after it.

        >>> measure_of("Giá trị xuất khẩu ước đạt 16,8 tỷ USD, tăng 29,9% so với cùng kỳ và bằng ", " kế hoạch")
        'level'
        >>> measure_of("Ước kết quả thực hiện giảm tỷ lệ hộ nghèo năm 2022 là ", "")
        'decrease'
        >>> measure_of("đạt tỷ lệ 97% (tăng ", ")")
        'increase'
    """
    bracketed = _BRACKETED_CHANGE.search(before, max(0, len(before) - 80)) if before.rstrip().endswith("(") else None
    if bracketed:  # "tăng 18 vụ (13,7%) so với cùng kỳ": the share of a change of a count is that change
        kind = _lexicon()[1].get(" ".join(bracketed.group("verb").lower().split()))
        if kind in ("increase", "growth"):
            return "increase"
        if kind == "decrease":
            return "decrease"
    seg, restated = _segment(before)
    words = _words(seg)
    change = [w for w in words if w[2] in _CHANGE or w[2] == "none"]
    if not change or change[-1][2] == "none":
        return "level"
    start, end, kind = change[-1]
    gap = seg[end:]
    if len(gap.split()) > 12:
        return "level"
    restated = restated or _RESTATES_AMOUNT.search(gap) is not None  # "tăng 8,18 điểm tương ứng 0,67%"
    if not restated and _NUMBER_CHAR.search(_TIME_NUMBERS.sub(" ", gap)) and not _VALUE_LIST.fullmatch(gap):
        return "level"  # the change governs another number ("tăng 29,9% … và bằng", "từ 70% lên")
    # (unless the numbers are the values listed before this one: "tăng lần lượt 26%, 10% và 8%")
    gap_words = _words(gap)
    # the value reached: "giảm còn 3,5%", "tăng lên mức 80%"
    if any(k == "reach" and _only(gap[e:], ("modifier",)) for _, e, k in gap_words):
        return "level"
    if _FROM_BEFORE.search(gap) and _TO_AFTER.match(after):
        return "level"  # "tăng từ 70% lên 80%": where the change started
    # a rate named as a noun: "tốc độ tăng trưởng", "mức tăng", "tỷ lệ giảm nghèo"
    head = seg[:start].rstrip()
    if any(k == "rate_noun" and e == len(head) for s, e, k in _words(head)) or _rate_noun_end().search(head):
        return "level"  # also inside a longer phrase: "đạt mức tăng trưởng 2,45%"
    if any(k == "predicate" for _, _, k in gap_words):
        return "level"  # "tăng trưởng GRDP đạt 7%", "… giảm, đạt 80%"
    copula = [s for s, _, k in gap_words if k == "copula"]
    if kind == "growth" and ((copula and not _only(gap[:copula[0]], ("modifier",))) or not _only(gap, ("modifier", "copula"))):
        return "level"  # "tăng trưởng kinh tế 7%", "tăng trưởng … là 7%": growth named as a noun
    # ("tăng trưởng mạnh mẽ ở mức 37,6%": a verb with its manner, then its value)
    head_after = _AFTER_HEAD.match(after).group()
    against = _against(gap) or _against(head_after)
    if kind in ("gap_up", "gap_down", "more", "less"):
        if against == "target" or any(k == "target_base" for _, _, k in gap_words) or _leads_with_target(head_after):
            return "gap"  # "vượt 0,3% so với chỉ tiêu", "vượt kế hoạch 5%", "vượt 5% kế hoạch"
        if against == "time" or (kind in ("more", "less") and _only(gap, ("modifier",)) and not _NEGATED.search(seg, 0, start)
                                 and _BY_THAT_MUCH.match(after)):
            # "cao hơn 30%": higher by 30% (not "cao hơn mức 5,05% của cả nước": the level it is set against)
            return "increase" if kind in ("gap_up", "more") else "decrease"
        return "level"  # "vượt 5%": a bound
    if against == "target":
        return "gap"  # "tăng 5% so với kế hoạch"
    return "decrease" if kind == "decrease" else "increase"


# "không thấp hơn 70%", "không được cao hơn": a bound; "cao hơn 30% so với …", "cao hơn 30%.": by that much
_NEGATED = regex.compile(r"(?<![\p{L}])không(?:\s+được)?\s+$", regex.IGNORECASE)
_BY_THAT_MUCH = regex.compile(r"\s*(?:so\s+với|[.,;:)\]]|$)", regex.IGNORECASE)


def _leads_with_target(after: str) -> bool:
    first = _words(after)
    return bool(first) and first[0][2] == "target_base" and not _LETTER.search(after[:first[0][0]])
