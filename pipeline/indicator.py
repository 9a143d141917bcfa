"""The indicator phrase: what a value measures, in the text's own words.

Work is done on *ranges* of the text (lists of ``(start, end)``) so the phrase can be rendered
from the original spelling at the end. The assembler decides which pieces of a clause belong to
a value (its head before it, its tail after it, a list's shared predicate); the functions here
clean those pieces: drop years, status and comparator words, level locatives, footnote marks and
side remarks, and trim what cannot start or end a noun phrase.

    >>> text = "phấn đấu đến năm 2025, kinh tế số chiếm tối thiểu"
    >>> render(text, clean_head(text, [(0, len(text))], subject=True))
    'kinh tế số chiếm'
    >>> text = "hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (trừ hồ sơ mật)"
    >>> render(text, clean_tail(text, [(0, len(text))]))
    'hồ sơ công việc được xử lý trên môi trường mạng'
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex
from chitieu.extractors.lexicon import alternation, rows, words
from chitieu.extractors.patterns import FOOTNOTE_MARK_RE, WB_AFTER, WB_BEFORE, Caseless
from chitieu.extractors.periods import find_periods
from chitieu.extractors.places import find_places, find_regions, group_of_places
from chitieu.extractors.years import find_years

Ranges = list[tuple[int, int]]

def _words(*roles: str) -> tuple[str, ...]:
    return words("indicator_words.csv", *roles)


# Cues that name a thing rather than frame a statement: they stay in an indicator.
NOUN_CUES = frozenset(_words("noun_cue"))
# Auxiliaries: they frame a value but also occur inside noun phrases ("hồ sơ đã được số hóa").
_AUX_CUES = frozenset(_words("aux_cue"))


@cache
def _locative_level() -> regex.Pattern:
    """A level with its locative ("tại cấp xã", "ở các cấp tỉnh, huyện và xã"): the ``cấp`` phrases
    of ``levels.csv``, then more level nouns of it joined by commas or "và"."""
    levels = [r["phrase"] for r in rows("levels.csv") if r["context"] == "any" and r["phrase"].startswith("cấp ")]
    nouns = [r["phrase"] for r in rows("levels.csv") if r["context"] == "bare" and " " not in r["phrase"]]
    joined = r"(?:\s*(?:,|" + alternation(_words("list_and")) + r")\s*(?:cấp\s+)?" + alternation(nouns) + ")*"
    return regex.compile(
        WB_BEFORE + alternation(_words("level_particle")) + r"\s+(?:các\s+)?" + alternation(levels) + joined + WB_AFTER,
        regex.IGNORECASE,
    )


_PAREN = regex.compile(r"\([^()]*\)")


def remark_spans(text: str, lo: int, hi: int) -> Ranges:
    """The spans of ``text[lo:hi]`` in brackets (innermost, closed before ``hi``): remarks on a phrase."""
    return [m.span() for m in _PAREN.finditer(text, lo, hi)] if text.find("(", lo, hi) >= 0 else []


_EMPHASIS = regex.compile(r"\*+")
# "(GRDP)", "(BIDV)", "(Vietcombank)": an abbreviation or a one-word name in brackets is part of the phrase
_ABBREVIATION = regex.compile(r"\(\s*(?:[\p{Lu}\d][\p{Lu}\d&.\- ]{0,14}|\p{Lu}[\p{L}\d&.\-]{1,20}\s*)\)")


def _comparator_phrases() -> tuple[str, ...]:
    return tuple(r["phrase"] for r in rows("comparators.csv") if r["position"] == "before")


@cache
def _tail_stop() -> regex.Pattern:
    """Where a tail stops describing the measured thing: purpose, inclusion, comparison, side remarks."""
    return regex.compile(
        r",\s*(?:" + alternation(_words("tail_stop_after_comma") + _comparator_phrases()) + WB_AFTER + r"|\d)"
        # "…, Chính phủ yêu cầu các bộ …": a named body that directs opens a clause of its own
        + r"|,\s*(?-i:\p{Lu})\p{L}*(?:\s+\p{L}+){0,3}\s+" + alternation(_words("directive_verb")) + WB_AFTER
        + r"|" + WB_BEFORE + alternation(_words("tail_stop")) + WB_AFTER
        # "đạt 232% so với kế hoạch được giao": a completion ratio names the plan it is measured against
        + r"(?!\s+" + alternation(_words("completion_base")) + WB_AFTER + ")"
        # "tăng 9% đạt 57 triệu USD": an amount linked after the value is another figure of the subject
        + r"|" + WB_BEFORE + alternation(_words("copula", "estimate_link")) + r"\s+(?:"
        + alternation(_words("approx", "linking")) + r"\s+)?\d"
        + r"|(?<!\d)\s-\s|\s-\s(?!\d)|…|\.\.\.|\.(?:\s|$)|\"\s*,|,\s*\"",  # "2021 - 2022" is a range
        regex.IGNORECASE,
    )


@cache
def edge_words() -> tuple[str, ...]:
    """Words that cannot start or end an indicator: ``indicator_words.csv`` (edge) and every comparator."""
    return tuple(dict.fromkeys(_words("edge") + tuple(r["phrase"] for r in rows("comparators.csv")
                                                      if r["position"] in ("before", "after"))))


@cache
def anaphors() -> tuple[regex.Pattern, regex.Pattern]:
    """Phrases that point back to an earlier value: the whole phrase (``tỷ lệ này``, ``con số
    trên``, ``mức này``), and an anaphor anywhere in a value's own words (``đối với chỉ tiêu này``)."""
    nouns, pointers = _words("anaphor_noun"), _words("anaphor_pointer")
    whole = regex.compile(
        r"^(?:" + alternation(nouns + _words("anaphor_noun_alone")) + r"\s+"
        + alternation(pointers + _words("anaphor_pointer_alone")) + r")$", regex.IGNORECASE)
    anywhere = regex.compile(r"(?<![\p{L}])" + alternation(nouns) + r"\s+" + alternation(pointers) + r"(?![\p{L}])",
                             regex.IGNORECASE)
    return whole, anywhere


