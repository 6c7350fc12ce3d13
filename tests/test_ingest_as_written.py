"""as_written: a snippet cut from the normalized text, given back in the article's own
characters (curly quotes, dashes) whatever whitespace the article had between its words."""

from store.ingest.pipeline import as_written


def test_snippet_comes_back_in_the_articles_own_characters() -> None:
    text = "Wang said \u201cno\u201d \u2014 twice.\n\nBlinken  said\n\u201cyes\u201d."
    norm = 'Wang said "no" - twice.\n\nBlinken  said\n"yes".'
    assert as_written('Blinken said "yes".', norm, text) == "Blinken said \u201cyes\u201d."


def test_first_place_wins_whatever_the_whitespace_there() -> None:
    # The first run is the one across a line break and a double space, not the later
    # one written with single spaces.
    norm = "A.\n\nthe two  sides\nagreed. Later the two sides agreed."
    text = norm.replace("Later the", "Later THE")
    assert as_written("the two sides agreed.", norm, text) == "the two sides agreed."
    assert as_written("Later the two", norm, text) == "Later THE two"


def test_snippet_not_in_the_text_is_returned_unchanged() -> None:
    assert as_written("not  there", "something else", "something else") == "not  there"
    assert as_written("   ", "x", "x") == "   "


def test_each_article_is_read_on_its_own() -> None:
    # Two articles in turn (the collapsed copy of the first must not answer for the second).
    first = "Xi met Biden."
    second = "Xi  met\nBiden in Lima."
    assert as_written("met Biden", first, first.upper()) == "MET BIDEN"
    assert as_written("met Biden in", second, second.upper()) == "MET BIDEN IN"
    assert as_written("met Biden", first, first.upper()) == "MET BIDEN"
