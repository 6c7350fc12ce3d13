"""The `bilat` command line: argparse, thin over `store`.

Every failure a user can cause ends in one line on stderr and exit code 2;
tracebacks are for bugs only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from store import __version__, paths
from store.db import StoreError
from store.files import UnreadableFile, read_file
from store.ingest import IngestError, extract
from store.ingest.decode import MAX_BYTES
from store.models import MeetingDraft
from store.taxonomy import TaxonomyError, load_topics
from tui.cli_common import CliError  # lives there so the cli_* command modules can raise it

__all__ = ["CliError", "main"]


# --- shared argument helpers ----------------------------------------------


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (want YYYY-MM-DD): {value!r}") from None


def parse_dyad(value: str) -> list[str]:
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(
            f'want two countries like "China,United States": {value!r}'
        )
    return sorted(parts)


def read_input(path: str) -> bytes:
    """Bytes of a file or of stdin ('-'), with one clear error for every bad path."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return data
    try:
        return read_file(Path(path), limit=MAX_BYTES, what="article file")
    except UnreadableFile as exc:
        raise CliError(str(exc)) from None


def extract_file(path: str, args: argparse.Namespace) -> MeetingDraft:
    data = read_input(path)
    try:
        topics = load_topics()  # defaults plus the user's topics.toml, if any
    except TaxonomyError as exc:
        raise CliError(str(exc)) from None
    try:
        return extract(
            data, meeting_date=getattr(args, "date", None), dyad=getattr(args, "dyad", None),
            topics=topics,
        )
    except IngestError as exc:
        raise CliError(f"{path}: {exc}") from None


def draft_json(draft: MeetingDraft) -> dict[str, object]:
    """The draft as `bilat extract --json` prints it (no bulky original text)."""
    return draft.model_dump(mode="json", exclude={"original", "text", "paragraph_spans"})


# --- commands ----------------------------------------------------------------


def cmd_locate(args: argparse.Namespace) -> int:
    print(f"store:  {paths.store_path(args.store)}")
    print(f"config: {paths.config_dir()}")
    print(f"topics: {paths.topics_file()}")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    draft = extract_file(args.file, args)
    if args.json:
        print(json.dumps(draft_json(draft), indent=2, ensure_ascii=False))
    else:
        print(format_draft(draft))
    return 0


def format_draft(draft: MeetingDraft) -> str:
    """A human-readable page for one draft."""
    lines = [draft.title or "(untitled)"]
    lines.append(f"  published:    {draft.published or '?'}")
    lines.append(f"  meeting date: {draft.meeting_date or '?'}")
    lines.append(f"  location:     {draft.location or '?'}")
    lines.append(f"  source:       {draft.source or '?'}")
    lines.append(f"  dyad:         {' – '.join(draft.dyad) or '?'}")
    if draft.participants:
        lines.append("participants:")
        for a in draft.participants:
            role = f", {a.role}" if a.role else ""
            lines.append(f"  {a.name}{role} ({a.country or '?'})")
    if draft.topics:
        lines.append("topics:")
        for t in draft.topics:
            lines.append(f"  {t.status.glyph} {t.name:<22} {t.status.value:<10} {t.evidence}")
            for f in t.figures:
                lines.append(f"      figure: {f.text} {f.noun}".rstrip())
    if draft.quotes:
        lines.append("quotes:")
        for q in draft.quotes:
            who = q.speaker or "(unknown speaker)"
            lines.append(f"  [{q.topic or '-'}] {who}: “{q.text}”")
    if draft.warnings:
        lines.append("warnings:")
        lines.extend(f"  - {w}" for w in draft.warnings)
    return "\n".join(lines)


def cmd_tui(args: argparse.Namespace) -> int:
    try:
        from tui.app import run
    except ImportError as exc:  # pragma: no cover - only while the TUI is being built
        raise CliError(f"the dashboard is not available: {exc}") from None
    return run(store=args.store, demo=args.demo)


# --- parser --------------------------------------------------------------------


Handler = Callable[[argparse.Namespace], int]


