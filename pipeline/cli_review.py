"""Commands for journalists and dashboards (check, conflicts, report, publish).

``register(app)`` adds them to the ``chitieu`` command line.
"""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the review commands to ``app`` (none yet)."""
