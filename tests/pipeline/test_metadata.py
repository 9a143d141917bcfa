"""Document metadata: normalizing url/date/outlet/title, reading it from every input, writing it out."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import sqlite3

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from _inputs import ARTICLES, unicode_font, write_docx, write_pdf
from chitieu.pipeline.batch import run_batch
from chitieu.pipeline.cli import app
from chitieu.pipeline.metadata import normalize_date, normalize_meta, normalize_url
from chitieu.pipeline.read import ReadOptions, read_documents, read_file
from typer.testing import CliRunner

import chitieu
from chitieu.tools.publish import publish_sqlite

NOW = dt.date(2025, 10, 6)
NO_META = {"url": "", "date": "", "outlet": "", "title": ""}
TARGET = "Phấn đấu đến năm 2025, 80% hồ sơ được xử lý trực tuyến."  # one target row


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-06-30", "2023-06-30"),
        ("2023-06-30T08:00:00+07:00", "2023-06-30"),
        ("2023-06-30 23:59:59", "2023-06-30"),
        ("2023/6/3", "2023-06-03"),
        ("30/06/2023", "2023-06-30"),
        ("30-6-2023", "2023-06-30"),
        ("30.06.2023", "2023-06-30"),
        ("Thứ Sáu, 30/6/2023 - 08:15 (GMT+7)", "2023-06-30"),
        ("06/2023", "2023-06"),
        ("2023-06", "2023-06"),
        ("ngày 30 tháng 6 năm 2023", "2023-06-30"),
        ("Ngày 5 tháng 01 năm 2024", "2024-01-05"),
        ("tháng 6 năm 2023", "2023-06"),
        ("tháng 6/2023", "2023-06"),
        ("Fri, 30 Jun 2023 08:00:00 +0700", "2023-06-30"),
        ("D:20230630081500+07'00'", "2023-06-30"),
        ("06/30/2023", "2023-06-30"),  # month first: the only reading that is a date
        (dt.datetime(2023, 6, 30, 8, 0), "2023-06-30"),
        (dt.date(1945, 9, 2), "1945-09-02"),
        ("2025-10-06", "2025-10-06"),  # today
        ("2025-10", "2025-10"),
        # not dates, or not possible ones
        ("hôm qua", None),
        ("2023", None),  # a year alone is no day or month
        ("31/02/2023", None),
        ("13/2023", None),
        ("2023-13", None),
        ("2025-10-07", None),  # tomorrow
        ("2099-01-01", None),
        ("1944-12-31", None),
        ("01/01/1900", None),
        ("giai đoạn 2021-2025", None),
        (20230630, None),
    ],
)
def test_dates_become_iso_or_are_dropped(raw, expected):
    assert normalize_date(raw, NOW) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://baogialai.com.vn/gia-lai-post568525.html", "https://baogialai.com.vn/gia-lai-post568525.html"),
        ("  http://baolamdong.vn/xahoi/202201/a/ ", "http://baolamdong.vn/xahoi/202201/a/"),
        ("//thainguyentv.vn/tin-1.html", "https://thainguyentv.vn/tin-1.html"),
        ("baohaiduong.vn/kinh-te/a-1.html", "http://baohaiduong.vn/kinh-te/a-1.html"),
        ("www.quangninh.gov.vn", "http://www.quangninh.gov.vn"),
        ("vnexpress.net?id=1", "http://vnexpress.net?id=1"),
        ("https://dân.vn/tin", "https://dân.vn/tin"),
        ("/tin/1.html", None),  # no host
        ("tin-1.html", None),
        ("index.php/tin-1", None),
        ("https://", None),
        ("file:///home/a.html", None),
        ("mailto:toa.soan@bao.vn", None),
        ("http://bao .vn/a", None),
        ("hôm qua", None),
        ("http://[::1", None),
    ],
)
def test_urls_need_a_host(raw, expected):
    assert normalize_url(raw) == expected


@pytest.mark.parametrize(
    ("sources", "meta", "warnings"),
    [
        ([{}], NO_META, []),
        ([{"date": "", "url": None, "outlet": "  ", "title": ""}], NO_META, []),  # unknown is no error
        ([{"outlet": " Báo\n Gia  Lai ", "title": "Tăng trưởng\t9 tháng"}],
         {**NO_META, "outlet": "Báo Gia Lai", "title": "Tăng trưởng 9 tháng"}, []),
        ([{"date": "hôm qua", "url": "/tin/1.html", "outlet": "Báo A"}], {**NO_META, "outlet": "Báo A"},
         ["bad_url", "bad_date"]),
        ([{"date": "2099-01-01"}], NO_META, ["bad_date"]),
        ([{"date": "1900-05-01"}], NO_META, ["bad_date"]),
        # the user's value wins; a bad one leaves a warning and the file's own value is used
        ([{"date": "30/6/2023"}, {"date": "2022-01-17", "title": "Trang"}],
         {**NO_META, "date": "2023-06-30", "title": "Trang"}, []),
        ([{"date": "hôm qua"}, {"date": "2022-01-17"}], {**NO_META, "date": "2022-01-17"}, ["bad_date"]),
        ([{"outlet": {"name": "Báo A"}}], NO_META, ["bad_outlet"]),
    ],
)
def test_normalize_meta(sources, meta, warnings):
    assert normalize_meta(*sources, now=NOW) == (meta, warnings)


def test_warnings_found_while_reading_come_first_and_once():
    assert normalize_meta({"date": "x"}, {"date": "y"}, warnings=["no_url_column"], now=NOW)[1] == [
        "no_url_column", "bad_date"]


# ---------------------------------------------------------------------------
# Reading: exports


def _jsonl(path, records, compress=False):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


@pytest.mark.parametrize("column", ["outlet", "source", "site", "sitename", "publisher", "domain", "Publisher"])
def test_usual_outlet_columns_are_recognized(tmp_path, column):
    path = _jsonl(tmp_path / "bao.jsonl", [{"id": "a", "text": ARTICLES[0], column: "Báo Bình Định"}])
    [doc] = read_documents([str(path)])
    assert doc.meta == {**NO_META, "outlet": "Báo Bình Định"} and doc.warnings == []


@pytest.mark.parametrize(
    ("record", "meta", "warnings"),
    [
        ({"url": "https://baobinhdinh.vn/a.htm", "date": "30/06/2023", "title": "Tin 1"},
         {"url": "https://baobinhdinh.vn/a.htm", "date": "2023-06-30", "outlet": "", "title": "Tin 1"}, []),
        ({"link": "baobinhdinh.vn/a.htm", "published_at": "2023-06-30T08:00:00+07:00", "headline": "Tin 2"},
         {"url": "http://baobinhdinh.vn/a.htm", "date": "2023-06-30", "outlet": "", "title": "Tin 2"}, []),
        ({"url": None, "date": None, "title": None, "source": ""}, NO_META, []),  # unknown: nothing to say
        ({"url": "/tin/a.htm", "date": "hôm qua", "outlet": "Báo Bình Định"},
         {**NO_META, "outlet": "Báo Bình Định"}, ["bad_url", "bad_date"]),
        ({"date": "2099-12-31"}, NO_META, ["bad_date"]),
        ({"date": "1930-01-01"}, NO_META, ["bad_date"]),
        ({"source_repo": "x/y", "url_hash": "ab12"}, NO_META, []),  # not a usual name
    ],
)
def test_export_records_carry_their_metadata_and_keep_bad_rows(tmp_path, record, meta, warnings):
    path = _jsonl(tmp_path / "bao.jsonl", [{"id": "a", "text": ARTICLES[0], **record}])
    [doc] = read_documents([str(path)])
    assert (doc.status, doc.text) == ("ok", ARTICLES[0])
    assert (doc.meta, doc.warnings) == (meta, warnings)


def test_options_name_other_columns_and_a_missing_one_is_a_warning(tmp_path):
    path = tmp_path / "xuat.csv"
    path.write_text("ma,noi_dung,nguon_bao,tieu_de_bai,ngay_dang,outlet\n"
                    f'b1,"{ARTICLES[2]}",Báo Long An,Đô thị hóa,30-6-2023,Không dùng\n', encoding="utf-8")
    options = ReadOptions(outlet_column="nguon_bao", title_column="tieu_de_bai", date_column="ngay_dang",
                          url_column="duong_dan")
    [doc] = read_documents([str(path)], options)
    assert doc.meta == {"url": "", "date": "2023-06-30", "outlet": "Báo Long An", "title": "Đô thị hóa"}
    assert doc.warnings == ["no_url_column"]


@pytest.mark.parametrize("name", ["bao.jsonl.gz", "bao.csv.gz", "BAO.NDJSON.GZ"])
def test_gzip_exports_are_read(tmp_path, name):
    path = tmp_path / name
    if ".csv" in name:
        text = f'id,text,date\na,"{ARTICLES[0]}",2023-06-30\nb,"{ARTICLES[1]}",\n'
        path.write_bytes(gzip.compress(text.encode("utf-8")))
    else:
        _jsonl(path, [{"id": "a", "text": ARTICLES[0], "date": "2023-06-30"}, {"id": "b", "text": ARTICLES[1]}], True)
    docs = list(read_documents([str(path)]))
    assert [(d.doc_id, d.status, d.text, d.meta["date"]) for d in docs] == [
        ("a", "ok", ARTICLES[0], "2023-06-30"), ("b", "ok", ARTICLES[1], "")]


def test_records_without_an_id_are_numbered_after_the_export_without_gz(tmp_path):
    path = _jsonl(tmp_path / "bao.jsonl.gz", [{"text": ARTICLES[0]}], compress=True)
    assert [d.doc_id for d in read_documents([str(path)])] == ["bao-1"]


def test_a_broken_gzip_export_is_an_error_row_not_a_crash(tmp_path):
    path = tmp_path / "hong.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "a", "text": "x"}\n' * 50)[:30])
    docs = list(read_documents([str(path)]))
    assert docs[-1].status == "error" and docs[-1].error.startswith("cannot read export")


# ---------------------------------------------------------------------------
# Reading: the file's own metadata and sidecars


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Lao động qua đào tạo - Báo Lâm Đồng</title>
<link rel="canonical" href="https://baolamdong.vn/xa-hoi/ty-le-lao-dong-qua-dao-tao-3099282.html">
<meta property="og:site_name" content="Báo Lâm Đồng"><meta property="og:title" content="Tỷ lệ lao động qua đào tạo đạt 71,2%">
<meta property="article:published_time" content="2022-01-17T08:05:00+07:00">
</head><body><article><p>Năm 2021, tỷ lệ lao động qua đào tạo đạt 71,2%.</p></article></body></html>"""


