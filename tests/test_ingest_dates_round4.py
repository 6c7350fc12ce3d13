"""The article's own date in the shapes real pages give it: a stamp run into the lede, a
compact stamp, an "Updated ..." line left among the paragraphs, an embedded post's date.
Every text here is our own, written to reproduce the shape, never a real article's words."""

from __future__ import annotations

from datetime import date

import pytest

from store.ingest.dates import resolve_meeting_date
from store.ingest.formats import to_plain
from store.ingest.header import parse_header
from store.ingest.normalize import normalize
from store.ingest.pipeline import extract
from store.ingest.structure import split_paragraphs
from store.ingest.types import Header


def header_of(raw: str) -> tuple[Header, str]:
    doc = to_plain(raw)
    text = normalize(doc.text)
    return parse_header(text, doc), text


@pytest.mark.parametrize("stamp", ["March 6, 2025", "Mar. 6, 2025", "6 March 2025"])
def test_a_stamp_glued_to_the_ledes_first_word_dates_the_article(stamp: str) -> None:
    raw = (f"Varga and Okafor meet in Lagos\n{stamp}Foreign Minister Lena Varga of Hungary and"
           " Foreign Minister Tunde Okafor of Nigeria met on Thursday in Lagos.\n"
           "The two ministers discussed trade.\n")
    h, text = header_of(raw)
    assert h.published == date(2025, 3, 6)
    assert text[h.body_start:].startswith("Foreign Minister Lena Varga")
    draft = extract(raw)
    assert draft.meeting_date == date(2025, 3, 6)  # "on Thursday" of a Thursday stamp
    assert draft.date_source == "on Thursday + stamp 2025-03-06"


def test_a_date_in_the_ledes_sentence_is_not_a_glued_stamp() -> None:
    h, text = header_of("Varga and Okafor meet in Lagos\nMarch 6, 2025 was the day Foreign"
                        " Minister Lena Varga of Hungary met Tunde Okafor of Nigeria.\n")
    assert text[h.body_start:].startswith("March 6, 2025 was")


@pytest.mark.parametrize("line", ["Updated March 6, 2025 at 4:10 PM ET", "Published: 6 March 2025",
                                  "Last updated on Mar. 6, 2025"])
def test_an_updated_line_among_the_paragraphs_dates_the_article(line: str) -> None:
    raw = ("Varga and Okafor meet in Lagos\n"
           "Foreign Minister Lena Varga of Hungary held talks with Foreign Minister Tunde Okafor"
           " of Nigeria Thursday in Lagos.\n"
           "The two ministers discussed trade and visas.\n"
           f"{line}\n"
           "Both said they would meet again in the autumn.\n")
    draft = extract(raw)
    assert draft.published == date(2025, 3, 6)
    assert draft.meeting_date == date(2025, 3, 6)


def test_a_date_in_a_paragraph_of_the_story_is_no_stamp_line() -> None:
    raw = ("Varga and Okafor meet in Lagos\n"
           "Foreign Minister Lena Varga of Hungary held talks with Foreign Minister Tunde Okafor"
           " of Nigeria on Thursday in Lagos.\n"
           "Published figures from March 6, 2025 show trade fell.\n")
    assert extract(raw).published is None


NOSCRIPT = ("JavaScript is disabled in your browser, so parts of this site may not work as they"
            " should. " * 4).strip()


def test_a_noscript_notice_and_a_compact_stamp_under_the_byline() -> None:
    # A site's notice about scripts, its widget of today's date, the headline, then a
    # byline block whose stamp is "20250306": the stamp under the headline is the article's.
    raw = (f"{NOSCRIPT}\n\nMonday, July 7, 2025\n\n"
           "Hungary and Nigeria sign visa deal as Varga visits Lagos\n\nby\n\nNewsdesk\n"
           "20250306\n"
           "Foreign Minister Lena Varga of Hungary met Foreign Minister Tunde Okafor of Nigeria"
           " on Thursday in Lagos.\n"
           "The two ministers signed a visa deal.\n")
    h, text = header_of(raw)
    assert h.title == "Hungary and Nigeria sign visa deal as Varga visits Lagos"
    assert h.published == date(2025, 3, 6)
    assert text[h.body_start:].startswith("Foreign Minister Lena Varga")
    assert extract(raw).meeting_date == date(2025, 3, 6)


