"""The sample corpus gold is internally consistent and covers every phenomenon of the annotation guide.

These tests check the gold files against the texts and against the rules of the guide; they never run
the extractor. Phenomena are recognised by rules on the surface, the fields and the surrounding text,
so adding a text or a row keeps the checks meaningful.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GOLD = CORPUS / "gold"

TARGET_COLUMNS = ["doc_id", "start", "end", "surface", "value", "value_high", "unit", "status", "measure",
                  "comparator", "year", "level", "place", "indicator", "keywords", "decision"]
REFERENCE_COLUMNS = ["doc_id", "start", "end", "surface", "canonical", "doc_type", "number", "year",
                     "type_code", "issuer_code", "issue_date"]

COMPARATORS = {"=", ">=", ">", "<=", "<", "~", "range"}
STATUSES = {"target", "actual"}
MEASURES = {"level", "increase"}
LEVELS = {"tinh", "huyen", "xa", ""}
DOC_TYPES = {"Quyết định", "Nghị quyết", "Nghị định", "Thông tư", "Kế hoạch", "Kết luận", "Chỉ thị", "Luật",
             "Công văn", "Thông báo"}

# the guide's comparator words, as they stand right before (or, for "trở lên", right after) the value
CUE_BEFORE = {"tối thiểu": ">=", "ít nhất": ">=", "không dưới": ">=", "trên": ">", "hơn": ">",
              "tối đa": "<=", "không quá": "<=", "dưới": "<", "khoảng": "~", "gần": "~"}
NUMBER_WORDS = {"mười": 10, "hai mươi": 20, "hai mươi lăm": 25, "ba mươi": 30, "bốn mươi": 40,
                "năm mươi": 50, "sáu mươi": 60, "bảy mươi": 70, "tám mươi": 80, "chín mươi": 90,
                "một trăm": 100}
LEVEL_WORDS = ("cấp tỉnh", "cấp huyện", "cấp xã", "sở, ban, ngành", "huyện, thị xã, thành phố",
               "xã, phường, thị trấn")


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


@cache
def text(doc_id: str) -> str:
    return (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")


@cache
def targets() -> list[dict]:
    return read_csv(GOLD / "targets.csv")[1]


@cache
def references() -> list[dict]:
    return read_csv(GOLD / "references.csv")[1]


def texts() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def before(row: dict, n: int = 20) -> str:
    """The normalized, lower-cased text just before the row's span."""
    return nfc(text(row["doc_id"])[max(0, int(row["start"]) - n):int(row["start"])]).lower()


def after(row: dict, n: int = 20) -> str:
    return nfc(text(row["doc_id"])[int(row["end"]):int(row["end"]) + n]).lower()


def paragraph(row: dict) -> str:
    t = text(row["doc_id"])
    s = t.rfind("\n", 0, int(row["start"])) + 1
    e = t.find("\n", int(row["end"]))
    return nfc(t[s:e if e >= 0 else len(t)])


def sentence(row: dict) -> str:
    """The sentence (or `;`-separated list item) around the row: the scope of a plain increase cue."""
    t = nfc(paragraph(row))
    para_start = text(row["doc_id"]).rfind("\n", 0, int(row["start"])) + 1
    pos = len(nfc(text(row["doc_id"])[para_start:int(row["start"])]))
    s = max(t.rfind(". ", 0, pos), t.rfind("; ", 0, pos)) + 1
    ends = [i for i in (t.find(". ", pos), t.find("; ", pos)) if i >= 0]
    return t[s:min(ends) if ends else len(t)]


def title(doc_id: str) -> str:
    return nfc(text(doc_id).splitlines()[0])


@cache
def home_place(doc_id: str) -> str:
    return Counter(r["place"] for r in targets() if r["doc_id"] == doc_id).most_common(1)[0][0]


def comparator_cue(row: dict) -> str | None:
    """The longest comparator word of the guide standing right before the value (`không dưới`, not `dưới`)."""
    found = [cue for cue in CUE_BEFORE if re.search(rf"(^|\s){cue}\s+$", before(row))]
    return max(found, key=len) if found else None


def parse_numbers(surface: str) -> list[float]:
    s = nfc(surface)
    words = [v for w, v in NUMBER_WORDS.items() if re.search(rf"\b{w} phần trăm", s)]
    if words:
        return [max(words)]
    return [float(x.replace(",", ".")) for x in re.findall(r"\d+(?:,\d+)?", s)]


# ------------------------------------------------------------------------------------------ the files


