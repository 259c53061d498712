"""benchmark.scoring.assignment: small components solved exactly, ties left to scipy."""

import itertools

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

import benchmark.scoring.assignment as module
from benchmark.scoring.assignment import assign, unique_best_matching


def brute_force_optima(weight, candidate):
    """Every maximum-weight matching of the candidate pairs, by enumeration."""
    rows, cols = len(weight), len(weight[0])
    pairs = [(r, c) for r in range(rows) for c in range(cols) if candidate[r][c]]
    best, found = None, []
    for size in range(len(pairs) + 1):
        for chosen in itertools.combinations(pairs, size):
            if len({r for r, _ in chosen}) < size or len({c for _, c in chosen}) < size:
                continue
            total = sum(weight[r][c] for r, c in chosen)
            if best is None or total > best:
                best, found = total, [sorted(chosen)]
            elif total == best:
                found.append(sorted(chosen))
    return found


def random_component(rng, rows, cols):
    candidate = rng.random((rows, cols)) < 0.6
    overlap = np.where(candidate, rng.integers(1, 4, (rows, cols)), 0)
    displacement = np.where(candidate, rng.integers(0, 3, (rows, cols)), 0)
    return candidate, overlap, displacement


def test_unique_best_matching_by_hand():
    # rows 0, 1; columns 0, 1: the crossed pairing (0,1)+(1,0) = 5 beats (0,0)+(1,1) = 4
    assert unique_best_matching([[1, 3], [2, 3]], [[True, True], [True, True]]) == [(0, 1), (1, 0)]
    # (0,0)+(1,1) = (0,1)+(1,0) = 4: tied, no unique answer
    assert unique_best_matching([[2, 2], [2, 2]], [[True] * 2] * 2) is None
    # a tall component is transposed and the pairs given back as (row, column)
    assert unique_best_matching([[5], [7], [1]], [[True], [True], [True]]) == [(1, 0)]
    assert unique_best_matching([[0, 0]], [[False, False]]) == []


@pytest.mark.parametrize("seed", range(6))
def test_unique_answers_are_the_only_optimum(seed):
    rng = np.random.default_rng(seed)
    for _ in range(60):
        rows, cols = rng.integers(1, 5, 2)
        weight = rng.integers(1, 4, (rows, cols)).tolist()
        candidate = (rng.random((rows, cols)) < 0.7).tolist()
        optima = brute_force_optima(weight, candidate)
        found = unique_best_matching(weight, candidate)
        assert (found is None) == (len(optima) > 1)
        if found is not None:
            assert found == optima[0]


@pytest.mark.parametrize("seed", range(6))
def test_assign_gives_what_scipy_gives(seed, monkeypatch):
    rng = np.random.default_rng(100 + seed)
    components = [
        random_component(rng, *(int(x) for x in rng.integers(1, 7, 2))) for _ in range(150)
    ]
    ours = [assign(*component) for component in components]
    monkeypatch.setattr(module, "MAX_EXACT_SIDE", -1)  # every component to scipy: the oracle
    assert ours == [assign(*component) for component in components]


def test_scipy_is_the_oracle_of_the_weights():
    # a 3 x 3 chain: maximum matching has 3 pairs; scipy and the exact solver agree
    candidate = np.array([[True, True, False], [False, True, True], [True, False, True]])
    overlap = np.where(candidate, 2, 0)
    displacement = np.zeros((3, 3), dtype=np.int64)
    pairs = assign(candidate, overlap, displacement)
    rows, cols = linear_sum_assignment(np.where(candidate, 1.0, 0.0), maximize=True)
    assert len(pairs) == 3 == int(candidate[rows, cols].sum())
    assert pairs == [(0, 0), (1, 1), (2, 2)]  # rule 4: the in-order pairing
