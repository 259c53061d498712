"""LEADERBOARD.md as a file: the page of a results folder, with each split's power.

The page is :func:`benchmark.presentation.leaderboard.render`; under each split's heading go
its size and minimal detectable differences (:mod:`benchmark.presentation.power`, computed
from the split's gold).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from benchmark.outputs import check_output, write_output
from benchmark.presentation.leaderboard import read_entries, render, results_files
from benchmark.presentation.power import power_notes


def render_page(*, results_dir: str | Path, data_dir: str | Path | None = None) -> str:
    """Return the page for ``results_dir``, each split's power from the gold of ``data_dir``."""
    entries = read_entries(results_dir)
    return render(entries, notes=power_notes({e.split for e in entries}, data_dir=data_dir))


def write_leaderboard(
    *,
    results_dir: str | Path,
    out: str | Path,
    data_dir: str | Path | None = None,
    protected: Sequence[str | Path] = (),
) -> bool:
    """Regenerate ``out`` from ``results_dir`` (gold: ``data_dir``); True when it changed.

    ``out`` may not lie under a folder of ``protected`` (the gold) nor be a results file read
    (:func:`benchmark.outputs.write_output`).
    """
    inputs = results_files(results_dir)
    check_output(out, protected=protected, inputs=inputs)
    text = render_page(results_dir=results_dir, data_dir=data_dir)
    return write_output(out, text, protected=protected, inputs=inputs, only_if_changed=True)
