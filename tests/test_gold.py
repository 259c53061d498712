"""benchmark.dataset.gold: the gold read from its JSONL files, manifest-checked, no datasets."""

import hashlib

import pytest
from support.tiny_dataset import edit_rows

from benchmark.dataset import loading
from benchmark.dataset.configs import CONFIGS, MANIFEST_NAME, TOKENS
from benchmark.dataset.features import FEATURES
from benchmark.dataset.gold import (
    check_trainable,
    read_config,
    read_gold,
    read_jsonl,
    read_manifest,
)
from benchmark.dataset.rows import from_row
from benchmark.errors import DataError


@pytest.mark.parametrize("split", ["test", "contrast", "wikinews_dev", "wikinews_test"])
def test_the_scorer_reads_what_load_dataset_gives(split):
    # the users' way in (datasets, benchmark.dataset.loading) and the scorer's give one gold
    assert read_gold(split=split) == loading.load_gold(split=split)


def test_the_tokens_view_as_load_dataset_gives_it():
    dataset = loading.load_config(TOKENS)
    features = FEATURES[TOKENS]
    decoded = [
        {name: (features[name].feature.int2str(v) if name.endswith("_tags") else v)
         for name, v in row.items()}
        for row in dataset
    ]  # fmt: skip
    assert read_config(TOKENS) == tuple(from_row(TOKENS, row) for row in decoded)


def test_tiny_dataset_reads_like_load_gold(tiny_dataset):
    assert read_gold(data_dir=tiny_dataset) == loading.load_gold(data_dir=tiny_dataset)
    assert [len(getattr(read_gold(data_dir=tiny_dataset), c)) for c in CONFIGS[1:-1]] == [
        3,
        1,
        3,
        2,
    ]


def test_a_file_changed_after_the_build_is_refused(tiny_copy):
    edit_rows(tiny_copy, "events", 1, lambda row: row.update(polarity="negative"), refresh=False)
    with pytest.raises(DataError) as caught:
        read_gold(data_dir=tiny_copy)
    assert str(caught.value) == (
        f"{tiny_copy / 'events' / 'test.jsonl'}: SHA-256 differs from MANIFEST.sha256: the file "
        "changed after the build (rebuild with kharkiv-ie build-data; check with kharkiv-ie "
        "check-data)"
    )


def test_an_unlisted_file_and_a_missing_manifest_are_refused(tiny_copy):
    manifest = tiny_copy / MANIFEST_NAME
    kept = [line for line in manifest.read_text("utf-8").splitlines() if "hedges/" not in line]
    manifest.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="hedges/test.jsonl: not listed in MANIFEST.sha256"):
        read_gold(data_dir=tiny_copy)
    manifest.unlink()
    with pytest.raises(DataError, match="MANIFEST.sha256: no manifest"):
        read_gold(data_dir=tiny_copy)


def test_a_missing_file_is_named_before_the_manifest(tiny_copy):
    (tiny_copy / "casualties" / "test.jsonl").unlink()
    with pytest.raises(DataError, match=r"casualties/test.jsonl: file not found$"):
        read_gold(data_dir=tiny_copy)


def test_rows_are_typed_by_the_schema(tiny_copy):
    edit_rows(tiny_copy, "hedges", 2, lambda row: row.update(cue_type="speculation"))
    with pytest.raises(DataError) as caught:
        read_gold(data_dir=tiny_copy)
    assert str(caught.value) == (
        f"{tiny_copy / 'hedges' / 'test.jsonl'}:2: field cue_type: unknown label 'speculation'; "
        "expected one of conditional, evidential, epistemic"
    )


def test_manifest_lines_and_jsonl_lines_are_checked(tmp_path):
    (tmp_path / MANIFEST_NAME).write_text(f"{'0' * 64}  a.jsonl\nnot a line\n", encoding="utf-8")
    with pytest.raises(DataError, match="MANIFEST.sha256:2: expected '<sha256> <path>'"):
        read_manifest(tmp_path)
    good = hashlib.sha256(b"").hexdigest()
    (tmp_path / MANIFEST_NAME).write_text(f"{good}  a.jsonl\n", encoding="utf-8")
    assert read_manifest(tmp_path) == {"a.jsonl": good}
    path = tmp_path / "a.jsonl"
    path.write_text('{"a": 1}\n\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"a.jsonl:2: blank line"):
        read_jsonl(path)


def test_unknown_split_is_refused():
    with pytest.raises(DataError, match="unknown split 'train'"):
        read_gold(split="train")


def test_only_splits_that_are_not_held_out_are_trainable():
    from benchmark.dataset.splits import SPLITS

    assert check_trainable("test") == "test"
    assert check_trainable("wikinews_dev") == "wikinews_dev"
    with pytest.raises(DataError) as caught:
        check_trainable("wikinews_test")
    assert str(caught.value) == (
        "field train_splits: split 'wikinews_test' is held out: "
        "no system may be trained or tuned on it"
    )
    assert [name for name, spec in SPLITS.items() if spec.held_out] == ["wikinews_test"]
    with pytest.raises(DataError, match="unknown split"):
        check_trainable("nosuch")
