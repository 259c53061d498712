"""CLI subcommands that run baselines (listed in :data:`baselines.cli.COMMANDS`)."""
