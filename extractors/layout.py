"""The layout of a text as published: hard-wrapped lines joined into logical lines.

Official documents (Kế hoạch, Quyết định, Nghị quyết …) copied from their published form are
hard-wrapped at about 80 columns: a sentence, and the target in it, runs over several lines. A text is
hard-wrapped when most of its lines end near one width with no line much longer, and many lines go on
in lower case on the next (:func:`wrap_width`); in news and plain pages a line is a paragraph, and
nothing here changes them.

In a hard-wrapped text a line break is *soft* (the logical line goes on, :func:`soft_breaks`) unless

* the line ends a sentence or a heading (``.``, ``:``, ``;``, ``!``, ``?``, ``…``), or is empty, a rule
  (``-----``) or a table border (``|``), or a table row;
* the next line starts a list item or a part (``a)``, ``1.``, ``2.1.``, ``-``, ``+``, ``II.``,
  ``Điều 3.``, ``Chương II``) — unless the line ends with a word a number follows (``Điều⏎5. …``);
* one of the two lines is a heading in capitals and the other is not;
* the next line starts with a capital letter and the line is not full: a capital letter may start a
  sentence, or a name (``Ủy ban``, ``Thành phố``) that only a full line pushes onto the next. The first
  line of a paragraph is indented in the published form, so it is measured against the width first
  lines reach in that text. A line whose bold closes at its end (``**1. Mục tiêu**``) is a heading.

A line that is only a list marker (``1.``, ``a)``, ``Điều 1.``) goes on with the next.

    >>> body = ("Phấn đấu đến năm 2025, tỷ lệ hồ sơ công việc tại cấp tỉnh được xử lý trên\\n"
    ...         "môi trường mạng đạt 90%, tại cấp huyện đạt 80% và tại cấp xã đạt 60% theo\\n"
    ...         "Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh.\\n\\n")
    >>> text = "**1. Mục tiêu**\\n" + body * 4
    >>> wrap_width(text)
    73
    >>> [text[s:e][:30] for s, e in logical_lines(text)][:2]
    ['**1. Mục tiêu**', 'Phấn đấu đến năm 2025, tỷ lệ h']
    >>> text[slice(*logical_lines(text)[1])].count("\\n")
    2
"""

from __future__ import annotations

import re
import statistics
from functools import lru_cache

import regex
from chitieu.extractors import lexicon

#: a text is hard-wrapped at a width in this range (the 90th percentile of its line lengths)
WIDTH_RANGE = (50, 130)
#: … when at most this share of its lines is longer than the width by more than ``_OVER``
MAX_OVER = 0.15
_OVER = 15
#: … and at least this share of its lines goes on in lower case on the next line
MIN_LOWER_NEXT = 0.12
MIN_LINES = 8
#: a line is full when its length, a space and the next word reach the width less this much
SLACK = 4

_EDGE = " \t*_"  # spaces and Markdown emphasis around a line's words
_END = re.compile(r"[.:;!?…]['\"”’)\]]*$")
_ALNUM = re.compile(r"\w")
_FIRST_WORD = re.compile(r"[^\s*_]+")
_CLOSING_BOLD = re.compile(r"\S\*{1,2}\s*$")


@lru_cache(maxsize=1)
def _words(role: str) -> str:
    words = sorted((r["phrase"] for r in lexicon.rows("layout_words.csv") if r["role"] == role), key=len,
                   reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in words)


@lru_cache(maxsize=1)
def _list_start() -> regex.Pattern[str]:
    """A line that starts a list item or a part of a document (after spaces and emphasis)."""
    return regex.compile(
        r"(?:-(?![ \t]*[\d\p{Ll}])|[+•●▪○◦](?=[ \t])"  # bullets (not a dash in "2021⏎- 2025", "sản xuất⏎- quản lý")
        r"|[a-zđ]\d{0,2}[.)](?:\s|$|\[)"  # a) b1) a. đ)[11]
        r"|\(?\d{1,3}(?:\.\d{1,3})*[.)](?:\s|\*|$|\[)"  # 1. 2.1. 1) (1) 3.[32]
        r"|\([a-zđ]\)\s"  # (a)
        r"|[IVXLC]{1,6}[.)](?:\s|\*|$)"  # II.
        r"|[A-ZĐ][.)]\s"  # A.
        rf"|(?i:{_words('section')})\s+[\dIVXLC]+[a-zđ]?\s*(?:[.:]|\*|$)"  # Điều 3.  Chương II
        r")"
    )


