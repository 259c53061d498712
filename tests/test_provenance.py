import re
import subprocess
from importlib import metadata

from benchmark.dataset.loading import content_hash
from benchmark.evaluation import provenance


def test_dataset_info_hashes_the_split_scored(tiny_copy):
    info = provenance.dataset_info(data_dir=tiny_copy)
    assert (info.name, info.version) == ("kharkiv-ie", "2.0.0")
    assert re.fullmatch(r"[0-9a-f]{64}", info.sha256)
    assert info.sha256 == content_hash(tiny_copy, split="test")
    # another split appearing in the folder changes the cache key, not the test split's hash
    (tiny_copy / "events" / "contrast.jsonl").write_text("", encoding="utf-8")
    assert provenance.dataset_info(data_dir=tiny_copy).sha256 == info.sha256
    assert content_hash(tiny_copy) != content_hash(tiny_copy, split="test")
    other = provenance.dataset_info(data_dir=tiny_copy, split="contrast")
    assert other.sha256 == content_hash(tiny_copy, split="contrast") != info.sha256


def test_git_commit_outside_a_repository_is_none(tmp_path):
    assert provenance.git_commit(repository=tmp_path) is None


def test_git_commit_without_git_is_none(monkeypatch):
    def missing(*args, **kwargs):
        raise FileNotFoundError("git")

    monkeypatch.setattr(subprocess, "run", missing)
    assert provenance.git_commit() is None


def test_git_commit_reads_head(monkeypatch):
    def fake(*args, **kwargs):
        return subprocess.CompletedProcess(args, 0, stdout="a" * 40 + "\n", stderr="")

    monkeypatch.setattr(subprocess, "run", fake)
    assert provenance.git_commit() == "a" * 40


def test_package_versions_leave_out_missing_packages():
    versions = provenance.package_versions(packages=("numpy", "no-such-package-kharkiv"))
    assert versions == {"numpy": metadata.version("numpy")}


def test_default_packages():
    assert provenance.PACKAGES == ("kharkiv-ie", "datasets", "numpy", "scikit-learn", "seqeval")


def test_provenance_carries_config_and_time():
    made = provenance.provenance(config={"seed": 3})
    assert made.config == {"seed": 3}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", made.created)
