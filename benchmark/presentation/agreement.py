"""The agreement tables: one comparison of two passes, and the card's block for every split.

For every split with two annotation passes (:func:`benchmark.dataset.passes.
splits_with_passes`) :func:`agreement_block` renders the agreement of the two passes before
adjudication (spans, labels, links, fields, with 95% bootstrap intervals over documents,
:mod:`benchmark.stats.agreement`) and then of each pass against the adjudicated gold. Everything
is read from the annotation YAML files (:mod:`benchmark.dataset.passes`); ``kharkiv-ie
agreement`` prints the block and ``kharkiv-ie build-data`` writes it into the card between the
``agreement`` markers, which ``kharkiv-ie check-data`` compares with a fresh rendering.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from benchmark.dataset.annotation_1x import SCHEMA_1X
from benchmark.dataset.card import blocks_of
from benchmark.dataset.configs import CARD_NAME
from benchmark.dataset.passes import GOLD_PASS, default_passes, read_pass, splits_with_passes
from benchmark.dataset.tables import LABEL_MAP_FILE
from benchmark.errors import DataError
from benchmark.scoring.agreement import SPAN_ROWS, AgreementReport, agreement
from benchmark.scoring.agreement_links import FIELD_ROWS, LINK_ROWS
from benchmark.stats.agreement import CONFIDENCE, N_RESAMPLES, SEED, row_interval

AGREEMENT_BLOCK = "agreement"
"""Name of the card's generated block (:mod:`benchmark.dataset.card`)."""


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _cell(row: object, value: float | None, options: Mapping[str, object]) -> str:
    """Return ``0.977 [0.962, 0.989]``: the value and its interval (when there is one)."""
    if value is None:
        return "n/a"
    if not options["n_resamples"]:
        return f"{value:.3f}"
    interval = row_interval(row, **options)
    if interval is None:
        return f"{value:.3f}"
    return f"{value:.3f} [{interval[0]:.3f}, {interval[1]:.3f}]"


def _modes(report: AgreementReport) -> list[str]:
    return list(dict.fromkeys(row.mode for row in report.spans))


def _link_name(layer: str, field: str, target: str) -> str:
    return f"{layer}.{field} -> {target}"


def comparison_markdown(
    report: AgreementReport, *, first: str, second: str, options: Mapping[str, object]
) -> str:
    """Return the four tables of one comparison (``first`` as reference, ``second`` compared)."""
    modes = _modes(report)
    spans = {(r.task, r.subtask, r.mode): r for r in report.spans}
    lines = _mode_head(["task", "subtask", first, second], modes, left=2)
    for task, subtask in SPAN_ROWS:
        cells = [spans[(task, subtask, mode)] for mode in modes]
        lines.append(_mode_row([task, subtask, cells[0].first, cells[0].second], cells, options))
    lines += [
        "",
        "| label | matched pairs | observed agreement | Cohen's kappa [95% CI] |",
        "|---|---:|---:|---:|",
    ]
    for row in report.labels:
        kappa = (
            "n/a (one label)" if row.kappa is None and row.pairs else _cell(row, row.kappa, options)
        )
        lines.append(f"| {row.label} | {row.pairs} | {row.observed:.3f} | {kappa} |")
    lines += [
        "",
        "| link | identified pairs | no link in either | target not identified | compared "
        "| agreeing | share [95% CI] |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in report.links:
        lines.append(
            f"| {_link_name(row.layer, row.field, row.target)} | {row.pairs} | {row.both_none} "
            f"| {row.excluded} | {row.compared} | {row.agreeing} | "
            f"{_cell(row, row.share, options)} |"
        )
    fields = {(r.task, r.field, r.mode): r for r in report.fields}
    lines.append("")
    lines += _mode_head(["field", "identified pairs", f"set in {first}", f"set in {second}"], modes)
    for task, name in FIELD_ROWS:
        cells = [fields[(task, name, mode)] for mode in modes]
        head = [f"{task}.{name}", cells[0].pairs, cells[0].first, cells[0].second]
        lines.append(_mode_row(head, cells, options))
    return "\n".join(lines) + "\n"


def _mode_head(names: Sequence[str], modes: Sequence[str], *, left: int = 1) -> list[str]:
    """Return the header and rule of a table with one F1 column per mode after ``names``."""
    head = "| " + " | ".join([*names, *(f"{mode} F1 [95% CI]" for mode in modes)]) + " |"
    rule = "|" + "---|" * left + "---:|" * (len(names) - left + len(modes))
    return [head, rule]


def _mode_row(
    head: Sequence[object], cells: Sequence[object], options: Mapping[str, object]
) -> str:
    """Return one row: the ``head`` cells, then each mode's F1 cell."""
    values = [*(str(value) for value in head), *(_cell(c, c.f1, options) for c in cells)]
    return "| " + " | ".join(values) + " |"


def against_gold_markdown(
    reports: Mapping[str, AgreementReport], *, options: Mapping[str, object]
) -> str:
    """Return the tables of each pass (the keys) against the gold (reference of every report)."""
    names = list(reports)
    first = next(iter(reports.values()))
    modes = _modes(first)
    spans = {
        name: {(r.task, r.subtask, r.mode): r for r in report.spans}
        for name, report in reports.items()
    }
    header = [f"{name} {mode} F1" for name in names for mode in modes]
    lines = [
        f"| task | subtask | {GOLD_PASS} | "
        + " | ".join(names)
        + " | "
        + " | ".join(header)
        + " |",
        "|---|---|---:|" + "---:|" * (len(names) + len(header)),
    ]
    for task, subtask in SPAN_ROWS:
        rows = {name: spans[name][(task, subtask, modes[0])] for name in names}
        cells = [
            _cell(row, row.f1, options)
            for name in names
            for row in (spans[name][(task, subtask, mode)] for mode in modes)
        ]
        lines.append(
            f"| {task} | {subtask} | {rows[names[0]].first} | "
            + " | ".join(str(rows[name].second) for name in names)
            + " | "
            + " | ".join(cells)
            + " |"
        )
    lines += [
        "",
        "| label | " + " | ".join(f"{name} pairs | {name} kappa" for name in names) + " |",
        "|---|" + "---:|---:|" * len(names),
    ]
    labels = {name: {row.label: row for row in report.labels} for name, report in reports.items()}
    for label in labels[names[0]]:
        cells = []
        for name in names:
            row = labels[name][label]
            kappa = (
                "n/a (one label)"
                if row.kappa is None and row.pairs
                else _cell(row, row.kappa, options)
            )
            cells += [str(row.pairs), kappa]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "| link | " + " | ".join(f"{name} compared | {name} share" for name in names) + " |",
        "|---|" + "---:|---:|" * len(names),
    ]
    links = {name: report.links for name, report in reports.items()}
    for index, (layer, field, target) in enumerate(LINK_ROWS):
        cells = []
        for name in names:
            row = links[name][index]
            cells += [str(row.compared), _cell(row, row.share, options)]
        lines.append(f"| {_link_name(layer, field, target)} | " + " | ".join(cells) + " |")
    fields = {
        name: {(r.task, r.field, r.mode): r for r in report.fields}
        for name, report in reports.items()
    }
    lines += [
        "",
        f"| field | set in {GOLD_PASS} | "
        + " | ".join(f"{name} {mode} F1" for name in names for mode in modes)
        + " |",
        "|---|---:|" + "---:|" * (len(names) * len(modes)),
    ]
    for task, name_of_field in FIELD_ROWS:
        reference = fields[names[0]][(task, name_of_field, modes[0])]
        cells = [
            _cell(row, row.f1, options)
            for name in names
            for row in (fields[name][(task, name_of_field, mode)] for mode in modes)
        ]
        lines.append(f"| {task}.{name_of_field} | {reference.first} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def split_section(
    data_dir: Path,
    split: str,
    *,
    passes: Sequence[str],
    options: Mapping[str, object],
    against_gold: bool = True,
) -> str:
    """Return the agreement section of one split: the two passes, then each against the gold."""
    names = (*passes, GOLD_PASS) if against_gold else tuple(passes)
    read = {name: read_pass(data_dir, split, name) for name in names}
    first, second = passes
    documents = len(read[first].annotations.documents)
    unit = "document" if documents == 1 else "documents"
    lines = [f"### `{split}` ({documents} {unit})", ""]
    old = [name for name in passes if SCHEMA_1X in read[name].schemas]
    if old:
        lines += [
            f"{' and '.join(old)} written for schema 1.x: labels read through {LABEL_MAP_FILE}.",
            "",
        ]
    report = agreement(read[first].annotations, read[second].annotations)
    title = f"**{first} vs {second}"
    title += ", before adjudication**" if against_gold else "**"
    lines += [
        f"{title} ({first} as reference):",
        "",
        comparison_markdown(report, first=first, second=second, options=options),
    ]
    if against_gold:
        reports = {
            name: agreement(read[GOLD_PASS].annotations, read[name].annotations) for name in passes
        }
        lines += [
            f"**Each pass against the adjudicated gold** ({GOLD_PASS} as reference):",
            "",
            against_gold_markdown(reports, options=options),
        ]
    return "\n".join(lines)


