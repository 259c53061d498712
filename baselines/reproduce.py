"""``kharkiv-ie reproduce``: every baseline from its config, scored, then LEADERBOARD.md.

The configs are COMPOSED in-process with Hydra's Compose API (one ``compose`` per baseline,
``baseline=<name>`` plus the caller's overrides), not launched as a Hydra multirun: one
process, no Hydra logging or ``.hydra/`` folders, and plain exceptions for bad input. Each
composed config goes through the same :func:`baselines.pipeline.run_baseline` as ``python -m
baselines.run``, so both write the same files; then the baseline's pre-registered submissions
are scored as committed (:func:`baselines.preregistered.score_preregistered`). The leaderboard
is then regenerated from the results folder, each split's power statement from the gold of
``paths.data_dir``
(:func:`benchmark.presentation.leaderboard_file.write_leaderboard`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from baselines.config import compose_config, default_baselines, resolve_config
from baselines.pipeline import RunOutput, run_baseline
from baselines.preregistered import score_preregistered
from benchmark.errors import DataError

BASELINES: tuple[str, ...] = default_baselines()
"""Baselines run by default: every ``conf/baseline/<name>.yaml`` that requires no option of the
caller (no ``???``: the llm, which needs a server and a model name, is run only when named),
sorted by name."""


@dataclass(frozen=True)
class Reproduction:
    """What ``reproduce`` wrote."""

    runs: tuple[RunOutput, ...]
    """One run per baseline, in order."""
    leaderboard: Path
    """The regenerated page."""
    leaderboard_changed: bool
    """False when the page already had this content."""


COMMITTED_PATHS: tuple[str, ...] = ("results_dir", "reports_dir", "leaderboard")
"""Keys of ``paths`` whose default locations are committed to the repository."""


def quoted(value: str) -> str:
    """Return ``value`` as a quoted Hydra override value (spaces, commas, quotes kept)."""
    escaped = value.replace("\\", "\\\\").replace("'", "\\'").replace("${", "\\${")
    return f"'{escaped}'"


def placement(
    overrides: Sequence[str], *, out_dir: str | Path | None, update_committed: bool
) -> tuple[str, ...]:
    """Return the path overrides that place a run's outputs (before the caller's overrides).

    ``out_dir``: everything under it (``paths.base_dir``). Otherwise, with overrides and
    without ``update_committed``, the committed outputs (results, pages, leaderboard) go under
    ``runs/`` instead: a run with changed settings never rewrites the committed results.
    """
    if out_dir is not None:
        return (f"paths.base_dir={quoted(str(Path(out_dir).resolve()))}",)
    if overrides and not update_committed:
        return (
            "paths.results_dir=${paths.runs_dir}/results",
            "paths.reports_dir=${paths.runs_dir}/reports",
            "paths.leaderboard=${paths.runs_dir}/LEADERBOARD.md",
        )
    return ()


def refuse_committed(paths: dict[str, Any]) -> None:
    """Raise DataError when an output of ``paths`` is a committed location of the repository."""
    from benchmark.repository import repository_root

    root = repository_root()
    if root is None:
        return
    committed = [Path(os.path.realpath(root / name)) for name in ("results", "reports")]
    committed.append(Path(os.path.realpath(root / "LEADERBOARD.md")))
    for key in COMMITTED_PATHS:
        real = Path(os.path.realpath(paths[key]))
        if any(real == place or place in real.parents for place in committed):
            raise DataError(
                f"paths.{key} is the committed {real.relative_to(root)}: a reproduction with "
                "overrides writes under runs/ only; add --update-committed to rewrite the "
                "committed results",
            )


def reproduce(
    *,
    baselines: Sequence[str] = BASELINES,
    overrides: Sequence[str] = (),
    out_dir: str | Path | None = None,
    update_committed: bool = False,
    progress: Callable[[str], None] = lambda line: None,
) -> Reproduction:
    """Run, score and record every baseline of ``baselines``; regenerate the leaderboard.

    Outputs go under the repository root, or under ``out_dir`` when given; with
    ``overrides``, the committed ones go under ``runs/`` unless ``update_committed``
    (:func:`placement`). The results record the caller's overrides only; the pre-registered
    submissions of each baseline are scored as committed (:mod:`baselines.preregistered`).
    """
    from benchmark.dataset.configs import gold_folders
    from benchmark.presentation.leaderboard_file import write_leaderboard

    placed = placement(overrides, out_dir=out_dir, update_committed=update_committed)
    configs = [(name, compose_config(name, overrides=(*placed, *overrides))) for name in baselines]
    if not configs:
        raise DataError("no baseline to run", field="baselines")
    paths = resolve_config(configs[-1][1])["paths"]
    if overrides and out_dir is None and not update_committed:
        for _, cfg in configs:
            refuse_committed(resolve_config(cfg)["paths"])
    runs = []
    golds: dict = {}  # every split is read once, for all the baselines
    for index, (name, cfg) in enumerate(configs, start=1):
        started = time.perf_counter()
        progress(f"[{index}/{len(configs)}] {name}: predicting and scoring ...")
        say = lambda line, t=started, i=index: progress(  # noqa: E731 - one line per step
            f"[{i}/{len(configs)}] {line} ({time.perf_counter() - t:.1f} s)"
        )
        runs.append(
            run_baseline(cfg, overrides=(f"baseline={name}", *overrides), golds=golds, progress=say)
        )
        score_preregistered(resolve_config(cfg), baseline=name, golds=golds, progress=say)
    leaderboard = Path(paths["leaderboard"])
    changed = write_leaderboard(
        results_dir=paths["results_dir"],
        out=leaderboard,
        data_dir=paths["data_dir"],
        protected=gold_folders(paths["data_dir"]),
    )
    progress(
        f"{leaderboard} {'regenerated' if changed else 'unchanged'} from {paths['results_dir']}/"
    )
    return Reproduction(runs=tuple(runs), leaderboard=leaderboard, leaderboard_changed=changed)
