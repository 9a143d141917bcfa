"""Spelling: one tone placement for Vietnamese (``hoà`` → ``hòa``), used by normalize and the gazetteer.

A text function at the bottom of the package, so that extractors and stages import it without reaching up.
"""

from __future__ import annotations

import re
import unicodedata

import regex
from chitieu.extractors import scan

# "oà", "oé", "uỷ" at the end of a syllable (not after q): the tone moves to the first vowel.
_NEW_STYLE_TONE = regex.compile(
    r"(?<![qQ])(?:[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\p{L})"
)


def _move_tone(match: regex.Match) -> str:
    first, second = match.group()
    base, tone = unicodedata.normalize("NFD", second)[0], unicodedata.normalize("NFD", second)[1:]
    return unicodedata.normalize("NFC", first + tone) + base


# Where _NEW_STYLE_TONE can match: "o"/"u" and a toned vowel, one alternative per first letter so that
# ``re`` skips ahead to one, not after "q" and not before a Latin or Vietnamese letter (the pattern's own
# lookarounds refuse both: "quý", "hoạch" and "toàn" are not tried; a rarer letter after is, and the
# pattern then decides).
_LETTERS = "abcdefghijklmnopqrstuvwxyzàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_NOT_LETTER = "(?![" + _LETTERS + _LETTERS.upper() + "])"
_TONE_CANDIDATE = re.compile(
    "|".join(f"{c}(?<![qQ]{c})[àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]{_NOT_LETTER}" for c in "oO") + "|"
    + "|".join(f"{c}(?<![qQ]{c})[ỳýỷỹỵỲÝỶỸỴ]{_NOT_LETTER}" for c in "uU")
)


def unify_tone_placement(text: str) -> str:
    """``hoà`` → ``hòa``; the length never changes. Input must be NFC.

    The same as ``_NEW_STYLE_TONE.sub(_move_tone, text)``, with the pattern tried only where a
    candidate pair stands.

        >>> unify_tone_placement("Khánh Hoà, thuỷ lợi, hoàn thành, quý")
        'Khánh Hòa, thủy lợi, hoàn thành, quý'
    """
    pieces, last = [], 0
    for m in scan.tried_at(_NEW_STYLE_TONE, text, _TONE_CANDIDATE):
        pieces += (text[last:m.start()], _move_tone(m))
        last = m.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)
