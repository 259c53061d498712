"""The ``crf`` baseline: a learned sequence labeller over the gold ``tokens`` view.

Four linear-chain CRFs (sklearn-crfsuite; one per tag column: events, hedges, attribution
elements, casualty elements) over the token features of :mod:`baselines.crf.features`.

- Scoring the gold: :func:`predict_crf_cross_validated`, k-fold cross-validation BY
  SENTENCE (:mod:`baselines.crf.folds`; default 5 folds, seed 0): every gold sentence is
  predicted by a model that never saw it.
- The contrast split: :func:`predict_crf_leaving_out` (:mod:`baselines.crf.heldout`),
  LEAVE-SOURCE-PARAGRAPH-OUT: a contrast document is an edited copy of one paragraph ``p`` of
  the test article, so the documents of a group built from ``p`` are predicted by a model
  trained on every test sentence outside ``p`` (same ``c1``/``c2``/``max_iterations`` as the
  cross-validation). The caller passes the sentence keys of ``p`` (``excluded``); the
  extractor also refuses any document repeating a sentence it was trained on.
- New text: :class:`CrfExtractor` (trained on every gold sentence), for ``kharkiv-ie
  predict``.

Modules: ``features`` (token features), ``folds`` (seeded sentence folds), ``model`` (the
four CRFs, fixed hyper-parameters), ``decode`` (BIO -> spans), ``layers`` and ``relations``
(spans -> schema objects), ``crossval`` (out-of-fold predictions), ``heldout``
(leave-source-paragraph-out), ``extractor``.
"""

from __future__ import annotations

from baselines.crf.crossval import load_token_rows, predict_crf_cross_validated
from baselines.crf.extractor import CrfExtractor
from baselines.crf.heldout import predict_crf_leaving_out

__all__ = [
    "CrfExtractor",
    "load_token_rows",
    "predict_crf_cross_validated",
    "predict_crf_leaving_out",
]
