"""Status ``other``: rates fixed by a rule, support shares, discounts, thresholds, probabilities."""

from __future__ import annotations

import pytest
from chitieu.extractors.lexicon import rows
from chitieu.extractors.other_status import find_other_cues, other_kind, other_kind_around, qualifying_bound


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
        ("Khối lượng viên: 890 mg ± ", "", "threshold"),  # a tolerance
        ("Tổ chức họp bất thường khi có ít nhất ", " cha mẹ học sinh yêu cầu", "threshold"),  # when a bound is reached
        ("Người sử dụng lao động đóng 3% vào quỹ ốm đau; 0,5% vào quỹ tai nạn lao động; ", " vào quỹ hưu trí", "rate"),
        ("Trường hợp giá điện cần điều chỉnh tăng từ ", " so với giá hiện hành, EVN được phép điều chỉnh", "threshold"),
        ("Doanh nghiệp nhỏ được hỗ trợ chi phí tư vấn pháp luật lên đến ", ".", "support"),  # its object first
        ("Ăn nhiều thịt chế biến làm tăng nguy cơ ung thư vú cao hơn ", ".", "probability"),  # what the risk is of first
        # a bound of a share of a base amount, fixed by a rule
        ("Làm thêm giờ vào ngày nghỉ hằng tuần được trả lương ít nhất bằng ", ".", "rate"),
        ("Trích 10% vào quỹ dự phòng, số dư của quỹ tối đa bằng ", " lợi nhuận năm trước.", "rate"),
        ("Dự báo xác suất mưa là ", "", "probability"),
        ("khả năng ", " xảy ra lũ", "probability"),
        # a hard-wrapped line: its break is a space
        ("Quỹ cho vay với lãi suất\ntối đa không vượt quá ", " mức lãi suất do Ngân hàng Nhà nước công bố", "rate"),
        ("Trữ lượng được tính với xác\nsuất vượt quá ", ".", "probability"),
        ("riêng hai xã vùng cao ngân sách huyện hỗ trợ\n", ", ngân sách xã hỗ trợ 10%", "support"),
        # a rate before and after a change, a number that is a name
        ("Đề xuất giảm thuế GTGT từ 10% xuống ", " trong năm nay", "rate"),
        ("Lãi suất kỳ hạn 6 tháng giảm từ 4,5% xuống còn ", "/năm", "rate"),
        ("Thuế tiêu thụ đặc biệt với xăng E5 RON 92 được ấn định là ", "", "rate"),
        # support, discount and fee shares of legal texts
        ("Thành phố hỗ trợ ", " thuế thu nhập cá nhân cho chuyên gia", "support"),
        ("Ngân sách thành phố hỗ trợ ", "; ngân sách phường hỗ trợ phần còn lại", "support"),
        ("Hồ sơ nộp trực tuyến được giảm ", " mức phí thẩm định", "discount"),
        ("Khách sạn áp dụng mức ưu đãi lên tới ", " cho khách đoàn", "discount"),
        ("Đơn vị thu phí được để lại ", " số phí thu được", "rate"),
        ("Nộp ngân sách nhà nước: ", ".", "rate"),
        # a factor of a formula
        ("Số thuế phải nộp = Thu nhập tính thuế x ", "", "rate"),
        ("Mức thu: 20 triệu đồng + (", " x phần chi phí vượt trên 1 tỷ đồng)", "rate"),
        ("Tỷ lệ = b/a * ", ";", "rate"),
        # a share of a company's capital set by a transaction
        ("Ngân hàng sẽ phát hành 50 triệu cổ phiếu thưởng, tương đương ", " vốn điều lệ", "threshold"),
        ("Nhà đầu tư ngoại mua lại ", " cổ phần của công ty", "threshold"),
        # a limit set by a rule
        ("tỷ lệ cho vay so với huy động ở mức 70% (so với giới hạn ", ")", "threshold"),
        ("hệ số an toàn vốn cao hơn mức tối thiểu ", " theo quy định", "threshold"),
        ("nợ công đang tiến sát mức trần quy định là ", " GDP", "threshold"),
        # a share of a fee or of the base salary, a preferential tax rate
        ("trong 6 tháng cuối năm thì nộp ", " mức lệ phí môn bài", "rate"),
        ("người lao động được cộng thêm ", " mức lương cơ sở", "rate"),
        ("doanh nghiệp được hưởng thuế ưu đãi đặc biệt ", "", "rate"),
        ("Tổ chức thu phí nộp ", " số tiền phí thu được vào ngân sách", "rate"),
        ("giảm mức thuế suất ", " so với mức thuế hiện hành", "rate"),  # two rates compared, not two times
        ("Vùng III: 3.670.100 + (3.670.100x ", ")", "rate"),
        # a bound in a definition, a condition of a rule
        ("Xã khu vực III là xã có tỷ lệ hộ nghèo trên ", ".", "threshold"),
        ("Thôn vùng dân tộc thiểu số là thôn có từ ", " người dân tộc thiểu số trở lên sinh sống", "threshold"),
        ("Trường hợp người được giới thiệu đạt ", " số phiếu thì người đứng đầu quyết định", "threshold"),
        ("Nếu số thuế tạm nộp thấp hơn số phải nộp từ ", " trở lên thì bị phạt", "threshold"),
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
        ("thuế suất 10% nhưng lợi nhuận vẫn tăng ", ""),  # the noun governs another number
        ("Phấn đấu ", " hồ sơ được xử lý trực tuyến"),
        ("bảo đảm ", " học sinh được miễn học phí"),
        ("Tỷ lệ che phủ rừng đạt ", ""),
        ("chi phí logistics chiếm ", " GDP"),
        # goals and results stay so
        ("Phấn đấu có ", " xã đạt tiêu chí nông thôn mới trở lên"),
        ("Mục tiêu: thôn có từ ", " hộ dùng nước sạch trở lên"),
        ("Tỉnh hỗ trợ ", " hộ nghèo được vay vốn ưu đãi"),  # a support target about households
        ("Tỉnh hỗ trợ kinh phí cho ", " hộ nghèo"),  # whom a support goes to: a share of households
        ("Tỷ lệ hộ có nguy cơ tái nghèo giảm còn ", ""),  # a measured rate of those at risk
        ("Trường hợp đặc biệt, tỉnh phấn đấu đạt ", ""),  # the condition ends at its comma
        ("Giá vàng giảm ", " xuống 1.900 USD/ounce"),  # "x" of "xuống" is no product
        ("Doanh thu giảm ", " xuống 675 tỷ đồng"),
        ("phấn đấu đạt **", " **xã không ma túy"),  # bold, no product
        ("Trung Quốc chiếm ", " cổ phần của ngân hàng"),  # a composition reported as a fact
        ("hiện nay số doanh nghiệp cổ phần hóa đạt ", " nhưng phần vốn nhà nước bán ra rất thấp"),
        ("nếu như năm 2011 tỷ trọng nợ thuế là ", ", thì năm 2019 là 1,6%"),  # compares two figures
        ("Nếu quả thật ", " người dân muốn thì họ tự làm"),
    ],
)
def test_not_other(before, after):
    assert other_kind_around(before, after) is None


