"""Document symbols, dates and issuers: the parts of a reference (:mod:`chitieu.extractors.references`
finds the references; this module says what a symbol, a date and an issuer code are).

    >>> parse_symbol("4607/QĐ-UBND")["type_code"], canonical_symbol("1055/QD-UBND")
    ('QĐ', '1055/QĐ-UBND')
    >>> parse_date("14", "12", "2021"), issuer_name("UBND", "Khánh Hòa")
    (('2021-12-14', True), 'Ủy ban nhân dân tỉnh Khánh Hòa')
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

from chitieu.extractors import lexicon, scan
from chitieu.extractors import reference_patterns as P

# ---------------------------------------------------------------------------
# Lexicons


@cache
def _issuers() -> dict[str, dict[str, str]]:
    return {P.fold(r["code"]): r for r in lexicon.rows("issuers.csv")}


@cache
def _provinces() -> tuple[re.Pattern[str] | None, dict[str, tuple[str, str]]]:
    """A regex of every province name and alias (folded spelling) and ``{folded: (name, kind)}``."""
    try:
        rows = lexicon.rows("provinces.csv")
    except (FileNotFoundError, OSError):
        return None, {}
    names: dict[str, tuple[str, str]] = {}
    for r in rows:
        if r.get("kind") == "quoc_gia":
            continue
        for spelling in [r["name"], *filter(None, (r.get("aliases") or "").split("|"))]:
            names[P.fold(spelling)] = (r["name"], r.get("kind", "tinh"))
    if not names:
        return None, {}
    # Scanned over whole texts as they are (not folded first): every spelling that folds to a name, as
    # a trie of words in ``re`` (several times faster here).
    spellings = {v for n in names for v in _unfolded(n)}
    alt = scan.trie_regex((scan.words(v, sep=" ") for v in spellings), not_after=r"\w")
    return re.compile(rf"{alt}(?!\w)"), names


_UNFOLD = {folded: plain for plain, folded in P.TONE_PAIRS.items()}


def _unfolded(name: str) -> set[str]:
    """Every spelling ``P.fold`` turns into ``name`` (``Khánh Hòa`` ← ``Khánh Hoà``, ``Đ`` ← ``Ð``)."""
    out = {""}
    i = 0
    while i < len(name):
        pair = name[i:i + 2]
        if pair in _UNFOLD:
            out = {o + alt for o in out for alt in (pair, _UNFOLD[pair])}
            i += 2
            continue
        out = {o + alt for o in out for alt in ((name[i], "Ð") if name[i] == "Đ" else (name[i],))}
        i += 1
    return {o for o in out if P.fold(o) == name}


def _type_name(surface: str) -> str:
    """``quyết  định`` → ``Quyết định`` (the lexicon's spelling)."""
    return _TYPE_NAME_KEYS.get(" ".join(surface.split()).casefold(), surface)


# the first name of TYPE_NAMES with each folded spelling (one look-up, not a loop over every name)
_TYPE_NAME_KEYS: dict[str, str] = {}
for _name in P.TYPE_NAMES:
    _TYPE_NAME_KEYS.setdefault(_name.casefold(), _name)


_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _known_issuer(code: str) -> bool:
    return P.fold(code) in _issuers() or re.fullmatch(r"(?:UBTV)?QH\d{1,2}", P.fold(code)) is not None


def is_central_issuer(code: str) -> bool:
    """Whether a symbol's issuer code names a central body (``QH15``, ``TTg``, ``BTC``), not a province's.

        >>> is_central_issuer("QH15"), is_central_issuer("TTg"), is_central_issuer("UBND"), is_central_issuer("XYZ")
        (True, True, False, False)
    """
    key = P.fold(code)
    row = _issuers().get(key)
    if row is None:
        return re.fullmatch(r"(?:UBTV)?QH\d{1,2}", key) is not None
    return row.get("scope", "central") == "central"


def is_central_symbol(symbol: str) -> bool:
    """Whether every issuer code of a symbol names a central body (``30/2024/TT-BGDĐT``, ``198/2025/QH15``).

        >>> is_central_symbol("30/2024/TT-BGDĐT"), is_central_symbol("95/KH-UBND"), is_central_symbol("")
        (True, False, False)
    """
    codes = parse_symbol(symbol).get("issuer_codes") or [] if symbol else []
    return bool(codes) and all(is_central_issuer(c) for c in codes)


def issuer_name(code: str, province: str = "", province_kind: str = "tinh") -> str:
    """Full name of an issuing body: ``TTg`` → Thủ tướng Chính phủ; ``UBND`` with province ``Khánh Hòa``
    → Ủy ban nhân dân tỉnh Khánh Hòa; ``TU`` with ``Hà Nội`` (a city) → Thành ủy Hà Nội; ``QH14`` →
    Quốc hội khóa XIV. Empty for an unknown code."""
    key = P.fold(code)
    row = _issuers().get(key)
    if row is None:
        m = re.fullmatch(r"(UBTV)?QH(\d{1,2})", key)
        if not m:
            return ""
        body = "Ủy ban Thường vụ Quốc hội" if m.group(1) else "Quốc hội"
        return f"{body} khóa {_roman(int(m.group(2)))}"
    name, scope = row["name"], row.get("scope", "central")
    if not province or scope == "central":
        return name
    city = province_kind == "thanh_pho"
    if scope == "provincial_party":
        return f"{row.get('city_name') or name if city else name} {province}"
    return f"{name} {'thành phố' if city else 'tỉnh'} {province}"


# ---------------------------------------------------------------------------
# Symbols and dates


#: the last code of a party body (a party symbol is ``N-TYPE/ISSUER``: ``06-NQ/TU``)
_PARTY_ISSUER = re.compile(r"(?:TW|TU|HU|ĐU|QU|ĐĐ|BCSĐ)$")


def _joined(codes: str) -> str:
    """Codes with the gaps around their hyphens taken out and Cyrillic look-alikes read as Latin."""
    codes = re.sub(rf"\s*({P._HYPHEN})\s*", r"\1", codes)
    return "".join(P.HOMOGLYPHS.get(ch, ch) for ch in codes)


@lru_cache(maxsize=65536)  # symbols repeat across a corpus: each is put in standard form once
def standard_symbol(symbol: str) -> str:
    """A symbol as typed, with its parts in their standard places: no gap around a hyphen or slash
    (``272/2025/NĐ- CP``, ``27/NQ-⏎TW``, ``4422 /QĐ-BVHTTDL``), the slash after a year that a hyphen
    stands for or that is missing (``255/2025-NĐ-CP``, ``49/2025TT-BCT``), a space that stands for the
    first separator (``2665 QĐ/UBND``: ``2665/QĐ-UBND``, a party body's ``57 NQ/TW``: ``57-NQ/TW``),
    Cyrillic look-alike capitals read as Latin (``NĐ-СР``). Anything else is returned as it is.

        >>> standard_symbol("272/2025/NĐ- CP"), standard_symbol("2665 QĐ/UBND"), standard_symbol("255/2025-NĐ-CP")
        ('272/2025/NĐ-CP', '2665/QĐ-UBND', '255/2025/NĐ-CP')
    """
    m = P.SYMBOL.fullmatch(symbol)
    if m is None:
        return symbol
    if m.group("p_num"):
        return f"{m.group('p_num')}-{_joined(m.group('p_type'))}/{_joined(m.group('p_issuer'))}"
    if m.group("n_num"):
        return f"{m.group('n_num')}/{m.group('n_year')}/{_joined(m.group('n_codes'))}"
    if m.group("t_num"):
        return f"{m.group('t_num')}/{m.group('t_year')}/{_joined(m.group('t_codes'))}"
    if m.group("a_num"):
        return f"{m.group('a_num')}/{_joined(m.group('a_codes'))}"
    issuer = _joined(m.group("s_issuer"))
    if _PARTY_ISSUER.search(re.split(P._HYPHEN, P.fold(issuer))[-1]):
        return f"{m.group('s_num')}-{m.group('s_type')}/{issuer}"
    return f"{m.group('s_num')}/{m.group('s_type')}-{issuer}"


def parse_symbol(symbol: str) -> dict:
    """Split a symbol: ``42/2022/NĐ-CP`` → number 42, year 2022, type_code NĐ, issuer_code CP (a symbol
    as typed is read in its standard form, :func:`standard_symbol`).

    Keys: number, year, type_code, issuer_codes (list), shape (party|normative|administrative), flags.
    ``None`` when the string is not a symbol.
    """
    m = P.SYMBOL.fullmatch(standard_symbol(symbol))
    if m is None:
        return {}
    flags: list[str] = []
    year = None
    if m.group("p_num"):
        number, shape = m.group("p_num"), "party"
        type_code = P.fold(m.group("p_type"))
        issuers = [P.fold(c) for c in re.split(P._HYPHEN, m.group("p_issuer"))]
        if type_code not in P.TYPE_CODES:
            flags.append("unknown_type_code")
    else:
        if m.group("n_num"):
            number, shape, year = m.group("n_num"), "normative", int(m.group("n_year"))
            codes = m.group("n_codes")
        else:
            number, shape, codes = m.group("a_num"), "administrative", m.group("a_codes")
        parts = [P.fold(c) for c in re.split(P._HYPHEN, codes)]
        if parts[0] in P.TYPE_CODES:
            type_code, issuers = parts[0], parts[1:]
        elif _known_issuer(parts[0]) or len(parts) == 1:
            type_code, issuers = "", parts
        else:  # something stands in the type slot, before a second code: an unknown type code
            type_code, issuers = parts[0], parts[1:]
            flags.append("unknown_type_code")
        if year is not None and not 1945 <= year <= dt.date.today().year + 1:
            flags.append("bad_year")
    joint = type_code in ("TTLT", "NQLT")
    if not joint:
        issuers = issuers[:1]  # what follows the issuer is the drafting unit (539/QĐ-UBND-HC)
    if issuers and not all(_known_issuer(c) for c in issuers):
        flags.append("unknown_issuer")
    return {
        "number": number,
        "year": year,
        "type_code": type_code,
        "issuer_codes": issuers,
        "shape": shape,
        "flags": flags,
    }


def parse_date(day: str, month: str, year: str | int) -> tuple[str, bool]:
    """``('3', '6', '2020')`` → ``('2020-06-03', True)``; an impossible date → ``('', False)``."""
    try:
        d = dt.date(int(year), int(month), int(day))
    except (ValueError, TypeError):
        return "", False
    if not 1945 <= d.year <= 2100:
        return "", False
    return d.isoformat(), True


def _plain(code: str) -> str:
    """What a mistyped code and the code it stands for share: no tone marks, ``D`` for ``Đ``, upper
    case (``ỌĐ`` → ``OD``, ``QD`` and ``QĐ`` → ``QD``)."""
    return "".join("D" if ch in "ĐđÐ" else unicodedata.normalize("NFD", ch)[0].upper() for ch in code)


@cache
def _codes_by_plain() -> dict[str, tuple[str, ...]]:
    """``{plain form: known codes}`` of every type code and issuer code."""
    out: dict[str, list[str]] = {}
    for code in [*P.TYPE_CODES, *(r["code"] for r in lexicon.rows("issuers.csv"))]:
        out.setdefault(_plain(code), []).append(P.fold(code))
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def _one_off(a: str, b: str) -> bool:
    """Same length, one letter different."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


@lru_cache(maxsize=65536)
def _unjoined(code: str) -> list[str]:
    """A type code and an issuer code typed without their hyphen, split apart (``NĐCP`` → ``NĐ``, ``-``,
    ``CP``) when exactly one split gives two known codes; else the code as it is.

        >>> _unjoined("NĐCP"), _unjoined("TTBTC"), _unjoined("UBND")
        (['NĐ', '-', 'CP'], ['TT', '-', 'BTC'], ['UBND'])
    """
    if code in P.TYPE_CODES or _known_issuer(code):
        return [code]
    splits = [(code[:i], code[i:]) for i in range(1, len(code)) if code[:i] in P.TYPE_CODES and _known_issuer(code[i:])]
    return [splits[0][0], "-", splits[0][1]] if len(splits) == 1 else [code]


def canonical_symbol(symbol: str, doc_type: str = "") -> str:
    """The canonical symbol: one spelling (``Ð`` → ``Đ``, one tone placement) and a mistyped code
    corrected to the code it stands for: a code known but for its ``Đ`` or tone marks (``QD`` → ``QĐ``,
    ``HDND`` → ``HĐND``), or in the type slot, a code with a tone mark no code has, the one code of the
    written ``doc_type`` a letter away (``Quyết định sô 215/ỌĐ-TTg`` → ``215/QĐ-TTg``), or a type code
    and an issuer code typed without their hyphen (``193/2025/NĐCP`` → ``193/2025/NĐ-CP``).

        >>> canonical_symbol("1055/QD-UBND"), canonical_symbol("215/ỌĐ-TTg", "Quyết định")
        ('1055/QĐ-UBND', '215/QĐ-TTg')
    """
    folded = P.fold(standard_symbol(symbol))
    m = P.SYMBOL.fullmatch(folded)
    if m is None:
        return folded
    group = next(g for g in ("p_type", "n_codes", "a_codes") if m.group(g))
    start, end = m.span(group)
    parts = re.split(f"({P._HYPHEN})", folded[start:end])
    if len(parts) == 1 and group != "p_type":
        parts = _unjoined(parts[0])  # "193/2025/NĐCP" → "193/2025/NĐ-CP"
    known = _codes_by_plain()
    for k in range(0, len(parts), 2):
        code = parts[k]
        if code in P.TYPE_CODES or _known_issuer(code):
            continue
        same = known.get(_plain(code), ())
        if len(same) == 1:
            parts[k] = same[0]
        elif k == 0 and doc_type and any(ch in P.TYPO_UPPER for ch in code):
            near = [c for c, t in P.TYPE_CODES.items() if t == doc_type and _one_off(_plain(c), _plain(code))]
            if len(near) == 1:
                parts[k] = near[0]
    return folded[:start] + "".join(parts) + folded[end:]


def _date_of(m: re.Match[str], symbol_year: int | None) -> tuple[str, bool] | None:
    """The ISO date of a DATE match; None for a day/month without year and no symbol year."""
    g = m.groupdict()
    if g.get("y"):
        return parse_date(g["d"], g["m"], g["y"])
    if g.get("y2"):
        return parse_date(g["d2"], g["m2"], g["y2"])
    if g.get("d3") and symbol_year:
        return parse_date(g["d3"], g["m3"], symbol_year)
    return None


def _flags(*groups: Iterable[str]) -> str:
    seen: list[str] = []
    for group in groups:
        for f in group:
            if f and f not in seen:
                seen.append(f)
    return "|".join(seen)
