"""Submissions: the JSONL format, text-span alignment and the validating reader.

``read_submission(path, gold=...)`` returns a ``Submission`` (schema objects on
the gold documents) or raises ``SubmissionInvalid`` (a ``DataError``) listing
every error of the file. ``submission_line_from_annotations`` is the inverse:
schema objects -> one submission line. The format is documented in
``docs/submission-format.md`` and ``schema/submission.schema.json``. Nothing here
imports the scorer: submissions come first in the flow.
"""

from __future__ import annotations

from .format import SENTENCES, TASKS, json_schema, submission_line_from_annotations
from .messages import SubmissionInvalid, SubmissionWarning
from .placing import Placement
from .reader import Submission, parse_submission, read_submission
from .rejected import RejectedItem
from .unaligned import UnalignedSpan, unaligned_spans

__all__ = [
    "SENTENCES",
    "TASKS",
    "Placement",
    "RejectedItem",
    "Submission",
    "SubmissionInvalid",
    "SubmissionWarning",
    "UnalignedSpan",
    "json_schema",
    "parse_submission",
    "read_submission",
    "submission_line_from_annotations",
    "unaligned_spans",
]
