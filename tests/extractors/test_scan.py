"""Every fast scan finds what the plain search finds (:mod:`chitieu.extractors.scan`).

One test per family of shortcuts, run for every extractor that uses it, on texts made of what that
extractor looks for (its phrases, their words, their neighbours, odd characters such as ``İ`` whose
lowercase is longer), so that matches, near misses and overlaps occur often. A case is
``(fast, plain, texts)``: the extractor's fast search, the plain search it stands for, and a
strategy for texts; both searches return something comparable (spans, matches, results).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from unittest import mock

import pytest
import regex
from _strategies import joined, region_lists
from chitieu.extractors import (
    comparators,
    cues,
    estimates,
    levels,
    measure,
    other_status,
    percentages,
    periods,
    places,
    scan,
    spelling,
    years,
)
from chitieu.extractors import reference_patterns as P
from chitieu.extractors import references as R
from chitieu.extractors import symbols as S
from chitieu.extractors.lexicon import rows, words
from chitieu.extractors.patterns import RE_WB_AFTER, RE_WB_BEFORE, WB_AFTER, WB_BEFORE, YEAR_PATTERNS
from chitieu.pipeline import indicator, link, normalize, place, scope, segment
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass(frozen=True)
class Case:
    fast: Callable
    plain: Callable
    texts: st.SearchStrategy


def cases(**named: Case):
    """``pytest.mark.parametrize`` over named cases."""
    return pytest.mark.parametrize("case", list(named.values()), ids=list(named))


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def flat(phrases, ignore_case=True, engine=re):
    """The plain search of a word list: every phrase in one alternation, the longest first."""
    alts = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in a.split()) for a in alts)
    flags = engine.IGNORECASE if ignore_case else 0
    if engine is re:
        return re.compile(RE_WB_BEFORE + "(?:" + body + ")" + RE_WB_AFTER, flags)
    return engine.compile(WB_BEFORE + "(?:" + body + ")" + WB_AFTER, flags)


def pieces_of(phrases, extra=()) -> list[str]:
    """Phrases, their words, some in capitals, and what may touch them."""
    phrases = sorted(set(phrases))
    return (phrases + sorted({w for p in phrases for w in p.split()}) + [p.capitalize() for p in phrases[::5]]
            + [p.upper() for p in phrases[::7]] + [",", ".", "%", "10", "x", "İ"] + list(extra))


# ---------------------------------------------------------------------------------------------------
# Word lists: the trie alternations find what a flat longest-first list finds

CUES = sorted({r["phrase"] for r in rows("cues.csv")})
LEVELS = sorted({r["phrase"].lower() for r in rows("levels.csv")})
_CUES_ANY, _CUES_FLAT = scan.phrase_regex(CUES), flat(CUES)
_CUES_AS_WRITTEN, _CUES_FLAT_AS_WRITTEN = scan.phrase_regex(CUES, ignore_case=False), flat(CUES, ignore_case=False)
_LEVELS_REGEX, _LEVELS_FLAT = scan.phrase_regex(LEVELS, engine=regex), flat(LEVELS, engine=regex)


def _flat_gazetteer():
    """Every spelling of every province in one alternation, the longest first, with a prefix."""
    spellings = {spelling.unify_tone_placement(a) for r in rows("provinces.csv")
                 for a in [r["name"], *filter(None, r["aliases"].split("|"))]}
    spellings |= {places._title_new_style(a) for a in spellings}
    alts = sorted(spellings, key=len, reverse=True)
    body = "|".join(r"\s*-?\s*".join(r"\s+".join(map(re.escape, part.split())) for part in a.split("-")) for a in alts)
    prefix = r"(?:(?:tỉnh|Tỉnh|thành\s+phố|Thành\s+phố|TP\.?\s?|Tp\.?\s?)\s*)?"
    return re.compile(RE_WB_BEFORE + prefix + r"(?P<name>" + body + r")" + RE_WB_AFTER)


_NAMES = [a for r in rows("provinces.csv") for a in [r["name"], *filter(None, r["aliases"].split("|"))]]
_GAZETTEER_FLAT = _flat_gazetteer()
_FOLDED = sorted(R._provinces()[1])
_PROVINCES_FLAT = regex.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(_FOLDED, key=len, reverse=True)) + r")(?!\w)", regex.V0)
_RAW = sorted({v for n in _FOLDED for v in S._unfolded(n)})


@cases(
    cues=Case(lambda t: spans(_CUES_ANY.finditer(t)), lambda t: spans(_CUES_FLAT.finditer(t)),
              joined(pieces_of(CUES), max_size=30)),
    cues_as_written=Case(lambda t: spans(_CUES_AS_WRITTEN.finditer(t)), lambda t: spans(_CUES_FLAT_AS_WRITTEN.finditer(t)),
                         joined(pieces_of(CUES), max_size=30)),
    levels_overlapped=Case(lambda t: spans(_LEVELS_REGEX.finditer(t, overlapped=True)),
                           lambda t: spans(_LEVELS_FLAT.finditer(t, overlapped=True)),
                           joined(pieces_of(LEVELS), max_size=30)),
    gazetteer=Case(lambda t: [(m.span(), places._name(m)) for m in places._gazetteer()[0].finditer(t)],
                   lambda t: [(m.span(), m.group("name")) for m in _GAZETTEER_FLAT.finditer(t)],
                   joined(pieces_of(_NAMES, ["tỉnh", "Tỉnh", "thành phố", "Thành phố", "TP.", "TP", "Tp.", "-", " - ",
                                             "và"]), max_size=12)),
    provinces_folded=Case(lambda t: spans(R._provinces()[0].finditer(t)), lambda t: spans(_PROVINCES_FLAT.finditer(t)),
                          joined(pieces_of(_FOLDED, ["tỉnh"]), [" ", "", "  "], max_size=12)),
    # references scan the text as written with every spelling that folds to a name
    provinces_as_written=Case(
        lambda t: R._Context(t).provinces,
        lambda t: [(m.start(), m.end(), *R._provinces()[1][m.group()]) for m in _PROVINCES_FLAT.finditer(P.fold(t))],
        joined(_RAW + ["Khánh Hoà", "Thanh Hoá", "Ðồng Nai", "Hoà Bình", "hoà", "toàn", "oà", "tỉnh", ",", "x",
                       "Quyết định số 1/QĐ-UBND"], [" ", "", "  "], max_size=12)),
    last_clause_break=Case(lambda t: m.span() if (m := other_status._LAST_BREAK.search(t)) else None,
                           lambda t: ms[-1].span() if (ms := list(other_status._BREAK.finditer(t))) else None,
                           joined([".", ";", "!", "?", "(", ")", "[", "]", ",", "1", "2,5", "đạt", "x", "\n"],
                                  [" ", ""], max_size=14)),
    sentence_ends=Case(P.sentence_ends, lambda t: tuple(m.end() for m in P.SENTENCE_END.finditer(t)),
                       joined([".", "!", "?", "…", "...", '"', "”", "’", ")", "]", "đạt 80%", "x", "\x1c", "\xa0", "\u2028",
                               "đạt 80%.’", "?”)"],
                              [" ", "", "\n", "\t", "\x1c"], max_size=14)),
)
@SETTINGS
@given(data=st.data())
def test_fast_patterns_find_what_the_plain_ones_find(case, data):
    text = data.draw(case.texts)
    assert case.fast(text) == case.plain(text)


def test_longest_phrase_wins_at_a_position():
    pattern = scan.phrase_regex(["đạt", "đạt được", "đạt mức", "huyện", "huyện,"])
    assert [m.group() for m in pattern.finditer("Đạt  được 80%, huyện, xã đạt mức")] == ["Đạt  được", "huyện,", "đạt mức"]


def test_re_word_boundaries_are_str_isalnum():
    """The tries' boundaries (``re``'s \\w) and :func:`scan.floor`'s tokens are one notion."""
    word = re.compile(r"\w")
    assert [c for c in range(0x110000) if bool(word.match(chr(c))) != (chr(c).isalnum() or chr(c) == "_")] == []


