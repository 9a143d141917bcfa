"""What a claim says: its tuple, parsed by the pipeline's own stages, also from text typed without diacritics.

People type claims as they type messages: ``Hai Duong dat muc tieu den nam 2025``. Before the
claim goes through :func:`chitieu.pipeline.run.assemble_targets`, the words that decide the
tuple are given back their diacritics by matching diacritic-free forms: the gazetteer
(``provinces.csv``, regions of ``place_words.csv``) and the words of years, periods, goals,
comparators, changes and levels (the extractors' word lists)::

    >>> restore("Hai Duong dat muc tieu den nam 2025 kinh te so chiem 40% GRDP")
    'Hải Dương đặt mục tiêu đến năm 2025 kinh te so chiếm 40% GRDP'

The indicator words stay as typed: :func:`bare` compares them with the rows' indicators
without diacritics. ``tháng 6/2023`` or ``quý 4/2021`` give the year when the stages leave it empty.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import regex

from chitieu.extractors.lexicon import rows
from chitieu.extractors.taxonomy import indicator_code


class ClaimError(ValueError):
    """A claim that cannot be checked at all (empty, or without a number): a usage error."""


def bare(text: str) -> str:
    """Lower case without diacritics (``đ`` → ``d``), one character per character.

    >>> bare("Hải Dương ĐẠT")
    'hai duong dat'
    """
    out = []
    for ch in text.lower():
        base = unicodedata.normalize("NFD", ch)[0]
        out.append("d" if base == "đ" else base)
    return "".join(out)


# Year, period and claim words the word lists do not hold (or hold only inside longer phrases).
_EXTRA_WORDS = (
    "năm", "đến", "tháng", "quý", "đầu năm", "cuối năm", "hết năm", "giai đoạn", "đạt", "mục tiêu", "phấn đấu",
    "chỉ tiêu", "kế hoạch", "tỉnh", "thành phố", "cả nước", "toàn tỉnh", "tỷ lệ", "tỉ lệ", "so với", "cùng kỳ",
    "trở lên", "trở xuống", "dự kiến", "ước", "ước tính", "chiếm", "tăng", "giảm", "ngày", "tính đến", "đã",
    "cấp tỉnh", "cấp huyện", "cấp xã", "vùng", "khoảng", "trên", "dưới", "từ", "ít nhất", "tối thiểu",
    "trong", "đầu", "cuối", "hết", "tại", "của", "quý I", "quý II", "quý III", "quý IV",
)
_WORD_LISTS = ("status_words", "comparators", "measure_words", "cues", "estimate_words")


@cache
def _forms() -> tuple[regex.Pattern[str], dict[str, str]]:
    """The diacritic-free form → restored phrase table, and one pattern matching any form (longest first)."""
    pairs: list[tuple[str, str]] = []  # (a spelling, what it is restored to)
    for row in rows("provinces.csv"):  # every spelling of a province gives its name ("Dak Lak", "Dăk Lăk")
        pairs += [(p, row["name"]) for p in (row["name"], *(a for a in row["aliases"].split("|") if a))]
    phrases = [r["phrase"] for r in rows("place_words.csv") if r["role"] in ("region", "national", "national_free")]
    for name in _WORD_LISTS:
        phrases += [r["phrase"] for r in rows(f"{name}.csv")]
    phrases += [r["phrase"] for r in rows("levels.csv") if r["phrase"].startswith("cấp ")]
    phrases += _EXTRA_WORDS
    pairs += [(p, p) for p in phrases]
    table: dict[str, str] = {}
    ambiguous: set[str] = set()
    for phrase, restored in pairs:
        key = bare(phrase)
        if key == restored.lower() or key in ambiguous:
            continue  # nothing to restore, or already known to be ambiguous
        if key in table and table[key] != restored:
            ambiguous.add(key)
            table.pop(key)
            continue
        table[key] = restored
    keys = sorted(table, key=len, reverse=True)
    pattern = regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(regex.escape(k) for k in keys) + r")(?![\p{L}\p{N}])",
                            regex.IGNORECASE)
    return pattern, table


_LETTERS = regex.compile(r"\p{L}+")


def typed_plain(text: str) -> bool:
    """The text was typed without diacritics: fewer than a quarter of its words carry one.

    >>> typed_plain("Hai Duong dat muc tieu 20%"), typed_plain("tỷ lệ hộ nghèo chung toàn tỉnh")
    (True, False)
    """
    words = _LETTERS.findall(text)
    marked = sum(bare(w) != w.lower() for w in words)
    return bool(words) and marked < 0.25 * len(words)


def restore(text: str) -> str:
    """``text`` with the diacritics of its place, year, period and claim words given back.

    Only a text typed without diacritics (:func:`typed_plain`) changes, and only its stretches
    typed wholly without them; indicator words stay as typed. A text typed with diacritics keeps
    its plain words (``chung`` stays ``chung``)::

        >>> restore("tỷ lệ hộ nghèo chung toàn tỉnh còn 3%")
        'tỷ lệ hộ nghèo chung toàn tỉnh còn 3%'
    """
    if not typed_plain(text):
        return text
    pattern, table = _forms()
    out, last = [], 0
    for m in pattern.finditer(bare(text)):  # same length as ``text``: offsets carry over
        typed = text[m.start():m.end()]
        if bare(typed) != typed.lower():
            continue  # the user typed diacritics here: keep them
        phrase = table[m.group(0).lower()]
        if typed[:1].isupper():
            phrase = phrase[:1].upper() + phrase[1:]
        out += [text[last:m.start()], phrase]
        last = m.end()
    out.append(text[last:])
    return "".join(out)


@dataclass
class Claim:
    """The tuple a claim states (empty / None where it does not say)."""

    text: str
    place: str = ""
    level: str = ""
    year: int | None = None
    period: str = ""
    value: float | None = None
    value_high: float | None = None
    comparator: str = "="
    status: str = ""
    measure: str = ""
    indicator: str = ""
    indicator_code: str = ""
    place_kind: str = ""
    plain: bool = False  # typed without diacritics: its words are compared without them
    status_said: bool = True  # a goal or result word says the status; False: read from the year alone

    def __post_init__(self) -> None:
        if not self.indicator_code and self.indicator:
            self.indicator_code = indicator_code(self.indicator)
        if self.level not in ("tinh", "huyen", "xa"):
            self.level = ""
