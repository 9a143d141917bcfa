"""Resolve references: every mention of one document shares its ``ref_id``; a short form points to the
mention it stands for; a mention without a date inherits the first date said earlier of its document.

    >>> from chitieu.extractors.references import find_references
    >>> [r.ref_id for r in find_references("Theo Quyết định số 12/QĐ-UBND ngày 1/2/2023, … Quyết định này …")]
    ['12/QĐ-UBND', '12/QĐ-UBND']
"""

from __future__ import annotations

import re
from dataclasses import replace

from chitieu.extractors import reference_patterns as P
from chitieu.extractors.symbols import _flags

from chitieu.models import Reference


def _same_number(a: str, b: str) -> bool:
    return (a.lstrip("0") or "0") == (b.lstrip("0") or "0")


#: ``ban hành Kế hoạch …``: a new, unnamed document of that type is introduced
_INTRODUCED = (
    r"(?<!\w)(?:ban\s+hành|phê\s+duyệt|thông\s+qua|xây\s+dựng)\s+{type}(?!\s+(?:này|trên|nêu|nói|số|\d))"
)


def resolve(references: list[Reference], text: str = "") -> list[Reference]:
    """Give every mention its ``ref_id`` and resolve short forms to the latest earlier full mention.

    References are returned sorted by start; demonstratives with nothing to point to are dropped (see
    the module docstring). ``text`` lets a demonstrative refuse an antecedent when a new document of
    the same type is introduced in between (``ban hành Kế hoạch …``).
    """
    out: list[Reference] = []
    dates: dict[str, str] = {}  # ref_id → the first issue date said of it (later mentions inherit it)
    documents: dict[str, Reference] = {}  # ref_id → its first full mention
    for ref in sorted(references, key=lambda r: (r.start, r.end)):
        flags = [f for f in ref.flags.split("|") if f]
        demonstrative = "demonstrative" in flags
        flags = [f for f in flags if f != "demonstrative"]
        if ref.canonical and ref.resolved_from is None:
            ref = ref if ref.ref_id else replace(ref, ref_id=ref.canonical)
            documents.setdefault(ref.ref_id, ref)
            out.append(_dated(ref, dates))
            continue
        antecedent = None
        for prev in reversed(out):
            if ref.doc_type not in (prev.doc_type, P.KIND_OF.get(prev.doc_type)):
                continue  # ("Chương trình này" may stand for a Chương trình hành động)
            if demonstrative or _same_number(prev.number, ref.number):
                if not demonstrative and "unresolved" in prev.flags.split("|"):
                    continue  # an unresolved short form is not something to resolve to
                antecedent = prev
                break
        if antecedent is not None and demonstrative and text:
            between = text[antecedent.end : ref.start]
            if re.search(_INTRODUCED.format(type=P._spaced(ref.doc_type)), between):
                antecedent = None
        if antecedent is None:
            if demonstrative:
                continue
            out.append(replace(ref, canonical=ref.number, ref_id=f"{ref.doc_type}#{ref.number}",
                               flags=_flags(flags, ["unresolved"])))
            continue
        document = documents.get(antecedent.ref_id, antecedent)
        source = antecedent.resolved_from if antecedent.resolved_from is not None else antecedent.start
        if demonstrative:  # "Quyết định này" stands for the document itself
            resolved = replace(ref, canonical=document.canonical, number=document.number, year=document.year,
                               type_code=document.type_code, issuer_code=document.issuer_code,
                               flags=_flags(flags, ["demonstrative"]))
        else:  # "Quyết định 539" is written as a number: its canonical is that number
            resolved = replace(ref, canonical=ref.number, flags=_flags(flags))
        out.append(_dated(replace(resolved, issuer=document.issuer, ref_id=document.ref_id, resolved_from=source),
                          dates))
    return out


def _dated(ref: Reference, dates: dict[str, str]) -> Reference:
    """A mention with the issue date of its document: its own, else the one said earlier of it."""
    if ref.issue_date:
        dates.setdefault(ref.ref_id, ref.issue_date)
        return ref
    if ref.ref_id in dates and "bad_date" not in ref.flags:
        return replace(ref, issue_date=dates[ref.ref_id])
    return ref
