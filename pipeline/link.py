"""Link targets to the legal document that sets them: fill ``Target.decision`` with its canonical symbol.

Two ways a text says where a target comes from:

1. **Footnotes.** A marker ``(1)``, ``[1]`` or a superscript ``¹`` after a clause, sentence or paragraph
   (``… đạt trên 50%(1).``) points to a footnote at the end of the document: a line starting with the
   marker(s) (``(1), (2) UBND tỉnh Khánh Hòa, Quyết định số 4607/QĐ-UBND …``), after a ``Ghi chú:`` /
   ``Chú thích:`` heading or a rule line when there is one. The footnote's first reference with a symbol
   is the decision. A marker covers the targets of its paragraph that precede it, from the paragraph
   start or the previous marker.
2. **Governing phrases.** ``Theo Quyết định số …``, ``Căn cứ Kế hoạch số …``, ``Kế hoạch số … đặt mục
   tiêu``, ``Nghị quyết … đề ra mục tiêu``, ``mục tiêu của Quyết định số …``: the reference governs its
   sentence; when a ``:`` follows it in the sentence (``… đặt mục tiêu: 90% …``, a sentence ending with
   ``:``), also the rest of its paragraph, and the list that follows when the colon ends the paragraph. A reference merely mentioned (``triển khai Nghị quyết số …``) governs nothing.

A footnote wins over a governing phrase. A target nothing links keeps the decision it had.
"""

from __future__ import annotations

import bisect
import re

from chitieu.extractors import scan
from chitieu.extractors.layout import unwrapped
from chitieu.extractors.lexicon import alternation, words
from chitieu.extractors.reference_patterns import sentence_ends
from chitieu.extractors.symbols import is_central_symbol, parse_symbol
from chitieu.pipeline.doc import Doc
from chitieu.pipeline.place import VIETNAM

from chitieu.models import Reference, Target

# ---------------------------------------------------------------------------
# Patterns

_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TABLE = str.maketrans(_SUPERSCRIPT, "0123456789")
_ONE_MARKER = rf"(?:\((?P<p>\d{{1,2}})\)|\[(?P<b>\d{{1,2}})\]|(?P<s>[{_SUPERSCRIPT}]{{1,2}}))"
MARKER = re.compile(_ONE_MARKER)
_ANY_MARKER = rf"(?:\(\d{{1,2}}\)|\[\d{{1,2}}\]|[{_SUPERSCRIPT}]{{1,2}})"
#: a footnote line: ``(1) …``, ``(1), (2) …``, ``[3] …``, ``¹ …``, also ``Ghi chú: (1) …``
FOOTNOTE_LINE = re.compile(
    rf"^[ \t]*(?:(?i:ghi\s+chú|chú\s+thích|chú\s+giải)\s*:\s*)?"
    rf"(?P<markers>{_ANY_MARKER}(?:\s*(?:,|;|và|&|-|–)?\s*{_ANY_MARKER})*)[ \t]*[.:)\-–]?",
    re.MULTILINE,
)
NOTES_HEADING = re.compile(
    r"^[ \t]*(?:(?i:ghi\s+chú|chú\s+thích|chú\s+giải|tài\s+liệu\s+tham\s+khảo)\s*:?|[-—–_=*─━.·•]{3,})[ \t]*$",
    re.MULTILINE,
)
#: after an inline marker: punctuation or the end of the line (else ``(1) phát triển …`` enumerates)
_MARKER_TAIL = re.compile(r"[ \t]*(?:[.,;:!?…)\]”\"']|\n|$)")

def _link_words(role: str) -> str:
    return alternation(words("link_words.csv", role))


def _any_case(role: str) -> str:
    return "(?i:" + _link_words(role) + ")"


