"""The one definition of every shape bilat holds, from ingest to export.

Ingest produces a `MeetingDraft`; the store keeps meetings, articles, topic
entries and quotes and answers queries with the view models at the bottom of
this file; the TUI, the CLI and the exporters only ever see these classes.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Shape(BaseModel):
    """Base of every model here. Validators and serializers are built on a model's first use,
    not at import: each `bilat` command uses a few of these shapes, and building all of
    them cost every start ~60 ms."""

    model_config = ConfigDict(defer_build=True)


class Status(StrEnum):
    """Where a topic stands after a meeting, ordered from worst to best."""

    TENSION = "tension"  # concerns, warnings, red lines, accusations
    STALLED = "stalled"  # little or no progress, no commitment
    DIALOGUE = "dialogue"  # discussed, talks continue
    PROGRESS = "progress"  # some progress, positive steps
    AGREEMENT = "agreement"  # concrete agreement, commitment, agreed next step

    @property
    def score(self) -> int:
        """-2 (tension) .. +2 (agreement); used for trends and sparklines."""
        return _SCORES[self]

    @property
    def glyph(self) -> str:
        """A mark that tells the status apart without colour."""
        return _GLYPHS[self]

    @classmethod
    def ordered(cls) -> list[Status]:
        return sorted(cls, key=lambda s: s.score)


_SCORES = {
    Status.TENSION: -2,
    Status.STALLED: -1,
    Status.DIALOGUE: 0,
    Status.PROGRESS: 1,
    Status.AGREEMENT: 2,
}
_GLYPHS = {
    Status.TENSION: "✖",
    Status.STALLED: "■",
    Status.DIALOGUE: "◆",
    Status.PROGRESS: "▲",
    Status.AGREEMENT: "✔",
}


class Topic(Shape):
    """One issue of a relationship; `id` is a stable slug (`taiwan`)."""

    id: str
    name: str
    keywords: list[str] = Field(default_factory=list)
    description: str = ""


class Actor(Shape):
    """A person or body that takes part in a meeting or is quoted."""

    name: str = Field(
        description="Canonical full name: 'Antony Blinken', 'Chinese Foreign Ministry'"
    )
    role: str = Field(default="", description="'Secretary of State', 'foreign minister'")
    country: str | None = Field(default=None, description="Canonical country: 'United States'")
    aliases: list[str] = Field(default_factory=list, description="'Blinken', 'the secretary'")
    kind: Literal["person", "body"] = "person"


class Figure(Shape):
    """A number an article cites, with the noun it counts."""

    text: str = Field(description="As written: '$8 billion', 'more than 290,000'")
    value: float | None = Field(default=None, description="Numeric value: 8e9, 290000")
    unit: str = Field(default="", description="'USD', 'percent', 'count', 'minutes', ...")
    noun: str = Field(default="", description="What it counts: 'Chinese students'")
    paragraph: int = 0
    start: int = 0
    end: int = 0
    topic: str | None = None


class Quote(Shape):
    """A quoted span and who said it. `text == draft.text[start:end]`."""

    text: str
    speaker: str | None = Field(description="Canonical name or body; None when unresolved")
    speaker_country: str | None = None
    topic: str | None = None
    paragraph: int = 0
    start: int
    end: int
    partial: bool = Field(default=False, description="A fragment inside a sentence")


PositionKind = Literal["demand", "concern", "warning", "assertion", "denial", "proposal",
                       "welcome"]


class Position(Shape):
    """One side's stated stance on a topic at a meeting: what it wants, fears, denies or
    proposes, said directly (a quote) or reported. `text == draft.text[start:end]`."""

    side: str | None = Field(description="The speaker's country: 'China'")
    speaker: str | None = Field(description="Canonical name or body; None when unresolved")
    topic: str | None = None
    kind: PositionKind
    text: str = Field(description="The clause that states the stance, as written")
    paragraph: int = 0
    start: int
    end: int
    quote: int | None = Field(default=None, description="Index into the draft's quotes when "
                              "the stance is a direct quote")


class Commitment(Shape):
    """What one side or both agreed, pledged or decided to do at a meeting."""

    parties: list[str] = Field(description="The countries bound: one side or both")
    topic: str | None = None
    text: str = Field(description="The clause of the promise, as written; an action of a list "
                      "reads on its own, its clause's subject and verb carried over ('the two "
                      "sides agreed to reopen consulates'), while start and end point at the "
                      "action's own words")
    due: str | None = Field(default=None, description="When, as the text says: 'in coming weeks'")
    paragraph: int = 0
    start: int
    end: int


class Paragraph(Shape):
    """A paragraph of the article text, with the topics it was scored for."""

    index: int
    start: int
    end: int
    section: int = 0
    heading: str | None = None
    topics: list[str] = Field(default_factory=list)


class TopicEntry(Shape):
    """What one meeting said about one topic."""

    id: str = Field(description="Topic id (slug)")
    name: str
    status: Status
    evidence: str = Field(default="", description="The sentence the status was read from")
    summary: str = ""
    paragraphs: list[int] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)


ReviewReason = Literal["date-guessed", "no-place", "speaker-unresolved", "pair-uncertain"]
"""Why a draft needs a person's eye: the meeting date was taken from the publication date, no
place was found, a quote has no speaker, or the pair of countries was read with low confidence."""


class MeetingDraft(Shape):
    """What ingest made of one article, before it is reviewed and stored."""

    title: str = ""
    published: date | None = None
    meeting_date: date | None = None
    location: str | None = None
    source: str | None = None
    url: str | None = None
    fetched_at: datetime | None = Field(default=None, description="When `url` was fetched")
    dyad: list[str] = Field(default_factory=list, description="The two countries, sorted")
    participants: list[Actor] = Field(default_factory=list)
    topics: list[TopicEntry] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    date_source: str | None = Field(
        default=None, description="The phrase the meeting date was read from, e.g. "
        "'on Tuesday + stamp 2025-08-19'; None when there is no date"
    )
    place_source: str | None = Field(
        default=None, description="The phrase the location was read from ('held talks in Riyadh')"
    )
    dyad_source: str | None = Field(
        default=None, description="Why these two countries: the people or phrase that named them"
    )
    review_reasons: list[ReviewReason] = Field(
        default_factory=list,
        description="What ingest had to guess; a stored meeting with any of these needs review "
        "until a user edits or confirms it",
    )
    text: str = Field(default="", description="Plain article text; all offsets point into it")
    original: str = Field(
        default="", description="The decoded input as given (HTML, Markdown, text)"
    )
    sha256: str = Field(default="", description="sha256 of `original` as UTF-8")
    paragraph_spans: list[Paragraph] = Field(default_factory=list)


# --- What the store answers with -------------------------------------------


class MeetingRef(Shape):
    """A meeting as lists and column headers show it."""

    id: int
    title: str
    meeting_date: date | None
    location: str | None = None
    dyad: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list, description="Outlets of its articles")
    review: list[ReviewReason] = Field(
        default_factory=list,
        description="What ingest guessed and no user has yet edited or confirmed: "
        "the meeting needs review while this is not empty",
    )

    @property
    def needs_review(self) -> bool:
        return bool(self.review)


class ArticleRecord(Shape):
    """One stored article (a meeting may have several: wire, readout, ...)."""

    id: int
    meeting_id: int
    title: str
    published: date | None
    source: str | None
    url: str | None
    sha256: str
    text: str
    original: str
    added_at: datetime
    paragraph_spans: list[Paragraph] = Field(default_factory=list)


class StoredQuote(Quote):
    """A quote as stored: extracted values plus the user's fixes."""

    id: int
    meeting_id: int
    article_id: int
    source: str | None = None
    meeting_date: date | None = None
    edited: bool = Field(default=False, description="Speaker or topic fixed by the user")