def test_sentence_end_spaces_are_regex_white_space():
    spaces = regex.compile(r"\s")
    ours = re.compile("[" + P._WHITE_SPACE + "]")
    assert [c for c in range(0x110000) if bool(spaces.match(chr(c))) != bool(ours.match(chr(c)))] == []


# ---------------------------------------------------------------------------------------------------
# Any case: a word list on the lowercase copy finds what the case-insensitive search finds


CASELESS = {  # every word list matched with Caseless
    "cues": lambda: cues._lexicon()[0], "levels": lambda: levels._lexicon()[0],
    "estimates": lambda: estimates._lexicon()[0], "measure": lambda: measure._lexicon()[0],
    "other_status": lambda: other_status._lexicon()[0], "place_regions": lambda: places._regions()[0],
    "national_words": lambda: place._NATIONAL_WORDS, "indicator_cut_cues": indicator._cut_cue_re,
    "indicator_measure_nouns": indicator.measure_noun_re, "indicator_per_period": indicator._per_period_re,
}


@pytest.mark.parametrize("name", list(CASELESS))
@SETTINGS
@given(data=st.data())
def test_caseless_search_is_the_case_insensitive_search(name, data):
    """On the lowercase copy or (when lowercasing moves offsets, ``İ``) on the text itself, between
    any bounds, and overlapped."""
    caseless = CASELESS[name]()
    text = data.draw(joined(pieces_of(caseless.phrases, ["ß", "ſ", "\u212a"]), [" ", "", "  ", "\n"], max_size=25))
    pos, endpos = data.draw(st.integers(0, 40)), data.draw(st.integers(0, 400))
    reference = flat(caseless.phrases)
    expected = spans(reference.finditer(text, pos, endpos))
    assert spans(caseless.finditer(text, pos, endpos)) == expected
    found = caseless.search(text, pos, endpos)
    assert (found.span() if found else None) == next(iter(expected), None)
    at, expected_at = caseless.match(text, pos, endpos), reference.match(text, pos, endpos)
    assert (at.span() if at else None) == (expected_at.span() if expected_at else None)
    assert caseless.spans(text) == spans(reference.finditer(text))
    assert caseless.spans(text, overlapped=True) == spans(flat(caseless.phrases, engine=regex).finditer(
        text, overlapped=True))


