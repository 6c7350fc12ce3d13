"""Read commands: `meetings`, `topics`, `show`, `changes`, `quotes`."""

from __future__ import annotations

import argparse
import shutil
import textwrap

from store.models import EntryView, MeetingRef, StoredQuote
from tui.cli.common import (
    DYAD_HELP,
    SubParsers,
    clean_for_terminal,
    find_topic,
    open_store,
    parse_count,
    parse_dyad,
    parse_meeting_id,
    print_json,
    trend_arrow,
    with_json,
)


def register(sub: SubParsers) -> None:
    p = with_json(sub.add_parser("meetings", help="list the stored meetings, oldest first"))
    p.add_argument("--dyad", type=parse_dyad, help="only this pair of countries")
    p.add_argument("--needs-review", action="store_true",
                   help="only meetings with guesses no one has edited or confirmed")
    p.set_defaults(handler=cmd_meetings)

    p = with_json(sub.add_parser(
        "topics", help="each topic's current status, trend, last discussed"
    ))
    p.add_argument("--dyad", type=parse_dyad, help=DYAD_HELP)
    p.set_defaults(handler=cmd_topics)

    p = with_json(sub.add_parser(
        "show", help="a topic's history, meeting by meeting, side by side"
    ))
    p.add_argument("topic", help="topic id or name (taiwan, 'South China Sea')")
    p.add_argument("--dyad", type=parse_dyad, help=DYAD_HELP)
    p.add_argument("--last", type=parse_count, default=12, metavar="N",
                   help="print the last N meetings (default 12; 0: all; --json has all)")
    p.set_defaults(handler=cmd_show)

    p = with_json(sub.add_parser(
        "changes", help="what changed at a meeting against the one before"
    ))
    p.add_argument("meeting", nargs="?", type=parse_meeting_id,
                   help="meeting number (default: latest)")
    p.add_argument("--dyad", type=parse_dyad, help=DYAD_HELP)
    p.set_defaults(handler=cmd_changes)

    p = with_json(sub.add_parser("quotes", help="find quotes by speaker, topic, side or words"))
    p.add_argument("--speaker", help="part of the speaker's name")
    p.add_argument("--topic", help="topic id or name")
    p.add_argument("--side", help="the speaker's country")
    p.add_argument("--search", metavar="WORDS", help="words the quote holds (all of them)")
    p.add_argument("--limit", type=parse_count, default=500,
                   help="at most this many (default 500)")
    p.set_defaults(handler=cmd_quotes)


def _when(m: MeetingRef) -> str:
    return m.meeting_date.isoformat() if m.meeting_date else "undated   "


def _dyad(m: MeetingRef) -> str:
    return " – ".join(m.dyad) if m.dyad else "?"


def cmd_meetings(args: argparse.Namespace) -> int:
    with open_store(args, create=False) as store:
        refs = store.meetings(args.dyad)
    if args.needs_review:
        refs = [m for m in refs if m.needs_review]
    if args.json:
        print_json(refs)
        return 0
    if not refs:
        print("no meetings need review" if args.needs_review
              else "no meetings yet (add one with `bilat add FILE`)")
        return 0
    for m in refs:
        where = f" · {m.location}" if m.location else ""
        sources = f" · {', '.join(m.sources)}" if m.sources else ""
        # "?" marks what ingest guessed; `bilat confirm N` or an edit clears it.
        review = f"  ? needs review: {', '.join(m.review)}" if m.review else ""
        print(clean_for_terminal(
            f"#{m.id:<4} {_when(m)}  {m.title or '(untitled)'}{where}{sources}  [{_dyad(m)}]"
            f"{review}"))
    return 0


def cmd_topics(args: argparse.Namespace) -> int:
    with open_store(args, create=False) as store:
        board = store.board(args.dyad, window=0)  # counts and statuses only, no columns
    if args.json:
        print_json({"dyad": board.dyad, "meetings": board.meeting_count, "topics": [
            {"id": r.topic.id, "name": r.topic.name,
             "status": r.current.value if r.current else None, "trend": r.trend,
             "last_discussed": r.last_discussed.isoformat() if r.last_discussed else None,
             "meetings_raised": r.raised}
            for r in board.rows]})
        return 0
    if not board.rows:
        print("no topics discussed yet" + (f" for {' – '.join(board.dyad)}" if board.dyad else ""))
        return 0
    print(f"{' – '.join(board.dyad) or 'unknown countries'}: {board.meeting_count} meetings")
    for r in board.rows:
        st = f"{r.current.glyph} {r.current.value}" if r.current else "-"
        last = r.last_discussed.isoformat() if r.last_discussed else "undated"
        print(clean_for_terminal(
            f"  {st:<12} {trend_arrow(r.trend)}  {r.topic.name:<22} last discussed {last}"
            f"  ({r.raised} meetings)"))
    return 0


