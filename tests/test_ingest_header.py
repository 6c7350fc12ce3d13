"""Stage 2: title, byline date, dateline, source, body start and end."""

from __future__ import annotations

from datetime import date

import pytest

from store.ingest.formats import to_plain
from store.ingest.header import parse_header, title_case_place
from store.ingest.normalize import normalize
from store.ingest.types import Header


def header_of(raw: str) -> tuple[Header, str]:
    doc = to_plain(raw)
    text = normalize(doc.text)
    return parse_header(text, doc), text


def test_wire_story_byline_dateline_and_credits() -> None:
    h, text = header_of(
        "Hart presses Beijing on support for Moscow\n"
        "By Reuters Apr 26, 2024 | 11:17 AM\n\n"
        "BEIJING (Reuters) \u2013 U.S. Secretary of State Daniel Hart met Chinese President"
        " Zhao Ming on Friday.\n\n"
        "\u201cWe want to see progress,\u201d Hart said.\n\n"
        "(Reporting by Anna Lee and Tom Park; Editing by Sam Ross)\n"
    )
    assert h.title == "Hart presses Beijing on support for Moscow"
    assert h.published == date(2024, 4, 26)
    assert h.location == "Beijing"
    assert h.source == "Reuters"
    body = text[h.body_start:h.body_end]
    assert body.startswith("U.S. Secretary of State")
    assert body.endswith('Hart said.')


@pytest.mark.parametrize(
    ("dateline", "place", "outlet"),
    [
        ("VIENTIANE, Laos (AP) \u2014 ", "Vientiane, Laos", "AP"),
        ("WASHINGTON, April 26 (Reuters) - ", "Washington", "Reuters"),
        ("NEW DELHI (Reuters) - ", "New Delhi", "Reuters"),
        ("Beijing (AFP) - ", "Beijing", "AFP"),
        ("SAN FRANCISCO, Nov 15 (Reuters) -", "San Francisco", "Reuters"),
        ("TOKYO \u2014 ", "Tokyo", None),
    ],
)
def test_datelines(dateline: str, place: str, outlet: str | None) -> None:
    h, text = header_of(f"Talks held\nJune 3, 2024\n\n{dateline}The two ministers met on Monday.")
    assert h.location == place
    assert h.source == outlet
    assert text[h.body_start:].startswith("The two ministers met")


@pytest.mark.parametrize(
    ("byline", "day"),
    [
        ("Updated 3:05 PM EDT, Sat July 27, 2024", date(2024, 7, 27)),
        ("June 19, 2023", date(2023, 6, 19)),
        ("2024-04-26T11:17:00Z", date(2024, 4, 26)),
        ("Published On 16 Nov 2023", date(2023, 11, 16)),
        ("Sept. 3, 2023 5:00 a.m. ET", date(2023, 9, 3)),
        ("By Associated Press | Nov. 15, 2023", date(2023, 11, 15)),
    ],
)
def test_byline_dates(byline: str, day: date) -> None:
    h, _ = header_of(f"Leaders meet\n{byline}\n\nThe leaders met on Monday in Lima.")
    assert h.published == day


def test_published_preferred_over_updated() -> None:
    h, _ = header_of(
        "Leaders meet\nUpdated Nov. 17, 2023\nPublished Nov. 16, 2023\n\nThey met in Woodside."
    )
    assert h.published == date(2023, 11, 16)


def test_byline_outlet_is_the_source_without_dateline() -> None:
    h, _ = header_of("Leaders meet\nBy The Associated Press\nMay 2, 2024\n\nThey met at noon.")
    assert h.source == "AP"
    assert h.published == date(2024, 5, 2)


def test_state_department_readout() -> None:
    h, text = header_of(
        "Secretary Blinken\u2019s Meeting with PRC Director Wang Yi\n"
        "READOUT\nOFFICE OF THE SPOKESPERSON\nJULY 26, 2024\n\n"
        "Secretary of State Antony J. Blinken met with Wang Yi today in Vientiane, Laos, on"
        " the margins of the ASEAN meetings.\n\nThe Secretary raised concerns.\n"
    )
    assert h.title.startswith("Secretary Blinken's Meeting")
    assert h.source == "U.S. Department of State"
    assert h.published == date(2024, 7, 26)
    assert h.location == "Vientiane, Laos"
    assert text[h.body_start:].startswith("Secretary of State Antony J. Blinken met")


