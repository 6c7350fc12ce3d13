"""Topics on the structure of real news text, round 4 (issue 8). Every sentence is written
for these tests (invented officials and countries); none is copied from a real article."""

from __future__ import annotations

import pytest
from paragraphs import TOPICS, paragraphs, statuses

from store.ingest.topichits import sides_of
from store.ingest.topics import score_paragraphs


@pytest.mark.parametrize("verb", ["will be discussed", "would be addressed", "will be covered"])
def test_an_agenda_in_the_passive_future_is_not_a_topic_discussed(verb: str) -> None:
    found = statuses(
        "Foreign Minister Lena Varga of Hungary met her Nigerian counterpart in Geneva over"
        " the war in Ukraine and the Russian invasion.",
        f"The meeting, at which cyber security and arms control {verb}, was held at a hotel"
        " by the lake.",
    )
    assert "russia-ukraine" in found
    assert "cyber" not in found and "military" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga and Okafor promised greater cooperation in energy and defence at their first"
        " summit in five years.",
        "The talks were meant to deepen cooperation on farming, defense and shipping.",
        "The two leaders vowed to deepen military and political collaboration.",
    ],
)
def test_a_field_of_cooperation_is_a_topic_of_the_talks(sentence: str) -> None:
    assert "military" in statuses(sentence)


def test_a_name_or_another_pairs_cooperation_is_no_field_of_these_talks() -> None:
    found = statuses("Varga met Okafor at the Asia-Pacific Economic Cooperation summit over"
                     " the war in Ukraine.")
    assert "trade" not in found
    found = statuses("Varga and Okafor condemned the military cooperation between Russia and"
                     " North Korea.")
    assert "military" not in found


def test_a_topic_named_only_in_the_backdrop_of_the_meeting_is_not_discussed() -> None:
    found = statuses(
        "Varga and Okafor discussed farm tariffs and trade in Lima, amid rising concerns over"
        " North Korea's troop deployment to Russia in support of the invasion of Ukraine.")
    assert "trade" in found
    assert "russia-ukraine" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga said both nations' relations were stable and free of outside pressure.",
        "Okafor praised their special strategic ties over a long lunch.",
        "Varga said the two countries' relations would serve as a model for the region.",
    ],
)
def test_the_sides_own_relations_make_the_relationship_a_topic(sentence: str) -> None:
    found = statuses("Varga and Okafor signed a deal on farm tariffs.", sentence)
    assert "trade" in found  # (an article with no topic would get the relationship anyway)
    assert "relations" in found


def test_the_sides_hyphened_relations_are_theirs_but_another_pairs_are_not() -> None:
    text, paras = paragraphs("Varga spoke of the direction of Hungary-Nigeria relations.")
    sides = sides_of(["Hungary", "Nigeria"])
    assert "relations" in score_paragraphs(text, paras, TOPICS, sides).get(0, [])
    text, paras = paragraphs("Varga spoke of the direction of Chile-Peru relations.")
    assert "relations" not in score_paragraphs(text, paras, TOPICS, sides).get(0, [])
    text, paras = paragraphs("Varga spoke of the direction of relations.")
    assert "relations" not in score_paragraphs(text, paras, TOPICS, sides).get(0, [])


@pytest.mark.parametrize("opening", ["Despite", "In spite of", "Against the backdrop of"])
def test_a_concession_is_the_backdrop_of_the_meeting_not_a_topic(opening: str) -> None:
    found = statuses(
        f"{opening} a simmering maritime dispute in the South China Sea, Varga and Okafor"
        " signed a trade deal on farm tariffs in Lima.")
    assert "trade" in found
    assert "south-china-sea" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga and Okafor agreed to continue the bilateral dialogue next spring.",
        "Both sides pledged continued dialogue on the matter.",
        "The ministers agreed to maintain a direct dialogue between their offices.",
        "Okafor said they would keep up close communication.",
    ],
)
def test_a_channel_the_sides_keep_open_is_the_relationship(sentence: str) -> None:
    found = statuses("Varga and Okafor signed a deal on farm tariffs.", sentence)
    assert "relations" in found


def test_a_dialogue_named_in_passing_is_not_the_relationship() -> None:
    found = statuses("Varga and Okafor signed a deal on farm tariffs.",
                     "The deal followed a dialogue between farmers' unions.")
    assert "relations" not in found


def test_a_keyword_in_the_plural_is_still_the_keyword() -> None:
    found = statuses("Varga and Okafor discussed new investments in their ports.")
    assert "trade" in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga said Nigeria remains a strategic economic partner for Hungary.",
        "Okafor called the two states each other's important partners.",
    ],
)
def test_a_side_called_the_others_partner_of_rank_is_the_relationship(sentence: str) -> None:
    found = statuses("Varga and Okafor signed a deal on farm tariffs.", sentence)
    assert "relations" in found


def test_a_partner_without_rank_is_not_the_relationship() -> None:
    found = statuses("Varga and Okafor signed a deal on farm tariffs.",
                     "Varga arrived with her partner on a cold morning.")
    assert "relations" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "The summit between Varga and Okafor is the first in six years.",
        "The two leaders spoke by phone for the first time since March.",
        "It was Okafor's first visit since taking office in the spring.",
    ],
)
def test_a_meeting_first_in_years_is_a_step_of_the_relationship(sentence: str) -> None:
    found = statuses("Varga and Okafor signed a deal on farm tariffs.", sentence)
    assert "relations" in found


def test_a_first_ever_deal_is_not_the_relationship() -> None:
    found = statuses("For the first time, Varga and Okafor signed a deal on farm tariffs.")
    assert "trade" in found
    assert "relations" not in found
