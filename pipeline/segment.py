"""Segment stage: paragraphs, sentences, clauses and parenthesised sub-clauses, all as offsets.

underthesea splits sentences, but only in paragraphs that can hold a value (a cheap regex test
first): the rest of a document is never tokenized.

    >>> text = "Tiêu đề\\n\\nMục tiêu năm 2025: 80% hồ sơ (cấp xã (40%)) được số hóa. Câu hai."
    >>> [text[s:e] for s, e in paragraphs(text)]
    ['Tiêu đề', 'Mục tiêu năm 2025: 80% hồ sơ (cấp xã (40%)) được số hóa. Câu hai.']
    >>> [text[s:e] for s, e in sentences(text, paragraphs(text)[1])]
    ['Mục tiêu năm 2025: 80% hồ sơ (cấp xã (40%)) được số hóa.', 'Câu hai.']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

import regex
from chitieu.extractors.layout import logical_lines, wrap_width
from chitieu.extractors.lexicon import alternation, words
from chitieu.pipeline.doc import Doc, Scope, Sentence
from chitieu.pipeline.tables import TableCell, read_tables

_CANDIDATE = regex.compile(r"\d\s?%|phần\s+trăm", regex.IGNORECASE)
_CLAUSE_SPLIT = re.compile(r";")
_LINE = re.compile(r"[^\n]+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines (a line is a paragraph in news and plan texts), stripped; in a hard-wrapped
    official document, its logical lines (:func:`~chitieu.extractors.layout.logical_lines`): a
    paragraph may then hold line breaks.

        >>> line = "Phấn đấu đến năm 2025, tỷ lệ hồ sơ công việc tại cấp xã được xử lý trên\\n"
        >>> text = (line + "môi trường mạng đạt 90%.\\n") * 8
        >>> [text[s:e] for s, e in paragraphs(text)][0]
        'Phấn đấu đến năm 2025, tỷ lệ hồ sơ công việc tại cấp xã được xử lý trên\\nmôi trường mạng đạt 90%.'
    """
    if wrap_width(text) is not None:
        return logical_lines(text)
    out = []
    for m in _LINE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def is_candidate(text: str) -> bool:
    """Whether a piece of text can hold a percentage at all (the cheap pre-filter).

    Most paragraphs have neither a "%" nor "trăm": substring tests (C speed) rule them out before
    the pattern runs, and "80%" / "80 %" in ASCII is told from the characters before the sign.

        >>> is_candidate("đạt 80 %"), is_candidate("năm mươi PHẦN TRĂM"), is_candidate("100 người")
        (True, True, False)
    """
    i = text.find("%")
    while i >= 0:
        before = text[i - 1] if i else "x"
        if before == " " or before in "\t\n\r\x0b\x0c":
            before = text[i - 2] if i > 1 else "x"
        if not before.isascii():
            return _CANDIDATE.search(text) is not None  # a digit or space of another script: the pattern says
        if before.isdigit():
            return True
        i = text.find("%", i + 1)
    if "trăm" not in text.lower():
        return False
    return _CANDIDATE.search(text) is not None


@cache
def _abbreviations() -> frozenset[str] | None:
    """underthesea's sentence-tokenizer abbreviations ("tp", "ths", single letters …), or None when
    this underthesea keeps them elsewhere (then its ``sent_tokenize`` is called as it is)."""
    try:
        from underthesea.pipeline import sent_tokenize as module

        module._load_model()
        return frozenset(module.sentence_tokenizer.abbrev_types)
    except Exception:  # another underthesea layout
        return None


# ASCII classes only: ``re`` finds the same, with less overhead per call than ``regex``.
_END_CHAR = re.compile(r"[.?!]")
_DOTS = re.compile(r"\.+")
_ENDS = re.compile(r"[.?!]*")
_BLANKS = re.compile(r"[ \t]*")
_BREAKS = re.compile(r"[ \t\n\r]*")


