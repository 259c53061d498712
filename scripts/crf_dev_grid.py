"""Choose the crf baseline's settings on the Wikinews dev split ONLY, and print the grid.

``uv run python scripts/crf_dev_grid.py`` (no arguments) composes ``conf/baseline/crf.yaml``
once per point of :data:`GRID` (Hydra overrides of ``c1``, ``c2``, ``max_iterations``),
predicts every ``wikinews_dev`` passage out of fold exactly as ``kharkiv-ie reproduce`` does
(:func:`baselines.pipeline.predict`: ``document_folds`` folds of whole passages, the Kharkiv
article in every fold's training), scores the predictions against the dev gold (exact match,
no bootstrap) and prints one row per point: the main subtask's exact F1 of every task and
their mean. The chosen point is the best mean, ties going to the earlier point of the grid
(smaller c1, then c2, then fewer iterations). Nothing reads or scores ``wikinews_test``:
:data:`SPLIT` is the only split used, and it is checked to be a trainable one.

Deterministic: the folds are seeded (``seed`` in the config) and crfsuite's L-BFGS is
deterministic, so a rerun prints the same table.
"""

from __future__ import annotations

import itertools
import sys
import tempfile
from pathlib import Path

from baselines.config import compose_config
from baselines.pipeline import predict, submission_text
from baselines.registry import build_extractor
from benchmark.dataset.gold import check_trainable
from benchmark.evaluation.evaluate import evaluate, load_split
from benchmark.scoring.modes import EXACT
from benchmark.scoring.tasks import TASKS

SPLIT = "wikinews_dev"
"""The only split this script predicts and scores."""

GRID: dict[str, tuple[float | int, ...]] = {
    "c1": (0.0, 0.05, 0.2, 0.5),
    "c2": (0.01, 0.1, 1.0),
    "max_iterations": (50, 200),
}
"""Option -> values tried; every combination is one point (4 x 3 x 2 = 24)."""


def grid_points() -> list[dict[str, float | int]]:
    """Return every combination of :data:`GRID`, in tie-break order."""
    names = list(GRID)
    return [dict(zip(names, values, strict=True)) for values in itertools.product(*GRID.values())]


def dev_scores(point: dict[str, float | int], *, work_dir: Path) -> dict[str, float]:
    """Return task -> main-subtask exact F1 on the dev split, out of fold, for ``point``."""
    from omegaconf import OmegaConf

    overrides = [f"baseline.{name}={value}" for name, value in point.items()]
    cfg = compose_config("crf", overrides=overrides)
    options = OmegaConf.to_container(cfg.baseline, resolve=True)
    extractor = build_extractor(options)
    gold = load_split(split=check_trainable(SPLIT))
    predicted = predict(extractor, gold.annotations.documents, split=SPLIT, data_dir=None)
    path = work_dir / "submission.jsonl"
    path.write_text(submission_text(predicted), encoding="utf-8")
    scores = evaluate(path, gold=gold, modes=(EXACT.name,), n_bootstrap=0).results.scores
    return {task: scores.get(task, spec.main, EXACT.name).f1 for task, spec in TASKS.items()}


def main() -> int:
    """Print the grid (one row per point) and the chosen point; return the exit code."""
    columns = [*GRID, *TASKS, "mean"]
    print("\t".join(columns))  # noqa: T201 - the script's output is this table
    best: tuple[float, dict[str, float | int]] | None = None
    with tempfile.TemporaryDirectory() as work:
        for point in grid_points():
            f1 = dev_scores(point, work_dir=Path(work))
            mean = sum(f1.values()) / len(f1)
            cells = [str(point[name]) for name in GRID]
            cells += [f"{f1[task]:.3f}" for task in TASKS] + [f"{mean:.4f}"]
            print("\t".join(cells), flush=True)  # noqa: T201
            if best is None or mean > best[0]:
                best = (mean, point)
    if best is None:
        return 1
    chosen = " ".join(f"{name}={value}" for name, value in best[1].items())
    print(f"chosen (best mean main exact F1 on {SPLIT}, out of fold): {chosen}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