def test_chinese_foreign_ministry_readout() -> None:
    h, _ = header_of(
        "Wang Yi Meets with U.S. Secretary of State Antony Blinken\n"
        "Ministry of Foreign Affairs of the People's Republic of China\n"
        "2024-04-26 18:30\n\n"
        "On April 26, 2024, Wang Yi met with Antony Blinken in Beijing. Wang Yi said ...\n"
    )
    assert h.source == "Chinese Ministry of Foreign Affairs"
    assert h.published == date(2024, 4, 26)
    assert h.location == "Beijing"


def test_location_from_body_skips_background_meeting() -> None:
    h, _ = header_of(
        "Biden and Xi talk again\nNov. 16, 2024\n\n"
        "President Joe Biden, who met Xi Jinping in November in San Francisco, held talks"
        " with him in Lima, Peru, on Saturday.\n"
    )
    assert h.location == "Lima, Peru"


def test_tail_furniture_is_cut() -> None:
    h, text = header_of(
        "Leaders meet\nMay 2, 2024\n\nThe leaders met on Thursday.\n\n"
        "They agreed to talk again.\n\n"
        "Related coverage\nChina's exports slow\nU.S. sanctions firms\n\n"
        "Our Standards: The Thomson Reuters Trust Principles.\n"
        "\u00a9 2024 Reuters. All rights reserved.\n"
    )
    assert text[h.body_start:h.body_end].endswith("They agreed to talk again.")
    assert h.source == "Reuters"  # from the copyright line


def test_credit_glued_to_last_paragraph_is_cut() -> None:
    h, text = header_of(
        "Leaders meet\nMay 2, 2024\n\nThe leaders met on Thursday, officials said."
        " (Reporting by A. Reporter; Editing by B. Editor)\n"
    )
    assert text[h.body_start:h.body_end] == "The leaders met on Thursday, officials said."


def test_html_metadata_feeds_the_header() -> None:
    page = (
        "<html><head><title>Leaders meet | Site</title>"
        "<meta property='og:site_name' content='Reuters'>"
        "<meta property='article:published_time' content='2024-11-16T20:00:00Z'></head>"
        "<body><article><h1>Leaders meet</h1><p>LIMA (Reuters) - Biden met Xi on Saturday.</p>"
        "</article></body></html>"
    )
    h, text = header_of(page)
    assert h.title == "Leaders meet"
    assert h.published == date(2024, 11, 16)
    assert h.source == "Reuters"
    assert h.location == "Lima"
    assert text[h.body_start:h.body_end] == "Biden met Xi on Saturday."


def test_markdown_title_is_not_body() -> None:
    h, text = header_of(
        "# Modi meets Biden\n\nJune 22, 2023\n\nThe leaders met at the White House."
    )
    assert h.title == "Modi meets Biden"
    assert h.published == date(2023, 6, 22)
    assert text[h.body_start:h.body_end] == "The leaders met at the White House."


def test_title_case_place() -> None:
    assert title_case_place("VIENTIANE, Laos") == "Vientiane, Laos"
    assert title_case_place("NEW DELHI") == "New Delhi"
    assert title_case_place("PORT-AU-PRINCE") == "Port-Au-Prince"


