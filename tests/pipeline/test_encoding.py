"""Decoding Vietnamese bytes: Unicode forms, Windows-1258 and the legacy TCVN3 / VNI font encodings."""

from __future__ import annotations

import unicodedata

import pytest
from chitieu.pipeline.encoding import (
    DecodeError,
    decode_bytes,
    decode_bytes_counted,
    decode_text,
    encode_cp1258,
    encode_tcvn3,
    encode_vni,
    fix_legacy,
    tcvn3_to_unicode,
    vni_to_unicode,
)
from hypothesis import example, given, settings
from hypothesis import strategies as st

TEXT = (
    "Phấn đấu đến năm 2025, tỷ lệ hộ nghèo của tỉnh Quảng Ngãi giảm còn dưới 3%; "
    "Ủy ban nhân dân huyện Đức Phổ, ƯU TIÊN nguồn lực cho các xã đặc biệt khó khăn, "
    "người dân được hưởng lợi từ chương trình nước sạch."
)

WORDS = ["phấn", "đấu", "đến", "năm", "tỷ", "lệ", "hộ", "nghèo", "của", "tỉnh", "giảm", "còn", "dưới", "xã", "huyện", "người", "dân", "được", "hưởng", "nước", "sạch", "trường", "học", "ưu", "tiên", "khó", "khăn", "đặc", "biệt", "nguồn", "lực", "chương", "trình", "kế", "hoạch", "mục", "tiêu", "Đồng", "Tháp", "Quảng", "Ngãi", "Điện", "Biên", "Thừa", "Thiên", "Huế", "Bà", "Rịa", "thủ", "tục", "trực", "tuyến"]


@pytest.mark.parametrize(
    ("encode", "label"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: t.encode("utf-16-be"), "utf-16-be"),
        (encode_cp1258, "cp1258"),
        (encode_vni, "vni"),
    ],
)
def test_each_encoding_decodes_to_the_same_text(encode, label):
    text, found = decode_bytes(encode(TEXT))
    assert (text, found) == (TEXT, label)
    assert unicodedata.is_normalized("NFC", text)


def test_windows_1258_bytes_are_decomposed_and_composed_back():
    data = encode_cp1258("hộ nghèo")
    assert "\u0323".encode("cp1258") in data  # the dot below is a separate (combining) byte
    assert decode_bytes(data) == ("hộ nghèo", "cp1258")


def test_decomposed_unicode_is_kept_as_decoded():
    # Offsets point into the file as a reader decodes it; the normalize stage composes and maps back.
    decomposed = unicodedata.normalize("NFD", TEXT)
    assert decode_bytes(decomposed.encode("utf-8")) == (decomposed, "utf-8")


def test_tcvn3_bytes_are_converted_capital_toned_letters_become_small():
    # TCVN3 has no codes for capitals with a tone mark (fonts drew them with a capital typeface).
    text, label = decode_bytes(encode_tcvn3(TEXT))
    assert label == "tcvn3"
    assert text == TEXT.replace("Ủy", "ủy")


def test_legacy_glyphs_saved_as_unicode_are_converted():
    tcvn3_glyphs = encode_tcvn3(TEXT).decode("cp1252")  # what a converter without the font produced
    vni_glyphs = encode_vni(TEXT).decode("cp1252")
    assert fix_legacy(tcvn3_glyphs, "utf-8")[1] == "utf-8+tcvn3"
    assert decode_bytes(vni_glyphs.encode("utf-8")) == (TEXT, "utf-8+vni")
    assert decode_text(tcvn3_glyphs, "docx")[1] == "docx+tcvn3"


def test_real_unicode_with_latin_letters_is_left_alone():
    text = "Quán café ở Đà Lạt phục vụ món crème brûlée; tỷ lệ khách quay lại đạt 60%."
    assert fix_legacy(text, "utf-8") == (text, "utf-8")


