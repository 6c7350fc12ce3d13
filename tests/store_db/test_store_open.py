"""Opening a store: creation, refusal of foreign or damaged files, migration, locking."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from store.db import Store, StoreBusy, StoreCorrupt, StoreError
from store.db.schema import CURRENT_VERSION, MIGRATIONS
from store.models import Status

from .drafts import make_draft


def test_new_store_is_wal_versioned_and_seeded(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "dir" / "bilat.db"
    with Store.open(path) as store:
        ids = [t.id for t in store.topics()]
        assert ids[:2] == ["russia-ukraine", "taiwan"] and "relations" in ids
        assert store.counts()["meetings"] == 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    conn.close()


def test_reopen_keeps_data_and_does_not_reseed_deleted_names(tmp_path: Path) -> None:
    path = tmp_path / "bilat.db"
    with Store.open(path) as store:
        draft = make_draft("One\nbody", when=date(2024, 1, 2), topics={"trade": Status.STALLED})
        store.add_draft(draft)
    with Store.open(path) as store:
        assert store.counts()["articles"] == 1
        assert store.board().rows[0].topic.id == "trade"


def test_non_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    content = b"my precious notes, not a database\n" * 100
    path.write_bytes(content)
    with pytest.raises(StoreCorrupt) as info:
        Store.open(path)
    assert "not a bilat store" in str(info.value) and "\n" not in str(info.value)
    assert path.read_bytes() == content
    assert not (tmp_path / "notes.db-wal").exists()


def test_damaged_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "bilat.db"
    with Store.open(path) as store:
        store.add_draft(make_draft("One\nbody", when=date(2024, 1, 2)))
    data = bytearray(path.read_bytes())
    # Keep the 16-byte magic, wreck the rest of the header and the first pages.
    data[16:4096] = b"\xff" * (4096 - 16)
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(StoreCorrupt) as info:
        Store.open(path)
    assert "\n" not in str(info.value)
    assert path.read_bytes() == before


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreCorrupt, match="not a bilat store"):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["invoices"]
    conn.close()


def test_directory_and_unwritable_paths_give_one_line(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        Store.open(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as info:
        Store.open(blocker / "sub" / "bilat.db")
    assert "\n" not in str(info.value)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bilat.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer bilat"):
        Store.open(path)


V1_BY_HAND = """
CREATE TABLE topics (id TEXT PRIMARY KEY, name TEXT NOT NULL, keywords TEXT NOT NULL DEFAULT '[]',
    description TEXT NOT NULL DEFAULT '');
CREATE TABLE actors (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL DEFAULT '', country TEXT, aliases TEXT NOT NULL DEFAULT '[]',
    kind TEXT NOT NULL DEFAULT 'person');
CREATE TABLE meetings (id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '',
    dyad TEXT NOT NULL DEFAULT '[]', dyad_key TEXT NOT NULL DEFAULT '', meeting_date TEXT,
    location TEXT, participants TEXT NOT NULL DEFAULT '[]');
CREATE TABLE articles (id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '', published TEXT, meeting_date TEXT, location TEXT, source TEXT,
    url TEXT, original TEXT NOT NULL, text TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,
    paragraph_spans TEXT NOT NULL DEFAULT '[]', participants TEXT NOT NULL DEFAULT '[]',
    added_at TEXT NOT NULL);
CREATE TABLE topic_entries (id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    topic_id TEXT NOT NULL REFERENCES topics(id),
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    status TEXT NOT NULL, evidence TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '',
    paragraphs TEXT NOT NULL DEFAULT '[]', figures TEXT NOT NULL DEFAULT '[]',
    UNIQUE (article_id, topic_id));
CREATE TABLE quotes (id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    text TEXT NOT NULL, speaker TEXT, speaker_country TEXT, topic TEXT,
    paragraph INTEGER NOT NULL DEFAULT 0, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    partial INTEGER NOT NULL DEFAULT 0);
INSERT INTO topics (id, name) VALUES ('taiwan', 'Taiwan'), ('trade', 'Trade');
INSERT INTO meetings (id, title, dyad, dyad_key, meeting_date, location)
    VALUES (1, 'Old talks', '["China","United States"]', 'China|United States', '2023-06-19',
            'Beijing');
INSERT INTO articles (id, meeting_id, title, original, text, sha256, added_at, source)
    VALUES (1, 1, 'Old talks', 'Old talks. "Candid and constructive," Hart said.',
            'Old talks. "Candid and constructive," Hart said.', 'abc123',
            '2023-06-20T10:00:00+00:00', 'Wire');
INSERT INTO topic_entries (meeting_id, topic_id, article_id, status, evidence)
    VALUES (1, 'taiwan', 1, 'tension', 'Tang warned on Taiwan.');
INSERT INTO quotes (article_id, meeting_id, text, speaker, speaker_country, topic, start, "end")
    VALUES (1, 1, 'Candid and constructive', 'Daniel Hart', 'United States', 'taiwan', 12, 35);
PRAGMA user_version = 1;
"""


def test_v1_store_is_migrated_with_a_backup_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "bilat.db"
    conn = sqlite3.connect(path)
    conn.executescript(V1_BY_HAND)
    conn.close()
    assert len(MIGRATIONS) >= 2  # there is a migration to run

    with Store.open(path) as store:
        refs = store.meetings()
        assert [(m.title, m.sources) for m in refs] == [("Old talks", ["Wire"])]
        history = store.topic_history("taiwan")
        assert [v.status for v in history] == [Status.TENSION]
        board = store.board()
        assert [(r.topic.id, r.cells) for r in board.rows] == [("taiwan", {1: Status.TENSION})]
        assert history[0].quotes[0].speaker == "Daniel Hart"
        # New v2 features work on migrated data: search (FTS rebuilt) and edits.
        found = store.search_quotes("constructive")
        assert [q.text for q in found] == ["Candid and constructive"]
        store.set_status(1, "taiwan", Status.DIALOGUE, note="reads softer")
        assert store.topic_history("taiwan")[0].status == Status.DIALOGUE
        assert store.board().rows[0].cells == {1: Status.DIALOGUE}

    backup = tmp_path / "bilat.db.bak-v1"
    assert backup.exists()
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT title FROM meetings").fetchall() == [("Old talks",)]
    old.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
    conn.close()


def test_locked_store_gives_store_busy(tmp_path: Path) -> None:
    path = tmp_path / "bilat.db"
    Store.open(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another bilat in the middle of a write
    try:
        with Store.open(path, busy_timeout=0.2) as store:
            with pytest.raises(StoreBusy) as info:
                store.add_draft(make_draft("Busy\nbody", when=date(2024, 1, 2)))
            assert str(info.value) == "store is busy: another bilat is writing; try again"
            other.execute("ROLLBACK")
            store.add_draft(make_draft("Busy\nbody", when=date(2024, 1, 2)))
            assert store.counts()["articles"] == 1
    finally:
        other.close()


def test_closed_store_refuses_calls(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bilat.db")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.counts()
