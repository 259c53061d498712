"""Typed schema objects for the kharkiv-ie gold layers and submissions.

Frozen dataclasses, no I/O. Offsets are 0-based character offsets into
``Document.text``, end exclusive. Label inventories live in
:mod:`benchmark.dataset.inventory`, what each layer's fields mean (ids, heads, spans,
references, labels) in :mod:`benchmark.dataset.layers`; this module only holds the record
shapes.

Unaligned spans. A submitted text-only span whose text does not occur in the document is kept
as ``Span(UNALIGNED_START, UNALIGNED_START, text)`` (:func:`unaligned_span`): the one
representation of "unaligned" that the reader produces and the scorer, the results and the
pages read (:attr:`Span.unaligned`).
"""

from __future__ import annotations

from dataclasses import dataclass

UNALIGNED_START = -1
"""``start`` and ``end`` of an unaligned span (a text not found in its document)."""

UNKNOWN_SENTENCE = -1
"""``sentence_id`` of an item whose position is unknown (all its spans unaligned)."""


def unaligned_span(text: str) -> Span:
    """Return the span of a submitted ``text`` that occurs nowhere in its document."""
    return Span(UNALIGNED_START, UNALIGNED_START, text)


@dataclass(frozen=True, order=True)
class Span:
    """A contiguous stretch of a document's text."""

    start: int
    """First character, 0-based."""
    end: int
    """One past the last character (end exclusive)."""
    text: str
    """``document.text[start:end]``, stored so that files are readable."""

    @property
    def unaligned(self) -> bool:
        """True for a submitted text that could not be placed in the document."""
        return self.start == UNALIGNED_START


@dataclass(frozen=True)
class Paragraph:
    """A block of text separated from the next by a blank line."""

    start: int
    """First character of the paragraph."""
    end: int
    """One past its last character."""
    kind: str
    """``body`` for article prose, ``caption`` for a photo caption line."""


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document."""

    sentence_id: int
    """0-based index of the sentence in its document."""
    start: int
    """First character of the sentence."""
    end: int
    """One past its last character (final punctuation included)."""
    uncertain: bool
    """CoNLL-2010 Task 1 label: true when the sentence holds at least one hedge cue."""


@dataclass(frozen=True)
class Document:
    """One article, with its segmentation and honest metadata."""

    doc_id: str
    """Stable identifier of the document."""
    text: str
    """The article text, byte for byte as published in the seed file."""
    language: str
    """ISO 639-1 language code (``it``)."""
    paragraphs: tuple[Paragraph, ...]
    """Paragraphs in text order."""
    sentences: tuple[Sentence, ...]
    """Sentences in text order; ``sentence_id`` equals the position."""
    title: str | None = None
    """Headline, when the text gives one (null: the seed has none)."""
    outlet: str | None = None
    """Publishing outlet, when known (null: the text does not say)."""
    publication_date: str | None = None
    """ISO date when stated by the source; null when not stated."""
    date_inferred: str | None = None
    """A date range inferred from the content, never a stated fact."""
    date_evidence: str | None = None
    """Why ``date_inferred`` was inferred: the textual evidence."""
    source_note: str | None = None
    """Provenance and copyright note for the text."""


@dataclass(frozen=True)
class Argument:
    """An event argument: a role filled by a span."""

    role: str
    """Role name from ``inventory.ARGUMENT_ROLES``."""
    span: Span
    """The filler's text span."""


@dataclass(frozen=True)
class Event:
    """One event mention."""

    event_id: str
    """Identifier unique within the document."""
    doc_id: str
    """Document the mention belongs to."""
    sentence_id: int
    """Sentence that holds the trigger."""
    trigger: Span
    """Word or fixed multiword expression that most clearly expresses the event."""
    event_type: str
    """Type from ``inventory.EVENT_TYPES``."""
    arguments: tuple[Argument, ...]
    """Participants and circumstances, in text order."""
    polarity: str
    """``positive`` or ``negative`` (the event is said not to have happened)."""
    certainty: str
    """``certain`` or ``uncertain`` (EVALITA 2016 FactA certainty, from the source's side)."""
    attribution_id: str | None
    """Innermost attribution whose content contains the trigger, or None."""


