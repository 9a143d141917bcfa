"""Normalize stage: one spelling for matching, offsets kept in the original.

- Unicode NFC (decomposed input such as ``Hòa`` written as ``o`` + U+0300 + ``a``);
- old and new tone placement unified (``hoà`` → ``hòa``, ``thuỷ`` → ``thủy``, ``khoá`` → ``khóa``);
- non-breaking, thin and other odd spaces → a plain space; zero-width characters dropped;
- typographic dashes → ``-``; typographic quotes → ``"`` and ``'``.

Every character of the normalized text knows where it came from, so a span found in the
normalized text maps back to the original::

    >>> n = normalize("Khánh Hoà đạt 70\u00a0%")
    >>> n.text
    'Khánh Hòa đạt 70 %'
    >>> n.to_original(14, 18)
    (14, 18)
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from chitieu.extractors import scan
from chitieu.extractors.spelling import unify_tone_placement

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DQUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_SQUOTES = "\u2018\u2019\u201a\u201b\u2032"
_DROP = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

# Each odd character and its plain one, replaced by ``CharMap`` (a few distinct ones per text, far apart).
_PLAIN = scan.CharMap({**dict.fromkeys(_SPACES, " "), **dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_DQUOTES, '"'),
                       **dict.fromkeys(_SQUOTES, "'")})
_translate = _PLAIN.translate
_SLOW_CHARS = _DROP + "\r"  # characters the offset-keeping path must see


@dataclass(frozen=True)
class Normalized:
    """The normalized text and the way back to the original's offsets."""

    original: str
    text: str
    _starts: tuple[int, ...] | None = None  # original start of each normalized char (None: identity)
    _ends: tuple[int, ...] | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span ``[start, end)`` to the original text."""
        if self._starts is None:
            return start, end
        if start >= end:
            pos = self._starts[start] if start < len(self._starts) else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]


def normalize(text: str) -> Normalized:
    """Normalize ``text`` for matching (see module docstring)."""
    if unicodedata.is_normalized("NFC", text) and not scan.holds_any(text, _SLOW_CHARS):
        return Normalized(text, unify_tone_placement(_translate(text)))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        if cluster == "\r":
            piece = "" if j < n and text[j] == "\n" else "\n"
        else:
            kept = "".join(ch for ch in cluster if ch not in _DROP)
            piece = _translate(unicodedata.normalize("NFC", kept)) if kept else ""
        for ch in piece:
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return Normalized(text, unify_tone_placement("".join(out)), tuple(starts), tuple(ends))
