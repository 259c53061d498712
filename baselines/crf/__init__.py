"""The ``crf`` baseline: a learned sequence labeller over the gold ``tokens`` view.

Four linear-chain CRFs (sklearn-crfsuite; one per tag column: events, hedges, attribution
elements, casualty elements) over the token features of :mod:`baselines.crf.features`, with the
options of ``conf/baseline/crf.yaml`` (the only place their values are written).

- Scoring gold documents: :meth:`CrfExtractor.predict_out_of_fold`, the learned baselines'
  protocol (:class:`baselines.base.OutOfFold`). A training document (the test split) is
  predicted by k-fold cross-validation BY SENTENCE (:func:`predict_crf_cross_validated`,
  :mod:`baselines.crf.folds`): every gold sentence is predicted by a model that never saw it.
  Any other document (the contrast split) is predicted by a model trained without the
  training sentences it repeats (:func:`predict_crf_leaving_out`, :mod:`baselines.crf.heldout`):
  a contrast document is an edited copy of one paragraph ``p`` of the test article, so the
  documents of a group built from ``p`` are predicted by a model trained on every test sentence
  outside ``p``. The model also refuses any document repeating a sentence it was trained on.
- New text: :meth:`CrfExtractor.extract` (trained on every gold sentence), for ``kharkiv-ie
  predict``.

Modules: ``features`` (token features), ``folds`` (seeded sentence folds), ``model`` (the
four CRFs), ``trained`` (trained CRFs tagging new documents), ``decode`` (BIO -> spans),
``layers`` and ``relations`` (spans -> schema objects), ``crossval`` (out-of-fold
predictions), ``heldout`` (leave-source-paragraph-out), ``extractor``.
"""

from __future__ import annotations

from baselines.crf.crossval import load_token_rows, predict_crf_cross_validated
from baselines.crf.extractor import CrfExtractor, predict_crf_leaving_out

__all__ = [
    "CrfExtractor",
    "load_token_rows",
    "predict_crf_cross_validated",
    "predict_crf_leaving_out",
]
