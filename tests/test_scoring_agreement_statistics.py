"""benchmark.scoring.agreement_statistics: kappa and share of summed counts, one formula each."""

import math

import numpy as np
import pytest

from benchmark.scoring.agreement_statistics import kappa_rows, point, share_rows


def test_kappa_of_hand_made_tables():
    # [[2, 1], [0, 1]]: p_o = 3/4; first pass 3/4 and 1/4, second 2/4 and 2/4:
    # p_e = 3/4 * 2/4 + 1/4 * 2/4 = 1/2; kappa = (3/4 - 1/2) / (1 - 1/2) = 0.5
    # [[1, 0], [0, 1]]: p_o = 1, p_e = 1/2: kappa 1; [[0, 1], [1, 0]]: p_o = 0: kappa -1
    values = kappa_rows(np.array([[2, 1, 0, 1], [1, 0, 0, 1], [0, 1, 1, 0]]))
    assert values.tolist() == pytest.approx([0.5, 1.0, -1.0])


def test_kappa_is_undefined_without_pairs_or_with_one_label():
    values = kappa_rows(np.array([[0, 0, 0, 0], [4, 0, 0, 0]]))
    assert all(math.isnan(value) for value in values)
    assert point("kappa", (4, 0, 0, 0)) is None
    assert point("kappa", (2, 1, 0, 1)) == pytest.approx(0.5)


def test_kappa_needs_a_square_table():
    with pytest.raises(ValueError, match="3 cells do not make a square contingency table"):
        kappa_rows(np.array([[1, 2, 3]]))


def test_share_of_agreeing_links():
    values = share_rows(np.array([[3, 4], [0, 0], [0, 2]]))
    assert values[0] == 0.75 and math.isnan(values[1]) and values[2] == 0.0
    assert point("share", (3, 4)) == 0.75
    assert point("share", (0, 0)) is None
