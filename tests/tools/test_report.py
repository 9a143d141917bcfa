"""`chitieu report`: report.html and its data folder, checked as files and in headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from _review_data import results, write_review_data
from chitieu.pipeline.cli import app
from chitieu.pipeline.run import process_document
from chitieu.pipeline.write import write_tables
from typer.testing import CliRunner

from chitieu.models import Document
from chitieu.tools.report import SHARD_CHARS, report_data, write_report
from chitieu.tools.tables import load_spans, load_table, load_texts

ROOT = Path(__file__).resolve().parents[2]
# A text with markup in it, as a scraped page or a reader's comment may have: it must stay text.
HOSTILE = ('Bạn đọc viết: <script>window.chitieuPwned = 1</script> và "><img src=x onerror="window.chitieuPwned=2"> '
           "Tỉnh Quảng Ninh phấn đấu đến năm 2030 tỷ lệ che phủ rừng đạt 55%.")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    hostile = process_document(Document('x"><img src=x onerror=alert(1)>', path="bai/x.txt", text=HOSTILE,
                                        meta={"url": "javascript:alert(1)", "title": "<b>tiêu đề</b>"}))
    assert [t.surface for t in hostile.targets] == ["55%"]
    write_tables([*results(), hostile], out)
    return out


@pytest.fixture(scope="module")
def report(data_dir: Path) -> Path:
    result = CliRunner().invoke(app, ["report", "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    return data_dir / "report.html"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def _call(path: Path, name: str) -> list:
    """The arguments of ``name(…);`` in a data file."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith(name + "(") and text.endswith(");\n")
    return json.loads("[" + text[len(name) + 1:-3] + "]")


