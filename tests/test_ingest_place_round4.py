"""The city of the meeting in the shapes real stories give it (round 4's misses). Every
sentence here is our own, written to reproduce the shape, never a real article's words."""

from __future__ import annotations

import pytest

from store.ingest.place import body_location


def place_of(text: str) -> str | None:
    return body_location(text, 0, len(text))[0]


@pytest.mark.parametrize("text", [
    "It was Varga's first visit to Lagos since Okafor took office a year ago.",
    "The ministers held the first talks in Lagos since the border reopened.",
])
def test_an_ordinal_after_a_determiner_ranks_this_meeting(text: str) -> None:
    assert place_of(text) == "Lagos"


def test_an_adverb_first_still_dates_an_earlier_meeting() -> None:
    assert place_of("Varga and Okafor, who first met in Lagos, spoke again by phone.") is None
