"""Values in tables: a cell's row label is what it measures, its column header when and what it is.

    | Chỉ tiêu           | Thực hiện năm 2024 | Kế hoạch năm 2025 |
    | Tỷ lệ che phủ rừng | 41,2%              | 42%               |

gives ``Tỷ lệ che phủ rừng`` for both values, 2024 and ``actual`` for the first, 2025 and ``target``
for the second (header words in ``status_words.csv``: ``header_actual``, ``header_target``).

    >>> from chitieu.pipeline.run import assemble_targets
    >>> text = ("| Chỉ tiêu | Thực hiện năm 2024 | Kế hoạch năm 2025 |\\n|---|---|---|\\n"
    ...         "| Tỷ lệ che phủ rừng | 41,2% | 42% |")
    >>> [(r.indicator, r.year, r.status) for r in assemble_targets(text, "d")[0]]
    [('Tỷ lệ che phủ rừng', 2024, 'actual'), ('Tỷ lệ che phủ rừng', 2025, 'target')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex
from chitieu.extractors.lexicon import alternation, words
from chitieu.pipeline.doc import Doc
from chitieu.pipeline.indicator import clean_head, clean_tail
from chitieu.pipeline.tables import TableCell

_YEAR = regex.compile(r"(?<![\d/.,-])(?:19[4-9]\d|20\d\d)(?![\d/.,])")


@dataclass(frozen=True, slots=True)
class CellReading:
    indicator: str = ""
    year: int | None = None
    status: str = ""


@cache
def _header_words() -> tuple[regex.Pattern, regex.Pattern]:
    def pattern(role: str) -> regex.Pattern:
        return regex.compile(r"(?<![\p{L}])" + alternation(words("status_words.csv", role)) + r"(?![\p{L}])",
                             regex.IGNORECASE)

    return pattern("header_actual"), pattern("header_target")


_LABEL_VALUE = regex.compile(r"\d+(?:[.,]\d+)?\s?%")


def _label_indicator(doc: Doc, label: tuple[int, int]) -> str:
    """What a row's label names; a label that holds a value of its own (``Đơn vị đạt tỷ lệ 100% người
    hưởng trợ cấp … mở tài khoản``) names it by the words around that value."""
    text = doc.text
    value = _LABEL_VALUE.search(text, *label)
    if value is None:
        return doc.render(clean_head(text, [label], subject=True))
    after = clean_tail(text, [(value.end(), label[1])])
    head = clean_head(text, [(label[0], value.start())], subject=not after)
    return doc.render(head + after)


def read_cell(doc: Doc, cell: TableCell | None) -> CellReading:
    """What a table says of the value in ``cell``: its row's label, its column's year and status."""
    if cell is None:
        return CellReading()
    text = doc.text
    indicator = _label_indicator(doc, cell.label) if cell.label else ""
    year, status = None, ""
    if cell.header:
        lo, hi = cell.header
        found = _YEAR.findall(text, lo, hi)
        year = int(found[-1]) if found else None
        actual, target = _header_words()
        if actual.search(text, lo, hi):
            status = "actual"
        elif target.search(text, lo, hi):
            status = "target"
    return CellReading(indicator, year, status)
