"""Document metadata: where and when a text was published, normalized and checked.

A document's ``meta`` has exactly the keys :data:`chitieu.models.META_KEYS`: ``url`` (with a host),
``date`` (ISO ``YYYY-MM-DD`` or ``YYYY-MM``), ``outlet`` (the publisher's name) and ``title``; each
is ``""`` when unknown. Values come from an export's columns, a folder's sidecar ``metadata.csv``
/ ``metadata.jsonl``, or the file itself (an HTML page's own metadata, a .docx's core properties,
a PDF's document info). A value that cannot be read is dropped and leaves a short warning code
(``bad_date``, ``bad_url``) on the document instead; nothing fails.

    >>> normalize_meta({"date": "ngày 30 tháng 6 năm 2023", "url": "hôm qua", "outlet": " Báo  Gia Lai "})
    ({'url': '', 'date': '2023-06-30', 'outlet': 'Báo Gia Lai', 'title': ''}, ['bad_url'])
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import unicodedata
from collections.abc import Mapping
from urllib.parse import urlsplit

from chitieu.models import META_KEYS

# The usual column names of each field in corpus exports and sidecars (compared in lower case),
# in order of preference; ``--date-column`` and friends name another one.
META_CANDIDATES: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "href", "canonical_url", "source_url", "uri"),
    "date": ("date", "published", "published_at", "publish_date", "published_date", "pub_date", "datetime",
             "ngay", "ngay_dang"),
    "outlet": ("outlet", "publisher", "sitename", "site_name", "site", "source", "domain", "nguon"),
    "title": ("title", "headline", "tieu_de"),
}

EARLIEST_YEAR = 1945  # no Vietnamese text this tool reads is older

VIETNAM_TIME = dt.timezone(dt.timedelta(hours=7))
_ISO_DAY = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_COMPACT = re.compile(r"(?:d:)?(\d{4})(\d{2})(\d{2})(?:\d{2,6})?(?:z|[+-]\d{2}'?\d{2}'?)?")  # PDF: D:20230630081500+07'00'
_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?!\d)")
_VI_DAY = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm\s+|[/,-]\s*)(\d{4})(?!\d)")
_VI_MONTH = re.compile(r"tháng\s+(\d{1,2})\s*(?:năm\s+|[/-]\s*)(\d{4})(?!\d)")
_MY = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[-/.]\s*(\d{4})(?!\d)")
# a host without a scheme: www.… or a name under .vn or a common generic domain (not "tin-1.html")
_BARE_HOST = re.compile(r"(?:www\.[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|edu|info|int|biz))"
                        r"(?::\d+)?(?:[/?#]|$)", re.I)
_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)*")


def today() -> dt.date:
    """The latest date it is anywhere this tool's texts are published (here, and in Vietnam)."""
    return max(dt.date.today(), dt.datetime.now(VIETNAM_TIME).date())


def _day(year: str, month: str, day: str) -> tuple[int, int, int] | None:
    y, m, d = int(year), int(month), int(day)
    if m > 12 and d <= 12:  # 06/30/2023 written month first
        m, d = d, m
    try:
        dt.date(y, m, d)
    except ValueError:
        return None
    return y, m, d


def parse_date(value: object) -> tuple[int, int, int | None] | None:
    """``(year, month, day or None)`` of a date as exports, pages and files write it, else None.

        >>> [parse_date(v) for v in ["2023-06-30T08:00:00+07:00", "30-6-2023", "06/2023", "hôm qua"]]
        [(2023, 6, 30), (2023, 6, 30), (2023, 6, None), None]
    """
    if isinstance(value, dt.datetime):
        return value.year, value.month, value.day
    if isinstance(value, dt.date):
        return value.year, value.month, value.day
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFC", " ".join(value.split())).lower()
    if not text:
        return None
    if m := _ISO_DAY.search(text):
        return _day(*m.groups())
    if m := _ISO_MONTH.fullmatch(text):
        return (int(m[1]), int(m[2]), None) if 1 <= int(m[2]) <= 12 else None
    if m := _COMPACT.fullmatch(text):
        return _day(*m.groups())
    if m := _VI_DAY.search(text):
        return _day(m[3], m[2], m[1])
    if m := _DMY.search(text):
        return _day(m[3], m[2], m[1])
    if m := _VI_MONTH.search(text) or _MY.search(text):
        return (int(m[2]), int(m[1]), None) if 1 <= int(m[1]) <= 12 else None
    try:  # RSS feeds: "Fri, 30 Jun 2023 08:00:00 +0700"
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.year, parsed.month, parsed.day


def normalize_date(value: object, now: dt.date | None = None) -> str | None:
    """ISO ``YYYY-MM-DD`` (or ``YYYY-MM`` when only the month is known); None when ``value`` is no
    date, lies in the future or before 1945.

        >>> [normalize_date(v) for v in ["30/06/2023", "ngày 30 tháng 6 năm 2023", "2099-01-01", "1900"]]
        ['2023-06-30', '2023-06-30', None, None]
    """
    parsed = parse_date(value)
    if parsed is None:
        return None
    year, month, day = parsed
    now = now or today()
    if year < EARLIEST_YEAR or (year, month, day or 1) > (now.year, now.month, now.day):
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def normalize_url(value: object) -> str | None:
    """The URL, trimmed, when it has a host (``//host/…`` and ``host.vn/…`` get a scheme); else None.

        >>> [normalize_url(v) for v in [" https://baogialai.com.vn/a.html ", "baolamdong.vn/x", "/tin/1.html"]]
        ['https://baogialai.com.vn/a.html', 'http://baolamdong.vn/x', None]
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or any(c.isspace() for c in url):
        return None
    if url.startswith("//"):
        url = "https:" + url
    elif "://" not in url and _BARE_HOST.match(url):
        url = "http://" + url
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # "http://[bad", a port that is no number
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or not _HOST.fullmatch(host):
        return None
    return url


def normalize_text(value: object) -> str | None:
    """An outlet or title on one line, spaces collapsed; None when it is no text."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = " ".join(unicodedata.normalize("NFC", str(value)).split())
    return text or None


_NORMALIZERS = {"url": normalize_url, "date": normalize_date, "outlet": normalize_text, "title": normalize_text}


def empty(value: object) -> bool:
    """No value at all (absent, null, blank): unknown, which is no error."""
    return value is None or (isinstance(value, str) and not value.strip())


def normalize_meta(*sources: Mapping[str, object], warnings: list[str] | tuple[str, ...] = (),
                   now: dt.date | None = None) -> tuple[dict[str, str], list[str]]:
    """The document's ``meta`` from raw values (earlier sources win) and its warning codes.

    Each field takes the first good value; every value that is present but cannot be read adds
    ``bad_<field>`` (once). ``warnings`` are codes found before (``no_date_column``), kept first.

        >>> normalize_meta({"date": "hôm qua"}, {"date": "2023-06-30T08:00:00+07:00"})
        ({'url': '', 'date': '2023-06-30', 'outlet': '', 'title': ''}, ['bad_date'])
    """
    meta = dict.fromkeys(META_KEYS, "")
    found = list(warnings)
    for key in META_KEYS:
        normalize = _NORMALIZERS[key]
        for source in sources:
            raw = source.get(key)
            if empty(raw):
                continue
            value = normalize(raw, now) if key == "date" else normalize(raw)
            if value is None:
                if f"bad_{key}" not in found:
                    found.append(f"bad_{key}")
            elif not meta[key]:
                meta[key] = value
    return meta, list(dict.fromkeys(found))
