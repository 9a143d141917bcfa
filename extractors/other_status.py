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
from chitieu.extractors import scan
from chitieu.extractors.lexicon import alternation, rows, words
from chitieu.extractors.patterns import NUMBER, PERCENT_SIGN, Caseless

from chitieu.models import Cue

_SLOT = "…"
_I = regex.IGNORECASE


def _g(*roles: str) -> str:
    """The words of ``roles`` in ``other_status_grammar.csv``, as one group."""
    return alternation(words("other_status_grammar.csv", *roles))


# Comparator and filler words that may stand between a slot phrase and its value.
_FILLER = _g("filler")
_ONLY_FILLERS = regex.compile(r"(?:[\s:]*" + _FILLER + r"(?![\p{L}]))*[\s:]*", _I)
# A noun heading a measured indicator is no head when a preposition makes it a complement ("với tỷ lệ")
_PREPOSITION_BEFORE = regex.compile(r"(?<![\p{L}])" + _g("complement") + r"\s*$", _I)
# The value's clause: after the last sentence break, comma or open bracket
_CLOSED_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_BREAK = regex.compile(r"[.;!?\n()\[\]](?!\p{N})|(?<!\p{N}),|,(?!\p{N})")
# Its last match, found from the end (every match is one character, so it is the last of finditer's)
_LAST_BREAK = regex.compile(_BREAK.pattern, _BREAK.flags | regex.REVERSE)
_AFTER_HEAD = regex.compile(r"[^.;,()\[\]\n]*")
_TIME_NUMBERS = regex.compile(r"(?<![\p{N}])(?:19|20)\d\d(?![\p{N}])")
_ACHIEVED = regex.compile(r"(?<![\p{L}])" + _g("achieved") + r"(?![\p{L}])", _I)
# A comparison with another time ("lãi suất giảm 0,5% so với cuối năm"): a measured change
# ("so với mức thuế hiện hành" compares two rates, not two times)
_COMPARED = regex.compile(r"^\s*(?:\S+\s+){0,3}?so\s+(?:với\s+)?(?:" + _g("time_base") + r"|\d)", _I)
# A hard-wrapped line goes on in lowercase, or with the value: its break is a space ("với lãi suất⏎tối đa")
_WRAP = regex.compile(r"(?<=[\p{L}\p{N},%)])([ \t]*)\n(?=[ \t]*\p{Ll})|(?<=\p{Ll})([ \t]*)\n(?=[ \t]*$)")
# Another value of the noun that is the same rate before a change ("thuế GTGT từ 10% xuống 5%"), and
# numbers that are names ("xăng E5 RON 92")
_CHANGE_FROM = regex.compile(r"(?<![\p{L}])từ\s+" + NUMBER + r"\s*(?:" + PERCENT_SIGN + r")?(?:/năm)?\s+" + _g("change_to")
                             + r"(?:\s+(?:mức|còn))?\s*$", _I)
_DURATION = regex.compile(r"(?<![\p{L}\p{N}])\d+\s*" + _g("duration") + r"(?![\p{L}])", _I)  # "kỳ hạn 6 tháng"
_CODE_NUMBERS = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}\p{N}]*(?:[ -]\p{N}+)?(?![\p{L}\p{N}])")
# A factor of a product in a formula ("10.000.000 x 3%", "(0,3% x phần chi phí)"): a rate set by the rule
# ("x" a word of its own, "*" apart from the asterisks of bold text)
# ... and a factor the rule bounds ("x Mức ít nhất 150%")
_TIMES_BEFORE = regex.compile(r"(?:(?<![\p{L}])[x×](?:\s+(?i:" + _FILLER + r"))*\s*|(?<=[\s\p{N})])\*\s+)$")
_TIMES_AFTER = regex.compile(r"^\s*(?:[x×](?![\p{L}\p{N}])|\*(?=\s))\s*[\p{N}(\p{L}]")
# ... and a term of a sum of shares worked out in an example ("45% + 24% = 69%"): a rule applied, no result
_SUM_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])" + NUMBER + PERCENT_SIGN + r"\s*[+=]\s*$")
_SUM_AFTER = regex.compile(r"^\s*[+=]\s*" + NUMBER + PERCENT_SIGN)
# A condition of a rule: "nếu/trường hợp/cứ … 50% … thì …"
_IF = regex.compile(r"(?<![\p{L}])" + _g("condition") + r"(?![\p{L}])[^.;:!?]*$", _I)
_WEAK_IF = regex.compile(_g("weak_condition") + r"(?![\p{L}])", _I)
_COMPARING_IF = regex.compile(_g("comparing_condition") + r"(?![\p{L}])", _I)
_OPENING_CONDITION = regex.compile(r"[\s\-–+*•]*" + _g("opening_condition") + r"(?![\p{L}])[^,;:.!?\n]*$", _I)
_THEN = regex.compile(r"^[^.;:!?\n]{0,120}?(?<![\p{L}])" + _g("then") + r"(?![\p{L}])", _I)
# Compiled once: ``regex.search`` with a pattern string looks it up in a cache each call (~2 µs)
_TOKEN = regex.compile(r"\S+")
_NUMBER_CHAR = regex.compile(r"\p{N}")
_LOWER_START = regex.compile(r"\s*\p{Ll}")
_VALUE_AFTER = regex.compile(r"(?:\s*" + _FILLER + r"(?![\p{L}]))*\s*" + NUMBER + r"(?:" + PERCENT_SIGN + r")?", _I)


