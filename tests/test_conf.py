"""The Hydra configs under baselines/conf, composed with the Compose API."""

from pathlib import Path

import pytest
from hydra import compose, initialize_config_dir
from hydra.errors import ConfigCompositionException
from omegaconf import OmegaConf

from baselines.registry import EXTRACTORS
from baselines.reproduce import CONF_DIR
from baselines.run import CONF_DIR as RUN_CONF_DIR

BASELINE_CHOICES = ("empty", "naive", "rules", "crf")


def _compose(tmp_path, overrides, *, hydra_node=False):
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3", job_name="test"):
        return compose(
            config_name="config",
            overrides=[
                *overrides,
                f"paths.runs_dir={tmp_path / 'runs'}",
                f"paths.results_dir={tmp_path / 'results'}",
            ],
            return_hydra_config=hydra_node,
        )


def test_conf_dir_is_absolute_and_inside_the_package():
    assert CONF_DIR.is_absolute()
    assert CONF_DIR == RUN_CONF_DIR
    assert CONF_DIR.parent == Path(__file__).resolve().parents[1] / "baselines"
    assert (CONF_DIR / "config.yaml").is_file()


def test_one_config_file_per_baseline_and_per_registry_entry():
    files = sorted(p.stem for p in (CONF_DIR / "baseline").glob("*.yaml"))
    assert files == sorted(BASELINE_CHOICES)
    assert sorted(EXTRACTORS) == sorted(BASELINE_CHOICES)
    assert sorted(p.stem for p in (CONF_DIR / "scoring").glob("*.yaml")) == ["default"]
    assert sorted(p.stem for p in (CONF_DIR / "paths").glob("*.yaml")) == ["default"]


@pytest.mark.parametrize("name", BASELINE_CHOICES)
def test_every_baseline_composes(tmp_path, name):
    cfg = _compose(tmp_path, [f"baseline={name}"])
    resolved = OmegaConf.to_container(cfg, resolve=True, throw_on_missing=True)
    assert resolved["baseline"]["name"] == name
    assert resolved["splits"] == ["test", "contrast"]
    assert resolved["paths"]["runs_dir"] == str(tmp_path / "runs")
    assert resolved["paths"]["data_dir"] is None
    assert resolved["paths"]["leaderboard"] == "LEADERBOARD.md"


def test_crf_options():
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3", job_name="test"):
        cfg = compose(config_name="config", overrides=["baseline=crf"])
    assert OmegaConf.to_container(cfg.baseline) == {
        "name": "crf",
        "folds": 5,
        "seed": 0,
        "c1": 0.1,
        "c2": 0.1,
        "max_iterations": 100,
    }


def test_scoring_defaults(tmp_path):
    cfg = _compose(tmp_path, ["baseline=empty"])
    assert OmegaConf.to_container(cfg.scoring) == {
        "modes": ["exact", "overlap"],
        "tasks": ["events", "casualties", "attributions", "hedges"],
        "bootstrap": 1000,
        "seed": 0,
    }


def test_scoring_overrides(tmp_path):
    cfg = _compose(tmp_path, ["baseline=rules", "scoring.bootstrap=50", "scoring.modes=[exact]"])
    assert cfg.scoring.bootstrap == 50
    assert list(cfg.scoring.modes) == ["exact"]


def test_baseline_is_required():
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3", job_name="test"):
        with pytest.raises(ConfigCompositionException, match="You must specify 'baseline'"):
            compose(config_name="config")


def test_unknown_baseline_is_rejected(tmp_path):
    with pytest.raises(ConfigCompositionException):
        _compose(tmp_path, ["baseline=bert"])


@pytest.mark.parametrize("name", BASELINE_CHOICES)
def test_run_and_sweep_dirs_are_deterministic(tmp_path, name):
    cfg = _compose(tmp_path, [f"baseline={name}"], hydra_node=True)
    assert cfg.hydra.run.dir == f"{tmp_path / 'runs'}/{name}"
    assert cfg.hydra.sweep.dir == str(tmp_path / "runs")
    assert cfg.hydra.sweep.subdir == name
    assert cfg.hydra.job.chdir is False


def test_defaults_write_under_runs_without_timestamps():
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3", job_name="test"):
        cfg = compose(config_name="config", overrides=["baseline=naive"], return_hydra_config=True)
    assert cfg.hydra.run.dir == "runs/naive"
    assert cfg.hydra.sweep.dir == "runs"
    assert cfg.paths.results_dir == "results"
