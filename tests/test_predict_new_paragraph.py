"""Issue 4, done-when: the rules baseline on a paragraph written for this test (not the article)."""

import json

from baselines.cli import main

# Written for this test: another city, other numbers, other sources.
PARAGRAPH = (
    "Secondo l'agenzia Ukrinform, almeno 14 civili sarebbero stati uccisi e una ventina feriti "
    "nel bombardamento notturno di Mykolaiv. Il sindaco ha dichiarato che la città non si "
    "arrenderà. Forse anche il porto è stato colpito, ma le autorità non lo hanno confermato. "
    "Mykolaiv conta circa 480.000 abitanti e dista 60 chilometri dal fronte."
)


def _predict(tmp_path):
    source = tmp_path / "mykolaiv.txt"
    source.write_text(PARAGRAPH, encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    assert main(["predict", "--baseline", "rules", str(source), "--out", str(out)]) == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    return json.loads(line)


def test_rules_finds_hedge_cues_attributions_and_casualty_counts(tmp_path):
    doc = _predict(tmp_path)
    assert doc["doc_id"] == "mykolaiv"
    assert {(h["cue"]["text"], h["cue_type"]) for h in doc["hedges"]} == {
        ("sarebbero stati", "conditional"),
        ("Forse", "epistemic"),
    }
    assert {(a["cue"]["text"], a["source"]["text"]) for a in doc["attributions"]} == {
        ("Secondo", "l'agenzia Ukrinform"),
        ("dichiarato", "Il sindaco"),
    }
    records = {(c["status"], c["count"], c["count_qualifier"]) for c in doc["casualties"]}
    # 480.000 inhabitants and 60 kilometres are distractors, not casualties
    assert records == {("killed", 14, "at_least"), ("injured", 20, "approximate")}
    assert [s["uncertain"] for s in doc["sentences"]] == [True, False, True, False]


def test_rules_marks_the_hedged_figures_uncertain_and_attributed(tmp_path):
    doc = _predict(tmp_path)
    killed = next(c for c in doc["casualties"] if c["status"] == "killed")
    assert killed["certainty"] == "uncertain"
    assert killed["qualifier_span"]["text"] == "almeno"
    source = next(a for a in doc["attributions"] if a["cue"]["text"] == "Secondo")
    assert killed["attribution_id"] == source["attribution_id"]
