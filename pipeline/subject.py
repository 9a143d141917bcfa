"""Subjects shared by coordinated predicates: a value whose own words only link it (``tăng``, ``bằng``,
``đạt tỷ lệ``) measures the subject of the amount before it in its clause.

    X ước đạt 16,8 tỷ USD, tăng 29,9% … và bằng 52,6% kế hoạch     → X (and "kế hoạch" for the last)
    Có 110.176 trẻ mẫu giáo, đạt tỷ lệ 97%                          → tỷ lệ trẻ mẫu giáo
    số người tham gia đạt 1,83 triệu người (vượt 1,42% so với …)    → số người tham gia

The subject is the phrase before the amount's linking verb when it has one (``X đạt 16,8 tỷ USD``),
else the noun phrase the amount counts (``có 110.176 trẻ mẫu giáo``, ``huy động được 23.921 trẻ``).

    >>> from chitieu.pipeline.run import assemble_targets
    >>> text = "Giá trị xuất khẩu ước đạt 16,8 tỷ USD, tăng 29,9% so với cùng kỳ và bằng 52,6% kế hoạch năm."
    >>> [r.indicator for r in assemble_targets(text, "d")[0]]
    ['Giá trị xuất khẩu', 'Giá trị xuất khẩu kế hoạch']
    >>> [r.indicator for r in assemble_targets("Có 110.176 trẻ mẫu giáo, đạt tỷ lệ 97%.", "d")[0]]
    ['tỷ lệ trẻ mẫu giáo']
"""

from __future__ import annotations

from functools import cache

import regex
from chitieu.extractors.lexicon import alternation, rows, words
from chitieu.extractors.patterns import NUMBER_RE
from chitieu.pipeline.doc import Doc, Item
from chitieu.pipeline.indicator import (
    Ranges,
    clean_head,
    clean_words,
    content_words,
    measure_noun_re,
    remark_spans,
    tail_extent,
    trim,
)

_SEGMENTS_BACK = 3  # how many comma-separated segments before a value its subject may stand in


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    comparators = tuple(r["phrase"] for r in rows("comparators.csv") if r["position"] in ("before", "after"))
    linking = alternation(words("indicator_words.csv", "linking", "copula", "estimate_link", "intensifier") + comparators)
    only_links = regex.compile(r"^[\s,(]*(?:(?:" + alternation(words("indicator_words.csv", "list_and")) + r"|"
                               + linking + r")(?:\s+|$))*$", regex.IGNORECASE)
    copula_end = regex.compile(r"(?<![\p{L}])" + alternation(words("indicator_words.csv", "copula", "estimate_link"))
                               + r"\s*$", regex.IGNORECASE)
    magnitude = regex.compile(r"\G\s*(?:" + alternation(words("indicator_words.csv", "magnitude")) + r"(?![\p{L}])\s*)*",
                              regex.IGNORECASE)
    return only_links, copula_end, magnitude


def _own_words(text: str, lo: int, hi: int) -> tuple[str, Ranges]:
    """The value's own words (after the last separator) without its measure noun, and that noun."""
    noun = measure_noun_re().search(text, lo, hi)
    if noun is None:
        return text[lo:hi], []
    return text[lo:noun.start()] + " " + text[noun.end():hi], [noun.span()]


def _amount(text: str, lo: int, hi: int) -> regex.Match | None:
    """The last number of ``text[lo:hi]`` that is an amount: not a percentage, not a year, not one of a
    remark in brackets (``11.418 dân thường thương vong (3.498 người thiệt mạng …)``)."""
    found = None
    remarks = remark_spans(text, lo, hi)
    for m in NUMBER_RE.finditer(text, lo, hi):
        if any(a < m.start() < b for a, b in remarks):
            continue
        rest = text[m.end():m.end() + 3].lstrip()
        is_year = len(m.group()) == 4 and m.group().isdigit() and m.group()[:2] in ("19", "20")
        # "trong thời gian 12 tháng": a time, no amount; "gấp 3 lần": a multiple, no amount
        duration = _duration().match(text, m.end(), hi) is not None or _time_noun().search(text, lo, m.start())
        if not rest.startswith("%") and not is_year and not duration \
                and not text[m.end():m.end() + 10].lstrip().startswith("phần trăm"):
            found = m
    return found


