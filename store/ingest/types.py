"""Intermediate values passed between ingest stages.

These are plain frozen dataclasses rather than pydantic models: they live for
a few milliseconds inside one `extract` call, are never serialised, and are
built thousands of times per article, so validation would only cost time.
Everything that leaves ingest is a pydantic model from `store.models`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from store.models import Actor


class IngestError(ValueError):
    """Input that cannot be read as an article; the message is one clear line."""


@dataclass(frozen=True, slots=True)
class PlainDocument:
    """An input reduced to plain text, plus what its markup told us."""

    text: str
    format: str  # "text" | "markdown" | "html"
    title: str | None = None  # <title>/<h1> or a leading '# ' heading
    url: str | None = None  # canonical/og:url of a saved page
    published: date | None = None  # <meta> / <time datetime> of a saved page
    source: str | None = None  # og:site_name of a saved page


@dataclass(frozen=True, slots=True)
class Header:
    """What the top and bottom of an article say about it."""

    title: str = ""
    published: date | None = None
    source: str | None = None  # outlet: "Reuters", "AP", "U.S. Department of State"
    location: str | None = None  # dateline place: "Beijing", "Vientiane, Laos"
    body_start: int = 0  # offset of the first body character (after title/byline)
    body_end: int = 0  # offset after the last body character (credits dropped)
    # Where `published` and `location` were read: "stamp 2025-08-19", "dateline BEIJING".
    published_source: str | None = None
    location_source: str | None = None
    # A full date in a photo caption of the head: the day the pictures were taken, which
    # anchors "on Sunday" when the page gives no date of its own.
    caption_date: date | None = None
    # The day a dateline gives ("Chennai, Oct 12:"), a day or two after the stamp: the
    # story's weekdays are counted from it.
    filed: date | None = None
    filed_source: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Para:
    """A body paragraph: offsets into the text, its section and sentences."""

    index: int
    start: int
    end: int
    section: int = 0
    heading: str | None = None
    sentences: tuple[Sentence, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """A place in the text that refers to an actor (name, surname, pronoun, title)."""

    start: int
    end: int
    actor: int  # index into ActorTable.actors


@dataclass(slots=True)
class ActorTable:
    """Everyone the article names, and where each is mentioned."""

    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # indices of actors who took part in the meeting (not merely mentioned)
    participants: list[int] = field(default_factory=list)
    guest: int | None = None  # the one who visits, when the text says so
