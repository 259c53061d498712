"""seqeval strict IOB2 on the real gold's ``tokens`` view agrees with our exact span counts."""

from __future__ import annotations

import dataclasses

import pytest
from support.flat import decode_spans, flat_layer_scores, flat_view

from benchmark.dataset import loading
from benchmark.dataset.rows import from_row
from benchmark.dataset.schema import Annotations, Span, TokenRow
from benchmark.dataset.tokens_view import TAG_COLUMNS
from benchmark.errors import DataError
from benchmark.scoring import score
from benchmark.scoring.modes import EXACT

GOLD = loading.load_gold()
TEXT = GOLD.documents[0].text
GOLD_ROWS, GOLD_DROPPED = flat_view(GOLD)


def committed_token_rows() -> list[TokenRow]:
    """Return the committed ``tokens`` config (loaded offline), tags as label strings."""
    dataset = loading.load_config("tokens")
    rows = []
    for line, row in enumerate(dataset, start=1):
        named = dict(row)
        for column in TAG_COLUMNS:
            names = dataset.features[column].feature
            named[column] = [names.int2str(value) for value in row[column]]
        rows.append(from_row("tokens", named, line=line))
    return rows


def token_span(sentence_id: int, first: int, last: int) -> Span:
    """Return the span from token ``first`` to token ``last`` (inclusive) of a gold sentence."""
    row = GOLD_ROWS[sentence_id]
    start, end = row.token_starts[first], row.token_ends[last]
    return Span(start, end, TEXT[start:end])


def shrink(span: Span, *, first: bool = False) -> Span:
    """Return ``span`` without its last token (its first one when ``first``)."""
    inside = [
        (start, end)
        for row in GOLD_ROWS
        for start, end in zip(row.token_starts, row.token_ends, strict=True)
        if span.start <= start and end <= span.end
    ]
    start, end = (inside[1][0], span.end) if first else (span.start, inside[-2][1])
    return Span(start, end, TEXT[start:end])


def by_id(items, field: str) -> dict:
    return {getattr(item, field): item for item in items}


def perturbed() -> Annotations:
    """The gold: spans dropped, boundaries moved by a token, labels changed, spurious spans."""
    events = by_id(GOLD.events, "event_id")
    hedges = by_id(GOLD.hedges, "hedge_id")
    relations = by_id(GOLD.attributions, "attribution_id")
    records = by_id(GOLD.casualties, "casualty_id")
    replace = dataclasses.replace

    # events: drop E2 and E10; E8 loses its last token; E13 changes type; one spurious trigger
    del events["E2"], events["E10"]
    events["E8"] = replace(events["E8"], trigger=shrink(events["E8"].trigger))
    assert events["E8"].trigger.text == "scontro a"
    events["E13"] = replace(events["E13"], event_type="Conflict:Attack")
    spurious = token_span(0, 2, 2)
    assert spurious.text == "occupanti"
    events["P1"] = replace(events["E1"], event_id="P1", trigger=spurious, arguments=())

    # hedges: drop H3; H1 loses its last token; H4 changes type; one spurious cue
    del hedges["H3"]
    hedges["H1"] = replace(hedges["H1"], cue=shrink(hedges["H1"].cue))
    assert hedges["H1"].cue.text == "sarebbero"
    hedges["H4"] = replace(hedges["H4"], cue_type="epistemic")
    cue = token_span(0, 3, 3)
    assert cue.text == "hanno"
    hedges["P1"] = replace(hedges["H2"], hedge_id="P1", sentence_id=0, cue=cue, scope=cue)

    # attributions: drop A5; swap A6's source and cue (both labels change); A4's source loses
    # its last token; A1's content loses its first token (the content runs over sentences 0
    # and 1: only the sentence-0 piece moves); one spurious relation (cue + content, sentence 3)
    del relations["A5"]
    a6 = relations["A6"]
    relations["A6"] = replace(a6, source=a6.cue, cue=a6.source)
    relations["A4"] = replace(relations["A4"], source=shrink(relations["A4"].source))
    assert relations["A4"].source.text == "Il"
    relations["A1"] = replace(relations["A1"], content=shrink(relations["A1"].content, first=True))
    assert relations["A1"].content.text.startswith("occupanti hanno attaccato")
    spurious_cue, content = token_span(3, 7, 7), token_span(3, 0, 3)
    assert (spurious_cue.text, content.text) == ("consumata", "Una sequenza di violenza")
    relations["P1"] = replace(
        relations["A10"], attribution_id="P1", cue=spurious_cue, content=content
    )

    # casualties: drop C2 (its count "21"; its victim stays, C3 shares it) and C4; C5's victim
    # loses its last token; one spurious victim
    del records["C2"], records["C4"]
    records["C5"] = replace(records["C5"], victim=shrink(records["C5"].victim))
    assert records["C5"].victim.text.endswith("cooperazione in")
    victim = token_span(0, 2, 2)
    records["P1"] = replace(records["C1"], casualty_id="P1", sentence_id=0, victim=victim)

    return Annotations(
        documents=GOLD.documents,
        events=tuple(events.values()),
        casualties=tuple(records.values()),
        attributions=tuple(relations.values()),
        hedges=tuple(hedges.values()),
    )


