"""The files a user meets first: README front door, licences, citation, links into docs/."""

import re
from pathlib import Path

from benchmark.dataset.configs import DATASET_VERSION

REPO = Path(__file__).resolve().parents[1]


def test_the_citation_names_the_dataset_version():
    citation = (REPO / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(rf'^version: "{re.escape(DATASET_VERSION)}"', citation, re.M)


def test_the_readme_starts_with_what_a_user_must_know():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first = readme[: readme.index("## The two commands")]
    assert "one article" in first.lower() and "Wikinews" in first
    assert "Machine assistants" in first and "blind passes" in first and "adjudicated" in first
    assert readme.index("## The two commands") < readme.index("## Loading the data")
    assert readme.index("## Loading the data") < readme.index("## Scoring a submission")
    assert readme.index("## Scoring a submission") < readme.index("## Reproducing the baselines")


def test_every_file_the_readme_links_exists():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(((?!https?:)[^)#]+)(?:#[^)]*)?\)", readme)
    assert targets
    assert [t for t in targets if not (REPO / t).is_file()] == []


def test_the_licence_files_are_there():
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    data = (REPO / "DATA_LICENSE.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in data and "CC BY 2.5" in data
