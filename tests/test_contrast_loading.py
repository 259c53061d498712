from pathlib import Path

import datasets
import pytest

from benchmark.dataset import loading
from benchmark.dataset.configs import CONFIGS
from benchmark.dataset.features import FEATURES

REPO_DATA = Path(__file__).resolve().parents[1] / "data"
CONTRAST_ROWS = {
    "documents": 106,
    "events": 593,
    "casualties": 176,
    "attributions": 270,
    "hedges": 185,
    "tokens": 465,
}


@pytest.mark.parametrize("config", CONFIGS)
def test_contrast_split_loads_offline(config, tmp_path):
    plain = datasets.load_dataset(
        str(REPO_DATA), config, split="contrast", cache_dir=str(tmp_path / "c")
    )
    assert len(plain) == CONTRAST_ROWS[config]
    assert plain.features == FEATURES[config]
    checked = loading.load_config(config, split="contrast", data_dir=REPO_DATA)
    assert len(checked) == CONTRAST_ROWS[config]


def test_load_gold_contrast_split():
    gold = loading.load_gold(split="contrast", data_dir=REPO_DATA)
    assert len(gold.documents) == 106
    (c01e1,) = [d for d in gold.documents if d.doc_id == "kharkiv-001-c01-e1"]
    assert [s.uncertain for s in c01e1.sentences] == [False, False, False, False]
    test = loading.load_gold(data_dir=REPO_DATA)
    assert [d.doc_id for d in test.documents] == ["kharkiv-001"]