class OneLineParser(argparse.ArgumentParser):
    """Usage errors as one line too, like every other failure (subcommands inherit it)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


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

    p = sub.add_parser("locate", help="print where the store and config live")
    p.set_defaults(handler=cmd_locate)

    p = sub.add_parser(
        "extract", help="read one article and print what bilat finds (stores nothing)"
    )
    p.add_argument("file", help="article file (text, Markdown or HTML), or - for stdin")
    p.add_argument("--json", action="store_true", help="print the draft as JSON")
    p.add_argument("--date", type=parse_date, help="meeting date when the article has none")
    p.add_argument("--dyad", type=parse_dyad, help='the two countries, e.g. "China,United States"')
    p.set_defaults(handler=cmd_extract)
    add_store_commands(sub)
    return parser


def add_store_commands(sub: argparse._SubParsersAction[OneLineParser]) -> None:
    """The commands over the store; their handlers live in tui/cli_*.py."""
    from store.export import FORMATS
    from tui import cli_add, cli_edit, cli_query
    from tui.cli_common import parse_meeting_id, parse_status

    def data(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--json", action="store_true", help="print the result as JSON")
        return p

    dyad_help = 'the two countries, e.g. "China,United States" (default: most meetings)'

    p = data(sub.add_parser("add", help="store articles: files, directories, globs, - for stdin"))
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--date", type=parse_date, help="meeting date when an article has none")
    p.add_argument("--dyad", type=parse_dyad, help='the two countries, e.g. "China,United States"')
    p.add_argument("--dry-run", action="store_true", help="read and report, store nothing")
    p.add_argument("--new-meeting", action="store_true",
                   help="never join an existing meeting as another source")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask before adding")
    p.set_defaults(handler=cli_add.cmd_add)

    p = data(sub.add_parser("meetings", help="list the stored meetings, oldest first"))
    p.add_argument("--dyad", type=parse_dyad, help="only this pair of countries")
    p.set_defaults(handler=cli_query.cmd_meetings)

    p = data(sub.add_parser("topics", help="each topic's current status, trend, last discussed"))
    p.add_argument("--dyad", type=parse_dyad, help=dyad_help)
    p.set_defaults(handler=cli_query.cmd_topics)

    p = data(sub.add_parser("show", help="a topic's history, meeting by meeting, side by side"))
    p.add_argument("topic", help="topic id or name (taiwan, 'South China Sea')")
    p.add_argument("--dyad", type=parse_dyad, help=dyad_help)
    p.add_argument("--last", type=int, default=12, metavar="N",
                   help="print the last N meetings (default 12; 0: all; --json has all)")
    p.set_defaults(handler=cli_query.cmd_show)

    p = data(sub.add_parser("changes", help="what changed at a meeting against the one before"))
    p.add_argument("meeting", nargs="?", type=parse_meeting_id,
                   help="meeting number (default: latest)")
    p.add_argument("--dyad", type=parse_dyad, help=dyad_help)
    p.set_defaults(handler=cli_query.cmd_changes)

    p = data(sub.add_parser("quotes", help="find quotes by speaker, topic, side or words"))
    p.add_argument("--speaker", help="part of the speaker's name")
    p.add_argument("--topic", help="topic id or name")
    p.add_argument("--side", help="the speaker's country")
    p.add_argument("--search", metavar="WORDS", help="words the quote holds (all of them)")
    p.add_argument("--limit", type=int, default=500, help="at most this many (default 500)")
    p.set_defaults(handler=cli_query.cmd_quotes)

    p = data(sub.add_parser("set-status", help="set a topic's status at a meeting by hand"))
    p.add_argument("meeting", type=parse_meeting_id)
    p.add_argument("topic", help="topic id or name")
    p.add_argument("status", type=parse_status,
                   help="tension, stalled, dialogue, progress, agreement, or auto to clear")
    p.add_argument("--note", help="a note kept with the status")
    p.set_defaults(handler=cli_edit.cmd_set_status)

    p = sub.add_parser("rm", help="remove a meeting and its articles")
    p.add_argument("meeting", type=parse_meeting_id)
    p.add_argument("--yes", "-y", action="store_true", help="do not ask")
    p.set_defaults(handler=cli_edit.cmd_rm)

    p = data(sub.add_parser("reindex", help="re-read every stored article; manual edits are kept"))
    p.set_defaults(handler=cli_edit.cmd_reindex)

    p = sub.add_parser("export", help="write the timeline: md, json (dump), csv, html, timelinejs")
    p.add_argument("--format", "-f", choices=FORMATS, default="md")
    p.add_argument("--topic", action="append", help="only this topic (repeatable; id or name)")
    p.add_argument("--since", type=parse_date, help="from this date (YYYY-MM-DD)")
    p.add_argument("--until", type=parse_date, help="up to this date, inclusive")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    p.set_defaults(handler=cli_edit.cmd_export)

    p = data(sub.add_parser("import", help="load a json export into an empty store"))
    p.add_argument("file", metavar="FILE.json")
    p.set_defaults(handler=cli_edit.cmd_import)


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


if __name__ == "__main__":
    sys.exit(main())
