"""The ``chitieu`` command line.

Exit codes (one table for every command, :mod:`chitieu.pipeline.exit_codes`): 0 success; 1 the run could
not be done; 2 a usage error (click's: a bad option, a missing path, an ``--out`` that is a file or cannot
be written, a damaged table given to a tool); 3–5 the verdicts of ``check``; 6 some documents failed (each
has a ``status=error`` row in ``documents.csv``); 70 an unexpected error (a bug: one line, the traceback
with ``--debug`` or ``CHITIEU_DEBUG=1``); 74 reading or writing failed; 75 another run writes to
``--out``; 130 interrupted. Every message is one line on stderr, never a traceback.

``-`` is standard input or output: ``extract -`` reads a text (or JSONL records) from stdin, ``--out -``
writes targets.csv to stdout; ``check -`` reads the claim from stdin.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path

import typer
from chitieu.pipeline import __version__
from chitieu.pipeline.exit_codes import ExitCode, help_text
from chitieu.pipeline.progress import printable

from chitieu.tools import cli as tools_cli


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class Subset(StrEnum):
    even = "even"
    odd = "odd"


app = typer.Typer(
    name="chitieu",
    help=(
        "Turn every quantified target (chỉ tiêu) in Vietnamese news and policy texts into a tidy table: "
        "indicator, level, value, year, status, place and source document, each row pointing to the exact "
        "characters it came from.\n\nStart with:  chitieu extract corpus --out outputs"
    ),
    epilog=help_text(),
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion; or _CHITIEU_COMPLETE=bash_source chitieu
    pretty_exceptions_enable=False,
)


BUSY = ExitCode.BUSY
IO_ERROR = ExitCode.IO_ERROR
INTERNAL = ExitCode.INTERNAL
_debug = {"on": False}


def _fail(message: str, code: int = ExitCode.USAGE) -> None:
    typer.echo(f"chitieu: {printable(' '.join(message.split()))}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"chitieu {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an unexpected error (also CHITIEU_DEBUG=1)."),
) -> None:
    """chitieu: Vietnamese targets as a grounded table."""
    _debug["on"] = debug


@app.command()
def extract(
    paths: list[str] = typer.Argument(
        ..., help="Files, folders (searched recursively) or glob patterns; - reads stdin (a text, or JSONL records)."),
    out: Path = typer.Option(
        Path("outputs"), "--out", "-o", help="Folder for the tables (created if needed); - writes targets.csv to stdout."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (default: all cores)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Recompute every document; the cache is neither read nor written."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local (a process pool) or dask (a Dask cluster)."),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Dask scheduler address (tcp://host:8786); a local cluster when absent."
    ),
    id_column: str | None = typer.Option(None, "--id-column", help="Exports (.jsonl/.csv): column of the doc_id."),
    text_column: str | None = typer.Option(None, "--text-column", help="Exports: column of the text."),
    date_column: str | None = typer.Option(
        None, "--date-column", help="Exports and metadata files: column of the date (default: date, published, ngay, …)."
    ),
    url_column: str | None = typer.Option(
        None, "--url-column", help="Exports and metadata files: column of the URL (default: url, link, …)."
    ),
    outlet_column: str | None = typer.Option(
        None, "--outlet-column",
        help="Exports and metadata files: column of the publisher (default: outlet, publisher, sitename, site, source, domain).",
    ),
    title_column: str | None = typer.Option(
        None, "--title-column", help="Exports and metadata files: column of the title (default: title, headline, tieu_de)."
    ),
    max_chars: int = typer.Option(
        5_000_000, "--max-chars", min=0, help="A longer document becomes an error row (0: no limit)."
    ),
    doc_timeout: float = typer.Option(
        300.0, "--doc-timeout", min=0, help="Seconds one document may take before it becomes an error row (0: no limit)."
    ),
    wait: bool = typer.Option(False, "--wait", help="When another run writes to OUT, wait for it (default: exit 75)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress (the summary line is still printed)."),
) -> None:
    """Extract targets and references from PATHS into OUT/targets.csv, targets.parquet,
    references.csv, documents.csv, spans.csv and texts.jsonl.

    Inputs: .txt (UTF-8/16, Windows-1258, TCVN3, VNI), .html, .docx, text .pdf; .jsonl/.csv exports
    (also .jsonl.gz/.csv.gz) if named.

    Example:  chitieu extract corpus "news/*.txt" exports/articles.jsonl --out outputs -j 2

    Metadata (url, date, outlet, title → documents.csv; the date also → targets.csv): an export's
    columns; for document files, a metadata.csv or metadata.jsonl in their folder with one row per
    file (a file, filename or id column holding the file name or stem, then the same columns as
    exports); else the file's own (HTML meta tags, .docx and PDF properties). Dates become ISO
    (30/6/2023 → 2023-06-30). An unreadable value is dropped and named in the warnings column
    (bad_date, bad_url); the document is still processed.

    A rerun skips the documents already done (kept in OUT/.chitieu-work): a stopped run resumes.

    Pipes:  cat tin.txt | chitieu extract - --out - > targets.csv

    A document longer than --max-chars characters or taking more than --doc-timeout seconds becomes an
    error row (documents.csv says which limit); the others are still processed.

    One run at a time writes to OUT: a second one exits 75 at once (or waits, with --wait). The tables
    appear all at once when the run ends; a killed run's leftovers are cleaned up by the next one.

    Exit code 0 when every document succeeded, 6 when some failed (see documents.csv), 2 on a usage error
    (also: --jobs above the cores, an --out that is a file or cannot be written), 1 when the run
    could not be done (the Dask extra missing, a scheduler out of reach), 75 when another run writes to OUT.
    """
    import tempfile

    from chitieu.pipeline.batch import run_batch
    from chitieu.pipeline.engine import Limits
    from chitieu.pipeline.engine_dask import EngineError
    from chitieu.pipeline.outdir import Busy
    from chitieu.pipeline.read import InputError, ReadOptions

    _check_engine(engine, jobs, scheduler)
    to_stdout = str(out) == "-"
    scratch = tempfile.TemporaryDirectory(prefix="chitieu-") if to_stdout else None
    if scratch is not None:
        out, no_cache = Path(scratch.name), True
    _check_out(out)
    options = ReadOptions(id_column=id_column, text_column=text_column, date_column=date_column, url_column=url_column,
                          outlet_column=outlet_column, title_column=title_column)
    try:
        paths = _stdin_input(paths, out)
        summary = run_batch(
            paths, out, jobs=jobs or None, use_cache=not no_cache, engine=engine.value, scheduler=scheduler,
            options=options, progress=False if quiet else None, limits=Limits(max_chars, doc_timeout), wait=wait,
        )
    except Busy as exc:
        _fail(str(exc), BUSY)
    except OSError as exc:  # the disk filled up, the folder became read-only during the run
        where = f"{exc.filename}: " if exc.filename else f"--out {out}: cannot write the tables: "
        _fail(f"{where}{exc.strerror or exc}", IO_ERROR)
    except InputError as exc:
        _fail(str(exc))
    except EngineError as exc:  # the Dask extra missing, a scheduler that cannot be reached
        _fail(str(exc), ExitCode.ERROR)
    cached = f", {summary.cached} from cache" if summary.cached else ""
    where = "stdout" if to_stdout else f"{summary.out_dir}/"
    typer.echo(
        f"{summary.documents} documents ({summary.failed} failed{cached}): {summary.targets} targets, "
        f"{summary.references} references → {where} in {summary.seconds:.1f}s",
        err=True,
    )
    if scratch is not None:
        sys.stdout.write((out / "targets.csv").read_text(encoding="utf-8"))
        sys.stdout.flush()
        scratch.cleanup()
    if summary.failed:
        raise typer.Exit(ExitCode.PARTIAL)


@app.command("eval")
def evaluate(
    paths: list[str] = typer.Argument(..., help="What `chitieu extract` reads: files, folders, glob patterns, exports."),
    gold_targets: Path = typer.Option(..., "--gold-targets", help="Gold targets CSV (see the annotation guide)."),
    gold_references: Path | None = typer.Option(None, "--gold-references", help="Gold references CSV."),
    id_column: str | None = typer.Option(None, "--id-column", help="Exports (.jsonl/.csv): column of the doc_id."),
    text_column: str | None = typer.Option(None, "--text-column", help="Exports: column of the text."),
    date_column: str | None = typer.Option(None, "--date-column", help="Exports: column of the date."),
    url_column: str | None = typer.Option(None, "--url-column", help="Exports: column of the URL."),
    subset: Subset | None = typer.Option(
        None, "--subset", help="Score only the even- or odd-numbered documents (n02_… is even, n03_… odd)."
    ),
    ids_file: Path | None = typer.Option(None, "--ids-file", help="Score only the document ids of this file (one a line)."),
    halves: bool = typer.Option(False, "--halves", help="Three rows from one extraction: even half, odd half, all."),
    misses: bool = typer.Option(
        False, "--misses", help="Print each missed gold row, spurious prediction and wrong field, with its sentence."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON instead of the table."),
    label: str | None = typer.Option(None, "--label", help="Name of the set in the table (default: the input's name)."),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Keep the extracted tables here (a rerun reuses its cache); default: a temporary folder."
    ),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (default: all cores)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Recompute every document."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local (a process pool) or dask (a Dask cluster)."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address (with --engine dask)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Extract PATHS exactly as `chitieu extract` does and score the result against gold tables.

    Prints one table: tuple P/R/F1, each field's accuracy over matched rows, references' P/R/F1.

    Example:  chitieu eval docs.jsonl --id-column id --text-column text --gold-targets gold.csv --halves

    Exit code 0 when every document was processed, 6 when some failed (the table is printed, but their gold
    rows count as missed), 2 on a usage error, 1 when the run could not be done.
    """
    import dataclasses
    import json

    from chitieu.pipeline.engine_dask import EngineError
    from chitieu.pipeline.evaluate import SUBSETS, format_misses, format_table, read_ids, run_eval
    from chitieu.pipeline.outdir import Busy
    from chitieu.pipeline.read import InputError, ReadOptions

    for p in [gold_targets] + [p for p in (gold_references, ids_file) if p is not None]:
        if not p.exists():
            _fail(f"no such file or folder: {p}")
    subset = subset.value if subset is not None else None
    assert subset is None or subset in SUBSETS
    if sum([subset is not None, ids_file is not None, halves]) > 1:
        _fail("--subset, --ids-file and --halves choose the documents: give one of them")
    if misses and halves:
        _fail("--misses lists one set of documents: choose it with --subset or --ids-file, not --halves")
    _check_engine(engine, jobs, scheduler)
    if out is not None:
        _check_out(out)
    if label is None:
        label = Path(paths[0]).stem if len(paths) == 1 else "input"
    options = ReadOptions(id_column=id_column, text_column=text_column, date_column=date_column, url_column=url_column)
    try:
        reports = run_eval(
            paths, gold_targets, gold_references, label=label, subset=subset,
            ids=read_ids(ids_file) if ids_file else None, halves=halves, out_dir=out, misses=misses,
            jobs=jobs or None, use_cache=not no_cache, engine=engine.value, scheduler=scheduler, options=options,
            progress=False if quiet else None,
        )
    except InputError as exc:
        _fail(str(exc))
    except EngineError as exc:
        _fail(str(exc), ExitCode.ERROR)
    except Busy as exc:
        _fail(str(exc), BUSY)
    rows = [r.as_dict() for r in reports]
    found = []
    if misses:
        (report,) = reports
        found = report.targets.misses + (report.references.misses if report.references else [])
    if as_json:
        scores: dict = {"rows": rows}
        if misses:
            scores["misses"] = [dataclasses.asdict(m) for m in found]
        typer.echo(printable(json.dumps(scores, ensure_ascii=False, indent=1)))
    else:
        typer.echo(printable(format_table(rows)))
        if misses:  # sentences of the documents: their control characters escaped
            typer.echo(printable("\n" + (format_misses(found) or "no misses")))
    if any(r.failed for r in reports):
        raise typer.Exit(ExitCode.PARTIAL)  # scores of a set whose documents failed are no scores: as extract