# ---------------------------------------------------------------------------------------------------
# Candidate windows: a pattern run around its anchors finds what it finds over the whole text


def _years_by_full_scan(text):
    return [(kind, m.span()) for kind, pattern in YEAR_PATTERNS for m in pattern.finditer(text)]


# Each shortcut's limits are met by whole expressions (the longest reach before a year, long runs of
# spaces, a year alone, a range written with "đến") and by their fragments.
_YEAR_EXPRESSIONS = ["giai đoạn 2021 - 2025", "từ năm 2021 đến năm 2025", "tầm nhìn đến năm 2045", "định hướng tới 2030",
                     "tính đến cuối năm 2020", "bắt đầu từ năm 2023", "kể   từ   ngày  1 / 7 / 2023",
                     "chậm  nhất  vào  năm  2100", "trong năm 2022", "giai đoạn" + " " * 30 + "năm" + " " * 30 + "2021-2025"]
_YEAR_PIECES = ["năm", "NĂM", "Đến", "đến", "hết", "cuối", "từ", "ngày", "1/7/", "giai đoạn", "Giai Đoạn", "2021",
                "2025", "2030", "1999", "-", "tới", "định hướng", "kể", "chậm nhất vào", "İ", "x", ",", "12025",
                "Tầm nhìn", "TÍNH", "trước", "vào", "thời kỳ", "nhiệm kỳ", "Kế hoạch", "trong", "bắt đầu", "VÀO",
                "2100", *_YEAR_EXPRESSIONS]
_YEAR_GAPS = [" ", "", "", "     ", "\n", " " * 40]
# (texts that start with an expression too: a window may start at the text's start)
_year_texts = st.tuples(st.sampled_from(["", *_YEAR_EXPRESSIONS]), joined(_YEAR_PIECES, _YEAR_GAPS, max_size=20)).map(
    "".join)
