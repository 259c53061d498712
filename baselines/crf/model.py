"""Four linear-chain CRFs (sklearn-crfsuite), one per tag column of the ``tokens`` view.

L-BFGS training with an L1 weight ``c1``, an L2 weight ``c2`` and ``max_iterations``; their
values are fixed in ``conf/baseline/crf.yaml`` (chosen on the Wikinews dev split only, by
``scripts/crf_dev_grid.py``; see ``docs/crf-selection.md``) and nowhere else.
``all_possible_transitions`` stays at crfsuite's default (off: only transitions seen in
training get weights). crfsuite's L-BFGS is deterministic: the same sentences in the same
order give the same model.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from baselines.crf.features import FeatureDict

if TYPE_CHECKING:
    import sklearn_crfsuite

TAG_COLUMNS: tuple[str, ...] = ("event_tags", "hedge_tags", "attribution_tags", "casualty_tags")
"""The ``tokens`` view columns this baseline learns, one CRF each (the ones
:mod:`baselines.crf.layers` decodes into layers; a view may hold more)."""


@dataclass(frozen=True)
class CrfParams:
    """Training options of every CRF (values: ``conf/baseline/crf.yaml``)."""

    c1: float
    """L1 regularisation weight."""
    c2: float
    """L2 regularisation weight."""
    max_iterations: int
    """L-BFGS iterations."""


class SentenceTagger:
    """One CRF per tag column, trained together on the same sentences."""

    def __init__(self, *, params: CrfParams) -> None:
        """Create an untrained tagger with ``params``."""
        self.params = params
        """Training options."""
        self._models: dict[str, sklearn_crfsuite.CRF] = {}

    def fit(
        self,
        features: Sequence[Sequence[FeatureDict]],
        tags: Mapping[str, Sequence[Sequence[str]]],
    ) -> SentenceTagger:
        """Train one CRF per column of ``tags`` (each: one tag sequence per sentence).

        Sentences without tokens are skipped (crfsuite cannot train on them).
        """
        kept = [index for index, sentence in enumerate(features) if len(sentence) > 0]
        if not kept:
            raise ValueError("no sentence with tokens to train on")
        # Imported here: sklearn-crfsuite takes seconds to import, and the registry (hence
        # every ``kharkiv-ie`` command) imports this package.
        import sklearn_crfsuite

        xseq = [list(features[index]) for index in kept]
        for column in TAG_COLUMNS:
            yseq = [list(tags[column][index]) for index in kept]
            model = sklearn_crfsuite.CRF(
                algorithm="lbfgs",
                c1=self.params.c1,
                c2=self.params.c2,
                max_iterations=self.params.max_iterations,
                all_possible_transitions=False,
            )
            model.fit(xseq, yseq)
            self._models[column] = model
        return self

    def predict(self, features: Sequence[Sequence[FeatureDict]]) -> dict[str, list[list[str]]]:
        """Return column -> one predicted tag sequence per sentence (empty for no tokens)."""
        if not self._models:
            raise RuntimeError("the tagger is not trained: call fit() first")
        predicted: dict[str, list[list[str]]] = {}
        for column in TAG_COLUMNS:
            model = self._models[column]
            predicted[column] = [
                list(model.predict_single(list(sentence))) if sentence else []
                for sentence in features
            ]
        return predicted
