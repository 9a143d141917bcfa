"""A small hand-built output folder for the review tests (check, conflicts, report, publish).

Texts written for these tests; rows built by hand with offsets found in the texts, so the
tests do not depend on the extraction core. ``write_review_data(dir)`` writes the same files
``chitieu extract`` writes.
"""

from __future__ import annotations

from pathlib import Path

from chitieu.pipeline.write import write_tables

from chitieu.models import DocResult, Document, Reference, Target

PLAN = (
    "Theo Quyết định số 100/QĐ-UBND ngày 05/01/2022 của UBND tỉnh Khánh Hòa, đến năm 2025 tỷ lệ hồ sơ công việc "
    "được xử lý trên môi trường mạng đạt 90% ở cấp tỉnh, 80% ở cấp huyện và 60% ở cấp xã. "
    "Tỷ lệ che phủ rừng đạt 48% vào năm 2025."
)
NEWS = (
    "Báo Nha Trang đưa tin: tỉnh Khánh Hòa phấn đấu đến năm 2025 có 65% hồ sơ công việc cấp xã được xử lý trên "
    "môi trường mạng. Năm 2022, tỷ lệ che phủ rừng của Khánh Hòa đạt 47,5%. "
    "Bạn đọc gửi bình luận <script>alert(1)</script> & <b>đậm</b>."
)
HAIDUONG = (
    "Tỉnh Hải Dương đặt mục tiêu đến năm 2025 có 80% dịch vụ công trực tuyến toàn trình, "
    "năm 2030 đạt 100%. Năm 2023 tỷ lệ che phủ rừng đạt 9%."
)


def _sentence(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind(". ", 0, pos)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", pos)
    end = len(text) if end < 0 else end + 1
    return start, end


def _target(doc_id: str, text: str, surface: str, after: str = "", **kw) -> Target:
    start = text.index(surface, text.index(after) if after else 0)
    end = start + len(surface)
    s0, s1 = _sentence(text, start)
    value = float(surface.rstrip("%").replace(",", "."))
    return Target(doc_id=doc_id, start=start, end=end, surface=surface, value=value,
                  sentence=text[s0:s1], sentence_start=s0, sentence_end=s1, **kw)


def _spans(text: str, targets: list[Target], extra: list[tuple[str, str, str]]) -> list[tuple[int, int, str, str]]:
    spans = [(t.start, t.end, "value", f"{t.value:g}") for t in targets]
    for surface, label, detail in extra:
        start = text.index(surface)
        spans.append((start, start + len(surface), label, detail))
    return spans


def results() -> list[DocResult]:
    kh = dict(place="Khánh Hòa", status="target", year=2025)
    work = "hồ sơ công việc được xử lý trên môi trường mạng"
    plan_t = [
        _target("kh_plan", PLAN, "90%", level="tinh", indicator=work, indicator_code="work_records_online",
                decision="100/QĐ-UBND", **kh),
        _target("kh_plan", PLAN, "80%", level="huyen", indicator=work, indicator_code="work_records_online",
                decision="100/QĐ-UBND", **kh),
        _target("kh_plan", PLAN, "60%", level="xa", indicator=work, indicator_code="work_records_online",
                decision="100/QĐ-UBND", **kh),
        _target("kh_plan", PLAN, "48%", indicator="tỷ lệ che phủ rừng", indicator_code="forest_cover", **kh),
    ]
    ref = PLAN.index("Quyết định số 100/QĐ-UBND ngày 05/01/2022")
    plan_refs = [Reference(ref, ref + 41, PLAN[ref:ref + 41], canonical="100/QĐ-UBND", doc_type="Quyết định",
                           number="100", year=None, type_code="QĐ", issuer_code="UBND",
                           issuer="Ủy ban nhân dân tỉnh Khánh Hòa", issue_date="2022-01-05", ref_id="100/QĐ-UBND")]
    news_t = [
        _target("kh_news", NEWS, "65%", level="xa", indicator="hồ sơ công việc cấp xã được xử lý trên môi trường mạng",
                indicator_code="work_records_online", **kh),
        _target("kh_news", NEWS, "47,5%", place="Khánh Hòa", status="actual", year=2022,
                indicator="tỷ lệ che phủ rừng", indicator_code="forest_cover"),
    ]
    hd = dict(place="Hải Dương", status="target")
    hd_t = [
        _target("hd_plan", HAIDUONG, "80%", year=2025, indicator="dịch vụ công trực tuyến toàn trình",
                indicator_code="dvc_online_full", **hd),
        _target("hd_plan", HAIDUONG, "100%", year=2030, indicator="dịch vụ công trực tuyến toàn trình",
                indicator_code="dvc_online_full", **hd),
        _target("hd_plan", HAIDUONG, "9%", place="Hải Dương", status="actual", year=2023,
                indicator="tỷ lệ che phủ rừng", indicator_code="forest_cover"),
    ]
    return [
        DocResult(Document("kh_plan", path="corpus/kh_plan.txt", text=PLAN, encoding="utf-8"), plan_t, plan_refs,
                  _spans(PLAN, plan_t, [("năm 2025", "year", "2025"), ("cấp tỉnh", "level", "tinh"),
                                        ("cấp huyện", "level", "huyen"), ("cấp xã", "level", "xa"),
                                        ("tỉnh Khánh Hòa", "place", "Khánh Hòa"),
                                        ("Quyết định số 100/QĐ-UBND ngày 05/01/2022", "reference", "100/QĐ-UBND")])),
        DocResult(Document("kh_news", path="corpus/kh_news.txt", text=NEWS, encoding="utf-8"), news_t, [],
                  _spans(NEWS, news_t, [("năm 2025", "year", "2025"), ("Năm 2022", "year", "2022"),
                                        ("cấp xã", "level", "xa"), ("tỉnh Khánh Hòa", "place", "Khánh Hòa")])),
        DocResult(Document("hd_plan", path="corpus/hd_plan.txt", text=HAIDUONG, encoding="utf-8"), hd_t, [],
                  _spans(HAIDUONG, hd_t, [("Tỉnh Hải Dương", "place", "Hải Dương"), ("năm 2025", "year", "2025")])),
    ]


def write_review_data(out_dir: Path) -> Path:
    """Write targets/references/documents/spans/texts for the three texts into ``out_dir``."""
    write_tables(results(), Path(out_dir))
    return Path(out_dir)
