"""benchmark.input_files: an input is read once, whole and bounded."""

import os

import pytest

from benchmark.errors import DataError
from benchmark.input_files import read_input


def test_reads_regular_files_and_pipes(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"abc")
    assert read_input(path, what="submission") == b"abc"
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    pid = os.fork()
    if pid == 0:  # the writer end of the pipe
        with open(fifo, "wb") as stream:
            stream.write(b"x" * 3_000_000)
        os._exit(0)
    assert read_input(fifo, what="submission") == b"x" * 3_000_000
    os.waitpid(pid, 0)


def test_refuses_what_cannot_be_read_or_is_too_large(tmp_path):
    with pytest.raises(DataError, match="absent.jsonl: cannot read the submission: No such file"):
        read_input(tmp_path / "absent.jsonl", what="submission")
    with pytest.raises(DataError, match="cannot read the results file: Is a directory"):
        read_input(tmp_path, what="results file")
    with pytest.raises(DataError, match="/dev/zero: the submission is larger than 1 MiB"):
        read_input("/dev/zero", what="submission", limit=1024 * 1024)
