"""One component of the overlap matching, solved by rules 1-5 of :mod:`benchmark.scoring.intervals`.

The rules are encoded as integer weights (each level's multiplier exceeds the largest total of
all lower levels; with credits, the exact credit times a multiplier above every total of rules
1-5) and the component is solved as a maximum-weight one-to-one matching of its candidate
pairs. A small component is solved exactly here, by dynamic programming over the
subsets of its shorter side, which also counts the optimal matchings: when there is exactly one,
it is the answer (every exact solver returns it). Larger components, and components whose
optimum is tied (rule 5: the solver's choice decides), go to
``scipy.optimize.linear_sum_assignment``, imported only then (it takes a second to import).
"""

from __future__ import annotations

import math

import numpy as np

_FLOAT_EXACT = 2**52
"""Integer weights below this are exact in float64 (the assignment solver uses floats)."""

MAX_EXACT_SIDE = 10
"""Largest shorter side solved here (2**10 subsets); larger components go to scipy."""


def assign(
    candidate: np.ndarray,
    overlap: np.ndarray,
    displacement: np.ndarray,
    *,
    credit: np.ndarray | None = None,
) -> list[tuple[int, int]]:
    """Solve one component by rules 1-5 (rows and columns in (start, end, rank) order).

    ``credit`` (exact fractions): only pairs of positive credit are candidates, and the largest
    total credit comes before rule 1.
    """
    if credit is not None:
        candidate = candidate & (credit > 0).astype(bool)
    if not candidate.any():
        return []
    n_rows, n_cols = candidate.shape
    size = min(n_rows, n_cols)
    shift = np.abs(np.arange(n_rows)[:, None] - np.arange(n_cols)[None, :])
    # Each level's multiplier exceeds the largest possible total of all lower levels.
    shift_scale = size * max(n_rows, n_cols) + 1
    overlap_scale = (size * int(displacement[candidate].max()) + 1) * shift_scale
    secondary = overlap * overlap_scale - displacement * shift_scale - shift
    big = 2 * size * int(np.abs(secondary[candidate]).max()) + 1
    if big * (size + 1) < _FLOAT_EXACT:
        weight = np.where(candidate, big + secondary, 0)
    else:  # astronomically large components/offsets: rule 1 only
        weight = candidate.astype(np.int64)
    if credit is not None:
        # Exact integers: two totals of credit differ by at least 1 / denominator, which times
        # ``top`` exceeds any total of rules 1-5.
        denominator = math.lcm(*(c.denominator for c in credit[candidate].tolist()))
        top = (size + 1) * (int(weight.max()) + 1) * denominator
        scaled = [[int(c * top) for c in row] for row in credit.tolist()]
        weight = np.where(candidate, np.array(scaled, dtype=object) + weight.astype(object), 0)
    if size <= MAX_EXACT_SIDE:
        unique = unique_best_matching(weight.tolist(), candidate.tolist())
        if unique is not None:
            return unique
    from scipy.optimize import linear_sum_assignment  # lazy: scipy.optimize imports slowly

    rows, cols = linear_sum_assignment(np.asarray(weight, dtype=np.float64), maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols, strict=True) if candidate[r, c]]


def unique_best_matching(
    weight: list[list[int]], candidate: list[list[bool]]
) -> list[tuple[int, int]] | None:
    """Return the maximum-weight matching of the candidate pairs if it is unique, else None.

    Weights of candidate pairs must be positive. Rows are taken one by one; a state is the set
    of columns of the shorter side already used (as a bit mask), holding the best total so far
    and how many matchings reach it.
    """
    transposed = len(weight) < len(weight[0])
    if transposed:
        weight = [list(column) for column in zip(*weight, strict=True)]
        candidate = [list(column) for column in zip(*candidate, strict=True)]
    states: dict[int, tuple[int, int]] = {0: (0, 1)}
    steps: list[dict[int, tuple[int, int | None]]] = []
    for weights, allowed in zip(weight, candidate, strict=True):
        reached: dict[int, tuple[int, int]] = {}
        came_from: dict[int, tuple[int, int | None]] = {}
        for mask, (total, ways) in states.items():
            moves = [(mask, total, None)]
            moves += [
                (mask | 1 << column, total + weights[column], column)
                for column in range(len(weights))
                if allowed[column] and not mask >> column & 1
            ]
            for new_mask, new_total, column in moves:
                best = reached.get(new_mask)
                if best is None or new_total > best[0]:
                    reached[new_mask] = (new_total, ways)
                    came_from[new_mask] = (mask, column)
                elif new_total == best[0]:
                    reached[new_mask] = (best[0], best[1] + ways)
        states = reached
        steps.append(came_from)
    best_total = max(total for total, _ in states.values())
    winners = [(mask, ways) for mask, (total, ways) in states.items() if total == best_total]
    if len(winners) != 1 or winners[0][1] != 1:
        return None
    pairs = []
    mask = winners[0][0]
    for row in range(len(steps) - 1, -1, -1):
        mask, column = steps[row][mask]
        if column is not None:
            pairs.append((column, row) if transposed else (row, column))
    return sorted(pairs)
