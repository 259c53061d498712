# ruff: noqa: E501 - pinned texts and rows are literal data
"""Contrast items checked by hand against GUIDELINES.md, pinned literally (tests/test_contrast_build.py)."""

from __future__ import annotations

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
                    "count_high": None,
                    "count_qualifier": "unquantified",
                    "count_span": None,
                    "qualifier_span": None,
                    "trigger": {"start": 274, "end": 281, "text": "vittime"},
                    "victim": {"start": 286, "end": 303, "text": "le truppe ucraine"},
                    "victim_group": "military",
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
                    "count_high": None,
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
                    "count_high": None,
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


# The contrast items that schema 2.0 changed (hand-checked in the 2.0 review of edits.yaml):
# (document, layer, item id) -> {field: value}; a span field is given by its text.
CHANGED_IN_2_0 = {
    # c01/c05: the presupposed events were already certain under the hedge
    ("kharkiv-001-c01-orig", "events", "E3"): {"certainty": "certain"},
    ("kharkiv-001-c05-orig", "events", "E19"): {"certainty": "certain"},
    ("kharkiv-001-c05-e1", "casualties", "C2"): {"certainty": "certain"},
    # c06/c08: a hedged cleft leaves the death certain and makes the record uncertain
    ("kharkiv-001-c06-e1", "events", "E25"): {"certainty": "certain"},
    ("kharkiv-001-c06-e1", "casualties", "C5"): {"certainty": "uncertain"},
    ("kharkiv-001-c08-e2", "events", "E25"): {"certainty": "certain"},
    ("kharkiv-001-c08-e2", "casualties", "C5"): {"certainty": "uncertain"},
    # c08: minimal evidential cues
    ("kharkiv-001-c08-e1", "hedges", "H9"): {"cue": "Pare", "cue_type": "evidential"},
    ("kharkiv-001-c08-e3", "hedges", "H9"): {"cue": "non confermate"},
    ("kharkiv-001-c08-e3", "attributions", "A11"): {
        "cue": "Secondo",
        "source": "fonti non confermate",
    },
    # c12/c17: the 2.0 victim groups
    ("kharkiv-001-c12-e2", "casualties", "C6"): {"victim_group": "military", "count_high": None},
    ("kharkiv-001-c17-e2", "casualties", "C3"): {"victim_group": "military"},
    ("kharkiv-001-c17-e3", "casualties", "C2"): {
        "victim_group": "police",
        "victim": "gli agenti di polizia",
    },
    # c15: "oltre" is more_than
    ("kharkiv-001-c15-e1", "casualties", "C2"): {
        "count_qualifier": "more_than",
        "qualifier_span": "oltre",
        "count": 21,
        "count_high": None,
    },
}
