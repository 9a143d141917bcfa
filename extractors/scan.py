r"""Fast scanning, in one place: how the extractors find what they declare (in the manner of eyecite's
``tokenizers``).

An extractor says *what* it looks for: a word list, the literal strings every match holds, how far a
match reaches around them, where a match can start. This module decides *how* to find it fast. Each
shortcut finds exactly what the plain search finds; ``tests/extractors/test_scan.py`` checks every
family, for every extractor that uses it, against the plain search on generated texts.

The interface, by family (each: the plain search it stands for; who declares what):

- **word lists** — :func:`phrase_regex`, :func:`trie_regex` (:func:`trie`, :func:`words`,
  :func:`first_letter_alternatives`) for a flat alternation, the longest phrase first: cues, levels,
  places (the gazetteer), references (provinces, short-form starts);
- **any case** — :class:`Caseless` (and :func:`lowered`, :func:`folded`) for that alternation with
  IGNORECASE, also overlapped, and with the words every phrase holds looked for first (estimates):
  cues, levels, estimates, measure, other_status, places, and the pipeline's indicator and place
  stages;
- **needed words** — :class:`Needs` for a case-insensitive pattern run only on a stretch that holds
  one of its words: the pipeline's scope (comparisons);
- **candidate windows** — :class:`Windows` with :func:`search` / :func:`search_each` for a pattern
  over the whole text: years (around each year), percentages (the value characters before each
  sign), references (around each ``/`` of a symbol);
- **candidate starts** — :func:`tried_at` (:func:`line_start`, :func:`line_break_run`) for
  ``pattern.finditer(text)``: references (short forms), link (footnote lines), spelling (tone
  placement), other_status (hard-wrapped lines);
- **regions** — :func:`regions_pass` (:func:`bounded`, :func:`in_order`) for one call per region's
  slice: years (all regions' windows in one search), cues, places;
- **floors** — :func:`floor` for an end-anchored search from the start: references (leads);
- **ends** — :class:`FromEnd` for an end-anchored search, asked from the end: comparators,
  other_status (bounds);
- **characters** — :class:`CharMap`, :func:`holds_any` for ``str.translate`` and a loop over
  characters: normalize.

Two facts make most of them work: ``re`` skips ahead to where a match can start only when every
alternative opens with a literal character (so word lists are tries split by first letter, and word
boundaries are checked after that letter), and lowercase literals matched case-sensitively on a
lowercase copy (when lowercasing keeps every offset) are several times faster than IGNORECASE.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

Pattern = re.Pattern | regex.Pattern
Span = tuple[int, int]

# Word boundaries after a phrase (``regex``'s \w-like class spelled out; ``re``'s \w is str.isalnum).
_RE_NOT_AFTER = r"(?!\w)"
_REGEX_NOT_AFTER = r"(?![\p{L}\p{N}_])"

# ---------------------------------------------------------------------------------------------------
# Word lists: tries of literal words


def words(phrase: str, sep: str = r"\s+") -> list[tuple[str, str]]:
    r"""A phrase as tokens for :func:`trie_regex`: its words, joined by ``sep`` (any run of spaces).

        >>> words("cấp xã")
        [('', 'cấp'), ('\\s+', 'xã')]
    """
    return [("" if i == 0 else sep, w) for i, w in enumerate(phrase.split())]


def phrase_regex(phrases: Iterable[str], ignore_case: bool = True, engine=re):
    r"""One alternation of ``phrases`` on word boundaries, the longest first; spaces match any run of
    spaces.

    The alternation is a word trie (see :func:`trie_regex`): the engine tries each first word once
    instead of every phrase at every position. ``engine`` is ``re`` (fast) or ``regex`` (for its
    extras, such as overlapped matching).

        >>> print(phrase_regex(["đạt", "đạt được", "phấn đấu"], ignore_case=False).pattern)
        (?:p(?<!\w.)hấn\s+đấu|đ(?<!\w.)ạt(?:\s+được)?)(?!\w)
    """
    tokens = [words(p.lower() if ignore_case else p) for p in phrases if p.strip()]
    flags = engine.IGNORECASE if ignore_case else 0
    if engine is re:
        return re.compile(trie_regex(tokens, not_after=r"\w") + _RE_NOT_AFTER, flags)
    return engine.compile(trie_regex(tokens, not_after=r"[\p{L}\p{N}_]") + _REGEX_NOT_AFTER, flags)


def trie_regex(phrases: Iterable[Sequence[tuple[str, str]]], not_after: str | None = None) -> str:
    r"""The alternation of token sequences as a trie: a shared first token once, then what may follow.

    A token is ``(separator, word)``: the pattern that joins it to the token before (``""`` for the
    first) and a literal word. Where a phrase may end or go on, going on is tried first, so the match
    at a position is the phrase with the most tokens (as a flat list sorted longest first finds, when
    phrases end at a word boundary).

        >>> print(trie_regex([words("cấp xã"), words("cấp tỉnh"), words("cấp")]))
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


