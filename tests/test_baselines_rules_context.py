from baselines.rules.context import in_hedge_scope, innermost_attribution
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