def _unwrap(text: str) -> str:
    """``text`` with the line breaks of hard-wrapped paragraphs as spaces (same length):
    ``_WRAP.sub(…)``, the pattern tried only where a line break's blanks start (it opens with a
    lookbehind, which ``regex`` would try at every position of the ~3,000 characters before a
    sentence that qualifying_bound reads: 15x faster)."""
    if "\n" not in text:  # every match holds a line break
        return text
    pieces, last = [], 0
    for m in scan.tried_at(_WRAP, text, scan.line_break_run):
        pieces += (text[last:m.start()], (m.group(1) or m.group(2) or "") + " ")
        last = m.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


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
    last = _LAST_BREAK.search(before)
    clause = before[last.end():] if last else before
    tokens = list(_TOKEN.finditer(clause))
    return clause, tokens[-words].start() if len(tokens) > words else 0


def _object_after(after: str) -> str | None:
    """The listed phrase that opens ``after`` (within two words of the value), lowercased."""
    head = _AFTER_HEAD.match(after).group()
    pattern, _, _ = _lexicon()
    m = pattern.search(head)
    if m is None or len(head[:m.start()].split()) > 2 or _NUMBER_CHAR.search(head[:m.start()]):
        return None
    return _key(m.group())


def other_kind_around(before: str, after: str, words: int = 10, lead: str = "") -> str | None:
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
    before, after = _unwrap(before), _unwrap(after)
    return (_lexical_kind(before, after, words) or _formula_kind(before, after) or _listed_kind(before, after, words)
            or kind_before(before)
            or _breakdown_kind(before, words)
            or ("threshold" if qualifying_bound(before, after, lead) or _condition(before, after) or _scored(after)
                else None))


# The values of a list before the value ("thuế suất 5%, 10% và ", "6-9%/năm đối với ngắn hạn và "): each
# a percentage, maybe a range, "/năm", and whom it applies to, then a comma, "và" or "hoặc"
_LIST_ITEM = (r"(?:" + NUMBER + r"(?:" + PERCENT_SIGN + r")?\s*[-–]\s*)?" + NUMBER + PERCENT_SIGN + r"(?:\s*/\s*năm)?"
              r"(?:\s+(?:đối\s+với|với|cho|vào)\s+[^\d%.;:,()\[\]\n]{1,60}?)?"
              r"\s*(?:[,;]\s*(?:và|hoặc)?|(?<![\p{L}])(?:và|hoặc))(?:\s+" + _FILLER + r"(?![\p{L}]))*\s*")
_LISTED = regex.compile(r"(?<![\p{L}\p{N}])(?:" + _LIST_ITEM + r")+$", _I)
_LIST_READ = 240  # characters before the value where its list is looked for


def _listed_kind(before: str, after: str, words: int) -> str | None:
    """The kind of the first value of a list the value closes or continues, when a phrase before that
    first value gives it: "thuế suất 15% và 17%", "lãi suất 6-9%/năm đối với ngắn hạn và 9-11%/năm".

        >>> _listed_kind("Thu nhập chịu 3 mức thuế suất là 5%, 10% và ", "", 10)
        'rate'
        >>> _listed_kind("Doanh thu và lợi nhuận tăng lần lượt 18% và ", "", 10) is None
        True
    """
    start = max(0, len(before) - _LIST_READ)
    if "%" not in before[start:] or (after and _COMPARED.match(_AFTER_HEAD.match(after).group())):
        return None
    m = _LISTED.search(before, start)
    return (_lexical_kind(before[:m.start()], "", words) or _formula_kind(before[:m.start()], "")) if m else None


