import hashlib
import json
import shutil
from pathlib import Path

import pytest

from benchmark import integrity
from benchmark.build import build_data
from benchmark.documents import build_document
from benchmark.errors import DataError
from benchmark.features import CONFIGS, card_with_yaml, data_file, render_card_yaml
from benchmark.rows import from_row, to_row
from benchmark.tokens_view import build_tokens_view

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO / "data" / "source" / "kharkiv-001.txt"
DOC = "kharkiv-001"


def span(start, text):
    return {"start": start, "end": start + len(text), "text": text}


def arg(role, start, text):
    return {"role": role, **span(start, text)}


# A tiny hand-made annotation of the real article (offsets worked out by hand from the text;
# the fixture is a test double, not gold).
EVENTS = [
    {
        "event_id": "E1",
        "doc_id": DOC,
        "sentence_id": 0,
        "trigger": span(21, "attaccato"),
        "event_type": "Conflict:Attack",
        "arguments": [arg("Attacker", 1, "Gli occupanti"), arg("Target", 31, "un ospedale")],
        "polarity": "positive",
        "certainty": "certain",
        "attribution_id": "A1",
    },
    {
        "event_id": "E2",
        "doc_id": DOC,
        "sentence_id": 2,
        "trigger": span(237, "assedio"),
        "event_type": "Conflict:Siege",
        "arguments": [arg("Attacker", 283, "paracadutisti russi")],
        "polarity": "positive",
        "certainty": "uncertain",
        "attribution_id": None,
    },
    {
        "event_id": "E3",
        "doc_id": DOC,
        "sentence_id": 15,
        "trigger": span(2128, "bombardamenti"),
        "event_type": "Conflict:Attack",
        "arguments": [arg("Place", 2142, "sulla città di Kharkiv")],
        "polarity": "positive",
        "certainty": "uncertain",
        "attribution_id": None,
    },
]
CASUALTIES = [
    {
        "casualty_id": "C1",
        "doc_id": DOC,
        "sentence_id": 15,
        "status": "killed",
        "count": 21,
        "count_qualifier": "at_least",
        "count_span": span(2090, "21"),
        "qualifier_span": span(2083, "almeno"),
        "trigger": span(2104, "uccise"),
        "victim": span(2093, "le persone"),
        "victim_group": "people",
        "location": None,
        "time": span(2052, "nelle ultime 24 ore"),
        "polarity": "positive",
        "certainty": "uncertain",
        "event_id": "E3",
        "attribution_id": None,
    },
]
ATTRIBUTIONS = [
    {
        "attribution_id": "A1",
        "doc_id": DOC,
        "source": span(182, "la nota"),
        "source_antecedent": None,
        "cue": span(175, "recita"),
        "content": span(
            1,
            "Gli occupanti hanno attaccato un ospedale, il Centro clinico medico militare della "
            "regione settentrionale. È scoppiata una battaglia tra gli invasori e i difensori "
            "ucraini",
        ),
        "attribution_type": "direct",
        "parent_id": None,
    },
    {
        "attribution_id": "A2",
        "doc_id": DOC,
        "source": span(2218, "governatore regionale"),
        "source_antecedent": None,
        "cue": span(2206, "diffusi"),
        "content": span(2166, "I dati"),
        "attribution_type": "indirect",
        "parent_id": None,
    },
    {
        "attribution_id": "A3",
        "doc_id": DOC,
        "source": span(2187, "Reuters"),
        "source_antecedent": None,
        "cue": span(2173, "pubblicati"),
        "content": span(2166, "I dati"),
        "attribution_type": "indirect",
        "parent_id": "A2",
    },
]
HEDGES = [
    {
        "hedge_id": "H1",
        "doc_id": DOC,
        "sentence_id": 2,
        "cue": span(265, "sarebbero stati"),
        "cue_type": "conditional",
        "scope": span(
            221, "A mettere sotto assedio l'ospedale militare sarebbero stati i paracadutisti russi"
        ),
    },
    {
        "hedge_id": "H2",
        "doc_id": DOC,
        "sentence_id": 15,
        "cue": span(2073, "sarebbero"),
        "cue_type": "conditional",
        "scope": span(
            2073,
            "sarebbero almeno 21 le persone uccise e 112 ferite nei bombardamenti sulla città "
            "di Kharkiv",
        ),
    },
]
META = {
    "language": "it",
    "title": None,
    "outlet": None,
    "publication_date": None,
    "date_inferred": None,
    "date_evidence": None,
    "source_note": "test fixture",
    "caption_paragraphs": [1, 3, 5, 7],
}