def _quote_line(q: StoredQuote) -> str:
    who = q.speaker or "unknown speaker"
    side = f" ({q.speaker_country})" if q.speaker_country else ""
    return f"{who}{side}: “{q.text}”"


def entry_block(v: EntryView) -> list[str]:
    """One meeting's view of a topic, as paragraphs to wrap into a column."""
    m = v.meeting
    head = [f"#{m.id} {_when(m).strip()}", m.title or "(untitled)"]
    hand = " (set by hand)" if v.overridden else ""
    lines = head + [f"{v.status.glyph} {v.status.value}{hand}"]
    if v.note:
        lines.append(f"note: {v.note}")
    if v.evidence:
        lines.append(f"evidence: {v.evidence}")
    for f in v.figures:
        lines.append(f"figure: {f.text} {f.noun}".rstrip())
    lines.extend(_quote_line(q) for q in v.quotes)
    return lines


def side_by_side(blocks: list[list[str]], width: int, gap: int = 3) -> list[str]:
    """Blocks wrapped into columns as wide as fit; rows of columns when there are many."""
    col = 36
    per_row = max(1, (width + gap) // (col + gap))
    col = max(24, (width - gap * (per_row - 1)) // per_row) if per_row > 1 else max(24, width)
    out: list[str] = []
    for start in range(0, len(blocks), per_row):
        row = blocks[start:start + per_row]
        wrapped = [
            [w for para in b for w in (textwrap.wrap(para, col) or [""])] for b in row
        ]
        height = max(len(w) for w in wrapped)
        for i in range(height):
            cells = [(w[i] if i < len(w) else "").ljust(col) for w in wrapped]
            out.append((" " * gap).join(cells).rstrip())
        out.append("")
    return out


def cmd_show(args: argparse.Namespace) -> int:
    with open_store(args, create=False) as store:
        topic = find_topic(store.topics(), args.topic)
        window = store.topic_window(topic.id, args.dyad, last=args.last if args.last > 0 else None)
        oldest = window.history[0].meeting if window.history else None
        # Changes such as "not raised since" sit at meetings that did not raise the topic.
        refs = {m.id: m for m in store.meetings(oldest.dyad, since=oldest.meeting_date)
                } if oldest else {}
    shown, changes, complete = window.history, window.changes, window.complete
    if args.json:
        print_json({"topic": topic, "history": shown, "changes": changes})
        return 0
    print(clean_for_terminal(f"{topic.name} ({topic.id})"))
    if not shown:
        print("  not discussed at any meeting yet")
        return 0
    if not complete:
        print(f"(the latest {len(shown)} meetings; --last 0 shows all)")
    width = shutil.get_terminal_size((120, 24)).columns
    # Cleaned before wrapping, so the columns line up.
    blocks = [[clean_for_terminal(p) for p in entry_block(v)] for v in shown]
    for line in side_by_side(blocks, width):
        print(line)
    if changes:
        # Newest first, under the meeting each change happened at (as the topic screen).
        from tui.change_groups import group_changes, meeting_heading

        print("changes (newest first):")
        for ref, group in group_changes(changes, refs):
            print(clean_for_terminal(f"  {meeting_heading(ref)}"))
            for c in group:
                print(clean_for_terminal(f"    {c.description}"))
    return 0


def cmd_changes(args: argparse.Namespace) -> int:
    with open_store(args, create=False) as store:
        found = store.changes(args.meeting, args.dyad)
        ref = store.meeting(args.meeting).meeting if args.meeting else None
        if ref is None:
            known = store.dyads()
            dyad = args.dyad or (known[0] if known else None)
            refs = store.meetings(dyad)
            ref = refs[-1] if refs else None
    if args.json:
        print_json({"meeting": ref, "changes": found})
        return 0
    if ref is None:
        print("no meetings yet")
        return 0
    print(clean_for_terminal(f"#{ref.id} {_when(ref).strip()} {ref.title or '(untitled)'}"))
    if not found:
        print("  nothing changed against the meeting before")
    for c in found:
        print(clean_for_terminal(f"  {c.description}"))
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    with open_store(args, create=False) as store:
        topic = find_topic(store.topics(), args.topic).id if args.topic else None
        found = store.search_quotes(args.search, speaker=args.speaker, topic=topic,
                                    side=args.side, limit=args.limit)
    if args.json:
        print_json(found)
        return 0
    if not found:
        print("no quotes match")
        return 0
    for q in found:
        when = q.meeting_date.isoformat() if q.meeting_date else "undated"
        src = f" — {q.source}" if q.source else ""
        print(clean_for_terminal(
            f"{when} #{q.meeting_id} [{q.topic or '-'}] {_quote_line(q)}{src}"))
    return 0
