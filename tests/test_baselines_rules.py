from baselines.document import document_from_text
from baselines.rules import RulesExtractor
from benchmark.submission.format import submission_line_from_annotations

# A flood report written for this test (not from the benchmark's article).
TEXT = (
    "Secondo l'agenzia Ansa, a Borgo Vallina sarebbero morte almeno 12 persone.\n\n"
    "Una ventina di feriti sono stati trasferiti all'ospedale di Lucca. "
    "Il paese, che conta 3.000 abitanti, è isolato. "
    '"Non abbiamo più acqua", ha detto il sindaco.'
)


def _run():
    return RulesExtractor().extract(document_from_text("vallina", TEXT))


def test_all_layers_on_a_new_paragraph():
    result = _run()
    assert [(h.cue.text, h.scope.text) for h in result.hedges] == [
        ("sarebbero", "a Borgo Vallina sarebbero morte almeno 12 persone")
    ]
    assert [
        (a.cue.text, a.source.text, a.content.text, a.attribution_type) for a in result.attributions
    ] == [
        (
            "Secondo",
            "l'agenzia Ansa",
            "a Borgo Vallina sarebbero morte almeno 12 persone",
            "indirect",
        ),
        ("detto", "il sindaco", "Non abbiamo più acqua", "direct"),
    ]
    assert [
        (c.count, c.count_qualifier, c.victim.text, c.certainty, c.attribution_id)
        for c in result.casualties
    ] == [
        (12, "at_least", "persone", "uncertain", "A1"),
        (20, "approximate", "feriti", "certain", None),
    ]


def test_submission_line_sentence_labels_follow_the_hedges():
    result = _run()
    line = submission_line_from_annotations(result, "vallina")
    assert [s["uncertain"] for s in line["sentences"]] == [True, False, False, False]
    assert set(line) == {"doc_id", "events", "casualties", "attributions", "hedges", "sentences"}


def test_deterministic_and_ids_unique():
    first, second = _run(), _run()
    assert first == second
    for layer, key in (
        ("events", "event_id"),
        ("casualties", "casualty_id"),
        ("hedges", "hedge_id"),
    ):
        ids = [getattr(item, key) for item in getattr(first, layer)]
        assert len(ids) == len(set(ids))


def test_every_span_is_token_aligned_and_reproduces_the_text():
    from benchmark.dataset.text import tokenize

    starts = {s for s, _ in tokenize(TEXT)}
    ends = {e for _, e in tokenize(TEXT)}
    result = _run()
    spans = [h.cue for h in result.hedges] + [h.scope for h in result.hedges]
    spans += [a.content for a in result.attributions] + [a.cue for a in result.attributions]
    spans += [c.victim for c in result.casualties] + [e.trigger for e in result.events]
    for span in spans:
        assert TEXT[span.start : span.end] == span.text
        assert span.start in starts and span.end in ends
