import json

import pytest
from support.submission_items import casualty_item

from benchmark import cli
from benchmark.commands import validate
from benchmark.dataset.schema import Annotations, Document, Paragraph, Sentence
from benchmark.errors import DataError

TEXT = (
    "Le truppe hanno colpito un ospedale a Kharkiv. "
    "Secondo il sindaco, almeno 21 persone sarebbero morte nell’ospedale."
)
GOLD = Annotations(
    documents=(
        Document(
            doc_id="toy-001",
            text=TEXT,
            language="it",
            paragraphs=(Paragraph(0, 115, "body"),),
            sentences=(Sentence(0, 0, 46, False), Sentence(1, 47, 115, True)),
        ),
        Document(
            doc_id="toy-002",
            text="Nessun ferito.",
            language="it",
            paragraphs=(Paragraph(0, 14, "body"),),
            sentences=(Sentence(0, 0, 14, False),),
        ),
    )
)
SECOND = {"doc_id": "toy-002", "hedges": []}
READ_SPLIT_GOLD = validate._load_gold  # the real reader, before the fixture replaces it


@pytest.fixture(autouse=True)
def toy_gold(monkeypatch):
    seen = []

    def load(gold_dir, *, split):
        seen.append(gold_dir)
        return GOLD

    monkeypatch.setattr(validate, "_load_gold", load)
    return seen


def hedge(**changes) -> dict:
    item = {
        "hedge_id": "h1",
        "cue": {"text": "sarebbero"},
        "cue_type": "conditional",
        "scope": {"text": "sarebbero morte"},
    }
    item.update(changes)
    return item


def event(**changes) -> dict:
    item = {
        "event_id": "e1",
        "trigger": {"text": "colpito"},
        "event_type": "Conflict:Attack",
        "polarity": "positive",
        "certainty": "certain",
    }
    item.update(changes)
    return item


def attribution(**changes) -> dict:
    item = {
        "attribution_id": "a1",
        "cue": {"text": "Secondo"},
        "content": {"text": "almeno 21 persone"},
        "attribution_type": "indirect",
    }
    item.update(changes)
    return item


def run(tmp_path, capsys, data: bytes, *extra: str):
    path = tmp_path / "run.jsonl"
    path.write_bytes(data)
    code = cli.main(["validate", str(path), *extra])
    out, err = capsys.readouterr()
    return code, out, [line.removeprefix(str(path)) for line in err.splitlines()]


def jsonl(*lines) -> bytes:
    rendered = [line if isinstance(line, str) else json.dumps(line) for line in lines]
    return ("\n".join(rendered) + "\n").encode("utf-8")


def hedges_line(*items, **keys) -> dict:
    return {"doc_id": "toy-001", "hedges": list(items), **keys}


