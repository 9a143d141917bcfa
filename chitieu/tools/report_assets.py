"""The CSS and JavaScript inlined into the review report (kept in a module so they ship with the package).

The script is static: it reads only the DOM (no corpus data is ever put into script text).
"""

CSS = r"""
:root { --value:#ffd166; --year:#9be3de; --level:#b8f2c0; --place:#d7c4f2; --reference:#ffb3c1;
        --comparator:#ffe4b3; --status:#cde3ff; --cue:#cde3ff; --other:#e3e3e3; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; margin: 0;
       color: #222; background: #fafafa; }
header { padding: 12px 20px; background: #fff; border-bottom: 1px solid #ddd; }
header h1 { margin: 0 0 4px; font-size: 20px; }
main { padding: 0 20px 40px; }
h2 { font-size: 17px; margin: 22px 0 8px; }
h3 { font-size: 15px; margin: 0 0 6px; }
h3 small { font-weight: normal; color: #666; }
.error { color: #b00020; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; font-size: 13px; }
.filters input { padding: 4px 8px; min-width: 200px; }
.table-wrap { max-height: 420px; overflow: auto; border: 1px solid #ddd; background: #fff; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th { position: sticky; top: 0; background: #f0f0f0; text-align: left; padding: 4px 6px; }
td { padding: 3px 6px; border-top: 1px solid #eee; vertical-align: top; }
tbody tr { cursor: pointer; }
tbody tr:hover { background: #fff6d6; }
tr.flash td { animation: flash 1.6s ease-out; }
.doc { background: #fff; border: 1px solid #ddd; padding: 10px 14px; margin-bottom: 12px; }
.text { white-space: pre-wrap; line-height: 2.1; }
.hl { border-radius: 3px; padding: 2px 0; }
.hl.l-value { background: var(--value); cursor: pointer; font-weight: 600; }
.hl.l-year { background: var(--year); }
.hl.l-level { background: var(--level); }
.hl.l-place { background: var(--place); }
.hl.l-reference { background: var(--reference); }
.hl.l-comparator { background: var(--comparator); }
.hl.l-status, .hl.l-cue { background: var(--cue); }
.hl.l-indicator { border-bottom: 2px dashed #777; }
.hl:not(.l-value):not(.l-year):not(.l-level):not(.l-place):not(.l-reference):not(.l-comparator):not(.l-status):not(.l-cue):not(.l-indicator) { background: var(--other); }
.hl.start[data-tag]::before { content: attr(data-tag); font: 600 9px/1 sans-serif; text-transform: uppercase;
  color: #444; background: rgba(255,255,255,.75); border-radius: 2px; padding: 1px 3px; margin-right: 3px;
  vertical-align: super; }
.hl.l-indicator.start[data-tag="indicator"]::before { display: none; }
.legend { padding: 2px 6px; font-size: 12px; }
.hl.flash { animation: flash 1.6s ease-out; }
@keyframes flash { 0% { outline: 3px solid #e63946; background: #ffadad; } 100% { outline: 3px solid transparent; } }
#chart .dot { cursor: pointer; }
#chart .dot:hover circle { fill: #e15759; }
"""

JS = r"""
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("#targets tbody tr"));
  var q = document.getElementById("q");
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-col]"));
  var shown = document.getElementById("shown");

  function apply() {
    var text = q.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (r) {
      var ok = !text || r.textContent.toLowerCase().indexOf(text) >= 0;
      selects.forEach(function (s) {
        if (s.value !== "" && r.getAttribute("data-" + s.getAttribute("data-col")) !== s.value) { ok = false; }
      });
      r.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = String(n);
  }

  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }

  function pieces(first) {
    var box = first.closest(".text");
    return box ? box.querySelectorAll('[data-s~="' + first.getAttribute("data-k") + '"]') : [first];
  }

  function goToValue(row) {
    var el = document.getElementById(row.getAttribute("data-href"));
    if (!el) { return; }
    el.scrollIntoView({ block: "center" });
    Array.prototype.forEach.call(pieces(el), flash);
  }

  rows.forEach(function (r) {
    r.addEventListener("click", function () { goToValue(r); });
    r.addEventListener("keydown", function (e) { if (e.key === "Enter") { goToValue(r); } });
  });

  Array.prototype.forEach.call(document.querySelectorAll(".hl.l-value[id]"), function (el) {
    el.addEventListener("click", function () {
      var row = document.querySelector('#targets tbody tr[data-href="' + el.id + '"]');
      if (!row) { return; }
      if (row.hidden) { q.value = ""; selects.forEach(function (s) { s.value = ""; }); apply(); }
      row.scrollIntoView({ block: "center" });
      flash(row);
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll("#chart .dot"), function (g) {
    g.addEventListener("click", function () {
      selects.forEach(function (s) {
        var col = s.getAttribute("data-col");
        if (col === "place") { s.value = g.getAttribute("data-place"); }
        if (col === "year") { s.value = g.getAttribute("data-year"); }
      });
      apply();
      document.getElementById("table-section").scrollIntoView();
    });
  });

  q.addEventListener("input", apply);
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  document.getElementById("reset").addEventListener("click", function () {
    q.value = ""; selects.forEach(function (s) { s.value = ""; }); apply();
  });
  apply();
})();
"""
