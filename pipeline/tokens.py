"""The token layer: a spaCy ``Doc`` built from underthesea's words, for where a phrase boundary matters.

No spaCy model is loaded (none is downloaded): the ``Doc`` is built from underthesea's word
segmentation and POS tags, and spaCy's ``Matcher`` runs token patterns over it. Extractor results
are kept in ``doc.spans`` (one group per label), with character offsets into the document.

    >>> doc = sentence_doc("hồ sơ tại cấp xã được xử lý trên môi trường mạng", 0)
    >>> [t.text for t in doc][:3], doc[0].tag_
    (['hồ_sơ', 'tại', 'cấp'], 'N')
    >>> predicate_offset(doc)
    17
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

if not Doc.has_extension("offset"):
    Doc.set_extension("offset", default=0)


@cache
def _vocab() -> Vocab:
    return Vocab()


@cache
def _pos_tag():
    from underthesea import pos_tag

    return pos_tag


@cache
def _matcher():
    from spacy.matcher import Matcher

    m = Matcher(_vocab())
    # The predicate of a list item: a verb (or "được" + verb) that follows the item's noun phrase.
    m.add("PREDICATE", [[{"TAG": {"IN": ["N", "Np", "Nc", "Nu", "M", "A", "Ny"]}}, {"TAG": "V"}]])
    return m


_DOCS_PER_VOCAB = 2000
_built = 0


def _fresh_vocab_now_and_then() -> None:
    """A ``Vocab`` interns every string it sees: renew it (and the matcher bound to it) every few thousand
    docs so a worker's memory stays bounded on a corpus of any size."""
    global _built
    _built += 1
    if _built % _DOCS_PER_VOCAB == 0:
        _vocab.cache_clear()
        _matcher.cache_clear()


def sentence_doc(text: str, offset: int, spans: dict[str, list[tuple[int, int]]] | None = None) -> Doc:
    """A ``Doc`` of ``text`` (which starts at ``offset`` in the document) with underthesea's words and
    tags; multi-syllable words are joined with ``_`` so one token stays one word. ``spans`` (document
    offsets) are stored in ``doc.spans[label]`` (expanded to whole tokens)."""
    _fresh_vocab_now_and_then()
    tagged = _pos_tag()(text) if text.strip() else []
    words, tags, starts = [], [], []
    cursor = 0
    for word, tag in tagged:
        at = text.find(word, cursor)
        if at < 0:
            continue
        words.append(word.replace(" ", "_"))
        tags.append(tag)
        starts.append(at)
        cursor = at + len(word)
    spaces = [
        (starts[i] + len(words[i]) < (starts[i + 1] if i + 1 < len(starts) else len(text)))
        for i in range(len(words))
    ]
    doc = Doc(_vocab(), words=words, spaces=spaces, tags=tags)
    doc._.offset = offset
    doc.user_data["starts"] = [offset + s for s in starts]
    for label, items in (spans or {}).items():
        group = []
        for s, e in items:
            span = _char_span(doc, s, e, label)
            if span is not None:
                group.append(span)
        doc.spans[label] = group
    return doc


def _char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    starts = doc.user_data["starts"]
    first = next((i for i, s in enumerate(starts) if s + len(doc[i].text) > start), None)
    last = next((i for i in range(len(starts) - 1, -1, -1) if starts[i] < end), None)
    if first is None or last is None or last < first:
        return None
    return Span(doc, first, last + 1, label=label)


def predicate_offset(doc: Doc) -> int | None:
    """Document offset where the predicate of the doc's first noun phrase starts, if any."""
    matches = sorted(_matcher()(doc), key=lambda m: m[1])
    if not matches:
        return None
    _, start, _ = matches[0]
    return doc.user_data["starts"][start + 1]
