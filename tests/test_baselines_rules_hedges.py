from baselines.document import document_from_text
from baselines.rules.hedges import find_hedges
from baselines.tokens import sentence_views

TEXT = (
    "Secondo la protezione civile, a Valdena sarebbero morte almeno 12 persone. "
    "La diga sarebbe stata danneggiata dalle piogge, "
    "almeno secondo quanto riportato da Radio Valle. "
    "Se piovesse ancora, la città sarebbe in pericolo. "
    "Vorrei ringraziare i volontari. "
    "Forse il fiume scenderà domani. "
    "Sembra che il ponte sia crollato, secondo i vigili del fuoco. "
    "Gli aerei hanno sorvolato la zona. "
    "L'argine, che potrebbe cedere, è sorvegliato."
)


def _hedges(text=TEXT):
    document = document_from_text("valdena", text)
    return find_hedges(document, sentence_views(document))


def test_cues_types_and_scopes():
    assert [(h.sentence_id, h.cue.text, h.cue_type, h.scope.text) for h in _hedges()] == [
        (0, "sarebbero", "conditional", "a Valdena sarebbero morte almeno 12 persone"),
        (1, "sarebbe stata", "conditional", "La diga sarebbe stata danneggiata dalle piogge"),
        (
            1,
            "almeno",
            "evidential",
            "La diga sarebbe stata danneggiata dalle piogge, "
            "almeno secondo quanto riportato da Radio Valle",
        ),
        (4, "Forse", "epistemic", "Forse il fiume scenderà domani"),
        (5, "Sembra che", "evidential", "Sembra che il ponte sia crollato"),
        (7, "potrebbe", "epistemic", "che potrebbe cedere"),
    ]


def test_offsets_reproduce_the_text_and_scope_holds_cue():
    for hedge in _hedges():
        assert TEXT[hedge.cue.start : hedge.cue.end] == hedge.cue.text
        assert hedge.scope.start <= hedge.cue.start and hedge.cue.end <= hedge.scope.end
    assert [h.hedge_id for h in _hedges()] == ["H1", "H2", "H3", "H4", "H5", "H6"]


def test_no_hedge_for_true_conditionals_polite_forms_lookalikes_and_count_qualifiers():
    assert _hedges("Se arrivasse la piena, la città sarebbe evacuata.") == []
    assert _hedges("Vorrei ringraziare i soccorritori.") == []
    assert _hedges("Gli aerei sono atterrati.") == []
    assert _hedges("Sono morte almeno 12 persone.") == []


def test_compound_conditional_with_avere_keeps_the_lexical_participle_out():
    (hedge,) = _hedges("I ribelli avrebbero colpito un deposito a Kindu, riferisce la radio.")
    assert (hedge.cue.text, hedge.scope.text) == (
        "avrebbero",
        "I ribelli avrebbero colpito un deposito a Kindu",
    )


def test_fronted_evidential_phrase_scopes_over_the_following_clause():
    text = (
        "Secondo fonti non confermate, almeno 40 soldati sarebbero stati uccisi "
        "nelle ultime 24 ore."
    )
    hedges = _hedges(text)
    assert [(h.cue.text, h.cue_type, h.scope.text) for h in hedges] == [
        (
            "Secondo fonti non confermate",
            "evidential",
            "Secondo fonti non confermate, almeno 40 soldati sarebbero stati uccisi "
            "nelle ultime 24 ore",
        ),
        (
            "sarebbero stati",
            "conditional",
            "almeno 40 soldati sarebbero stati uccisi nelle ultime 24 ore",
        ),
    ]