tools_cli.register(app)


def _check_engine(engine: Engine, jobs: int, scheduler: str | None) -> None:
    """The engine options of ``extract`` and ``eval``, checked the same way (--engine is a choice)."""
    from chitieu.pipeline.batch import default_jobs

    if jobs < 0:
        _fail("--jobs must be a positive number")
    cores = default_jobs()
    if jobs > cores:  # more workers than cores only adds memory and switching
        _fail(f"--jobs must be at most {cores} (the cores of this machine)")
    if scheduler and engine != Engine.dask:
        _fail("--scheduler needs --engine dask")


def _check_out(out: Path) -> None:
    """An output folder that exists as a file, or cannot be created or written: a one-line usage error."""
    import os

    if out.exists() and not out.is_dir():
        _fail(f"--out {out} is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(f"--out {out}: cannot create the folder ({exc.strerror or exc})")
    if not os.access(out, os.W_OK | os.X_OK):
        _fail(f"--out {out}: the folder is not writable")


def _stdin_input(paths: list[str], out: Path) -> list[str]:
    """``-`` among the inputs: standard input, kept as OUT/.chitieu-work/stdin/stdin.txt (one document,
    doc_id ``stdin``) or stdin.jsonl when every line is a JSON object (an export: one document a record)."""
    import json

    if "-" not in paths:
        return paths
    data = sys.stdin.buffer.read()
    lines = [line for line in data.splitlines() if line.strip()]
    try:
        records = bool(lines) and all(isinstance(json.loads(line), dict) for line in lines)
    except ValueError:  # UnicodeDecodeError too
        records = False
    folder = out / ".chitieu-work" / "stdin"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ("stdin.jsonl" if records else "stdin.txt")
    path.write_bytes(data)
    return [str(path) if p == "-" else p for p in paths]


def _click_completion_names() -> None:
    """click's spelling of the completion variable (``bash_source``) as well as typer's (``source_bash``)."""
    value = os.environ.get("_CHITIEU_COMPLETE", "")
    shell, _, action = value.partition("_")
    if action in ("source", "complete") and shell in ("bash", "zsh", "fish", "powershell", "pwsh"):
        os.environ["_CHITIEU_COMPLETE"] = f"{action}_{shell}"


def _one_line_error(exc: BaseException) -> tuple[str, int]:
    """The message and exit code of an error no command handled (see the module docstring)."""
    from chitieu.tools.tables import TableError

    if isinstance(exc, TableError):
        return str(exc), ExitCode.USAGE
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}", IO_ERROR
    if isinstance(exc, MemoryError):
        return "out of memory", INTERNAL
    return (f"unexpected error: {type(exc).__name__}: {exc} (a bug; rerun with --debug for the traceback)",
            INTERNAL)


def main() -> None:
    """Console-script entry point: every error is one line on stderr and a documented exit code."""
    from chitieu.pipeline.progress import quiet_third_party_loggers

    quiet_third_party_loggers()
    _click_completion_names()
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("chitieu: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 (the last line of defence: never a traceback)
        if _debug["on"] or os.environ.get("CHITIEU_DEBUG", "") not in ("", "0"):
            raise
        message, code = _one_line_error(exc)
        typer.echo(f"chitieu: {printable(' '.join(message.split()))[:1000]}", err=True)
        sys.exit(code)


if __name__ == "__main__":
    main()
