"""The output folder shared by runs: one run writes at a time, the tables appear all at once, and what
a killed run left behind is finished or cleaned up by the next one.

- **Lock** (:func:`locked`): a run holds ``OUT/.chitieu-work/lock`` (``flock``, released by the
  system when the process ends, even killed); a second run into the same folder stops at once with
  :class:`Busy` (``chitieu extract`` exits 75), or waits for it with ``--wait``.
- **All at once** (:func:`publish`): the new tables are written in full under temporary names, then
  a journal listing the renames is written (atomically, the last of them), then the renames are done
  and the journal removed. A run killed between two renames leaves the journal: the next command
  (a run, or any tool reading the tables, :func:`complete`) does the remaining renames first, so the
  folder never holds the tables of two runs once it is read.
- **Leftovers** (:func:`clean_leftovers`): temporary files of killed runs (``.targets.csv.tmp-<pid>``
  and the like) are removed when the next run starts, under the lock.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> (out / ".t.tmp").write_text("new"); (out / "t.csv").write_text("old")
    3
    3
    >>> publish(out, [(out / ".t.tmp", out / "t.csv")], out)
    >>> (out / "t.csv").read_text(), (out / JOURNAL).exists()
    ('new', False)
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

JOURNAL = ".chitieu-publish.json"
LOCK = "lock"
# temporary names the writers use (chitieu.pipeline.write): "<name>.tmp-<pid>" and "<name>.old-<pid>"
_LEFTOVER = re.compile(r"\.(?:targets|references|documents|spans)\.csv\.tmp-\d+|\.texts\.jsonl\.tmp-\d+"
                       r"|\.targets\.parquet\.tmp-\d+|\.targets_parquet\.(?:tmp|old)-\d+|\.chitieu-publish\.json\.tmp-\d+")


class Busy(Exception):
    """Another run holds the output folder."""


@contextlib.contextmanager
def locked(work_dir: Path, wait: bool = False) -> Iterator[None]:
    """Hold ``work_dir/lock`` for the block; :class:`Busy` at once when another process holds it
    (unless ``wait``: then block until it is free). Where ``flock`` does not exist, no lock."""
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield
        return
    work_dir.mkdir(parents=True, exist_ok=True)
    with open(work_dir / LOCK, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip()
            raise Busy(f"another chitieu run{f' (process {holder})' if holder else ''} is writing to "
                       f"{work_dir.parent}; wait for it to end, or add --wait") from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        try:
            yield
        finally:
            fh.truncate(0)
            fcntl.flock(fh, fcntl.LOCK_UN)


def publish(base: Path, moves: Sequence[tuple[Path, Path]], journal_dir: Path) -> None:
    """Move each complete temporary file (or folder) over its final name, all or (after a kill, once
    :func:`complete` has run) all: the journal in ``journal_dir`` lists the moves before any is made.
    Paths are kept relative to ``base`` (the output folder), so a moved folder still completes."""
    journal = journal_dir / JOURNAL
    entries = [[os.path.relpath(tmp, base), os.path.relpath(final, base)] for tmp, final in moves]
    staged = journal.with_name(JOURNAL + f".tmp-{os.getpid()}")
    staged.write_text(json.dumps({"moves": entries}), encoding="utf-8")
    os.replace(staged, journal)  # from here on the new set is the published one
    _do_moves(base, entries)
    journal.unlink()


def complete(base: Path, journal_dir: Path) -> bool:
    """Finish the publishing a killed run left half done (True when there was one)."""
    journal = journal_dir / JOURNAL
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))["moves"]
    except FileNotFoundError:
        return False
    except (OSError, ValueError, KeyError, TypeError):  # a journal cut short was never in force
        journal.unlink(missing_ok=True)
        return False
    _do_moves(base, entries)
    journal.unlink(missing_ok=True)
    return True


def _do_moves(base: Path, entries: list[list[str]]) -> None:
    for tmp_name, final_name in entries:
        tmp, final = base / tmp_name, base / final_name
        if not tmp.exists():
            continue  # moved before the kill (or by another reader finishing it)
        if tmp.is_dir():  # a partitioned Parquet folder: the old one aside, the new one in, the old one gone
            old = final.with_name(f".{final.name}.old-{os.getpid()}")
            if final.exists():
                os.replace(final, old)
            os.replace(tmp, final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                os.replace(tmp, final)


def clean_leftovers(out_dir: Path) -> list[str]:
    """Remove the temporary files killed runs left in ``out_dir`` (call it holding the lock). Returns
    their names."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(out_dir):
            if _LEFTOVER.fullmatch(entry.name):
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                removed.append(entry.name)
    return sorted(removed)
