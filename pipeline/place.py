"""Place of a value: who the figure belongs to.

A place in brackets before the value (``Hà Giang (60%)``) first; then ``của cả nước`` / ``của tỉnh X``
right after it; then the last place named before it in its own scopes of the sentence (``cả nước``
in its head is national); an anaphor (``địa phương này``) takes the place named before the
sentence; else the document's subject.

    >>> from chitieu.pipeline.run import assemble_targets
    >>> [t.place for t in assemble_targets("Tỉnh Nghệ An đạt 80%; tỉnh Hà Tĩnh đạt 90%.", "d")[0]]
    ['Nghệ An', 'Hà Tĩnh']
"""

from __future__ import annotations

from functools import cache

import regex
from chitieu.extractors.lexicon import alternation, words
from chitieu.extractors.places import group_of_places
from chitieu.extractors.scan import Caseless, phrase_regex
from chitieu.extractors.taxonomy import indicator_code
from chitieu.pipeline.doc import Doc, Item, Scope
from chitieu.pipeline.scope import compared, outside, scope_chain


def _words(*roles: str) -> str:
    return alternation(words("place_words.csv", *roles))


# "của cả nước", "Cả nước …" at the start of a sentence or clause, "toàn quốc": a national figure. The
# pattern finds the words; national() keeps "cả nước" only after a particle or a clause boundary.
_NATIONAL_WORDS = Caseless(words("place_words.csv", "national", "national_free"))
_NATIONAL_FREE = frozenset(" ".join(w.casefold().split()) for w in words("place_words.csv", "national_free"))
_PARTICLE_BEFORE = regex.compile(r"(?<![\p{L}])" + _words("national_particle") + r"\s+$", regex.IGNORECASE)
_NATIONAL_HEAD = regex.compile(r"(?<![\p{L}])" + _words("national_head") + r"\s+" + _words("national") + r"(?![\p{L}])",
                               regex.IGNORECASE)
_CLAUSE_START = regex.compile(r"(?:^|[,;:(.])\s*$")


def national(text: str, lo: int = 0, hi: int | None = None, clause_start: bool = True) -> list[int]:
    """Where ``text[lo:hi]`` says the figure is national: ``của cả nước``, ``toàn quốc``, and with
    ``clause_start`` a clause that opens with ``cả nước`` (``…, cả nước đạt 90%``).

        >>> national("Tỉnh đạt 80%, cả nước đạt 90%; toàn quốc có 5% và dân cả nước 2%")
        [14, 31]
        >>> national("Tỉnh đạt 80%, cả nước đạt 90%; toàn quốc có 5%", clause_start=False)
        [31]
    """
    hi = len(text) if hi is None else hi
    found = []
    for m in _NATIONAL_WORDS.finditer(text, lo, hi):
        before = max(0, m.start() - 12)
        if (" ".join(m.group().split()) in _NATIONAL_FREE or _PARTICLE_BEFORE.search(text, before, m.start())
                or (clause_start and _CLAUSE_START.search(text, before, m.start()))):
            found.append(m.start())
    return found


VIETNAM = "Việt Nam"


@cache
def _kinds() -> dict[str, str]:
    """``{name: kind}`` of the places that are no province: regions, ministries, blocs."""
    out = {VIETNAM: "national"}
    out.update((w.casefold(), "national") for w in words("place_words.csv", "foreign"))  # another country
    for role in ("region", "ministry", "group"):
        out.update((w.casefold(), role) for w in words("place_words.csv", role))
    return out


def place_kind(place: str) -> str:
    """``province``, ``national``, ``region``, ``ministry`` or ``group`` (a bloc); empty for no place.

        >>> place_kind(VIETNAM), place_kind("Tây Nguyên"), place_kind("Bộ Xây dựng"), place_kind("Cà Mau")
        ('national', 'region', 'ministry', 'province')
    """
    if not place:
        return ""
    if place == VIETNAM:
        return "national"
    return _kinds().get(place.casefold(), "group" if place.casefold().startswith("khối") else "province")


@cache
def foreign_pattern() -> regex.Pattern:
    """Other countries (``place_words.csv``, role ``foreign``), as proper nouns (``Anh``, not ``anh``):
    their figures have no place of ours."""
    return phrase_regex(words("place_words.csv", "foreign"), ignore_case=False)


def in_business_name(text: str, pos: int) -> bool:
    """Whether the place at ``pos`` is part of a business's name ("Ngân hàng TMCP Sài Gòn Thương Tín").

        >>> text = "Ngân hàng TMCP Sài Gòn Thương Tín họp tại TP.HCM"
        >>> in_business_name(text, text.index("Sài Gòn")), in_business_name(text, text.index("TP.HCM"))
        (True, False)
    """
    return _IN_NAME.search(text, max(0, pos - 60), pos) is not None


