"""A meeting's articles: `sources`, `rm-source`, `merge`, `split`. Each change is journaled."""

from __future__ import annotations

import argparse

from tui.cli.common import SubParsers, open_store, parse_meeting_id, print_json, with_json


def register(sub: SubParsers) -> None:
    p = with_json(sub.add_parser("sources", help="list a meeting's articles (source ids)"))
    p.add_argument("meeting", type=parse_meeting_id)
    p.set_defaults(handler=cmd_sources)

    p = sub.add_parser("rm-source", help="remove one article of a meeting")
    p.add_argument("source_id", type=int, metavar="SOURCE_ID")
    p.set_defaults(handler=cmd_rm_source)

    p = sub.add_parser("merge", help="merge OTHER into MEETING (MEETING keeps its id)")
    p.add_argument("meeting", type=parse_meeting_id)
    p.add_argument("other", type=parse_meeting_id)
    p.set_defaults(handler=cmd_merge)

    p = sub.add_parser("split", help="make one article of a meeting its own meeting")
    p.add_argument("meeting", type=parse_meeting_id)
    p.add_argument("source_id", type=int, metavar="SOURCE_ID")
    p.set_defaults(handler=cmd_split)


def cmd_sources(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        found = store.sources(args.meeting)
    if args.json:
        print_json(found)
        return 0
    for s in found:
        where = s.url or "(added from a file or pasted)"
        when = s.published.isoformat() if s.published else "undated"
        print(f"{s.id:<5} {s.source or 'unknown outlet'} · {when} · {s.quotes} quotes · {where}")
        print(f"      {s.title}")
    return 0


def cmd_rm_source(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        left = store.remove_source(args.source_id)
    if left is None:
        print(f"removed source {args.source_id}; it was its meeting's only source, "
              "so the meeting went too (`bilat undo` brings both back)")
    else:
        print(f"removed source {args.source_id} from meeting #{left}")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        store.merge_meetings(args.meeting, args.other)
        n = len(store.sources(args.meeting))
    print(f"merged meeting #{args.other} into #{args.meeting} ({n} sources)")
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        new = store.split_source(args.meeting, args.source_id)
    print(f"source {args.source_id} is now meeting #{new}")
    return 0
