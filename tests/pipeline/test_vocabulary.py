"""Every word in one place: a word list's entry acts everywhere its vocabulary is used.

The first table is the defects of the renovation issue, written before the fix: a comparator word
must give the comparator and stay out of the indicator; a fall is a ``decrease``. The second part
adds one line to one data file (in a copy of ``extractors/data``, read through ``CHITIEU_DATA``)
and checks that the new word acts on the value, its comparator, its level and a clean indicator.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from chitieu.pipeline.run import assemble_targets

CASES = [
    # text, comparator, measure, words the indicator holds, words it must not hold
    ("Phấn đấu đến năm 2025, tỷ lệ hộ nghèo không vượt quá 5%.", "<=", "level", "tỷ lệ hộ nghèo", "vượt|quá"),
    ("Đến năm 2025, tỷ lệ hộ nghèo chưa đến 5%.", "<", "level", "tỷ lệ hộ nghèo", "chưa"),
    ("Năm 2023, tỷ lệ lao động qua đào tạo ước khoảng 45%.", "~", "level", "lao động qua đào tạo", "ước|khoảng"),
    ("Tỷ lệ hộ nghèo giảm 2% mỗi năm.", "=", "decrease", "tỷ lệ hộ nghèo", "mỗi năm"),
    ("Đến năm 2025, tỷ lệ hộ nghèo giảm bình quân 1 - 1,5%/năm.", "range", "decrease", "tỷ lệ hộ nghèo", "bình quân"),
    ("Tỷ lệ hộ nghèo giảm còn 3,5% vào năm 2025.", "=", "level", "tỷ lệ hộ nghèo", "còn"),
    ("Thu nhập bình quân tăng thêm 10%/năm.", "=", "increase", "thu nhập", "thêm"),
    ("Năm 2023, tỷ lệ bao phủ bảo hiểm y tế không thấp hơn 95%.", ">=", "level", "bảo hiểm y tế", "thấp"),
]
_IDS = ["khong-vuot-qua", "chua-den", "uoc-khoang", "giam-moi-nam", "giam-range", "giam-con", "tang-them",
        "khong-thap-hon"]


@pytest.mark.parametrize(("text", "comparator", "measure", "has", "lacks"), CASES, ids=_IDS)
def test_comparator_and_measure_words(text, comparator, measure, has, lacks) -> None:
    (row,), _, _ = assemble_targets(text, "d")
    assert (row.comparator, row.measure) == (comparator, measure)
    assert has in row.indicator.lower()
    for word in lacks.split("|"):
        assert word not in row.indicator.lower().split() or word in has.split(), row.indicator


_PROBE = """
import json, sys
from chitieu.pipeline.run import assemble_targets
rows = assemble_targets(sys.argv[1], "d")[0]
print(json.dumps([[r.value, r.comparator, r.level, r.indicator] for r in rows], ensure_ascii=False))
"""


def _run(text: str, data_dir: Path | None, tmp_path: Path) -> list[list]:
    env = {"PATH": "/usr/bin:/bin"}
    if data_dir is not None:
        env["CHITIEU_DATA"] = str(data_dir)
    done = subprocess.run([sys.executable, "-c", _PROBE, text], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    source = resources.files("chitieu.extractors").joinpath("data")
    target = tmp_path / "data"
    shutil.copytree(str(source), target)
    return target


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(line + "\n")


def test_a_new_comparator_word_is_one_line(data_copy: Path, tmp_path: Path) -> None:
    text = "Phấn đấu đến năm 2025, tỷ lệ hộ nghèo thua kém 5%."  # a made-up comparator phrase
    before = _run(text, data_copy, tmp_path)
    assert before[0][1] == "=" and "thua kém" in before[0][3]
    _append(data_copy / "comparators.csv", "thua kém,<,before")
    after = _run(text, data_copy, tmp_path)
    assert after == [[5.0, "<", "", "tỷ lệ hộ nghèo"]]


def test_a_new_level_phrase_is_one_line(data_copy: Path, tmp_path: Path) -> None:
    text = "Phấn đấu đến năm 2025, 100% hồ sơ tại cấp phường được xử lý trực tuyến."
    before = _run(text, data_copy, tmp_path)
    assert before[0][2] == ""
    _append(data_copy / "levels.csv", "cấp phường,xa,any")
    after = _run(text, data_copy, tmp_path)
    assert after == [[100.0, "=", "xa", "hồ sơ được xử lý trực tuyến"]]


def test_without_the_override_the_shipped_lists_are_read(tmp_path: Path) -> None:
    rows = _run("Đến năm 2025, tỷ lệ hộ nghèo tối thiểu 5%.", None, tmp_path)
    assert rows[0][1] == ">="



@pytest.mark.parametrize("spelling", ["tỷ trọng", "tỉ trọng"])
def test_both_spellings_of_ty_name_a_measure(spelling: str) -> None:
    """``tỷ`` and ``tỉ`` are both written: each opens the measured phrase, and ``trên tổng`` after it is
    part of it (not a comparator)."""
    text = f"Phấn đấu đến năm 2030, {spelling} xuất khẩu công nghệ cao trên tổng giá trị xuất khẩu đạt tối thiểu 50%."
    (row,) = assemble_targets(text, "d")[0]
    assert row.indicator.startswith(spelling) and "trên tổng" in row.indicator