# A breakdown of the value before it: "…là 32%, trong đó BHXH là 25,5% và BHYT là 4,5%"
_BREAKDOWN = regex.compile(r"\s*" + _g("breakdown") + r"(?![\p{L}])", _I)
_ENDS_WITH_VALUE = regex.compile(r"(?<![\p{L}\p{N}])" + NUMBER + PERCENT_SIGN + r"(?:\s*/\s*năm)?\s*$", _I)


def _breakdown_kind(before: str, words: int) -> str | None:
    """The kind of the value a breakdown ("trong đó …") opened by the value's clause divides, when a
    phrase before that value gives it.

        >>> _breakdown_kind("Tỷ lệ đóng bảo hiểm thất nghiệp là 2%, trong đó người lao động đóng ", 10)
        'rate'
        >>> _breakdown_kind("Tỷ lệ hộ nghèo là 5%, trong đó hộ dân tộc thiểu số chiếm ", 10) is None
        True
    """
    clause, _ = _clause_window(before, 0)
    if not _BREAKDOWN.match(clause):
        return None
    whole = before[:len(before) - len(clause)].rstrip(" ,:")
    m = _ENDS_WITH_VALUE.search(whole, max(0, len(whole) - 40))
    return _lexical_kind(whole[:m.start()], "", words) if m else None


def _scored(after: str) -> bool:
    """Whether a scoring rule follows the value in its clause: "Đơn vị đạt tỷ lệ 100% cộng 05 điểm".

        >>> _scored(" cộng 05 điểm, không đạt 100% không cộng điểm"), _scored(" số hộ được cộng đồng hỗ trợ")
        (True, False)
        >>> _scored(" trở xuống được tính 1 điểm; trên 70%"), _scored(" thì được tính thêm 0,5 điểm")
        (True, True)
    """
    return _SCORE.match(after) is not None


_SCORE = regex.compile(r"[^.;!?\n]{0,40}?(?<![\p{L}])" + _g("score_verb") + r"\s+(?:trực\s+tiếp\s+)?(?:\d+(?:[.,]\d+)?\s+)?"
                       + _g("score_unit") + r"(?![\p{L}])", _I)


def _condition(before: str, after: str) -> bool:
    """Whether a value is a condition of a rule: ``trường hợp`` or ``cứ`` before it in its clause, or
    ``nếu`` with a bound (``dưới``, ``vượt quá``) — not ``nếu như``, which compares —, ``thì`` after it
    (or, for a sentence that opens on ``Trường hợp``, its clause before the first comma), and no goal in
    its sentence.

        >>> _condition("Trường hợp đạt ", " thì do người đứng đầu xem xét")
        True
        >>> _condition("Phấn đấu nếu đạt ", " thì tỉnh về đích")
        False
        >>> _condition("Nếu quả thật ", " người dân muốn cấm xe máy thì đâu cần lệnh")
        False
        >>> _condition("Nếu số thuế tạm nộp thấp hơn số phải nộp từ ", " trở lên thì bị phạt")
        True
    """
    if not _THEN.match(after):  # (first: most values have no "thì" after them, and it reads less text)
        # "Trường hợp giá điện cần điều chỉnh tăng từ 5% đến dưới 10% …, EVN được phép …": a sentence that
        # opens on its condition needs no "thì"
        return _OPENING_CONDITION.match(before) is not None and not _GOAL.search(before)
    condition = _IF.search(before)
    if not condition or _GOAL.search(before):
        return False
    if _COMPARING_IF.match(condition.group()):
        return False  # "nếu như … thì" compares two figures
    if _WEAK_IF.match(condition.group()):  # "nếu" makes a condition of a rule only with a bound
        return bool(_BOUND_BEFORE.found(before) or _BOUND_AFTER.match(after))
    return True


