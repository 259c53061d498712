from baselines.document import document_from_text

TEXT = "Prima frase a Napoli. Seconda frase!\n\nNuovo paragrafo con il dott. Rossi."


def test_paragraphs_are_body_and_cover_the_blocks():
    document = document_from_text("napoli-1", TEXT)
    assert document.doc_id == "napoli-1"
    assert document.language == "it"
    assert [(p.start, p.end, p.kind) for p in document.paragraphs] == [
        (0, 36, "body"),
        (38, 73, "body"),
    ]


def test_sentences_follow_benchmark_text_and_are_not_uncertain():
    document = document_from_text("napoli-1", TEXT)
    texts = [TEXT[s.start : s.end] for s in document.sentences]
    assert texts == [
        "Prima frase a Napoli.",
        "Seconda frase!",
        "Nuovo paragrafo con il dott. Rossi.",
    ]
    assert [s.sentence_id for s in document.sentences] == [0, 1, 2]
    assert not any(s.uncertain for s in document.sentences)


def test_empty_text_has_no_sentences():
    document = document_from_text("vuoto", "")
    assert document.paragraphs == () and document.sentences == ()
