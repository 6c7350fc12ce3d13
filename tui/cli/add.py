"""`bilat add`: read articles, store each in its own transaction, one line per article."""

from __future__ import annotations

import argparse
import glob
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store.db import (
    DuplicateArticle,
    Store,
    StoreBusy,
    StoreCorrupt,
    StoreError,
    StoreUnwritable,
)
from store.fetch.urls import is_url
from store.models import MeetingDraft
from store.taxonomy import TaxonomyError, load_topics
from tui.cli.common import (
    CliError,
    SubParsers,
    clean_for_terminal,
    confirm,
    open_store,
    parse_date,
    parse_dyad,
    print_json,
    read_input,
    stderr_is_tty,
    stdin_is_tty,
    with_json,
)
from tui.cli.extract import extract_bytes


def register(sub: SubParsers) -> None:
    p = with_json(sub.add_parser(
        "add", help="store articles: files, directories, globs, http(s) URLs, - for stdin"
    ))
    p.add_argument("paths", nargs="+", metavar="PATH|URL")
    p.add_argument("--date", type=parse_date, help="meeting date when an article has none")
    p.add_argument("--dyad", type=parse_dyad, help='the two countries, e.g. "China,United States"')
    p.add_argument("--dry-run", action="store_true", help="read and report, store nothing")
    p.add_argument("--new-meeting", action="store_true",
                   help="never join an existing meeting as another source")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask before adding")
    p.set_defaults(handler=cmd_add)


GLOB_CHARS = set("*?[")
PROGRESS_ABOVE = 5  # more files than this get a progress bar (on a terminal)


@dataclass
class Item:
    """One input: a path to read, or the reason it cannot be read at all."""

    path: str
    error: str | None = None


def expand(raw_paths: list[str]) -> list[Item]:
    """Files, directories (their files), globs (expanded here too, for shells that don't) and -."""
    out: list[Item] = []
    for raw in raw_paths:
        p = Path(raw)
        if is_url(raw) or raw == "-" or p.is_file():
            out.append(Item(raw))
        elif p.is_dir():
            # Hidden files (.DS_Store, editor swap files) are never articles.
            files = sorted(
                str(f) for f in p.iterdir() if f.is_file() and not f.name.startswith(".")
            )
            out.extend(Item(f) for f in files) if files else out.append(
                Item(raw, "directory holds no files"))
        elif GLOB_CHARS & set(raw):
            found = sorted(f for f in glob.glob(raw) if Path(f).is_file())
            out.extend(Item(f) for f in found) if found else out.append(
                Item(raw, "no files match"))
        else:
            out.append(Item(raw))  # read_input names the problem (no such file, ...)
    return out


def describe(draft: MeetingDraft) -> str:
    when = draft.meeting_date.isoformat() if draft.meeting_date else "undated"
    return (f"{draft.title or '(untitled)'} ({when}, {len(draft.topics)} topics, "
            f"{len(draft.quotes)} quotes)")


def problem(draft: MeetingDraft) -> str | None:
    """Why a draft cannot be stored as it is, in words that say what to pass."""
    if draft.meeting_date is None:
        return "no meeting date found; give --date YYYY-MM-DD"
    if len(draft.dyad) != 2:
        return 'could not tell the two countries; give --dyad "A,B"'
    return None


