"""Status on the grammar of real diplomatic prose, round 6 (issue 8): views that part, a
relationship under strain in readouts' words, and agreements that only promise more talk.
Every sentence is written for these tests (invented officials and countries); none is
copied from a real article."""

from __future__ import annotations

import pytest
from paragraphs import statuses

from store.models import Status


@pytest.mark.parametrize(
    "sentence",
    [
        "At the joint press conference Varga and Okafor clearly had different views on their"
        " bilateral relationship.",
        "Varga said the bilateral relationship was being tested by the new visa rules.",
        "Okafor said the downturn in bilateral relations was caused by the other side's"
        " erroneous understanding and misguided policies.",
        "Varga called for reversing the downward spiral of their bilateral relations.",
        "Varga described difficult conversations with Okafor about their bilateral relationship.",
    ],
)
def test_a_relationship_under_strain_is_tension(sentence: str) -> None:
    assert statuses(sentence)["relations"] == Status.TENSION


def test_differences_in_positions_make_a_topic_tense() -> None:
    found = statuses("On tariffs, Varga and Okafor recognised differences in their respective"
                     " positions.")
    assert found["trade"] == Status.TENSION


def test_exchanged_views_is_still_a_discussion() -> None:
    found = statuses("Varga and Okafor exchanged views on tariffs.")
    assert found["trade"] == Status.DIALOGUE


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga agreed to discuss the date of her visit through diplomatic channels, according"
        " to the bilateral relations office.",
        "Varga and Okafor agreed on Friday to stabilise bilateral ties.",
        "The ministers agreed to explore ways of improving bilateral relations.",
        "The two sides agreed Tuesday to further develop bilateral relations.",
    ],
)
def test_agreeing_to_talk_more_or_to_improve_ties_is_dialogue(sentence: str) -> None:
    assert statuses(sentence)["relations"] == Status.DIALOGUE


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga and Okafor agreed on Friday to resume direct flights.",
        "The ministers agreed to hold their first talks on tariffs next month.",
    ],
)
def test_agreeing_to_a_named_step_is_still_an_agreement(sentence: str) -> None:
    found = statuses(sentence)
    assert Status.AGREEMENT in found.values()


def test_a_warning_in_a_which_clause_is_about_its_antecedent() -> None:
    # The warning is about the backing of the war; the relationship is only what it risks.
    found = statuses(
        "Okafor's press office did not say whether Lagos would answer Kestria's support for"
        " Russia, which Nigerian officials warn risks hurting the bilateral relationship,"
        " even as ties stabilise.")
    assert found["russia-ukraine"] == Status.TENSION
    assert found.get("relations") != Status.TENSION


def test_a_which_clause_about_the_sentences_own_topic_keeps_its_cue() -> None:
    found = statuses("Varga spoke of the tariffs on steel, which she warned were a threat.")
    assert found["trade"] == Status.TENSION


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga told Okafor that her government wanted to see \u201cconcrete progress on tariffs.",
        "Okafor said he hoped to see real progress on tariffs soon.",
    ],
)
def test_progress_one_side_wants_to_see_is_not_progress(sentence: str) -> None:
    assert statuses(sentence)["trade"] == Status.DIALOGUE


@pytest.mark.parametrize(
    "sentence",
    [
        "At the meeting the presidents established a Council of Presidents to deepen their"
        " bilateral relations.",
        "The ministers set up a joint working group on tariffs.",
    ],
)
def test_a_body_set_up_at_the_meeting_is_an_agreement(sentence: str) -> None:
    assert Status.AGREEMENT in statuses(sentence).values()


def test_a_body_set_up_before_is_no_new_agreement() -> None:
    found = statuses("Varga praised the working group on tariffs established after her visit"
                     " in July.")
    assert found["trade"] != Status.AGREEMENT


def test_a_link_to_another_story_glued_into_the_text_gives_no_status() -> None:
    found = statuses(
        "Varga and Okafor discussed tariffs. Other Topics of Interest Port City Builds New Docks"
        " The mayor said the city was investing in trade to make headway as soon as possible.")
    assert found["trade"] == Status.DIALOGUE


def test_improving_as_the_means_of_a_plan_is_no_progress() -> None:
    found = statuses("The presidents noted that cooperation should be strengthened by improving"
                     " defence against cyber threats and hacking.")
    assert found["cyber"] != Status.PROGRESS
