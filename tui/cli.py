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

from store import __version__, paths
from store.ingest import IngestError, extract
from store.ingest.decode import MAX_BYTES
from store.models import MeetingDraft


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code 2."""


# --- shared argument helpers ----------------------------------------------


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (want YYYY-MM-DD): {value!r}") from None


def parse_dyad(value: str) -> list[str]:
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(f'want two countries like "China,United States": {value!r}')
    return sorted(parts)


def read_input(path: str) -> bytes:
    """Bytes of a file or of stdin ('-'), with one clear error for every bad path."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return data
    p = Path(path)
    try:
        if p.is_dir():
            raise CliError(f"{path}: is a directory, not an article file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise CliError(f"{path}: file is too large ({size // 1024 // 1024} MB; limit 5 MB)")
        return p.read_bytes()
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except PermissionError:
        raise CliError(f"{path}: permission denied") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot read ({exc.strerror})") from None


def extract_file(path: str, args: argparse.Namespace) -> MeetingDraft:
    data = read_input(path)
    try:
        return extract(data, meeting_date=getattr(args, "date", None), dyad=getattr(args, "dyad", None))
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bilat",
        description="Track bilateral issues across successive diplomatic meetings.",
    )
    parser.add_argument("--version", action="version", version=f"bilat {__version__}")
    parser.add_argument("--store", metavar="PATH", help="store file (default: $BILAT_STORE or the data dir)")
    parser.add_argument("--demo", action="store_true", help="open the dashboard on a throwaway demo store")
    parser.set_defaults(handler=cmd_tui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("locate", help="print where the store and config live")
    p.set_defaults(handler=cmd_locate)

    p = sub.add_parser("extract", help="read one article and print what bilat finds (stores nothing)")
    p.add_argument("file", help="article file (text, Markdown or HTML), or - for stdin")
    p.add_argument("--json", action="store_true", help="print the draft as JSON")
    p.add_argument("--date", type=parse_date, help="meeting date when the article has none")
    p.add_argument("--dyad", type=parse_dyad, help='the two countries, e.g. "China,United States"')
    p.set_defaults(handler=cmd_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except CliError as exc:
        print(f"bilat: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bilat: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
