"""The Hydra configs under conf/ (found from the package), composed with the Compose API."""

from pathlib import Path

import pytest
from hydra import compose, initialize_config_dir
from hydra.errors import ConfigCompositionException
from omegaconf import OmegaConf
from support.baseline_configs import placeholder_overrides

from baselines.config import (
    CONF_DIR,
    baseline_names,
    compose_config,
    conf_dir,
    default_baselines,
    register_resolvers,
    required_keys,
    resolve_config,
    slug,
)
from baselines.run import CONF_DIR as RUN_CONF_DIR
from benchmark.errors import DataError

REPO = Path(__file__).resolve().parents[1]

BASELINE_CHOICES = baseline_names()


def _compose(tmp_path, overrides, *, hydra_node=False):
    register_resolvers()
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


def test_conf_dir_is_absolute_and_beside_the_packages():
    assert CONF_DIR.is_absolute()
    assert CONF_DIR == RUN_CONF_DIR
    assert CONF_DIR == Path(__file__).resolve().parents[1] / "conf"
    assert (CONF_DIR / "config.yaml").is_file()


def test_conf_dir_prefers_the_copy_a_wheel_ships_inside_the_package(tmp_path):
    package = tmp_path / "site-packages" / "baselines"
    package.mkdir(parents=True)
    assert conf_dir(package) == tmp_path / "site-packages" / "conf"
    (package / "conf").mkdir()
    assert conf_dir(package) == package / "conf"


def test_wheel_ships_the_configs_inside_the_package():
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text("utf-8")
    assert "[tool.hatch.build.targets.wheel.force-include]\n" in pyproject
    assert '"conf" = "baselines/conf"' in pyproject


def test_one_config_file_per_baseline_and_per_registry_entry():
    files = sorted(p.stem for p in (CONF_DIR / "baseline").glob("*.yaml"))
    assert list(BASELINE_CHOICES) == files
    assert {"empty", "naive", "rules", "crf"} <= set(BASELINE_CHOICES)
    assert sorted(p.stem for p in (CONF_DIR / "scoring").glob("*.yaml")) == ["default"]
    assert sorted(p.stem for p in (CONF_DIR / "paths").glob("*.yaml")) == ["default"]


@pytest.mark.parametrize("name", BASELINE_CHOICES)
def test_every_baseline_composes(tmp_path, name):
    cfg = _compose(tmp_path, [f"baseline={name}", *placeholder_overrides(name)])
    resolved = OmegaConf.to_container(cfg, resolve=True, throw_on_missing=True)
    system = resolved["baseline"]["name"]
    assert system.startswith(name) and slug(system) == system  # a file name
    assert resolved["splits"] == ["test", "contrast", "wikinews_dev", "wikinews_test"]
    assert resolved["training_splits"] == ["test", "wikinews_dev"]
    assert resolved["paths"]["preregistered_dir"] == str(REPO / "results" / "preregistered")
    assert resolved["paths"]["runs_dir"] == str(tmp_path / "runs")
    assert resolved["paths"]["data_dir"] is None
    assert resolved["paths"]["leaderboard"] == str(REPO / "LEADERBOARD.md")


def test_crf_options():
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3", job_name="test"):
        cfg = compose(config_name="config", overrides=["baseline=crf"])
    assert OmegaConf.to_container(cfg.baseline, resolve=True) == {
        "_target_": "baselines.crf.CrfExtractor",
        "name": "crf",
        "train_splits": ["test", "wikinews_dev"],
        "folds": 5,
        "document_folds": 4,
        "seed": 0,
        # chosen on wikinews_dev by scripts/crf_dev_grid.py (docs/crf-selection.md)
        "c1": 0.2,
        "c2": 0.01,
        "max_iterations": 200,
    }


