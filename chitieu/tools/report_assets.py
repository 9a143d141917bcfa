"""The CSS and JavaScript of the review report (kept in a module so they ship with the package).

The script never turns data into markup: every string from the corpus is written with
``textContent`` or ``setAttribute`` (no ``innerHTML``), and a link is made only of an
``http(s)`` URL. Data arrive as ``chitieuData({...})`` (``report_files/data.js``) and
``chitieuShard(n, [...])`` (``report_files/docs/NNNN.js``, loaded when first needed), or from
``<script type="application/json">`` elements when the report is one file.
"""

CSS = r"""
:root { --value:#ffd166; --year:#9be3de; --level:#b8f2c0; --place:#d7c4f2; --reference:#ffb3c1;
        --other:#e3e3e3; --target:#4e79a7; --actual:#59a14f; --otherbar:#bab0ac; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; margin: 0;
       color: #222; background: #fafafa; }
header { padding: 10px 16px 0; background: #fff; border-bottom: 1px solid #ddd; }
header h1 { margin: 0 0 2px; font-size: 19px; overflow-wrap: anywhere; }
header p { margin: 0 0 6px; color: #555; font-size: 13px; }
nav a { display: inline-block; padding: 6px 12px; margin-right: 4px; color: #235; text-decoration: none;
        border: 1px solid #ddd; border-bottom: 0; border-radius: 6px 6px 0 0; background: #f3f3f3; }
nav a.on { background: #fafafa; font-weight: 600; }
main { padding: 10px 16px 120px; }
.error { color: #b00020; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 10px; align-items: flex-end; margin-bottom: 8px; font-size: 13px; }
.filters label { display: flex; flex-direction: column; color: #555; }
.filters .grow { flex: 1 1 220px; }
.filters input, .filters select, .filters button { font: inherit; font-size: 14px; padding: 5px 6px; max-width: 100%; }
.filters select { max-width: 190px; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 16px; align-items: start; }
.count { margin: 4px 0 6px; font-size: 13px; display: flex; justify-content: space-between; align-items: center; }
.pager button { font: inherit; padding: 3px 11px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; background: #fff; border: 1px solid #ddd; }
th { background: #f0f0f0; text-align: left; padding: 5px 6px; }
td { padding: 4px 6px; border-top: 1px solid #eee; vertical-align: top; }
tbody tr.row { cursor: pointer; }
tbody tr.row:hover, tbody tr.row.open { background: #fff6d6; }
td.v { font-weight: 600; white-space: nowrap; }
td.ind { max-width: 34em; }
td.doc { color: #666; overflow-wrap: anywhere; max-width: 14em; }
.st { display: inline-block; padding: 0 6px; border-radius: 9px; color: #fff; font-size: 12px; background: var(--otherbar); }
.st.target { background: var(--target); } .st.actual { background: var(--actual); }
tr.detail td { background: #fffdf3; padding: 8px 10px 12px; }
dl.fields { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 12px; margin: 0 0 8px; font-size: 13px; }
dl.fields dt { color: #666; } dl.fields dd { margin: 0; overflow-wrap: anywhere; }
.sentence { background: #fff; border-left: 3px solid var(--value); padding: 6px 10px; margin: 6px 0; }
.sentence mark { background: var(--value); font-weight: 600; }
.actions a { margin-right: 14px; }
.hint { color: #777; font-size: 12px; }
#chart-box { background: #fff; border: 1px solid #ddd; padding: 6px 10px; }
#chart-box summary { cursor: pointer; font-weight: 600; font-size: 14px; }
#chart { margin-top: 6px; }
.bar { display: grid; grid-template-columns: 5.2em minmax(0, 1fr) 3.6em; align-items: center; gap: 6px; width: 100%;
       border: 0; background: none; padding: 1px 0; font: inherit; font-size: 12px; cursor: pointer; text-align: left; }
.bar:hover, .bar.on { background: #fff1c1; }
.bar .y { text-align: right; font-variant-numeric: tabular-nums; }
.bar .n { color: #555; font-variant-numeric: tabular-nums; }
.bar .track { display: flex; height: 11px; overflow: hidden; }
.bar .track i { display: block; height: 100%; }
.k { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 8px; }
.target { --c: var(--target); } .actual { --c: var(--actual); } .other { --c: var(--otherbar); }
.bar .track i, .k { background: var(--c); }
.keys { font-size: 12px; color: #555; margin: 6px 0 0; }
#doclist { list-style: none; padding: 0; margin: 0; }
#doclist li { background: #fff; border: 1px solid #e3e3e3; margin-bottom: 6px; padding: 6px 10px; }
#doclist small { color: #666; }
article { background: #fff; border: 1px solid #ddd; padding: 10px 14px; }
article h2 { font-size: 17px; margin: 0 0 4px; overflow-wrap: anywhere; }
article .meta { font-size: 13px; color: #555; margin: 0 0 8px; overflow-wrap: anywhere; }
.text { white-space: pre-wrap; line-height: 2.1; overflow-wrap: anywhere; }
.hl { border-radius: 3px; padding: 2px 0; cursor: pointer; }
.hl.l-value { background: var(--value); font-weight: 600; }
.hl.l-year { background: var(--year); } .hl.l-level { background: var(--level); }
.hl.l-place { background: var(--place); } .hl.l-reference { background: var(--reference); }
.hl.l-other { background: var(--other); }
.hl.start[data-tag]::before { content: attr(data-tag); font: 600 9px/1 sans-serif; text-transform: uppercase;
  color: #444; background: rgba(255,255,255,.75); border-radius: 2px; padding: 1px 3px; margin-right: 3px;
  vertical-align: super; }
.legend { padding: 2px 6px; margin-right: 4px; font-size: 12px; }
.flash { animation: flash 1.6s ease-out; }
@keyframes flash { 0% { outline: 3px solid #e63946; background: #ffadad; } 100% { outline: 3px solid transparent; } }
#panel { position: fixed; right: 12px; bottom: 12px; width: 380px; max-height: 60vh; overflow: auto; background: #fff;
         border: 1px solid #bbb; border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.18); padding: 10px 12px; font-size: 13px; z-index: 5; }
#panel h3 { margin: 4px 0; font-size: 14px; }
#panel-close { float: right; font-size: 20px; line-height: 1; border: 0; background: none; cursor: pointer; padding: 0 4px; }
@media (max-width: 760px) {
  main { padding: 8px 8px 140px; }
  .layout { grid-template-columns: minmax(0, 1fr); }
  #chart-box { order: -1; }
  .filters select { max-width: 46vw; }
  table, tbody { display: block; border: 0; background: none; }
  thead { display: none; }
  tr.row { display: grid; grid-template-columns: auto auto auto 1fr; gap: 2px 8px; background: #fff; border: 1px solid #e3e3e3;
           margin-bottom: 6px; padding: 6px 8px; }
  tr.row td { border: 0; padding: 0; }
  tr.row td.ind { grid-column: 1 / -1; max-width: none; }
  tr.row td.doc { grid-column: 1 / -1; max-width: none; font-size: 12px; }
  tr.row td.place { text-align: right; }
  tr.row td.level:empty { display: none; }
  tr.detail { display: block; margin: -6px 0 6px; border: 1px solid #e3e3e3; border-top: 0; }
  tr.detail td { display: block; }
  #panel { left: 0; right: 0; bottom: 0; width: auto; max-height: 50vh; border-radius: 10px 10px 0 0; }
}
"""

