"""The `bilat` command line: argparse, thin over `store`.

One module per group of commands, each registering its own subparsers; what they share is
in `common.py`. Every failure a user can cause ends in one line on stderr and exit code 2;
tracebacks are for bugs only.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence

from store import __version__
from store.db import StoreError
from tui.cli import (
    add,
    curate,
    edit,
    extract,
    feed,
    journal,
    query,
    sources,
    stances,
    transfer,
)
from tui.cli.common import CliError, Handler, OneLineParser, clean_for_terminal

__all__ = ["CliError", "main"]

COMMAND_MODULES = (extract, add, feed, query, edit, curate, sources, journal, transfer, stances)


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


# What a failed write to stdout raises (a write names no file): disk full, quota, file size
# limit, I/O error.
_WRITE_FAILURES = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        code = handler(args)
        # Output still buffered must fail here, inside the try, not at interpreter exit.
        if sys.stdout is not None:
            sys.stdout.flush()
        return code
    except (CliError, StoreError) as exc:
        # Messages quote paths and stored titles: either may hold escapes.
        print(f"bilat: error: {clean_for_terminal(str(exc))}", file=sys.stderr)
        return 2
    except OverflowError as exc:
        # A number or date past what Python's date or SQLite's INTEGER holds, that no
        # argument check caught; the store's transaction has rolled back.
        print(f"bilat: error: a number or date is out of range ({exc})", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bilat: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _drop_stdout()  # `bilat quotes | head`: the reader has had enough; not an error
        return 0
    except OSError as exc:
        if exc.filename is not None or exc.errno not in _WRITE_FAILURES:
            raise  # a bug: every named file's error is a CliError or StoreError by now
        # `> /dev/full`, a full disk, a closed terminal: say so once, exit non-zero.
        print(f"bilat: error: cannot write the output ({exc.strerror or exc})", file=sys.stderr)
        _drop_stdout()
        return 2


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's own flush at exit neither fails
    again nor prints a second error ("Exception ignored ...")."""
    if sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
