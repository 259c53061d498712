from baselines.document import document_from_text
from baselines.rules.attributions import acyclic_parents, find_attributions
from baselines.tokens import sentence_views

TEXT = (
    "Secondo l'agenzia Sana, le forze governative hanno ripreso il controllo di Aleppo. "
    "Il portavoce del ministero, Ahmed Karim, ha detto che i combattimenti continuano. "
    '"La città è al sicuro", dice il governatore della provincia. '
    "Le strade sono state riaperte, ha spiegato il sindaco. "
    "Gli incendi sarebbero sotto controllo, secondo quanto riportato da Radio Aleppo che cita "
    'il capo dei pompieri: "Abbiamo bisogno di acqua". '
    'Il ministro ha dichiarato: "Non ci arrenderemo". '
    "Per il secondo giorno la città è rimasta senza luce. "
    "La nota diffusa dal governo parla di emergenza. "
    "Il portavoce ha poi aggiunto che i soccorsi sono arrivati. "
    "Ha inoltre precisato che le scuole resteranno chiuse."
)


def _relations():
    document = document_from_text("aleppo", TEXT)
    return find_attributions(document, sentence_views(document))


def _text(span):
    return None if span is None else span.text


def test_relations_cues_sources_contents_types():
    found = [
        (a.attribution_id, a.cue.text, _text(a.source), a.content.text, a.attribution_type)
        for a in _relations()
    ]
    assert found == [
        (
            "A1",
            "Secondo",
            "l'agenzia Sana",
            "le forze governative hanno ripreso il controllo di Aleppo",
            "indirect",
        ),
        (
            "A2",
            "detto",
            "Il portavoce del ministero, Ahmed Karim",
            "i combattimenti continuano",
            "indirect",
        ),
        ("A3", "dice", "il governatore della provincia", "La città è al sicuro", "direct"),
        ("A4", "spiegato", "il sindaco", "Le strade sono state riaperte", "indirect"),
        (
            "A5",
            "secondo quanto riportato da",
            "Radio Aleppo",
            "Gli incendi sarebbero sotto controllo",
            "indirect",
        ),
        ("A6", "cita", "il capo dei pompieri", "Abbiamo bisogno di acqua", "direct"),
        ("A7", "dichiarato", "Il ministro", "Non ci arrenderemo", "direct"),
        ("A8", "aggiunto", "Il portavoce", "i soccorsi sono arrivati", "indirect"),
        ("A9", "precisato", None, "le scuole resteranno chiuse", "indirect"),
    ]


def test_nesting_and_antecedents():
    relations = {a.attribution_id: a for a in _relations()}
    assert relations["A6"].parent_id == "A5"
    assert all(relations[k].parent_id is None for k in relations if k != "A6")
    full = "Il portavoce del ministero, Ahmed Karim"
    assert _text(relations["A8"].source_antecedent) == full
    assert _text(relations["A9"].source_antecedent) == full
    assert _text(relations["A4"].source_antecedent) is None


def test_no_relation_for_ordinal_secondo_or_a_participle_modifier():
    cues = [a.cue.text for a in _relations()]
    assert "diffusa" not in cues and cues.count("secondo") == 0


def test_offsets_reproduce_the_text():
    for relation in _relations():
        for span in (relation.cue, relation.content, relation.source):
            if span is not None:
                assert TEXT[span.start : span.end] == span.text


def test_source_phrase_keeps_a_negated_participle():
    text = "Secondo fonti non confermate, i ribelli sono entrati a Goma."
    document = document_from_text("g", text)
    (relation,) = find_attributions(document, sentence_views(document))
    assert (relation.cue.text, relation.source.text, relation.content.text) == (
        "Secondo",
        "fonti non confermate",
        "i ribelli sono entrati a Goma",
    )


def test_che_as_the_last_token_gives_no_relation_and_no_crash():
    # Regression: the clause after a final "che" started past the last token (IndexError).
    document = document_from_text("cut", "Il portavoce del ministero ha ribadito che")
    assert find_attributions(document, sentence_views(document)) == []


def test_a_nesting_cycle_loses_its_later_link():
    # 0 -> 1 and 1 -> 0: the link of 1 (processed second) closes the cycle and is dropped
    assert acyclic_parents([1, 0]) == [1, None]
    # 0 -> 2 -> 1 -> 0: only the last link checked (2 -> 1, which reaches 2 again) goes
    assert acyclic_parents([2, 0, 1]) == [2, 0, None]
    assert acyclic_parents([None, 0, 1, 0]) == [None, 0, 1, 0]  # a tree is kept as it is
    assert acyclic_parents([0]) == [None]  # a relation is never its own parent