def test_the_page_holds_no_corpus_text_and_fetches_nothing(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    tags = _tags(html)
    scripts = [a for t, a in tags if t == "script"]
    assert [a.get("src") for a in scripts] == [None, "report_files/data.js"]  # our script, then the data
    for tag, attrs in tags:  # nothing from another place
        for key in ("src", "href"):
            assert not (attrs.get(key) or "").startswith(("http:", "https:", "//")), (tag, attrs)
    assert "Khánh Hòa" not in html and "chitieuPwned" not in html and "title=" not in html


def test_data_files_are_json_that_cannot_close_a_script(report: Path, data_dir: Path) -> None:
    files = report.parent / "report_files"
    for path in [files / "data.js", *(files / "docs").glob("*.js")]:
        assert "<" not in path.read_text(encoding="utf-8"), path  # every < is \u003c
    (index,) = _call(files / "data.js", "chitieuData")
    texts = load_texts(data_dir)
    shards = {}
    for path in sorted((files / "docs").glob("*.js")):
        n, docs = _call(path, "chitieuShard")
        assert path.name == f"{n:04d}.js"
        shards.update({d[0]: d for d in docs})
    assert [shards[i][1] for i in range(len(shards))] == [texts[d] for d in index["docs"]["doc_id"]]
    assert HOSTILE in texts.values()


def test_every_target_is_a_row_whose_offsets_give_its_surface(report: Path, data_dir: Path) -> None:
    (index,) = _call(report.parent / "report_files" / "data.js", "chitieuData")
    rows, docs, texts = index["rows"], index["docs"]["doc_id"], load_texts(data_dir)
    targets = load_table(data_dir, "targets")
    assert len(rows["doc"]) == len(targets) and index["mismatches"] == 0
    got = [(docs[d], s, e, texts[docs[d]][s:e]) for d, s, e in zip(rows["doc"], rows["start"], rows["end"], strict=True)]
    assert got == [(r["doc_id"], r["start"], r["end"], r["surface"]) for _, r in targets.iterrows()]
    places = [index["enums"]["place"][p] for p in rows["place"]]
    assert places == targets["place"].tolist()


def test_shards_hold_spans_but_not_the_values_of_rows(data_dir: Path) -> None:
    index, shards = report_data(load_table(data_dir, "targets"), load_table(data_dir, "references"),
                                load_table(data_dir, "documents"), load_spans(data_dir), load_texts(data_dir))
    labels = index["labels"]
    plan = index["docs"]["doc_id"].index("kh_plan")
    (entry,) = [d for s in shards for d in s if d[0] == plan]
    spans = {(labels[lbl], entry[1][s:e], detail) for s, e, lbl, detail in entry[2]}
    assert ("level", "cấp huyện", "huyen") in spans and ("place", "tỉnh Khánh Hòa", "Khánh Hòa") in spans
    assert ("reference", "Quyết định số 100/QĐ-UBND ngày 05/01/2022",
            "100/QĐ-UBND · Quyết định · Ủy ban nhân dân tỉnh Khánh Hòa · 2022-01-05") in spans
    assert not [s for s in spans if s[0] == "value"]  # values come from the rows, with all their fields


def test_texts_are_split_into_files_of_bounded_size() -> None:
    text = "Năm 2025 đạt 60%. " * 5000  # 90,000 characters
    frame = {name: load_table(Path("/nonexistent"), name) for name in ("targets", "references", "documents", "spans")}
    texts = {f"d{i}": text for i in range(3)}
    _, shards = report_data(frame["targets"], frame["references"], frame["documents"], frame["spans"], texts)
    per_shard = SHARD_CHARS // len(text)
    assert [len(s) for s in shards] == [min(3, per_shard), *([3 - per_shard] if per_shard < 3 else [])]


def test_a_second_report_leaves_no_stale_text_files(tmp_path: Path) -> None:
    data = write_review_data(tmp_path)
    docs = tmp_path / "report_files" / "docs"
    write_report(data, tmp_path / "report.html")
    (docs / "0007.js").write_text("chitieuShard(7,[]);\n", encoding="utf-8")  # as a larger corpus would leave
    write_report(data, tmp_path / "report.html")
    assert sorted(p.name for p in docs.iterdir()) == ["0000.js"]


def test_single_file_report(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "one.html"
    result = CliRunner().invoke(app, ["report", "--data", str(data_dir), "--out", str(out), "--single-file"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    tags = _tags(html)
    kinds = [a.get("type") for t, a in tags if t == "script"]
    assert kinds[0] is None and set(kinds[1:]) == {"application/json"} and not (tmp_path / "one_files").exists()
    assert "<img" not in html and re.search(r"</script>", html[html.index('id="chitieu-data"'):]) is not None
    data = json.loads(next(p for p in html.split('<script type="application/json" id="chitieu-data">')[1:]
                           ).split("</script>")[0])
    assert len(data["rows"]["doc"]) == len(load_table(data_dir, "targets"))


# ---------------------------------------------------------------------------
# Headless Chromium (skipped when chromium, chromedriver or selenium is absent)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not (chrome and driver_path):
        pytest.skip("no chromium and chromedriver on PATH")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chrome
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,900", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    except Exception as exc:  # a browser that cannot start here is a skip, not a failure
        pytest.skip(f"chromium could not start: {str(exc).splitlines()[0]}")
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _severe(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def _wait(driver, script: str, timeout: float = 10.0):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.02).until(lambda d: d.execute_script(script))


def _visible_rows(driver) -> list[str]:
    return driver.execute_script("return Array.from(document.querySelectorAll('#targets tr.row'))"
                                 ".map(r => r.querySelector('td').textContent)")


def _open(driver, page: Path) -> None:
    driver.get("about:blank")
    driver.get(page.as_uri())
    _wait(driver, "return window.chitieuReady")


def test_report_in_chromium(browser, report: Path, data_dir: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, report)
    targets = load_table(data_dir, "targets")
    assert browser.find_element(By.ID, "shown").text == str(len(targets))
    assert len(_visible_rows(browser)) == len(targets)

    # typing filters (diacritics optional), a select narrows further, reset brings every row back
    browser.find_element(By.ID, "q").send_keys("che phu rung")
    assert sorted(_visible_rows(browser)) == ["47,5%", "48%", "55%", "9%"]
    browser.execute_script("const s = document.getElementById('f-year'); s.value = '2030';"
                           "s.dispatchEvent(new Event('change'));")
    assert _visible_rows(browser) == ["55%"]
    browser.find_element(By.ID, "reset").click()
    _wait(browser, f"return document.getElementById('shown').textContent === '{len(targets)}'")

    # a tap on a row shows its fields and its sentence, the value marked (no tooltip needed)
    row = browser.find_element(By.CSS_SELECTOR, "#targets tr.row")
    row.click()
    mark = _wait(browser, "const m = document.querySelector('tr.detail .sentence mark'); return m && m.textContent")
    assert mark == row.find_element(By.TAG_NAME, "td").text
    detail = browser.find_element(By.CSS_SELECTOR, "tr.detail").text
    assert "status" in detail and "indicator" in detail and "Khánh Hòa" in detail

    # the chart filters by year on tap
    browser.execute_script("document.getElementById('chart-box').open = true")
    browser.find_element(By.CSS_SELECTOR, '#chart .bar[data-year="2030"]').click()
    assert sorted(_visible_rows(browser)) == ["100%", "55%"]
    assert _severe(browser) == []


def test_documents_in_chromium_stay_text(browser, report: Path, data_dir: Path) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, report)
    (index,) = _call(report.parent / "report_files" / "data.js", "chitieuData")
    targets = load_table(data_dir, "targets")
    for d, doc_id in enumerate(index["docs"]["doc_id"]):
        browser.execute_script(f"location.hash = 'doc/{d}'")
        _wait(browser, f"return document.getElementById('doc').getAttribute('data-shown') === '{d}'")
        texts = browser.execute_script("""
            const out = {};
            document.querySelectorAll('#doc .hl.l-value[id]').forEach(el => {
                const k = el.getAttribute('data-s').split(' ')[0];
                out[el.id] = Array.from(document.querySelectorAll('#doc .text [data-s~="' + k + '"]'))
                    .map(p => p.textContent).join('');
            });
            return out;""")
        rows = targets[targets["doc_id"] == doc_id]
        assert texts == {f"v-{r['start']}-{r['end']}": r["surface"] for _, r in rows.iterrows()}
    # the hostile document: its markup is text, nothing ran, its javascript: url is no link
    hostile = index["docs"]["doc_id"].index('x"><img src=x onerror=alert(1)>')
    browser.execute_script(f"location.hash = 'doc/{hostile}'")
    _wait(browser, f"return document.getElementById('doc').getAttribute('data-shown') === '{hostile}'")
    article = browser.find_element(By.ID, "doc")
    assert "<script>window.chitieuPwned = 1</script>" in article.text and "<b>tiêu đề</b>" in article.text
    assert browser.execute_script("return document.querySelectorAll('#doc img, #doc script, #doc b, #doc a').length") == 0
    assert browser.execute_script("return window.chitieuPwned") is None
    # a tap on a highlight shows its fields in the panel
    browser.find_element(By.CSS_SELECTOR, "#doc .text .hl.l-value").click()
    panel = browser.find_element(By.ID, "panel")
    assert panel.is_displayed() and "che phủ rừng" in panel.text and "2030" in panel.text
    assert _severe(browser) == []


def test_phone_width_in_chromium(browser, report: Path) -> None:
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True})
    try:
        _open(browser, report)
        browser.execute_script("document.getElementById('chart-box').open = true")
        fit = browser.execute_script("""
            const w = document.documentElement.clientWidth, out = {w: w, page: document.documentElement.scrollWidth};
            document.querySelectorAll('#chart .bar').forEach(b => {
                const r = b.getBoundingClientRect(); out[b.getAttribute('data-year')] = r.left >= 0 && r.right <= w;
            });
            return out;""")
        assert fit["w"] == 360 and fit["page"] <= 360
        assert fit["2025"] and fit["2030"]
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_single_file_report_in_chromium(browser, tmp_path: Path, data_dir: Path) -> None:
    out = write_report(data_dir, tmp_path / "one.html", single_file=True)
    _open(browser, out)
    browser.execute_script("location.hash = 'doc/0'")
    _wait(browser, "return document.getElementById('doc').getAttribute('data-shown') === '0'")
    assert browser.execute_script("return document.querySelectorAll('#doc .hl.l-value').length") > 0
    assert _severe(browser) == []


def test_report_of_the_sample_corpus(tmp_path: Path) -> None:
    """The real pipeline on the sample corpus: every row's offsets give its surface in the texts shipped."""
    if not any((ROOT / "corpus").glob("*.txt")):
        pytest.skip("no sample corpus")
    assert CliRunner().invoke(app, ["extract", str(ROOT / "corpus"), "--out", str(tmp_path)]).exit_code in (0, 6)
    targets = load_table(tmp_path, "targets")
    assert not targets.empty
    write_report(tmp_path, tmp_path / "report.html")
    (index,) = _call(tmp_path / "report_files" / "data.js", "chitieuData")
    texts = {}
    for path in (tmp_path / "report_files" / "docs").glob("*.js"):
        texts.update({d[0]: d[1] for d in _call(path, "chitieuShard")[1]})
    rows = index["rows"]
    assert index["mismatches"] == 0
    assert [texts[d][s:e] for d, s, e in zip(rows["doc"], rows["start"], rows["end"], strict=True)] == \
        targets["surface"].tolist()
