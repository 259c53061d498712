import time

from baselines.rules.context import (
    attribution_contents,
    hedge_scopes,
    in_hedge_scope,
    innermost_attribution,
)
from benchmark.dataset.schema import Attribution, Hedge, Span


def _relation(name, start, end):
    span = Span(start, end, "x" * (end - start))
    return Attribution(name, "d", None, None, Span(0, 1, "x"), span, "indirect", None)


def test_innermost_attribution_picks_the_smallest_content():
    relations = [_relation("A1", 0, 50), _relation("A2", 10, 20)]
    assert innermost_attribution(Span(12, 15, "xxx"), relations) == "A2"
    assert innermost_attribution(Span(30, 35, "xxxxx"), relations) == "A1"
    assert innermost_attribution(Span(60, 65, "xxxxx"), relations) is None


def test_in_hedge_scope():
    hedge = Hedge("H1", "d", 0, Span(5, 8, "xxx"), "conditional", Span(0, 20, "x" * 20))
    assert in_hedge_scope(Span(10, 12, "xx"), [hedge])
    assert not in_hedge_scope(Span(18, 25, "x" * 7), [hedge])


def test_containing_finds_the_same_spans_as_a_scan_on_a_long_document():
    # 15,000 scopes and 50,000 targets along one document: a scan per target would take
    # 7.5 * 10^8 comparisons; the index looks only at scopes starting shortly before the target.
    hedges = [
        Hedge(
            f"H{i}",
            "d",
            0,
            Span(10 * i, 10 * i + 2, "xx"),
            "conditional",
            Span(10 * i, 10 * i + 5 + i % 17, "x" * (5 + i % 17)),
        )
        for i in range(15_000)
    ]
    targets = [Span(3 * k, 3 * k + 2, "xx") for k in range(50_000)]
    started = time.process_time()
    scopes = hedge_scopes(hedges)
    found = [in_hedge_scope(target, scopes) for target in targets]
    assert time.process_time() - started < 5
    for k in (0, 1, 2, 3, 4, 5, 6, 7, 1000, 24_999, 49_998):  # spot checks against a scan
        assert found[k] == any(
            h.scope.start <= targets[k].start and targets[k].end <= h.scope.end for h in hedges
        )


def test_innermost_attribution_from_an_index_equals_from_a_list():
    relations = [_relation("A1", 0, 50), _relation("A2", 10, 20), _relation("A3", 10, 20)]
    contents = attribution_contents(relations)
    for target in (Span(12, 15, "xxx"), Span(30, 35, "xxxxx"), Span(60, 65, "xxxxx")):
        assert innermost_attribution(target, contents) == innermost_attribution(target, relations)
    assert innermost_attribution(Span(12, 15, "xxx"), contents) == "A2"  # ties: smallest id
