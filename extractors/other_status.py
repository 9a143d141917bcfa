"""Status ``other``: a percentage that is neither a goal nor a result of a measured indicator — a rate
fixed by a rule, a support share, a discount, a qualifying threshold, a probability.

    >>> other_kind("Doanh nghiệp được áp dụng thuế suất thuế GTGT ")
    'rate'
    >>> other_kind_around("Ngân sách tỉnh hỗ trợ tối đa ", " kinh phí mua giống")
    'support'
    >>> other_kind_around("Tỷ lệ hộ nghèo được hỗ trợ đạt ", "") is None
    True

The question asked is "is the noun phrase governing this value one of these?": the words right before
the value in its clause (the nearest listed phrase wins; a noun that heads a measured indicator, such as
``tỷ lệ`` or ``số``, answers no), and for a verb with its object after the value (``hỗ trợ 50% kinh
phí``, ``giảm 30% học phí``) the words right after it.
"""

from __future__ import annotations

import re
from functools import cache

import regex
from chitieu.extractors.lexicon import rows
from chitieu.extractors.patterns import NUMBER, PERCENT_SIGN, Caseless

from chitieu.models import Cue

_SLOT = "…"
_I = regex.IGNORECASE
# Comparator and filler words that may stand between a slot phrase and its value.
_FILLER = (r"(?:tối\s+đa|tối\s+thiểu|không\s+quá|không\s+vượt\s+quá|không\s+dưới|ít\s+nhất|lên\s+đến|lên\s+tới|"
           r"đến|tới|khoảng|từ|bằng|là|ở\s+mức|mức|trên|dưới|hơn|gần|thêm|tương\s+đương|lần\s+lượt|chỉ|xấp\s+xỉ|"
           r"(?:theo|với)?\s*t[ỷỉ]\s+lệ)")
_ONLY_FILLERS = regex.compile(r"(?:\s*" + _FILLER + r"(?![\p{L}]))*\s*", _I)
# A noun heading a measured indicator is no head when a preposition makes it a complement ("với tỷ lệ")
_PREPOSITION_BEFORE = regex.compile(r"(?<![\p{L}])(?:với|theo|ở|bằng)\s*$", _I)
# The value's clause: after the last sentence break, comma or open bracket
_CLOSED_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_BREAK = regex.compile(r"[.;!?\n()\[\]](?!\p{N})|(?<!\p{N}),|,(?!\p{N})")
_AFTER_HEAD = regex.compile(r"[^.;,()\[\]\n]*")
_TIME_NUMBERS = regex.compile(r"(?<![\p{N}])(?:19|20)\d\d(?![\p{N}])")
_ACHIEVED = regex.compile(r"(?<![\p{L}])đạt(?![\p{L}])", _I)
# A comparison with another time ("lãi suất giảm 0,5% so với cuối năm"): a measured change
_COMPARED = regex.compile(r"^\s*(?:\S+\s+){0,3}?so\s+(?:với|cùng)(?![\p{L}])", _I)
_VALUE_AFTER = regex.compile(r"(?:\s*" + _FILLER + r"(?![\p{L}]))*\s*" + NUMBER + r"(?:" + PERCENT_SIGN + r")?", _I)


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@cache
def _lexicon() -> tuple[Caseless, dict[str, str], dict[str, dict[str, str]]]:
    """The phrase pattern (nouns, the parts of slot phrases, blockers), ``{noun: kind}`` and
    ``{left part: {right part or "": kind}}`` of the slot phrases."""
    nouns: dict[str, str] = {}
    slots: dict[str, dict[str, str]] = {}
    phrases: set[str] = set()
    for r in rows("other_status.csv"):
        phrase, kind = _key(r["phrase"]), r["kind"]
        if _SLOT in phrase:
            left, _, right = (p.strip() for p in phrase.partition(_SLOT))
            slots.setdefault(left, {})[right] = kind
            phrases.update(p for p in (left, right) if p)
        else:
            if kind != "none":
                nouns[phrase] = kind
            phrases.add(phrase)
    return Caseless(phrases), nouns, slots


def _clause_window(before: str, words: int) -> tuple[str, int]:
    """The value's clause and where its last ``words`` words start in it."""
    before = _CLOSED_BRACKETS.sub(lambda m: " " * len(m.group()), before)
    breaks = list(_BREAK.finditer(before))
    clause = before[breaks[-1].end():] if breaks else before
    tokens = list(regex.finditer(r"\S+", clause))
    return clause, tokens[-words].start() if len(tokens) > words else 0