# "Căn cứ tại Điều 2 Nghị quyết …", "tại tiểu mục 2, Mục III Nghị quyết …": the parts of the document cited
_ARTICLE_PARTS = r"(?:\s+" + _any_case("article_part") + r"\s+[\dIVXivxa-zđ]{1,5}[.,]?)*"
# "Căn cứ tại Điều 14 Quy chế tuyển sinh … ban hành kèm theo Thông tư …": a part of what the document issues
_ISSUED_WITH = r"(?:(?:\s+[^\W\d_]+){1,20}?\s+" + _any_case("attached") + r")?"
_GOVERN_BEFORE = re.compile(
    r"(?:^|[,;:(\-–—]|\n)\W*" + _any_case("govern_before") + r"(?:\s+" + _any_case("govern_qualifier") + r")?"
    + _ARTICLE_PARTS + _ISSUED_WITH + r"\s+$"
    r"|" + _any_case("target_word") + r"(?:\s+[^\W\d_]+){0,3}\s+" + _any_case("govern_particle") + r"\s+$"
)
# The reference must be the subject of the verb: "Kế hoạch số … ngày … của UBND tỉnh đặt mục tiêu".
# A comma ends its clause: in "Thực hiện Nghị quyết số …, tỉnh đặt ra các chỉ tiêu" the province sets them.
_GOVERN_AFTER = re.compile(
    r"^[^.;!?\n,]{0,160}?(?<!\w)" + _any_case("govern_verb")
    + r"(?:\s+[^\W\d_]+){0,2}?\s+(?i:(?:các\s+)?" + _link_words("target_word") + r")(?!\w)"
)
# a list item ("- …", "a) …", "2. …", "(2) …", Markdown's "**(1) **…"), matched at a paragraph's start
_LIST_ITEM = re.compile(r"^[ \t]*[*_]*(?:[-+•*–—]|[a-zđ]\)|\(?\d{1,2}[.)]|[ivx]{1,4}[.)])[*_]*\s", re.MULTILINE)


# ---------------------------------------------------------------------------
# Helpers


