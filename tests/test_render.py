"""``chitieu.render``: one text's highlights for a notebook, as HTML and as displaCy's manual input."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import chitieu
from chitieu.display import RenderSpan, to_displacy, to_html
from chitieu.models import DocResult, Document, Reference, Target

PLAN = "Theo Quyết định số 100/QĐ-UBND ngày 05/01/2022, đến năm 2025 tỷ lệ hồ sơ trực tuyến đạt 90% ở cấp tỉnh."
HOSTILE = 'Bình luận <script>alert(1)</script> và "><img src=x onerror=alert(1)>: đến năm 2030 đạt 75%.'


class _Visible(HTMLParser):
    """The text a reader sees without hovering: data outside the hidden field boxes and labels."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden = 0
        self.depth: list[bool] = []
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("br", "hr"):
            return
        cls = dict(attrs).get("class") or ""
        hides = tag == "style" or cls in ("ct-tip", "ct-l")
        self.depth.append(hides)
        self.hidden += hides

    def handle_endtag(self, tag: str) -> None:
        if tag in ("br", "hr"):
            return
        self.hidden -= self.depth.pop()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.text.append(data)


def _visible(html: str) -> _Visible:
    parser = _Visible()
    parser.feed(html)
    return parser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phấn đấu đến năm 2025, 80% hồ sơ được xử lý trực tuyến.", [("value", "80%")]),
        (PLAN, [("reference", "Quyết định số 100/QĐ-UBND ngày 05/01/2022"), ("value", "90%")]),
        (HOSTILE, [("value", "75%")]),
    ],
)
def test_spans_sit_on_their_text(text: str, expected: list[tuple[str, str]]) -> None:
    r = chitieu.render(text)
    assert r.text == text
    got = [(s.label, text[s.start:s.end]) for s in r.spans if s.label in ("value", "reference")]
    assert got == expected
    values = [s for s in r.spans if s.label == "value"]
    assert all(s.fields["surface"] == text[s.start:s.end] for s in values)


def test_value_fields_are_the_row() -> None:
    (value,) = [s for s in chitieu.render(PLAN).spans if s.label == "value"]
    assert value.fields["status"] == "target" and value.fields["year"] == "2025"
    assert value.fields["level"] == "tinh" and value.fields["decision"] == "100/QĐ-UBND"
    assert "estimate" not in value.fields  # False is no field


def test_html_keeps_the_text_and_escapes_it() -> None:
    r = chitieu.render(HOSTILE)
    html = r._repr_html_()
    seen = _visible(html)
    assert "".join(seen.text) == HOSTILE  # markup removed, the text is unchanged
    assert seen.tags.count("script") == 0 and "img" not in seen.tags
    assert "&lt;script&gt;" in html and "title=" not in html
    # the value's fields are in the page, in a box shown on hover or focus (tap)
    assert '<span class="ct" tabindex="0" data-labels="value"' in html and "<b>status</b>target" in html


def test_overlapping_spans_share_pieces() -> None:
    text = "Nghị quyết 5/NQ-HĐND năm 2022 đạt 60%"
    spans = [RenderSpan(0, 29, "reference", {"canonical": "5/NQ-HĐND"}), RenderSpan(21, 29, "year", {"year": "2022"}),
             RenderSpan(34, 37, "value", {"status": "actual"})]
    html = to_html(text, spans)
    assert "".join(_visible(html).text) == text
    assert 'data-labels="year reference"' in html  # the year piece lies in both, its own colour on top
    assert html.count('class="ct"') == 3


def test_displacy_dict_and_render() -> None:
    text = "Năm 2025 đạt 60%, (70%) năm 2030."
    spans = [RenderSpan(4, 8, "year"), RenderSpan(13, 16, "value"), RenderSpan(19, 22, "value")]
    d = to_displacy(text, spans, "t")
    assert [(s["start_char"], s["end_char"], s["label"]) for s in d["spans"]] == [(4, 8, "YEAR"), (13, 16, "VALUE"),
                                                                                  (19, 22, "VALUE")]
    for s in d["spans"]:  # the tokens a span covers spell its text
        assert "".join(d["tokens"][s["start_token"]:s["end_token"]]) == text[s["start_char"]:s["end_char"]]
    displacy = pytest.importorskip("spacy.displacy")
    out = displacy.render(chitieu.render(HOSTILE).to_displacy(), style="span", manual=True, jupyter=False)
    assert "VALUE" in out and "<script>" not in out and "<img" not in out


def test_a_computed_result_is_rendered_as_is() -> None:
    text = "Số 7/QĐ-TTg: 55%"
    result = DocResult(Document("d", text=text),
                       targets=[Target("d", 13, 16, "55%", 55.0, status="actual")],
                       references=[Reference(0, 11, "Số 7/QĐ-TTg", canonical="7/QĐ-TTg")])
    r = chitieu.render(result)
    assert [(s.label, s.start, s.end) for s in r.spans] == [("reference", 0, 11), ("value", 13, 16)]
    assert r.doc_id == "d" and r.spans[0].fields == {"canonical": "7/QĐ-TTg"}
