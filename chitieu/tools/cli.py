"""Commands for journalists and dashboards (check, conflicts, report, publish).

``register(app)`` adds them to the ``chitieu`` command line. Each reads the folder written by
``chitieu extract`` (``targets.csv``, ``references.csv``, ``documents.csv``, ``spans.csv``,
``texts.jsonl``) through :mod:`chitieu.tools.tables`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

_DATA_HELP = "Folder written by `chitieu extract` (targets.csv, spans.csv, texts.jsonl, …)."
_OUTPUTS = Path("outputs")
Data = Annotated[Path, typer.Option("--data", "-d", help=_DATA_HELP)]


def _echo(text: str, err: bool = False) -> None:
    """Print ``text`` with its control characters escaped: quotes and file names come from documents."""
    from chitieu.pipeline.progress import printable

    typer.echo(printable(text), err=err)


def _need_data(data: Path) -> None:
    if not (data / "targets.csv").exists():
        _echo(f"chitieu: no targets.csv in {data} (run `chitieu extract … --out {data}` first)", err=True)
        raise typer.Exit(1)


def check(
    claim: Annotated[str | None, typer.Argument(help="The claim, in Vietnamese (diacritics optional), as one sentence.")] = None,
    data: Data = _OUTPUTS,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object (verdict, claim, missing, evidence, near).")] = False,
    claims: Annotated[Path | None, typer.Option("--claims", help="Batch: a CSV with a `claim` column (optional `id`); "
                                                "one verdict per row.")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Batch: CSV file to write (default: stdout).")] = None,
) -> None:
    """Check a CLAIM against the extracted targets: supported, contradicted, not found or underspecified.

    The claim goes through the same extractors as the documents (text typed without diacritics too); its tuple (place, indicator, level, year, period, status, value, comparator) is shown first. Only rows with the same place, indicator, level, year, period, status and measure are evidence; rows that differ are shown as "near", never as evidence. Each row cites the document, the quote (sentence), the offsets, the date, the url and the legal document (decision).

    Example:  chitieu check "Khánh Hòa phấn đấu đến năm 2025 có 60% hồ sơ công việc cấp xã được xử lý trên môi trường mạng" --data outputs

    Batch:  chitieu check --claims claims.csv --data outputs --out verdicts.csv

    Exit codes: 0 supported; 3 contradicted (the sources give another value); 4 not found (no row for that place, indicator, level, year and period); 5 underspecified (the claim does not say its place, year or indicator); 1 usage error (no data, empty claim, claim without a number). Batch mode exits 0 once every row has its verdict.
    """
    from chitieu.tools.check import ClaimError, format_result
    from chitieu.tools.check import check as run_check

    _need_data(data)
    if claims is not None:
        from chitieu.tools.check import check_file

        check_file(claims, data, out)
        raise typer.Exit(0)
    try:
        result = run_check(claim or "", data)
    except ClaimError as err:
        _echo(f"chitieu: {err}", err=True)
        raise typer.Exit(1) from None
    if as_json:
        _echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        _echo(format_result(result))
    raise typer.Exit(result.exit_code)


def conflicts(
    data: Data = _OUTPUTS,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Folder for conflicts.csv, timeline.csv, "
                                             "timeline.svg (default: the data folder).")] = None,
) -> None:
    """Find contradictions and a timeline per place and indicator.

    Conflicts: rows with the same place, indicator phrase (not just its code), level, year, period, status and measure whose values cannot both be true (ranges and bounds that hold the other value agree), across documents or a headline against its body; each row quoted with document, offsets, date and url. Timeline: values by year per place and indicator.

    Prints both tables and writes OUT/conflicts.csv, OUT/timeline.csv and the chart OUT/timeline.svg.
    """
    from chitieu.tools.conflicts import run_conflicts

    _need_data(data)
    _echo(run_conflicts(data, out or data))


def report(
    data: Data = _OUTPUTS,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="HTML file to write (default: DATA/report.html).")] = None,
) -> None:
    """Write one self-contained HTML page to review every extraction.

    Each document's text with values, years, levels, places and references highlighted, a filterable table (click a row to jump to its highlight) and a chart of targets by year per place. Opens offline: no CDN.
    """
    from chitieu.tools.report import write_report

    _need_data(data)
    path = write_report(data, out or data / "report.html")
    _echo(f"report → {path}", err=True)


def publish(
    data: Data = _OUTPUTS,
    fmt: Annotated[str, typer.Option("--format", "-f", help="sqlite (one file for datasette) or parquet.")] = "sqlite",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="sqlite: the .db file (default DATA/chitieu.db, "
                                             "metadata.json beside it); parquet: a folder (default DATA/parquet).")] = None,
) -> None:
    """Publish the tables for dashboards: one SQLite file for datasette, or typed Parquet.

    sqlite: targets, references, documents with typed columns, indexes and a full-text index over the sentences, plus metadata.json beside it; browse with:  datasette DATA/chitieu.db -m DATA/metadata.json

    parquet: one file per table with an explicit Arrow schema (enum columns as dictionaries, descriptions in the field metadata).
    """
    from chitieu.tools.publish import publish_parquet, publish_sqlite

    _need_data(data)
    if fmt == "sqlite":
        db, meta = publish_sqlite(data, out)
        _echo(f"sqlite → {db} (metadata: {meta})\n  datasette {db} -m {meta}", err=True)
    elif fmt == "parquet":
        paths = publish_parquet(data, out)
        _echo("parquet → " + ", ".join(str(p) for p in paths), err=True)
    else:
        _echo(f"chitieu: unknown --format {fmt!r} (sqlite or parquet)", err=True)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add the review commands to ``app``."""
    app.command("check")(check)
    app.command("conflicts")(conflicts)
    app.command("report")(report)
    app.command("publish")(publish)