ERROR_CASES = {
    "not utf-8": (
        b'{"doc_id": "toy-002"}\n{"doc_id": "toy-\xff"}\n',
        ":2: not valid UTF-8 (byte 0xff at byte 17 of the line)",
    ),
    "malformed json": (
        jsonl('{"doc_id" "toy-001"}', SECOND),
        ":1: malformed JSON: Expecting ':' delimiter (column 11)",
    ),
    "duplicate key": (
        jsonl('{"doc_id": "toy-001", "doc_id": "toy-001"}', SECOND),
        ':1: malformed JSON: duplicate key "doc_id" in an object',
    ),
    "nan": (
        jsonl('{"doc_id": "toy-001", "x": NaN}', SECOND),
        ":1: malformed JSON: NaN is not valid JSON",
    ),
    "line not an object": (
        jsonl('["toy-001"]', SECOND),
        ":1: $: expected a JSON object, got a list",
    ),
    "missing doc_id": (jsonl({"hedges": []}, SECOND), ":1: $: missing field 'doc_id'"),
    "doc_id not a string": (
        jsonl({"doc_id": 1, "hedges": []}, SECOND),
        ":1: $.doc_id: expected a string, got 1",
    ),
    "unknown doc_id": (
        jsonl({"doc_id": "toy-009", "hedges": []}, SECOND),
        ':1: $.doc_id: unknown document "toy-009" (gold: toy-001, toy-002)',
    ),
    "duplicate doc_id": (
        jsonl(hedges_line(), SECOND, hedges_line()),
        ':3: $.doc_id: duplicate document "toy-001" (first on line 1)',
    ),
    "missing document": (jsonl(SECOND), ': missing line for gold document "toy-001"'),
    "task key on some lines only": (
        jsonl({"doc_id": "toy-001"}, SECOND),
        ":1: $: missing key 'hedges' (line 2 has it): a task key must be on every line or on "
        "none; [] means 'predicted nothing'",
    ),
    "unknown line field": (
        jsonl(hedges_line(event=[]), SECOND),
        ":1: $.event: unknown field (expected one of: doc_id, events, casualties, attributions, "
        "hedges, sentences)",
    ),
    "unknown item field": (
        jsonl(hedges_line(hedge(scop={"text": "morte"})), SECOND),
        ":1: $.hedges[0].scop: unknown field (expected one of: hedge_id, doc_id, sentence_id, "
        "cue, cue_type, scope)",
    ),
    "unknown span field": (
        jsonl(hedges_line(hedge(cue={"text": "sarebbero", "occurence": 1})), SECOND),
        ":1: $.hedges[0].cue.occurence: unknown field (expected one of: start, end, text, "
        "occurrence)",
    ),
    "unknown argument field": (
        jsonl(
            {
                "doc_id": "toy-001",
                "events": [event(arguments=[{"role": "Target", "text": "un", "type": "x"}])],
            },
            {"doc_id": "toy-002", "events": []},
        ),  # fmt: skip
        ":1: $.events[0].arguments[0].type: unknown field (expected one of: role, start, end, "
        "text, occurrence)",
    ),
    "missing field": (
        jsonl(
            hedges_line(
                {"hedge_id": "h1", "cue": {"text": "sarebbero"}, "cue_type": "conditional"}
            ),
            SECOND,
        ),  # fmt: skip
        ":1: $.hedges[0]: missing field 'scope'",
    ),
    "task not a list": (
        jsonl(hedges_line() | {"hedges": {}}, SECOND),
        ":1: $.hedges: expected a list, got an object",
    ),  # fmt: skip
    "item not an object": (
        jsonl(hedges_line("h1"), SECOND),
        ':1: $.hedges[0]: expected an object, got "h1"',
    ),  # fmt: skip
    "bool where int": (
        jsonl(hedges_line(hedge(cue={"start": True, "end": 94})), SECOND),
        ":1: $.hedges[0].cue.start: expected an integer, got true",
    ),
    "id not a string": (
        jsonl(hedges_line(hedge(hedge_id=1)), SECOND),
        ":1: $.hedges[0].hedge_id: expected a non-empty string, got 1",
    ),
    "flag not a bool": (
        jsonl(
            {"doc_id": "toy-001", "sentences": [{"sentence_id": 0, "uncertain": "yes"}]},
            {"doc_id": "toy-002", "sentences": []},
        ),  # fmt: skip
        ':1: $.sentences[0].uncertain: expected true or false, got "yes"',
    ),
    "null where required": (
        jsonl(hedges_line(hedge(scope=None)), SECOND),
        ":1: $.hedges[0].scope: expected a value, got null",
    ),
    "empty text": (
        jsonl(hedges_line(hedge(cue={"text": ""})), SECOND),
        ':1: $.hedges[0].cue.text: expected a non-empty string, got ""',
    ),
    "span without text or offsets": (
        jsonl(hedges_line(hedge(cue={})), SECOND),
        ":1: $.hedges[0].cue: expected {start, end} or {text}: missing field 'text'",
    ),
    "span with start only": (
        jsonl(hedges_line(hedge(cue={"start": 85})), SECOND),
        ":1: $.hedges[0].cue: missing field 'end' (a span gives start and end, or text alone)",
    ),
    "label outside inventory": (
        jsonl(hedges_line(hedge(cue_type="modal")), SECOND),
        ':1: $.hedges[0].cue_type: expected one of conditional, evidential, epistemic; got "modal"',
    ),
    "role outside inventory": (
        jsonl(
            {"doc_id": "toy-001", "events": [event(arguments=[{"role": "Goal", "text": "un"}])]},
            {"doc_id": "toy-002", "events": []},
        ),  # fmt: skip
        ":1: $.events[0].arguments[0].role: expected one of Attacker, Target, Instrument, Place, "
        'Time, Victim, Agent, Artifact, Origin, Destination, Entity; got "Goal"',
    ),
    "offset beyond the text": (
        jsonl(hedges_line(hedge(cue={"start": 85, "end": 3100})), SECOND),
        ":1: $.hedges[0].cue.end: expected an integer <= 115, got 3100",
    ),
    "negative offset": (
        jsonl(hedges_line(hedge(cue={"start": -1, "end": 4})), SECOND),
        ":1: $.hedges[0].cue.start: expected an integer >= 0, got -1",
    ),
    "reversed offsets": (
        jsonl(hedges_line(hedge(cue={"start": 94, "end": 85})), SECOND),
        ":1: $.hedges[0].cue: start 94 must be less than end 85",
    ),
    "empty offsets": (
        jsonl(hedges_line(hedge(cue={"start": 85, "end": 85})), SECOND),
        ":1: $.hedges[0].cue: start 85 must be less than end 85",
    ),
    "text disagrees with offsets": (
        jsonl(hedges_line(hedge(cue={"start": 3, "end": 9, "text": "truppa"})), SECOND),
        ':1: $.hedges[0].cue.text: expected "truppe" (the document text at 3..9), got "truppa"',
    ),
    "occurrence beyond occurrences": (
        jsonl(hedges_line(hedge(cue={"text": "ospedale", "occurrence": 3})), SECOND),
        ":1: $.hedges[0].cue.occurrence: expected an integer <= 2 (the text occurs 2 time(s)), "
        "got 3",
    ),
    "occurrence with offsets": (
        jsonl(hedges_line(hedge(cue={"start": 85, "end": 94, "occurrence": 1})), SECOND),
        ":1: $.hedges[0].cue.occurrence: only allowed in a text-only span (no start/end)",
    ),
    "unknown sentence": (
        jsonl(hedges_line(hedge(sentence_id=5)), SECOND),
        ":1: $.hedges[0].sentence_id: expected an integer <= 1, got 5",
    ),
    "duplicate sentence label": (
        jsonl(
            {
                "doc_id": "toy-001",
                "sentences": [
                    {"sentence_id": 0, "uncertain": True},
                    {"sentence_id": 0, "uncertain": False},
                ],
            },
            {"doc_id": "toy-002", "sentences": []},
        ),  # fmt: skip
        ":1: $.sentences[1].sentence_id: duplicate sentence 0 (first at $.sentences[0])",
    ),
    "item doc_id disagrees": (
        jsonl(hedges_line(hedge(doc_id="toy-002")), SECOND),
        ':1: $.hedges[0].doc_id: expected "toy-001" (the line\'s doc_id), got "toy-002"',
    ),
    "duplicate id": (
        jsonl(hedges_line(hedge(), hedge()), SECOND),
        ':1: $.hedges[1].hedge_id: duplicate id "h1" (first at $.hedges[0])',
    ),
    "unknown attribution_id": (
        jsonl(
            {"doc_id": "toy-001", "events": [event(attribution_id="a9")], "attributions": []},
            {"doc_id": "toy-002", "events": [], "attributions": []},
        ),  # fmt: skip
        ':1: $.events[0].attribution_id: unknown id "a9": no attribution_id in this line\'s '
        "attributions",
    ),
    "unknown event_id": (
        jsonl(
            {"doc_id": "toy-001", "events": [], "casualties": [casualty_item(event_id="e1")]},
            {"doc_id": "toy-002", "events": [], "casualties": []},
        ),  # fmt: skip
        ':1: $.casualties[0].event_id: unknown id "e1": no event_id in this line\'s events',
    ),
    "reference to a layer the line lacks": (
        jsonl(
            {"doc_id": "toy-001", "casualties": [casualty_item(event_id="e1")]},
            {"doc_id": "toy-002", "casualties": []},
        ),  # fmt: skip
        ":1: $.casualties[0].event_id: refers to \"e1\" but the line has no 'events' key",
    ),
    "unknown parent_id": (
        jsonl(
            {"doc_id": "toy-001", "attributions": [attribution(parent_id="a0")]},
            {"doc_id": "toy-002", "attributions": []},
        ),  # fmt: skip
        ':1: $.attributions[0].parent_id: unknown id "a0": no attribution_id in this line\'s '
        "attributions",
    ),
    "parent cycle": (
        jsonl(
            {
                "doc_id": "toy-001",
                "attributions": [
                    attribution(attribution_id="a3"),
                    attribution(attribution_id="a1", parent_id="a2"),
                    attribution(attribution_id="a2", parent_id="a1"),
                ],
            },
            {"doc_id": "toy-002", "attributions": []},
        ),  # fmt: skip
        ":1: $.attributions[1].parent_id: parent cycle: a1 -> a2 -> a1",
    ),
    "self parent": (
        jsonl(
            {"doc_id": "toy-001", "attributions": [attribution(parent_id="a1")]},
            {"doc_id": "toy-002", "attributions": []},
        ),  # fmt: skip
        ":1: $.attributions[0].parent_id: parent cycle: a1 -> a1",
    ),
}


