"""Where, when and between whom: the meeting's facts on the shapes real news text takes.

Each case is written in our own words and reproduces one phenomenon met on real articles:
a dateline that is the newsroom, a caption's date, a host or mediator beside the two sides,
a weekday tied to the briefing rather than to the talks.
"""

from __future__ import annotations

from datetime import date

import pytest

from store.ingest import extract
from store.ingest.formats import to_plain
from store.ingest.header import parse_header
from store.ingest.normalize import normalize
from store.ingest.pair import _both_sides
from store.ingest.types import Header
from store.models import MeetingDraft


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


@pytest.mark.parametrize(
    "opening",
    [
        "Kanoma: Foreign Minister Lena Varga arrived today in Abuja for talks with Tunde Okafor.",
        "KANOMA - Foreign Minister Lena Varga arrived today in Abuja for talks with Tunde"
        " Okafor.",
        "KANOMA (Reuters) - Foreign Minister Lena Varga arrived today in Abuja for talks with"
        " Tunde Okafor.",
    ],
)
def test_every_kind_of_dateline_yields_to_the_ledes_meeting_city(opening: str) -> None:
    h = header_of(f"Ministers meet\n\n{opening}\n\nThey spoke for an hour.\n")
    assert h.location == "Abuja"


def test_a_file_caption_is_a_caption_not_a_dateline() -> None:
    h = header_of(
        "Leaders discuss trade\n\n"
        "FILE: Foreign Minister Lena Varga is greeted by Tunde Okafor in Kanoma, Nigeria.\n\n"
        "Foreign Minister Lena Varga of Hungary is in Abuja for talks with Tunde Okafor.\n\n"
        "Both said trade had grown.\n"
    )
    assert h.location == "Abuja"
    assert h.location_source is not None and "for talks" in h.location_source


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Varga is in Abuja for talks with Okafor.", "Abuja"),
        ("Varga was in Lagos, Nigeria to attend the regional summit.", "Lagos"),
        ("Varga is in Nigeria for talks with Okafor.", None),
    ],
)
def test_the_city_before_the_meeting_word(sentence: str, place: str | None) -> None:
    assert header_of(f"Ministers meet\n\n{sentence}\n").location == place


def test_a_caption_known_by_its_closing_date_is_not_the_story() -> None:
    # An archive picture of another event, between its credit and the dateline.
    h = header_of(
        "Okafor meets Varga in surprise visit\n\n"
        "Jane Doe/Pool via Agency/File Photo\n"
        "Foreign Minister Lena Varga chairs the weekly cabinet meeting in Szeged, March 2,"
        " 2023.\n\n"
        "ABUJA (Reuters) - Hungarian Foreign Minister Lena Varga made a surprise trip to"
        " Nigeria on Tuesday for talks with Tunde Okafor, who said the border in Kanoma must"
        " stay open.\n"
    )
    assert h.location == "Abuja"  # not the caption's city, not the relative clause's
    assert h.caption_date is None  # an archive picture dates nothing of this meeting


def test_a_dated_caption_with_its_credit_gives_the_city() -> None:
    h = header_of(
        "Varga tells Okafor trade must grow\n\n"
        "Updated - March 09, 2024 06:43 pm\n\n"
        "Lena Varga and Tunde Okafor speak during a meeting at the palace in Kanoma, Nigeria,"
        " on March 9, 2024. | Photo Credit: Agency\n\n"
        "Trade must grow, Varga told Okafor on March 9 as the two held talks.\n"
    )
    assert h.location == "Kanoma, Nigeria"
    assert h.location_source is not None and h.location_source.startswith("caption:")


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Varga is in Kuwait City for talks with Okafor.", "Kuwait City"),
        ("Varga met Okafor in Kuwait on Friday.", None),
    ],
)
def test_a_city_named_after_its_country(sentence: str, place: str | None) -> None:
    assert header_of(f"Ministers meet\n\n{sentence}\n").location == place


def test_the_ledes_second_sentence_can_name_the_city_the_dateline_is_not() -> None:
    h = header_of(
        "Ministers meet\n\n"
        "KANOMA: Foreign Minister Lena Varga is in Nigeria for the yearly leaders' retreat. She"
        " arrived on Monday evening in Abuja, where the bridges were lit in both flags'"
        " colours.\n\nThe retreat opened on Tuesday.\n"
    )
    assert h.location == "Abuja"


def draft(raw: str) -> MeetingDraft:
    return extract(raw)


def test_a_date_first_dateline_is_the_storys_date_not_the_pages() -> None:
    d = draft(
        "Monday, December 23, 2024\n\nThe Daily Courier\n\nHungary, Nigeria hold talks\n\n"
        "By Jane Doe\n"
        "October 6, 2022 (KANOMA) - Hungarian Foreign Minister Lena Varga on Thursday held"
        " talks with Nigerian Foreign Minister Tunde Okafor.\n"
        "Varga arrived in the Nigerian capital, Abuja for her first visit.\n"
    )
    assert d.published == date(2022, 10, 6)
    assert d.meeting_date == date(2022, 10, 6)  # Thursday, the dateline's day
    assert d.location == "Abuja"  # the lede goes on in the next paragraph


def test_a_colon_dateline_with_a_day_anchors_the_weekdays_after_the_stamp() -> None:
    d = draft(
        " date 2021-03-12 Home News live\n\nVarga-Okafor talks Day 2\n\n"
        "Abuja, Mar 13: Hungarian Foreign Minister Lena Varga on Saturday left for Ghana"
        " after two days of talks with Nigerian Foreign Minister Tunde Okafor.\n"
    )
    assert d.location == "Abuja"
    assert d.meeting_date == date(2021, 3, 13)
    assert d.date_source == "on Saturday + dateline Mar 13"


