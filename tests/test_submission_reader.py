import json

import pytest
from support.submission_items import casualty_item

from benchmark.dataset.schema import (
    UNALIGNED_START,
    Annotations,
    Document,
    Paragraph,
    Sentence,
    Span,
)
from benchmark.errors import DataError
from benchmark.submission import (
    SubmissionInvalid,
    UnalignedSpan,
    read_submission,
)
from benchmark.submission.messages import ERROR_CAP

TEXT = (
    "Le truppe hanno colpito un ospedale a Kharkiv. "
    "Secondo il sindaco, almeno 21 persone sarebbero morte nell’ospedale."
)
TOY = Document(
    doc_id="toy-001",
    text=TEXT,
    language="it",
    paragraphs=(Paragraph(0, 115, "body"),),
    sentences=(Sentence(0, 0, 46, False), Sentence(1, 47, 115, True)),
)
SHORT = Document(
    doc_id="toy-002",
    text="Nessun ferito.",
    language="it",
    paragraphs=(Paragraph(0, 14, "body"),),
    sentences=(Sentence(0, 0, 14, False),),
)
GOLD = Annotations(documents=(TOY, SHORT))


def hedge(**changes) -> dict:
    item = {
        "hedge_id": "h1",
        "cue": {"text": "sarebbero"},
        "cue_type": "conditional",
        "scope": {"text": "sarebbero morte"},
    }
    item.update(changes)
    return item


def write(tmp_path, lines) -> str:
    path = tmp_path / "run.jsonl"
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def read(tmp_path, lines):
    return read_submission(write(tmp_path, lines), gold=GOLD)


def errors(tmp_path, lines) -> list[str]:
    path = write(tmp_path, lines)
    with pytest.raises(SubmissionInvalid) as caught:
        read_submission(path, gold=GOLD)
    return [line.removeprefix(path) for line in caught.value.errors]


def test_empty_predictions_are_attempted_and_absent_keys_are_not(tmp_path):
    submission = read(tmp_path, [{"doc_id": "toy-002", "hedges": []}, {"doc_id": "toy-001",
                                                                       "hedges": []}])  # fmt: skip
    assert submission.attempted == frozenset({"hedges"})
    assert submission.annotations.hedges == ()
    assert submission.annotations.documents == (TOY, SHORT)  # gold order, not file order
    assert submission.sentence_labels == {}
    assert submission.warnings == ()


def test_items_get_doc_id_and_derived_sentence_id(tmp_path):
    line = {"doc_id": "toy-001", "hedges": [hedge(doc_id="toy-001")]}
    (built,) = read(tmp_path, [line, {"doc_id": "toy-002", "hedges": []}]).annotations.hedges
    assert (built.doc_id, built.sentence_id) == ("toy-001", 1)
    assert built.cue == Span(85, 94, "sarebbero")
    assert built.scope == Span(85, 100, "sarebbero morte")


def test_sentence_labels_cover_every_sentence_unlisted_is_certain(tmp_path):
    submission = read(
        tmp_path,
        [
            {"doc_id": "toy-001", "sentences": [{"sentence_id": 1, "uncertain": True}]},
            {"doc_id": "toy-002", "sentences": []},
        ],
    )
    assert submission.attempted == frozenset({"sentences"})
    assert submission.sentence_labels == {
        ("toy-001", 0): False,
        ("toy-001", 1): True,
        ("toy-002", 0): False,
    }


def test_text_not_found_is_an_unaligned_false_positive(tmp_path):
    line = {"doc_id": "toy-001", "hedges": [hedge(cue={"text": "forse"}, sentence_id=0)]}
    path = write(tmp_path, [line, {"doc_id": "toy-002", "hedges": []}])
    submission = read_submission(path, gold=GOLD)
    (built,) = submission.annotations.hedges
    assert built.cue == Span(UNALIGNED_START, UNALIGNED_START, "forse")
    assert built.sentence_id == 0  # the given one: the cue has no position
    # the scope is anchored by sentence 0, holds no "sarebbero morte", falls back to 85..100
    assert built.scope == Span(85, 100, "sarebbero morte")
    assert submission.unaligned == (UnalignedSpan("toy-001", "hedges", "h1", "cue", "forse"),)
    assert [str(w) for w in submission.warnings] == [
        f'{path}:1: $.hedges[0].cue: warning: text not found, counted as a false positive: "forse"',
        f"{path}:1: $.hedges[0].scope: warning: placed in sentence 1, outside the sentence of its "
        "anchor (the text does not occur there as whole words): "
        '"sarebbero morte" -> "sarebbero morte" at 85..100',
    ]


