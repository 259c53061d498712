import hashlib
import json
import shutil
from pathlib import Path

import pytest

from benchmark.cli import main
from benchmark.dataset.build import build_data
from benchmark.dataset.rows import CONFIGS
from benchmark.errors import DataError

REPO_DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURE_DATA = Path(__file__).parent / "fixtures" / "annotations" / "data"
CARD = """# Card

<!-- generated:statistics:start -->
stale
<!-- generated:statistics:end -->

Prose in between stays.

<!-- generated:manifest:start -->
<!-- generated:manifest:end -->
End.
"""


@pytest.fixture
def data_dir(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.skipif(
    not (REPO_DATA / "annotations" / "gold").is_dir(),
    reason="data/annotations/gold/ does not exist yet (gold annotation in progress)",
)
def test_build_reproduces_the_committed_data(tmp_path):
    report = build_data(data_dir=REPO_DATA, out_dir=tmp_path)
    missing = [
        name
        for name in [f"{config}/test.jsonl" for config in CONFIGS] + ["MANIFEST.sha256"]
        if not (REPO_DATA / name).is_file()
    ]
    assert not missing, f"not built yet, run `uv run kharkiv-ie build-data`: {missing}"
    for config in CONFIGS:
        relative = f"{config}/test.jsonl"
        assert (tmp_path / relative).read_bytes() == (REPO_DATA / relative).read_bytes(), relative
    assert (tmp_path / "MANIFEST.sha256").read_bytes() == (
        REPO_DATA / "MANIFEST.sha256"
    ).read_bytes()
    if report.card_blocks:
        assert (tmp_path / "README.md").read_bytes() == (REPO_DATA / "README.md").read_bytes()


def test_build_writes_every_config_and_the_manifest(data_dir):
    (data_dir / "README.md").write_text(CARD, encoding="utf-8")
    report = build_data(data_dir=data_dir)
    assert report.row_counts == {
        "documents": 1, "events": 4, "casualties": 2, "attributions": 3, "hedges": 1, "tokens": 4,
    }  # fmt: skip
    assert report.dropped == ()
    assert report.card_blocks == ("statistics", "manifest")
    assert report.label_counts["events"]["event_type"]["Conflict:Attack"] == 2
    assert report.label_counts["events"]["event_type"]["Life:Injure"] == 1
    assert report.label_counts["events"]["event_type"]["Contact:Meet"] == 0
    # outermost relations A1 and A3 only; A1's content spans two sentences (two B- tags)
    assert report.label_counts["tokens"]["attribution_tags"] == {
        "SOURCE": 2,
        "CUE": 2,
        "CONTENT": 3,
    }
    assert report.token_count == 45
    assert report.uncertain_sentences == 1
    hedges = (data_dir / "hedges" / "test.jsonl").read_text(encoding="utf-8")
    assert hedges == (
        '{"hedge_id": "H1", "doc_id": "tiny-001", "sentence_id": 2, '
        '"cue": {"start": 149, "end": 158, "text": "sarebbero"}, "cue_type": "conditional", '
        '"scope": {"start": 141, "end": 188, "text": "i razzi sarebbero caduti sul mercato di '
        'Leopoli"}}\n'
    )
    document = json.loads((data_dir / "documents" / "test.jsonl").read_text(encoding="utf-8"))
    assert [p["kind"] for p in document["paragraphs"]] == ["body", "caption"]
    assert [s["uncertain"] for s in document["sentences"]] == [False, False, True, False]
    assert [(s["start"], s["end"]) for s in document["sentences"]] == [
        (0, 88), (89, 120), (121, 189), (191, 235),
    ]  # fmt: skip
    events = (data_dir / "events" / "test.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["event_id"] for line in events] == ["E1", "E2", "E3", "E4"]
    manifest = (data_dir / "MANIFEST.sha256").read_text(encoding="utf-8")
    expected_paths = sorted(
        [f"{config}/test.jsonl" for config in CONFIGS]
        + ["source/tiny-001.meta.yaml", "source/tiny-001.txt"]
    )
    assert manifest == "".join(f"{sha(data_dir / p)}  {p}\n" for p in expected_paths)
    card = (data_dir / "README.md").read_text(encoding="utf-8")
    assert "stale" not in card
    assert "| events (items) | 4 |" in card
    assert f"| `tokens/test.jsonl` | `{sha(data_dir / 'tokens/test.jsonl')}` |" in card
    assert "Prose in between stays.\n" in card and card.endswith("End.\n")
    assert "The `tokens` view dropped no span" in card
    assert not list(data_dir.glob(".build-*"))


def test_rows_are_sorted_by_numeric_id(data_dir):
    gold = data_dir / "annotations" / "gold" / "tiny-001.yaml"
    gold.write_text(gold.read_text(encoding="utf-8").replace("id: E4", "id: E10"), encoding="utf-8")
    build_data(data_dir=data_dir)
    events = (data_dir / "events" / "test.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["event_id"] for line in events] == ["E1", "E2", "E3", "E10"]


def test_broken_gold_fails_and_writes_nothing(data_dir):
    gold = data_dir / "annotations" / "gold" / "tiny-001.yaml"
    good = gold.read_text(encoding="utf-8")
    gold.write_text(good.replace("trigger: caduti", "trigger: cadute"), encoding="utf-8")
    before = snapshot(data_dir)
    with pytest.raises(DataError, match="item E4, field trigger: anchor 'cadute' not found"):
        build_data(data_dir=data_dir)
    assert snapshot(data_dir) == before
    assert not (data_dir / "events").exists()
    # a broken gold after a good build leaves the previous build untouched
    gold.write_text(good, encoding="utf-8")
    build_data(data_dir=data_dir)
    gold.write_text(good.replace("  - id: E2\n", "  - id: E1\n"), encoding="utf-8")
    before = snapshot(data_dir)
    with pytest.raises(DataError, match="duplicate id E1"):
        build_data(data_dir=data_dir)
    assert snapshot(data_dir) == before


def test_changed_source_text_is_refused(data_dir):
    text = data_dir / "source" / "tiny-001.txt"
    text.write_bytes(text.read_bytes() + b"\n")
    with pytest.raises(DataError, match="text SHA-256 is .* the source text must never change"):
        build_data(data_dir=data_dir)


def test_missing_gold_folder_is_refused(data_dir):
    shutil.rmtree(data_dir / "annotations" / "gold")
    with pytest.raises(DataError, match="gold annotation folder does not exist"):
        build_data(data_dir=data_dir)


def test_card_without_markers_keeps_its_body_and_gets_a_fresh_yaml_header(data_dir, tmp_path):
    (data_dir / "README.md").write_text("# Card\n", encoding="utf-8")
    report = build_data(data_dir=data_dir)
    assert report.card_blocks == ()
    card = (data_dir / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\n")
    assert card.endswith("\n---\n# Card\n")
    assert "dataset_info:" in card
    out = tmp_path / "out"
    build_data(data_dir=data_dir, out_dir=out)
    assert (out / "README.md").read_text(encoding="utf-8") == card
    assert (out / "tokens" / "test.jsonl").read_bytes() == (
        data_dir / "tokens" / "test.jsonl"
    ).read_bytes()


def test_cli_build_data(data_dir, capsys):
    assert main(["build-data", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    rows = "documents=1, events=4, casualties=2, attributions=3, hedges=1, tokens=4"
    assert f"test: rows {rows}; tokens 45; uncertain sentences 1\n" in out
    gold = data_dir / "annotations" / "gold" / "tiny-001.yaml"
    gold.write_text(gold.read_text(encoding="utf-8").replace("type: direct", "type: quoted"))
    assert main(["build-data", "--data-dir", str(data_dir)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "item A1, field type: unknown label 'quoted'" in captured.err


def test_cli_sentences(data_dir, capsys):
    assert main(["sentences", "--data-dir", str(data_dir), "--doc-id", "tiny-001"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == '1\t89\t120\tAltre tre persone sono ferite".'
    assert lines[3] == "3\t191\t235\tFoto Archivio Il mercato distrutto dai razzi"
    assert main(["sentences", "--data-dir", str(data_dir), "--doc-id", "nope"]) == 2
    assert "no source text for doc_id 'nope'" in capsys.readouterr().err
