from baselines.document import document_from_text
from baselines.naive import NaiveExtractor

TEXT = (
    "Il terremoto ha fatto 5 morti a 30 chilometri da Perugia. "
    "Sarebbero crollate due chiese. "
    '"Siamo distrutti", ha detto il sindaco. '
    "Gli aerei hanno bombardato il porto."
)


def _run():
    return NaiveExtractor().extract(document_from_text("perugia", TEXT))


def test_every_number_near_a_death_word_is_a_casualty_including_distractors():
    records = _run().casualties
    assert [(c.count, c.count_span.text, c.trigger.text, c.victim.text) for c in records] == [
        (5, "5", "morti", "morti"),
        (30, "30", "morti", "chilometri"),
    ]
    assert {(c.status, c.count_qualifier, c.victim_group) for c in records} == {
        ("killed", "exact", "people")
    }


def test_conditional_suffix_makes_the_whole_sentence_the_scope():
    hedges = _run().hedges
    assert [(h.cue.text, h.cue_type, h.scope.text, h.sentence_id) for h in hedges] == [
        ("Sarebbero", "conditional", "Sarebbero crollate due chiese.", 1)
    ]


def test_quotation_is_a_direct_attribution_without_source():
    (relation,) = _run().attributions
    assert relation.content.text == "Siamo distrutti"
    # the nearest verb-looking token is the auxiliary, not the reporting verb
    assert relation.cue.text == "ha"
    assert relation.source is None and relation.attribution_type == "direct"


def test_conflict_words_become_attack_triggers_without_arguments():
    events = _run().events
    # "distrutti" (figurative, "we are devastated") is taken as an event too
    assert [(e.trigger.text, e.event_type, e.arguments) for e in events] == [
        ("distrutti", "Conflict:Attack", ()),
        ("bombardato", "Conflict:Attack", ()),
    ]
    assert [(e.event_id, e.sentence_id) for e in events] == [("E1", 2), ("E2", 3)]


def test_naive_is_deterministic():
    assert _run() == _run()
