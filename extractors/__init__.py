"""Extractors: one module per concept, pure functions from text to typed spans with offsets.

No I/O here: curated word lists live in ``extractors/data`` and are loaded by :mod:`chitieu.extractors.lexicon`.
"""