def test_corpus_has_at_least_ten_texts_of_the_agreed_length():
    paths = texts()
    assert len(paths) >= 10
    for p in paths:
        t = p.read_text(encoding="utf-8")
        assert 1500 <= len(t) <= 5000, (p.name, len(t))
        assert re.fullmatch(r"\d\d_[a-z0-9_]+\.txt", p.name), p.name


def test_gold_files_have_exactly_the_agreed_columns():
    assert read_csv(GOLD / "targets.csv")[0] == TARGET_COLUMNS
    assert read_csv(GOLD / "references.csv")[0] == REFERENCE_COLUMNS


@pytest.mark.parametrize("rows", [targets, references], ids=["targets", "references"])
def test_every_offset_slice_equals_the_surface_and_every_doc_has_a_file(rows):
    stems = {p.stem for p in texts()}
    for r in rows():
        assert r["doc_id"] in stems, r["doc_id"]
        start, end = int(r["start"]), int(r["end"])
        assert 0 <= start < end <= len(text(r["doc_id"]))
        assert text(r["doc_id"])[start:end] == r["surface"], r


def test_every_text_has_gold_rows_and_spans_do_not_overlap():
    for p in texts():
        spans = sorted((int(r["start"]), int(r["end"])) for r in targets() if r["doc_id"] == p.stem)
        assert spans, p.stem
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), p.stem


def test_every_percentage_mention_in_the_texts_has_exactly_one_gold_row():
    for p in texts():
        t = p.read_text(encoding="utf-8")
        rows = [r for r in targets() if r["doc_id"] == p.stem]
        marks = [m.start() for m in re.finditer("%", t)]
        marks += [m.start() for m in re.finditer(r"phần trăm", t)]
        marks += [m.start() for m in re.finditer(unicodedata.normalize("NFD", "phần trăm"), t)]
        for pos in marks:
            covering = [r for r in rows if int(r["start"]) <= pos < int(r["end"])]
            assert len(covering) == 1, (p.stem, t[max(0, pos - 30):pos + 3])


# ---------------------------------------------------------------------------------- field validity


def test_target_fields_take_the_values_the_guide_defines():
    for r in targets():
        assert r["unit"] == "percent"
        assert r["comparator"] in COMPARATORS, r
        assert r["status"] in STATUSES, r
        assert r["measure"] in MEASURES, r
        assert r["level"] in LEVELS, r
        assert r["place"] and not r["place"].lower().startswith(("tỉnh", "thành phố", "tp.")), r
        assert r["indicator"].strip(), r
        assert r["year"] == "" or re.fullmatch(r"(19|20)\d\d", r["year"]), r
        float(r["value"])


def test_values_agree_with_the_surface_and_ranges_have_an_upper_bound():
    for r in targets():
        numbers = parse_numbers(r["surface"])
        assert float(r["value"]) == numbers[0], r
        if r["comparator"] == "range":
            assert len(numbers) == 2 and float(r["value_high"]) == numbers[1] > numbers[0], r
        else:
            assert r["value_high"] == "" and len(numbers) == 1, r


def test_keywords_are_at_most_two_and_occur_in_the_indicator():
    for r in targets():
        kws = [k for k in r["keywords"].split("|") if k]
        assert 1 <= len(kws) <= 2, r
        for k in kws:
            assert nfc(k).casefold() in nfc(r["indicator"]).casefold(), (k, r["indicator"])


def test_decisions_are_references_of_the_same_document():
    for r in targets():
        if r["decision"]:
            canon = {x["canonical"] for x in references() if x["doc_id"] == r["doc_id"]}
            assert r["decision"] in canon, r


def test_reference_fields_split_the_symbol_consistently():
    for r in references():
        assert r["doc_type"] in DOC_TYPES, r
        surface = nfc(r["surface"])
        assert r["canonical"] in surface, r
        assert r["canonical"].startswith(r["number"]), r
        year = re.search(r"/((?:19|20)\d\d)/", r["canonical"])
        assert r["year"] == (year.group(1) if year else ""), r
        if r["type_code"]:
            assert re.search(rf"{r['type_code']}[-/]{r['issuer_code']}$", r["canonical"]), r
        assert r["canonical"].endswith(r["issuer_code"]), r
        if r["issue_date"]:
            dt.date.fromisoformat(r["issue_date"])


# ---------------------------------------------------------------------------- rule-level agreement


