"""Helpers of ``test_assemble.py``: an expected row, a case, and the observed rows made comparable.

An expected row lists the fields of one target in the annotation guide's terms; the observed rows of a
text are turned into the same shape so that one ``==`` compares a whole text and pytest's diff shows
every field that differs. The indicator is judged as the guide scores it: it must contain every
keyword (case-insensitive) and must not hold the row's comparator, year or place words, nor the words
listed in ``absent`` (a neighbouring item's words, or a level that qualifies the items of a list).
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import pytest
from chitieu.pipeline.run import process_document

from chitieu.models import Document, Target


class _Any:
    """A field the guide leaves open for this case: not compared."""

    def __repr__(self) -> str:
        return "ANY"


ANY: Any = _Any()


class Row(NamedTuple):
    """Expected fields of one target row; ``value`` is ``(low, high)`` for a range."""

    value: float | tuple[float, float]
    comparator: str
    status: str
    measure: str
    year: int | None
    level: str
    place: str
    keywords: str  # ``a|b``: words every acceptable indicator contains
    decision: str = ""
    absent: str = ""  # ``a|b``: words the indicator must not contain (a neighbour's words)


def case(case_id: str, text: str, *rows: Row, xfail: str = ""):
    """One text and its expected rows in text order; ``xfail`` names what the pipeline gets wrong."""
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, list(rows), id=case_id, marks=marks)


# Words that state a comparator or a national place: none belongs in an indicator. Level words are
# checked only through ``absent``: a level that qualifies the items of a list (`90% hồ sơ tại cấp
# tỉnh, 80% … cấp huyện`) leaves the indicator, but a level that is the subject of the indicator
# (`100% xã, phường, thị trấn có …`, `đơn vị cấp huyện đạt chuẩn …`) stays in it, as in the gold.
_COMPARATOR_WORDS = {
    ">=": r"tối thiểu|ít nhất|không dưới|trở lên",
    "<=": r"tối đa|không vượt quá|không quá",
    "<": r"chưa đến|dưới(?=\s*\d|\s*$)",
    ">": r"(?:trên|hơn|vượt)(?=\s*\d|\s*$)",
    "~": r"khoảng|gần(?=\s*\d|\s*$)",
    "range": r"(?:trên|từ)(?=\s*\d|\s*$)",
}
_PLACE_ALIASES = {"Việt Nam": ["cả nước", "toàn quốc"]}


def _forbidden(row: Row) -> list[str]:
    """Regexes of the words the indicator of ``row`` must not hold."""
    out = [re.escape(w) for w in row.absent.split("|") if w]
    if isinstance(row.comparator, str) and row.comparator in _COMPARATOR_WORDS:
        out.append(_COMPARATOR_WORDS[row.comparator])
    if isinstance(row.year, int):
        out.append(str(row.year))
    if row.place and row.place is not ANY:
        out += [re.escape(p) for p in [row.place, *_PLACE_ALIASES.get(row.place, [])]]
    return out


def _judge_indicator(indicator: str, row: Row) -> str:
    """``row.keywords`` when the indicator is acceptable, else what is wrong with it."""
    low = indicator.lower()
    missing = [k for k in row.keywords.split("|") if k and k.lower() not in low]
    held = [m.group() for p in _forbidden(row) if (m := re.search(rf"(?<!\w)(?:{p})(?!\w)", low, re.I))]
    if not missing and not held:
        return row.keywords
    return f"{indicator!r} lacks {missing} holds {held}"


def _observed_row(t: Target, expected: Row | None) -> Row:
    value = t.value if t.value_high is None else (t.value, t.value_high)
    row = Row(value, t.comparator, t.status, t.measure, t.year, t.level, t.place,
              repr(t.indicator), t.decision, "")
    if expected is None:
        return row
    row = row._replace(keywords=_judge_indicator(t.indicator, expected), absent=expected.absent)
    return row._replace(**{f: ANY for f, v in expected._asdict().items() if v is ANY})


def observed(text: str, expected: list[Row]) -> list[Row]:
    """The pipeline's rows of ``text`` in text order, in the shape of ``expected``."""
    targets = sorted(process_document(Document("t", text=text)).targets, key=lambda t: t.start)
    return [_observed_row(t, expected[i] if i < len(expected) else None) for i, t in enumerate(targets)]