def _object_after(after: str) -> str | None:
    """The listed phrase that opens ``after`` (within two words of the value), lowercased."""
    head = _AFTER_HEAD.match(after).group()
    pattern, _, _ = _lexicon()
    m = pattern.search(head)
    if m is None or len(head[:m.start()].split()) > 2 or regex.search(r"\p{N}", head[:m.start()]):
        return None
    return _key(m.group())


def other_kind_around(before: str, after: str, words: int = 10) -> str | None:
    """The kind (``rate``, ``support``, ``discount``, ``threshold``, ``probability``) of the phrase that
    governs a value, from the text before it (its sentence up to the value) and after it; None when the
    value is no such figure. Only the last ``words`` words of the value's clause are read.

        >>> other_kind_around("Học sinh được ", " học phí")  # "được …" is not listed alone
        >>> other_kind_around("Học sinh vùng khó khăn được giảm ", " học phí")
        'discount'
        >>> other_kind_around("Phấn đấu giảm ", " chi phí tuân thủ") is None
        True
        >>> other_kind_around("lãi suất cho vay bình quân giảm ", " so với cuối năm 2022") is None
        True
    """
    pattern, nouns, slots = _lexicon()
    if after and _COMPARED.match(_AFTER_HEAD.match(after).group()):
        return None
    window, first = _clause_window(before, words)
    # phrases that end in the last words (one may start before them: "thuế suất thuế giá trị gia tăng")
    for m in reversed([m for m in pattern.finditer(window) if m.end() > first]):
        phrase, between = _key(m.group()), window[m.end():]
        if phrase in nouns:
            if regex.search(r"\p{N}", _TIME_NUMBERS.sub(" ", between)) or _ACHIEVED.search(between):
                return None  # the noun governs another number, or the value is what something reached
            return nouns[phrase]
        if phrase in slots:
            if not _ONLY_FILLERS.fullmatch(between):
                continue  # a verb that does not take this value: look further left
            rights = slots[phrase]
            if "" in rights:
                return rights[""]
            obj = _object_after(after)
            return rights.get(obj) if obj else None
        if _PREPOSITION_BEFORE.search(window[:m.start()]):
            continue  # "được hỗ trợ với tỷ lệ 50%": the noun is a complement
        return None  # a noun heading a measured indicator ("tỷ lệ", "số", "chi phí")
    return None


def other_kind(before: str, words: int = 10) -> str | None:
    """``other_kind_around`` with nothing known after the value: the phrases whose object follows the
    value (``hỗ trợ … kinh phí``) cannot answer.

        >>> other_kind("Người lao động có tỷ lệ thương tật từ ")
        'threshold'
        >>> other_kind("Dự báo xác suất mưa là ")
        'probability'
    """
    return other_kind_around(before, "", words)


def find_other_cues(text: str) -> list[Cue]:
    """The phrases of ``text`` that make a value ``other``, with their kind, in text order: nouns
    (``thuế suất``), phrases the value follows (``được hỗ trợ``), and a verb, its value and its object
    as one span (``giảm 30% học phí``).

        >>> [(c.surface, c.kind) for c in find_other_cues("Lãi suất 6%/năm; giảm 30% học phí, giảm 30% chi phí")]
        [('Lãi suất', 'rate'), ('giảm 30% học phí', 'discount')]
    """
    pattern, nouns, slots = _lexicon()
    out: list[Cue] = []
    for m in pattern.finditer(text):
        if out and m.start() < out[-1].end:
            continue  # the object of "giảm 2% thuế GTGT"
        phrase = _key(m.group())
        if phrase in nouns:
            out.append(Cue(m.start(), m.end(), text[m.start():m.end()], nouns[phrase]))
            continue
        rights = slots.get(phrase)
        if not rights:
            continue
        if "" in rights:
            out.append(Cue(m.start(), m.end(), text[m.start():m.end()], rights[""]))
            continue
        value = _VALUE_AFTER.match(text, m.end())
        if value is None:
            continue
        head = _AFTER_HEAD.match(text, value.end()).group()
        obj = pattern.search(head)
        if obj and _key(obj.group()) in rights and len(head[:obj.start()].split()) <= 2:
            end = value.end() + obj.end()
            out.append(Cue(m.start(), end, text[m.start():end], rights[_key(obj.group())]))
    return out