def test_html_page_metadata(tmp_path):
    path = tmp_path / "tin.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_file(path)
    assert doc.text == "Năm 2021, tỷ lệ lao động qua đào tạo đạt 71,2%."
    assert doc.meta == {"url": "https://baolamdong.vn/xa-hoi/ty-le-lao-dong-qua-dao-tao-3099282.html",
                        "date": "2022-01-17", "outlet": "Báo Lâm Đồng", "title": "Tỷ lệ lao động qua đào tạo đạt 71,2%"}
    assert doc.warnings == []


def test_html_without_metadata_and_a_date_only_in_its_text(tmp_path):
    path = tmp_path / "tin.html"
    path.write_text(f"<html><body><p>Ngày 30/6/2023, {ARTICLES[4]}</p></body></html>", encoding="utf-8")
    doc = read_file(path)
    assert doc.meta["date"] == "" and doc.meta["url"] == ""  # the running text is no metadata


def test_docx_core_properties(tmp_path):
    import docx

    path = tmp_path / "ke_hoach.docx"
    write_docx(path, [ARTICLES[1]])
    document = docx.Document(path)
    document.core_properties.title = "Kế hoạch giảm nghèo"
    document.core_properties.created = dt.datetime(2023, 6, 29, 20, 0, tzinfo=dt.UTC)  # 30/6 in Vietnam
    document.save(path)
    doc = read_file(path)
    assert doc.meta == {**NO_META, "date": "2023-06-30", "title": "Kế hoạch giảm nghèo"} and doc.text == ARTICLES[1]


