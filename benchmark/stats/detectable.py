"""The smallest F1 difference a paired test could detect on a split: a simulated power analysis.

The question: on THESE sentence units (the resampling unit of :mod:`benchmark.stats`),
holding ``gold_per_unit[i]`` gold items each, how large must a real F1 difference be for the
paired permutation test (:mod:`benchmark.stats.permutation`, two-sided: exact sign flips,
approximate randomisation when many units differ) to find it significant at ``alpha`` with
probability ``power``?

The model of the two systems (stated so the figure can be checked by hand):

- A and B predict as many items as there are gold items and differ on exactly ``m`` gold
  items, all in B's favour: there B has the item right and A has one wrong prediction in its
  place (a boundary or label error, the commonest exact-match error). Everywhere else they
  are identical. Then ``F1(B) - F1(A) = m / G`` exactly (``G`` = number of gold items: both
  systems' ``2tp + fp + fn`` equal ``2G``), whatever the systems' common F1.
- The ``m`` items are a uniformly random subset of the ``G`` gold items (each simulation
  draws one), so where they fall follows the split's own distribution of items over units.
- With every disagreement in B's favour, the exact sign-flip test (which approximate
  randomisation estimates) depends only on ``k``, the number of units holding at least one
  of the ``m`` items: the observed difference is the largest of the ``2^k`` swap patterns,
  reached by two of them (all kept, all swapped), so ``p = 2^(1 - k)``. The test rejects at
  ``alpha`` iff ``k >= k*`` (:func:`units_needed`; ``k* = 6`` at ``alpha = 0.05``).
- Power at ``m`` = the share of simulations whose ``m`` items fall in at least ``k*`` units;
  the minimal detectable difference (MDD) is ``m / G`` for the smallest ``m`` whose power
  reaches ``power``. The same random order of the items serves every ``m`` (common random
  numbers), so power never decreases with ``m``.

This is the most favourable case for the test: real systems also disagree in A's favour and on
predictions without a gold item, which lowers power. The MDD is therefore a LOWER bound: a
smaller difference cannot be detected on these units by this test; a larger one may not be
either. It does not cover the paired bootstrap, whose "2 delta" rule (Berg-Kirkpatrick et al.
2012) behaves differently. When fewer than ``k*`` units hold gold items, no difference is
detectable and the MDD is None.

Seeded (``numpy.random.Generator(PCG64(seed))``): the same inputs give the same figure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from benchmark.errors import DataError
from benchmark.stats.resampling import check_positive_int, make_rng

ALPHA = 0.05
"""Default significance level."""
POWER = 0.8
"""Default power."""
SIMULATIONS = 2000
"""Default number of simulated placements of the differing items."""


@dataclass(frozen=True)
class DetectableDifference:
    """The minimal detectable F1 difference on one set of units (see the module docstring)."""

    units: int
    """Sentence units (entries of ``gold_per_unit``)."""
    units_with_gold: int
    """Units holding at least one gold item."""
    gold_items: int
    """G: gold items over all units."""
    units_needed: int
    """k*: units that must hold a disagreement for the test to reject at ``alpha``."""
    mdd: float | None
    """Smallest F1 difference (0..1) detected with probability ``power``; None: none is."""
    alpha: float
    """Significance level."""
    power: float
    """Required probability of detection."""
    simulations: int
    """Simulated placements."""
    seed: int
    """Seed of the simulations."""


def units_needed(alpha: float) -> int:
    """Return k*, the smallest ``k >= 1`` with ``2^(1 - k) <= alpha`` (6 for 0.05)."""
    if not 0.0 < alpha < 1.0:
        raise DataError(f"alpha must be in (0, 1), got {alpha!r}", field="alpha")
    k = 1
    while 2.0 ** (1 - k) > alpha:
        k += 1
    return k


def minimal_detectable_difference(
    gold_per_unit: Sequence[int],
    *,
    alpha: float = ALPHA,
    power: float = POWER,
    simulations: int = SIMULATIONS,
    seed: int = 0,
) -> DetectableDifference:
    """Return the MDD of the paired permutation test on units holding ``gold_per_unit`` items.

    DataError for a negative count, ``alpha`` or ``power`` outside (0, 1), fewer than one
    simulation, or a negative seed.
    """
    counts = np.asarray(gold_per_unit, dtype=np.int64)
    if counts.ndim != 1 or (counts < 0).any():
        raise DataError("gold_per_unit must be a sequence of counts >= 0", field="gold_per_unit")
    if not 0.0 < power < 1.0:
        raise DataError(f"power must be in (0, 1), got {power!r}", field="power")
    check_positive_int(simulations, field="simulations")
    needed = units_needed(alpha)
    total = int(counts.sum())
    occupied = int((counts > 0).sum())
    mdd = None
    if occupied >= needed:
        mdd = _simulated_mdd(counts, needed=needed, power=power, simulations=simulations, seed=seed)
    return DetectableDifference(
        units=int(counts.size),
        units_with_gold=occupied,
        gold_items=total,
        units_needed=needed,
        mdd=mdd,
        alpha=alpha,
        power=power,
        simulations=simulations,
        seed=seed,
    )


def _simulated_mdd(
    counts: np.ndarray, *, needed: int, power: float, simulations: int, seed: int
) -> float:
    """Return m / G for the smallest m reaching ``power`` (at least ``needed`` units occupied)."""
    occupied = counts[counts > 0]
    total = int(occupied.sum())
    # Row s: one uniform key per gold item; items in increasing key order are simulation s's
    # random order, and its first m items are its m disagreements. Items are grouped by unit
    # (contiguous columns), so a unit's first item is the minimum key of its columns.
    keys = make_rng(seed).random((simulations, total))
    starts = np.concatenate(([0], np.cumsum(occupied)[:-1]))
    first_key = np.minimum.reduceat(keys, starts, axis=1)
    # The `needed`-th unit is reached at the item whose key is the `needed`-th smallest unit
    # minimum; m_s = the number of items up to and including it.
    threshold = np.partition(first_key, needed - 1, axis=1)[:, needed - 1]
    reach = (keys <= threshold[:, None]).sum(axis=1)
    # Power at m = share of simulations with reach <= m; the smallest m with share >= power is
    # the ceil(power * S)-th smallest reach.
    rank = math.ceil(power * simulations)
    m = int(np.sort(reach)[rank - 1])
    return m / total
