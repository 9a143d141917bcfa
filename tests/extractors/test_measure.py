"""Measure of a value: level, increase, decrease or gap (the guide's ``measure``)."""

from __future__ import annotations

import pytest
from chitieu.extractors.lexicon import rows
from chitieu.extractors.measure import find_measure_words, measure_of

_KINDS = {"increase", "growth", "decrease", "gap_up", "gap_down", "more", "less", "target_base", "time_base", "reach", "predicate",
          "copula", "rate_noun", "modifier", "none"}


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # a change written as a verb
        ("Doanh thu tăng ", " so với cùng kỳ.", "increase"),
        ("Doanh thu đã tăng trưởng mạnh mẽ ở mức ", " so với cùng kỳ.", "increase"),  # the verb's manner, then its value
        ("Ngành công nghiệp vẫn đạt mức tăng trưởng ", ".", "level"),  # a rate noun inside "đạt mức"
        ("Chỉ số sản xuất công nghiệp tăng\n", " so với cùng kỳ.", "increase"),  # a hard-wrapped line
        ("Trên địa bàn xảy ra 149 vụ, tăng 18 vụ (", ") so với cùng kỳ.", "increase"),  # the share of a change
        ("Số hộ nghèo giảm 120 hộ (", ").", "decrease"),
        ("Giá trị sản xuất tăng mạnh.\nTỷ lệ hộ nghèo là ", ".", "level"),  # a new line, a new sentence
        ("GRDP 6 tháng đầu năm ước tính tăng ", " so với 6 tháng đầu năm 2021.", "increase"),
        ("phấn đấu tăng thêm ít nhất ", " số trường", "increase"),
        ("thu nhập tăng bình quân ", "/năm", "increase"),
        ("Huyện A tăng trưởng ", ", đứng thứ hai", "increase"),
        ("kinh tế tăng trưởng bình quân ", "/năm", "increase"),
        ("tăng thêm ", " so với năm 2020", "increase"),
        ("đạt tỷ lệ 97% (tăng ", ")", "increase"),
        ("tổng số hộ nghèo là 3.000 hộ (tăng 137 hộ so với đầu năm, chiếm tỷ lệ ", ")", "increase"),
        ("doanh thu tăng 500 tỷ đồng, tương đương ", "", "increase"),
        ("cao hơn ", " so với cùng kỳ năm trước", "increase"),
        ("Tỷ lệ hộ nghèo giảm ", " so với đầu năm", "decrease"),
        ("tỷ lệ hộ nghèo chung toàn tỉnh giảm thêm từ ", ".", "decrease"),
        ("giảm ít nhất ", " thời gian giải quyết thủ tục", "decrease"),
        ("bãi bỏ ít nhất ", " điều kiện kinh doanh", "decrease"),
        ("Ước kết quả thực hiện giảm tỷ lệ hộ nghèo năm 2022 là ", ", đạt 100% kế hoạch", "decrease"),
        ("kinh tế tăng trưởng âm ", "", "decrease"),
        ("thấp hơn ", " so với năm 2022", "decrease"),
        # the gap between a result and its target
        ("số người tham gia đạt 1,8 triệu người (vượt ", " so với mục tiêu giai đoạn)", "gap"),
        ("tỷ lệ bao phủ đạt 93% (vượt ", " so với Nghị quyết của Chính phủ)", "gap"),
        ("thấp hơn ", " so với chỉ tiêu", "gap"),
        ("cao hơn ", " so với kế hoạch", "gap"),
        ("thu ngân sách vượt kế hoạch ", "", "gap"),
        ("thu từ xổ số ước vượt ", " dự toán năm", "gap"),
        ("sản lượng tăng ", " so với kế hoạch", "gap"),
        # a level: the value reached, a rate named as a noun, a predicate, a bound
        ("Tỷ lệ hộ nghèo giảm còn ", ".", "level"),
        ("giảm xuống còn ", "", "level"),
        ("tỷ lệ che phủ rừng tăng lên ", "", "level"),
        ("tăng từ ", " lên 80%", "level"),
        ("tăng từ 70% lên ", "", "level"),
        ("tốc độ tăng trưởng GRDP đạt ", "", "level"),
        ("mức tăng trưởng GRDP 9 tháng đạt ", "", "level"),
        ("mức tăng của quý II là ", "", "level"),
        ("tỷ lệ giảm nghèo đạt ", "", "level"),
        ("với tốc độ tăng ", "", "level"),
        ("- Tốc độ tăng tổng sản phẩm trong nước (GDP) đạt ", " trở lên", "level"),
        ("với mục tiêu tăng trưởng đạt ", " trở lên", "level"),
        ("tăng trưởng tín dụng ", "", "level"),
        ("Xuất khẩu tăng 29,9% so với cùng kỳ và bằng ", " kế hoạch", "level"),  # the completion ratio
        ("Doanh thu tăng mạnh, đạt ", " kế hoạch", "level"),
        ("tăng trưởng kinh tế vượt ", "", "level"),  # a bound (comparator ">")
        # a comparative right before its value says by how much: a rise or a fall (two annotators of unseen
        # texts agree: "nguy cơ cao hơn 30%", "giá cao hơn từ 15% đến 30% so với mức giá")
        ("cao hơn ", " so với bình quân cả nước", "increase"),
        ("Tỷ lệ mắc bệnh thấp hơn ", ".", "decrease"),
        ("VN-Index tăng 8,18 điểm tương ứng ", " lên 1.237,73 điểm", "increase"),  # the amount's share
        ("cao hơn mức ", " của cả nước", "level"),  # what it is set against
        ("Tỷ lệ giảng viên không thấp hơn ", ".", "level"),  # a bound
        ("Cho vay với lãi suất thấp hơn ", "/năm", "level"),  # a bound of a rate
        ("tăng cường ứng dụng công nghệ thông tin đạt ", "", "level"),
        ("lãi suất cho vay ", "/năm", "level"),
        ("Tỷ lệ che phủ rừng đạt ", "", "level"),
        ("tỷ lệ nghèo sẽ còn khoảng ", ", giảm 0,68%", "level"),
    ],
)
def test_measure_of(before, after, expected):
    assert measure_of(before, after) == expected


def test_find_measure_words():
    text = "Tăng cường quản lý; GRDP tăng trưởng 7%, giảm còn 3%, vượt qua khó khăn, vượt kế hoạch"
    found = find_measure_words(text)
    for c in found:
        assert text[c.start:c.end] == c.surface
    assert [(c.surface, c.kind) for c in found] == [("tăng trưởng", "growth"), ("giảm", "decrease"), ("vượt", "gap_up")]


def test_lexicon_kinds():
    assert {r["kind"] for r in rows("measure_words.csv")} == _KINDS
