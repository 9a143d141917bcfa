"""Status ``other``: rates fixed by a rule, support shares, discounts, thresholds, probabilities."""

from __future__ import annotations

import pytest
from chitieu.extractors.lexicon import rows
from chitieu.extractors.other_status import find_other_cues, other_kind, other_kind_around


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("Doanh nghiệp được áp dụng thuế suất ", ".", "rate"),
        ("Thuế suất thuế giá trị gia tăng đối với mặt hàng này là ", ".", "rate"),
        ("Ngân hàng cho vay với lãi suất ưu đãi ", "/năm", "rate"),
        ("mức đóng bảo hiểm xã hội bắt buộc bằng ", " mức tiền lương", "rate"),
        ("Người lao động đóng ", " mức tiền lương tháng", "rate"),
        ("người bệnh được hưởng ", " chi phí khám bệnh", "rate"),
        ("Trích tối thiểu ", " lợi nhuận vào quỹ", "rate"),
        ("tiền đặt cọc bằng ", " giá trị hợp đồng", "rate"),
        ("Nhà nước giảm ", " thuế giá trị gia tăng", "rate"),
        ("Ngân sách tỉnh hỗ trợ tối đa ", " kinh phí mua giống", "support"),
        ("hỗ trợ ", " kinh phí xây dựng nhà văn hóa", "support"),
        ("hỗ trợ ", " tổng kinh phí", "support"),
        ("Người dân được hỗ trợ ", ", phần còn lại", "support"),
        ("Hộ gia đình được hỗ trợ với tỷ lệ ", "", "support"),
        ("mức hỗ trợ là ", "", "support"),
        ("Học sinh vùng khó khăn được giảm ", " học phí", "discount"),
        ("giảm ", " học phí cho học sinh", "discount"),
        ("Giảm ", " giá vé tham quan", "discount"),
        ("Được miễn ", " tiền thuê đất", "discount"),
        ("Chương trình khuyến mãi giảm giá ", " cho khách", "discount"),
        ("cửa hàng chiết khấu ", "", "discount"),
        ("hộ có thu nhập dưới ", " mức lương cơ sở", "threshold"),
        ("thương binh có tỷ lệ thương tật từ ", " trở lên", "threshold"),
        ("người bị suy giảm khả năng lao động từ ", " trở lên", "threshold"),
        ("công ty con do tập đoàn nắm giữ trên ", " vốn điều lệ", "threshold"),
        ("Dự báo xác suất mưa là ", "", "probability"),
        ("khả năng ", " xảy ra lũ", "probability"),
    ],
)
def test_other(before, after, expected):
    assert other_kind_around(before, after) == expected


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("hỗ trợ ", " hộ nghèo"),  # a coverage, not a support share
        ("giảm ", " giá trị sản xuất"),  # a measured fall
        ("Phấn đấu giảm ", " chi phí tuân thủ"),
        ("giảm ít nhất ", " thời gian giải quyết"),
        ("Tỷ lệ người dân có khả năng tiếp cận dịch vụ đạt ", ""),  # "tỷ lệ" heads the indicator
        ("Tỷ lệ hộ nghèo được hỗ trợ đạt ", ""),
        ("tỷ lệ hộ nghèo giảm ", ""),
        ("thu thuế giá trị gia tăng tăng ", ""),
        ("lãi suất cho vay bình quân giảm ", " so với cuối năm 2022"),  # a measured change
        ("lãi suất cho vay bình quân đạt ", ""),  # what something reached
        ("ngành dịch vụ đóng góp ", " vào mức tăng chung"),  # "đóng góp" is no "đóng …"
        ("Lãi suất giữ ổn định, doanh thu tăng ", ""),  # another clause
        ("thuế suất 10%, 8% và ", ""),  # the noun governs another number
        ("Phấn đấu ", " hồ sơ được xử lý trực tuyến"),
        ("bảo đảm ", " học sinh được miễn học phí"),
        ("Tỷ lệ che phủ rừng đạt ", ""),
        ("chi phí logistics chiếm ", " GDP"),
    ],
)
def test_not_other(before, after):
    assert other_kind_around(before, after) is None


def test_other_kind_needs_the_object_for_discontinuous_phrases():
    assert other_kind("Ngân sách hỗ trợ ") == "support"  # the phrase alone says it
    assert other_kind("giảm ") is None  # "giảm … học phí": the object follows the value
    assert other_kind_around("giảm ", " học phí") == "discount"


def test_window_keeps_a_phrase_that_starts_before_it():
    before = "Thuế suất thuế giá trị gia tăng đối với mặt hàng này là "
    assert other_kind(before, words=7) == "rate"  # the last seven words start inside "… giá trị gia tăng"
    assert other_kind(before, words=5) is None


def test_find_other_cues():
    text = "Lãi suất 6%/năm; ngân sách tỉnh hỗ trợ 50% kinh phí; giảm 30% học phí, giảm 30% chi phí; miễn phí"
    found = find_other_cues(text)
    for c in found:
        assert text[c.start:c.end] == c.surface
    assert [(c.surface, c.kind) for c in found] == [
        ("Lãi suất", "rate"), ("ngân sách tỉnh hỗ trợ", "support"), ("giảm 30% học phí", "discount")]


def test_lexicon():
    data = rows("other_status.csv")
    assert {r["kind"] for r in data} == {"rate", "support", "discount", "threshold", "probability", "none"}
    phrases = [" ".join(r["phrase"].lower().split()) for r in data]
    assert len(phrases) == len(set(phrases))
    assert all(p.count("…") <= 1 for p in phrases)
