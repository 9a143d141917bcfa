"""Hostile run conditions: a huge document, a runaway document, two runs into one folder, a killed run,
a damaged table, a bad option. Each case gives a right table or a one-line error, never a traceback.
Every input is generated here."""

from __future__ import annotations

import cProfile
import pstats

import pytest
from bench.scaling import references_document, values_document

from chitieu.models import Document
from chitieu.pipeline.run import process_document


def _calls(text: str) -> int:
    """Python function calls (generator steps included) made to process ``text``: a count of work that
    does not depend on the machine's speed."""
    profile = cProfile.Profile()
    profile.enable()
    process_document(Document("d", text=text))
    profile.disable()
    return pstats.Stats(profile).total_calls


@pytest.mark.parametrize(("make", "small"), [(values_document, 500), (references_document, 300)],
                         ids=["values in one paragraph", "references in one sentence"])
def test_work_grows_linearly_with_the_values_and_references_of_a_document(make, small):
    """Four times the values (references) cost at most five times the work: no loop compares every
    value (year, reference) with every other one (that would be sixteen times)."""
    process_document(Document("warm", text=make(4 * small)))  # word lists loaded, caches filled for both
    assert _calls(make(4 * small)) <= 5 * _calls(make(small))
