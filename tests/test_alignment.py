import pytest

from benchmark.submission.alignment import (
    EXACT,
    NORMALISED,
    TRIMMED,
    UNALIGNED_START,
    DocumentIndex,
    OccurrenceOutOfRange,
    align,
    normalise,
)


def where(placed):
    """(start, end, method) of an alignment."""
    return (placed.start, placed.end, placed.method)


# sentences: 0 = 0..20, 1 = 21..26, 2 = 27..61, 3 = 62..81; "ponte" occurs at 3, 30, 55, 71
TEXT = "Il ponte è crollato. Bene. Il ponte sarebbe caduto sul ponte. Un altro ponte qui."
BOUNDS = ((0, 20), (21, 26), (27, 61), (62, 81))


def index() -> DocumentIndex:
    return DocumentIndex(TEXT, BOUNDS)


def test_fixture_offsets():
    assert len(TEXT) == 81
    assert [TEXT[s:e] for s, e in BOUNDS] == [
        "Il ponte è crollato.",
        "Bene.",
        "Il ponte sarebbe caduto sul ponte.",
        "Un altro ponte qui.",
    ]
    assert [i for i in range(len(TEXT)) if TEXT.startswith("ponte", i)] == [3, 30, 55, 71]


def test_normalise_maps_back_to_original_offsets():
    norm = normalise("A  ’B’\n\tc")
    assert norm.text == "a 'b' c"
    assert norm.starts == (0, 1, 3, 4, 5, 6, 8)
    assert norm.ends == (1, 3, 4, 5, 6, 8, 9)


def test_normalise_expanding_casefold_maps_each_part_to_its_character():
    norm = normalise("Straße «x»")
    assert norm.text == 'strasse "x"'
    assert norm.starts == (0, 1, 2, 3, 4, 4, 5, 6, 7, 8, 9)
    assert norm.ends == (1, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10)


def test_first_occurrence_without_anchor():
    assert where(align(index(), "ponte")) == (3, 8, EXACT)


def test_kth_occurrence_wins_over_anchor():
    placed = align(index(), "ponte", occurrence=3, anchor_sentence=3)
    assert where(placed) == (55, 60, EXACT)


def test_occurrence_beyond_count_raises_with_count():
    with pytest.raises(OccurrenceOutOfRange) as caught:
        align(index(), "ponte", occurrence=5)
    assert caught.value.available == 4


def test_overlapping_occurrences_are_counted():
    small = DocumentIndex("aaaa", ((0, 4),))
    assert where(align(small, "aa", occurrence=3)) == (2, 4, EXACT)


def test_sentence_anchor_takes_first_occurrence_in_that_sentence():
    assert where(align(index(), "ponte", anchor_sentence=2)) == (30, 35, EXACT)
    assert where(align(index(), "ponte", anchor_sentence=3)) == (71, 76, EXACT)


def test_sentence_anchor_without_occurrence_there_takes_closest_in_document():
    # sentence 1 (21..26) holds no "ponte": gaps are 21-8=13 (at 3) and 30-26=4 (at 30)
    assert where(align(index(), "ponte", anchor_sentence=1)) == (30, 35, EXACT)


def test_span_anchor_takes_closest_occurrence_in_its_sentence():
    # anchor "caduto" 44..50 in sentence 2: "ponte" at 30..35 (gap 9) and 55..60 (gap 5)
    assert where(align(index(), "ponte", anchor_span=(44, 50))) == (55, 60, EXACT)
    # anchor "sarebbe" 36..43: gaps 1 (30..35) and 12 (55..60)
    assert where(align(index(), "ponte", anchor_span=(36, 43))) == (30, 35, EXACT)


def test_span_anchor_prefers_its_sentence_over_a_closer_occurrence_elsewhere():
    # anchor "sul" 51..54 (sentence 2): 55..60 (gap 1) is in the sentence
    assert where(align(index(), "ponte", anchor_span=(51, 54))) == (55, 60, EXACT)
    # "Un" 62..64 (sentence 3): the sentence holds 71..76 (gap 7), although 55..60 is gap 2
    assert where(align(index(), "ponte", anchor_span=(62, 64))) == (71, 76, EXACT)


def test_equal_distance_goes_to_the_earlier_occurrence():
    ties = DocumentIndex("x a x", ((0, 5),))
    assert where(align(ties, "x", anchor_span=(2, 3))) == (0, 1, EXACT)


def test_anchor_outside_any_occurrence_sentence_takes_closest_in_document():
    doc = DocumentIndex("Uno due. Tre quattro. Cinque due.", ((0, 8), (9, 21), (22, 33)))
    # anchor "quattro" 13..20 in sentence 1 (no "due" there): "due" at 4..7 gap 6, 29..32 gap 9
    assert where(align(doc, "due", anchor_span=(13, 20))) == (4, 7, EXACT)


def test_normalised_match_only_when_no_exact_match():
    doc = DocumentIndex("L’uomo disse «Basta»  ora.", ((0, 26),))
    assert where(align(doc, "l'uomo")) == (0, 6, NORMALISED)
    assert where(align(doc, '"basta" ora')) == (13, 25, NORMALISED)
    assert where(align(doc, "Basta")) == (14, 19, EXACT)


def test_exact_match_takes_precedence_over_normalised_candidates():
    doc = DocumentIndex("Ponte ponte", ((0, 11),))
    assert where(align(doc, "ponte")) == (6, 11, EXACT)
    assert where(align(doc, "PONTE", occurrence=2)) == (6, 11, NORMALISED)


