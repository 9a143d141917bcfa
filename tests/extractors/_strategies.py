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
    """Ways to cut ``text`` into regions: its paragraphs (bounded by spaces, read in one pass), random
    stretches drawn from ``data`` (cut anywhere, read region by region), and the same stretches with
    only their ends, or only their starts, moved to the next space (one side bounded)."""
    from chitieu.pipeline.segment import paragraphs

    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    stretches = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]

    def to_space(i: int) -> int:
        while i < len(text) and not text[i].isspace():
            i += 1
        return i

    def after_space(i: int) -> int:
        return i if i == 0 or text[i - 1].isspace() else min(to_space(i) + 1, len(text))

    ends_bounded = [(a, to_space(b)) for a, b in stretches]
    starts_bounded = [(after_space(a), b) for a, b in stretches]
    return [paragraphs(text), stretches] + [
        [(a, b) for a, b in regions if a < b] for regions in (ends_bounded, starts_bounded)
        if all(x[1] <= y[0] for x, y in zip(regions, regions[1:], strict=False))]
