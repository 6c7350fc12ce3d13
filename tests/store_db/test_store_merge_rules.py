"""The pure rules behind joining and searching: quote repeats, participants, FTS escaping."""

from __future__ import annotations

from store.db.merge import QuoteKey, find_duplicates, normalize_quote, participants_overlap
from store.db.queries import fts_query
from store.models import Actor


def test_normalize_ignores_case_marks_and_punctuation() -> None:
    left = normalize_quote("“Stable,  healthy” — ties!")
    assert left == normalize_quote('"stable healthy" - TIES') == "stable healthy ties"


def test_repeats_keep_the_longest_copy() -> None:
    quotes = [
        QuoteKey(1, "the first red line", "Wang Yi"),
        QuoteKey(2, "Taiwan is the first red line that must not be crossed", "Wang Yi"),
        QuoteKey(6, "Taiwan is the first red line", None),  # unresolved speaker: a repeat
        QuoteKey(3, "The first red line!", "Wang Yi"),
        QuoteKey(4, "the first red line", "Antony Blinken"),  # someone else said it
        QuoteKey(5, "red line", "Wang Yi"),  # too short to prove a repeat
    ]
    assert find_duplicates(quotes) == {1: 2, 3: 2, 6: 2}


def test_participants_overlap_by_name_or_alias() -> None:
    wang = Actor(name="Wang Yi", aliases=["Wang"])
    assert participants_overlap([wang], [Actor(name="wang yi")])
    assert participants_overlap([wang], [Actor(name="Wang")])
    assert not participants_overlap([wang], [Actor(name="Antony Blinken")])


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('tariffs AND "chips" -NOT*') == '"tariffs" "AND" "chips" "NOT"'
    assert fts_query('*"-') is None