def test_unaligned_anchor_without_sentence_id_gets_sentence_minus_one(tmp_path):
    line = {"doc_id": "toy-001", "hedges": [hedge(cue={"text": "forse"})]}
    submission = read(tmp_path, [line, {"doc_id": "toy-002", "hedges": []}])
    assert submission.annotations.hedges[0].sentence_id == -1


def test_arguments_follow_their_trigger_sentence(tmp_path):
    event = {
        "event_id": "e1",
        "trigger": {"text": "morte"},
        "event_type": "Life:Die",
        "polarity": "positive",
        "certainty": "uncertain",
        "arguments": [{"role": "Place", "text": "ospedale"}],
    }
    submission = read(tmp_path, [{"doc_id": "toy-001", "events": [event]},
                                 {"doc_id": "toy-002", "events": []}])  # fmt: skip
    (built,) = submission.annotations.events
    assert built.arguments[0].span == Span(106, 114, "ospedale")  # not the one at 27
    assert built.attribution_id is None


def test_disagreeing_sentence_id_is_a_warning_and_the_span_wins(tmp_path):
    line = {"doc_id": "toy-001", "hedges": [hedge(cue={"start": 85, "end": 94}, sentence_id=0)]}
    path = write(tmp_path, [line, {"doc_id": "toy-002", "hedges": []}])
    submission = read_submission(path, gold=GOLD)
    assert submission.annotations.hedges[0].sentence_id == 1
    assert [str(w) for w in submission.warnings] == [
        f"{path}:1: $.hedges[0].sentence_id: warning: given 0, but the cue starts in sentence 1;"
        " using 1"
    ]


def test_spans_off_token_boundaries_are_warnings(tmp_path):
    line = {"doc_id": "toy-001", "hedges": [hedge(cue={"start": 86, "end": 94})]}
    path = write(tmp_path, [line, {"doc_id": "toy-002", "hedges": []}])
    submission = read_submission(path, gold=GOLD)
    assert submission.annotations.hedges[0].cue == Span(86, 94, "arebbero")
    assert [str(w) for w in submission.warnings] == [
        f'{path}:1: $.hedges[0].cue: warning: span 86..94 "arebbero" is not token-aligned '
        "(benchmark.dataset.text.tokenize)"
    ]


def test_normalised_alignment_is_a_warning(tmp_path):
    line = {"doc_id": "toy-001", "hedges": [hedge(scope={"text": "Morte  NELL'OSPEDALE"})]}
    path = write(tmp_path, [line, {"doc_id": "toy-002", "hedges": []}])
    submission = read_submission(path, gold=GOLD)
    assert submission.annotations.hedges[0].scope == Span(95, 114, "morte nell’ospedale")
    assert [w.message for w in submission.warnings] == [
        "aligned by the normalised match (case, quotes, accents or white space differ): "
        '"Morte  NELL\'OSPEDALE" -> "morte nell’ospedale" at 95..114'
    ]


def test_blank_lines_bom_and_crlf_are_accepted(tmp_path):
    path = tmp_path / "run.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"doc_id": "toy-001"}\r\n\r\n   \n{"doc_id": "toy-002"}\r\n\n')
    assert read_submission(path, gold=GOLD).attempted == frozenset()


def test_all_errors_of_all_lines_are_collected(tmp_path):
    found = errors(
        tmp_path,
        [
            {"doc_id": "toy-001", "hedges": [hedge(cue_type="modal"), hedge(hedge_id=7)]},
            "{oops",
            {"doc_id": "toy-001", "hedges": []},
        ],
    )
    assert found == [
        ':1: $.hedges[0].cue_type: expected one of conditional, evidential, epistemic; got "modal"',
        ":1: $.hedges[1].hedge_id: expected a non-empty string, got 7",
        ":2: malformed JSON: Expecting property name enclosed in double quotes (column 2)",
        ':3: $.doc_id: duplicate document "toy-001" (first on line 1)',
        ': missing line for gold document "toy-002"',
    ]


def test_errors_beyond_the_cap_are_counted(tmp_path):
    hedges = [hedge(hedge_id=f"h{n}", cue_type="modal") for n in range(ERROR_CAP + 7)]
    path = write(tmp_path, [{"doc_id": "toy-001", "hedges": hedges},
                            {"doc_id": "toy-002", "hedges": []}])  # fmt: skip
    with pytest.raises(DataError) as caught:
        read_submission(path, gold=GOLD)
    lines = str(caught.value).splitlines()
    assert len(lines) == ERROR_CAP + 1
    assert lines[-1] == f"{path}: ... and 7 more error(s) not shown"
    assert ERROR_CAP == 50


