"""Safe outputs: negative values keep their sign, no number overflows, no CSV cell is a spreadsheet
formula (and reading back is exact), no control character of a document reaches the terminal; and
a property test that runs the whole command line on random inputs. Every input is generated here."""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from chitieu.extractors.percentages import find_percentages
from chitieu.pipeline.write import FORMULA_FIRST, guard_cell, unguard_cell
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tỷ lệ hộ nghèo giảm -5% so với năm trước.", [("-5%", -5.0)]),
        ("GRDP tăng trưởng âm -2,1% trong quý I.", [("-2,1%", -2.1)]),
        ("Xuất khẩu giảm mạnh (-3,5%) so với cùng kỳ.", [("-3,5%", -3.5)]),
        ("Xuất khẩu giảm mạnh (−3,5%) so với cùng kỳ.", [("−3,5%", -3.5)]),  # U+2212, the minus sign
        ("Tốc độ tăng: -0,8%.", [("-0,8%", -0.8)]),
        ("Kết quả:\n- 50% số xã đạt chuẩn;\n- 30% số huyện đạt chuẩn.", [("50%", 50.0), ("30%", 30.0)]),
        ("Kết quả:\n-50% số xã đạt chuẩn", [("50%", 50.0)]),  # a dash that opens its line is a bullet
        ("  - 40% số hộ", [("40%", 40.0)]),
        ("khoảng 75-80% hộ dân", [("75-80%", 75.0)]),  # a range, not a negative 80
        ("Tỷ lệ đạt 2021-5% là sai", [("5%", 5.0)]),  # a dash after a digit is no minus sign
    ],
)
def test_a_minus_joined_to_a_number_keeps_its_sign_a_list_dash_stays_a_bullet(text, found):
    from chitieu.pipeline.normalize import normalize

    norm = normalize(text)
    got = [(norm.original[slice(*norm.to_original(p.start, p.end))], p.value) for p in find_percentages(norm.text)]
    assert got == found


def test_signed_values_reach_the_table_with_their_sign():
    from chitieu.pipeline.run import targets_frame

    frame = targets_frame(["Năm 2023, tốc độ tăng trưởng kinh tế của tỉnh Quảng Nam là -2,1%."])
    assert frame[["surface", "value"]].values.tolist() == [["-2,1%", -2.1]]


def test_a_number_of_thousands_of_digits_is_no_percentage_and_never_inf():
    text = "Tỷ lệ đạt " + "9" * 5000 + "% và đạt 1" + "0" * 400 + ",5%; còn lại đạt 45%."
    assert [(p.surface, p.value) for p in find_percentages(text)] == [("45%", 45.0)]


# ---------------------------------------------------------------------------------------------------
# Spreadsheet formulas

DANGEROUS = "Danh sách:\n- 50% số xã đạt chuẩn nông thôn mới năm 2025;\n+ 30% số huyện đạt chuẩn năm 2025;\n" \
            "=HYPERLINK(\"http://x\") 40% hồ sơ năm 2025;\n@SUM(A1) 20% số hộ năm 2025.\n"


@given(st.text(alphabet=st.sampled_from("=+-@'\t\rab 5%\n\""), max_size=12))
def test_guarding_a_cell_is_reversible_and_never_leaves_a_formula(cell):
    guarded = guard_cell(cell)
    assert unguard_cell(guarded) == cell
    assert len(guarded) <= 1 or guarded[0] not in FORMULA_FIRST - {"'"}


def test_no_csv_cell_is_a_formula_and_the_tables_read_back_exactly(tmp_path):
    from chitieu.pipeline.cli import app
    from typer.testing import CliRunner

    from chitieu.tools.tables import load_table, load_texts

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ds.txt").write_text(DANGEROUS, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    for name in ("targets", "references", "documents", "spans"):
        with open(tmp_path / "out" / f"{name}.csv", encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                assert [c for c in row if len(c) > 1 and c[0] in "=+-@\t\r"] == [], (name, row)
    raw = pd.read_csv(tmp_path / "out" / "targets.csv", dtype=str, keep_default_na=False)
    assert raw["sentence"].str.startswith("'").sum() == 4  # each list line, guarded
    targets = load_table(tmp_path / "out", "targets")
    text = load_texts(tmp_path / "out")["ds"]
    assert targets["surface"].tolist() == ["50%", "30%", "40%", "20%"]
    for row in targets.itertuples():  # read back: the sentences are the text's own characters again
        assert row.sentence in text and row.sentence.startswith(("- 50%", "+ 30%", "=HYPERLINK", "@SUM"))


# ---------------------------------------------------------------------------------------------------
# The terminal


def test_control_characters_of_a_document_never_reach_the_terminal(tmp_path, monkeypatch, capsys):
    from chitieu.pipeline.cli import app, main
    from typer.testing import CliRunner

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Tỉnh Gia Lai phấn đấu đến năm 2025, tối thiểu 80% hồ sơ được xử lý "
                                           "trực tuyến \x1b[2J\x1b]0;pwned\x07\u202e.\n"
                                           + "Người dân phấn khởi đón mùa lúa mới trên cánh đồng.\n" * 20, encoding="utf-8")
    assert CliRunner().invoke(app, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-j", "1",
                                    "-q"]).exit_code == 0
    claim = "Gia Lai phấn đấu đến năm 2025 có 80% hồ sơ được xử lý trực tuyến"
    for args in (["check", claim], ["check", claim, "--json"], ["conflicts"]):
        monkeypatch.setattr(sys, "argv", ["chitieu", *args, "--data", str(tmp_path / "out")])
        with pytest.raises(SystemExit):
            main()
        shown = capsys.readouterr()
        printed = shown.out + shown.err
        assert not any(ch in printed for ch in "\x1b\x07\u202e"), args
        if args[-1] == claim:  # the quote is shown, its control characters escaped
            assert "trực tuyến \\u001b[2J\\u001b]0;pwned\\u0007\\u202e." in printed, printed


