"""The page's inline stylesheet and script (the page loads nothing from anywhere).

Statuses differ by more than hue, so they read in greyscale and for colour-blind readers
(colours from the Okabe-Ito palette): tp = blue fill + solid underline; fp = orange fill +
dashed box; fn = purple double underline + dotted underline + a ✗ marker before the span.
Type labels are in each span's ``title`` (hover) and are printed after each span
(``@media print``), or shown on screen with the "show labels" box (CSS only).

The script only adds comfort: tabs (without it every section shows, one after the other, and
the tab bar is a list of in-page links) and highlighting of the partners of an attribution
relation on hover or focus. It holds no ``//`` (no line comments, no URLs).
"""

from __future__ import annotations

MAX_LANE = 9
"""Deepest underline lane with its own style; deeper marks share the last one."""

LANE_STEP_PX = 5
"""Extra space below the text per lane."""

RELATION_COLOURS: tuple[str, ...] = (
    "#0b4f8a",
    "#8a3b00",
    "#1f6b3a",
    "#6a2c70",
    "#5c5c00",
    "#7a1f2b",
    "#00606b",
    "#3d3d3d",
)
"""Badge colours of attribution relations, by relation number modulo their count."""

_LANES = "\n".join(
    f".m.l{n}{{padding-bottom:{1 + n * LANE_STEP_PX}px}}" for n in range(MAX_LANE + 1)
)
_RELATIONS = "\n".join(
    f".m.first.rc{n}[data-badge]::before,.rc{n} .badge{{background:{colour}}}"
    for n, colour in enumerate(RELATION_COLOURS)
)

CSS = (
    """
:root{color-scheme:light}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#111;
  background:#fff;line-height:1.45}
header,nav,main,footer{padding:0 1.5rem}
header{border-bottom:1px solid #bbb;padding-bottom:.5rem}
h1{font-size:1.5rem;margin:.8rem 0 .4rem}
h2{font-size:1.3rem;margin-top:1.2rem;border-bottom:2px solid #333}
h3{font-size:1.05rem;margin-top:1.1rem}
details.doc{border-left:3px solid #bbb;margin:.4rem 0;padding-left:.6rem}
details.doc>summary h3{display:inline;margin:0}
dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0;
  font-size:.9rem}
dl.prov dt{font-weight:600}
dl.prov dd{margin:0;font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem;padding:0;margin:.6rem 0}
nav a{display:inline-block;padding:.3rem .8rem;border:1px solid #555;border-radius:.3rem;
  color:#111;text-decoration:none;background:#f2f2f2}
nav a[aria-current="page"]{background:#111;color:#fff}
nav a:focus-visible,[tabindex]:focus-visible{outline:3px solid #e69f00;outline-offset:2px}
.js section.tab{display:none}
.js section.tab.active{display:block}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.4rem;list-style:none;padding:0;margin:.4rem 0;
  font-size:.9rem}
.legend li{line-height:2.2}
.article{font-family:Georgia,"Times New Roman",serif;white-space:pre-wrap;max-width:52rem;
  font-size:1.05rem;border:1px solid #bbb;border-radius:.3rem;padding:1rem 1.2rem;
  background:#fffef9}
.m{border-radius:1px}
.tp{background:rgba(0,114,178,.13);border-bottom:3px solid #0072b2}
.fp{background:rgba(213,94,0,.14);border-top:2px dashed #d55e00;border-bottom:2px dashed #d55e00}
.fp.first{border-left:2px dashed #d55e00}
.fp.last{border-right:2px dashed #d55e00}
.fn{border-bottom:4px double #a2457e;text-decoration:underline dotted #a2457e}
.gold{border-bottom:2px solid #666}
.m.first[data-badge]::before{content:attr(data-badge);display:inline-block;font:700 .68rem/1.2
  system-ui,sans-serif;color:#fff;background:#333;border-radius:.5rem;padding:0 .3rem;
  margin-right:2px;vertical-align:.45em;white-space:nowrap;text-decoration:none}
.fn.first[data-badge]::before{background:#a2457e}
.hl{outline:3px solid #111;outline-offset:1px;background:rgba(240,228,66,.55)}
.badge{display:inline-block;color:#fff;background:#333;border-radius:.5rem;padding:0 .35rem;
  font-weight:700;font-size:.8rem}
.status{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:700}
.status.tp,.status.fp,.status.fn{padding:0 .25rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.88rem}
caption{text-align:left;font-weight:700;padding:.3rem 0}
th,td{border:1px solid #bbb;padding:.2rem .45rem;vertical-align:top;text-align:left}
thead th{background:#eee}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.text{font-family:Georgia,"Times New Roman",serif;max-width:40rem}
tr.na td{color:#555;font-style:italic}
tr.shown td{background:#f3f7ff;font-weight:600}
.note{color:#333;font-size:.9rem;max-width:60rem}
.labels-toggle{font-size:.9rem}
body:has(#show-labels:checked) .m.last[data-label]::after{content:" " attr(data-label);
  font:600 .66rem/1 system-ui,sans-serif;color:#333;background:#fff;border:1px solid #999;
  border-radius:.2rem;padding:0 .15rem;margin-left:2px;vertical-align:.35em;
  text-decoration:none}
@media print{
  nav,.labels-toggle{display:none}
  .js section.tab,section.tab{display:block}
  body{font-size:10pt}
  .m.last[data-label]::after{content:" [" attr(data-label) "]";font:600 7pt/1 sans-serif;
    color:#000;vertical-align:.3em;text-decoration:none}
  .article{border:none;padding:0}
  table{page-break-inside:avoid}
}
"""
    + _LANES
    + "\n"
    + _RELATIONS
    + "\n"
)

SCRIPT = """
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  var links = Array.prototype.slice.call(document.querySelectorAll("nav.tabs a"));
  var tabs = Array.prototype.slice.call(document.querySelectorAll("section.tab"));
  function show(id) {
    var found = tabs.some(function (t) { return t.id === id; });
    if (!found && tabs.length) { id = tabs[0].id; }
    tabs.forEach(function (t) { t.classList.toggle("active", t.id === id); });
    links.forEach(function (a) {
      a.setAttribute("aria-current", a.getAttribute("href") === "#" + id ? "page" : "false");
    });
  }
  links.forEach(function (a) {
    a.addEventListener("click", function (event) {
      event.preventDefault();
      var id = a.getAttribute("href").slice(1);
      try { history.replaceState(null, "", "#" + id); } catch (e) { }
      show(id);
    });
  });
  var wanted = location.hash.slice(1);
  show(wanted);
  if (tabs.some(function (t) { return t.id === wanted; })) { window.scrollTo(0, 0); }
  var lit = [];
  function light(target) {
    lit.forEach(function (x) { x.classList.remove("hl"); });
    lit = [];
    if (!target) { return; }
    target.getAttribute("data-rel").split(" ").forEach(function (r) {
      document.querySelectorAll('[data-rel~="' + r + '"]').forEach(function (x) {
        x.classList.add("hl");
        lit.push(x);
      });
    });
  }
  function partner(event) {
    var t = event.target;
    light(t && t.closest ? t.closest("[data-rel]") : null);
  }
  document.addEventListener("mouseover", partner);
  document.addEventListener("focusin", partner);
})();
"""