def test_docx_written_by_python_docx_has_no_date(tmp_path):
    path = tmp_path / "ke_hoach.docx"
    write_docx(path, [ARTICLES[1]])  # its template's 2013 creation time says nothing about the text
    assert read_file(path).meta == NO_META


def test_pdf_document_info(tmp_path):
    from fpdf import FPDF

    font = unicode_font()
    if font is None:
        pytest.skip("no TrueType font with Vietnamese letters on this machine")
    pdf = FPDF()
    pdf.set_title("Microsoft Word - Nghị quyết phát triển")
    pdf.set_creation_date(dt.datetime(2023, 6, 30, 8, 15, tzinfo=dt.timezone(dt.timedelta(hours=7))))
    pdf.add_page()
    pdf.add_font("vn", "", font)
    pdf.set_font("vn", size=11)
    pdf.multi_cell(0, 7, ARTICLES[2])
    path = tmp_path / "nghi_quyet.pdf"
    pdf.output(str(path))
    doc = read_file(path)
    assert doc.meta == {**NO_META, "date": "2023-06-30", "title": "Nghị quyết phát triển"}


def test_pdf_without_title(tmp_path):
    font = unicode_font()
    if font is None:
        pytest.skip("no TrueType font with Vietnamese letters on this machine")
    write_pdf(tmp_path / "a.pdf", ARTICLES[2], font)
    assert read_file(tmp_path / "a.pdf").meta["title"] == ""


