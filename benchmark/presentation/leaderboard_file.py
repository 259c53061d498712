"""LEADERBOARD.md as a file: the page of a results folder, with each split's power.

The page is :func:`benchmark.presentation.leaderboard.render`; under each split's heading go
its size and minimal detectable differences (:mod:`benchmark.presentation.power`, computed
from the split's gold).
"""

from __future__ import annotations

from pathlib import Path

from benchmark.atomic import write_text_atomically
from benchmark.presentation.leaderboard import read_entries, render
from benchmark.presentation.power import power_notes


def render_page(*, results_dir: str | Path, data_dir: str | Path | None = None) -> str:
    """Return the page for ``results_dir``, each split's power from the gold of ``data_dir``."""
    entries = read_entries(results_dir)
    return render(entries, notes=power_notes({e.split for e in entries}, data_dir=data_dir))


def write_leaderboard(
    *, results_dir: str | Path, out: str | Path, data_dir: str | Path | None = None
) -> bool:
    """Regenerate ``out`` from ``results_dir`` (gold: ``data_dir``); True when it changed."""
    text = render_page(results_dir=results_dir, data_dir=data_dir)
    return write_text_atomically(out, text, only_if_changed=True)
