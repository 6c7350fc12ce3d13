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
        QuoteKey(1, "the first red line", "Tang Lei"),
        QuoteKey(2, "Taiwan is the first red line that must not be crossed", "Tang Lei"),
        QuoteKey(6, "Taiwan is the first red line", None),  # unresolved speaker: a repeat
        QuoteKey(3, "The first red line!", "Tang Lei"),
        QuoteKey(4, "the first red line", "Daniel Hart"),  # someone else said it
        QuoteKey(5, "red line", "Tang Lei"),  # too short to prove a repeat
    ]
    assert find_duplicates(quotes) == {1: 2, 3: 2, 6: 2}


def test_participants_overlap_by_name_or_alias() -> None:
    tang = Actor(name="Tang Lei", aliases=["Tang"])
    assert participants_overlap([tang], [Actor(name="tang lei")])
    assert participants_overlap([tang], [Actor(name="Tang")])
    assert not participants_overlap([tang], [Actor(name="Daniel Hart")])


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('tariffs AND "chips" -NOT*') == '"tariffs" "AND" "chips" "NOT"'
    assert fts_query('*"-') is None