# ---------------------------------------------------------------------------------------------------
# Any case: the lowercase copy


_LONG = 4096  # characters: a document's text, kept apart from the short pieces a rule reads


class _Copies:
    """A copy of each text made by ``make`` (its lowercase or folded copy), once per text: the text
    asked last is answered by identity (a rule runs several patterns over one text in a row); the
    document (a long text) has a place of its own, so the short pieces read for each value never
    push it out (else every value would copy the whole document again: quadratic in its values); the
    other short texts are kept in a small cache. (Each place is one tuple, replaced whole: a thread
    never sees one text with another's copy.)"""

    def __init__(self, make: Callable[[str], str | None]) -> None:
        self.make = make
        self.short = lru_cache(maxsize=64)(make)
        self.last: tuple[str | None, str | None] = (None, None)
        self.long: tuple[str | None, str | None] = (None, None)

    def __call__(self, text: str) -> str | None:
        last = self.last
        if last[0] is text:
            return last[1]
        if len(text) < _LONG:
            copy = self.short(text)
        else:
            long = self.long
            if long[0] is not text:
                long = self.long = (text, self.make(text))
            copy = long[1]
        self.last = (text, copy)
        return copy


def _lower(text: str) -> str | None:
    low = text.lower()
    return low if len(low) == len(text) else None


def _fold(text: str) -> str | None:
    fold = text.casefold()
    return fold if len(fold) == len(text) else None


_lowered = _Copies(_lower)
_folded = _Copies(_fold)


def lowered(text: str) -> str | None:
    """``text.lower()`` when lowercasing keeps every offset (else None), computed once per text: the
    phrase patterns run many times over one document's text, between different bounds.

        >>> lowered("Phấn Đấu"), lowered("İ")
        ('phấn đấu', None)
    """
    return _lowered(text)


def folded(text: str) -> str | None:
    """``text.casefold()`` when folding keeps every offset (else None), computed once per text: then
    each character is folded to one character, as ``re``'s and ``regex``'s IGNORECASE (simple case
    folding) compare them, so a case-sensitive search for folded literals in it finds where a
    case-insensitive one would.

        >>> folded("Tháng 6"), folded("ß")
        ('tháng 6', None)
    """
    return _folded(text)


