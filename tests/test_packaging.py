"""One import name: the project is ``chitieu`` and nothing else is importable from an installation."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


def _run_outside(code: str, tmp_path) -> str:
    """Run ``code`` in a fresh interpreter whose working folder is not the repository."""
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_only_chitieu_is_installed(tmp_path) -> None:
    out = _run_outside(
        "import importlib.util as u; print(u.find_spec('pipeline'), u.find_spec('extractors'))", tmp_path
    )
    assert out == "None None"


def test_subpackages_import_under_chitieu(tmp_path) -> None:
    out = _run_outside(
        "import chitieu, chitieu.pipeline.cli, chitieu.extractors.years; print(chitieu.__version__)", tmp_path
    )
    assert out == chitieu_version()


def chitieu_version() -> str:
    import chitieu

    return chitieu.__version__


def test_html_cleaning_is_a_declared_dependency() -> None:
    """lxml >= 5.2 moved ``lxml.html.clean`` into ``lxml_html_clean``: without it every .html file fails."""
    import tomllib

    import lxml.html.clean  # noqa: F401 (the import is the check)

    deps = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {re.split(r"[<>=~!\[; ]", d, maxsplit=1)[0].lower().replace("-", "_") for d in deps}
    assert {"lxml_html_clean", "trafilatura"} <= names


def test_the_extraction_needs_neither_spacy_nor_dask(tmp_path) -> None:
    """``make run`` installs the runtime only: spaCy and Dask are optional extras."""
    out = _run_outside(
        "import sys; sys.modules['spacy'] = sys.modules['dask'] = None; import chitieu; "
        "print(len(chitieu.extract('Phấn đấu đến năm 2025, 80% hồ sơ được xử lý trực tuyến.')))", tmp_path
    )
    assert out == "1"
    import tomllib

    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())["project"]
    assert not any(d.startswith(("spacy", "dask")) for d in project["dependencies"])
    assert {"spacy", "dask", "dev"} <= set(project["optional-dependencies"])
    assert project["license"] == "MIT"  # an SPDX expression, not the deprecated table