def _stripped(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


_ROMAN_LETTERS = frozenset("IVX")


def _ordinal_roman(text: str, w: int, word: str) -> bool:
    """ "khóa I.", "quý IV.": a Roman numeral after its noun ends a sentence, unlike an initial."""
    return word in _ROMAN_LETTERS and _ordinal_noun().search(text, max(0, w - 16), w) is not None


@cache
def _ordinal_noun() -> regex.Pattern:
    return regex.compile(r"(?<![\p{L}])" + alternation(words("layout_words.csv", "ordinal_roman")) + r"\s+$",
                         regex.IGNORECASE)


def split_sentences(text: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """underthesea's sentence rules (its Punkt-style ``sent_tokenize``), as offsets, jumping from one
    ``.?!`` to the next instead of walking every character: a sentence ends at ``.``, ``?`` or ``!``
    (with any that follow), except a ``.`` between digits ("1.829"), inside a word ("Kitco.com") or after
    an abbreviation ("TP."),
    and an ellipsis ends one only before a capital letter or the end.

        >>> text = "Năm 2023 đạt 1.829 hồ sơ. TP. Huế đạt 90%... còn lại? Có!"
        >>> [text[s:e] for s, e in split_sentences(text, frozenset({"tp"}))]
        ['Năm 2023 đạt 1.829 hồ sơ.', 'TP. Huế đạt 90%... còn lại?', 'Có!']
    """
    out: list[tuple[int, int]] = []
    n = len(text)
    start = i = 0
    while (m := _END_CHAR.search(text, i)) is not None:
        i = m.start()
        if text[i] == ".":
            dot_end = _DOTS.match(text, i).end()
            if dot_end - i >= 3:  # an ellipsis
                after = _BLANKS.match(text, dot_end).end()
                if after >= n or text[after].isupper():
                    if (piece := _stripped(text, start, dot_end)) is not None:
                        out.append(piece)
                    start = _BREAKS.match(text, dot_end).end()
                i = dot_end
                continue
            if 0 < i < n - 1 and ((text[i - 1].isdigit() and text[i + 1].isdigit())
                                  or (text[i - 1].isalnum() and text[i + 1].islower())):
                i += 1  # "1.829", and a dot inside a word: "Kitco.com", "v.v"
                continue
            w = i
            while w > 0 and (text[w - 1].isalnum() or text[w - 1] == "."):
                w -= 1
            word = text[w:i]
            if word and word.lower() in abbreviations and not _ordinal_roman(text, w, word):
                i += 1
                continue
        end = _ENDS.match(text, i + 1).end()
        if (piece := _stripped(text, start, end)) is not None:
            out.append(piece)
        start = i = _BREAKS.match(text, end).end()
    if (piece := _stripped(text, start, n)) is not None:
        out.append(piece)
    return out


def _aligned(para: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Offsets of the tokenizer's sentence strings in ``para``."""
    out = []
    cursor = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        at = para.find(piece, cursor)
        if at < 0:  # whitespace changed inside: align on the first and last few characters
            head = para.find(piece[:8], cursor)
            at = head if head >= 0 else cursor
            tail = para.find(piece[-8:], at)
            stop = tail + len(piece[-8:]) if tail >= 0 else min(len(para), at + len(piece))
        else:
            stop = at + len(piece)
        if stop <= cursor:
            continue
        out.append((max(at, cursor), stop))
        cursor = stop
    return out


def sentences(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Sentences of the paragraph ``text[span[0]:span[1]]`` as offsets into ``text``."""
    start, end = span
    para = text[start:end]
    if not _END_CHAR.search(para.rstrip(".?!")):
        return [span]  # no sentence end but at the very end: one sentence, whatever the tokenizer says
    abbreviations = _abbreviations()
    try:
        if abbreviations is not None:
            local = split_sentences(para, abbreviations)
        else:
            from underthesea import sent_tokenize

            local = _aligned(para, sent_tokenize(para))
    except Exception:  # underthesea on odd input: fall back to one sentence
        local = []
    out = [(start + s, start + e) for s, e in local]
    if not out:
        return [span]
    # Whatever the tokenizer dropped at the end belongs to the last sentence.
    if out[-1][1] < end and text[out[-1][1]:end].strip():
        out[-1] = (out[-1][0], end)
    return out


def clauses(text: str, span: tuple[int, int]) -> list[Scope]:
    """Clauses of a sentence (split at ``;``), each with its parenthesised sub-clauses nested.

    An unclosed ``(`` runs to the end of its clause.
    """
    start, end = span
    out: list[Scope] = []
    cut = start
    bounds = [m.start() for m in _CLAUSE_SPLIT.finditer(text, start, end)] + [end]
    for b in bounds:
        if b > cut:
            out.append(_nest(text, Scope(cut, b)))
        cut = b + 1
    return out


def _nest(text: str, clause: Scope) -> Scope:
    stack = [clause]
    for i in range(clause.start, clause.end):
        ch = text[i]
        if ch == "(":
            child = Scope(i, clause.end, parent=stack[-1], paren=True)
            stack[-1].children.append(child)
            stack.append(child)
        elif ch == ")" and len(stack) > 1:
            stack[-1].end = i + 1
            stack.pop()
    return clause


def find_sentences(doc: Doc) -> None:
    """Segment stage: the sentences that hold values, each with its paragraph and its values, in order.

        >>> from chitieu.extractors.percentages import find_percentages
        >>> d = Doc("d", "Đạt 80%. Tốt.\\nCòn 5%."); d.text = d.original; d.paragraphs = paragraphs(d.text)
        >>> d.values = find_percentages(d.text); find_sentences(d)
        >>> [(d.text[slice(*s.span)], s.para_index, [v.surface for v in s.values]) for s in d.sentences]
        [('Đạt 80%.', 0, ['80%']), ('Còn 5%.', 1, ['5%'])]

    A value in a table also says its cell, its row's label and its column's header (``cells``):

        >>> d = Doc("d", "| Chỉ tiêu | Năm 2025 |\\n|---|---|\\n| Tỷ lệ che phủ rừng | 42% |")
        >>> d.text = d.original; d.paragraphs = paragraphs(d.text)
        >>> d.values = find_percentages(d.text); find_sentences(d)
        >>> (cell,) = d.sentences[0].cells
        >>> d.text[slice(*cell.label)], d.text[slice(*cell.header)]
        ('Tỷ lệ che phủ rừng', 'Năm 2025')
    """
    starts = [p.start for p in doc.values]
    cells = read_tables(doc.text) if doc.values else []
    cell_starts = [c.cell[0] for c in cells]
    for pi, para in enumerate(doc.paragraphs):
        lo = bisect_left(starts, para[0])
        hi = bisect_left(starts, para[1])
        if lo == hi:
            continue
        for sent in sentences(doc.text, para):
            # the sentence's values by bisection: a paragraph of thousands of sentences is not read once per sentence
            values = doc.values[bisect_left(starts, sent[0], lo, hi):bisect_left(starts, sent[1], lo, hi)]
            if values:
                found = tuple(_cell_of(cells, cell_starts, v.start) for v in values) if cells else ()
                doc.sentences.append(Sentence(sent, pi, para, values, found if any(found) else ()))


def _cell_of(cells: list[TableCell], starts: list[int], pos: int) -> TableCell | None:
    """The table cell that holds ``pos``, if any."""
    i = bisect_right(starts, pos) - 1
    return cells[i] if i >= 0 and cells[i].cell[0] <= pos < cells[i].cell[1] else None
