"""The docstring examples of every module run as doctests, imported by their one name (``chitieu.…``).

pytest's own ``--doctest-modules`` would import ``pipeline/…`` a second time as a top-level package
named ``pipeline``; this collects the same examples from the installed modules instead.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import chitieu.extractors
import chitieu.pipeline
import pytest

import chitieu
import chitieu.tools


def _modules() -> list[str]:
    names = ["chitieu", "chitieu.tools", "chitieu.pipeline", "chitieu.extractors"]
    for package in (chitieu.tools, chitieu.pipeline, chitieu.extractors):
        names += [info.name for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    return sorted(names)


def _with_examples() -> list[str]:
    finder = doctest.DocTestFinder()
    out = []
    for name in _modules():
        module = importlib.import_module(name)
        if any(t.examples for t in finder.find(module, name)):
            out.append(name)
    return out


def test_the_subpackages_are_found() -> None:
    names = _modules()
    assert {"chitieu.pipeline.assemble", "chitieu.extractors.years", "chitieu.tools.tables"} <= set(names)


@pytest.mark.parametrize("name", _with_examples())
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
