"""Indicator rules for constructions of real texts, one case each: a sentence written for the test →
the words each value's indicator must hold (all of them, case-insensitive) and, optionally, words
it must not hold (an amount, a time, a neighbour's words).
"""

from __future__ import annotations

import pytest
from chitieu.pipeline.run import assemble_targets

# (id, text, [(surface, words it holds, words it must not hold)])
CASES = [
    ("a-goal-is-the-base-of-a-completion-ratio",
     "Doanh thu lữ hành tăng 12,5% so với cùng kỳ, đạt 90,2% mục tiêu tăng trưởng năm.",
     [("12,5%", ["lữ hành"], ["tăng trưởng"]), ("90,2%", ["lữ hành", "mục tiêu"], [])]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_indicator_rules(text: str, expected: list[tuple[str, list[str], list[str]]]) -> None:
    rows = assemble_targets(text, "d")[0]
    assert [r.surface for r in rows] == [e[0] for e in expected]
    for row, (_, holds, lacks) in zip(rows, expected, strict=True):
        indicator = row.indicator.lower()
        for word in holds:
            assert word.lower() in indicator, (row.surface, row.indicator)
        for word in lacks:
            assert word.lower() not in indicator, (row.surface, row.indicator)