SIDECAR_CSV = (
    "file,date,url,outlet,title\n"
    "tin1.txt,30/06/2023,https://baolaocai.vn/tin1,Báo Lào Cai,Trạm y tế\n"
    "tin2,hôm qua,/tin2,Báo Lào Cai,\n"  # by stem; two bad values
    "trang.html,2024-01-05,,Báo Sidecar,\n"  # wins over the page's own
)


@pytest.mark.parametrize("sidecar", ["csv", "jsonl"])
def test_sidecar_metadata_for_a_folder_of_files(tmp_path, sidecar):
    folder = tmp_path / "bao"
    folder.mkdir()
    for name, text in (("tin1.txt", ARTICLES[4]), ("tin2.txt", ARTICLES[0]), ("tin3.txt", ARTICLES[2])):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "trang.html").write_text(PAGE, encoding="utf-8")
    if sidecar == "csv":
        (folder / "metadata.csv").write_text(SIDECAR_CSV, encoding="utf-8-sig")
    else:
        rows = pd.read_csv(pd.io.common.StringIO(SIDECAR_CSV), dtype=str, keep_default_na=False)
        rows = rows.rename(columns={"file": "filename"})
        _jsonl(folder / "metadata.jsonl", rows.to_dict("records"))
    docs = {d.doc_id: d for d in read_documents([str(folder)])}
    assert sorted(docs) == ["tin1", "tin2", "tin3", "trang"]  # the sidecar is no document
    assert docs["tin1"].meta == {"url": "https://baolaocai.vn/tin1", "date": "2023-06-30", "outlet": "Báo Lào Cai",
                                 "title": "Trạm y tế"}
    assert (docs["tin2"].meta, docs["tin2"].warnings) == ({**NO_META, "outlet": "Báo Lào Cai"}, ["bad_url", "bad_date"])
    assert (docs["tin3"].meta, docs["tin3"].warnings) == (NO_META, ["no_metadata_row"])
    assert docs["trang"].meta["outlet"] == "Báo Sidecar" and docs["trang"].meta["date"] == "2024-01-05"
    assert docs["trang"].meta["url"].startswith("https://baolamdong.vn/")  # the page fills what the sidecar leaves