def test_comparator_cues_map_to_the_guides_symbols():
    for r in targets():
        if r["comparator"] == "range":
            continue
        cue = comparator_cue(r)
        if cue:
            assert r["comparator"] == CUE_BEFORE[cue], (cue, r)
        if after(r).lstrip().startswith("trở lên"):
            assert r["comparator"] == ">=", r


def test_increase_years_are_the_first_year_stated_with_tu_nam():
    for r in targets():
        m = re.search(r"từ năm (\d{4})", sentence(r), flags=re.IGNORECASE)
        if r["measure"] == "increase" and m:
            assert r["year"] == m.group(1), r


def test_level_words_in_a_parenthesised_value_set_the_level():
    for r in targets():
        t = text(r["doc_id"])
        if t[int(r["start"]) - 1] == "(" and t[int(r["end"])] == ")":
            head = nfc(t[max(0, int(r["start"]) - 12):int(r["start"])])
            expected = "huyen" if "huyện" in head else "xa" if "xã" in head else "tinh" if "tỉnh" in head else None
            if expected:
                assert r["level"] == expected, r


# --------------------------------------------------------------------------------- phenomena coverage

def _ellipsis(r: dict) -> bool:
    rows = [x for x in targets() if x["doc_id"] == r["doc_id"]]
    i = rows.index(r)
    return (i > 0 and before(r, 4).endswith("và ") and after(r, 9).startswith(" vào năm")
            and rows[i - 1]["indicator"] == r["indicator"])


def _shared_list(r: dict) -> bool:
    same = [x for x in targets() if x["doc_id"] == r["doc_id"] and x["indicator"] == r["indicator"]
            and x["status"] == r["status"] and x["year"] == r["year"] and x["level"]]
    return len({x["level"] for x in same}) >= 2 and r["level"] != ""


def _year_from_title(r: dict) -> bool:
    """The year is not in the row's paragraph and the last mention of it before the row is the title."""
    head = nfc(text(r["doc_id"])[:int(r["start"])])
    last = head.rfind(r["year"])
    return r["year"] not in paragraph(r) and 0 <= last < len(title(r["doc_id"]))


def _field_is(field: str, value: str):
    return lambda r: r[field] == value


def _cue_is(cue: str):
    return lambda r: comparator_cue(r) == cue


def _decimal_row(r: dict) -> bool:
    return bool(re.search(r"\d,\d", r["surface"]))


PHENOMENA = {
    "decimal comma": _decimal_row,
    "value below one": lambda r: float(r["value"]) < 1,
    "number words": lambda r: "phần trăm" in nfc(r["surface"]),
    "space before %": lambda r: bool(re.search(r"\d %", r["surface"])),
    "no-break space before %": lambda r: "\u00a0" in r["surface"],
    "thin space before %": lambda r: "\u2009" in r["surface"] or "\u202f" in r["surface"],
    "range từ … đến": lambda r: r["comparator"] == "range" and nfc(r["surface"]).startswith("từ"),
    "range with hyphen": lambda r: r["comparator"] == "range" and "-" in r["surface"],
    "range with en dash": lambda r: r["comparator"] == "range" and "–" in r["surface"],
    **{f"comparator {c}": _field_is("comparator", c) for c in (">=", ">", "<=", "<", "~", "=")},
    **{f"cue {cue}": _cue_is(cue) for cue in CUE_BEFORE},
    "cue từ … trở lên": lambda r: before(r).endswith("từ ") and after(r).lstrip().startswith("trở lên"),
    "deadline vào năm": lambda r: after(r, 9).startswith(" vào năm"),
    "deadline đến năm": lambda r: f"đến năm {r['year']}" in sentence(r) and r["status"] == "target",
    "year only from the title": lambda r: r["year"] != "" and _year_from_title(r),
    "level tinh": lambda r: r["level"] == "tinh",
    "level huyen": lambda r: r["level"] == "huyen",
    "level xa": lambda r: r["level"] == "xa",
    "level from các sở, ban, ngành": lambda r: r["level"] == "tinh" and "sở, ban, ngành" in r["indicator"],
    "level from các huyện, thị xã, thành phố": lambda r: r["level"] == "huyen" and "huyện, thị xã" in paragraph(r),
    "level from xã, phường, thị trấn": lambda r: r["level"] == "xa" and "xã, phường, thị trấn" in r["indicator"],
    "parenthesised level": lambda r: r["level"] != "" and text(r["doc_id"])[int(r["start"]) - 1] == "(",
    "several levels → empty": lambda r: r["level"] == "" and sum(w in r["indicator"] for w in LEVEL_WORDS) >= 2,
    "status target": lambda r: r["status"] == "target",
    "status actual": lambda r: r["status"] == "actual" and r["year"] != "",
    "actual with đến hết năm": lambda r: r["status"] == "actual" and "đến hết năm" in paragraph(r),
    "actual with trung bình đạt": lambda r: r["status"] == "actual" and before(r).endswith("trung bình đạt "),
    "increase": lambda r: r["measure"] == "increase",
    "increase from từ năm": lambda r: r["measure"] == "increase" and "từ năm" in sentence(r).lower(),
    "list sharing one predicate": _shared_list,
    "elliptical value": _ellipsis,
    "another province": lambda r: r["place"] not in (home_place(r["doc_id"]), "Việt Nam"),
    "national figure": lambda r: r["place"] == "Việt Nam",
    "decision from a footnote": lambda r: r["decision"] != "" and "Ghi chú:" in text(r["doc_id"]),
    "decision from a governing phrase": lambda r: r["decision"] != "" and "Ghi chú:" not in text(r["doc_id"]),
    "old tone placement in the text": lambda r: bool(re.search(r"o[áà]\b", nfc(text(r["doc_id"])))),
    "decomposed (NFD) text": lambda r: not unicodedata.is_normalized("NFC", text(r["doc_id"])),
}


