"""Commands that change stored meetings: set-status, rm, reindex."""

from __future__ import annotations

import argparse
import sys

from tui.cli.common import (
    CliError,
    SubParsers,
    clean_for_terminal,
    confirm,
    find_topic,
    open_store,
    parse_meeting_id,
    parse_status,
    print_json,
    stderr_is_tty,
    stdin_is_tty,
    with_json,
)


def register(sub: SubParsers) -> None:
    p = with_json(sub.add_parser("set-status", help="set a topic's status at a meeting by hand"))
    p.add_argument("meeting", type=parse_meeting_id)
    p.add_argument("topic", help="topic id or name")
    p.add_argument("status", type=parse_status,
                   help="tension, stalled, dialogue, progress, agreement, or auto to clear")
    p.add_argument("--note", help="a note kept with the status")
    p.set_defaults(handler=cmd_set_status)

    p = sub.add_parser("rm", help="remove a meeting and its articles")
    p.add_argument("meeting", type=parse_meeting_id)
    p.add_argument("--yes", "-y", action="store_true", help="do not ask")
    p.set_defaults(handler=cmd_rm)

    p = with_json(sub.add_parser(
        "reindex", help="re-read every stored article; manual edits are kept"
    ))
    p.set_defaults(handler=cmd_reindex)


def cmd_set_status(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        ref = store.meeting(args.meeting).meeting  # StoreError when there is no such meeting
        topic = find_topic(store.topics(), args.topic)
        store.set_status(ref.id, topic.id, args.status, args.note)
        shown = next((e for e in store.meeting(ref.id).entries if e.topic_id == topic.id), None)
    if args.json:
        print_json(shown)
        return 0
    if shown is None:
        print(f"meeting #{ref.id}, {topic.name}: manual status cleared (not extracted there)")
    elif args.status is None:
        print(f"meeting #{ref.id}, {topic.name}: back to the extracted status "
              f"{shown.status.glyph} {shown.status.value}")
    else:
        # Evidence, summary, figures or quotes: the topic was read from the article there.
        extracted = bool(shown.evidence or shown.summary or shown.figures or shown.quotes)
        origin = (f"extracted: {shown.extracted_status.value}" if extracted
                  else "not extracted at this meeting")
        print(f"meeting #{ref.id}, {topic.name}: {shown.status.glyph} {shown.status.value} "
              f"({origin})")
    return 0


def cmd_rm(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        detail = store.meeting(args.meeting)
        label = clean_for_terminal(f"meeting #{detail.meeting.id} “{detail.meeting.title}” "
                                   f"({len(detail.articles)} article(s))")
        if not args.yes:
            if not stdin_is_tty():
                raise CliError(f"not removing {label} without a terminal to ask; pass --yes")
            if not confirm(f"Remove {label}?"):
                print("kept")
                return 1
        store.remove_meeting(detail.meeting.id)
    print(f"removed {label} (`bilat undo` brings it back)")
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    show = stderr_is_tty()

    def progress(done: int, total: int) -> None:
        if show:
            sys.stderr.write(f"\rre-reading articles: {done}/{total}")
            sys.stderr.flush()

    with open_store(args) as store:
        n = store.reindex(progress)
    if show:
        sys.stderr.write("\r\x1b[K")
    if args.json:
        print_json({"articles": n})
    else:
        print(f"re-read {n} article(s); manual edits kept")
    return 0
