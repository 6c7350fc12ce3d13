"""Commands on what each side said and promised: positions, commitments, commitment."""

from __future__ import annotations

import argparse
from datetime import date

from store.commitments import STATE_ALIASES, STATES
from store.models import CommitmentState, StoredCommitment
from tui.cli.common import (
    CliError,
    SubParsers,
    find_topic,
    open_store,
    parse_date,
    parse_dyad,
    print_json,
    with_json,
)


def parse_state(value: str) -> CommitmentState:
    """A commitment state; `reversed` is `broken`."""
    key = value.strip().casefold()
    if key in STATE_ALIASES:
        return STATE_ALIASES[key]
    raise argparse.ArgumentTypeError(
        f"not a state: {value!r} (choose {', '.join(STATES)} or reversed)"
    )


def parse_state_or_auto(value: str) -> str:
    """A state, or `auto`: back to the extracted one."""
    return "auto" if value.strip().casefold() == "auto" else parse_state(value)


def parse_commitment_id(value: str) -> int:
    try:
        n = int(value.lstrip("#"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a commitment number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a commitment number: {value!r}")
    return n


def register(sub: SubParsers) -> None:
    p = with_json(sub.add_parser(
        "positions", help="what each side said it wants, fears, denies or proposes on a topic"
    ))
    p.add_argument("topic", help="topic id or name")
    p.add_argument("--dyad", type=parse_dyad, help="only this pair of countries")
    p.add_argument("--side", help="only this country's positions")
    p.set_defaults(handler=cmd_positions)

    p = with_json(sub.add_parser(
        "commitments", help="what was agreed or promised, and whether it was kept"
    ))
    p.add_argument("--dyad", type=parse_dyad, help="only this pair of countries")
    p.add_argument("--state", type=parse_state,
                   help=f"only commitments in this state ({', '.join(STATES)})")
    p.add_argument("--overdue", action="store_true", help="only open ones past their due date")
    p.add_argument("--as-of", type=parse_date, metavar="DATE",
                   help="judge what is overdue on this day (default: today)")
    p.set_defaults(handler=cmd_commitments)

    p = with_json(sub.add_parser(
        "commitment", help="set a commitment's state and note by hand (reindex keeps them)"
    ))
    p.add_argument("id", type=parse_commitment_id, help="the number `bilat commitments` shows")
    p.add_argument("--state", type=parse_state_or_auto,
                   help=f"{', '.join(STATES)}, reversed, or auto to go back to the extracted one")
    p.add_argument("--note", help="a note kept with the commitment ('' removes it)")
    p.set_defaults(handler=cmd_commitment)


def cmd_positions(args: argparse.Namespace) -> int:
    with open_store(args, create=False) as store:
        topic = find_topic(store.topics(), args.topic)
        found = store.positions(topic.id, args.dyad, side=args.side)
    if args.json:
        print_json(found)
        return 0
    if not found:
        who = f" from {args.side}" if args.side else ""
        print(f"no positions on {topic.name}{who} yet")
        return 0
    for p in found:
        when = p.meeting_date.isoformat() if p.meeting_date else "undated"
        speaker = p.speaker or "unknown speaker"
        print(f"#{p.meeting_id:<4} {when}  {p.side or '?'} · {speaker} · {p.kind}: {p.text}")
    return 0


def _line(c: StoredCommitment) -> str:
    when = c.meeting_date.isoformat() if c.meeting_date else "undated"
    state = c.state + (" (overdue)" if c.overdue else "")
    if c.manual_state is not None:
        state += f" [set by hand; extracted: {c.extracted.state}]"
    out = [f"{c.id:>4}  {state:<14} meeting #{c.meeting_id} {when}  {c.topic or '-'}: {c.text}"]
    if c.due:
        due = c.extracted.due_date.isoformat() if c.extracted.due_date else "?"
        out.append(f"      due {c.due} (by {due})")
    if c.extracted.evidence:
        at = c.extracted.evidence_date.isoformat() if c.extracted.evidence_date else "undated"
        out.append(f"      evidence (meeting #{c.extracted.evidence_meeting_id} {at}): "
                   f"{c.extracted.evidence}")
    if c.note:
        out.append(f"      note: {c.note}")
    return "\n".join(out)


def cmd_commitments(args: argparse.Namespace) -> int:
    today = args.as_of or date.today()
    with open_store(args, create=False) as store:
        found = store.commitments(args.dyad, state=args.state, today=today)
    if args.overdue:
        found = [c for c in found if c.overdue]
    if args.json:
        print_json(found)
        return 0
    if not found:
        print("no commitments" + (f" {args.state}" if args.state else "")
              + (" overdue" if args.overdue else "") + " yet")
        return 0
    for c in found:
        print(_line(c))
    return 0


def cmd_commitment(args: argparse.Namespace) -> int:
    if args.state is None and args.note is None:
        raise CliError("give --state S, --note N or both (see `bilat commitment --help`)")
    with open_store(args) as store:
        if args.state == "auto":
            store.set_commitment(args.id, clear=True, note=args.note)
        else:
            store.set_commitment(args.id, state=args.state, note=args.note)
        shown = store.commitment(args.id)
    if args.json:
        print_json(shown)
    else:
        print(_line(shown))
    return 0
