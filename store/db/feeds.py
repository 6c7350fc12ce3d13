"""Followed feeds and the items their pulls have seen (schema V5).

`FeedBook(store)` holds the store's lock for each call, like `Store`'s own methods, and
each write is one transaction. The network is not touched here: the CLI and the Inbox
screen fetch, then record what they saw.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from pydantic import BaseModel, Field

from store.db.connection import transaction, translate
from store.db.errors import StoreError
from store.db.store import Store

ITEM_STATES = ("new", "added", "skipped")


class FeedInfo(BaseModel):
    """A followed feed as `bilat feed list` shows it."""

    id: int
    url: str
    name: str
    added_at: datetime
    pulled_at: datetime | None = None
    new_items: int = Field(0, description="Items seen but neither added nor skipped (the Inbox)")


class InboxItem(BaseModel):
    """One item a pull has seen."""

    id: int
    feed_id: int
    feed_name: str
    url: str
    title: str
    published: datetime | None = None
    state: str = Field(description="new, added or skipped")
    reason: str | None = Field(None, description="Why it was skipped")
    article_id: int | None = None


class SeenItem(BaseModel):
    """An item as a pull found it, before it is recorded."""

    key: str
    url: str
    title: str = ""
    published: datetime | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat()


class FeedBook:
    """The feeds of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _run(self, fn: Callable[..., object], *args: object) -> object:
        """`fn(conn, *args)` under the store's lock, sqlite3 errors as StoreErrors (as in Store)."""
        with self.store._lock:
            try:
                return fn(self.store.conn, *args)
            except sqlite3.Error as exc:
                raise translate(exc, self.store.path) from None

    # --- feeds ----------------------------------------------------------------------

    def add(self, url: str, name: str) -> FeedInfo:
        """Follow a feed; StoreError when it is followed already."""
        result = self._run(self._add, url, name)
        assert isinstance(result, FeedInfo)
        return result

    def _add(self, conn: sqlite3.Connection, url: str, name: str) -> FeedInfo:
        with transaction(conn):
            row = conn.execute("SELECT name FROM feeds WHERE url = ?", (url,)).fetchone()
            if row is not None:
                raise StoreError(f"already following {url} (as “{row[0]}”)")
            cur = conn.execute(
                "INSERT INTO feeds (url, name, added_at) VALUES (?, ?, ?)", (url, name, _now())
            )
        return self._feeds(conn, int(cur.lastrowid or 0))[0]

    def all(self) -> list[FeedInfo]:
        result = self._run(self._feeds, None)
        assert isinstance(result, list)
        return result

    def _feeds(self, conn: sqlite3.Connection, feed_id: int | None) -> list[FeedInfo]:
        rows = conn.execute(
            """SELECT f.id, f.url, f.name, f.added_at, f.pulled_at,
                      (SELECT count(*) FROM feed_items i
                        WHERE i.feed_id = f.id AND i.state = 'new') AS new_items
                 FROM feeds f WHERE ? IS NULL OR f.id = ? ORDER BY f.id""",
            (feed_id, feed_id),
        ).fetchall()
        return [FeedInfo(id=r[0], url=r[1], name=r[2], added_at=r[3], pulled_at=r[4],
                         new_items=r[5]) for r in rows]

    def find(self, ref: str) -> FeedInfo:
        """A feed by number, URL or name (any case); StoreError when none matches."""
        key = ref.strip().lstrip("#")
        for f in self.all():
            if key == str(f.id) or key == f.url or key.casefold() == f.name.casefold():
                return f
        raise StoreError(f"no feed {ref!r} (see `bilat feed list`)")

    def remove(self, feed_id: int) -> None:
        """Stop following a feed; its seen items go with it (stored articles stay)."""
        self._run(self._remove, feed_id)

    def _remove(self, conn: sqlite3.Connection, feed_id: int) -> None:
        with transaction(conn):
            conn.execute("DELETE FROM feed_items WHERE feed_id = ?", (feed_id,))
            conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))

    # --- items ----------------------------------------------------------------------

    def record_seen(self, feed_id: int, items: Iterable[SeenItem]) -> list[InboxItem]:
        """Remember a pull's items; returns those never seen before (now in the Inbox)."""
        result = self._run(self._record_seen, feed_id, list(items))
        assert isinstance(result, list)
        return result

    def _record_seen(
        self, conn: sqlite3.Connection, feed_id: int, items: list[SeenItem]
    ) -> list[InboxItem]:
        new_ids: list[int] = []
        with transaction(conn):
            for it in items:
                cur = conn.execute(
                    """INSERT INTO feed_items (feed_id, key, url, title, published, seen_at)
                       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (feed_id, key) DO NOTHING""",
                    (feed_id, it.key, it.url, it.title,
                     it.published and it.published.isoformat(), _now()),
                )
                if cur.rowcount:
                    new_ids.append(int(cur.lastrowid or 0))
            conn.execute("UPDATE feeds SET pulled_at = ? WHERE id = ?", (_now(), feed_id))
        return [i for i in self._items(conn, "new", None) if i.id in set(new_ids)]

    def items(self, state: str | None = "new", feed_id: int | None = None) -> list[InboxItem]:
        """Seen items, newest first; `state=None` lists all of them."""
        result = self._run(self._items, state, feed_id)
        assert isinstance(result, list)
        return result

    def _items(
        self, conn: sqlite3.Connection, state: str | None, feed_id: int | None
    ) -> list[InboxItem]:
        rows = conn.execute(
            """SELECT i.id, i.feed_id, f.name, i.url, i.title, i.published, i.state, i.reason,
                      i.article_id
                 FROM feed_items i JOIN feeds f ON f.id = i.feed_id
                WHERE (? IS NULL OR i.state = ?) AND (? IS NULL OR i.feed_id = ?)
                ORDER BY coalesce(i.published, i.seen_at) DESC, i.id DESC""",
            (state, state, feed_id, feed_id),
        ).fetchall()
        return [InboxItem(id=r[0], feed_id=r[1], feed_name=r[2], url=r[3], title=r[4],
                          published=r[5], state=r[6], reason=r[7], article_id=r[8])
                for r in rows]

    def settle(
        self, item_id: int, state: str, *, reason: str | None = None,
        article_id: int | None = None,
    ) -> None:
        """Mark an item added (with its article) or skipped (with the reason)."""
        if state not in ITEM_STATES:
            raise StoreError(f"not an item state: {state!r}")
        self._run(self._settle, item_id, state, reason, article_id)

    def _settle(
        self, conn: sqlite3.Connection, item_id: int, state: str, reason: str | None,
        article_id: int | None,
    ) -> None:
        with transaction(conn):
            conn.execute(
                "UPDATE feed_items SET state = ?, reason = ?, article_id = ? WHERE id = ?",
                (state, reason, article_id, item_id),
            )

    def stored_url(self, url: str) -> int | None:
        """The meeting that already holds an article from this URL, if any."""
        result = self._run(self._stored_url, url)
        assert result is None or isinstance(result, int)
        return result

    def _stored_url(self, conn: sqlite3.Connection, url: str) -> int | None:
        row = conn.execute(
            "SELECT meeting_id FROM articles WHERE url = ? LIMIT 1", (url,)
        ).fetchone()
        return None if row is None else int(row[0])
