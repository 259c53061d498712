# ruff: noqa: E501 - pinned texts and rows are literal data
import json
import shutil
from pathlib import Path

import pytest

from benchmark.dataset.build import build_data, serialize
from benchmark.dataset.configs import CONFIGS
from benchmark.dataset.contrast.build import build_contrast
from benchmark.dataset.contrast.groups import contrast_groups
from benchmark.dataset.features import FEATURES
from benchmark.errors import DataError

REPO_DATA = Path(__file__).resolve().parents[1] / "data"

# Hand-checked items (text and gold read against GUIDELINES.md), pinned literally.
PINNED = {
    "kharkiv-001-c01-e1": {
        "text": "\"Gli occupanti hanno attaccato un ospedale, il Centro clinico medico militare della regione settentrionale. È scoppiata una battaglia tra gli invasori e i difensori ucraini\", recita la nota diffusa dall'esercito ucraino. A mettere sotto assedio l'ospedale militare sono stati i paracadutisti russi, atterrati dopo i pesanti bombardamenti su Kharkiv. Una sequenza di violenza che si è consumata poche ore dopo il missile che ha distrutto il palazzo del governo locale, situato sulla piazza principale della seconda città dell'Ucraina, e alcuni edifici nelle aree residenziali circostanti.",
        "uncertain": [False, False, False, False],
        "rows": {
            "hedges": [],
            "events": [
                {
                    "event_id": "E3",
                    "doc_id": "kharkiv-001-c01-e1",
                    "sentence_id": 2,
                    "trigger": {"start": 237, "end": 244, "text": "assedio"},
                    "event_type": "Conflict:Siege",
                    "arguments": [
                        {"role": "Target", "start": 245, "end": 264, "text": "l'ospedale militare"},
                        {
                            "role": "Attacker",
                            "start": 276,
                            "end": 297,
                            "text": "i paracadutisti russi",
                        },
                    ],
                    "polarity": "positive",
                    "certainty": "certain",
                    "attribution_id": None,
                }
            ],
        },
    },
    "kharkiv-001-c11-e1": {
        "text": "Lo scontro a fuoco sarebbe stato respinto, almeno secondo quanto riportato da Sky News che cita il capo della polizia della regione di Kharkiv, Volodymyr Tymoshko: \"La situazione è sotto controllo e la sicurezza rafforzata\". Il funzionario ha anche ammesso che ci sarebbero vittime tra le truppe ucraine. Ma non c'è pace per Kharkiv, un nuovo attacco missilistico ha colpito l'edificio sede del dipartimento degli Interni regionale, che risulterebbe completamente distrutto, e la facoltà di sociologia dell'Università nazionale Karazin che si trova di fronte al dipartimento.",
        "uncertain": [True, True, True],
        "rows": {
            "casualties": [
                {
                    "casualty_id": "C1",
                    "doc_id": "kharkiv-001-c11-e1",
                    "sentence_id": 1,
                    "status": "unspecified",
                    "count": None,
                    "count_qualifier": "unquantified",
                    "count_span": None,
                    "qualifier_span": None,
                    "trigger": {"start": 274, "end": 281, "text": "vittime"},
                    "victim": {"start": 286, "end": 303, "text": "le truppe ucraine"},
                    "victim_group": "ukrainian_military",
                    "location": None,
                    "time": None,
                    "polarity": "positive",
                    "certainty": "uncertain",
                    "event_id": None,
                    "attribution_id": "A4",
                }
            ],
            "attributions": [
                {
                    "attribution_id": "A4",
                    "doc_id": "kharkiv-001-c11-e1",
                    "source": {"start": 225, "end": 239, "text": "Il funzionario"},
                    "source_antecedent": {
                        "start": 96,
                        "end": 162,
                        "text": "il capo della polizia della regione di Kharkiv, Volodymyr Tymoshko",
                    },
                    "cue": {"start": 249, "end": 256, "text": "ammesso"},
                    "content": {
                        "start": 261,
                        "end": 303,
                        "text": "ci sarebbero vittime tra le truppe ucraine",
                    },
                    "attribution_type": "indirect",
                    "parent_id": None,
                }
            ],
        },
    },
    "kharkiv-001-c16-e3": {
        "text": "Cresce, intanto, il bilancio dei morti nelle ultime 24 ore: sarebbero almeno ventuno le persone uccise e centododici ferite nei bombardamenti sulla città di Kharkiv. I dati pubblicati da Reuters sono stati diffusi dal governatore regionale, Oleg Synegubov, ha tenuto a sottolineare alla Bbc \"perdite significative per i russi\". Il numero di attacchi e morti, nella città che conta 1.4 milioni di abitanti, è anche tra i motivi che stanno ritardando i colloqui tra le delegazioni di Russia e Ucraina. A morire sotto le bombe c'è anche un membro dell'Organizzazione per la sicurezza e la cooperazione in Europa (OSCE). Si tratta di Mayna Fenina, impegnata in una Missione speciale di monitoraggio in Ucraina. Il resto del personale Osce, che si trovava a Kharkiv, è stato trasferito a Dnipro (185 chilometri a sud-est).",
        "uncertain": [True, False, False, False, False, False],
        "rows": {
            "casualties": [
                {
                    "casualty_id": "C2",
                    "doc_id": "kharkiv-001-c16-e3",
                    "sentence_id": 0,
                    "status": "killed",
                    "count": 21,
                    "count_qualifier": "at_least",
                    "count_span": {"start": 77, "end": 84, "text": "ventuno"},
                    "qualifier_span": {"start": 70, "end": 76, "text": "almeno"},
                    "trigger": {"start": 96, "end": 102, "text": "uccise"},
                    "victim": {"start": 85, "end": 95, "text": "le persone"},
                    "victim_group": "people",
                    "location": {"start": 148, "end": 164, "text": "città di Kharkiv"},
                    "time": {"start": 45, "end": 58, "text": "ultime 24 ore"},
                    "polarity": "positive",
                    "certainty": "uncertain",
                    "event_id": "E21",
                    "attribution_id": "A9",
                },
                {
                    "casualty_id": "C3",
                    "doc_id": "kharkiv-001-c16-e3",
                    "sentence_id": 0,
                    "status": "injured",
                    "count": 112,
                    "count_qualifier": "exact",
                    "count_span": {"start": 105, "end": 116, "text": "centododici"},
                    "qualifier_span": None,
                    "trigger": {"start": 117, "end": 123, "text": "ferite"},
                    "victim": {"start": 85, "end": 95, "text": "le persone"},
                    "victim_group": "people",
                    "location": {"start": 148, "end": 164, "text": "città di Kharkiv"},
                    "time": {"start": 45, "end": 58, "text": "ultime 24 ore"},
                    "polarity": "positive",
                    "certainty": "uncertain",
                    "event_id": "E21",
                    "attribution_id": "A9",
                },
            ]
        },
    },
    "kharkiv-001-c27-e1": {
        "text": "Cresce, intanto, il bilancio dei morti nelle ultime 24 ore: sarebbero almeno 21 le persone uccise e 112 ferite nei bombardamenti sulla città di Kharkiv. I dati sono stati diffusi dal governatore regionale, Oleg Synegubov, ha tenuto a sottolineare alla Bbc \"perdite significative per i russi\". Il numero di attacchi e morti, nella città che conta 1.4 milioni di abitanti, è anche tra i motivi che stanno ritardando i colloqui tra le delegazioni di Russia e Ucraina. A morire sotto le bombe c'è anche un membro dell'Organizzazione per la sicurezza e la cooperazione in Europa (OSCE). Si tratta di Mayna Fenina, impegnata in una Missione speciale di monitoraggio in Ucraina. Il resto del personale Osce, che si trovava a Kharkiv, è stato trasferito a Dnipro (185 chilometri a sud-est).",
        "uncertain": [True, False, False, False, False, False],
        "rows": {
            "attributions": [
                {
                    "attribution_id": "A9",
                    "doc_id": "kharkiv-001-c27-e1",
                    "source": {
                        "start": 183,
                        "end": 220,
                        "text": "governatore regionale, Oleg Synegubov",
                    },
                    "source_antecedent": None,
                    "cue": {"start": 171, "end": 178, "text": "diffusi"},
                    "content": {
                        "start": 60,
                        "end": 151,
                        "text": "sarebbero almeno 21 le persone uccise e 112 ferite nei bombardamenti sulla città di Kharkiv",
                    },
                    "attribution_type": "indirect",
                    "parent_id": None,
                },
                {
                    "attribution_id": "A10",
                    "doc_id": "kharkiv-001-c27-e1",
                    "source": None,
                    "source_antecedent": {
                        "start": 183,
                        "end": 220,
                        "text": "governatore regionale, Oleg Synegubov",
                    },
                    "cue": {"start": 234, "end": 246, "text": "sottolineare"},
                    "content": {
                        "start": 257,
                        "end": 290,
                        "text": "perdite significative per i russi",
                    },
                    "attribution_type": "direct",
                    "parent_id": None,
                },
            ]
        },
    },
    "kharkiv-001-c34-e1": {
        "text": "\"Gli occupanti hanno attaccato un ospedale, il Centro clinico medico militare della regione settentrionale\", recita la nota diffusa dall'esercito ucraino. È scoppiata una battaglia tra gli invasori e i difensori ucraini. A mettere sotto assedio l'ospedale militare sarebbero stati i paracadutisti russi, atterrati dopo i pesanti bombardamenti su Kharkiv. Una sequenza di violenza che si è consumata poche ore dopo il missile che ha distrutto il palazzo del governo locale, situato sulla piazza principale della seconda città dell'Ucraina, e alcuni edifici nelle aree residenziali circostanti.",
        "uncertain": [False, False, True, False],
        "rows": {
            "events": [
                {
                    "event_id": "E2",
                    "doc_id": "kharkiv-001-c34-e1",
                    "sentence_id": 1,
                    "trigger": {"start": 171, "end": 180, "text": "battaglia"},
                    "event_type": "Conflict:Attack",
                    "arguments": [
                        {"role": "Attacker", "start": 185, "end": 197, "text": "gli invasori"},
                        {
                            "role": "Attacker",
                            "start": 200,
                            "end": 219,
                            "text": "i difensori ucraini",
                        },
                    ],
                    "polarity": "positive",
                    "certainty": "certain",
                    "attribution_id": None,
                }
            ],
            "attributions": [
                {
                    "attribution_id": "A1",
                    "doc_id": "kharkiv-001-c34-e1",
                    "source": {
                        "start": 116,
                        "end": 153,
                        "text": "la nota diffusa dall'esercito ucraino",
                    },
                    "source_antecedent": None,
                    "cue": {"start": 109, "end": 115, "text": "recita"},
                    "content": {
                        "start": 1,
                        "end": 106,
                        "text": "Gli occupanti hanno attaccato un ospedale, il Centro clinico medico militare della regione settentrionale",
                    },
                    "attribution_type": "direct",
                    "parent_id": None,
                }
            ],
        },
    },
    "kharkiv-001-c29-e1": {
        "text": "Getty Images L'attacco dei missili al dipartimento universitario",
        "uncertain": [False],
        "rows": {
            "events": [
                {
                    "event_id": "E11",
                    "doc_id": "kharkiv-001-c29-e1",
                    "sentence_id": 0,
                    "trigger": {"start": 15, "end": 22, "text": "attacco"},
                    "event_type": "Conflict:Attack",
                    "arguments": [
                        {"role": "Instrument", "start": 27, "end": 34, "text": "missili"},
                        {
                            "role": "Target",
                            "start": 38,
                            "end": 64,
                            "text": "dipartimento universitario",
                        },
                    ],
                    "polarity": "positive",
                    "certainty": "certain",
                    "attribution_id": None,
                }
            ]
        },
    },
}