class Progress:
    """A one-line bar on stderr, redrawn in place; cleared before each summary line."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        self.done = 0

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()

    def step(self) -> None:
        self.done += 1
        if self.enabled:
            width = 30
            filled = width * self.done // max(1, self.total)
            bar = "#" * filled + "-" * (width - filled)
            sys.stderr.write(f"\r[{bar}] {self.done}/{self.total}")
            sys.stderr.flush()


def drafts(
    items: list[Item], args: argparse.Namespace
) -> Iterator[tuple[Item, MeetingDraft | None]]:
    """Each item with its draft, or with `error` set and None."""

    for item in items:
        if item.error is not None:
            yield item, None
            continue
        try:
            draft = read_article(item.path, args)
        except CliError as exc:
            # extract_file names the path itself
            yield Item(item.path, str(exc).removeprefix(f"{item.path}: ")), None
            continue
        why = problem(draft)
        if why:
            yield Item(item.path, why), None
        else:
            yield item, draft


def read_article(path: str, args: argparse.Namespace) -> MeetingDraft:
    """The draft of one input, through the gate: what is not an article never gets in."""
    from store.gate import draft_refusal, refusal  # only `add` reads articles: paid here

    if is_url(path):
        return read_url(path, args)
    data = read_input(path)
    why = refusal(data, path)
    if why is None:
        draft = extract_bytes(data, path, args)
        why = draft_refusal(draft.text)
    if why is not None:
        raise CliError(f"{path}: {why}")
    return draft


def read_url(url: str, args: argparse.Namespace) -> MeetingDraft:
    """Fetch a page and read it (store.fetch passes it through the same gate as a file)."""
    # The fetcher brings in ingest's whole pipeline: imported when a URL is read.
    from store.fetch.article import fetch_article
    from store.fetch.http import FetchError
    from store.ingest.types import IngestError

    try:
        topics = load_topics()
    except TaxonomyError as exc:
        raise CliError(str(exc)) from None
    try:
        return fetch_article(url, meeting_date=getattr(args, "date", None),
                             dyad=getattr(args, "dyad", None), topics=topics)
    except (FetchError, IngestError) as exc:
        raise CliError(f"{url}: {exc}") from None


def cmd_add(args: argparse.Namespace) -> int:
    items = expand(args.paths)
    if sum(1 for i in items if i.path == "-") > 1:
        raise CliError("stdin (-) can be read only once")
    stream: Any = drafts(items, args)
    ask = not args.yes and not args.dry_run and stdin_is_tty() and all(i.path != "-" for i in items)
    if ask:
        stream = list(stream)
        ready = [d for _, d in stream if d is not None]
        for _, d in stream:
            if d is not None:
                print(clean_for_terminal(f"  {describe(d)}"))
        if ready and not confirm(f"Add {len(ready)} article(s) to the store?"):
            print("nothing added")
            return 1
    store = None if args.dry_run else open_store(args)
    try:
        return _run(store, stream, len(items), args)
    finally:
        if store is not None:
            store.close()


def _run(store: Store | None, stream: Any, total: int, args: argparse.Namespace) -> int:
    failed = 0
    report: list[dict[str, Any]] = []
    bar = Progress(total, total > PROGRESS_ABOVE and stderr_is_tty() and not args.json)

    def say(line: str, entry: dict[str, Any]) -> None:
        report.append(entry)
        if not args.json:
            bar.clear()
            # What went wrong goes to stderr, what was done to stdout.
            out = sys.stderr if entry["result"] == "skipped" else sys.stdout
            print(clean_for_terminal(line), file=out, flush=True)

    for item, draft in stream:
        bar.step()
        if draft is None:
            failed += 1
            say(f"skipped: {item.path}: {item.error}",
                {"path": item.path, "result": "skipped", "reason": item.error})
            continue
        if store is None:
            say(f"would add: {describe(draft)}",
                {"path": item.path, "result": "would-add", "title": draft.title,
                 "meeting_date": draft.meeting_date and draft.meeting_date.isoformat(),
                 "topics": len(draft.topics), "quotes": len(draft.quotes)})
            continue
        try:
            res = store.add_draft(draft, new_meeting=args.new_meeting)
        except (StoreBusy, StoreCorrupt, StoreUnwritable):
            bar.clear()
            raise  # the store itself is unusable now: one line, exit 2
        except DuplicateArticle as exc:
            failed += 1
            say(f"skipped: {item.path}: {exc}",
                {"path": item.path, "result": "skipped", "reason": str(exc)})
            continue
        except StoreError as exc:
            failed += 1
            say(f"skipped: {item.path}: {exc}",
                {"path": item.path, "result": "skipped", "reason": str(exc)})
            continue
        entry = {"path": item.path, "title": draft.title, "meeting_id": res.meeting_id,
                 "article_id": res.article_id, "quotes_added": res.quotes_added,
                 "quotes_merged": res.quotes_merged}
        if res.joined_existing:
            say(f"joined meeting #{res.meeting_id} as another source: {describe(draft)}"
                f" [{res.quotes_merged} quotes already held]",
                {**entry, "result": "joined"})
        else:
            say(f"added: {describe(draft)} -> meeting #{res.meeting_id}",
                {**entry, "result": "added"})
    bar.clear()
    if args.json:
        print_json(report)
    return 1 if failed else 0
