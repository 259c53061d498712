"""The readable terminal table of a score report (``kharkiv-ie score``).

One block per task; one row per subtask; for each match mode four columns: precision, recall,
F1 and the 95% bootstrap interval of F1 (``-`` when not computed). Ratios are shown as
percentages with one decimal. A task the submission did not attempt is one line
``TASK: not attempted``; a subtask not attempted inside an attempted task is a line
``  SUBTASK: not attempted`` under the task's rows.
Then the unaligned spans: their number, and one line each (they are false positives).

Contrast split: :func:`consistency_table` renders the contrast consistency, one row per
phenomenon and an ``overall`` row, columns ``groups``, ``consistent`` and the share (percent,
``not attempted`` when a needed subtask was not scored) for each match mode.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from benchmark.evaluation.results_contrast import ConsistencySection
from benchmark.printable import printable, shortened
from benchmark.scoring.scores import Scores, SubtaskResult

NOT_ATTEMPTED = "not attempted"
"""What the table shows instead of numbers for a task or subtask not attempted."""


def percent(value: float) -> str:
    """Return ``value`` (a ratio) as a percentage with one decimal (``0.875`` -> ``87.5``)."""
    return f"{100 * value:.1f}"


def interval(ci95: tuple[float, float] | None) -> str:
    """Return ``[lo, hi]`` in percent, or ``-`` when there is no interval."""
    if ci95 is None:
        return "-"
    return f"[{percent(ci95[0])}, {percent(ci95[1])}]"


def render(report: Scores, *, tasks: Sequence[str], modes: Sequence[str]) -> str:
    """Return the whole table for ``tasks`` (in this order) and ``modes`` (text, final newline)."""
    lines: list[str] = []
    not_attempted = set(report.not_attempted)
    header = ["subtask"] + [f"{mode} {c}" for mode in modes for c in ("P", "R", "F1", "95% CI")]
    for task in tasks:
        if task in not_attempted:
            lines.append(f"{task}: {NOT_ATTEMPTED}")
            lines.append("")
            continue
        rows = [header]
        skipped = []
        for subtask in _subtasks(report, task):
            if f"{task}/{subtask}" in not_attempted:
                skipped.append(f"  {subtask}: {NOT_ATTEMPTED}")
                continue
            row = [subtask]
            for mode in modes:
                row += _cells(_find(report, task, subtask, mode))
            rows.append(row)
        lines.append(f"{task}")
        lines.extend(_aligned(rows))
        lines.extend(skipped)
        lines.append("")
    lines.extend(unaligned_lines(report))
    return "\n".join(lines) + "\n"


def consistency_table(sections: Sequence[ConsistencySection]) -> str:
    """Return the contrast consistency table (text, final newline); ``""`` for no section."""
    if not sections:
        return ""
    header = ["phenomenon"]
    for section in sections:
        header += [f"{section.mode} groups", f"{section.mode} consistent", f"{section.mode} %"]
    names = [row.phenomenon for row in sections[0].phenomena]
    rows = [header]
    for index, name in enumerate([*names, "overall"]):
        row = [name]
        for section in sections:
            found = section.overall if index == len(names) else section.phenomena[index]
            share = NOT_ATTEMPTED if found.consistency is None else percent(found.consistency)
            row += [str(found.groups), str(found.consistent), share]
        rows.append(row)
    lines = ["contrast consistency (groups whose every document is fully right for its layer)"]
    return "\n".join([*lines, *_aligned(rows)]) + "\n"


def unaligned_lines(report: Scores) -> list[str]:
    """Return the count of unaligned spans and one line per span."""
    lines = [f"unaligned spans (counted as false positives): {len(report.unaligned)}"]
    for span in report.unaligned:
        quoted = json.dumps(shortened(span.text), ensure_ascii=False)
        lines.append(
            printable(f"  {span.doc_id} {span.task} {span.item_id} {span.field}: {quoted}")
        )
    return lines


def _subtasks(report: Scores, task: str) -> list[str]:
    """Subtask names of ``task`` in report order (scored ones and not-attempted ones)."""
    names: list[str] = []
    for result in report.results:
        if result.task == task and result.subtask not in names:
            names.append(result.subtask)
    for entry in report.not_attempted:
        owner, _, subtask = entry.partition("/")
        if owner == task and subtask and subtask not in names:
            names.append(subtask)
    return names


def _find(report: Scores, task: str, subtask: str, mode: str) -> SubtaskResult | None:
    try:
        return report.get(task, subtask, mode)
    except KeyError:
        return None


def _cells(result: SubtaskResult | None) -> list[str]:
    if result is None:
        return ["", "", "", ""]
    return [
        percent(result.precision),
        percent(result.recall),
        percent(result.f1),
        interval(result.ci95),
    ]


def _aligned(rows: list[list[str]]) -> list[str]:
    """Left-align the first column, right-align the others, two spaces between columns."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        out.append(("  " + "  ".join(cells)).rstrip())
    return out
