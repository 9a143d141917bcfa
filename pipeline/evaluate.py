"""Evaluation against gold tables: extract the inputs as ``chitieu extract`` does, choose the
documents to score, and score them (``chitieu eval``, ``make eval``).

:func:`run_eval` takes the input paths (files, folders, exports, with ``chitieu extract``'s options)
and the gold CSV files, and gives one :class:`Report` per set of documents. The documents are
extracted exactly as ``chitieu extract`` does (:func:`extract_tables`), once; the scores can then be
computed for several subsets of them (:func:`selections`: the even- and odd-numbered halves of a
development set) without extracting again.

    >>> [label for label, _ in selections(["n01_tin_gia_lai", "n02_tin_lam_dong"], "tin", halves=True)]
    ['tin even', 'tin odd', 'tin all']

The scoring rules are in :mod:`chitieu.pipeline.score`, the printed table and misses in
:mod:`chitieu.pipeline.score_table`; their names that callers import from here stay importable
(:data:`__all__`).
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from chitieu.pipeline.score import (
    REFERENCE_FIELDS,
    REPORTED_FIELDS,
    TUPLE_FIELDS,
    Miss,
    Score,
    field_ok,
    gold_has,
    match_spans,
    score_references,
    score_targets,
    sentence_around,
)
from chitieu.pipeline.score_table import ABBREVIATIONS, Report, format_misses, format_table

__all__ = [
    "ABBREVIATIONS", "REFERENCE_FIELDS", "REPORTED_FIELDS", "SUBSETS", "TUPLE_FIELDS", "Extraction", "Miss",
    "README_END", "README_START", "Report", "Score", "doc_number", "evaluate", "extract_tables", "field_ok", "format_misses", "format_table",
    "gold_has", "in_subset", "match_spans", "read_ids", "read_table", "readme_with_table", "run_eval", "score_references",
    "score_targets", "selections", "sentence_around",
]

SUBSETS = ("even", "odd")


# ---------------------------------------------------------------------------
# Documents: which ones are scored


def doc_number(doc_id: str) -> int | None:
    """The number of a document id (its first run of digits), which says its half of a set.

        >>> doc_number("n03_lamdong_2021"), doc_number("p12_quyhoach"), doc_number("tin_moi")
        (3, 12, None)
    """
    m = re.search(r"\d+", doc_id)
    return int(m.group()) if m else None


def in_subset(doc_id: str, subset: str) -> bool:
    """Whether ``doc_id`` belongs to the ``even`` or ``odd`` half (an id without a number: neither)."""
    if subset not in SUBSETS:
        raise ValueError(f"subset must be even or odd, not {subset!r}")
    n = doc_number(doc_id)
    return n is not None and n % 2 == (0 if subset == "even" else 1)


def read_ids(path: Path) -> set[str]:
    """Document ids of an ids file: one a line; blank lines and ``#`` comments are skipped."""
    ids = set()
    for line in Path(path).read_text(encoding="utf-8-sig").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            ids.add(line)
    return ids


def selections(doc_ids: Iterable[str], label: str, subset: str | None = None, ids: set[str] | None = None,
               halves: bool = False) -> list[tuple[str, set[str]]]:
    """The sets of documents to score, each with its row label.

        >>> [(label, sorted(docs)) for label, docs in selections(["n01", "n02", "n04"], "news", halves=True)]
        [('news even', ['n02', 'n04']), ('news odd', ['n01']), ('news all', ['n01', 'n02', 'n04'])]
        >>> selections(["n01", "n02"], "news", subset="odd")
        [('news odd', {'n01'})]
    """
    docs = set(doc_ids)
    if halves:
        return [(f"{label} {s}".strip(), {d for d in docs if in_subset(d, s)}) for s in SUBSETS] + [
            (f"{label} all".strip(), docs)]
    if subset:
        return [(f"{label} {subset}".strip(), {d for d in docs if in_subset(d, subset)})]
    if ids is not None:
        return [(label, docs & ids)]
    return [(label, docs)]


# ---------------------------------------------------------------------------
# Extraction (as ``chitieu extract`` does it) and the whole evaluation


@dataclass
class Extraction:
    """The tables ``chitieu extract`` wrote for the evaluated inputs."""

    targets: pd.DataFrame
    references: pd.DataFrame
    documents: pd.DataFrame
    out_dir: Path

    def texts(self, docs: set[str] | None = None) -> dict[str, str]:
        """The decoded texts (from ``texts.jsonl``) of ``docs`` (None: all)."""
        out = {}
        path = self.out_dir / "texts.jsonl"
        if path.is_file():
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    record = json.loads(line)
                    if docs is None or record["doc_id"] in docs:
                        out[record["doc_id"]] = record.get("text", "")
        return out


