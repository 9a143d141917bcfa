"""Work per document grows linearly: one generated document with 4,000 / 8,000 / 16,000 values, and one
sentence that lists 1,000 / 2,000 / 4,000 references, each timed through every stage (best of
``--repeat``). Not a test (timings depend on the machine); the tests check the structure instead
(``tests/hostile/test_runs.py``).

    python -m bench.scaling            # about a minute on one core
    python -m bench.scaling --repeat 1

Target (issue 15): 16,000 values take at most about 5× the time of 4,000 (linear: 4×, pairwise: 16×).
"""

from __future__ import annotations

import argparse
import time

from chitieu.pipeline.run import process_document

from chitieu.models import Document


def values_document(n: int) -> str:
    """One paragraph of ``n`` sentences, each with a deadline, an indicator, a level and a value."""
    return " ".join(f"Đến năm {2020 + i % 10}, tỷ lệ hộ gia đình có nước sạch tại huyện đạt {i % 90 + 5},{i % 10}%."
                     for i in range(n))


def references_document(n: int) -> str:
    """One sentence that cites ``n`` decisions, then one value."""
    return ("Căn cứ " + ", ".join(f"Quyết định số {i}/QĐ-UBND ngày 1/2/2020" for i in range(1, n + 1))
            + ", tỷ lệ đạt 50%.")


def timed(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        process_document(Document("bench", text=text))
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    process_document(Document("warm", text="Năm 2025 đạt 50%."))  # load the word lists once
    for label, make, sizes in (("values", values_document, (4000, 8000, 16000)),
                               ("references in one sentence", references_document, (1000, 2000, 4000))):
        seconds = [timed(make(n), args.repeat) for n in sizes]
        figures = ", ".join(f"{n:,}: {s:.2f}s" for n, s in zip(sizes, seconds, strict=True))
        print(f"{label}: {figures}; {sizes[-1]:,} / {sizes[0]:,} = {seconds[-1] / seconds[0]:.1f}× "
              f"(linear {sizes[-1] / sizes[0]:.0f}×)")


if __name__ == "__main__":
    main()
