"""Confidence intervals and significance tests over per-sentence counts.

The scorer reports, for every (task, subtask, match mode), one (tp, fp, fn)
triple per sentence unit (doc_id, sentence_id). The functions here take those
as three 1-D arrays of the same length (one entry per unit, in a fixed
order shared by the systems being compared) and know nothing about the
scorer's classes.

The resampling unit is the sentence. Micro P/R/F1 are recomputed from the
summed counts of each resample, never averaged over sentences.

Determinism: every function draws from ``numpy.random.Generator(PCG64(seed))``
and returns the same numbers for the same inputs, seed and number of
resamples or rounds. Draws are made in chunks of bounded size to bound memory;
the stream is consumed in the same order whatever the chunk size, so the chunk
size does not change any result (a test checks this).

Counts are integers, or floats under a crediting match mode (the partial mode's
fractional true positives). Counts that belong to no sentence (predictions whose
place is unknown) are passed as ``fixed`` to the bootstrap: they are added to
every resample, never resampled as if they were a sentence.

Modules: :mod:`.counts` (F1 from counts, input checks), :mod:`.resampling`
(seeded chunked draws, percentile intervals), :mod:`.bootstrap` (CI and paired
bootstrap, two-sided), :mod:`.permutation` (the paired sign-flip test, exact on at
most 20 differing units), :mod:`.randomization` (approximate randomization),
:mod:`.power` (the low-power warning).
"""

from benchmark.stats.bootstrap import PairedBootstrapResult, bootstrap_ci, paired_bootstrap
from benchmark.stats.counts import ZERO_DIVISION, f1_from_counts
from benchmark.stats.permutation import PermutationResult, permutation_test
from benchmark.stats.power import LOW_POWER_WARNING, low_power_warning
from benchmark.stats.randomization import RandomizationResult, approximate_randomization
from benchmark.stats.resampling import MAX_CELLS_PER_CHUNK

__all__ = [
    "LOW_POWER_WARNING",
    "MAX_CELLS_PER_CHUNK",
    "ZERO_DIVISION",
    "PairedBootstrapResult",
    "PermutationResult",
    "RandomizationResult",
    "approximate_randomization",
    "bootstrap_ci",
    "f1_from_counts",
    "low_power_warning",
    "paired_bootstrap",
    "permutation_test",
]
