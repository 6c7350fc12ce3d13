"""Country names, adjectives and capitals map to one canonical country."""

from __future__ import annotations

import pytest

from store.ingest.countries import count_countries, country_of, country_of_capital, demonym


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("U.S.", "United States"),
        ("US", "United States"),
        ("American", "United States"),
        ("Americans'", "United States"),
        ("United States", "United States"),
        ("Chinese", "China"),
        ("China's", "China"),
        ("Indian", "India"),
        ("Japanese", "Japan"),
        ("Russian", "Russia"),
        ("Philippine", "Philippines"),
        ("Filipino", "Philippines"),
        ("Taiwanese", "Taiwan"),
        ("Ukrainian", "Ukraine"),
        ("British", "United Kingdom"),
        ("Saudi", "Saudi Arabia"),
        ("South Korean", "South Korea"),
    ],
)
def test_names_and_adjectives_map_to_the_canonical_country(word: str, country: str) -> None:
    assert country_of(word) == country


@pytest.mark.parametrize("word", ["us", "china", "Beijing", "Secretary", "Wang", ""])
def test_other_words_are_not_countries(word: str) -> None:
    # Case matters: "us" is a pronoun; capitals are metonyms, not names.
    assert country_of(word) is None


def test_capitals_stand_for_their_government() -> None:
    assert country_of_capital("Washington") == "United States"
    assert country_of_capital("Beijing's") == "China"
    assert country_of_capital("New Delhi") == "India"
    assert country_of_capital("Manila") == "Philippines"
    assert country_of_capital("Springfield") is None


def test_demonym_is_used_for_body_names() -> None:
    assert demonym("China") == "Chinese"
    assert demonym("United States") == "U.S."
    assert demonym("Atlantis") == "Atlantis"


def test_counting_mentions_skips_words_inside_other_words() -> None:
    text = "USAID and USB sticks; the U.S. and China met. Chinese and American aides. Beijing said."
    counts = count_countries(text)
    assert counts["United States"] == 2
    assert counts["China"] == 3
    assert count_countries(text, capitals=False)["China"] == 2
