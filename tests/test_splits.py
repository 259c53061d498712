"""benchmark.dataset.splits: the one table of gold splits."""

import pytest

from benchmark.dataset import splits
from benchmark.errors import DataError


def test_the_splits_and_their_kinds():
    assert splits.SPLIT_NAMES == ("test", "contrast")
    assert splits.MAIN_SPLIT == "test"
    assert [s.kind for s in splits.SPLITS.values()] == [splits.ANNOTATIONS, splits.CONTRAST]
    assert splits.SPLITS["contrast"].spec == "contrast/edits.yaml"
    assert splits.SPLITS["test"].spec is None


def test_unknown_split_names_the_splits():
    with pytest.raises(DataError, match=r"unknown split 'train'; expected one of \['test', 'c"):
        splits.split("train")
    assert splits.split("contrast") is splits.CONTRAST_SPLIT


def test_page_order_puts_table_splits_first():
    assert splits.page_order({"zeta", "contrast", "alpha", "test"}) == [
        "test",
        "contrast",
        "alpha",
        "zeta",
    ]
