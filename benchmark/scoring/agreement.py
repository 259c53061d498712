"""Inter-annotator agreement between two annotation passes over the same documents.

Spans. The benchmark's own scorer with the first pass as reference and the second as
prediction: F1 is symmetric in the two passes (swapping them swaps P and R), so it is the usual
pairwise F1 agreement for span annotation (Hripcsak and Rothschild 2005), in every match mode.

Labels. Cohen's kappa over the items both passes annotated: the pairs matched by the task's
identification subtask in exact mode (:attr:`~benchmark.scoring.items.TaskSpec.identification`),
plus the sentence-level ``uncertain`` label over all sentences. Kappa is undefined when both
passes use a single label throughout; the raw share of identical labels is given next to it.

Links and fields (:mod:`benchmark.scoring.agreement_links`): every reference of a layer (event
-> attribution, casualty -> event, casualty -> attribution, attribution -> parent), compared
among the identified pairs whose link targets are identified too; and the nullable fields of
:attr:`~benchmark.scoring.items.TaskSpec.field_agreement`, compared among the identified pairs.

Every row keeps its counts per document (:class:`DocumentCounts`, documents in the first
pass's order), of which its statistic is a function (:mod:`benchmark.scoring.
agreement_statistics`), so that :mod:`benchmark.stats.agreement` can resample documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmark.dataset.schema import Annotations
from benchmark.errors import DataError
from benchmark.scoring.agreement_counts import DocumentCounts, by_document, by_id, identified
from benchmark.scoring.agreement_links import (
    FieldAgreement,
    LinkAgreement,
    field_agreements,
    link_agreements,
)
from benchmark.scoring.agreement_statistics import F1, KAPPA, point
from benchmark.scoring.modes import EXACT, MATCH_MODES, MatchMode
from benchmark.scoring.run import score
from benchmark.scoring.tasks import TASKS

SPAN_ROWS: tuple[tuple[str, str], ...] = tuple(
    (task, subtask) for task, spec in TASKS.items() for subtask in spec.span_agreement
)
"""(task, subtask) rows of the span-agreement table, in table order."""

LABEL_ROWS: dict[str, tuple[str, str, str]] = {
    name: (task, spec.identification, field)
    for task, spec in TASKS.items()
    for name, field in spec.label_agreement
}
"""Label row name -> (task, identification subtask giving the item pairs, label field)."""

SENTENCE_ROW = "sentence uncertain"
"""Name of the label row of the sentence-level ``uncertain`` label."""


@dataclass(frozen=True)
class SpanAgreement:
    """Pairwise F1 agreement of one subtask in one match mode."""

    task: str
    """Task name."""
    subtask: str
    """Subtask name."""
    mode: str
    """Match mode name."""
    first: int
    """Items in the first pass."""
    second: int
    """Items in the second pass."""
    matched: int
    """Matched pairs."""
    f1: float
    """2 * matched / (first + second)."""
    counts: DocumentCounts | None = field(default=None, compare=False)
    """(tp, fp, fn) per document."""
    statistic: str = field(default=F1, init=False)
    """Name of the statistic the counts give (:mod:`benchmark.scoring.agreement_statistics`)."""


@dataclass(frozen=True)
class LabelAgreement:
    """Cohen's kappa of one label over the items both passes share."""

    label: str
    """Label name."""
    pairs: int
    """Number of matched item pairs compared."""
    observed: float
    """Share of pairs with the same label."""
    kappa: float | None
    """Cohen's kappa; None when undefined (a single label used throughout)."""
    counts: DocumentCounts | None = field(default=None, compare=False)
    """The L x L contingency cells per document (columns ``first|second``, labels sorted)."""
    statistic: str = field(default=KAPPA, init=False)
    """Name of the statistic the counts give."""


@dataclass(frozen=True)
class AgreementReport:
    """Everything the agreement tables show for one pair of passes."""

    spans: tuple[SpanAgreement, ...]
    """Span agreement rows."""
    labels: tuple[LabelAgreement, ...]
    """Label agreement rows."""
    links: tuple[LinkAgreement, ...] = ()
    """Link agreement rows."""
    fields: tuple[FieldAgreement, ...] = ()
    """Field agreement rows."""
    documents: int = 0
    """Number of documents compared (the units the intervals resample)."""


