from support.producers import FirstWordHedges

from baselines.base import Extractor, SubmissionProducer, merge_results
from baselines.document import document_from_text
from baselines.empty import EmptyExtractor
from benchmark.dataset.schema import Annotations, Hedge, Span


def _hedge(hedge_id: str, doc_id: str) -> Hedge:
    span = Span(0, 5, "Forse")
    return Hedge(hedge_id, doc_id, 0, span, "epistemic", span)


def test_merge_results_groups_items_by_document_order():
    first = document_from_text("d1", "Forse sì.")
    second = document_from_text("d2", "Forse no.")
    # The second document's result comes first: its items must still follow d1's.
    parts = [
        Annotations(documents=(second,), hedges=(_hedge("H1", "d2"),)),
        Annotations(documents=(first,), hedges=(_hedge("H1", "d1"), _hedge("H2", "d1"))),
    ]
    merged = merge_results([first, second], parts)
    assert merged.documents == (first, second)
    assert [(h.doc_id, h.hedge_id) for h in merged.hedges] == [
        ("d1", "H1"),
        ("d1", "H2"),
        ("d2", "H1"),
    ]
    assert merged.events == () and merged.casualties == () and merged.attributions == ()


def test_a_submission_producer_is_told_apart_from_an_extractor():
    assert isinstance(FirstWordHedges(), SubmissionProducer)
    assert not isinstance(FirstWordHedges(), Extractor)
    assert isinstance(EmptyExtractor(), Extractor)
    assert not isinstance(EmptyExtractor(), SubmissionProducer)
    assert not isinstance(object(), SubmissionProducer)
