"""The ``indikator`` console script: the Rust command line, unchanged."""

from __future__ import annotations

import sys

from ._indikator import cli_main


def main() -> None:
    """Run ``indikator`` with the process arguments and exit with its code."""
    sys.stdout.flush()
    sys.exit(cli_main(list(sys.argv)))
