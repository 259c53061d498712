"""The scoring options' defaults, written once for the library and the command line.

``conf/scoring/default.yaml`` (the baselines' runs) holds the same values; a test keeps them
equal. Importing this module is cheap (the command line reads it for its help).
"""

from __future__ import annotations

BOOTSTRAP = 1000
"""Bootstrap resamples of the sentence units for every 95% interval (0: no intervals)."""

SEED = 0
"""Seed of the bootstrap and of the randomisation test."""

ROUNDS = 10000
"""Rounds of the approximate randomisation test (``compare``)."""

CONFIDENCE = 0.95
"""Coverage of every interval written (the results field is ``ci95``)."""

MAX_EXACT_UNITS = 20
"""``compare`` runs the exact permutation test when at most this many units differ."""