# cases whose bad line leaves a gold document without a line (one more error)
CONSEQUENTIAL_MISSING = {
    "not utf-8", "malformed json", "duplicate key", "nan", "line not an object",
    "missing doc_id", "doc_id not a string", "unknown doc_id",
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(ERROR_CASES))
def test_each_error_is_reported_with_exit_code_2(tmp_path, capsys, case):
    data, expected = ERROR_CASES[case]
    code, out, err = run(tmp_path, capsys, data)
    assert code == 2
    assert out == ""
    # the error itself comes first; a line whose doc_id is unusable may also leave a gold
    # document without a line, which is reported too
    assert err[0] == expected
    assert err[-1] == f"kharkiv-ie validate: {tmp_path / 'run.jsonl'} is not valid"
    assert len(err) == 2 + (case in CONSEQUENTIAL_MISSING)


def test_valid_submission_prints_ok_counts_and_warnings(tmp_path, capsys, toy_gold):
    data = jsonl(
        {"doc_id": "toy-001", "hedges": [hedge(scope={"text": "sarebbero  MORTE"}), hedge(
            hedge_id="h2", cue={"text": "forse"})], "sentences": [{"sentence_id": 1,
            "uncertain": True}]},
        {"doc_id": "toy-002", "hedges": [], "sentences": []},
    )  # fmt: skip
    code, out, err = run(tmp_path, capsys, data, "--gold-dir", str(tmp_path))
    path = tmp_path / "run.jsonl"
    assert (code, err) == (0, [])
    assert toy_gold == [tmp_path]
    assert out.splitlines() == [
        f"OK: {path}: 2 document(s)",
        "  events: not attempted, casualties: not attempted, attributions: not attempted, "
        "hedges: 2, sentences: 3 labels (1 uncertain)",
        "  unaligned spans (counted as false positives): 1",
        "  warnings: 2",
        f"{path}:1: $.hedges[0].scope: warning: aligned by the normalised match (case, quotes, "
        'accents or white space differ): "sarebbero  MORTE" -> "sarebbero morte" at 85..100',
        f'{path}:1: $.hedges[1].cue: warning: text not found, counted as a false positive: "forse"',
    ]


