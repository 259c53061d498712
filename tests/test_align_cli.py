"""kharkiv-ie align: where every text-only span was placed (table or JSON Lines)."""

import json
from pathlib import Path

from support.files import write_jsonl

from benchmark import cli


def lines(test_gold, hedges):
    # the Kharkiv article: "sarebbero" occurs at 265 (sentence 2), 956 (6) and 2073 (15)
    return [
        {"doc_id": d.doc_id, "hedges": hedges if d.doc_id == "kharkiv-001" else []}
        for d in test_gold.documents
    ]


HEDGES = [
    {"hedge_id": "h1", "sentence_id": 6, "cue": {"text": "sarebbero"}, "cue_type": "conditional",
     "scope": {"text": "non ci sarebbero vittime"}},
    {"hedge_id": "h2", "cue": {"start": 2073, "end": 2082}, "cue_type": "conditional",
     "scope": {"text": "nessun morto"}},
]  # fmt: skip


def test_table_lists_every_text_only_span(tmp_path, test_gold, capsys):
    path = write_jsonl(tmp_path / "run.jsonl", lines(test_gold, HEDGES))
    assert cli.main(["align", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == [
        "line", "path", "doc_id", "field", "start", "end", "sentence", "method", "occurs",
        "whole", "words", "moved", "text",
    ]  # fmt: skip
    # h1's cue in its sentence 6 (956..965, 3 places); its scope after it (949..973); h2's
    # cue is given by offsets (not listed); its scope occurs nowhere
    assert [row.split()[1:] for row in out[1:]] == [
        ["$.hedges[0].cue", "kharkiv-001", "hedges.cue", "956", "965", "6", "exact", "3", "yes",
         "no", '"sarebbero"'],
        ["$.hedges[0].scope", "kharkiv-001", "hedges.scope", "949", "973", "6", "exact", "1",
         "yes", "no", '"non', "ci", "sarebbero", 'vittime"'],
        ["$.hedges[1].scope", "kharkiv-001", "hedges.scope", "-1", "-1", "-1", "not", "found",
         "0", "no", "no", '"nessun', 'morto"'],
    ]  # fmt: skip


def test_json_lines(tmp_path, test_gold, capsys):
    path = write_jsonl(tmp_path / "run.jsonl", lines(test_gold, HEDGES))
    assert cli.main(["align", str(path), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0] == {
        "line": 1 + [d.doc_id for d in test_gold.documents].index("kharkiv-001"),
        "path": "$.hedges[0].cue",
        "doc_id": "kharkiv-001",
        "layer": "hedges",
        "field": "cue",
        "text": "sarebbero",
        "start": 956,
        "end": 965,
        "sentence_id": 6,
        "method": "exact",
        "occurrences": 3,
        "whole_words": True,
        "moved": False,
    }


def test_no_text_only_span_and_invalid_files(tmp_path, test_gold, capsys):
    path = write_jsonl(tmp_path / "run.jsonl", lines(test_gold, []))
    assert cli.main(["align", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "(no text-only span)"
    bad = lines(test_gold, [{**HEDGES[0], "cue_type": "Conditional"}])
    path = write_jsonl(tmp_path / "bad.jsonl", bad)
    assert cli.main(["align", str(path)]) == 2
    err = capsys.readouterr().err
    assert "cue_type" in err and err.splitlines()[-1].endswith("is not valid")
    # leniently, the bad item is a placeholder: its spans are not aligned at all
    assert cli.main(["align", str(path), "--lenient"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "(no text-only span)"


def test_moved_is_what_validate_warns_about(tmp_path, test_gold, capsys):
    # A4 of the Kharkiv article written as an LLM would: the antecedent "Volodymyr Tymoshko"
    # (818..836) lies in sentence 5, the cue "rassicurato" (923..934) in sentence 6, anchored
    # by the unique source "Il funzionario" (899..913): an antecedent may lie outside the
    # cue's sentence, so it is not moved. The hedge gives sentence 6, but "risulterebbe"
    # occurs only at 1129..1141 (sentence 7): the head is moved; its scope follows it.
    attribution = {
        "attribution_id": "a4", "source": {"text": "Il funzionario"},
        "source_antecedent": {"text": "Volodymyr Tymoshko"}, "cue": {"text": "rassicurato"},
        "content": {"text": "non ci sarebbero vittime tra le truppe ucraine."},
        "attribution_type": "indirect",
    }  # fmt: skip
    hedge = {"hedge_id": "h5", "sentence_id": 6, "cue": {"text": "risulterebbe"},
             "cue_type": "conditional", "scope": {"text": "risulterebbe"}}  # fmt: skip
    path = write_jsonl(
        tmp_path / "run.jsonl",
        [
            {"doc_id": d.doc_id, "attributions": [attribution] if d.doc_id == "kharkiv-001" else [],
             "hedges": [hedge] if d.doc_id == "kharkiv-001" else []}
            for d in test_gold.documents
        ],
    )  # fmt: skip
    assert cli.main(["align", str(path), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    # an item's head is placed (and listed) first
    assert [(r["path"], r["start"], r["end"], r["sentence_id"], r["moved"]) for r in rows] == [
        ("$.attributions[0].cue", 923, 934, 6, False),
        ("$.attributions[0].source", 899, 913, 6, False),
        ("$.attributions[0].source_antecedent", 818, 836, 5, False),
        ("$.attributions[0].content", 949, 996, 6, False),
        ("$.hedges[0].cue", 1129, 1141, 7, True),
        ("$.hedges[0].scope", 1129, 1141, 7, False),
    ]
    assert cli.main(["validate", str(path)]) == 0
    warned = [
        line.split(": warning: ")[0].split(":1: ")[1]
        for line in capsys.readouterr().out.splitlines()
        if ": warning: placed in sentence" in line
    ]
    assert warned == ["$.hedges[0].cue"]


def test_the_one_based_example_of_the_docs(capsys):
    # docs/submission-format.md, "For LLM users": e7's trigger "morti" (meant for E18 at
    # 2046, sentence 15) is given sentence 16 (2166..2327) and lands on the "morti" of
    # sentence 17 (2352 - 2327 = 25 characters away, against 2166 - 2051 = 115); its Time
    # "ultime 24 ore" occurs only at 2058..2071 (sentence 15): both moved
    path = Path(__file__).parent / "fixtures" / "llm_heldback" / "raw_labels_one_based.jsonl"
    assert cli.main(["align", str(path), "--json", "--lenient"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [
        (r["start"], r["end"], r["sentence_id"], r["moved"])
        for r in rows
        if r["path"].startswith("$.events[6].")
    ] == [(2352, 2357, 17, True), (2058, 2071, 15, True)]