_WHEN_END = regex.compile(r"(?<![\p{L}])" + alternation(words("indicator_words.csv", "when")) + r"\s*$", regex.IGNORECASE)


def _main_subject(text: str, lo: int, hi: int) -> Ranges:
    """The noun phrase before the first verb of ``text[lo:hi]`` (the token layer), or nothing."""
    from chitieu.pipeline.tokens import predicate_offset

    try:
        verb = predicate_offset(text[lo:hi], lo)
    except Exception:
        return []
    if verb is None:
        return []
    head = clean_head(text, [(lo, verb)], subject=True)
    return head if head and content_words(" ".join(text[a:b] for a, b in head), stop_at=1) else []


_PERCENT_BEFORE = regex.compile(r"\d(?:[\d.,]*\d)?\s*%")


def _subject(text: str, lo: int, hi: int) -> Ranges:
    """The subject of the amount in ``text[lo:hi]``, or nothing."""
    only_links, copula_end, magnitude = _patterns()
    amount = _amount(text, lo, hi)
    if amount is None:
        return []
    values = list(_PERCENT_BEFORE.finditer(text, lo, amount.start()))
    if values:  # "tăng 3,4% và cả năm ước đạt 1,48 tỷ USD": no subject spans another value
        lo = values[-1].end()
    verb = copula_end.search(text, lo, amount.start())
    if verb is not None and content_words(text[lo:verb.start()], stop_at=1) > 0:
        when = _WHEN_END.search(text, lo, verb.start())
        if when is not None and _main_subject(text, lo, when.start()):
            # "X ghi nhận mức cao nhất trong lịch sử Y khi đạt 8.000 tỷ đồng": the main clause before "khi"
            # is the subject, its verb and all (no frame of it is cut)
            return clean_words(text, [(lo, when.start())])
        return clean_head(text, [(lo, verb.start())], subject=True)
    start = magnitude.match(text, amount.end(), hi).end()
    counted = trim(text, tail_extent(text, [(start, hi)]))  # "137 hộ so với đầu năm": what is counted
    unit = _amount_unit().match(text, start, hi) or _bare_counter().match(text, start, hi)
    if unit is not None:  # "thu nộp ngân sách hơn 7.300 tỷ đồng": money or a measure names no subject
        before = _comparator_end().sub("", text[lo:amount.start()])
        if _apposition().fullmatch(before):  # "…, trị giá 1,16 tỷ USD, tăng 40,5% về trị giá": the subject is before
            return []
        if not content_words(before, stop_at=1):
            return []
        # "TPHCM chỉ thu 4.453 tỷ đồng tiền sử dụng đất": what the money is, after its unit
        rest = text[unit.end():hi]
        what = (trim(text, tail_extent(text, [(unit.end(), hi)]))
                if content_words(rest, stop_at=1) and not rest.lstrip().startswith("/")
                and not any(ch.isdigit() for ch in rest) else [])
        return clean_head(text, [(lo, lo + len(before)), *what], subject=True)
    owner = _owner_before(text, lo, amount.start(), counted)
    return owner or counted


def _clause_subject(text: str, lo: int, hi: int) -> Ranges:
    """The subject of a clause with no amount right before the value (``thu ngân sách tháng 10 đang có
    nhiều chuyển biến tích cực, tăng 27%``): the noun phrase before its predicate marker."""
    if _amount(text, lo, hi):
        return []
    marker = _predicate_marker().search(text, lo, hi)
    if marker is None or not content_words(text[lo:marker.start()], stop_at=1):
        return []
    return clean_head(text, [(lo, marker.start())], subject=True)


@cache
def _predicate_marker() -> regex.Pattern:
    return regex.compile(r"(?<![\p{L}])" + alternation(words("indicator_words.csv", "predicate_marker")) + r"(?![\p{L}])",
                         regex.IGNORECASE)


def _owner_before(text: str, lo: int, hi: int, counted: Ranges) -> Ranges:
    """``Hộ nghèo có 10.689 hộ``: a subject that has a number of its own unit (the counted word opens
    it) is what the amount counts."""
    if not counted:
        return []
    has = _has_end().search(text, lo, hi)
    unit = " ".join(text[counted[0][0]:counted[-1][1]].lower().split())
    owner = " ".join(text[lo:has.start()].lower().split()) if has else ""
    if has and unit and owner.startswith(unit + " ") and len(unit.split()) <= 2:
        return clean_head(text, [(lo, has.start())], subject=True)
    return []


