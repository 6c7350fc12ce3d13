"""What an export holds: the store's history narrowed to some topics and a date range.

The formats read raw rows (`store.db.batches`: plain tuples). `gather` reads the
store into views held in memory (the tests' reference for the streamed exports);
`DyadHistory` and `Timeline` give those views to the formats as the same rows.
Everything after `gather` is pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from typing import TYPE_CHECKING, Literal, Protocol

from store.db.batches import Entry, Mark, Meeting, Position, seq_of
from store.db.rendered import Shown as EntryText
from store.export import texts
from store.models import (
    EntryView,
    MeetingRef,
    StoredCommitment,
    StoredPosition,
    StoreDump,
    Topic,
)

if TYPE_CHECKING:  # the store is only needed by `gather`; keeps this module import-light
    from store.db import Store
    from store.export.common import Shown

# A meeting with its positions and commitments (topics in scope; commitments tracked).
Stance = tuple[Meeting, list[Position], list["Shown"]]
# The same as Markdown writes it: the meeting, its heading (after the '#'s), its position
# lines (`texts.md_block`), its commitments.
StanceText = tuple[Meeting, str, str, list["Shown"]]
# A dated entry's TimelineJS text: its pair's index, the meeting, the meeting's title as
# TimelineJS writes it, the entry's text (meeting id, topic, status, text).
DatedText = tuple[int, Meeting, str, EntryText]


@dataclass(frozen=True)
class Scope:
    """The user's filters: topic ids (None = all), and an inclusive date range."""

    topics: tuple[str, ...] | None = None
    since: date | None = None
    until: date | None = None

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None

    def takes_date(self, when: date | None) -> bool:
        """Whether a meeting on `when` is in range. Undated meetings only pass without a range."""
        if when is None:
            return not self.dated
        if self.since is not None and when < self.since:
            return False
        return self.until is None or when <= self.until

    def takes_topic(self, topic_id: str | None) -> bool:
        return self.topics is None or topic_id in self.topics


class DyadSource(Protocol):
    """What the formats read of one pair: `DyadHistory` (in memory) or `stream.StoreDyad`."""

    @property
    def dyad(self) -> list[str]: ...
    @property
    def topics(self) -> list[Topic]: ...
    @property
    def meeting_count(self) -> int: ...
    def iter_meetings(self) -> Iterator[Meeting]: ...
    def topic_entries(self, topic_id: str) -> Iterator[Entry]: ...
    def by_meeting(self) -> Iterable[tuple[Meeting, list[Entry]]]: ...
    def topic_raised(self, topic_id: str) -> bool: ...
    def topic_marks(self, topic_id: str) -> Iterator[Mark]: ...
    def stances(self, positions: bool = True) -> Iterable[Stance]: ...
    def entry_texts(self, kind: Literal["md", "tjs"]
                    ) -> Iterable[tuple[Meeting, str, list[EntryText]]]: ...
    def stance_texts(self) -> Iterable[StanceText]: ...


class TimelineSource(Protocol):
    """What the formats read of an export: `Timeline` or `stream.StoreTimeline`."""

    @property
    def title(self) -> str: ...
    @property
    def scope(self) -> Scope: ...
    @property
    def dyads(self) -> Sequence[DyadSource]: ...
    @property
    def meeting_count(self) -> int: ...
    @property
    def shown_dyads(self) -> int: ...
    def texts_by_date(self) -> Iterator[tuple[str, list[DatedText]]]: ...


@dataclass
class DyadHistory:
    """One relationship's meetings and, per topic, its entries oldest first."""

    dyad: list[str]
    meetings: list[MeetingRef]
    topics: list[Topic]
    entries: dict[str, list[EntryView]] = field(default_factory=dict)
    stance_rows: list[Stance] = field(default_factory=list)

    # The same walks as `stream.StoreDyad`, over views held in memory, as raw rows.

    @property
    def meeting_count(self) -> int:
        return len(self.meetings)

    def iter_meetings(self) -> Iterator[Meeting]:
        return (meeting_row(m) for m in self.meetings)

    def topic_entries(self, topic_id: str) -> Iterator[Entry]:
        return (entry_row(v) for v in self.entries.get(topic_id, []))

    def topic_raised(self, topic_id: str) -> bool:
        return bool(self.entries.get(topic_id))

    def topic_marks(self, topic_id: str) -> Iterator[Mark]:
        return ((meeting_row(v.meeting), v.status.value) for v in self.entries.get(topic_id, []))

    def stances(self, positions: bool = True) -> list[Stance]:
        """Meetings in scope that have a position or a commitment on a topic in scope."""
        if positions:
            return self.stance_rows
        return [(m, [], com) for m, _, com in self.stance_rows if com]

    def views_by_meeting(self) -> list[tuple[MeetingRef, list[EntryView]]]:
        """Each meeting with its entries in topic order (for formats that go date by date)."""
        order = {t.id: i for i, t in enumerate(self.topics)}
        per: dict[int, list[EntryView]] = {m.id: [] for m in self.meetings}
        for views in self.entries.values():
            for v in views:
                per.setdefault(v.meeting.id, []).append(v)
        return [
            (m, sorted(per[m.id], key=lambda v: order.get(v.topic_id, len(order))))
            for m in self.meetings
        ]

    def by_meeting(self) -> list[tuple[Meeting, list[Entry]]]:
        return [(meeting_row(m), [entry_row(v) for v in views])
                for m, views in self.views_by_meeting()]

    # The formats' texts made here from the rows, as the store keeps them (`texts`).

    def entry_texts(self, kind: Literal["md", "tjs"]
                    ) -> Iterator[tuple[Meeting, str, list[EntryText]]]:
        head, at = (0, 2) if kind == "md" else (1, 3)
        for m, entries in self.by_meeting():
            made = [texts.entry_texts(v) for v in entries]
            yield (m, texts.meeting_texts(m, [])[head],
                   [(m[0], e[0], e[1], e[at]) for e in made])

    def stance_texts(self) -> Iterator[StanceText]:
        for m, positions, commitments in self.stances():
            yield (m, texts.meeting_texts(m, [])[0],
                   texts.md_block(texts.position_lines(positions)), commitments)


