"""Stage 2b: the meeting date from weekday and date references."""

from __future__ import annotations

from datetime import date

import pytest

from store.ingest.dates import resolve_meeting_date
from store.ingest.structure import split_paragraphs


def meeting_date(text: str, published: date | None) -> date | None:
    return resolve_meeting_date(text, split_paragraphs(text, 0, len(text)), published).when


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


# --- Real-article date forms and anchors (our own sentences) -------------------------

from store.ingest.datetext import first_date, foreign_date  # noqa: E402


@pytest.mark.parametrize(
    ("written", "want"),
    [
        ("Date: 27/10/2023 | Source: Agency", date(2023, 10, 27)),  # day first
        ("Agency News, 1920, 19.05.2024", date(2024, 5, 19)),
        ("10/27/2023", date(2023, 10, 27)),  # a US order that cannot be day first
        ("met in Szeged on March 29. 2021", date(2021, 3, 29)),
    ],
)
def test_numeric_and_odd_date_forms(written: str, want: date) -> None:
    assert first_date(written) == want


def test_a_stamp_in_the_page_language() -> None:
    assert foreign_date("27. februar 2023 20:25") == date(2023, 2, 27)
    assert foreign_date("12 de marzo de 2024") == date(2024, 3, 12)


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        ("Foreign Minister Lena Varga held talks with Tunde Okafor on 18 February.",
         date(2025, 2, 19), date(2025, 2, 18)),
        ("Varga and Okafor will meet on Nov. 16 in Lagos.", date(2025, 11, 15), None),
        ("The ministers met in Lagos on Wednesday, the agency said.", date(2025, 3, 6),
         date(2025, 3, 5)),  # the stamp is a day later than the talks (time zones)
        ("Varga met Okafor in Lagos on 19.05.2024.", date(2024, 5, 20), date(2024, 5, 19)),
    ],
)
def test_explicit_forms_and_stamp_a_day_later(
    text: str, published: date, want: date | None
) -> None:
    got = meeting_date(text, published)
    if want is None:
        assert got == published  # a future date is not the meeting; the stamp stands in
    else:
        assert got == want


@pytest.mark.parametrize(
    "text",
    [
        "Varga and Okafor held talks in Lagos, their first since their last meeting on March 3.",
        "After the visit to Rome on 21 February, Varga met Okafor in Lagos.",
        "The talks come a month after February 14 floods that killed dozens.",
    ],
)
def test_the_date_of_an_earlier_event_is_never_this_meeting(text: str) -> None:
    md = resolve_meeting_date(text, split_paragraphs(text, 0, len(text)), date(2025, 3, 14),
                              published_source="stamp 2025-03-14")
    assert md.when == date(2025, 3, 14)
    assert md.guessed
    assert md.source == "publication date 2025-03-14 (no date of the meeting in the text)"


def test_sources_say_which_words_gave_the_date() -> None:
    text = "Varga met Okafor in Lagos on Tuesday."
    md = resolve_meeting_date(text, split_paragraphs(text, 0, len(text)), date(2025, 8, 19),
                              published_source="stamp 2025-08-19")
    assert (md.when, md.source, md.guessed) == (date(2025, 8, 19), "on Tuesday + stamp 2025-08-19",
                                                False)
    text = "Varga met Okafor in Lagos on 18 February 2025."
    md = resolve_meeting_date(text, split_paragraphs(text, 0, len(text)), None)
    assert (md.when, md.source) == (date(2025, 2, 18), "on 18 February 2025")


def test_a_caption_date_anchors_the_weekday_when_the_page_has_no_date() -> None:
    text = "Varga and Okafor agreed on Sunday to reopen the consulates."
    md = resolve_meeting_date(text, split_paragraphs(text, 0, len(text)), None,
                              caption_date=date(2023, 12, 17))
    assert md.when == date(2023, 12, 17)
    assert md.source == "on Sunday + caption 2023-12-17"


def test_day_and_month_without_a_year_only_with_a_year_in_the_text() -> None:
    text = "Varga met Okafor in Lagos on Friday (April 5)."
    md = resolve_meeting_date(text, split_paragraphs(text, 0, len(text)), None)
    assert md.when is None and md.source is None


