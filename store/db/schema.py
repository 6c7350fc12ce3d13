"""The schema as an ordered list of forward migrations; `PRAGMA user_version` says where a file is.

Version 1 was the first cut: meetings, articles, actors, topics, extracted
topic entries and quotes. Version 2 added the user's edits (kept apart from
extracted values), quote de-duplication across sources, FTS5 search, the
article texts in their own table and the indexes the queries rely on.
Version 3 added curation: the user's edits of a meeting (`meeting_edits`, apart from what
the articles say), what ingest guessed (`review` and the source phrases), a key of the
article text without page furniture (`text_key`, for duplicates), a quote's side set
on its own (`country_overridden`) and the journal of every user change.
Version 4 keeps the board's cells and counts in tables of their own, kept by
triggers, so what a user waits for reads a few index entries at any size.
Version 5 holds the feeds a user follows and the items pulled from them; version 6 the
positions and commitments of each article, with the user's own state of a commitment.
Versions 7 to 9 store each commitment's tracking; version 10 the exports' finished text.
Never edit a released migration: append one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from store.db.errors import StoreCorrupt, StoreError

_V1 = [
    """CREATE TABLE topics (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        keywords TEXT NOT NULL DEFAULT '[]',      -- JSON list
        description TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE actors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL DEFAULT '',
        country TEXT,
        aliases TEXT NOT NULL DEFAULT '[]',       -- JSON list
        kind TEXT NOT NULL DEFAULT 'person'
    )""",
    """CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        dyad TEXT NOT NULL DEFAULT '[]',          -- JSON list of the two countries, sorted
        dyad_key TEXT NOT NULL DEFAULT '',        -- the same joined by '|', for indexing
        meeting_date TEXT,                        -- ISO date
        location TEXT,
        participants TEXT NOT NULL DEFAULT '[]'   -- JSON list of Actor, union over articles
    )""",
    """CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        title TEXT NOT NULL DEFAULT '',
        published TEXT,
        meeting_date TEXT,                        -- this article's own reading (for splits)
        location TEXT,
        source TEXT,
        url TEXT,
        original TEXT NOT NULL,
        text TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        paragraph_spans TEXT NOT NULL DEFAULT '[]',
        participants TEXT NOT NULL DEFAULT '[]',
        added_at TEXT NOT NULL
    )""",
    """CREATE TABLE topic_entries (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        topic_id TEXT NOT NULL REFERENCES topics(id),
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        evidence TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        paragraphs TEXT NOT NULL DEFAULT '[]',
        figures TEXT NOT NULL DEFAULT '[]',
        UNIQUE (article_id, topic_id)
    )""",
    """CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        speaker TEXT,
        speaker_country TEXT,
        topic TEXT,
        paragraph INTEGER NOT NULL DEFAULT 0,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        partial INTEGER NOT NULL DEFAULT 0
    )""",
]

_FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"

_V2 = [
    # The article texts (kilobytes each) move to their own table so that the
    # metadata rows every query joins stay small: twenty to a page, not one.
    """CREATE TABLE article_texts (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        original TEXT NOT NULL,
        text TEXT NOT NULL
    )""",
    """INSERT INTO article_texts (article_id, original, text)
       SELECT id, original, text FROM articles""",
    "ALTER TABLE articles DROP COLUMN original",
    "ALTER TABLE articles DROP COLUMN text",
    # Overrides live in their own table, keyed by meeting x topic, so re-extraction
    # (which rewrites topic_entries) can never touch them.
    """CREATE TABLE entry_overrides (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        topic_id TEXT NOT NULL REFERENCES topics(id),
        status TEXT,
        note TEXT,
        PRIMARY KEY (meeting_id, topic_id)
    )""",
    # What the board shows per meeting (topic -> status), kept by writes.refresh_cells.
    "ALTER TABLE meetings ADD COLUMN cells TEXT NOT NULL DEFAULT '{}'",
    # Version 1 had no overrides: the winner is the article entry with evidence,
    # then the latest published, then the latest added (as merge.entry_rank).
    """UPDATE meetings SET cells = COALESCE((
        SELECT json_group_object(topic_id, status) FROM (
            SELECT e.topic_id, e.status,
                   max((e.evidence != '') || COALESCE(a.published, '0000-00-00')
                       || printf('%012d', e.article_id))
            FROM topic_entries e JOIN articles a ON a.id = e.article_id
            WHERE e.meeting_id = meetings.id GROUP BY e.topic_id)), '{}')""",
    # Outlets of a meeting's articles, kept on the meeting so lists need no join.
    "ALTER TABLE meetings ADD COLUMN sources TEXT NOT NULL DEFAULT '[]'",
    """UPDATE meetings SET sources = COALESCE((
        SELECT json_group_array(source) FROM (
            SELECT source, min(id) AS first FROM articles
            WHERE meeting_id = meetings.id AND source IS NOT NULL
            GROUP BY source ORDER BY first)), '[]')""",
    "ALTER TABLE quotes ADD COLUMN speaker_override TEXT",
    "ALTER TABLE quotes ADD COLUMN speaker_country_override TEXT",
    "ALTER TABLE quotes ADD COLUMN topic_override TEXT",
    "ALTER TABLE quotes ADD COLUMN topic_overridden INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE quotes ADD COLUMN dropped INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE quotes ADD COLUMN duplicate_of INTEGER REFERENCES quotes(id) ON DELETE SET NULL",
    # What views show: the user's fix when there is one, else the extracted value.
    """ALTER TABLE quotes ADD COLUMN eff_speaker TEXT GENERATED ALWAYS AS
        (COALESCE(speaker_override, speaker)) VIRTUAL""",
    """ALTER TABLE quotes ADD COLUMN eff_country TEXT GENERATED ALWAYS AS
        (CASE WHEN speaker_override IS NOT NULL THEN speaker_country_override
              ELSE speaker_country END) VIRTUAL""",
    """ALTER TABLE quotes ADD COLUMN eff_topic TEXT GENERATED ALWAYS AS
        (CASE WHEN topic_overridden THEN topic_override ELSE topic END) VIRTUAL""",
    "CREATE INDEX meetings_dyad_date ON meetings(dyad_key, meeting_date)",
    "CREATE INDEX meetings_date ON meetings(meeting_date)",
    "CREATE INDEX articles_meeting ON articles(meeting_id)",
    "CREATE INDEX entries_topic_meeting ON topic_entries(topic_id, meeting_id)",
    # covering: the board reads (meeting, topic, status) for every cell of a dyad
    "CREATE INDEX entries_meeting ON topic_entries(meeting_id, topic_id, status)",
    "CREATE INDEX quotes_meeting ON quotes(meeting_id)",
    "CREATE INDEX quotes_article ON quotes(article_id)",
    "CREATE INDEX quotes_topic ON quotes(eff_topic)",
    "CREATE INDEX quotes_speaker ON quotes(eff_speaker)",
    # partial: "duplicate_of IS NULL" (every shown quote) must not be planned through it
    "CREATE INDEX quotes_duplicate ON quotes(duplicate_of) WHERE duplicate_of IS NOT NULL",
    # External-content FTS5 tables, kept in sync by triggers inside the writing transaction.
    f"""CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, content='quotes', content_rowid='id', tokenize='{_FTS_TOKENIZER}')""",
    f"""CREATE VIRTUAL TABLE articles_fts USING fts5(
        text, content='article_texts', content_rowid='article_id', tokenize='{_FTS_TOKENIZER}')""",
    """CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END""",
    """CREATE TRIGGER quotes_au AFTER UPDATE OF text ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER article_texts_ai AFTER INSERT ON article_texts BEGIN
        INSERT INTO articles_fts(rowid, text) VALUES (new.article_id, new.text); END""",
    """CREATE TRIGGER article_texts_ad AFTER DELETE ON article_texts BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, text)
        VALUES ('delete', old.article_id, old.text); END""",
    """CREATE TRIGGER article_texts_au AFTER UPDATE OF text ON article_texts BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, text)
        VALUES ('delete', old.article_id, old.text);
        INSERT INTO articles_fts(rowid, text) VALUES (new.article_id, new.text); END""",
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]

_V3 = [
    # The user's corrections of a meeting, kept apart from what its articles say; NULL is
    # "not edited". The meeting row holds what views show (the edit when there is one).
    """CREATE TABLE meeting_edits (
        meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        title TEXT,
        meeting_date TEXT,
        location TEXT,
        dyad TEXT,                                    -- JSON list of two countries
        participants_added TEXT NOT NULL DEFAULT '[]',   -- JSON list of Actor
        participants_removed TEXT NOT NULL DEFAULT '[]'  -- JSON list of names
    )""",
    # What ingest guessed (MeetingDraft.review_reasons); emptied when a user edits or confirms.
    "ALTER TABLE meetings ADD COLUMN review TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE articles ADD COLUMN date_source TEXT",
    "ALTER TABLE articles ADD COLUMN place_source TEXT",
    "ALTER TABLE articles ADD COLUMN dyad_source TEXT",
    "ALTER TABLE articles ADD COLUMN review TEXT NOT NULL DEFAULT '[]'",
    # A hash of the plain text (store/db/textkey.py): the same story re-saved from another
    # page (other menus, ads, markup) is the same article.
    "ALTER TABLE articles ADD COLUMN text_key INTEGER",
    """UPDATE articles SET text_key = bilat_text_key(
        (SELECT text FROM article_texts WHERE article_id = articles.id))""",
    "CREATE INDEX articles_text_key ON articles(text_key)",
    # A quote's side may be fixed without its speaker (an unresolved "he said").
    "ALTER TABLE quotes ADD COLUMN country_overridden INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE quotes DROP COLUMN eff_country",
    """ALTER TABLE quotes ADD COLUMN eff_country TEXT GENERATED ALWAYS AS
        (CASE WHEN speaker_override IS NOT NULL OR country_overridden
              THEN speaker_country_override ELSE speaker_country END) VIRTUAL""",
    # Every change a user makes, written in the transaction of the change. `before` and
    # `after` are JSON (see store/db/journal.py); undone_at is set by undo.
    """CREATE TABLE journal (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        meeting_id INTEGER,
        summary TEXT NOT NULL DEFAULT '',
        before TEXT NOT NULL DEFAULT '{}',
        after TEXT NOT NULL DEFAULT '{}',
        undone_at TEXT
    )""",
]


# The order views show a pair's meetings in (MEETING_ORDER in queries.py: dated ones by
# date, then undated ones, ties by id) as one sortable text, so "newest N", "the one
# before" and "the page at offset k" are index range reads instead of sorts.
_SEQ = "printf('%d%s%012d', meeting_date IS NULL, COALESCE(meeting_date, ''), id)"

_V4 = [
    f"ALTER TABLE meetings ADD COLUMN seq TEXT GENERATED ALWAYS AS ({_SEQ}) VIRTUAL",
    "CREATE INDEX meetings_dyad_seq ON meetings(dyad_key, seq)",
    # A topic's quotes at a batch of meetings (topic pages, exports) without reading
    # the meetings' other quotes.
    "CREATE INDEX quotes_meeting_topic ON quotes(meeting_id, eff_topic)",
    # One row per board cell (meeting x topic shown), copied from `meetings.cells` by the
    # triggers below, so "the last time topic T was raised by this pair (before meeting M)"
    # is one index probe whatever the length of the history.
    """CREATE TABLE board_cells (
        meeting_id INTEGER NOT NULL,
        topic_id TEXT NOT NULL,
        status TEXT NOT NULL,
        dyad_key TEXT NOT NULL,
        meeting_date TEXT,
        seq TEXT NOT NULL,
        PRIMARY KEY (meeting_id, topic_id)
    ) WITHOUT ROWID""",
    """INSERT INTO board_cells (meeting_id, topic_id, status, dyad_key, meeting_date, seq)
       SELECT m.id, j.key, j.value, m.dyad_key, m.meeting_date, m.seq
       FROM meetings m, json_each(m.cells) j""",
    "CREATE INDEX board_cells_topic ON board_cells(dyad_key, topic_id, seq)",
    # Counts the board prints (meetings per pair, meetings that raised each topic), kept
    # by triggers so the board never counts a history.
    """CREATE TABLE dyad_counts (
        dyad_key TEXT PRIMARY KEY,
        dyad TEXT NOT NULL,
        meetings INTEGER NOT NULL
    ) WITHOUT ROWID""",
    """INSERT INTO dyad_counts (dyad_key, dyad, meetings)
       SELECT dyad_key, min(dyad), count(*) FROM meetings GROUP BY dyad_key""",
    """CREATE TABLE topic_counts (
        dyad_key TEXT NOT NULL,
        topic_id TEXT NOT NULL,
        raised INTEGER NOT NULL,
        PRIMARY KEY (dyad_key, topic_id)
    ) WITHOUT ROWID""",
    """INSERT INTO topic_counts (dyad_key, topic_id, raised)
       SELECT dyad_key, topic_id, count(*) FROM board_cells GROUP BY dyad_key, topic_id""",
    """CREATE TRIGGER meetings_cells_ai AFTER INSERT ON meetings BEGIN
        INSERT INTO board_cells (meeting_id, topic_id, status, dyad_key, meeting_date, seq)
        SELECT new.id, j.key, j.value, new.dyad_key, new.meeting_date, new.seq
        FROM json_each(new.cells) j;
        INSERT INTO dyad_counts (dyad_key, dyad, meetings) VALUES (new.dyad_key, new.dyad, 1)
        ON CONFLICT (dyad_key) DO UPDATE SET meetings = meetings + 1;
    END""",
    """CREATE TRIGGER meetings_cells_au AFTER UPDATE OF cells, dyad_key, meeting_date
        ON meetings BEGIN
        DELETE FROM board_cells WHERE meeting_id = old.id;
        INSERT INTO board_cells (meeting_id, topic_id, status, dyad_key, meeting_date, seq)
        SELECT new.id, j.key, j.value, new.dyad_key, new.meeting_date, new.seq
        FROM json_each(new.cells) j;
    END""",
    """CREATE TRIGGER meetings_dyad_au AFTER UPDATE OF dyad_key ON meetings
        WHEN old.dyad_key != new.dyad_key BEGIN
        UPDATE dyad_counts SET meetings = meetings - 1 WHERE dyad_key = old.dyad_key;
        INSERT INTO dyad_counts (dyad_key, dyad, meetings) VALUES (new.dyad_key, new.dyad, 1)
        ON CONFLICT (dyad_key) DO UPDATE SET meetings = meetings + 1;
    END""",
    """CREATE TRIGGER meetings_cells_ad AFTER DELETE ON meetings BEGIN
        DELETE FROM board_cells WHERE meeting_id = old.id;
        UPDATE dyad_counts SET meetings = meetings - 1 WHERE dyad_key = old.dyad_key;
    END""",
    # Speaker names shown (eff_speaker) with their quote count: `quotes --speaker` matches
    # a part of a name against these few hundred rows, not the quotes.
    """CREATE TABLE speakers (
        name TEXT PRIMARY KEY,
        quotes INTEGER NOT NULL
    ) WITHOUT ROWID""",
    """INSERT INTO speakers (name, quotes)
       SELECT eff_speaker, count(*) FROM quotes WHERE eff_speaker IS NOT NULL
       GROUP BY eff_speaker""",
    """CREATE TRIGGER quotes_speaker_ai AFTER INSERT ON quotes
        WHEN new.eff_speaker IS NOT NULL BEGIN
        INSERT INTO speakers (name, quotes) VALUES (new.eff_speaker, 1)
        ON CONFLICT (name) DO UPDATE SET quotes = quotes + 1;
    END""",
    """CREATE TRIGGER quotes_speaker_ad AFTER DELETE ON quotes
        WHEN old.eff_speaker IS NOT NULL BEGIN
        UPDATE speakers SET quotes = quotes - 1 WHERE name = old.eff_speaker;
    END""",
    """CREATE TRIGGER quotes_speaker_au AFTER UPDATE OF speaker, speaker_override ON quotes
        WHEN old.eff_speaker IS NOT new.eff_speaker BEGIN
        UPDATE speakers SET quotes = quotes - 1 WHERE name = old.eff_speaker;
        INSERT INTO speakers (name, quotes) SELECT new.eff_speaker, 1
        WHERE new.eff_speaker IS NOT NULL
        ON CONFLICT (name) DO UPDATE SET quotes = quotes + 1;
    END""",
    """CREATE TRIGGER board_cells_ai AFTER INSERT ON board_cells BEGIN
        INSERT INTO topic_counts (dyad_key, topic_id, raised)
        VALUES (new.dyad_key, new.topic_id, 1)
        ON CONFLICT (dyad_key, topic_id) DO UPDATE SET raised = raised + 1;
    END""",
    """CREATE TRIGGER board_cells_ad AFTER DELETE ON board_cells BEGIN
        UPDATE topic_counts SET raised = raised - 1
        WHERE dyad_key = old.dyad_key AND topic_id = old.topic_id;
    END""",
]

_V5 = [
    # When a URL was fetched (None for files and pastes): the article keeps its URL
    # (articles.url, since V1) and the time it was read from the web.
    "ALTER TABLE articles ADD COLUMN fetched_at TEXT",
    # Followed feeds (RSS/Atom), and every item a pull has seen, so that the next pull
    # lists only what is new. An item's state: new (in the Inbox), added (stored as an
    # article), skipped (with the reason, e.g. "no meeting between two countries").
    """CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        added_at TEXT NOT NULL,
        pulled_at TEXT
    )""",
    """CREATE TABLE feed_items (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        url TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        published TEXT,
        seen_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'added', 'skipped')),
        reason TEXT,
        article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        UNIQUE (feed_id, key)
    )""",
    "CREATE INDEX feed_items_state ON feed_items(state, feed_id)",
]

# Version 6: positions and commitments, one row each, with their article (so `reindex` and
# `rm-source` find them) and meeting (so merge and split move them). A commitment's
# extracted state is not stored: it is read from the later meetings of the pair
# (store/commitments.py) when asked. The user's state and note sit on the row, apart from
# the extracted columns; `reindex` keeps the row (and its id) when it finds the promise again.
_V6 = [
    # An article's rows are deleted with it by the writes that delete one article (rm-source,
    # undo of add): no foreign key on article_id, whose cascade would need an index of its
    # own on every insert (a tenth of `add`). The meeting key cascades, through the
    # (meeting_id, article_id) index that serves both.
    """CREATE TABLE positions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        side TEXT,
        speaker TEXT,
        topic TEXT,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        paragraph INTEGER NOT NULL DEFAULT 0,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        quote INTEGER                               -- index into the article's draft quotes
    )""",
    """CREATE TABLE commitments (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        parties TEXT NOT NULL DEFAULT '[]',         -- JSON list of countries
        topic TEXT,
        text TEXT NOT NULL,
        due TEXT,
        paragraph INTEGER NOT NULL DEFAULT 0,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        manual_state TEXT,                          -- the user's; NULL: the extracted one
        note TEXT
    )""",
    # `bilat positions TOPIC` finds the topic's meetings in `board_cells` (a position takes
    # the topic of its paragraph, which gives the meeting that topic), then their positions
    # here: no index on the topic, which every add would pay for.
    "CREATE INDEX positions_meeting ON positions(meeting_id, article_id)",
    "CREATE INDEX commitments_meeting ON commitments(meeting_id, article_id)",
]

# Version 7: each commitment's extracted tracking, stored (store/db/tracked.py), so that
# `bilat commitments`, the Commitments screen and the board's overdue mark read an index
# instead of walking the pair's history. `tracking_pairs` says how far each pair was walked
# (the `seq` of its newest meeting then): a meeting added after it is walked on from there,
# alone. Triggers mark a pair stale (walked again from the start) whenever something at or
# before that point changes, whatever the write (add, edit, merge, split, rm, reindex, undo,
# import). The user's state and note stay on the commitment row, apart.
_WALKED = """SELECT m.dyad_key FROM meetings m JOIN tracking_pairs w ON w.dyad_key = m.dyad_key
        WHERE m.id = {meeting} AND m.seq <= w.through_seq"""
_V7 = [
    """CREATE TABLE commitment_tracking (
        commitment_id INTEGER PRIMARY KEY REFERENCES commitments(id) ON DELETE CASCADE,
        dyad_key TEXT NOT NULL,
        state TEXT NOT NULL,
        evidence TEXT NOT NULL DEFAULT '',
        evidence_meeting_id INTEGER,
        evidence_date TEXT,
        due_date TEXT
    )""",
    "CREATE INDEX commitment_tracking_dyad ON commitment_tracking(dyad_key, state, due_date)",
    """CREATE TABLE tracking_pairs (
        dyad_key TEXT PRIMARY KEY,
        through_seq TEXT NOT NULL                 -- the newest meeting walked (meetings.seq)
    ) WITHOUT ROWID""",
    "CREATE TABLE tracking_stale (dyad_key TEXT PRIMARY KEY) WITHOUT ROWID",
    """CREATE TRIGGER tracking_meetings_ai AFTER INSERT ON meetings
        WHEN new.seq <= (SELECT through_seq FROM tracking_pairs WHERE dyad_key = new.dyad_key)
        BEGIN
        INSERT OR IGNORE INTO tracking_stale (dyad_key) VALUES (new.dyad_key);
    END""",
    """CREATE TRIGGER tracking_meetings_ad AFTER DELETE ON meetings
        WHEN old.seq <= (SELECT through_seq FROM tracking_pairs WHERE dyad_key = old.dyad_key)
        BEGIN
        INSERT OR IGNORE INTO tracking_stale (dyad_key) VALUES (old.dyad_key);
    END""",
    # The date moves a meeting in its pair's order (seq) and sets a due date's origin.
    """CREATE TRIGGER tracking_meetings_au AFTER UPDATE OF dyad_key, meeting_date ON meetings
        BEGIN
        INSERT OR IGNORE INTO tracking_stale (dyad_key) SELECT dyad_key FROM tracking_pairs
        WHERE (dyad_key = old.dyad_key AND old.seq <= through_seq)
           OR (dyad_key = new.dyad_key AND new.seq <= through_seq);
    END""",
    f"""CREATE TRIGGER tracking_articles_ai AFTER INSERT ON articles BEGIN
        INSERT OR IGNORE INTO tracking_stale (dyad_key) {_WALKED.format(meeting="new.meeting_id")};
    END""",
    f"""CREATE TRIGGER tracking_articles_ad AFTER DELETE ON articles BEGIN
        INSERT OR IGNORE INTO tracking_stale (dyad_key) {_WALKED.format(meeting="old.meeting_id")};
    END""",
    f"""CREATE TRIGGER tracking_articles_au AFTER UPDATE OF meeting_id, paragraph_spans
        ON articles BEGIN
        INSERT OR IGNORE INTO tracking_stale (dyad_key) {_WALKED.format(meeting="old.meeting_id")};
        INSERT OR IGNORE INTO tracking_stale (dyad_key) {_WALKED.format(meeting="new.meeting_id")};
    END""",
    f"""CREATE TRIGGER tracking_texts_au AFTER UPDATE OF text ON article_texts BEGIN
        INSERT OR IGNORE INTO tracking_stale (dyad_key) {_WALKED.format(
            meeting="(SELECT meeting_id FROM articles WHERE id = new.article_id)")};
    END""",
    f"""CREATE TRIGGER tracking_commitments_ai AFTER INSERT ON commitments BEGIN
        INSERT OR IGNORE INTO tracking_stale (dyad_key) {_WALKED.format(meeting="new.meeting_id")};
    END""",
    f"""CREATE TRIGGER tracking_commitments_ad AFTER DELETE ON commitments BEGIN
        INSERT OR IGNORE INTO tracking_stale (dyad_key) {_WALKED.format(meeting="old.meeting_id")};
    END""",
    f"""CREATE TRIGGER tracking_commitments_au AFTER UPDATE OF meeting_id, topic, text, due
        ON commitments BEGIN
        INSERT OR IGNORE INTO tracking_stale (dyad_key) {_WALKED.format(meeting="old.meeting_id")};
        INSERT OR IGNORE INTO tracking_stale (dyad_key) {_WALKED.format(meeting="new.meeting_id")};
    END""",
]

# Version 8: which tracker walked a pair (store/db/tracked.py TRACKER). Tracking rules
# change between releases; a pair walked by an older tracker is walked again when read,
# rather than showing the older tracker's states until something in the pair changes.
_V8 = ["ALTER TABLE tracking_pairs ADD COLUMN tracker INTEGER NOT NULL DEFAULT 0"]

# Version 9: a change inside a pair's walked history no longer sends the walk back to the
# pair's first meeting. `tracking_stale.from_seq` keeps the earliest meeting changed (the
# triggers of V7, made again, take the smaller of the old and the new), and
# `tracking_checkpoints` the walk's state every few thousand meetings (tracked.py): the walk
# resumes from the newest checkpoint before the change. NULL `from_seq` (a pair marked by
# V7's triggers before this migration): from the first meeting, as before. And the
# positions' and commitments' meeting indexes end with `start` (the order they are read in).
_MARK = """INSERT INTO tracking_stale (dyad_key, from_seq) {rows}
        ON CONFLICT (dyad_key) DO UPDATE SET from_seq = min(from_seq, excluded.from_seq);"""
_WALKED_AT = """SELECT m.dyad_key, m.seq FROM meetings m
        JOIN tracking_pairs w ON w.dyad_key = m.dyad_key
        WHERE m.id = {meeting} AND m.seq <= w.through_seq"""


def _marks(*meetings: str) -> str:
    return "\n        ".join(_MARK.format(rows=_WALKED_AT.format(meeting=m)) for m in meetings)


_V9 = [
    "ALTER TABLE tracking_stale ADD COLUMN from_seq TEXT",
    """CREATE TABLE tracking_checkpoints (
        dyad_key TEXT NOT NULL,
        through_seq TEXT NOT NULL,                -- the last meeting fed before it was taken
        state BLOB NOT NULL                       -- zlib of JSON: tracked.encode_state
    )""",
    "CREATE UNIQUE INDEX tracking_checkpoints_pair ON tracking_checkpoints(dyad_key, through_seq)",
    *(f"DROP TRIGGER {name}" for name in (
        "tracking_meetings_ai", "tracking_meetings_ad", "tracking_meetings_au",
        "tracking_articles_ai", "tracking_articles_ad", "tracking_articles_au",
        "tracking_texts_au", "tracking_commitments_ai", "tracking_commitments_ad",
        "tracking_commitments_au")),
    f"""CREATE TRIGGER tracking_meetings_ai AFTER INSERT ON meetings
        WHEN new.seq <= (SELECT through_seq FROM tracking_pairs WHERE dyad_key = new.dyad_key)
        BEGIN
        {_MARK.format(rows="VALUES (new.dyad_key, new.seq)")}
    END""",
    f"""CREATE TRIGGER tracking_meetings_ad AFTER DELETE ON meetings
        WHEN old.seq <= (SELECT through_seq FROM tracking_pairs WHERE dyad_key = old.dyad_key)
        BEGIN
        {_MARK.format(rows="VALUES (old.dyad_key, old.seq)")}
    END""",
    f"""CREATE TRIGGER tracking_meetings_au AFTER UPDATE OF dyad_key, meeting_date ON meetings
        BEGIN
        {_MARK.format(rows="SELECT dyad_key, old.seq FROM tracking_pairs "
                           "WHERE dyad_key = old.dyad_key AND old.seq <= through_seq")}
        {_MARK.format(rows="SELECT dyad_key, new.seq FROM tracking_pairs "
                           "WHERE dyad_key = new.dyad_key AND new.seq <= through_seq")}
    END""",
    # A meeting moved to another pair takes its commitments along: the old pair's rows go
    # (the new pair walks them); a walk resumed from a checkpoint replaces only its own.
    """CREATE TRIGGER tracking_meetings_moved AFTER UPDATE OF dyad_key ON meetings
        WHEN new.dyad_key IS NOT old.dyad_key BEGIN
        DELETE FROM commitment_tracking
        WHERE commitment_id IN (SELECT id FROM commitments WHERE meeting_id = new.id);
    END""",
    f"""CREATE TRIGGER tracking_articles_ai AFTER INSERT ON articles BEGIN
        {_marks("new.meeting_id")}
    END""",
    f"""CREATE TRIGGER tracking_articles_ad AFTER DELETE ON articles BEGIN
        {_marks("old.meeting_id")}
    END""",
    f"""CREATE TRIGGER tracking_articles_au AFTER UPDATE OF meeting_id, paragraph_spans
        ON articles BEGIN
        {_marks("old.meeting_id", "new.meeting_id")}
    END""",
    f"""CREATE TRIGGER tracking_texts_au AFTER UPDATE OF text ON article_texts BEGIN
        {_marks("(SELECT meeting_id FROM articles WHERE id = new.article_id)")}
    END""",
    f"""CREATE TRIGGER tracking_commitments_ai AFTER INSERT ON commitments BEGIN
        {_marks("new.meeting_id")}
    END""",
    f"""CREATE TRIGGER tracking_commitments_ad AFTER DELETE ON commitments BEGIN
        {_marks("old.meeting_id")}
    END""",
    f"""CREATE TRIGGER tracking_commitments_au AFTER UPDATE OF meeting_id, topic, text, due
        ON commitments BEGIN
        {_marks("old.meeting_id", "new.meeting_id")}
    END""",
    # Exports and the walk read a batch's positions and commitments in article, then text
    # order: with `start` in the index SQLite no longer sorts each batch (a temporary
    # B-tree per query; the positions of a Markdown export at 10,000 meetings read in
    # 0.14 s instead of 0.17 s). The same columns first, so every use of the old one stays.
    "DROP INDEX positions_meeting",
    "CREATE INDEX positions_meeting ON positions(meeting_id, article_id, start)",
    "DROP INDEX commitments_meeting",
    "CREATE INDEX commitments_meeting ON commitments(meeting_id, article_id, start)",
    # (as for a meeting moved to another pair: the commitment is walked where it now is)
    """CREATE TRIGGER tracking_commitments_moved AFTER UPDATE OF meeting_id ON commitments
        WHEN new.meeting_id IS NOT old.meeting_id BEGIN
        DELETE FROM commitment_tracking WHERE commitment_id = new.id;
    END""",
]

# Version 10: the finished text of each meeting's entries and positions as the Markdown and
# TimelineJS exports write it (store/export/texts.py; kept by store/db/rendered.py), so an
# export reads one string per entry instead of the entry, its quotes and figures, and
# escapes nothing. Made by the first export that needs it (a store upgraded to V10 starts
# with none) and dropped by triggers, in the transaction of the change, whenever something
# it was made from changes, whatever the write: the meeting's title or date, its articles
# (outlet, publication date), entries, overrides, quotes and positions. Deleting the
# meeting's row drops its entries' (cascade). `renderer`: texts made by an older
# texts.RENDERER are made again.
# table: the writes to it that drop the texts of the row's meeting (old and new)
_RENDERED_FROM: dict[str, tuple[str, ...]] = {
    "topic_entries": ("INSERT", "DELETE", "UPDATE"),
    "entry_overrides": ("INSERT", "DELETE", "UPDATE"),
    "quotes": ("INSERT", "DELETE", "UPDATE"),
    "positions": ("INSERT", "DELETE", "UPDATE"),
    "articles": ("INSERT", "DELETE", "UPDATE OF meeting_id, source, published"),
}


def _unrender(table: str, event: str) -> str:
    rows = {"INSERT": ["new"], "DELETE": ["old"]}.get(event, ["old", "new"])
    body = "\n        ".join(
        f"DELETE FROM rendered_meetings WHERE meeting_id = {r}.meeting_id;" for r in rows)
    name = f"rendered_{table}_{event.split()[0].lower()}"
    return f"""CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN
        {body}
    END"""


_V10 = [
    """CREATE TABLE rendered_meetings (
        meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        renderer INTEGER NOT NULL,                -- texts.RENDERER that made them
        md_head TEXT NOT NULL,                    -- "date: title", Markdown
        tjs_title TEXT NOT NULL,                  -- the title, HTML in a JSON string
        positions_md TEXT NOT NULL                -- position lines, Markdown ('' none)
    )""",
    """CREATE TABLE rendered_entries (
        meeting_id INTEGER NOT NULL
            REFERENCES rendered_meetings(meeting_id) ON DELETE CASCADE,
        topic_id TEXT NOT NULL,
        status TEXT NOT NULL,                     -- shown: the user's, else the extracted
        md TEXT NOT NULL,                         -- after the status line's transition
        tjs TEXT NOT NULL,                        -- after the transition paragraph
        PRIMARY KEY (meeting_id, topic_id)
    ) WITHOUT ROWID""",
    """CREATE TRIGGER rendered_meetings_update AFTER UPDATE OF title, meeting_date ON meetings
        BEGIN
        DELETE FROM rendered_meetings WHERE meeting_id = new.id;
    END""",
    *(_unrender(table, event) for table, events in _RENDERED_FROM.items() for event in events),
]

MIGRATIONS: list[list[str]] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9, _V10]
CURRENT_VERSION = len(MIGRATIONS)


def backup_path(path: Path, version: int) -> Path:
    """Where the copy taken before migrating away from `version` goes: beside the store."""
    return path.with_name(f"{path.name}.bak-v{version}")


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Bring the file to CURRENT_VERSION; returns the version it was at.

    The version is read again under the write lock (BEGIN IMMEDIATE): several
    bilats may open a brand-new store at once, and only the first may create
    the schema; the others find it done. A store at version >= 1 is first
    copied beside itself (SQLite's online backup, so WAL content is included);
    the migrations then run in one transaction with the `user_version` bump:
    all of them or none.
    """
    version = user_version(conn)
    _refuse_newer(version, path)
    if version == CURRENT_VERSION:
        return version  # the usual case: no lock taken
    if version > 0:
        # Before the lock: SQLite's backup cannot read through a connection that holds
        # it. Two bilats migrating at once both copy the same (old) version; harmless.
        _backup(conn, backup_path(path, version))
    # Version 3 fills the text key of stored articles with the same function new ones use.
    from store.db.textkey import text_key

    conn.create_function("bilat_text_key", 1, text_key, deterministic=True)
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = user_version(conn)
        _refuse_newer(version, path)
        if version == CURRENT_VERSION:
            conn.execute("COMMIT")
            return version
        if version == 0:
            tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            ).fetchone()[0]
            if tables:
                raise StoreCorrupt(
                    f"{path}: an SQLite database but not a bilat store; left untouched"
                )
        for number in range(version + 1, CURRENT_VERSION + 1):
            for statement in MIGRATIONS[number - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return version


def _refuse_newer(version: int, path: Path) -> None:
    if version > CURRENT_VERSION:
        raise StoreError(
            f"{path}: store was written by a newer bilat (schema {version}, this one knows "
            f"{CURRENT_VERSION}); upgrade bilat"
        )


def _backup(conn: sqlite3.Connection, target: Path) -> None:
    try:
        dest = sqlite3.connect(str(target))
    except sqlite3.Error as exc:
        raise StoreError(f"{target}: cannot write the backup before migrating ({exc})") from None
    try:
        conn.backup(dest)
    finally:
        dest.close()
