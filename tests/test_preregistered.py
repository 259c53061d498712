"""baselines.preregistered: pre-registered submissions, scored as committed."""

import hashlib
import json

import pytest
from omegaconf import OmegaConf

from baselines.config import compose_config
from baselines.pipeline import submission_text
from baselines.preregistered import (
    AFTER_GOLD,
    PREREGISTERED,
    checked_submission,
    read_preregistration,
    score_preregistered,
    timing,
)
from benchmark.dataset.gold import read_gold
from benchmark.dataset.schema import Annotations
from benchmark.errors import DataError
from benchmark.evaluation.results import read_results

OLD_CODE = {"package": "0.0.1", "sources_sha256": "0" * 64}


def _preregister(folder, tiny_dataset, *, baseline="empty", split="test", payload=None):
    """Write an empty submission of the tiny gold and its manifest into ``folder``."""
    folder.mkdir(parents=True)
    gold = read_gold(data_dir=tiny_dataset)
    if payload is None:
        payload = submission_text(Annotations(documents=gold.documents)).encode("utf-8")
    (folder / f"{baseline}.{split}.jsonl").write_bytes(payload)
    manifest = {
        "git_commit": "d706773" + "0" * 33,
        "code_version": OLD_CODE,
        "baselines": {
            baseline: {
                "config": {},
                "submissions": {
                    split: {
                        "file": f"{baseline}.{split}.jsonl",
                        "sha256": hashlib.sha256(payload).hexdigest(),
                    }
                },
            }
        },
    }
    (folder / "MANIFEST.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def _resolved(tiny_dataset, out, name="empty"):
    cfg = compose_config(
        name,
        overrides=[
            f"paths.data_dir={tiny_dataset}",
            f"paths.results_dir={out / 'results'}",
            f"paths.reports_dir={out / 'reports'}",
            f"paths.leaderboard={out / 'LEADERBOARD.md'}",
            f"paths.preregistered_dir={out / 'preregistered'}",
            "scoring.bootstrap=0",
            "splits=[test]",
        ],
    )
    return OmegaConf.to_container(cfg, resolve=True)


def test_no_manifest_no_preregistration(tmp_path):
    assert read_preregistration(tmp_path) is None
    assert timing(None, baseline="rules", split="test", code_version=OLD_CODE) is None


def test_the_manifest_is_read_and_timing_follows_the_code_version(tiny_dataset, tmp_path):
    folder = _preregister(tmp_path / "pre", tiny_dataset)
    found = read_preregistration(folder)
    assert found.git_commit.startswith("d706773")
    (submission,) = found.submissions
    assert (submission.baseline, submission.split) == ("empty", "test")
    assert found.find("empty", "contrast") is None
    assert timing(found, baseline="empty", split="test", code_version=OLD_CODE) is None
    changed = {**OLD_CODE, "sources_sha256": "1" * 64}
    assert timing(found, baseline="empty", split="test", code_version=changed) == AFTER_GOLD
    # a baseline never pre-registered on a pre-registered split: made after, whatever its code
    assert timing(found, baseline="rules", split="test", code_version=OLD_CODE) == AFTER_GOLD
    # a split nobody pre-registered on: no timing
    assert timing(found, baseline="empty", split="contrast", code_version=changed) is None


def test_a_bad_manifest_is_one_data_error(tmp_path):
    (tmp_path / "MANIFEST.json").write_text('{"baselines": {}}', encoding="utf-8")
    with pytest.raises(DataError, match="unreadable pre-registration manifest") as caught:
        read_preregistration(tmp_path)
    assert caught.value.file is not None


def test_a_changed_submission_is_refused(tiny_dataset, tmp_path):
    folder = _preregister(tmp_path / "pre", tiny_dataset)
    (submission,) = read_preregistration(folder).submissions
    assert checked_submission(submission) == submission.path
    submission.path.write_bytes(submission.path.read_bytes() + b"\n")
    with pytest.raises(DataError, match="a pre-registered submission is scored as committed"):
        checked_submission(submission)


def test_scored_as_committed(tiny_dataset, tmp_path):
    _preregister(tmp_path / "preregistered", tiny_dataset)
    lines = []
    written = score_preregistered(
        _resolved(tiny_dataset, tmp_path), baseline="empty", progress=lines.append
    )
    assert [path.name for path in written] == ["empty.preregistered.json"]
    results = read_results(written[0])
    assert results.system["timing"] == PREREGISTERED
    assert results.system["name"] == "empty.preregistered"
    assert results.system["code_version"] == OLD_CODE
    assert results.system["submission"].endswith("preregistered/empty.test.jsonl")
    assert results.provenance.config["schema"] == "1.x"
    assert results.provenance.config["lenient"] is True
    # an empty submission of the tiny gold: its 3 events all missed
    triggers = results.scores.get("events", "trigger_identification", "exact")
    assert (triggers.tp, triggers.fp, triggers.fn) == (0, 0, 3)
    assert (tmp_path / "reports" / "empty.preregistered.html").is_file()
    assert lines == [f"empty.preregistered [test]: scored as committed -> {written[0]}"]
    assert score_preregistered(_resolved(tiny_dataset, tmp_path, "rules"), baseline="rules") == ()
