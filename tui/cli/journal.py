"""`bilat log` lists every change a user made; `bilat undo` reverts the latest one."""

from __future__ import annotations

import argparse

from tui.cli.common import SubParsers, open_store, print_json, with_json


def register(sub: SubParsers) -> None:
    p = with_json(sub.add_parser("log", help="every change made to the store, newest first"))
    p.add_argument("--last", type=int, metavar="N", help="only the newest N")
    p.set_defaults(handler=cmd_log)

    p = with_json(sub.add_parser(
        "undo", help="revert the latest change not yet undone (run again to go further back)"
    ))
    p.set_defaults(handler=cmd_undo)


def cmd_log(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        # Before/after of a removal hold whole articles: only --json prints them.
        entries = store.journal(args.last, full=args.json)
    if args.json:
        print_json(entries)
        return 0
    if not entries:
        print("no changes yet")
    for e in entries:
        undone = "  (undone)" if e.undone_at else ""
        print(f"{e.id:<5} {e.at:%Y-%m-%d %H:%M} {e.action:<12} {e.summary}{undone}")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        entry = store.undo()
    if args.json:
        print_json(entry.model_copy(update={"before": {}, "after": {}}) if entry else None)
        return 0 if entry else 1
    if entry is None:
        print("nothing to undo")
        return 1
    print(f"undone: {entry.summary}")
    return 0
