"""Indicator rules for constructions of real texts, one case each: a sentence written for the test →
the words each value's indicator must hold (all of them, case-insensitive) and, optionally, words
it must not hold (an amount, a time, a neighbour's words).
"""

from __future__ import annotations

import pytest
from chitieu.pipeline.run import assemble_targets

# (id, text, [(surface, words it holds, words it must not hold)])
CASES = [
    ("a-list-item-that-says-only-when-takes-its-lead-in",
     "Người lao động làm thêm giờ được trả lương như sau:\n- Vào ngày thường, ít nhất bằng 150%;\n"
     "- Vào ngày nghỉ hằng tuần, ít nhất bằng 200%.",
     [("150%", ["làm thêm giờ", "ngày thường"], ["200%"]), ("200%", ["làm thêm giờ", "ngày nghỉ hằng tuần"], [])]),
    ("items-of-a-list-with-their-changes-in-brackets-share-what-it-measures",
     "Năm 2023, xuất khẩu nhiều mặt hàng nông sản tăng mạnh như gạo (tăng 20%), cà phê (tăng 35,5%) và hạt điều (tăng 12%).",
     [("20%", ["xuất khẩu", "gạo"], ["cà phê"]), ("35,5%", ["xuất khẩu", "cà phê"], ["gạo"]),
      ("12%", ["xuất khẩu", "hạt điều"], ["cà phê"])]),
    ("what-an-amount-is-worth-in-apposition-has-the-subject-before-it",
     "Tháng 8, Trung Quốc nhập khẩu 700 nghìn tấn cao su, trị giá 1,1 tỷ USD, tăng 12% về lượng và tăng 9% về trị giá.",
     [("12%", ["trung quốc nhập khẩu", "lượng"], []), ("9%", ["trung quốc nhập khẩu", "trị giá"], [])]),
    ("what-is-not-counted-is-no-part-of-the-indicator",
     "Tiền lương làm thêm giờ vào ngày nghỉ lễ được trả ít nhất bằng 300% chưa kể tiền lương ngày lễ.",
     [("300%", ["tiền lương làm thêm giờ"], ["chưa kể"])]),
    ("a-counter-with-nothing-after-it-counts-no-noun",
     "Lượng khách đạt 1.490.300 lượt khách, trong đó khách quốc tế 19.000 lượt (đạt 46% kế hoạch năm). "
     "Toàn tỉnh đón 467.000 lượt khách du lịch, tăng 34,7%.",
     [("46%", ["khách quốc tế", "kế hoạch"], []), ("34,7%", ["lượt khách du lịch"], [])]),
    ("the-texts-own-unit-unnamed-says-where-not-what",
     "Đến năm 2030, nâng tỷ lệ hộ kinh doanh dùng hóa đơn điện tử trong bán lẻ, ăn uống, lưu trú lên ít nhất 70% "
     "trên địa bàn tỉnh; tỷ lệ trẻ em tiêm chủng đầy đủ của thành phố đạt 98%.",
     [("70%", ["hộ kinh doanh dùng hóa đơn điện tử", "lưu trú"], ["địa bàn", "tỉnh"]),
      ("98%", ["tỷ lệ trẻ em tiêm chủng"], ["thành phố"])]),
    ("the-whole-after-a-noun-is-what-is-measured",
     "Năm 2022, tỷ lệ hộ dân toàn tỉnh dùng điện lưới đạt 99%, tỷ lệ hộ dân nông thôn dùng điện lưới đạt 97%.",
     [("99%", ["hộ dân toàn tỉnh"], ["nông thôn"]), ("97%", ["hộ dân nông thôn"], ["toàn tỉnh"])]),
    ("a-label-names-the-part-of-a-whole",
     "Trong đó, tỷ lệ vốn ngân sách nhà nước dự kiến: 85%-90% tổng vốn đầu tư.",
     [("85%-90%", ["vốn ngân sách nhà nước", "tổng vốn đầu tư"], ["dự kiến"])]),
    ("a-list-in-brackets-and-emphasis-stop-nothing",
     "Phấn đấu 100% hợp tác xã nông nghiệp, doanh nghiệp sản xuất nông sản chủ lực *(xoài, nhãn, hoa kiểng,…) *của "
     "Tỉnh áp dụng hệ thống truy xuất nguồn gốc.",
     [("100%", ["hợp tác xã", "truy xuất nguồn gốc"], ["*", "xoài"])]),
    ("a-goal-is-the-base-of-a-completion-ratio",
     "Doanh thu lữ hành tăng 12,5% so với cùng kỳ, đạt 90,2% mục tiêu tăng trưởng năm.",
     [("12,5%", ["lữ hành"], ["tăng trưởng"]), ("90,2%", ["lữ hành", "mục tiêu"], [])]),
    ("a-ratio-to-the-same-period-names-it",
     "Thu ngân sách quý III ước đạt 1.200 tỷ đồng, đạt 80,5% dự toán, bằng 95,3% cùng kỳ năm trước.",
     [("80,5%", ["thu ngân sách", "dự toán"], []), ("95,3%", ["thu ngân sách", "cùng kỳ"], ["năm trước"])]),
    ("a-clause-opening-on-a-ratio-shares-the-subject-before",
     "Tổng thu ngân sách đạt 900 tỷ đồng, đạt 75% dự toán; bằng 112,4% so với cùng kỳ năm 2022.",
     [("75%", ["tổng thu ngân sách"], []), ("112,4%", ["tổng thu ngân sách", "cùng kỳ"], ["2022"])]),
    ("a-ratio-after-its-subject-keeps-the-measure-noun",
     "Theo số liệu thống kê, tốc độ tăng giá trị tăng thêm ngành chế biến bằng 101,5% cùng kỳ năm trước.",
     [("101,5%", ["tốc độ tăng giá trị tăng thêm ngành chế biến cùng kỳ"], ["số liệu", "bằng"])]),
    ("an-equivalent-amount-names-no-subject",
     "Xuất khẩu cà phê tháng 8 đạt 3 nghìn tấn, tương đương 9,1 triệu USD, tăng 12% về lượng so với tháng 7; "
     "tăng 15% về lượng so với tháng 8 năm trước.",
     [("12%", ["xuất khẩu cà phê", "lượng"], ["tương đương"]), ("15%", ["xuất khẩu cà phê", "lượng"], ["tương đương"])]),
    ("an-amount-between-links-has-the-subject-before-its-comma",
     "Giá trị sản xuất công nghiệp của tỉnh 9 tháng, ước đạt 12,1 tỷ USD tăng 8,3% so với cùng kỳ.",
     [("8,3%", ["giá trị sản xuất công nghiệp"], ["12,1", "USD"])]),
    ("an-amount-between-links-has-the-subject-before-its-link",
     "Doanh thu 6 tháng ước đạt 500 tỷ đồng tăng 12% so với cùng kỳ.",
     [("12%", ["doanh thu"], ["500", "tỷ đồng"])]),
    ("an-amount-linked-after-the-value-is-no-part-of-it",
     "Xuất khẩu chè tăng từ 5 đến 12% trong 3 tháng qua, trong đó trong tháng 9 tăng 6% đạt 20 triệu USD.",
     [("từ 5 đến 12%", ["xuất khẩu chè"], []), ("6%", ["xuất khẩu chè"], ["triệu USD"])]),
    ("a-dummy-result-is-the-sentences-subject",
     "Riêng tháng 7 xuất khẩu gạo tăng 5% đạt 40 triệu USD, đưa kết quả 7 tháng lên 300 triệu USD, giảm 7% so với cùng kỳ.",
     [("5%", ["xuất khẩu gạo"], []), ("7%", ["xuất khẩu gạo"], ["kết quả"])]),
    ("a-dummy-result-with-its-noun-is-the-sentences-subject",
     "Xuất khẩu chè tăng 8% trong tháng 9 đạt 30 triệu USD, đưa kết quả xuất khẩu 9 tháng lên 210 triệu USD, "
     "tăng 2% so với cùng kỳ.",
     [("8%", ["xuất khẩu chè"], []), ("2%", ["xuất khẩu chè"], ["kết quả"])]),
    ("a-year-without-nam-is-a-time",
     "Giảm tỷ lệ trẻ suy dinh dưỡng, thấp còi từ 30% trong 2005 xuống 20% trong 2020.",
     [("30%", ["suy dinh dưỡng"], ["2005"]), ("20%", ["suy dinh dưỡng"], ["2020"])]),
    ("a-range-of-years-stays-whole",
     "Kinh tế duy trì mức tăng trưởng khoảng 6% mỗi năm trong giai đoạn 2021 - 2022.",
     [("6%", ["tăng trưởng"], ["2021", "2022"])]),
    ("a-month-is-a-time",
     "XK thủy sản tháng 11/2020 tiếp tục tăng 13% so với cùng kỳ năm 2019.",
     [("13%", ["thủy sản"], ["tháng", "2020", "tiếp tục"])]),
    ("an-adverb-of-a-change-ends-no-indicator",
     "Tôm là mặt hàng chủ lực, tăng mạnh 20% trong tháng 9, sang tháng 10 tiếp tục tăng 25% đạt 300 triệu USD.",
     [("20%", ["tôm"], ["mạnh", "tháng"]), ("25%", ["tôm"], ["mạnh", "tháng", "triệu"])]),
    ("a-fronted-clause-measures-the-main-subject",
     "Sau khi tăng 8% trong tháng 5, tăng 11% trong tháng 6 đạt mức đỉnh 900 triệu USD, doanh thu du lịch tháng 7 "
     "tiếp tục tăng 14% so với cùng kỳ.",
     [("8%", ["doanh thu du lịch"], ["sau khi"]), ("11%", ["doanh thu du lịch"], ["sau khi", "triệu"]),
      ("14%", ["doanh thu du lịch"], [])]),
    ("a-fronted-clause-before-a-short-subject",
     "Sau khi tăng mạnh 15% trong tháng 9, nhập khẩu tăng 2% trong tháng 10.",
     [("15%", ["nhập khẩu"], ["sau khi", "mạnh"]), ("2%", ["nhập khẩu"], [])]),
    ("a-part-after-trong-do-keeps-the-whole",
     "Dư nợ cho vay đạt 100 nghìn tỷ đồng, tăng 4,1%; trong đó cho vay tiêu dùng tăng 5,2%.",
     [("4,1%", ["dư nợ cho vay"], ["tiêu dùng"]), ("5,2%", ["dư nợ cho vay", "tiêu dùng"], [])]),
    ("a-part-after-trong-do-and-a-comma-keeps-the-whole",
     "Lợi nhuận trước thuế của ngân hàng tăng 20% so với cùng kỳ, đạt 500 tỷ đồng, trong đó, tại công ty mẹ "
     "đạt mức tăng trưởng 25%.",
     [("20%", ["lợi nhuận"], []), ("25%", ["lợi nhuận", "công ty mẹ"], ["đạt"])]),
    ("an-abbreviation-in-brackets-is-part-of-the-subject",
     "Lợi nhuận trước thuế của Ngân hàng TMCP Công nghiệp Sài Gòn (SGB) đạt 900 tỷ đồng, tăng 12,5% so với năm 2016 "
     "và vượt 8% kế hoạch đề ra.",
     [("12,5%", ["lợi nhuận", "SGB"], []), ("8%", ["lợi nhuận", "SGB", "kế hoạch"], [])]),
    ("a-bracket-of-respective-values-comments-on-the-subject-before-it",
     "Đối với mặt hàng chè, kim ngạch xuất khẩu giảm sâu trong tháng 2 và tháng 4 (giảm lần lượt 30% và 15%), "
     "sau đó phục hồi dần.",
     [("30%", ["chè", "kim ngạch xuất khẩu"], ["tháng"]), ("15%", ["chè", "kim ngạch xuất khẩu"], ["tháng"])]),
    ("a-bare-measure-noun-measures-the-subject-before-it",
     "Học sinh lên lớp đạt tỷ lệ 99,1%.",
     [("99,1%", ["học sinh lên lớp", "tỷ lệ"], [])]),
    ("a-bare-measure-noun-after-a-place-stays-alone",
     "Năm 2023, tỉnh Bình Phước đạt tỷ lệ 91,4%.",
     [("91,4%", ["tỷ lệ"], ["bình phước", "đạt"])]),
    ("no-subject-spans-another-value",
     "Lũy kế XK sang Nhật Bản 9 tháng năm 2021 đạt 1,1 tỷ USD, tăng 2,4% và cả năm 2021 ước đạt 1,45 tỷ USD, "
     "tăng gần 4%.",
     [("2,4%", ["XK sang Nhật Bản"], []), ("4%", ["XK sang Nhật Bản"], ["2,4"])]),
    ("a-closed-bracket-is-a-remark-inside-the-subject",
     "Ước tính XK sang Hàn Quốc (trừ hàng tạm nhập) trong năm 2021 đạt khoảng 700 triệu USD, giảm 1,4% so với năm 2020.",
     [("1,4%", ["XK sang Hàn Quốc"], ["trừ hàng"])]),
    ("a-one-word-name-in-brackets-stays",
     "Năm 2017, Ngân hàng TMCP Công Thương (Vietinbank) có lợi nhuận trước thuế đạt 9.200 tỷ đồng, tăng 20,1% so với "
     "năm 2016.",
     [("20,1%", ["Công Thương (Vietinbank)", "lợi nhuận"], [])]),
    ("a-frame-followed-by-a-date-keeps-the-subject",
     "Giải ngân vốn đầu tư công tính đến hết ngày 30 tháng 9 năm 2024 đạt 65,2% kế hoạch Thủ tướng Chính phủ giao.",
     [("65,2%", ["giải ngân vốn đầu tư công", "kế hoạch"], ["ngày", "tháng"])]),
    ("a-multiple-is-no-amount",
     "Thu hút vốn DDI ước đạt 50 nghìn tỷ đồng, cao hơn gần gấp 2 lần so với cùng kỳ, đạt 80% so với mục tiêu năm 2024.",
     [("80%", ["vốn DDI"], ["lần"])]),
    ("a-goal-word-before-who-set-it-frames-nothing",
     "Trong đó phấn đấu tăng trưởng kinh tế vượt mục tiêu Chính phủ giao (8%); tăng thu ngân sách nhà nước.",
     [("8%", ["tăng trưởng kinh tế"], ["phấn đấu"])]),
    ("the-subject-of-a-clause-before-a-linked-value",
     "Ông Nguyễn Văn A cho biết, thu ngân sách tháng 8 đang có nhiều chuyển biến tích cực, tăng 15% so với tháng 7.",
     [("15%", ["thu ngân sách"], ["chuyển biến", "tháng"])]),
    ("a-running-total-opens-no-indicator",
     "Lũy kế 10 tháng doanh thu lữ hành tăng 12,5% so với cùng kỳ.",
     [("12,5%", ["doanh thu lữ hành"], ["lũy kế"])]),
    ("parts-listed-after-gom-measure-the-sentences-subject",
     "Trong đó, tăng trưởng tín dụng tại ngân hàng tập trung ở các khối chiến lược với kết quả vượt kế hoạch đề ra, "
     "gồm khối Khách hàng Cá nhân tăng trưởng gần 8% và khối Khách hàng Doanh nghiệp nhỏ và siêu nhỏ tăng gần 12% so với "
     "cuối năm 2020.",
     [("8%", ["tín dụng", "Cá nhân"], ["Doanh nghiệp"]), ("12%", ["tín dụng", "Doanh nghiệp nhỏ và siêu nhỏ"], ["Cá nhân"])]),
    ("a-comma-inside-brackets-splits-no-subject",
     "+ Tỷ lệ số trạm y tế các xã (vùng cao, vùng sâu, biên giới hoặc hải đảo) đạt tiêu chuẩn theo quy định "
     "mức độ 2 dưới 40%;",
     [("40%", ["trạm y tế", "tiêu chuẩn"], [])]),
    ("a-place-that-names-a-port-stays",
     "Trong đó, Chi cục Hải quan cửa khẩu cảng Đà Nẵng thu nộp 80,2 tỷ đồng, bằng 90,5% so với cùng kỳ năm 2019.",
     [("90,5%", ["cảng Đà Nẵng thu nộp", "cùng kỳ"], [])]),
    ("a-market-named-by-a-pointer-is-the-country-before",
     "Trong đó, XK sang Hàn Quốc từ tháng 5 tăng mạnh. Lũy kế hết tháng 10, XK cà phê sang thị trường này đạt "
     "trên 300 triệu USD, tăng 7% so với cùng kỳ năm 2020.",
     [("7%", ["cà phê", "thị trường Hàn Quốc"], ["này"])]),
    ("several-markets-named-by-a-pointer-stay-as-written",
     "XK sang Nhật Bản tăng mạnh. Chỉ với 4 thị trường này đã đóng góp tổng kim ngạch xuất khẩu 48,4%.",
     [("48,4%", ["4 thị trường này"], ["Nhật Bản"])]),
    ("a-paragraph-topic-qualifies-its-bare-subjects",
     "Đối với mặt hàng rau quả, kim ngạch XK giảm sâu trong quý I. Sau khi tăng mạnh 12% trong tháng 9, XK tăng 2% "
     "trong tháng 10.\n\nXK gạo tăng 5%.",
     [("12%", ["XK", "rau quả"], []), ("2%", ["XK", "rau quả"], []), ("5%", ["XK gạo"], ["rau quả"])]),
    ("a-directing-body-after-a-comma-ends-the-tail",
     "Để khắc phục hậu quả thiên tai, phấn đấu tăng trưởng kinh tế cả năm 2025 đạt trên 7% và năm 2026 đạt từ\n"
     "9% trở lên, Chính phủ yêu cầu các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh thực hiện các giải pháp.",
     [("7%", ["tăng trưởng kinh tế"], []), ("9%", ["tăng trưởng kinh tế"], ["Chính phủ", "Bộ trưởng"])]),
    ("a-detail-lead-in-after-a-comma-ends-the-tail",
     "Các bộ tiếp tục triển khai các giải pháp, phấn đấu tăng trưởng kinh tế cả năm 2025 đạt trên 7% và năm 2026 "
     "từ 9% trở\nlên, cụ thể như sau:\n\na) Bộ Tài chính chủ trì, phối hợp\nvới các bộ, cơ quan, địa phương:",
     [("7%", ["tăng trưởng kinh tế"], []), ("9%", ["tăng trưởng kinh tế"], ["sau"])]),
    ("an-amount-after-khi-belongs-to-the-main-clause",
     "Đặc biệt, lợi nhuận sau thuế ghi nhận mức cao nhất trong lịch sử Tập đoàn Minh Phát khi đạt 5.000 tỷ đồng, "
     "vượt 20% so với kế hoạch và tăng 15% so với năm trước.",
     [("20%", ["lợi nhuận sau thuế", "Minh Phát"], ["khi"]), ("15%", ["lợi nhuận sau thuế", "Minh Phát"], ["khi"])]),
    ("a-rise-is-compared-with-the-same-period-not-measured-against-it",
     "Doanh thu du lịch tăng 12% so với cùng kỳ năm 2022.",
     [("12%", ["doanh thu du lịch"], ["cùng kỳ"])]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_indicator_rules(text: str, expected: list[tuple[str, list[str], list[str]]]) -> None:
    rows = assemble_targets(text, "d")[0]
    assert [r.surface for r in rows] == [e[0] for e in expected]
    for row, (_, holds, lacks) in zip(rows, expected, strict=True):
        indicator = row.indicator.lower()
        for word in holds:
            assert word.lower() in indicator, (row.surface, row.indicator)
        for word in lacks:
            assert word.lower() not in indicator, (row.surface, row.indicator)


def _vertical_table(rows: list[list[str]]) -> str:
    """A table published one cell after another between lines holding a single ``|``."""
    return "".join("|\n" + "".join(f"{cell}\n|\n" for cell in row) for row in rows) + "|\n"


_HOW = ("Cách thức chấm điểm: căn cứ tỷ lệ hộ gia đình được cấp nước sạch qua hệ thống đường ống tập trung "
        "của từng thôn, tổ dân phố trên địa bàn xã, phường để tính điểm theo quy ước sau đây, trong đó số liệu "
        "được lấy từ báo cáo của đơn vị cấp nước và được đối chiếu với danh sách hộ gia đình do công an xã, "
        "phường cung cấp tại thời điểm chấm điểm, có xác nhận của Ủy ban nhân dân cấp xã và của đơn vị cấp "
        "nước trên địa bàn; trường hợp số liệu không khớp thì lấy theo số liệu thấp hơn.\n"
        "- a = Tổng số hộ gia đình trên địa bàn;\n- b = Tổng số hộ gia đình được cấp nước sạch;\n"
        "- Tỷ lệ = b/a * 100%;\n- Điểm = Tỷ lệ * điểm chuẩn.")


def test_a_long_cell_keeps_its_row_in_the_table() -> None:
    rows = [["STT", "Tiêu chí", "Điểm", "Cách chấm"],
            ["1", "Tỷ lệ hộ gia đình được cấp nước sạch qua hệ thống đường ống tập trung", "30", _HOW]]
    text = "Phụ lục\n\n" + _vertical_table(rows)
    rows = assemble_targets(text, "d")[0]
    assert [r.surface for r in rows] == ["100%"]
    assert "nước sạch" in rows[0].indicator, rows[0].indicator


def test_a_label_that_holds_a_value_names_the_scores_of_its_row() -> None:
    rows = [["STT", "Tiêu chí", "Điểm", "Cách chấm"],
            ["2", "Đơn vị có tỷ lệ hộ gia đình phân loại rác thải sinh hoạt tại nguồn từ 80% trở lên.", "5",
             "Từ 80 - 90% cộng 02 điểm; đạt 100% cộng 05 điểm."]]
    text = "Phụ lục\n\n" + _vertical_table(rows)
    rows = assemble_targets(text, "d")[0]
    assert [r.surface for r in rows] == ["80%", "Từ 80 - 90%", "100%"]
    for row in rows:
        assert "phân loại rác thải" in row.indicator, (row.surface, row.indicator)


def test_a_symbol_being_defined_is_no_label() -> None:
    rows = [["Ký hiệu", "Giải thích"],
            ["VN:", "Tỷ lệ vốn vay nội tệ trong tổng vốn vay của dự án, được xác định là 70%;"]]
    text = "Trong đó:\n\n" + _vertical_table(rows)
    (row,) = assemble_targets(text, "d")[0]
    assert "vốn vay nội tệ" in row.indicator, row.indicator
