"""CLI subcommands that need the baselines (registered in ``benchmark.cli.COMMANDS``)."""
