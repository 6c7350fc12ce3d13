"""Corrections of a stored meeting: `edit`, `participants`, `quote`, `confirm`.

Each is one transaction with its journal entry (`bilat undo` reverts it); edits are kept
apart from what the articles say, so `reindex` keeps them.
"""

from __future__ import annotations

import argparse

from store.db.curate import UNSET
from store.models import Actor, MeetingRef
from tui.cli.common import (
    SubParsers,
    find_topic,
    open_store,
    parse_date,
    parse_dyad,
    parse_meeting_id,
    print_json,
    with_json,
)


def register(sub: SubParsers) -> None:
    p = with_json(sub.add_parser(
        "edit", help="correct a meeting's date, place, pair or title (kept through reindex)"
    ))
    p.add_argument("meeting", type=parse_meeting_id)
    p.add_argument("--date", type=parse_date, help="meeting date YYYY-MM-DD")
    p.add_argument("--place", help="where it was held")
    p.add_argument("--dyad", type=parse_dyad, help='the two countries, e.g. "China,United States"')
    p.add_argument("--title", help="the meeting's title")
    p.set_defaults(handler=cmd_edit)

    p = with_json(sub.add_parser(
        "participants", help="list, add or remove a meeting's participants"
    ))
    p.add_argument("meeting", type=parse_meeting_id)
    p.add_argument("--add", metavar="NAME", help="add a person or body")
    p.add_argument("--role", default="", help="the added person's role")
    p.add_argument("--country", help="the added person's country (their side)")
    p.add_argument("--rm", metavar="NAME", action="append", default=[],
                   help="remove a participant (repeatable)")
    p.set_defaults(handler=cmd_participants)

    p = with_json(sub.add_parser(
        "quote", help="fix a quote's speaker, side or topic, or drop it (ids: `bilat quotes`)"
    ))
    p.add_argument("quote_id", type=int, metavar="QUOTE_ID")
    p.add_argument("--speaker", help="who said it; the side follows the speaker's country")
    p.add_argument("--side", metavar="COUNTRY", help="the speaker's country")
    p.add_argument("--topic", help="topic id or name, or 'none'")
    drop = p.add_mutually_exclusive_group()
    drop.add_argument("--drop", action="store_true", help="not a quote: hide it")
    drop.add_argument("--restore", action="store_true", help="show a dropped quote again")
    p.set_defaults(handler=cmd_quote)

    p = sub.add_parser("confirm", help="mark a meeting's guessed values as checked")
    p.add_argument("meeting", type=parse_meeting_id)
    p.set_defaults(handler=cmd_confirm)


def _line(m: MeetingRef) -> str:
    when = m.meeting_date.isoformat() if m.meeting_date else "undated"
    where = f" · {m.location}" if m.location else ""
    return f"#{m.id} {when} {m.title}{where} [{' – '.join(m.dyad)}]"


def cmd_edit(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        changed = store.edit_meeting(args.meeting, title=args.title, meeting_date=args.date,
                                     location=args.place, dyad=args.dyad)
        ref = store.meeting(args.meeting).meeting
    if args.json:
        print_json(ref)
    else:
        print(f"meeting #{ref.id}: {', '.join(changed)}")
        print(f"  now: {_line(ref)}")
    return 0


def cmd_participants(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if args.add or args.rm:
            added = [Actor(name=args.add.strip(), role=args.role, country=args.country)] \
                if args.add and args.add.strip() else []
            people = store.edit_participants(args.meeting, add=added, remove=args.rm)
        else:
            people = store.meeting(args.meeting).participants
    if args.json:
        print_json(people)
        return 0
    if not people:
        print(f"meeting #{args.meeting}: no participants")
    for a in people:
        role = f", {a.role}" if a.role else ""
        print(f"{a.name}{role} ({a.country or 'country unknown'})")
    return 0


def cmd_quote(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        topic: str | None = UNSET
        if args.topic is not None:
            none = args.topic.strip().casefold() == "none"
            topic = None if none else find_topic(store.topics(), args.topic).id
        drop = True if args.drop else False if args.restore else None
        changed = store.edit_quote(args.quote_id, speaker=args.speaker, side=args.side,
                                   topic=topic, drop=drop)
        quote = store.quote(args.quote_id)
    if args.json:
        print_json({"id": args.quote_id, "changed": changed, "quote": quote})
    else:
        print(f"quote {args.quote_id}: {', '.join(changed)}")
    return 0


def cmd_confirm(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        cleared = store.confirm(args.meeting)
    if cleared:
        print(f"meeting #{args.meeting}: confirmed ({', '.join(cleared)} checked)")
    else:
        print(f"meeting #{args.meeting}: nothing to confirm (it needs no review)")
    return 0
