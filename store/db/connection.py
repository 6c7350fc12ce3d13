"""Opening the SQLite file safely, one transaction helper and error translation."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from store.db.errors import StoreBusy, StoreCorrupt, StoreError, StoreUnwritable

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_path(path: Path) -> None:
    """Refuse, before SQLite touches it, a path that cannot hold a store.

    A non-SQLite file is refused here so that SQLite never gets the chance to
    write a journal or a header over someone's data.
    """
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a store file")
    if path.exists():
        try:
            with path.open("rb") as fh:
                head = fh.read(len(SQLITE_MAGIC))
        except PermissionError:
            raise StoreError(f"{path}: permission denied") from None
        except OSError as exc:
            raise StoreError(f"{path}: cannot read ({exc.strerror})") from None
        # An empty file is what SQLite itself leaves after creating and closing; it is safe.
        if head and head != SQLITE_MAGIC:
            raise StoreCorrupt(
                f"{path}: not a bilat store (not an SQLite database); left untouched"
            )
        return
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{parent}: cannot create the store directory ({exc.strerror})") from None
    if not parent.is_dir():
        raise StoreError(f"{parent}: is not a directory")


# Tables every bilat store has had since schema version 1 (never dropped by a migration).
BILAT_TABLES = frozenset({"topics", "meetings", "articles", "quotes"})


def connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A connection in autocommit mode (we issue BEGIN ourselves), WAL, foreign keys on.

    Read-only when the store's directory cannot be written (SQLite could not create its
    -wal and -shm files there): reads work, writes fail as StoreUnwritable. Another
    program's database is refused before any pragma could change it.
    """
    read_only = path.exists() and not os.access(path.parent, os.W_OK)
    try:
        if read_only:
            # SQLite opens a WAL store read-only only with its -shm file beside it, which it
            # cannot create here. Without a -wal file no one can be writing (no one can create
            # one either), so the file is immutable for as long as the directory stays so.
            wal = path.with_name(path.name + "-wal").exists()
            uri = f"file:{quote(str(path.absolute()))}?mode=ro{'' if wal else '&immutable=1'}"
            conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout, isolation_level=None,
                                   check_same_thread=False)
        else:
            conn = sqlite3.connect(
                str(path), timeout=busy_timeout, isolation_level=None, check_same_thread=False
            )
    except sqlite3.Error as exc:
        raise translate(exc, path) from None
    try:
        conn.row_factory = sqlite3.Row
        # busy_timeout and foreign_keys belong to this connection; journal_mode is written
        # into the file, so it waits until the file is known to be a bilat store (or new).
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        refuse_foreign(conn, path)
        conn.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            # Another connection may hold the file in rollback mode; then it stays so (slower).
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc, path) from None
    except BaseException:
        conn.close()
        raise
    return conn


def refuse_foreign(conn: sqlite3.Connection, path: Path) -> None:
    """StoreCorrupt unless the file is empty of tables (new) or holds bilat's tables.

    `user_version` alone cannot tell: other programs set it too, to any number.
    """
    names = {
        r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    if names and not BILAT_TABLES <= names:
        raise StoreCorrupt(f"{path}: an SQLite database but not a bilat store; left untouched")


def translate(exc: sqlite3.Error, path: Path | None = None) -> StoreError:
    """One user-facing error for an sqlite3 exception."""
    msg = str(exc).lower()
    where = f"{path}: " if path is not None else ""
    if "locked" in msg or "busy" in msg:
        return StoreBusy()
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        return StoreCorrupt(
            f"{where}store file is damaged or not a bilat store ({exc}); left untouched"
        )
    if "readonly" in msg or "read-only" in msg:
        return StoreUnwritable(f"{where}store is read-only; cannot write to it")
    if "unable to open" in msg:
        return StoreError(f"{where}cannot open the store file (check the path and permissions)")
    if "disk i/o error" in msg:
        # What a write past a file-size limit (EFBIG) or a failing disk looks like to SQLite;
        # the transaction is rolled back, so say so in words a user can act on.
        return StoreUnwritable(
            f"{where}cannot write to the store file (disk full, file size limit or "
            "disk failure); nothing of this change was written"
        )
    if "disk" in msg and "full" in msg:
        return StoreUnwritable(f"{where}disk is full; nothing was written")
    return StoreError(f"{where}store error: {exc}")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception: all or nothing.

    IMMEDIATE takes the write lock up front, so a second writer waits (busy
    timeout) at BEGIN instead of failing half-way through its inserts.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