@cache
def _apposition() -> regex.Pattern:
    return regex.compile(r"[\s,]*" + alternation(words("indicator_words.csv", "amount_apposition")) + r"[\s:]*",
                         regex.IGNORECASE)


@cache
def _dummy_head() -> regex.Pattern:
    """A subject that only points back to the sentence's (``kết quả``, ``kết quả XK``)."""
    return regex.compile(r"^" + alternation(words("indicator_words.csv", "dummy_head")) + r"(?![\p{L}])", regex.IGNORECASE)


@cache
def _linked_amount() -> regex.Pattern:
    """Own words that hold an amount with its unit between links (``ước đạt 16,2 tỷ USD tăng``)."""
    return regex.compile(r"(?P<before>.*?)(?P<amount>" + NUMBER_RE.pattern + r")\s*(?:" + alternation(words("indicator_words.csv", "magnitude"))
                         + r"\s*)*" + alternation(words("indicator_words.csv", "amount_unit")) + r"(?![\p{L}])(?P<after>.*)",
                         regex.IGNORECASE | regex.DOTALL)


@cache
def _time_noun() -> regex.Pattern:
    """A time noun right before a number (``tháng 8``, ``quý 3``): the number names a time, no amount."""
    return regex.compile(r"(?<![\p{L}])" + alternation(words("indicator_words.csv", "duration_unit")) + r"\s*$",
                         regex.IGNORECASE)


@cache
def _duration() -> regex.Pattern:
    return regex.compile(r"\s*" + alternation(words("indicator_words.csv", "duration_unit", "multiple")) + r"(?![\p{L}])",
                         regex.IGNORECASE)


@cache
def _bare_counter() -> regex.Pattern:
    """A counter with nothing after it in its segment (``19.000 lượt``): a unit, no noun counted."""
    return regex.compile(r"\s*" + alternation(words("indicator_words.csv", "counter")) + r"\s*$", regex.IGNORECASE)


@cache
def _amount_unit() -> regex.Pattern:
    return regex.compile(r"\s*" + alternation(words("indicator_words.csv", "amount_unit")) + r"(?![\p{L}])", regex.IGNORECASE)


@cache
def _comparator_end() -> regex.Pattern:
    before = [r["phrase"] for r in rows("comparators.csv") if r["position"] == "before"]
    return regex.compile(r"(?:\s+(?:" + alternation(before) + r"))*\s*$", regex.IGNORECASE)


@cache
def _has_end() -> regex.Pattern:
    return regex.compile(r"(?<![\p{L}])" + alternation(words("indicator_words.csv", "count_link")) + r"\s*$",
                         regex.IGNORECASE)


# a comma between digits is a decimal comma ("18,259 triệu"); an abbreviation in brackets ("(BIDV)") is
# part of the name before it
_SEPARATOR = regex.compile(r",(?!\d)|;|\((?!(?:[\p{Lu}\d][\p{Lu}\d&.\- ]{0,14}|\p{Lu}[\p{L}\d&.\-]{1,20})\))")


def _last_separator(text: str, lo: int, hi: int, skip: str = "") -> int:
    """The position of the last separator in ``text[lo:hi]`` (not one of ``skip``), or -1. A bracket
    closed before ``hi`` is a remark inside its segment (``XK sang EU (trừ Anh) đạt …``), no separator."""
    found = [m.start() for m in _SEPARATOR.finditer(text, lo, hi) if m.group() not in skip
             and not (m.group() == "(" and text.find(")", m.end(), hi) >= 0)]
    return found[-1] if found else -1


def _counts_parent(ctx: Doc, items: list[Item], it: Item, subject: Ranges) -> bool:
    """Whether a bracketed value's subject is only the unit its parent value counts (``hộ`` of ``Hộ nghèo``):
    then it keeps the parent's indicator."""
    unit = " ".join(ctx.render(subject).lower().split())
    parents = [o for o in items if o.value.end <= it.scope.start and o.scope is it.scope.parent]
    if not parents or " " in unit:
        return False
    parent = parents[-1]
    if parent.indicator.lower().startswith(unit + " "):
        it.indicator = parent.indicator
        return True
    return False


