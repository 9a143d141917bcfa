"""Tables of targets read as rows: where a value stands, the label of its row and the header of its column.

A plan lists its targets in a table as often as in sentences::

    | TT | Chỉ tiêu           | Đơn vị | Năm 2024 | Kế hoạch 2025 |
    |----|--------------------|--------|----------|---------------|
    | 1  | Tỷ lệ che phủ rừng | %      | 41,2%    | 42%           |

A value in a cell reads as a sentence whose indicator is its row's label (the first cell with words
left of it, not a numbering: ``Tỷ lệ che phủ rừng``; none when the value's cell is a sentence of its
own) and whose year and status come from its column's header (``Kế hoạch 2025``). Two layouts are read: Markdown pipe rows, one line each (a ``|---|`` row
under the header), and tables published one cell after another between lines holding a single ``|``
(an empty cell, two ``|`` lines in a row, ends a row; the first row is the header).

    >>> text = ("| TT | Chỉ tiêu | Năm 2024 | Kế hoạch 2025 |\\n|---|---|---|---|\\n"
    ...         "| 1 | Tỷ lệ che phủ rừng | 41,2% | 42% |")
    >>> cell = next(c for c in read_tables(text) if text[slice(*c.cell)] == "42%")
    >>> text[slice(*cell.label)], text[slice(*cell.header)]
    ('Tỷ lệ che phủ rừng', 'Kế hoạch 2025')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Span = tuple[int, int]

_SEPARATOR_CELL = re.compile(r":?-{3,}:?")
_LETTERS = re.compile(r"[^\W\d_]{2}")
_VALUE = re.compile(r"\d\s?%")
_CELL_MAX = 1200  # characters: a longer stretch between borders is the text after a table, not a cell
_NUMBERING = re.compile(r"[\W_]*(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,5}|[a-zđ])[.)]?[\W_]*")


@dataclass(frozen=True, slots=True)
class TableCell:
    """A cell of a table row (spans in the text, stripped): the cell, its row's label cell and its
    column's header cell (None when the row or the column has none)."""

    cell: Span
    label: Span | None
    header: Span | None


def _stripped(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in " \t*_":
        start += 1
    while end > start and text[end - 1] in " \t*_\n":
        end -= 1
    return start, end


# A symbol being defined ("DD:", "rd,D:"): a row of a table of notation, no label of what is measured
_SYMBOL = re.compile(r"\S{1,8}:")
_LABEL_WORDS = 8  # a cell of this many words is a sentence: it names what it measures, values and all


def _is_label(text: str, span: Span, of_value: bool = False) -> bool:
    """A cell that names something: words, not a number, a numbering (``1.``, ``II``), a symbol or a
    value; for a cell holding a value (``of_value``), a sentence names it even with a value of its own
    (``Đơn vị có tỷ lệ … từ 88% trở lên`` for ``Từ 88 - 90% cộng 02 điểm``)."""
    piece = text[span[0]:span[1]]
    if not _LETTERS.search(piece) or _NUMBERING.fullmatch(piece) or _SYMBOL.fullmatch(piece):
        return False
    return not _VALUE.search(piece) or (of_value and len(piece.split()) >= _LABEL_WORDS)


def _rows_to_cells(text: str, header_rows: list[list[Span]], rows: list[list[Span]]) -> list[TableCell]:
    """Every cell of the body rows with its row's label and its column's header."""
    out = []
    for row in rows:
        for k, cell in enumerate(row):
            of_value = _VALUE.search(text, *cell) is not None
            label = next((c for c in row[:k] if _is_label(text, c, of_value)), None)  # the row's label is on the left
            header = None
            for head in reversed(header_rows):
                if len(head) == len(row) and head[k][1] > head[k][0]:
                    header = head[k]
                    break
            out.append(TableCell(cell, label, header))
    return out


def _markdown_cells(text: str, line: Span) -> list[Span]:
    s, e = line
    bounds = [m.start() for m in re.finditer(r"(?<!\\)\|", text[s:e])]
    stripped = text[s:e].strip()
    if not stripped.startswith("|"):
        bounds = [-1, *bounds]
    if not stripped.endswith("|"):
        bounds = [*bounds, e - s]
    return [_stripped(text, s + a + 1, s + b) for a, b in zip(bounds, bounds[1:], strict=False)]


def _markdown(text: str) -> list[TableCell]:
    """Tables of Markdown pipe rows: a run of lines with two or more ``|``, the rows above a ``|---|``
    row (else a first row without values) its header."""
    out: list[TableCell] = []
    block: list[Span] = []
    pos = 0
    for line in [*text.split("\n"), ""]:
        span = (pos, pos + len(line))
        pos += len(line) + 1
        if line.count("|") >= 2 and (line.strip().startswith("|") or line.strip().endswith("|")):
            block.append(span)
            continue
        if len(block) >= 2:
            out += _markdown_table(text, block)
        block = []
    return out


def _markdown_table(text: str, lines: list[Span]) -> list[TableCell]:
    rows = [_markdown_cells(text, line) for line in lines]
    separators = [i for i, row in enumerate(rows)
                  if row and all(_SEPARATOR_CELL.fullmatch(text[s:e]) or s == e for s, e in row)]
    if separators:
        cut = separators[0]
        header, body = rows[:cut], [r for i, r in enumerate(rows) if i > cut and i not in separators]
    elif not _VALUE.search(text[lines[0][0]:lines[0][1]]):
        header, body = rows[:1], rows[1:]
    else:
        header, body = [], rows
    return _rows_to_cells(text, header, body)


def _vertical(text: str) -> list[TableCell]:
    """Tables published one cell after another between ``|`` lines (no blank line inside)."""
    if "\n|\n" not in text:
        return []
    out: list[TableCell] = []
    rows: list[list[Span]] = []
    row: list[Span] = []
    cell_start: int | None = None  # where the cell being read starts (None outside a table)
    content = False  # whether the cell being read has a line
    pos = 0
    for line in [*text.split("\n"), ""]:
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if stripped == "|":
            if content:
                row.append(_stripped(text, cell_start, start - 1))
            elif row:  # two borders in a row: an empty cell, the end of a row
                rows.append(row)
                row = []
            cell_start, content = end + 1, False
        elif not stripped:  # a blank line ends the table
            if row:
                rows.append(row)
            if len(rows) >= 2:
                out += _rows_to_cells(text, rows[:1], rows[1:])
            rows, row, cell_start, content = [], [], None, False
        elif cell_start is not None:
            content = True
            if end - cell_start > _CELL_MAX:  # prose after the last border: the table ended there
                if len(rows) >= 2:
                    out += _rows_to_cells(text, rows[:1], rows[1:])
                rows, row, cell_start, content = [], [], None, False
    return out


def read_tables(text: str) -> list[TableCell]:
    """Every body cell of the text's tables, with its row's label and its column's header, in order."""
    if "|" not in text:
        return []
    return sorted(_markdown(text) + _vertical(text), key=lambda c: c.cell)
