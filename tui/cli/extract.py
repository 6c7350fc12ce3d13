"""`bilat extract` reads one article without storing it; `bilat locate` says where
the store and config live."""

from __future__ import annotations

import argparse
import json

from store import paths
from store.models import MeetingDraft
from store.taxonomy import TaxonomyError, load_topics
from tui.cli.common import CliError, SubParsers, parse_date, parse_dyad, read_input


def register(sub: SubParsers) -> None:
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


def extract_file(path: str, args: argparse.Namespace) -> MeetingDraft:
    return extract_bytes(read_input(path), path, args)


def extract_bytes(data: bytes, path: str, args: argparse.Namespace) -> MeetingDraft:
    # Importing the pipeline compiles its patterns (a third of a second): only the
    # commands that read an article pay for it, not every `bilat` start.
    from store.ingest import IngestError, extract

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
    def read_from(value: object, source: str | None) -> str:
        # Where a value came from is what a reviewer checks first.
        return f"{value or '?'}" + (f"   (from: {source})" if source else "")

    lines = [draft.title or "(untitled)"]
    lines.append(f"  published:    {draft.published or '?'}")
    lines.append(f"  meeting date: {read_from(draft.meeting_date, draft.date_source)}")
    lines.append(f"  location:     {read_from(draft.location, draft.place_source)}")
    lines.append(f"  source:       {draft.source or '?'}")
    lines.append(f"  dyad:         {read_from(' – '.join(draft.dyad), draft.dyad_source)}")
    if draft.review_reasons:
        lines.append(f"  needs review: {', '.join(draft.review_reasons)}")
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
