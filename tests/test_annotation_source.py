from pathlib import Path

import pytest

from benchmark.dataset.annotation_source import load_pass, parse_annotations
from benchmark.dataset.schema import Argument, Span
from benchmark.errors import DataError

DATA = Path(__file__).parent / "fixtures" / "annotations" / "data"
GOLD_DIR = DATA / "annotations" / "gold"
GOLD = (GOLD_DIR / "tiny-001.yaml").read_text(encoding="utf-8")
TEXT = (DATA / "source" / "tiny-001.txt").read_bytes().decode("utf-8")


def parse(source: str):
    return parse_annotations(source, text=TEXT, file="f.yaml", doc_id="tiny-001")


def broken(old: str, new: str, *, count: int = 1) -> str:
    assert GOLD.count(old) >= 1, old
    return GOLD.replace(old, new, count)


def error_of(source: str) -> str:
    with pytest.raises(DataError) as caught:
        parse(source)
    return str(caught.value)


def test_load_pass_resolves_every_layer():
    passes = load_pass(GOLD_DIR)
    assert list(passes) == ["tiny-001"]
    bundle = passes["tiny-001"]
    assert bundle.annotator == "test fixture"
    assert [e.event_id for e in bundle.annotations.events] == ["E1", "E2", "E3", "E4"]
    e2 = bundle.annotations.events[1]
    assert (e2.sentence_id, e2.trigger) == (0, Span(45, 51, "uccise"))
    assert e2.arguments == (Argument("Victim", Span(22, 33, "Due persone")),)
    assert e2.attribution_id == "A2"
    e4 = bundle.annotations.events[3]
    assert e4.arguments[1] == Argument("Place", Span(170, 188, "mercato di Leopoli"))
    c1, c2 = bundle.annotations.casualties
    # "persone" resolves to the first occurrence at or after the start of the item's sentence
    assert c1.victim == Span(26, 33, "persone")
    assert c2.victim == Span(99, 106, "persone")
    assert (c2.count, c2.count_span, c2.qualifier_span) == (3, Span(95, 98, "tre"), None)
    a1, a2, a3 = bundle.annotations.attributions
    assert a1.source == Span(0, 10, "Il sindaco")
    assert a1.cue == Span(11, 19, "ha detto")
    # content may run past the end of its anchor sentence (0: 0-88) into sentence 1
    assert (a1.content.start, a1.content.end) == (22, 118)
    assert a2.cue == Span(71, 78, "secondo")
    assert a2.parent_id == "A1"
    # case-sensitive: "Secondo" is the one in sentence 2
    assert a3.cue == Span(121, 128, "Secondo")
    (h1,) = bundle.annotations.hedges
    assert (h1.sentence_id, h1.cue, h1.cue_type) == (2, Span(149, 158, "sarebbero"), "conditional")
    assert (h1.scope.start, h1.scope.end) == (141, 188)


def test_mapping_anchor_with_sentence_and_occurrence():
    # the fixture itself uses {text: tre, occurrence: 2}: occurrence 1 is inside "Altre"
    assert "count_span: {text: tre, occurrence: 2}" in GOLD
    source = broken(
        "      - [Instrument, i razzi]", "      - [Instrument, {text: razzi, sentence: 3}]"
    )
    source = source.replace(
        "    source_antecedent: null\n    cue: Secondo",
        '    source_antecedent: {text: "Il sindaco", sentence: 0}\n    cue: Secondo',
    )
    bundle = parse(source)
    assert bundle.annotations.events[3].arguments[0] == Argument(
        "Instrument", Span(230, 235, "razzi")
    )
    assert bundle.annotations.attributions[2].source_antecedent == Span(0, 10, "Il sindaco")
    # the occurrence is counted from the start of the anchor sentence and must stay inside it
    message = error_of(
        broken("victim: persone", "victim: {text: persone, sentence: 0, occurrence: 2}")
    )
    assert message == (
        "f.yaml:51: item C1, field victim: anchor 'persone' resolves to 99-106, "
        "which leaves its sentence 0 (0-88)"
    )


def test_anchor_not_found():
    message = error_of(broken("trigger: bombardamento", "trigger: bombardamentx"))
    assert message == (
        "f.yaml:7: item E1, field trigger: anchor 'bombardamentx' not found at or after "
        "the start of sentence 0"
    )


def test_occurrence_not_found():
    message = error_of(broken("victim: persone", "victim: {text: persone, occurrence: 3}"))
    assert message == (
        "f.yaml:51: item C1, field victim: anchor occurrence 3 of 'persone' not found at or "
        "after the start of sentence 0"
    )


def test_anchor_not_token_aligned():
    message = error_of(broken("trigger: bombardamento", "trigger: bombardament"))
    assert message.startswith(
        "f.yaml:7: item E1, field trigger: anchor 'bombardament' at 56-68 is not token-aligned"
    )


def test_anchor_leaves_its_sentence():
    message = error_of(broken("trigger: bombardamento", 'trigger: "medici. Altre"'))
    assert message == (
        "f.yaml:7: item E1, field trigger: anchor 'medici. Altre' resolves to 81-94, "
        "which leaves its sentence 0 (0-88)"
    )
    # a plain string first found only in a later sentence also leaves its sentence
    message = error_of(broken("      - [Victim, Due persone]", "      - [Victim, Leopoli]"))
    assert message == (
        "f.yaml:20: item E2, field arguments: anchor 'Leopoli' resolves to 181-188, "
        "which leaves its sentence 0 (0-88)"
    )


