"""baselines.llm.parse: a valid answer is the line as written; anything else an empty line."""

import copy
import json

import pytest
from support.llm_server import gold_answer

from baselines.llm.parse import empty_line, parse_answer
from benchmark.dataset.gold import read_gold
from benchmark.dataset.schema import Annotations
from benchmark.submission import SubmissionInvalid, parse_submission

DOC = "kharkiv-001"
ALL = ("events", "casualties", "attributions", "hedges", "sentences")


@pytest.fixture(scope="module")
def gold():
    return read_gold()


@pytest.fixture(scope="module")
def document(gold):
    return gold.documents[0]


def _read_by_project_reader(gold, line):
    data = (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8")
    one_doc = Annotations(documents=gold.documents)
    return parse_submission(data, gold=one_doc, file="answer.jsonl")


def test_valid_answer_is_the_line_as_written(gold, document):
    answer = gold_answer(gold, DOC, ALL)
    parsed = parse_answer(json.dumps(answer, ensure_ascii=False), document=document, layers=ALL)
    assert parsed.valid and parsed.problem is None
    assert parsed.line == {"doc_id": DOC, **answer}
    submission = _read_by_project_reader(gold, parsed.line)  # the reader accepts it
    assert submission.attempted == frozenset(ALL)
    assert len(submission.annotations.events) == len(gold.events)
    assert submission.unaligned == ()


def test_white_space_around_the_object_is_fine(document):
    parsed = parse_answer('\n  {"hedges": []}\n', document=document, layers=["hedges"])
    assert parsed.line == {"doc_id": DOC, "hedges": []} and parsed.valid


def test_layers_not_asked_are_dropped(gold, document):
    answer = gold_answer(gold, DOC, ["events", "hedges"])
    parsed = parse_answer(json.dumps(answer), document=document, layers=["hedges"])
    assert parsed.valid
    assert list(parsed.line) == ["doc_id", "hedges"]
    assert parsed.line["hedges"] == answer["hedges"]


def test_the_line_keeps_the_asked_layers_in_canonical_order(document):
    parsed = parse_answer(
        '{"hedges": [], "events": []}', document=document, layers=("events", "hedges")
    )
    assert list(parsed.line) == ["doc_id", "events", "hedges"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "empty answer"),
        ("   ", "empty answer"),
        ("Here is the JSON: {}", "not valid JSON: Expecting value (line 1, column 1)"),
        ('```json\n{"hedges": []}\n```', "not valid JSON: Expecting value (line 1, column 1)"),
        ('{"hedges": [', "not valid JSON: Expecting value (line 1, column 13)"),
        ('{"hedges": [], "hedges": []}', "not valid JSON: duplicate key 'hedges'"),
        ('{"hedges": NaN}', "not valid JSON: NaN is not JSON"),
        ("[]", "not a JSON object: list"),
        ("{}", "not valid against the answer schema: $: 'hedges' is a required property"),
        (
            '{"hedges": [], "notes": "x"}',
            "not valid against the answer schema: $: Additional properties are not allowed "
            "('notes' was unexpected)",
        ),
        (
            '{"hedges": [{"hedge_id": "h1", "sentence_id": 0, "cue": {"text": "x"}, '
            '"cue_type": "maybe", "scope": {"text": "x"}}]}',
            "not valid against the answer schema: $.hedges[0].cue_type: 'maybe' is not one of "
            "['conditional', 'evidential', 'epistemic']",
        ),
        (
            '{"hedges": [{"hedge_id": "h1", "sentence_id": 0, "cue": {"start": 0, "end": 3}, '
            '"cue_type": "conditional", "scope": {"text": "x"}}]}',
            "not valid against the answer schema: $.hedges[0].cue: 'text' is a required property "
            "(and 1 more)",  # and: start, end are not allowed
        ),
    ],
)
def test_invalid_answers_are_empty_predictions(document, content, problem):
    parsed = parse_answer(content, document=document, layers=["hedges"])
    assert parsed.line == {"doc_id": DOC, "hedges": []}
    assert parsed.problem == problem
    assert not parsed.valid


def test_several_schema_errors_are_counted_in_one_line(document):
    item = {"hedge_id": "h1", "sentence_id": 0, "cue_type": "x"}  # 3 errors
    parsed = parse_answer(json.dumps({"hedges": [item]}), document=document, layers=["hedges"])
    assert parsed.problem.endswith("(and 2 more)")
    assert "\n" not in parsed.problem


def _broken(gold, layers, mutate):
    answer = copy.deepcopy(gold_answer(gold, DOC, layers))
    mutate(answer)
    return answer


BREAKS = {
    "duplicate id": (
        ("events",),
        lambda a: a["events"][1].update(event_id=a["events"][0]["event_id"]),
        "$.events[1].event_id: 'E1' is given twice",
    ),
    "sentence out of range": (
        ("hedges",),
        lambda a: a["hedges"][0].update(sentence_id=22),
        "$.hedges[0].sentence_id: 22 is not a sentence of the document (0-21)",
    ),
    "sentence listed twice": (
        ("sentences",),
        lambda a: a["sentences"].append(dict(a["sentences"][0])),
        "$.sentences[22].sentence_id: 0 is given twice",
    ),
    "dangling reference": (
        ("events", "attributions"),
        lambda a: a["events"][0].update(attribution_id="A99"),
        "$.events[0].attribution_id: no attributions item 'A99' in the answer",
    ),
    "range upper bound not above the lower": (
        ("casualties",),
        lambda a: a["casualties"][0].update(count=8, count_high=5, count_qualifier="range"),
        "$.casualties[0].count_high: count_high 5 must be greater than count 8",
    ),
    "parent cycle": (
        ("attributions",),
        lambda a: (
            a["attributions"][0].update(parent_id=a["attributions"][1]["attribution_id"]),
            a["attributions"][1].update(parent_id=a["attributions"][0]["attribution_id"]),
        ),
        "$.attributions: parent_id cycle through 'A1'",
    ),
}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_what_the_schema_cannot_say_and_the_reader_refuses(gold, document, name):
    layers, mutate, problem = BREAKS[name]
    answer = _broken(gold, layers, mutate)
    parsed = parse_answer(json.dumps(answer), document=document, layers=layers)
    assert parsed.problem == problem
    assert parsed.line == empty_line(DOC, layers)
    with pytest.raises(SubmissionInvalid):  # the project's reader refuses the unparsed line
        _read_by_project_reader(gold, {"doc_id": DOC, **answer})


def test_the_gold_ids_used_above(gold):
    # the expected messages above name gold ids: keep them honest
    assert gold.events[0].event_id == "E1"
    assert [a.attribution_id for a in gold.attributions[:2]] == ["A1", "A2"]


def test_empty_line():
    assert empty_line("d", ("events", "sentences")) == {
        "doc_id": "d",
        "events": [],
        "sentences": [],
    }
