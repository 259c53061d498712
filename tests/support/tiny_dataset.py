"""A tiny, complete and consistent HF dataset folder over the real article, for tests.

:func:`write_tiny_dataset` writes it (hand-made layers, offsets worked out by hand from the
text; a test double, not gold); :func:`edit_rows` changes one row and refreshes the card and
the manifest; :func:`refresh_derived` rewrites them to match the files.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from benchmark.dataset.configs import CONFIGS, data_file
from benchmark.dataset.documents import build_document
from benchmark.dataset.features import card_with_yaml, render_card_yaml
from benchmark.dataset.rows import from_row, to_row
from benchmark.dataset.tables import EVENT_TYPES_FILE, LABEL_MAP_FILE
from benchmark.dataset.tokens_view import build_tokens_view
from benchmark.errors import DataError
from support.files import write_jsonl

REPO = Path(__file__).resolve().parents[2]
ARTICLE = REPO / "data" / "source" / "kharkiv-001.txt"
ARTICLE_META = REPO / "data" / "source" / "kharkiv-001.meta.yaml"
TABLES = (EVENT_TYPES_FILE, LABEL_MAP_FILE)
"""The dataset's tables, copied from the repository's data folder."""
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
        "count_high": None,
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
    sources = [f"source/{DOC}.txt", f"source/{DOC}.meta.yaml"]
    relpaths = sorted([data_file(config) for config in CONFIGS] + sources)
    lines = [f"{hashlib.sha256((folder / p).read_bytes()).hexdigest()}  {p}\n" for p in relpaths]
    (folder / "MANIFEST.sha256").write_text("".join(lines), encoding="utf-8")


def write_tiny_dataset(folder):
    """Write a complete, consistent HF dataset folder with the hand-made layers above."""
    folder = Path(folder)
    (folder / "source").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ARTICLE, folder / "source" / f"{DOC}.txt")
    shutil.copyfile(ARTICLE_META, folder / "source" / f"{DOC}.meta.yaml")
    for table in TABLES:
        shutil.copyfile(REPO / "data" / table, folder / table)
    text = ARTICLE.read_bytes().decode("utf-8")
    layers = {
        "events": EVENTS,
        "casualties": CASUALTIES,
        "attributions": ATTRIBUTIONS,
        "hedges": HEDGES,
    }
    objects = {config: [from_row(config, row) for row in rows] for config, rows in layers.items()}
    document = build_document(DOC, text, META, hedges=objects["hedges"])
    view = build_tokens_view(document, **objects)
    write_jsonl(folder / "documents" / "test.jsonl", [to_row(document)])
    for config, rows in layers.items():
        write_jsonl(folder / config / "test.jsonl", rows)
    write_jsonl(folder / "tokens" / "test.jsonl", [to_row(row) for row in view.rows])
    refresh_derived(folder)
    return folder


def edit_rows(folder, config, line, change, *, refresh=True):
    """Apply ``change(row)`` to row ``line`` (1-based) of a config, then refresh card+manifest."""
    path = folder / data_file(config)
    rows = read_jsonl(path)
    change(rows[line - 1])
    write_jsonl(path, rows)
    if refresh:
        refresh_derived(folder)