def read_table(path: Path) -> pd.DataFrame:
    """A gold or output CSV with every cell as text (empty cells empty, never NaN)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def extract_tables(paths: Sequence[str], out_dir: Path, **batch) -> Extraction:
    """Run the batch extraction of ``chitieu extract`` (same reading, same options: ``batch`` goes to
    :func:`chitieu.pipeline.batch.run_batch`) into ``out_dir`` and read its tables back."""
    from chitieu.pipeline.batch import run_batch

    run_batch(list(paths), out_dir, **batch)
    from chitieu.pipeline.write import unguard_frame

    def output(name: str) -> pd.DataFrame:  # its cells as extracted (a leading "'" guards against formulas)
        return unguard_frame(read_table(out_dir / f"{name}.csv"))

    return Extraction(targets=output("targets"), references=output("references"), documents=output("documents"),
                      out_dir=out_dir)


def evaluate(extraction: Extraction, gold_targets: pd.DataFrame, gold_references: pd.DataFrame | None,
             chosen: list[tuple[str, set[str]]], misses: bool = False) -> list[Report]:
    """One report per ``(label, documents)`` of ``chosen``, all from the one extraction."""
    texts = extraction.texts(set().union(*(d for _, d in chosen))) if misses else None
    reports = []
    for label, docs in chosen:
        report = Report(targets=score_targets(extraction.targets, gold_targets, docs, texts), label=label,
                        documents=len(docs))
        if gold_references is not None:
            report.references = score_references(extraction.references, gold_references, docs, texts)
        reports.append(report)
    return reports


def run_eval(paths: Sequence[str], gold_targets: Path, gold_references: Path | None = None, *,
             label: str = "", subset: str | None = None, ids: set[str] | None = None, halves: bool = False,
             out_dir: Path | None = None, misses: bool = False, warn=None, **batch) -> list[Report]:
    """Extract ``paths`` once and score the chosen documents against the gold tables.

    Only documents of the input are scored: gold rows of other documents are left out (with a
    warning), as are documents that failed to read (their gold rows then count as missed).
    """
    warn = warn or (lambda message: print(f"chitieu eval: {message}", file=sys.stderr))
    gold_t = read_table(gold_targets)
    gold_r = read_table(gold_references) if gold_references is not None else None
    with tempfile.TemporaryDirectory(prefix="chitieu-eval-") as tmp:
        extraction = extract_tables(paths, Path(out_dir) if out_dir else Path(tmp), **batch)
        docs = extraction.documents
        failed = docs.loc[docs["status"] != "ok", "doc_id"].tolist() if not docs.empty else []
        if failed:
            warn(f"{len(failed)} document(s) could not be processed and score nothing: {', '.join(failed[:5])}")
        input_ids = set(docs["doc_id"]) if not docs.empty else set()
        outside = sorted(set(gold_t["doc_id"]) - input_ids)
        if outside:
            warn(f"gold rows of {len(outside)} document(s) not in the input are left out: {', '.join(outside[:5])}"
                 + (" …" if len(outside) > 5 else ""))
        if ids is not None and ids - input_ids:
            warn(f"{len(ids - input_ids)} id(s) of the ids file are not in the input")
        chosen = selections(input_ids, label, subset=subset, ids=ids, halves=halves)
        reports = evaluate(extraction, gold_t, gold_r, chosen, misses=misses)
        return [dataclasses.replace(r, failed=tuple(failed)) for r in reports]



README_START, README_END = "<!-- scores: make eval -->", "<!-- /scores -->"


def readme_with_table(readme: str, table: str) -> str:
    """``readme`` with the score table between its markers replaced by ``table``.

        >>> print(readme_with_table(f"a\\n{README_START}\\nold\\n{README_END}\\nb", "| new |"))
        a
        <!-- scores: make eval -->
        | new |
        <!-- /scores -->
        b
    """
    start, end = readme.index(README_START) + len(README_START), readme.index(README_END)
    return readme[:start] + "\n" + table + "\n" + readme[end:]


def _main(argv: Sequence[str]) -> int:
    """``python -m chitieu.pipeline.evaluate [--markdown] [--readme README.md] SCORES.json …``: one table
    of the rows of several ``chitieu eval --json`` outputs (how ``make eval`` prints every set at once).
    ``--markdown``: the table alone, without its legend; ``--readme FILE``: also write it into FILE
    between the markers ``<!-- scores: make eval -->`` and ``<!-- /scores -->``."""
    args = list(argv)
    markdown = "--markdown" in args
    args = [a for a in args if a != "--markdown"]
    readme = None
    if "--readme" in args:
        at = args.index("--readme")
        readme = Path(args[at + 1]) if at + 1 < len(args) else None
        del args[at:at + 2]
    if not args or (readme is None and "--readme" in argv):
        print("usage: python -m chitieu.pipeline.evaluate [--markdown] [--readme README.md] SCORES.json …",
              file=sys.stderr)
        return 2
    rows = []
    for name in args:
        rows += json.loads(Path(name).read_text(encoding="utf-8"))["rows"]
    table = format_table(rows)
    rows_only = table.split("\n\n", 1)[0]
    print(rows_only if markdown else table)
    if readme is not None:
        readme.write_text(readme_with_table(readme.read_text(encoding="utf-8"), rows_only), encoding="utf-8")
        print(f"score table written into {readme}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
