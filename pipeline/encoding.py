"""Decode the bytes of a Vietnamese text file: UTF-8/16, Windows-1258 and the legacy font encodings.

Vietnamese files come in many encodings: UTF-8 with or without BOM, UTF-16 (Windows "Unicode"),
Windows-1258 (whose tone marks are *combining* characters: decode, then NFC), decomposed Unicode,
and text typed with the pre-Unicode font encodings TCVN3 (ABC, ``.VnTime``) and VNI (``VNI-Times``),
either as raw 8-bit bytes or already converted to Unicode glyph by glyph (``Hµ Néi`` for ``Hà Nội``).
:func:`decode_bytes` finds which one a file uses by trying each candidate and keeping the decoding
that reads most like Vietnamese. Unicode files keep their text as decoded (decomposed text stays
decomposed: the normalize stage composes it and maps offsets back); decodings that build the text
(Windows-1258, TCVN3, VNI) return it composed (NFC). That text is what offsets point into.

    >>> decode_bytes(encode_cp1258("Hà Nội phấn đấu"))
    ('Hà Nội phấn đấu', 'cp1258')
    >>> decode_bytes("Hµ Néi ®Æt môc tiªu".encode("latin-1"))
    ('Hà Nội đặt mục tiêu', 'tcvn3')

The byte tables are data files: ``pipeline/data/tcvn3.tsv`` and ``pipeline/data/vni.tsv``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from itertools import islice
from pathlib import Path

import regex

DATA_DIR = Path(__file__).parent / "data"

# Very frequent Vietnamese words: a decoding that produces many of them is the right one.
COMMON_WORDS = frozenset(
    ["và", "của", "các", "có", "được", "cho", "trong", "năm", "người", "là", "với", "không", "đã", "này", "những", "một", "đến", "theo", "tỉnh", "huyện", "xã", "tại", "về", "từ", "để", "khi", "phát", "triển", "kinh", "tế", "xã", "hội", "đạt", "tỷ", "lệ", "mục", "tiêu", "đồng", "thời", "cũng", "như", "nhiều", "hơn", "việc", "công", "tác", "nhà", "nước", "dân", "ra", "sẽ", "đang", "thực", "hiện", "chỉ", "tiêu", "trên", "dưới", "sau", "trước", "quản", "lý", "số", "phấn", "đấu", "giai", "đoạn", "kế", "hoạch", "nghị", "quyết", "quyết", "định", "toàn", "bộ", "cùng", "nhưng", "vào", "làm", "tăng", "giảm", "ngày", "tháng", "đồng", "chí", "ban", "chấp", "hành", "ủy", "nhân", "dân", "thành", "phố"]
)
_WORD = regex.compile(r"\p{L}+")
_SAMPLE = 20_000
# Letters only Vietnamese Unicode has (ă đ ơ ư ạ ả …); ``re`` counts a plain class faster than ``regex``.
_BEYOND_LATIN1 = re.compile("[\u0100-\u01b0\u1ea0-\u1ef9]")
# Latin-1 letters and signs (U+00A1–U+00FF) and control characters, counted on the Latin-1 bytes of
# a text (C speed, no match objects).
_NOT_LATIN1_LETTER = bytes(range(0xA1))
_NOT_CONTROL = bytes(b for b in range(256) if not (b <= 0x08 or 0x0E <= b <= 0x1F or 0x7F <= b <= 0x9F))


def _latin1_counts(sample: str) -> tuple[int, int]:
    """How many characters of ``sample`` are Latin-1 letters and signs (U+00A1–U+00FF), and how many
    are control characters (U+0000–U+0008, U+000E–U+001F, U+007F–U+009F)."""
    latin = sample.encode("latin-1", "ignore")
    return len(latin.translate(None, _NOT_LATIN1_LETTER)), len(latin.translate(None, _NOT_CONTROL))


def _more_beyond_than(sample: str, limit: int) -> bool:
    """Whether ``sample`` has more than ``limit`` letters beyond Latin-1 (stops counting there)."""
    if limit < 0:
        return True
    return next(islice(_BEYOND_LATIN1.finditer(sample), limit, None), None) is not None


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_VOWELS = "aăâeêioôơuưy"
_LETTERS = frozenset(
    "bcdđghklmnpqrstvxfjwz"
    + "".join(unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in ("", *_TONES))
)


_NUCLEI = (  # noqa: SIM905 (vowel groups read better as one string)
    "iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi "
    "ơi ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê a ă â e ê i o ô ơ u ư y"
).split()
_SYLLABLE = regex.compile(
    r"(?:ngh|ng|gh|nh|ch|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvxfjwz])?"
    rf"(?:{'|'.join(_NUCLEI)})"
    r"(?:ch|nh|ng|[cmnpt])?"
)
_STRIP_TONES = str.maketrans("", "", "\u0300\u0301\u0303\u0309\u0323")


def _syllable_ok(word: str) -> bool:
    """A well-formed Vietnamese syllable: onset, vowel nucleus, coda, at most one tone mark.

    ``nghèo`` and ``trường`` yes; ``nụũi`` (two tones), ``hoọ``, ``coứn`` (no such vowels) no.
    """
    toned = 0
    for c in word:
        if c not in _LETTERS:
            return False
        if c in _TONED:
            toned += 1
    if toned > 1:
        return False
    bare = unicodedata.normalize("NFC", unicodedata.normalize("NFD", word).translate(_STRIP_TONES))
    return _SYLLABLE.fullmatch(bare) is not None


_TONED = frozenset(unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES)


class DecodeError(ValueError):
    """Bytes that are not text in any encoding chitieu knows (the message is one line)."""


def vietnamese_score(text: str) -> float:
    """Share of the words of (the start of) ``text`` that are very common Vietnamese words.

    >>> vietnamese_score("Tỷ lệ hộ nghèo của tỉnh giảm") > vietnamese_score("Tû lÖ hé nghÌo")
    True
    """
    words = _WORD.findall(unicodedata.normalize("NFC", text[:_SAMPLE]).lower())
    if not words:
        return 0.0
    common = sum(w in COMMON_WORDS for w in words) / len(words)
    return common + 0.01 * sum(map(_syllable_ok, words)) / len(words)


@lru_cache(maxsize=1)
def _tcvn3_table() -> dict[int, str]:
    """Code point (the byte as Latin-1) → Unicode, for bytes 0xA1–0xFF."""
    table: dict[int, str] = {}
    for line in (DATA_DIR / "tcvn3.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("byte\t") or not line.strip():
            continue
        byte, char = line.split("\t")[:2]
        table[int(byte, 16)] = char
    return table


@lru_cache(maxsize=1)
def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(marks: char → combining sequence, letters: char → letter)."""
    marks: dict[str, str] = {}
    letters: dict[str, str] = {}
    for line in (DATA_DIR / "vni.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("char\t") or not line.strip():
            continue
        char, kind, value = line.split("\t")[:3]
        (marks if kind == "mark" else letters)[char] = value
    return marks, letters


_VNI_BASES = frozenset("aeiouyAEIOUYơưƠƯ")


def tcvn3_to_unicode(text: str) -> str:
    """Text typed in a TCVN3 (ABC) font, one character per byte (as Latin-1), to Unicode NFC.

    >>> tcvn3_to_unicode("Tû lÖ hé nghÌo")
    'Tỷ lệ hộ nghèo'
    """
    return unicodedata.normalize("NFC", text.translate(_tcvn3_table()))


def vni_to_unicode(text: str) -> str:
    """Text typed in a VNI font (Windows-1252 characters) to Unicode NFC.

    >>> vni_to_unicode("Tyû leä hoä ngheøo")
    'Tỷ lệ hộ nghèo'
    """
    marks, letters = _vni_tables()
    out: list[str] = []
    for ch in text:
        if ch in marks and out and out[-1] and out[-1][-1] in _VNI_BASES:
            out[-1] = out[-1] + marks[ch]
        else:
            out.append(letters.get(ch, ch))
    return unicodedata.normalize("NFC", "".join(out))


def _bytes_to_tcvn3(data: bytes) -> str:
    # Bytes 0x80–0xA0 are Windows-1252 punctuation (curly quotes, dashes) in TCVN3 documents.
    head = data.decode("cp1252", errors="replace") if any(0x80 <= b <= 0x9F for b in data) else None
    text = data.decode("latin-1")
    if head is not None:
        text = "".join(h if 0x80 <= ord(c) <= 0x9F else c for c, h in zip(text, head, strict=True))
    return tcvn3_to_unicode(text)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if not sample or len(sample) % 2:
        return None
    if odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        codec = "utf-16-le"
    elif even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        return None


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    return _latin1_counts(sample)[1] / len(sample)


def fix_legacy(text: str, encoding: str) -> tuple[str, str]:
    """Unicode text that is really TCVN3/VNI glyphs (``Hµ Néi``) converted, with the label extended.

    >>> fix_legacy("Hµ Néi ®Æt môc tiªu", "utf-8")
    ('Hà Nội đặt mục tiêu', 'utf-8+tcvn3')
    >>> fix_legacy("Hà Nội đặt mục tiêu", "utf-8")
    ('Hà Nội đặt mục tiêu', 'utf-8')
    """
    sample = text[:_SAMPLE]
    latin1 = _latin1_counts(sample)[0]
    if not latin1:
        return text, encoding
    # Real Vietnamese Unicode uses letters beyond Latin-1 (ă đ ơ ư ạ ả …); legacy glyph text cannot.
    if _more_beyond_than(sample, latin1 // 4):
        return text, encoding
    sample = sample[:4000]
    base = vietnamese_score(sample)
    best = (base, text, encoding)
    for name, convert in (("tcvn3", tcvn3_to_unicode), ("vni", vni_to_unicode)):
        score = vietnamese_score(convert(sample))
        if score > max(0.08, 2 * base) and score > best[0]:
            best = (score, None, name)
    if best[1] is None:
        convert = tcvn3_to_unicode if best[2] == "tcvn3" else vni_to_unicode
        return convert(text), f"{encoding}+{best[2]}"
    return text, encoding


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The NFC text of a file's bytes and the label of the encoding it was decoded from.

    Labels: ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-16-le``/``-be`` (no BOM), ``cp1258``,
    ``tcvn3``, ``vni``; ``+tcvn3``/``+vni`` when Unicode text held legacy font glyphs. Raises :class:`DecodeError` with a one-line reason.

    >>> decode_bytes("\\ufeffTỷ lệ 80%".encode("utf-8"))
    ('Tỷ lệ 80%', 'utf-8-sig')
    """
    text, label, _ = decode_bytes_counted(data)
    return text, label


def _one_per_byte(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    return "\ufffd" * (exc.end - exc.start), exc.end


codecs.register_error("chitieu-one-per-byte", _one_per_byte)


def _lenient_utf8(data: bytes) -> tuple[str, int, int]:
    """UTF-8 with each invalid byte replaced by one U+FFFD: (text, bad bytes, valid non-ASCII characters).

    >>> _lenient_utf8("Tỷ lệ “80%”".encode("utf-8").replace("“".encode(), b"\\x93"))
    ('Tỷ lệ \ufffd80%”', 1, 3)
    """
    text = data.decode("utf-8", errors="chitieu-one-per-byte")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    return text, bad, good


def _utf8_or_legacy(data: bytes) -> tuple[str, str, int]:
    """Not strict UTF-8: UTF-8 with its few bad bytes replaced, unless a legacy encoding has strong
    evidence (UTF-8 would be mostly bad bytes, or reads less like Vietnamese than the legacy text)."""
    text, bad, good = _lenient_utf8(data)
    if good and good >= bad:  # more valid multi-byte characters than stray bytes: a UTF-8 file
        return text, "utf-8", bad
    try:
        legacy, label = _decode_8bit(data)
    except DecodeError:
        if good and bad * 100 <= len(data):
            return text, "utf-8", bad
        raise
    if good and vietnamese_score(text) >= vietnamese_score(legacy):
        return text, "utf-8", bad
    return legacy, label, 0


def decode_bytes_counted(data: bytes) -> tuple[str, str, int]:
    """:func:`decode_bytes` and how many bytes were not valid in the encoding (each became one U+FFFD,
    so offsets keep counting characters of the file).

    A stray Windows-1252 quote in a UTF-8 file stays UTF-8; legacy encodings win only with strong evidence:

    >>> decode_bytes_counted("Tỷ lệ hộ nghèo giảm còn 3%".encode("utf-8") + b" \\x93")
    ('Tỷ lệ hộ nghèo giảm còn 3% \ufffd', 'utf-8', 1)
    """
    if not data.strip():
        raise DecodeError("empty file")
    text: str | None = None
    bad = 0
    if data.startswith(codecs.BOM_UTF8):
        text, label = _strict(data[3:], "utf-8"), "utf-8-sig"
        if text is None:  # a BOM says UTF-8: a few bad bytes are replaced, many are an error
            lenient, bad, good = _lenient_utf8(data[3:])
            if bad * 100 <= len(data) or (good and good >= bad):
                text = lenient
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text, label = _strict(data, "utf-32"), "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, label = _strict(data, "utf-16"), "utf-16"
    elif b"\x00" in data[:4096]:
        found = _utf16_without_bom(data)
        if found is None:
            raise DecodeError("binary file (NUL bytes), not text")
        text, label = found
    else:
        text, label = _strict(data, "utf-8"), "utf-8"
        if text is None:
            text, label, bad = _utf8_or_legacy(data)
    if text is None:
        raise DecodeError(f"invalid {label} text")
    if not text.strip():
        raise DecodeError("empty file")
    if _control_share(text) > 0.01:
        raise DecodeError(f"binary file (control characters), not {label} text")
    if label in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        text, label = fix_legacy(text, label)
    # Unicode files keep their text as decoded: offsets point into the file as a reader decodes it
    # (the normalize stage composes decomposed text and maps offsets back). Only decodes that
    # already transform the text (cp1258 is decomposed by design, legacy fonts) are composed here.
    if (label == "cp1258" or "+" in label) and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text, label, bad


def decode_text(text: str, label: str = "utf-8") -> tuple[str, str]:
    """Already-decoded text (a CSV/JSONL field, a DOCX/PDF/HTML extraction): legacy glyphs fixed.
    Decomposed Unicode is kept as it is (offsets point into it); converted legacy text is NFC."""
    text, label = fix_legacy(text, label)
    if "+" in label and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text, label


def encode_cp1258(text: str) -> bytes:
    """Text as Windows-1258 bytes, the way Vietnamese Windows writes it (base letter + tone mark).

    >>> encode_cp1258("Hộ").decode("cp1258")
    'Hô\u0323'
    """
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        tones = "".join(c for c in parts if c in _TONES)
        out += (base + tones).encode("cp1258")
    return bytes(out)


def encode_tcvn3(text: str) -> bytes:
    """Text as TCVN3 (ABC) font bytes; capitals with a tone mark have no code and become small letters.

    >>> decode_bytes(encode_tcvn3("Tỷ lệ hộ nghèo của tỉnh"))[0]
    'Tỷ lệ hộ nghèo của tỉnh'
    """
    inverse = {char: byte for byte, char in _tcvn3_table().items() if unicodedata.combining(char) == 0}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in inverse:
            out.append(inverse[ch])
        elif ch.lower() in inverse and ch not in "ĂÂÊÔƠƯĐ":
            out.append(inverse[ch.lower()])
        else:
            out += ch.encode("cp1252")
    return bytes(out)


def encode_vni(text: str) -> bytes:
    """Text as VNI font bytes (Windows-1252): base letter then a mark character.

    >>> vni_to_unicode(encode_vni("Đồng Tháp phấn đấu").decode("cp1252"))
    'Đồng Tháp phấn đấu'
    """
    marks, letters = _vni_tables()
    mark_of = {(value, char.isupper()): char for char, value in marks.items()}
    letter_of = {value: char for char, value in letters.items()}
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in letter_of:
            out.append(letter_of[ch])
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, extra = parts[0], parts[1:]
        if "\u031b" in extra:  # horn: ơ ư are letters, the tone a mark after them
            base = letter_of[unicodedata.normalize("NFC", base + "\u031b")]
            extra = extra.replace("\u031b", "")
        extra = "".join(c for c in extra if c not in _TONES) + "".join(c for c in extra if c in _TONES)
        if not extra:
            out.append(base)
        elif (extra, base.isupper()) in mark_of:
            out.append(base + mark_of[(extra, base.isupper())])
        else:
            out.append(ch)
    return "".join(out).encode("cp1252")


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


# a tone mark on the glide after a vowel ("saùch", "Quaỷng"): never Vietnamese spelling, the tone goes on the vowel
_MISPLACED_TONE = re.compile("[aăâeêoôơư][ìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.IGNORECASE)


def _misplaced_tones(text: str) -> int:
    """How many syllables of (the start of) ``text`` carry their tone on a glide after a vowel.

        >>> _misplaced_tones("saùch Quaỷng"), _misplaced_tones("sạch Quảng hoà quý")
        (2, 0)
    """
    return len(_MISPLACED_TONE.findall(unicodedata.normalize("NFC", text[:_SAMPLE])))


def _decode_8bit(data: bytes) -> tuple[str, str]:
    """Not UTF-8: the candidate among Windows-1258, TCVN3 and VNI that reads most like Vietnamese."""
    candidates: list[tuple[float, str, str]] = []
    for label in ("cp1258", "tcvn3", "vni"):
        try:
            if label == "cp1258":
                text = unicodedata.normalize("NFC", data.decode("cp1258"))
            elif label == "tcvn3":
                text = _bytes_to_tcvn3(data)
            else:
                text = vni_to_unicode(data.decode("cp1252"))
        except UnicodeDecodeError:
            continue
        candidates.append((vietnamese_score(text), -_misplaced_tones(text), label, text))
    if not candidates:
        bad = next(i for i, b in enumerate(data) if b >= 0x80)
        raise DecodeError(f"not UTF-8 text and no known Vietnamese encoding (byte {bad}: {data[bad:bad + 1]!r})")
    score, _, label, text = max(candidates, key=lambda c: (c[0], c[1]))  # ties: the one with tones where they go
    if score < 0.005:  # no common word and under half the words shaped like Vietnamese syllables
        bad = next(i for i, b in enumerate(data) if b >= 0x80)
        raise DecodeError(
            f"not UTF-8 text and not recognisably Vietnamese in Windows-1258, TCVN3 or VNI "
            f"(byte {bad}: {data[bad:bad + 1]!r})"
        )
    return text, label