def _lexical_kind(before: str, after: str, words: int) -> str | None:
    """The kind the listed phrases give: a noun or verb before the value, or its object after it."""
    _, _, slots = _lexicon()
    obj = _object_after(after) if after else None
    kind = _phrase_kind(before, after, words, obj) or _qualified_kind(before, after)
    if kind is None and obj and obj in slots.get("", {}) and _OWN_OBJECT_GAP.match(after[:after.lower().find(obj)]) \
            and not (_MAKES_UP.search(before) and not _BOUND_BEFORE.found(before)) and not _CHANGED.search(before):
        return slots[""][obj]  # a share of capital or of a payment: "30% vốn điều lệ", "50% mức lệ phí"
    return kind


# Whom a rate applies to, between the rate's noun and its value, then a copula or the rate's change
# ("lãi suất cho vay đối với khách hàng là chủ đầu tư dự án: 6,4%/năm")
_FOR_WHOM = regex.compile(r"^[^.;!?\n]*?(?<![\p{L}])" + _g("for_whom") + r"(?![\p{L}])[^.;!?\n]*?(?:(?<![\p{L}])"
                          + _g("rate_copula") + r"|:)\s*$", _I)


def _qualified_kind(before: str, after: str) -> str | None:
    """The kind of a noun that opens the value's clause and names whom its rate applies to, farther
    from the value than the words ``_phrase_kind`` reads.

        >>> _qualified_kind("Lãi suất cho vay đối với khách hàng là người mua nhà ở tại dự án: ", "/năm")
        'rate'
        >>> _qualified_kind("Lãi suất cho vay đối với các doanh nghiệp trong khu công nghiệp tăng ", "") is None
        True
    """
    if after and _COMPARED.match(_AFTER_HEAD.match(after).group()):
        return None
    pattern, nouns, _ = _lexicon()
    clause, _ = _clause_window(before, 0)
    for m in pattern.finditer(clause):
        phrase = _key(m.group())
        if phrase not in nouns:
            continue
        between = clause[m.end():]
        numbers = _CODE_NUMBERS.sub(" ", _TIME_NUMBERS.sub(" ", _DURATION.sub(" ", _CHANGE_FROM.sub(" ", between))))
        if _NUMBER_CHAR.search(numbers) or _ACHIEVED.search(between) or not _FOR_WHOM.match(_CHANGE_FROM.sub(" là ", between)):
            return None
        return nouns[phrase]
    return None


def _phrase_kind(before: str, after: str, words: int, obj: str | None) -> str | None:
    """The kind of the phrase before the value that governs it (and of its object after it)."""
    pattern, nouns, slots = _lexicon()
    if after and _COMPARED.match(_AFTER_HEAD.match(after).group()):
        return None
    window, first = _clause_window(before, words)
    # phrases that end in the last words (one may start before them: "thuế suất thuế giá trị gia tăng")
    for m in reversed([m for m in pattern.finditer(window) if m.end() > first]):
        phrase, between = _key(m.group()), window[m.end():]
        if phrase in nouns:
            numbers = _CODE_NUMBERS.sub(" ", _TIME_NUMBERS.sub(" ", _DURATION.sub(" ", _CHANGE_FROM.sub(" ", between))))
            if _NUMBER_CHAR.search(numbers) or _ACHIEVED.search(between):
                return None  # the noun governs another number, or the value is what something reached
            return nouns[phrase]
        if phrase in slots:
            if not _ONLY_FILLERS.fullmatch(between):
                continue  # a verb that does not take this value: look further left
            rights = slots[phrase]
            if "" in rights:
                return rights[""]
            return rights.get(obj) if obj else None
        if _PREPOSITION_BEFORE.search(window[:m.start()]):
            continue  # "được hỗ trợ với tỷ lệ 50%": the noun is a complement
        return None  # a noun heading a measured indicator ("tỷ lệ", "số", "chi phí")
    return None


# The bound of a qualifying threshold: a comparator right before the value, or "trở lên" after it
_BOUND_BEFORE = scan.FromEnd(regex.compile(r"(?<![\p{L}])" + _g("bound") + r"(?:\s+" + _g("bound_noun") + r")?\s*$", _I))
_BOUND_AFTER = regex.compile(r"^[^.;:()\n]{0,80}?(?<![\p{L}])" + _g("bound_after") + r"(?![\p{L}])", _I)
# What defines a class or sets its criteria: "tiêu chí", "điều kiện", "đáp ứng", "được xác định là",
# "thuộc một trong", "trường hợp sau", and "<class> … là <class> có" ("xã khu vực III là xã có …")
_CLASS = _g("class")
_DEFINES = regex.compile(r"(?<![\p{L}])" + _g("defines") + r"(?![\p{L}])", _I)
_CLASS_IS = regex.compile(r"(?:^|\n)[\s+\-•*]*" + _CLASS + r"\s+\p{Ll}[^.;:]*?(?<![\p{L}])" + _g("copula") + r"\s+"
                          + _CLASS + r"(?![\p{L}])[^.;:]*?(?<![\p{L}])" + _g("has") + r"(?![\p{L}])", _I)
