"""The one-way data flow of DEVELOPERS.md, checked on the import statements of every module."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTRACTOR_ALLOWED = {
    "benchmark.schema",
    "benchmark.inventory",
    "benchmark.text",
    "benchmark.errors",
    "benchmark.loading",
    "benchmark.rows",
}
GLUE = (
    "baselines/commands/",
    "baselines/pipeline.py",
    "baselines/run.py",
    "baselines/reproduce.py",
)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _modules(package: str):
    return sorted((ROOT / package).rglob("*.py"))


def test_benchmark_never_imports_hydra_or_baselines():
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            name
            for name in _imports(path)
            if name.split(".")[0] in {"hydra", "omegaconf", "baselines"}
        )
        for path in _modules("benchmark")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_extractors_import_only_the_read_side_of_benchmark():
    offenders = {}
    for path in _modules("baselines"):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(GLUE):
            continue
        bad = sorted(
            name
            for name in _imports(path)
            if name.startswith("benchmark.")
            and ".".join(name.split(".")[:2]) not in EXTRACTOR_ALLOWED
        )
        if bad:
            offenders[relative] = bad
    assert offenders == {}


def test_the_rule_detects_a_forbidden_import(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text("from benchmark.scoring.run import score\n", encoding="utf-8")
    assert "benchmark.scoring.run" in _imports(module)
