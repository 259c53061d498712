import pytest
from crf_synthetic import HEDGED, synthetic_corpus

from baselines.base import Extractor
from baselines.crf import CrfExtractor
from baselines.document import document_from_text
from baselines.registry import get_extractor
from benchmark.errors import DataError
from benchmark.loading import load_gold
from benchmark.schema import Span


def test_registry_entry_is_lazy_and_implements_the_interface():
    extractor = get_extractor("crf")
    assert isinstance(extractor, CrfExtractor) and isinstance(extractor, Extractor)
    assert extractor.name == "crf"
    assert extractor._tagger is None  # nothing trained until the first extract()


def test_fit_then_extract_new_text():
    document, rows = synthetic_corpus(HEDGED)
    extractor = CrfExtractor().fit(rows, [document])
    new = document_from_text("new", "Il sindaco dovrebbe tornare presto. Il sindaco torna.")
    predicted = extractor.extract(new)
    assert predicted.documents == (new,)
    assert [(h.hedge_id, h.sentence_id, h.cue, h.cue_type, h.scope) for h in predicted.hedges] == [
        (
            "H1",
            0,
            Span(11, 19, "dovrebbe"),
            "conditional",
            Span(0, 34, "Il sindaco dovrebbe tornare presto"),
        )
    ]
    assert predicted.events == predicted.attributions == predicted.casualties == ()


def test_a_training_sentence_is_refused():
    document, rows = synthetic_corpus(HEDGED)
    extractor = CrfExtractor().fit(rows, [document])
    repeated = document_from_text("copy", "Ecco. I soldati hanno lasciato la base.")
    with pytest.raises(DataError) as caught:
        extractor.extract(repeated)
    assert str(caught.value).startswith(
        "document 'copy', sentence 1, is a training sentence of the crf baseline;"
    )


def test_short_sentences_are_not_guarded():
    short = [("Il ministro parla.", {}), *HEDGED]  # 18 characters < MIN_GUARDED_CHARS
    document, rows = synthetic_corpus(short)
    extractor = CrfExtractor().fit(rows, [document])
    assert extractor.extract(document_from_text("x", "Il ministro parla.")).hedges == ()


def test_trained_on_the_gold_it_tags_a_new_paragraph_and_refuses_the_article():
    extractor = CrfExtractor()
    text = "Secondo la polizia, tre persone sarebbero rimaste ferite durante la notte."
    predicted = extractor.extract(document_from_text("nuovo", text))
    assert [(h.cue.text, h.cue_type) for h in predicted.hedges] == [("sarebbero", "conditional")]
    with pytest.raises(DataError, match="is a training sentence of the crf baseline"):
        extractor.extract(load_gold().documents[0])