def test_other_kind_needs_the_object_for_discontinuous_phrases():
    assert other_kind("Ngân sách hỗ trợ ") == "support"  # the phrase alone says it
    assert other_kind("giảm ") is None  # "giảm … học phí": the object follows the value
    assert other_kind_around("giảm ", " học phí") == "discount"


def test_window_keeps_a_phrase_that_starts_before_it():
    before = "Thuế suất thuế giá trị gia tăng của mặt hàng này là "
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


_CRITERIA = (
    "Thôn đặc biệt khó khăn là thôn có ít nhất 02 trong 03 tiêu chí sau\nđây:\n\n"
    "- Có tỷ lệ hộ nghèo cao gấp từ 2 lần trở lên so với cả nước.\n\n"
    "- Có dưới 60% đường thôn được cứng\nhóa theo tiêu chuẩn kỹ thuật.\n\n"
)


@pytest.mark.parametrize(
    ("lead", "before", "after", "expected"),
    [
        (_CRITERIA, "- Tỷ lệ hộ có hợp đồng mua bán điện dưới ", ".", True),  # an item of a list of criteria
        ("Tiêu chí phân định xã theo trình độ phát triển:\n\n+ Có thu nhập bình quân ", "thấp hơn ",
         " so với cả nước;", True),
        ("Trường được hỗ trợ khi đáp ứng các điều kiện sau:\n\na) ", "Có từ ", " học sinh bán trú trở lên;", True),
        ("", "Xã khu vực III là xã có tỷ lệ hộ nghèo trên ", " và chưa đạt chuẩn nông thôn mới.", True),
        # goals are no criteria
        ("Mục tiêu cụ thể đến năm 2030:\n\n", "- Phấn đấu có trên ", " số xã đạt chuẩn.", False),
        ("Các chỉ tiêu chủ yếu:\n\n", "- Tỷ lệ hộ nghèo dưới ", ".", False),
        ("Xã đạt các tiêu chí sau:\n\n", "- Phấn đấu có từ ", " hộ dùng nước sạch trở lên.", False),
        # no bound, or a paragraph of prose between the lead-in and the value
        (_CRITERIA, "- Có ", " hộ dùng điện lưới.", False),
        ("Thôn đặc biệt khó khăn là thôn có các tiêu chí sau:\n\n", "- Có ", " đường thôn được cứng hóa.", False),
        ("Các tiêu chí gồm:\nTỷ lệ hộ nghèo cao.\nNăm nay kinh tế tỉnh khởi sắc.\n", "Doanh thu cao hơn ", " so với năm trước.",
         False),
        ("", "Hà Nội là địa phương có tỷ lệ tiêm chủng trên ", ".", False),
    ],
)
def test_qualifying_bound(lead, before, after, expected):
    assert qualifying_bound(before, after, lead) is expected