def test_lenient_sentence_counts_leave_out_a_rejected_entry(tmp_path, capsys):
    # 3 gold sentences (toy-001: 0 and 1, toy-002: 0); the entry for sentence 2 of toy-001
    # is rejected (no such sentence): 3 labels, 1 uncertain (toy-001 sentence 1), not 4 and 2
    sentences = [{"sentence_id": 1, "uncertain": True}, {"sentence_id": 2, "uncertain": True}]
    data = jsonl(
        {"doc_id": "toy-001", "sentences": sentences}, {"doc_id": "toy-002", "sentences": []}
    )
    code, out, err = run(tmp_path, capsys, data, "--lenient")
    path = tmp_path / "run.jsonl"
    assert (code, err) == (0, [])
    assert out.splitlines() == [
        f"OK: {path}: 2 document(s)",
        "  events: not attempted, casualties: not attempted, attributions: not attempted, "
        "hedges: not attempted, sentences: 3 labels (1 uncertain)",
        "  unaligned spans (counted as false positives): 0",
        "  rejected items (lenient reading; counted as false positives): 1",
        f"{path}:1: $.sentences[1].sentence_id: expected an integer <= 1, got 2 (item kept as a "
        "false positive)",
        "  warnings: 0",
    ]


def test_validate_writes_nothing(tmp_path, capsys):
    run(tmp_path, capsys, jsonl(hedges_line(), SECOND))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.jsonl"]


def test_gold_load_failure_exits_2(tmp_path, capsys, monkeypatch):
    def broken(gold_dir, *, split):
        raise DataError("bad row", file="data/events/test.jsonl", line=4)

    monkeypatch.setattr(validate, "_load_gold", broken)
    code, out, err = run(tmp_path, capsys, jsonl(hedges_line(), SECOND))
    assert (code, out) == (2, "")
    assert err == [
        "data/events/test.jsonl:4: bad row",
        "kharkiv-ie validate: cannot load the gold data; nothing was checked",
    ]


def test_missing_submission_file_exits_2(tmp_path, capsys):
    code = cli.main(["validate", str(tmp_path / "none.jsonl")])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert (
        err[0]
        == f"{tmp_path / 'none.jsonl'}: cannot read the submission: No such file or directory"
    )


def test_validate_is_registered():
    assert cli.COMMANDS["validate"] == cli.Command(
        validate,
        "Check a submission JSONL against the gold documents.",
    )


def test_split_selects_the_gold_documents_checked(tmp_path, capsys, monkeypatch):
    from benchmark.cli import main
    from benchmark.dataset.gold import read_gold

    monkeypatch.setattr(validate, "_load_gold", READ_SPLIT_GOLD)
    dev_ids = [d.doc_id for d in read_gold(split="wikinews_dev").documents]
    path = tmp_path / "dev.jsonl"
    path.write_text("".join(f'{{"doc_id": "{doc_id}"}}\n' for doc_id in dev_ids), "utf-8")
    assert main(["validate", str(path), "--split", "wikinews_dev"]) == 0
    assert capsys.readouterr().out.startswith(f"OK: {path}: 16 document(s)")
    assert main(["validate", str(path)]) == 2  # the default split is the Kharkiv test split
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f'{path}:1: $.doc_id: unknown document "wn-002" (gold: kharkiv-001)'
