from benchmark.evaluation.evaluate import load_split
from benchmark.evaluation.power import mdd_text, power_lines, split_power
from benchmark.stats.detectable import DetectableDifference


def test_kharkiv_test_split_power_counts_the_gold(test_gold):
    power = split_power(load_split(split="test"))
    assert (power.split, power.documents) == ("test", 1)
    assert power.sentences == sum(len(d.sentences) for d in test_gold.documents)
    events = power.tasks["events"]
    # trigger_classification: one gold item per event
    assert events.gold_items == len(test_gold.events)
    assert events.units_with_gold == len({(e.doc_id, e.sentence_id) for e in test_gold.events})
    casualties = power.tasks["casualties"]
    assert casualties.gold_items == len(test_gold.casualties)
    with_casualties = len({(c.doc_id, c.sentence_id) for c in test_gold.casualties})
    assert casualties.units_with_gold == with_casualties
    if with_casualties < 6:  # fewer sentences than the test needs to differ on
        assert casualties.mdd is None
    assert set(power.tasks) == {"events", "casualties", "attributions", "hedges"}


def test_power_lines_name_the_split_and_each_task(test_gold):
    power = split_power(load_split(split="test"), tasks=("hedges",))
    lines = power_lines(power)
    assert lines[0] == (
        f"Split 'test': 1 document(s), {power.sentences} sentences "
        "(the resampling unit of the paired tests)."
    )
    assert "alpha 0.05, power 0.8" in lines[1]
    assert lines[2].startswith("  hedges: ")
    assert len(lines) == 3


def test_mdd_text():
    def found(mdd):
        return DetectableDifference(22, 7, 10, 6, mdd, 0.05, 0.8, 100, 0)

    assert mdd_text(found(0.9)) == "90.0 F1 points (10 gold items in 7 of 22 sentences)"
    assert mdd_text(found(None)) == (
        "none detectable (10 gold items in 7 of 22 sentences; the test needs 6 sentences to differ)"
    )
