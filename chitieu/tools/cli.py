"""Commands for journalists and dashboards (check, conflicts, progress, report, publish).

``register(app)`` adds them to the ``chitieu`` command line. Each reads the folder written by
``chitieu extract`` (``targets.csv``, ``references.csv``, ``documents.csv``, ``spans.csv``,
``texts.jsonl``) through :mod:`chitieu.tools.tables`.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from chitieu.pipeline.exit_codes import ExitCode

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
        raise typer.Exit(ExitCode.USAGE)


class Format(StrEnum):
    sqlite = "sqlite"
    parquet = "parquet"


def check(
    claim: Annotated[str | None, typer.Argument(help="The claim, in Vietnamese (diacritics optional), as one sentence; "
                                                "- reads it from stdin.")] = None,
    data: Data = _OUTPUTS,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object (verdict, claim, missing, evidence, near).")] = False,
    claims: Annotated[Path | None, typer.Option("--claims", help="Batch: a CSV with a `claim` column (optional `id`); "
                                                "one verdict per row; - reads it from stdin.")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Batch: CSV file to write (default: stdout).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, json, or claimreview: schema.org ClaimReview JSON-LD "
                                     "for a fact-check page (batch: a JSON list).")] = "text",
    org: Annotated[str, typer.Option("--org", help="claimreview: the organisation publishing the review (author).")] = "chitieu",
    org_url: Annotated[str, typer.Option("--org-url", help="claimreview: the organisation's URL.")] = "",
) -> None:
    """Check a CLAIM against the extracted targets: supported, contradicted, not found or underspecified.

    The claim goes through the same extractors as the documents (text typed without diacritics too); its tuple (place, indicator, level, year, period, status, value, comparator) is shown first. Only rows with the same place, indicator, level, year, period, status and measure are evidence; rows that differ are shown as "near", never as evidence. Each row cites the document, the quote (sentence), the offsets, the date, the url and the legal document (decision).

    Example:  chitieu check "Khánh Hòa phấn đấu đến năm 2025 có 60% hồ sơ công việc cấp xã được xử lý trên môi trường mạng" --data outputs

    Batch:  chitieu check --claims claims.csv --data outputs --out verdicts.csv

    Publish:  chitieu check "…" --format claimreview --org "Báo …" prints a schema.org ClaimReview (JSON-LD): reviewRating.alternateName is the verdict, itemReviewed.appearance the cited sources.

    From stdin:  echo "Khánh Hòa … 60% …" | chitieu check - --data outputs

    Exit codes: 0 supported; 3 contradicted (the sources give another value); 4 not found (no row for that place, indicator, level, year and period); 5 underspecified (the claim does not say its place, year or indicator); 2 usage error (no data, empty claim, claim without a number). Batch mode exits 0 once every row has its verdict.
    """
    from chitieu.tools.check import ClaimError, format_result
    from chitieu.tools.check import check as run_check

    _need_data(data)
    if fmt not in ("text", "json", "claimreview"):
        typer.echo(f"chitieu: unknown --format {fmt!r} (text, json or claimreview)", err=True)
        raise typer.Exit(ExitCode.USAGE)
    if claims is not None:
        from chitieu.tools.check import check_file, claim_reviews_file

        if fmt == "claimreview":
            claim_reviews_file(claims, data, out, org=org, org_url=org_url)
        else:
            check_file(claims, data, out)
        raise typer.Exit(0)
    if claim == "-":
        claim = sys.stdin.read().strip()
    try:
        result = run_check(claim or "", data)
    except ClaimError as err:
        _echo(f"chitieu: {err}", err=True)
        raise typer.Exit(ExitCode.USAGE) from None
    if fmt == "claimreview":
        from chitieu.tools.check import claim_review

        _echo(json.dumps(claim_review(result, org, org_url, typed=claim or ""), ensure_ascii=False, indent=2))
    elif as_json or fmt == "json":
        _echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        _echo(format_result(result))
    raise typer.Exit(ExitCode.for_verdict(result.verdict))


def conflicts(
    data: Data = _OUTPUTS,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Folder for conflicts.csv, timeline.csv, "
                                             "timeline.svg (default: the data folder).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object (conflicts, timeline, written) "
                                          "instead of the tables.")] = False,
) -> None:
    """Find contradictions and a timeline per place and indicator.

    Conflicts: rows with the same place, indicator phrase (not just its code), level, year, period, status and measure whose values cannot both be true (ranges and bounds that hold the other value agree), across documents or a headline against its body; each row quoted with document, offsets, date and url. Timeline: values by year per place and indicator.

    Prints both tables and writes OUT/conflicts.csv, OUT/timeline.csv and the chart OUT/timeline.svg.
    """
    from chitieu.tools.conflicts import run_conflicts

    _need_data(data)
    _echo(run_conflicts(data, out or data, as_json=as_json))


def progress(
    data: Data = _OUTPUTS,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list (status, gap, years_left, target, actual, baseline, figures).")] = False,
    csv_out: Annotated[Path | None, typer.Option("--csv", help="Also write one CSV line per target to this file.")] = None,
    place: Annotated[str, typer.Option("--place", help="Only this place (diacritics optional).")] = "",
    indicator: Annotated[str, typer.Option("--indicator", help="Only indicators whose phrase holds these words, or this taxonomy code.")] = "",
    status: Annotated[str, typer.Option("--status", help="Only this status (achieved, on track, off track, not yet, no data).")] = "",
) -> None:
    """How far each target has come: joined with the figures reported for the same place, indicator, level, period and measure.

    Status: achieved (the latest figure up to the deadline meets the target); on track (not met, but at least where a straight line from the earliest figure to the target puts that year); off track (behind that line, or the deadline reached unmet); not yet (not met, no earlier figure to judge the pace); no data (no figure for the same quantity). Each target shows the gap in points (positive: still to go; a ceiling such as `dưới 5%` counts down), the years left (target year − the figure's year) and both quotes with document, offsets, date and url.

    Example:  chitieu progress --data outputs --place "Thanh Hoa" --csv progress.csv
    """
    from chitieu.tools.progress import STATUSES, flat, format_progress, run, select

    _need_data(data)
    if status and status not in STATUSES:
        _echo(f"chitieu: unknown --status {status!r} ({', '.join(STATUSES)})", err=True)
        raise typer.Exit(ExitCode.USAGE)
    items = select(run(data), place, indicator, status)
    if csv_out is not None:
        import csv

        from chitieu.tools.progress import CSV_COLUMNS

        with open(csv_out, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            writer.writerows(flat(p) for p in items)
        _echo(f"progress → {csv_out}", err=True)
    if as_json:
        _echo(json.dumps([p.to_json() for p in items], ensure_ascii=False, indent=2))
    else:
        _echo(format_progress(items))


def report(
    data: Data = _OUTPUTS,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="HTML file to write (default: DATA/report.html); "
                                             "- writes one self-contained page to stdout.")] = None,
    single_file: Annotated[bool, typer.Option("--single-file", help="Put the data inside the page (one file to "
                                              "send; for a few hundred documents).")] = False,
) -> None:
    """Write the review report: DATA/report.html and its data in DATA/report_files/ (open it offline, no CDN).

    A paged table of the targets filtered by place, year, status, level and words of the indicator (tap a row for all its fields and its sentence), a chart of rows by year, and each document's text with values, years, levels, places and references highlighted (tap one for its fields). Texts load only when opened, so 10,000 documents open in about a second. Keep report_files/ beside report.html when copying it.
    """
    from chitieu.tools.report import write_report

    _need_data(data)
    if str(out) == "-":
        import tempfile

        with tempfile.TemporaryDirectory(prefix="chitieu-") as tmp:
            page = write_report(data, Path(tmp) / "report.html", single_file=True)
            sys.stdout.write(page.read_text(encoding="utf-8"))
        return
    path = write_report(data, out or data / "report.html", single_file=single_file)
    _echo(f"report → {path}", err=True)


def publish(
    data: Data = _OUTPUTS,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="sqlite (one file for datasette) or parquet.")] = Format.sqlite,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="sqlite: the .db file (default DATA/chitieu.db, "
                                             "metadata.json beside it); parquet: a folder (default DATA/parquet).")] = None,
) -> None:
    """Publish the tables for dashboards: one SQLite file for datasette, or typed Parquet.

    sqlite: targets, legal_references (references.csv), documents with typed columns, NULL for missing, foreign keys to documents, indexes, a full-text index over the sentences (diacritics optional) and canned queries, plus metadata.json (datasette 0.x) and datasette.yaml (1.x) beside it; browse with:  datasette DATA/chitieu.db -m DATA/metadata.json

    parquet: one file per table with an explicit Arrow schema (enum columns as dictionaries, descriptions in the field metadata).
    """
    from chitieu.tools.publish import publish_parquet, publish_sqlite

    _need_data(data)
    if fmt == Format.sqlite:
        db, meta = publish_sqlite(data, out)
        _echo(f"sqlite → {db} (metadata: {meta})\n  datasette {db} -m {meta}"
                   f"\n  datasette 1.x: datasette {db} -c {meta.with_name('datasette.yaml')} -m {meta}", err=True)
    else:
        paths = publish_parquet(data, out)
        _echo("parquet → " + ", ".join(str(p) for p in paths), err=True)


def register(app: typer.Typer) -> None:
    """Add the review commands to ``app``."""
    app.command("check")(check)
    app.command("conflicts")(conflicts)
    app.command("progress")(progress)
    app.command("report")(report)
    app.command("publish")(publish)
