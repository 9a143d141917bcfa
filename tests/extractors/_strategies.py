"""Hypothesis strategies shared by the extractor tests."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st


def joined(pieces: Sequence[str], gaps: Sequence[str] = (" ", "", "  ", "\n"), max_size: int = 16):
    """Texts made of ``pieces``, each followed by one of ``gaps``: phrases, their words and their
    neighbours meet often, which random characters would rarely make happen."""
    return st.lists(st.tuples(st.sampled_from(list(pieces)), st.sampled_from(list(gaps))), max_size=max_size).map(
        lambda parts: "".join(piece + gap for piece, gap in parts))
