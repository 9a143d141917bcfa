"""Reading inputs: every format and encoding, corpus exports, bad and vanished files."""

from __future__ import annotations

import json

import pytest
from _inputs import ARTICLES, html_page, jsonl_export, unicode_font, write_docx, write_pdf
from chitieu.pipeline.encoding import encode_cp1258, encode_tcvn3, encode_vni
from chitieu.pipeline.read import (
    InputError,
    ReadOptions,
    decode_source,
    expand_inputs,
    html_text,
    iter_sources,
    read_documents,
    read_file,
    sources_of,
)

TEXT = ARTICLES[0] + " " + ARTICLES[1]


@pytest.mark.parametrize(
    ("name", "encode", "label"),
    [
        ("utf8", lambda t: t.encode("utf-8"), "utf-8"),
        ("bom", lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
        ("utf16", lambda t: t.encode("utf-16"), "utf-16"),
        ("win1258", encode_cp1258, "cp1258"),
        ("vni", encode_vni, "vni"),
    ],
)
def test_text_files_in_each_encoding(tmp_path, name, encode, label):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(encode(TEXT))
    doc = read_file(path)
    assert (doc.doc_id, doc.status, doc.encoding, doc.text) == (name, "ok", label, TEXT)


def test_tcvn3_file_is_converted(tmp_path):
    path = tmp_path / "cu.txt"
    path.write_bytes(encode_tcvn3(ARTICLES[1]))
    doc = read_file(path)
    assert doc.encoding == "tcvn3" and doc.text == ARTICLES[1]


def test_stray_bytes_in_a_utf8_file_are_replaced_and_counted_in_the_warnings(tmp_path):
    path = tmp_path / "le.txt"
    data = ARTICLES[1].encode("utf-8")
    path.write_bytes(b"\x93" + data + "ư".encode()[:1] + b" \x94")
    doc = read_file(path)
    assert (doc.status, doc.encoding, doc.text) == ("ok", "utf-8", "\ufffd" + ARTICLES[1] + "\ufffd \ufffd")
    assert doc.warnings == ["bad_bytes:3"]
    assert read_file(_written(tmp_path / "sach.txt", data)).warnings == []


def _written(path, data: bytes):
    path.write_bytes(data)
    return path


def test_html_keeps_the_article_and_drops_menus_captions_and_footers(tmp_path):
    path = tmp_path / "tin.html"
    path.write_text(html_page(ARTICLES[0] + " " + ARTICLES[2]), encoding="utf-8")
    doc = read_file(path)
    assert doc.status == "ok"
    assert "95% hồ sơ thủ tục hành chính" in doc.text and "trên 40%" in doc.text
    for boilerplate in ("Trang chủ", "Thời sự", "Ảnh minh họa", "Tin liên quan", "POWERED BY"):
        assert boilerplate not in doc.text


def test_html_declared_legacy_charset_is_honoured():
    page = html_page(ARTICLES[4]).replace("charset='utf-8'", "charset='windows-1258'")
    text, encoding = html_text(encode_cp1258(page))
    assert encoding == "windows-1258"
    assert "100% số xã có trạm y tế" in text


def test_docx_paragraphs_and_table_rows_in_order(tmp_path):
    path = tmp_path / "ke_hoach.docx"
    write_docx(path, [ARTICLES[1], ARTICLES[4]], [["Chỉ tiêu", "Năm 2025"], ["Tỷ lệ hộ nghèo", "dưới 3%"]])
    doc = read_file(path)
    assert doc.status == "ok" and doc.encoding == "docx"
    assert doc.text.split("\n") == [ARTICLES[1], ARTICLES[4], "Chỉ tiêu\tNăm 2025", "Tỷ lệ hộ nghèo\tdưới 3%"]


def test_text_pdf(tmp_path):
    font = unicode_font()
    if font is None:
        pytest.skip("no TrueType font with Vietnamese letters on this machine")
    path = tmp_path / "nghi_quyet.pdf"
    write_pdf(path, ARTICLES[2], font)
    doc = read_file(path)
    assert doc.status == "ok" and doc.encoding == "pdf"
    assert " ".join(doc.text.split()) == ARTICLES[2]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("rong.txt", b"", "empty file"),
        ("anh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("hong.docx", b"PK\x03\x04 not really a zip", "not a readable .docx"),
        ("hong.pdf", b"%PDF-1.4\n garbage", "PDF"),
    ],
)
def test_bad_files_become_error_documents(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    doc = read_file(path)
    assert doc.status == "error" and reason in doc.error and "\n" not in doc.error
    assert doc.text == ""


def test_a_file_that_vanishes_before_it_is_read(tmp_path):
    path = tmp_path / "mat.txt"
    path.write_text(ARTICLES[0], encoding="utf-8")
    [src] = list(iter_sources([str(tmp_path)], load=False))
    path.unlink()
    doc = decode_source(src)
    assert doc.status == "error" and doc.error.startswith("cannot read file")


def test_a_listed_file_that_vanishes_before_the_run_reaches_it(tmp_path):
    kept, gone = tmp_path / "con.txt", tmp_path / "mat.txt"
    kept.write_text(ARTICLES[0], encoding="utf-8")
    gone.write_text(ARTICLES[1], encoding="utf-8")
    files = expand_inputs([str(tmp_path)])
    gone.unlink()
    sources = list(sources_of(files))
    assert [(s.doc_id, s.kind) for s in sources] == [("con", "text"), ("mat", "error")]
    assert decode_source(sources[1]).error.startswith("cannot read file")


def test_jsonl_export_one_document_per_record(tmp_path):
    path = jsonl_export(tmp_path / "bao.jsonl", 3)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("{not json\n")
        fh.write(json.dumps({"ma_bai": "bao-rong", "noi_dung": "  "}) + "\n")
        fh.write(json.dumps({"ma_bai": "bao-0001", "noi_dung": ARTICLES[3]}, ensure_ascii=False) + "\n")
    options = ReadOptions(id_column="ma_bai", text_column="noi_dung", date_column="ngay")
    docs = list(read_documents([str(path)], options))
    assert [d.doc_id for d in docs] == ["bao-0000", "bao-0001", "bao-0002", "bao-4", "bao-rong", "bao-0001~2"]
    assert [d.status for d in docs] == ["ok", "ok", "ok", "error", "error", "ok"]
    assert docs[0].text == ARTICLES[0] and docs[0].meta == {"url": "", "date": "2024-03-01", "outlet": "", "title": ""}
    assert "invalid JSON" in docs[3].error and docs[4].error == "empty record"


def test_half_a_utf16_pair_in_a_json_record_becomes_a_replacement_character(tmp_path):
    # "\\ud800" is valid JSON but no UTF-8 file can hold it: it once crashed the whole batch
    path = tmp_path / "bao.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Năm 2025, 80% hồ sơ \ud800 được xử lý."}) + "\n", encoding="utf-8")
    (doc,) = read_documents([str(path)])
    assert doc.status == "ok" and doc.text == "Năm 2025, 80% hồ sơ \ufffd được xử lý."
    doc.text.encode("utf-8")