def agreement_text(
    data_dir: Path,
    *,
    splits: Sequence[str] | None = None,
    first: str | None = None,
    second: str | None = None,
    n_resamples: int = N_RESAMPLES,
    seed: int = SEED,
    confidence: float = CONFIDENCE,
) -> str:
    """Return the agreement tables of ``splits`` (default: every split with two passes).

    Without ``first`` and ``second``: each split's two passes before adjudication, then each
    against the gold (the card's block). With either: that one comparison per split, the other
    pass defaulting to the split's own (``first`` or ``second`` pass).
    """
    data_dir = Path(data_dir)
    options = {"n_resamples": n_resamples, "seed": seed, "confidence": confidence}
    chosen = splits_with_passes(data_dir) if splits is None else tuple(splits)
    custom = first is not None or second is not None
    sections = []
    for split in chosen:
        own = default_passes(split) or (None, None)
        passes = (first or own[0], second or own[1])
        if None in passes:
            raise DataError(f"split {split} has no annotation passes to compare", field="split")
        sections.append(
            split_section(data_dir, split, passes=passes, options=options, against_gold=not custom)
        )
    if not sections:
        return "No split has two annotation passes."
    header = (
        f"Generated by `kharkiv-ie agreement` ({n_resamples} bootstrap resamples of the "
        f"documents, seed {seed}, {confidence:.0%} percentile intervals; no interval for a "
        "split of one document)."
        if n_resamples
        else "Generated by `kharkiv-ie agreement --bootstrap 0` (point estimates, no intervals)."
    )
    return header + "\n\n" + "\n".join(sections).rstrip("\n")


def agreement_block(data_dir: Path) -> str:
    """Return the card's agreement block (:func:`agreement_text` with its defaults)."""
    return agreement_text(data_dir)


def card_blocks(data_dir: Path) -> dict[str, str]:
    """Return the card blocks the data build cannot render itself: the agreement tables.

    Only when the card has the block's markers (a folder without them needs no passes).
    """
    card = Path(data_dir) / CARD_NAME
    if not card.is_file() or AGREEMENT_BLOCK not in blocks_of(card.read_text(encoding="utf-8")):
        return {}
    return {AGREEMENT_BLOCK: agreement_block(Path(data_dir))}
