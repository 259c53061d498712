from benchmark.evaluation.power import SplitPower
from benchmark.presentation.power import power_block, power_notes
from benchmark.stats.detectable import DetectableDifference


def _power():
    hedges = DetectableDifference(123, 24, 27, 6, 0.25, 0.05, 0.8, 2000, 0)
    events = DetectableDifference(123, 3, 4, 6, None, 0.05, 0.8, 2000, 0)
    return SplitPower("wikinews_dev", 16, 123, {"events": events, "hedges": hedges})


def test_power_block_states_sizes_and_each_task():
    lines = power_block(_power())
    assert lines[0].startswith("**Power.** 16 document(s), 123 sentences")
    assert "alpha 0.05, power 0.8" in lines[0]
    assert lines[2:] == [
        "- events: none detectable (4 gold items in 3 of 123 sentences; "
        "the test needs 6 sentences to differ)",
        "- hedges: 25.0 F1 points (27 gold items in 24 of 123 sentences)",
        "",
    ]


def test_no_power_no_block():
    assert power_block(None) == []


def test_power_notes_per_split_from_the_gold(tiny_dataset):
    notes = power_notes({"test"}, data_dir=tiny_dataset)
    assert list(notes) == ["test"]
    assert notes["test"][0].startswith("**Power.** 1 document(s), 22 sentences")