@pytest.mark.parametrize("line", ["20250231", "Trade rose 20250306 times"])
def test_eight_digits_that_are_no_date_are_not_a_stamp(line: str) -> None:
    h, _ = header_of(f"Varga visits Lagos\n{line}\nVarga met Okafor in Lagos.\n")
    assert h.published is None


def test_an_embedded_posts_date_anchors_the_weekday_of_an_undated_story() -> None:
    raw = ("Foreign Minister Lena Varga of Hungary and Foreign Minister Tunde Okafor of Nigeria"
           " agreed on Thursday to open direct flights.\n"
           "The two ministers met on the sidelines of a summit in Lagos.\n"
           "Good talks with my friend Tunde Okafor on flights and visas.\n"
           "- Lena Varga (@LenaVargaHU) March 6, 2025\n"
           "Both sides will meet again in June.\n")
    draft = extract(raw)
    assert draft.published == date(2025, 3, 6)
    assert draft.meeting_date == date(2025, 3, 6)
    assert draft.date_source == "on Thursday + embedded post 2025-03-06"


def test_a_wire_dateline_with_state_and_country_in_brackets_is_the_filing_day() -> None:
    # "City (State) [Country], Month D:" as Indian wires print it: the day of filing, a day
    # after the talks the lede dates "on Saturday".
    raw = (" date 2025-03-09 Kano (Kano State) [Nigeria], March 9 : Foreign Minister Lena Varga"
           " of Hungary on Saturday thanked Foreign Minister Tunde Okafor of Nigeria for hosting"
           " her in Kano.\n"
           "The two ministers discussed trade.\n")
    h, text = header_of(raw)
    assert h.filed == date(2025, 3, 9)
    assert text[h.body_start:].startswith("Foreign Minister Lena Varga")
    assert extract(raw).meeting_date == date(2025, 3, 8)


def test_a_date_opening_the_lede_is_the_news_over_an_earlier_meeting_after_it() -> None:
    # A ministry's readout: the lede opens with the day of the talks; the next paragraph
    # recalls what an earlier summit meeting agreed, on its own date.
    raw = ("Hungary-Nigeria Relations\n\n"
           "On March 6, commencing at 3:00 p.m. for about an hour, Ms. Lena Varga, Foreign"
           " Minister of Hungary, who was visiting Lagos for a regional conference, held a"
           " meeting with Mr. Tunde Okafor, Foreign Minister of Nigeria. The summary follows.\n\n"
           "1. Minister Varga said she would work with Minister Okafor on the course agreed at"
           " the summit meeting on February 20. Minister Okafor agreed.\n")
    assert resolve(raw, date(2025, 3, 6)) == date(2025, 3, 6)


def resolve(raw: str, published: date) -> date | None:
    h, text = header_of(raw)
    paras = split_paragraphs(text, h.body_start, h.body_end)
    return resolve_meeting_date(text, paras, published).when


@pytest.mark.parametrize("widget", ["Friday, July 4, 2025", "Tuesday, 01 July 2025 12:17 GMT"])
def test_a_sites_date_of_today_above_the_headline_is_not_the_articles(widget: str) -> None:
    raw = (f"{widget}\n\nSubscribe Now!\n\n"
           "Varga meets Okafor in Lagos on sidelines of summit\n\n"
           "Foreign Minister Lena Varga of Hungary raised visas during her meeting with her"
           " Nigerian counterpart Tunde Okafor on Tuesday.\n"
           "Varga is in Lagos for a regional summit.\n")
    h, _ = header_of(raw)
    assert h.title == "Varga meets Okafor in Lagos on sidelines of summit"
    assert h.published is None
    assert extract(raw).meeting_date is None  # no date of its own: the user gives one


def test_a_date_line_under_the_headline_stays_the_articles() -> None:
    h, _ = header_of("Varga meets Okafor in Lagos\n\nby Jane Doe\nFriday, March 7, 2025\n\n"
                     "Foreign Minister Lena Varga of Hungary met Tunde Okafor of Nigeria.\n")
    assert h.published == date(2025, 3, 7)