@pytest.fixture(scope="module")
def built():
    return build_contrast(data_dir=REPO_DATA)


def test_split_size_and_groups(built):
    groups = contrast_groups(data_dir=REPO_DATA)
    assert len(groups) == 37
    assert sum(len(g.doc_ids) for g in groups) == 106
    assert len(built.rows["documents"]) == 106
    assert groups[0].doc_ids == ("kharkiv-001-c01-orig", "kharkiv-001-c01-e1")
    assert (groups[0].phenomenon, groups[0].layer) == (
        "hedging.conditional_to_indicative",
        "hedges",
    )
    assert built.dropped == ()


@pytest.mark.parametrize("doc_id", sorted(PINNED))
def test_pinned_items(built, doc_id):
    expected = PINNED[doc_id]
    (document,) = [row for row in built.rows["documents"] if row["doc_id"] == doc_id]
    assert document["text"] == expected["text"]
    assert [s["uncertain"] for s in document["sentences"]] == expected["uncertain"]
    for config, rows in expected["rows"].items():
        id_field = FEATURES[config] and next(iter(FEATURES[config]))
        wanted = {row[id_field] for row in rows}
        got = [r for r in built.rows[config] if r["doc_id"] == doc_id and r[id_field] in wanted]
        assert got == rows


def test_original_documents_are_the_paragraphs_with_their_gold(built):
    source = (REPO_DATA / "source" / "kharkiv-001.txt").read_text(encoding="utf-8")
    (orig,) = [r for r in built.rows["documents"] if r["doc_id"] == "kharkiv-001-c09-orig"]
    assert orig["text"] == "Getty Images Il dipartimento universitario colpito dai missili"
    assert orig["text"] in source
    assert [p["kind"] for p in orig["paragraphs"]] == ["caption"]
    events = [r for r in built.rows["events"] if r["doc_id"] == "kharkiv-001-c09-orig"]
    assert [(e["event_id"], e["trigger"]["start"], e["trigger"]["text"]) for e in events] == [
        ("E11", 43, "colpito")
    ]


