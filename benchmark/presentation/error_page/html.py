"""Render a :class:`~benchmark.presentation.error_page.model.PageModel` as one HTML page.

Standard library only: every text goes through :func:`html.escape`; the page's structure is
written by hand from small templates. CSS and script are inline
(:mod:`benchmark.presentation.error_page.style`) and the page references no file or address
outside itself.

Each highlighted piece of text is an element ``<span class="m STATUS ELEMENT lN ...">`` with
``data-gold`` / ``data-pred`` (scorer item ids), ``data-label`` (type label, printed),
``data-rel`` (attribution relation numbers as ``rN`` tokens) and a ``title``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from string import Template

from benchmark.dataset.layers import LAYERS
from benchmark.dataset.schema import Document
from benchmark.presentation.error_page.model import (
    ErrorItem,
    LayerView,
    Mark,
    PageModel,
    RelationRow,
)
from benchmark.presentation.error_page.segments import lanes, segments
from benchmark.presentation.error_page.style import CSS, MAX_LANE, RELATION_COLOURS, SCRIPT
from benchmark.scoring.tasks import TASKS

STATUS_NAMES: dict[str, str] = {
    "tp": "TP (matched)",
    "fp": "FP (spurious)",
    "fn": "FN (missed)",
    "gold": "gold (task not attempted)",
}
"""Status -> its name on the page."""

LAYER_TITLES: dict[str, str] = {name: spec.title for name, spec in LAYERS.items()}
"""Layer -> section heading."""

_PAGE = Template(
    """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
