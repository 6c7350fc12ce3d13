"""The export's view of a store, read batch by batch while the file is written.

`StoreTimeline` offers what the formats walk (per dyad: its meetings, each
topic's entries, the entries meeting by meeting; across dyads: the entries day
by day) as iterators over `Store` batches, so an export of 100,000 meetings
holds one batch at a time, never the store. `select.Timeline` offers the same
over views held in memory (tests, and the HTML page).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import TYPE_CHECKING

from store.commitments import with_tracking
from store.db.batches import BATCH
from store.export.select import Scope, Stance, keep_stances, resolve_topics, timeline_title
from store.models import EntryView, MeetingRef, Topic

if TYPE_CHECKING:
    from store.db import Store


@dataclass
class StoreDyad:
    """One pair's history in scope, read from the store on demand."""

    store: Store
    dyad: list[str]
    topics: list[Topic]  # the topics in scope, display order
    scope: Scope
    meeting_count: int
    batch: int = BATCH

    def meeting_batches(self) -> Iterator[list[MeetingRef]]:
        """The meetings in scope, a batch (one query) at a time, oldest first."""
        after: MeetingRef | None = None
        while True:
            batch = self.store.meeting_batch(
                self.dyad, topics=self.scope.topics, since=self.scope.since,
                until=self.scope.until, after=after, limit=self.batch,
            )
            if not batch:
                return
            yield batch
            after = batch[-1]

    def iter_meetings(self) -> Iterator[MeetingRef]:
        for batch in self.meeting_batches():
            yield from batch

    def topic_entries(self, topic_id: str) -> Iterator[EntryView]:
        after: MeetingRef | None = None
        while True:
            batch = self.store.topic_batch(
                self.dyad, topic_id, since=self.scope.since, until=self.scope.until,
                after=after, limit=self.batch,
            )
            if not batch:
                return
            yield from batch
            after = batch[-1].meeting

    def stances(self) -> Iterator[Stance]:
        """Meetings in scope with their positions and commitments, batch by batch: the pair's
        commitments are tracked first (a walk of its own, batch by batch), then each batch of
        meetings reads its positions and commitments in one query each."""
        tracked = self.store.commitment_tracker(self.dyad)
        today = date.today()
        for batch in self.meeting_batches():
            positions, commitments = self.store.stances_of(batch)
            tracked_batch = {
                mid: [with_tracking(c, tracked(c.id), today) for c in found]
                for mid, found in commitments.items()
            }
            yield from keep_stances(batch, positions, tracked_batch, self.scope)

    def by_meeting(self) -> Iterator[tuple[MeetingRef, list[EntryView]]]:
        """Each meeting in scope with its entries (topics in scope) in topic order."""
        kept = {t.id for t in self.topics}
        for batch in self.meeting_batches():
            per: dict[int, list[EntryView]] = {m.id: [] for m in batch}
            for v in self.store.entries_of(batch):
                if v.topic_id in kept:
                    per[v.meeting.id].append(v)
            for m in batch:
                yield m, per[m.id]


@dataclass
class StoreTimeline:
    """Everything one export shows, grouped by dyad (most meetings first)."""

    store: Store
    title: str
    scope: Scope
    dyads: list[StoreDyad]
    batch: int = BATCH

    @property
    def meeting_count(self) -> int:
        return sum(d.meeting_count for d in self.dyads)

    @property
    def shown_dyads(self) -> int:
        return sum(1 for d in self.dyads if d.meeting_count)

    def by_date(self) -> Iterator[tuple[date, list[tuple[int, EntryView]]]]:
        """Dated entries in scope, day by day: (day, [(dyad index, view)]) with the views
        of a day by dyad, then meeting order, then topic order."""
        index = {tuple(d.dyad): i for i, d in enumerate(self.dyads)}
        kept = {t.id for t in self.dyads[0].topics} if self.dyads else set()
        after: date | None = None
        while True:
            batch = self.store.dated_batch(
                topics=self.scope.topics, since=self.scope.since, until=self.scope.until,
                after=after, limit=self.batch,
            )
            if not batch:
                return
            views = [
                (index[tuple(v.meeting.dyad)], v)
                for v in self.store.entries_of(batch)
                if v.topic_id in kept and tuple(v.meeting.dyad) in index
            ]
            views.sort(key=lambda iv: iv[0])  # stable: meeting then topic order kept
            by_day = sorted(views, key=lambda iv: iv[1].meeting.meeting_date or date.min)
            for day, group in groupby(by_day, key=lambda iv: iv[1].meeting.meeting_date):
                assert day is not None
                yield day, list(group)
            after = batch[-1].meeting_date


def timeline(
    store: Store, topics: list[str] | None = None, since: date | None = None,
    until: date | None = None, *, batch: int = BATCH,
) -> StoreTimeline:
    """The export's scope over the store; reads only counts until it is walked.

    ValueError for an unknown topic or a reversed date range.
    """
    if since is not None and until is not None and since > until:
        raise ValueError(f"--since {since} is after --until {until}")
    known = store.topics()
    scope = Scope(resolve_topics(topics, known), since, until)
    kept = [t for t in known if scope.takes_topic(t.id)]
    dyads = store.dyads()
    out = [
        StoreDyad(
            store, dyad, kept, scope,
            store.count_meetings(dyad, topics=scope.topics, since=since, until=until), batch,
        )
        for dyad in dyads
    ]
    return StoreTimeline(store, timeline_title(dyads), scope, out, batch)