PRED = perturbed()
PRED_ROWS, PRED_DROPPED = flat_view(PRED)


def assert_seqeval_agrees(scores) -> None:
    assert set(scores) == set(TAG_COLUMNS)
    for column, result in scores.items():
        seqeval = (result.seqeval_precision, result.seqeval_recall, result.seqeval_f1)
        assert seqeval == pytest.approx(result.ours, abs=1e-12, rel=0), column


def test_gold_view_is_the_committed_tokens_config_and_drops_nothing():
    assert list(GOLD_ROWS) == committed_token_rows()
    assert GOLD_DROPPED == ()
    assert PRED_DROPPED == ()
    # flat entities of the gold: 27 triggers, 8 cues; 8 outermost relations with 7 sources,
    # 8 cues, 8 contents, A1's content cut in two by a sentence boundary: 24; casualties:
    # counts "21" and "112" and 4 distinct victims (C2 and C3 share one): 6
    counts = {c: sum(len(decode_spans(r, column=c)) for r in GOLD_ROWS) for c in TAG_COLUMNS}
    assert counts == {
        "event_tags": 27,
        "hedge_tags": 8,
        "attribution_tags": 24,
        "casualty_tags": 6,
    }
    # token-aligned: the decoded trigger and cue spans are the standoff ones
    triggers = {(s, e, t) for r in GOLD_ROWS for s, e, t in decode_spans(r, column="event_tags")}
    assert triggers == {(e.trigger.start, e.trigger.end, e.event_type) for e in GOLD.events}
    cues = {(s, e, t) for r in GOLD_ROWS for s, e, t in decode_spans(r, column="hedge_tags")}
    assert cues == {(h.cue.start, h.cue.end, h.cue_type) for h in GOLD.hedges}


def test_gold_against_itself_scores_one():
    scores = flat_layer_scores(committed_token_rows(), GOLD_ROWS)
    assert_seqeval_agrees(scores)
    for column, result in scores.items():
        assert result.seqeval_f1 == 1.0 and result.ours == (1.0, 1.0, 1.0), column
        assert (result.fp, result.fn) == (0, 0)
    assert scores["attribution_tags"].tp == 24


def test_empty_prediction_scores_zero():
    empty_rows, _ = flat_view(Annotations(documents=GOLD.documents))
    scores = flat_layer_scores(GOLD_ROWS, empty_rows)
    assert_seqeval_agrees(scores)
    for column, result in scores.items():
        assert result.ours == (0.0, 0.0, 0.0) and result.seqeval_f1 == 0.0, column
    assert (scores["event_tags"].tp, scores["event_tags"].fp, scores["event_tags"].fn) == (0, 0, 27)


