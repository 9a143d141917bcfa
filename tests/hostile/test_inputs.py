"""Hostile inputs (issue 15, items 2 and 3): every input is read completely or reported, doc_ids are
unique and stable, and the cache never writes another run's paths.

Every input is generated here, in ``tmp_path``: no article is shipped with the tests.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from chitieu.pipeline.read import ReadOptions, expand_inputs, iter_sources, read_documents, read_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
CHITIEU = ROOT / ".venv" / "bin" / "chitieu"

# Sentences written for these tests: each holds one value the reader must not lose.
TARGET = "Tỉnh Gia Lai phấn đấu đến năm 2025, tối thiểu {v}% hồ sơ được xử lý trực tuyến."


def run(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    cmd = [str(CHITIEU)] if CHITIEU.exists() else [sys.executable, "-m", "chitieu.pipeline.cli"]
    return subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=timeout, cwd=cwd)


def values_in(text: str) -> list[str]:
    """The ``NN,5%`` values of :func:`numbered` sentences found in ``text``, in order."""
    import re

    return re.findall(r"giá trị số (\d+) là", text)


def numbered(i: int) -> str:
    return f"Chỉ tiêu giá trị số {i} là {i % 90 + 1},5% trong năm 2025."


# ---------------------------------------------------------------------------
# HTML of any depth


@pytest.mark.parametrize("depth", [600, 3000])  # libxml2 stops at 256 levels, and at 2048 with huge_tree
def test_html_nested_deeper_than_the_parser_allows_keeps_every_value(tmp_path, depth):
    """An old page that never closes its ``<font>`` and ``<div>`` tags: each value sits one level
    deeper than the one before; every one of them is read, none is cut off at the parser's limit."""
    body = "".join(f"<font color='red'><div>{numbered(i)}\n" for i in range(depth // 2))
    page = f"<html><head><meta charset='utf-8'><title>Tin cũ</title></head><body>{body}</body></html>"
    path = tmp_path / "trang_cu.html"
    path.write_text(page, encoding="utf-8")
    doc = read_file(path)
    assert doc.status == "ok", doc.error
    assert values_in(doc.text) == [str(i) for i in range(depth // 2)]


def test_a_deep_page_still_drops_its_scripts_and_menus(tmp_path):
    body = "".join(f"<div>{numbered(i)}" for i in range(2100))
    page = (f"<html><head><meta charset='utf-8'></head><body><nav>Trang chủ | Thời sự</nav>"
            f"<script>var ads = 1;</script>{body}</body></html>")
    path = tmp_path / "sau.html"
    path.write_text(page, encoding="utf-8")
    doc = read_file(path)
    assert len(values_in(doc.text)) == 2100
    assert "var ads" not in doc.text and "Trang chủ" not in doc.text


# ---------------------------------------------------------------------------
# .docx: tracked changes, content controls, nested tables

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _cell(*blocks: str) -> str:
    return f"<w:tc>{''.join(blocks)}</w:tc>"


def _p(*inline: str) -> str:
    return f"<w:p>{''.join(inline)}</w:p>"


def write_raw_docx(path: Path, body: str) -> None:
    """A .docx written as Word writes it, reduced to the parts a reader needs."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>'))
        z.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>'))
        z.writestr("word/document.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'))


def test_docx_reads_insertions_content_controls_and_nested_tables_but_not_deletions(tmp_path):
    body = (
        _p(_run("Năm 2025, tỷ lệ hộ nghèo còn "),
           '<w:ins w:id="1" w:author="A"><w:r><w:t>dưới 2%</w:t></w:r></w:ins>',
           '<w:del w:id="2" w:author="A"><w:r><w:delText>dưới 9%</w:delText></w:r></w:del>', _run("."))
        + '<w:sdt><w:sdtPr><w:alias w:val="Mục tiêu"/></w:sdtPr><w:sdtContent>'
        + _p(_run("Trong ô nội dung: đạt 45% số xã.")) + "</w:sdtContent></w:sdt>"
        + _p(_run("Câu có "), "<w:sdt><w:sdtContent>" + _run("ô chọn 70%") + "</w:sdtContent></w:sdt>", _run(" kế hoạch."))
        + "<w:tbl><w:tr>" + _cell(_p(_run("Chỉ tiêu"))) + _cell(
            _p(_run("Bảng ngoài 60%")),
            "<w:tbl><w:tr>" + _cell(_p(_run("Bảng trong 35%"))) + _cell(_p(_run("2030"))) + "</w:tr></w:tbl>",
        ) + "</w:tr></w:tbl>"
        + _p('<w:moveFrom w:id="3" w:author="A"><w:r><w:t>chuyển đi 11%</w:t></w:r></w:moveFrom>',
             '<w:moveTo w:id="4" w:author="A"><w:r><w:t>chuyển đến 12%</w:t></w:r></w:moveTo>')
    )
    path = tmp_path / "du_thao.docx"
    write_raw_docx(path, body)
    doc = read_file(path)
    assert doc.status == "ok", doc.error
    assert doc.text.splitlines() == [
        "Năm 2025, tỷ lệ hộ nghèo còn dưới 2%.",
        "Trong ô nội dung: đạt 45% số xã.",
        "Câu có ô chọn 70% kế hoạch.",
        "Chỉ tiêu\tBảng ngoài 60%",
        "Bảng trong 35%\t2030",
        "chuyển đến 12%",
    ]


def test_a_docx_without_core_properties_has_no_invented_title_or_date(tmp_path):
    path = tmp_path / "khong_thuoc_tinh.docx"
    write_raw_docx(path, _p(_run(TARGET.format(v=80))))
    doc = read_file(path)
    assert doc.status == "ok" and (doc.meta["title"], doc.meta["date"]) == ("", ""), doc.meta


# ---------------------------------------------------------------------------
# Export records, validated one by one


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_records_are_validated_one_by_one(tmp_path):
    good = TARGET.format(v=80)
    deep = '{"id": "sau", "text": ' + "[" * 5000 + "]" * 5000 + "}"
    path = _jsonl(tmp_path / "bao.jsonl", [
        json.dumps({"id": "a", "text": good}, ensure_ascii=False),
        json.dumps({"id": "danh-sach", "text": ["Đạt", "80%"]}, ensure_ascii=False),
        json.dumps({"id": "so", "text": 80}),
        json.dumps({"id": "doi-tuong", "text": {"noi_dung": good}}, ensure_ascii=False),
        deep,
        json.dumps({"id": "   ", "text": good}, ensure_ascii=False),
        json.dumps({"id": "a", "text": good.replace("80", "81")}, ensure_ascii=False),
        json.dumps({"id": "a~2", "text": good.replace("80", "82")}, ensure_ascii=False),
        json.dumps({"id": ["x"], "text": good}, ensure_ascii=False),
        json.dumps({"id": "cuoi", "text": good.replace("80", "83")}, ensure_ascii=False),
    ])
    docs = list(read_documents([str(path)], ReadOptions(id_column="id", text_column="text")))
    got = [(d.doc_id, d.status, d.error) for d in docs]
    assert got == [
        ("a", "ok", ""),
        ("danh-sach", "error", "record 2: the text is a list, not a string"),
        ("so", "error", "record 3: the text is a number, not a string"),
        ("doi-tuong", "error", "record 4: the text is an object, not a string"),
        ("bao-5", "error", "line 5: invalid JSON (nested too deep)"),
        ("bao-6", "ok", ""),
        ("a~2", "ok", ""),
        ("a~2~2", "ok", ""),
        ("bao-9", "error", "record 9: the id is a list, not a string or number"),
        ("cuoi", "ok", ""),
    ]
    warnings = {d.doc_id: d.warnings for d in docs}
    assert warnings["bao-6"] == ["empty_id"]
    assert warnings["a~2"] == ["duplicate_id"] and warnings["a~2~2"] == ["duplicate_id"]
    assert [d.text[-40:] for d in docs if d.doc_id.startswith("a")] == [
        good[-40:], good.replace("80", "81")[-40:], good.replace("80", "82")[-40:]]


def test_one_jsonl_line_nested_5000_deep_is_one_error_row_not_a_failed_run(tmp_path):
    path = _jsonl(tmp_path / "bao.jsonl", [
        json.dumps({"id": "tot", "text": TARGET.format(v=80)}, ensure_ascii=False),
        '{"id": "sau", "text": "x", "meta": ' + "{\"a\": " * 5000 + "1" + "}" * 5000 + "}",
    ])
    out = tmp_path / "out"
    result = run("extract", str(path), "--out", str(out), "-j", "1", "-q")
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr, result.stderr
    assert result.returncode == 6, result.stderr
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False)
    assert docs[["doc_id", "status"]].values.tolist() == [["tot", "ok"], ["bao-2", "error"]]
    assert len(pd.read_csv(out / "targets.csv")) == 1


def test_csv_with_an_unclosed_quote_is_reported_for_that_record_only(tmp_path):
    path = tmp_path / "bang.csv"
    path.write_text(
        "id,text\n"
        f'r1,"{TARGET.format(v=80)}\n'  # the quote is never closed …
        f"r2,{TARGET.format(v=81).replace(',', '')}\n"  # … which must not swallow these records
        f'r3,"{TARGET.format(v=82)}"\n'
        f"r4,{TARGET.format(v=83).replace(',', '')}\n"
        f'r5,"Đoạn một.\nĐoạn hai: đạt 84%."\n',  # a quoted text over two lines is one record
        encoding="utf-8")
    docs = list(read_documents([str(path)], ReadOptions(id_column="id", text_column="text")))
    got = [(d.doc_id, d.status) for d in docs]
    assert got == [("bang-1", "error"), ("r2", "ok"), ("r3", "ok"), ("r4", "ok"), ("r5", "ok")]
    assert docs[0].error.startswith("record 1 (line 2): malformed CSV")
    assert docs[4].text == "Đoạn một.\nĐoạn hai: đạt 84%."


def test_csv_with_a_quote_left_open_at_the_end_is_reported(tmp_path):
    path = tmp_path / "bang.csv"
    path.write_text(f'id,text\nr1,{TARGET.format(v=80).replace(",", "")}\nr2,"Đạt 81%.\n', encoding="utf-8")
    docs = list(read_documents([str(path)], ReadOptions(id_column="id", text_column="text")))
    assert [(d.doc_id, d.status) for d in docs] == [("r1", "ok"), ("bang-2", "error")]
    assert "malformed CSV" in docs[1].error


# ---------------------------------------------------------------------------
# Unreadable paths and symlink loops

needs_permissions = pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")


def _unreadable_tree(tmp_path: Path) -> Path:
    folder = tmp_path / "bai"
    (folder / "kin").mkdir(parents=True)
    (folder / "a.txt").write_text(TARGET.format(v=80), encoding="utf-8")
    (folder / "kin" / "b.txt").write_text(TARGET.format(v=81), encoding="utf-8")
    (folder / "khoa.txt").write_text(TARGET.format(v=82), encoding="utf-8")
    return folder


@needs_permissions
def test_unreadable_folders_and_files_are_error_rows(tmp_path):
    folder = _unreadable_tree(tmp_path)
    os.chmod(folder / "khoa.txt", 0)
    os.chmod(folder / "kin", 0)
    try:
        result = run("extract", str(folder), "--out", str(tmp_path / "out"), "-j", "1", "-q")
        inside = run("extract", str(folder / "kin" / "b.txt"), "--out", str(tmp_path / "out2"), "-q")
    finally:
        os.chmod(folder / "kin", 0o755)
        os.chmod(folder / "khoa.txt", 0o644)
    assert result.returncode == 6 and "Traceback" not in result.stderr, result.stderr
    docs = pd.read_csv(tmp_path / "out" / "documents.csv", keep_default_na=False)
    assert docs[["doc_id", "status"]].values.tolist() == [["a", "ok"], ["khoa", "error"], ["kin", "error"]]
    assert "Permission denied" in docs["error"][2]
    assert inside.returncode == 2 and "Traceback" not in inside.stderr
    assert len(inside.stderr.strip().splitlines()) == 1 and "Permission denied" in inside.stderr


def test_a_folder_that_cannot_be_listed_is_an_error_row(tmp_path, monkeypatch):
    """The same as above where the tests run as root: listing the folder fails as chmod 000 makes it."""
    folder = _unreadable_tree(tmp_path)
    real_scandir = os.scandir

    def scandir(path=".", *args):
        if os.fspath(path).rstrip("/").endswith("kin"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path, *args)

    monkeypatch.setattr(os, "scandir", scandir)
    for inputs in ([str(folder)], [f"{folder}/**/*.txt"], [f"{folder}/*.txt", f"{folder}/*/*.txt"]):
        docs = list(read_documents(inputs))
        assert [(d.doc_id, d.status, d.error) for d in docs] == [
            ("a", "ok", ""), ("khoa", "ok", ""), ("kin", "error", "cannot read folder: Permission denied")]


def test_a_link_to_nothing_is_an_error_row(tmp_path):
    folder = _unreadable_tree(tmp_path)
    (folder / "mat.txt").symlink_to(folder / "da_xoa.txt")
    for inputs in ([str(folder)], [f"{folder}/*.txt"]):
        docs = {d.doc_id: (d.status, d.error) for d in read_documents(inputs)}
        assert docs["mat"] == ("error", "cannot read file: No such file or directory"), inputs


def test_two_symlinks_to_the_folder_itself_do_not_hang_the_listing(tmp_path):
    folder = _unreadable_tree(tmp_path)
    (folder / "vong1").symlink_to(".", target_is_directory=True)
    (folder / "kin" / "vong2").symlink_to("..", target_is_directory=True)
    code = ("from chitieu.pipeline.read import expand_inputs\n"
            f"for p in ({str(folder)!r}, {str(folder / '**' / '*')!r}): print(len(expand_inputs([p])))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["3", "3"], result.stderr


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("**/*", ["a.txt", "con/b.txt", "con/c.html", "con/sau/d.txt"]),
        ("**/*.txt", ["a.txt", "con/b.txt", "con/sau/d.txt"]),
        ("con/**/*.txt", ["con/b.txt", "con/sau/d.txt"]),
        ("*/*", ["con/b.txt", "con/c.html"]),
        ("**/sau/*", ["con/sau/d.txt"]),
        ("*.txt", ["a.txt"]),
        ("c?n/[a-b].*", ["con/b.txt"]),
        ("con/sau/*", ["con/sau/d.txt"]),
    ],
)
def test_glob_patterns_match_as_the_shell_does(tmp_path, monkeypatch, pattern, expected):
    for rel in ("a.txt", "con/b.txt", "con/c.html", "con/sau/d.txt", ".an/e.txt", "con/.f.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [p.as_posix() for p in expand_inputs([pattern])] == expected
    assert [p.relative_to(tmp_path).as_posix() for p in expand_inputs([f"{tmp_path}/{pattern}"])] == expected


# ---------------------------------------------------------------------------
# Unique, stable doc_ids


def _same_names(tmp_path: Path) -> Path:
    folder = tmp_path / "bai"
    for rel, v in (("a/x.txt", 61), ("b/x.txt", 62), ("x~2.txt", 63), ("x.html", 64)):
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        text = TARGET.format(v=v).replace("Gia Lai", "Kon Tum")
        (folder / rel).write_text(f"<p>{text}</p>" if rel.endswith(".html") else text, encoding="utf-8")
    return folder


def test_doc_ids_are_unique_and_do_not_depend_on_the_listing_order(tmp_path):
    folder = _same_names(tmp_path)
    ids = {}
    for order in (["a", "b", "x~2.txt", "x.html"], ["x.html", "x~2.txt", "b", "a"], ["."]):
        srcs = list(iter_sources([str(folder / p) for p in order]))
        ids[tuple(order)] = {Path(s.path).resolve().relative_to(folder).as_posix(): s.doc_id for s in srcs}
        assert len(set(ids[tuple(order)].values())) == 4, ids[tuple(order)]
    first = ids[("a", "b", "x~2.txt", "x.html")]
    assert first == {"a/x.txt": "x", "b/x.txt": "x~3", "x~2.txt": "x~2", "x.html": "x~4"}  # path order
    assert all(found == first for found in ids.values())


def test_check_cites_the_file_the_value_came_from(tmp_path):
    folder = _same_names(tmp_path)
    out = tmp_path / "out"
    assert run("extract", str(folder), "--out", str(out), "-j", "1", "-q").returncode == 0
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False)
    assert docs["doc_id"].is_unique and len(docs) == 4
    claim = "Tỉnh Kon Tum phấn đấu đến năm 2025 tối thiểu 62% hồ sơ được xử lý trực tuyến"
    result = run("check", claim, "--data", str(out), "--json")
    evidence = json.loads(result.stdout)["evidence"]
    assert [Path(e["path"]).relative_to(folder).as_posix() for e in evidence] == ["b/x.txt"]


# ---------------------------------------------------------------------------
# The cache key holds what the rows hold


def test_a_cached_rerun_after_moving_the_inputs_writes_the_new_paths(tmp_path):
    first, moved, out = tmp_path / "cu", tmp_path / "moi", tmp_path / "out"
    first.mkdir()
    (first / "a.txt").write_text(TARGET.format(v=80), encoding="utf-8")
    assert run("extract", str(first), "--out", str(out), "-j", "1", "-q").returncode == 0
    shutil.move(first, moved)
    assert run("extract", str(moved), "--out", str(out), "-j", "1", "-q").returncode == 0
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False)
    assert docs["path"].tolist() == [str(moved / "a.txt")]


# ---------------------------------------------------------------------------
# The tool's own outputs are never inputs


def test_extract_dot_twice_and_a_relative_glob_read_only_the_documents(tmp_path):
    folder = tmp_path / "bai"
    folder.mkdir()
    (folder / "a.txt").write_text(TARGET.format(v=80), encoding="utf-8")
    for _ in range(2):
        assert run("extract", ".", "--out", ".", "-j", "1", "-q", cwd=folder).returncode == 0
        assert run("report", "--data", ".", cwd=folder).returncode == 0
        assert pd.read_csv(folder / "documents.csv")["doc_id"].tolist() == ["a"]
    assert run("extract", "**/*", "--out", "lai", "-j", "1", "-q", cwd=folder).returncode == 0
    assert pd.read_csv(folder / "lai" / "documents.csv")["doc_id"].tolist() == ["a"]


def test_expand_inputs_lists_each_file_of_a_looping_tree_once(tmp_path):
    folder = tmp_path / "bai"
    (folder / "con").mkdir(parents=True)
    (folder / "con" / "b.txt").write_text("x", encoding="utf-8")
    (folder / "con" / "len").symlink_to("..", target_is_directory=True)
    assert [p.relative_to(folder).as_posix() for p in expand_inputs([str(folder)])] == ["con/b.txt"]


# ---------------------------------------------------------------------------
# Any bytes in any format: a document or an error row, never an exception

_HTML_TAGS = st.sampled_from(["<font>", "<div>", "</div>", "<p>", "<table><tr><td>", "<script>", "</script>",
                              "<!--", "-->", "<nav>", "<body>", "<head>", "<meta charset='utf-8'>", "&amp;", "<"])
_PIECES = st.sampled_from(["Đạt 80%", " năm 2025", "\n", "\x00", "\ufffd", '"', ",", "{", "[", "]", "}", ":"])


@st.composite
def _hostile_file(draw):
    kind = draw(st.sampled_from(["html", "docx", "jsonl", "csv", "txt"]))
    if kind == "html":
        data = "".join(draw(st.lists(_HTML_TAGS | _PIECES, max_size=60))).encode(draw(st.sampled_from(["utf-8", "utf-16"])))
    elif kind == "docx":
        inline = draw(st.lists(st.sampled_from([_run("Đạt 80%"), "<w:ins>", "</w:ins>", "<w:sdt><w:sdtContent>",
                                                "</w:sdtContent></w:sdt>", "<w:del>", "</w:del>"]), max_size=12))
        body = draw(st.sampled_from(["", "<w:tbl><w:tr><w:tc>", "<w:sdt><w:sdtContent>"])) + _p(*inline)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr("word/document.xml", f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>')
        data = draw(st.sampled_from([buffer.getvalue(), buffer.getvalue()[:40], b"PK\x03\x04" + bytes(30)]))
    elif kind == "jsonl":
        lines = draw(st.lists(st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=10),
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["id", "text", "url"]), inner),
            max_leaves=8,
        ).map(lambda v: json.dumps(v, ensure_ascii=False)) | st.text(max_size=20), max_size=6))
        data = "\n".join(lines).encode("utf-8")
    elif kind == "csv":
        data = ("id,text\n" + "".join(draw(st.lists(_PIECES | st.sampled_from(["r1,", "\r\n"]), max_size=40)))).encode()
    else:
        data = draw(st.binary(max_size=200))
    return kind, data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_hostile_file())
def test_any_file_is_read_into_documents_or_error_rows(tmp_path, hostile):
    kind, data = hostile
    path = tmp_path / f"tin.{kind}"
    path.write_bytes(data)
    docs = list(read_documents([str(path)], ReadOptions()))  # never raises
    assert docs
    assert len({d.doc_id for d in docs}) == len(docs)
    for doc in docs:
        assert (doc.status, doc.error == "") in (("ok", True), ("error", False)), (doc.status, doc.error)
        assert "\n" not in doc.error
