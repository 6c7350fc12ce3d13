"""Stage 2b: the meeting date from weekday and date references."""

from __future__ import annotations

from datetime import date

import pytest

from store.ingest.dates import resolve_meeting_date
from store.ingest.structure import split_paragraphs


def meeting_date(text: str, published: date | None) -> date | None:
    return resolve_meeting_date(text, split_paragraphs(text, 0, len(text)), published)


FRI = date(2024, 4, 26)  # a Friday


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        ("Blinken met Xi in Beijing on Friday.", FRI, FRI),
        ("Blinken met Xi in Beijing on Friday.", date(2024, 4, 28), FRI),
        ("Xi told Blinken at Friday's meeting that the two sides should be partners.",
         date(2024, 4, 27), FRI),
        ("The ministers held talks on Tuesday morning in Jakarta.", date(2024, 4, 25),
         date(2024, 4, 23)),
        ("Secretary Blinken met today with Foreign Minister Wang.", date(2023, 6, 19),
         date(2023, 6, 19)),
        ("The two defence chiefs met last Friday in Singapore.", date(2024, 6, 3),
         date(2024, 5, 31)),
    ],
)
def test_weekdays_resolve_against_publication(text: str, published: date, want: date) -> None:
    assert meeting_date(text, published) == want


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        ("Blinken and Wang held talks on July 27 in Vientiane.", date(2024, 7, 28),
         date(2024, 7, 27)),
        ("The leaders met on Jan. 26 and agreed to meet again on Feb. 23.", date(2024, 1, 29),
         date(2024, 1, 26)),
        ("The talks, held on 16 November 2023 near San Francisco, ran four hours.",
         date(2023, 11, 20), date(2023, 11, 16)),
        ("The ministers met on Dec. 30 in Tokyo.", date(2025, 1, 2), date(2024, 12, 30)),
    ],
)
def test_explicit_dates(text: str, published: date, want: date) -> None:
    assert meeting_date(text, published) == want


def test_background_meetings_are_not_the_meeting() -> None:
    text = (
        "Biden, who met Xi on Nov. 15 last year in San Francisco, spoke with him by phone on"
        " Tuesday.\n\nThe two last met in 2023."
    )
    assert meeting_date(text, date(2024, 4, 4)) == date(2024, 4, 2)


def test_arrival_day_does_not_beat_meeting_day() -> None:
    text = (
        "Hours before Blinken landed in Shanghai on Wednesday, China warned the U.S.\n\n"
        "On Friday, Blinken met Xi in the Great Hall of the People."
    )
    assert meeting_date(text, FRI) == FRI


def test_future_meeting_is_not_taken() -> None:
    text = "The two sides met on Monday and will meet again next Tuesday."
    assert meeting_date(text, date(2024, 3, 5)) == date(2024, 3, 4)


def test_falls_back_to_publication_date() -> None:
    assert meeting_date("The ministers discussed trade.", FRI) == FRI


def test_none_without_any_date() -> None:
    assert meeting_date("The ministers met on Friday.", None) is None


def test_full_date_works_without_publication_date() -> None:
    text = "The leaders met on June 22, 2023 at the White House."
    assert meeting_date(text, None) == date(2023, 6, 22)
