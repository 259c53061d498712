"""Hydra entry point: ``python -m baselines.run baseline=rules`` (``-m`` for a multirun).

Thin: composes ``conf/config.yaml`` and calls :func:`baselines.pipeline.run_baseline`. The
config folder is resolved from the package location (:data:`baselines.config.CONF_DIR`; a
relative ``config_path`` breaks under console scripts and non-editable installs). Outputs go
to ``runs/<baseline>`` (``hydra.run.dir``; a multirun job uses the same folder), results to
``results/``; nothing is timestamped.
"""

from __future__ import annotations

import sys
from pathlib import Path

import hydra
from omegaconf import DictConfig

from baselines.config import CONF_DIR, CONFIG_NAME, register_resolvers
from baselines.pipeline import run_baseline
from benchmark.errors import DataError


@hydra.main(version_base="1.3", config_path=str(CONF_DIR), config_name=CONFIG_NAME)
def main(cfg: DictConfig) -> None:
    """Run the chosen baseline; bad data prints one line and exits 2."""
    from hydra.core.hydra_config import HydraConfig

    runtime = HydraConfig.get()
    try:
        run_baseline(
            cfg,
            run_dir=Path(runtime.runtime.output_dir),
            overrides=tuple(runtime.overrides.task),
            progress=lambda line: sys.stdout.write(line + "\n"),
        )
    except DataError as error:
        sys.stderr.write(f"{error}\n")
        raise SystemExit(2) from None


if __name__ == "__main__":
    register_resolvers()  # before Hydra composes (and resolves hydra.run.dir)
    main()