def test_an_unreadable_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError) as caught:
        read_submission(tmp_path / "absent.jsonl", gold=GOLD)
    assert str(caught.value) == (
        f"{tmp_path / 'absent.jsonl'}: cannot read the submission: No such file or directory"
    )


SAYS = Document(
    doc_id="toy-003",
    text="Il sindaco dice che è finita. Il generale dice che continua.",
    language="it",
    paragraphs=(Paragraph(0, 60, "body"),),
    sentences=(Sentence(0, 0, 29, False), Sentence(1, 30, 60, False)),
)


def says(tmp_path, *attributions, hedges=None):
    line = {"doc_id": "toy-003", "attributions": list(attributions)}
    if hedges is not None:
        line["hedges"] = hedges
    path = write(tmp_path, [line])
    return read_submission(path, gold=Annotations(documents=(SAYS,)))


def test_anchor_span_without_anchor_follows_a_unique_span_of_its_item(tmp_path):
    # "dice" occurs at 11 and 42; the source "Il generale" occurs once (30..41)
    item = {
        "attribution_id": "a1",
        "source": {"text": "Il generale"},
        "cue": {"text": "dice"},
        "content": {"text": "che"},
        "attribution_type": "indirect",
    }
    (built,) = says(tmp_path, item).annotations.attributions
    assert built.cue == Span(42, 46, "dice")
    assert built.content == Span(47, 50, "che")  # anchored by the cue: not the one at 16


def test_ambiguous_other_spans_leave_the_first_occurrence(tmp_path):
    # source "Il" occurs twice and the content has an occurrence number: neither anchors
    item = {
        "attribution_id": "a1",
        "source": {"text": "Il"},
        "cue": {"text": "dice"},
        "content": {"text": "che", "occurrence": 2},
        "attribution_type": "indirect",
    }
    (built,) = says(tmp_path, item).annotations.attributions
    assert built.cue == Span(11, 15, "dice")
    assert built.source == Span(0, 2, "Il")
    assert built.content == Span(47, 50, "che")


def test_offsets_of_another_span_anchor_the_anchor_span(tmp_path):
    item = {
        "attribution_id": "a1",
        "source": {"text": "Il"},
        "cue": {"text": "dice"},
        "content": {"start": 47, "end": 59},
        "attribution_type": "indirect",
    }
    (built,) = says(tmp_path, item).annotations.attributions
    assert (built.cue, built.source) == (Span(42, 46, "dice"), Span(30, 32, "Il"))


def test_sentence_id_wins_over_a_unique_span(tmp_path):
    hedge_item = {
        "hedge_id": "h1",
        "sentence_id": 0,
        "cue": {"text": "dice"},
        "cue_type": "evidential",
        "scope": {"text": "che continua"},
    }
    (built,) = says(tmp_path, hedges=[hedge_item]).annotations.hedges
    assert (built.cue, built.sentence_id) == (Span(11, 15, "dice"), 0)
    assert built.scope == Span(47, 59, "che continua")


# ---- null lists, successive occurrences, lenient reading -------------------------------------


def test_null_for_a_list_means_an_empty_list(tmp_path):
    event = {
        "event_id": "e1",
        "trigger": {"text": "colpito"},
        "event_type": "Conflict:Attack",
        "arguments": None,
        "polarity": "positive",
        "certainty": "certain",
    }
    submission = read(tmp_path, [{"doc_id": "toy-001", "events": [event], "hedges": None},
                                 {"doc_id": "toy-002", "events": None, "hedges": []}])  # fmt: skip
    assert submission.attempted == frozenset({"events", "hedges"})
    assert submission.annotations.events[0].arguments == ()
    assert submission.annotations.hedges == ()


def test_repeated_texts_without_anchor_take_successive_occurrences(tmp_path):
    # "dice" occurs at 11 and 42; two cues with nothing unique to anchor them (sources
    # "Il" occur twice): the first takes 11, the second 42, each with a warning
    item = {"source": {"text": "Il"}, "cue": {"text": "dice"}, "content": {"text": "che",
            "occurrence": 1}, "attribution_type": "indirect"}  # fmt: skip
    submission = says(tmp_path, {"attribution_id": "a1", **item}, {"attribution_id": "a2", **item})
    assert [a.cue.start for a in submission.annotations.attributions] == [11, 42]
    notes = [w.message for w in submission.warnings if w.path.endswith(".cue")]
    assert len(notes) == 2 and all("repeated texts take successive" in n for n in notes)


