"""baselines.code_version: a hash of the number-moving sources, stable across machines."""

from baselines.code_version import code_version, source_files, sources_sha256


def _tree(base, *, conf="conf"):
    for relative, text in {
        "benchmark/scoring/a.py": "x = 1\n",
        "benchmark/cli.py": "cli = 1\n",
        "benchmark/commands/score.py": "c = 1\n",
        "benchmark/presentation/table.py": "t = 1\n",
        "baselines/cli.py": "cli = 1\n",
        "baselines/lexicons/words.tsv": "a\tb\n",
        f"{conf}/config.yaml": "k: v\n",
        "baselines/__pycache__/a.cpython-311.pyc": "junk",
        "baselines/notes.bin": "ignored",
    }.items():
        path = base / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def test_files_hashed(tmp_path):
    _tree(tmp_path)
    assert [relative for relative, _ in source_files(base=tmp_path)] == [
        "baselines/lexicons/words.tsv",
        "benchmark/scoring/a.py",
        "conf/config.yaml",
    ]


def test_a_wheel_layout_hashes_like_the_checkout(tmp_path):
    _tree(tmp_path / "checkout")
    _tree(tmp_path / "wheel", conf="baselines/conf")
    assert [r for r, _ in source_files(base=tmp_path / "wheel")] == [
        r for r, _ in source_files(base=tmp_path / "checkout")
    ]
    assert sources_sha256(base=tmp_path / "wheel") == sources_sha256(base=tmp_path / "checkout")


def test_a_config_change_moves_the_hash(tmp_path):
    _tree(tmp_path)
    first = sources_sha256(base=tmp_path)
    (tmp_path / "conf/config.yaml").write_text("k: w\n", encoding="utf-8")
    assert sources_sha256(base=tmp_path) != first


def test_hash_moves_with_code_not_with_cli_or_line_endings(tmp_path):
    _tree(tmp_path)
    first = sources_sha256(base=tmp_path)
    assert len(first) == 64
    (tmp_path / "benchmark/cli.py").write_text("cli = 2\n", encoding="utf-8")
    (tmp_path / "baselines/cli.py").write_text("cli = 2\n", encoding="utf-8")
    (tmp_path / "benchmark/presentation/table.py").write_text("t = 2\n", encoding="utf-8")
    assert sources_sha256(base=tmp_path) == first
    (tmp_path / "benchmark/scoring/a.py").write_bytes(b"x = 1\r\n")
    assert sources_sha256(base=tmp_path) == first
    (tmp_path / "benchmark/scoring/a.py").write_bytes(b"x = 2\n")
    assert sources_sha256(base=tmp_path) != first


def test_code_version_of_this_checkout():
    version = code_version()
    assert version["package"] == "0.1.0"
    assert version["sources_sha256"] == sources_sha256()
