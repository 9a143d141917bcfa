"""`chitieu progress`: each target joined with the figures for the same quantity, and its status.

Texts written for these tests (one province per case, a plan and a later news item); the
expected status, gap and years left were worked out by hand. A second table holds statuses
checked by hand on the sample corpus (`corpus/`), run when the corpus is there.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from chitieu.pipeline.cli import app
from chitieu.pipeline.run import process_texts
from chitieu.pipeline.write import write_tables
from typer.testing import CliRunner

from chitieu.tools.progress import (
    ACHIEVED,
    NO_DATA,
    NOT_YET,
    OFF_TRACK,
    ON_TRACK,
    judge,
    progress,
    run,
    select,
)

TEXTS = {
    # a target reached
    "qt_plan": ("Tỉnh Quảng Trị đặt mục tiêu đến năm 2025 tỷ lệ che phủ rừng đạt 50%.", "2021-02-01"),
    "qt_news": ("Năm 2023, tỷ lệ che phủ rừng của tỉnh Quảng Trị đạt 51,2%.", "2024-01-15"),
    # on track: 40% (2020) → 60% (2025) puts 2023 at 52%; 52% reported
    "hg_plan": ("Năm 2020, tỷ lệ lao động qua đào tạo của tỉnh Hà Giang đạt 40%. "
                "Tỉnh Hà Giang phấn đấu đến năm 2025 tỷ lệ lao động qua đào tạo đạt 60%.", "2021-03-01"),
    "hg_news": ("Năm 2023, tỷ lệ lao động qua đào tạo của tỉnh Hà Giang đạt 52%.", "2024-02-01"),
    # off track: 50% (2020) → 70% (2025) puts 2023 at 62%; 53% reported
    "sl_plan": ("Năm 2020, tỷ lệ dân số nông thôn được sử dụng nước sạch của tỉnh Sơn La đạt 50%. "
                "Tỉnh Sơn La phấn đấu đến năm 2025 tỷ lệ dân số nông thôn được sử dụng nước sạch đạt 70%.", "2021-04-01"),
    "sl_news": ("Năm 2023, tỷ lệ dân số nông thôn được sử dụng nước sạch của tỉnh Sơn La đạt 53%.", "2024-03-01"),
    # the deadline passed unmet
    "bt_plan": ("Tỉnh Bến Tre phấn đấu đến năm 2022 tỷ lệ bao phủ bảo hiểm y tế đạt 95%.", "2021-05-01"),
    "bt_news": ("Năm 2022, tỷ lệ bao phủ bảo hiểm y tế của tỉnh Bến Tre đạt 91,5%.", "2023-01-10"),
    # a ceiling (dưới 10%), one figure above it: the pace cannot be judged
    "kt_plan": ("Tỉnh Kon Tum phấn đấu đến năm 2025 tỷ lệ hộ nghèo đa chiều giảm xuống dưới 10%.", "2021-06-01"),
    "kt_news": ("Năm 2023, tỷ lệ hộ nghèo đa chiều của tỉnh Kon Tum là 12,5%.", "2024-01-20"),
    # the preschool target: a figure for all schools, and another province's preschool figure, are no data
    "py_plan": ("Tỉnh Phú Yên phấn đấu đến năm 2025 tỷ lệ trường mầm non đạt chuẩn quốc gia đạt 60%.", "2021-07-01"),
    "py_news": ("Năm 2023, tỷ lệ trường đạt chuẩn quốc gia của tỉnh Phú Yên đạt 55%. "
                "Năm 2023, tỷ lệ trường mầm non đạt chuẩn quốc gia của tỉnh Bình Thuận đạt 62%.", "2024-04-01"),
    # the commune-level target: the district-level figure is no data
    "hgi_plan": ("Tỉnh Hậu Giang phấn đấu đến năm 2025 có 80% hồ sơ công việc cấp xã được xử lý trên môi trường mạng.",
                 "2022-01-01"),
    "hgi_news": ("Năm 2023, tỷ lệ hồ sơ công việc cấp huyện được xử lý trên môi trường mạng của tỉnh Hậu Giang đạt 85%.",
                 "2024-05-01"),
}

# place, expected status, gap (points), years left, document of the figure
EXPECTED = [
    ("Quảng Trị", ACHIEVED, -1.2, 2, "qt_news"),
    ("Hà Giang", ON_TRACK, 8.0, 2, "hg_news"),
    ("Sơn La", OFF_TRACK, 17.0, 2, "sl_news"),
    ("Bến Tre", OFF_TRACK, 3.5, 0, "bt_news"),
    ("Kon Tum", NOT_YET, 2.5, 2, "kt_news"),
    ("Phú Yên", NO_DATA, None, None, None),
    ("Hậu Giang", NO_DATA, None, None, None),
]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("progress_corpus")
    ids = list(TEXTS)
    metas = [{"date": TEXTS[i][1], "url": f"https://example.vn/{i}"} for i in ids]
    write_tables(process_texts([TEXTS[i][0] for i in ids], ids, metas), out)
    return out


@pytest.mark.parametrize(("place", "status", "gap", "years_left", "figure_doc"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_status_gap_and_years_left(data_dir: Path, place: str, status: str, gap: float | None,
                                   years_left: int | None, figure_doc: str | None) -> None:
    [item] = select(run(data_dir), place=place)
    assert (item.status, item.gap, item.years_left) == (status, gap, years_left)
    assert (item.actual or {}).get("doc_id") == figure_doc
    if item.actual:  # both quotes, with where they are
        for row in (item.target, item.actual):
            assert row["sentence"] and row["url"].startswith("https://example.vn/") and row["date"]
            assert row["sentence_start"] <= row["start"] < row["end"] <= row["sentence_end"]


def test_the_straight_line_is_shown(data_dir: Path) -> None:
    [item] = select(run(data_dir), place="Son La")  # typed without diacritics
    assert (item.baseline["value"], item.baseline["year"], item.expected_now) == (50.0, 2020, 62.0)


def _rows(*specs: tuple) -> pd.DataFrame:
    """Rows of one place and indicator: (status, value, comparator, year, indicator, measure)."""
    cols = ("status", "value", "comparator", "year", "indicator", "measure")
    frame = pd.DataFrame([dict(zip(cols, s, strict=True)) for s in specs])
    n = len(frame)
    return frame.assign(doc_id=[f"d{i}" for i in range(n)], start=0, end=3, surface="", value_high=None, period="",
                        level="", place="Kon Tum", indicator_code="", sentence="", as_of="", date="")


@pytest.mark.parametrize(("specs", "status", "gap"), [
    # a ceiling met (dưới 10%: 9% is under)
    ([("target", 10.0, "<", 2025, "tỷ lệ hộ nghèo", "level"), ("actual", 9.0, "=", 2023, "tỷ lệ hộ nghèo", "level")],
     ACHIEVED, -1.0),
    # strictly above: "trên 60%" is not met by 60%
    ([("target", 60.0, ">", 2025, "tỷ lệ che phủ rừng", "level"), ("actual", 60.0, "=", 2023, "tỷ lệ che phủ rừng", "level")],
     NOT_YET, 0.0),
    # "còn 3%" (=) on a quantity meant to fall: 2,5% meets it
    ([("target", 3.0, "=", 2025, "tỷ lệ hộ nghèo", "level"), ("actual", 2.5, "=", 2023, "tỷ lệ hộ nghèo", "level")],
     ACHIEVED, -0.5),
    # falling from a baseline: 15% (2020) → under 10% (2025) puts 2023 at 12%; 11% is ahead
    ([("target", 10.0, "<", 2025, "tỷ lệ hộ nghèo", "level"), ("actual", 15.0, "=", 2020, "tỷ lệ hộ nghèo", "level"),
      ("actual", 11.0, "=", 2023, "tỷ lệ hộ nghèo", "level")], ON_TRACK, 1.0),
    # … and 13,5% is behind
    ([("target", 10.0, "<", 2025, "tỷ lệ hộ nghèo", "level"), ("actual", 15.0, "=", 2020, "tỷ lệ hộ nghèo", "level"),
      ("actual", 13.5, "=", 2023, "tỷ lệ hộ nghèo", "level")], OFF_TRACK, 3.5),
    # a rise of at least 8% a year against a reported rise of 6%: a rise is not a level
    ([("target", 8.0, ">=", 2025, "giá trị sản xuất lâm nghiệp", "increase"),
      ("actual", 6.0, "=", 2023, "giá trị sản xuất lâm nghiệp", "increase"),
      ("actual", 40.0, "=", 2023, "giá trị sản xuất lâm nghiệp", "level")], NOT_YET, 2.0),
    # a figure after the deadline decides it
    ([("target", 90.0, ">=", 2020, "tỷ lệ che phủ rừng", "level"), ("actual", 91.0, "=", 2021, "tỷ lệ che phủ rừng", "level")],
     ACHIEVED, -1.0),
    # khoảng 45% is met within half a point
    ([("target", 45.0, "~", 2030, "tỷ lệ đô thị hóa", "level"), ("actual", 44.6, "=", 2024, "tỷ lệ đô thị hóa", "level")],
     ACHIEVED, 0.4),
    # another indicator: no data
    ([("target", 45.0, "=", 2030, "tỷ lệ đô thị hóa", "level"), ("actual", 44.6, "=", 2024, "tỷ lệ che phủ rừng", "level")],
     NO_DATA, None),
])
def test_direction_comparators_and_measures(specs: list[tuple], status: str, gap: float | None) -> None:
    [item] = progress(_rows(*specs))
    assert (item.status, item.gap) == (status, gap)


def test_judge_without_figures_is_no_data() -> None:
    target = _rows(("target", 50.0, "=", 2025, "tỷ lệ che phủ rừng", "level")).iloc[0]
    assert judge(target, []) == (NO_DATA, {})


def test_a_target_without_a_place_says_why() -> None:
    [item] = progress(_rows(("target", 50.0, "=", 2025, "tỷ lệ che phủ rừng", "level")).assign(place=""))
    assert (item.status, item.note) == (NO_DATA, "the target has no place")


def test_cli_filters_json_and_csv(data_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(app, ["progress", "--data", str(data_dir), "--json", "--indicator", "ho ngheo"])
    assert out.exit_code == 0, out.output
    [item] = json.loads(out.stdout)
    assert (item["status"], item["target"]["place"], item["actual"]["value"]) == (NOT_YET, "Kon Tum", 12.5)
    path = tmp_path / "progress.csv"
    out = runner.invoke(app, ["progress", "--data", str(data_dir), "--csv", str(path), "--status", "no data"])
    assert out.exit_code == 0, out.output
    with open(path, encoding="utf-8") as fh:
        lines = list(csv.DictReader(fh))
    assert {r["place"] for r in lines} == {"Phú Yên", "Hậu Giang"} and all(r["status"] == NO_DATA for r in lines)
    assert "2 no data" in out.stdout
    text = runner.invoke(app, ["progress", "--data", str(data_dir), "--place", "Ha Giang"]).stdout
    assert text.startswith("ON TRACK: Hà Giang") and "52% in 2023" in text and "https://example.vn/hg_news" in text
    bad = runner.invoke(app, ["progress", "--data", str(data_dir), "--status", "late"])
    assert bad.exit_code == 2  # usage error


# ---------------------------------------------------------------------------
# The sample corpus: statuses checked by hand against the texts

ROOT = Path(__file__).resolve().parents[2]

# document of the target, its offset, status, gap, document and offset of the figure (None: no data)
CORPUS = [
    ("02_dong_nai_bao_hiem_y_te", 446, NOT_YET, 1.88, ("02_dong_nai_bao_hiem_y_te", 216)),  # trên 95% by 2025; 93,12% in 2023
    ("02_dong_nai_bao_hiem_y_te", 910, NOT_YET, 0.88, ("02_dong_nai_bao_hiem_y_te", 216)),  # ≥ 94% in 2024
    ("02_dong_nai_bao_hiem_y_te", 713, NO_DATA, None, None),  # students' rate: the whole population's is another
    ("02_dong_nai_bao_hiem_y_te", 623, NO_DATA, None, None),  # district level: no district figure
    ("03_nghe_an_giao_duc", 872, NOT_YET, 5.3, ("03_nghe_an_giao_duc", 559)),  # classrooms ≥ 90%; 84,7%
    ("03_nghe_an_giao_duc", 766, NO_DATA, None, None),  # preschools: the 85,3% is Hà Tĩnh's, all schools
    ("04_thanh_hoa_nuoc_sach", 1238, NOT_YET, 12.5, ("04_thanh_hoa_nuoc_sach", 537)),  # 75–80% by 2025; 62,5% 2022
    ("04_thanh_hoa_nuoc_sach", 1583, NOT_YET, 22.0, ("04_thanh_hoa_nuoc_sach", 863)),  # district 80%; 58%
    ("04_thanh_hoa_nuoc_sach", 1593, NOT_YET, 24.0, ("04_thanh_hoa_nuoc_sach", 874)),  # commune 55%; 31%
    ("05_can_tho_do_thi_hoa", 939, NOT_YET, 9.0, ("05_can_tho_do_thi_hoa", 583)),  # water loss under 15%; about 24%
    ("05_can_tho_do_thi_hoa", 783, NOT_YET, 4.8, ("05_can_tho_do_thi_hoa", 422)),  # urbanisation 75%; 70,2%
    ("09_quang_ninh_moi_truong", 768, ACHIEVED, 0.0, ("09_quang_ninh_moi_truong", 554)),  # industrial parks 100%
    ("09_quang_ninh_moi_truong", 790, NO_DATA, None, None),  # industrial clusters: the parks' figure is another
    ("10_dak_lak_giam_ngheo", 1033, NOT_YET, 3.9, ("10_dak_lak_giam_ngheo", 476)),  # poverty under 5%; 8,9%
    ("10_dak_lak_giam_ngheo", 1068, NOT_YET, 5.8, ("10_dak_lak_giam_ngheo", 641)),  # trained labour 65–70%; 59,2%
    ("11_hung_yen_cai_cach_hanh_chinh", 1236, NO_DATA, None, None),  # whole-year target; 46% is a half-year figure
    ("13_ca_nuoc_dich_vu_cong", 696, NOT_YET, 37.5, ("13_ca_nuoc_dich_vu_cong", 395)),  # national ≥ 80%; 42,5%
    ("13_ca_nuoc_dich_vu_cong", 1822, NOT_YET, 3.8, ("13_ca_nuoc_dich_vu_cong", 1738)),  # Bắc Ninh ≥ 90%; 86,2%
    ("01_binh_dinh_chuyen_doi_so", 1067, NO_DATA, None, None),  # processed online; 27,6% is submitted online
]


@pytest.fixture(scope="module")
def corpus_items(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], object]:
    if not any((ROOT / "corpus").glob("*.txt")):
        pytest.skip("no sample corpus")
    out = tmp_path_factory.mktemp("corpus_progress")
    result = CliRunner().invoke(app, ["extract", str(ROOT / "corpus"), "--out", str(out)])
    assert result.exit_code in (0, 2), result.output
    return {(p.target["doc_id"], p.target["start"]): p for p in run(out)}


@pytest.mark.parametrize(("doc", "start", "status", "gap", "figure"), CORPUS, ids=[f"{c[0][:2]}-{c[1]}" for c in CORPUS])
def test_sample_corpus_statuses_checked_by_hand(corpus_items: dict, doc: str, start: int, status: str,
                                               gap: float | None, figure: tuple[str, int] | None) -> None:
    item = corpus_items.get((doc, start))
    if item is None:
        pytest.skip(f"the extraction no longer has the target at {doc} {start}")
    assert (item.status, item.gap) == (status, gap)
    assert (None if item.actual is None else (item.actual["doc_id"], item.actual["start"])) == figure
