"""The interface of a baseline that writes submission LINES rather than schema objects.

The other baselines implement :class:`baselines.base.Extractor` (one document in, an
:class:`~benchmark.schema.Annotations` with offsets out; the pipeline turns it into lines with
``submission_line_from_annotations``). A generative baseline has no offsets: it writes the
spans as text and leaves their placement to the scorer's documented alignment
(``docs/submission-format.md``, "Alignment rule for text-only spans"). Turning its lines into
schema objects first would re-implement that alignment outside the scorer, so it hands over
the lines themselves, and the pipeline writes them as the submission file, one JSON object per
line, in document order.

Contract of :meth:`SubmissionProducer.predict_lines`:

- one dict per document of ``documents``, in the same order, with ``doc_id`` equal to the
  document's;
- the same layer keys on every line (a task is attempted iff its key is on every line), each
  a list (``[]``: predicted nothing);
- items follow the submission format; spans are text-only (``{"text": ...}``) or offsets;
- the lines are JSON-serialisable and the same inputs (and the same cache) give equal lines;
- bad options or an unreachable service raise :class:`~benchmark.errors.DataError` (one line)
  before any line is returned; side outputs (usage, logs) are the producer's own business.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

from benchmark.schema import Document


@runtime_checkable
class SubmissionProducer(Protocol):
    """A baseline whose output is submission lines (see the module docstring)."""

    name: str
    """Registry name of the baseline (``llm``)."""

    def predict_lines(self, documents: Sequence[Document]) -> list[dict[str, Any]]:
        """Return one submission line per document of ``documents``, in order."""
        ...
