"""The exit codes of every ``chitieu`` command, declared once: ``--help`` and the README show this table.

Usage errors keep click's 2 (a mistyped option, a missing path, a bad value); each ``check`` verdict
and a partly failed run have their own code, so a script can tell them apart.

    >>> int(ExitCode.PARTIAL), ExitCode.for_verdict("not_found").name
    (6, 'NOT_FOUND')
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    CONTRADICTED = 3
    NOT_FOUND = 4
    UNDERSPECIFIED = 5
    PARTIAL = 6
    INTERNAL = 70  # sysexits' EX_SOFTWARE: a bug
    IO_ERROR = 74  # sysexits' EX_IOERR: reading or writing failed
    BUSY = 75  # sysexits' EX_TEMPFAIL: another run writes to --out, try again later
    INTERRUPTED = 130

    @classmethod
    def for_verdict(cls, verdict: str) -> ExitCode:
        """The code of a ``check`` verdict (``supported`` is success)."""
        return cls.OK if verdict == "supported" else cls[verdict.upper()]


#: (code, commands, meaning): one row each.
TABLE: list[tuple[ExitCode, str, str]] = [
    (ExitCode.OK, "all", "success; `check`: the claim is supported"),
    (ExitCode.ERROR, "all", "the run could not be done (the Dask extra missing, a scheduler out of reach)"),
    (ExitCode.USAGE, "all", "usage error: an unknown option or value, a missing path, an `--out` that cannot be "
                            "written, an empty or numberless claim, a DATA folder without targets.csv, a damaged "
                            "table given to a tool (the message names the file and what is wrong)"),
    (ExitCode.CONTRADICTED, "check", "contradicted: the sources give another value"),
    (ExitCode.NOT_FOUND, "check", "not found: no row for that place, indicator, level, year and period"),
    (ExitCode.UNDERSPECIFIED, "check", "underspecified: the claim does not say its place, year or indicator"),
    (ExitCode.PARTIAL, "extract, eval", "some documents failed (each has a `status=error` row in documents.csv; "
                                        "every other document is written, and eval still prints its scores)"),
    (ExitCode.INTERNAL, "all", "unexpected error (a bug): one line; `--debug` or CHITIEU_DEBUG=1 shows the traceback"),
    (ExitCode.IO_ERROR, "all", "reading or writing failed (a full disk, a folder made read-only during the run)"),
    (ExitCode.BUSY, "extract, eval", "another run writes to `--out` (`--wait` waits for it instead)"),
    (ExitCode.INTERRUPTED, "all", "interrupted (Ctrl-C)"),
]


def markdown_table() -> str:
    """The table as the README shows it.

        >>> print(markdown_table().splitlines()[2])
        | 0 | all | success; `check`: the claim is supported |
    """
    lines = ["| code | command | meaning |", "|--:|---|---|"]
    lines += [f"| {int(code)} | {commands} | {meaning} |" for code, commands, meaning in TABLE]
    return "\n".join(lines)


def help_text() -> str:
    """The table as ``chitieu --help`` shows it (one line per code)."""
    return "Exit codes:\n\n" + "\n\n".join(
        f"{int(code)}  {meaning.replace('`', '')}" + ("" if commands == "all" else f" ({commands})")
        for code, commands, meaning in TABLE)