def test_scoring_defaults(tmp_path):
    cfg = _compose(tmp_path, ["baseline=empty"])
    assert OmegaConf.to_container(cfg.scoring) == {
        "modes": ["exact", "normalised", "partial", "overlap"],
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
    cfg = _compose(tmp_path, [f"baseline={name}", *placeholder_overrides(name)], hydra_node=True)
    system = cfg.baseline.name
    assert cfg.hydra.run.dir == f"{tmp_path / 'runs'}/{system}"
    assert cfg.hydra.sweep.dir == str(tmp_path / "runs")
    assert cfg.hydra.sweep.subdir == system
    assert cfg.hydra.job.chdir is False


def test_defaults_write_under_the_repository_root_without_timestamps():
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3", job_name="test"):
        cfg = compose(config_name="config", overrides=["baseline=naive"], return_hydra_config=True)
    assert cfg.hydra.run.dir == f"{REPO}/runs/naive"
    assert cfg.hydra.sweep.dir == f"{REPO}/runs"
    assert cfg.paths.results_dir == f"{REPO}/results"
    assert cfg.paths.leaderboard == f"{REPO}/LEADERBOARD.md"


def test_base_dir_moves_every_output(tmp_path):
    cfg = compose_config("empty", overrides=[f"paths.base_dir={tmp_path}"])
    paths = OmegaConf.to_container(cfg.paths, resolve=True)
    assert paths == {
        "base_dir": str(tmp_path),
        "data_dir": None,
        "runs_dir": f"{tmp_path}/runs",
        "results_dir": f"{tmp_path}/results",
        "reports_dir": f"{tmp_path}/reports",
        "leaderboard": f"{tmp_path}/LEADERBOARD.md",
        # an input, not an output: a base_dir without results/preregistered/ scores none
        "preregistered_dir": f"{tmp_path}/results/preregistered",
    }


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ("+scoring.bootsrap=5", "unknown config key 'scoring.bootsrap'"),
        ("++scoring.bootsrap=5", "unknown config key 'scoring.bootsrap'"),
        ("scoring.bootsrap=5", "Could not override 'scoring.bootsrap'"),
        ("+baseline.folds=3", "unknown config key 'baseline.folds'"),
        ("~scoring.bootstrap", "config key 'scoring.bootstrap' may not be removed"),
        ("scoring.bootstrap=[1,2]", "'scoring.bootstrap': expected an integer, got a list"),
        ("scoring.bootstrap=abc", "'scoring.bootstrap': expected an integer, got text"),
        ("paths.runs_dir=[a]", "'paths.runs_dir': expected text, got a list"),
        ("splits=test", "'splits': expected a list, got text"),
        ("write_reports=1", "'write_reports': expected true or false, got an integer"),
        ("baseline.name=bogus", "'baseline.name' is 'bogus', but the baseline is 'empty'"),
        ("hydra.run.dir=/x", "hydra.* settings do not apply here"),
        ("scoring.modes=" + "[" * 400 + "]" * 400, "bad config override"),
    ],
)
def test_struct_mode_refuses_every_change_of_shape(override, message):
    with pytest.raises(DataError, match="bad config override") as caught:
        compose_config("empty", overrides=[override])
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_struct_mode_accepts_a_change_of_value():
    cfg = compose_config("crf", overrides=["scoring.bootstrap=5", "baseline.c1=1", "splits=[test]"])
    assert (cfg.scoring.bootstrap, cfg.baseline.c1, list(cfg.splits)) == (5, 1, ["test"])


@pytest.mark.parametrize("name", BASELINE_CHOICES)
def test_every_baseline_names_its_class(name):
    node = OmegaConf.to_container(compose_config(name).baseline)
    module, _, cls = node["_target_"].rpartition(".")
    assert module.startswith("baselines.") and cls.endswith(("Extractor", "Producer"))


def test_compose_config_refuses_an_unknown_baseline_and_a_bad_override():
    with pytest.raises(DataError, match=r"unknown baseline 'bert'; choose one of \["):
        compose_config("bert")
    with pytest.raises(DataError, match="bad config override"):
        compose_config("empty", overrides=["nosuch=1"])


def test_scoring_config_holds_the_library_defaults(tmp_path):
    from benchmark.evaluation import defaults
    from benchmark.scoring.modes import MODE_NAMES
    from benchmark.scoring.tasks import TASK_NAMES

    scoring = OmegaConf.to_container(_compose(tmp_path, ["baseline=empty"]).scoring)
    assert scoring == {
        "modes": list(MODE_NAMES),
        "tasks": list(TASK_NAMES),
        "bootstrap": defaults.BOOTSTRAP,
        "seed": defaults.SEED,
    }


def test_the_default_baselines_are_those_that_require_nothing(tmp_path):
    group = tmp_path / "baseline"
    group.mkdir()
    (group / "plain.yaml").write_text("name: plain\nk: 1\n", encoding="utf-8")
    (group / "served.yaml").write_text("name: served\nmodel: ???\n", "utf-8")
    assert baseline_names(tmp_path) == ("plain", "served")
    assert default_baselines(tmp_path) == ("plain",)
    assert set(default_baselines()) < set(baseline_names())  # the llm needs a server


def test_required_keys_in_order_nested_and_in_lists():
    node = OmegaConf.create({"a": "???", "b": {"c": 1, "d": "???"}, "e": [0, "???"]})
    assert required_keys(node) == ["a", "b.d", "e[1]"]
    assert required_keys(node.b, prefix="b") == ["b.d"]
    assert required_keys({"x": "${y}"}) == []  # an interpolation is not required


def test_resolve_config_names_what_is_required_or_broken():
    register_resolvers()
    node = OmegaConf.create({"m": "???", "name": "x-${slug:${m}}"})
    with pytest.raises(DataError) as caught:
        resolve_config(node)
    assert str(caught.value) == "field m: required: add the override(s) m=..."
    node.m = "A/B"
    assert resolve_config(node) == {"m": "A/B", "name": "x-a-b"}
    with pytest.raises(DataError, match="bad config: "):
        resolve_config(OmegaConf.create({"a": "${nosuch}"}))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Qwen/Qwen2.5-7B-Instruct", "qwen-qwen2.5-7b-instruct"),
        ("llama3.1:8b", "llama3.1-8b"),
        ("../../etc", "etc"),
        ("gpt 4o  mini", "gpt-4o-mini"),
        ("  model_x  ", "model_x"),
    ],
)
def test_slug_is_a_file_name(text, name):
    assert slug(text) == name


def test_slug_of_nothing_is_refused():
    with pytest.raises(ValueError, match="no file-safe name"):
        slug("///")
