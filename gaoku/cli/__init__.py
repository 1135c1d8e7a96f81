"""The `gaoku` command. Subcommands live in one module per area; importing them
registers them on ``main``."""

from gaoku.cli import copies, library, live, members, ops, reports, search, site, traces  # noqa: F401
from gaoku.cli.base import main

__all__ = ["main"]