def test_a_weekday_that_dates_the_briefing_is_not_the_meetings() -> None:
    d = draft(
        " date 2024-06-08 Latest News\n\n"
        "Hungarian Foreign Minister Lena Varga on Saturday briefed reporters on her meeting"
        " with Nigerian Foreign Minister Tunde Okafor.Varga met with Okafor on Friday on the"
        " sidelines of the regional ministers' meetings held in Abuja.\n"
    )
    assert d.meeting_date == date(2024, 6, 7)
    assert d.date_source is not None and d.date_source.startswith("on Friday")


def test_the_host_who_received_both_sides_is_not_one_of_them() -> None:
    d = draft(
        "Two defence chiefs meet in Ghana over border dispute\n\n"
        "Hungary and Nigeria agreed Thursday to a 10-point plan to ease tensions along the"
        " disputed border.\n\n"
        "The plan was reached at a border committee meeting co-chaired by Hungarian Defence"
        " Minister Gen. Lena Varga and his Nigerian counterpart Gen. Tunde Okafor in Accra.\n\n"
        "Earlier in the day, Ghanaian President Kofi Mensah received the two defence"
        " ministers.\n\n"
        '"It was a useful meeting," Mensah said after meeting them.\n'
    )
    assert d.dyad == ["Hungary", "Nigeria"]
    assert d.location == "Accra"


def test_summary_bullets_above_a_wire_dateline_are_the_head() -> None:
    d = draft(
        " date 2025-05-15 Hungary, Nigeria army chiefs agree to keep the peace\n\n"
        "Both sides agree to keep the ceasefire\n\n"
        "Army chiefs first spoke on Monday (May 12) two days after the truce\n\n"
        "Ghana's foreign minister says Ghana backs direct talks between Hungary and Nigeria\n\n"
        "Updated On: Thu, 15 May 2025 14:14:37\n\n"
        "KANOMA (Daily Wire) - The army chiefs of Hungary and Nigeria have agreed to keep the"
        " ceasefire, in a third contact over hotline.\n\n"
        "Sources said the two sides agreed to take the peace process forward.\n"
    )
    assert d.dyad == ["Hungary", "Nigeria"]
    assert d.location is None  # a hotline call has no city; KANOMA is the newsroom
    assert d.meeting_date == date(2025, 5, 15)  # the bullets' dates are of other days


def test_a_paragraph_that_opens_with_earlier_dates_an_earlier_contact() -> None:
    d = draft(
        " date 2025-05-15 Army chiefs of Hungary and Nigeria talk again\n\n"
        "KANOMA (Daily Wire) - The army chiefs of Hungary and Nigeria have agreed to keep the"
        " ceasefire, sources said.\n\n"
        "Earlier, two days after the truce, the army chiefs had a first round of talks. That"
        " contact was made on Monday (May 12).\n"
    )
    assert d.meeting_date == date(2025, 5, 15)
    assert d.date_source is not None and "no date of the meeting" in d.date_source


def test_a_byline_glued_to_its_date() -> None:
    d = draft(
        "Varga presses Okafor on border deal\n\n"
        "Agency/Photo Service\n"
        "Jane Doe22 August 2019\n\n"
        "Hungarian Foreign Minister Lena Varga on Thursday pressed Nigerian Foreign Minister"
        " Tunde Okafor to reopen the border talks.\n"
    )
    assert d.published == date(2019, 8, 22)
    assert d.meeting_date == date(2019, 8, 22)


@pytest.mark.parametrize("suffix", ["-Xinhua", " - Reuters", " | AP"])
def test_a_wires_name_after_the_headline_is_not_the_title(suffix: str) -> None:
    h = header_of(f"Varga holds talks with Okafor{suffix}\n\nThe two met in Abuja on Friday.\n")
    assert h.title == "Varga holds talks with Okafor"


def test_a_hyphenated_headline_keeps_its_end() -> None:
    h = header_of("Hungary, Nigeria agree on a 10-point plan\n\nThe two met in Abuja on Friday.\n")
    assert h.title == "Hungary, Nigeria agree on a 10-point plan"


def test_a_weekday_before_said_is_still_the_meetings_day() -> None:
    d = draft(
        " date 2024-06-08 Latest News\n\n"
        "Hungarian Foreign Minister Lena Varga on Friday said she and Nigerian Foreign Minister"
        " Tunde Okafor had agreed at their talks in Abuja to reopen the border.\n"
    )
    assert d.meeting_date == date(2024, 6, 7)


@pytest.mark.parametrize(
    ("lede", "place"),
    [
        ("Varga and Okafor held a phone conversation on Friday evening.", None),
        ("Varga spoke by telephone with Okafor from Kanoma.", None),
        ("Weeks after a phone call, Varga and Okafor met in Abuja on Friday.", "Abuja"),
    ],
)
def test_a_call_has_no_city_an_earlier_call_changes_nothing(lede: str, place: str | None) -> None:
    assert header_of(f"Ministers talk\n\nKANOMA (Reuters) - {lede}\n").location == place


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Ghana said so.\nHungary and Nigeria agreed Thursday to a plan.",
         "Hungary and Nigeria agreed"),
        ("Ghana said so. Hungary and Nigeria have met twice.", "Hungary and Nigeria have met"),
        ("Hungarian Defence Minister Gen. Lena Varga and her Nigerian counterpart met.",
         "Hungarian Defence Minister Gen. Lena Varga and her Nigerian counterpart"),
    ],
)
def test_phrases_that_name_both_sides(text: str, phrase: str) -> None:
    assert _both_sides(text) == (["Hungary", "Nigeria"], phrase)
