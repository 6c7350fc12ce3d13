"""The `bilat` command line: argparse, thin over `store`.

One module per group of commands, each registering its own subparsers; what they share is
in `common.py`. Every failure a user can cause ends in one line on stderr and exit code 2;
tracebacks are for bugs only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from store import __version__
from store.db import StoreError
from tui.cli import add, curate, edit, extract, journal, query, sources, stances, transfer
from tui.cli.common import CliError, Handler, OneLineParser

__all__ = ["CliError", "main"]

COMMAND_MODULES = (extract, add, query, edit, curate, sources, journal, transfer, stances)


def cmd_tui(args: argparse.Namespace) -> int:
    from tui.app import run  # the dashboard's imports are paid only when it opens

    return run(store=args.store, demo=args.demo)


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="bilat",
        description="Track bilateral issues across successive diplomatic meetings.",
    )
    parser.add_argument("--version", action="version", version=f"bilat {__version__}")
    parser.add_argument(
        "--store", metavar="PATH", help="store file (default: $BILAT_STORE or the data dir)"
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the dashboard on a throwaway demo store"
    )
    parser.set_defaults(handler=cmd_tui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except (CliError, StoreError) as exc:
        print(f"bilat: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bilat: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0