# A goal: a plan's list is no list of criteria ("Mục tiêu: … phấn đấu có 80% …")
_GOAL = regex.compile(r"(?<![\p{L}])" + _g("goal") + r"(?![\p{L}])", _I)
# The lead-in of a list ("… các tiêu chí sau đây:") and a heading that ends the list before the value
_LEAD_COLON = regex.compile(r":(?=[\s*]*(?:\n|[+\-•]|\p{Lu}))")
_HEADING = regex.compile(r"\n[ \t]*(?:\*|#|\d+(?:\.\d+)*\.\s|[IVX]+\.\s|" + _g("section") + r"\s+(?:\d|[IVXLC]+(?![\p{L}])))")
_ITEM = regex.compile(r"\s*(?:[+\-•–]|\(?(?:[a-zđ]|\d{1,2})[.)])")
_ENDED = regex.compile(r"(?:^|[.;:!?*])\s*$")
_SENTENCE_END = regex.compile(r"[.!?](?=\s)|\n[ \t]*\n")
# An object right after the value that makes it a share of capital ("30% vốn điều lệ", "5% tổng số cổ phần")
# ... unless it is what a holder makes up of a company, a composition reported as a fact ("chiếm 30% cổ phần");
# with a bound it is a threshold again ("nhà nước chiếm trên 50% vốn góp")
_MAKES_UP = regex.compile(r"(?<![\p{L}])" + _g("makes_up") + r"(?:\s+" + _g("makes_up_filler") + r")?\s*$", _I)
_OWN_OBJECT_GAP = regex.compile(r"\s*(?:so\s+với\s+|trên\s+)?(?:" + _g("total") + r"\s*)?$", _I)
# ... nor what a change adds to or takes from it ("tăng 20% vốn điều lệ", "phấn đấu tăng 10% quỹ tiền lương")
_CHANGED = regex.compile(r"(?<![\p{L}])" + _g("change_verb") + r"(?:\s+" + _FILLER + r"(?![\p{L}]))*\s*$", _I)


# "… họp bất thường khi có ít nhất 50% cha mẹ học sinh yêu cầu": when a bound is reached, a rule applies
_WHEN_BOUND = scan.FromEnd(regex.compile(r"(?<![\p{L}])" + _g("when_condition") + r"\s+" + _g("bound")
                                         + r"(?:\s+" + _g("bound_noun") + r")?\s*$", _I))


# "được hỗ trợ chi phí tư vấn pháp luật lên đến 100%": a support whose object stands before its share (not a
# share of whom it goes to: "hỗ trợ chi phí cho 50% hộ nghèo")
_SUPPORT_OBJECT_FIRST = scan.FromEnd(regex.compile(
    r"(?<![\p{L}])" + _g("support_verb") + r"\s+" + _g("support_object") + r"(?:\s+(?!" + _g("recipient") + r"(?![\p{L}]))\p{L}+){0,6}"
    r"(?:\s+" + _FILLER + r")*\s*$", _I))


# "nguy cơ ung thư vú cao hơn 9%": a risk named with what it is of before its value
_RISK_OF_FIRST = scan.FromEnd(regex.compile(
    r"(?<!" + _g("measured_noun") + r"[^,;:.]*)(?<![\p{L}])" + _g("risk_noun") + r"(?:\s+(?!" + _g("recipient") + r"(?![\p{L}]))\p{L}+){0,6}"
    r"(?:\s+" + _g("risk_change") + r")?(?:\s+" + _FILLER + r")*\s*$", _I))


# "tiền lương làm thêm giờ … ít nhất bằng 150%": a bound of a share of a base amount, fixed by a rule
_BASE_SHARE = scan.FromEnd(regex.compile(r"(?<![\p{L}])" + _g("base_share") + r"\s*$", _I))

# The phrases right before a value that make it `other` when no goal is set in its sentence
_BEFORE_VALUE = (("support", _SUPPORT_OBJECT_FIRST), ("probability", _RISK_OF_FIRST), ("threshold", _WHEN_BOUND),
                 ("rate", _BASE_SHARE))


