from support.report_case import ATTEMPTED, EXPECTED_EXACT, GOLD, PRED

from benchmark.presentation.error_page.model import build_model
from benchmark.scoring.run import score


def _model(mode="exact"):
    report = score(GOLD, PRED, attempted=ATTEMPTED)
    return build_model(GOLD, PRED, report, mode=mode)


def _statuses(model):
    found = {}
    for view in model.layers:
        for mark in view.marks:
            for side, item_id in (("gold", mark.gold_id), ("pred", mark.pred_id)):
                if item_id is not None:
                    key = (view.layer, mark.element, side, item_id)
                    assert key not in found, key  # every item is drawn once
                    found[key] = mark.status
    return found


def test_every_element_gets_the_hand_worked_status():
    assert _statuses(_model()) == EXPECTED_EXACT


def test_exact_match_is_one_mark_with_both_ids():
    events = _model().layers[0]
    trigger = [m for m in events.marks if m.gold_id == "E1" and m.element == "trigger"]
    assert [(m.start, m.end, m.pred_id, m.label) for m in trigger] == [
        (14, 24, "p1", "Conflict:Attack")
    ]


def test_overlap_mode_draws_both_extents_of_a_matched_scope():
    hedges = _model("overlap").layers[3]
    scopes = sorted(
        (m.start, m.end, m.status, m.gold_id, m.pred_id)
        for m in hedges.marks
        if m.element == "scope"
    )
    assert scopes == [(54, 82, "tp", "H1", None), (67, 82, "tp", None, "q1")]


def test_relation_numbers_link_source_cue_and_content():
    attributions = _model().layers[2]
    numbers = {(m.element, m.gold_id, m.pred_id): m.relations for m in attributions.marks}
    # A1 is relation 1; b1 (no source) is not aligned to it, so it is relation 2
    assert numbers == {
        ("source", "A1", None): (1,),
        ("cue", "A1", "b1"): (1, 2),
        ("content", "A1", "b1"): (1, 2),
    }
    assert [(r.number, r.attribution_id, r.status) for r in attributions.gold_relations] == [
        (1, "A1", "fn")
    ]
    assert [
        (r.number, r.attribution_id, r.status, r.source) for r in attributions.pred_relations
    ] == [  # noqa: E501
        (2, "b1", "fp", "—")
    ]


def test_error_lists_hold_every_missed_and_spurious_item_with_its_sentence():
    events = _model().layers[0]
    errors = sorted((e.subtask, e.status, e.item_id, e.sentence_id) for e in events.errors)
    assert errors == [
        ("argument_classification", "fn", "E1/arg2", 0),
        ("argument_classification", "fn", "E2/arg1", 1),
        ("argument_classification", "fp", "p1/arg2", 0),
        ("argument_classification", "fp", "p2/arg1", 1),
        ("argument_identification", "fn", "E2/arg1", 1),
        ("argument_identification", "fp", "p2/arg1", 1),
        ("factuality", "fn", "E2", 1),
        ("factuality", "fp", "p2", 1),
        ("trigger_classification", "fn", "E2", 1),
        ("trigger_classification", "fp", "p2", 1),
        ("trigger_identification", "fn", "E2", 1),
        ("trigger_identification", "fp", "p2", 1),
    ]
    sentence = next(e.sentence for e in events.errors if e.item_id == "E2")
    assert sentence == "Secondo il sindaco, dieci civili sarebbero morti."


def test_layer_not_attempted_has_no_errors():
    casualties = _model().layers[1]
    assert (casualties.attempted, casualties.errors) == (False, ())