def test_copied_news_page_with_glued_time_and_captions() -> None:
    h, text = header_of(
        "Austin and Dong meet in Singapore as militaries reopen channels\n"
        "By Ann Writer and Bo Reporter\n"
        "May 31, 20245:12 PM GMT+8Updated 6 months ago\n\n"
        "[1/3] U.S. Defense Secretary Lloyd Austin arrives at a hotel in Singapore."
        " REUTERS/Photographer Purchase Licensing Rights, opens new tab\n\n"
        "SINGAPORE, May 31 (Reuters) - U.S. Defense Secretary Lloyd Austin and Chinese Defence"
        " Minister Dong Jun held talks on Friday.\n\n"
        "Advertisement \u00b7 Scroll to continue\n\n"
        "The meeting lasted more than an hour.\n\n"
        "Reporting by Ann Writer; Editing by Cy Editor\n\n"
        "Our Standards: The Thomson Reuters Trust Principles., opens new tab\n"
    )
    assert h.published == date(2024, 5, 31)
    assert h.location == "Singapore"
    assert h.source == "Reuters"
    body = text[h.body_start:h.body_end]
    assert body.startswith("U.S. Defense Secretary Lloyd Austin and Chinese")
    assert body.endswith("The meeting lasted more than an hour.")


def test_white_house_readout() -> None:
    h, _ = header_of(
        "Readout of President Joe Biden\u2019s Meeting with President Xi Jinping of the"
        " People\u2019s Republic of China\n"
        "November 15, 2023\nStatements and Releases\n\n"
        "President Joseph R. Biden, Jr. met today with President Xi Jinping in Woodside,"
        " California.\n"
    )
    assert h.source == "White House"
    assert h.published == date(2023, 11, 15)
    assert h.location == "Woodside, California"


def test_attribution_line_is_not_body() -> None:
    h, text = header_of(
        "Secretary Blinken\u2019s Call with Foreign Minister Wang\nReadout\nMarch 5, 2024\n\n"
        "Office of the Spokesperson\n\n"
        "The below is attributable to Spokesperson Matthew Miller:\n\n"
        "Secretary of State Antony J. Blinken spoke today with Wang Yi.\n"
    )
    assert h.source == "U.S. Department of State"
    assert text[h.body_start:].startswith("Secretary of State Antony J. Blinken spoke")


def test_short_dated_first_paragraph_stays_in_body() -> None:
    h, text = header_of("Leaders meet\nJune 7, 2024\n\nThe leaders met on June 5.\n\nMore.")
    assert h.published == date(2024, 6, 7)
    assert text[h.body_start:].startswith("The leaders met on June 5.")


def test_saved_news_page_end_to_end() -> None:
    from pathlib import Path

    from store.ingest import extract

    page = Path(__file__).parent / "data" / "ingest_text" / "woodside_page.html"
    draft = extract(page.read_bytes())
    assert draft.title == "Biden, Xi agree to resume military talks, curb fentanyl"
    # The visible byline date wins over the UTC timestamp in the page's metadata.
    assert str(draft.published) == "2023-11-15"
    assert str(draft.meeting_date) == "2023-11-15"
    assert draft.location == "Woodside, California"
    assert draft.source == "Reuters"
    assert draft.url == "https://wnd.example/world/biden-xi-woodside"
    body = [draft.text[p.start:p.end] for p in draft.paragraph_spans]
    assert body[0].startswith("U.S. President Joe Biden and Chinese leader Xi Jinping agreed")
    assert body[-1].startswith("Xi told Biden that")
    assert len(body) == 4
    for junk in ("Asia", "Skip to main", "Facebook", "Advertisement", "Read more", "Most read",
                 "cookies", "Sign up", "Reporting by", "REUTERS/Photog"):
        assert junk not in draft.text, junk


def test_no_headline_means_no_title() -> None:
    # A sentence of the story is not a headline: the title stays empty ("(untitled)").
    h, _ = header_of("BEIJING (Reuters) - Blinken met Xi on Friday. They spoke for hours.")
    assert h.title == ""
    assert h.location == "Beijing"


def test_readout_footer_masthead_is_cut() -> None:
    h, text = header_of(
        "Secretary Blinken's Meeting with Director Wang\nReadout\nJune 19, 2023\n\n"
        "Secretary of State Antony J. Blinken met today in Beijing with Wang Yi.\n\n"
        "The Secretary raised concerns.\n\n"
        "Bureau of East Asian and Pacific Affairs | Office of the Spokesperson | U.S. Department"
        " of State\n"
    )
    assert text[h.body_start:h.body_end].endswith("The Secretary raised concerns.")
    assert h.source == "U.S. Department of State"


