"""Places from publishers: a provincial newspaper, broadcaster or portal writes about its province.

First the curated list ``data/publishers.csv`` (a host or one of its parent domains, else an outlet name);
then a rule: a label of the host (``sotnmt.binhthuan.gov.vn``, ``bhxhcaobang.gov.vn``) or the outlet name
(``Đài Phát thanh và Truyền hình Cao Bằng``, ``Bao Binh Thuan``) that spells one province gives it. The
longest name wins over the names inside it (``Thừa Thiên Huế`` over ``Huế``); two provinces (``Nghệ An``
and ``Hà Nội``, or ``Thái Bình`` and ``Bình Dương`` in ``Thái Bình Dương``) give nothing. ``Việt Nam`` comes only from the list: national outlets and bodies.

    >>> publisher_place("https://baohaiduong.vn/giao-duc/tin.html", None)
    PublisherPlace(place='Hải Dương', kind='province', how='curated', merged_into='Hải Phòng')
    >>> publisher_place("http://bhxhcaobang.gov.vn/tin-tuc", None)
    PublisherPlace(place='Cao Bằng', kind='province', how='domain', merged_into=None)
    >>> publisher_place(None, "Đài Phát thanh và Truyền hình Quảng Ngãi").how
    'outlet'
    >>> publisher_place("https://nld.com.vn/tin.htm", "Người Lao Động").kind
    'national'
    >>> publisher_place("not a url", "Thanh Niên và Tuổi Trẻ") is None
    True
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Literal
from urllib.parse import urlsplit

from chitieu.extractors.lexicon import rows
from chitieu.extractors.spelling import unify_tone_placement

from chitieu.models import PublisherPlace

NATIONAL = "Việt Nam"
# Two letters that spell one sound: a name inside a host never cuts one in two ("thanoi" holds no
# "hanoi", "chanam" no "hanam", "longanh" no "longan").
_DIGRAPHS = frozenset({"ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr"})
# Abbreviations no Vietnamese word spells: read anywhere in a host ("hcmcpv", "sotphcm") or as an outlet's word.
_ABBREVIATIONS = {"hcm": "Hồ Chí Minh", "hcmc": "Hồ Chí Minh", "tphcm": "Hồ Chí Minh", "brvt": "Bà Rịa - Vũng Tàu"}
# Shorter names ("hue", "hn") are read in a host only as a whole label, or with one of these around them.
_SHORT = 5
_BEFORE = ("", "bao", "tp", "tinh", "thanhpho")
_AFTER = ("", "tv", "city", "online", "news")
# Words before an outlet's own name ("Báo Người Lao Động" is "Người Lao Động").
_OUTLET_TYPES = (("bao", "dien", "tu"), ("bao",), ("tap", "chi"))
_HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}")
_WORD = re.compile(r"[^\W_]+")

Match = tuple[int, int, str]  # start, end, province


def _fold(text: str) -> str:
    """Lower case without diacritics: ``Đắk Lắk`` → ``dak lak``."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", _fold(text))


def _words(text: str, fold: bool) -> tuple[str, ...]:
    """An outlet name's words: without diacritics (``fold``), else in one tone placement, lower case."""
    text = unicodedata.normalize("NFC", text)
    return tuple(_WORD.findall(_fold(text) if fold else unify_tone_placement(text).casefold()))


@cache
def _gazetteer() -> dict[str, tuple[tuple[str, ...], str | None]]:
    """Each province's spellings (name and aliases) and where it went in 2025 (not Việt Nam)."""
    return {r["name"]: ((r["name"], *filter(None, r["aliases"].split("|"))), r["merged_into"] or None)
            for r in rows("provinces.csv") if r["kind"] != "quoc_gia"}


