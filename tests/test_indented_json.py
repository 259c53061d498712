import json

from benchmark.evaluation.indented_json import dumps_indented


def test_same_text_as_json_dumps_with_indent_2():
    value = {
        "a": [1.5, float("nan"), float("inf"), True, None, 'é"\n\t', [], {}, [[]], {"x": {}}],
        "b": (1, 2),
        "c": -0.0,
        "d": 10**30,
        "e": [True, False],
        "f": [["doc", "E1", "E2"], ["doc", "E10", "E3"]],
        "g": {"nested": {"deeper": [1, [2, [3]]]}},
        "h": [1, "mixed", 2.0, None],
        "non-str keys": {1: "one", None: "none"},
    }
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_same_text_on_a_large_results_like_value():
    matched = [[f"syn-{k // 40:05d}", f"E{k}", f"E{k}"] for k in range(20_000)]
    value = {"tasks": {"events": [{"matched": matched, "per_unit": {"tp": list(range(5000))}}]}}
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