def write_jsonl(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def refresh_derived(folder):
    """Rewrite the card front matter and the manifest to match the data files."""
    card = folder / "README.md"
    old = card.read_text(encoding="utf-8") if card.is_file() else "---\n---\n# tiny fixture\n"
    try:
        card.write_text(card_with_yaml(old, render_card_yaml(data_dir=folder)), encoding="utf-8")
    except DataError:
        pass  # data the card cannot describe: keep the old card (check_card reports it)
    relpaths = sorted([data_file(config) for config in CONFIGS] + [f"source/{DOC}.txt"])
    lines = [f"{hashlib.sha256((folder / p).read_bytes()).hexdigest()}  {p}\n" for p in relpaths]
    (folder / "MANIFEST.sha256").write_text("".join(lines), encoding="utf-8")


def write_tiny_dataset(folder):
    """Write a complete, consistent HF dataset folder with the hand-made layers above."""
    folder = Path(folder)
    (folder / "source").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ARTICLE, folder / "source" / f"{DOC}.txt")
    text = ARTICLE.read_bytes().decode("utf-8")
    document = build_document(
        DOC, text, META, uncertain_sentences={hedge["sentence_id"] for hedge in HEDGES}
    )
    layers = {
        "events": EVENTS,
        "casualties": CASUALTIES,
        "attributions": ATTRIBUTIONS,
        "hedges": HEDGES,
    }
    objects = {config: [from_row(config, row) for row in rows] for config, rows in layers.items()}
    view = build_tokens_view(document, **objects)
    write_jsonl(folder / "documents" / "test.jsonl", [to_row(document)])
    for config, rows in layers.items():
        write_jsonl(folder / config / "test.jsonl", rows)
    write_jsonl(folder / "tokens" / "test.jsonl", [to_row(row) for row in view.rows])
    refresh_derived(folder)
    return folder


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("KHARKIV_IE_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "hf-cache"))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    return write_tiny_dataset(tmp_path_factory.mktemp("pristine") / "data")


@pytest.fixture
def data(pristine, tmp_path):
    return Path(shutil.copytree(pristine, tmp_path / "data"))


def edit_rows(folder, config, line, change, *, refresh=True):
    """Apply ``change(row)`` to row ``line`` (1-based) of a config, then refresh card+manifest."""
    path = folder / data_file(config)
    rows = read_jsonl(path)
    change(rows[line - 1])
    write_jsonl(path, rows)
    if refresh:
        refresh_derived(folder)


def failures(folder):
    """Return check name -> list of 'relpath:line: field: message' strings."""
    found = {}
    for problem in integrity.run_all_checks(folder):
        found.setdefault(problem.check, []).append(str(problem).replace(f"{folder}/", ""))
    return found


def test_fixture_counts(pristine):
    assert [len(read_jsonl(pristine / data_file(config))) for config in CONFIGS] == [
        1,
        3,
        1,
        3,
        2,
        22,
    ]
    sentences = read_jsonl(pristine / "documents" / "test.jsonl")[0]["sentences"]
    assert [s["sentence_id"] for s in sentences if s["uncertain"]] == [2, 15]


def test_good_dataset_passes_every_check(pristine):
    assert integrity.run_all_checks(pristine) == []


@pytest.mark.skipif(
    not (REPO / "data" / "tokens" / "test.jsonl").is_file(), reason="gold not built yet"
)
def test_real_data_passes_every_check():
    assert [str(problem) for problem in integrity.run_all_checks(REPO / "data")] == []


def test_rows_missing_field(data):
    edit_rows(data, "events", 1, lambda row: row.pop("polarity"))
    assert failures(data) == {"rows": ["events/test.jsonl:1: polarity: missing field"]}


def test_rows_wrong_type_null_and_invalid_json(data):
    edit_rows(data, "hedges", 2, lambda row: row.update(sentence_id="15", scope=None))
    with (data / "casualties" / "test.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    found = integrity.check_rows(data)
    assert [str(problem).replace(f"{data}/", "") for problem in found] == [
        "casualties/test.jsonl:2: invalid JSON: Expecting property name enclosed in double quotes",
        "hedges/test.jsonl:2: sentence_id: expected int32, got str '15'",
        "hedges/test.jsonl:2: scope: is null but is required",
    ]


def test_labels_datasets_would_silently_accept(data):
    # datasets strips white space around a label string; the check does not.
    edit_rows(data, "events", 1, lambda row: row.update(polarity=" positive"))
    assert failures(data) == {
        "labels": [
            "events/test.jsonl:1: polarity: unknown label ' positive' "
            "(expected one of: positive, negative)"
        ]
    }


def test_labels_unknown_also_breaks_loading(data):
    edit_rows(data, "tokens", 1, lambda row: row["event_tags"].__setitem__(0, "B-Attack"))
    found = failures(data)
    assert found["labels"] == [
        "tokens/test.jsonl:1: event_tags[0]: unknown label 'B-Attack' (expected one of: "
        "O, B-Conflict:Attack, I-Conflict:Attack, B-Life:Die, I-Life:Die, B-Life:Injure, "
        "I-Life:Injure, B-Movement:Transport, I-Movement:Transport, B-Contact:Meet, "
        "I-Contact:Meet, B-Conflict:Siege, I-Conflict:Siege, B-Conflict:Damage, "
        "I-Conflict:Damage, B-Conflict:Explosion, I-Conflict:Explosion)"
    ]
    # datasets refuses the file too, and the card's split size cannot be measured.
    assert sorted(found) == ["card", "labels", "loadable", "tokens_view"]


def test_source_text_changed(data):
    source = data / "source" / f"{DOC}.txt"
    source.write_bytes(source.read_bytes().replace(b"Kharkiv", b"Kharkov", 1))
    refresh_derived(data)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    seed = integrity.SEED_FILES[DOC]
    expected = [
        f"documents/test.jsonl:1: text: differs from source/{DOC}.txt (byte for byte)",
        f"source/{DOC}.txt: text: SHA-256 is {digest}, pinned {integrity.PINNED_SHA256[DOC]}",
    ]
    if seed.is_file():
        expected.append(f"source/{DOC}.txt: text: differs from the seed file {seed}")
    assert failures(data) == {"source_text": expected}


def test_spans_text_mismatch_and_alignment(data):
    edit_rows(data, "events", 1, lambda row: row["trigger"].update(text="attaccatO"))
    edit_rows(data, "hedges", 1, lambda row: row["cue"].update(start=266, text="arebbero stati"))
    assert failures(data) == {
        "spans": [
            "events/test.jsonl:1: trigger: text 'attaccatO' != document text 'attaccato' at 21..30",
            "hedges/test.jsonl:1: cue: 266..280 ('arebbero stati') is not token-aligned",
        ]
    }


def test_spans_out_of_range(data):
    edit_rows(data, "attributions", 2, lambda row: row["cue"].update(start=2213, end=2206, text=""))
    assert failures(data) == {
        "spans": [
            "attributions/test.jsonl:2: cue: bad offsets 2213..2206 (document has 2879 characters)"
        ]
    }


def test_ids_duplicate(data):
    edit_rows(data, "hedges", 2, lambda row: row.update(hedge_id="H1"))
    assert failures(data) == {
        "ids": [
            "hedges/test.jsonl:2: hedge_id: duplicate id H1 in document 'kharkiv-001' "
            "(first on line 1)"
        ]
    }


def test_references_unresolved(data):
    edit_rows(data, "events", 1, lambda row: row.update(attribution_id="A9"))
    edit_rows(data, "casualties", 1, lambda row: row.update(event_id="E7"))
    assert failures(data) == {
        "references": [
            "events/test.jsonl:1: attribution_id: 'A9' names no row of attributions in document "
            "'kharkiv-001'",
            "casualties/test.jsonl:1: event_id: 'E7' names no row of events in document "
            "'kharkiv-001'",
        ]
    }


def test_references_unknown_sentence(data):
    edit_rows(data, "hedges", 1, lambda row: row.update(doc_id="kharkiv-002"))
    found = failures(data)
    assert found["references"] == ["hedges/test.jsonl:1: doc_id: unknown document 'kharkiv-002'"]
    # a hedge of another document no longer marks sentence 2 uncertain
    assert sorted(found) == ["references", "tokens_view", "uncertain"]


def test_parent_cycle(data):
    edit_rows(data, "attributions", 3, lambda row: row.update(parent_id="A3"))
    assert failures(data) == {
        "parent_cycles": ["attributions/test.jsonl:3: parent_id: parent chain loops: A3 -> A3"]
    }


def test_parent_cycle_of_two(data):
    edit_rows(data, "attributions", 2, lambda row: row.update(parent_id="A3"))
    found = failures(data)
    assert found["parent_cycles"] == [
        "attributions/test.jsonl:2: parent_id: parent chain loops: A2 -> A3 -> A2",
        "attributions/test.jsonl:3: parent_id: parent chain loops: A3 -> A2 -> A3",
    ]


def test_uncertain_flag_without_hedge(data):
    def clear(row):
        row["sentences"][2]["uncertain"] = False

    edit_rows(data, "documents", 1, clear)
    edit_rows(data, "tokens", 3, lambda row: row.update(uncertain=False))
    assert failures(data) == {
        "uncertain": [
            "documents/test.jsonl:1: sentences[2].uncertain: uncertain is False, "
            "but the sentence holds a hedge"
        ]
    }


def test_uncertain_tokens_view_disagrees(data):
    edit_rows(data, "tokens", 16, lambda row: row.update(uncertain=False))
    found = failures(data)
    assert found["uncertain"] == [
        "tokens/test.jsonl:16: uncertain: uncertain is False, the documents config says True"
    ]
    assert found["tokens_view"] == [
        "tokens/test.jsonl:16: uncertain: differs from a fresh generation (expected true)"
    ]


def test_sentence_anchor(data):
    edit_rows(data, "events", 2, lambda row: row.update(sentence_id=1))
    assert failures(data) == {
        "sentence_anchors": [
            "events/test.jsonl:2: sentence_id: sentence_id is 1, but trigger starts in sentence 2"
        ]
    }


def test_loadable_card_points_elsewhere(data):
    card = data / "README.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("path: hedges/test.jsonl", "path: hedges/missing.jsonl"))
    found = failures(data)
    # the card is what datasets reads, so the card check fails with it
    assert found == {
        "loadable": [found["loadable"][0]],
        "card": ["README.md: configs: differs from render_card_yaml()"],
    }
    assert found["loadable"][0].startswith(
        "hedges/test.jsonl: datasets cannot load config 'hedges': "
    )


def test_card_drift(data):
    card = data / "README.md"
    card.write_text(card.read_text(encoding="utf-8").replace("license: cc-by-4.0", "license: mit"))
    assert failures(data) == {"card": ["README.md: license: differs from render_card_yaml()"]}


def test_card_row_count_stale(data):
    stale_card = (data / "README.md").read_text(encoding="utf-8")
    with (data / "hedges" / "test.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({**HEDGES[1], "hedge_id": "H3"}, ensure_ascii=False) + "\n")
    refresh_derived(data)
    (data / "README.md").write_text(stale_card, encoding="utf-8")
    found = failures(data)
    assert found["card"] == ["README.md: dataset_info: differs from render_card_yaml()"]
    assert found["loadable"] == [
        "README.md: the row count of config 'hedges' differs from the one declared in "
        "the card's dataset_info (regenerate the card YAML: "
        "benchmark.features.render_card_yaml)"
    ]


def test_manifest_wrong_hash_and_unlisted(data):
    manifest = data / "MANIFEST.sha256"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    assert [line.split("  ")[1] for line in lines] == [
        "attributions/test.jsonl",
        "casualties/test.jsonl",
        "documents/test.jsonl",
        "events/test.jsonl",
        "hedges/test.jsonl",
        "source/kharkiv-001.txt",
        "tokens/test.jsonl",
    ]
    lines[3] = "0" * 64 + "  events/test.jsonl"
    del lines[6]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert failures(data) == {
        "manifest": [
            "MANIFEST.sha256:4: events/test.jsonl: SHA-256 differs",
            "MANIFEST.sha256: tokens/test.jsonl not listed",
        ]
    }


def test_tokens_view_stale(data):
    # sentence 0: '"', 'Gli', 'occupanti', 'hanno', 'attaccato' -> the trigger is token 4
    def untag(row):
        assert row["event_tags"][4] == "B-Conflict:Attack"
        row["event_tags"][4] = "O"

    edit_rows(data, "tokens", 1, untag)
    found = failures(data)
    assert list(found) == ["tokens_view"]
    assert found["tokens_view"][0].startswith(
        'tokens/test.jsonl:1: event_tags: differs from a fresh generation (expected ["O", "O", '
        '"O", "O", "B-Conflict:Attack", "O"'
    )


def test_every_check_has_a_broken_copy_test():
    tested = {
        "rows",
        "labels",
        "source_text",
        "spans",
        "ids",
        "references",
        "parent_cycles",
        "uncertain",
        "sentence_anchors",
        "loadable",
        "card",
        "manifest",
        "tokens_view",
    }
    assert set(integrity.CHECKS) == tested


@pytest.mark.skipif(
    not (REPO / "data" / "annotations" / "gold" / f"{DOC}.yaml").is_file(), reason="no gold yet"
)
def test_gold_built_into_a_copy_passes_every_check(tmp_path):
    copy = Path(shutil.copytree(REPO / "data", tmp_path / "data"))
    build_data(data_dir=copy)
    card = copy / "README.md"  # until build_data renders the card YAML itself
    new_yaml = render_card_yaml(data_dir=copy)
    card.write_text(card_with_yaml(card.read_text(encoding="utf-8"), new_yaml), encoding="utf-8")
    assert [str(problem) for problem in integrity.run_all_checks(copy)] == []