def test_lenient_reading_keeps_bad_items_as_false_positives(tmp_path):
    lines = [
        {
            "doc_id": "toy-001",
            "hedges": [
                hedge(cue_type="Conditional"),  # a label outside the inventory
                hedge(hedge_id="h2", sentence_id=2),  # a sentence that does not exist
                hedge(hedge_id="h3", cue={"text": "sarebbero"}, sentence_id=1),  # fine
                hedge(hedge_id="h3"),  # a duplicate id
            ],
            "sentences": [{"sentence_id": 2, "uncertain": True}],
        },
        {"doc_id": "toy-002", "hedges": [], "sentences": []},
    ]
    path = write(tmp_path, lines)
    with pytest.raises(SubmissionInvalid):
        read_submission(path, gold=GOLD)
    submission = read_submission(path, gold=GOLD, lenient=True)
    assert [(r.item_id, r.path) for r in submission.rejected] == [
        ("h1", "$.hedges[0]"),
        ("h2", "$.hedges[1]"),
        ("$.hedges[3]", "$.hedges[3]"),  # its id is taken by an earlier item
        ("$.sentences[0]", "$.sentences[0]"),
    ]
    assert submission.rejected[0].errors == (
        "$.hedges[0].cue_type: expected one of conditional, evidential, epistemic; got "
        '"Conditional"',
    )
    built = submission.annotations.hedges
    assert [h.hedge_id for h in built] == ["h1", "h2", "h3", "$.hedges[3]"]
    # a placeholder: every span unaligned (its text kept), invalid labels null, sentence -1
    assert built[0].cue == Span(UNALIGNED_START, UNALIGNED_START, "sarebbero")
    assert (built[0].cue_type, built[0].sentence_id) == (None, -1)
    assert built[2].cue == Span(85, 94, "sarebbero")  # the good item is read as usual
    # placeholders are listed as rejected, not as unaligned spans
    assert submission.unaligned == ()
    # the rejected "uncertain" label of sentence 2 is an uncertain label of no sentence (-1)
    assert submission.sentence_labels[("toy-001", -1)] is True
    assert submission.sentence_labels[("toy-001", 1)] is False


def test_lenient_reading_keeps_errors_of_lines_and_files_fatal(tmp_path):
    path = write(tmp_path, [{"doc_id": "toy-001", "hedges": [hedge(cue_type="x")]}, "{oops"])
    with pytest.raises(SubmissionInvalid) as caught:
        read_submission(path, gold=GOLD, lenient=True)
    assert [line.removeprefix(path) for line in caught.value.errors] == [
        ":2: malformed JSON: Expecting property name enclosed in double quotes (column 2)",
        ': missing line for gold document "toy-002"',
    ]


def test_lenient_reading_rejects_a_dangling_reference(tmp_path):
    item = {"attribution_id": "a1", "cue": {"text": "dice"}, "content": {"text": "che"},
            "attribution_type": "indirect", "parent_id": "nope"}  # fmt: skip
    path = write(tmp_path, [{"doc_id": "toy-003", "attributions": [item]}])
    submission = read_submission(path, gold=Annotations(documents=(SAYS,)), lenient=True)
    (rejected,) = submission.rejected
    assert rejected.errors == (
        '$.attributions[0].parent_id: unknown id "nope": no attribution_id in this line\'s '
        "attributions",
    )
    assert submission.annotations.attributions[0].parent_id is None


def casualty(**changes) -> dict:
    return casualty_item(**{"count": 21, **changes})


def test_count_high_is_optional_and_ranges_need_it(tmp_path):
    lines = [{"doc_id": "toy-002", "casualties": []}]
    found = read(tmp_path, [*lines, {"doc_id": "toy-001", "casualties": [casualty()]}])
    assert found.annotations.casualties[0].count_high is None
    ranged = casualty(count=21, count_high=30, count_qualifier="range")
    found = read(tmp_path, [*lines, {"doc_id": "toy-001", "casualties": [ranged]}])
    assert (found.annotations.casualties[0].count, found.annotations.casualties[0].count_high) == (
        21,
        30,
    )
    bad = [
        casualty(count_high=30),
        casualty(casualty_id="c2", count_qualifier="range"),
        casualty(casualty_id="c3", count_qualifier="range", count_high=21),
    ]
    assert errors(tmp_path, [*lines, {"doc_id": "toy-001", "casualties": bad}]) == [
        ":2: $.casualties[0].count_high: count_high must be null unless count_qualifier is "
        "range, got 30",
        ":2: $.casualties[1].count_high: a range needs integers count and count_high, "
        "got 21 and null",
        ":2: $.casualties[2].count_high: count_high 21 must be greater than count 21",
    ]
