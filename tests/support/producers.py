"""A toy :class:`baselines.base.SubmissionProducer` for the pipeline's tests (no server)."""

from __future__ import annotations

from pathlib import Path


class FirstWordHedges:
    """Writes, for every sentence, a text-only hedge: cue its first word, scope the sentence."""

    name = "first-word"
    """Name of the kind of baseline."""

    def __init__(self) -> None:
        self.calls: list[dict] = []
        """What each :meth:`predict_lines` received (documents, usage_path)."""

    def predict_lines(self, documents, *, usage_path: Path | None, progress) -> list[dict]:
        self.calls.append({"documents": list(documents), "usage_path": usage_path})
        progress(f"first-word: {len(documents)} documents")
        lines = []
        for document in documents:
            hedges = []
            for sentence in document.sentences:
                text = document.text[sentence.start : sentence.end]
                hedges.append(
                    {
                        "hedge_id": f"h{sentence.sentence_id}",
                        "sentence_id": sentence.sentence_id,
                        "cue": {"text": text.split()[0]},
                        "cue_type": "epistemic",
                        "scope": {"text": text.rstrip(".")},
                    }
                )
            lines.append({"doc_id": document.doc_id, "hedges": hedges})
        return lines