def test_committed_contrast_files_equal_a_fresh_build(built):
    for config in CONFIGS:
        committed = (REPO_DATA / config / "contrast.jsonl").read_bytes()
        assert committed == serialize(built.rows[config]), config


def _copy_data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(REPO_DATA, target, ignore=shutil.ignore_patterns(".build-*"))
    return target


def test_undeclared_straddling_span_fails_and_writes_nothing(tmp_path):
    data = _copy_data(tmp_path)
    spec = data / "contrast" / "edits.yaml"
    text = spec.read_text(encoding="utf-8")
    broken = text.replace(
        "          - {layer: events, id: E13, set: {trigger: esplosione, polarity: negative}}\n",
        "          - {layer: events, id: E13, set: {polarity: negative}}\n",
    )
    assert broken != text
    spec.write_text(broken, encoding="utf-8")
    before = (data / "events" / "contrast.jsonl").read_bytes()
    with pytest.raises(DataError, match=r"c14/e1: events E13 field trigger: span 'esplosioni'"):
        build_data(data_dir=data)
    assert (data / "events" / "contrast.jsonl").read_bytes() == before


def test_ambiguous_edit_is_refused(tmp_path):
    data = _copy_data(tmp_path)
    spec = data / "contrast" / "edits.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(
        text.replace('{op: replace, old: "24", new: "48"}', '{op: replace, old: "e", new: "E"}'),
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"c18/e1: 'e' occurs \d+ times in the paragraph"):
        build_contrast(data_dir=data)


