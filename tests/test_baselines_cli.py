"""baselines.cli: the installed kharkiv-ie script, the benchmark's commands plus the baselines'."""

import pytest

from baselines import cli as baselines_cli
from baselines.commands import predict, reproduce
from benchmark import cli


def test_commands_extend_the_benchmark_table_in_help_order():
    assert list(baselines_cli.COMMANDS) == [*cli.COMMANDS, "reproduce", "predict"]
    assert baselines_cli.COMMANDS["predict"].module is predict
    assert baselines_cli.COMMANDS["reproduce"].module is reproduce
    assert all(baselines_cli.COMMANDS[name] == command for name, command in cli.COMMANDS.items())


def test_the_benchmark_table_names_no_baseline_command():
    assert not {"reproduce", "predict"} & set(cli.COMMANDS)


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as caught:
        baselines_cli.main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert all(name in out for name in baselines_cli.COMMANDS)


def test_the_console_script_is_this_module():
    from importlib import metadata

    (script,) = [
        e for e in metadata.entry_points(group="console_scripts") if e.name == "kharkiv-ie"
    ]
    assert script.value == "baselines.cli:main"
