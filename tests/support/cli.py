"""Running the ``kharkiv-ie`` entry point in-process, as a user's shell would see it."""

from baselines.cli import main


def run_cli(argv, capsys):
    """Return ``(exit code, stdout, stderr)`` of ``kharkiv-ie ARGV`` (SystemExit included)."""
    try:
        code = main(argv)
    except SystemExit as exit:
        code = exit.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err