@pytest.mark.parametrize("name", sorted(PHENOMENA))
def test_every_phenomenon_has_at_least_two_gold_rows(name):
    tagged = [r for r in targets() if PHENOMENA[name](r)]
    assert len(tagged) >= 2, name


REFERENCE_PHENOMENA = {
    "with số": lambda r: " số " in nfc(r["surface"]),
    "without số": lambda r: " số " not in nfc(r["surface"]),
    "abbreviated type": lambda r: nfc(r["surface"]).split()[0].isupper(),
    "date d/m/yyyy": lambda r: bool(re.search(r"ngày \d{1,2}/\d{1,2}/\d{4}$", r["surface"])),
    "date d-m-yyyy": lambda r: bool(re.search(r"ngày \d{1,2}-\d{1,2}-\d{4}$", r["surface"])),
    "date dd.mm.yyyy": lambda r: bool(re.search(r"ngày \d{1,2}\.\d{1,2}\.\d{4}$", r["surface"])),
    "date in words": lambda r: "tháng" in nfc(r["surface"]),
    "date before the reference": lambda r: r["issue_date"] != "" and "ngày" not in nfc(r["surface"]),
    "no date": lambda r: r["issue_date"] == "",
    "symbol with a year": lambda r: r["year"] != "",
    "symbol with a dash (Party)": lambda r: bool(re.search(r"\d-[A-Z]", r["canonical"])),
    "issuer without type code": lambda r: r["type_code"] == "",
    **{f"type {t}": _field_is("doc_type", t) for t in ("Quyết định", "Nghị quyết", "Nghị định", "Thông tư",
                                                       "Kế hoạch")},
}


@pytest.mark.parametrize("name", sorted(REFERENCE_PHENOMENA))
def test_every_reference_shape_has_at_least_one_gold_row(name):
    assert any(REFERENCE_PHENOMENA[name](r) for r in references()), name


def _outside_gold(doc_id: str, start: int, rows: list[dict]) -> bool:
    return not any(int(r["start"]) <= start < int(r["end"]) for r in rows if r["doc_id"] == doc_id)


@pytest.mark.parametrize("name,pattern", [
    ("thousands-dot numbers", r"\b\d{1,3}(?:\.\d{3})+\b(?![.,]?\d|\s?%)"),
    ("phone numbers", r"\b0\d{3}\.\d{4}\.\d{3}\b|\b1[89]00[\s\d]{4,9}\d\b"),
    ("ranks and 24/7", r"\b\d{1,2}/(?:63|34)\b|\b24/7\b"),
    ("4G/5G", r"\b4G/5G\b"),
    ("plain dates", r"\b\d{1,2}/\d{1,2}/\d{4}\b"),
])
def test_counter_examples_occur_and_stay_outside_the_gold(name, pattern):
    found = 0
    for p in texts():
        t = p.read_text(encoding="utf-8")
        for m in re.finditer(pattern, t):
            if name == "plain dates" and not _outside_gold(p.stem, m.start(), references()):
                continue
            found += 1
            assert _outside_gold(p.stem, m.start(), targets()), (name, p.stem, m.group())
            assert _outside_gold(p.stem, m.start(), references()), (name, p.stem, m.group())
    assert found >= 2, name
