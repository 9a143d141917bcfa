"""Every pattern of the legal-reference extractor, in one place (in the style of eyecite's ``regexes``).

The shapes, with what each named group captures (``references.py`` holds the logic):

==============================  ==========================================================
``4607/QĐ-UBND``                administrative: number / type code - issuer (- drafting unit)
``539/QĐ-UBND-HC``              … with the drafting unit
``4338/BTTTT-CĐSQG``            a letter (công văn): number / issuer - unit, no type code
``42/2022/NĐ-CP``               normative: number / year / type code - issuer
``55/2022/QH15``                normative without type code (laws, National Assembly resolutions)
``03/2020/TTLT-BTC-BNV``        joint: several issuers
``06-NQ/TU``, ``52-NQ/TW``      party: number - type code / issuer
``14/12/2021`` ``3-6-2020``     dates (one separator throughout), ``5 tháng 8 năm 2021``
``06.01.2022``
==============================  ==========================================================

Type names (``Quyết định``, ``Thông tư liên tịch`` …), their abbreviations (``QĐ``, ``NĐ``) and the
codes used inside symbols come from ``extractors/data/doc_types.csv``; the regexes are built from it
once, at import.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex
from chitieu.extractors import lexicon, scan

# ---------------------------------------------------------------------------
# Lexicon-derived alternations

DOC_TYPES: tuple[dict[str, str], ...] = lexicon.rows("doc_types.csv")
TYPE_NAMES: tuple[str, ...] = tuple(sorted((r["doc_type"] for r in DOC_TYPES), key=len, reverse=True))
ABBREVIATIONS: dict[str, str] = {
    a: r["doc_type"] for r in DOC_TYPES for a in r["abbreviations"].split("|") if a
}
#: type code inside a symbol → doc type (the first row listing it wins: ``TTr`` → Tờ trình)
TYPE_CODES: dict[str, str] = {}
#: party-document reading of a code where it differs (``TTr`` in ``12-TTr/TU`` is a Thông tri)
PARTY_TYPE_CODES: dict[str, str] = {}
for _row in DOC_TYPES:
    for _code in filter(None, _row["type_codes"].split("|")):
        TYPE_CODES.setdefault(_code, _row["doc_type"])
        if _row["kind"] == "party":
            PARTY_TYPE_CODES[_code] = _row["doc_type"]
DOC_TYPE_KIND: dict[str, str] = {r["doc_type"]: r["kind"] for r in DOC_TYPES}
#: a type named as a kind of another (``Chương trình hành động`` → ``Chương trình``)
KIND_OF: dict[str, str] = {r["doc_type"]: r["kind_of"] for r in DOC_TYPES if r.get("kind_of")}

#: types whose proper name may stand between the type and ``số`` whatever the symbol
#: (``Luật Đầu tư số 61/2020/QH14``); other types only when the symbol's type code agrees
NAMED_TYPES = ("Bộ luật", "Luật", "Pháp lệnh")
#: types whose symbols may carry no type code (``55/2022/QH15``: a law, or a resolution of the National
#: Assembly): named before such a symbol, even with words between (``Nghị quyết của Quốc hội số …``)
CODELESS_TYPES = (*NAMED_TYPES, "Nghị quyết", "Hiến pháp")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _spaced(name: str) -> str:
    """A multi-word name with any run of spaces between its words."""
    return r"\s+".join(re.escape(part) for part in name.split())


TYPE_ALT = "|".join(_spaced(n) for n in TYPE_NAMES)
#: the type names as a title writes them: title case or capitals (``LUẬT THỦ ĐÔ SỐ …``)
NAMED_TYPE_ALT = "|".join(_spaced(n) for n in (*TYPE_NAMES, *(n.upper() for n in TYPE_NAMES)))
ABBR_ALT = _alternation(ABBREVIATIONS)

# ---------------------------------------------------------------------------
# Symbols (case-sensitive: codes are upper case, with the odd lower-case letter: TTg, QĐi, CTr)

D_UPPER = "A-ZĐÐ"  # Ð (U+00D0) is a frequent stand-in for Đ in web text
#: a capital with a tone mark opens a mistyped code (``215/ỌĐ-TTg`` for ``215/QĐ-TTg``)
TYPO_UPPER = "ÀÁẢÃẠÂẦẤẨẪẬĂẰẮẲẴẶÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
#: Cyrillic capitals that look like Latin ones, typed into codes (``NĐ-СР``): read as those
HOMOGLYPHS = {"А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
              "Т": "T", "Х": "X"}
_CYR = "".join(HOMOGLYPHS)
_CODE = rf"[{D_UPPER}{TYPO_UPPER}{_CYR}][{D_UPPER}{_CYR}a-zđ0-9]{{0,11}}"
_HYPHEN = "[-‐‑]"
#: two codes are joined by a hyphen, as typed also with a space or a line break after it (``NĐ- CP``,
#: ``NQ-⏎HĐND``, from hard-wrapping) or a space before it (``NĐ -CP``): then two capitals follow
_GAP = r"[ \t\xa0]{1,4}|[ \t\xa0]{0,4}\n[ \t\xa0]{0,4}"
_TWO_CAPITALS = rf"(?=[{D_UPPER}{_CYR}]{{2}})"
_JOIN = rf"(?:{_HYPHEN}(?:{_GAP}){_TWO_CAPITALS}|[ \t\xa0]{_HYPHEN}{_TWO_CAPITALS}|{_HYPHEN})"
_CODES = rf"{_CODE}(?:{_JOIN}{_CODE})*"
_NUM = r"\d{1,5}"
_YEAR = r"(?:1[89]|20|21)\d\d"
#: a type code said in full (``QĐ``), as the typed-apart shapes need one
_TYPE_CODE = "(?:" + "|".join(re.escape(c) for c in sorted(TYPE_CODES, key=len, reverse=True)) + ")"

# The patterns scanned over whole documents are compiled with ``regex``: it finds their first
# characters 2-3x faster than ``re`` does behind a leading look-behind.
SYMBOL = regex.compile(
    rf"""(?<![\w/.,%+-])
    (?:
        (?P<p_num>{_NUM}){_HYPHEN}[ \t\xa0]?(?P<p_type>{_CODE})/(?P<p_issuer>{_CODES})   # 06-NQ/TU, 57- NQ/TW
      | (?P<n_num>{_NUM})[ \t\xa0]?/(?P<n_year>{_YEAR})/(?:[ \t\xa0]{_TWO_CAPITALS})?(?P<n_codes>{_CODES})
                                                                                       # 42/2022/NĐ-CP
      | (?P<t_num>{_NUM})[ \t\xa0]?/(?P<t_year>{_YEAR}){_HYPHEN}?(?P<t_codes>{_TYPE_CODE}{_JOIN}{_CODES})
                                                         # 255/2025-NĐ-CP, 49/2025TT-BCT: a slash mistyped
      | (?P<a_num>{_NUM})[ \t\xa0]?/(?P<a_codes>{_CODES})                                # 4607/QĐ-UBND, 4422 /QĐ-BVHTTDL
      | (?P<s_num>{_NUM})[ \t\xa0](?P<s_type>{_TYPE_CODE})/(?P<s_issuer>{_CODES})       # 2665 QĐ/UBND
    )
    (?:(?![\w/]|[-‐‑]\w)|(?=(?:của|ngày)(?!\w)))   # (a word typed on: …/QĐ-TTgcủa Thủ tướng)
    """,
    regex.VERBOSE | regex.V0,
)

#: where SYMBOL can match: every symbol has a ``/`` right before a code or a year (``4607/QĐ``,
#: ``2022/NĐ``, ``NQ/TU``, ``/2025-NĐ``), starts at most 20 characters before that ``/``
#: (``99999- ABCDEFGHIJKL/``) and ends with the code characters and joins that follow it (two more
#: are read for the pattern's look-ahead)
SYMBOL_WINDOWS = scan.Windows(
    re.compile(rf"/(?:{_YEAR}(?:{_HYPHEN}|/[ \t\xa0]?)?)?[{D_UPPER}{TYPO_UPPER}{_CYR}]"
               rf"(?:{_HYPHEN}[ \t\xa0]{{0,4}}\n?[ \t\xa0]{{0,4}}|[ \t\xa0]{_HYPHEN}|[A-ZĐÐ{TYPO_UPPER}{_CYR}a-zđ0-9\-‐‑])*"),
    before=5 + 2 + 12 + 1, after=2)

# What may stand right before a symbol (searched backwards on a short window ending at the symbol).
# ``Quyết định số ``, ``Nghị quyết ``, ``QĐ số ``, ``NĐ ``, ``số ``.
_SO = r"(?:[Ss][ốô]|SỐ)(?:\s*(?:hiệu)?\s*:)?"  # "sô": a slip of the keyboard
#: spaces, with at most one line break (a text that is not hard-wrapped as a whole may still have
#: a lead's words on two lines: ``Nghị định số⏎07/2021/NĐ-CP`` in a ``Căn cứ`` line) and the marks of
#: Markdown emphasis (``Nghị định số* *26/2018/NĐ-CP``, ``**số**⏎72/2025/QH15``)
_SP = r"[ \t\xa0*_]*(?:\n[ \t\xa0*_]*)?"
LEAD_PLAIN = re.compile(
    rf"(?<!\w)(?:(?i:(?P<type>{TYPE_ALT}))|(?P<abbr>{ABBR_ALT})){_SP}(?:(?P<so>{_SO}){_SP})?$"
)
#: a name between the type and ``số``: ``Luật Đầu tư số 61/2020/QH14``, ``Chương trình hành động số
#: 12-CTr/TU``, ``Luật Khoa học, công nghệ và đổi mới sáng tạo số``, ``Luật Cán bộ,⏎công chức số``
#: (title-case type: ``quyết định`` lower case is also a verb; in capitals, a name in capitals)
LEAD_NAMED = re.compile(
    rf"(?<!\w)(?P<type>{NAMED_TYPE_ALT})"
    rf"(?P<name>(?:,?(?:[ \t\xa0]+|[ \t\xa0]*\n[ \t\xa0]*)[^\W\d_]+){{1,16}}?)(?:[ \t\xa0*_]+|[ \t\xa0*_]*\n[ \t\xa0*_]*)(?P<so>{_SO}){_SP}$"
)
#: a name is plain when it has at most this many words, no comma and no line break
NAME_WORDS = 10
LEAD_SO = re.compile(rf"(?<!\w)(?P<so>{_SO}){_SP}$")
#: what stands between two symbols of one enumeration (``Luật số 43/2024/QH15, số 47/2024/QH15 và
#: số 58/2024/QH15``): the later ones are of the type written before the first
ENUMERATION_GAP = re.compile(r"[ \t\xa0]*(?:[,;][ \t\xa0]*(?:(?:và|hoặc)[ \t\xa0]+)?|(?:và|hoặc)[ \t\xa0]+)\n?[ \t\xa0]*")
LEAD_WINDOW = 160
#: the words a lead is written with (type names, abbreviations, ``số``, ``hiệu``; any case, even run
#: together: ``CVSố``), ``:`` and Markdown's emphasis marks
LEAD_WORD = re.compile(
    "(?:(?i:" + "|".join(sorted({w for n in TYPE_NAMES for w in n.split()} | set(ABBREVIATIONS) | {"số", "sô", "hiệu"},
                             key=len, reverse=True)) + ")|:|[*_])+"  # emphasis marks may touch a word: "động_"
)

# ---------------------------------------------------------------------------
# Dates

#: (a space typed around a separator: ``ngày 20/ 11 /2025``)
_DATE_NUMERIC = r"(?P<d>\d{1,2})[ \xa0]?(?P<sep>[/.-])[ \xa0]?(?P<m>\d{1,2})[ \xa0]?(?P=sep)[ \xa0]?(?P<y>\d{4})"
#: (``tháng`` typed for ``năm`` before a year, or the other way round before the month: ``ngày 15
#: tháng 9 tháng 2022``, ``ngày 27 năm 12 năm 2019``)
#: (Markdown emphasis between the words: ``ngày 03 tháng 6** năm 2025``; a title in capitals: ``NGÀY 06 THÁNG 12 NĂM 2023``)
_DATE_WORDS = (r"(?P<d2>\d{1,2})[\s*_]+(?i:tháng|năm)[\s*_]+(?P<m2>\d{1,2})[\s*_]*,?[\s*_]+(?i:năm|tháng)[\s*_]+"
               r"(?P<y2>\d{4})")
_DATE_PARTIAL = r"(?P<d3>\d{1,2})(?P<sep3>[/.-])(?P<m3>\d{1,2})"  # no year: taken from the symbol's year
DATE = rf"(?:{_DATE_NUMERIC}|{_DATE_WORDS}|{_DATE_PARTIAL})(?:(?![\w/.-]\d|\w)|(?=của(?!\w)))"  # (…2025của)

#: a date right after a reference: ``ngày 14/12/2021``, ``, ban hành ngày 5 tháng 8 năm 2021``, ``(ngày 3-6-2020)``
#: (spaces here hold Markdown's emphasis marks too, ``ngày* *27/10/2025``, and a line break after ``ngày``;
#: ``ngày`` typed twice counts once)
_EM = r"[ \t\xa0*_]"
DATE_AFTER = re.compile(
    rf"(?P<lead>{_EM}*,?{_EM}*(?P<paren>\()?(?:(?:được[ \t\xa0]+)?(?:ban[ \t\xa0]+hành|ký|thông[ \t\xa0]+qua)[ \t\xa0]+)?)"
    rf"(?i:ngày)(?:{_EM}+|{_EM}*\n{_EM}*)(?:ngày{_EM}+)?{DATE}(?(paren)\))"
)
#: … and on the next line, in a text that is not hard-wrapped as a whole (a ``Căn cứ`` line, a table
#: cell), when it goes on in lower case and says who issued it: ``Nghị định số 06/2021/NĐ-CP⏎ngày 26
#: tháng 01 năm 2021 của Chính phủ`` (a line break in news ends what a reference reads otherwise)
DATE_AFTER_BREAK = re.compile(rf"{_EM}*\n{_EM}*ngày{_EM}+{DATE}(?={_EM}*\n?{_EM}*của(?!\w))")
#: a full date earlier in the sentence (``Ngày 19/10/2021, … ban hành Nghị quyết số 16-NQ/TU``)
DATE_BEFORE = re.compile(rf"(?<!\w)(?i:ngày)[ \t\xa0]+(?:{_DATE_NUMERIC}|{_DATE_WORDS})(?![\w/.-]\d|\w)")
#: a document's own number in its header (``Số: 95/KH-UBND``) and the place-and-date line beside it
#: (``Bắc Ninh, ngày 24⏎tháng 11 năm 2025``)
HEADER_NUMBER = re.compile(r"[*_]*(?i:số)[*_]*[ \t\xa0]*:")
HEADER_DATE = re.compile(rf",[ \t\xa0]*(?i:ngày)[\s*_]+(?:{_DATE_NUMERIC}|{_DATE_WORDS})(?![\w/.-]\d|\w)")
#: … only when an issuing verb stands right before the reference
ISSUING_VERB_BEFORE = re.compile(r"(?i:ban\s+hành|ký|thông\s+qua|phê\s+duyệt|ra)\s*$")

# ---------------------------------------------------------------------------
# Short forms (eyecite's "short cites"): ``Quyết định 539``, ``Nghị quyết số 06``, ``Quyết định này``

#: where a short form can start (each starts with this); its patterns are then matched there
SHORT_START = regex.compile(rf"(?<!\w)(?:{TYPE_ALT})[ \t\xa0]", regex.V0)
#: the same without the word boundary before, as ``re`` alternatives that open with a literal letter
#: (so that ``re`` skips ahead to one): where to try SHORT_START, found several times faster
SHORT_START_CANDIDATE = re.compile(
    "(?:" + "|".join(scan.first_letter_alternatives(scan.trie(scan.words(n) for n in TYPE_NAMES), None)) + ")"
    + r"[ \t\xa0]"
)
SHORT_NUMBER = regex.compile(
    rf"(?<!\w)(?P<type>{TYPE_ALT})[ \t\xa0]+(?:(?P<so>[Ss]ố)[ \t\xa0]+)?(?P<num>\d{{1,5}})(?![\w%‰]|[/.,:-]\d)",
    regex.V0,
)
#: words after a number that make it a quantity, not a document number (``Kế hoạch 5 năm``)
MEASURE_WORDS = re.compile(
    r"[ \t\xa0]+(?i:năm|tháng|ngày|tuần|quý|giờ|phút|lần|kỳ|bước|nội\s+dung|nhiệm\s+vụ|giải\s+pháp|mục\s+tiêu"
    r"|chỉ\s+tiêu|điểm|điều|khoản|chương|mục|tỉnh|huyện|xã|người|đơn\s+vị|dự\s+án|văn\s+bản|đề\s+án"
    r"|chương\s+trình|kế\s+hoạch|trụ\s+cột|lĩnh\s+vực|nhóm|cấp|tiêu\s+chí|triệu|tỷ|nghìn|ngàn|trăm)(?!\w)"
)
SHORT_DEMONSTRATIVE = regex.compile(
    rf"(?<!\w)(?P<type>{TYPE_ALT})[ \t\xa0]+(?P<dem>(?:nêu|nói|kể|đã\s+nêu|vừa\s+nêu)[ \t\xa0]+trên|này|trên|đó)(?!\w)",
    regex.V0,
)
#: after ``trên`` only these keep it a demonstrative (``Kế hoạch trên, …``) and not a preposition
#: (``Đề án trên địa bàn``)
AFTER_TREN = re.compile(
    r"\s*(?:[,.;:!?)\]”\"…]|$|\s*(?i:là|đã|được|sẽ|và|của|nhằm|đề\s+ra|đặt|với|có|cũng|thì|đều|quy\s+định"
    r"|xác\s+định|nêu|gồm|bao\s+gồm|để|mà|không|chưa|vẫn|tiếp\s+tục|giao|yêu\s+cầu)(?!\w))"
)

# ---------------------------------------------------------------------------
# Context

URL = re.compile(r"(?i:https?://|www\.)[^\s<>\"']+|[\w.-]+@[\w-]+\.[\w.-]+")
SENTENCE_END = regex.compile(r"[.!?…]+[\"”’)\]]*(?=\s)|\n", regex.V0)
# The same in ``re``, one alternative per first character so that ``re`` skips ahead to one; its
# space class is spelled out as regex's \s (Unicode White_Space), which ``re``'s \s is not quite.
_WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
SENTENCE_END_FAST = re.compile(
    "|".join(re.escape(c) + r"[.!?…]*[\"”’)\]]*(?=[" + _WHITE_SPACE + "])" for c in ".!?…") + r"|\n"
)


@lru_cache(maxsize=4)
def sentence_ends(text: str) -> tuple[int, ...]:
    """Where SENTENCE_END's matches end in ``text``, found once per text (references and the
    decision linker both need them for the same document)."""
    return tuple(m.end() for m in SENTENCE_END_FAST.finditer(text))

#: who issued it, said right after the reference (``… ngày 27/9/2019 của Bộ Chính trị``)
ISSUER_AFTER = re.compile(
    r"[ \t\xa0]*,?[ \t\xa0]*(?:của|do)[ \t\xa0]+(?P<body>Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư"
    r"|Ban\s+Chấp\s+hành\s+Trung\s+ương(?:\s+Đảng)?|Hội\s+nghị\s+Trung\s+ương)"
)
PROVINCE_UNIT = re.compile(r"(?i:tỉnh|thành\s+phố|tp\.?)\s*$")

#: old ↔ new tone placement, folded to one form (same length, so offsets are kept)
TONE_PAIRS = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
TONE_PAIRS.update({k[0].upper() + k[1]: v[0].upper() + v[1] for k, v in list(TONE_PAIRS.items())})
TONE_RE = re.compile("|".join(TONE_PAIRS))


def fold(text: str) -> str:
    """``Khánh Hoà`` → ``Khánh Hòa``, ``Ð`` → ``Đ``: one spelling to compare; the length is unchanged."""
    if "Ð" in text:  # (a plain replace: str.translate is slow on long non-ASCII text)
        text = text.replace("Ð", "Đ")
    return TONE_RE.sub(lambda m: TONE_PAIRS[m.group()], text)