class EntryView(Shape):
    """One topic at one meeting, with the user's override applied."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    meeting: MeetingRef
    topic_id: str
    topic_name: str
    status: Status = Field(description="Override if set, else extracted")
    extracted_status: Status
    overridden: bool = False
    note: str | None = None
    evidence: str = ""
    summary: str = ""
    figures: list[Figure] = Field(default_factory=list)
    quotes: list[StoredQuote] = Field(default_factory=list)


ChangeKind = Literal["status", "first_raised", "not_raised", "new_quotes", "figure"]


class Change(Shape):
    """One thing that moved for a topic between two consecutive meetings."""

    kind: ChangeKind
    topic_id: str
    topic_name: str
    meeting_id: int
    previous_meeting_id: int | None = None
    old_status: Status | None = None
    new_status: Status | None = None
    description: str = Field(description="One line for humans: 'Taiwan: tension → dialogue'")
    weight: int = Field(default=0, description="Higher is more important; lists sort by it")
    side: str | None = Field(default=None, description="Country, for new_quotes changes")


class TopicRow(Shape):
    """One row of the board: a topic across a dyad's meetings."""

    topic: Topic
    cells: dict[int, Status] = Field(
        description="meeting id -> status where raised, for the meetings of the board's window"
    )
    current: Status | None = None
    trend: int = Field(default=0, description="-1 worse, 0 same, +1 better vs the time before")
    last_discussed: date | None = None
    raised: int = Field(default=0, description="Meetings of the dyad that raised it, in all")