def _unique(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """``{key: province}`` of the keys that spell one province only."""
    seen: dict[str, set[str]] = {}
    for key, place in pairs:
        seen.setdefault(key, set()).add(place)
    return {k: v.pop() for k, v in seen.items() if len(v) == 1}


@cache
def _slugs() -> dict[str, str]:
    """Province names as a host spells them: ``haiduong``, ``bariavungtau``, ``hcm``."""
    pairs = [(_compact(s), p) for p, (spellings, _) in _gazetteer().items() for s in spellings]
    return _unique(pairs + list(_ABBREVIATIONS.items()))


@cache
def _outlet_names(fold: bool) -> dict[str, str]:
    """Province names as an outlet's words, space-joined: ``hải dương`` (``hai duong`` when ``fold``)."""
    pairs = [(" ".join(_words(s, fold)), p) for p, (spellings, _) in _gazetteer().items() for s in spellings]
    return _unique(pairs + list(_ABBREVIATIONS.items()))


def _outlet_key(outlet: str) -> str:
    """An outlet name without case, diacritics, spaces or a leading type word: ``Báo Hải Dương`` → ``haiduong``."""
    words = _words(outlet, fold=True)
    for lead in _OUTLET_TYPES:
        if words[:len(lead)] == lead and len(words) > len(lead):
            words = words[len(lead):]
            break
    return "".join(words)


@cache
def _curated() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """The publishers list by domain and by outlet key."""
    by_domain, by_outlet = {}, {}
    for r in rows("publishers.csv"):
        if r["domain"]:
            by_domain.setdefault(r["domain"], r)
        for name in r["outlet"].split("|"):
            by_outlet.setdefault(_outlet_key(name), r)
    return by_domain, by_outlet


def _host(url: object) -> str | None:
    """The lower-case host of a URL (``www.`` kept), or None when it has none with a top-level domain."""
    if not isinstance(url, str) or not url.strip():
        return None
    text = url.strip()
    try:
        host = urlsplit(text if "//" in text else "//" + text).hostname
    except ValueError:
        return None
    host = (host or "").rstrip(".")
    return host if _HOST.fullmatch(host) else None


def _whole_sounds(label: str, start: int, end: int) -> bool:
    """The stretch neither begins nor ends inside a two-letter sound of ``label``."""
    return label[max(start - 1, 0):start + 1] not in _DIGRAPHS and label[end - 1:end + 1] not in _DIGRAPHS


def _label_matches(label: str, offset: int) -> list[Match]:
    found = []
    for slug, place in _slugs().items():
        if len(slug) < _SHORT and slug not in _ABBREVIATIONS:
            if any(label == a + slug + b for a in _BEFORE for b in _AFTER):
                found.append((offset + label.index(slug), offset + label.index(slug) + len(slug), place))
            continue
        start = label.find(slug)
        while start >= 0:
            if slug in _ABBREVIATIONS or _whole_sounds(label, start, start + len(slug)):
                found.append((offset + start, offset + start + len(slug), place))
            start = label.find(slug, start + 1)
    return found


def _one(found: list[Match]) -> str | None:
    """The province of the longest match, which wins over the names inside it (``thuathienhue`` over
    ``hue``); any other province as long, or anywhere else, gives nothing."""
    if not found:
        return None
    size = max(e - s for s, e, _ in found)
    best = [(s, e) for s, e, _ in found if e - s == size]
    places = {p for s, e, p in found if e - s == size or not any(bs <= s and e <= be for bs, be in best)}
    return places.pop() if len(places) == 1 else None


def domain_place(labels: list[str]) -> str | None:
    """The province the labels of a host spell (hyphens ignored), by the rule.

        >>> domain_place(["snnptnt", "quangngai", "gov"]), domain_place(["thanhnien"]), domain_place(["hanamtv"])
        ('Quảng Ngãi', None, 'Hà Nam')
    """
    found, offset = [], 0
    for label in labels:
        compact = label.replace("-", "")
        found += _label_matches(compact, offset)
        offset += len(compact) + 1
    return _one(found)


def outlet_place(outlet: str) -> str | None:
    """The province an outlet name spells, by the rule: with diacritics when it has any, else without.

        >>> outlet_place("Cổng TTĐT tỉnh Cà Mau"), outlet_place("Bao Binh Thuan"), outlet_place("Báo Thanh Niên")
        ('Cà Mau', 'Bình Thuận', None)
    """
    fold = outlet.isascii()
    text = " " + " ".join(_words(outlet, fold)) + " "
    found = []
    for name, place in _outlet_names(fold).items():
        start = text.find(f" {name} ")
        while start >= 0:
            found.append((start + 1, start + 1 + len(name), place))
            start = text.find(f" {name} ", start + 1)
    return _one(found)


def _result(place: str, how: Literal["curated", "domain", "outlet", "address"]) -> PublisherPlace:
    merged = _gazetteer().get(place, ((), None))[1]
    return PublisherPlace(place, "national" if place == NATIONAL else "province", how, merged)


def publisher_place(url: str | None, outlet: str | None) -> PublisherPlace | None:
    """The place a publisher writes about, from its URL and its outlet name; None when neither tells.

    The curated host first (a province's site on a national host, ``langson.baohiemxahoi.gov.vn``, is
    that province), then the curated outlet, the host by rule, the outlet by rule, and last an
    aggregator's own (national) place.
    """
    host = _host(url)
    labels = host.split(".")[:-1] if host else []
    by_domain, by_outlet = _curated()
    aggregator = None
    for i in range(len(labels)):
        row = by_domain.get(".".join(host.split(".")[i:])) if host else None
        if row is None:
            continue
        if row["province"] == NATIONAL and (place := domain_place(labels[:i])):
            return _result(place, "domain")
        if row["kind"] != "aggregator":
            return _result(row["province"], "curated")
        aggregator = row
        break
    if isinstance(outlet, str) and (row := by_outlet.get(_outlet_key(outlet))) and row["kind"] != "aggregator":
        return _result(row["province"], "curated")
    if not aggregator and (place := domain_place(labels)):
        return _result(place, "domain")
    if isinstance(outlet, str) and (place := outlet_place(outlet)):
        return _result(place, "outlet")
    if aggregator or (isinstance(outlet, str) and (row := by_outlet.get(_outlet_key(outlet)))):
        return _result(NATIONAL, "curated")
    return None


_SLUG_WORDS = 4  # how many words of an article's address slug may name its province


def address_place(url: str | None) -> PublisherPlace | None:
    """The province an article's address opens with (``…/ca-mau-nang-cao-chat-luong-….html``): a
    national site's address tells the place of an article whose text never names it.

        >>> address_place("https://thuonghieu.example.vn/ca-mau-nang-cao-chat-luong-a22.html").place
        'Cà Mau'
        >>> address_place("https://example.vn/tin-tuc/nang-cao-chat-luong.html") is None
        True
    """
    if not isinstance(url, str) or _host(url) is None:
        return None
    slug = urlsplit(url if "//" in url else "//" + url).path.rstrip("/").rsplit("/", 1)[-1]
    words = [w for w in re.split(r"[-_.]+", slug.lower()) if w.isalpha()][:_SLUG_WORDS]
    place = outlet_place(" ".join(words)) if words else None
    return _result(place, "address") if place else None