def borrow_subjects(ctx: Doc, items: list[Item]) -> None:
    """Give each value that only links to a subject the subject of the amount before it."""
    text = ctx.text
    only_links, _, _ = _patterns()
    borrowed: dict[int, Ranges] = {}  # scope → the subject its first value borrowed
    for it in items:
        v, scope = it.value, it.scope
        if not it.head:  # shares the list's head, and so its subject
            if id(scope) in borrowed:
                it.indicator = ctx.render(borrowed[id(scope)] + it.tail_clean)
            continue
        scope_lo = scope.start + 1 if scope.paren else scope.start
        head_lo = it.head[0][0]
        sep = _last_separator(text, head_lo, v.start, "(")
        own_lo = sep + 1 if sep >= 0 else head_lo
        own, noun = _own_words(text, own_lo, v.start)
        if not only_links.match(own):
            amount = _linked_amount().match(text, own_lo, v.start)
            if amount is None or not only_links.match(amount.group("after")):
                continue
            # "X ước đạt 16,2 tỷ USD tăng 19,8%": the amount before the value has the subject of both, the
            # phrase before its link ("X, ước đạt …": before the comma)
            verb = _patterns()[1].search(text, own_lo, amount.start("amount"))
            if only_links.match(amount.group("before")):
                subject = clean_head(text, [(scope_lo, own_lo - 1)], subject=True) if own_lo > scope_lo else []
            elif verb is not None:
                subject = clean_head(text, [(own_lo, verb.start())], subject=True)
            else:
                continue
            if subject and content_words(ctx.render(subject), stop_at=1):
                it.indicator = ctx.render(noun + subject + it.tail_clean)
                borrowed.setdefault(id(scope), subject)
            continue
        sep = own_lo - 1 if own_lo > scope_lo else -1
        # the segments before: in the clause, or before the bracket that holds the value
        hi = own_lo - 1 if sep >= 0 else (scope.start if scope.paren else -1)
        floor = (scope.parent.start if scope.paren and scope.parent and sep < 0 else scope_lo)
        if hi < 0 and scope.parent is None and own.strip(" ,("):
            # "X đạt 7.300 tỷ đồng, đạt 78% dự toán; bằng 113% cùng kỳ": a clause that opens on a linked
            # value shares the subject borrowed in the clause before it
            before = [o.scope for o in items if o.scope.parent is None and o.scope.end <= scope.start]
            if before and id(before[-1]) in borrowed:
                subject = borrowed[id(before[-1])]
                it.indicator = ctx.render(noun + subject + it.tail_clean)
                borrowed.setdefault(id(scope), subject)
                continue
        for back in range(_SEGMENTS_BACK):
            if hi <= floor:
                break
            lo = max(_last_separator(text, floor, hi) + 1, floor)
            subject = _subject(text, lo, hi)
            if not subject and back == 0 and not scope.paren and own.strip(" ,(") and not it.tail_clean:
                subject = _clause_subject(text, lo, hi)
            if subject and scope.paren and _counts_parent(ctx, items, it, subject):
                break  # "hộ nghèo …, chiếm 3,20% (tăng 137 hộ …, chiếm tỷ lệ 0,04%)": the value it comments on
            if subject and _dummy_head().match(ctx.render(subject)):
                # "X tăng 6%, đưa kết quả 11 tháng lên 605 triệu USD, giảm 9%": the result is X's
                first = next((o for o in items if o is not it and o.value.start < v.start and o.indicator
                              and not _dummy_head().match(o.indicator)), None)
                if first is not None:
                    it.indicator = first.indicator
                    break
            if subject:
                it.indicator = ctx.render(noun + subject + it.tail_clean)
                borrowed.setdefault(id(scope), subject)
                break
            hi = lo - 1


@cache
def _fronted_opener() -> regex.Pattern:
    return regex.compile(r"\s*[\-+•*]?\s*" + alternation(words("indicator_words.csv", "fronted_opener")) + r"(?![\p{L}])",
                         regex.IGNORECASE)