def test_a_weekday_beside_a_day_and_month_fixes_the_year_the_text_names() -> None:
    # 14 March 2025 is a Friday; the story names 2024 in passing and 2025 as its year.
    text = ("Varga met Okafor in Lagos on Friday (March 14), a year after their talks of"
            " spring 2024, and agreed to a deal before the end of 2025.")
    assert meeting_date(text, None) == date(2025, 3, 14)
    # Only background years are named ("the 2008 pact", "since 2017"): 29 August 2017 is
    # a Tuesday, and an older year is not the story's, so no date.
    text = "Varga met Okafor on Friday (29 August) and renewed the 2008 pact, in force since 2017."
    assert meeting_date(text, None) is None
    # A weekday that fits no named year gives no date.
    assert meeting_date("Varga met Okafor on Monday (March 14), as planned in 2025.", None) is None


def test_a_weekday_of_a_meeting_held_last_month_is_not_this_months() -> None:
    # Stamped on Tuesday 20 February; the meeting was "late last month", so "Friday" is not
    # 16 February: the text gives no day of the meeting, and the stamp stands in.
    text = ("Lagos hosted talks between Varga and Okafor late last month.\n\n"
            "The two days of talks on Friday and Saturday covered trade and visas.")
    md = resolve_meeting_date(text, split_paragraphs(text, 0, len(text)), date(2024, 2, 20))
    assert md.when == date(2024, 2, 20) and md.guessed
    # Without "last month" the Friday before the stamp is the day.
    text = "Varga and Okafor held talks on Friday in Lagos."
    assert meeting_date(text, date(2024, 2, 20)) == date(2024, 2, 16)


def test_a_photo_caption_left_in_the_body_does_not_date_the_meeting() -> None:
    # The caption shows another meeting, the day before, with "talks" beside its date.
    text = (
        "Premier Lena Varga and President Tunde Okafor in Abuja on Thursday pledged closer"
        " trade.\n\n"
        "President Tunde Okafor (L) escorts Premier Ama Mensah after their talks in Kano,"
        " Nigeria, 15 November 2023 EPA/JANE DOE POOL EDITORIAL USE ONLY\n\n"
        "The two leaders spoke for an hour.\n"
    )
    assert meeting_date(text, date(2023, 11, 16)) == date(2023, 11, 16)


def test_last_month_of_another_event_leaves_the_weekday_alone() -> None:
    # Stamped on Sunday 17 November; "last month" dates the minister's taking office, in a
    # clause of its own, not the meeting: "on Saturday" is 16 November.
    text = ("Premier Lena Varga and Foreign Minister Tunde Okafor of Nigeria on Saturday held"
            " talks in Lagos, their second meeting since Okafor took office last month.")
    md = resolve_meeting_date(text, split_paragraphs(text, 0, len(text)), date(2024, 11, 17))
    assert md.when == date(2024, 11, 16) and not md.guessed


def test_last_month_in_a_relative_clause_dates_that_clause() -> None:
    # Stamped Friday 6 June: "last month" dates the talks that started in Lagos, not the
    # call; "on Thursday" is 5 June.
    text = ("Varga and Okafor spoke by phone on Thursday. They discussed the trade talks that"
            " started in Lagos last month and stalled since.")
    md = resolve_meeting_date(text, split_paragraphs(text, 0, len(text)), date(2025, 6, 6))
    assert md.when == date(2025, 6, 5) and not md.guessed


def test_an_old_full_date_on_another_weekday_than_the_ledes_meeting_is_not_its_date() -> None:
    # No date of the article; the lede dates the meeting by its weekday; the only full date
    # in the text is an old accord's (3 March 2011 was a Thursday).
    text = ("Kenyan President Amani Wekesa and Chilean President Ana Soto at their first "
            "meeting Friday agreed to widen trade in fish. Wekesa called for both sides to "
            "honour the spirit of the fisheries accord signed on March 3, 2011, in Valparaiso.")
    assert meeting_date(text, None) is None
    # A full date on the lede's weekday is the meeting's (8 March 2024 was a Friday).
    assert meeting_date(text.replace("March 3, 2011", "March 8, 2024"), None) == date(2024, 3, 8)
