"""Submissions: the JSONL format, text-span alignment and the validating reader.

``read_submission(path, gold=...)`` returns a ``Submission`` (schema objects on
the gold documents) or raises ``SubmissionInvalid`` (a ``DataError``) listing
every error of the file. ``submission_line_from_annotations`` is the inverse:
schema objects -> one submission line. The format is documented in
``docs/submission-format.md`` and ``schema/submission.schema.json``.
"""

from __future__ import annotations

from benchmark.scoring.report import UnalignedSpan

from .alignment import UNALIGNED_START
from .format import TASKS, json_schema, submission_line_from_annotations
from .messages import SubmissionInvalid, SubmissionWarning
from .reader import Submission, parse_submission, read_submission

__all__ = [
    "TASKS",
    "UNALIGNED_START",
    "Submission",
    "SubmissionInvalid",
    "SubmissionWarning",
    "UnalignedSpan",
    "json_schema",
    "parse_submission",
    "read_submission",
    "submission_line_from_annotations",
]
