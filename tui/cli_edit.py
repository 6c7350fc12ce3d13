"""Commands that change the store or write files: set-status, rm, reindex, export, import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pydantic import ValidationError

from store.db import Store
from store.export import render, write_text_atomic
from store.files import UnreadableFile, read_file
from store.models import StoreDump
from tui.cli_common import (
    CliError,
    confirm,
    find_topic,
    open_store,
    print_json,
    stderr_is_tty,
    stdin_is_tty,
)


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
        print(f"meeting #{ref.id}, {topic.name}: {shown.status.glyph} {shown.status.value} "
              f"(extracted: {shown.extracted_status.value})")
    return 0


def cmd_rm(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        detail = store.meeting(args.meeting)
        label = (f"meeting #{detail.meeting.id} “{detail.meeting.title}” "
                 f"({len(detail.articles)} article(s))")
        if not args.yes:
            if not stdin_is_tty():
                raise CliError(f"not removing {label} without a terminal to ask; pass --yes")
            if not confirm(f"Remove {label}?"):
                print("kept")
                return 1
        store.remove_meeting(detail.meeting.id)
    print(f"removed {label}")
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


def cmd_export(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        try:
            text = render(store, args.format, topics=args.topic, since=args.since,
                          until=args.until)
        except ValueError as exc:
            raise CliError(str(exc)) from None
    if args.output is None or args.output == "-":
        sys.stdout.write(text)
        return 0
    path = Path(args.output).expanduser()
    try:
        write_text_atomic(path, text)
    except OSError as exc:
        raise CliError(f"{path}: cannot write ({exc.strerror or exc})") from None
    print(f"wrote {args.format} export to {path}", file=sys.stderr)
    return 0


def _first_problem(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "top level"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {err['msg'].lower()}{more}"


def read_dump(path: Path) -> StoreDump:
    """The dump in a file, with one clear line for every way it can be wrong."""
    try:
        raw = read_file(path, what="export file")
    except UnreadableFile as exc:
        raise CliError(str(exc)) from None
    try:
        return StoreDump.model_validate_json(raw)
    except ValidationError as exc:
        kinds = {e["type"] for e in exc.errors()}
        if "json_invalid" in kinds:
            raise CliError(f"{path}: not JSON") from None
        raise CliError(f"{path}: not a bilat dump: {_first_problem(exc)}") from None


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    dump = read_dump(path)
    from store.db.schema import CURRENT_VERSION

    if not 1 <= dump.schema_version <= CURRENT_VERSION:
        raise CliError(f"{path}: dump has schema version {dump.schema_version}; this bilat "
                       f"reads versions 1 to {CURRENT_VERSION}")
    store: Store
    with open_store(args) as store:
        store.load(dump)  # one transaction; refuses a store that holds meetings
        counts = store.counts()
    if args.json:
        print_json(counts)
    else:
        print(f"imported {counts['meetings']} meetings, {counts['articles']} articles, "
              f"{counts['quotes']} quotes into {store.path}")
    return 0