def test_csv_export_with_usual_column_names_and_a_missing_text_column(tmp_path):
    path = tmp_path / "xuat.csv"
    path.write_text(
        "id,content,url\nb1,\"" + ARTICLES[2] + "\",https://bao.vn/b1\nb2,\"" + ARTICLES[4] + "\",\n",
        encoding="utf-8-sig",
    )
    docs = list(read_documents([str(path)], ReadOptions(url_column="url")))
    assert [(d.doc_id, d.status, d.text) for d in docs] == [("b1", "ok", ARTICLES[2]), ("b2", "ok", ARTICLES[4])]
    assert docs[0].meta == {"url": "https://bao.vn/b1", "date": "", "outlet": "", "title": ""}
    assert docs[1].meta == dict.fromkeys(("url", "date", "outlet", "title"), "") and not docs[1].warnings
    wrong = list(read_documents([str(path)], ReadOptions(text_column="body")))
    assert {d.status for d in wrong} == {"error"} and "no text column (body)" in wrong[0].error


def test_utf16_csv_as_excel_saves_it(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(("id,text\nx1,\"" + ARTICLES[1] + "\"\n").encode("utf-16"))
    [doc] = list(read_documents([str(path)]))
    assert (doc.doc_id, doc.text) == ("x1", ARTICLES[1])


def test_folders_find_documents_but_exports_only_when_named(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    (tmp_path / "b.html").write_text(html_page(ARTICLES[1]), encoding="utf-8")
    (tmp_path / "gold.csv").write_text("doc_id,start\n", encoding="utf-8")
    (tmp_path / ".chitieu-work").mkdir()
    (tmp_path / ".chitieu-work" / "c.txt").write_text("x", encoding="utf-8")
    assert [p.name for p in expand_inputs([str(tmp_path)])] == ["a.txt", "b.html"]
    assert [p.name for p in expand_inputs([str(tmp_path / "*.csv")])] == ["gold.csv"]
    with pytest.raises(InputError):
        expand_inputs([str(tmp_path / "khong_co")])
    with pytest.raises(InputError):
        expand_inputs([str(tmp_path / "*.docx")])


def test_folders_are_listed_in_path_order_once_per_file(tmp_path):
    for rel in ["a/b.txt", "a-b.txt", "a/c/d.TXT", "a/.y.txt", ".h/x.txt", "z.md", "a b/c.pdf", "A.txt", "a/a-b/x.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)
    found = expand_inputs([str(tmp_path) + "/", str(tmp_path / "a" / "b.txt")])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "A.txt", "a/a-b/x.txt", "a/b.txt", "a/c/d.TXT", "a b/c.pdf", "a-b.txt"]  # sorted by path parts


def test_same_stem_in_two_formats_gets_distinct_ids(tmp_path):
    (tmp_path / "tin.txt").write_text(ARTICLES[0], encoding="utf-8")
    (tmp_path / "tin.html").write_text(html_page(ARTICLES[1]), encoding="utf-8")
    assert sorted(d.doc_id for d in read_documents([str(tmp_path)])) == ["tin", "tin~2"]