<style>$css</style>
</head>
<body>
<header>
<h1>$title</h1>
<dl class="prov">$provenance</dl>
<h2 id="legend">Legend</h2>
$legend
</header>
<nav class="tabs" aria-label="Sections"><ul>$nav</ul></nav>
<main>
$sections
</main>
<script>$script</script>
</body>
</html>
"""
)


def render(model: PageModel, *, provenance: Mapping[str, str]) -> str:
    """Return the HTML page of ``model``; ``provenance`` rows head the page, in order."""
    system = provenance.get("system", "submission")
    sections = [("scores", "Scores", _scores(model))]
    sections += [
        (f"layer-{view.layer}", LAYER_TITLES[view.layer], _layer(view, model))
        for view in model.layers
    ]
    sections.append(("unaligned", f"Unaligned ({len(model.unaligned)})", _unaligned(model)))
    nav = "".join(f'<li><a href="#{sid}">{escape(title)}</a></li>' for sid, title, _ in sections)
    body = "\n".join(
        f'<section id="{sid}" class="tab" aria-labelledby="{sid}-h">\n'
        f'<h2 id="{sid}-h">{escape(title)}</h2>\n{content}\n</section>'
        for sid, title, content in sections
    )
    rows = "".join(
        f"<dt>{escape(key)}</dt><dd>{escape(str(value))}</dd>" for key, value in provenance.items()
    )
    rows += f"<dt>highlight mode</dt><dd>{escape(model.mode)}</dd>"
    return _PAGE.substitute(
        title=escape(f"kharkiv-ie error analysis: {system}"),
        css=CSS,
        provenance=rows,
        legend=_legend(),
        nav=nav,
        sections=body,
        script=SCRIPT,
    )


def _legend() -> str:
    samples = [
        ("tp", "", "true positive (matched): blue fill, solid underline"),
        ("fp", "", "false positive (spurious): orange fill, dashed box"),
        ("fn", "✗", "false negative (missed): ✗ marker, purple double + dotted underline"),
        ("gold", "", "gold span of a task the submission did not attempt: grey underline"),
    ]
    items = "".join(
        f'<li><span class="m {status} first last l0"{_attr("data-badge", badge)}>'
        f"{status.upper() if status != 'gold' else 'gold'}</span> {escape(text)}</li>"
        for status, badge, text in samples
    )
    items += (
        '<li><span class="badge">3</span> relation number: the source, cue and content of '
        "one attribution relation carry the same number and colour</li>"
    )
    return (
        f'<ul class="legend">{items}</ul>\n<p class="note">Hover over a span for its type '
        "label and ids (labels are printed after each span). Hovering over any part of an "
        "attribution relation highlights its partners. Overlapping spans are nested: each "
        'overlapping span draws its underline at its own depth.</p>\n<p class="labels-toggle">'
        '<label><input type="checkbox" id="show-labels"> show labels in the text</label></p>'
    )


def _attr(name: str, value: str | None) -> str:
    return "" if not value else f' {name}="{escape(value)}"'


def _scores(model: PageModel) -> str:
    report = model.report
    parts = []
    modes = list(dict.fromkeys(r.mode for r in report.results))
    head = "".join(f'<th scope="col">{name}</th>' for name in ("subtask", "mode", *_SCORE_COLUMNS))
    for task in TASKS:
        if task in report.not_attempted:
            parts.append(f"<h3>{escape(task)}</h3><p class=note>not attempted</p>")
            continue
        rows = []
        for name in TASKS[task].subtask_names():
            if f"{task}/{name}" in report.not_attempted:
                rows.append(
                    f'<tr class="na"><th scope="row">{escape(name)}</th>'
                    f'<td colspan="{1 + len(_SCORE_COLUMNS)}">not attempted</td></tr>'
                )
                continue
            for index, mode in enumerate(modes):
                first = (
                    f'<th scope="rowgroup" rowspan="{len(modes)}">{escape(name)}</th>'
                    if index == 0
                    else ""
                )
                marked = ' class="shown"' if mode == model.mode else ""
                rows.append(
                    f"<tr{marked}>{first}<td>{escape(mode)}</td>"
                    f"{_score_cells(report.get(task, name, mode))}</tr>"
                )
        parts.append(
            f"<table><caption>{escape(task)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    note = (
        '<p class="note">One row per match mode (the highlighted mode colours the text); P, R, '
        "F1 and macro-F1 (mean F1 over types, — for an untyped subtask) in percent; 95% CI: "
        "percentile bootstrap interval of F1 over sentences (— when not computed); tp, fp, fn: "
        "raw counts (the partial mode credits a pair with its token F1).</p>"
    )
    return note + "\n".join(parts) + _rejected(model)


_SCORE_COLUMNS = ("P", "R", "F1", "95% CI", "macro-F1", "tp", "fp", "fn")


def _count(value: float) -> str:
    return str(value) if isinstance(value, int) else f"{value:.2f}"


def _score_cells(result) -> str:
    ci = "—" if result.ci95 is None else f"{result.ci95[0] * 100:.1f}–{result.ci95[1] * 100:.1f}"
    macro = result.macro_f1
    values = (
        f"{result.precision * 100:.1f}",
        f"{result.recall * 100:.1f}",
        f"{result.f1 * 100:.1f}",
        ci,
        "—" if macro is None else f"{macro * 100:.1f}",
        _count(result.tp),
        _count(result.fp),
        _count(result.fn),
    )
    return "".join(f'<td class="num">{value}</td>' for value in values)


def _rejected(model: PageModel) -> str:
    rejected = model.report.rejected
    if not rejected:
        return ""
    head = "".join(
        f'<th scope="col">{name}</th>' for name in ("document", "line", "item", "errors")
    )
    body = "".join(
        f"<tr><td>{escape(r.doc_id)}</td><td class=num>{r.line}</td>"
        f"<td>{escape(r.path)} ({escape(r.item_id)})</td>"
        f"<td>{escape('; '.join(r.errors))}</td></tr>"
        for r in rejected
    )
    return (
        f"<h3>Rejected items ({len(rejected)})</h3><p class=note>Read leniently: each item "
        "below had errors and counts as a false positive in every subtask of its layer.</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _layer(view: LayerView, model: PageModel) -> str:
    counts = {s: sum(1 for m in view.marks if m.status == s) for s in ("tp", "fp", "fn")}
    if view.attempted:
        intro = (
            f'<p class="note">Spans coloured by the {escape(model.mode)} match of each '
            "element's subtask. Marked spans: "
            + ", ".join(f'<span class="status {s}">{s}</span> {n}' for s, n in counts.items())
            + ".</p>"
        )
    else:
        intro = '<p class="note">Not attempted by the submission: gold spans shown.</p>'
    parts = [intro]
    several = len(model.gold.documents) > 1
    for document in model.gold.documents:
        marks = [m for m in view.marks if m.doc_id == document.doc_id]
        if several:
            parts.append(document_block(document, marks, layer=view.layer))
            continue
        parts.append(f"<h3>Text of {escape(document.doc_id)}</h3>")
        parts.append(article(document, marks, layer=view.layer))
    if view.layer == "attributions":
        parts.append(_relations("Gold relations", view.gold_relations))
        if view.attempted:
            parts.append(_relations("Predicted relations", view.pred_relations))
    if view.attempted:
        parts.append(_errors("Missed items (false negatives)", "fn", view.errors))
        parts.append(_errors("Spurious items (false positives)", "fp", view.errors))
    return "\n".join(parts)


def document_block(document: Document, marks: Sequence[Mark], *, layer: str) -> str:
    """Return one document of a multi-document split as a collapsible block.

    The summary names the document and counts its marks by status; the block starts open
    only when the document has an error (fp or fn) in this layer, so a split of a hundred
    short documents reads as a list of the wrong ones.
    """
    counts = {s: sum(1 for m in marks if m.status == s) for s in ("tp", "fp", "fn", "gold")}
    shown = ", ".join(f"{status} {n}" for status, n in counts.items() if n) or "no items"
    wrong = counts["fp"] + counts["fn"]
    return (
        f'<details class="doc" data-doc="{escape(document.doc_id)}"{" open" if wrong else ""}>'
        f"<summary><h3>{escape(document.doc_id)}</h3> <span>({escape(shown)})</span></summary>"
        f"{article(document, marks, layer=layer)}</details>"
    )


def article(document: Document, marks: Sequence[Mark], *, layer: str) -> str:
    """Return the document text as a ``div`` with every mark drawn as nested spans."""
    lane_of = lanes(marks)
    deepest = min(max(lane_of, default=0), MAX_LANE)
    pieces = []
    for piece in segments(len(document.text), marks):
        text = escape(document.text[piece.start : piece.end])
        opened = "".join(
            _open(marks[i], lane_of[i], piece.start, piece.end, layer) for i in piece.marks
        )
        pieces.append(f"{opened}{text}{'</span>' * len(piece.marks)}")
    style = f"line-height:calc(1.6em + {deepest * 5 + 4}px)"
    return (
        f'<div class="article" lang="{escape(document.language)}" style="{style}">'
        f"{''.join(pieces)}</div>"
    )


def _open(mark: Mark, lane: int, start: int, end: int, layer: str) -> str:
    classes = ["m", mark.status, mark.element, f"l{min(lane, MAX_LANE)}"]
    if start == mark.start:
        classes.append("first")
    if end == mark.end:
        classes.append("last")
    if mark.relations:
        classes.append(f"rc{mark.relations[0] % len(RELATION_COLOURS)}")
    badge = ("✗" if mark.status == "fn" else "") + "/".join(map(str, mark.relations))
    ids = []
    if mark.gold_id:
        ids.append(f"gold {mark.gold_id}")
    if mark.pred_id:
        ids.append(f"predicted {mark.pred_id}")
    relation = ", ".join(f"#{n}" for n in mark.relations)
    title = f"{STATUS_NAMES[mark.status]} · {mark.element}: {mark.label} · {' · '.join(ids)}"
    if relation:
        title += f" · relation {relation}"
    return (
        f'<span class="{" ".join(classes)}"'
        + _attr("data-gold", mark.gold_id)
        + _attr("data-pred", mark.pred_id)
        + _attr("data-label", mark.label)
        + _attr("data-rel", " ".join(f"r{n}" for n in mark.relations))
        + _attr("data-badge", badge)
        + _attr("data-layer", layer)
        + f' title="{escape(title)}">'
    )


def _relations(title: str, rows: Sequence[RelationRow]) -> str:
    if not rows:
        return f"<h3>{escape(title)}</h3><p class=note>none</p>"
    body = []
    for row in rows:
        colour = f"rc{row.number % len(RELATION_COLOURS)}"
        indent = f"padding-left:{0.45 + row.depth * 1.5:.2f}rem"
        marker = "↳ " * min(row.depth, 1)
        body.append(
            f'<tr class="{colour}" data-rel="r{row.number}" tabindex="0">'
            f'<td style="{indent}">{marker}<span class="badge">{row.number}</span> '
            f"{escape(row.attribution_id)}</td>"
            f'<td><span class="status {row.status}">{row.status}</span></td>'
            f'<td class="text" lang="it">{escape(row.source)}</td>'
            f'<td class="text" lang="it">{escape(row.cue)}</td>'
            f'<td class="text" lang="it">{escape(row.content)}</td>'
            f"<td>{escape(row.attribution_type)}</td><td>{escape(row.parent)}</td></tr>"
        )
    head = "".join(
        f'<th scope="col">{name}</th>'
        for name in ("relation", "status", "source", "cue", "content", "type", "parent")
    )
    return (
        f"<h3>{escape(title)}</h3><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _errors(title: str, status: str, errors: Sequence[ErrorItem]) -> str:
    chosen = [e for e in errors if e.status == status]
    if not chosen:
        return f"<h3>{escape(title)}: none</h3>"
    head = "".join(
        f'<th scope="col">{name}</th>' for name in ("subtask", "item", "sentence", "text")
    )
    body = "".join(
        f'<tr class="err err-{status}" data-item="{escape(e.item_id)}">'
        f'<td>{escape(e.subtask)}</td><td lang="it">{escape(e.description)}</td>'
        f'<td class="num">{"—" if e.sentence_id is None else e.sentence_id}</td>'
        f'<td class="text" lang="it">{escape(e.sentence)}</td></tr>'
        for e in chosen
    )
    return (
        f"<h3>{escape(title)} ({len(chosen)})</h3><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _unaligned(model: PageModel) -> str:
    if not model.unaligned:
        return '<p class="note">No unaligned spans.</p>'
    head = "".join(
        f'<th scope="col">{name}</th>' for name in ("document", "task", "item", "field", "text")
    )
    body = "".join(
        f"<tr><td>{escape(u.doc_id)}</td><td>{escape(u.task)}</td><td>{escape(u.item_id)}</td>"
        f'<td>{escape(u.field)}</td><td class="text" lang="it">{escape(u.text)}</td></tr>'
        for u in model.unaligned
    )
    note = (
        '<p class="note">Submitted text spans not found in the document: each counts as a '
        "false positive and is not drawn in the text.</p>"
    )
    return f"{note}<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