class Needs:
    r"""A case-insensitive pattern every match of which holds one of ``words`` (literals of the pattern,
    in any case), run only on a stretch whose lowercase copy (:func:`lowered`, shared with
    :class:`Caseless`) holds one of them: a few substring tests at C speed answer most searches (when
    the copy moves offsets, the pattern runs). The words are Latin or Vietnamese letters, every case of
    which lowercases to them but the long s ``ſ``, which IGNORECASE takes for ``s``: with a word that
    holds an ``s``, a stretch that holds an ``ſ`` is searched too.

        >>> comparison = Needs(regex.compile(r"(?<![\p{L}])(?:so\s+với|vượt)(?![\p{L}])", regex.I), ["so", "vượt"])
        >>> comparison.search("Tăng 5% SO VỚI cùng kỳ", 0, 30).group(), comparison.search("Tăng 5% cùng kỳ")
        ('SO VỚI', None)
    """

    _LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")

    def __init__(self, pattern: Pattern, words: Iterable[str]) -> None:
        self.pattern = pattern
        self.words = tuple(dict.fromkeys(w.lower() for w in words))
        if not all(w and set(w) <= self._LETTERS for w in self.words):
            raise ValueError(f"Needs takes words of Latin or Vietnamese letters: {self.words}")
        if any("s" in w for w in self.words):
            self.words += ("ſ",)

    def possible(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        copy = _lowered(text)
        if copy is None:
            return True
        for w in self.words:  # noqa: SIM110 (a loop: any() over a generator costs more than the tests)
            if copy.find(w, pos, endpos) >= 0:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.pattern.search(text, pos, endpos) if self.possible(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator:
        return self.pattern.finditer(text, pos, endpos) if self.possible(text, pos, endpos) else iter(())


class Caseless:
    """A word list matched in any case. On the text's lowercase copy (when it keeps every offset) the
    lowercase phrases are matched case-sensitively, which is the same search, several times faster:
    ``re`` can skip ahead to a possible first letter only when case does not matter. Matches are
    positions (``start``/``end``/``span``), ``group()`` is lowercase.

        >>> rx = Caseless(["phấn đấu", "mục tiêu", "tiêu"])
        >>> [m.span() for m in rx.finditer("Phấn đấu đạt MỤC TIÊU", 0, 30)]
        [(0, 8), (13, 21)]
        >>> rx.spans("Phấn đấu đạt MỤC TIÊU", overlapped=True)
        [(0, 8), (13, 21), (17, 21)]

    ``needs``: words one of which every phrase holds (checked here): a stretch whose lowercase copy
    holds none of them has no match, which substring tests tell before the pattern runs.

        >>> Caseless(["ước đạt", "dự ước"], needs=["ước"]).search("Dự kiến đạt 80%") is None
        True
    """

    def __init__(self, phrases: Iterable[str], needs: Iterable[str] = ()) -> None:
        self.phrases = [p.lower() for p in phrases]
        self.lower = phrase_regex(self.phrases, ignore_case=False)
        self.any_case = phrase_regex(self.phrases)
        self.needs = tuple(dict.fromkeys(w.lower() for w in needs))
        if any(not w or w != "".join(w.split()) for w in self.needs):
            raise ValueError(f"needs must be single words: {self.needs}")
        missing = [p for p in self.phrases if self.needs and not any(w in p for w in self.needs)]
        if missing:
            raise ValueError(f"phrases that hold none of {self.needs}: {missing[:5]}")

    def _pick(self, text: str) -> tuple[re.Pattern, str]:
        low = lowered(text)
        return (self.lower, low) if low is not None else (self.any_case, text)

    def _none_needed(self, subject: str, pos: int, endpos: int) -> bool:
        """Whether the lowercase copy ``subject`` holds none of the words every phrase holds."""
        for w in self.needs:  # noqa: SIM110 (a loop: any() over a generator costs more than the tests)
            if subject.find(w, pos, endpos) >= 0:
                return False
        return True

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        pattern, subject = self._pick(text)
        if self.needs and pattern is self.lower and self._none_needed(subject, pos, endpos):
            return iter(())
        return pattern.finditer(subject, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        pattern, subject = self._pick(text)
        if self.needs and pattern is self.lower and self._none_needed(subject, pos, endpos):
            return None
        return pattern.search(subject, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        pattern, subject = self._pick(text)
        return pattern.match(subject, pos, endpos)

    def spans(self, text: str, overlapped: bool = False) -> list[Span]:
        """The matches' spans; ``overlapped``: the phrase that starts at every position, as ``regex``'s
        overlapped search finds them (the longest at each start)."""
        if not overlapped:
            return [m.span() for m in self.finditer(text)]
        low = lowered(text)
        if low is not None:
            return [(m.start(), m.end(m.lastindex)) for m in self._lower_starts.finditer(low)]
        return [m.span() for m in self.any_case_overlapped.finditer(text, overlapped=True)]

    @cached_property
    def _lower_starts(self) -> re.Pattern:
        """One ``re`` match at every position where a lowercase phrase starts: its first letter, then
        the rest looked ahead at (captured), so that the next search starts one character on, as
        ``regex``'s overlapped search does; several times faster."""
        rest = r"(?=({})" + _RE_NOT_AFTER + ")"
        return re.compile("|".join(first_letter_alternatives(trie(words(p) for p in self.phrases), r"\w", rest)))

    @cached_property
    def any_case_overlapped(self) -> regex.Pattern:
        """The case-insensitive alternation in ``regex`` (which has overlapped matching)."""
        return phrase_regex(self.phrases, engine=regex)


# ---------------------------------------------------------------------------------------------------
# Candidate windows: search only around what every match holds


@dataclass(frozen=True)
class Windows:
    """Where the matches of some patterns can be: around each *anchor* (something every match holds),
    from ``before`` characters before it to ``after`` characters after it, overlapping stretches
    merged. The patterns then run between each window's bounds (:func:`search`) instead of over the
    whole text: the same matches when no match reaches further than that.

    - ``anchor``: a pattern, or literal strings found in any case (on the lowercase copy; when
      lowercasing moves offsets, the whole range is one window);
    - ``before``: a number of characters, or a ``regex.REVERSE`` pattern of what a match cannot hold
      (the window starts right after its last match before the anchor);
    - ``needs``: substrings every anchor holds one of: a range without any has no window (a
      substring test, faster than the anchor pattern);
    - ``whole_if``: a pattern that, found in a window, means a match may reach beyond it: then the
      whole range is one window.

        >>> digits = Windows(re.compile(r"\\d+"), before=3, after=1)
        >>> digits("ab 12 cd efgh 34 x")  # a window never cuts a word: the second starts at "efgh"
        [(0, 6), (9, 17)]
    """

    anchor: Pattern | tuple[str, ...]
    before: int | regex.Pattern = 0
    after: int = 0
    needs: tuple[str, ...] = ()
    whole_if: Pattern | None = None

    def __call__(self, text: str, start: int = 0, end: int | None = None) -> list[Span]:
        """The windows of ``text[start:end]``, in order (offsets in ``text``)."""
        end = len(text) if end is None else end
        for literal in self.needs:
            if text.find(literal, start, end) >= 0:
                break
        else:
            if self.needs:
                return []
        anchors = self._anchors(text, start, end)
        if anchors is None:
            return [(start, end)]
        out: list[Span] = []
        for a, b in anchors:
            if isinstance(self.before, int):
                s = max(start, a - self.before)
            else:
                outside = self.before.search(text, start, a)
                s = outside.end() if outside else start
            e = min(end, b + self.after)
            while e < end and text[e - 1].isalnum() and text[e].isalnum():
                e += 1  # never cut inside a word or number: a lookaround at the bound would see its end
            while s > start and text[s].isalnum() and text[s - 1].isalnum():
                s -= 1
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], max(e, out[-1][1]))
            else:
                out.append((s, e))
        if self.whole_if is not None and any(self.whole_if.search(text, s, e) for s, e in out):
            return [(start, end)]
        return out

    def _anchors(self, text: str, start: int, end: int) -> list[Span] | Iterator[Span] | None:
        if not isinstance(self.anchor, tuple):
            return (m.span() for m in self.anchor.finditer(text, start, end))
        low = lowered(text)
        if low is None:
            return None
        found = []
        for literal in self.anchor:  # substring searches: much faster than a pattern
            i = low.find(literal, start, end)
            while i >= 0:
                found.append((i, i + len(literal)))
                i = low.find(literal, i + len(literal), end)
        found.sort()
        return found


def search(pattern: Pattern, text: str, windows: Sequence[Span]) -> Iterator:
    """``pattern.finditer`` between the bounds of each window.

        >>> [m.group() for m in search(re.compile(r"\\d+"), "12 ab 34 cd 56", [(0, 2), (12, 14)])]
        ['12', '56']
    """
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


def search_each(patterns: Sequence[Pattern], text: str, windows: Sequence[Span],
                needs: Sequence[Collection[str]] | None = None) -> Iterator[tuple[int, object]]:
    """``(i, match)`` of each pattern ``patterns[i]`` in turn, between the bounds of each window. With
    ``needs`` (for each pattern, words one of which each of its matches holds), a window that holds
    none of a pattern's words is not searched with it (the words each window holds are found once,
    by substring tests, for all the patterns).

        >>> patterns = [re.compile(r"năm \\d+"), re.compile(r"\\d+%")]
        >>> [(i, m.group()) for i, m in search_each(patterns, "năm 2025 đạt 80%", [(0, 16)], [{"năm"}, {"%"}])]
        [(0, 'năm 2025'), (1, '80%')]
    """
    if needs is None:
        for i, pattern in enumerate(patterns):
            for start, end in windows:
                for m in pattern.finditer(text, start, end):
                    yield i, m
        return
    # which windows each pattern is searched in, found by one substring test per word and window
    try:
        words, users = _needs_index(needs)
    except TypeError:  # words given as sets or lists: not hashable, not cached
        words, users = _needs_index.__wrapped__(needs)
    searched: list[list[Span]] = [[] for _ in patterns]
    for window in windows:
        piece = text[window[0]:window[1]]
        for w in words:
            if w in piece:
                for i in users[w]:
                    if not searched[i] or searched[i][-1] is not window:
                        searched[i].append(window)
    for i, pattern in enumerate(patterns):
        for start, end in searched[i]:
            for m in pattern.finditer(text, start, end):
                yield i, m


@lru_cache(maxsize=16)
def _needs_index(needs: Sequence[Collection[str]]) -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """The words of ``needs`` (for each pattern, words one of which each of its matches holds), and for
    each word the patterns that need it, in order."""
    users: dict[str, list[int]] = {}
    for i, ws in enumerate(needs):
        for w in dict.fromkeys(ws):
            users.setdefault(w, []).append(i)
    return tuple(users), {w: tuple(ix) for w, ix in users.items()}


# ---------------------------------------------------------------------------------------------------
# Candidate starts: a pattern tried only where it can start


def tried_at(pattern: Pattern, text: str, candidates: Pattern | Iterable[int] | Callable[[str, int], int]
             ) -> Iterator:
    """``pattern.finditer(text)``, with ``pattern`` tried only at candidate positions, which must
    include every position where a match can start: the starts of a faster pattern's matches, a sorted
    list of positions, or a function ``(text, pos) → the first candidate at or after pos`` (``-1``:
    none; :func:`line_start` is one). After a match the next candidate is looked for at its end.

        >>> [m.group() for m in tried_at(re.compile(r"(?<!\\w)ab+"), "ab xabb abbb", re.compile("a"))]
        ['ab', 'abbb']
    """
    # One loop per kind of candidates, written out: it runs once per candidate.
    pos = 0
    if isinstance(candidates, (re.Pattern, regex.Pattern)):
        while (c := candidates.search(text, pos)) is not None:
            at = c.start()
            if (m := pattern.match(text, at)) is None:
                pos = at + 1
                continue
            yield m
            pos = m.end() if m.end() > at else at + 1
    elif callable(candidates):
        while (at := candidates(text, pos)) >= 0:
            if (m := pattern.match(text, at)) is None:
                pos = at + 1
                continue
            yield m
            pos = m.end() if m.end() > at else at + 1
    else:
        for at in candidates:
            if at < pos or (m := pattern.match(text, at)) is None:
                continue
            yield m
            pos = m.end() if m.end() > at else at + 1


def line_start(text: str, pos: int) -> int:
    r"""The first start of a line at or after ``pos`` (``-1``: none), for :func:`tried_at`.

        >>> line_start("ab\ncd", 0), line_start("ab\ncd", 1), line_start("ab\ncd", 4)
        (0, 3, -1)
    """
    if pos == 0 or text[pos - 1:pos] == "\n":
        return pos
    i = text.find("\n", pos)
    return i + 1 if i >= 0 else -1


def line_break_run(text: str, pos: int) -> int:
    r"""Where the spaces and tabs before the first line break at or after ``pos`` start (``-1``: no
    line break), for :func:`tried_at`: where a pattern of a line break and the blanks before it, after
    something that is no blank, can start.

        >>> line_break_run("ab  \ncd", 0), line_break_run("ab  \ncd", 3), line_break_run("ab", 0)
        (2, 3, -1)
    """
    i = text.find("\n", pos)
    if i < 0:
        return -1
    while i > pos and text[i - 1] in " \t":
        i -= 1
    return i


# ---------------------------------------------------------------------------------------------------
# Regions: a document's paragraphs in one pass


def bounded(text: str, regions: Iterable[Span]) -> bool:
    """Whether each region starts and ends at a space or an end of ``text`` (paragraphs, lines):
    then a pattern run between a region's bounds sees what it sees in the region's slice.

        >>> bounded("ab cd", [(0, 2), (3, 5)]), bounded("ab cd", [(1, 2)])
        (True, False)
    """
    return all((s == 0 or text[s - 1].isspace()) and (e == len(text) or text[e].isspace()) for s, e in regions)


def in_order(regions: Sequence[Span]) -> bool:
    """Whether ``regions`` are in text order and do not overlap (a document's paragraphs): then what
    is found between their bounds, each apart, may be found for all of them together and sorted.

        >>> in_order([(0, 2), (2, 5)]), in_order([(3, 5), (0, 2)]), in_order([(0, 4), (2, 5)])
        (True, False, False)
    """
    return all(a[1] <= b[0] for a, b in zip(regions, regions[1:], strict=False)) and all(s <= e for s, e in regions)


def regions_pass(text: str, regions: Sequence[Span], each: Callable[[str, int], list],
                 between: Callable[[int, int], list]) -> list:
    """``[x for s, e in regions for x in each(text[s:e], s)]`` (``each(piece, offset)`` reads one
    slice), read instead by ``between(s, e)`` between the region's bounds, without slicing, when every
    region is :func:`bounded`. (Patterns that ``between`` runs on the text's lowercase copy see one
    copy, made once, instead of one per slice.)

        >>> find = lambda piece, offset: [(m.start() + offset, m.group()) for m in re.finditer(r"\\b\\w", piece)]
        >>> regions_pass("ab cd", [(0, 2), (3, 5)], find, lambda s, e: [(s, "fast")])
        [(0, 'fast'), (3, 'fast')]
        >>> regions_pass("ab cd", [(1, 2), (3, 5)], find, lambda s, e: [(s, "fast")])
        [(1, 'b'), (3, 'c')]
    """
    if not bounded(text, regions):
        return [x for s, e in regions for x in each(text[s:e], s)]
    return [x for s, e in regions for x in between(s, e)]


# ---------------------------------------------------------------------------------------------------
# Floors: where an end-anchored pattern can start


def floor(text: str, start: int, end: int, edge: Pattern) -> int:
    """Where a phrase of edge words (whole matches of ``edge``) and spaces that ends at ``end`` can
    start at the earliest: right after the last token that is not an edge word (a token: a run of
    ``re``'s word characters, or one other non-space character). An end-anchored pattern of such
    phrases searched from there finds what it finds from ``start``, after a few words instead of
    trying every position.

        >>> text = "căn cứ vào Quyết  định số "
        >>> text[floor(text, 0, len(text), re.compile("Quyết|định|số")):]
        ' Quyết  định số '
    """
    while True:
        while end > start and text[end - 1].isspace():
            end -= 1
        if end == start:
            return start
        s = end - 1
        if text[s].isalnum() or text[s] == "_":
            while s > start and (text[s - 1].isalnum() or text[s - 1] == "_"):
                s -= 1
        if not edge.fullmatch(text, s, end):
            return end
        end = s


# ---------------------------------------------------------------------------------------------------
# Ends: an end-anchored pattern asked from the end


class FromEnd:
    r"""An end-anchored ``regex`` pattern (words that end the text before a value: ``dưới\s*$``),
    whose matches all end at the end, asked from there: ``regex.REVERSE`` tries the end first, where
    a forward search tries the whole pattern at every position from the start (2-3x faster on a
    sentence). :meth:`found` says whether the pattern matches (the same answer whichever way it is
    looked for); :meth:`search` is ``pattern.search``, looked for forward only once one is known to
    exist (most texts hold none), so the match is the same.

        >>> bound = FromEnd(regex.compile(r"(?<![\p{L}])(?:dưới|trên)\s*$", regex.IGNORECASE))
        >>> bound.found("tỷ lệ hộ nghèo dưới "), bound.found("trên địa bàn"), bound.search("Trên ").span()
        (True, False, (0, 5))
    """

    def __init__(self, pattern: regex.Pattern) -> None:
        self.pattern = pattern
        self.backward = regex.compile(pattern.pattern, pattern.flags | regex.REVERSE)

    def found(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        return self.backward.search(text, pos, endpos) is not None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.pattern.search(text, pos, endpos) if self.found(text, pos, endpos) else None


# ---------------------------------------------------------------------------------------------------
# Characters


def holds_any(text: str, chars: Iterable[str]) -> bool:
    """Whether ``text`` holds any of ``chars`` (one substring test each, at C speed).

        >>> holds_any("a\\rb", "\\r\\u200b")
        True
    """
    return any(ch in text for ch in chars)


class CharMap:
    """``str.translate`` with a table of single characters, ~15x faster on Vietnamese text, where the
    few characters to replace are far apart (``str.translate`` looks up every character): the
    characters present are found with one ``re`` class, then each is replaced at C speed.

        >>> CharMap({"\\u2013": "-", "\\u00a0": " "}).translate("2021\\u20132025\\u00a0đạt")
        '2021-2025 đạt'
    """

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self._present = re.compile("[" + re.escape("".join(table)) + "]")

    def translate(self, text: str) -> str:
        for ch in set(self._present.findall(text)):
            text = text.replace(ch, self.table[ch])
        return text


# ---------------------------------------------------------------------------------------------------
# Taken spans: "does this match overlap one already kept?" in logarithmic time


class Taken:
    """Non-overlapping half-open spans kept so far, in a sorted list: :meth:`free` says whether a new
    span overlaps none of them by looking at one neighbour (bisect), so keeping the first of
    overlapping matches costs ``n log n``, not the ``n²`` of comparing each with every span kept.

        >>> taken = Taken(); taken.add(10, 13); taken.add(20, 25)  # "80%" then "năm 2025"
        >>> [taken.free(s, e) for s, e in [(0, 10), (12, 14), (13, 20), (24, 30), (25, 26)]]
        [True, False, True, False, True]
    """

    __slots__ = ("_starts", "_ends")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps no span kept (the spans kept do not overlap each other, so
        the one that starts last before ``end`` also ends last among them)."""
        i = bisect_left(self._starts, end) - 1
        return i < 0 or self._ends[i] <= start

    def add(self, start: int, end: int) -> None:
        """Keep ``[start, end)`` (a span :meth:`free` accepted)."""
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