_VALUE_PIECES = ["80", "97,83", "1.234,5", "0,5", "%", " %", "\n%", "-", " - ", "đến", "tới", "từ", "phần trăm",
                 "PHẦN TRĂM", "Phần Trăm", "năm mươi", "HAI MƯƠI LĂM", "chín mươi chín phẩy năm", "một trăm",
                 "trăm", "hộ", "tỷ lệ", "/", ",", ".", "(", ")", "x", "İ", "ſ", "\u212a", "2025", "từ 75 đến 80%",
                 "75 tới 80 %", "từ 75% đến 80%", "75-80%", "năm mươi phần trăm", "(80%", "hai mươi lăm phần trămx"]
# Whole symbols (the longest prefix one can have before its "/" too) and what may touch them.
_SYMBOL_PIECES = ["4607/QĐ-UBND", "06-NQ/TU", "42/2022/NĐ-CP", "99999-ABCDEFGHIJKL/TU", "12/ÐA", "4607", "/", "-",
                  "‐", "QĐ", "x", "Đ", "1", "14/12/2021", "http://a.vn/QĐ", ",", ".", "%", "số", "đ", "-UBND", "TTg", "4607/QĐđ-UBND",
                  "4607/QĐ/", "215/ỌĐ-TTg",
                  # symbols as typed: gaps at a hyphen or slash, a space for the slash, the year's slash
                  # mistyped, Cyrillic look-alikes, a word typed on
                  "272/2025/NĐ- CP", "NQ-\nHĐND", "NĐ -CP", "99999- ABCDEFGHIJKL/TU", "4422 /QĐ", "2665 QĐ/UBND",
                  "255/2025-NĐ-CP", "49/2025TT-BCT", "31/2024/ QH15", "NĐ-\u0421\u0420", "TTgcủa", "- ", " -"]


def _percentages(pattern):
    return Case(lambda t: spans(scan.search(pattern, t, percentages._WINDOWS(t))), lambda t: spans(pattern.finditer(t)),
                joined(_VALUE_PIECES, [" ", "", "", "  ", "\n"], max_size=16))


@cases(
    # every year pattern, on the lowercase copy and only in the windows that hold one of its words
    years=Case(lambda t: [(years._KINDS[i], m.span()) for i, m in years._matches(t, years._WINDOWS(t))],
               _years_by_full_scan,
               _year_texts),
    percent_ranges=_percentages(percentages.RANGE_RE),
    percentages=_percentages(percentages.PERCENT_RE),
    percentages_in_words=_percentages(percentages.WORDS_PERCENT_RE),
    symbols=Case(lambda t: spans(R.symbol_matches(t)), lambda t: spans(P.SYMBOL.finditer(t)),
                 joined(_SYMBOL_PIECES, [" ", "", "", "", "\n"], max_size=8)),
)
@SETTINGS
@given(data=st.data())
def test_windows_find_what_the_whole_text_holds(case, data):
    text = data.draw(case.texts)
    assert case.fast(text) == case.plain(text)


# ---------------------------------------------------------------------------------------------------
# Candidate starts: a pattern tried where it can start finds what its finditer finds

_SHORT_PIECES = ["Quyết định", "Nghị quyết", "Kế hoạch", "Đề án", "số", "Số", "539", "06", "5", "năm", "này", "trên",
                 "nêu trên", "đã nêu", "đó", "/QĐ-UBND", "Nghị", "quyết định", "%", ",", "\xa0", "  ", "Bộ", "luật",
                 "liên tịch", "x", "QĐ", "\u0301"]
def _all(search, text: str) -> list[tuple[int, int]]:
    """The spans of ``search(text, pos)`` from the start, each search from the end of the last match."""
    out, pos = [], 0
    while (m := search(text, pos)) is not None:
        out.append(m.span())
        pos = m.end() if m.end() > m.start() else m.start() + 1
    return out


_short_texts = joined(_SHORT_PIECES + list(P.TYPE_NAMES), [" ", "", "\n", "\xa0"], max_size=16)


