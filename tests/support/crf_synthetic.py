"""Hand-written Italian sentences (not from the corpus) tagged for the crf tests."""

from baselines.document import document_from_text
from benchmark.dataset.schema import Document, TokenRow
from benchmark.dataset.text import tokenize

COLUMNS = ("event_tags", "hedge_tags", "attribution_tags", "casualty_tags")

# (sentence, {word: hedge tag}); every conditional verb is a one-word cue.
HEDGED = [
    ("Il ministro sarebbe partito ieri sera.", {"sarebbe": "B-conditional"}),
    ("I soldati avrebbero lasciato la base.", {"avrebbero": "B-conditional"}),
    ("La fabbrica risulterebbe chiusa da mesi.", {"risulterebbe": "B-conditional"}),
    ("Il treno arriverebbe con due ore di ritardo.", {"arriverebbe": "B-conditional"}),
    ("Il presidente parlerebbe domani alla nazione.", {"parlerebbe": "B-conditional"}),
    ("Le scuole resterebbero chiuse fino a lunedì.", {"resterebbero": "B-conditional"}),
    ("Il ministro è partito ieri sera.", {}),
    ("I soldati hanno lasciato la base.", {}),
    ("La fabbrica è chiusa da mesi.", {}),
    ("Il treno arriva con due ore di ritardo.", {}),
    ("Il presidente parla domani alla nazione.", {}),
    ("Le scuole restano chiuse fino a lunedì.", {}),
]


def synthetic_corpus(
    sentences: list[tuple[str, dict[str, str]]], *, doc_id: str = "synthetic"
) -> tuple[Document, list[TokenRow]]:
    """Return one document holding ``sentences`` and its token rows (hedge tags given)."""
    document = document_from_text(doc_id, " ".join(text for text, _ in sentences))
    rows = []
    for sentence, (_, cues) in zip(document.sentences, sentences, strict=True):
        offsets = tokenize(document.text, sentence.start, sentence.end)
        words = tuple(document.text[s:e] for s, e in offsets)
        hedge = tuple(cues.get(word, "O") for word in words)
        rows.append(
            TokenRow(
                doc_id=doc_id,
                sentence_id=sentence.sentence_id,
                tokens=words,
                token_starts=tuple(s for s, _ in offsets),
                token_ends=tuple(e for _, e in offsets),
                event_tags=("O",) * len(words),
                hedge_tags=hedge,
                attribution_tags=("O",) * len(words),
                casualty_tags=("O",) * len(words),
                uncertain=bool(cues),
            )
        )
    return document, rows