@pytest.mark.parametrize(("before", "after", "kind"), [
    ("Chỉ những cá nhân đạt ít nhất ", " số phiếu tín nhiệm mới được đề nghị", "threshold"),  # a vote threshold
    ("Cá nhân phải có tỷ lệ phiếu đồng ý từ ", " trở lên", "threshold"),
    ("Phấn đấu có ", " số thành viên hợp tác xã được đào tạo", None),  # a goal about members
])
def test_vote_thresholds(before: str, after: str, kind: str | None) -> None:
    assert other_kind_around(before, after) == kind


@pytest.mark.parametrize(("before", "after", "kind"), [
    # a tax a good bears, a fee's collection rate, a commission, a ceiling of taxable income
    ("Mặt hàng này chịu thuế suất GTGT ", ", không phải 10%", "rate"),
    ("Linh kiện nhập về chịu thuế NK ", " theo biểu thuế", "rate"),
    ("Có loại hàng chịu mức thuế ", " và có loại được miễn", "rate"),
    ("Đối với vùng đồng bằng, tỉ lệ thu là ", " giá trị công trình", "rate"),
    ("vùng núi tỷ lệ thu ", " (áp dụng cho các huyện)", "rate"),
    ("Mỗi đại lý nhận ", " hoa hồng trên mỗi hợp đồng", "rate"),
    ("Người giới thiệu nhận ", " tiền hoa hồng của đơn hàng", "rate"),
    ("Khoản phụ cấp này được tính nhưng không vượt quá ", " tổng thu nhập chịu thuế", "rate"),
    ("Mức tài trợ tối đa ", " chi phí thực hiện", "support"),
    # the share a decision of the members or shareholders needs
    ("Quyết định được thông qua khi có sự tán thành của trên ", " số thành viên dự họp", "threshold"),
    ("Công ty đề xuất hạ tỷ lệ biểu quyết thông qua từ ", " xuống 51%", "threshold"),
    ("Công ty niêm yết phải có tối thiểu ", " số cổ phiếu có quyền biểu quyết do cổ đông nhỏ nắm giữ", "threshold"),
    # measured indicators with these words stay no rate
    ("Tỷ lệ thu ngân sách đạt ", " dự toán", None),
    ("Tỉ lệ thu gom chất thải rắn đạt ", "", None),
    ("thu nhập chịu thuế của doanh nghiệp tăng ", " so với năm trước", None),
    ("Tổng thống có tỷ lệ tán thành khoảng ", " trong cuộc thăm dò", None),
    ("Nghị quyết được thông qua với ", " tổng số đại biểu tán thành", None),
])
def test_taxes_fees_commissions_and_vote_thresholds(before: str, after: str, kind: str | None) -> None:
    assert other_kind_around(before, after) == kind


