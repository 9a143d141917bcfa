"""The token layer: underthesea's words and POS tags, for where a phrase boundary matters.

One pattern runs over the tags: the predicate of a list item is a verb (tag ``V``) right after a word
of its noun phrase (a noun, numeral or adjective). It needs no spaCy (an optional extra, used only by
:mod:`chitieu.spacy_component`): a scan of the tag sequence finds the first such pair.

    >>> words = tagged_words("hồ sơ tại cấp xã được xử lý trên môi trường mạng", 0)
    >>> [(w.text, w.tag) for w in words][:3]
    [('hồ sơ', 'N'), ('tại', 'E'), ('cấp', 'N')]
    >>> predicate_offset("hồ sơ tại cấp xã được xử lý trên môi trường mạng", 0)
    17
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

#: Tags of a word that can end an item's noun phrase (noun, proper noun, classifier, unit, numeral,
#: adjective, abbreviation) before its verb.
NOUN_PHRASE_TAGS = frozenset({"N", "Np", "Nc", "Nu", "M", "A", "Ny"})


class Word(NamedTuple):
    """One word of underthesea's segmentation (``hồ sơ``: one word), its tag and document offset."""

    text: str
    tag: str
    start: int


@cache
def _pos_tag():
    from underthesea import pos_tag

    return pos_tag


def tagged_words(text: str, offset: int) -> list[Word]:
    """The words of ``text`` (which starts at ``offset`` in the document) with their tags and document
    offsets; a word underthesea changed so that it is not found in the text is left out."""
    tagged = _pos_tag()(text) if text.strip() else []
    words: list[Word] = []
    cursor = 0
    for word, tag in tagged:
        at = text.find(word, cursor)
        if at < 0:
            continue
        words.append(Word(word, tag, offset + at))
        cursor = at + len(word)
    return words


def predicate_offset(text: str, offset: int) -> int | None:
    """Document offset where the predicate of the first noun phrase of ``text`` starts, if any."""
    words = tagged_words(text, offset)
    for first, second in zip(words, words[1:], strict=False):
        if first.tag in NOUN_PHRASE_TAGS and second.tag == "V":
            return second.start
    return None