def kind_before(before: str) -> str | None:
    """The kind a phrase right before a value gives it, when no goal is set in its sentence: a support
    named with its object first, a risk named with what it is of, the bound that makes a rule apply.

        >>> kind_before("Doanh nghiệp được hỗ trợ chi phí tư vấn pháp luật lên đến ")
        'support'
        >>> kind_before("Ăn nhiều thịt chế biến liên quan đến nguy cơ ung thư vú cao hơn ")
        'probability'
        >>> kind_before("Tổ chức họp bất thường khi có ít nhất ")
        'threshold'
        >>> kind_before("Vào ngày nghỉ hằng tuần, ít nhất bằng ")
        'rate'
        >>> [kind_before(b) for b in ("Hỗ trợ chi phí cho ", "Phấn đấu hỗ trợ học phí ", "Tỷ lệ hộ có nguy cơ tái nghèo giảm ")]
        [None, None, None]
    """
    if _GOAL.search(before):
        return None
    return next((kind for kind, pattern in _BEFORE_VALUE if pattern.found(before)), None)


def qualifying_bound(before: str, after: str, lead: str = "") -> bool:
    """Whether a value is a bound in a definition or a list of criteria that decides which villages,
    communes, households, schools qualify: a comparator (``dưới``, ``từ … trở lên``) and, in its sentence
    or in the lead-in of its list, what defines a class (``… là xã có``, ``tiêu chí``, ``đáp ứng``), and
    no goal (``phấn đấu``, ``mục tiêu``) in its sentence (``before``, up to the value) or the lead-in.
    ``lead`` is the text before the sentence, where the lead-in of its list is looked for.

        >>> qualifying_bound("Thôn đặc biệt khó khăn là thôn có ít nhất 02 trong 03 tiêu chí sau đây:\\n\\n"
        ...                  "- Có dưới ", " đường thôn được cứng hóa.")
        True
        >>> qualifying_bound("Xã khu vực III là xã có tỷ lệ hộ nghèo trên ", ".")
        True
        >>> qualifying_bound("Mục tiêu đến năm 2030:\\n- Phấn đấu có ", " xã đạt tiêu chí nông thôn mới.")
        False
    """
    if not (_BOUND_BEFORE.found(before) or _BOUND_AFTER.match(after)) or _GOAL.search(before):
        return False
    before = _unwrap(lead + before)
    breaks = list(_SENTENCE_END.finditer(before))
    sentence = before[breaks[-1].end():] if breaks else before
    if _GOAL.search(sentence):
        return False
    if _CLASS_IS.search(sentence) or _DEFINES.search(sentence[:sentence.rfind(":") + 1]):
        return True  # "Xã khu vực III là xã có …", "… tiêu chí sau: có dưới …"
    colons = list(_LEAD_COLON.finditer(before))
    if not colons or _HEADING.search(before, colons[-1].end()):
        return False
    lines = [line for line in before[colons[-1].end():].split("\n")[1:] if line.strip()]
    for previous, line in zip([""] + lines, lines, strict=False):
        if not (_ITEM.match(line) or _LOWER_START.match(line) or not _ENDED.search(previous)):
            return False  # a paragraph that is no item of the list stands between its lead-in and the value
    lead_breaks = [b for b in breaks if b.end() <= colons[-1].start()]
    lead = before[lead_breaks[-1].end() if lead_breaks else 0:colons[-1].start()]
    return not _GOAL.search(lead) and bool(_DEFINES.search(lead) or _CLASS_IS.search(lead))


def _formula_kind(before: str, after: str) -> str | None:
    """``rate`` for a factor of a product in a formula, else None.

        >>> _formula_kind("Có TK 3384 (BHYT): 10.000.000 x ", "")
        'rate'
        >>> _formula_kind("55 triệu đồng + (", " x phần chi phí trên 10 tỷ đồng)")
        'rate'
        >>> _formula_kind("tỷ lệ hưởng lương hưu là: 45% + ", " = 69%"), _formula_kind("tăng ", " so với 2020")
        ('rate', None)
    """
    return "rate" if (_TIMES_BEFORE.search(before) or _TIMES_AFTER.match(after)
                      or _SUM_BEFORE.search(before[-30:]) or _SUM_AFTER.match(after)) else None


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
