"""A bounded fuzz test: mutated gold-as-submission files through the commands that read them.

Hypothesis mutates the test split's gold written as a submission (a value replaced anywhere by
another JSON value, an integer of thousands of digits, arrays nested thousands deep, a lone
surrogate, control characters; a key removed or added; an item repeated; bytes that are not
UTF-8; the line cut or repeated) and runs ``validate``, ``score`` and ``report`` on it, and
``leaderboard`` on a results file mutated the same way. Whatever the input: exit code 0 or
2, never an exception (a traceback), and on exit 2 nothing written. The examples are
derandomised, so a run is reproducible, and bounded in number, so the test takes seconds.
"""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.cli import run_cli

from benchmark.evaluation.results import read_results
from benchmark.json_input import MAX_DIGITS

MARKERS = {
    '"<HUGE>"': "7" * (MAX_DIGITS + 100),
    '"<DEEP>"': "[" * 2500 + "]" * 2500,
    '"<SURROGATE>"': '"x\\ud800y"',
    '"<CONTROL>"': '"\\u001b[2J\\r\\nkharkiv-001:1: forged\\u0085\\u202e"',
    '"<OVERFLOW>"': "1e400",
}
"""Values JSON can spell but the readers used to crash on, spliced in as text."""

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(sorted(MARKERS)).map(lambda marker: marker.strip('"')),
    st.lists(st.integers(min_value=-3, max_value=3000), max_size=3),
    st.dictionaries(
        st.sampled_from(["start", "end", "text", "x"]), st.integers(0, 3000), max_size=3
    ),
)

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _paths(node, prefix=()):
    """Every (container, key) pair of a parsed JSON value, in document order."""
    found = []
    stack = [(node, prefix)]
    while stack:
        current, where = stack.pop()
        keys = current.keys() if isinstance(current, dict) else range(len(current))
        for key in keys:
            found.append((current, key))
            child = current[key]
            if isinstance(child, dict | list):
                stack.append((child, (*where, key)))
    return found


@st.composite
def mutated(draw, original):
    """Return the bytes of ``original`` (a JSON value) after one to three mutations."""
    obj = json.loads(json.dumps(original))
    for _ in range(draw(st.integers(1, 3))):
        places = _paths(obj)
        container, key = places[draw(st.integers(0, len(places) - 1))]
        action = draw(st.sampled_from(["replace", "replace", "delete", "add", "repeat"]))
        if action == "replace":
            container[key] = draw(VALUES)
        elif action == "delete":
            del container[key]
        elif action == "add" and isinstance(container, dict):
            container[draw(st.sampled_from(["x", "<CONTROL>", "doc_id", "start"]))] = draw(VALUES)
        elif action == "repeat" and isinstance(container, list):
            container.append(json.loads(json.dumps(container[key])))
    text = json.dumps(obj, ensure_ascii=False)
    for marker, spliced in MARKERS.items():
        text = text.replace(marker, spliced)
    data = text.encode("utf-8")
    damage = draw(st.sampled_from(["none", "none", "none", "bytes", "cut", "twice"]))
    if damage == "bytes":
        at = draw(st.integers(0, len(data)))
        data = (
            data[:at]
            + draw(st.sampled_from([b"\xff", b"\xc3", b"\x00", b"\xef\xbb\xbf"]))
            + data[at:]
        )
    elif damage == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "twice":
        data = data + b"\n" + data
    return data + b"\n"


def _run(argv, capsys):
    code, _, err = run_cli(argv, capsys)
    return code, err


@pytest.fixture(scope="module")
def gold_line(gold_submission):
    return json.loads(gold_submission.read_text("utf-8").splitlines()[0])


def test_mutated_submissions_exit_0_or_2_and_write_nothing_on_error(
    gold_line, tmp_path_factory, capsys
):
    @SETTINGS
    @given(data=mutated(gold_line))
    def check(data):
        folder = tmp_path_factory.mktemp("fuzz")
        submission = folder / "s.jsonl"
        submission.write_bytes(data)
        results, page = folder / "r.json", folder / "r.html"
        code, err = _run(["validate", str(submission)], capsys)
        assert code in (0, 2), err
        expected = code
        code, err = _run(
            ["score", str(submission), "--bootstrap", "0", "--out", str(results)], capsys
        )
        assert code == expected, err
        assert results.exists() == (code == 0)
        if code == 0:
            read_results(results)  # what was written loads back
        code, err = _run(
            ["report", str(submission), "--bootstrap", "0", "--out", str(page)], capsys
        )
        assert code == expected, err
        assert page.exists() == (code == 0)
        for line in err.splitlines():
            assert "\x1b" not in line and "\r" not in line and "\u202e" not in line

    check()


def test_mutated_results_files_exit_0_or_2_in_the_leaderboard(tmp_path_factory, capsys):
    from pathlib import Path

    committed = json.loads(
        (Path(__file__).resolve().parents[1] / "results" / "empty.json").read_text("utf-8")
    )

    @SETTINGS
    @given(data=mutated(committed))
    def check(data):
        folder = tmp_path_factory.mktemp("fuzz-results")
        (folder / "results").mkdir()
        (folder / "results" / "x.json").write_bytes(data)
        page = folder / "LEADERBOARD.md"
        argv = ["leaderboard", "--results-dir", str(folder / "results"), "--out", str(page)]
        code, err = _run(argv, capsys)
        assert code in (0, 2), err
        assert page.exists() == (code == 0)

    check()


def test_mutated_predict_inputs_exit_0_or_2(tmp_path_factory, capsys):
    document = {
        "doc_id": "d1",
        "text": "Le truppe avrebbero attaccato la città.",
        "x": [1, {"a": 2}],
    }

    @SETTINGS
    @given(data=mutated(document))
    def check(data):
        folder = tmp_path_factory.mktemp("fuzz-predict")
        (folder / "in.jsonl").write_bytes(data)
        out = folder / "p.jsonl"
        argv = ["predict", "--baseline", "empty", str(folder / "in.jsonl"), "--out", str(out)]
        code, err = _run(argv, capsys)
        assert code in (0, 2), err
        assert out.exists() == (code == 0)

    check()