@dataclass
class Timeline:
    """Everything one export shows, grouped by dyad (most meetings first)."""

    title: str
    scope: Scope
    dyads: list[DyadHistory]

    @property
    def meeting_count(self) -> int:
        return sum(len(d.meetings) for d in self.dyads)

    @property
    def shown_dyads(self) -> int:
        """Dyads with a meeting in scope: with more than one, formats name the dyad."""
        return sum(1 for d in self.dyads if d.meetings)

    def by_date(self) -> Iterator[tuple[str, list[tuple[int, Entry]]]]:
        """Dated entries day by day: (ISO day, [(dyad index, entry)]), the entries of a day
        by dyad, then meeting order, then topic order."""
        views = [
            (i, v)
            for i, d in enumerate(self.dyads)
            for m, entries in d.views_by_meeting()
            for v in entries
            if m.meeting_date is not None
        ]
        views.sort(key=lambda iv: iv[1].meeting.meeting_date or date.min)
        for day, group in groupby(views, key=lambda iv: iv[1].meeting.meeting_date):
            assert day is not None
            yield day.isoformat(), [(i, entry_row(v)) for i, v in group]

    def texts_by_date(self) -> Iterator[tuple[str, list[DatedText]]]:
        """As `stream.StoreTimeline.texts_by_date`."""
        for day, views in self.by_date():
            yield day, [(i, v[0], texts.meeting_texts(v[0], [])[1],
                         (v[0][0], v[1], v[2], texts.tjs_entry_tail(v))) for i, v in views]


# --- views as raw rows (the shapes of store.db.batches) ---------------------------------


def meeting_row(m: MeetingRef) -> Meeting:
    return (m.id, m.title, m.meeting_date.isoformat() if m.meeting_date else None, m.location,
            tuple(m.dyad), tuple(m.sources), seq_of(m))


def entry_row(v: EntryView) -> Entry:
    return (meeting_row(v.meeting), v.topic_id, v.status.value, v.extracted_status.value,
            v.overridden, v.note, v.evidence, [f"{f.text} {f.noun}".strip() for f in v.figures],
            [(q.id, q.text, q.speaker, q.speaker_country, q.source) for q in v.quotes])


def position_row(p: StoredPosition) -> Position:
    return (p.side, p.speaker, p.topic, p.kind, p.text)


def shown_row(c: StoredCommitment) -> Shown:
    t = c.extracted
    return (c.id, c.topic, c.text, tuple(c.parties), c.due, c.note, c.manual_state, c.state,
            c.overdue, t.state, t.evidence, t.evidence_date.isoformat() if t.evidence_date
            else None, t.due_date.isoformat() if t.due_date else None)


def dyad_label(dyad: list[str]) -> str:
    return " – ".join(dyad) if dyad else "Unknown countries"


def timeline_title(dyads: list[list[str]]) -> str:
    if len(dyads) == 1:
        return f"{dyad_label(dyads[0])}: meetings and issues"
    return "Bilateral meetings and issues"


def resolve_topics(wanted: list[str] | None, known: list[Topic]) -> tuple[str, ...] | None:
    """Topic ids for the user's `--topic` values (id or name, any case); ValueError if unknown."""
    if not wanted:
        return None
    by_key = {t.id.casefold(): t.id for t in known}
    by_key.update({t.name.casefold(): t.id for t in known})
    out: list[str] = []
    for raw in wanted:
        tid = by_key.get(raw.strip().casefold())
        if tid is None:
            names = ", ".join(t.id for t in known)
            raise ValueError(f"unknown topic {raw!r} (known: {names})")
        if tid not in out:
            out.append(tid)
    return tuple(out)