def test_contrast_rows_are_valid_json_lines():
    for config in CONFIGS:
        lines = (REPO_DATA / config / "contrast.jsonl").read_text(encoding="utf-8").splitlines()
        assert all(json.loads(line)["doc_id"].startswith("kharkiv-001-c") for line in lines)


def test_casualty_event_is_the_causing_event_never_a_life_mention(built):
    events = {(r["doc_id"], r["event_id"]): r for r in built.rows["events"]}
    linked = [r for r in built.rows["casualties"] if r["event_id"] is not None]
    assert {events[(r["doc_id"], r["event_id"])]["trigger"]["text"] for r in linked} == {
        "bombardamenti"
    }
    wanted = {
        ("kharkiv-001-c11-e2", "C1"): ("unspecified", "vittime", "positive", None),
        ("kharkiv-001-c12-e1", "C1"): ("unspecified", "vittima", "negative", None),
        ("kharkiv-001-c12-e2", "C1"): ("killed", "morti", "negative", None),
        ("kharkiv-001-c12-e2", "C6"): ("injured", "feriti", "negative", None),
    }
    got = {
        (r["doc_id"], r["casualty_id"]): (
            r["status"],
            r["trigger"]["text"],
            r["polarity"],
            r["event_id"],
        )
        for r in built.rows["casualties"]
        if r["doc_id"] in {"kharkiv-001-c11-e2", "kharkiv-001-c12-e1", "kharkiv-001-c12-e2"}
    }
    assert got == wanted
    life = [
        (r["doc_id"], r["event_id"], r["trigger"]["text"])
        for r in built.rows["events"]
        if r["doc_id"] in {"kharkiv-001-c11-e2", "kharkiv-001-c12-e1", "kharkiv-001-c12-e2"}
        and r["event_type"].startswith("Life:")
    ]
    assert life == [("kharkiv-001-c12-e2", "E28", "morti"), ("kharkiv-001-c12-e2", "E29", "feriti")]