def fronted_clause(ctx: Doc, sent: tuple[int, int], items: list[Item]) -> None:
    """A sentence that opens on a subordinate clause (``Sau khi tăng 10% trong tháng 9, tăng 12% trong
    tháng 10, XK thủy sản tháng 11 tiếp tục tăng 13%``): the values of the clause, whose own words only
    link, measure the subject of the main clause, the first value after them that has a subject of its own.

        >>> from chitieu.pipeline.run import assemble_targets
        >>> text = "Sau khi tăng 8% trong tháng 5, doanh thu du lịch tháng 6 tiếp tục tăng 14%."
        >>> [r.indicator for r in assemble_targets(text, "d")[0]]
        ['doanh thu du lịch', 'doanh thu du lịch']
    """
    text = ctx.text
    opener = _fronted_opener().match(text, sent[0], sent[1])
    if opener is None:
        return
    only_links = _patterns()[0]
    bare: list[Item] = []
    for it in items:
        if it.scope.parent is not None:
            continue
        sep = _last_separator(text, opener.end(), it.value.start, "(")
        own_lo = sep + 1 if sep >= 0 else opener.end()
        if only_links.match(text[own_lo:it.value.start]):
            bare.append(it)
            continue
        subject = ctx.render(clean_head(text, [(own_lo, it.value.start)], subject=True)) if bare else ""
        if content_words(subject, stop_at=1):
            for b in bare:
                b.indicator = subject
        return


@cache
def _subshare_end() -> regex.Pattern:
    return regex.compile(r"(?<![\p{L}])" + alternation(words("indicator_words.csv", "subshare")) + r"[\s,:]*$",
                         regex.IGNORECASE)


@cache
def _subshare_start() -> regex.Pattern:
    return regex.compile(r"^\s*" + alternation(words("indicator_words.csv", "subshare")) + r"[\s,:]*", regex.IGNORECASE)


@cache
def _link_word() -> regex.Pattern:
    return regex.compile(r"(?<![\p{L}])" + alternation(words("indicator_words.csv", "linking", "copula", "estimate_link"))
                         + r"(?![\p{L}])", regex.IGNORECASE)


def subshares(ctx: Doc, sent: tuple[int, int], items: list[Item]) -> None:
    """A part named after ``trong đó`` (``X đạt 332 nghìn tỷ đồng, tăng 2,8%; trong đó ngân hàng riêng lẻ
    tăng 3,6%``) is a part of what the value before it measures: it keeps that value's indicator and
    adds its own words in brackets.

        >>> from chitieu.pipeline.run import assemble_targets
        >>> text = "Dư nợ cho vay đạt 100 nghìn tỷ đồng, tăng 4,1%; trong đó cho vay tiêu dùng tăng 5,2%."
        >>> [r.indicator for r in assemble_targets(text, "d")[0]]
        ['Dư nợ cho vay', 'Dư nợ cho vay (cho vay tiêu dùng)']
    """
    text = ctx.text
    for previous, it in zip(items, items[1:], strict=False):
        if it.scope.parent is not None or not previous.indicator or not it.indicator:
            continue
        sep = _last_separator(text, previous.value.end, it.value.start, "(")
        own_lo = sep + 1 if sep >= 0 else previous.value.end
        before = _last_separator(text, previous.value.end, max(own_lo - 1, previous.value.end), "(")
        opener = _subshare_end()
        if not (opener.search(text, max(before + 1, previous.value.end), own_lo)
                or _subshare_start().match(text[own_lo:it.value.start])):
            continue
        own = ctx.render(clean_head(text, [(own_lo, it.value.start)], subject=True))
        own = _subshare_start().sub("", own)
        link = _link_word().search(own)  # "ngân hàng riêng lẻ đạt mức tăng trưởng": the part is what stands before
        if link is not None and content_words(own[:link.start()], stop_at=1):
            own = own[:link.start()].strip()
        if (not content_words(own, stop_at=1) or content_words(own, stop_at=5) > 4 or measure_noun_re().search(own)
                or own.lower() in previous.indicator.lower()
                or (own.lower() in it.indicator.lower() and it.indicator.lower() != own.lower())):
            continue  # a part is a short name ("ngân hàng riêng lẻ"), not a measure of its own
        it.indicator = f"{previous.indicator} ({own})"


@cache
def _parts_opener() -> regex.Pattern:
    return regex.compile(r"(?<![\p{L}])" + alternation(words("indicator_words.csv", "parts_opener")) + r"(?![\p{L}])",
                         regex.IGNORECASE)