def test_text_that_does_not_occur_is_unaligned():
    assert where(align(index(), "viadotto")) == (UNALIGNED_START, UNALIGNED_START, None)
    assert align(index(), "viadotto").unaligned
    assert align(index(), "viadotto", occurrence=2).method is None
    assert where(align(index(), "")) == (-1, -1, None)
    # white space runs squeeze to one space, which occurs (normalised) after "Il"
    assert where(align(index(), "   ")) == (2, 3, NORMALISED)


def test_sentence_of_offsets():
    doc = index()
    assert [doc.sentence_of(o) for o in (0, 19, 20, 21, 26, 27, 81)] == [0, 0, 0, 1, 1, 2, 3]
    assert DocumentIndex("abc", ()).sentence_interval(0) == (0, 3)


# ---- the issue-12 rules: whole words, the anchor sentence, levels, successive occurrences ----
# sentences: 0 = 0..27 "I missili sarebbero caduti.", 1 = 28..53 "Colpito dai missili ieri.",
# 2 = 54..80 "E' sarebbe vero, forse no." Words: "sarebbero" 10..19, "dai" 36..39, "missili"
# 40..47, "ieri" 48..52, "sarebbe" 57..64, "vero" 65..69, "," 69, "forse" 71..76, "no" 77..79.
RULES = "I missili sarebbero caduti. Colpito dai missili ieri. E' sarebbe vero, forse no."
RULES_BOUNDS = ((0, 27), (28, 53), (54, 80))


def rules() -> DocumentIndex:
    return DocumentIndex(RULES, RULES_BOUNDS)


def test_rules_fixture_offsets():
    assert [RULES[s:e] for s, e in RULES_BOUNDS] == [
        "I missili sarebbero caduti.",
        "Colpito dai missili ieri.",
        "E' sarebbe vero, forse no.",
    ]
    # "i missili" verbatim only inside "dai missili" (38..47); "I missili" at 0..9
    assert [i for i in range(len(RULES)) if RULES.startswith("i missili", i)] == [38]
    assert RULES.index("sarebbero") == 10 and RULES.index("sarebbe ") == 57


def test_a_whole_word_case_folded_match_in_the_sentence_beats_a_verbatim_one_in_a_word():
    # sentence 0 anchor: "I missili" 0..9 (normalised, whole words) wins over the verbatim
    # "i missili" 38..47 that starts inside "dai" (sentence 1)
    placed = align(rules(), "i missili", anchor_sentence=0)
    assert where(placed) == (0, 9, NORMALISED)
    assert (placed.occurrences, placed.whole_words, placed.moved) == (2, True, False)


def test_without_anchor_a_word_is_never_placed_inside_a_longer_one():
    # "sarebbe" occurs at 10 (inside "sarebbero") and 57 (a word): the word wins, although
    # the other comes first
    placed = align(rules(), "sarebbe")
    assert where(placed) == (57, 64, EXACT) and placed.whole_words
    # the only place inside a word is still taken when no whole-word place exists
    inside = align(rules(), "sarebb", anchor_sentence=0)
    assert where(inside) == (10, 16, EXACT) and not inside.whole_words


def test_whole_words_elsewhere_beat_a_place_inside_a_word_in_the_sentence():
    # anchor sentence 0 holds "sarebbe" only inside "sarebbero" (10..17); the whole word at
    # 57..64 (sentence 2) wins and is flagged as moved out of the sentence
    placed = align(rules(), "sarebbe", anchor_sentence=0)
    assert where(placed) == (57, 64, EXACT) and placed.moved


def test_trimmed_match_drops_spaces_quotes_and_punctuation_at_the_edges():
    # " forse," occurs neither verbatim nor folded (the text has ", forse no"): trimmed to
    # "forse", 71..76
    assert where(align(rules(), " forse,")) == (71, 76, TRIMMED)
    # '"forse no!" ' occurs at no level until trimmed to "forse no", 71..79
    assert where(align(rules(), '"forse no!" ')) == (71, 79, TRIMMED)
    assert where(align(rules(), "  ieri  ")) == (48, 52, TRIMMED)


def test_typewriter_accent_nfd_and_dashes_fold():
    doc = DocumentIndex("È città sud-est.", ((0, 16),))
    assert where(align(doc, "E'")) == (0, 1, NORMALISED)
    assert where(align(doc, "citta\u0300")) == (2, 7, NORMALISED)
    assert where(align(doc, "sud\u2013est")) == (8, 15, NORMALISED)
    # an elision apostrophe before a letter stays an apostrophe: "l'È" is not "lè"
    assert where(align(DocumentIndex("l'Ente", ((0, 6),)), "L’ente")) == (0, 6, NORMALISED)


def test_repeated_texts_take_successive_occurrences():
    doc = DocumentIndex("sì e no, sì e no, sì", ((0, 20),))
    first = align(doc, "sì")
    second = align(doc, "sì", taken={(first.start, first.end)})
    third = align(doc, "sì", taken={(0, 2), (9, 11)})
    assert [where(p)[:2] for p in (first, second, third)] == [(0, 2), (9, 11), (18, 20)]
    # all taken: back to the first
    assert where(align(doc, "sì", taken={(0, 2), (9, 11), (18, 20)}))[:2] == (0, 2)


def test_occurrence_counts_the_best_level_only():
    # "I missili" verbatim once (0..9); the folded level would also find 38..47
    assert where(align(rules(), "I missili", occurrence=1)) == (0, 9, EXACT)
    with pytest.raises(OccurrenceOutOfRange) as caught:
        align(rules(), "I missili", occurrence=2)
    assert caught.value.available == 1
