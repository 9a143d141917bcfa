"""The rules written for real texts, one case each: a text written for the test (with the metadata a
scraped corpus has) → the fields the annotation guide gives its rows.

Each row is ``(surface, status, measure, year, level, place, words the indicator holds)``; ``None``
leaves a field unchecked.
"""

from __future__ import annotations

import pytest
from chitieu.pipeline.run import process_texts

NEWS = {"url": "https://baonghean.vn/kinh-te.html", "date": "2024-07-05"}
NATIONAL = {"url": "https://vnexpress.net/kinh-te.html", "date": "2022-01-10"}

# the header table of a provincial council's document, as published (hard-wrapped, Markdown)
RESOLUTION_HEADER = ("|\n**HỘI ĐỒNG NHÂN DÂN**\nTỈNH HÀ TĨNH\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
                     "Độc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 12/2025/NQ-HĐND\n|\n"
                     "*Hà Tĩnh, ngày 10 tháng 7 năm 2025*\n|\n\n\n")

CASES = [
    ("publisher-place-and-report-year", NEWS,
     "Tỷ lệ hộ nghèo toàn tỉnh còn 2,1%, giảm 0,4% so với cuối năm 2023.",
     [("2,1%", "actual", "level", 2024, "", "Nghệ An", "hộ nghèo"),
      ("0,4%", "actual", "decrease", 2024, "", "Nghệ An", "hộ nghèo")]),
    ("coordinated-subject-of-an-amount", NEWS,
     "Giá trị xuất khẩu ước đạt 16,8 tỷ USD, tăng 29,9% so với cùng kỳ và bằng 52,6% kế hoạch năm.",
     [("29,9%", "actual", "increase", 2024, "", "Nghệ An", "xuất khẩu"),
      ("52,6%", "actual", "level", 2024, "", "Nghệ An", "xuất khẩu")]),
    ("labelled-items-with-places", {},
     "Tỷ lệ hộ nghèo năm 2022: Điện Biên 24,5%, Lai Châu 22,1%.",
     [("24,5%", "actual", "level", 2022, "", "Điện Biên", "hộ nghèo"),
      ("22,1%", "actual", "level", 2022, "", "Lai Châu", "hộ nghèo")]),
    ("lead-in-governs-its-list", {},
     "Kế hoạch phát triển giáo dục\n\nMục tiêu cụ thể giai đoạn 2026-2030 như sau:\n\n"
     "- Đối với trẻ em\n\n+ Tại địa bàn đô thị: phấn đấu 100% trẻ em được chăm sóc.",
     [("100%", "target", "level", 2030, "", None, "trẻ em")]),
    ("group-of-provinces-has-no-place", {"url": "https://vnexpress.net/a.html", "date": "2025-10-08"},
     "Trong 9 tháng đầu năm 2025, có 16/34 địa phương có mức tăng trưởng GRDP đạt từ 8% trở lên.",
     [("8%", "actual", "level", 2025, "tinh", "", "tăng trưởng")]),
    ("a-trade-partner-is-not-the-owner", NATIONAL,
     "Năm 2021, xuất khẩu gạo của Việt Nam sang Philippines tăng 12%, trong khi Thái Lan chỉ tăng 3%.",
     [("12%", "actual", "increase", 2021, "", "Việt Nam", "gạo"),
      ("3%", "actual", "increase", 2021, "", "Thái Lan", None)]),
    ("markets-listed-after-a-trade-word", NATIONAL,
     "Xuất khẩu gạo của Việt Nam tăng. Năm 2021, thị trường Philippines, Malaysia và Trung Quốc tăng lần lượt 12%, 8% và 5%.",
     [("12%", "actual", None, 2021, "", "Việt Nam", None), ("8%", "actual", None, 2021, "", "Việt Nam", None),
      ("5%", "actual", None, 2021, "", "Việt Nam", None)]),
    ("a-country-inside-a-persons-name", NATIONAL,
     "Theo Tiến sĩ Nguyễn Văn Anh, muốn đạt mục tiêu tăng trưởng 6,5% năm 2022, Việt Nam phải tăng trưởng cao hơn.",
     [("6,5%", "target", None, 2022, "", "Việt Nam", "tăng trưởng")]),
    ("countries-listed-with-amounts-are-markets", NEWS,
     "Năm 2023, Mỹ vẫn là thị trường lớn nhất với 2.100 triệu USD, chiếm 30,5%; tiếp theo là Hàn Quốc 950 triệu USD, "
     "chiếm 13,8% và tăng 4,2%.",
     [("30,5%", "actual", "level", 2023, "", "Nghệ An", None), ("13,8%", "actual", "level", 2023, "", "Nghệ An", None),
      ("4,2%", "actual", "increase", 2023, "", "Nghệ An", None)]),
    ("a-cited-article-lists-its-documents-targets", {"url": "https://thuvienphapluat.vn/a.html"},
     "Căn cứ tại Mục II Nghị quyết 12-NQ/TW năm 2023 xác định mục tiêu cụ thể về giáo dục đến năm 2030 như sau:\n\n"
     "**(1) **Tỷ lệ huy động trẻ em đi học mẫu giáo đạt 99%.\n\n**(2)** Số xã đạt chuẩn nông thôn mới trên 80%.",
     [("99%", "target", "level", 2030, "", None, "mẫu giáo"), ("80%", "target", "level", 2030, "xa", None, "nông thôn mới")]),
    ("milestones-on-lines-of-their-own", NEWS,
     "Theo kế hoạch, tỉnh phấn đấu đến hết năm 2026, có 25% giáo viên đạt chuẩn ngoại ngữ; đến hết năm 2030 đạt 35%.\n"
     "Có 60% học sinh đạt trình độ bậc 2 trở lên; đến hết năm 2030 đạt 70%.",
     [("25%", "target", "level", 2026, "", "Nghệ An", "giáo viên"), ("35%", "target", "level", 2030, "", "Nghệ An", None),
      ("60%", "target", "level", 2026, "", "Nghệ An", "học sinh"), ("70%", "target", "level", 2030, "", "Nghệ An", None)]),
    ("a-place-inside-a-business-name", {"url": "https://dantri.com.vn/kinh-doanh/a.html", "date": "2018-01-10"},
     "Ngân hàng TMCP Công Thương Việt Nam báo lãi kỷ lục\nLợi nhuận trước thuế của Ngân hàng TMCP Công Thương Việt Nam "
     "tăng 32,9% so với năm 2016.",
     [("32,9%", "actual", "increase", 2018, "", "", "lợi nhuận")]),
    ("another-country", NATIONAL,
     "Tỷ lệ nợ xấu của Việt Nam là 7%, trong khi Trung Quốc chỉ là 4,3%.",
     [("7%", "actual", "level", 2022, "", "Việt Nam", "nợ xấu"),
      ("4,3%", "actual", "level", 2022, "", "Trung Quốc", None)]),
    ("result-then-target-after-a-slash", {"date": "2026-01-10"},
     "Đến hết năm 2025, tỷ lệ xã đạt chuẩn nông thôn mới của cả nước đạt 79,3%/chỉ tiêu 80%.",
     [("79,3%", "actual", "level", 2025, "xa", "Việt Nam", "nông thôn mới"),
      ("80%", "target", "level", 2025, "xa", "Việt Nam", "nông thôn mới")]),
    ("result-with-its-target-after-a-slash-and-a-base-year", {"date": "2025-12-20"},
     "Tổng kết giai đoạn 2021-2025\n\nTỷ lệ trường học đạt chuẩn quốc gia là 61,5%/ kế hoạch 60%, tăng gấp đôi "
     "so với cuối năm 2021.",
     [("61,5%", "actual", "level", 2025, "", "", "trường học đạt chuẩn"),
      ("60%", "target", "level", 2025, "", "", "trường học đạt chuẩn")]),
    ("a-result-before-its-target-in-a-text-of-goals", {},
     "Phấn đấu hoàn thành các chỉ tiêu giai đoạn 2021-2025\n\nTỷ lệ trường học đạt chuẩn quốc gia là 61,5%/ chỉ tiêu "
     "60%; tỷ lệ phòng học kiên cố là 90%.",
     [("61,5%", "actual", "level", 2025, "", "", "trường học đạt chuẩn"),
      ("60%", "target", "level", 2025, "", "", "trường học đạt chuẩn"),
      ("90%", "target", "level", 2025, "", "", "phòng học kiên cố")]),
    ("a-breakdown-whose-head-stops-short-takes-the-rest-said-before", {"date": "2025-01-15"},
     "Rác thải ở Vĩnh Phúc\n\nNăm 2024, tỷ lệ thu gom, xử lý chất thải rắn sinh hoạt trên địa bàn tỉnh đạt 88%. "
     "Trong đó, khu vực đô thị đạt tỷ lệ thu gom, xử lý 97%.",
     [("88%", "actual", "level", 2024, "", "Vĩnh Phúc", "chất thải rắn sinh hoạt"),
      ("97%", "actual", "level", 2024, "", "Vĩnh Phúc", "đô thị đạt tỷ lệ thu gom, xử lý chất thải rắn sinh hoạt")]),
    ("a-ranked-list-of-provinces-measures-what-the-group-does", NATIONAL,
     "Kinh tế các địa phương\n\nTính chung 9 tháng năm 2021, có 20/63 địa phương tăng trưởng GRDP đạt từ 7% trở "
     "lên; trong đó, 3 địa phương tăng trưởng trên 9% gồm: Bắc Giang (13,5%), Khánh Hòa (9,8%), Thái Bình (9,4%).",
     [("7%", "actual", None, 2021, "tinh", "", "tăng trưởng grdp"),
      ("9%", "actual", None, 2021, "tinh", "", "tăng trưởng grdp"),
      ("13,5%", "actual", None, 2021, "", "Bắc Giang", "tăng trưởng grdp"),
      ("9,8%", "actual", None, 2021, "", "Khánh Hòa", "tăng trưởng grdp"),
      ("9,4%", "actual", None, 2021, "", "Thái Bình", "tăng trưởng grdp")]),
    ("an-undated-report-is-of-the-year-after-its-same-period-base-not-of-its-history", {},
     "Thu ngân sách tại cửa khẩu gặp khó\n\nẢnh minh họa\n\nSố thu của đơn vị giảm dần từ 2015 đến nay, trừ năm 2016 "
     "tăng cao nhờ các dự án lớn.\n\nNhiều năm nay, mặt hàng gỗ đóng góp 60% số thu của đơn vị. Tính đến ngày 20/9, "
     "số thu mới đạt 210 tỷ đồng, giảm 18% so với cùng kỳ năm 2022.",
     [("60%", "actual", "level", 2023, "", None, "số thu"),
      ("18%", "actual", "decrease", 2023, "", None, None)]),
    ("an-undated-article-is-of-the-year-its-other-paragraphs-name", {},
     "Hải quan tỉnh phấn đấu thu ngân sách đạt 9.000 tỷ đồng\n\nẢnh: Hải quan làm thủ tục cho hàng xuất khẩu.\n\n"
     "Đơn vị tiếp tục tháo gỡ khó khăn cho doanh nghiệp.\n\nĐến hết 15/10, đơn vị thu ngân sách đạt 7.200 tỷ đồng, "
     "tăng 8,5% với cùng kỳ năm trước.\n\nĐơn vị quyết tâm thực hiện thắng lợi các mục tiêu chính trị năm 2021 và "
     "phát động đợt thi đua nước rút năm 2021.",
     [("8,5%", "actual", "increase", 2021, "", None, "thu ngân sách")]),
    ("the-deadline-of-a-goal-compared-with-frames-no-later-figure", {"date": "2023-01-10"},
     "Bảo hiểm xã hội năm 2022\n\nTính đến hết năm 2022, cả nước có 17 triệu người tham gia bảo hiểm xã hội, đạt 38% "
     "lực lượng lao động. Trong đó, số người tham gia tự nguyện đạt 1,5 triệu người (vượt 1,2% so với mục tiêu giai "
     "đoạn đến năm 2025 tại Nghị quyết 28-NQ/TW). Đặc biệt, tỷ lệ người tham gia bảo hiểm y tế đạt 92,5%.",
     [("38%", "actual", "level", 2022, "", "Việt Nam", None), ("1,2%", "actual", "gap", 2022, "", "Việt Nam", None),
      ("92,5%", "actual", "level", 2022, "", "Việt Nam", "bảo hiểm y tế")]),
    ("share-of-the-value-before", {},
     "Phấn đấu đến năm 2025, tỷ lệ xã đạt chuẩn nông thôn mới của tỉnh Tây Ninh đạt 80%, trong đó 30% đạt chuẩn "
     "nông thôn mới nâng cao.",
     [("80%", "target", "level", 2025, "xa", "Tây Ninh", "nông thôn mới"),
      ("30%", "target", "level", 2025, "xa", "Tây Ninh", "nâng cao")]),
    ("comparison-neither-frames-nor-dates", NATIONAL,
     "Tỷ lệ bao phủ bảo hiểm y tế đạt 93,2%, vượt 0,2% so với chỉ tiêu đến năm 2025.",
     [("93,2%", "actual", "level", 2022, "", "Việt Nam", "bảo hiểm y tế"),
      ("0,2%", "actual", "gap", 2022, "", "Việt Nam", None)]),
    ("rate-fixed-by-a-rule", NATIONAL,
     "Lãi suất cho vay ưu đãi đối với hộ nghèo là 6,6%/năm.",
     [("6,6%", "other", "level", 2022, "", None, "lãi suất")]),  # in force when written
    ("national-issuer", {},
     "Thủ tướng Chính phủ ban hành Chương trình chuyển đổi số quốc gia với mục tiêu đến năm 2025 kinh tế số chiếm "
     "20% GDP.",
     [("20%", "target", "level", 2025, "", "Việt Nam", "kinh tế số")]),
    ("completion-ratio", {"date": "2024-01-02"},
     "Năm 2023, thu ngân sách của tỉnh Bắc Ninh đạt 232% so với kế hoạch được giao.",
     [("232%", "actual", "level", 2023, "", "Bắc Ninh", "kế hoạch")]),
    ("two-decisions-in-one-sentence", {},
     "Tỉnh Nghệ An phấn đấu đến năm 2025 có 70% dịch vụ công trực tuyến toàn trình theo Quyết định số 1234/QĐ-UBND "
     "và 50% doanh nghiệp sử dụng hợp đồng điện tử theo Kế hoạch số 456/KH-UBND.",
     [("70%", "target", "level", 2025, "", "Nghệ An", "dịch vụ công"),
      ("50%", "target", "level", 2025, "", "Nghệ An", "hợp đồng điện tử")]),
    ("a-total-raised-is-a-result", {"date": "2019-01-08"},
     "Trong năm học, có thêm 12 trường tiểu học đạt chuẩn, nâng tổng số trường tiểu học đạt chuẩn lên 201 trường, "
     "chiếm 61,2%.",
     [("61,2%", "actual", "level", 2019, "", None, "trường tiểu học đạt chuẩn")]),
    ("a-remark-in-brackets-frames-no-later-sentence", NATIONAL,
     "Năm 2021, cả nước có 16 triệu người tham gia bảo hiểm xã hội (đạt mục tiêu đề ra tại Nghị quyết). "
     "Tỷ lệ bao phủ bảo hiểm y tế đạt 91,1%.",
     [("91,1%", "actual", "level", 2021, "", "Việt Nam", "bảo hiểm y tế")]),
    ("a-sentence-that-opens-on-a-level", NATIONAL,
     "Tính đến tháng 11/2021, cả nước có 70% số xã đạt chuẩn nông thôn mới. Ở cấp huyện, 40% đã đạt chuẩn, "
     "15% đạt chuẩn nâng cao.",
     [("70%", "actual", "level", 2021, "xa", "Việt Nam", "nông thôn mới"),
      ("40%", "actual", "level", 2021, "huyen", "Việt Nam", "chuẩn"),
      ("15%", "actual", "level", 2021, "huyen", "Việt Nam", "nâng cao")]),
    ("a-fall-verb-shared-by-gapping", {},
     "Phấn đấu năm 2026 giảm tối thiểu 20% thời gian xử lý hồ sơ, 15% chi phí đi lại của người dân.",
     [("20%", "target", "decrease", 2026, "", None, "thời gian xử lý"),
      ("15%", "target", "decrease", 2026, "", None, "chi phí đi lại")]),
    ("a-subject-that-has-a-number-of-its-own-unit", {"date": "2023-02-01"},
     "Năm 2022, hộ cận nghèo có 5.120 hộ, chiếm 2,75% tổng số hộ (giảm 310 hộ so với đầu năm, chiếm tỷ lệ 0,2%).",
     [("2,75%", "actual", "level", 2022, "", None, "hộ cận nghèo"),
      ("0,2%", "actual", None, 2022, "", None, "hộ cận nghèo")]),
    ("a-business-is-no-nation", {"url": "https://dantri.com.vn/kinh-doanh/a.html", "date": "2021-04-20"},
     "SeABank công bố kết quả kinh doanh quý I\nLợi nhuận trước thuế của ngân hàng tăng 25% so với cùng kỳ.",
     [("25%", "actual", "increase", 2021, "", "", "lợi nhuận")]),
    ("same-period-of-a-year-before", {"url": "https://example.org/a.html"},
     "Tính đến ngày 20/9, Cục Thuế đã thu 2.100 tỷ đồng, đạt 81% so với dự toán; bằng 112% so với cùng kỳ năm 2018.",
     [("81%", "actual", "level", 2019, "", None, "dự toán"),
      ("112%", "actual", "level", 2019, "", None, None)]),
    # --- status other: qualifying bounds, rules, rates and shares (h/other) ---
    ("criteria-of-a-class-are-thresholds", {"url": "https://example.gov.vn/a.html", "date": "2025-09-01"},
     "Tiêu chí xác định thôn đặc biệt khó khăn\n\nThôn đặc biệt khó khăn là thôn có ít nhất 02 trong 03 tiêu chí\n"
     "sau đây:\n\n- Có dưới 60% đường thôn được cứng hóa theo tiêu chuẩn\nkỹ thuật.\n\n"
     "- Tỷ lệ hộ gia đình có nhà tiêu hợp vệ sinh dưới 50%.\n\n"
     "- Có từ 15% người dân tộc thiểu số trở lên sinh sống ổn định.",
     [("60%", "other", "level", 2025, "", None, "đường thôn"),
      ("50%", "other", "level", 2025, "", None, "nhà tiêu"),
      ("15%", "other", "level", 2025, "", None, "dân tộc thiểu số")]),
    ("goals-of-a-plan-are-no-thresholds", {"url": "https://example.gov.vn/b.html", "date": "2025-09-01"},
     "Mục tiêu cụ thể đến năm 2030:\n\n- Phấn đấu có trên 80% số thôn được cứng hóa đường giao thông.\n\n"
     "- Hỗ trợ 100% hộ nghèo được vay vốn ưu đãi.",
     [("80%", "target", "level", 2030, "", None, "số thôn"),
      ("100%", "target", "level", 2030, "", None, "hộ nghèo")]),
    ("rates-and-shares-of-capital-in-news", {"url": "https://dantri.com.vn/kinh-doanh/c.html", "date": "2023-06-20"},
     "Ngân hàng Nhà nước quyết định giảm lãi suất cho vay ngắn hạn tối đa từ 5%/năm xuống 4,5%/năm. "
     "Ngân hàng cũng sẽ phát hành 120 triệu cổ phiếu để trả cổ tức, tương đương 9,33% vốn điều lệ.",
     [("5%", "other", None, 2023, "", None, "lãi suất"),
      ("4,5%", "other", "level", 2023, "", None, "lãi suất"),
      ("9,33%", "other", "level", 2023, "", None, None)]),
    ("conditions-and-formulas-of-a-rule", {"url": "https://example.gov.vn/d.html", "date": "2025-09-01"},
     "Trường hợp người được giới thiệu đạt dưới 50% số phiếu thì báo cáo cấp có thẩm quyền. "
     "Mức thu phí bằng 20 triệu đồng + (0,5% x phần chi phí vượt trên 1 tỷ đồng).",
     [("50%", "other", "level", 2025, "", None, None),
      ("0,5%", "other", "level", 2025, "", None, None)]),
    # --- end of status other ---
    ("an-estimate-in-the-future-tense-is-a-result", {"url": "https://example.org/a.html", "date": "2020-12-10"},
     "Ước tính doanh thu du lịch cả năm sẽ đạt khoảng 2 tỷ USD, giảm 23% so với năm 2019. "
     "Dự kiến năm 2021 sẽ tăng 15%.",
     [("23%", "actual", "decrease", 2020, "", None, "du lịch"),
      ("15%", "target", "increase", 2021, "", None, None)]),
    ("years-counted-from-the-article", {"url": "https://example.org/a.html", "date": "2023-03-02"},
     "Doanh thu bán lẻ năm ngoái tăng 5%. Năm nay, lượng khách quốc tế tăng 12%. Ba năm trước, số hộ nghèo giảm 2%.",
     [("5%", "actual", "increase", 2022, "", None, "doanh thu bán lẻ"),
      ("12%", "actual", "increase", 2023, "", None, "khách quốc tế"),
      ("2%", "actual", "decrease", 2022, "", None, "hộ nghèo")]),
    ("a-dated-month-gives-an-undated-report-its-year", {"url": "https://example.org/a.html"},
     "Trong tháng 8/2019, sản lượng điện tăng 4%.\n\nTính chung 8 tháng, số doanh nghiệp thành lập mới tăng 3,5% "
     "so với cùng kỳ năm trước.",
     [("4%", "actual", "increase", 2019, "", None, "điện"),
      ("3,5%", "actual", "increase", 2019, "", None, "doanh nghiệp")]),
    ("a-bare-year-after-the-same-period-dates-an-undated-report", {"url": "https://example.org/a.html"},
     "Từ đầu năm đến hết tháng 7, số tờ khai tăng 12%, thu ngân sách giảm khoảng 5 tỷ đồng so với cùng kỳ 2019.",
     [("12%", "actual", "increase", 2020, "", None, "tờ khai")]),
    ("a-month-and-year-written-with-a-dot", {"url": "https://example.org/a.html"},
     "Xuất khẩu tháng 1.2017 tăng 6,8% so với tháng 1.2016.\n\nRau quả tiếp đà của năm ngoái, tăng 14,4%.",
     [("6,8%", "actual", "increase", 2017, "", None, "xuất khẩu"), ("14,4%", "actual", "increase", 2017, "", None, None)]),
    ("the-same-period-of-a-year-dates-the-whole-undated-report", {"url": "https://example.org/a.html"},
     "Trong tháng 7, có đến 72,2% tờ khai nhập khẩu phải kiểm tra chuyên ngành.\n\n"
     "Về thu ngân sách, từ đầu năm đến nay, cục thu được 101 tỷ đồng, giảm 5 tỷ đồng so với cùng kỳ 2019.",
     [("72,2%", "actual", "level", 2020, "", None, "tờ khai")]),
    ("amounts-in-a-remark-count-no-subject", {"url": "https://example.org/a.html"},
     "Năm 2016 có 11.418 dân thường thương vong (3.498 người thiệt mạng và 7.920 người bị thương), tăng 3% so với "
     "năm 2015.",
     [("3%", "actual", "increase", 2016, "", None, "dân thường thương vong")]),
    ("a-deadline-phrase-before-what-an-undated-report-covers-is-past", {"url": "https://example.org/a.html"},
     "Dịch cúm\n\nTrong tháng 2/2017, Trung Quốc có 340 ca mắc cúm H7N9, tử vong khoảng 40%, nhiều nhất kể từ khi "
     "phát hiện lần đầu vào năm 2013.",
     [("40%", "actual", "level", 2017, "", None, "tử vong")]),
    ("a-part-of-what-there-is-is-no-goal-of-the-text", {"url": "https://example.org/a.html", "date": "2021-04-01"},
     "Giáo dục\n\nTheo đó, mục tiêu đặt ra là đào tạo trình độ tiến sĩ cho 10% giảng viên đại học đến năm 2030.\n\n"
     "Hiện cả nước có trên 73.000 giảng viên đại học, trong đó, số giảng viên có trình độ tiến sĩ là 28,8%.",
     [("10%", "target", "level", 2030, "", None, "tiến sĩ"), ("28,8%", "actual", "level", 2021, "", None, "tiến sĩ")]),
    ("a-report-on-a-past-period-gives-its-figures-the-periods-end", {"url": "https://example.org/a.html", "date": "2021-04-24"},
     "Bộ vừa tổ chức hội nghị đánh giá việc sắp xếp trường học giai đoạn 2017-2020.\n\n"
     "Sau 3 năm triển khai, cả nước giảm 2.302 trường, tương đương 6,06% tổng số trường.",
     [("6,06%", "actual", "decrease", 2020, "", None, "trường")]),
    ("a-bracket-comments-on-a-national-clause", {"url": "https://baothaibinh.com.vn/a.html", "date": "2017-01-20"},
     "Thái Bình tổng kết công tác chống buôn lậu\n\nNăm 2016, cả nước phát hiện 223.262 vụ vi phạm (tăng 8,23% so với "
     "năm 2015); thu nộp ngân sách 21.556 tỷ đồng (tăng 59,23%); tỉnh xử lý 2.262 vụ (tăng 5% so với cả nước).",
     [("8,23%", "actual", "increase", 2016, "", "Việt Nam", "vi phạm"),
      ("59,23%", "actual", "increase", 2016, "", "Việt Nam", "ngân sách"),
      ("5%", "actual", None, 2016, "", "Thái Bình", None)]),
    ("an-explainer-site-on-a-central-rule-speaks-of-the-country", {"url": "https://luatvietnam.example/a.html",
                                                                   "date": "2025-06-01"},
     "# Nghị quyết 198: ưu đãi cho doanh nghiệp nhỏ\n\n### Nội dung chính\n\n## Ưu đãi về đất đai\n\n"
     "Ngày 17/5/2025, Nghị quyết 198/2025/QH15 được thông qua.\n\n"
     "Doanh nghiệp nhỏ và vừa được hỗ trợ giảm tối thiểu 30% tiền thuê lại đất trong 05 năm đầu.",
     [("30%", "other", None, 2025, "", "Việt Nam", None)]),
    ("the-nations-figure-beside-a-provinces", {"url": "https://thanhhoa.gov.vn/a.html", "date": "2025-10-20"},
     "Sản xuất công nghiệp 10 tháng tăng 15,55%, cao hơn mức tăng cả nước là 9,2%; tổng mức bán lẻ tăng 15,1% "
     "(bình quân cả nước tăng 9,3%).",
     [("15,55%", "actual", "increase", 2025, "", "Thanh Hóa", "công nghiệp"), ("9,2%", "actual", None, 2025, "", "Việt Nam", None),
      ("15,1%", "actual", "increase", 2025, "", "Thanh Hóa", "bán lẻ"), ("9,3%", "actual", "increase", 2025, "", "Việt Nam", None)]),
    ("a-title-that-opens-with-a-common-word-is-no-plan", {"url": "https://example.org/a.html"},
     "Hướng dẫn giải đề thi môn Tiếng Anh năm 2017\n\nChiều 23/6, 760.000 thí sinh (88% tổng số thí sinh dự thi) vừa kết "
     "thúc bài thi. Các em sẽ nhận kết quả sau.",
     [("88%", "actual", "level", 2017, "", None, "thí sinh")]),
    ("a-body-of-two-provinces-has-no-single-place", {"url": "https://example.org/a.html", "date": "2020-09-01"},
     "Tại Cục Hải quan Gia Lai – Kon Tum, tổng số thu đã đạt 156 tỷ đồng, giảm 5% so với cùng kỳ. "
     "Tỉnh Bà Rịa - Vũng Tàu thu tăng 7%.",
     [("5%", "actual", "decrease", 2020, "", "", "thu"), ("7%", "actual", "increase", 2020, "", "Bà Rịa - Vũng Tàu", None)]),
    ("now-the-whole-country", {"url": "https://example.org/a.html", "date": "2017-07-01"},
     "Viện phí\n\nHà Nội cũng sẽ tăng viện phí trong tháng 8. Hiện cả nước còn gần 20% dân số chưa tham gia BHYT.",
     [("20%", "actual", "level", 2017, "", "Việt Nam", "bhyt")]),
    ("a-national-legal-site-quoting-a-central-rule", {"url": "https://thuvienphapluat.vn/a.html", "date": "2020-01-01"},
     "Thuế thu nhập cá nhân\n\nTheo Thông tư 111/2013/TT-BTC, thuế suất đối với thu nhập từ đầu tư vốn là 5%.",
     [("5%", "other", None, 2020, "", "Việt Nam", None)]),
    ("an-unknown-site-that-speaks-of-the-country", {"url": "https://tintuc.example/a.html", "date": "2020-03-01"},
     "Gói kích thích kinh tế\n\nBối cảnh đặc biệt cần chính sách đặc biệt.\n\nDoanh nghiệp gặp khó.\n\n"
     "Chính phủ đề xuất giãn thuế. Số vốn đăng ký tăng 12% so với cùng kỳ năm trước.",
     [("12%", "actual", "increase", 2020, "", "Việt Nam", "vốn")]),
    ("where-visitors-come-from-is-no-owner", NATIONAL,
     "Du lịch\n\nViệt Nam là điểm đến ưa thích của du khách Tây Ban Nha với trên 58.000 lượt người năm 2016, tăng 29% so "
     "với năm trước.",
     [("29%", "actual", "increase", 2016, "", "Việt Nam", None)]),
    ("a-photos-caption-tells-no-subject", {"url": "https://tintuc.example/a.html", "date": "2018-07-01"},
     "Hải quan thu ngân sách 6 tháng khả quan\n\nCông chức Cục Hải quan Quảng Ninh giám sát hàng nhập khẩu tại cảng. "
     "Ảnh: T.Trang. Đến hết tháng 6, số thu ngân sách của ngành tăng 13% so với cùng kỳ. Chính phủ đánh giá cao kết quả.",
     [("13%", "actual", "increase", 2018, "", "Việt Nam", "thu ngân sách")]),
    ("across-the-country-after-the-value", NATIONAL,
     "Viettel khai trương mạng 5G tại Thái Nguyên.\n\nNăm 2021, lưu lượng data di động tăng 40% trên toàn quốc.",
     [("40%", "actual", "increase", 2021, "", "Việt Nam", "data")]),
    ("a-title-year-compared-with-is-not-the-reports", {"url": "https://example.org/a.html"},
     "Xuất khẩu gạo tăng 20% so với năm 2016\n\nXuất khẩu cà phê cũng tăng 5%.",
     [("20%", "actual", "increase", None, "", None, "gạo"), ("5%", "actual", "increase", None, "", None, "cà phê")]),
    ("a-modal-of-an-earlier-sentence-frames-no-later-figure", {"url": "https://example.org/a.html", "date": "2019-05-02"},
     "Năm 2018, số người hút thuốc đã giảm.\n\nCần siết chặt quản lý thuốc lá. "
     "Một khảo sát mới cho thấy gần 40% nam giới trưởng thành hút thuốc.",
     [("40%", "actual", "level", 2019, "", None, "hút thuốc")]),
    ("modals-say-nothing-of-what-a-report-sets", {"url": "https://example.org/a.html", "date": "2021-04-02"},
     "Sức khỏe\n\nNgười bệnh cần đi khám sớm. Bệnh nhân phải uống đủ nước và sẽ được theo dõi. "
     "Nghiên cứu trên 80 bệnh nhân cho thấy 70% người bệnh có triệu chứng nhẹ.",
     [("70%", "actual", "level", 2021, "", None, "triệu chứng")]),
    ("a-goal-noun-of-an-earlier-sentence-frames-no-later-figure", {"url": "https://example.org/a.html", "date": "2017-05-20"},
     "Năm 2016, tỉnh đã hoàn thành đường cao tốc.\n\nNgười dân tụ tập để phản đối kế hoạch trên. "
     "Hòn đảo chỉ chiếm khoảng 0,6% diện tích lãnh thổ.",
     [("0,6%", "actual", "level", 2017, "", None, "diện tích")]),
    ("a-base-after-so-alone-is-no-year-of-the-figure", {"url": "https://example.org/a.html"},
     "Tổng doanh thu năm 2019 đạt 4.993 tỷ đồng, tăng 12% so năm 2018.",
     [("12%", "actual", "increase", 2019, "", None, "doanh thu")]),
    ("a-decision-under-its-header-table-sets-goals", {},
     "|\nỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố: 12/QĐ-UBND\n|\n\n"
     "**QUYẾT ĐỊNH**\n\nVỀ VIỆC THÔNG QUA PHƯƠNG ÁN ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH NĂM 2025\n\n"
     "- Chi phí tiết kiệm: 3.200.000 đồng/năm.\n\n- Tỷ lệ cắt giảm chi phí: 10%.",
     [("10%", "target", "level", 2025, "", "Đồng Nai", "cắt giảm chi phí")]),
    ("a-worked-sum-of-shares-applies-a-rule", {},
     "Như vậy, tỷ lệ hưởng lương hưu hằng tháng của ông A là: 45% + 24% = 69%.",
     [("45%", "other", "level", None, "", None, None), ("24%", "other", "level", None, "", None, None),
      ("69%", "other", "level", None, "", None, None)]),
    ("a-class-up-to-an-excluded-bound-is-one-range", {},
     "Doanh nghiệp do Nhà nước nắm giữ từ 50% đến dưới 100% vốn điều lệ.",
     [("từ 50% đến dưới 100%", "other", "level", None, "", None, None)]),
    ("a-lost-capacity-is-a-level-not-a-fall", {},
     "Con của bệnh binh suy giảm khả năng lao động từ 81% trở lên được miễn học phí.",
     [("81%", "other", "level", None, "", None, None)]),
    ("a-company-sets-a-plan", {"url": "https://example.org/a.html", "date": "2020-06-18"},
     "Tin doanh nghiệp\n\nCông ty đặt kế hoạch lợi nhuận năm 2020 giảm 20%.",
     [("20%", "target", "decrease", 2020, "", None, "lợi nhuận")]),
    ("examples-named-after-a-group-own-their-values", {"url": "https://example.org/a.html", "date": "2020-10-02"},
     "Một số địa phương có doanh thu du lịch 9 tháng giảm mạnh so với cùng kỳ năm trước như Khánh Hòa giảm 78,7%, "
     "Quảng Nam giảm 70,6%.",
     [("78,7%", "actual", "decrease", 2020, "", "Khánh Hòa", None),
      ("70,6%", "actual", "decrease", 2020, "", "Quảng Nam", None)]),
    ("a-foreign-governments-country-is-not-ours", {},
     "Hàn Quốc bầu Tổng thống mới\n\nNgười dân Hàn Quốc hôm nay đi bỏ phiếu. Chính phủ cho biết tỷ lệ cử tri "
     "đi bỏ phiếu năm 2017 là khoảng 70%.",
     [("70%", "actual", "level", 2017, "", "Hàn Quốc", "cử tri")]),  # the story's country (place_kind national)
    ("a-country-in-a-persons-name-is-not-abroad", {},
     "Quốc hội thông qua dự toán\n\nSáng 17/5, dưới sự điều hành của Phó Chủ tịch Quốc hội Nguyễn Đức Hải, "
     "với 436/438 đại biểu tán thành, đạt tỷ lệ 99,54% trong năm 2025, Quốc hội đã biểu quyết thông qua.",
     [("99,54%", "actual", "level", 2025, "", "Việt Nam", None)]),
    ("a-quarter-that-ends-after-the-article-is-last-years", {"url": "https://example.org/a.html", "date": "2022-01-11"},
     "Thu nhập của người lao động\n\nTại Đà Nẵng, thu nhập bình quân của lao động trong quý 4 đạt 6,5 triệu đồng, "
     "tăng 12,7% so với quý trước.",
     [("12,7%", "actual", "increase", 2021, "", "Đà Nẵng", "thu nhập")]),
    ("shares-of-a-support-by-budget-level", {},
     "Mức hỗ trợ: 500.000 đồng/hộ/tháng; ngân sách xã/phường hỗ trợ 40% và các nguồn xã hội hoá khác là 10%.",
     [("40%", "other", "level", None, "", None, None), ("10%", "other", "level", None, "", None, None)]),
    ("a-discount-range-up-to-over", {},
     "Mức ưu đãi được các đơn vị áp dụng dao động từ 20 đến hơn 70%.",
     [("từ 20 đến hơn 70%", "other", "level", None, "", None, None)]),
    ("a-change-over-a-period-and-a-span-up-to-now", {},
     "Tin kinh tế\n\nViệt Nam có GDP tăng bình quân 6% trong 30 năm qua và dự kiến tăng 6,5-7% trong 2017-2020.",
     [("6%", "actual", "increase", None, "", None, "gdp"), ("6,5-7%", "target", "increase", 2020, "", None, "gdp")]),
    ("a-respective-list-of-provinces", {},
     "Tin\n\nNăm 2020, tỷ lệ hộ nghèo của Hà Giang, Cao Bằng và Lai Châu lần lượt là 20%, 15% và 18%.",
     [("20%", "actual", "level", 2020, "", "Hà Giang", "hộ nghèo"), ("15%", "actual", "level", 2020, "", "Cao Bằng", "hộ nghèo"),
      ("18%", "actual", "level", 2020, "", "Lai Châu", "hộ nghèo")]),
    ("a-respective-list-of-things", {},
     "Tin\n\nNăm 2020, tờ khai kiểm tra chuyên ngành rơi vào 2 lĩnh vực là xuất xứ hàng hóa và kiểm dịch "
     "với tỷ lệ lần lượt là 41,7% và 15,6%.",
     [("41,7%", "actual", "level", 2020, "", None, "xuất xứ"), ("15,6%", "actual", "level", 2020, "", None, "kiểm dịch")]),
    ("a-text-explaining-a-central-rule-is-national", {},
     "Ưu đãi doanh nghiệp\n\nTheo Nghị quyết 198/2025/QH15, doanh nghiệp nhỏ được hỗ trợ giảm tối thiểu 30% "
     "tiền thuê lại đất.",
     [("30%", "other", None, 2025, "", "Việt Nam", None)]),  # undated: the rule's year
    ("a-scale-of-points-is-no-goal", {},
     "Tiêu chí phân loại\n\n- Tỷ lệ lao động phi nông nghiệp từ 60% trở xuống được tính 1 điểm; trên 60% thì cứ thêm 5% "
     "được tính thêm 0,5 điểm, nhưng tối đa không quá 3 điểm.",
     [("60%", "other", None, None, "", None, None), ("60%", "other", None, None, "", None, None),
      ("5%", "other", None, None, "", None, None)]),
    ("a-business-meeting-place-owns-no-figure", {"url": "https://dantri.com.vn/kinh-doanh/a.htm", "date": "2021-04-24"},
     "Đại hội cổ đông thường niên tổ chức ngày 23/4 tại TP.HCM.\nNgày 23/4, Ngân hàng TMCP Sài Gòn Thương Tín đã tổ chức "
     "họp Đại hội đồng cổ đông thường niên.\nNăm 2021, ngân hàng đặt chỉ tiêu tỷ lệ nợ xấu dưới 2%.",
     [("2%", "target", "level", 2021, "", "", "nợ xấu")]),
    ("a-province-in-a-persons-name", {"url": "https://example.org/a.html", "date": "2017-05-02"},
     "Tin\n\nTheo ông Trương Hòa Bình, giám đốc công ty, năm 2016 tỷ lệ khách hàng hài lòng đạt 80%.",
     [("80%", "actual", "level", 2016, "", "", "hài lòng")]),
    ("a-currency-names-no-country", {"url": "https://example.org/a.html", "date": "2020-06-02"},
     "Tin\n\nNăm 2020, giá dầu thô tăng 5% lên 40 đô la Mỹ/thùng.",
     [("5%", "actual", "increase", 2020, "", "", "dầu")]),
    ("a-scraped-link-is-no-part-of-an-indicator", {"url": "https://hddtvn.com/a/", "date": "2019-01-14"},
     "Tin\n\n[Xem chi tiết ở đây](https://hddtvn.com/hom-nay-cptpp-co-hieu-luc/)Việt Nam xóa bỏ thuế nhập khẩu đối với "
     "66% số dòng thuế từ năm 2019.",
     [("66%", None, None, 2019, "", "Việt Nam", "dòng thuế")]),
    ("a-respective-list-with-codes-in-brackets", {},
     "Tin\n\nNăm 2020, XK tôm chân trắng chế biến (mã HS 16) và tôm chân trắng tươi/đông lạnh (mã HS 03) tăng lần lượt "
     "26% và 8%.",
     [("26%", "actual", "increase", 2020, "", None, "chế biến"), ("8%", "actual", "increase", 2020, "", None, "đông lạnh")]),
    ("a-share-paid-by-the-insurance-and-a-withholding-rate", {},
     "Tin\n\nNgười tham gia bảo hiểm y tế được quỹ bảo hiểm y tế thanh toán 50% mức hưởng. "
     "Các tài xế cũng bị tăng mức khấu trừ trên mỗi chuyến xe từ 20% lên 27%.",
     [("50%", "other", None, None, "", None, None), ("20%", "other", None, None, "", None, None),
      ("27%", "other", None, None, "", None, None)]),
    ("an-emphasised-bulleted-subheading-keeps-the-deadline-above", {},
     "KẾ HOẠCH\n\nThực hiện lộ trình đổi mới công nghệ đến năm 2035\n\n**2. Mục tiêu cụ thể**\n\n*2.1. Đến năm 2030*\n\n"
     "*- Nông nghiệp công nghệ cao*\n\nPhấn đấu trên 50% diện tích sản xuất nông nghiệp ứng dụng công nghệ thông minh.",
     [("50%", "target", "level", 2030, "", None, "diện tích")]),
    ("a-central-bodys-own-decree-over-a-wrong-date", {"date": "2015-06-19"},
     "CHÍNH PHỦ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc--------------- |\n"
     "Số: 16/2025/NĐ-CP |\n|\n\n\n**NGHỊ ĐỊNH**\n\nSỬA ĐỔI MỘT SỐ ĐIỀU VỀ CHẾ ĐỘ, CHÍNH SÁCH ĐỐI VỚI DÂN QUÂN\n\n"
     "Điều 1. Dân quân được hưởng trợ cấp bằng 50% mức lương cơ sở.",
     [("50%", "other", None, 2025, "", "Việt Nam", "trợ cấp")]),
    ("a-resolution-that-sets-fees-sets-rules", {},
     RESOLUTION_HEADER + "**NGHỊ QUYẾT**\n\nVỀ VIỆC SỬA ĐỔI, BỔ SUNG QUY ĐỊNH VỀ PHÍ THAM QUAN DI TÍCH TRÊN ĐỊA BÀN\nTỈNH HÀ TĨNH\n\n"
     "Điều 1. Tổ chức thu phí được để lại 90% số tiền phí thu được và nộp 10% vào ngân sách nhà nước.",
     [("90%", "other", None, 2025, "", "Hà Tĩnh", None), ("10%", "other", None, 2025, "", "Hà Tĩnh", None)]),
    ("a-resolution-that-issues-a-plan-sets-goals", {},
     RESOLUTION_HEADER + "**NGHỊ QUYẾT**\n\nBAN HÀNH KẾ HOẠCH PHÁT TRIỂN GIÁO DỤC MẦM NON ĐẾN NĂM 2030\n\n"
     "Điều 1. Phấn đấu 90% trẻ em mẫu giáo được học 2 buổi/ngày.",
     [("90%", "target", None, 2030, "", "Hà Tĩnh", "trẻ em")]),
    ("a-requirement-without-deadline-is-of-the-year-its-document-takes-effect", {},
     RESOLUTION_HEADER.replace("NQ-HĐND", "QĐ-UBND") + "**QUYẾT ĐỊNH**\n\nPHÊ DUYỆT QUY TRÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n\n"
     "Điều 1. Bộ phận một cửa có trách nhiệm bảo đảm 100% hồ sơ được số hóa khi tiếp nhận.\n\n"
     "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
     [("100%", "target", None, 2025, "", "Hà Tĩnh", "số hóa")]),
    ("a-requirement-without-deadline-nor-effective-date-has-no-year", {"date": "2025-07-10"},
     RESOLUTION_HEADER.replace("12/2025/NQ-HĐND", "95/KH-UBND") + "**KẾ HOẠCH**\n\nTHỰC HIỆN CÔNG TÁC DÂN SỐ\n\n"
     "Phấn đấu tỷ lệ trẻ em dưới 15 tuổi đạt khoảng 22%.",
     [("22%", "target", None, None, "", "Hà Tĩnh", "trẻ em")]),
    ("a-plans-heading-through-a-year-ahead-sets-goals", {"date": "2025-07-10"},
     RESOLUTION_HEADER.replace("12/2025/NQ-HĐND", "95/KH-UBND") + "**KẾ HOẠCH**\n\nPHÁT TRIỂN HẠ TẦNG SỐ ĐẾN NĂM 2030\n\n"
     "**II. MỤC TIÊU**\n\nHiện nay, toàn tỉnh có 180 trạm phát sóng.\n\n**1. Mục tiêu đến hết năm 2026**\n\n"
     "- 100% các khu công nghiệp có tối thiểu 1 trạm phát sóng 5G.",
     [("100%", "target", None, 2026, "", "Hà Tĩnh", "khu công nghiệp")]),
    ("there-is-in-a-plan-is-a-goal", {"date": "2025-07-10"},
     RESOLUTION_HEADER.replace("12/2025/NQ-HĐND", "95/KH-UBND") + "**KẾ HOẠCH**\n\nPHÁT TRIỂN KINH TẾ BIỂN ĐẾN NĂM 2030\n\n"
     "+ Phát triển ngành thủy sản toàn diện. Có 30% diện tích nuôi thủy sản áp dụng quy trình sản xuất tiên tiến.",
     [("30%", "target", None, 2030, "", "Hà Tĩnh", "thủy sản")]),
    ("a-comparative-right-before-its-range", {"date": "2025-11-26"},
     "Quy định\n\nĐơn vị được mua máy móc có giá cao hơn từ trên 15% đến không quá 30% so với mức giá quy định.",
     [("15% đến không quá 30%", None, "increase", 2025, "", None, "máy móc")]),
    ("a-story-about-another-country-is-that-countrys", {},
     "Thụy Điển 'đau đầu' vì quá nhiều tiền\n\nQuốc gia Bắc Âu này dư dả ngân sách.\n\n"
     "Năm 2017, tỷ lệ thất nghiệp hiện là 7,2%, thặng dư ngân sách của Thụy Điển đạt 1,1% GDP.",
     [("7,2%", "actual", "level", 2017, "", "Thụy Điển", "thất nghiệp"),
      ("1,1%", "actual", "level", 2017, "", "Thụy Điển", "thặng dư")]),
    ("a-story-about-our-trade-with-another-country-is-not-its", {},
     "Trung Quốc tăng mua cao su\n\nCao su Việt Nam được giá khi Trung Quốc tăng mua.\n\n"
     "Năm 2020, kim ngạch xuất khẩu cao su của Việt Nam tăng 12%; riêng tháng 12 tăng 3%.",
     [("12%", "actual", "increase", 2020, "", "Việt Nam", "cao su"), ("3%", "actual", "increase", 2020, "", "Việt Nam", None)]),
    ("a-word-that-opens-with-a-countrys-name", NEWS,
     "Mỹ phẩm nhập lậu chiếm 30% thị trường trong tỉnh.",
     [("30%", "actual", "level", 2024, "", "Nghệ An", "mỹ phẩm")]),
    ("one-goal-word-does-not-make-a-report-one-of-goals", {"url": "https://dantri.com.vn/kinh-doanh/a.htm", "date": "2021-04-23"},
     "Bamboo Airways nâng vốn điều lệ chưa tác động lên giá cổ phiếu\n\n"
     "Tạm kết phiên, VN-Index tăng 8,18 điểm tương ứng 0,67% lên 1.237,73 điểm. VNM giảm 1,4%; MSN giảm 0,8%.",
     [("0,67%", "actual", "increase", 2021, "", None, None), ("1,4%", "actual", "decrease", 2021, "", None, None),
      ("0,8%", "actual", "decrease", 2021, "", None, None)]),
    ("a-deadline-already-past-in-a-report-is-a-result", {"url": "https://dantri.com.vn/kinh-doanh/a.htm", "date": "2021-04-29"},
     "Tai nghe không dây\n\nThị phần của Xiaomi gấp đôi, từ 6% vào năm 2019 lên 12% vào năm ngoái. "
     "Hãng đặt mục tiêu đạt 20% vào năm 2023.",
     [("6%", "actual", None, 2019, "", None, "thị phần"), ("12%", "actual", None, 2020, "", None, "thị phần"),
      ("20%", "target", None, 2023, "", None, None)]),
    ("a-growth-goal-is-a-level", {},
     "Trong bối cảnh đó, Chính phủ đặt mục tiêu tăng trưởng trên 8% năm 2025.",
     [("8%", "target", "level", 2025, "", None, "tăng trưởng")]),
]