def _paragraphs(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if paragraphs:
        return sorted(paragraphs)
    out, pos = [], 0
    for m in re.finditer(r"\n", text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _containing(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i]
    return None


def _sentences(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for end in sentence_ends(text):  # the reference extractor's sentence ends
        if end > pos:
            out.append((pos, end))
        pos = end
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _symbol(ref: Reference) -> str:
    """The symbol of the document a reference stands for: a short form's document (``Quyết định 539``
    → ``539/QĐ-UBND``), none for a number nothing resolves."""
    if "unresolved" in ref.flags.split("|"):
        return ""
    return ref.ref_id if ref.resolved_from is not None else ref.canonical


def _numbers(markers: str) -> list[int]:
    out = []
    for m in MARKER.finditer(markers):
        digits = m.group("p") or m.group("b") or (m.group("s") or "").translate(_SUP_TABLE)
        out.append(int(digits))
    return out


# ---------------------------------------------------------------------------
# Footnotes


def footnote_lines(text: str) -> list[re.Match]:
    """``FOOTNOTE_LINE.finditer(text)``, tried only where it can match: at the start of a line.

        >>> [m.group("markers") for m in footnote_lines("Đạt 80% (1).\\n(1) Quyết định số 1/QĐ-UBND")]
        ['(1)']
    """
    return list(scan.tried_at(FOOTNOTE_LINE, text, scan.line_start))


def _footnotes(text: str, references: list[Reference]) -> tuple[dict[int, str], list[tuple[int, int]]]:
    """``{marker number: canonical}`` from the footnote lines, and the spans of those lines."""
    candidates = footnote_lines(text)
    if not candidates:
        return {}, []
    headings = [m.start() for m in NOTES_HEADING.finditer(text)]
    # The notes begin at the last heading followed by footnote lines; without one, a footnote line is
    # one that comes after an inline use of one of its numbers.
    notes_start = None
    for h in reversed(headings):
        if any(c.start() > h for c in candidates):
            notes_start = h
            break
    lines: list[tuple[int, int, list[int]]] = []
    for c in candidates:
        line_end = text.find("\n", c.end())
        line_end = len(text) if line_end < 0 else line_end
        numbers = _numbers(c.group("markers"))
        if notes_start is not None and c.start() < notes_start:
            continue
        if notes_start is None:
            used_before = any(
                _numbers(u.group()) and _numbers(u.group())[0] in numbers
                for u in MARKER.finditer(text, 0, c.start())
                if not _at_line_start(text, u.start())
            )
            if not used_before:
                continue
        lines.append((c.start(), line_end, numbers))
    mapping: dict[int, str] = {}
    spans = []
    for start, end, numbers in lines:
        spans.append((start, end))
        symbol = next((_symbol(r) for r in references if start <= r.start < end and _symbol(r)), "")
        if symbol:
            for n in numbers:
                mapping.setdefault(n, symbol)
    return mapping, spans


def _at_line_start(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip()


def _inline_markers(text: str, note_spans: list[tuple[int, int]]) -> list[tuple[int, int, list[int]]]:
    """Inline footnote markers: (start, end, numbers), outside the footnote lines, attached to the text
    before them or followed by punctuation / the end of the line."""
    out = []
    for m in MARKER.finditer(text):
        if any(s <= m.start() < e for s, e in note_spans) or _at_line_start(text, m.start()):
            continue
        attached = m.start() > 0 and not text[m.start() - 1].isspace()
        if not attached and not _MARKER_TAIL.match(text, m.end()):
            continue
        out.append((m.start(), m.end(), _numbers(m.group())))
    # merge runs like "(1)(2)" or "(1), (2)"
    merged: list[tuple[int, int, list[int]]] = []
    for start, end, numbers in out:
        if merged and re.fullmatch(r"[\s,;]*", text[merged[-1][1] : start]):
            merged[-1] = (merged[-1][0], end, merged[-1][2] + numbers)
        else:
            merged.append((start, end, numbers))
    return merged


# ---------------------------------------------------------------------------
# Governing phrases


_GOVERN_REACH = 600  # characters a governing phrase can span before or after its reference


def _governs(text: str, ref: Reference, sentence: tuple[int, int]) -> bool:
    """Whether the sentence makes ``ref`` govern its values. Both phrases end at (start from) the
    reference, so only the stretch of :data:`_GOVERN_REACH` characters next to it is read: a sentence
    that lists 2,000 references is not read once per reference."""
    if ref.start - sentence[0] <= _GOVERN_REACH:
        found = _GOVERN_BEFORE.search(text[sentence[0] : ref.start])
    else:  # "^" (the sentence's start) cannot be reached from this far: the tail is searched without it
        found = _GOVERN_BEFORE.search(text, ref.start - _GOVERN_REACH, ref.start)
    if found:
        return True
    return _GOVERN_AFTER.match(text[ref.end : min(sentence[1], ref.end + _GOVERN_REACH)]) is not None


class _Positions:
    """The targets (or references) by start, for the range look-ups of the linking rules (bisect, not
    a loop over every target for every reference)."""

    def __init__(self, starts: list[int]) -> None:
        self.order = sorted(range(len(starts)), key=starts.__getitem__)
        self.starts = [starts[i] for i in self.order]

    def within(self, lo: int, hi: int) -> list[int]:
        """Indices of the items that start in ``[lo, hi)``, by start."""
        return self.order[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]


def _governed_region(
    text: str, ref: Reference, sentence: tuple[int, int], paragraphs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The sentence; when the governing clause ends with ``:`` (``… đặt mục tiêu: 90% …. 80% ….``), also
    the rest of the paragraph and, when the colon ends the paragraph, the list that follows."""
    regions = [sentence]
    if ":" not in text[ref.end : sentence[1]]:
        return regions
    para = _containing(paragraphs, sentence[0])
    if para is None:
        return regions
    regions.append((sentence[1], para[1]))
    if text[sentence[1] : para[1]].strip():
        return regions
    if _QUOTE_LEAD.search(text, ref.end, sentence[1]):
        return regions + _quoted(text, paragraphs, paragraphs.index(para) + 1)
    # the colon ends its paragraph: the list that follows, i.e. the next paragraph, then every one that
    # is a list item (``- …``, ``a) …``) or follows an item ending with ``;`` / ``,``
    i = paragraphs.index(para) + 1
    while i < len(paragraphs):
        previous = text[regions[-1][0] : regions[-1][1]].rstrip()
        first = len(regions) == 2
        if not (first or _LIST_ITEM.match(text, paragraphs[i][0]) or previous.endswith((";", ","))):
            break
        regions.append(paragraphs[i])
        i += 1
    return regions


_QUOTE_LEAD = re.compile(r"(?<!\w)" + _any_case("quote_verb") + r"(?!\w)[^.;:]*?(?<!\w)" + _any_case("quote_lead")
                         + r"\W*:\W*$")
_QUOTE_END = re.compile(r"[\W_]*" + _any_case("quote_end") + r"(?!\w)")
_QUOTE_REACH = 30  # paragraphs a quote runs on at most


def _quoted(text: str, paragraphs: list[tuple[int, int]], first: int) -> list[tuple[int, int]]:
    """The paragraphs a quote of a document's provisions runs over (``… quy định như sau:`` then its articles,
    items and sentences), up to where the text speaks again (``Như vậy, …``), a Markdown heading
    (``**Quy định … ra sao?**``, ``# …``) or a paragraph that names a document again."""
    out = []
    for para in paragraphs[first : first + _QUOTE_REACH]:
        line = text[para[0] : para[1]].strip()
        if _QUOTE_END.match(line) or line.startswith("#") or (line.startswith("**") and line.rstrip("*").endswith("?")):
            break
        out.append(para)
    return out


# ---------------------------------------------------------------------------


def link_decisions(
    text: str, targets: list[Target], references: list[Reference], paragraphs: list[tuple[int, int]]
) -> None:
    """Fill ``Target.decision`` in place (see the module docstring). Offsets are offsets into ``text``."""
    if not targets or not references:
        return
    paras = _paragraphs(text, paragraphs)
    flat = unwrapped(text)  # a hard-wrapped sentence goes on over its soft line breaks
    sentences = _sentences(flat)
    decided: dict[int, str] = {}
    at = _Positions([t.start for t in targets])

    # (b) governing phrases
    for ref in references:
        if not _symbol(ref):
            continue
        sentence = _containing(sentences, ref.start) or (ref.start, ref.end)
        if not _governs(flat, ref, sentence):
            continue
        for s, e in _governed_region(flat, ref, sentence, paras):
            for i in at.within(s, e):
                decided[i] = _symbol(ref)

    # (b') a reference right after a value, before the next one: "70% … theo Quyết định số 1234/QĐ-UBND và 50% …
    # theo Kế hoạch số 456/KH-UBND": each value its own
    order = at.order
    refs_at = _Positions([r.start for r in references])
    for n, i in enumerate(order):
        t = targets[i]
        sentence = _containing(sentences, t.start)
        stop = min(targets[order[n + 1]].start if n + 1 < len(order) else len(text), sentence[1] if sentence else len(text))
        own = next((r for r in (references[k] for k in refs_at.within(t.end, stop)) if _symbol(r)
                    and _FOLLOWING.search(text, max(t.end, r.start - 30), r.start)
                    and not _DESCRIBED.search(text, max(t.end, r.start - 30), r.start)), None)
        if own is not None:
            decided[i] = _symbol(own)

    # (c) the plan a report goes on to describe ("… ban hành Kế hoạch số 87/KH-UBND … Theo đó, mục tiêu …"),
    # or whose targets a lead-in lists ("mục tiêu … tại Kế hoạch 188/KH-UBND như sau:")
    symbols = [r for r in references if _symbol(r)]
    for ref, until in zip(symbols, _next_other_symbol(symbols, len(text)), strict=True):
        for s, e in _reported_region(text, ref, sentences, paras, until):
            for i in at.within(s, e):
                if i not in decided:
                    decided[i] = _symbol(ref)

    # (a) footnotes, which win
    mapping, note_spans = _footnotes(text, references)
    if mapping:
        previous_end: dict[tuple[int, int], int] = {}
        for start, end, numbers in _inline_markers(text, note_spans):
            symbols = [mapping[n] for n in numbers if n in mapping]
            para = _containing(paras, start)
            if para is None:
                continue
            lo = max(para[0], previous_end.get(para, para[0]))
            previous_end[para] = end
            if not symbols:
                continue
            for i in at.within(lo, start):
                decided[i] = symbols[0]

    for i, symbol in decided.items():
        targets[i].decision = symbol
    # (d) a programme attached to a document ("Kèm theo Nghị quyết số 124/2017/NQ-HĐND") is its decision
    attached = _attached_to(text, references, paras)
    if attached:
        for t in targets:
            if not t.decision:
                t.decision = attached


def link(doc: Doc) -> None:
    """Link stage: fill the ``decision`` of ``doc.targets`` from ``doc.references`` (offsets in ``doc.text``);
    an official document's own targets that no other document governs get its own symbol (the
    ``Số: 95/KH-UBND`` of its header, :mod:`chitieu.pipeline.header`).

        >>> from chitieu.pipeline.run import run_stages
        >>> text = ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\\nSố: 95/KH-UBND\\nKẾ HOẠCH\\nChuyển đổi số năm 2025\\n"
        ...         "Phấn đấu đến năm 2025, 90% hồ sơ được xử lý trên môi trường mạng.\\n"
        ...         "Theo Quyết định số 12/QĐ-TTg, đến năm 2025 đạt 80% dịch vụ công trực tuyến.\\n"
        ...         "Năm 2023, tỉnh đã đạt 70%.")
        >>> [(t.value, t.status, t.decision) for t in run_stages(Doc("d", text)).targets]
        [(90.0, 'target', '95/KH-UBND'), (80.0, 'target', '12/QĐ-TTg'), (70.0, 'actual', '')]
    """
    link_decisions(doc.text, doc.targets, doc.references, doc.paragraphs)
    if doc.own_symbol:  # its goals, and the rules it fixes itself (a scoring table, a support share)
        for t in doc.targets:
            if t.status in ("target", "other") and not t.decision:
                t.decision = doc.own_symbol
    for t in doc.targets:  # a result gets none: a document sets goals, not what was reached
        if t.status == "actual":
            t.decision = ""
        elif t.status == "other" and t.decision:
            if (t.place != VIETNAM and is_central_symbol(t.decision)
                    and not any(t.sentence_start <= p.start < t.sentence_end for p in doc.places)):
                # a rate or threshold a central body's rule fixes ("… 81% trở lên" of a Thông tư of the ministry)
                # is the country's, when its sentence names no place: not the province a page is about
                t.place, t.place_kind, t.place_source = VIETNAM, "national", "text"
            if t.year is None:  # an undated page: the rule is in force from the year it was issued
                t.year = parse_symbol(t.decision).get("year")


_ISSUING = re.compile(r"(?<!\w)" + _link_words("issuing") + r"(?!\w)", re.IGNORECASE)
_REPORTED_GOAL = re.compile(r"\W*" + _link_words("reporting_goal") + r"(?!\w)", re.IGNORECASE)
_REPORTED = re.compile(r"\W*" + _link_words("reporting") + r"(?!\w)", re.IGNORECASE)
_FOLLOWING = re.compile(r"(?<!\w)" + _any_case("govern_before") + r"(?:\s+" + _any_case("govern_qualifier") + r")?\s+$")
_DESCRIBED = re.compile(r"(?<!\w)" + _any_case("described") + r"\s+" + _any_case("govern_before") + r"\s+$")
_TARGET_WORD = re.compile(r"(?<!\w)" + _link_words("target_word") + r"(?!\w)", re.IGNORECASE)
_ATTACHED = re.compile(r"(?<!\w)" + _link_words("attached") + r"\s+$", re.IGNORECASE)
_TITLE_PARAGRAPHS = 6  # where an official document names what it is attached to


def _reported_region(text: str, ref: Reference, sentences: list[tuple[int, int]],
                     paras: list[tuple[int, int]], until: int) -> list[tuple[int, int]]:
    """What goes on to describe the document a sentence names, up to ``until`` (where another document
    is named): from a following sentence that opens with ``Theo đó``/``Cụ thể`` to the end of the text
    (the rest of a report on one plan); or, when the sentence itself is a lead-in that lists targets
    (``mục tiêu … tại Kế hoạch … như sau:``), the list it introduces."""
    sentence = _containing(sentences, ref.start)
    if sentence is None:
        return []
    if text[sentence[0]:sentence[1]].rstrip().endswith(":") and _TARGET_WORD.search(text, sentence[0], ref.start):
        para = _containing(paras, sentence[0])
        end = para[1] if para else sentence[1]
        regions = [(sentence[1], end)]
        i = paras.index(para) + 1 if para in paras else len(paras)
        while i < len(paras) and paras[i][0] < until and (len(regions) == 1 or not _is_section(text, paras[i])):
            regions.append(paras[i])
            i += 1
        return regions
    k = bisect.bisect_left(sentences, (sentence[1], -1))
    following = sentences[k : k + 1]
    if not following:
        return []
    if _REPORTED.match(text, following[0][0]):
        return [(following[0][0], until)]
    # "UBND tỉnh ban hành Kế hoạch số 87/KH-UBND … ⏎ Mục tiêu đến năm 2025, …": the issued plan's targets
    if _ISSUING.search(text, sentence[0], sentence[1]) and _REPORTED_GOAL.match(text, following[0][0]):
        return [(following[0][0], until)]
    return []


def _next_other_symbol(refs: list[Reference], default: int) -> list[int]:
    """For each reference, where the first later reference of another document starts (``default``
    when none): one pass from the end, not a scan of every later reference.

        >>> refs = [Reference(0, 5, "", "1/KH"), Reference(9, 14, "", "1/KH"), Reference(20, 25, "", "2/KH")]
        >>> _next_other_symbol(refs, 99)
        [20, 20, 99]
    """
    by_start = sorted(range(len(refs)), key=lambda k: refs[k].start)
    starts = [refs[k].start for k in by_start]
    symbols = [_symbol(refs[k]) for k in by_start]
    run_end = [len(by_start)] * (len(by_start) + 1)  # first index at or after j whose symbol differs from j's
    for j in range(len(by_start) - 2, -1, -1):
        run_end[j] = j + 1 if symbols[j + 1] != symbols[j] else run_end[j + 1]
    out = [default] * len(refs)
    for k, ref in enumerate(refs):
        j = bisect.bisect_right(starts, ref.end)  # the first reference that starts after this one ends
        if j < len(starts) and symbols[j] == _symbol(ref):
            j = run_end[j]
        out[k] = starts[j] if j < len(starts) else default
    return out


def _is_section(text: str, para: tuple[int, int]) -> bool:
    """A numbered section heading (``II. NHIỆM VỤ``, ``3. Tổ chức thực hiện``) ends a lead-in's list."""
    return _SECTION.match(text, para[0]) is not None and para[1] - para[0] < _SECTION_MAX


_SECTION = re.compile(r"[ \t#*]*(?:[IVX]{1,4}|\d{1,2})[.)]\s")
_SECTION_MAX = 120


def _attached_to(text: str, references: list[Reference], paras: list[tuple[int, int]]) -> str:
    """The document a programme or plan is attached to, as its title block says (``Kèm theo …``)."""
    end = paras[min(len(paras), _TITLE_PARAGRAPHS) - 1][1] if paras else 0
    for ref in references:
        if ref.canonical and ref.start < end and _ATTACHED.search(text, max(0, ref.start - 40), ref.start):
            return ref.canonical
    return ""
