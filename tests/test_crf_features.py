from baselines.crf.features import normalise, quote_mask, sentence_features, token_features
from baselines.document import document_from_text

TEXT = 'Il capo ha detto: "Sarebbero tre." Poi è partito.\n\nAltro "testo'


def test_quote_mask_opens_after_the_mark_and_resets_per_paragraph():
    document = document_from_text("t", TEXT)
    mask = quote_mask(document)
    inside = [offset for offset, flag in enumerate(mask) if flag]
    # '"' at 18 opens, '"' at 33 closes (and is itself inside); the second paragraph's
    # unclosed quote opens at 57 and runs to the end of the text (63).
    assert inside == list(range(19, 34)) + list(range(58, 63))


def test_typographic_quotes_open_and_close():
    document = document_from_text("t", "Disse «ciao» e “addio” poi.")
    mask = quote_mask(document)
    assert [offset for offset, flag in enumerate(mask) if flag] == [
        7,
        8,
        9,
        10,
        11,
        16,
        17,
        18,
        19,
        20,
        21,
    ]


def test_token_features_of_a_conditional_verb():
    features = token_features(["Il", "capo", "sarebbe", "qui"], 2, quoted=False)
    assert features == {
        "bias": True,
        "low": "sarebbe",
        "suf3": "bbe",
        "cond": True,
        "suf2": "be",
        "suf4": "ebbe",
        "pre3": "sar",
        "third": "1",
        "-2:low": "il",
        "-1:low": "capo",
        "-1:suf3": "apo",
        "+1:low": "qui",
        "+1:suf3": "qui",
        "+2:EOS": True,
    }


def test_shape_cue_and_boundary_features():
    words = ["«", "Dell’", "ONU", "12", "1.200", "morti", "forse", "secondo", "tre"]
    first = token_features(words, 0, quoted=False)
    assert first["punct"] == "«" and first["first"] and first["-1:BOS"] and first["-2:BOS"]
    elided = token_features(words, 1, quoted=True)
    assert elided["low"] == "dell'" and elided["elided"] and elided["title"] and elided["quoted"]
    assert elided["-1:low"] == "«" and elided["-2:BOS"] is True
    assert token_features(words, 2, quoted=False)["upper"] is True
    number = token_features(words, 3, quoted=False)
    assert number["digit"] and number["numlike"]
    grouped = token_features(words, 4, quoted=False)
    assert grouped["numlike"] and "digit" not in grouped
    assert token_features(words, 5, quoted=False)["casualty"] is True
    assert token_features(words, 6, quoted=False)["epistemic"] is True
    assert token_features(words, 7, quoted=False)["report"] is True
    last = token_features(words, 8, quoted=False)
    assert last["numword"] and last["last"] and last["+1:EOS"] and last["third"] == "2"


def test_plain_words_get_no_cue_flags():
    features = token_features(["La", "casa", "rossa"], 1, quoted=False)
    for flag in ("cond", "numword", "report", "epistemic", "casualty", "quoted", "title"):
        assert flag not in features


def test_sentence_features_read_words_from_offsets_and_the_mask():
    document = document_from_text("t", TEXT)
    # tokens of sentence 0: Il capo ha detto : " Sarebbero tre . "
    starts = (0, 3, 8, 11, 16, 18, 19, 29, 32, 33)
    ends = (2, 7, 10, 16, 17, 19, 28, 32, 33, 34)
    features = sentence_features(document.text, starts, ends, mask=quote_mask(document))
    assert [f["low"] for f in features] == [
        "il",
        "capo",
        "ha",
        "detto",
        ":",
        '"',
        "sarebbero",
        "tre",
        ".",
        '"',
    ]
    assert [bool(f.get("quoted")) for f in features] == [False] * 6 + [True] * 4
    assert features[6]["cond"] is True


def test_normalise_maps_the_typographic_apostrophe():
    assert normalise("Dell’") == "dell'"
