"""benchmark.dataset.chains: cycles of parent links in linear time."""

import time

from benchmark.dataset.chains import chain_text, cycles


def test_every_cycle_once_from_its_first_member():
    links = {"a": "b", "b": "c", "c": "b", "d": "d", "e": None, "f": "zz", "g": ["x"], "h": "a"}
    assert cycles(links) == [("b", "c"), ("d",)]
    assert cycles({}) == []
    assert cycles({"x": "y", "y": "x"}) == [("x", "y")]
    assert cycles({"y": "x", "x": "y"}) == [("y", "x")]


def test_long_cycles_are_shown_short():
    assert chain_text(("a", "b")) == "a -> b -> a"
    assert chain_text(("a", "b", "c"), start=2) == "c -> a -> b -> c"
    assert (
        chain_text(tuple(range(100)), start=98)
        == "98 -> 99 -> 0 -> 1 -> 2 -> ... -> 98 (100 items)"
    )


def test_a_long_chain_and_a_long_cycle_take_linear_time():
    size = 50_000
    chain = {f"C{i}": f"C{i + 1}" if i + 1 < size else None for i in range(size)}
    loop = {f"L{i}": f"L{(i + 1) % size}" for i in range(size)}
    timings = []
    for _ in range(3):  # the best of three: the machine may be busy with other work
        started = time.perf_counter()
        assert cycles(chain) == []
        (found,) = cycles(loop)
        timings.append(time.perf_counter() - started)
    assert len(found) == size and found[0] == "L0"
    assert min(timings) < 1.0, timings  # the old walk was cubic: 3,000 links took 28.8 s