@pytest.mark.parametrize(("meta", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_real_text_rules(meta, text, expected) -> None:
    rows = process_texts([text], ["d"], [meta])[0].targets
    assert [r.surface for r in rows] == [e[0] for e in expected]
    for row, (_, status, measure, year, level, place, words) in zip(rows, expected, strict=True):
        assert (row.status if status is not None else None, row.year, row.level) == (status, year, level), row
        if measure is not None:
            assert row.measure == measure, row
        if place is not None:
            assert row.place == place, row
        if words is not None:
            assert words in row.indicator.lower(), row.indicator


def test_a_rule_a_central_body_fixes_is_the_countrys() -> None:
    text = ("Tuyển sinh lớp 10 năm 2025 ở Hà Tĩnh có gì mới?\n\nCăn cứ tại Điều 14 Thông tư 30/2024/TT-BGDĐT quy định "
            "như sau:\n\n- Con thương binh mất sức lao động từ 81% trở lên được cộng 2 điểm.\n\n"
            "Như vậy, Hà Tĩnh tuyển 70% học sinh vào lớp 10 công lập.")
    rows = process_texts([text], ["d"], [{"url": "https://baohatinh.vn/giao-duc/a.html", "date": "2025-05-02"}])[0].targets
    assert [(r.surface, r.status, r.decision, r.place) for r in rows] == [
        ("81%", "other", "30/2024/TT-BGDĐT", "Việt Nam"), ("70%", "actual", "", "Hà Tĩnh")]


def test_an_undated_pages_rule_is_in_force_from_the_year_it_was_issued() -> None:
    text = ("Ban đại diện cha mẹ học sinh họp khi nào?\n\nCăn cứ tại Điều 5 Thông tư 55/2011/TT-BGDĐT quy định như sau:"
            "\n\n- Ban đại diện họp bất thường khi có ít nhất 50% cha mẹ học sinh của lớp yêu cầu.")
    (row,) = process_texts([text], ["d"], [{}])[0].targets
    assert (row.status, row.decision, row.year) == ("other", "55/2011/TT-BGDĐT", 2011), row


def test_a_cited_article_gives_the_lists_decision() -> None:
    ((_, meta, text, _),) = [c for c in CASES if c[0] == "a-cited-article-lists-its-documents-targets"]
    rows = process_texts([text], ["d"], [meta])[0].targets
    assert [r.decision for r in rows] == ["12-NQ/TW", "12-NQ/TW"]


def test_two_decisions_each_their_own() -> None:
    ((_, _, text, _),) = [c for c in CASES if c[0] == "two-decisions-in-one-sentence"]
    rows = process_texts([text], ["d"])[0].targets
    assert [r.decision for r in rows] == ["1234/QĐ-UBND", "456/KH-UBND"]


def test_the_period_and_date_of_a_report() -> None:
    text = "Tính đến ngày 30/6/2023, GRDP 6 tháng đầu năm ước tăng 6,5% so với cùng kỳ."
    (row,) = process_texts([text], ["d"])[0].targets
    assert (row.period, row.as_of, row.estimate, row.year) == ("6M", "2023-06-30", True, 2023)


def test_the_date_a_paragraph_observes_at() -> None:
    text = "Tính đến tháng 11/2021, cả nước có 70% số xã đạt chuẩn nông thôn mới. Ở cấp huyện, 40% đã đạt chuẩn."
    rows = process_texts([text], ["d"], [NATIONAL])[0].targets
    assert [r.as_of for r in rows] == ["2021-11", "2021-11"]


def test_a_document_approved_earlier_sets_no_target() -> None:
    text = ("KẾ HOẠCH\nCải cách hành chính năm 2026\n\nSố: 12/KH-UBND\n\n"
            "1. Hoàn thành 100% nhiệm vụ đã được phê duyệt tại Quyết định số 88/QĐ-UBND ngày 2/3/2025 của UBND tỉnh.")
    (row,) = process_texts([text], ["d"])[0].targets
    assert row.status == "target"
    assert row.decision != "88/QĐ-UBND"


def test_an_amount_of_money_names_no_subject() -> None:
    text = "Năm 2019, Cục Thuế đã thu 2.100 tỷ đồng, đạt 81% so với dự toán."
    (row,) = process_texts([text], ["d"])[0].targets
    assert "thu" in row.indicator and "đồng" not in row.indicator


@pytest.mark.parametrize(("text", "has", "has_not"), [
    # where a figure comes from, a modal "có thể" and the cause after "nhờ" are no part of what is measured
    ("Theo VEPR, kinh tế có thể đạt mức tăng trưởng 6,3% năm 2021 nhờ sự ổn định kinh tế vĩ mô.",
     "tăng trưởng", "VEPR"),
    ("Theo VEPR, Việt Nam có thể đạt mức tăng trưởng kinh tế 6,3% năm 2021.", "tăng trưởng kinh tế", "thể"),
    ("Theo VEPR, kinh tế có thể đạt mức tăng trưởng 6,3% năm 2021 nhờ sự ổn định kinh tế vĩ mô.",
     "kinh tế", "ổn định"),
    ("Theo báo cáo của Sở Y tế, tỷ lệ tiêm chủng đạt 95%.", "tiêm chủng", "Sở Y tế"),
    # what the money is, said after its unit, stays
    ("Trong 8 tháng, thành phố chỉ thu 4.453 tỷ đồng tiền sử dụng đất, giảm 52% so với cùng kỳ.",
     "tiền sử dụng đất", "4.453"),
    # "đến"/"tới" only stress a share: the counted subject before it is what the share is of
    ("Trong đó, 28.349 doanh nghiệp tạm ngừng kinh doanh, chiếm đến 55,1% tổng số doanh nghiệp rút lui.",
     "tạm ngừng kinh doanh", "chiếm"),
    ("Có 120 xã đạt chuẩn nông thôn mới, chiếm tới 60% tổng số xã.", "nông thôn mới", "chiếm"),
])
def test_an_indicator_holds_what_is_measured_and_not_what_frames_it(text: str, has: str, has_not: str) -> None:
    (row,) = process_texts([text], ["d"])[0].targets
    assert has in row.indicator and has_not not in row.indicator, row.indicator


def test_a_day_without_its_year_takes_the_figures_year() -> None:
    text = "Tính đến ngày 20/9, Cục Thuế đã thu 2.100 tỷ đồng, bằng 112% so với cùng kỳ năm 2018."
    (row,) = process_texts([text], ["d"])[0].targets
    assert (row.year, row.as_of) == (2019, "2019-09-20")


def test_a_laws_percentages_are_rules() -> None:
    text = ("QUỐC HỘI\n\nLuật số: 12/2030/QH16\n\nLUẬT\n\nHỢP TÁC XÃ\n\nĐiều 30. Biểu quyết\n\n"
            "Nghị quyết được thông qua khi có ít nhất 75% tổng số thành viên có mặt tán thành.")
    assert [r.status for r in process_texts([text], ["d"])[0].targets] == ["other"]


def test_a_news_paragraph_about_a_decree_is_no_rulebook() -> None:
    text = "Nghị định 100/2019/NĐ-CP có hiệu lực. Năm 2021, tỷ lệ vi phạm nồng độ cồn giảm 30%."
    assert [r.status for r in process_texts([text], ["d"], [{"date": "2022-01-05"}])[0].targets] == ["actual"]


def test_a_portal_table_before_a_hard_wrapped_decision() -> None:
    """A legal portal's metadata table, then the decision hard-wrapped with '+' items under '- Giai
    đoạn' lines: the table ends where prose starts, each '+' line is an item, and the header's number is
    found below the portal's lines."""
    portal = "|\n**Số hiệu:**\n|\n12/QĐ-UBND\n|\n|\n**Loại văn bản:**\n|\nQuyết định\n|\n" * 4
    text = (portal + "**ỦY BAN NHÂN DÂN\nTỈNH AN GIANG**\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\n|\n"
            "Số: 12/QĐ-UBND\n|\n**QUYẾT ĐỊNH**\nVề việc phê duyệt Chương trình chuyển đổi số\n"
            "Chỉ tiêu cơ bản bao gồm:\n- Giai đoạn 2026-2027\n+ 100% hồ sơ được xử lý trực tuyến\ntoàn trình.\n"
            "+ 90% người dân hài lòng khi sử dụng\ndịch vụ công trực tuyến.\n" + "Tổ chức thực hiện. " * 40)
    rows = process_texts([text], ["d"])[0].targets
    assert [(r.surface, r.year, r.decision) for r in rows] == [("100%", 2027, "12/QĐ-UBND"), ("90%", 2027, "12/QĐ-UBND")]
    assert rows[0].indicator.startswith("hồ sơ") and "Số hiệu" not in rows[1].indicator


@pytest.mark.parametrize(("text", "status"), [
    ("So với năm 2016, số lượng xe vi phạm tải trọng tăng 4,7%.", "actual"),  # measured against a past year
    ("Khách hàng có hộ khẩu tại tỉnh được ưu đãi 2% trên giá bán.", "other"),  # a discount
    ("Hành khách phải thanh toán 100% cước phí trước khi xe chạy.", "other"),  # a share of a payment
    ("Ước thực hiện cả năm 5.817 tỷ đồng, đạt 97,97% kế hoạch.", "actual"),  # an estimated outcome
    ("Không cần bôi kem chống nắng: có hơn 70% dân số nghĩ vậy.", "actual"),  # a negated goal word
    ("Lợi nhuận trước thuế đạt 1.005 tỷ đồng, hoàn thành 101% kế hoạch.", "actual"),  # a completion ratio
    ("Mục tiêu đến năm 2030 là giảm tỷ lệ hút thuốc. Theo thống kê của bệnh viện, tỷ lệ bệnh nhân hút thuốc là 90%.",
     "actual"),  # statistics report what is
    ("Tổ chức Fitch dự báo tăng trưởng kinh tế của Việt Nam ở mức 6,5%.", "target"),  # a forecast, as "dự kiến"
    ("Chỉ tiêu du lịch vượt kế hoạch và cao hơn mọi năm với doanh thu ước đạt 5 tỷ đồng, tăng 12%.",
     "actual"),  # a comparison's base ends where a new predicate ("ước đạt") starts
    ("Giám đốc Sở Kế hoạch và Đầu tư cho biết, trong 8 tháng, vốn FDI giảm 32%.", "actual"),  # a cue word in a name
    ("Báo cáo của Sở Y tế cho thấy thành phố đã tiêm cho 9.155 người, nhằm đạt mục tiêu đến năm 2022.\n"
     "Số người gặp phản ứng sau tiêm chiếm tỷ lệ 57,3%.", "actual"),  # a text that opens "Báo cáo …" is no plan
    ("Trọng tâm là nâng cao sự hài lòng của người dân (đạt 99,46%).", "actual"),  # a result beside a goal
    ("Đà Lạt đã và sẽ tiếp tục là điểm đến của du khách Ý với 40.000 lượt người năm 2016, tăng 21% so với năm trước.",
     "actual"),  # a modal of another clause sets no goal for a change reported against the year before
    ("Mọi năm doanh nghiệp sẽ nhận đủ đơn hàng cho cả quý, nhưng tới tháng 9 mới chỉ đáp ứng được 40% đơn hàng.",
     "actual"),  # a clause that turns against what a modal expected
    ("Bộ yêu cầu các tỉnh kiểm soát nguồn gốc gỗ nhập khẩu; 100% doanh nghiệp cam kết không dùng gỗ bất hợp pháp.",
     "target"),  # a request goes on through its list
    ("Chất lượng tín dụng được củng cố và nâng lên với tỷ lệ nợ xấu là 1,2%.", "actual"),  # "nâng lên": a change seen
    ("Hải quan phấn đấu hoàn thành mục tiêu. Đến hết 15/10, thu ngân sách tăng 12,4% với cùng kỳ năm trước.",
     "actual"),  # "so" left out before "với cùng kỳ"
    ("Năm nay, chi nhánh được giao tăng trưởng tín dụng 8%, tương đương 11.300 tỷ đồng.", "target"),  # assigned
    ("Đơn vị hoàn thành nhiệm vụ được giao, tỷ lệ giải ngân đạt 90%.", "actual"),  # "được giao" qualifies a noun
    ("Bộ trưởng Kế hoạch Đầu tư cho biết tăng trưởng của Thái Lan chỉ là 4,3%.", "actual"),  # a ministry's name, "và" left out
    ("Cuối năm, tổng nợ phải trả của công ty là 740 tỷ đồng (70% vay bằng ngoại tệ).", "actual"),  # what is owed
    ("Máy mới được nâng cấp, nhanh hơn 40% so với máy cũ.", "actual"),  # "nâng cấp" upgrades, it raises no goal
    ("Nhà máy thua lỗ liên tục nên tập đoàn đã phải trích lập dự phòng 100% vốn đầu tư.", "actual"),  # a past duty
    ("Ban Chỉ đạo 389 quốc gia cho biết, thu nộp ngân sách 24.817 tỷ đồng (tăng 15,39% so với cùng kỳ).",
     "actual"),  # a steering committee's name
])
def test_status_of_news_constructions(text: str, status: str) -> None:
    (row,) = process_texts([text], ["d"], [{"date": "2017-05-01"}])[0].targets
    assert row.status == status, row


def test_a_noun_with_a_pointer_back_and_a_bracketed_comparison() -> None:
    text = ("Năm 2021, thu nhập từ dịch vụ thẻ tăng 30%; riêng tại chi nhánh phía Nam thu nhập này tăng 45%. "
            "Tỷ lệ nợ xấu ở mức 1,2% (so với giới hạn 3%).")
    rows = process_texts([text], ["d"])[0].targets
    assert [r.surface for r in rows] == ["30%", "45%", "1,2%", "3%"]
    assert "dịch vụ thẻ" in rows[1].indicator and "nợ xấu" in rows[3].indicator


def test_an_undated_report_compared_with_the_same_period_of_a_year_is_of_the_year_after() -> None:
    text = ("Xuất khẩu rau quả hồi phục\n\nSau khi giảm trong quý I, xuất khẩu rau quả đạt mức tương đương cùng kỳ "
            "năm 2022. Riêng tháng 9, xuất khẩu sầu riêng tăng 15%.")
    rows = process_texts([text], ["d"], [{"url": "https://example.org/a.html"}])[0].targets
    assert [(r.surface, r.year, r.as_of) for r in rows] == [("15%", 2023, "2023-09")]


def test_a_report_that_mentions_plans_still_states_facts() -> None:
    """A news report whose words name a plan or a goal now and then: a figure nothing else decides is a
    result (the guide: in news, a figure stated as a fact with no goal word is actual)."""
    text = ("Ngân hàng đã công bố kết quả kinh doanh quý I.\n\nKế hoạch năm nay được giữ nguyên, mục tiêu không đổi."
            "\n\nTổng nợ xấu là 0,75%, thấp hơn mức bình quân của ngành.")
    rows = process_texts([text], ["d"], [{"url": "https://dantri.com.vn/a.html", "date": "2021-04-20"}])[0].targets
    assert [(r.surface, r.status) for r in rows] == [("0,75%", "actual")]


def test_a_length_of_time_is_no_amount_whose_noun_is_the_subject() -> None:
    text = "Đến năm 2030, tỷ lệ người học có việc làm trong thời gian 12 tháng sau khi tốt nghiệp, không thấp hơn 70%."
    (row,) = process_texts([text], ["d"])[0].targets
    assert row.indicator.startswith("tỷ lệ người học có việc làm"), row.indicator


def test_a_month_in_the_next_item_is_not_the_values_own() -> None:
    text = "Xuất khẩu cá tra tháng 9 giảm 17%, sang tháng 10 giảm 3% so với cùng kỳ năm 2019."
    rows = process_texts([text], ["d"])[0].targets
    assert [(r.surface, r.as_of) for r in rows] == [("17%", "2020-09"), ("3%", "2020-10")]


def test_a_completion_base_right_after_the_value_stays_in_the_indicator() -> None:
    text = "Năm 2020, tổng thu ngân sách đạt 43.800 tỷ đồng, đạt 69,5% chỉ tiêu UBND tỉnh giao."
    (row,) = process_texts([text], ["d"])[0].targets
    assert "chỉ tiêu" in row.indicator and "thu ngân sách" in row.indicator, row.indicator


def test_where_a_change_starts_is_a_level() -> None:
    text = "Năm 2021, tỷ lệ hộ nghèo giảm từ 5,2% xuống còn 3,1%; tỷ lệ hộ có nước sạch đạt từ 90% trở lên."
    rows = process_texts([text], ["d"])[0].targets
    assert [(r.surface, r.comparator, r.measure) for r in rows] == [
        ("5,2%", "=", "level"), ("3,1%", "=", "level"), ("90%", ">=", "level")]


@pytest.mark.parametrize(("text", "place"), [
    ("Các nhà khoa học cho biết khoảng 70% hành tinh được bao phủ bởi đại dương.", ""),  # nobody's place
    ("Tỷ lệ bao phủ bảo hiểm y tế đạt 93,2%.", "Việt Nam"),  # a public indicator of the country
    ("Theo Bộ Y tế, khoảng 70% người được hỏi đã nghe về bệnh này.", "Việt Nam"),  # a national body
])
def test_a_national_outlet_makes_a_figure_national_when_it_is_the_countrys(text: str, place: str) -> None:
    (row,) = process_texts([text], ["d"], [{"url": "https://vnexpress.net/a.html", "date": "2022-01-10"}])[0].targets
    assert row.place == place


def test_a_whole_year_is_no_part_of_the_year_its_paragraph_is_about() -> None:
    text = ("Xuất khẩu 6 tháng đầu năm 2020 tăng 5%. Ước tính cả năm, xuất khẩu gạo giảm 3%. "
            "Trong năm 2020, nhập khẩu tăng 2%.")
    rows = process_texts([text], ["d"], [{"date": "2020-07-02"}])[0].targets
    assert [(r.surface, r.period, r.estimate) for r in rows] == [("5%", "6M", False), ("3%", "", True), ("2%", "", False)]
    assert "cả năm" not in rows[1].indicator


def test_a_whole_year_after_the_value_is_its_own_but_not_a_plans_year() -> None:
    text = ("Tình hình doanh nghiệp 4 tháng đầu năm 2021\n\nSố doanh nghiệp rút lui tăng 23,3% so với cùng kỳ. "
            "Hơn 87% doanh nghiệp cho biết họ gặp khó khăn do dịch bệnh trong năm 2020. Thu ngân sách đạt 40% kế "
            "hoạch năm 2021. Chi ngân sách bằng 45% dự toán cả năm.")
    rows = process_texts([text], ["d"], [{"date": "2021-04-30"}])[0].targets
    assert [(r.surface, r.period) for r in rows] == [("23,3%", "4M"), ("87%", ""), ("40%", "4M"), ("45%", "4M")]


def test_a_goal_word_frames_the_next_sentences_not_a_whole_paragraph() -> None:
    text = ("Năm 2018, tỷ lệ người hút thuốc đã giảm còn 45%.\n\nTổ chức này kêu gọi các nước hành động vì mục tiêu phát triển bền vững đến năm 2030. Bác sĩ cho hay "
            "khói thuốc có hàng nghìn chất độc. Nhiều người không biết điều đó. Trên thế giới, thuốc lá gây ra 90% "
            "các ca ung thư phổi.")
    row = process_texts([text], ["d"], [{"date": "2019-05-30"}])[0].targets[-1]
    assert (row.surface, row.status, row.year) == ("90%", "actual", 2019)


def test_a_roman_numeral_after_its_noun_ends_a_sentence() -> None:
    text = ("Tại kỳ họp, ông Nguyễn V. A., Chủ tịch UBND tỉnh, cho biết tỉnh sẽ khởi công dự án vào năm 2025, "
            "như đã báo cáo với HĐND tỉnh khóa X. Trong 6 tháng đầu năm 2024, GRDP tăng 7,26% so với cùng kỳ.")
    (row,) = process_texts([text], ["d"])[0].targets
    assert (row.status, row.year, row.period) == ("actual", 2024, "6M")


@pytest.mark.parametrize(("text", "status"), [
    ("Tiêu chí chấm điểm: đơn vị đạt tỷ lệ 100% hồ sơ trực tuyến được cộng 05 điểm.", "other"),
    ("Nếu đạt 100% cộng 05 điểm, không đạt thì không cộng điểm.", "other"),
    ("Phấn đấu 100% hồ sơ được cộng đồng dân cư góp ý.", "target"),
])
def test_a_scoring_rule_makes_its_percentage_a_threshold(text: str, status: str) -> None:
    assert process_texts([text], ["d"])[0].targets[0].status == status


def test_a_listed_goal_stays_a_goal_when_its_noun_phrase_says_da() -> None:
    text = ("Các nội dung được cụ thể hóa bằng các chỉ tiêu cụ thể như sau:\n\n"
            "(1) Ít nhất 85% người hưởng trợ cấp mở tài khoản hoặc người đã có tài khoản đăng ký nhận qua tài khoản;")
    (row,) = process_texts([text], ["d"])[0].targets
    assert row.status == "target"


@pytest.mark.parametrize(("text", "place"), [
    ("Trên thế giới, thuốc lá gây ra 80% các ca ung thư phổi.", ""),
    ("Thương mại toàn cầu giảm 5%, trong khi xuất khẩu của Việt Nam tăng 7%.", ""),
    ("Tập đoàn Thép Miền Bắc có lợi nhuận sau thuế tăng 21% so với năm trước.", ""),
    ("Năm 2020, Công ty Cổ phần Cao su Phước Thịnh có doanh thu tăng 21%.", ""),
    ("Đại biểu Dương Đức Tuấn cho biết tỷ lệ hộ nghèo của cả nước giảm còn 3%.", "Việt Nam"),  # Đức in a name
    ("Việt Nam đứng thứ 2 trên thế giới về xuất khẩu gạo, với 15% thị phần.", "Việt Nam"),
    ("Tỷ lệ hộ nghèo của cả nước giảm còn 3%, bất chấp tình hình thế giới khó khăn.", "Việt Nam"),
])
def test_the_world_and_a_business_are_no_place_of_ours(text: str, place: str) -> None:
    for outlet in ("https://vnexpress.net/a.html", "https://baonghean.vn/a.html"):  # national, provincial
        row = process_texts([text], ["d"], [{"url": outlet, "date": "2021-01-05"}])[0].targets[0]
        assert row.place == place, (outlet, row)


@pytest.mark.parametrize("text", [
    "Lợi nhuận Tổng công ty Tân cảng Sài Gòn tăng 5-7%\n\nSản lượng container qua các cảng của hệ thống chiếm 62% "
    "tổng sản lượng, tăng 7% so với cùng kỳ năm 2019.",  # a lowercase word inside the name
    "Lợi nhuận Công ty Sữa Hà Nội tăng 7%\n\nDoanh thu năm 2020 tăng 7% so với năm 2019.",
])
def test_a_place_in_a_business_name_is_no_subject_of_the_text(text: str) -> None:
    rows = process_texts([text], ["d"], [{"url": "https://example.org/a.html"}])[0].targets
    assert [r.place for r in rows] == [""] * len(rows), rows


@pytest.mark.parametrize(("text", "place"), [
    # a text about a business that names the country once: the business's figures are no country's
    ("Chuối mang lại ngàn tỷ cho công ty\n\nCông ty cổ phần nông nghiệp quốc tế Hồng Phát trồng chuối tại Việt Nam "
     "và Lào.\n\nDoanh thu năm 2016 tăng 37% so với năm 2015.", ""),
    ("Lợi nhuận 6 tháng đầu năm của ABC tăng mạnh\n\nABC công bố báo cáo tài chính.\n\n"
     "Số lượng khách hàng tăng 10% so với cuối năm 2019.\n\nABC trích lập dự phòng theo quy định của Ngân hàng Nhà nước.",
     ""),  # what only a business measures, in the title
    # where a one-word bank ("Eximbank") meets is no owner of its figures
    ("Eximbank họp cổ đông\n\nEximbank sẽ tổ chức họp đại hội đồng cổ đông thường niên vào 26/4 tại Hà Nội.\n\n"
     "Ngân hàng trình tăng cổ tức thêm 12% so với năm trước.", ""),
    # a title that names the country, or a text that speaks of it, stays national
    ("Công ty Hàn Quốc đầu tư nhiều nhất vào Việt Nam\n\nTổng vốn đăng ký năm 2016 tăng 20% so với năm 2015.",
     "Việt Nam"),
    ("Tai nạn đường sắt vẫn tăng\n\nTổng công ty Đường sắt thống kê: trong 7 ngày nghỉ Tết, cả nước xảy ra 8 vụ. "
     "Đường sắt Việt Nam dài 3.000 km. Nguyên nhân chủ yếu là vi phạm khi qua đường ngang (chiếm đến 54%).", "Việt Nam"),  # a national corporation's text that says "cả nước"
])
def test_a_business_that_names_the_country_gives_it_no_figure(text: str, place: str) -> None:
    rows = process_texts([text], ["d"], [{"url": "https://example.org/a.html"}])[0].targets
    assert [r.place for r in rows] == [place], rows


def test_the_rules_an_official_document_fixes_itself_are_its_own() -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/KH-UBND\nKẾ HOẠCH\nThi đua chuyển đổi số năm 2026\n\n"
            "1. Phấn đấu 100% người hưởng trợ cấp nhận qua tài khoản.\n\n"
            "2. Cách chấm điểm: đơn vị đạt tỷ lệ 100% được cộng 05 điểm.\n\n"
            "3. Hỗ trợ 50% kinh phí theo Nghị quyết số 20/2024/NQ-HĐND.")
    rows = process_texts([text], ["d"])[0].targets
    assert [(r.status, r.decision) for r in rows] == [
        ("target", "12/KH-UBND"), ("other", "12/KH-UBND"), ("other", "20/2024/NQ-HĐND")]


def test_the_same_period_of_a_year_is_a_base_not_the_figures_year() -> None:
    text = ("Số tờ khai đạt 1,2 triệu, bằng 100% cùng kỳ năm 2019 và kim ngạch đạt 53 tỷ USD, tăng 7% so với "
            "cùng kỳ năm trước. Cùng kỳ năm 2019, tỷ lệ thông quan điện tử là 95%.")
    rows = process_texts([text], ["d"])[0].targets
    assert [(r.surface, r.year) for r in rows] == [("100%", 2020), ("7%", 2020), ("95%", 2019)]


def test_a_text_about_a_district_gives_its_figures_the_district_level() -> None:
    text = ("Sáng 5-1, UBND quận 3, TP.HCM tổ chức tổng kết công tác cải cách hành chính năm 2024.\n"
            "Năm 2025, quận phấn đấu 100% hồ sơ được giải quyết đúng hạn. Cả nước có 95% hồ sơ được giải quyết đúng hạn.")
    rows = process_texts([text], ["d"], [{"date": "2025-01-05"}])[0].targets
    assert [(r.surface, r.level, r.place) for r in rows] == [("100%", "huyen", "Hồ Chí Minh"), ("95%", "", "Việt Nam")]


def test_a_goal_in_brackets_beside_a_result() -> None:
    text = ("Kinh tế Hà Nội 6 tháng đầu năm\nVốn đầu tư xã hội tăng 9,9%, thấp hơn cùng kỳ năm 2016 "
            "(kế hoạch năm là 11 đến 12%). Thu ngân sách đạt 95% (chỉ tiêu giao 100%).")
    rows = process_texts([text], ["d"], [{"date": "2017-07-05"}])[0].targets
    assert [(r.surface, r.status, r.year) for r in rows] == [
        ("9,9%", "actual", 2017), ("11 đến 12%", "target", 2017), ("95%", "actual", 2017), ("100%", "target", 2017)]


def test_a_paragraph_that_goes_on_from_the_one_before_keeps_its_period() -> None:
    text = ("Tình hình kinh tế\n\nNăm 2025, tỉnh tổ chức nhiều hoạt động.\n\nGRDP 9 tháng năm 2025 tăng 6,9%.\n\n"
            "Trong đó: khu vực dịch vụ ước đạt 7,22%; khu vực công nghiệp ước đạt 9,34%.")
    rows = process_texts([text], ["d"], [{"date": "2025-10-20"}])[0].targets
    assert [(r.surface, r.period) for r in rows] == [("6,9%", "9M"), ("7,22%", "9M"), ("9,34%", "9M")]


@pytest.mark.parametrize(("text", "period"), [
    ("Lũy kế đến cuối tháng 11/2020, xuất khẩu cá tra đạt 1,34 tỷ USD, giảm 24%.", "11M"),
    ("Tính đến hết tháng 11/2020, xuất khẩu tôm tăng 14% so với cùng kỳ năm 2019.", "11M"),
    ("Tính đến hết tháng 6/2020, tỷ lệ nợ xấu là 2%.", ""),  # a stock at a date
    ("Tính đến giữa tháng 7, số phương tiện bằng 176% so với cùng kỳ năm 2019.", ""),  # not the month's end
])
def test_a_flow_through_the_end_of_a_month_covers_the_months_so_far(text: str, period: str) -> None:
    (row,) = process_texts([text], ["d"], [{"date": "2020-12-10"}])[0].targets
    assert row.period == period, row


def test_a_figure_at_a_point_in_time_takes_no_part_of_the_year_from_its_paragraph() -> None:
    text = ("Kết quả kinh doanh quý 1/2021\n\nLợi nhuận quý 1/2021 tăng 37%. Doanh thu phí tăng 20%. Tỷ lệ nợ xấu giảm "
            "từ 2% cuối năm 2020 xuống 1,8%. Tín dụng tại 31/3/2021 tăng 2,8% so với cuối năm 2020.")
    rows = process_texts([text], ["d"], [{"date": "2021-04-20"}])[0].targets
    assert [(r.surface, r.period) for r in rows] == [("37%", "Q1"), ("20%", "Q1"), ("2%", ""), ("1,8%", ""), ("2,8%", "")]


@pytest.mark.parametrize(("text", "expected"), [
    ("UBND tỉnh ban hành Kế hoạch số 87/KH-UBND ngày 5/3/2024 về chuyển đổi số.\n\n"
     "Mục tiêu đến năm 2025, 90% hồ sơ được xử lý trực tuyến.", [("90%", "target", "87/KH-UBND")]),
    ("Ngày 5/3/2024, UBND tỉnh ban hành Kế hoạch số 87/KH-UBND về chuyển đổi số. Kế hoạch đặt mục tiêu 90% hồ sơ "
     "được xử lý trực tuyến.", [("90%", "target", "87/KH-UBND")]),
    ("UBND tỉnh vừa ban hành Kế hoạch 87/KH-UBND triển khai Đề án 06.\n\nPhấn đấu đến hết năm 2024, 100% xã có "
     "điểm phục vụ dịch vụ công.", [("100%", "target", "87/KH-UBND")]),
    ("Năm 2023, tỉnh đã thực hiện Kế hoạch số 87/KH-UBND. Nhờ đó, 90% hồ sơ đã được xử lý trực tuyến.",
     [("90%", "actual", "")]),
    ("Kế hoạch số 95/KH-UBND ngày 5/3/2025 của UBND tỉnh về chuyển đổi số\n\nI. MỤC TIÊU\n\n1. Phấn đấu 90% hồ sơ "
     "được xử lý trực tuyến.", [("90%", "target", "95/KH-UBND")]),  # the plan itself, its number in its title
])
def test_the_targets_of_a_plan_a_text_reports_issued(text: str, expected: list) -> None:
    rows = process_texts([text], ["d"])[0].targets
    assert [(r.surface, r.status, r.decision) for r in rows] == expected


def test_the_years_of_a_change_from_one_level_to_another() -> None:
    text = ("Kết quả kinh doanh\n\nTỷ lệ chi phí trên thu nhập giảm từ 29,2% cuối năm 2020 xuống còn 23,5% trong quý 1/2021. "
            "Tỷ lệ suy dinh dưỡng giảm từ 34% trong 2000 xuống 24,3% trong 2019.")
    rows = process_texts([text], ["d"], [{"date": "2021-04-20"}])[0].targets
    assert [(r.surface, r.year) for r in rows] == [("29,2%", 2020), ("23,5%", 2021), ("34%", 2000), ("24,3%", 2019)]


def test_a_value_in_brackets_after_a_goal_phrase_is_the_goal() -> None:
    text = "Năm 2016, tỷ lệ điều tra khám phá án đạt 77,8%, chưa đạt chỉ tiêu đề ra (90% trở lên)."
    rows = process_texts([text], ["d"], [{"date": "2017-01-05"}])[0].targets
    assert [(r.surface, r.status) for r in rows] == [("77,8%", "actual"), ("90%", "target")]


@pytest.mark.parametrize(("text", "place"), [
    ("Kinh tế phục hồi\n\nTheo Tổng cục Thống kê, năm 2021 GDP cả nước tăng 2,58%. Vốn đầu tư thực hiện tăng 3,2%.",
     "Việt Nam"),  # no publisher, no province: a text about the country
    ("Giá cao su tăng\n\nCông ty Cao su Phước Thịnh cho biết sản lượng khai thác tăng 3,2% so với năm trước.", ""),
])
def test_a_text_without_publisher_that_speaks_of_the_country(text: str, place: str) -> None:
    rows = process_texts([text], ["d"], [{}])[0].targets
    assert rows[-1].place == place, rows[-1]


def test_the_state_bank_is_the_countrys_not_a_business() -> None:
    text = "Tín dụng tăng chậm\n\nTheo Ngân hàng Nhà nước, tín dụng toàn hệ thống năm 2021 tăng 1,2% so với cuối năm 2020."
    (row,) = process_texts([text], ["d"], [{}])[0].targets
    assert row.place == "Việt Nam", row


def test_a_text_about_the_country_with_provinces_as_examples() -> None:
    text = ("Chính phủ nâng mức hỗ trợ mua bảo hiểm y tế\n\nChính phủ vừa quyết định nâng mức hỗ trợ cho hộ cận nghèo.\n\n"
            "Năm 2022, tỷ lệ bao phủ bảo hiểm y tế đạt 92%. Tại Yên Bái, tỉnh hỗ trợ thêm 20% mức đóng, "
            "và Lào Cai hỗ trợ 10%. Ở Yên Bái, 95% người dân đã có thẻ.")
    rows = process_texts([text], ["d"], [{}])[0].targets
    assert [(r.surface, r.place) for r in rows] == [("92%", "Việt Nam"), ("20%", "Yên Bái"), ("10%", "Lào Cai"),
                                                    ("95%", "Yên Bái")]


def test_a_scraped_link_and_a_respective_list_leave_no_other_words() -> None:
    """The two cases above, exactly: no piece of the link, no neighbour's element."""
    texts = {c[0]: c[2] for c in CASES}
    link = process_texts([texts["a-scraped-link-is-no-part-of-an-indicator"]], ["d"])[0].targets
    assert "/" not in link[0].indicator and "com" not in link[0].indicator.split()[0]
    shrimp = process_texts([texts["a-respective-list-with-codes-in-brackets"]], ["d"])[0].targets
    assert [r.indicator for r in shrimp] == ["XK tôm chân trắng chế biến", "tôm chân trắng tươi/đông lạnh"]


def test_a_date_in_capitals_after_a_reference() -> None:
    text = ("SỬA ĐỔI QUY ĐỊNH TẠI NGHỊ QUYẾT SỐ\n16/2023/NQ-HĐND NGÀY 06 THÁNG 12 NĂM 2023 CỦA HĐND TỈNH\n\n"
            "Điều 1. Mức thu bằng 50% mức cũ.")
    (ref,) = process_texts([text], ["d"])[0].references
    assert (ref.canonical, ref.issue_date) == ("16/2023/NQ-HĐND", "2023-12-06")


def test_a_year_far_back_in_a_body_scraped_as_one_line_dates_no_later_figure() -> None:
    filler = "Bà sống trong căn phòng chỉ rộng vài mét vuông cùng hai người con và một người mẹ già. " * 8
    text = ("Cuộc sống trong những căn nhà siêu nhỏ\n\nGiá nhà đất đắt đỏ khiến nhiều người khó khăn.\n\n"
            "Năm 2000, bà Lan chuyển đến thành phố này. " + filler + "Giá nhà đã tăng gần 400% kể từ đó.")
    (row,) = process_texts([text], ["d"], [{"date": "2017-05-02"}])[0].targets
    assert (row.status, row.year) == ("actual", 2017), row


@pytest.mark.parametrize(("text", "expected"), [
    # a value with its own past year says what it was, whatever verb of a goal governs the sentence
    ("Chương trình góp phần nâng tỷ lệ lao động qua đào tạo từ 28% năm 2017 lên 38,15% năm 2019.",
     [("actual", 2017), ("actual", 2019)]),
    ("Phấn đấu nâng tỷ lệ che phủ rừng từ 40% năm 2020 lên 45% năm 2025.", [("actual", 2020), ("target", 2025)]),
])
def test_a_value_with_its_own_past_year_is_what_it_was(text: str, expected: list) -> None:
    rows = process_texts([text], ["d"], [{"date": "2021-04-01"}])[0].targets
    assert [(r.status, r.year) for r in rows] == expected


def test_an_undated_report_is_no_older_than_the_newest_document_it_cites() -> None:
    text = ("Sắp xếp doanh nghiệp nhà nước\n\nĐiểm nhấn là Chỉ thị số 04/CT-TTg ngày 2/2/2017 của Thủ tướng Chính phủ "
            "về đổi mới doanh nghiệp. Hiện doanh nghiệp nhà nước chiếm khoảng 30% GDP.")
    (row,) = process_texts([text], ["d"])[0].targets
    assert (row.status, row.year) == ("actual", 2017)