# ---------------------------------------------------------------------------------------------------
# The whole command line on random inputs


def _docx(body: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", body)
    return buffer.getvalue()


_TEXT = st.text(alphabet=st.sampled_from(list("Tỷlệđạt 80%,5năm2025\n-()<>&\"'{}[]:\x00\x1b\u202e\ufffd")), max_size=80)
_JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | _TEXT,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
                           max_leaves=8)
_INPUTS = st.one_of(
    st.tuples(st.just("raw.txt"), st.binary(max_size=300)),
    st.tuples(st.just("text.txt"), _TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))),
    st.tuples(st.just("page.html"), st.lists(st.sampled_from(["<div>", "</div>", "<p>", "<b>", "<script>", "<!--",
                                                                "đạt 80% năm 2025", "&amp;", "<table><tr><td>", "\x00"]),
                                             max_size=30).map(lambda parts: "".join(parts).encode())),
    st.tuples(st.just("export.jsonl"), st.lists(_JSON_VALUE, max_size=4).map(
        lambda values: "\n".join(json.dumps(v, ensure_ascii=False) for v in values).encode())),
    st.tuples(st.just("doc.docx"), st.one_of(st.binary(max_size=200).map(_docx), st.binary(max_size=200),
                                             _TEXT.map(lambda t: _docx(f"<w:document><w:t>{t}</w:t></w:document>"
                                                                       .encode("utf-8", "replace"))))),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(_INPUTS, min_size=1, max_size=3))
def test_the_command_line_on_random_inputs_gives_rows_or_an_error_row_never_a_traceback(
        tmp_path_factory, monkeypatch, capsys, files):
    from chitieu.pipeline.cli import main

    root = tmp_path_factory.mktemp("random")
    (root / "in").mkdir()
    names = []
    for i, (name, content) in enumerate(files):
        path = root / "in" / f"{i}-{name}"
        path.write_bytes(content)
        names.append(path.name)
    args = [str(root / "in")]
    if any(n.endswith(".jsonl") for n in names):
        args += [str(root / "in" / n) for n in names if n.endswith(".jsonl")]
    monkeypatch.setattr(sys, "argv", ["chitieu", "extract", *args, "--out", str(root / "out"), "-j", "1", "-q"])
    with pytest.raises(SystemExit) as stopped:
        main()
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert stopped.value.code in (0, 2, 6), err
    if stopped.value.code == 2:  # a usage error (an export with no text column): one line that says so
        assert err.count("\n") == 1 and err.startswith("chitieu: ")
        return
    docs = pd.read_csv(root / "out" / "documents.csv", dtype=str, keep_default_na=False)
    assert set(docs["status"]) <= {"ok", "error"}
    assert (docs.loc[docs["status"] == "error", "error"] != "").all()
    for name in names:  # every file is a document (or, an export, its records): rows or an error row
        if not name.endswith(".jsonl"):
            assert (docs["path"].map(lambda p, n=name: Path(p).name == n)).any(), (name, docs)
    assert (stopped.value.code == 6) == (docs["status"] == "error").any()


def test_the_csv_files_of_the_tools_hold_no_formula_either(tmp_path, monkeypatch, capsys):
    from chitieu.pipeline.cli import app
    from typer.testing import CliRunner

    (tmp_path / "in").mkdir()
    for name, value in (("a", 50), ("b", 60)):  # two plans that disagree: a conflict, quoted
        (tmp_path / "in" / f"{name}.txt").write_text(
            f"Tỉnh Nam Định: kế hoạch\n\nDanh sách:\n- {value}% số xã đạt chuẩn nông thôn mới năm 2025;\n",
            encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(out), "-j", "1", "-q"]).exit_code == 0
    assert runner.invoke(app, ["conflicts", "--data", str(out)]).exit_code == 0
    (tmp_path / "claims.csv").write_text("claim\nNam Định đến năm 2025 có 50% số xã đạt chuẩn nông thôn mới\n",
                                         encoding="utf-8")
    assert runner.invoke(app, ["check", "--claims", str(tmp_path / "claims.csv"), "--data", str(out), "--out",
                               str(tmp_path / "verdicts.csv")]).exit_code == 0
    quoted = 0
    for path in (out / "conflicts.csv", out / "timeline.csv", tmp_path / "verdicts.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                assert [c for c in row if len(c) > 1 and c[0] in "=+-@\t\r"] == [], (path.name, row)
                quoted += any(c.startswith("'- ") for c in row)
    assert quoted >= 2  # the conflict's two sentences, guarded


def test_a_claims_file_that_is_not_text_is_a_one_line_error(tmp_path, monkeypatch, capsys):
    from chitieu.pipeline.cli import main

    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "targets.csv").write_text("doc_id\n", encoding="utf-8")
    (tmp_path / "claims.csv").write_bytes(bytes(range(128, 256)))
    monkeypatch.setattr(sys, "argv", ["chitieu", "check", "--claims", str(tmp_path / "claims.csv"), "--data",
                                      str(tmp_path / "out")])
    with pytest.raises(SystemExit) as stopped:
        main()
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and err.count("\n") == 1
    assert err.startswith(f"chitieu: {tmp_path / 'claims.csv'}: not a readable CSV of claims")