@dataclass(frozen=True)
class Casualty:
    """One reported casualty figure (killed, injured, or unspecified)."""

    casualty_id: str
    """Identifier unique within the document."""
    doc_id: str
    """Document the record belongs to."""
    sentence_id: int
    """Sentence that holds the victim span."""
    status: str
    """From ``inventory.CASUALTY_STATUSES``."""
    count: int | None
    """Stated number of victims (the lower bound of a range); None when no number is given."""
    count_high: int | None
    """Upper bound of a range, greater than ``count``; None unless the qualifier is ``range``."""
    count_qualifier: str
    """From ``inventory.COUNT_QUALIFIERS``."""
    count_span: Span | None
    """The number expression itself (digits or number words), or None."""
    qualifier_span: Span | None
    """The qualifier words (``almeno``, ``oltre``, ``circa``), or None."""
    trigger: Span | None
    """The word expressing the status (``uccise``, ``ferite``, ``vittime``), or None."""
    victim: Span
    """Noun phrase denoting the victims."""
    victim_group: str
    """From ``inventory.VICTIM_GROUPS``."""
    location: Span | None
    """Where the casualties occurred, when stated in the record's sentence."""
    time: Span | None
    """When, when stated in the record's sentence."""
    polarity: str
    """``negative`` when the text says there were none (count stays None)."""
    certainty: str
    """``certain`` or ``uncertain``."""
    event_id: str | None
    """The event mention that caused the casualties, or None."""
    attribution_id: str | None
    """Innermost attribution whose content holds the record, or None."""


@dataclass(frozen=True)
class Attribution:
    """One attribution relation (PARC 3.0 style)."""

    attribution_id: str
    """Identifier unique within the document."""
    doc_id: str
    """Document the relation belongs to."""
    source: Span | None
    """Who the content is attributed to; None when implicit (e.g. a dropped subject)."""
    source_antecedent: Span | None
    """Nearest earlier full mention of the source when ``source`` is anaphoric or None."""
    cue: Span
    """The words that signal the attribution (reporting verb, ``secondo``...)."""
    content: Span
    """What is attributed (without enclosing quotation marks)."""
    attribution_type: str
    """``direct``, ``indirect`` or ``mixed``."""
    parent_id: str | None
    """The relation through which this one is reported (nesting), or None."""


@dataclass(frozen=True)
class Hedge:
    """One hedge cue with its scope (CoNLL-2010 Task 2 style)."""

    hedge_id: str
    """Identifier unique within the document."""
    doc_id: str
    """Document the cue belongs to."""
    sentence_id: int
    """Sentence that holds the cue."""
    cue: Span
    """The cue words (multiword cues allowed, contiguous)."""
    cue_type: str
    """From ``inventory.HEDGE_CUE_TYPES``."""
    scope: Span
    """The claim made uncertain by the cue; contains the cue."""


@dataclass(frozen=True)
class TokenRow:
    """The flat, seqeval-ready view of one sentence (generated, never annotated)."""

    doc_id: str
    """Document of the sentence."""
    sentence_id: int
    """Sentence index."""
    tokens: tuple[str, ...]
    """Token strings."""
    token_starts: tuple[int, ...]
    """Document offset of each token's first character."""
    token_ends: tuple[int, ...]
    """Document offset one past each token's last character."""
    event_tags: tuple[str, ...]
    """BIO2 tags of event triggers, typed by event type."""
    hedge_tags: tuple[str, ...]
    """BIO2 tags of hedge cues, typed by cue type."""
    attribution_tags: tuple[str, ...]
    """BIO2 SOURCE/CUE/CONTENT tags of outermost relations."""
    casualty_tags: tuple[str, ...]
    """BIO2 COUNT/VICTIM tags of casualty records."""
    uncertain: bool
    """Sentence-level uncertainty (as in ``Sentence``)."""


@dataclass(frozen=True)
class Annotations:
    """All annotation layers of one or more documents: the gold or a submission."""

    documents: tuple[Document, ...]
    """Documents (for a submission: the gold documents it refers to)."""
    events: tuple[Event, ...] = ()
    """Event mentions."""
    casualties: tuple[Casualty, ...] = ()
    """Casualty records."""
    attributions: tuple[Attribution, ...] = ()
    """Attribution relations."""
    hedges: tuple[Hedge, ...] = ()
    """Hedge cues."""