def test_head_span_must_be_in_the_item_sentence():
    message = error_of(broken("trigger: bombardamento", "trigger: {text: ferite, sentence: 1}"))
    assert message == (
        "f.yaml:7: item E1, field trigger: trigger 'ferite' must lie in the item's sentence 0"
    )


def test_unknown_label():
    message = error_of(broken("type: Conflict:Attack", "type: Conflict:Bombing"))
    assert message.startswith(
        "f.yaml:8: item E1, field type: unknown label 'Conflict:Bombing'; expected one of "
        "Conflict:Attack, Life:Die,"
    )
    message = error_of(broken("[Victim, Due persone]", "[Killer, Due persone]"))
    assert message.startswith("f.yaml:20: item E2, field arguments: unknown label 'Killer'")


def test_unknown_key():
    message = error_of(broken("    arguments: []\n", "    arguments: []\n    note: x\n"))
    assert message == "f.yaml:13: item E1, field note: unknown key 'note' in an item of events"


def test_missing_key():
    message = error_of(broken("    polarity: positive\n", ""))
    assert message == "f.yaml:5: item E1: missing key(s) polarity in an item of events"


def test_duplicate_id():
    message = error_of(broken("  - id: E2\n", "  - id: E1\n"))
    assert message == "f.yaml:13: item E1, field id: duplicate id E1"


def test_bad_id_form():
    message = error_of(broken("  - id: H1\n", "  - id: E9\n"))
    assert message == "f.yaml:102: item E9, field id: id must look like H<n>, got 'E9'"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    attribution: A1\n    arguments: []",
            "    attribution: A9\n    arguments: []",
            "f.yaml:11: item E1, field attribution: dangling reference 'A9': "
            "no item with that id in attributions",
        ),
        (
            "    event: E1\n",
            "    event: E9\n",
            "f.yaml:57: item C1, field event: dangling reference 'E9': "
            "no item with that id in events",
        ),
        (
            "    parent: A1\n",
            "    parent: A7\n",
            "f.yaml:92: item A2, field parent: dangling reference 'A7': "
            "no item with that id in attributions",
        ),
    ],
)
def test_dangling_reference(old, new, expected):
    assert error_of(broken(old, new)) == expected


def test_parent_cycle():
    message = error_of(
        broken("    type: direct\n    parent: null\n", "    type: direct\n    parent: A2\n")
    )
    assert message == "f.yaml:84: item A1, field parent: parent cycle A1 -> A2 -> A1"


def test_scope_must_contain_cue():
    message = error_of(broken("    scope: i razzi sarebbero", "    scope: i razzi #"))
    assert message == (
        "f.yaml:106: item H1, field scope: scope 'i razzi' does not contain the cue 'sarebbero'"
    )


def test_duplicate_yaml_key_and_invalid_yaml():
    message = error_of(
        broken("    trigger: bombardamento\n", "    trigger: bombardamento\n    trigger: x\n")
    )
    assert message == "f.yaml:8: invalid YAML: duplicate key 'trigger'"
    assert error_of("doc_id: [unclosed\n").startswith("f.yaml:2: invalid YAML:")


def test_doc_id_must_match_the_file():
    message = error_of(broken("doc_id: tiny-001", "doc_id: other-001"))
    assert message == "f.yaml:2: doc_id 'other-001' is not the file's 'tiny-001'"


def test_sentence_out_of_range():
    message = error_of(
        broken("    sentence: 2\n    cue: sarebbero", "    sentence: 4\n    cue: sarebbero")
    )
    assert message == "f.yaml:103: item H1, field sentence: sentence 4 out of range 0-3"


def test_load_pass_without_source_text(tmp_path):
    folder = tmp_path / "annotations" / "first_pass"
    folder.mkdir(parents=True)
    (folder / "tiny-001.yaml").write_text(GOLD, encoding="utf-8")
    with pytest.raises(DataError, match="no source text"):
        load_pass(folder)
    passes = load_pass(folder, source_dir=DATA / "source")
    assert len(passes["tiny-001"].annotations.events) == 4


@pytest.mark.parametrize(
    ("qualifier", "count_high", "message"),
    [
        ("exact", "30", "count_high must be null unless qualifier is range, got 30"),
        ("range", "null", "a range needs integers count and count_high, got 2 and null"),
        ("range", "2", "count_high 2 must be greater than count 2"),
        ("range", '"5"', "count_high must be an integer or null, got '5'"),
    ],
)
def test_count_high_is_an_integer_above_count_iff_the_qualifier_is_range(
    qualifier, count_high, message
):
    # C1: "Due persone" (count 2, exact); the count_high key is on line 46, qualifier on 47
    source = broken(
        "    count: 2\n    count_high: null\n    qualifier: exact\n",
        f"    count: 2\n    count_high: {count_high}\n    qualifier: {qualifier}\n",
    )
    assert error_of(source) == f"f.yaml:46: item C1, field count_high: {message}"


def test_a_range_with_its_upper_bound_parses():
    source = broken(
        "    count: 2\n    count_high: null\n    qualifier: exact\n",
        "    count: 2\n    count_high: 5\n    qualifier: range\n",
    )
    c1 = parse(source).annotations.casualties[0]
    assert (c1.count, c1.count_high, c1.count_qualifier) == (2, 5, "range")