JS = r"""
(function () {
  "use strict";
  var D = null, N = 0, PAGE = 50, page = 0, order = [], hay = [], byDoc = {};
  var docs = {}, loading = {}, dpage = 0, dorder = null, dhay = null, current = -1;
  var base = document.body.getAttribute("data-base") || "";
  var STATUSES = ["target", "actual", "other"];
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function fold(s) {
    return String(s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\u0111/g, "d");
  }
  function val(col, r) { var v = D.rows[col][r]; return D.enums[col] ? D.enums[col][v] : v; }
  function num(v) { return v === null || v === undefined ? "" : String(v); }
  function clean(s) { return String(s).replace(/[^a-z0-9_]/gi, "_").toLowerCase(); }
  function safeUrl(u) { return /^https?:\/\//i.test(u || "") ? u : ""; }
  function link(href, text) { var a = el("a", "", text); a.setAttribute("href", href); return a; }

  // ------------------------------------------------------------------ data
  window.chitieuMissing = function (s) {
    $("summary").textContent = "Could not load " + s.getAttribute("src") +
      ": keep the folder report_files beside report.html.";
    $("summary").className = "error";
  };
  window.chitieuData = function (data) { if (!D) { init(data); } };
  window.chitieuShard = function (n, list) {
    list.forEach(function (x) { docs[x[0]] = { text: x[1], spans: x[2] }; });
    var waiting = loading[n] || [];
    loading[n] = null;
    waiting.forEach(function (f) { f(); });
  };
  function withDoc(d, cb) {
    if (docs[d]) { cb(docs[d]); return; }
    var n = D.docs.shard[d];
    if (n === null || n === undefined) { cb(null); return; }
    if (loading[n]) { loading[n].push(function () { cb(docs[d] || null); }); return; }
    loading[n] = [function () { cb(docs[d] || null); }];
    var inline = document.querySelector('script[data-shard="' + n + '"]');
    if (inline) {
      setTimeout(function () { window.chitieuShard(n, JSON.parse(inline.textContent)); }, 0);
      return;
    }
    var s = document.createElement("script");
    s.charset = "utf-8";
    s.src = base + "docs/" + ("000" + n).slice(-4) + ".js";
    s.onerror = function () { var w = loading[n] || []; loading[n] = null; w.forEach(function (f) { f(); }); };
    document.head.appendChild(s);
  }

  function init(data) {
    D = data;
    N = D.rows.doc.length;
    var foldedEnum = {};
    ["place", "indicator_code", "decision"].forEach(function (c) { foldedEnum[c] = D.enums[c].map(fold); });
    for (var r = 0; r < N; r++) {
      var d = D.rows.doc[r];
      hay.push(fold(D.rows.indicator[r]) + " " + foldedEnum.place[D.rows.place[r]] + " " +
               foldedEnum.indicator_code[D.rows.indicator_code[r]] + " " + foldedEnum.decision[D.rows.decision[r]] +
               " " + fold(D.docs.doc_id[d]) + " " + fold(D.rows.surface[r]));
      (byDoc[d] = byDoc[d] || []).push(r);
    }
    var nd = D.docs.doc_id.length;
    var text = nd.toLocaleString("en") + " document(s) · " + N.toLocaleString("en") + " target row(s) · " +
      D.references.toLocaleString("en") + " reference(s)";
    if (D.mismatches) { text += " · " + D.mismatches + " row(s) whose offsets do not point at their surface"; }
    $("summary").textContent = text;
    $("total").textContent = N.toLocaleString("en");
    options();
    $("chart-box").open = window.innerWidth > 760;
    wire();
    apply();
    route();
    window.chitieuReady = performance.now();
    document.body.classList.add("ready");
  }

  function options() {
    function fill(id, items) {
      var s = $(id);
      s.appendChild(el("option", "", "all")).value = "";
      items.forEach(function (it) { s.appendChild(el("option", "", it[1])).value = it[0]; });
    }
    function enumItems(col, sortByName) {
      var counts = {};
      D.rows[col].forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
      var keys = Object.keys(counts).map(Number);
      keys.sort(sortByName ? function (a, b) { return D.enums[col][a].localeCompare(D.enums[col][b], "vi"); }
                           : function (a, b) { return counts[b] - counts[a]; });
      return keys.map(function (k) { return [String(k), (D.enums[col][k] || "(none)") + " (" + counts[k] + ")"]; });
    }
    fill("f-place", enumItems("place", true));
    fill("f-status", enumItems("status", false));
    fill("f-level", enumItems("level", false));
    var years = {};
    D.rows.year.forEach(function (y) { var k = y === null ? "none" : String(y); years[k] = (years[k] || 0) + 1; });
    var ys = Object.keys(years).sort(function (a, b) { return (b === "none" ? -1 : +b) - (a === "none" ? -1 : +a); });
    var items = ys.map(function (y) { return [y, (y === "none" ? "(none)" : y) + " (" + years[y] + ")"]; });
    var decades = {};
    ys.forEach(function (y) { var k = yearKey(y); if (k.indexOf("-") > 0) { decades[k] = (decades[k] || 0) + years[y]; } });
    Object.keys(decades).sort().reverse().forEach(function (k) { items.push([k, k.replace("-", "–") + " (" + decades[k] + ")"]); });
    fill("f-year", items);
  }

  // ------------------------------------------------------------------ filtering
  // The chart has a bar per year from 2010 on and one per decade before (a few rows each):
  // short enough to read on a phone, and every year is in exactly one bar.
  function yearKey(y) {
    if (y === "none" || +y >= 2010) { return y; }
    var d = Math.floor(+y / 10) * 10;
    return d + "-" + (d + 9);
  }
  function yearMatch(f, y) {
    if (f === null || f === y) { return true; }
    var m = /^(\d+)-(\d+)$/.exec(f);
    return !!m && y !== "none" && +m[1] <= +y && +y <= +m[2];
  }
  function pick(id) { var v = $(id).value; return v === "" ? null : v; }
  function apply() {
    var t0 = performance.now();
    var words = fold($("q").value).split(/\s+/).filter(Boolean);
    var fp = pick("f-place"), fs = pick("f-status"), fl = pick("f-level"), fy = pick("f-year");
    fp = fp === null ? -1 : +fp; fs = fs === null ? -1 : +fs; fl = fl === null ? -1 : +fl;
    var R = D.rows, chart = {}, out = [];
    for (var r = 0; r < N; r++) {
      if ((fp >= 0 && R.place[r] !== fp) || (fs >= 0 && R.status[r] !== fs) || (fl >= 0 && R.level[r] !== fl)) { continue; }
      var ok = true;
      for (var w = 0; w < words.length; w++) { if (hay[r].indexOf(words[w]) < 0) { ok = false; break; } }
      if (!ok) { continue; }
      var y = R.year[r] === null ? "none" : String(R.year[r]), key = yearKey(y);
      var c = chart[key] || (chart[key] = [0, 0, 0]);
      var si = STATUSES.indexOf(D.enums.status[R.status[r]]);
      c[si < 0 ? 2 : si] += 1;
      if (yearMatch(fy, y)) { out.push(r); }
    }
    order = out;
    page = 0;
    $("shown").textContent = out.length.toLocaleString("en");
    table();
    drawChart(chart, fy);
    window.chitieuLastFilterMs = performance.now() - t0;
  }

  function table() {
    var tbody = $("targets").tBodies[0];
    var frag = document.createDocumentFragment();
    var pages = Math.max(1, Math.ceil(order.length / PAGE));
    if (page >= pages) { page = pages - 1; }
    order.slice(page * PAGE, page * PAGE + PAGE).forEach(function (r) {
      var tr = el("tr", "row");
      tr.tabIndex = 0;
      tr.setAttribute("data-r", String(r));
      tr.appendChild(el("td", "v", val("surface", r)));
      var st = el("td", "status");
      st.appendChild(el("span", "st " + clean(val("status", r)), val("status", r)));
      tr.appendChild(st);
      tr.appendChild(el("td", "year", num(val("year", r))));
      tr.appendChild(el("td", "level", val("level", r)));
      tr.appendChild(el("td", "place", val("place", r)));
      tr.appendChild(el("td", "ind", val("indicator", r) || "—"));
      tr.appendChild(el("td", "doc", D.docs.doc_id[val("doc", r)]));
      frag.appendChild(tr);
    });
    tbody.textContent = "";
    tbody.appendChild(frag);
    $("page").textContent = (page + 1) + " / " + pages;
    $("prev").disabled = page === 0;
    $("next").disabled = page >= pages - 1;
  }

  function drawChart(counts, selected) {
    var box = $("chart");
    var years = Object.keys(counts).sort(function (a, b) {
      return (a === "none" ? 1e9 : parseInt(a, 10)) - (b === "none" ? 1e9 : parseInt(b, 10));
    });
    var most = 1;  // the longest bar of a year; "no year" may be longer and is cut at the full width
    years.forEach(function (y) { var c = counts[y]; if (y !== "none") { most = Math.max(most, c[0] + c[1] + c[2]); } });
    var frag = document.createDocumentFragment();
    years.forEach(function (y) {
      var c = counts[y], b = el("button", "bar" + (selected === y ? " on" : ""));
      b.type = "button";
      b.setAttribute("data-year", y);
      b.appendChild(el("span", "y", y === "none" ? "no year" : y.replace(/-\d+$/, "s")));
      var track = el("span", "track");
      STATUSES.forEach(function (s, i) {
        if (c[i]) { var seg = el("i", s); seg.style.width = Math.min(100, 100 * c[i] / most) + "%"; track.appendChild(seg); }
      });
      b.appendChild(track);
      b.appendChild(el("span", "n", (c[0] + c[1] + c[2]).toLocaleString("en")));
      b.setAttribute("aria-label", y + ": " + c[0] + " target, " + c[1] + " actual, " + c[2] + " other");
      frag.appendChild(b);
    });
    box.textContent = "";
    if (!years.length) { box.appendChild(el("p", "hint", "No row matches.")); }
    box.appendChild(frag);
  }

  // ------------------------------------------------------------------ details
  function rowFields(r) {
    var d = val("doc", r), v = num(val("value", r)), hi = num(val("value_high", r));
    var f = [
      ["value", val("surface", r) + "  →  " + v + (hi ? "–" + hi : "") + " (" + (val("comparator", r) || "=") + ")"],
      ["status", val("status", r) + (val("estimate", r) ? " (estimate)" : "")], ["measure", val("measure", r)],
      ["year", num(val("year", r))], ["period", val("period", r)], ["as of", val("as_of", r)],
      ["level", val("level", r)],
      ["place", val("place", r) + (val("place_kind", r) ? " (" + val("place_kind", r) + ", from " + val("place_source", r) + ")" : "")],
      ["indicator", val("indicator", r)], ["indicator code", val("indicator_code", r)], ["decision", val("decision", r)],
      ["document", D.docs.doc_id[d] + (D.docs.title[d] ? " — " + D.docs.title[d] : "")],
      ["date", D.docs.date[d]], ["outlet", D.docs.outlet[d]], ["url", D.docs.url[d]],
      ["offsets", val("start", r) + "–" + val("end", r)]
    ];
    return f.filter(function (x) { return x[1] !== "" && x[1] !== null && x[1] !== undefined; });
  }
  function fieldList(fields) {
    var dl = el("dl", "fields");
    fields.forEach(function (x) {
      dl.appendChild(el("dt", "", x[0]));
      var dd = el("dd");
      var u = x[0] === "url" ? safeUrl(x[1]) : "";
      if (u) { var a = link(u, x[1]); a.target = "_blank"; a.rel = "noopener noreferrer"; dd.appendChild(a); }
      else { dd.textContent = x[1]; }
      dl.appendChild(dd);
    });
    return dl;
  }
  function sentence(r, box) {
    var d = val("doc", r);
    withDoc(d, function (doc) {
      box.textContent = "";
      if (!doc) { box.appendChild(el("em", "", "text not available")); return; }
      var s0 = val("sentence_start", r), s1 = val("sentence_end", r), a = val("start", r), b = val("end", r);
      if (s0 === null || s1 === null || s0 > a || s1 < b) { s0 = Math.max(0, a - 200); s1 = Math.min(doc.text.length, b + 200); }
      box.appendChild(document.createTextNode(doc.text.slice(s0, a)));
      box.appendChild(el("mark", "", doc.text.slice(a, b)));
      box.appendChild(document.createTextNode(doc.text.slice(b, s1)));
    });
  }
  function toggle(tr) {
    var next = tr.nextSibling;
    if (next && next.classList.contains("detail")) { next.parentNode.removeChild(next); tr.classList.remove("open"); return; }
    var r = +tr.getAttribute("data-r"), d = val("doc", r);
    var row = el("tr", "detail"), td = el("td");
    td.colSpan = 7;
    td.appendChild(fieldList(rowFields(r)));
    var box = el("p", "sentence", "…");
    td.appendChild(box);
    var actions = el("p", "actions");
    actions.appendChild(link("#doc/" + d + "/" + val("start", r) + "-" + val("end", r), "open in the document →"));
    td.appendChild(actions);
    row.appendChild(td);
    tr.parentNode.insertBefore(row, tr.nextSibling);
    tr.classList.add("open");
    sentence(r, box);
  }

  function panel(title, blocks) {
    var body = $("panel-body");
    body.textContent = "";
    body.appendChild(el("h3", "", title));
    blocks.forEach(function (b) { body.appendChild(b); });
    $("panel").hidden = false;
  }

  // ------------------------------------------------------------------ document view
  function spansOf(d, doc) {
    var list = [];
    (byDoc[d] || []).forEach(function (r) { list.push([val("start", r), val("end", r), "value", val("surface", r), r]); });
    doc.spans.forEach(function (s) { list.push([s[0], s[1], D.labels[s[2]] || "other", s[3], -1]); });
    var n = doc.text.length;
    return list.filter(function (s) { return 0 <= s[0] && s[0] < s[1] && s[1] <= n; });
  }
  var RANK = ["value", "year", "level", "place", "reference"];
  function rank(label) { var i = RANK.indexOf(label); return i < 0 ? RANK.length : i; }
  function highlight(text, spans) {
    var cuts = {0: 1};
    cuts[text.length] = 1;
    spans.forEach(function (s) { cuts[s[0]] = 1; cuts[s[1]] = 1; });
    var points = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
    var frag = document.createDocumentFragment();
    for (var i = 0; i + 1 < points.length; i++) {
      var a = points[i], b = points[i + 1], covering = [];
      for (var k = 0; k < spans.length; k++) { if (spans[k][0] <= a && b <= spans[k][1]) { covering.push(k); } }
      var piece = text.slice(a, b);
      if (!covering.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      covering.sort(function (x, y) { return rank(spans[x][2]) - rank(spans[y][2]) || (spans[x][1] - spans[x][0]) - (spans[y][1] - spans[y][0]); });
      var labels = [], starting = [];
      covering.forEach(function (k) {
        if (labels.indexOf(spans[k][2]) < 0) { labels.push(spans[k][2]); }
        if (spans[k][0] === a) { starting.push(k); }
      });
      var e = el("span", "hl " + labels.map(function (l) {
        return "l-" + (RANK.indexOf(l) >= 0 ? l : "other");
      }).join(" "), piece);
      e.setAttribute("data-s", covering.join(" "));
      if (starting.length) {
        e.classList.add("start");
        e.setAttribute("data-tag", starting.map(function (k) { return spans[k][2]; })
          .filter(function (l, j, all) { return all.indexOf(l) === j; }).join(" "));
        starting.forEach(function (k) { if (spans[k][4] >= 0) { e.id = "v-" + spans[k][0] + "-" + spans[k][1]; } });
      }
      frag.appendChild(e);
    }
    return frag;
  }
  function flash(els) {
    Array.prototype.forEach.call(els, function (e) { e.classList.remove("flash"); void e.offsetWidth; e.classList.add("flash"); });
  }
  function spanPanel(spans, ks, box) {
    var blocks = [];
    ks.forEach(function (k) {
      var s = spans[k];
      if (s[4] >= 0) { blocks.push(el("h3", "", "value " + s[3])); blocks.push(fieldList(rowFields(s[4]))); }
      else { blocks.push(fieldList([[s[2], s[3]]])); }
    });
    panel("Highlight", blocks);
    var sel = ks.map(function (k) { return '[data-s~="' + k + '"]'; }).join(",");
    flash(box.querySelectorAll(sel));
  }
  function showDoc(d, at) {
    var art = $("doc");
    current = d;
    art.textContent = "";
    art.removeAttribute("data-shown");
    var nd = D.docs.doc_id.length;
    $("doc-prev").setAttribute("href", "#doc/" + Math.max(0, d - 1));
    $("doc-next").setAttribute("href", "#doc/" + Math.min(nd - 1, d + 1));
    art.appendChild(el("h2", "", D.docs.title[d] || D.docs.doc_id[d]));
    var meta = el("p", "meta");
    [D.docs.doc_id[d], D.docs.date[d], D.docs.outlet[d], D.docs.path[d],
     (D.docs.targets[d] || 0) + " target(s)"].forEach(function (x) {
      if (x) { meta.appendChild(document.createTextNode((meta.childNodes.length ? " · " : "") + x)); }
    });
    var u = safeUrl(D.docs.url[d]);
    if (u) { meta.appendChild(document.createTextNode(" · ")); var a = link(u, u); a.rel = "noopener noreferrer"; meta.appendChild(a); }
    art.appendChild(meta);
    if (D.docs.status[d] === "error") { art.appendChild(el("p", "error", "could not be read: " + D.docs.error[d])); }
    var box = el("div", "text", "loading…");
    art.appendChild(box);
    withDoc(d, function (doc) {
      if (current !== d) { return; }
      box.textContent = "";
      if (!doc) { box.appendChild(el("em", "", "text not available")); art.setAttribute("data-shown", String(d)); return; }
      var spans = spansOf(d, doc);
      var legend = el("p");
      spans.map(function (s) { return s[2]; }).filter(function (l, j, all) { return all.indexOf(l) === j; })
        .sort(function (x, y) { return rank(x) - rank(y); })
        .forEach(function (l) { legend.appendChild(el("span", "hl legend l-" + (RANK.indexOf(l) >= 0 ? l : "other"), l)); });
      art.insertBefore(legend, box);
      box.appendChild(highlight(doc.text, spans));
      art.setAttribute("data-shown", String(d));
      box.onclick = function (ev) {
        var t = ev.target.closest ? ev.target.closest(".hl") : null;
        if (!t) { return; }
        spanPanel(spans, t.getAttribute("data-s").split(" ").map(Number), box);
      };
      if (at) {
        var target = document.getElementById("v-" + at);
        if (target) {
          target.scrollIntoView({ block: "center" });
          target.click();
        }
      } else { window.scrollTo(0, 0); }
    });
  }

  // ------------------------------------------------------------------ documents list
  function docList() {
    var nd = D.docs.doc_id.length;
    if (!dhay) {
      dhay = [];
      for (var d = 0; d < nd; d++) { dhay.push(fold(D.docs.doc_id[d] + " " + D.docs.title[d] + " " + D.docs.outlet[d])); }
    }
    var words = fold($("dq").value).split(/\s+/).filter(Boolean);
    dorder = [];
    for (var i = 0; i < nd; i++) {
      if (words.every(function (w) { return dhay[i].indexOf(w) >= 0; })) { dorder.push(i); }
    }
    drawDocs();
  }
  function drawDocs() {
    var pages = Math.max(1, Math.ceil(dorder.length / PAGE));
    if (dpage >= pages) { dpage = pages - 1; }
    var ul = $("doclist"), frag = document.createDocumentFragment();
    dorder.slice(dpage * PAGE, dpage * PAGE + PAGE).forEach(function (d) {
      var li = el("li");
      li.appendChild(link("#doc/" + d, D.docs.title[d] || D.docs.doc_id[d]));
      var bits = [D.docs.doc_id[d], D.docs.date[d], D.docs.outlet[d], (D.docs.targets[d] || 0) + " target(s)"];
      if (D.docs.status[d] === "error") { bits.push("error: " + D.docs.error[d]); }
      li.appendChild(el("br"));
      li.appendChild(el("small", "", bits.filter(Boolean).join(" · ")));
      frag.appendChild(li);
    });
    ul.textContent = "";
    ul.appendChild(frag);
    $("dshown").textContent = dorder.length.toLocaleString("en");
    $("dpage").textContent = (dpage + 1) + " / " + pages;
    $("dprev").disabled = dpage === 0;
    $("dnext").disabled = dpage >= pages - 1;
  }

  // ------------------------------------------------------------------ routing and events
  function route() {
    var h = location.hash.replace(/^#/, ""), m = /^doc\/(\d+)(?:\/(\d+-\d+))?$/.exec(h);
    $("targets-view").hidden = !!m || h === "docs";
    $("docs-view").hidden = h !== "docs";
    $("doc-view").hidden = !m;
    $("tab-targets").className = !m && h !== "docs" ? "on" : "";
    $("tab-docs").className = h === "docs" ? "on" : "";
    $("panel").hidden = true;
    if (m && +m[1] < D.docs.doc_id.length) { showDoc(+m[1], m[2]); }
    else if (h === "docs") { if (!dorder) { docList(); } }
    else { current = -1; }
  }
  function wire() {
    $("q").addEventListener("input", apply);
    ["f-place", "f-year", "f-status", "f-level"].forEach(function (id) { $(id).addEventListener("change", apply); });
    $("filters").addEventListener("reset", function () { setTimeout(apply, 0); });
    $("prev").addEventListener("click", function () { page -= 1; table(); });
    $("next").addEventListener("click", function () { page += 1; table(); });
    $("dq").addEventListener("input", function () { dpage = 0; docList(); });
    $("dprev").addEventListener("click", function () { dpage -= 1; drawDocs(); });
    $("dnext").addEventListener("click", function () { dpage += 1; drawDocs(); });
    var tbody = $("targets").tBodies[0];
    tbody.addEventListener("click", function (ev) {
      var tr = ev.target.closest("tr.row");
      if (tr) { toggle(tr); }
    });
    tbody.addEventListener("keydown", function (ev) {
      var tr = ev.target.closest("tr.row");
      if (tr && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); toggle(tr); }
    });
    $("chart").addEventListener("click", function (ev) {
      var b = ev.target.closest(".bar");
      if (!b) { return; }
      var y = b.getAttribute("data-year");
      $("f-year").value = $("f-year").value === y ? "" : y;
      apply();
    });
    $("panel-close").addEventListener("click", function () { $("panel").hidden = true; });
    window.addEventListener("hashchange", route);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var inline = $("chitieu-data");
    if (!D && inline) { init(JSON.parse(inline.textContent)); }
  });
})();
"""
