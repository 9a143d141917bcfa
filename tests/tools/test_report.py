"""`chitieu report`: one self-contained HTML page, checked as HTML and in headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from _review_data import write_review_data
from chitieu.pipeline.cli import app
from typer.testing import CliRunner

from chitieu.tools.report import render_text
from chitieu.tools.tables import load_table

ROOT = Path(__file__).resolve().parents[2]
XSS = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_review_data(tmp_path_factory.mktemp("report"))


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


def test_report_is_self_contained_and_escapes_corpus_text(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    tags = _tags(html)
    assert [t for t, _ in tags].count("script") == 1  # our own script only
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and XSS not in html
    assert not [t for t, a in tags if t == "b"]  # "<b>đậm</b>" in the text stays text
    for tag, attrs in tags:  # nothing is fetched: no src/href to another place
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            assert not value.startswith(("http:", "https:", "//")), (tag, attrs)
    assert "<svg" in html and "<table" in html


def test_every_target_has_a_highlight_with_its_surface(report: Path, data_dir: Path) -> None:
    html = report.read_text(encoding="utf-8")
    ids = {a.get("id") for _, a in _tags(html)}
    hrefs = {a.get("data-href") for t, a in _tags(html) if t == "tr"}
    targets = load_table(data_dir, "targets")
    docs = list(dict.fromkeys(load_table(data_dir, "documents")["doc_id"]))
    for _, row in targets.iterrows():
        vid = f"v-{docs.index(row['doc_id'])}-{row['start']}-{row['end']}"
        assert vid in ids and vid in hrefs


def test_overlapping_spans_share_pieces() -> None:
    text = "Quyết định số 5/QĐ-UBND năm 2022 đạt 60%"
    spans = [(0, 32, "reference", "5/QĐ-UBND", "", ""), (24, 32, "year", "2022", "", ""),
             (37, 40, "value", "60", "v-0-37-40", "")]
    html = render_text(text, spans)
    tags = _tags(html)
    year_piece = [a for t, a in tags if a.get("data-s") == "0 1" or a.get("data-s") == "1 0"]
    assert len(year_piece) == 1 and "l-year" in (year_piece[0]["class"] or "")
    assert any(a.get("id") == "v-0-37-40" for _, a in tags)
    # the text itself is unchanged once the markup is removed
    stripped = HTMLParser()
    pieces: list[str] = []
    stripped.handle_data = pieces.append  # type: ignore[method-assign]
    stripped.feed(html)
    assert "".join(pieces) == text


def test_spans_out_of_range_are_ignored() -> None:
    assert render_text("ab", [(1, 9, "value", "", "", ""), (0, 1, "year", "", "", "")]).endswith("</span>b")


# ---------------------------------------------------------------------------
# Headless Chromium


def _install_chromium() -> tuple[str, str]:
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chrome and driver:
        return chrome, driver
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("no chromium/chromedriver and cannot install them (needs root and apt-get: "
                    "apt-get install chromium chromium-driver)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    proc = subprocess.run("apt-get update -qq && apt-get install -y -qq chromium chromium-driver",
                          shell=True, env=env, capture_output=True, text=True, timeout=1500)
    chrome, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chrome and driver):
        pytest.skip(f"installing chromium failed (exit {proc.returncode}): {proc.stderr[-500:]}")
    return chrome, driver


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory):
    chrome, driver_path = _install_chromium()
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chrome
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,1400",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
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


def _value_texts(driver) -> dict[str, str]:
    """For each value highlight's id, the text of all pieces of that span."""
    return driver.execute_script("""
        const out = {};
        document.querySelectorAll('.hl.l-value[id]').forEach(el => {
            const box = el.closest('.text'), k = el.getAttribute('data-k');
            out[el.id] = Array.from(box.querySelectorAll('[data-s~="' + k + '"]')).map(p => p.textContent).join('');
        });
        return out;""")


def test_report_in_chromium(browser, report: Path, data_dir: Path, tmp_path_factory) -> None:
    from selenium.webdriver.common.by import By

    browser.get(report.as_uri())
    assert _severe(browser) == []
    # the XSS payload is text, not a script, and did not run (no alert is open)
    assert len(browser.find_elements(By.CSS_SELECTOR, "script")) == 1
    assert XSS in browser.find_element(By.ID, "docs-section").text
    assert browser.execute_script("return document.querySelectorAll('.text b').length") == 0

    # every extracted value is highlighted, over exactly its surface
    targets = load_table(data_dir, "targets")
    texts = _value_texts(browser)
    docs = list(dict.fromkeys(load_table(data_dir, "documents")["doc_id"]))
    for _, row in targets.iterrows():
        assert texts[f"v-{docs.index(row['doc_id'])}-{row['start']}-{row['end']}"] == row["surface"]

    # the table filters, and a row click flashes its highlight
    box = browser.find_element(By.ID, "q")
    box.send_keys("che phủ rừng")
    visible = [r for r in browser.find_elements(By.CSS_SELECTOR, "#targets tbody tr") if r.is_displayed()]
    assert len(visible) == 3 and browser.find_element(By.ID, "shown").text == "3"
    visible[0].click()
    target = browser.find_element(By.ID, visible[0].get_attribute("data-href"))
    assert "flash" in target.get_attribute("class")
    browser.find_element(By.ID, "reset").click()
    assert browser.find_element(By.ID, "shown").text == str(len(targets))

    shot = tmp_path_factory.mktemp("screens") / "report.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    assert _severe(browser) == []


def test_report_of_the_sample_corpus_in_chromium(browser, tmp_path_factory) -> None:
    """The real pipeline on the sample corpus: every value row has a highlight with its surface."""
    if not any((ROOT / "corpus").glob("*.txt")):
        pytest.skip("no sample corpus")
    out = tmp_path_factory.mktemp("corpus_report")
    assert CliRunner().invoke(app, ["extract", str(ROOT / "corpus"), "--out", str(out)]).exit_code in (0, 6)
    targets = load_table(out, "targets")
    if targets.empty:
        pytest.skip("the extraction core found no targets")
    assert CliRunner().invoke(app, ["report", "--data", str(out)]).exit_code == 0
    browser.get((out / "report.html").as_uri())
    assert _severe(browser) == []
    texts = _value_texts(browser)
    docs = list(dict.fromkeys(load_table(out, "documents")["doc_id"]))
    missing = [(r["doc_id"], r["surface"]) for _, r in targets.iterrows()
               if texts.get(f"v-{docs.index(r['doc_id'])}-{r['start']}-{r['end']}") != r["surface"]]
    assert missing == []
