"""Placing the spans of one submitted item: anchors, alignment, warnings and placements.

The reader (``benchmark.submission.items``) checks an item's fields; this module turns its
span specs into :class:`~benchmark.dataset.schema.Span` objects:

- a span given by offsets is taken as it is (its text was checked);
- a text-only span is aligned by :func:`benchmark.submission.alignment.align`. The item's head
  span (trigger, victim, cue) is aligned first, anchored by the item's ``sentence_id`` when it
  gives one, else by the first *unambiguous* other span of the item (given by offsets, or a
  text that occurs at exactly one place, at any level), else by nothing; every other span
  is anchored by the head (by the ``sentence_id`` when the head could not be aligned).

Spans of one field (``events.trigger``, ``events.arguments``...) placed earlier on the line
are remembered, so that repeated texts without an anchor take successive occurrences.

Warnings: a normalised or trimmed alignment; a text not found (the span becomes unaligned, a
false positive); a span that does not start and end on token boundaries; a *moved* span; a
repeated text placed without any anchor; a given ``sentence_id`` that disagrees with the head
span. Every text-only span is recorded as a :class:`Placement` (``kharkiv-ie align``), whose
``moved`` flag is the moved warning.

Moved: a span that must lie in its item's sentence (:func:`must_stay`: every span but the
attribution source, antecedent and content) placed outside its anchor's sentence because the
text does not occur there as whole words. The head is checked against its given
``sentence_id``, or against the sentence of the other span anchoring it when that span must
lie in the item's sentence too (an attribution cue anchored by its source or content is never
moved); every other span against the head's sentence (the ``sentence_id`` when the head is
unaligned).
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmark.dataset.layers import LAYERS
from benchmark.dataset.schema import UNKNOWN_SENTENCE, Span, unaligned_span

from .alignment import EXACT, NORMALISED, TRIMMED, DocumentIndex, OccurrenceOutOfRange, align
from .messages import ProblemLog, describe


@dataclass(frozen=True)
class SpanSpec:
    """A span as submitted, shape-checked but not yet resolved."""

    path: str
    """JSON path of the span object."""
    start: int | None
    """Given start, or None for a text-only span."""
    end: int | None
    """Given end, or None for a text-only span."""
    text: str | None
    """Given text, or None."""
    occurrence: int | None
    """Given 1-based occurrence of a text-only span, or None."""


@dataclass(frozen=True)
class Placement:
    """Where one text-only span of the submission was placed (``kharkiv-ie align``)."""

    line: int
    """1-based line of the file."""
    path: str
    """JSON path of the span (``$.events[0].arguments[1]``)."""
    doc_id: str
    """Document of the line."""
    layer: str
    """Layer of the item."""
    field: str
    """Field of the span (``trigger``, ``arguments``...)."""
    text: str
    """The submitted text."""
    start: int
    """First character of the place, -1 when not found."""
    end: int
    """One past its last character, -1 when not found."""
    sentence_id: int
    """Sentence of the place, -1 when not found."""
    method: str | None
    """``exact``, ``normalised`` or ``trimmed``; None when not found."""
    occurrences: int
    """Places where the text occurs in the document (any level)."""
    whole_words: bool
    """True when the place starts and ends on token boundaries."""
    moved: bool
    """True when the span must lie in its item's sentence and was placed outside it.

    Exactly the spans that get the warning "placed in sentence N, outside the sentence of its
    anchor": the same flag (:meth:`SpanPlacer.resolve`, with :func:`must_stay`) makes both.
    """

    def as_dict(self) -> dict:
        """Return the placement as a JSON-ready dict."""
        return dict(vars(self))


_METHOD_NOTES = {
    NORMALISED: "aligned by the normalised match (case, quotes, accents or white space differ)",
    TRIMMED: "aligned without the spaces, quotes or punctuation at its edges",
}
"""Warning text of each alignment method but exact."""


class SpanPlacer:
    """Places the spans of the items of one line (one document)."""

    def __init__(self, log: ProblemLog, number: int, index: DocumentIndex, doc_id: str) -> None:
        """Keep the line's log, number and document index."""
        self.log = log
        self.number = number
        self.index = index
        self.doc_id = doc_id
        self.taken: dict[tuple[str, str], set[tuple[int, int]]] = {}

    def resolve(
        self,
        spec: SpanSpec,
        *,
        layer: str,
        field: str,
        anchor: Span | None,
        sentence_id: int | None,
        must_stay: bool,
    ) -> Span | None:
        """Return the ``Span`` of ``spec`` (unaligned text: start -1), or None after an error.

        ``anchor`` (when aligned) wins over ``sentence_id`` as the alignment anchor;
        ``must_stay``: the span must lie in the item's sentence, so landing outside the
        anchor's sentence makes it *moved* (a warning, and the placement's ``moved`` flag).
        """
        text = self.index.text
        taken = self.taken.setdefault((layer, field), set())
        if spec.start is not None:
            span = Span(spec.start, spec.end, text[spec.start : spec.end])
            taken.add((span.start, span.end))
            self.check_tokens(spec.path, span)
            return span
        anchor_span = None
        if anchor is not None and not anchor.unaligned:
            anchor_span = (anchor.start, anchor.end)
        try:
            placed = align(
                self.index,
                spec.text,
                occurrence=spec.occurrence,
                anchor_span=anchor_span,
                anchor_sentence=sentence_id,
                taken=taken,
            )
        except OccurrenceOutOfRange as exc:
            self.log.error(
                self.number,
                f"{spec.path}.occurrence",
                f"expected an integer <= {exc.available} (the text occurs {exc.available} "
                f"time(s)), got {spec.occurrence}",
            )
            return None
        # one flag for the warning and for ``kharkiv-ie align``: a span allowed to leave
        # its sentence (an attribution's content) is never "moved", wherever it lands
        moved = placed.moved and must_stay
        self._record(spec, layer, field, placed, moved=moved)
        if placed.unaligned:
            self.log.not_found(self.number, spec.path, spec.text)
            return unaligned_span(spec.text)
        span = Span(placed.start, placed.end, text[placed.start : placed.end])
        taken.add((span.start, span.end))
        where = f"{describe(spec.text)} -> {describe(span.text)} at {span.start}..{span.end}"
        if placed.method != EXACT:
            self.log.warn(self.number, spec.path, f"{_METHOD_NOTES[placed.method]}: {where}")
        if moved:
            self.log.warn(
                self.number,
                spec.path,
                f"placed in sentence {self.index.sentence_of(span.start)}, outside the sentence "
                f"of its anchor (the text does not occur there as whole words): {where}",
            )
        if anchor_span is None and sentence_id is None and placed.occurrences > 1:
            self.log.warn(
                self.number,
                spec.path,
                f"the text occurs {placed.occurrences} times and the item gives no sentence_id "
                f"or other unique span: placed {where} (repeated texts take successive "
                "occurrences)",
            )
        self.check_tokens(spec.path, span)
        return span

    def place_head(
        self,
        spec: SpanSpec,
        *,
        layer: str,
        others: list[tuple[str, SpanSpec | None]],
        sentence_id: int | None,
    ) -> Span | None:
        """Place the head span (trigger, victim, cue) of an item of ``layer``, as ``resolve``.

        Anchored by ``sentence_id`` when given, else by the first unambiguous span of
        ``others`` (``(field, spec)`` of the item's other spans, in field order), else by
        nothing.
        """
        field = LAYERS[layer].head
        helper_field, helper = None, None
        if sentence_id is None:
            found = self.unambiguous_span(others)
            if found is not None:
                helper_field, helper = found
        # the head must stay in its given sentence, or in the sentence of the other span that
        # anchors it when that span must lie in the item's sentence too: a span allowed
        # elsewhere (an attribution's source or content) says nothing about the cue's sentence
        stay = must_stay(layer, field) and (helper_field is None or must_stay(layer, helper_field))
        return self.resolve(
            spec, layer=layer, field=field, anchor=helper, sentence_id=sentence_id, must_stay=stay
        )

    def _record(self, spec: SpanSpec, layer: str, field: str, placed, *, moved: bool) -> None:
        """Add the placement of a text-only span to the log (``moved``: see ``Placement``)."""
        self.log.placements.append(
            Placement(
                line=self.number,
                path=spec.path,
                doc_id=self.doc_id,
                layer=layer,
                field=field,
                text=spec.text,
                start=placed.start,
                end=placed.end,
                sentence_id=(
                    UNKNOWN_SENTENCE if placed.unaligned else self.index.sentence_of(placed.start)
                ),
                method=placed.method,
                occurrences=placed.occurrences,
                whole_words=placed.whole_words,
                moved=moved,
            )
        )

    def check_tokens(self, path: str, span: Span) -> None:
        """Warn when ``span`` does not start and end on token boundaries."""
        if self.index.whole_words(span.start, span.end):
            return
        self.log.warn(
            self.number,
            path,
            f"span {span.start}..{span.end} "
            f"{describe(span.text)} is not token-aligned (benchmark.dataset.text.tokenize)",
        )

    def unambiguous_span(self, specs: list[tuple[str, SpanSpec | None]]) -> tuple[str, Span] | None:
        """Return ``(field, span)`` of the first of ``(field, spec)`` whose place is certain.

        A span given by offsets, or a text-only span (without ``occurrence``) that occurs at
        exactly one place, counting every level (a text found verbatim inside a word and, case
        folded, elsewhere is ambiguous). None when there is none.
        """
        for field, spec in specs:
            if spec is None:
                continue
            if spec.start is not None:
                return field, Span(spec.start, spec.end, "")
            found = self.index.occurrences(spec.text)
            if spec.occurrence is None and len(found) == 1:
                return field, Span(found[0].start, found[0].end, "")
        return None

    def sentence_of(self, path: str, anchor_name: str, anchor: Span, given: int | None) -> int:
        """Return the item's sentence: the anchor's, else the given one, else -1."""
        if anchor.unaligned:
            return UNKNOWN_SENTENCE if given is None else given
        derived = self.index.sentence_of(anchor.start)
        if given is not None and given != derived:
            self.log.warn(
                self.number,
                f"{path}.sentence_id",
                f"given {given}, but the "
                f"{anchor_name} starts in sentence {derived}; using {derived}",
            )
        return derived


def must_stay(layer: str, field: str) -> bool:
    """Return True when spans of ``field`` must lie in the item's sentence (not ``may_leave``)."""
    spec = next((f for f in LAYERS[layer].fields if f.name == field), None)
    return spec is not None and not spec.may_leave
