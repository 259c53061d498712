from benchmark.stats.power import LOW_POWER_WARNING, low_power_warning


def test_warning_says_non_significant_is_not_no_difference():
    assert "every split of this benchmark is small" in LOW_POWER_WARNING
    assert "low power" in LOW_POWER_WARNING
    assert "does NOT mean that the systems perform the same" in LOW_POWER_WARNING
    assert "\n" not in LOW_POWER_WARNING


def test_warning_with_unit_count():
    text = low_power_warning(n_units=22)
    assert text.startswith(LOW_POWER_WARNING)
    assert text.endswith("(Resampling unit: the sentence; 22 units here.)")
