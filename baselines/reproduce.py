"""``kharkiv-ie reproduce``: every baseline from its config, scored, then LEADERBOARD.md.

The configs are COMPOSED in-process with Hydra's Compose API (one ``compose`` per baseline,
``baseline=<name>`` plus the caller's overrides), not launched as a Hydra multirun: one
process, the gold loaded once (``datasets`` is imported once), no Hydra logging or ``.hydra/``
folders, and plain exceptions for bad input. Each composed config goes through the same
:func:`baselines.pipeline.run_baseline` as ``python -m baselines.run``, so both write the same
files. The leaderboard is then regenerated from the results folder alone
(:func:`benchmark.leaderboard.write_leaderboard`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from baselines.pipeline import RunOutput, run_baseline
from baselines.registry import EXTRACTORS
from benchmark.errors import DataError

CONF_DIR = Path(__file__).resolve().parent / "conf"
"""Absolute path of the Hydra config folder (shipped inside the package)."""

BASELINES: tuple[str, ...] = tuple(EXTRACTORS)
"""Baselines run by default, in this order (each has ``conf/baseline/<name>.yaml``)."""


@dataclass(frozen=True)
class Reproduction:
    """What ``reproduce`` wrote."""

    runs: tuple[RunOutput, ...]
    """One run per baseline, in order."""
    leaderboard: Path
    """The regenerated page."""
    leaderboard_changed: bool
    """False when the page already had this content."""


def compose_config(baseline: str, *, overrides: Sequence[str] = ()):
    """Return the composed config of ``baseline`` (Compose API; ``conf/`` by absolute path)."""
    from hydra import compose, initialize_config_dir
    from hydra.errors import HydraException
    from omegaconf.errors import OmegaConfBaseException

    if baseline not in BASELINES:
        raise DataError(f"unknown baseline {baseline!r}; choose from {list(BASELINES)}")
    try:
        with initialize_config_dir(
            config_dir=str(CONF_DIR), version_base="1.3", job_name="reproduce"
        ):
            return compose(config_name="config", overrides=[f"baseline={baseline}", *overrides])
    except (HydraException, OmegaConfBaseException) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise DataError(f"bad config override: {message}", field="overrides") from None


def reproduce(
    *,
    baselines: Sequence[str] = BASELINES,
    overrides: Sequence[str] = (),
    progress: Callable[[str], None] = lambda line: None,
) -> Reproduction:
    """Run, score and record every baseline of ``baselines``; regenerate the leaderboard."""
    from benchmark.leaderboard import write_leaderboard

    configs = [(name, compose_config(name, overrides=overrides)) for name in baselines]
    if not configs:
        raise DataError("no baseline to run", field="baselines")
    runs = []
    for index, (name, cfg) in enumerate(configs, start=1):
        started = time.perf_counter()
        progress(f"[{index}/{len(configs)}] {name}: predicting and scoring ...")
        runs.append(
            run_baseline(
                cfg,
                overrides=(f"baseline={name}", *overrides),
                progress=lambda line, t=started, i=index: progress(
                    f"[{i}/{len(configs)}] {line} ({time.perf_counter() - t:.1f} s)"
                ),
            )
        )
    paths = configs[-1][1].paths
    leaderboard = Path(paths.leaderboard)
    changed = write_leaderboard(results_dir=paths.results_dir, out=leaderboard)
    progress(f"{leaderboard} {'regenerated' if changed else 'unchanged'} from {paths.results_dir}/")
    return Reproduction(runs=tuple(runs), leaderboard=leaderboard, leaderboard_changed=changed)