def test_source_from_footer_masthead_only() -> None:
    h, _ = header_of(
        "Deputy Secretary meets Vice Minister\nMarch 3, 2024\n\n"
        "The Deputy Secretary met the Vice Minister today.\n\n"
        "Office of the Spokesperson | U.S. Department of State\n"
    )
    assert h.source == "U.S. Department of State"


@pytest.mark.parametrize(
    ("raw", "place", "outlet"),
    [
        # Wire with a bracketed country and no dash after the outlet.
        ("Leaders meet\nUpdated: Sep. 22, 2024\n\nWilmington (US), Sep 22 (PTI)  The leaders"
         " held talks on Saturday.\n\nPTI ABC XY\n", "Wilmington", "PTI"),
        # Outlet opening the date line; a sign-off at the end.
        ("Leaders agree\n\nKYODO NEWS - Nov. 17, 2023 - 09:12 | World\n\nSAN FRANCISCO -"
         " The leaders agreed on Thursday.\n\n==Kyodo\n", "San Francisco", "Kyodo"),
        # No dateline, no "in <city>": a building alone gives no city.
        ("Leaders unveil deals\nJune 22, 2023\n\nThe two leaders unveiled deals at the White"
         " House on Thursday.\n", None, None),
    ],
)
def test_wire_variants(raw: str, place: str | None, outlet: str | None) -> None:
    h, text = header_of(raw)
    assert h.location == place
    assert h.source == outlet
    assert "PTI ABC" not in text[h.body_start:h.body_end]
    assert "==Kyodo" not in text[h.body_start:h.body_end]


@pytest.mark.parametrize("tail", ["bur-dk/sst", "(END)\n\nreporter@agency.co.kr", "###"])
def test_wire_end_marks_are_cut(tail: str) -> None:
    h, text = header_of(f"Leaders meet\nJuly 16, 2018\n\nThe leaders met in Helsinki.\n\n{tail}\n")
    assert text[h.body_start:h.body_end] == "The leaders met in Helsinki."


def test_a_dateline_year_must_fit_the_ledes_weekday() -> None:
    # Nov 1 with the meeting on "Monday": the year the text names, 2023 (Nov 1 a Wednesday),
    # does not fit; the year before it does (Nov 1 2022 a Tuesday).
    raw = ("Leaders meet\n\nLAGOS, Nov 1 (Agency) - Premier Lena Varga met President Tunde"
           " Okafor in Lagos on Monday, ahead of his Jan 1, 2023, inauguration.\n")
    header, _ = header_of(raw)
    assert header.published == date(2022, 11, 1)
    # A year named only as background ("the 1995 treaty") that puts the dateline's day on
    # no weekday the lede names is not the story's year: none is certain.
    raw = ("Leaders meet\n\nLAGOS, Oct. 31 (Agency) - Premier Lena Varga met President Tunde"
           " Okafor on Friday and recalled the 1995 border treaty.\n")
    header, _ = header_of(raw)
    assert header.published is None


def test_a_caption_over_a_generated_pictures_credit_is_not_the_headline() -> None:
    h, _ = header_of(
        "President Amani Wekesa and Chilean President Ana Soto shake hands at their talks in "
        "Mombasa, a sign of warmer ties.\nImage generated by AI\n\n"
        "Wekesa and Soto agree to reopen fisheries talks\n\nImage generated by AI\n\n"
        "Kenyan President Amani Wekesa met Chilean President Ana Soto in Mombasa on 3 June "
        "2024 and agreed to reopen the fisheries talks.\n"
    )
    assert h.title == "Wekesa and Soto agree to reopen fisheries talks"


def test_a_papers_masthead_line_is_not_the_headline() -> None:
    h, _ = header_of(
        "The Mombasa Herald\n\n\u65b0\u95fb\n\nWekesa and Soto agree to reopen fisheries talks\n\n"
        "By Staff\n\nPublished : June 4, 2024 - 09:10\n\n"
        "Kenyan President Amani Wekesa met Chilean President Ana Soto in Mombasa on Monday.\n"
    )
    assert h.title == "Wekesa and Soto agree to reopen fisheries talks"