@pytest.mark.parametrize(("before", "after", "kind"), [
    # a value that continues a list takes the kind of the list's first value
    ("Thuế suất 10%, 8% và ", "", "rate"),
    ("Biểu thuế lũy tiến có các mức thuế suất là 5%, 10%, ", ", 20%", "rate"),
    ("Doanh nghiệp nhỏ được áp dụng thuế suất 15% và ", " theo quy định", "rate"),
    ("Lãi suất cho vay phổ biến 6-8%/năm đối với ngắn hạn và ", "/năm đối với dài hạn", "rate"),
    ("Lãi suất điều hành lần lượt là 4,5%, 5% và ", ".", "rate"),
    ("Lưu lượng tính với xác suất vượt quá 75% và ", ";", "probability"),
    # a list after a goal, a result or a change stays so
    ("Doanh thu và lợi nhuận tăng lần lượt 18% và ", " so với cùng kỳ", None),
    ("Lãi suất cho vay bình quân giảm 0,3% và ", " so với cuối năm trước", None),
    ("Phấn đấu giảm 30% thời gian và ", " chi phí", None),
    ("Lãi suất ổn định; tỷ lệ nợ xấu 2% và ", " trong hai năm", None),
    # an election's share of the votes is a result
    ("Ứng viên giành được ", " số phiếu bầu", None),
    ("Hai ứng viên có tỷ lệ phiếu bầu lần lượt là 58% và ", "", None),
])
def test_lists_of_rates(before: str, after: str, kind: str | None) -> None:
    assert other_kind_around(before, after) == kind


@pytest.mark.parametrize(("before", "after", "kind"), [
    # a share of a wage a rule fixes: overtime pay, contributions, bonuses, allowances
    ("Tiền lương làm thêm giờ = Tiền lương giờ thực trả x Mức ít nhất ", " x Số giờ làm thêm", "rate"),
    ("Tiền làm thêm = Đơn giá x Mức ít nhất 150% hoặc ", " hoặc 300%", "rate"),
    ("Vào ngày nghỉ hằng tuần, mức ít nhất bằng ", " so với tiền lương giờ thực trả", "rate"),
    ("Làm thêm giờ được trả ít nhất bằng ", " so với đơn giá tiền lương sản phẩm", "rate"),
    ("người sử dụng lao động đóng ", " tiền lương làm căn cứ đóng bảo hiểm xã hội", "rate"),
    ("Quỹ khen thưởng được xác định bằng ", " tổng quỹ tiền lương", "rate"),
    ("Trợ cấp hằng tháng bằng ", " mức tham chiếu", "rate"),
    # a change of such an amount, a goal, stays no share
    ("Phấn đấu tăng ", " quỹ tiền lương", None),
    ("Ngân hàng tăng ", " vốn điều lệ trong năm", None),
    ("quỹ tiền lương năm nay tăng ", " so với năm trước", None),
])
def test_shares_of_a_wage(before: str, after: str, kind: str | None) -> None:
    assert other_kind_around(before, after) == kind


@pytest.mark.parametrize(("before", "after", "kind"), [
    # a rate's noun opens the clause, names whom the rate applies to, and its value follows far after
    ("- Lãi suất cho vay đối với khách hàng là hộ gia đình mua nhà ở xã hội: ", "/năm", "rate"),
    ("Thuế suất thuế thu nhập doanh nghiệp đối với hoạt động khai thác khoáng sản quý hiếm là ", ".", "rate"),
    ("Lãi suất tối đa áp dụng đối với tiền gửi có kỳ hạn từ 1 tháng đến dưới 6 tháng giảm từ 4%/năm xuống ",
     "/năm", "rate"),
    ("Mức phí áp dụng cho xe ô tô chở hàng có tải trọng lớn trên tuyến cao tốc ở mức ", "", "rate"),
    # a measured change or result of such a rate, a measured indicator, stays so
    ("Lãi suất cho vay đối với các doanh nghiệp trong khu công nghiệp tăng ", "", None),
    ("Lãi suất cho vay bình quân đối với doanh nghiệp nhỏ và vừa trong năm qua là ", " so với cuối năm 2022", None),
    ("Lãi suất cho vay đối với các doanh nghiệp nhỏ và vừa của tỉnh năm nay đạt ", "", None),
    ("Tỷ lệ hộ nghèo đối với các xã vùng cao của tỉnh hiện nay là ", "", None),
])
def test_rates_for_whom(before: str, after: str, kind: str | None) -> None:
    assert other_kind_around(before, after) == kind


