"""The ``chitieu`` command line.

Exit codes: 0 everything succeeded; 1 a usage error (missing path, bad option);
2 some documents failed (each has a ``status=error`` row in ``documents.csv``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from pipeline import __version__, cli_review

app = typer.Typer(
    name="chitieu",
    help=(
        "Turn every quantified target (chỉ tiêu) in Vietnamese news and policy texts into a tidy table: "
        "indicator, level, value, year, status, place and source document, each row pointing to the exact "
        "characters it came from.\n\nStart with:  chitieu extract corpus --out outputs"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"chitieu: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"chitieu {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """chitieu: Vietnamese targets as a grounded table."""


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders (searched recursively) or glob patterns."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Folder for the tables (created if needed)."),
) -> None:
    """Extract targets and references from PATHS into OUT/targets.csv, targets.parquet,
    references.csv and documents.csv.

    Example:  chitieu extract corpus "news/*.txt" --out outputs

    Exit code 0 when every document succeeded, 2 when some failed (see documents.csv), 1 on a usage error.
    """
    from pipeline.batch import run_batch
    from pipeline.read import InputError

    try:
        summary = run_batch(paths, out)
    except InputError as exc:
        _fail(str(exc))
    typer.echo(
        f"{summary.documents} documents ({summary.failed} failed): {summary.targets} targets, "
        f"{summary.references} references → {summary.out_dir}/",
        err=True,
    )
    if summary.failed:
        raise typer.Exit(2)


@app.command("eval")
def evaluate(
    docs_dir: Path = typer.Argument(..., help="Folder of the documents the gold tables describe."),
    gold_targets: Path = typer.Option(..., "--gold-targets", help="Gold targets CSV (see the annotation guide)."),
    gold_references: Path | None = typer.Option(None, "--gold-references", help="Gold references CSV."),
    verbose: bool = typer.Option(True, "--errors/--no-errors", help="Print a line per wrong or missing row."),
) -> None:
    """Score the extraction of DOCS_DIR against gold tables: per-field accuracy and tuple P/R/F1.

    Matching follows the annotation guide: a predicted row matches a gold row of the same
    document when their spans overlap (greedy, one-to-one, largest overlap first).
    """
    from pipeline.evaluate import evaluate_dir, format_report

    for p in [docs_dir, gold_targets] + ([gold_references] if gold_references else []):
        if not p.exists():
            _fail(f"no such file or folder: {p}")
    report = evaluate_dir(docs_dir, gold_targets, gold_references)
    typer.echo(format_report(report, errors=verbose))


cli_review.register(app)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("chitieu: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