@cases(
    short_forms=Case(R._short_forms, lambda t: (list(P.SHORT_NUMBER.finditer(t)), list(P.SHORT_DEMONSTRATIVE.finditer(t))),
                     _short_texts),
    footnote_lines=Case(lambda t: spans(link.footnote_lines(t)), lambda t: spans(link.FOOTNOTE_LINE.finditer(t)),
                        st.lists(st.tuples(st.sampled_from(["(1)", "(2)", "[3]", "¹", "²", "Ghi chú:", "chú thích :",
                                                            ",", "và", "-", "Quyết định số 1/QĐ-UBND", "đạt 80%", ".",
                                                            "x"]),
                                           st.sampled_from([" ", "", "\n", "\n\n", " \n", "\t"])), max_size=14)
                        .map(lambda parts: "".join(a + b for a, b in parts))),
    as_of_dates=Case(lambda t: _all(periods._as_of_search, t), lambda t: _all(periods._AS_OF_RE.search, t),
                     joined(["ngày", "Ngày", "NGÀY", "tháng", "Tháng", "THÁNG", "cuối", "Đầu", "giữa", "HẾT", "năm", "nay",
                             "1", "6", "30", "2023", "2.025", "/", ".", "-", ",", "%", "x", "İ", "ß", "tính đến"],
                            [" ", "", "\n", "  "], max_size=14)),
    unwrap=Case(other_status._unwrap, lambda t: other_status._WRAP.sub(lambda m: (m.group(1) or m.group(2) or "") + " ", t),
                joined(["a", "B", "đ", "ư", "1", ",", "%", ")", ".", "x", "-"], [" ", "", "\t", "\n", " \n", "\t\n", "\n\n"],
                       max_size=14)),
    tone_placement=Case(spelling.unify_tone_placement, lambda t: spelling._NEW_STYLE_TONE.sub(spelling._move_tone, t),
                        st.lists(st.sampled_from(["hoà", "Hoà", "HOÀ", "thuỷ", "THUỶ", "quý", "quỳ", "Quỳnh", "toàn", "khoẻ", "KHOẺ",
                                                  "oà", "uỷ", "oa", "x", " ", "", "-", "\u0300", "ò", "ă", "Đ", "ǅ", "1",
                                                  "qoà"]), max_size=16)
                        .map("".join)),
)
@SETTINGS
@given(data=st.data())
def test_patterns_tried_at_their_candidates_find_what_they_find_everywhere(case, data):
    text = data.draw(case.texts)
    fast, plain = case.fast(text), case.plain(text)
    if isinstance(fast, tuple):  # lists of matches
        fast, plain = ([m.span() for m in ms] for ms in fast), ([m.span() for m in ms] for ms in plain)
        fast, plain = list(fast), list(plain)
    assert fast == plain


def test_tried_at_takes_patterns_positions_and_functions():
    pattern, text = re.compile(r"(?<!\w)ab+"), "ab ab xabb\nabbb"
    expected = [(0, 2), (3, 5), (11, 15)]
    assert spans(pattern.finditer(text)) == expected
    assert spans(scan.tried_at(pattern, text, re.compile("a"))) == expected
    assert spans(scan.tried_at(pattern, text, [0, 1, 3, 7, 11, 12])) == expected
    assert spans(scan.tried_at(pattern, text, scan.line_start)) == [(0, 2), (11, 15)]
    lines = re.compile(r"ab+\n?")  # a match that ends where the next line starts
    assert spans(scan.tried_at(lines, "ab\nab\nx", scan.line_start)) == spans(lines.finditer("ab\nab\nx")) == [
        (0, 3), (3, 6)]


# ---------------------------------------------------------------------------------------------------
# Regions: a document's paragraphs read in one pass are read as slice by slice

_REGION_TEXTS = {
    "years": joined(_YEAR_PIECES + ["\n", "\n\n", "  \n "], _YEAR_GAPS, max_size=24),
    "cues": joined(CUES + ["TĂNG THÊM", "Phấn Đấu", "trưởng", "Cần Thơ", "x", "80%", "İ", ",", "\n", "\n\n"], max_size=20),
    # "x" becomes an organisation on the line before a "Việt Nam"
    "places": joined(_NAMES + ["tỉnh", "Tỉnh", "thành phố", "TP.", "-", ",", "và", "x", "\n"], max_size=12)
    .map(lambda t: t.replace("x", "Tập đoàn\n")),
}


