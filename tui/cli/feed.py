"""`bilat feed add|list|rm|pull`: follow RSS/Atom feeds and store their meeting articles."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from store.fetch.feeds import Feed, FeedError
from store.fetch.http import FetchError
from store.fetch.urls import url_refusal
from store.taxonomy import TaxonomyError, load_topics
from tui.cli.add import Progress, describe
from tui.cli.common import CliError, SubParsers, open_store, print_json, stderr_is_tty, with_json

if TYPE_CHECKING:
    from store.db import Store
    from store.db.feeds import FeedBook


def register(sub: SubParsers) -> None:
    feed = sub.add_parser("feed", help="follow RSS/Atom feeds: add, list, rm, pull")
    fsub = feed.add_subparsers(title="feed commands", metavar="ACTION", required=True)

    p = fsub.add_parser("add", help="follow a feed (it is fetched once to check it)")
    p.add_argument("url", metavar="URL")
    p.add_argument("--name", help="what to call it (default: the feed's own title)")
    p.set_defaults(handler=cmd_feed_add)

    p = with_json(fsub.add_parser("list", help="the feeds followed, with their unread items"))
    p.set_defaults(handler=cmd_feed_list)

    p = fsub.add_parser("rm", help="stop following a feed (stored articles stay)")
    p.add_argument("feed", metavar="FEED", help="its number, URL or name")
    p.set_defaults(handler=cmd_feed_rm)

    p = with_json(fsub.add_parser(
        "pull", help="fetch every feed and list its new items; --add stores the meetings"
    ))
    p.add_argument("--add", action="store_true",
                   help="store the items that read as a meeting between two countries")
    p.set_defaults(handler=cmd_feed_pull)


def _book(store: Store) -> FeedBook:
    # Its models are built when imported: paid by the `feed` commands, not every start.
    from store.db.feeds import FeedBook

    return FeedBook(store)


def read_feed(url: str) -> Feed:
    """Fetch and parse one feed; CliError (one line) for anything wrong."""
    from store.fetch import inbox  # the fetcher and ingest: paid by the commands that fetch

    try:
        return inbox.read_feed(url)
    except (FetchError, FeedError) as exc:
        raise CliError(f"{url}: {exc}") from None


def cmd_feed_add(args: argparse.Namespace) -> int:
    why = url_refusal(args.url)
    if why is not None:
        raise CliError(f"{args.url}: {why}")
    feed = read_feed(args.url)  # before the store is opened: a bad feed stores nothing
    name = args.name or feed.title or urlsplit(args.url).hostname or args.url
    store = open_store(args)
    try:
        info = _book(store).add(args.url, name)
    finally:
        store.close()
    print(f"following feed #{info.id} “{info.name}” ({len(feed.items)} items in it now; "
          "`bilat feed pull` lists them)")
    return 0


def cmd_feed_list(args: argparse.Namespace) -> int:
    store = open_store(args, create=False)
    try:
        feeds = _book(store).all()
    finally:
        store.close()
    if args.json:
        print_json(feeds)
        return 0
    if not feeds:
        print("no feeds followed (add one with `bilat feed add URL`)")
    for f in feeds:
        pulled = f.pulled_at.strftime("%Y-%m-%d %H:%M") if f.pulled_at else "never"
        print(f"#{f.id:<3} {f.name}  {f.url}  (pulled {pulled}, {f.new_items} new)")
    return 0


def cmd_feed_rm(args: argparse.Namespace) -> int:
    store = open_store(args, create=False)
    try:
        book = _book(store)
        info = book.find(args.feed)
        book.remove(info.id)
    finally:
        store.close()
    print(f"no longer following #{info.id} “{info.name}”")
    return 0


def cmd_feed_pull(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        return _pull(store, args)
    finally:
        store.close()


def _pull(store: Store, args: argparse.Namespace) -> int:
    from store.fetch import inbox  # the fetcher and ingest: paid by the commands that fetch

    book = _book(store)
    feeds = book.all()
    if not feeds:
        raise CliError("no feeds followed (add one with `bilat feed add URL`)")
    try:
        topics = load_topics()
    except TaxonomyError as exc:
        raise CliError(str(exc)) from None
    report: list[dict[str, Any]] = []
    failed = 0
    bar = Progress(len(feeds), stderr_is_tty() and not args.json)

    def say(line: str, entry: dict[str, Any], err: bool = False) -> None:
        report.append(entry)
        if not args.json:
            bar.clear()
            print(line, file=sys.stderr if err else sys.stdout, flush=True)

    for f in feeds:
        bar.step()
        pulled = inbox.pull_feed(book, f)
        if pulled.error is not None:
            failed += 1
            say(f"feed “{f.name}”: {f.url}: {pulled.error}",
                {"feed": f.name, "result": "failed", "reason": pulled.error}, err=True)
            continue
        say(f"feed “{f.name}”: {len(pulled.new)} new item(s)",
            {"feed": f.name, "result": "pulled", "new": len(pulled.new)})
        if not args.add:
            for item in pulled.new:
                say(f"  new: {item.title or '(untitled)'} <{item.url}>",
                    {"feed": f.name, "result": "new", "title": item.title, "url": item.url})
    if args.add:
        # Every item not yet settled: this pull's, and those an earlier plain pull listed.
        pending = book.items("new")
        bar.clear()
        bar = Progress(len(pending), len(pending) > 1 and stderr_is_tty() and not args.json)
        for item in pending:
            bar.step()
            taken = inbox.take_item(store, book, item, topics=topics)
            entry = {"feed": item.feed_name, "url": item.url, "title": item.title}
            if taken.added is not None and taken.draft is not None:
                say(f"added: {describe(taken.draft)} -> meeting #{taken.added.meeting_id}",
                    {**entry, "result": "added", "meeting_id": taken.added.meeting_id})
            else:
                say(f"skipped: {item.title or item.url}: {taken.reason}",
                    {**entry, "result": "skipped", "reason": taken.reason}, err=True)
    bar.clear()
    if args.json:
        print_json(report)
    return 1 if failed else 0
