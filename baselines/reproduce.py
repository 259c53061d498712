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

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from baselines.config import compose_config, default_baselines
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


def reproduce(
    *,
    baselines: Sequence[str] = BASELINES,
    overrides: Sequence[str] = (),
    progress: Callable[[str], None] = lambda line: None,
) -> Reproduction:
    """Run, score and record every baseline of ``baselines``; regenerate the leaderboard."""
    from omegaconf import OmegaConf  # hydra's dependency

    from benchmark.presentation.leaderboard_file import write_leaderboard

    configs = [(name, compose_config(name, overrides=overrides)) for name in baselines]
    if not configs:
        raise DataError("no baseline to run", field="baselines")
    runs = []
    for index, (name, cfg) in enumerate(configs, start=1):
        started = time.perf_counter()
        progress(f"[{index}/{len(configs)}] {name}: predicting and scoring ...")
        say = lambda line, t=started, i=index: progress(  # noqa: E731 - one line per step
            f"[{i}/{len(configs)}] {line} ({time.perf_counter() - t:.1f} s)"
        )
        runs.append(run_baseline(cfg, overrides=(f"baseline={name}", *overrides), progress=say))
        resolved = OmegaConf.to_container(cfg, resolve=True)
        score_preregistered(resolved, baseline=name, progress=say)
    paths = configs[-1][1].paths
    leaderboard = Path(paths.leaderboard)
    changed = write_leaderboard(
        results_dir=paths.results_dir, out=leaderboard, data_dir=paths.data_dir
    )
    progress(f"{leaderboard} {'regenerated' if changed else 'unchanged'} from {paths.results_dir}/")
    return Reproduction(runs=tuple(runs), leaderboard=leaderboard, leaderboard_changed=changed)
