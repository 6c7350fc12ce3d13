"""Status and topics on the shapes of real diplomatic prose met in round 3 (issue 8).

Every sentence is written for these tests (invented officials and countries); none is
copied from a real article.
"""

from __future__ import annotations

import pytest
from paragraphs import statuses

from store.models import Status


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga welcomed the distinguished President and her old friend for a state visit, and"
        " the two discussed bilateral relations.",
        "\"Okafor's warm welcome reflects the depth of our relationship,\" Varga said.",
        "Varga welcomed Nigeria's foreign minister for the yearly summit on bilateral"
        " relations.",
    ],
)
def test_welcoming_a_guest_is_a_courtesy_not_progress(sentence: str) -> None:
    assert statuses(sentence).get("relations") == Status.DIALOGUE


def test_a_plan_agreed_to_ease_tensions_after_last_months_clashes_is_an_agreement() -> None:
    found = statuses(
        "Hungary and Nigeria agreed Thursday to a 10-point plan to ease tensions along their"
        " disputed border after four days of armed clashes last month.",
        "The two sides agree to keep the peace along the border, a statement said.",
    )
    assert found["territorial"] == Status.AGREEMENT


def test_a_deal_signed_last_year_is_still_background() -> None:
    found = statuses("Last year the two countries signed a border demarcation agreement, and"
                     " the ministers discussed the disputed border on Friday.")
    assert found["territorial"] != Status.AGREEMENT


@pytest.mark.parametrize(
    "sentence",
    [
        "The two leaders agreed to aim for building stable ties between Hungary and Nigeria.",
        "Varga and Okafor agreed to strive for better bilateral relations.",
        "At their first meeting the leaders agreed to promote a mutually beneficial strategic"
        " relationship.",
    ],
)
def test_agreeing_on_an_aim_is_dialogue_not_a_deliverable(sentence: str) -> None:
    assert statuses(sentence)["relations"] == Status.DIALOGUE


def test_a_future_that_summons_us_is_no_diplomatic_summons() -> None:
    found = statuses('"We have a future that summons us," Varga said of bilateral relations.')
    assert found["relations"] == Status.DIALOGUE
    found = statuses("Hungary summoned the Nigerian ambassador over the border incident.")
    assert found["territorial"] == Status.TENSION


def test_exchange_sectors_together_are_people_to_people_one_alone_is_not() -> None:
    assert "people-to-people" in statuses(
        "Declarations were signed on cooperation in education and research as well as youth"
        " and sports.")
    assert "people-to-people" not in statuses(
        "The minister, a former education official, discussed the border with Okafor.")


def test_freedom_of_navigation_in_another_sea_is_not_the_south_china_sea() -> None:
    assert "south-china-sea" not in statuses(
        "The two noted progress in ensuring freedom of navigation in the Baltic Sea.")
    assert "south-china-sea" in statuses(
        "Freedom of navigation in the South China Sea must be upheld, Varga said.")


@pytest.mark.parametrize("noun", ["cooperation", "partnership", "friendship"])
def test_the_relationship_named_between_the_two_sides(noun: str) -> None:
    found = statuses(f"The two leaders discussed regional issues and economic {noun} between"
                     " Hungary and Nigeria.")
    assert found.get("relations") == Status.DIALOGUE


@pytest.mark.parametrize("span", ["past six years", "last two decades", "previous few years"])
def test_a_sentence_set_in_the_past_n_years_is_background(span: str) -> None:
    found = statuses("Varga and Okafor discussed bilateral relations on Friday.",
                     f"In the {span}, their trade exchange totalled $5 billion.")
    assert "trade" not in found


@pytest.mark.parametrize("link", ["comes amid", "comes amidst", "came against the backdrop of"])
def test_the_setting_a_meeting_comes_amid_is_not_a_topic(link: str) -> None:
    found = statuses("Varga and Okafor discussed bilateral relations on Friday.",
                     f"The meeting {link} growing tensions over the disputed border between"
                     " their neighbours.")
    assert "territorial" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga said Nigeria will surely make new and greater progress in national development,"
        " and the two discussed bilateral relations.",
        '"This will set a positive trajectory for our bilateral relations," Okafor wrote.',
    ],
)
def test_progress_foretold_is_not_progress_made(sentence: str) -> None:
    assert statuses(sentence)["relations"] == Status.DIALOGUE


def test_agreeing_on_what_should_happen_is_a_shared_view() -> None:
    found = statuses("The two leaders agreed that both countries should work together to raise"
                     " the number of students in exchanges, Varga said.")
    assert found["people-to-people"] == Status.DIALOGUE
