from baselines.document import document_from_text
from baselines.rules import RulesExtractor

TEXT = (
    "Sarebbero 8 le persone uccise e 15 ferite negli scontri nella città di Goma. "
    "Una ventina di feriti sono stati ricoverati all'ospedale di Bukavu. "
    "La città conta 3.000 abitanti e dista 40 chilometri dal confine. "
    "Un soldato è stato ucciso da un cecchino. "
    "Non ci sono vittime tra i civili. "
    "Le perdite tra i miliziani ribelli sarebbero pesanti. "
    "Nel 2015 morirono 120 persone. "
    "L'esplosione ha causato decine di morti. "
    "Secondo la Croce Rossa, oltre 200 soldati russi sono stati uccisi "
    "e circa 30 membri dell'Onu feriti."
)


def _result():
    return RulesExtractor().extract(document_from_text("goma", TEXT))


def _text(span):
    return None if span is None else span.text


def test_records_counts_qualifiers_victims():
    found = [
        (
            c.sentence_id,
            c.status,
            c.count,
            c.count_qualifier,
            _text(c.count_span),
            _text(c.qualifier_span),
            _text(c.trigger),
            c.victim.text,
            c.victim_group,
        )
        for c in _result().casualties
    ]
    assert found == [
        (0, "killed", 8, "exact", "8", None, "uccise", "le persone", "people"),
        (0, "injured", 15, "exact", "15", None, "ferite", "le persone", "people"),
        (1, "injured", 20, "approximate", "Una ventina", None, "feriti", "feriti", "people"),
        (3, "killed", 1, "exact", None, None, "ucciso", "Un soldato", "other"),
        (4, "unspecified", None, "unquantified", None, None, "vittime", "i civili", "civilians"),
        (
            5,
            "unspecified",
            None,
            "unquantified",
            None,
            None,
            "perdite",
            "i miliziani ribelli",
            "other",
        ),
        (6, "killed", 120, "exact", "120", None, "morirono", "persone", "people"),
        (7, "killed", None, "approximate", "decine", None, "morti", "morti", "people"),
        (
            8,
            "killed",
            200,
            "at_least",
            "200",
            "oltre",
            "uccisi",
            "soldati russi",
            "russian_military",
        ),
        (
            8,
            "injured",
            30,
            "approximate",
            "30",
            "circa",
            "feriti",
            "membri dell'Onu",
            "international_staff",
        ),
    ]


def test_polarity_certainty_location_event_attribution():
    result = _result()
    records = result.casualties
    assert [c.polarity for c in records].count("negative") == 1 and records[
        4
    ].polarity == "negative"
    assert [c.certainty for c in records] == ["uncertain", "uncertain"] + ["certain"] * 3 + [
        "uncertain"
    ] + ["certain"] * 4
    assert [_text(c.location) for c in records[:3]] == [
        "città di Goma",
        "città di Goma",
        "ospedale di Bukavu",
    ]
    scontri = next(e for e in result.events if e.trigger.text == "scontri")
    assert records[0].event_id == records[1].event_id == scontri.event_id
    croce = next(a for a in result.attributions if a.cue.text == "Secondo")
    assert [c.attribution_id for c in records[8:]] == [croce.attribution_id] * 2
    assert all(c.attribution_id is None for c in records[:8])


def test_distractor_numbers_give_no_record():
    counts = [c.count for c in _result().casualties]
    assert 3000 not in counts and 40 not in counts and 2015 not in counts


def test_status_word_as_the_last_token_of_an_unpunctuated_sentence():
    # Regression: the three-word window at the sentence end matched a one-word entry.
    text = "Sul fronte di Bengasi due soldati feriti"
    (record,) = RulesExtractor().extract(document_from_text("caption", text)).casualties
    assert (record.trigger.text, record.trigger.start) == ("feriti", 34)
    assert (record.status, record.count, record.victim.text) == ("injured", 2, "soldati")
