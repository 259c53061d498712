"""The one small interface every baseline implements."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

from benchmark.schema import LAYERS, Annotations, Document


@runtime_checkable
class Extractor(Protocol):
    """A deterministic extractor: one document in, its four annotation layers out.

    ``extract`` returns an :class:`~benchmark.schema.Annotations` holding exactly that
    document in ``documents`` and the predicted events, casualties, attributions and
    hedges of it. Item ids are the extractor's own (``E1``, ``C1``, ``A1``, ``H1``...),
    unique within the document; references (``attribution_id``, ``event_id``,
    ``parent_id``) point at ids of the same result. The same input always gives the same
    output. A learned baseline also implements this interface (after fitting).
    """

    name: str
    """Registry name of the extractor (``empty``, ``naive``, ``rules``...)."""

    def extract(self, document: Document) -> Annotations:
        """Return the predicted layers of ``document``."""
        ...


def merge_results(documents: Sequence[Document], results: Iterable[Annotations]) -> Annotations:
    """Return one result over ``documents`` holding every item of ``results``.

    Items are grouped by document in the order of ``documents``; within a document they keep
    the order of ``results``. Every item's ``doc_id`` must be one of ``documents``.
    """
    order = {document.doc_id: index for index, document in enumerate(documents)}
    results = list(results)
    return Annotations(
        documents=tuple(documents),
        **{
            layer: tuple(
                sorted(
                    (item for result in results for item in getattr(result, layer)),
                    key=lambda item: order[item.doc_id],
                )
            )
            for layer in LAYERS
        },
    )