@pytest.mark.parametrize(("before", "after", "kind"), [
    # instalments, cash back, refunds and discounts on a bill
    ("Cửa hàng áp dụng chương trình trả góp ", " cho khách mua điện thoại", "rate"),
    ("Chủ thẻ được hoàn tiền ", " khi thanh toán hóa đơn", "discount"),
    ("Ngân hàng hoàn ", " phí thường niên năm đầu", "discount"),
    ("Nhà hàng giảm ", " hóa đơn cho khách đặt bàn trước", "discount"),
    ("Khách hàng được hoàn trả ", " số tiền đã đặt", "rate"),
    # measured figures with these words
    ("Dư nợ cho vay trả góp tăng ", " so với cùng kỳ", None),
    ("Tỉnh đã hoàn thành ", " kế hoạch năm", None),
    ("Số hóa đơn điện tử được sử dụng tăng ", "", None),
])
def test_instalments_refunds_and_bills(before: str, after: str, kind: str | None) -> None:
    assert other_kind_around(before, after) == kind


@pytest.mark.parametrize(("before", "after", "kind"), [
    # the breakdown of a contribution rate, a union fee
    ("Tỷ lệ đóng bảo hiểm thất nghiệp là 2%, trong đó doanh nghiệp ", " và người lao động 1%", "rate"),
    ("Tổng mức đóng là 32%, trong đó: quỹ hưu trí ", ", quỹ ốm đau 3%", "rate"),
    ("Lãi suất cho vay là 6%/năm, trong đó ngân sách cấp bù ", "", "rate"),
    ("Mức đóng kinh phí công đoàn của mỗi doanh nghiệp là ", ".", "rate"),
    ("Người mua căn hộ phải nộp một khoản kinh phí bảo trì bằng ", " giá trị căn hộ.", "rate"),  # a fee the law fixes
    # the breakdown of a measured figure stays so
    ("Tỷ lệ hộ nghèo là 5%, trong đó hộ dân tộc thiểu số chiếm ", "", None),
    ("Doanh thu tăng 20%, trong đó xuất khẩu tăng ", "", None),
])
def test_breakdowns_of_a_rate(before: str, after: str, kind: str | None) -> None:
    assert other_kind_around(before, after) == kind


@pytest.mark.parametrize(("before", "after", "kind"), [
    # the rate a change starts from, far from its noun
    ("Lãi suất tối đa áp dụng đối với tiền gửi có kỳ hạn từ 1 tháng đến dưới 6 tháng giảm từ ", "/năm xuống 4%/năm",
     "rate"),
    ("Thuế suất thuế giá trị gia tăng áp dụng cho nhóm hàng hóa thiết yếu của người dân giảm từ ", " xuống 8%", "rate"),
    ("Tỷ lệ hộ nghèo đối với các xã đặc biệt khó khăn của tỉnh giảm từ ", " xuống 20%", None),
])
def test_rate_changes_for_whom(before: str, after: str, kind: str | None) -> None:
    assert other_kind_around(before, after) == kind


@pytest.mark.parametrize(("before", "after", "kind"), [
    # a share of a fine, a late-payment charge, a share "trên" its base
    ("Trưởng phòng có quyền phạt tiền đến ", " mức tiền phạt tối đa", "rate"),
    ("mỗi ngày chậm nộp thì phải nộp thêm ", " số tiền chưa nộp", "rate"),
    ("mỗi ngày chậm nộp thì người vi phạm chịu ", " trên tổng số tiền phạt chưa nộp", "rate"),
    ("Lần đầu nộp tối thiểu là ", " số tiền phạt", "rate"),
    # measured fines stay so
    ("Số tiền phạt thu được tăng ", " so với cùng kỳ", None),
    ("Doanh nghiệp đã nộp thêm ", " so với năm trước", None),
    ("Ngân hàng tăng ", " trên vốn điều lệ", None),
])
def test_shares_of_a_fine(before: str, after: str, kind: str | None) -> None:
    assert other_kind_around(before, after) == kind
