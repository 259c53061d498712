"""The readable terminal table of a score report (``kharkiv-ie score``).

One block per task; one row per (subtask, match mode): precision, recall, F1, the 95%
bootstrap interval of F1 (``-`` when not computed), the macro-F1 over types (``-`` for an
untyped subtask) and the raw tp / fp / fn (fractional under the partial mode, shown with one
decimal). Ratios are shown as percentages with one decimal. A task the submission did not
attempt is one line ``TASK: not attempted``; a subtask not attempted inside an attempted task
is a line ``  SUBTASK: not attempted`` under the task's rows.
Then the unaligned spans (their number, and one line each: they are false positives) and,
when a lenient reading kept any, the rejected items (their number, one line each with the
first error).

Contrast split: :func:`consistency_table` renders the contrast consistency, one row per
phenomenon and an ``overall`` row, columns ``groups``, ``consistent`` and the share (percent,
``not attempted`` when a needed subtask was not scored) for each match mode.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from benchmark.evaluation.results_contrast import ConsistencySection
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


HEADER: tuple[str, ...] = (
    "subtask", "mode", "P", "R", "F1", "95% CI", "macro F1", "tp", "fp", "fn"
)  # fmt: skip
"""Column names of a task block."""


def render(report: Scores, *, tasks: Sequence[str], modes: Sequence[str]) -> str:
    """Return the whole table for ``tasks`` (in this order) and ``modes`` (text, final newline)."""
    lines: list[str] = []
    not_attempted = set(report.not_attempted)
    for task in tasks:
        if task in not_attempted:
            lines.append(f"{task}: {NOT_ATTEMPTED}")
            lines.append("")
            continue
        rows = [list(HEADER)]
        skipped = []
        for subtask in _subtasks(report, task):
            if f"{task}/{subtask}" in not_attempted:
                skipped.append(f"  {subtask}: {NOT_ATTEMPTED}")
                continue
            for index, mode in enumerate(modes):
                found = _find(report, task, subtask, mode)
                if found is not None:
                    rows.append([subtask if index == 0 else "", mode, *_cells(found)])
        lines.append(f"{task}")
        lines.extend(_aligned(rows, left=2))
        lines.extend(skipped)
        lines.append("")
    lines.extend(unaligned_lines(report))
    lines.extend(rejected_lines(report))
    return "\n".join(lines) + "\n"


def count(value: float) -> str:
    """Return a count: an integer as it is, a fractional credit with one decimal."""
    return str(value) if isinstance(value, int) else f"{value:.1f}"


def rejected_lines(report: Scores) -> list[str]:
    """Return the count of rejected items and one line per item (nothing when there is none)."""
    if not report.rejected:
        return []
    lines = [
        f"rejected items (lenient reading; counted as false positives): {len(report.rejected)}"
    ]
    for item in report.rejected:
        first = item.errors[0] if item.errors else ""
        lines.append(f"  {item.doc_id} line {item.line} {item.path} ({item.item_id}): {first}")
    return lines


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
        quoted = json.dumps(span.text, ensure_ascii=False)
        lines.append(f"  {span.doc_id} {span.task} {span.item_id} {span.field}: {quoted}")
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


def _cells(result: SubtaskResult) -> list[str]:
    macro = result.macro_f1
    return [
        percent(result.precision),
        percent(result.recall),
        percent(result.f1),
        interval(result.ci95),
        "-" if macro is None else percent(macro),
        count(result.tp),
        count(result.fp),
        count(result.fn),
    ]


def _aligned(rows: list[list[str]], *, left: int = 1) -> list[str]:
    """Left-align the first ``left`` columns, right-align the others, two spaces between."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:left], widths[:left], strict=True)]
        cells += [cell.rjust(w) for cell, w in zip(row[left:], widths[left:], strict=True)]
        out.append(("  " + "  ".join(cells)).rstrip())
    return out
