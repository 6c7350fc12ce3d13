"""Tracker rules on who meets and what talks are about (store/commitments.py), in our own
sentences."""

from __future__ import annotations

from datetime import date

from store.commitments import Later, Tracker, track
from store.models import Commitment

DAY = date(2025, 3, 3)


def promise(text: str, topic: str | None = None) -> Commitment:
    return Commitment(parties=["Iceland", "Peru"], topic=topic, start=0, end=1, text=text)


def later(*sentences: str, n: int = 2) -> Later:
    return Later(n, date(2025, 4, n), [(None, s) for s in sentences], [])


def walked(made: Commitment, meeting: Later) -> str:
    tracker = Tracker()
    tracker.feed(Later(1, DAY, [], []), [(1, made)])
    tracker.feed(meeting, [])
    return tracker.results()[1].state


def test_a_meeting_promised_of_named_officials_is_not_kept_by_other_officials() -> None:
    made = promise("The foreign ministers will meet in the coming weeks")
    deputies = later("Deputy prime ministers Ana Ruiz and Jon Olafsson held talks in Quito on "
                     "Monday.")
    assert track(made, DAY, [deputies]).state == "open"
    assert walked(made, deputies) == "open"
    theirs = later("The foreign ministers of Iceland and Peru held talks in Quito on Monday.")
    assert track(made, DAY, [theirs]).state == "kept"
    assert walked(made, theirs) == "kept"


def test_talks_to_go_on_about_a_thing_are_not_kept_by_a_meeting_on_another() -> None:
    made = promise("agreed to continue negotiations on ending the fishing dispute")
    other = later("The meeting, held at the embassy in Lima, followed earlier talks on "
                  "visas.")
    assert track(made, DAY, [other]).state == "open"
    assert walked(made, other) == "open"
    # talks to go on about nothing in particular are kept by any meeting held
    vague = promise("agreed to continue the dialogue on other outstanding issues")
    assert track(vague, DAY, [other]).state == "kept"