def test_a_sites_name_after_a_bullet_leaves_the_headline() -> None:
    h, _ = header_of(
        "Wekesa and Soto agree to reopen fisheries talks \u2022 Coast Weekly\n\n"
        "MOMBASA - Kenyan President Amani Wekesa met Chilean President Ana Soto on Monday.\n"
    )
    assert h.title == "Wekesa and Soto agree to reopen fisheries talks"


def test_a_city_the_story_says_the_leaders_were_in_for_talks_beats_the_dateline() -> None:
    h, _ = header_of(
        "Wekesa and Soto end their visit\n\n"
        "Nairobi, June 4: Chilean President Ana Soto left for home on Tuesday after two days of "
        "talks in Kenya with President Amani Wekesa.\n\n"
        "Both sides agreed to reopen the fisheries talks, an aide told reporters.\n\n"
        "On Monday, both leaders were in Malindi, Kilifi where they held a one-on-one meeting "
        "followed by delegation-level talks.\n"
    )
    assert h.location == "Malindi"


def test_a_seat_of_another_governments_venue_leaves_the_desks_dateline() -> None:
    # The paper's home city opens the story; the meeting was at another country's seat of
    # government, which names no city.
    h, _ = header_of(
        "New Delhi: Prime Minister Ravi Menon met US President Dana Hale, agreeing to widen "
        "their trade talks.\n\nThe meeting took place on Thursday afternoon in the White "
        "House, hours after new tariffs were announced.\n"
    )
    assert h.location is None
    # ...but a venue in the dateline's own country leaves it standing.
    h, _ = header_of(
        "WASHINGTON (Reuters) - Prime Minister Ravi Menon met US President Dana Hale, agreeing "
        "to widen their trade talks.\n\nThe meeting took place on Thursday in the White House.\n"
    )
    assert h.location == "Washington"


def test_a_headline_that_names_a_date_is_still_the_headline() -> None:
    h, _ = header_of(
        "Kenya, Chile agree to reopen fisheries talks on June 3\n\n"
        "Kenyan President Amani Wekesa met Chilean President Ana Soto in Mombasa on Monday, "
        "3 June 2024.\n"
    )
    assert h.title == "Kenya, Chile agree to reopen fisheries talks on June 3"
    # ...while a stamp with a word or two beside its date is no headline.
    h, _ = header_of("Monday 3 June 2024\n\nKenyan President Amani Wekesa met Chilean "
                     "President Ana Soto in Mombasa on Monday.\n")
    assert h.title == ""


def test_a_ministrys_section_label_is_not_the_headline() -> None:
    h, _ = header_of(
        "Kenya-Chile Relations\n\nJune 4, 2024\n\n"
        "On June 3, President Amani Wekesa of Kenya held a meeting with President Ana Soto of "
        "Chile in Mombasa. The summary of the meeting is as follows.\n"
    )
    assert h.title == ""


def test_a_line_showing_a_picture_over_its_photo_label_is_a_caption() -> None:
    h, _ = header_of(
        "Kenya-Chile Relations\n\nJune 4, 2024\nPresident Wekesa shakes hands with President "
        "Soto\n(Photo) Kenya-Chile Summit Meeting\n\n"
        "On June 3, President Amani Wekesa of Kenya held a meeting with President Ana Soto of "
        "Chile in Mombasa. The summary of the meeting is as follows.\n"
    )
    assert h.title == ""
    # A headline over a plain credit line stays the headline.
    h, _ = header_of(
        "Kenya and Chile agree to reopen fisheries talks\nPhoto: Jane Doe/Coast Agency\n\n"
        "Kenyan President Amani Wekesa met Chilean President Ana Soto in Mombasa on Monday.\n"
    )
    assert h.title == "Kenya and Chile agree to reopen fisheries talks"


@pytest.mark.parametrize("label", ["Opinion", "Africa", "Jane Doe", "Live Updates",
                                   "Reading time: 3 minutes", "Jane Doe, Senior Correspondent"])
