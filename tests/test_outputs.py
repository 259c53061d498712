"""benchmark.outputs: refused targets, non-regular files written through, atomic replace."""

import os
import stat
import threading

import pytest

from benchmark.errors import DataError
from benchmark.outputs import check_output, check_output_folders, write_output


def test_nothing_is_written_under_a_protected_folder(tmp_path):
    gold = tmp_path / "data"
    (gold / "events").mkdir(parents=True)
    (gold / "events" / "test.jsonl").write_text("gold\n")
    link = tmp_path / "link"
    link.symlink_to(gold / "events")
    for target in (gold / "events" / "test.jsonl", gold / "new.md", link / "test.jsonl", gold):
        with pytest.raises(DataError, match="refusing to write under the gold folder"):
            write_output(target, "x", protected=[gold])
    with pytest.raises(DataError, match="refusing to write under the gold folder"):
        check_output_folders([gold / "runs"], protected=[gold])
    assert (gold / "events" / "test.jsonl").read_text() == "gold\n"
    assert sorted(p.name for p in gold.iterdir()) == ["events"]


def test_an_input_is_never_overwritten_even_through_a_link(tmp_path):
    source = tmp_path / "sub.jsonl"
    source.write_text("input\n")
    hard = tmp_path / "hard.jsonl"
    os.link(source, hard)
    soft = tmp_path / "soft.jsonl"
    soft.symlink_to(source)
    for target in (source, hard, soft):
        with pytest.raises(DataError, match="refusing to overwrite the command's own input"):
            write_output(target, "result", inputs=[source])
    assert source.read_text() == "input\n"


def test_folders_and_missing_folders_are_refused(tmp_path):
    with pytest.raises(DataError, match="is a folder, not a file"):
        check_output(tmp_path)
    with pytest.raises(DataError, match="output folder does not exist"):
        check_output(tmp_path / "no" / "r.json")


def test_a_regular_file_is_replaced_atomically_and_a_symlink_kept(tmp_path):
    target = tmp_path / "r.json"
    target.write_text("old")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    assert write_output(link, "new") is True
    assert link.is_symlink() and target.read_text() == "new"
    assert write_output(target, "new", only_if_changed=True) is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.json", "r.json"]


def test_a_fifo_is_written_through_never_replaced(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert write_output(fifo, "through the pipe\n") is True
    reader.join(timeout=10)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_a_character_device_is_written_through_never_replaced(tmp_path):
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of our own
    assert write_output(node, "discarded") is True
    assert stat.S_ISCHR(os.lstat(node).st_mode)
    # only once our own node survived: the real one
    assert write_output("/dev/null", "discarded") is True
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]
