"""Where, when and between whom: the meeting's facts on the shapes real news text takes.

Each case is written in our own words and reproduces one phenomenon met on real articles:
a dateline that is the newsroom, a caption's date, a host or mediator beside the two sides,
a weekday tied to the briefing rather than to the talks.
"""

from __future__ import annotations

import pytest

from store.ingest.formats import to_plain
from store.ingest.header import parse_header
from store.ingest.normalize import normalize
from store.ingest.types import Header


def header_of(raw: str) -> Header:
    doc = to_plain(raw)
    return parse_header(normalize(doc.text), doc)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # The city named by what it is, owned by its country, with or without "of".
        ("The talks in Hungary's financial capital of Szeged lasted two hours.", "Szeged"),
        ("Varga meeting with Okafor in Nigeria's capital Abuja.", "Abuja"),
        # A title's full stop does not end the clause that leads to the city.
        ("The meeting was co-chaired by Gen. Tunde Okafor and Col. Lena Varga in Kanoma,"
         " the border town.", "Kanoma"),
        # A recent meeting elsewhere is background, as a previous one is.
        ("The ministers discussed the recent negotiations in Vienna.", None),
        ("The ministers discussed the talks in Vienna.", "Vienna"),
    ],
)
def test_city_of_the_meeting_in_news_grammar(sentence: str, place: str | None) -> None:
    assert header_of(f"Ministers meet\n\n{sentence}\n").location == place
