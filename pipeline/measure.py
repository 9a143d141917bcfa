"""Measure of a value: a ``level``, a rise (``increase``) or a fall (``decrease``).

A rise or fall verb of ``cues.csv`` (``tăng``, ``giảm bình quân``), then any change modifiers
(``mỗi năm``, ``thêm``, ``tối thiểu``), right before the value; or a per-period word right after it
(``10%/năm``: a change per period, a rise unless a fall is written). ``giảm còn 3,5%`` and ``tăng lên
80%`` reach a level.

    >>> from chitieu.pipeline.run import assemble_targets
    >>> [t.measure for t in assemble_targets("Tỷ lệ đạt 80%, tăng thêm 10%/năm; hộ nghèo giảm 2% mỗi năm.", "d")[0]]
    ['level', 'increase', 'decrease']
"""

from __future__ import annotations

from functools import cache

import regex
from chitieu.extractors.comparators import starts_a_change
from chitieu.extractors.lexicon import alternation, words
from chitieu.extractors.measure import measure_of

from chitieu.models import Measure, Percentage

_WINDOW = 40  # characters before a value where its verb can stand


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    def kind(*kinds: str) -> tuple[str, ...]:
        return words("cues.csv", *kinds, column="kind")

    modifiers = r"(?:\s+" + alternation(kind("change_modifier")) + r")*\s*$"

    def before(verbs: str) -> regex.Pattern:
        return regex.compile(r"(?<![\p{L}])" + alternation(kind(verbs)) + modifiers, regex.IGNORECASE)

    per_period = regex.compile(r"^\s*" + alternation(kind("per_period")), regex.IGNORECASE)
    return before("increase"), before("decrease"), per_period


def resolve_measure(text: str, v: Percentage, before: str, after: str) -> Measure:
    """The measure as the value's sentence reads (:func:`~chitieu.extractors.measure.measure_of`: a
    rate named as a noun is a level, a gap is measured against a target); a per-period word after a
    value that is a change of its own (``tăng thêm 10%/năm``) keeps it a rise."""
    if starts_a_change(before, after):
        return "level"  # "giảm từ 29,2% xuống 23,5%": the level a change starts from
    read = measure_of(before, after)
    if read != "level":
        return read
    increase, decrease, per_period = _patterns()
    window = text[max(0, v.start - _WINDOW):v.start]
    if per_period.match(text[v.end:v.end + 15]):
        if decrease.search(window):
            return "decrease"
        if increase.search(window):
            return "increase"
    return "level"
