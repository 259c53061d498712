"""benchmark.dataset.splits: the one table of gold splits."""

import pytest

from benchmark.dataset import splits
from benchmark.errors import DataError


def test_the_splits_and_their_kinds():
    assert splits.SPLIT_NAMES == ("test", "contrast", "wikinews_dev", "wikinews_test")
    assert splits.MAIN_SPLIT == "test"
    assert [s.kind for s in splits.SPLITS.values()] == [
        splits.ANNOTATIONS, splits.CONTRAST, splits.ANNOTATIONS, splits.ANNOTATIONS,
    ]  # fmt: skip
    assert splits.ANNOTATION_SPLITS == ("test", "wikinews_dev", "wikinews_test")
    assert splits.SPLITS["contrast"].spec == "contrast/edits.yaml"
    assert splits.SPLITS["test"].spec is None
    assert [s.held_out for s in splits.SPLITS.values()] == [False, False, False, True]


def test_where_each_split_is_declared():
    assert splits.SPLITS["test"].declared_by is None  # always there
    assert splits.SPLITS["contrast"].declared_by == "contrast/edits.yaml"
    assert splits.SPLITS["wikinews_dev"].declared_by == "annotations/wikinews/gold"
    assert splits.SPLITS["wikinews_test"].declared_by == "annotations/wikinews/gold"


def test_splits_of_a_source_folder():
    assert splits.splits_of_source("source") == ("test",)
    assert splits.splits_of_source("source/wikinews") == ("wikinews_dev", "wikinews_test")
    assert splits.splits_of_source("elsewhere") == ()


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
