"""baselines.strict_config: an override changes a value, never the shape of the config."""

import pytest

from baselines.strict_config import check_shape
from benchmark.errors import DataError

BASE = {
    "baseline": {"_target_": "x.Y", "name": "crf", "c1": 0.1, "folds": 5},
    "scoring": {"modes": ["exact"], "bootstrap": 1000},
    "paths": {"data_dir": None, "runs_dir": "${.base_dir}/runs"},
    "write_reports": True,
}


def _with(**changes):
    composed = {
        key: dict(value) if isinstance(value, dict) else value for key, value in BASE.items()
    }
    for dotted, value in changes.items():
        section, _, key = dotted.partition("__")
        if key:
            composed[section][key] = value
        else:
            composed[section] = value
    return composed


def test_a_change_of_value_passes():
    check_shape(
        _with(baseline__c1=1, scoring__bootstrap=5, paths__data_dir="/d"), BASE, baseline="crf"
    )


@pytest.mark.parametrize(
    ("composed", "message"),
    [
        (_with(scoring__bootsrap=5), "unknown config key 'scoring.bootsrap'"),
        ({**BASE, "scoring": {"modes": ["exact"]}}, "'scoring.bootstrap' may not be removed"),
        (_with(scoring__bootstrap="5"), "'scoring.bootstrap': expected an integer, got text"),
        (_with(baseline__folds=5.5), "'baseline.folds': expected an integer, got a number"),
        (_with(write_reports=1), "'write_reports': expected true or false, got an integer"),
        (_with(paths__data_dir=[1]), "'paths.data_dir': expected null, got a list"),
        (_with(baseline__name="bogus"), "'baseline.name' is 'bogus', but the baseline is 'crf'"),
    ],
)
def test_a_change_of_shape_is_one_line(composed, message):
    with pytest.raises(DataError) as caught:
        check_shape(composed, BASE, baseline="crf")
    assert message in str(caught.value)
    assert str(caught.value).startswith("bad config override: ")
