"""Numbers as Vietnamese writes them.

    >>> parse_number("97,83"), parse_number("1.829"), parse_number("0,5"), parse_number("1.234,5")
    (97.83, 1829.0, 0.5, 1234.5)
    >>> parse_number_words("hai mươi lăm"), parse_number_words("năm mươi")
    (25.0, 50.0)
    >>> [n.value for n in find_numbers("Đã công khai 1.829 thủ tục, đạt 97,83%.")]
    [1829.0, 97.83]
"""

from __future__ import annotations

from chitieu.extractors.patterns import NUMBER_RE

from chitieu.models import Number

_DIGITS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "nhăm": 5,
    "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}


def parse_number(surface: str) -> float:
    """Value of a written number: comma is the decimal mark; a dot before groups of three is a
    thousands separator, otherwise a decimal point (``97.83``)."""
    s = surface.strip()
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):  # 1.234,5
            return float(s.replace(".", "").replace(",", "."))
        return float(s.replace(",", ""))  # 1,234.5
    if "," in s:
        return float(s.replace(",", "."))
    if "." in s:
        head, *groups = s.split(".")
        if groups and all(len(g) == 3 for g in groups) and 1 <= len(head) <= 3 and head != "0":
            return float(s.replace(".", ""))
        return float(s)
    return float(s)


def parse_number_words(words: str) -> float | None:
    """Value of Vietnamese number words up to the hundreds, with ``phẩy`` decimals; None if not a number."""
    tokens = words.lower().split()
    if not tokens:
        return None
    if "phẩy" in tokens:
        i = tokens.index("phẩy")
        whole = parse_number_words(" ".join(tokens[:i]))
        frac = tokens[i + 1:]
        if whole is None or not frac or any(t not in _DIGITS for t in frac):
            return None
        return float(f"{int(whole)}." + "".join(str(_DIGITS[t]) for t in frac))
    total, current = 0, 0
    seen_digit = False
    for i, t in enumerate(tokens):
        if t in _DIGITS:
            if t in ("lăm", "nhăm") and i == 0:
                return None
            if i and tokens[i - 1] in _DIGITS:
                return None  # "năm năm mươi": two digit words in a row are two words, not a number
            current += _DIGITS[t]
            seen_digit = True
        elif t == "mười":
            current += 10
            seen_digit = True
        elif t == "mươi":
            if current == 0:
                return None
            current = current * 10
        elif t == "trăm":
            total += (current or 1) * 100
            current = 0
            seen_digit = True
        elif t in ("linh", "lẻ"):
            continue
        elif t == "rưỡi":
            return float(total + current) + 0.5 if seen_digit else None
        else:
            return None
    return float(total + current) if seen_digit else None


def find_numbers(text: str) -> list[Number]:
    """Every digit number in ``text`` (not number words: those are only read before ``phần trăm``)."""
    out = []
    for m in NUMBER_RE.finditer(text):
        try:
            out.append(Number(m.start(), m.end(), m.group(), parse_number(m.group())))
        except ValueError:
            continue
    return out