# "a)", "b.", "1)", "2.", "-", "+", "•" at the start of a list line.
_LIST_MARK = regex.compile(r"\G\s*(?:[a-zđ]\)|[a-zđ]\.(?=\s)|\d{1,2}[.)](?=\s)|[-+•*])\s*", regex.IGNORECASE)
_PUNCT = " \t\n,;:.-–—()\"'“”…/"


@cache
def _edge_re() -> tuple[regex.Pattern, regex.Pattern]:
    def alt(phrases) -> str:
        return "|".join(r"\s+".join(map(regex.escape, w.split())) for w in sorted(phrases, key=len, reverse=True))

    # "Theo VEPR, …": where a figure comes from, up to its comma
    source = r"|(?:" + alt(_words("source_opener")) + r")\s+[^,;:.\n]{1,60},"
    lead = regex.compile(r"\G(?:[\s,;:.\-()\"'…/+•*–]|(?:[a-zđ]\)|\d{1,2}\))|(?:" + alt(edge_words() + _words("lead_edge")) + ")" + WB_AFTER
                         + source + r")+", regex.IGNORECASE)
    # a change verb ends no indicator ("GRDP tăng 5%"), but may open one ("tăng trưởng GRDP đạt 8%")
    trailing = edge_words() + _words("trail_edge")
    trail = regex.compile(WB_BEFORE + r"(?:(?:" + alt(trailing) + r")(?:[\s,;:.\-()\"'…/*]+|$))+$|[\s,;:.\-(\"'…/*]+$",
                          regex.IGNORECASE)
    return lead, trail


@cache
def _cut_cue_re() -> Caseless:
    cut = [r["phrase"] for r in rows("cues.csv") if r["kind"] in ("target", "actual", "frame")
           and r["phrase"] not in NOUN_CUES and r["phrase"] not in _AUX_CUES]
    return Caseless(cut)


@cache
def measure_noun_re() -> Caseless:
    return Caseless([r["phrase"] for r in rows("cues.csv") if r["kind"] == "measure_noun"])


def subtract(ranges: Ranges, holes: Ranges) -> Ranges:
    """``ranges`` minus ``holes`` (both lists of half-open spans)."""
    if not holes:
        return [(s, e) for s, e in ranges if e > s]
    out = []
    for s, e in ranges:
        pieces = [(s, e)]
        for hs, he in holes:
            nxt = []
            for a, b in pieces:
                if he <= a or hs >= b:
                    nxt.append((a, b))
                    continue
                if a < hs:
                    nxt.append((a, hs))
                if he < b:
                    nxt.append((he, b))
            pieces = nxt
        out.extend(p for p in pieces if p[1] > p[0])
    return out


def _bounds(ranges: Ranges) -> tuple[int, int]:
    """Where a non-empty list of pieces starts and ends."""
    if len(ranges) == 1:
        return ranges[0][0], ranges[0][1]
    return min(s for s, _ in ranges), max(e for _, e in ranges)


# A link as a scraped page keeps it ("[Xem chi tiết](https://…)", a bare "https://…"): no words of an indicator
_LINK = regex.compile(r"!?\[[^\]\n]{0,200}\]\([^)\s]{0,500}\)|(?:https?://|www\.)[^\s)\]]+")
_LINK_BACK = 700