@pytest.mark.parametrize(("name", "one_pass", "each"), [
    ("years", years.find_years_in, years.find_years),
    ("cues", cues.find_cues_in, cues.find_cues),
    ("places", places.find_places_in, places.find_places),
])
@SETTINGS
@given(data=st.data())
def test_regions_in_one_pass_are_those_of_each_region(name, one_pass, each, data):
    """Paragraphs (bounded by spaces: one pass) and random stretches (cut anywhere: slice by slice)."""
    text = data.draw(_REGION_TEXTS[name])
    for regions in region_lists(text, data):
        assert one_pass(text, regions) == [x for s, e in regions for x in each(text[s:e], offset=s)]


@pytest.mark.parametrize(("one_pass", "each", "text", "regions", "found"), [
    (years.find_years_in, years.find_years, "mã 12025 đến năm 2030", [(4, 21)], 1),  # starts inside a number
    (years.find_years_in, years.find_years, "xnăm 2025", [(1, 9)], 1),  # … or a word
    (years.find_years_in, years.find_years, "giai đoạn 12021-2025", [(11, 20)], 1),
    (years.find_years_in, years.find_years, "từ năm 2021 đến năm 2025", [(0, 11), (12, 24)], 2),  # split a period
    (years.find_years_in, years.find_years, "Năm 2025\nđến năm 2030", [(0, 8), (9, 21)], 2),  # paragraphs
    (cues.find_cues_in, cues.find_cues, "xphấn đấu đạt 80%", [(1, 17)], 1),
    (places.find_places_in, places.find_places, "xHuế đạt 80%", [(1, 12)], 1),
])
def test_regions_cut_anywhere_are_read_as_their_slices(one_pass, each, text, regions, found):
    expected = [x for s, e in regions for x in each(text[s:e], offset=s)]
    assert len(expected) == found
    assert one_pass(text, regions) == expected


# ---------------------------------------------------------------------------------------------------
# Floors: an end-anchored pattern searched from its floor finds what it finds from the start

_LEAD_PIECES = (list(P.TYPE_NAMES) + [n.upper() for n in P.TYPE_NAMES[::3]] + [n.lower() for n in P.TYPE_NAMES[::2]]
                + list(P.ABBREVIATIONS) + ["số", "Số", "SỐ", "hiệu", ":", "của", "theo", "(", ")", ",", "\u0301",
                                           "_", "12", "x", "ſố", "pháp", "(Nghị quyết", ",QĐ", "(số"])


_TRAIL_PIECES = list(indicator.edge_words()) + [w.upper() for w in indicator.edge_words()[::6]] + [
    "hộ dân", "xã", "80%", "2025", "(", ")", ",", ";", ".", "-", "…", "/", '"', "?", "ſẽ", " ", "  ", "\n"]


def _from_floor(pattern, floor):
    """The span of ``pattern.search`` between ``s`` and the end of a text, from ``floor(text, s)`` on."""
    def run(drawn):
        text, s = drawn
        found = pattern.search(text, floor(text, min(s, len(text))), len(text))
        return found.span() if found else None
    return run


_lead_windows = st.tuples(joined(_LEAD_PIECES, [" ", "", "", "  ", "\n", "\xa0"], max_size=12), st.just(0))


@cases(
    lead=Case(_from_floor(P.LEAD_PLAIN, lambda t, s: R._lead_floor(t)), _from_floor(P.LEAD_PLAIN, lambda t, s: s),
              _lead_windows),
    lead_so=Case(_from_floor(P.LEAD_SO, lambda t, s: R._lead_floor(t)), _from_floor(P.LEAD_SO, lambda t, s: s),
                 _lead_windows),
    # (pipeline/indicator.py's own floor, not yet written with scan.floor)
    indicator_trail=Case(_from_floor(indicator._edge_re()[1], lambda t, s: indicator._trail_floor(t, s, len(t))),
                         _from_floor(indicator._edge_re()[1], lambda t, s: s),
                         st.tuples(st.lists(st.sampled_from(_TRAIL_PIECES), max_size=14).map(" ".join),
                                   st.integers(0, 8))),
)
@SETTINGS
@given(data=st.data())
def test_floors_keep_every_end_anchored_match(case, data):
    drawn = data.draw(case.texts)
    assert case.fast(drawn) == case.plain(drawn)


# ---------------------------------------------------------------------------------------------------
# Ends: an end-anchored pattern asked from the end finds whether (and what) the forward search finds

