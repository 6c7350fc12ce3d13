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


@pytest.mark.parametrize("text", [
    "Visiting Lagos for the second time this year, Varga signed a visa deal with Okafor.",
    "Ms. Lena Varga, Foreign Minister of Hungary, who was visiting Lagos in Nigeria to attend"
    " a regional conference, held a meeting with Mr. Tunde Okafor.",
])
def test_the_visit_of_the_story_names_its_city(text: str) -> None:
    assert place_of(text) == "Lagos"


@pytest.mark.parametrize("text", [
    "It was their first meeting since June 2023, when Varga visited Lagos in June 2023.",
    "Varga, who was received in Lagos last spring, met Okafor by video link.",
])
def test_an_earlier_visit_gives_no_city(text: str) -> None:
    assert place_of(text) is None


def test_a_district_named_with_its_capital_is_in_that_capital() -> None:
    assert place_of("The summit was held at the presidential office in Maitama, Abuja on the"
                    " 11th.") == "Abuja"
    assert place_of("The two ministers met in Kano, Nigeria on Friday.") == "Kano, Nigeria"