def _remove_noise(text: str, ranges: Ranges) -> Ranges:
    """Years and parts of a year, level locatives, footnote marks, side remarks."""
    if not ranges:
        return ranges
    lo, hi = _bounds(ranges)
    holes = [(lo + m.start, lo + m.end) for m in find_years(text[lo:hi])]
    piece = text[lo:hi]
    if "tháng" in piece or "quý" in piece.lower() or "nửa" in piece:  # "6 tháng đầu năm", "quý III"
        holes += [(lo + m.start, lo + m.end) for m in find_periods(piece)]
    for rx in (_locative_level(), FOOTNOTE_MARK_RE, _per_period_re(), _relative_time_re(), _bare_time_re()):
        holes += [m.span() for m in rx.finditer(text, lo, hi)]
    if "/" in piece:  # a link, also one that opened before the head ("hddtvn.com/…)" after a split at its dot)
        holes += [m.span() for m in _LINK.finditer(text, max(0, lo - _LINK_BACK), hi) if m.end() > lo]
    if text.find("(", lo, hi) >= 0:
        holes += [m.span() for m in _PAREN.finditer(text, lo, hi) if not _ABBREVIATION.fullmatch(text, *m.span())]
    if text.find("*", lo, hi) >= 0:  # Markdown emphasis of a document as published ("chủ lực *(xoài, …) *của Tỉnh")
        holes += [m.span() for m in _EMPHASIS.finditer(text, lo, hi)]
    return subtract(ranges, holes)


@cache
def _bare_time_re() -> regex.Pattern:
    """A month by its number (``tháng 11``, ``tháng 11/2020``), a year without ``năm`` (``trong 2000``)
    and a span up to now (``trong 30 năm qua``), with the particle before them: times, no part of what
    is measured.

        >>> [m.group() for m in _bare_time_re().finditer("thấp còi từ 34% trong 2000, XK tháng 11/2020")]
        ['trong 2000', 'tháng 11/2020']
        >>> [m.group() for m in _bare_time_re().finditer("GDP tăng 6% trong 30 năm qua")]
        ['trong 30 năm qua']
    """
    particle = r"(?:" + alternation(_words("time_particle")) + r"\s+)?"
    day = r"(?:ngày\s+(?:3[01]|[12]\d|0?[1-9])(?:\s*[/-]\s*(?:1[0-2]|0?[1-9]))?\s+)?"  # "ngày 31 tháng 10"
    month = day + r"tháng\s+(?:1[0-2]|0?[1-9])(?:\s*[/-]\s*(?:19|20)\d\d)?(?![\d%]|[,.]\d|\s*tuổi\b)"
    year = r"(?<![\d/.,:-])(?:19[5-9]\d|20\d\d)(?![\d/%]|[.,]\d|\s*-\s*\d)"
    date = r"ngày\s+(?:3[01]|[12]\d|0?[1-9])\s*[/-]\s*(?:1[0-2]|0?[1-9])(?:\s*[/-]\s*(?:19|20)\d\d)?(?![\d%])"
    span = r"\d{1,3}\s+" + alternation(_words("past_span")) + r"(?![\p{L}])"  # "trong 30 năm qua"
    return regex.compile(WB_BEFORE + particle + r"(?:" + month + "|" + date + "|" + year + "|" + span + ")", regex.IGNORECASE)


@cache
def _relative_time_re() -> Caseless:
    """ "cả năm", "năm nay", "năm ngoái": a year named relative to the article, no part of what is measured."""
    return Caseless(_words("relative_time"))


@cache
def _per_period_re() -> Caseless:
    """ "/năm", "mỗi năm": the per-period words of ``cues.csv``."""
    return Caseless([r["phrase"] for r in rows("cues.csv") if r["kind"] == "per_period"])


@cache
def _edge_folded() -> frozenset[str]:
    return frozenset(w.casefold() for e in edge_words() + _words("trail_edge") for w in e.split())

# The pieces between the trail pattern's separators, the last one first.
_LAST_PIECE = regex.compile(r"[^\s,;:.\-()\"'…/]+", regex.REVERSE)


def _trail_floor(text: str, s: int, e: int) -> int:
    """Where the trail of ``text[s:e]`` can start at the earliest. A trail is edge words and
    separators only, so it starts after the last piece that is not an edge word ("đạt 80% hộ dân
    có" → after "dân"). The end-anchored trail pattern is tried from every position it is given: from
    here on, that is a few words, not the whole phrase."""
    while e > s:
        piece = _LAST_PIECE.search(text, s, e)
        if piece is None:
            return s
        if piece.group().casefold() not in _edge_folded():
            return piece.end()
        e = piece.start()
    return s


