"""Places from publishers: the curated list, the rule for the rest, and their traps."""

from __future__ import annotations

import re

import pytest
from chitieu.extractors.lexicon import rows
from chitieu.extractors.publishers import domain_place, outlet_place, publisher_place

from chitieu.models import PublisherPlace

GAZETTEER = {r["name"]: r for r in rows("provinces.csv")}
PUBLISHERS = rows("publishers.csv")


def _got(url, outlet):
    found = publisher_place(url, outlet)
    return None if found is None else (found.place, found.kind, found.how)


@pytest.mark.parametrize(
    ("url", "outlet", "expected"),
    [
        # curated: a domain, its sub-domains, with or without scheme, any case, www. and m.
        ("https://baohaiduong.vn/giao-duc/tin-1.html", "Báo Hải Dương", ("Hải Dương", "province", "curated")),
        ("http://sotttt.haiduong.gov.vn/tin-tuc", None, ("Hải Dương", "province", "curated")),
        ("https://snnptnt.lamdong.gov.vn/", None, ("Lâm Đồng", "province", "curated")),
        ("HTTPS://WWW.BAOLAMDONG.VN/KINH-TE", None, ("Lâm Đồng", "province", "curated")),
        ("https://m.baogialai.com.vn/tin.html", None, ("Gia Lai", "province", "curated")),
        ("www.baonghean.vn/xa-hoi", None, ("Nghệ An", "province", "curated")),
        ("https://baonghean.vn:443/tin", None, ("Nghệ An", "province", "curated")),
        ("https://hanoimoi.vn/tin", None, ("Hà Nội", "province", "curated")),
        ("https://www.sggp.org.vn/tin", None, ("Hồ Chí Minh", "province", "curated")),
        ("https://hochiminhcity.gov.vn/", None, ("Hồ Chí Minh", "province", "curated")),
        ("https://hcmcpv.org.vn/tin-tuc", None, ("Hồ Chí Minh", "province", "curated")),
        ("https://sotnmt.baria-vungtau.gov.vn/", None, ("Bà Rịa - Vũng Tàu", "province", "curated")),
        ("https://baodongkhoi.vn/tin", None, ("Bến Tre", "province", "curated")),
        ("https://baoapbac.vn/tin", None, ("Tiền Giang", "province", "curated")),
        (None, "Hànộimới", ("Hà Nội", "province", "curated")),
        (None, "Báo Sài Gòn Giải Phóng", ("Hồ Chí Minh", "province", "curated")),
        (None, "THVL", ("Vĩnh Long", "province", "curated")),
        # national outlets: never a province, whatever their name looks like
        ("https://nld.com.vn/thoi-su.htm", "Người Lao Động", ("Việt Nam", "national", "curated")),
        (None, "Người Lao Động", ("Việt Nam", "national", "curated")),
        (None, "Báo Người Lao Động", ("Việt Nam", "national", "curated")),
        ("https://thanhnien.vn/tin.htm", None, ("Việt Nam", "national", "curated")),
        (None, "Thanh Niên", ("Việt Nam", "national", "curated")),
        ("https://laodong.vn/xa-hoi", None, ("Việt Nam", "national", "curated")),
        ("https://tienphong.vn/tin", "Tiền Phong", ("Việt Nam", "national", "curated")),
        ("https://ictnews.vietnamnet.vn/tin", None, ("Việt Nam", "national", "curated")),
        ("https://e.vnexpress.net/news", None, ("Việt Nam", "national", "curated")),
        ("https://www.vietnamplus.vn/tin.vnp", "VietnamPlus", ("Việt Nam", "national", "curated")),
        ("https://thoibaotaichinhvietnam.vn/tin.html", None, ("Việt Nam", "national", "curated")),
        (None, "Báo Đầu tư", ("Việt Nam", "national", "curated")),
        ("https://mof.gov.vn/tin", None, ("Việt Nam", "national", "curated")),
        # a province's site on a national host is that province's
        ("https://langson.baohiemxahoi.gov.vn/tin", None, ("Lạng Sơn", "province", "domain")),
        # an aggregator gives way to the outlet it carries, and is national otherwise
        ("https://baomoi.com/tin.epi", "Báo Nghệ An", ("Nghệ An", "province", "curated")),
        ("https://baomoi.com/tin.epi", "Đài PT-TH Tây Ninh", ("Tây Ninh", "province", "outlet")),
        ("https://baomoi.com/tin.epi", None, ("Việt Nam", "national", "curated")),
        # the curated host wins over a contradicting outlet
        ("https://baohaiduong.vn/tin", "Báo Nghệ An", ("Hải Dương", "province", "curated")),
        # the rule: a label of the host that spells a province
        ("https://bhxhcaobang.gov.vn/Detail.aspx?Id=1", None, ("Cao Bằng", "province", "domain")),
        ("https://hanamtv.vn/tin", None, ("Hà Nam", "province", "domain")),
        ("https://hanoitimes.vn/tin", None, ("Hà Nội", "province", "domain")),
        ("https://quangnamtv.vn/", None, ("Quảng Nam", "province", "domain")),
        ("https://quangngaitv.vn/", None, ("Quảng Ngãi", "province", "domain")),
        ("https://quangninhtv.vn/", None, ("Quảng Ninh", "province", "domain")),
        ("https://quangtritv.vn/", None, ("Quảng Trị", "province", "domain")),
        ("https://quangbinhtv.vn/", None, ("Quảng Bình", "province", "domain")),
        ("https://binhdinhtv.vn/", None, ("Bình Định", "province", "domain")),
        ("https://binhduongtv.vn/", None, ("Bình Dương", "province", "domain")),
        ("https://binhphuoctv.vn/", None, ("Bình Phước", "province", "domain")),
        ("https://ptthbinhthuan.vn/", None, ("Bình Thuận", "province", "domain")),
        ("https://hagiangtv.vn/", None, ("Hà Giang", "province", "domain")),
        ("https://haugiangtv.vn/", None, ("Hậu Giang", "province", "domain")),
        ("https://daklaktv.vn/", None, ("Đắk Lắk", "province", "domain")),
        ("https://daknongtv.vn/", None, ("Đắk Nông", "province", "domain")),
        ("https://longantv.vn/", None, ("Long An", "province", "domain")),
        ("https://tayninhvn.com/", None, ("Tây Ninh", "province", "domain")),
        ("https://thainguyen-tv.vn/", None, ("Thái Nguyên", "province", "domain")),
        ("https://sotttt.tphcm.gov.vn/", None, ("Hồ Chí Minh", "province", "domain")),
        ("https://hcmcity.edu.vn/", None, ("Hồ Chí Minh", "province", "domain")),
        ("https://brvt.edu.vn/", None, ("Bà Rịa - Vũng Tàu", "province", "domain")),
        ("https://baohue.vn/", None, ("Huế", "province", "domain")),  # the city since 2025
        ("https://hoabinhtv.vn/", None, ("Hòa Bình", "province", "domain")),
        # ... and its traps: a name cut through a two-letter sound, a short name inside a word, two provinces
        ("https://thanhnienviet.vn/", None, None),
        ("https://thanoi.vn/", None, None),
        ("https://chanam.vn/", None, None),
        ("https://baolonganh.vn/", None, None),
        ("https://thuevietnam.vn/", None, None),
        ("https://hoabinhduong.vn/", None, None),
        ("https://nghean-hanoi.vn/", None, None),
        ("https://vietnamtv.vn/", None, None),
        # the rule: an outlet name that spells a province, with or without diacritics
        (None, "Đài Phát thanh và Truyền hình Thái Nguyên", ("Thái Nguyên", "province", "curated")),
        (None, "Đài PT-TH Thái Nguyên", ("Thái Nguyên", "province", "outlet")),
        (None, "Dai Phat thanh va Truyen hinh Thai Nguyen", ("Thái Nguyên", "province", "curated")),
        (None, "Dai PTTH tinh Thai Nguyen", ("Thái Nguyên", "province", "outlet")),
        (None, "Báo Bình Thuận điện tử", ("Bình Thuận", "province", "outlet")),
        (None, "Bao Binh Thuan dien tu", ("Bình Thuận", "province", "outlet")),
        (None, "Cổng TTĐT tỉnh Cà Mau", ("Cà Mau", "province", "outlet")),
        (None, "Sở Y tế tỉnh Khánh Hoà", ("Khánh Hòa", "province", "outlet")),
        (None, "Bảo hiểm xã hội tỉnh Hà Nam", ("Hà Nam", "province", "outlet")),
        (None, "Sở Tư pháp TP.HCM", ("Hồ Chí Minh", "province", "outlet")),
        (None, "Công an TP HCM", ("Hồ Chí Minh", "province", "outlet")),
        (None, "Văn phòng UBND HCM", ("Hồ Chí Minh", "province", "outlet")),
        (None, "Báo BR-VT", ("Bà Rịa - Vũng Tàu", "province", "outlet")),
        (None, "Cổng thông tin Thừa Thiên - Huế", ("Thừa Thiên Huế", "province", "outlet")),
        (None, "Đài PT-TH Đăk Nông", ("Đắk Nông", "province", "outlet")),
        (None, "Hội đồng hương Nghệ An tại Hà Nội", None),
        (None, "Diễn đàn châu Á - Thái Bình Dương", None),
        (None, "Nhà sách Hoa Huệ", None),
        (None, "Báo Thanh niên Việt", None),
        (None, "Thông tấn xã Việt Nam", ("Việt Nam", "national", "curated")),
        (None, "Hội Nông dân Việt Nam", None),
        # missing and malformed values
        (None, None, None),
        ("", "", None),
        ("   ", "  ", None),
        ("http://", None, None),
        ("not a url", None, None),
        ("baohaiduong", None, None),
        ("baohaiduong", "Báo Hải Dương", ("Hải Dương", "province", "curated")),
        ("http://[::1", None, None),
        ("https://192.168.0.1/tin", None, None),
        (float("nan"), None, None),
    ],
)
def test_publisher_place(url, outlet, expected):
    assert _got(url, outlet) == expected


