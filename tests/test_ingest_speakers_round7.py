"""Speakers and their sides, round 7: kinds of error read from round 5's misses (the batch
the earlier passes had not tuned on), each reproduced in our own sentences with invented
officials.
"""

from __future__ import annotations

from test_ingest_speakers_round6 import _speaker

from store.ingest import extract
from store.ingest.names import name_runs


def test_a_presidency_spokesperson_speaks_for_the_president_named_before() -> None:
    # Some countries call the head of state's office "the Presidency": its spokesperson,
    # with no nationality, is the host president's aide, as a "presidential spokesman" is.
    draft = extract(
        "Kral receives Varga\n\n"
        "BELGRADE \u2013 Serbian President Jon Kral on Monday received Hungarian Prime "
        "Minister Lena Varga at his official residence.\n\n"
        "\u201cThe visit opened the way to a joint commission,\u201d said acting Presidency "
        "spokesperson Tomas Hrib.\n\n"
        "\u201cThe two leaders agreed to meet again in spring,\u201d Hrib said.\n")
    assert _speaker(draft.quotes, "The visit opened") == ("Tomas Hrib", "Serbia")
    assert _speaker(draft.quotes, "The two leaders") == ("Tomas Hrib", "Serbia")


def test_a_short_function_word_between_a_title_and_a_name_is_a_given_name() -> None:
    # Vietnamese given names include "To": "President To Minh" is one person, not the title
    # and a preposition; a capitalised "To" elsewhere after a title is no name.
    text = "Vietnam's President To Minh met Hungarian Prime Minister Lena Varga."
    assert ["To", "Minh"] in [w for _s, _e, w in name_runs(text, 0, len(text))]
    draft = extract(
        "Varga meets To Minh in Hanoi\n\n"
        "Hungarian Prime Minister Lena Varga held talks with Vietnam's President To Minh in "
        "Hanoi on Monday.\n\n"
        "Minh described the ties as a \u201cstrategic priority for both countries\u201d.\n")
    assert _speaker(draft.quotes, "strategic priority") == ("To Minh", "Vietnam")