_END_PIECES = (words("other_status_grammar.csv", "bound", "bound_noun", "filler")
               + tuple(r["phrase"] for r in rows("comparators.csv")) + ("TRÊN", "Dưới", "mức", "là", "đạt", "80", "%",
                                                                        ",", "(", "x", "ſ", "İ", "ß", "tỷ lệ", "hộ"))
_END_TEXTS = joined(_END_PIECES, [" ", "", "  ", "\n", "\xa0"], max_size=10)


def _span(match):
    return match.span() if match else None


@cases(
    bound=Case(lambda t: other_status._BOUND_BEFORE.found(t),
               lambda t: other_status._BOUND_BEFORE.pattern.search(t) is not None, _END_TEXTS),
    comparator=Case(lambda t: _span(comparators._patterns()[0].search(t)),
                    lambda t: _span(comparators._patterns()[0].pattern.search(t)), _END_TEXTS),
)
@SETTINGS
@given(data=st.data())
def test_end_anchored_patterns_asked_from_the_end_find_what_the_forward_search_finds(case, data):
    text = data.draw(case.texts)
    assert case.fast(text) == case.plain(text)


# ---------------------------------------------------------------------------------------------------
# Pre-filters and character passes: a cheap test never rules out what the plain one finds

def _unfiltered(find, text):
    """``find(text)`` with no folded copy to rule patterns out: every pattern runs."""
    with mock.patch.object(scan, "folded", lambda t: None):
        return find(text)


_VIET = st.text(st.characters(categories=["L", "M", "N", "P", "Z", "S", "Cc", "Cf"]), max_size=30)


@pytest.mark.parametrize("text", ["tăng ſo với cùng kỳ", "TĂNG SO VỚI", "Vượt kế hoạch", "so  với", "xso với", "ſ"])
def test_needed_words_are_found_in_every_case(text):
    """The long s (``ſo với``) is ``so với`` to IGNORECASE, but lowercases to itself."""
    assert _span(scope._COMPARED.search(text)) == _span(scope._COMPARED.pattern.search(text))


@cases(
    percent_candidate=Case(segment.is_candidate, lambda t: segment._CANDIDATE.search(t) is not None,
                           st.lists(st.sampled_from(["đạt ", "80", "%", " %", "  %", "phần", " ", "\n", "trăm", "TRĂM",
                                                     "Phần", "PHẦN", "trăm năm", "ă", "x", "\xa0%", "٣", "\t",
                                                     "\x1c"]), max_size=12).map("".join)),
    plain_characters=Case(normalize._PLAIN.translate, lambda t: t.translate(str.maketrans(normalize._PLAIN.table)),
                          _VIET | joined(list(normalize._PLAIN.table) + ["a", "ố", " "], [""], max_size=20)),
    periods=Case(periods.find_periods, lambda t: _unfiltered(periods.find_periods, t),
                 joined(["quý", "Quý", "QUÝ", "II", "iv", "Q", "q", "1", "6", "2023", "/", "nửa", "NỬA", "đầu", "năm",
                         "tháng", "THÁNG", "sáu", "hai", "ba", "nay", "so với", ",", "x", "İ", "ß"], [" ", "", "  "],
                        max_size=12)),
    comparison_words=Case(lambda t: _span(scope._COMPARED.search(t)), lambda t: _span(scope._COMPARED.pattern.search(t)),
                          joined(["so", "So", "SO", "ſo", "với", "VỚI", "vượt", "VƯỢT", "Vượt", "so sánh", "sổ", "x", ",",
                                  "İ", "ß", "1"], [" ", "", "  ", "\n"], max_size=10)),
    slow_characters=Case(lambda t: scan.holds_any(t, normalize._SLOW_CHARS),
                         lambda t: any(ch in normalize._DROP or ch == "\r" for ch in t),
                         _VIET | joined(list(normalize._SLOW_CHARS) + ["a", "\n"], [""], max_size=6)),
)
@SETTINGS
@given(data=st.data())
def test_prefilters_say_what_the_plain_test_says(case, data):
    text = data.draw(case.texts)
    assert case.fast(text) == case.plain(text)
