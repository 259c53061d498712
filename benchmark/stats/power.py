"""The warning printed with every significance test on this benchmark."""

from __future__ import annotations

LOW_POWER_WARNING = (
    "Warning: every split of this benchmark is small (its size and the smallest "
    "detectable difference follow). Confidence intervals are wide and significance tests "
    "on a sample this small have low power: a non-significant p-value does NOT mean "
    "that the systems perform the same, only that this sample cannot tell them apart; and a "
    "significant one says nothing about other articles, outlets or periods."
)
"""Text the ``compare`` command prints with its p-values, before the split's own figures
(:func:`benchmark.evaluation.power.power_lines`)."""


def low_power_warning(*, n_units: int) -> str:
    """Return LOW_POWER_WARNING followed by the number of sentence units actually resampled."""
    return f"{LOW_POWER_WARNING} (Resampling unit: the sentence; {n_units} units here.)"
