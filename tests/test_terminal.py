"""benchmark.terminal: guarded stdout/stderr (escaped, flushed, one line on failure)."""

import io
import subprocess
import sys

from benchmark import terminal
from benchmark.terminal import GuardedStream, run_guarded, same_file_as_stdout, write_payload


def test_guarded_streams_escape_what_a_command_echoes(capsys):
    def command():
        sys.stdout.write("id: a\x1b[31m\u202e\udcff\ttab\n")
        sys.stderr.write("err\r\n")
        return 0

    assert run_guarded(command, prog="kharkiv-ie") == 0
    captured = capsys.readouterr()
    assert captured.out == "id: a\\x1b[31m\\u202e\\xff\ttab\n"
    assert captured.err == "err\\r\n"


def test_a_payload_is_written_byte_for_byte(capsys):
    def command():
        write_payload('{"text": "a\\u0085b", "raw": "\x85\u2028"}\n')
        return 0

    assert run_guarded(command, prog="kharkiv-ie") == 0
    assert capsys.readouterr().out == '{"text": "a\\u0085b", "raw": "\x85\u2028"}\n'


class _Full(io.StringIO):
    def flush(self):
        raise OSError(28, "No space left on device")


def test_a_failing_stream_is_one_line_and_exit_2(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdout", _Full())

    def command():
        sys.stdout.write("table\n")
        raise AssertionError("not reached: the write above fails")

    assert run_guarded(command, prog="kharkiv-ie") == 2
    assert capsys.readouterr().err == (
        "kharkiv-ie: cannot write to standard output: No space left on device\n"
    )


def test_a_full_disk_on_stdout_exits_2_without_traceback(tmp_path):
    code = "from benchmark.cli import main; import sys; sys.exit(main(['--help']))"
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-c", code], stdout=full, stderr=subprocess.PIPE, check=False
        )
    assert result.returncode == 2
    assert (
        result.stderr == b"kharkiv-ie: cannot write to standard output: No space left on device\n"
    )


def test_progress_only_on_a_terminal(capsys, monkeypatch):
    terminal.progress("score", "scoring ...")
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    terminal.progress("score", "scoring ...")
    assert capsys.readouterr().err == "kharkiv-ie score: scoring ...\n"


def test_same_file_as_stdout(tmp_path, monkeypatch):
    path = tmp_path / "out"
    with open(path, "w") as stream:
        monkeypatch.setattr(sys, "stdout", stream)
        assert same_file_as_stdout(path)
        assert not same_file_as_stdout(tmp_path / "absent")
        other = tmp_path / "other"
        other.write_text("")
        assert not same_file_as_stdout(other)
    assert isinstance(GuardedStream(sys.stderr, name="stderr").encoding, str)
