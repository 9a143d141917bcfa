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

from dataclasses import dataclass, field
from functools import cache

import regex

_PARA_SPLIT = regex.compile(r"\n\s*")
_CANDIDATE = regex.compile(r"\d\s?%|phần\s+trăm", regex.IGNORECASE)
_CLAUSE_SPLIT = regex.compile(r";")
_LINE = regex.compile(r"[^\n]+")
_SENTENCE_PUNCT = regex.compile(r"[.?!]")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines (a line is a paragraph in news and plan texts), stripped."""
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
    """Whether a piece of text can hold a percentage at all (the cheap pre-filter)."""
    return _CANDIDATE.search(text) is not None


@cache
def _sent_tokenize():
    from underthesea import sent_tokenize

    return sent_tokenize


def sentences(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Sentences of the paragraph ``text[span[0]:span[1]]`` as offsets into ``text``."""
    start, end = span
    para = text[start:end]
    if not _SENTENCE_PUNCT.search(para.rstrip(".?!")):
        return [span]  # no sentence end but at the very end: one sentence, whatever the tokenizer says
    try:
        pieces = _sent_tokenize()(para)
    except Exception:  # underthesea on odd input: fall back to one sentence
        pieces = [para]
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
        out.append((start + max(at, cursor), start + stop))
        cursor = stop
    if not out:
        return [span]
    # Whatever the tokenizer dropped at the end belongs to the last sentence.
    if out[-1][1] < end and text[out[-1][1]:end].strip():
        out[-1] = (out[-1][0], end)
    return out


@dataclass
class Scope:
    """A clause or a parenthesised sub-clause: ``[start, end)``, its inner scopes, its parent."""

    start: int
    end: int
    parent: Scope | None = None
    children: list[Scope] = field(default_factory=list)
    paren: bool = False  # opened by "(": its start is the "(" itself

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end

    def innermost(self, pos: int) -> Scope:
        for child in self.children:
            if child.contains(pos):
                return child.innermost(pos)
        return self

    def holes(self) -> list[tuple[int, int]]:
        """The inner scopes' spans: text that belongs to them, not to this scope."""
        return [(c.start, c.end) for c in self.children]


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
