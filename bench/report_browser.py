"""The review report in headless Chromium: load time, filter time per keystroke, console errors, screenshots.

    python -m bench.report_browser --data /tmp/rep-out          # a folder written by `chitieu extract`
    python -m bench.report_browser --data /tmp/rep-out --scale 3 --shots /tmp/x3   # 3 copies of it

Writes ``DATA/report.html`` (unless ``--no-build``), opens it from ``file://`` in headless Chromium
(``/usr/bin/chromium`` and ``chromedriver`` through selenium) and prints:

- load: milliseconds from navigation start until the table, filters and chart are drawn
  (``window.chitieuReady``), for a first and two more loads;
- filter: per keystroke (typing an indicator, one character at a time, each an ``input`` event),
  milliseconds until the table is redrawn and laid out, median and max; then one place chosen;
- document: milliseconds from a row's "open in the document" to its text drawn with highlights;
- console errors (``SEVERE`` entries of the browser log) over the whole run;
- the phone layout at 360 px: whether the page and the chart fit the width, and whether the
  years 2025 and 2030 of the chart are inside it.

Screenshots go to ``--shots`` (default /tmp): ``report-desktop.png`` (1280 px, a row's details
open), ``report-desktop-doc.png`` (a document), ``report-phone.png``, ``report-phone-chart.png``
and ``report-phone-doc.png`` (375 px, emulated as a phone). These are measurements, not assertions: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

QUERY = "ty le ho so truc tuyen"  # typed without diacritics, as people do; 22 keystrokes

TYPE_ONE = """
const q = document.getElementById('q');
const t0 = performance.now();
q.value = q.value + arguments[0];
q.dispatchEvent(new Event('input', {bubbles: true}));
document.body.offsetHeight;  // layout of the redrawn table and chart
return [performance.now() - t0, window.chitieuLastFilterMs, document.getElementById('shown').textContent];
"""


def _driver(width: int, height: int):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chrome = shutil.which("chromium") or "/usr/bin/chromium"
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    options = webdriver.ChromeOptions()
    options.binary_location = chrome
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--hide-scrollbars", f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(120)
    return driver


def _wait(driver, script: str, timeout: float = 30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.01)
    raise TimeoutError(script)


def _load(driver, uri: str) -> tuple[float, float]:
    driver.get("about:blank")
    driver.get(uri)
    ready = _wait(driver, "return window.chitieuReady")
    load_end = driver.execute_script("const n = performance.getEntriesByType('navigation')[0];"
                                     "return n ? n.loadEventEnd : 0;")
    return float(ready), float(load_end)


def _phone(driver, width: int, height: int) -> None:
    """A phone's viewport (headless windows are at least 500 px wide): CSS pixels, touch, mobile."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})


def _errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def _phone_fit(driver) -> dict:
    return driver.execute_script("""
        const box = document.getElementById('chart-box');
        const w = document.documentElement.clientWidth;
        const years = {};
        document.querySelectorAll('#chart .bar').forEach(b => {
            const r = b.getBoundingClientRect();
            years[b.getAttribute('data-year')] = r.left >= 0 && r.right <= w + 0.5 && r.width > 0;
        });
        return {viewport: w, page_width: document.documentElement.scrollWidth,
                chart_width: Math.round(box.getBoundingClientRect().width),
                y2025: years['2025'], y2030: years['2030']};""")


def scaled(data: Path, times: int, out: Path) -> Path:
    """``times`` copies of the tables of ``data`` (document ids suffixed ``~k``) in ``out``: a larger
    corpus with the same texts, to see how the report grows."""
    import json

    import pandas as pd

    out.mkdir(parents=True, exist_ok=True)
    for name in ("targets", "references", "documents", "spans"):
        frame = pd.read_csv(data / f"{name}.csv", dtype=str, keep_default_na=False)
        copies = [frame.assign(doc_id=frame["doc_id"] + (f"~{k}" if k else "")) for k in range(times)]
        pd.concat(copies).to_csv(out / f"{name}.csv", index=False)
    with open(data / "texts.jsonl", encoding="utf-8") as src, open(out / "texts.jsonl", "w", encoding="utf-8") as dst:
        rows = [json.loads(line) for line in src if line.strip()]
        for k in range(times):
            for row in rows:
                dst.write(json.dumps({**row, "doc_id": row["doc_id"] + (f"~{k}" if k else "")}, ensure_ascii=False) + "\n")
    return out


