"""A one-line progress bar on stderr (documents, MB/s, ETA), only when stderr is a terminal.

    >>> p = Progress(total_bytes=2_000_000, total_docs=10, enabled=False)
    >>> p.advance(200_000); p.done_docs
    1
"""

from __future__ import annotations

import re
import sys
import time
from typing import TextIO


class Progress:
    """Counts documents and bytes; redraws at most ~8 times a second."""

    def __init__(self, total_bytes: int, total_docs: int | None, enabled: bool | None = None,
                 stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total_bytes = max(total_bytes, 1)
        self.total_docs = total_docs
        self.done_docs = 0
        self.done_bytes = 0
        self.cached = 0
        self.failed = 0
        self.start = time.monotonic()
        self._last = 0.0
        self._width = 0

    def advance(self, nbytes: int, cached: bool = False, failed: bool = False) -> None:
        self.done_docs += 1
        self.done_bytes += nbytes
        self.cached += cached
        self.failed += failed
        now = time.monotonic()
        if self.enabled and now - self._last > 0.125:
            self._last = now
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.start, 1e-6)
        rate = self.done_bytes / elapsed
        share = min(self.done_bytes / self.total_bytes, 1.0)
        remaining = (self.total_bytes - self.done_bytes) / rate if rate > 0 else 0.0
        bar = "#" * int(share * 24)
        docs = f"{self.done_docs}/{self.total_docs}" if self.total_docs else f"{self.done_docs}"
        extra = "".join(
            f", {n} {label}" for n, label in ((self.cached, "cached"), (self.failed, "failed")) if n
        )
        return (
            f"[{bar:<24}] {share:4.0%} {docs} docs{extra}  {rate / 1e6:5.2f} MB/s  "
            f"ETA {_clock(remaining)}"
        )

    def _draw(self, now: float) -> None:
        text = self.line(now)
        pad = max(self._width - len(text), 0)
        self._width = len(text)
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()

    def message(self, text: str) -> None:
        """Print a line (an error) without garbling the bar."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self._width = 0
        print(printable(text), file=self.stream)

    def finish(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()


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
