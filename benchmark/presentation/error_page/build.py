"""Turn one scored submission (:class:`benchmark.evaluation.evaluate.Evaluation`) into the page.

The scores, intervals and provenance come from :func:`benchmark.evaluation.evaluate.evaluate`
(nothing is rescored here); this module only assembles the model and the header rows.
"""

from __future__ import annotations

from benchmark.dataset.schema import Annotations
from benchmark.evaluation.evaluate import Evaluation
from benchmark.presentation.error_page.html import render
from benchmark.presentation.error_page.model import build_model
from benchmark.scoring.modes import EXACT


def provenance_rows(evaluation: Evaluation, *, split: str) -> dict[str, str]:
    """Return the header rows of the page: system, data, scorer, split, date, commit."""
    results = evaluation.results
    system = results.system
    return {
        "system": str(system.get("name", "submission")),
        "submission file": str(system.get("submitted_file", "")),
        "submission sha256": str(system.get("submission_sha256", "")),
        "dataset": f"{results.dataset.name} {results.dataset.version}",
        "dataset sha256": results.dataset.sha256,
        "scorer version": results.scorer_version,
        "split": split,
        "created": results.provenance.created,
        "git commit": results.provenance.git_commit or "unknown",
    }


def error_page(
    evaluation: Evaluation, *, gold: Annotations, split: str, mode: str = EXACT.name
) -> str:
    """Return the self-contained HTML error-analysis page of ``evaluation``."""
    model = build_model(
        gold, evaluation.submission.annotations, evaluation.results.scores, mode=mode
    )
    return render(model, provenance=provenance_rows(evaluation, split=split))