@cache
def _term_re() -> regex.Pattern:
    return regex.compile(WB_BEFORE + alternation(_words("term")) + r"[\s,;:.\-(\"'…/]*$", regex.IGNORECASE)


@cache
def _inner_term_re() -> regex.Pattern:
    return regex.compile(WB_BEFORE + alternation(_words("term")) + WB_AFTER, regex.IGNORECASE)


def _ends_with_term(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` ends with a term whose last word is an edge word ("nông thôn mới")."""
    return _term_re().search(text, max(s, e - 40), e) is not None


def trim(text: str, ranges: Ranges) -> Ranges:
    """Drop empty pieces and the words and punctuation that cannot start or end the phrase."""
    lead, trail = _edge_re()
    ranges = [r for r in ranges if text[r[0]:r[1]].strip(_PUNCT)]
    while ranges:
        s, e = ranges[0]
        m = lead.match(text, s, e)
        if m and m.end() > s:
            s = m.end()
        if s >= e:
            ranges.pop(0)
            continue
        ranges[0] = (s, e)
        break
    while ranges:
        s, e = ranges[-1]
        if _ends_with_term(text, s, e):
            break  # "xã đạt chuẩn nông thôn mới": a term ends here, edge words and all
        m = trail.search(text, _trail_floor(text, s, e), e)
        if m and m.start() < e:
            # "… nông thôn mới trên": the edge words cut stop after a term that ends among them
            e = max([t.end() for t in _inner_term_re().finditer(text, max(s, m.start() - 40), e) if t.end() > m.start()],
                    default=m.start())
        if e <= s or not text[s:e].strip(_PUNCT):
            ranges.pop()
            continue
        ranges[-1] = (s, e)
        break
    return [r for r in ranges if text[r[0]:r[1]].strip(_PUNCT)]


# "Chính phủ giao", "UBND tỉnh đề ra": who set a goal, after the goal's word
_ASSIGNER = regex.compile(r"^\s*(?:[^\s,;:]+\s+){1,5}?" + alternation(_words("assign_verb")) + r"[\s,;:()]*$", regex.IGNORECASE)
# "… đạt tỷ lệ", "… chiếm tỷ lệ": a subject links to a bare measure noun ("đạt", "chiếm", "có")
_NOUN_LINK = regex.compile(WB_BEFORE + alternation(_words("noun_link")) + r"\s*$", regex.IGNORECASE)


def _last_comma_outside_brackets(text: str, lo: int, hi: int) -> int:
    """The last comma of ``text[lo:hi]`` that no bracket closing before ``hi`` holds (``Tỷ lệ trường
    (mầm non, tiểu học) đạt …``: none), or -1."""
    comma = text.rfind(",", lo, hi)
    while comma >= 0 and text.count(")", comma, hi) > text.count("(", comma, hi):
        comma = text.rfind(",", lo, comma)
    return comma


def clean_head(text: str, ranges: Ranges, subject: bool) -> Ranges:
    """The words before a value. A header (up to ``:``) and framing words ("phấn đấu", "mục tiêu",
    "đảm bảo") go; places that only say who acts go. When the value is followed by its own noun
    (``subject=False``), only the verb phrase after the last comma stays ("…, tích hợp 50% …")."""
    if not ranges:
        return ranges
    lo, hi = _bounds(ranges)
    cut = lo
    colon = text.rfind(":", lo, hi)
    if colon >= 0 and (not subject or content_words(text[colon + 1:hi], stop_at=1) > 0):
        cut = colon + 1  # a header: "Mục tiêu cụ thể: phấn đấu …"
    # else a labelled item ("- Tỷ lệ che phủ rừng: 41,2%"): the label is what is measured
    for m in _cut_cue_re().finditer(text, cut, hi):
        # A cue right before the value links it to its subject ("… trung bình đạt 51%"): not a frame; so
        # is one followed only by a time ("X tính đến hết ngày 31 tháng 10 đạt …") or by who set the goal
        # ("X vượt mục tiêu Chính phủ giao (10%)")
        rest = " ".join(text[a:b] for a, b in _remove_noise(text, [(m.end(), hi)]))
        if content_words(rest, stop_at=1) > 0 and not _ASSIGNER.match(rest):
            cut = max(cut, m.end())
    if not subject:
        comma = max(text.rfind(",", cut, hi), text.rfind(";", cut, hi))
        if comma >= 0:
            cut = comma + 1
    if subject:
        # "…, tỉnh Bình Phước đạt tỷ lệ bao phủ BHYT 91,4%": the subject starts at its measure noun
        # when the last comma-separated segment has one.
        segment = max(cut, _last_comma_outside_brackets(text, cut, hi) + 1)
        noun = measure_noun_re().search(text, segment, hi)
        # "Học sinh lên lớp đạt tỷ lệ 99,1%": a bare measure noun right before the value measures the
        # subject before it, which stays
        bare = noun and not content_words(text[noun.end():hi], stop_at=1) \
            and _NOUN_LINK.search(text, segment, noun.start()) is not None \
            and content_words(" ".join(text[a:b] for a, b in subtract([(segment, noun.start())],
                                                                       place_holes(text, segment, hi))), stop_at=1)
        if noun and not bare:
            cut = max(cut, noun.start())
    mark = _LIST_MARK.match(text, cut, hi)
    if mark:
        cut = mark.end()
    ranges = subtract(ranges, [(lo, cut)])
    ranges = subtract(ranges, place_holes(text, lo, hi))
    frames = [(m.start(), m.end()) for m in _cut_cue_re().finditer(text, cut, hi)]
    head = trim(text, subtract(_remove_noise(text, ranges), frames))
    if not head and colon >= 0 and cut == colon + 1 and subject:
        # "Tỷ lệ hộ nghèo năm 2022: Điện Biên 24,5%": after the label only a place; the label is the phrase
        label = [(lo, colon)]
        return trim(text, subtract(_remove_noise(text, label), place_holes(text, lo, colon)))
    return head


def clean_words(text: str, ranges: Ranges) -> Ranges:
    """A phrase with its times, levels, places and side remarks out and its edges trimmed, no frame cut."""
    if not ranges:
        return ranges
    lo, hi = _bounds(ranges)
    return trim(text, subtract(_remove_noise(text, ranges), place_holes(text, lo, hi)))


def tail_extent(text: str, ranges: Ranges) -> Ranges:
    """The part of a value's tail that still describes it (up to a purpose, comparison or side remark)."""
    if not ranges:
        return ranges
    return list(_tail_extent(text, tuple(ranges)))


@lru_cache(maxsize=64)
def _tail_extent(text: str, ranges: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    # Cached: a value's tail is cut once for its phrase and once more for its level.
    lo, hi = _bounds(ranges)
    base = same_period_base(text, lo, hi)
    # the "…" that closes a list in brackets ("(xoài, nhãn, hoa kiểng,…)") stops nothing: the tail goes on
    remarks = remark_spans(text, lo, hi)
    stop = next((m for m in _tail_stop().finditer(text, base[1] if base else lo, hi)
                 if not (m.group() in ("…", "...") and any(a < m.start() < b for a, b in remarks))), None)
    return tuple(subtract(list(ranges), [(stop.start(), hi)])) if stop else ranges


# A place with the particle that attaches it ("của tỉnh Nghệ An", "ở Hà Giang"), and national mentions.
@cache
def _place_words() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    def place(*roles: str) -> str:
        return alternation(words("place_words.csv", *roles))

    particle = regex.compile(place("place_particle") + r"\s+$", regex.IGNORECASE)
    national = regex.compile(WB_BEFORE + r"(?:" + place("national_particle") + r"\s+)?"
                             + place("national", "national_free") + WB_AFTER, regex.IGNORECASE)
    # "trên địa bàn tỉnh", "trên toàn thành phố": the text's own unit with no name after it (a name is a place)
    own_unit = regex.compile(WB_BEFORE + place("own_unit_particle") + r"\s+" + place("own_unit")
                             + r"(?![\p{L}\p{N}])(?-i:(?!\s+(?:\p{Lu}|\d)))", regex.IGNORECASE)
    return particle, national, own_unit


def place_holes(text: str, lo: int, hi: int) -> Ranges:
    """Spans of ``text[lo:hi]`` that only say where (a province and its particle, "cả nước")."""
    holes = []
    for p in find_places(text[lo:hi]):
        start = lo + p.start
        if _name_head().search(text, max(lo, start - 25), start):
            continue  # "Chi cục Hải quan cửa khẩu cảng Thanh Hóa": the place names the port, it stays
        particle = _place_words()[0].search(text, max(lo, start - 20), start)
        holes.append((particle.start() if particle else start, lo + p.end))
    holes += [(m.start(), m.end()) for m in _place_words()[1].finditer(text, lo, hi)]
    holes += [m.span() for m in _place_words()[2].finditer(text, lo, hi)]
    holes += [m.span() for m in _ministries().finditer(text, lo, hi)]  # "Bộ Tài chính đã cung cấp …"
    holes += [m.span() for m in group_of_places().finditer(text, lo, hi)  # "6 địa phương tăng trưởng trên 10%"
              if not _place_pointer().match(text, m.end())]  # not "các địa phương này": the places named before
    for r in find_regions(text, [(lo, hi)]):  # "của vùng Tây Nguyên"
        particle = _region_particle().search(text, max(lo, r.start - 25), r.start)
        holes.append((particle.start() if particle else r.start, r.end))
    return holes


_ITEM_MARK = regex.compile(r"[ \t]*(?:[-+•–]|[a-zđ]\)|\d{1,2}[.)])\s*")
_LEAD_IN_REACH = 8  # paragraphs back to a list's lead-in
_AS_FOLLOWS = regex.compile(r"\s*(?:như\s+sau|sau\s+đây)?\s*:\s*$", regex.IGNORECASE)


@cache
def _condition_opener() -> regex.Pattern:
    return regex.compile(r"\s*" + alternation(_words("condition_opener")) + WB_AFTER, regex.IGNORECASE)


def lead_in_of_condition(text: str, paragraphs: list[tuple[int, int]], para_index: int, indicator: str) -> str:
    r"""The indicator of a list item that only says when its value applies (``- Vào ngày nghỉ hằng tuần,
    ít nhất bằng 200%``): the list's lead-in (``Người lao động làm thêm giờ được trả lương như sau:``)
    before the item's words; ``indicator`` unchanged when the item is no such condition or no lead-in
    ends with a colon a few paragraphs above.

        >>> text = "Tiền lương làm thêm giờ như sau:\n- Vào ngày thường, ít nhất bằng 150%;"
        >>> lead_in_of_condition(text, [(0, 32), (33, len(text))], 1, "ngày thường")
        'Tiền lương làm thêm giờ vào ngày thường'
    """
    lo, hi = paragraphs[para_index]
    mark = _ITEM_MARK.match(text, lo, hi)
    opener = _condition_opener().match(text, mark.end(), hi) if mark else None
    if opener is None:
        return indicator
    for i in range(para_index - 1, max(-1, para_index - 1 - _LEAD_IN_REACH), -1):
        a, b = paragraphs[i]
        line = text[a:b].rstrip()
        if _ITEM_MARK.match(text, a, b):
            continue  # another item of the same list
        follows = _AS_FOLLOWS.search(line)
        if follows is None:
            return indicator
        lead = line[:follows.start()]
        lead = lead[max(lead.rfind(". "), lead.rfind(","), -1) + 1:].strip(_PUNCT)
        own = opener.group().strip().lower()
        if indicator.lower().startswith(own):
            own = ""  # "Nếu Tết rơi vào ngày thường" keeps its own "Nếu"
        return " ".join(f"{lead} {own} {indicator}".split()) if content_words(lead, stop_at=1) else indicator
    return indicator


_BARE_BRACKET = regex.compile(r"\(\s*(?:[\p{Ll}]+\s+){0,2}$")  # "(tăng ", "(vượt ", "(" before the value
_ITEM_SHAPE = regex.compile(r"\p{L}[\p{L}\-]*(?:\s+\p{L}[\p{L}\-]*){0,4}")
_ITEM_END = regex.compile(r"\)\s*(?:,|;|và|hoặc)\s*$")


@cache
def _list_opener() -> regex.Pattern:
    # lowercase only: "Như" in "Nguyễn Như Cường" is a name
    return regex.compile(WB_BEFORE + alternation(_words("list_opener")) + r"\s*:?\s+")


def bracketed_item(text: str, lo: int, value_start: int) -> str:
    """The indicator of a value in brackets after an item of a list, when the bracket says only how it
    changed (``xuất khẩu nhiều mặt hàng tăng mạnh như gạo (tăng 20%), cà phê (tăng 35,5%)``): what the
    list measures (the words before its opener, ``như``, ``gồm``) and the item (``cà phê``).
    ``lo`` is where the sentence starts; an empty string when the value is no such item.

        >>> text = "Xuất khẩu nhiều mặt hàng tăng mạnh như gạo (tăng 20%), cà phê (tăng 35,5%)."
        >>> bracketed_item(text, 0, text.index("35,5%"))
        'Xuất khẩu nhiều mặt hàng tăng mạnh cà phê'
    """
    opened = text.rfind("(", lo, value_start)
    if opened < 0 or not _BARE_BRACKET.search(text, opened, value_start):
        return ""
    start = opened  # back over the items before it ("gạo (tăng 20%), "): to the first one
    while True:
        cut = max(text.rfind(",", lo, start), text.rfind(";", lo, start), text.rfind(" và ", lo, start))
        if cut < 0 or not _ITEM_END.search(text, lo, cut + 1 + (3 if text.startswith(" và ", cut) else 0)):
            break
        start = text.rfind("(", lo, cut)
        if start < 0:
            return ""
    head = text[lo:start]
    opener = None
    for m in _list_opener().finditer(head):
        opener = m
    if opener is None:
        return ""  # no opener: the first item's words hold what is measured, nothing to share
    item_lo = max(text.rfind(",", lo, opened), text.rfind(";", lo, opened), text.rfind(" và ", lo, opened) + 3,
                  lo + opener.end())
    lead = head[:opener.start()]
    lead = lead[_last_comma_outside_brackets(lead, 0, len(lead)) + 1:]
    item = text[item_lo + (1 if text[item_lo] in ",;" else 0):opened]
    if not content_words(lead, stop_at=1) or _ITEM_SHAPE.fullmatch(item.strip()) is None:
        return ""  # an item is a short name ("cà phê", "Nhật Bản"), not a clause or an amount
    return " ".join((lead + " " + item).split()).strip(_PUNCT)


@cache
def _place_pointer() -> regex.Pattern:
    return regex.compile(r"\s+" + alternation(words("place_words.csv", "place_anaphor_pointer")) + WB_AFTER, regex.IGNORECASE)


@cache
def _particle_re() -> regex.Pattern:
    return regex.compile(WB_BEFORE + alternation(words("place_words.csv", "place_particle")) + WB_AFTER, regex.IGNORECASE)


_CONTINUATION_END = regex.compile(r"[,;:()\[\]\n.]")
_NUMBER_WORD = regex.compile(r"(?<![\p{L}\p{N}])\d")


def complete_cut_head(indicator: str, previous: str) -> str:
    """An indicator whose last words begin the indicator of the figure before it, and stop short
    (``Trong đó, khu vực đô thị đạt tỷ lệ thu gom, xử lý 95%`` after ``tỷ lệ thu gom, xử lý chất thải
    rắn sinh hoạt trên địa bàn tỉnh đạt 86%``), takes the rest of that noun phrase, up to where it
    says where or ends.

        >>> complete_cut_head("khu vực đô thị đạt tỷ lệ thu gom, xử lý",
        ...                   "tỷ lệ thu gom, xử lý chất thải rắn sinh hoạt trên địa bàn")
        'khu vực đô thị đạt tỷ lệ thu gom, xử lý chất thải rắn sinh hoạt'
        >>> complete_cut_head("tăng trưởng", "có tăng trưởng GRDP đạt")  # "6 địa phương tăng trưởng trên 10%"
        'tăng trưởng GRDP'
        >>> complete_cut_head("tỷ lệ hộ nghèo đa chiều", "tỷ lệ hộ nghèo đa chiều của tỉnh")  # said whole
        'tỷ lệ hộ nghèo đa chiều'
    """
    if not previous or not indicator:
        return indicator
    lowered, prev = indicator.lower().strip(_PUNCT), previous.lower()
    # where the cut head may begin: a measure noun inside the phrase (with words enough to tell a cut
    # head from a shared noun), or the whole phrase when it is only a short predicate ("tăng trưởng")
    starts = [0] if len(_WORD.findall(lowered)) <= 3 else []
    starts += [m.start() for m in measure_noun_re().finditer(lowered)
               if m.start() > 0 and len(_WORD.findall(lowered[m.start():])) >= 4]
    for start in starts:
        tail = lowered[start:].rstrip(_PUNCT)
        at = prev.find(tail)
        while at > 0 and prev[at - 1].isalnum():  # at a word's start
            at = prev.find(tail, at + 1)
        if at < 0:
            continue
        rest_lo = at + len(tail)
        if rest_lo >= len(prev) or not prev[rest_lo].isspace():
            continue
        stops = [h[0] for h in place_holes(previous, rest_lo, len(previous)) if h[0] >= rest_lo]
        stops += [m.start() for m in _particle_re().finditer(previous, rest_lo)][:1]  # "trên địa bàn (tỉnh)"
        stops += [m.start() for m in [_cut_cue_re().search(previous, rest_lo)] if m]  # "… đạt"
        stops += [m.start() for m in [_NUMBER_WORD.search(previous, rest_lo)] if m]  # "… 4 tháng còn lại"
        end = _CONTINUATION_END.search(previous, rest_lo)
        rest_hi = min([len(previous), *stops, *([end.start()] if end else [])])
        rest = _edge_re()[1].sub("", previous[rest_lo:rest_hi]).strip(_PUNCT)
        if content_words(rest, stop_at=1) and not measure_noun_re().search(rest.lower()):
            return indicator.rstrip(_PUNCT) + " " + rest
        return indicator
    return indicator


@cache
def _name_head() -> regex.Pattern:
    """A noun that a place right after it completes into a name (``cảng``, ``sân bay``)."""
    return regex.compile(WB_BEFORE + alternation(_words("name_head")) + r"\s+$", regex.IGNORECASE)


@cache
def _ministries() -> Caseless:
    return Caseless(words("place_words.csv", "ministry"))


@cache
def _region_particle() -> regex.Pattern:
    return regex.compile(r"(?:" + alternation(words("place_words.csv", "place_particle")) + r"\s+)?(?:vùng\s+)?$",
                         regex.IGNORECASE)


@cache
def _same_period_re() -> tuple[regex.Pattern, regex.Pattern]:
    ratio = regex.compile(WB_BEFORE + alternation(_words("ratio_link")) + r"\s+(?:" + alternation(_words("approx"))
                          + r"\s+)?[\d.,]+\s*%\s*$", regex.IGNORECASE)
    base = regex.compile(r"\G\s*(?:so\s+với\s+)?(" + alternation(_words("same_period")) + r")" + WB_AFTER,
                         regex.IGNORECASE)
    return ratio, base


def same_period_base(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Where a ratio to the same period names that period (``bằng 95% so với cùng kỳ``: ``cùng kỳ``),
    when the tail ``text[lo:hi]`` opens on it after a value linked by ``bằng``/``đạt``; else None.
    A rise ``tăng 5% so với cùng kỳ`` is compared with it, not measured against it.

        >>> text = "thu ngân sách bằng 95,3% so với cùng kỳ năm trước"
        >>> text[slice(*same_period_base(text, 24, len(text)))]
        'cùng kỳ'
    """
    ratio, base = _same_period_re()
    if not ratio.search(text, max(0, lo - 30), lo):
        return None
    m = base.match(text, lo, hi)
    return m.span(1) if m else None


def clean_tail(text: str, ranges: Ranges) -> Ranges:
    """The words after a value, up to where they stop describing it."""
    if not ranges:
        return ranges
    lo, hi = _bounds(ranges)
    base = same_period_base(text, lo, hi)
    if base:  # "bằng 95% cùng kỳ năm trước": the period measured against stays, past the edge word "cùng"
        tail = clean_tail(text, subtract(ranges, [(lo, base[1])]))
        return [base] + tail
    ranges = _remove_noise(text, tail_extent(text, ranges))
    ranges = subtract(ranges, place_holes(text, lo, hi))  # "… của tỉnh Vĩnh Phúc được xử lý …"
    # Framing words inside a tail ("… và hoàn thành mục tiêu", "… đã đạt") are not the indicator.
    frames = [(m.start(), m.end()) for m in _cut_cue_re().finditer(text, lo, hi)
              if not _COMPLETION_BASE.search(text, max(lo, m.start() - 8), m.end())]
    return trim(text, subtract(ranges, frames))


# "đạt 78% so với chỉ tiêu được giao": what a completion ratio is measured against stays in its indicator
# ("đạt 69,5% chỉ tiêu UBND giao": right after the value too)
_COMPLETION_BASE = regex.compile(r"(?:\G\s*|so\s+với\s+)" + alternation(_words("completion_base")) + r"$",
                                 regex.IGNORECASE)


def render(text: str, ranges: Ranges) -> str:
    """The pieces joined with single spaces."""
    phrase = " ".join(" ".join(text[s:e].split()) for s, e in ranges if text[s:e].strip())
    phrase = phrase.strip(_PUNCT.replace(")", ""))
    while phrase.endswith(")") and phrase.count("(") < phrase.count(")"):
        phrase = phrase[:-1].rstrip(_PUNCT.replace(")", ""))
    if phrase.count("(") > phrase.count(")"):
        phrase += ")" if phrase.rfind("(") > phrase.rfind(")") and len(phrase) - phrase.rfind("(") < 16 else ""
    return phrase.replace(" )", ")").replace("( ", "(")


_WORD = regex.compile(r"[\p{L}\p{N}]+")


def content_words(phrase: str, stop_at: int = 0) -> int:
    """How many words of a phrase are not edge words (0 means nothing is said of what is measured);
    with ``stop_at``, counting stops there (``content_words(p, 1) > 0``: is anything said at all?).

        >>> content_words("đạt tối thiểu"), content_words("tỷ lệ hộ nghèo", stop_at=2)
        (0, 2)
    """
    n = 0
    for w in _WORD.finditer(phrase.lower()):
        if w.group() not in _edge_set():
            n += 1
            if n == stop_at:
                break
    return n


def has_predicate(phrase: str) -> bool:
    """Whether a list item already says what happens to it ("… được xử lý", "… hoàn thành …")."""
    return _predicate_word().search(phrase) is not None


@cache
def _predicate_word() -> regex.Pattern:
    return regex.compile(WB_BEFORE + alternation(_words("predicate")) + WB_AFTER, regex.IGNORECASE)


@cache
def _edge_set() -> frozenset[str]:
    return frozenset(w for e in edge_words() for w in e.split())
