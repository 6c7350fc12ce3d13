"""Topics named in words our keyword lists lacked, round 6 (issue 8). Every sentence is
written for these tests (invented officials and countries); none is copied from a real
article."""

from __future__ import annotations

import pytest
from test_topics_round5 import topics_of


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga raised the schooling of the Chilean ethnic minority living in Norway.",
        "Okafor said minority rights would stay on the table at their next meeting.",
    ],
)
def test_the_rights_of_a_minority_are_human_rights(sentence: str) -> None:
    [found] = topics_of(sentence, parties=["Chile", "Norway"])
    assert "human-rights" in found


@pytest.mark.parametrize(
    "sentence",
    [
        "The leaders agreed to widen working holiday programmes for young people.",
        "Okafor said his country would add Chile to its visa waiver scheme.",
    ],
)
def test_working_holidays_and_visa_waivers_are_people_to_people(sentence: str) -> None:
    [found] = topics_of(sentence, parties=["Chile", "Norway"])
    assert "people-to-people" in found


def test_a_third_countrys_support_for_russia_is_the_war() -> None:
    [found] = topics_of("Varga asked whether Okafor would answer Kestria's support for Russia"
                        " with sanctions.", parties=["Chile", "Norway"])
    assert "russia-ukraine" in found


def test_a_field_of_the_sides_cooperation_is_that_field_not_the_relationship() -> None:
    [found] = topics_of("The new access pact will pave the way for closer military cooperation"
                        " between Chile and Norway through joint drills.",
                        parties=["Chile", "Norway"])
    assert found == ["military"]


def test_cooperation_between_the_sides_with_no_field_is_still_the_relationship() -> None:
    [found] = topics_of("Varga praised the cooperation between Chile and Norway.",
                        parties=["Chile", "Norway"])
    assert found == ["relations"]


def test_another_pairs_field_of_cooperation_is_not_a_topic() -> None:
    [found] = topics_of("Varga spoke of the military cooperation between Iran and Russia.",
                        parties=["Chile", "Norway"])
    assert "military" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "The leaders dined at the Old Mill, which is described as a tourism and heritage centre.",
        "Chile, which is the main landing spot for migrants from the Middle East, wants help.",
        "The talks took place in Valdivia, which is home to a large Israeli community.",
    ],
)
def test_what_a_named_place_is_says_nothing_of_the_talks(sentence: str) -> None:
    [found] = topics_of(sentence, parties=["Chile", "Norway"])
    assert "people-to-people" not in found and "middle-east" not in found


def test_a_which_clause_about_the_talks_still_names_their_topics() -> None:
    [found] = topics_of("The ministers held talks, which were about tariffs and Gaza.",
                        parties=["Chile", "Norway"])
    assert "trade" in found and "middle-east" in found


def test_an_agenda_told_in_the_past_is_what_the_talks_covered() -> None:
    [held] = topics_of("Chilean-Norwegian relations were also on the agenda, the statement added.",
                       parties=["Chile", "Norway"])
    assert held == ["relations"]


def test_an_agenda_ahead_is_still_only_expected() -> None:
    [ahead] = topics_of("Tariffs will be on the agenda when the ministers meet next week.",
                        parties=["Chile", "Norway"])
    assert ahead == []


def test_import_restrictions_are_trade() -> None:
    [found] = topics_of("Varga called for the lifting of import restrictions on Chilean fruit.",
                        parties=["Chile", "Norway"])
    assert found == ["trade"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks focused on the Nagorno-Karabakh conflict and the borders around it.",
        "Varga restated her government's view of Western Sahara.",
    ],
)
def test_a_named_disputed_region_is_territorial(sentence: str) -> None:
    [found] = topics_of(sentence, parties=["Chile", "Norway"])
    assert "territorial" in found


def test_a_disputed_region_not_raised_is_no_topic() -> None:
    [found] = topics_of("An aide said Kashmir was not raised at the informal summit.",
                        parties=["Chile", "Norway"])
    assert "territorial" not in found


def test_the_black_sea_shipping_corridor_is_the_war() -> None:
    [found] = topics_of("The ministers praised the working of the Black Sea transport corridor.",
                        parties=["Chile", "Norway"])
    assert found == ["russia-ukraine"]


def test_economic_working_groups_in_the_plural_are_trade() -> None:
    [found] = topics_of("The ministers praised the two economic working groups.",
                        parties=["Chile", "Norway"])
    assert found == ["trade"]
