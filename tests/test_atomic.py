import os
import stat

import pytest

from benchmark import atomic
from benchmark.atomic import write_text_atomically
from benchmark.errors import DataError


def test_writes_utf8_with_shareable_permissions(tmp_path):
    target = tmp_path / "out.txt"
    assert write_text_atomically(target, "città\n") is True
    assert target.read_bytes() == "città\n".encode()
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_only_if_changed_leaves_an_identical_file_alone(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("same", encoding="utf-8")
    os.utime(target, (1, 1))
    assert write_text_atomically(target, "same", only_if_changed=True) is False
    assert target.stat().st_mtime == 1
    assert write_text_atomically(target, "new", only_if_changed=True) is True
    assert target.read_text(encoding="utf-8") == "new"


def test_missing_folder_is_a_data_error_and_writes_nothing(tmp_path):
    with pytest.raises(DataError, match="output folder does not exist"):
        write_text_atomically(tmp_path / "nope" / "out.txt", "x")
    assert list(tmp_path.iterdir()) == []


def test_failure_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_text_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