class Board(Shape):
    """Everything the home screen shows for one dyad: a window of its meetings (columns)."""

    dyad: list[str]
    meetings: list[MeetingRef] = Field(description="The window's meetings, oldest first")
    rows: list[TopicRow]
    latest_changes: list[Change] = Field(default_factory=list)
    meeting_count: int = Field(default=0, description="The dyad's meetings in all")
    first_column: int = Field(
        default=0, description="Position of meetings[0] among all the dyad's meetings"
    )


class MeetingDetail(Shape):
    """One meeting with everything the store holds about it."""

    meeting: MeetingRef
    published: date | None = None
    participants: list[Actor] = Field(default_factory=list)
    articles: list[ArticleRecord] = Field(default_factory=list)
    entries: list[EntryView] = Field(default_factory=list)
    quotes: list[StoredQuote] = Field(default_factory=list)
    edits: MeetingEdits | None = Field(default=None, description="The user's corrections")
    sources: list[SourceInfo] = Field(default_factory=list, description="Its articles, listed")


class MeetingEdits(Shape):
    """The user's corrections of a meeting, kept apart from what its articles say.

    None (or an empty list) means "not edited": the articles' value is shown.
    """

    title: str | None = None
    meeting_date: date | None = None
    location: str | None = None
    dyad: list[str] | None = None
    participants_added: list[Actor] = Field(default_factory=list)
    participants_removed: list[str] = Field(
        default_factory=list, description="Names the user took off the list"
    )


class SourceInfo(Shape):
    """One article of a meeting as `bilat sources` lists it."""

    id: int
    meeting_id: int
    title: str
    source: str | None = Field(description="The outlet")
    url: str | None = None
    published: date | None = None
    meeting_date: date | None = Field(default=None, description="The article's own reading")
    added_at: datetime
    quotes: int = Field(description="Quotes stored from this article")
    date_source: str | None = None
    place_source: str | None = None
    dyad_source: str | None = None


JournalAction = Literal[
    "add", "edit", "participants", "confirm", "set-status", "quote", "merge", "split", "rm",
    "rm-source", "import", "commitment",
]


class JournalEntry(Shape):
    """One change a user made, with what it replaced, so that it can be undone."""

    id: int
    at: datetime
    action: JournalAction
    meeting_id: int | None = None
    summary: str = Field(description="One line for humans: 'edit meeting 3: date 2024-04-26'")
    before: dict[str, Any] = Field(default_factory=dict)
    after: dict[str, Any] = Field(default_factory=dict)
    undone_at: datetime | None = None


class AddResult(Shape):
    """What `Store.add_draft` did with one article."""

    meeting_id: int
    article_id: int
    joined_existing: bool = Field(description="Joined an existing meeting as another source")
    quotes_added: int = 0
    quotes_merged: int = Field(default=0, description="Duplicates of quotes already held")


# --- The full JSON dump (export/import of a whole store) --------------------


class DumpMeeting(Shape):
    """A meeting row of the dump."""

    id: int
    title: str = ""
    meeting_date: date | None = None
    location: str | None = None
    dyad: list[str] = Field(default_factory=list)
    participants: list[Actor] = Field(default_factory=list)
    review: list[ReviewReason] = Field(default_factory=list)
    edits: MeetingEdits | None = Field(default=None, description="The user's corrections")