def test_a_label_or_a_name_over_the_story_is_no_headline(label: str) -> None:
    lede = ("Kenyan President Amani Wekesa met Chilean President Ana Soto in Mombasa on "
            "Monday, 3 June 2024, and agreed to reopen fisheries talks.\n")
    h, _ = header_of(f"{label}\n\n{lede}")
    assert h.title == ""
    h, _ = header_of(f"{label}\n\nKenya and Chile agree to reopen fisheries talks\n\n{lede}")
    assert h.title == "Kenya and Chile agree to reopen fisheries talks"


def test_a_run_on_summary_line_over_the_story_is_no_headline() -> None:
    h, _ = header_of(
        "\n2 leaders meet in Kenya for talks on the fisheries dispute, which flared into a trade "
        "row last month, leaving exporters on both sides with unsold catches\n"
        "Kenya and Chile agreed Monday to reopen fisheries talks after a month of trade "
        "measures.\n"
    )
    assert h.title == ""
    # A lede of the same shape ends with a full stop: it stays the story.
    h, text = header_of(
        "Kenyan President Amani Wekesa on Monday welcomed Chilean President Ana Soto's first "
        "visit to Kenya, which he said confirmed a very close partnership between the two "
        "countries.\n\nThe two agreed to reopen fisheries talks.\n"
    )
    assert h.title == "" and text[h.body_start:].startswith("Kenyan President Amani Wekesa")


def test_a_weather_reading_and_a_lower_case_stamp_above_the_headline_are_furniture() -> None:
    h, _ = header_of(
        "12.4 C\njeudi, mars 6, 2025\n\nMinisters of Varnia and Ostria discuss grain exports\n\n"
        "- Advertisement -\n\n"
        "Varnian Foreign Minister Anna Kovac and her Ostrian counterpart Piet Lund held talks "
        "in Ostburg on Thursday about grain exports.\n"
    )
    assert h.title == "Ministers of Varnia and Ostria discuss grain exports"


def test_a_picture_line_over_a_shorter_headline_is_a_caption() -> None:
    h, _ = header_of(
        "Varnian President Anna Kovac and Ostrian Prime Minister Piet Lund shake hands before "
        "their talks in Ostburg\n"
        "Kovac, Lund discuss grain and rail links in Ostburg\n"
        "Varnian President Anna Kovac and Ostrian Prime Minister Piet Lund met on Thursday in "
        "Ostburg to review grain and rail links.\n"
    )
    assert h.title == "Kovac, Lund discuss grain and rail links in Ostburg"


def test_a_headline_that_shows_a_handshake_is_still_the_headline() -> None:
    h, _ = header_of(
        "Kovac and Lund shake hands on a rail deal\n\n"
        "Varnian President Anna Kovac and Ostrian Prime Minister Piet Lund met on Thursday in "
        "Ostburg and signed a rail deal.\n"
    )
    assert h.title == "Kovac and Lund shake hands on a rail deal"


def test_a_place_with_its_own_earlier_date_is_another_meetings() -> None:
    h, _ = header_of(
        "Leaders meet\n\nMarch 28, 2025\n\n"
        "President Amani Wekesa on Tuesday attended a meeting with his Somali counterpart "
        "Idil Warsame. The leaders took note of the joint summit held in Arusha, Tanzania, "
        "on February 8, 2025, and of the talks held in Mombasa on Tuesday.\n"
    )
    assert h.location == "Mombasa"


def test_a_place_dated_on_the_story_day_is_this_meeting() -> None:
    h, _ = header_of(
        "Leaders meet\n\nMarch 28, 2025\n\n"
        "President Amani Wekesa held talks in Arusha, Tanzania, on March 27, 2025, with his "
        "Somali counterpart Idil Warsame.\n"
    )
    assert h.location is not None and h.location.startswith("Arusha")


def test_thanks_for_a_welcome_to_a_city_name_the_place_of_the_visit() -> None:
    h, _ = header_of(
        "Leader thanks host\n\nMarch 28, 2025\n\n"
        "Prime Minister Amani Wekesa thanked President Idil Warsame for his warm welcome to "
        "Mogadishu, Somalia.\n\nThe two leaders discussed trade.\n"
    )
    assert h.location is not None and h.location.startswith("Mogadishu")