@pytest.mark.parametrize(
    ("url", "place", "merged_into"),
    [("https://baohaiduong.vn/", "Hải Dương", "Hải Phòng"), ("https://baoquangnam.vn/", "Quảng Nam", "Đà Nẵng"),
     ("https://hatay.gov.vn/", "Hà Tây", "Hà Nội"), ("https://baogialai.com.vn/", "Gia Lai", None),
     ("https://vnexpress.net/", "Việt Nam", None)],
)
def test_the_province_as_of_the_text_and_where_it_went(url, place, merged_into):
    found = publisher_place(url, None)
    assert (found.place, found.merged_into) == (place, merged_into)


def test_the_result_is_the_models_dataclass():
    assert publisher_place("https://baonghean.vn/", None) == PublisherPlace("Nghệ An", "province", "curated", None)


def test_every_unit_of_the_gazetteer_has_a_curated_domain():
    covered = {r["province"] for r in PUBLISHERS if r["domain"]}
    assert sorted(set(GAZETTEER) - covered) == []


def test_the_data_file_speaks_the_gazetteers_names_and_known_kinds():
    for r in PUBLISHERS:
        assert r["province"] in GAZETTEER, r
        assert r["kind"] in {"newspaper", "broadcaster", "portal", "national", "aggregator"}, r
        assert (r["province"] == "Việt Nam") == (r["kind"] in {"national", "aggregator"}), r
        assert r["domain"] or r["note"], r
        assert all(name.strip() for name in r["outlet"].split("|")), r


