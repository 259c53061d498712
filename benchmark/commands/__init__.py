"""Subcommands of the kharkiv-ie CLI, one module each."""
