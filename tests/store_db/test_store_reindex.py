"""`reindex`: extracted values replaced from the stored original, every manual edit kept."""

from __future__ import annotations

from datetime import date
from typing import Any

from store.db import Store
from store.ingest import IngestError, extract
from store.models import MeetingDraft, Status

from .drafts import make_draft

ARTICLE = (
    "Tang and Hart meet\n"
    'Tang said "Taiwan is the first red line" in the talks. '
    'Hart said "we saw progress on fentanyl" and an official said "more work is needed".'
)


def first_draft() -> MeetingDraft:
    return make_draft(
        ARTICLE, when=date(2024, 4, 26),
        topics={"taiwan": Status.TENSION, "fentanyl": Status.DIALOGUE},
        quotes=[
            ("Taiwan is the first red line", "Tang Lei", "China", "taiwan"),
            ("we saw progress on fentanyl", "Daniel Hart", "United States", "fentanyl"),
            ("more work is needed", None, None, "fentanyl"),
        ],
    )


class BetterExtractor:
    """Stands in for an improved ingest: reads the same text, finds more and differently."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def __call__(self, data: str, **kw: Any) -> MeetingDraft:
        self.calls.append(kw)
        draft = first_draft()
        assert data == draft.original
        draft.topics[1].status = Status.PROGRESS  # the fentanyl cue is now read as progress
        # the plain text now keeps a dateline, so every offset moves
        prefix = "BEIJING - "
        draft.text = prefix + draft.text
        for q in draft.quotes:
            q.start += len(prefix)
            q.end += len(prefix)
        # the anonymous fragment is no longer seen as a quote at all
        del draft.quotes[2]
        draft.title = "Tang and Hart meet in Beijing"
        return draft


def test_reindex_replaces_extracted_values_and_keeps_edits(store: Store) -> None:
    mid = store.add_draft(first_draft()).meeting_id
    store.set_status(mid, "taiwan", Status.STALLED, note="my reading")
    by_text = {q.text: q for q in store.meeting(mid).quotes}
    tang = by_text["Taiwan is the first red line"]
    hart = by_text["we saw progress on fentanyl"]
    anon = by_text["more work is needed"]
    store.set_quote_topic(tang.id, "relations")
    store.drop_quote(hart.id)
    store.set_quote_speaker(anon.id, "a senior U.S. official", "United States")

    extractor = BetterExtractor()
    seen: list[tuple[int, int]] = []
    assert store.reindex(lambda i, n: seen.append((i, n)), extract=extractor) == 1
    assert seen == [(1, 1)]
    assert extractor.calls[0]["meeting_date"] == date(2024, 4, 26)
    assert extractor.calls[0]["dyad"] == ["China", "United States"]

    detail = store.meeting(mid)
    assert detail.articles[0].title == "Tang and Hart meet in Beijing"
    entries = {e.topic_id: e for e in detail.entries}
    # extracted value replaced ...
    assert entries["fentanyl"].status == Status.PROGRESS
    # ... override and note untouched
    assert (entries["taiwan"].status, entries["taiwan"].extracted_status) == (
        Status.STALLED, Status.TENSION)
    assert entries["taiwan"].note == "my reading"
    quotes = {q.id: q for q in detail.quotes}
    # topic fix survives and the quote keeps its id
    assert quotes[tang.id].topic == "relations" and quotes[tang.id].edited
    # matched by text across the offset shift, and the new offsets taken
    assert quotes[tang.id].start == tang.start + len("BEIJING - ")
    assert detail.articles[0].text.startswith("BEIJING - ")
    # the dropped quote stays dropped
    assert hart.id not in quotes
    # the speaker fix survives even though the new extractor no longer finds that quote
    assert quotes[anon.id].speaker == "a senior U.S. official"
    assert quotes[anon.id].speaker_country == "United States"
    assert store.counts()["quotes"] == 3


def test_reindex_drops_unedited_quotes_the_extractor_no_longer_finds(store: Store) -> None:
    mid = store.add_draft(first_draft()).meeting_id
    assert store.reindex(extract=BetterExtractor()) == 1
    texts = sorted(q.text for q in store.meeting(mid).quotes)
    assert texts == ["Taiwan is the first red line", "we saw progress on fentanyl"]


def test_reindex_keeps_old_values_when_extractor_now_rejects(store: Store) -> None:
    mid = store.add_draft(first_draft()).meeting_id

    def refuses(data: str, **kw: Any) -> MeetingDraft:
        raise IngestError("not an article any more")

    assert store.reindex(extract=refuses) == 0
    assert len(store.meeting(mid).quotes) == 3


def test_reindex_with_the_real_extractor_keeps_overrides(store: Store) -> None:
    text = (
        "Hart and Tang hold talks in Beijing\n\n"
        "BEIJING, April 26 - U.S. Secretary of State Daniel Hart met Chinese Foreign "
        "Minister Tang Lei on Friday.\n\n"
        '"We need to manage differences responsibly," Hart told reporters.\n'
    )
    draft = extract(text, meeting_date=date(2024, 4, 26), dyad=["China", "United States"])
    mid = store.add_draft(draft).meeting_id
    store.set_status(mid, "relations", Status.DIALOGUE, note="channels kept open")
    before = store.meeting(mid)
    assert store.reindex() == 1
    after = store.meeting(mid)
    assert after.articles[0].original == text
    assert after.articles[0].sha256 == before.articles[0].sha256
    assert after.meeting.meeting_date == date(2024, 4, 26)
    relations = next(e for e in after.entries if e.topic_id == "relations")
    assert (relations.status, relations.note) == (Status.DIALOGUE, "channels kept open")
