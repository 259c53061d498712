from baselines.document import document_from_text
from baselines.empty import EmptyExtractor


def test_empty_predicts_nothing_but_keeps_the_document():
    document = document_from_text("d", "A Bari sarebbero morte 3 persone, secondo la polizia.")
    result = EmptyExtractor().extract(document)
    assert result.documents == (document,)
    assert (result.events, result.casualties, result.attributions, result.hedges) == (
        (),
        (),
        (),
        (),
    )
