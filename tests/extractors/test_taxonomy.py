"""Indicator normalization: abbreviations and the curated taxonomy."""

from __future__ import annotations

import pytest
from chitieu.extractors.taxonomy import (
    expand_abbreviations,
    fold,
    indicator_code,
    indicator_name,
    scores,
    taxonomy,
)


def test_expand_abbreviations_whole_words_only() -> None:
    assert expand_abbreviations("hồ sơ TTHC của DN") == "hồ sơ thủ tục hành chính của doanh nghiệp"
    assert expand_abbreviations("phát triển KT-XH") == "phát triển kinh tế - xã hội"
    # the longest abbreviation wins and lower case / parts of words are left alone
    assert expand_abbreviations("DVCTT") == "dịch vụ công trực tuyến"
    assert expand_abbreviations("DNA và dn") == "DNA và dn"


def test_fold_unifies_tone_placement_and_case() -> None:
    assert fold("Đô thị  hoá") == fold("đô thị hóa") == "đô thị hóa"


@pytest.mark.parametrize(
    ("indicator", "code"),
    [
        ("tỷ lệ DVC trực tuyến toàn trình", "dvc_online_full"),
        ("dịch vụ công trực tuyến mức độ 4 trên thiết bị di động", "dvc_online_full"),
        ("dịch vụ công trực tuyến mức độ 3, 4", "dvc_online"),
        ("hồ sơ công việc tại cấp huyện được xử lý trên môi trường mạng", "work_records_online"),
        ("tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến", "tthc_records_online"),
        ("tỷ trọng kinh tế số trong GRDP", "digital_economy_share"),
        ("kinh tế số chiếm tổng sản phẩm trên địa bàn", "digital_economy_share"),
        ("hộ gia đình được phủ mạng băng rộng cáp quang", "fibre_broadband_households"),
        ("người dân có tài khoản thanh toán điện tử", "epayment_accounts"),
        ("mức độ hài lòng của người dân đối với DVC", "satisfaction"),
        ("tỷ lệ dân số tham gia BHYT", "health_insurance"),
        ("tỷ lệ hộ nghèo đa chiều", "poverty_rate"),
        ("tỷ lệ che phủ rừng", "forest_cover"),
        ("dân cư nông thôn được sử dụng nước sạch", "clean_water_rural"),
        ("dân cư đô thị được cấp nước sạch", "clean_water_urban"),
        ("tỷ lệ hộ dân được dùng nước sạch", "clean_water"),
        ("tỷ lệ thất thoát nước sạch", "water_loss"),  # not access to clean water
        ("doanh thu TMĐT chiếm tổng mức bán lẻ", "ecommerce_retail_share"),
        ("tỷ lệ đô thị hoá", "urbanization"),
        ("tỷ lệ lao động qua đào tạo", "trained_labour"),
        ("lao động qua đào tạo có bằng cấp, chứng chỉ", "trained_labour_certified"),
        ("tốc độ tăng trưởng GRDP bình quân", "economic_growth"),
        ("năng suất lao động tăng bình quân", "labour_productivity_growth"),
        ("CSDL dùng chung được kết nối toàn tỉnh", "shared_databases"),
    ],
)
def test_indicator_code_finds_the_taxonomy_entry(indicator: str, code: str) -> None:
    assert indicator_code(indicator) == code


@pytest.mark.parametrize(
    "indicator",
    [
        "",
        "   ",
        "số cán bộ được tập huấn",  # nothing in the taxonomy
        "GRDP bình quân đầu người",  # GRDP alone is not growth nor the digital economy
        "hộ",  # a fragment of a word is not an alias
        "số tiền chậm đóng BHYT",  # about health insurance, but not its coverage
        "tỷ lệ khiếu nại về giao dịch TMĐT",  # e-commerce, but no indicator of the taxonomy
    ],
)
def test_indicator_code_is_empty_when_nothing_fits(indicator: str) -> None:
    assert indicator_code(indicator) == ""


def test_a_tie_between_two_codes_is_no_answer() -> None:
    # "định danh điện tử" (e-identity) on an information system: both entries rule each other out
    text = "HTTT xác thực định danh điện tử"
    assert indicator_code(text) == ""
    assert "e_identification" not in scores(text)


def test_abbreviated_and_full_forms_get_the_same_code() -> None:
    assert indicator_code("DVC trực tuyến toàn trình") == indicator_code("dịch vụ công trực tuyến toàn trình")
    assert indicator_code("hồ sơ TTHC giải quyết trực tuyến") == indicator_code(
        "hồ sơ thủ tục hành chính giải quyết trực tuyến"
    )


def test_taxonomy_file_is_well_formed() -> None:
    entries = taxonomy()
    assert len(entries) >= 30
    for code, entry in entries.items():
        assert code == entry.code and code.isascii() and code == code.lower()
        assert entry.name_vi and entry.name_en and entry.unit.startswith("percent")
        assert entry.aliases and all(all(frag for frag in alt) for alt in entry.aliases)
    assert indicator_name("forest_cover", "en") == "Forest cover"
    assert indicator_name("no_such_code") == ""