def test_curated_domains_are_bare_hosts_listed_once():
    domains = [r["domain"] for r in PUBLISHERS if r["domain"]]
    assert len(domains) == len(set(domains))
    for d in domains:
        assert re.fullmatch(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", d) and not d.startswith(("www.", "m.")), d


@pytest.mark.parametrize("row", [r for r in PUBLISHERS if r["domain"]], ids=lambda r: r["domain"])
def test_every_curated_domain_gives_its_province(row):
    found = publisher_place(f"https://{row['domain']}/tin", None)
    expected = "Việt Nam" if row["kind"] in {"national", "aggregator"} else row["province"]
    assert (found.place, found.how) == (expected, "curated")


@pytest.mark.parametrize("row", PUBLISHERS, ids=lambda r: r["domain"] or r["outlet"])
def test_the_rule_never_contradicts_the_list(row):
    """The rule alone gives a listed publisher its own province or nothing; a national one, nothing."""
    allowed = {None} if row["province"] == "Việt Nam" else {None, row["province"]}
    if row["domain"]:
        assert domain_place(row["domain"].split(".")[:-1]) in allowed
    for name in row["outlet"].split("|"):
        assert outlet_place(name) in allowed, name


def test_an_outlet_name_belongs_to_one_place():
    places: dict[str, set[str]] = {}
    for r in PUBLISHERS:
        for name in r["outlet"].split("|"):
            places.setdefault(name.casefold(), set()).add(r["province"])
    assert {n: p for n, p in places.items() if len(p) > 1} == {}
