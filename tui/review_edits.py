"""The review's edits applied to a draft: pure functions, no Textual."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from store.models import Actor, MeetingDraft, ReviewReason, Status
from tui.participants_text import side_of


@dataclass
class ReviewEdits:
    """What the user changed on the review screen."""

    title: str
    meeting_date: date | None
    location: str | None
    dyad: list[str]
    statuses: dict[int, Status] = field(default_factory=dict)  # topic row -> status
    dropped_topics: set[int] = field(default_factory=set)
    speakers: dict[int, str] = field(default_factory=dict)  # quote row -> speaker
    sides: dict[int, str | None] = field(default_factory=dict)  # quote row -> country
    quote_topics: dict[int, str | None] = field(default_factory=dict)
    dropped_quotes: set[int] = field(default_factory=set)
    participants: list[Actor] | None = None  # None: as extracted


def settled_reasons(draft: MeetingDraft, edits: ReviewEdits,
                    quotes_have_speakers: bool) -> list[ReviewReason]:
    """What ingest guessed and the user has not settled in review (what they typed is checked)."""
    left: list[ReviewReason] = []
    for reason in draft.review_reasons:
        if reason == "date-guessed" and edits.meeting_date != draft.meeting_date:
            continue
        if reason == "no-place" and edits.location:
            continue
        if reason == "pair-uncertain" and sorted(edits.dyad) != sorted(draft.dyad):
            continue
        if reason == "speaker-unresolved" and quotes_have_speakers:
            continue
        left.append(reason)
    return left


def apply_review(draft: MeetingDraft, edits: ReviewEdits) -> MeetingDraft:
    """A new draft with the user's fixes; the extracted draft is left as it was."""
    people = edits.participants if edits.participants is not None else draft.participants
    countries = {a.name: a.country for a in people}
    topics = []
    for i, entry in enumerate(draft.topics):
        if i in edits.dropped_topics:
            continue
        topics.append(entry.model_copy(update={"status": edits.statuses.get(i, entry.status)}))
    quotes = []
    for i, quote in enumerate(draft.quotes):
        if i in edits.dropped_quotes:
            continue
        update: dict[str, object] = {}
        speaker = edits.speakers.get(i, quote.speaker or "").strip()
        if speaker and speaker != quote.speaker:
            update["speaker"] = speaker
            # The side goes with the speaker: the side shown on the form (which follows a
            # known speaker as it is typed), else the participant's country.
            update["speaker_country"] = (
                edits.sides[i] if i in edits.sides
                else countries.get(speaker) or side_of(speaker, people)
            )
        elif i in edits.sides and edits.sides[i] != quote.speaker_country:
            update["speaker_country"] = edits.sides[i]
        if i in edits.quote_topics:
            update["topic"] = edits.quote_topics[i]
        quotes.append(quote.model_copy(update=update))
    return draft.model_copy(
        update={
            "title": edits.title or draft.title,
            "meeting_date": edits.meeting_date,
            "location": edits.location,
            "dyad": sorted(edits.dyad) if len(edits.dyad) == 2 else draft.dyad,
            "participants": people,
            "topics": topics,
            "quotes": quotes,
            "review_reasons": settled_reasons(
                draft, edits, all(q.speaker for q in quotes)),
        }
    )


def provenance(draft: MeetingDraft) -> str:
    """Where the date, place and pair were read from, and what was guessed: one line each."""
    lines = [f"{what} read from: {phrase}" for what, phrase in (
        ("date", draft.date_source), ("place", draft.place_source), ("pair", draft.dyad_source))
        if phrase]
    if draft.review_reasons:
        lines.append("guessed, check before saving: " + ", ".join(draft.review_reasons))
    return "\n".join(lines)
