"""store.changes: pure comparisons of EntryViews between consecutive meetings."""

from __future__ import annotations

from datetime import date

from store.changes import figure_changes, meeting_changes, topic_changes
from store.models import EntryView, Figure, MeetingRef, Status, StoredQuote

M = [MeetingRef(id=i, title=f"m{i}", meeting_date=date(2024, i, 1)) for i in range(1, 5)]


def view(meeting: MeetingRef, status: Status, *, topic: str = "taiwan",
         figures: list[Figure] | None = None, sides: list[str | None] | None = None) -> EntryView:
    quotes = [
        StoredQuote(id=n, meeting_id=meeting.id, article_id=1, text=f"q{n}", speaker=None,
                    speaker_country=side, start=0, end=2)
        for n, side in enumerate(sides or [])
    ]
    return EntryView(meeting=meeting, topic_id=topic, topic_name=topic.title(), status=status,
                     extracted_status=status, figures=figures or [], quotes=quotes)


def test_status_move_has_direction_and_size_weight() -> None:
    big = meeting_changes(M[1], M[0], [view(M[1], Status.AGREEMENT)],
                          {"taiwan": view(M[0], Status.TENSION)})
    small = meeting_changes(M[1], M[0], [view(M[1], Status.STALLED)],
                            {"taiwan": view(M[0], Status.DIALOGUE)})
    assert [c.kind for c in big] == ["status"] and big[0].weight > small[0].weight
    assert big[0].description == "Taiwan: tension → agreement (better)"
    assert small[0].description == "Taiwan: dialogue → stalled (worse)"
    assert (small[0].old_status, small[0].new_status) == (Status.DIALOGUE, Status.STALLED)


def test_unchanged_status_is_not_a_change() -> None:
    assert meeting_changes(M[1], M[0], [view(M[1], Status.DIALOGUE)],
                           {"taiwan": view(M[0], Status.DIALOGUE)}) == []


def test_meeting_changes_are_ordered_by_importance() -> None:
    current = [
        view(M[1], Status.PROGRESS, topic="trade",
             figures=[Figure(text="$9 billion", value=9e9, unit="USD", noun="purchases")]),
        view(M[1], Status.DIALOGUE, topic="ai", sides=["China", "China", "United States"]),
        view(M[1], Status.TENSION, topic="taiwan"),
    ]
    last = {
        "trade": view(M[0], Status.PROGRESS, topic="trade",
                      figures=[Figure(text="$8 billion", value=8e9, unit="USD", noun="purchases")]),
        "taiwan": view(M[0], Status.AGREEMENT, topic="taiwan"),
        "climate": view(M[0], Status.DIALOGUE, topic="climate"),
    }
    kinds = [c.kind for c in meeting_changes(M[1], M[0], current, last)]
    assert kinds == ["status", "first_raised", "not_raised", "figure", "new_quotes", "new_quotes"]
    quotes = [c for c in meeting_changes(M[1], M[0], current, last) if c.kind == "new_quotes"]
    assert [(c.side, c.description) for c in quotes] == [
        ("China", "Ai: 2 new quotes from China"),
        ("United States", "Ai: 1 new quote from United States"),
    ]


def test_not_raised_only_right_after_the_last_mention() -> None:
    history = [view(M[0], Status.DIALOGUE)]
    changes = topic_changes(history, M)
    assert [(c.kind, c.meeting_id) for c in changes] == [("first_raised", 1), ("not_raised", 2)]
    assert changes[1].description == "Taiwan: not raised since 2024-01-01"


def test_return_after_a_gap_compares_with_last_time_discussed() -> None:
    history = [view(M[0], Status.TENSION), view(M[3], Status.PROGRESS)]
    changes = topic_changes(history, M)
    status = [c for c in changes if c.kind == "status"]
    assert len(status) == 1 and status[0].meeting_id == 4 and status[0].previous_meeting_id == 1
    assert "last discussed 2024-01-01" in status[0].description
    assert not any(c.kind == "first_raised" and c.meeting_id == 4 for c in changes)


def test_figures_new_changed_and_same() -> None:
    old = [Figure(text="290,000", value=290000, unit="count", noun="students"),
           Figure(text="$8 billion", value=8e9, unit="USD", noun="deals")]
    new = [Figure(text="about 290,000", value=290000, unit="count", noun="students"),
           Figure(text="$10 billion", value=1e10, unit="USD", noun="deals"),
           Figure(text="50 percent", value=50, unit="percent", noun="tariff")]
    found = [(f.text, o.text if o else None) for f, o in figure_changes(new, old)]
    assert found == [("$10 billion", "$8 billion"), ("50 percent", None)]


def test_recent_changes_of_a_cut_history_match_the_full_history() -> None:
    from store.changes import recent_topic_changes

    full = [view(M[0], Status.TENSION), view(M[1], Status.DIALOGUE), view(M[3], Status.AGREEMENT)]
    everything = topic_changes(full, M)
    # The newest two entries only: nothing is reported at the oldest of them (it is the
    # base of comparison, not "first raised"); later changes are those of the full history.
    recent = recent_topic_changes(full[1:], M, complete=False)
    assert recent == [c for c in everything if c.meeting_id in {3, 4}]
    kinds = [(c.meeting_id, c.kind) for c in recent]
    assert (3, "not_raised") in kinds and (4, "status") in kinds
    assert recent_topic_changes(full, M, complete=True) == everything