def test_small_converters():
    assert tcvn3_to_unicode("Tû lÖ hé nghÌo") == "Tỷ lệ hộ nghèo"
    assert vni_to_unicode("Tyû leä hoä ngheøo") == "Tỷ lệ hộ nghèo"
    assert vni_to_unicode("ñöôøng") == "đường"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (bytes(range(0x80, 0x100)) * 8, "not UTF-8"),
        (b"\xef\xbb\xbfabc\xff\xfe", "invalid utf-8-sig"),
    ],
)
def test_bad_bytes_raise_a_one_line_error(data, reason):
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert reason in str(info.value) and "\n" not in str(info.value)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=6, max_size=40), st.sampled_from(["utf-16", "cp1258", "vni", "nfd"]))
@example(["sạch", "sạch", "sạch", "ưu", "Quảng", "Quảng"], "vni")  # reads as TCVN3 too, with tones on glides
def test_any_vietnamese_sentence_round_trips(words, encoding):
    text = " ".join(words) + "."
    data = {
        "utf-16": lambda: text.encode("utf-16"),
        "cp1258": lambda: encode_cp1258(text),
        "vni": lambda: encode_vni(text),
        "nfd": lambda: unicodedata.normalize("NFD", text).encode("utf-8"),
    }[encoding]()
    expected = unicodedata.normalize("NFD", text) if encoding == "nfd" else text
    assert decode_bytes(data)[0] == expected


@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]) | st.sampled_from("àáạăđươ\x01\x85\xa0\xa1ÿĀ"),
               max_size=60))
@settings(max_examples=300, deadline=None)
def test_latin1_counts_count_the_classes_they_name(text):
    import re

    from chitieu.pipeline.encoding import _latin1_counts, _more_beyond_than

    assert _latin1_counts(text) == (len(re.findall("[\u00a1-\u00ff]", text)),
                                    len(re.findall("[\x00-\x08\x0e-\x1f\x7f-\x9f]", text)))
    beyond = len(re.findall("[\u0100-\u01b0\u1ea0-\u1ef9]", text))
    for limit in (0, 1, beyond - 1, beyond, beyond + 1):
        assert _more_beyond_than(text, limit) == (beyond > limit)


UTF8 = TEXT.encode("utf-8")
CUT = "ư".encode()[:1]  # the first byte of a two-byte character, its second byte lost


@pytest.mark.parametrize(
    ("data", "bad", "expected"),
    [
        (UTF8.replace(b"2025", b"\x932025\x94"), 2, TEXT.replace("2025", "\ufffd2025\ufffd")),
        (UTF8.replace("người".encode(), b"ng" + CUT + "ời".encode()), 1, TEXT.replace("người", "ng\ufffdời")),
        # a three-byte character cut after two bytes: two replacement characters, one per byte
        (UTF8.replace("Phấn".encode(), b"Ph" + "ấ".encode()[:2] + b"n"), 2, TEXT.replace("Phấn", "Ph\ufffd\ufffdn")),
        (UTF8 + b"\xff\xfe\xfd", 3, TEXT + "\ufffd" * 3),
    ],
)
def test_utf8_with_a_few_bad_bytes_stays_utf8(data, bad, expected):
    assert decode_bytes_counted(data) == (expected, "utf-8", bad)
    assert decode_bytes(data) == (expected, "utf-8")


@pytest.mark.parametrize(("encode", "label"), [(encode_cp1258, "cp1258"), (encode_tcvn3, "tcvn3"), (encode_vni, "vni")])
@pytest.mark.parametrize("text", [TEXT, "Tỷ lệ hộ nghèo 3%", "Hà Nội"])
def test_legacy_encodings_still_win_with_strong_evidence(encode, label, text):
    assert decode_bytes_counted(encode(text))[1:] == (label, 0)


def test_plain_ascii_with_a_windows_quote_is_windows_text():
    # no valid UTF-8 character at all: nothing says UTF-8, the quote is a Windows-1252 quote
    assert decode_bytes_counted(b"Ty le \x93ho ngheo\x94 3%") == ("Ty le \u201cho ngheo\u201d 3%", "cp1258", 0)


def test_a_bom_with_a_stray_byte_is_still_utf8():
    assert decode_bytes_counted(b"\xef\xbb\xbf" + UTF8 + b"\x93") == (TEXT + "\ufffd", "utf-8-sig", 1)
