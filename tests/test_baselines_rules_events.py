from baselines.document import document_from_text
from baselines.rules import RulesExtractor

TEXT = (
    "I ribelli hanno attaccato il convoglio a Goma. "
    "Il ponte è stato bombardato dall'aviazione. "
    "Un nuovo attacco missilistico ha colpito la stazione e due scuole. "
    "Tre civili sono stati uccisi dai missili. "
    "L'ospedale, che sarebbe stato distrutto, era vuoto. "
    "Non ci sono stati bombardamenti sulla capitale. "
    "Forse domani riprenderanno i negoziati a Ginevra. "
    "Migliaia di persone sono state evacuate verso Leopoli."
)


def _events():
    return RulesExtractor().extract(document_from_text("goma", TEXT)).events


def test_triggers_types_and_arguments():
    found = [
        (e.sentence_id, e.trigger.text, e.event_type, [(a.role, a.span.text) for a in e.arguments])
        for e in _events()
    ]
    assert found == [
        (
            0,
            "attaccato",
            "Conflict:Attack",
            [("Attacker", "I ribelli"), ("Target", "il convoglio"), ("Place", "Goma")],
        ),
        (1, "bombardato", "Conflict:Attack", [("Target", "Il ponte"), ("Attacker", "aviazione")]),
        (2, "attacco", "Conflict:Attack", [("Target", "la stazione"), ("Target", "due scuole")]),
        (3, "uccisi", "Life:Die", [("Victim", "Tre civili"), ("Instrument", "missili")]),
        (4, "distrutto", "Conflict:Damage", [("Target", "L'ospedale")]),
        (5, "bombardamenti", "Conflict:Attack", [("Target", "capitale")]),
        (6, "negoziati", "Contact:Meet", [("Time", "domani"), ("Place", "Ginevra")]),
        (
            7,
            "evacuate",
            "Movement:Transport",
            [("Artifact", "Migliaia di persone"), ("Destination", "Leopoli")],
        ),
    ]


def test_polarity_and_certainty():
    events = _events()
    assert [e.polarity for e in events] == ["positive"] * 5 + ["negative"] + ["positive"] * 2
    # hedged relative clause -> uncertain; the definite "i negoziati" is presupposed -> certain
    assert [e.certainty for e in events] == ["certain"] * 4 + ["uncertain"] + ["certain"] * 3
    assert all(e.attribution_id is None for e in events)


def test_attribution_of_a_trigger_inside_a_quotation():
    text = '"I droni hanno colpito la centrale", ha detto il prefetto.'
    result = RulesExtractor().extract(document_from_text("q", text))
    (event,) = result.events
    (relation,) = result.attributions
    assert (event.trigger.text, event.attribution_id) == ("colpito", relation.attribution_id)
    assert [(a.role, a.span.text) for a in event.arguments] == [
        ("Instrument", "I droni"),
        ("Target", "la centrale"),
    ]


def test_trigger_as_the_last_token_of_an_unpunctuated_sentence():
    # Regression: a lexicon window running past the sentence end matched a one-word entry
    # while claiming four tokens, and token_span indexed past the sentence (IndexError).
    text = "Il porto di Odessa bombardato"
    (event,) = RulesExtractor().extract(document_from_text("headline", text)).events
    assert (event.trigger.start, event.trigger.end, event.trigger.text) == (19, 29, "bombardato")
    assert event.event_type == "Conflict:Attack"
    assert [(a.role, a.span.text) for a in event.arguments] == [("Target", "Il porto di Odessa")]