def test_a_sidecar_applies_to_its_own_folder_only(tmp_path):
    (tmp_path / "con").mkdir()
    (tmp_path / "metadata.csv").write_text("file,date\na.txt,2023-06-30\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    (tmp_path / "con" / "a.txt").write_text(ARTICLES[1], encoding="utf-8")
    docs = {d.path: d for d in read_documents([str(tmp_path)])}
    assert docs[str(tmp_path / "a.txt")].meta["date"] == "2023-06-30"
    assert docs[str(tmp_path / "con" / "a.txt")].meta == NO_META and not docs[str(tmp_path / "con" / "a.txt")].warnings


def test_an_unreadable_sidecar_is_a_warning(tmp_path):
    (tmp_path / "metadata.csv").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    [doc] = read_documents([str(tmp_path)])
    assert (doc.status, doc.meta, doc.warnings) == ("ok", NO_META, ["bad_metadata_file"])


# ---------------------------------------------------------------------------
# Writing: every output carries the metadata


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("meta")
    export = _jsonl(root / "bao.jsonl.gz", [
        {"id": "a", "text": TARGET, "url": "https://baogialai.com.vn/a.html", "date": "30/06/2023",
         "source": "Báo Gia Lai", "title": "Hồ sơ trực tuyến"},
        {"id": "b", "text": TARGET, "url": "tin-b.html", "date": "hôm qua", "site": "Báo, \"Gia Lai\""},
        {"id": "c", "text": TARGET},
    ], compress=True)
    result = CliRunner().invoke(app, ["extract", str(export), "--out", str(root / "out"), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    return root / "out"


def test_documents_csv_has_the_metadata_and_warnings(run):
    docs = pd.read_csv(run / "documents.csv", dtype=str, keep_default_na=False)
    assert list(docs.columns[-5:]) == ["url", "date", "outlet", "title", "warnings"]
    assert docs[["doc_id", "url", "date", "outlet", "title", "warnings"]].values.tolist() == [
        ["a", "https://baogialai.com.vn/a.html", "2023-06-30", "Báo Gia Lai", "Hồ sơ trực tuyến", ""],
        ["b", "", "", 'Báo, "Gia Lai"', "", "bad_url|bad_date"],
        ["c", "", "", "", "", ""],
    ]
    assert set(docs["status"]) == {"ok"}


def test_targets_carry_the_document_date_and_booleans_as_the_guide_spells_them(run):
    targets = pd.read_csv(run / "targets.csv", dtype=str, keep_default_na=False)
    assert targets[["doc_id", "date", "estimate"]].values.tolist() == [
        ["a", "2023-06-30", "false"], ["b", "", "false"], ["c", "", "false"]]
    parquet = pq.read_table(run / "targets.parquet")
    assert parquet.schema.field("estimate").type == pa.bool_()
    assert parquet.column("date").to_pylist() == ["2023-06-30", None, None]  # missing is null, not ""


def test_texts_jsonl_carries_the_metadata(run):
    lines = [json.loads(line) for line in (run / "texts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {k: v for k, v in lines[0].items() if k != "text"} == {
        "doc_id": "a", "url": "https://baogialai.com.vn/a.html", "date": "2023-06-30", "outlet": "Báo Gia Lai",
        "title": "Hồ sơ trực tuyến"}
    assert lines[1]["warnings"] == ["bad_url", "bad_date"] and "date" not in lines[1]


def test_sqlite_carries_the_metadata(run, tmp_path):
    db, _ = publish_sqlite(run, tmp_path / "chitieu.db")
    con = sqlite3.connect(db)
    assert con.execute("SELECT doc_id, date, outlet, warnings FROM documents ORDER BY rowid").fetchall() == [
        ("a", "2023-06-30", "Báo Gia Lai", None), ("b", None, 'Báo, "Gia Lai"', "bad_url|bad_date"),
        ("c", None, None, None)]  # unknown is NULL, not ""
    assert con.execute("SELECT doc_id, date, estimate FROM targets ORDER BY id").fetchall() == [
        ("a", "2023-06-30", 0), ("b", None, 0), ("c", None, 0)]


def test_a_rerun_from_the_cache_gives_the_same_tables(run, tmp_path):
    export = run.parent / "bao.jsonl.gz"
    for _ in range(2):
        run_batch([str(export)], tmp_path / "o", jobs=1, progress=False)
    for name in ("documents.csv", "targets.csv", "texts.jsonl"):
        assert (tmp_path / "o" / name).read_bytes() == (run / name).read_bytes()


def test_python_api_takes_and_returns_the_metadata():
    meta = [{"date": "ngày 30 tháng 6 năm 2023", "outlet": " Báo A "}, {"url": "hôm qua"}]
    targets = chitieu.extract([TARGET, TARGET], ["a", "b"], meta=meta)
    assert targets["date"].tolist() == ["2023-06-30", pd.NA]  # unknown is missing, not ""
    docs = chitieu.extract_documents([TARGET, TARGET], ["a", "b"], meta=meta)
    assert docs[["outlet", "date", "warnings"]].values.tolist() == [["Báo A", "2023-06-30", pd.NA],
                                                                     [pd.NA, pd.NA, "bad_url"]]
    assert chitieu.extract([TARGET])["date"].isna().all()
    with pytest.raises(ValueError, match="meta"):
        chitieu.extract([TARGET], meta=[])


def test_cli_options_name_the_outlet_and_title_columns(tmp_path):
    path = tmp_path / "xuat.csv.gz"
    path.write_bytes(gzip.compress(f'ma,noi_dung,bao,ten\nb1,"{TARGET}",Báo Long An,Hồ sơ\n'.encode()))
    args = ["extract", str(path), "--out", str(tmp_path / "out"), "-j", "1", "-q", "--id-column", "ma",
            "--text-column", "noi_dung", "--outlet-column", "bao", "--title-column", "ten", "--date-column", "ngay"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    docs = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str, keep_default_na=False)
    assert docs[["doc_id", "outlet", "title", "warnings"]].values.tolist() == [["b1", "Báo Long An", "Hồ sơ",
                                                                               "no_date_column"]]


def test_extract_help_explains_the_metadata():
    text = " ".join(CliRunner().invoke(app, ["extract", "--help"], terminal_width=200).output.split())
    for words in ("--outlet-column", "--title-column", "metadata.csv", ".jsonl.gz", "bad_date"):
        assert words in text, words
