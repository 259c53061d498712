import pytest

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
        (3, "killed", 1, "exact", None, None, "ucciso", "Un soldato", "military"),
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
            "armed_group",
        ),
        (6, "killed", 120, "exact", "120", None, "morirono", "persone", "people"),
        (7, "killed", None, "approximate", "decine", None, "morti", "morti", "people"),
        (
            8,
            "killed",
            200,
            "more_than",
            "200",
            "oltre",
            "uccisi",
            "soldati russi",
            "military",
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


# Invented sentences, one 2.0 rule each (data/GUIDELINES.md 4.6 qualifiers, 4.8 groups).
SCHEMA_2_0_CASES = [
    # (text, (count, count_high, qualifier, count_span, qualifier_span, victim, group))
    ("Tra 20 e 30 persone sono morte nel crollo.",
     (20, 30, "range", "20 e 30", "Tra", "persone", "people")),
    ("Sono stati uccisi da 5 a 8 civili.",
     (5, 8, "range", "5 a 8", "da", "civili", "civilians")),
    ("Nell'incidente sono rimasti feriti 10-15 operai.",
     (10, 15, "range", "10-15", None, "operai", "people")),
    ("Due o tre passanti sono rimasti feriti.",
     (2, 3, "range", "Due o tre", None, "passanti", "people")),
    ("Più di 40 bambini sono rimasti feriti.",
     (40, None, "more_than", "40", "Più di", "bambini", "children")),
    ("Sono morti meno di 10 agenti di polizia.",
     (10, None, "less_than", "10", "meno di", "agenti di polizia", "police")),
    ("Almeno 12 poliziotti sono rimasti feriti.",
     (12, None, "at_least", "12", "Almeno", "poliziotti", "police")),
    ("Sono rimasti feriti ben 7 giornalisti.",
     (7, None, "exact", "7", None, "giornalisti", "other")),
    ("Sono morti 9 jihadisti.",
     (9, None, "exact", "9", None, "jihadisti", "armed_group")),
    ("Sono stati uccisi circa 50 soldati.",
     (50, None, "approximate", "50", "circa", "soldati", "military")),
    ("Sono morti 3 membri delle forze dell'ordine.",
     (3, None, "exact", "3", None, "membri delle forze dell'ordine", "police")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"), SCHEMA_2_0_CASES, ids=[c[0] for c in SCHEMA_2_0_CASES]
)
def test_schema_2_0_qualifiers_ranges_and_groups(text, expected):
    (record,) = RulesExtractor().extract(document_from_text("case", text)).casualties
    found = (
        record.count,
        record.count_high,
        record.count_qualifier,
        _text(record.count_span),
        _text(record.qualifier_span),
        record.victim.text,
        record.victim_group,
    )
    assert found == expected


def test_a_demonym_is_military_only_in_losses():
    # 4.8: "i russi" in a statement of losses in combat is military; otherwise the words decide
    losses = "Il ministero parla di perdite pesanti tra i russi."
    (record,) = RulesExtractor().extract(document_from_text("a", losses)).casualties
    assert (record.status, record.victim.text, record.victim_group) == (
        "unspecified", "i russi", "military",
    )  # fmt: skip
    people = "Sono morti 4 turisti russi."
    (record,) = RulesExtractor().extract(document_from_text("b", people)).casualties
    assert (record.victim.text, record.victim_group) == ("turisti russi", "people")


def test_clock_times_and_years_are_no_range():
    text = "Dalle 10 alle 12 sono morte 3 persone; nel 2014-2015 altre 6."
    records = RulesExtractor().extract(document_from_text("c", text)).casualties
    assert all(record.count_high is None for record in records)
    assert 3 in [record.count for record in records]
