"""Respective lists: ``A, B và C … lần lượt (là) X%, Y% và Z%`` pairs each value with its element.

The elements are the last coordinated noun phrases before ``lần lượt`` in the values' clause, after the
words that only link them to the values (``với tỷ lệ``, ``tăng``, ``là``). An element that names a place
gives its value that place (``tỷ lệ hộ nghèo của Hà Giang, Cao Bằng và Lai Châu lần lượt là 20%, 15% và
18%``); any other element replaces the whole list in the value's indicator (``doanh thu và lợi nhuận của
công ty tăng lần lượt 18% và 20%`` → ``doanh thu của công ty``, ``lợi nhuận của công ty``).

    >>> from chitieu.pipeline.run import assemble_targets
    >>> rows = assemble_targets("Tin\\n\\nNăm 2020, tỷ lệ hộ nghèo của Hà Giang, Cao Bằng và Lai Châu lần lượt "
    ...                         "là 20%, 15% và 18%.", "d")[0]
    >>> [(r.place, r.indicator) for r in rows]
    [('Hà Giang', 'tỷ lệ hộ nghèo'), ('Cao Bằng', 'tỷ lệ hộ nghèo'), ('Lai Châu', 'tỷ lệ hộ nghèo')]
"""

from __future__ import annotations

from functools import cache

import regex
from chitieu.extractors.lexicon import alternation, words
from chitieu.pipeline.doc import Doc, Item

_BRACKETS = regex.compile(r"\s*\([^()]*\)")
_LAST_COORDINATOR = regex.compile(r"(?<![\p{L}])(?:và|hoặc)\s*$", regex.IGNORECASE)  # "A, B và C": "và" before the last
_MAX_ELEMENT_WORDS = 12  # an element longer than this is no noun phrase of a list


def _words(*roles: str) -> str:
    return alternation(words("indicator_words.csv", *roles))


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, regex.Pattern, regex.Pattern]:
    respective = regex.compile(r"(?<![\p{L}])" + _words("respective_list") + r"(?![\p{L}])", regex.IGNORECASE)
    # the words between the list and "lần lượt" that only link ("với tỷ lệ", "tăng", "là")
    link = regex.compile(r"(?:\s+(?:" + _words("respective_link") + r"))+\s*$", regex.IGNORECASE)
    # a coordinator between two elements
    coordinator = regex.compile(r"\s*,\s*(?:(?:và|hoặc)\s+)?|\s+(?:và|hoặc)\s+", regex.IGNORECASE)
    # the last word before the first element that opens the list ("2 lĩnh vực là …", "xuất khẩu sang …")
    opener = regex.compile(r"(?<![\p{L}])(?:" + _words("respective_opener") + r")\s+", regex.IGNORECASE)
    # a link word inside the last element ends it ("Mỹ, EU và Trung Quốc đều có tăng trưởng dương lần lượt là")
    link_word = regex.compile(r"\s+(?:" + _words("respective_link") + r")(?![\p{L}])", regex.IGNORECASE)
    return respective, link, coordinator, opener, link_word


def respective_lists(ctx: Doc, sent: tuple[int, int], items: list[Item]) -> None:
    """Pair the values after ``lần lượt`` with the elements listed before it (see the module)."""
    text = ctx.text
    respective, link, coordinator, opener, link_word = _patterns()
    for m in respective.finditer(text, sent[0], sent[1]):
        semicolon = text.find(";", m.end(), sent[1])
        clause_end = semicolon if semicolon >= 0 else sent[1]
        values = [it for it in items if m.end() <= it.value.start < clause_end and it.scope.parent is None]
        if len(values) < 2:
            continue
        lo = max(sent[0], text.rfind(";", sent[0], m.start()) + 1, text.rfind(":", sent[0], m.start()) + 1)
        before = text[lo:m.start()]
        linked = link.search(before)
        stop = linked.start() if linked else len(before.rstrip())
        elements = _elements(before[:stop], len(values), coordinator, opener, link_word)
        if elements is None:
            continue
        for it, (s, e) in zip(values, elements, strict=True):
            _pair(ctx, it, lo + s, lo + e, lo + elements[0][0], lo + elements[-1][1])


def _elements(piece: str, n: int, coordinator: regex.Pattern, opener: regex.Pattern,
              link_word: regex.Pattern) -> list[tuple[int, int]] | None:
    """The spans of the last ``n`` coordinated elements of ``piece``, or None when it lists fewer."""
    cuts = list(coordinator.finditer(piece))
    if cuts:
        inner = link_word.search(piece, cuts[-1].end())
        piece = piece[:inner.start()] if inner else piece
    if len(cuts) < n - 1:
        return None
    cuts = cuts[len(cuts) - (n - 1):]
    if not _LAST_COORDINATOR.search(piece, 0, cuts[-1].end()):
        return None  # "A, B và C": the last element comes after "và"
    starts = [c.end() for c in cuts]
    ends = [c.start() for c in cuts] + [len(piece)]
    first_lo = max(0, piece.rfind(",", 0, cuts[0].start()) + 1)
    openers = list(opener.finditer(piece, first_lo, cuts[0].start()))
    first_lo = openers[-1].end() if openers else first_lo
    spans = [(first_lo, ends[0])] + list(zip(starts, ends[1:], strict=True))
    spans = [(s + len(piece[s:e]) - len(piece[s:e].lstrip()), e) for s, e in spans]
    if any(e <= s or len(piece[s:e].split()) > _MAX_ELEMENT_WORDS for s, e in spans):
        return None
    return spans


def _pair(ctx: Doc, it: Item, s: int, e: int, list_lo: int, list_hi: int) -> None:
    """Give ``it`` its element: its place when the element names one, else the element in its indicator."""
    text = ctx.text
    places = [p for p in ctx.places if s <= p.start < e]
    if places:
        it.attached_place = places[-1].place
        return
    # (brackets aside, as the indicator has them: "tôm chân trắng chế biến (mã HS 16)")
    element = " ".join(_BRACKETS.sub("", text[s:e]).split())
    whole = " ".join(_BRACKETS.sub("", text[list_lo:list_hi]).split())
    if whole and whole in it.indicator:
        it.indicator = it.indicator.replace(whole, element, 1)
    elif element.lower() not in it.indicator.lower():
        it.indicator = f"{it.indicator} ({element})" if it.indicator else element
