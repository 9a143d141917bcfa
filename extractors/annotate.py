"""Annotate a text with its references (HTML, escaped): the eyecite verb for Vietnamese references."""

from __future__ import annotations

import html
from collections.abc import Callable

from chitieu.models import Reference


def annotate(
    text: str,
    references: list[Reference],
    before: str | Callable[[Reference], str] = '<span class="ref">',
    after: str | Callable[[Reference], str] = "</span>",
) -> str:
    """``text`` HTML-escaped, with each reference wrapped in ``before`` … ``after``.

    ``before``/``after`` are markup inserted as given (a callable receives the reference, e.g. to
    write ``<a href="…" title="4607/QĐ-UBND">``); everything from the text is escaped, so a ``<script>``
    in it comes out as ``&lt;script&gt;``. References overlapping an earlier one are skipped.
    """
    parts: list[str] = []
    pos = 0
    for ref in sorted(references, key=lambda r: (r.start, -r.end)):
        if ref.start < pos or ref.end > len(text) or ref.start >= ref.end:
            continue
        parts.append(html.escape(text[pos : ref.start]))
        parts.append(before(ref) if callable(before) else before)
        parts.append(html.escape(text[ref.start : ref.end]))
        parts.append(after(ref) if callable(after) else after)
        pos = ref.end
    parts.append(html.escape(text[pos:]))
    return "".join(parts)
