"""`chitieu check --format claimreview`: a schema.org ClaimReview (JSON-LD) for each verdict.

Texts written for these tests. "Valid JSON-LD" is checked structurally (no network to fetch the
schema.org context): one JSON object with ``@context`` https://schema.org, every node typed with a
schema.org type, every key a JSON-LD keyword or a property of that type, dates in ISO form, and
the keys Google's fact-check markup needs (claimReviewed, reviewRating with alternateName,
itemReviewed Claim, author, datePublished).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from chitieu.pipeline.cli import app
from chitieu.pipeline.run import process_texts
from chitieu.pipeline.write import write_tables
from typer.testing import CliRunner

from chitieu.tools.check import CONTRADICTED, NOT_FOUND, SUPPORTED, UNDERSPECIFIED, check, claim_review

TEXTS = {
    "tn_plan": ("Tỉnh Tây Ninh đặt mục tiêu đến năm 2025 tỷ lệ che phủ rừng đạt 16%.",
                {"url": "https://example.vn/tay-ninh-rung", "date": "2021-09-01"}),
    "vl_news": ("Năm 2023, tỷ lệ lao động qua đào tạo của tỉnh Vĩnh Long đạt 68,5%.",
                {"url": "https://example.vn/vinh-long", "date": "2024-01-05"}),
}

CLAIMS = [
    ("Tây Ninh đặt mục tiêu đến năm 2025 tỷ lệ che phủ rừng đạt 16%.", SUPPORTED, "tn_plan"),
    ("Năm 2023, tỷ lệ lao động qua đào tạo của Vĩnh Long đạt 70%.", CONTRADICTED, "vl_news"),
    ("Năm 2023, tỷ lệ lao động qua đào tạo của Trà Vinh đạt 68,5%.", NOT_FOUND, ""),
    ("Tỷ lệ lao động qua đào tạo đạt 68,5%.", UNDERSPECIFIED, ""),
]

# schema.org properties allowed on each type used (a subset of schema.org's, all real properties)
PROPERTIES = {
    "ClaimReview": {"datePublished", "claimReviewed", "author", "reviewRating", "itemReviewed", "reviewBody", "url"},
    "Rating": {"alternateName", "name", "ratingValue", "bestRating", "worstRating"},
    "Organization": {"name", "url"},
    "Claim": {"text", "appearance", "author", "datePublished"},
    "CreativeWork": {"name", "identifier", "text", "url", "datePublished", "citation"},
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def _valid_nodes(node: object) -> None:
    if isinstance(node, list):
        for n in node:
            _valid_nodes(n)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("@type")
    assert kind in PROPERTIES, f"untyped or unknown node {node}"
    assert set(node) - {"@type", "@context"} <= PROPERTIES[kind], set(node) - PROPERTIES[kind]
    if "datePublished" in node:
        assert ISO_DATE.match(node["datePublished"]), node["datePublished"]
    for value in node.values():
        _valid_nodes(value)


def valid_claim_review(review: dict, verdict: str) -> None:
    review = json.loads(json.dumps(review, ensure_ascii=False))  # plain JSON round trip
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    _valid_nodes(review)
    for key in ("claimReviewed", "reviewRating", "itemReviewed", "author", "datePublished"):
        assert review[key], key
    rating = review["reviewRating"]
    assert rating["alternateName"] == verdict
    if verdict in (SUPPORTED, CONTRADICTED):
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    else:
        assert "ratingValue" not in rating  # no number for an undecided verdict
    assert review["itemReviewed"]["@type"] == "Claim"
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("claimreview")
    ids = list(TEXTS)
    write_tables(process_texts([TEXTS[i][0] for i in ids], ids, [TEXTS[i][1] for i in ids]), out)
    return out


@pytest.mark.parametrize(("claim", "verdict", "source"), CLAIMS, ids=[c[1] for c in CLAIMS])
def test_each_verdict_is_a_valid_claim_review(data_dir: Path, claim: str, verdict: str, source: str) -> None:
    result = check(claim, data_dir)
    assert result.verdict == verdict
    review = claim_review(result, org="Báo Ví Dụ", org_url="https://baovidu.vn", typed=claim)
    valid_claim_review(review, verdict)
    assert review["claimReviewed"] == claim and review["author"]["url"] == "https://baovidu.vn"
    assert review["datePublished"] == date.today().isoformat()
    appearance = review["itemReviewed"].get("appearance", [])
    if source:
        url, when = TEXTS[source][1]["url"], TEXTS[source][1]["date"]
        assert [(a["url"], a["datePublished"], a["name"]) for a in appearance] == [(url, when, source)]
        assert appearance[0]["text"] == TEXTS[source][0]
    else:
        assert appearance == []  # nothing is cited for a claim not found or underspecified


def test_claim_typed_without_diacritics_is_reviewed_as_typed(data_dir: Path) -> None:
    typed = "Tay Ninh dat muc tieu den nam 2025 ty le che phu rung dat 16%."
    review = claim_review(check(typed, data_dir), typed=typed)
    valid_claim_review(review, SUPPORTED)
    assert review["claimReviewed"] == typed and review["author"]["name"] == "chitieu"


def test_cli_single_and_batch(data_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(app, ["check", CLAIMS[1][0], "--data", str(data_dir), "--format", "claimreview",
                              "--org", "Báo Ví Dụ"])
    assert out.exit_code == 3, out.output  # the verdict's exit code stays
    valid_claim_review(json.loads(out.stdout), CONTRADICTED)
    claims = tmp_path / "claims.csv"
    claims.write_text("claim\n" + "\n".join(f'"{c[0]}"' for c in CLAIMS) + "\n\"Không có con số nào.\"\n",
                      encoding="utf-8")
    out = runner.invoke(app, ["check", "--claims", str(claims), "--data", str(data_dir), "--format", "claimreview",
                              "--out", str(tmp_path / "reviews.json")])
    assert out.exit_code == 0, out.output
    reviews = json.loads((tmp_path / "reviews.json").read_text(encoding="utf-8"))
    assert [r["reviewRating"]["alternateName"] for r in reviews] == [c[1] for c in CLAIMS]  # numberless left out
    for review, (_, verdict, _) in zip(reviews, CLAIMS, strict=True):
        valid_claim_review(review, verdict)
    bad = runner.invoke(app, ["check", CLAIMS[0][0], "--data", str(data_dir), "--format", "xml"])
    assert bad.exit_code == 2  # usage error