class DumpArticle(Shape):
    """An article row of the dump: the source text and what ingest said about the meeting."""

    id: int
    meeting_id: int
    title: str = ""
    published: date | None = None
    meeting_date: date | None = Field(default=None, description="The article's own meeting date")
    location: str | None = None
    source: str | None = None
    url: str | None = None
    sha256: str
    text: str
    original: str
    added_at: datetime
    paragraph_spans: list[Paragraph] = Field(default_factory=list)
    participants: list[Actor] = Field(default_factory=list)
    date_source: str | None = None
    place_source: str | None = None
    dyad_source: str | None = None
    review: list[ReviewReason] = Field(default_factory=list)


class DumpEntry(Shape):
    """An extracted topic entry (meeting x topic x article) of the dump."""

    meeting_id: int
    article_id: int
    topic_id: str
    status: Status
    evidence: str = ""
    summary: str = ""
    paragraphs: list[int] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)


class DumpOverride(Shape):
    """The user's status override and note for one meeting x topic."""

    meeting_id: int
    topic_id: str
    status: Status | None = None
    note: str | None = None


class DumpQuote(Quote):
    """A quote row of the dump: extracted values plus the user's fixes, kept apart."""

    id: int
    meeting_id: int
    article_id: int
    speaker_override: str | None = None
    speaker_country_override: str | None = None
    topic_override: str | None = None
    topic_overridden: bool = False
    country_overridden: bool = Field(default=False, description="Side fixed by the user")
    dropped: bool = False
    duplicate_of: int | None = Field(default=None, description="The quote it repeats, if any")


class StoreDump(Shape):
    """Everything a store holds; `bilat export --format json` writes it, `bilat import` reads it."""

    format: Literal["bilat-store"] = "bilat-store"
    schema_version: int
    topics: list[Topic] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    meetings: list[DumpMeeting] = Field(default_factory=list)
    articles: list[DumpArticle] = Field(default_factory=list)
    entries: list[DumpEntry] = Field(default_factory=list)
    overrides: list[DumpOverride] = Field(default_factory=list)
    quotes: list[DumpQuote] = Field(default_factory=list)
    positions: list[DumpPosition] = Field(default_factory=list)
    commitments: list[DumpCommitment] = Field(default_factory=list)


class TopicWindow(Shape):
    """A topic's newest entries and what changed between them (topic screen, `bilat show`)."""

    history: list[EntryView] = Field(description="Oldest first")
    changes: list[Change] = Field(description="At the meetings of `history`, oldest first")
    complete: bool = Field(description="`history` reaches back to the topic's first entry")


# --- Positions and commitments as stored (issue 11) -------------------------

CommitmentState = Literal["open", "kept", "progressing", "stalled", "broken", "superseded"]
"""Where a promise stands: `broken` also covers reversed (suspended, called off)."""


class StoredPosition(Position):
    """A position as stored, with the meeting and article it was read from."""

    id: int
    meeting_id: int
    article_id: int
    meeting_date: date | None = None


class Tracking(Shape):
    """What later meetings of the pair say about a commitment (store/commitments.py)."""

    state: CommitmentState = "open"
    evidence: str = Field(default="", description="The later sentence the state was read from")
    evidence_meeting_id: int | None = None
    evidence_date: date | None = None
    due_date: date | None = Field(default=None, description="`due` read against the meeting date")


class StoredCommitment(Commitment):
    """A commitment as stored: what ingest read, what tracking found, and the user's word."""

    id: int
    meeting_id: int
    article_id: int
    meeting_date: date | None = None
    meeting_title: str = ""
    dyad: list[str] = Field(default_factory=list)
    extracted: Tracking = Field(default_factory=Tracking)
    manual_state: CommitmentState | None = Field(default=None, description="Set by the user")
    note: str | None = None
    state: CommitmentState = Field(
        default="open", description="The user's state if set, else the extracted one")
    overdue: bool = Field(default=False, description="Open and past its due date")


class DumpPosition(Position):
    """A position row of the dump."""

    id: int
    meeting_id: int
    article_id: int


class DumpCommitment(Commitment):
    """A commitment row of the dump: extracted values, then the user's state and note."""

    id: int
    meeting_id: int
    article_id: int
    manual_state: CommitmentState | None = None
    note: str | None = None
