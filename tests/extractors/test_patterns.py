"""The shared pattern builders: the word-trie alternation finds what a flat longest-first list finds."""

from __future__ import annotations

import re

import regex
from _strategies import joined
from chitieu.extractors.lexicon import rows
from chitieu.extractors.patterns import RE_WB_AFTER, RE_WB_BEFORE, WB_AFTER, WB_BEFORE, Caseless, phrase_regex
from hypothesis import given, settings
from hypothesis import strategies as st

CUES = sorted({r["phrase"] for r in rows("cues.csv")})
LEVELS = sorted({r["phrase"].lower() for r in rows("levels.csv")})


def flat(phrases, ignore_case=True, engine=re):
    """The reference: every phrase in one alternation, the longest first."""
    alts = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in a.split()) for a in alts)
    flags = engine.IGNORECASE if ignore_case else 0
    if engine is re:
        return re.compile(RE_WB_BEFORE + "(?:" + body + ")" + RE_WB_AFTER, flags)
    return engine.compile(WB_BEFORE + "(?:" + body + ")" + WB_AFTER, flags)


def words_of(phrases):
    return sorted({w for p in phrases for w in p.split()})


# Texts made of the lexicons' phrases and words (some capitalized), punctuation and line breaks, so
# that phrases, their prefixes and their overlaps occur often.
PIECES = (CUES + LEVELS + words_of(CUES + LEVELS) + [p.capitalize() for p in CUES[::5]]
          + [",", ".", "%", "10", "x"])
texts = joined(PIECES, [" ", "  ", "\n", ""], max_size=30)


def spans(pattern, text, **kw):
    return [m.span() for m in pattern.finditer(text, **kw)]


@settings(max_examples=300)
@given(texts)
def test_trie_matches_flat_list(text):
    assert spans(phrase_regex(CUES), text) == spans(flat(CUES), text)
    assert spans(phrase_regex(CUES, ignore_case=False), text) == spans(flat(CUES, ignore_case=False), text)


@settings(max_examples=300)
@given(texts)
def test_trie_matches_flat_list_overlapped(text):
    trie, reference = phrase_regex(LEVELS, engine=regex), flat(LEVELS, engine=regex)
    assert spans(trie, text, overlapped=True) == spans(reference, text, overlapped=True)


def test_longest_phrase_wins_at_a_position():
    pattern = phrase_regex(["đạt", "đạt được", "đạt mức", "huyện", "huyện,"])
    assert [m.group() for m in pattern.finditer("Đạt  được 80%, huyện, xã đạt mức")] == [
        "Đạt  được", "huyện,", "đạt mức"]


MIXED = st.lists(st.sampled_from(PIECES + [p.upper() for p in CUES[::7]] + ["İ", "ß"]), max_size=25).map(" ".join)


@settings(max_examples=300)
@given(MIXED, st.integers(0, 40), st.integers(0, 400))
def test_caseless_finds_what_the_case_insensitive_pattern_finds(text, pos, endpos):
    """On the lowercase copy or (when lowercasing moves offsets, "İ") on the text itself."""
    caseless, reference = Caseless(CUES), flat(CUES)
    assert [m.span() for m in caseless.finditer(text, pos, endpos)] == spans_between(reference, text, pos, endpos)
    found = caseless.search(text, pos, endpos)
    assert (found.span() if found else None) == next(iter(spans_between(reference, text, pos, endpos)), None)
    at = caseless.match(text, pos, endpos)
    expected = reference.match(text, pos, endpos)
    assert (at.span() if at else None) == (expected.span() if expected else None)


def spans_between(pattern, text, pos, endpos):
    return [m.span() for m in pattern.finditer(text, pos, endpos)]