@lru_cache(maxsize=1)
def _numbered_end() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?i:{_words('numbered')})(?:\s*:)?$")


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """A line without the spaces and emphasis around it."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _lines(text: str) -> list[tuple[int, int]]:
    """Every physical line: ``(start, end)`` without the newline and trailing spaces."""
    out = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while e > s and text[e - 1] in " \t\r":
            e -= 1
        out.append((s, e))
    return out


def _is_content(line: str) -> bool:
    """A line with a letter or digit that is not a table row."""
    return _ALNUM.search(line) is not None and not _is_table(line)


def _is_table(line: str) -> bool:
    if "|" not in line:
        return False
    stripped = line.strip()
    return stripped.startswith("|") or stripped.endswith("|") or stripped.count(" | ") >= 1


def _case(line: str) -> str:
    """``caps`` for a line in capitals (a heading), ``mixed`` for one in lower case too, ``""`` for one
    with too few letters to say (``2026 - 2030``, a symbol's code ``58/2024/QH15;``)."""
    if any(map(str.islower, line)):  # a lowercase character is a letter
        return "mixed"
    letters = sum(map(str.isalpha, line))
    if letters >= 4 or (letters >= 2 and not any(map(str.isdigit, line))):
        return "caps"
    return ""


_FOOTNOTE_MARK = re.compile(r"\[\d{1,3}\]")
_EMPHASIS_ONLY = re.compile(r"[ \t*_]+")


def _lower_next(line: str) -> bool:
    m = _FIRST_WORD.search(line)
    return m is not None and m.group()[0].islower()


def _ends(line: str) -> bool:
    return _END.search(line.rstrip(_EDGE)) is not None


@lru_cache(maxsize=8)
def wrap_width(text: str) -> int | None:
    """The width a hard-wrapped text is wrapped at, or None when its lines are paragraphs.

        >>> wrap_width("Tiêu đề\\nĐoạn một, dài hay ngắn, là một dòng.\\nĐoạn hai.") is None
        True
    """
    if text.count("\n") < MIN_LINES:
        return None
    lines = [line.rstrip(" \t\r") for line in text.split("\n")]  # what _lines gives, as strings
    content = [i for i, line in enumerate(lines) if _is_content(line)]
    if len(content) < MIN_LINES:
        return None
    lengths = sorted(len(lines[i]) for i in content)
    width = lengths[int(len(lengths) * 0.9)]
    if not WIDTH_RANGE[0] <= width <= WIDTH_RANGE[1]:
        return None
    over = sum(1 for n in lengths if n > width + _OVER)
    if over > MAX_OVER * len(lengths):
        return None
    lower = sum(1 for i in content if i + 1 < len(lines) and _lower_next(lines[i + 1]))
    if lower < MIN_LOWER_NEXT * len(content):
        return None
    return width


def _first(lines: list[str], i: int, content: list[bool] | None = None) -> bool:
    """Whether line ``i`` starts a paragraph: after an empty line, a border or a sentence end."""
    if i == 0:
        return True
    previous = lines[i - 1]
    is_content = content[i - 1] if content is not None else _is_content(previous)
    return not is_content or _ends(previous)


@lru_cache(maxsize=8)
def soft_breaks(text: str) -> frozenset[int]:
    """Offsets of the line breaks of ``text`` inside a logical line (none when it is not hard-wrapped).

        >>> line = "Ủy ban nhân dân tỉnh giao các sở, ban, ngành phối hợp thực hiện đạt các\\n"
        >>> text = (line + "chỉ tiêu của Kế hoạch; báo cáo kết quả về Sở Tài chính trước ngày 15\\n"
        ...         "tháng 12 hằng năm.\\n") * 4
        >>> sorted(soft_breaks(text))[:2], len(soft_breaks(text))
        ([71, 140], 8)
    """
    width = wrap_width(text)
    if width is None:
        return frozenset()
    spans = _lines(text)
    lines = [text[s:e] for s, e in spans]
    content = [_is_content(line) for line in lines]  # each line's facts once, not per pair
    cores = [text[slice(*_core(text, *span))] for span in spans]
    cases = [_case(core) if is_content else "" for core, is_content in zip(cores, content, strict=True)]
    # How far the first line of a paragraph reaches: the published form indents it.
    reach = [len(lines[i]) + 1 + len(_FIRST_WORD.search(lines[i + 1]).group())
             for i in range(len(lines) - 1)
             if content[i] and _first(lines, i, content) and _lower_next(lines[i + 1])]
    first_width = statistics.median(reach) if len(reach) >= 3 else width
    # Lines of emphasis marks alone ("**") stand between the two parts of a wrapped line.
    kept = [i for i, line in enumerate(lines) if not _EMPHASIS_ONLY.fullmatch(line)]
    cells = _cells(lines)
    out = set()
    for i, j in zip(kept, kept[1:], strict=False):
        if all(lines[k] for k in range(i + 1, j)) and _joins(lines, content, cores, cases, i, j, width,
                                                             first_width, i in cells):
            out.update(text.index("\n", spans[k][1]) for k in range(i, j))
    return frozenset(out)


def _cells(lines: list[str]) -> set[int]:
    """Lines inside the cells of a table written one cell after another between ``|`` lines."""
    out: set[int] = set()
    inside = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            inside = False
        elif stripped == "|":
            inside = True
        elif inside:
            out.add(i)
    return out


def _joins(lines: list[str], content: list[bool], cores: list[str], cases: list[str], i: int, j: int,
           width: int, first_width: float, in_cell: bool) -> bool:
    """Whether line ``i`` goes on with line ``j`` (see the module docstring); ``content``, ``cores`` and
    ``cases`` hold each line's facts."""
    line, following = lines[i], lines[j]
    if not (content[i] and content[j]):
        return False
    core, next_core = cores[i], cores[j]
    list_start = _list_start()
    m = list_start.match(core)
    if m is not None and not _FOOTNOTE_MARK.sub("", core[m.end():]).strip(" .):*_"):
        return True  # a list marker alone: "1.", "a)", "Điều 1.", "b) [19]"
    if _numbered_end().search(core) is not None:
        return True  # "Điều⏎5. …", "Số:⏎95/KH-UBND"
    if _ends(line) or list_start.match(next_core):
        return False
    case, next_case = cases[i], cases[j]
    if case and next_case and case != next_case:
        return False  # a heading in capitals and a line that is not
    if case == "caps" or not next_core[:1].isupper():
        return True
    if _CLOSING_BOLD.search(line):
        return False  # a bold line that closes at its end: a heading
    if line.endswith(",") or in_cell:
        return True  # a comma goes on; a table cell is narrower than the text
    reach_width = first_width if _first(lines, i, content) else width
    word = _FIRST_WORD.search(following).group()
    return len(line) + 1 + len(word) >= reach_width - SLACK


def logical_lines(text: str) -> list[tuple[int, int]]:
    """The logical lines of a text, stripped, as offsets: its lines joined at soft breaks; lines with
    neither letter nor digit (borders, rules, empty emphasis) are left out of a hard-wrapped text."""
    soft = soft_breaks(text)
    wrapped = bool(soft) or wrap_width(text) is not None
    out: list[tuple[int, int]] = []
    start = None
    for s, e in _lines(text):
        if start is None:
            start = s
        if e < len(text) and text.find("\n", e) in soft:
            continue
        a, b = start, e
        start = None
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and (not wrapped or _ALNUM.search(text, a, b)):
            out.append((a, b))
    return out


def hard_break_between(text: str, start: int, end: int) -> bool:
    """Whether a line break that ends a logical line stands in ``text[start:end]``."""
    soft = soft_breaks(text)
    i = text.find("\n", start, end)
    while i >= 0:
        if i not in soft:
            return True
        i = text.find("\n", i + 1, end)
    return False


@lru_cache(maxsize=8)
def unwrapped(text: str) -> str:
    """``text`` with its soft line breaks as spaces (the same length: offsets hold), for patterns that
    read a sentence on one line; ``text`` itself when it is not hard-wrapped.

        >>> line = "Căn cứ Nghị quyết số 12/NQ-HĐND của Hội đồng nhân dân tỉnh về chuyển đổi số\\n"
        >>> text = (line + "tỉnh Quảng Nam giai đoạn 2021 - 2025;\\n") * 8
        >>> unwrapped(text)[73:86]
        'số tỉnh Quảng'
    """
    soft = soft_breaks(text)
    if not soft:
        return text
    chars = list(text)
    for i in soft:
        chars[i] = " "
    return "".join(chars)

