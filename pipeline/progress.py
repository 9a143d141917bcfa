"""Progress of a run on stderr: a ``rich`` bar on a terminal, a line every few seconds in a log.

``enabled``: ``True`` a bar, ``False`` nothing (``-q``), ``None`` (the default) a bar when the stream is
a terminal and otherwise a plain line every :data:`LOG_EVERY` seconds, so a run in a log (a batch job,
``nohup``) says how far it is. Errors (:meth:`Progress.message`) are printed in every mode.

    >>> p = Progress(total_bytes=2_000_000, total_docs=10, enabled=False)
    >>> p.advance(200_000); p.done_docs
    1
    >>> p.line().startswith("10% 1/10 docs")
    True
"""

from __future__ import annotations

import logging
import re
import sys
import time
from typing import TextIO

#: Seconds between two lines when the stream is not a terminal.
LOG_EVERY = 10.0

#: Loggers of libraries that report, for a bad PDF or page, what the document's error row already says.
QUIET_LOGGERS = ("pypdf", "trafilatura", "htmldate", "courlan", "justext", "readability", "charset_normalizer",
                 "underthesea", "docx", "urllib3", "distributed", "fontTools")


def quiet_third_party_loggers() -> None:
    """Silence the warnings other libraries log while reading documents (``pypdf``: a broken xref, …)."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)


class Progress:
    """Counts documents and bytes; redraws the bar at most ~8 times a second."""

    def __init__(self, total_bytes: int, total_docs: int | None, enabled: bool | None = None,
                 stream: TextIO | None = None, every: float | None = None) -> None:
        self.stream = stream or sys.stderr
        tty = self.stream.isatty()
        self.mode = ("bar" if tty else "log") if enabled is None else ("bar" if enabled else "off")
        self.every = LOG_EVERY if every is None else every
        self.total_bytes = max(total_bytes, 1)
        self.total_docs = total_docs
        self.done_docs = 0
        self.done_bytes = 0
        self.cached = 0
        self.failed = 0
        self.start = time.monotonic()
        self._last = self.start if self.mode == "log" else 0.0
        self._logged = False
        self._bar = None
        if self.mode == "bar":
            self._start_bar()

    @property
    def enabled(self) -> bool:
        return self.mode != "off"

    def _start_bar(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        console = Console(file=self.stream, stderr=self.stream is sys.stderr)
        # No refresh thread (the worker pool forks after this): the bar is redrawn as documents finish.
        self._bar = RichProgress(
            BarColumn(), TextColumn("{task.percentage:>3.0f}%"), TextColumn("{task.fields[docs]}"),
            TextColumn("{task.fields[rate]}"), TextColumn("ETA"), TimeRemainingColumn(),
            console=console, auto_refresh=False, transient=False,
        )
        self._task = self._bar.add_task("chitieu", total=self.total_bytes, docs=self._docs(), rate="")
        self._bar.start()

    def advance(self, nbytes: int, cached: bool = False, failed: bool = False) -> None:
        self.done_docs += 1
        self.done_bytes += nbytes
        self.cached += cached
        self.failed += failed
        now = time.monotonic()
        if self.mode == "bar" and now - self._last > 0.125:
            self._last = now
            self._draw(now)
        elif self.mode == "log" and now - self._last >= self.every:
            self._last = now
            self._logged = True
            print(self.line(now), file=self.stream, flush=True)

    def _docs(self) -> str:
        docs = f"{self.done_docs}/{self.total_docs}" if self.total_docs else f"{self.done_docs}"
        extra = "".join(f", {n} {label}" for n, label in ((self.cached, "cached"), (self.failed, "failed")) if n)
        return f"{docs} docs{extra}"

    def _rate(self, now: float) -> float:
        return self.done_bytes / max(now - self.start, 1e-6)

    def line(self, now: float | None = None) -> str:
        """The state in one line (what a log shows): share done, documents, MB/s and time left."""
        now = now or time.monotonic()
        rate = self._rate(now)
        share = min(self.done_bytes / self.total_bytes, 1.0)
        remaining = (self.total_bytes - self.done_bytes) / rate if rate > 0 else 0.0
        return f"{share:.0%} {self._docs()}  {rate / 1e6:.2f} MB/s  ETA {_clock(remaining)}"

    def _draw(self, now: float) -> None:
        self._bar.update(self._task, completed=min(self.done_bytes, self.total_bytes), docs=self._docs(),
                         rate=f"{self._rate(now) / 1e6:5.2f} MB/s")
        self._bar.refresh()

    def message(self, text: str) -> None:
        """Print a line (an error) without garbling the bar."""
        text = printable(text)
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            print(text, file=self.stream, flush=True)

    def mark_complete(self) -> None:
        """Every document is read: the share is 100% whatever the size estimate said (an export's total
        counts its JSON keys and other fields, which no document's text holds).

            >>> p = Progress(total_bytes=2_000_000, total_docs=None, enabled=False)
            >>> p.advance(1_500_000); p.mark_complete(); p.line().startswith("100% 1 docs")
            True
        """
        self.total_bytes = max(self.done_bytes, 1)
        if self._bar is not None:
            self._bar.update(self._task, total=self.total_bytes)

    def finish(self) -> None:
        """Draw the final state and end the bar (a log gets a last line if it had any)."""
        now = time.monotonic()
        if self._bar is not None:
            self._draw(now)
            self._bar.stop()
            self._bar = None
        elif self.mode == "log" and self._logged:
            print(self.line(now), file=self.stream, flush=True)


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


# C0 and C1 control characters (but the line breaks and tabs of a multi-line message), DEL, and the
# bidirectional overrides that reorder what a terminal shows
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    r"""``text`` safe for a terminal: every control character (an escape sequence from a document or a
    file name) written as ``\uXXXX``, so nothing a document holds can move the cursor or recolour
    the screen. Also valid inside a JSON string.

        >>> printable("Tỷ lệ đạt 80%\x1b[2J\r")
        'Tỷ lệ đạt 80%\\u001b[2J\\u000d'
    """
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
