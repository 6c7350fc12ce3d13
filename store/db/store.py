"""`Store`: the one object the CLI and the TUI hold. Thread-safe, every call one lock."""

from __future__ import annotations

import functools
import sqlite3
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Concatenate, ParamSpec, TypeVar, cast

from store import changes as changes_mod
from store.db import batches, curate, journal, queries, reindex, stances, undo, writes
from store.db import dump as dump_mod
from store.db.connection import check_path, connect, translate
from store.db.errors import StoreError
from store.db.schema import migrate
from store.models import (
    Actor,
    AddResult,
    Board,
    Change,
    CommitmentState,
    EntryView,
    JournalEntry,
    MeetingDetail,
    MeetingDraft,
    MeetingEdits,
    MeetingRef,
    SourceInfo,
    Status,
    StoredCommitment,
    StoredPosition,
    StoredQuote,
    StoreDump,
    Topic,
    TopicWindow,
    Tracking,
)

P = ParamSpec("P")
R = TypeVar("R")

DEFAULT_BUSY_TIMEOUT = 5.0
DumpBatches = Callable[[], "dump_mod.Batches"]


def _locked(method: Callable[Concatenate[Store, P], R]) -> Callable[Concatenate[Store, P], R]:
    """Hold the store's lock for the whole call and turn sqlite3 errors into StoreErrors."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: P.args, **kwargs: P.kwargs) -> R:
        with self._lock:
            if self._conn is None:
                raise StoreError("store is closed")
            try:
                return method(self, *args, **kwargs)
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from None

    return cast("Callable[Concatenate[Store, P], R]", wrapper)


def _initial_topics() -> list[Topic]:
    """The taxonomy's topics (defaults + the user's file); defaults if that file is unreadable."""
    from store.taxonomy import default_topics, load_topics

    try:
        return load_topics()
    except (OSError, ValueError):
        return default_topics()


class Store:
    """A bilat store file. Open with `Store.open(path)`; use as a context manager."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = conn
        # Re-entrant: a method may call another public method while holding it.
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path | str, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Store:
        """Open (creating if missing) and migrate the store at `path`.

        StoreCorrupt for a file that is not a bilat store (it is never
        overwritten); StoreError for a directory or an unwritable location.
        """
        path = Path(path).expanduser()
        check_path(path)
        conn = connect(path, busy_timeout)
        try:
            migrate(conn, path)
            store = cls(path, conn)
            # Seeded when empty rather than "when new": a crash between creating the
            # schema and seeding must not leave a store without topics for ever.
            if conn.execute("SELECT count(*) FROM topics").fetchone()[0] == 0:
                writes.seed_topics(conn, _initial_topics())
        except sqlite3.Error as exc:
            conn.close()
            raise translate(exc, path) from None
        except BaseException:
            conn.close()
            raise
        return store

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("store is closed")
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    # Keeps the planner's statistics fresh; cheap. Never waits for
                    # another writer: closing must stay instant.
                    self._conn.execute("PRAGMA busy_timeout = 0")
                    self._conn.execute("PRAGMA optimize")
                except sqlite3.Error:
                    pass
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # --- writes: each one transaction ---------------------------------------------

    @_locked
    def add_draft(self, draft: MeetingDraft, *, new_meeting: bool = False) -> AddResult:
        """Store one article; DuplicateArticle when its sha256 is already held."""
        return writes.add_draft(self.conn, draft, new_meeting=new_meeting)

    @_locked
    def set_status(
        self, meeting_id: int, topic_id: str, status: Status | None, note: str | None = None
    ) -> None:
        """The user's status (and note) for a topic at a meeting; None, None clears it."""
        writes.set_status(self.conn, meeting_id, topic_id, status, note)

    @_locked
    def set_quote_speaker(self, quote_id: int, speaker: str, country: str | None = None) -> None:
        writes.set_quote_speaker(self.conn, quote_id, speaker, country)

    @_locked
    def set_quote_topic(self, quote_id: int, topic_id: str | None) -> None:
        writes.set_quote_topic(self.conn, quote_id, topic_id)

    @_locked
    def drop_quote(self, quote_id: int) -> None:
        writes.set_dropped(self.conn, quote_id, True)

    @_locked
    def restore_quote(self, quote_id: int) -> None:
        """Undo `drop_quote`."""
        writes.set_dropped(self.conn, quote_id, False)

    @_locked
    def remove_meeting(self, meeting_id: int) -> None:
        writes.remove_meeting(self.conn, meeting_id)

    @_locked
    def split_meeting(self, meeting_id: int) -> list[int]:
        """One meeting per article again; returns the meeting ids, the original first."""
        return writes.split_meeting(self.conn, meeting_id)

    # --- curation: corrections after saving, each one transaction with its journal entry ---

    @_locked
    def edit_meeting(
        self, meeting_id: int, *, title: str | None = None, meeting_date: date | None = None,
        location: str | None = None, dyad: list[str] | None = None,
    ) -> list[str]:
        """Set a meeting's title, date, place or pair (None: leave it); returns what changed.

        Kept apart from what the articles say, so `reindex` keeps it; clears the review mark.
        """
        return curate.edit_meeting(self.conn, meeting_id, title=title, meeting_date=meeting_date,
                                   location=location, dyad=dyad)

    @_locked
    def edit_participants(
        self, meeting_id: int, *, add: list[Actor] | None = None, remove: list[str] | None = None
    ) -> list[Actor]:
        """Add or remove participants (by name); returns the list afterwards."""
        return curate.edit_participants(self.conn, meeting_id, add=add, remove=remove)

    @_locked
    def confirm(self, meeting_id: int) -> list[str]:
        """Settle what ingest guessed; returns the reasons cleared ([] when there were none)."""
        return curate.confirm(self.conn, meeting_id)

    @_locked
    def edit_quote(
        self, quote_id: int, *, speaker: str | None = None, side: str | None = None,
        topic: str | None = curate.UNSET, drop: bool | None = None,
    ) -> list[str]:
        """Fix a quote's speaker (its side follows unless `side` is given), side or topic
        (None: no topic), or drop/restore it; one journal entry. Returns what changed."""
        return curate.edit_quote(self.conn, quote_id, speaker=speaker, side=side, topic=topic,
                                 drop=drop)

    @_locked
    def sources(self, meeting_id: int) -> list[SourceInfo]:
        """A meeting's articles: outlet, URL, dates, quotes, what date/place/pair were read from."""
        return curate.sources(self.conn, meeting_id)

    @_locked
    def remove_source(self, article_id: int) -> int | None:
        """Remove one article; returns its meeting's id, or None when the meeting went too."""
        return curate.remove_source(self.conn, article_id)

    @_locked
    def merge_meetings(self, keep_id: int, other_id: int) -> None:
        """Move `other_id`'s articles into `keep_id`, which keeps its id, fields and edits."""
        curate.merge(self.conn, keep_id, other_id)

    @_locked
    def split_source(self, meeting_id: int, article_id: int) -> int:
        """Make one article of a meeting its own meeting; returns the new meeting's id."""
        return curate.split_source(self.conn, meeting_id, article_id)

    @_locked
    def quote(self, quote_id: int) -> StoredQuote:
        """One quote with the user's fixes applied (also when dropped)."""
        return curate.stored_quote(self.conn, quote_id)

    @_locked
    def meeting_edits(self, meeting_id: int) -> MeetingEdits | None:
        return curate.meeting_edits(self.conn, meeting_id)

    @_locked
    def needing_review(self) -> list[MeetingRef]:
        """Meetings whose guesses no user has edited or confirmed, oldest first."""
        ids = curate.needing_review(self.conn)
        return queries.meeting_refs(self.conn, queries.ids_scope(ids)) if ids else []

    @_locked
    def journal(self, limit: int | None = None, *, full: bool = True) -> list[JournalEntry]:
        """Every change a user made, newest first (`full=False`: without before/after)."""
        return journal.entries(self.conn, limit=limit, full=full)

    @_locked
    def undo(self) -> JournalEntry | None:
        """Revert the latest change not yet undone; None when nothing is left to undo."""
        return undo.undo(self.conn)

    @_locked
    def reindex(
        self,
        progress: Callable[[int, int], None] | None = None,
        *,
        extract: Callable[..., MeetingDraft] | None = None,
    ) -> int:
        """Re-run ingest on every stored article, keeping every manual edit; returns the count.

        `extract` defaults to `store.ingest.extract` (tests may pass another).
        """
        if extract is None:
            from store.ingest import extract as default_extract

            extract = default_extract
        return reindex.reindex(self.conn, extract, queries.topics(self.conn), progress)

    # --- positions and commitments (store/db/stances.py) ---------------------------------

    @_locked
    def positions(
        self, topic_id: str, dyad: list[str] | None = None, *, side: str | None = None,
        limit: int = 1000,
    ) -> list[StoredPosition]:
        """A topic's stated positions, oldest meeting first; `side`: one country's."""
        return stances.positions(self.conn, topic_id, dyad, side, limit)

    @_locked
    def commitments(
        self, dyad: list[str] | None = None, *, state: CommitmentState | None = None,
        today: date | None = None,
    ) -> list[StoredCommitment]:
        """Commitments of a pair (None: all pairs), oldest first, each followed across the
        pair's later meetings; `state`: only those in it; overdue is judged at `today`."""
        return stances.commitments(self.conn, dyad, state, today or date.today())

    @_locked
    def commitment(self, commitment_id: int, *, today: date | None = None) -> StoredCommitment:
        """One commitment, tracked; StoreError when there is none with that id."""
        return stances.commitment(self.conn, commitment_id, today or date.today())

    @_locked
    def set_commitment(
        self, commitment_id: int, *, state: CommitmentState | None = None,
        note: str | None = None, clear: bool = False,
    ) -> None:
        """The user's state and/or note for a commitment (journaled; `reindex` keeps them);
        `clear`: back to the extracted state."""
        stances.set_commitment(self.conn, commitment_id, state, note, clear=clear)

    @_locked
    def positions_at(self, topic_id: str, meeting_ids: list[int]
                     ) -> dict[int, list[StoredPosition]]:
        """A topic's positions at these meetings (a page of them), by meeting id."""
        return stances.positions_at(self.conn, topic_id, meeting_ids)

    @_locked
    def stances_of(
        self, meetings: list[MeetingRef]
    ) -> tuple[dict[int, list[StoredPosition]], dict[int, list[StoredCommitment]]]:
        """Positions and commitments of a batch of meetings (exports), by meeting id."""
        return stances.stances_of(self.conn, [m.id for m in meetings])

    @_locked
    def commitment_tracking(self, dyad: list[str]) -> dict[int, Tracking]:
        """Each commitment of the pair (by id) with what its later meetings say of it."""
        return stances.stored_tracking(self.conn, dyad)

    @_locked
    def overdue_topics(self, dyad: list[str], *, today: date | None = None) -> set[str | None]:
        """Topics of the pair with an open commitment past its due date (the board's mark)."""
        return stances.overdue_topics(self.conn, dyad, today or date.today())

    @_locked
    def add_topic(self, topic: Topic) -> None:
        writes.add_topic(self.conn, topic)

    @_locked
    def dump(self) -> StoreDump:
        return dump_mod.dump(self.conn)

    def dump_batches(self, scope: dump_mod.DumpScope | None = None) -> dict[str, DumpBatches]:
        """The dump's lists (StoreDump's order), each read a batch at a time (exports);
        every batch is read under the lock. See `dump.sections`."""
        return {name: functools.partial(self._batches_locked, make)
                for name, make in dump_mod.sections(self.conn, scope).items()}

    def _batches_locked(self, make: DumpBatches) -> dump_mod.Batches:
        batches = _locked(lambda _self: make())(self)
        while (batch := _locked(lambda _self: next(batches, None))(self)) is not None:
            yield batch

    @_locked
    def load(self, dump: StoreDump) -> None:
        """Import a dump into this store, which must hold no meetings."""
        dump_mod.load(self.conn, dump)

    # --- reads ---------------------------------------------------------------------------

    @_locked
    def dyads(self) -> list[list[str]]:
        return queries.dyads(self.conn)

    @_locked
    def topics(self) -> list[Topic]:
        return queries.topics(self.conn)

    @_locked
    def meetings(
        self, dyad: list[str] | None = None, *, since: date | None = None
    ) -> list[MeetingRef]:
        """Meetings oldest first; `since`: only those dated on or after it."""
        return queries.meetings(self.conn, sorted(dyad) if dyad else None, since)

    @_locked
    def meeting(self, meeting_id: int) -> MeetingDetail:
        detail = queries.meeting_detail(self.conn, meeting_id)
        detail.edits = curate.meeting_edits(self.conn, meeting_id)
        detail.sources = curate.sources(self.conn, meeting_id)
        return detail

    @_locked
    def board(
        self,
        dyad: list[str] | None = None,
        *,
        window: int | None = queries.BOARD_WINDOW,
        before: int | None = None,
    ) -> Board:
        """The board: every topic's status now, trend and count, and the cells of `window`
        meetings (None: all) ending before position `before` (default: the newest).

        Costs the same at any size of store: counts and current statuses are index
        probes, and only the window's meetings are read. Page back with
        `board(dyad, before=board.first_column)`.
        """
        return queries.board(self.conn, dyad, window, before)

    @_locked
    def topic_history(
        self,
        topic_id: str,
        dyad: list[str] | None = None,
        *,
        last: int | None = None,
        before: int | None = None,
    ) -> list[EntryView]:
        """The topic at each meeting that raised it, oldest first; `last`: only the newest
        N; `before` (a meeting id): only entries older than that meeting (the next page)."""
        return queries.topic_history(self.conn, topic_id, dyad, last=last, before=before)

    @_locked
    def changes(
        self, meeting_id: int | None = None, dyad: list[str] | None = None
    ) -> list[Change]:
        return queries.meeting_changes(self.conn, meeting_id, dyad)

    @_locked
    def topic_changes(self, topic_id: str, dyad: list[str] | None = None) -> list[Change]:
        return queries.topic_changes(self.conn, topic_id, dyad)

    @_locked
    def topic_window(
        self,
        topic_id: str,
        dyad: list[str] | None = None,
        *,
        last: int | None = None,
        before: int | None = None,
    ) -> TopicWindow:
        """The newest `last` entries of a topic (all when None) and their changes;
        `before` (a meeting id): the page of entries older than that meeting.

        One entry more than asked is read, so the oldest one shown is compared with
        something. The changes need only those meetings and, after each, the pair's
        next meeting (where "not raised since" is said), so a topic raised at
        thousands of meetings, or rarely over a long history, costs what a short one does.
        """
        fetch = last + 1 if last is not None and last > 0 else None
        history = queries.topic_history(
            self.conn, topic_id, dyad, last=fetch, before=before
        )
        complete = fetch is None or len(history) < fetch
        raised = [v.meeting for v in history]
        if fetch is None and before is None and history:
            meetings = queries.meetings(self.conn, sorted(raised[0].dyad))
        else:
            # A page older than `before` stops at its newest entry: what follows it
            # ("not raised since") is told by the newer page, whose base that entry is.
            ids = [m.id for m in (raised[:-1] if before is not None else raised)]
            after = queries.neighbours_after(self.conn, ids)
            known = {m.id for m in raised}
            meetings = sorted(
                raised + [m for m in after if m.id not in known], key=queries.order_key
            )
        changes = changes_mod.recent_topic_changes(history, meetings, complete=complete)
        shown = history[-last:] if last is not None and last > 0 else history
        return TopicWindow(history=shown, changes=changes, complete=complete)

    # --- batches for exports: each call one batch, resumed after the last one -------------

    def export_read(
        self, read: Callable[Concatenate[sqlite3.Connection, P], R], *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        """One raw read of an export (a function of store/db/batches.py), under the lock."""
        return _locked(lambda store: read(store.conn, *args, **kwargs))(self)

    @_locked
    def count_meetings(
        self, dyad: list[str], *, topics: tuple[str, ...] | None = None,
        since: date | None = None, until: date | None = None,
    ) -> int:
        """Meetings of the pair in the date range (and raising one of `topics`)."""
        return batches.meeting_count(self.conn, sorted(dyad), topics, since, until)

    @_locked
    def meeting_batch(
        self, dyad: list[str], *, topics: tuple[str, ...] | None = None,
        since: date | None = None, until: date | None = None,
        after: MeetingRef | None = None, limit: int = batches.BATCH,
    ) -> list[MeetingRef]:
        """The pair's next meetings in scope after `after`, oldest first."""
        return batches.meeting_batch(
            self.conn, sorted(dyad), topics, since, until, after, limit
        )

    @_locked
    def search_quotes(
        self,
        words: str | None = None,
        *,
        speaker: str | None = None,
        topic: str | None = None,
        side: str | None = None,
        meeting_id: int | None = None,
        limit: int = 500,
    ) -> list[StoredQuote]:
        return queries.search_quotes(
            self.conn, words, speaker=speaker, topic=topic, side=side, meeting_id=meeting_id,
            limit=limit,
        )

    @_locked
    def search_articles(self, words: str, limit: int = 100) -> list[tuple[int, int, str]]:
        """(article id, meeting id, title) of articles whose text holds every word, best first."""
        return queries.search_articles(self.conn, words, limit)

    @_locked
    def counts(self) -> dict[str, int]:
        return queries.counts(self.conn)

    @_locked
    @_locked
    def data_version(self) -> int:
        """A number that changes when another connection commits (cheap: a poll a second)."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    @_locked
    def integrity_check(self) -> str:
        """SQLite's own check of the file: 'ok' when sound."""
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"