_CHANGE = regex.compile(r"(?<![\p{L}])(?:tăng|giảm)(?![\p{L}])", regex.IGNORECASE)


def listed_parts(ctx: Doc, sent: tuple[int, int], items: list[Item]) -> None:
    """Parts listed after ``gồm`` with a value each (``tăng trưởng tín dụng tại X tập trung ở các khối
    chiến lược, gồm khối Cá nhân tăng 7% và khối Doanh nghiệp tăng 11%``) measure the subject of the
    sentence, the noun phrase before its first verb, for their part.

        >>> from chitieu.pipeline.run import assemble_targets
        >>> text = "Tăng trưởng tín dụng của ngân hàng tập trung ở hai mảng, gồm mảng bán lẻ tăng 9% và mảng doanh nghiệp tăng 5%."
        >>> [r.indicator for r in assemble_targets(text, "d")[0]]
        ['Tăng trưởng tín dụng của ngân hàng (mảng bán lẻ)', 'Tăng trưởng tín dụng của ngân hàng (mảng doanh nghiệp)']
    """
    from chitieu.pipeline.tokens import predicate_offset

    text = ctx.text
    first = next((it for it in items if it.scope.parent is None), None)
    if first is None:
        return
    opener = None
    for m in _parts_opener().finditer(text, sent[0], first.value.start):
        opener = m
    if opener is None or _PERCENT_BEFORE.search(text, sent[0], opener.start()):
        return
    try:
        verb = predicate_offset(text[sent[0]:opener.start()], sent[0])
    except Exception:
        return
    if verb is None:
        return
    whole = ctx.render(clean_head(text, [(sent[0], verb)], subject=True))
    if not content_words(whole, stop_at=1) or not _CHANGE.search(whole):
        return  # the subject names a change ("tăng trưởng tín dụng") its parts share
    lo = opener.end()
    parts = []
    for it in items:
        if it.scope.parent is not None:
            continue
        link = _CHANGE.search(text, lo, it.value.start)  # each part has its own change: "khối Cá nhân tăng 7%"
        own = ctx.render(clean_head(text, [(lo, link.start())], subject=True)) if link else ""
        if not content_words(own, stop_at=1) or content_words(own, stop_at=11) > 10:
            return
        parts.append((it, own))
        lo = it.value.end
    for it, own in parts:
        it.indicator = f"{whole} ({own})"


_FOREIGN_BACK = 400  # characters before the sentence where the country a pointer refers to is looked for


@cache
def _market_anaphor() -> tuple[regex.Pattern, regex.Pattern]:
    nouns = alternation(words("indicator_words.csv", "market_anaphor_noun"))
    pointers = alternation(words("indicator_words.csv", "anaphor_pointer"))
    # "4 thị trường này", "các thị trường này": several markets, no one country
    anaphor = regex.compile(r"(?<!\d\s)(?<!các\s)(?<!những\s)(?<![\p{L}])(?P<noun>" + nouns + r")\s+(?P<ptr>" + pointers + r")(?![\p{L}])",
                            regex.IGNORECASE)
    foreign = regex.compile(r"(?<![\p{L}])" + alternation(words("place_words.csv", "foreign")) + r"(?![\p{L}])")
    return anaphor, foreign


def market_anaphors(ctx: Doc, sent: tuple[int, int], items: list[Item]) -> None:
    """A market named by a pointer (``XK thủy sản sang thị trường này``) is the country named last
    before it (``XK sang Mỹ tăng mạnh. … sang thị trường này tăng 11%`` → ``thị trường Mỹ``).

        >>> from chitieu.pipeline.run import assemble_targets
        >>> text = "XK sang Nhật Bản tăng mạnh. Lũy kế, XK gạo sang thị trường này đạt 1 tỷ USD, tăng 9%."
        >>> [r.indicator for r in assemble_targets(text, "d")[0]]
        ['XK gạo sang thị trường Nhật Bản']
    """
    anaphor, foreign = _market_anaphor()
    text = ctx.text
    for it in items:
        m = anaphor.search(it.indicator)
        if m is None:
            continue
        named = list(foreign.finditer(text, max(0, sent[0] - _FOREIGN_BACK), it.value.start))
        if named:
            country = named[-1].group()
            it.indicator = it.indicator[:m.start("ptr")] + country + it.indicator[m.end("ptr"):]