def names_abroad(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` names another country (not inside a person's name: "Nguyễn Đức Hải").

        >>> names_abroad("Thủ tướng Đức phát biểu", 0, 23), names_abroad("ông Nguyễn Đức Hải phát biểu", 0, 28)
        (True, False)
    """
    return any(_names_a_country(text, m) for m in foreign_pattern().finditer(text, lo, hi))


def countries_named(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """``(start, name)`` of the other countries ``text[lo:hi]`` names as owners of figures: not a trade
    partner (``xuất khẩu sang Mỹ``), a market in a list of amounts, a person's name or a currency.

        >>> countries_named("Xuất khẩu sang Mỹ tăng, trong khi Trung Quốc chỉ tăng 3%", 0, 55)
        [(34, 'Trung Quốc')]
    """
    return [(m.start(), " ".join(m.group().split())) for m in foreign_pattern().finditer(text, lo, hi)
            if _names_a_country(text, m) and not _TRADE.search(text, max(lo, m.start() - 40), m.start())
            and not _AMOUNT_AFTER.match(text, m.end())]


def _names_a_country(text: str, m: regex.Match) -> bool:
    """Whether a country's name found at ``m`` is the country: not in a person's name ("Nguyễn Đức Hải"),
    not a currency ("đô la Mỹ"), not a word that opens with it ("Mỹ phẩm", "Pháp luật")."""
    return (not _IN_PERSON_NAME.match(text, m.end()) and not _NAME_BEFORE.search(text, max(0, m.start() - 12), m.start())
            and not _CURRENCY.search(text, max(0, m.start() - 16), m.start()) and not _NOT_COUNTRY.match(text, m.start()))


@cache
def ministry_pattern() -> regex.Pattern:
    """The ministries and central bodies of ``place_words.csv`` as written (``Bộ Công Thương``)."""
    return regex.compile(r"(?<![\p{L}])" + _words("ministry") + r"(?![\p{L}])", regex.IGNORECASE)


def resolve_place(ctx: Doc, it: Item, sent: tuple[int, int], clause_list: list[Scope]) -> tuple[str, str]:
    """The place of a value and where it comes from: ``text``, or ``publisher`` when the document's
    place is only told by its publisher."""
    place = _place(ctx, it, sent, clause_list)
    if place is None:
        if (ctx.subject == VIETNAM and ctx.subject_source == "publisher" and not ctx.country_cue
                and not indicator_code(it.indicator)):
            return "", ""  # a national outlet's science, world or company figure: nobody's place
        return ctx.subject, ctx.subject_source
    return place, "text"


def shared_by_places(ctx: Doc, it: Item) -> bool:
    """Whether the value bounds a group of provinces (``16/34 địa phương … đạt từ 8% trở lên``, ``63
    tỉnh, thành phố … trên 90%``): one value of several places, which has no place of its own."""
    if not it.head:
        return False
    lo, hi = it.head[0][0], it.value.start
    lo = max(lo, ctx.text.rfind(":", lo, hi) + 1)  # not in a header before a colon
    group = _GROUP.search(ctx.text, lo, hi)
    # "Một số địa phương … giảm mạnh như Khánh Hòa giảm 78,7%, …": an example named after the group owns its value
    return group is not None and not any(group.end() <= p.start < hi for p in ctx.places)


def _ministry_subject(text: str, lo: int, hi: int) -> str:
    """A ministry that opens the sentence or the value's own clause: the subject of its figures (not one
    after "Theo", which only says where a figure comes from)."""
    last = max(text.rfind(",", lo, hi), text.rfind(":", lo, hi), text.rfind(";", lo, hi))
    for start in (lo, last + 1) if last >= 0 else (lo,):  # the sentence's start, the value's own clause
        opening = _MINISTRY_SUBJECT.match(text, start, hi)
        found = ministry_pattern().match(text, opening.end()) if opening else None
        if found:
            return " ".join(found.group().split())
    return ""


def _in_place(ctx: Doc, pos: int) -> bool:
    """Whether ``pos`` lies in a place of ours ("Lào" in "Lào Cai")."""
    return any(p.start <= pos < p.end for p in ctx.places)


def _place(ctx: Doc, it: Item, sent: tuple[int, int], clause_list: list[Scope]) -> str | None:
    if it.attached_place:
        return it.attached_place
    if shared_by_places(ctx, it):
        return ""
    ministry = _ministry_subject(ctx.text, sent[0], it.value.start)
    if ministry:  # "Năm 2023, Bộ Tài chính đã cung cấp 100% …"
        return ministry
    chain = scope_chain(it.scope)
    before = [(p.start, p.place) for p in ctx.places
              if sent[0] <= p.start < it.value.start and outside(p.start, chain, clause_list)
              and not _IN_NAME.search(ctx.text, max(sent[0], p.start - 60), p.start)]
    # "tỷ lệ … của cả nước đạt 42,5%": a national figure, when said in the value's own head
    for s, e in it.head or []:
        before += [(pos, VIETNAM) for pos in national(ctx.text, s, e)]
        # "(bình quân cả nước tăng 9,3%)": the nation's figure named in the value's own words
        before += [(m.end(), VIETNAM) for m in _NATIONAL_HEAD.finditer(ctx.text, s, e)]
    # "Năm 2016, cả nước phát hiện 223.262 vụ (tăng 8,23% …)": the subject of the clause a bracket comments on
    if it.scope.paren:
        # (not past a clause of a subject of its own: "…; tỉnh xử lý 2.262 vụ (tăng 5% …)")
        cut = ctx.text.rfind(";", sent[0], it.scope.start) + 1
        clause = cut if cut and _OWN_SUBJECT.search(ctx.text, cut, it.scope.start) else sent[0]
        before += [(pos, VIETNAM) for pos in national(ctx.text, clause, it.scope.start)
                   if outside(pos, chain, clause_list) and not compared(ctx.text, clause, pos)]
    # "trong khi Trung Quốc chỉ là 4,3%": another country's figure is that country's
    before += [(pos, name) for pos, name in countries_named(ctx.text, sent[0], it.value.start)
               if outside(pos, chain, clause_list) and not _in_place(ctx, pos)
               and not _ORIGIN.search(ctx.text, max(sent[0], pos - 60), pos)]
    # "Trên thế giới, …", "Tập đoàn Hòa Phát đạt …": the world's or a business's figure, no place of ours
    before += [(m.start(), "") for m in _WORLD_OR_BUSINESS.finditer(ctx.text, sent[0], it.value.start)
               if outside(m.start(), chain, clause_list) and not _in_place(ctx, m.start())
               and not _TRADE.search(ctx.text, max(sent[0], m.start() - 40), m.start())
               and not _RANKED.search(ctx.text, max(sent[0], m.start() - 30), m.start())
               and not NATIONAL_ISSUER.match(ctx.text, m.start())]  # "Ngân hàng Nhà nước" is the country's
    # bounded: without an end, ``regex`` looks for the pattern's required word through the rest of the text
    after = _OF_PLACE.match(ctx.text, it.value.end, it.value.end + _OF_PLACE_REACH)
    if after:
        if after.group("national"):
            return VIETNAM
        named = [p for p in ctx.places if after.start("place") <= p.start <= after.start("place") + _REGION_WORD]
        if named:
            return named[0].place
    if before:
        pos, place = max(before)
        if any(p.end <= pos and _JOINED.fullmatch(ctx.text, p.end, pos) for p in ctx.places):
            return ""  # "Cục Hải quan Gia Lai – Kon Tum": one body of two provinces, no single place
        return place
    if ctx.subject_source == "publisher" and ctx.subject == VIETNAM and any(
            not _in_place(ctx, m.start()) for m in foreign_pattern().finditer(ctx.text, *sent)):
        return ""  # a national outlet's figure about another country
    if _PLACE_ANAPHOR.search(ctx.text, sent[0], it.value.start):
        earlier = [p.place for p in ctx.places if p.start < sent[0]]
        if earlier:
            return earlier[-1]  # "Lãnh đạo địa phương này …": the place named before
    return None


# "XK thủy sản sang Mỹ", "nhập khẩu từ Trung Quốc": a trade partner, not whose figure it is
# (and the next names of a list after it: "thị trường Mỹ, EU và Trung Quốc")
_TRADE = regex.compile(r"(?<![\p{L}])(?i:" + _words("trade_relation") + r")\s+(?:\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)*"
                       r"\s*(?:,|(?i:và|hoặc))\s+)*$")
# "kế tiếp là Nhật Bản 3.605 triệu USD, chiếm 13,1%": a country followed by an amount is a market or partner
# of a trade list, not the owner of the figures
_AMOUNT_AFTER = regex.compile(r"[ \t]+(?:(?:gần|khoảng|hơn|trên)[ \t]+)*\d[\d.,]*[ \t]*(?:"
                              + alternation(words("indicator_words.csv", "magnitude")) + r"[ \t]*)?"
                              + alternation(words("indicator_words.csv", "amount_unit")) + r"(?![\p{L}])"
                              # "Mỹ tiếp tục là thị trường xuất khẩu lớn nhất": a country called a market
                              + r"|[ \t]+(?:\p{Ll}+[ \t]+){0,3}?là[ \t]+(?i:" + _words("trade_partner_noun") + r")(?![\p{L}])")
# "du khách Tây Ban Nha", "trường đại học Seville, Tây Ban Nha": where people or a body come from, not
# whose figure it is
_ORIGIN = regex.compile(r"(?<![\p{L}])(?i:" + _words("origin_noun") + r")(?:\s+\p{Lu}[\p{L}\-]*)*,?\s+$")
# "Mỹ phẩm", "Pháp luật", "Ý kiến", "Anh ấy": a word that opens with a country's name
_NOT_COUNTRY = regex.compile(_words("not_country") + r"(?![\p{L}])", regex.IGNORECASE)
# "đô la Mỹ": a currency, not the country
_CURRENCY = regex.compile(r"(?<![\p{L}])(?i:" + _words("currency_before") + r")[ \t]+$")
# "Ngân hàng TMCP Ngoại thương Việt Nam": a place inside a business's name is no place of the figure
# (a name may hold one lowercase word between capitalised ones: "Tổng công ty Tân cảng Sài Gòn")
_IN_NAME = regex.compile(r"(?<![\p{L}])(?i:" + _words("business") + r")(?:\s+\p{Lu}[\p{L}\-]*(?:\s+\p{Ll}+(?=\s+(?:\p{Lu}|$)))?)+\s+$")
# the world ("trên thế giới", "toàn cầu"), or a business named ("Ngân hàng TMCP Quân đội", "Tập đoàn Hòa Phát")
_WORLD_OR_BUSINESS = regex.compile(r"(?<![\p{L}])(?:(?i:" + _words("world") + r")|(?i:" + _words("business")
                                   + r")(?:\s+(?:\p{Lu}[\p{L}\-]*|\p{Lu}+\+?))+)(?![\p{L}])")
# a national body ("Chính phủ", "Tổng cục Thống kê", "Ngân hàng Nhà nước"): a text it speaks of is national
NATIONAL_ISSUER = regex.compile(r"(?<![\p{L}])" + _words("national_issuer") + r"(?![\p{L}])")
# "đứng thứ 2 thế giới", "hàng đầu thế giới": a rank of ours in the world
_RANKED = regex.compile(r"(?:thứ\s+\S+|hàng\s+đầu|nhất|top\s+\S+)\s+(?:trên\s+)?$", regex.IGNORECASE)
# "Dương Đức Tuấn", "Nguyễn Thị Mỹ Linh", "Vũ Thành Tự Anh": a country's name inside a person's name (a
# capitalised word after it, or one before it that does not open the sentence)
_IN_PERSON_NAME = regex.compile(r"[ \t]+\p{Lu}\p{Ll}")
_NAME_BEFORE = regex.compile(r"(?<=[\p{L}\p{N}][ \t]{1,3})\p{Lu}\p{Ll}*[ \t]+$")
_GROUP = group_of_places()
# a ministry that opens its sentence is the subject of its figures (not "Theo Bộ Tài chính, …")
_MINISTRY_SUBJECT = regex.compile(r"[\s\-–•*+]*(?:\d{1,2}[.)]\s*)?")
# "tỉnh", "thành phố", "huyện": a clause about a place of its own
_OWN_SUBJECT = regex.compile(r"(?<![\p{L}])" + _words("local_subject") + r"(?![\p{L}])", regex.IGNORECASE)
_JOINED = regex.compile(r"[ \t]*[-–][ \t]*")  # "Gia Lai – Kon Tum": two places joined as one unit
_OF_PLACE_REACH = 400  # characters after a value that "của tỉnh …" can take (its words and spaces)
_REGION_WORD = len("vùng ")  # "12,7% của vùng Đồng bằng sông Hồng": the region after its noun
_PLACE_ANAPHOR = regex.compile(r"(?<![\p{L}])" + _words("place_anaphor_noun") + r"\s+" + _words("place_anaphor_pointer")
                               + r"(?![\p{L}])", regex.IGNORECASE)
# "5,05% của cả nước", "45% của tỉnh Bình Định": the place right after the value owns it
_OF_PLACE = regex.compile(r"\s*(?:" + _words("of_noun") + r"\s+)?" + _words("of_particle") + r"\s+(?:(?P<national>"
                          + _words("national", "national_free") + r")|(?P<place>\p{Lu}|" + _words("province_word", "region_word") + "))")