def agreement(
    first: Annotations,
    second: Annotations,
    *,
    modes: Sequence[MatchMode] = tuple(MATCH_MODES.values()),
) -> AgreementReport:
    """Compare two passes over the same documents (span F1 in every mode of ``modes``)."""
    doc_ids = tuple(d.doc_id for d in first.documents)
    if doc_ids != tuple(d.doc_id for d in second.documents):
        raise DataError("the two passes do not cover the same documents in the same order")
    if EXACT not in modes:
        modes = (EXACT, *modes)  # the identified pairs are the exact ones
    labels = {(d.doc_id, s.sentence_id): s.uncertain for d in second.documents for s in d.sentences}
    report = score(first, second, sentence_labels=labels, modes=modes)
    spans = []
    for task, subtask in SPAN_ROWS:
        for mode in modes:
            result = report.get(task, subtask, mode.name)
            spans.append(
                SpanAgreement(
                    task=task,
                    subtask=subtask,
                    mode=mode.name,
                    first=result.tp + result.fn,
                    second=result.tp + result.fp,
                    matched=result.tp,
                    f1=result.f1,
                    counts=by_document(result.per_unit, doc_ids),
                )
            )
    rows = []
    for name, (task, _, field_name) in LABEL_ROWS.items():
        first_items = by_id(getattr(first, task))
        second_items = by_id(getattr(second, task))
        pairs = [
            (
                doc,
                getattr(first_items[(doc, gid)], field_name),
                getattr(second_items[(doc, pid)], field_name),
            )
            for doc, gid, pid in identified(report, task)
        ]
        rows.append(label_agreement(name, pairs, doc_ids))
    sentence_pairs = [
        (d1.doc_id, s1.uncertain, s2.uncertain)
        for d1, d2 in zip(first.documents, second.documents, strict=True)
        for s1, s2 in zip(d1.sentences, d2.sentences, strict=True)
    ]
    rows.append(label_agreement(SENTENCE_ROW, sentence_pairs, doc_ids))
    return AgreementReport(
        spans=tuple(spans),
        labels=tuple(rows),
        links=link_agreements(first, second, report, doc_ids),
        fields=field_agreements(first, second, report, doc_ids, modes=modes),
        documents=len(doc_ids),
    )


def label_agreement(
    name: str, pairs: Sequence[tuple[str, object, object]], doc_ids: Sequence[str]
) -> LabelAgreement:
    """Return the kappa row of ``(doc_id, first label, second label)`` pairs."""
    names = sorted({str(x) for _, x, _ in pairs} | {str(y) for _, _, y in pairs})
    cells = [(a, b) for a in names for b in names]
    where = {cell: index for index, cell in enumerate(cells)}
    documents = {doc_id: index for index, doc_id in enumerate(doc_ids)}
    rows = [[0] * len(cells) for _ in doc_ids]
    for doc_id, x, y in pairs:
        rows[documents[doc_id]][where[(str(x), str(y))]] += 1
    counts = DocumentCounts(
        tuple(doc_ids), tuple(f"{a}|{b}" for a, b in cells), tuple(map(tuple, rows))
    )
    if not pairs:
        return LabelAgreement(label=name, pairs=0, observed=0.0, kappa=None, counts=counts)
    observed = sum(str(x) == str(y) for _, x, y in pairs) / len(pairs)
    kappa = point(KAPPA, counts.totals())
    return LabelAgreement(
        label=name, pairs=len(pairs), observed=observed, kappa=kappa, counts=counts
    )


def agreement_markdown(report: AgreementReport) -> str:
    """Render the span and label tables as Markdown, point estimates only (one F1 per mode)."""
    modes = list(dict.fromkeys(r.mode for r in report.spans))
    lines = [
        "| task | subtask | first pass | second pass | "
        + " | ".join(f"{mode} F1" for mode in modes)
        + " |",
        "|---|---|---:|---:|" + "---:|" * len(modes),
    ]
    rows = {(r.task, r.subtask, r.mode): r for r in report.spans}
    for task, subtask in SPAN_ROWS:
        cells = [rows[(task, subtask, mode)] for mode in modes]
        lines.append(
            f"| {task} | {subtask} | {cells[0].first} | {cells[0].second} | "
            + " | ".join(f"{cell.f1:.3f}" for cell in cells)
            + " |"
        )
    lines += [
        "",
        "| label | matched pairs | observed agreement | Cohen's kappa |",
        "|---|---:|---:|---:|",
    ]
    for row in report.labels:
        kappa = "n/a (one label)" if row.kappa is None else f"{row.kappa:.3f}"
        lines.append(f"| {row.label} | {row.pairs} | {row.observed:.3f} | {kappa} |")
    return "\n".join(lines) + "\n"
