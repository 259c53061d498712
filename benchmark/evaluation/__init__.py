"""Evaluation: a submission scored against a split's gold, with intervals and provenance.

:mod:`.evaluate` (the ``score`` path), :mod:`.compare` (paired tests), :mod:`.results` (the
versioned results file), :mod:`.results_contrast` (its contrast-consistency section),
:mod:`.provenance` (data hash, versions, commit, time).
"""
