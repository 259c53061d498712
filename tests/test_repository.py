"""benchmark.repository: the checkout around the package, or a one-line refusal."""

import pytest
from support.tiny_dataset import REPO

from benchmark.errors import DataError
from benchmark.repository import repository_root, require_repository_root


def test_the_checkout_is_found_from_the_package():
    assert repository_root() == REPO


def test_an_installed_package_has_no_checkout(tmp_path):
    package = tmp_path / "site-packages" / "benchmark"
    package.mkdir(parents=True)
    assert repository_root(package=package) is None
    for name in ("baselines", "conf", "data"):
        (tmp_path / "site-packages" / name).mkdir()
    (tmp_path / "site-packages" / "pyproject.toml").write_text('[project]\nname = "other"\n')
    assert repository_root(package=package) is None
    (tmp_path / "site-packages" / "pyproject.toml").write_text('[project]\nname = "kharkiv-ie"\n')
    assert repository_root(package=package) == tmp_path / "site-packages"


def test_require_names_what_needs_it_and_the_remedy(monkeypatch):
    import benchmark.repository as module

    monkeypatch.setattr(module, "repository_root", lambda: None)
    with pytest.raises(DataError, match=r"^reproduce needs the kharkiv-ie repository .*; give X$"):
        require_repository_root(what="reproduce", hint="give X")
