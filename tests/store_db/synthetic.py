"""Synthetic meetings for the scale tests: two pairs, three topics, undated ones among them."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from store.models import Commitment, MeetingDraft, Paragraph, Position, Quote, Status, TopicEntry

PAIRS = (["China", "United States"], ["Russia", "United States"])
TOPICS = ("taiwan", "trade", "climate")


def draft(i: int) -> MeetingDraft:
    text = f'Officials met for round {i} of talks.\n\n"We discussed trade in round {i}," Tang said.'
    start = text.index('"') + 1
    end = text.index('"', start)
    # Every 17th undated; the two pairs meet on the same days.
    day = None if i % 17 == 16 else date(2001, 1, 1) + timedelta(days=3 * (i // 2))
    return MeetingDraft(
        title=f"Round {i}", published=day, meeting_date=day, location="Geneva",
        source="Wire", dyad=PAIRS[i % 2],
        topics=[TopicEntry(id=t, name=t, status=list(Status)[(i + k) % 5],
                           evidence=f"Evidence {i} on {t}.", paragraphs=[1])
                for k, t in enumerate(TOPICS) if (i + k) % 3],
        quotes=[Quote(text=text[start:end], speaker="Tang Lei", speaker_country="China",
                      topic="trade", paragraph=1, start=start, end=end)],
        text=text, original=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
        paragraph_spans=[Paragraph(index=0, start=0, end=text.index("\n")),
                         Paragraph(index=1, start=text.index("\n") + 2, end=len(text))],
    )


def with_stances(d: MeetingDraft) -> MeetingDraft:
    """The synthetic draft with a position and a commitment on trade (spans of its text)."""
    start = d.text.index("We discussed")
    end = d.text.index(",", start)
    return d.model_copy(update={
        "positions": [Position(side="China", speaker="Wang Yi", topic="trade", kind="assertion",
                               text=d.text[start:end], paragraph=1, start=start, end=end)],
        "commitments": [Commitment(parties=d.dyad, topic="trade", text=d.text[start:end],
                                   due="by the end of the year", paragraph=1, start=start,
                                   end=end)],
    })