def run(data: Path, shots: Path, build: bool) -> int:
    page = data / "report.html"
    if build:
        from chitieu.tools.report import write_report

        t0 = time.perf_counter()
        write_report(data, page)
        print(f"build: {time.perf_counter() - t0:.1f} s  →  {page}")
    files = data / "report_files"
    size = sum(p.stat().st_size for p in files.rglob("*") if p.is_file()) if files.is_dir() else 0
    shards = len(list((files / "docs").glob("*.js"))) if files.is_dir() else 0
    data_js = (files / "data.js").stat().st_size if (files / "data.js").exists() else 0
    print(f"sizes: report.html {page.stat().st_size / 1e3:.0f} kB, data.js {data_js / 1e6:.2f} MB, "
          f"{shards} text files, folder {size / 1e6:.1f} MB")
    uri = page.resolve().as_uri()
    shots.mkdir(parents=True, exist_ok=True)
    errors: list[dict] = []

    driver = _driver(1280, 900)
    try:
        loads = [_load(driver, uri) for _ in range(3)]
        counts = driver.execute_script("return [window.chitieuData && document.getElementById('summary').textContent]")
        print(f"opened: {counts[0]}")
        print("load to interactive: " + ", ".join(f"{r:.0f} ms" for r, _ in loads)
              + "  (load event: " + ", ".join(f"{e:.0f}" for _, e in loads) + " ms)")
        errors += _errors(driver)

        times, own = [], []
        for ch in QUERY:
            total, inner, shown = driver.execute_script(TYPE_ONE, ch)
            times.append(total)
            own.append(inner)
        print(f"filter per keystroke ({len(QUERY)} keys, '{QUERY}' → {shown} rows): median {statistics.median(times):.1f} ms, "
              f"max {max(times):.1f} ms (filtering alone: median {statistics.median(own):.1f}, max {max(own):.1f} ms)")
        t_place = driver.execute_script("""
            const q = document.getElementById('q'); q.value = ''; q.dispatchEvent(new Event('input'));
            const s = document.getElementById('f-place'); s.selectedIndex = 1;
            const t0 = performance.now(); s.dispatchEvent(new Event('change')); document.body.offsetHeight;
            return performance.now() - t0;""")
        print(f"place filter: {t_place:.1f} ms")
        driver.execute_script("document.getElementById('reset').click()")
        _wait(driver, "return document.getElementById('shown').textContent === document.getElementById('total').textContent")
        driver.execute_script("document.getElementById('f-year').value = '2025';"
                              "document.getElementById('f-year').dispatchEvent(new Event('change'));"
                              "document.querySelector('#targets tr.row').click();")
        _wait(driver, "const s = document.querySelector('tr.detail .sentence mark'); return !!s;")
        driver.save_screenshot(str(shots / "report-desktop.png"))
        href = driver.execute_script("return document.querySelector('tr.detail .actions a').getAttribute('href')")
        t0 = time.perf_counter()
        driver.execute_script(f"location.hash = {href!r}")
        _wait(driver, "return document.getElementById('doc').hasAttribute('data-shown') && "
                      "!document.getElementById('panel').hidden")
        print(f"open a document (text file loaded, highlighted): {(time.perf_counter() - t0) * 1e3:.0f} ms")
        driver.save_screenshot(str(shots / "report-desktop-doc.png"))
        errors += _errors(driver)
    finally:
        driver.quit()

    driver = _driver(800, 900)
    try:
        _phone(driver, 360, 740)
        _load(driver, uri)
        driver.execute_script("document.getElementById('chart-box').open = true;")
        fit = _phone_fit(driver)
        print(f"phone 360 px: viewport {fit['viewport']}, page width {fit['page_width']}, chart {fit['chart_width']} px, "
              f"2025 visible {fit['y2025']}, 2030 visible {fit['y2030']}")
        _phone(driver, 375, 812)
        _load(driver, uri)
        driver.save_screenshot(str(shots / "report-phone.png"))
        driver.execute_script("document.getElementById('chart-box').open = true;"
                              "document.getElementById('chart-box').scrollIntoView();")
        driver.save_screenshot(str(shots / "report-phone-chart.png"))
        driver.execute_script("document.getElementById('chart-box').open = false; window.scrollTo(0, 0);")
        driver.execute_script("document.querySelector('#targets tr.row').click();")
        _wait(driver, "return !!document.querySelector('tr.detail .sentence mark')")
        href = driver.execute_script("return document.querySelector('tr.detail .actions a').getAttribute('href')")
        driver.execute_script(f"location.hash = {href!r}")
        _wait(driver, "return document.getElementById('doc').hasAttribute('data-shown') && "
                      "!document.getElementById('panel').hidden")
        driver.save_screenshot(str(shots / "report-phone-doc.png"))
        errors += _errors(driver)
    finally:
        driver.quit()
    print(f"console errors: {len(errors)}")
    for e in errors[:10]:
        print("  ", e.get("message", "")[:300])
    names = ("report-desktop.png", "report-desktop-doc.png", "report-phone.png", "report-phone-chart.png",
             "report-phone-doc.png")
    print("screenshots: " + ", ".join(str(shots / n) for n in names))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/tmp/rep-out"), help="folder written by `chitieu extract`")
    parser.add_argument("--shots", type=Path, default=Path("/tmp"), help="folder for the screenshots")
    parser.add_argument("--no-build", action="store_true", help="open the report.html already there")
    parser.add_argument("--scale", type=int, default=1, help="report on this many copies of the data "
                        "(written to DATA-xN; to see how load and filter times grow)")
    args = parser.parse_args(argv)
    if not (args.data / "targets.csv").exists():
        print(f"no targets.csv in {args.data}: run `chitieu extract … --out {args.data}` first", file=sys.stderr)
        return 1
    data = args.data
    if args.scale > 1:
        data = scaled(args.data, args.scale, args.data.with_name(f"{args.data.name}-x{args.scale}"))
    return run(data, args.shots, not args.no_build or args.scale > 1)


if __name__ == "__main__":
    raise SystemExit(main())