def narrow(
    dyad: list[str], meetings: list[MeetingRef], topics: list[Topic],
    histories: dict[str, list[EntryView]], scope: Scope,
) -> DyadHistory:
    """A dyad's history cut down to the scope. Pure.

    A meeting stays when it is in the date range and, with a topic filter, when
    it discussed one of the topics: a timeline of Taiwan lists Taiwan's meetings.
    """
    kept_topics = [t for t in topics if scope.takes_topic(t.id)]
    entries = {
        t.id: [v for v in histories.get(t.id, []) if scope.takes_date(v.meeting.meeting_date)]
        for t in kept_topics
    }
    entries = {tid: views for tid, views in entries.items() if views}
    in_range = [m for m in meetings if scope.takes_date(m.meeting_date)]
    if scope.topics is not None:
        raised = {v.meeting.id for views in entries.values() for v in views}
        in_range = [m for m in in_range if m.id in raised]
    return DyadHistory(dyad=dyad, meetings=in_range, topics=kept_topics, entries=entries)


def gather(store: Store, topics: list[str] | None = None, since: date | None = None,
           until: date | None = None) -> Timeline:
    """Read what an export needs: per dyad its meetings and each topic's history.

    A handful of queries per topic and dyad, never one per meeting, so a full
    export of thousands of meetings stays fast. ValueError for an unknown topic
    or a reversed date range.
    """
    if since is not None and until is not None and since > until:
        raise ValueError(f"--since {since} is after --until {until}")
    known = store.topics()
    scope = Scope(resolve_topics(topics, known), since, until)
    dyads = store.dyads()
    out: list[DyadHistory] = []
    for dyad in dyads:
        meetings = store.meetings(dyad)
        histories = {
            t.id: store.topic_history(t.id, dyad) for t in known if scope.takes_topic(t.id)
        }
        narrowed = narrow(dyad, meetings, known, histories, scope)
        narrowed.stance_rows = gather_stances(store, dyad, narrowed.meetings, scope)
        out.append(narrowed)
    return Timeline(title=timeline_title(dyads), scope=scope, dyads=out)


def keep_stances(
    meetings: list[Meeting], positions: dict[int, list[Position]],
    commitments: dict[int, list[Shown]], scope: Scope,
) -> list[Stance]:
    """Per meeting, its positions and commitments on topics in scope; meetings with none
    are left out. Pure."""
    out: list[Stance] = []
    every = scope.topics is None
    for m in meetings:
        pos = positions.get(m[0], [])
        com = commitments.get(m[0], [])
        if not every:
            pos = [p for p in pos if scope.takes_topic(p[2])]
            com = [c for c in com if scope.takes_topic(c[1])]
        if pos or com:
            out.append((m, pos, com))
    return out


def gather_stances(store: Store, dyad: list[str], meetings: list[MeetingRef], scope: Scope
                   ) -> list[Stance]:
    """Positions and commitments of these meetings, each commitment tracked, as rows (held
    in memory)."""
    from store.commitments import with_tracking

    if not meetings:
        return []
    tracked = store.commitment_tracking(dyad)
    today = date.today()
    positions, commitments = store.stances_of(meetings)
    return keep_stances(
        [meeting_row(m) for m in meetings],
        {mid: [position_row(p) for p in found] for mid, found in positions.items()},
        {mid: [shown_row(with_tracking(c, tracked.get(c.id), today)) for c in found]
         for mid, found in commitments.items()},
        scope,
    )


def narrow_dump(dump: StoreDump, scope: Scope) -> StoreDump:
    """The dump cut to the scope, still importable: kept meetings with all their articles.

    Without filters the dump is returned as it is, so export then import gives
    the same store. Topics and actors are kept whole (they are the vocabulary).
    """
    if scope.topics is None and not scope.dated:
        return dump
    meetings = [m for m in dump.meetings if scope.takes_date(m.meeting_date)]
    entries = [e for e in dump.entries if scope.takes_topic(e.topic_id)]
    overrides = [o for o in dump.overrides if scope.takes_topic(o.topic_id)]

    def quote_topic(q_topic: str | None, override: str | None, overridden: bool) -> str | None:
        return override if overridden else q_topic

    quotes = [q for q in dump.quotes
              if scope.takes_topic(quote_topic(q.topic, q.topic_override, q.topic_overridden))]
    if scope.topics is not None:
        raised = {e.meeting_id for e in entries}
        raised |= {o.meeting_id for o in overrides if o.status is not None}
        meetings = [m for m in meetings if m.id in raised]
    ids = {m.id for m in meetings}
    quotes = [q for q in quotes if q.meeting_id in ids]
    kept_quotes = {q.id for q in quotes}
    # A kept quote may repeat one that was cut; it is then shown on its own.
    quotes = [q if q.duplicate_of is None or q.duplicate_of in kept_quotes
              else q.model_copy(update={"duplicate_of": None}) for q in quotes]
    return dump.model_copy(update={
        "meetings": meetings,
        "articles": [a for a in dump.articles if a.meeting_id in ids],
        "entries": [e for e in entries if e.meeting_id in ids],
        "overrides": [o for o in overrides if o.meeting_id in ids],
        "quotes": quotes,
        "positions": [p for p in dump.positions
                      if p.meeting_id in ids and scope.takes_topic(p.topic)],
        "commitments": [k for k in dump.commitments
                        if k.meeting_id in ids and scope.takes_topic(k.topic)],
    })
