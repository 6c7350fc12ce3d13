"""The export's view of a store, read batch by batch while the file is written.

`StoreTimeline` offers what the formats walk (per dyad: its meetings, each
topic's entries, the entries meeting by meeting; across dyads: the entries day
by day) as iterators over batches of raw rows (`store.db.batches`: plain tuples,
one query per table per batch, no model per row), so an export of 100,000
meetings holds one batch at a time, never the store. `select.Timeline` offers
the same rows made from views held in memory (tests).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import TYPE_CHECKING, Literal

from store.db import batches, rendered, stances
from store.db.batches import BATCH, Entry, Mark, Meeting
from store.db.rendered import Shown as EntryText
from store.export import texts
from store.export.common import Shown, shown_commitment
from store.export.select import (
    DatedText,
    Scope,
    Stance,
    StanceText,
    keep_stances,
    resolve_topics,
    timeline_title,
)
from store.models import Topic

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

    def meeting_batches(self) -> Iterator[list[Meeting]]:
        """The meetings in scope, a batch (one query) at a time, oldest first."""
        after: str | None = None
        while True:
            batch = self.store.export_read(
                batches.meeting_rows, sorted(self.dyad), self.scope.topics, self.scope.since,
                self.scope.until, after, self.batch,
            )
            if not batch:
                return
            yield batch
            after = batch[-1][6]

    def iter_meetings(self) -> Iterator[Meeting]:
        for batch in self.meeting_batches():
            yield from batch

    def topic_entries(self, topic_id: str) -> Iterator[Entry]:
        after: str | None = None
        while True:
            batch = self.store.export_read(
                batches.topic_rows, sorted(self.dyad), topic_id, self.scope.since,
                self.scope.until, after, self.batch,
            )
            if not batch:
                return
            yield from batch
            after = batch[-1][0][6]

    def topic_raised(self, topic_id: str) -> bool:
        return self.store.export_read(batches.topic_raised, sorted(self.dyad), topic_id,
                                      self.scope.since, self.scope.until)

    def topic_marks(self, topic_id: str) -> Iterator[Mark]:
        after: str | None = None
        while True:
            batch = self.store.export_read(
                batches.topic_marks, sorted(self.dyad), topic_id, self.scope.since,
                self.scope.until, after, self.batch,
            )
            if not batch:
                return
            yield from batch
            after = batch[-1][0][6]

    def stances(self, positions: bool = True) -> Iterator[Stance]:
        """Meetings in scope with their positions (unless `positions` is false: none are
        read) and commitments, batch by batch: the pair's stored tracking is brought up to
        date once, then each batch reads its positions and its commitments with their
        tracking in one query each."""
        walked = self.store.export_read(stances.refresh, self.dyad)
        today = date.today()
        for batch in self.meeting_batches():
            said = self.store.export_read(batches.position_rows, batch) if positions else {}
            found = self.store.export_read(batches.commitment_rows, batch)
            dates = {m[0]: m[2] for m in batch}
            shown = {
                mid: [shown_commitment(c, dates[mid], walked, today) for c in made]
                for mid, made in found.items()
            }
            yield from keep_stances(batch, said, shown, self.scope)

    def _texts(self, batch: list[Meeting], want: rendered.Want
               ) -> tuple[dict[int, tuple[str, ...]], dict[int, list[EntryText]]]:
        """The batch's texts kept in the store, made first where missing."""
        return self.store.export_read(rendered.batch_texts, batch, want, texts.RENDERER,
                                      texts.render)

    def entry_texts(self, kind: Literal["md", "tjs"]
                    ) -> Iterator[tuple[Meeting, str, list[EntryText]]]:
        """Each meeting in scope with its heading (`kind` "md") or title ("tjs") and its
        entries' texts for that format (topics in scope), each meeting's entries in no
        particular topic order: one read of each batch's kept texts, no entry, quote or
        figure read (store/db/rendered.py)."""
        kept = {t.id for t in self.topics}
        every = self.scope.topics is None  # the kept texts are every topic's
        for batch in self.meeting_batches():
            heads, found = self._texts(batch, kind)
            for m in batch:
                shown = found.get(m[0], [])
                yield m, heads[m[0]][0], shown if every else [e for e in shown if e[1] in kept]

    def stance_texts(self) -> Iterator[StanceText]:
        """Meetings in scope with a position or a commitment on a topic in scope: the
        meeting's Markdown heading, its position lines (kept; made from the rows with a
        topic filter) and its commitments, tracked (as `stances`)."""
        walked = self.store.export_read(stances.refresh, self.dyad)
        today = date.today()
        every = self.scope.topics is None
        for batch in self.meeting_batches():
            heads, _ = self._texts(batch, "positions")
            said = {} if every else self.store.export_read(batches.position_rows, batch)
            found = self.store.export_read(batches.commitment_rows, batch)
            for m in batch:
                head, lines = heads[m[0]]
                shown: list[Shown] = [shown_commitment(c, m[2], walked, today)
                                      for c in found.get(m[0], ())]
                if not every:
                    takes = self.scope.takes_topic
                    shown = [c for c in shown if takes(c[1])]
                    lines = texts.md_block(texts.position_lines(
                        [p for p in said.get(m[0], ()) if takes(p[2])]))
                if lines or shown:
                    yield m, head, lines, shown

    def by_meeting(self) -> Iterator[tuple[Meeting, list[Entry]]]:
        """Each meeting in scope with its entries (topics in scope) in topic order."""
        kept = [t.id for t in self.topics]
        for batch in self.meeting_batches():
            per: dict[int, list[Entry]] = {m[0]: [] for m in batch}
            for v in self.store.export_read(batches.entry_rows, batch, kept):
                per[v[0][0]].append(v)
            for m in batch:
                yield m, per[m[0]]


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

    def texts_by_date(self) -> Iterator[tuple[str, list[DatedText]]]:
        """Dated entries in scope, day by day, with their TimelineJS texts: (ISO day,
        [(dyad index, meeting, its title's text, the entry's text)]) with the entries of a
        day by dyad, then meeting order (each meeting's in no particular topic order)."""
        index = {tuple(d.dyad): i for i, d in enumerate(self.dyads)}
        kept = {t.id for t in self.dyads[0].topics} if self.dyads else set()
        every = self.scope.topics is None
        after: str | None = None
        while True:
            batch = self.store.export_read(
                batches.dated_rows, self.scope.topics, self.scope.since, self.scope.until,
                after, self.batch,
            )
            if not batch:
                return
            heads, found = self.store.export_read(
                rendered.batch_texts, batch, "tjs", texts.RENDERER, texts.render)
            items: list[DatedText] = []
            for m in batch:
                i = index.get(m[4])
                if i is None:
                    continue
                name = heads[m[0]][0]
                items += [(i, m, name, e) for e in found.get(m[0], ()) if every or e[1] in kept]
            items.sort(key=lambda it: it[0])  # stable: meeting order kept
            items.sort(key=lambda it: it[1][2] or "")
            for day, group in groupby(items, key=lambda it: it[1][2]):
                assert day is not None
                yield day, list(group)
            after = batch[-1][2]


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