def test_perturbed_prediction_counts_by_hand():
    scores = flat_layer_scores(GOLD_ROWS, PRED_ROWS)
    assert_seqeval_agrees(scores)
    counts = {column: (r.tp, r.fp, r.fn) for column, r in scores.items()}
    # events, 27 gold: 2 dropped (fn 2), E8 shrunk and E13 retyped (fp 1 + fn 1 each),
    # 1 spurious (fp 1): tp 27 - 4 = 23, fp 3, fn 4
    assert counts["event_tags"] == (23, 3, 4)
    # hedges, 8 gold: 1 dropped, H1 shrunk and H4 retyped, 1 spurious: tp 5, fp 3, fn 3
    assert counts["hedge_tags"] == (5, 3, 3)
    # attributions, 24 gold: A5's 3 spans dropped (fn 3); A6 swapped (fp 2, fn 2); A4's source
    # and A1's sentence-0 content piece moved (fp 1 + fn 1 each; A1's sentence-1 piece still
    # matches); spurious cue + content (fp 2): tp 24 - 7 = 17, fp 6, fn 7
    assert counts["attribution_tags"] == (17, 6, 7)
    # casualties, 6 gold: C2's count and C4's victim dropped (fn 2; C2's victim lives on in
    # C3), C5's victim shrunk (fp 1, fn 1), 1 spurious victim (fp 1): tp 3, fp 2, fn 3
    assert counts["casualty_tags"] == (3, 2, 3)
    # seqeval by hand for events: P 23/26, R 23/27, F1 46/53
    events = scores["event_tags"]
    assert events.seqeval_precision == pytest.approx(23 / 26, abs=1e-12)
    assert events.seqeval_recall == pytest.approx(23 / 27, abs=1e-12)
    assert events.seqeval_f1 == pytest.approx(46 / 53, abs=1e-12)


@pytest.mark.parametrize(
    ("column", "task", "subtask"),
    [("event_tags", "events", "trigger_classification"), ("hedge_tags", "hedges", "cue_typed")],
)
@pytest.mark.parametrize("which", ["gold", "empty", "perturbed"])
def test_flat_exact_equals_the_standoff_scorer(column, task, subtask, which):
    pred = {
        "gold": GOLD,
        "empty": Annotations(documents=GOLD.documents),
        "perturbed": PRED,
    }[which]
    rows, dropped = flat_view(pred)
    assert dropped == ()
    flat = flat_layer_scores(GOLD_ROWS, rows)[column]
    standoff = score(GOLD, pred, tasks=[task], modes=[EXACT]).get(task, subtask, "exact")
    assert (flat.tp, flat.fp, flat.fn) == (standoff.tp, standoff.fp, standoff.fn)
    assert flat.ours[2] == standoff.f1
    assert flat.seqeval_f1 == pytest.approx(standoff.f1, abs=1e-12, rel=0)


def test_stray_inside_tag_is_no_entity_as_in_seqeval():
    row = dataclasses.replace(
        GOLD_ROWS[0],
        event_tags=("I-Life:Die", "B-Life:Die", "I-Life:Die", "I-Conflict:Attack")
        + ("O",) * (len(GOLD_ROWS[0].tokens) - 4),
    )
    starts, ends = row.token_starts, row.token_ends
    assert decode_spans(row, column="event_tags") == [(starts[1], ends[2], "Life:Die")]
    # the prediction keeps only the valid entity: strict IOB2 sees a perfect match (a lenient
    # decoding would find 3 gold entities, "I-Life:Die" at 0 and "I-Conflict:Attack" at 3 too)
    clean = ("O", "B-Life:Die", "I-Life:Die") + ("O",) * (len(row.tokens) - 3)
    scores = flat_layer_scores([row], [dataclasses.replace(row, event_tags=clean)])
    assert scores["event_tags"][3:] == (1, 0, 0)
    assert scores["event_tags"].seqeval_recall == 1.0
    assert_seqeval_agrees(scores)


def test_rows_must_pair_up():
    with pytest.raises(DataError, match="rows differ: missing"):
        flat_layer_scores(GOLD_ROWS, GOLD_ROWS[1:])
    moved = dataclasses.replace(GOLD_ROWS[0], token_starts=(1, *GOLD_ROWS[0].token_starts[1:]))
    with pytest.raises(DataError, match="token offsets differ"):
        flat_layer_scores(GOLD_ROWS, [moved, *GOLD_ROWS[1:]])
    with pytest.raises(DataError, match="unknown tag column"):
        decode_spans(GOLD_ROWS[0], column="role_tags")
