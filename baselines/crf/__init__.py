"""The ``crf`` baseline: a learned sequence labeller over the gold ``tokens`` view.

Four linear-chain CRFs (sklearn-crfsuite; one per tag column: events, hedges, attribution
elements, casualty elements) over the token features of :mod:`baselines.crf.features`.

- Scoring the gold: :func:`predict_crf_cross_validated`, k-fold cross-validation BY
  SENTENCE (:mod:`baselines.crf.folds`; default 5 folds, seed 0): every gold sentence is
  predicted by a model that never saw it.
- New text: :class:`CrfExtractor` (trained on every gold sentence), for ``kharkiv-ie
  predict`` only.

Modules: ``features`` (token features), ``folds`` (seeded sentence folds), ``model`` (the
four CRFs, fixed hyper-parameters), ``decode`` (BIO -> spans), ``layers`` and ``relations``
(spans -> schema objects), ``crossval`` (out-of-fold predictions), ``extractor``.
"""

from __future__ import annotations

from baselines.crf.crossval import load_token_rows, predict_crf_cross_validated
from baselines.crf.extractor import CrfExtractor

__all__ = ["CrfExtractor", "load_token_rows", "predict_crf_cross_validated"]
