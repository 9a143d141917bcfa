"""Assemble stage (placeholder until the extraction core lands)."""

from __future__ import annotations

from pipeline.models import Reference, Target


def assemble_targets(text: str, doc_id: str) -> tuple[list[Target], list[Reference], list]:
    return [], [], []
