"""Hypothesis strategies shared by the extractor tests."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st


def joined(pieces: Sequence[str], gaps: Sequence[str] = (" ", "", "  ", "\n"), max_size: int = 16):
    """Texts made of ``pieces``, each followed by one of ``gaps``: phrases, their words and their
    neighbours meet often, which random characters would rarely make happen."""
    return st.lists(st.tuples(st.sampled_from(list(pieces)), st.sampled_from(list(gaps))), max_size=max_size).map(
        lambda parts: "".join(piece + gap for piece, gap in parts))


def region_lists(text: str, data) -> list[list[tuple[int, int]]]:
    """Two ways to cut ``text`` into regions: its paragraphs (bounded by spaces, read in one pass)
    and random stretches drawn from ``data`` (cut anywhere, read region by region)."""
    from chitieu.pipeline.segment import paragraphs

    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    stretches = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    return [paragraphs(text), stretches]
