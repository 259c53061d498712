"""The one-way data flow of docs/architecture.md, checked on the import statements of every module.

Every import counts, at module level or inside a function, and so does a string handed to
``importlib.import_module`` or ``__import__``.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

STAGES: dict[str, int] = {
    "benchmark.dataset": 0,
    "benchmark.submission": 1,
    "benchmark.scoring": 2,
    "benchmark.stats": 3,
    "benchmark.evaluation": 4,
    "benchmark.presentation": 5,
    "benchmark.commands": 6,
    "benchmark.cli": 6,
}
"""Stage of each package of benchmark/, in flow order (the modules of SHARED are stage-less)."""

SHARED = {
    "benchmark",
    "benchmark.errors",
    "benchmark.atomic",
    "benchmark.printable",
    "benchmark.json_input",
    "benchmark.input_files",
    "benchmark.outputs",
    "benchmark.terminal",
    "benchmark.repository",
}
"""Modules every stage may use: errors, safe text, strict JSON, bounded reads, outputs, the
terminal and the repository root. They import no stage."""

EXTRACTOR_ALLOWED = {
    "benchmark.dataset.schema",
    "benchmark.dataset.inventory",
    "benchmark.dataset.layers",
    "benchmark.dataset.text",
    "benchmark.dataset.configs",
    "benchmark.dataset.gold",
    "benchmark.dataset.loading",
    "benchmark.dataset.rows",
    "benchmark.errors",
    "benchmark.repository",
}
"""The read side of benchmark/: what extractor code in baselines/ may import (and the
repository root, which the config folder's paths use)."""

GLUE = (
    "baselines/commands/",
    "baselines/cli.py",
    "baselines/pipeline.py",
    "baselines/preregistered.py",
    "baselines/run.py",
    "baselines/reproduce.py",
    "baselines/training.py",
)
"""Modules of baselines/ that may use the rest of benchmark/ (submission, evaluation...)."""

DYNAMIC = {("importlib", "import_module"), ("", "__import__"), ("importlib", "__import__")}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    base = ROOT.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _imports(path: Path) -> set[str]:
    """Every module name imported by ``path``: statements anywhere, and dynamic string imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = [f"{node.module}.{alias.name}" for alias in node.names]
            found = [name for name in submodules if _is_module(name)]
            names.update(found)
            if len(found) < len(submodules):
                names.add(node.module)
        elif isinstance(node, ast.Call):
            names.update(_dynamic_target(node))
    return names


def _dynamic_target(call: ast.Call) -> set[str]:
    """Return the string literal handed to importlib.import_module / __import__, if any."""
    function = call.func
    if isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name):
        key = (function.value.id, function.attr)
    elif isinstance(function, ast.Name):
        key = ("", function.id)
    else:
        return set()
    if key not in DYNAMIC:
        return set()
    literals = [arg.value for arg in call.args if isinstance(arg, ast.Constant)]
    found = {value for value in literals if isinstance(value, str)}
    return found or {"<dynamic import>"}


def _modules(package: str):
    return sorted((ROOT / package).rglob("*.py"))


def _stage(name: str) -> int | None:
    for prefix, stage in STAGES.items():
        if name == prefix or name.startswith(prefix + "."):
            return stage
    return None


def test_benchmark_never_imports_hydra_or_baselines_not_even_by_name():
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            name
            for name in _imports(path)
            if name.split(".")[0] in {"hydra", "omegaconf", "baselines"}
            or name == "<dynamic import>"
        )
        for path in _modules("benchmark")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_every_benchmark_module_belongs_to_a_stage():
    unstaged = [
        _module_name(path)
        for path in _modules("benchmark")
        if _stage(_module_name(path)) is None and _module_name(path) not in SHARED
    ]
    assert unstaged == []


def test_shared_modules_import_no_stage():
    offenders = {
        name: sorted(
            imported
            for imported in _imports(ROOT / f"{name.replace('.', '/')}.py")
            if _stage(imported) is not None
        )
        for name in SHARED - {"benchmark"}
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_data_flows_one_way_between_stages():
    offenders = {}
    for path in _modules("benchmark"):
        own = _stage(_module_name(path))
        if own is None:
            continue
        later = sorted(
            name for name in _imports(path) if (_stage(name) is not None and _stage(name) > own)
        )
        if later:
            offenders[_module_name(path)] = later
    assert offenders == {}


def test_submissions_never_import_the_scorer():
    imported = {name for path in _modules("benchmark/submission") for name in _imports(path)}
    assert not {name for name in imported if name.startswith("benchmark.scoring")}


def test_no_import_cycle_in_benchmark():
    graph = {
        _module_name(path): {name for name in _imports(path) if name.startswith("benchmark.")}
        for path in _modules("benchmark")
    }
    cycles = []

    def visit(node, trail):
        if node in trail:
            cycles.append(trail[trail.index(node) :] + [node])
            return
        if node in done:
            return
        for target in sorted(graph.get(node, ())):
            visit(target, [*trail, node])
        done.add(node)

    done: set[str] = set()
    for module in sorted(graph):
        visit(module, [])
    assert cycles == []


def test_extractors_import_only_the_read_side_of_benchmark():
    offenders = {}
    for path in _modules("baselines"):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(GLUE):
            continue
        bad = sorted(
            name
            for name in _imports(path)
            if name.startswith("benchmark") and name not in EXTRACTOR_ALLOWED
        )
        if bad:
            offenders[relative] = bad
    assert offenders == {}


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("from benchmark.scoring.run import score\n", "benchmark.scoring.run"),
        (
            "import importlib\nimportlib.import_module('baselines.commands.x')\n",
            "baselines.commands.x",
        ),
        ("__import__('baselines')\n", "baselines"),
        ("import importlib\nname = 'x'\nimportlib.import_module(name)\n", "<dynamic import>"),
        ("def f():\n    from hydra import compose\n", "hydra"),
    ],
)
def test_the_rules_detect_a_forbidden_import(tmp_path, source, found):
    module = tmp_path / "bad.py"
    module.write_text(source, encoding="utf-8")
    assert found in _imports(module)
