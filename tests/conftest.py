"""Fixtures shared by the test modules (helpers that are not fixtures: ``tests/support/``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.files import write_jsonl
from support.tiny_dataset import write_tiny_dataset

from benchmark.dataset.gold import read_gold
from benchmark.submission import submission_line_from_annotations


@pytest.fixture(autouse=True)
def _offline_cache(tmp_path_factory, monkeypatch):
    """Keep ``datasets`` offline and its cache in the session's temporary folder."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("KHARKIV_IE_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "hf-cache"))


@pytest.fixture(scope="session")
def tiny_dataset(tmp_path_factory):
    """A tiny, consistent dataset folder over the real article (never modified by a test)."""
    return write_tiny_dataset(tmp_path_factory.mktemp("tiny") / "data")


@pytest.fixture
def tiny_copy(tiny_dataset, tmp_path):
    """A copy of :func:`tiny_dataset` that the test may edit."""
    return Path(shutil.copytree(tiny_dataset, tmp_path / "data"))


@pytest.fixture(scope="session")
def test_gold():
    """The committed gold of the test split, as schema objects."""
    return read_gold()


@pytest.fixture(scope="session")
def gold_submission(tmp_path_factory, test_gold):
    """The test split's gold written as a submission (one line per document, every task)."""
    lines = [submission_line_from_annotations(test_gold, d.doc_id) for d in test_gold.documents]
    return write_jsonl(tmp_path_factory.mktemp("gold-submission") / "gold.jsonl", lines)


@pytest.fixture(scope="session")
def contrast_gold():
    """The committed gold of the contrast split, as schema objects."""
    return read_gold(split="contrast")


@pytest.fixture(scope="session")
def crf_options():
    """The crf baseline's options, composed from ``conf/baseline/crf.yaml`` (name left out)."""
    from omegaconf import OmegaConf

    from baselines.config import compose_config

    node = OmegaConf.to_container(compose_config("crf").baseline, resolve=True)
    return {key: value for key, value in node.items() if key not in ("name", "_target_")}


@pytest.fixture(scope="session")
def crf_params(crf_options):
    """The CRF training options of ``conf/baseline/crf.yaml``."""
    from baselines.crf.model import CrfParams

    return CrfParams(**{key: crf_options[key] for key in ("c1", "c2", "max_iterations")})


@pytest.fixture(scope="session")
def llm_options():
    """The llm baseline's options from ``conf/baseline/llm.yaml``, for tests to complete.

    The two required options get placeholders (``base_url`` of a closed port, ``model``
    ``fixture-model``); ``cache_path`` is left out, so that every test names its own.
    """
    from baselines.config import compose_config, resolve_config

    overrides = ["baseline.base_url=http://127.0.0.1:9/v1", "baseline.model=fixture-model"]
    node = resolve_config(compose_config("llm", overrides=overrides).baseline, prefix="baseline")
    return {
        key: value for key, value in node.items() if key not in ("name", "_target_", "cache_path")
    }
