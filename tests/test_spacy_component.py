"""chitieu in a spaCy pipeline (``nlp.add_pipe("chitieu")``), and ``chitieu.extract`` as ``nlp.pipe``
reads its input: one string or an iterable, ``as_tuples``, ``n_process``, typed frames."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import chitieu

TEXT = ("Theo Kế hoạch số 125/KH-UBND ngày 14/6/2022 của UBND tỉnh Bình Phước, đến năm 2025 có 90% hồ sơ "
        "được xử lý trên môi trường mạng. Đến hết năm 2021, tỷ lệ này mới đạt 52,5%.")
EXPECTED = [("90%", "target", 2025), ("52,5%", "actual", 2021), ("Kế hoạch số 125/KH-UBND ngày 14/6/2022",
                                                                  "reference", None)]


# ---------------------------------------------------------------------------
# The spaCy component


def blank(lang: str):
    spacy = pytest.importorskip("spacy")
    if lang == "vi":  # spaCy's Vietnamese tokenizer wants pyvi unless told to split on spaces
        return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    return spacy.blank(lang)


@pytest.mark.parametrize("lang", ["vi", "xx"])
def test_spans_with_their_rows(lang):
    nlp = blank(lang)
    nlp.add_pipe("chitieu")
    doc = nlp(TEXT)
    spans = doc.spans["chitieu"]
    got = [(s._.chitieu["surface"], s.label_, s._.chitieu["year"]) for s in spans]
    assert got == EXPECTED
    for span in spans:  # a span covers its row's characters, on token boundaries
        row = span._.chitieu
        assert span.start_char <= row["start"] < row["end"] <= span.end_char
    assert spans[2]._.chitieu["canonical"] == "125/KH-UBND"
    assert spans[0]._.chitieu["decision"] == "125/KH-UBND" and spans[0]._.chitieu["place"] == "Bình Phước"


def test_displacy_renders_the_spans():
    nlp = blank("xx")
    nlp.add_pipe("chitieu")
    from spacy import displacy

    html = displacy.render(nlp(TEXT), style="span", options={"spans_key": "chitieu"})
    assert all(label.upper() in html.upper() for label in ("target", "actual", "reference"))


def test_config_metadata_and_pipe():
    nlp = blank("xx")
    nlp.add_pipe("chitieu", config={"spans_key": "ct", "references": False})
    doc = nlp.make_doc("Năm 2023 đạt 70%.")
    doc._.chitieu_meta = {"date": "30/6/2023"}
    doc = nlp(doc)
    [row] = chitieu.extract("Năm 2023 đạt 70%.", meta=[{"date": "30/6/2023"}]).to_dict("records")
    assert [(s.label_, s._.chitieu["date"]) for s in doc.spans["ct"]] == [(row["status"], "2023-06-30")]
    docs = list(nlp.pipe([TEXT, "Không có con số nào."]))
    assert [len(d.spans["ct"]) for d in docs] == [2, 0]


def test_the_factory_is_an_entry_point():
    """A fresh interpreter finds the component without importing chitieu."""
    pytest.importorskip("spacy")
    code = ("import spacy; nlp = spacy.blank('xx'); nlp.add_pipe('chitieu'); "
            "doc = nlp('Phấn đấu đến năm 2025, 80% hồ sơ được xử lý trực tuyến.'); "
            "print([s.label_ for s in doc.spans['chitieu']])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "['target']", done.stderr


# ---------------------------------------------------------------------------
# chitieu.extract: one string or many, streamed


def test_one_string_is_one_text():
    assert chitieu.extract(TEXT)["surface"].tolist() == ["90%", "52,5%"]
    assert chitieu.extract_references(TEXT)["canonical"].tolist() == ["125/KH-UBND"]


def test_a_generator_is_read_lazily():
    read = []

    def texts():
        for i in range(3):
            read.append(i)
            yield f"Năm 202{i} đạt {70 + i}%."

    stream = chitieu.pipeline.stream.results(texts())
    next(stream)
    assert read == [0]  # one text read, not the whole input
    assert chitieu.extract(texts(), doc_ids=(f"d{i}" for i in range(3)))[["doc_id", "value"]].values.tolist() == [
        ["d0", 70.0], ["d1", 71.0], ["d2", 72.0]]


def test_as_tuples_carries_the_context():
    items = [(TEXT, {"doc_id": "bp", "url": "https://baobinhphuoc.com.vn/a", "nguon": "web"}),
             ("Năm 2023 đạt 70%.", {"doc_id": "x", "date": "hôm qua", "nguon": "giấy"})]
    targets = chitieu.extract(items, as_tuples=True)
    assert targets[["doc_id", "nguon"]].values.tolist() == [["bp", "web"], ["bp", "web"], ["x", "giấy"]]
    docs = chitieu.extract_documents(items, as_tuples=True)
    assert docs[["doc_id", "url", "warnings", "nguon"]].astype(object).fillna("").values.tolist() == [
        ["bp", "https://baobinhphuoc.com.vn/a", "", "web"], ["x", "", "bad_date", "giấy"]]
    with pytest.raises(TypeError, match="as_tuples"):
        chitieu.extract(items)


def test_n_process_gives_the_same_frame():
    texts = [TEXT, "Năm 2023 đạt 70%.", "Không có con số nào.", TEXT] * 3
    one = chitieu.extract(texts)
    two = chitieu.extract(iter(texts), n_process=2, batch_size=2)
    pd.testing.assert_frame_equal(one, two)
    assert len(one) == 15


def test_frames_are_typed_as_the_tables():
    from chitieu.pipeline.run import tables

    typed = tables([TEXT])["targets"].dtypes
    assert chitieu.extract(TEXT).dtypes.equals(typed)
    assert chitieu.extract([]).dtypes.equals(typed)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"doc_ids": ["a"]}, "more texts than doc_ids"),
    ({"doc_ids": ["a", "b", "c"]}, "more doc_ids than texts"),
    ({"meta": [{}]}, "more texts than doc_ids or meta"),
    ({"n_process": 0}, "n_process"),
])
def test_mismatched_inputs(kwargs, message):
    with pytest.raises(ValueError, match=message):
        chitieu.extract(["Năm 2023 đạt 70%.", "Năm 2024 đạt 75%."], **kwargs)


def test_the_readme_example_runs_as_written():
    pytest.importorskip("spacy")
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    start = readme.index("```python\n", readme.index("### In a spaCy pipeline")) + len("```python\n")
    code = readme[start:readme.index("```", start)]
    expression, comment = (line for line in code.splitlines() if "doc.spans" in line or line.startswith("# ["))
    scope: dict = {}
    exec(code.replace(expression, f"result = {expression}"), scope)  # noqa: S102 (the README's own code)
    assert repr(scope["result"]) == comment.removeprefix("# ")
