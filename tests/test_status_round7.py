"""Status, second pass of round 7 (issue 8): agendas and aims that read as deals or steps.
Every sentence is written for these tests (invented officials and countries); none is
copied from a real article."""

from __future__ import annotations

import pytest
from paragraphs import statuses

from store.models import Status


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga and Okafor agreed to prioritise trade and investment in the coming year.",
        "The two presidents agreed to focus on trade and energy links.",
        "The ministers agreed to give priority to trade between their ports.",
    ],
)
def test_agreeing_what_to_work_on_first_is_no_deal(sentence: str) -> None:
    assert statuses(sentence)["trade"] == Status.DIALOGUE


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga and Okafor discussed trade cooperation to boost economic growth and export"
        " improvement.",
        "Okafor said more trade would contribute to the progress of the region.",
        "The leaders discussed trade as a driver of the progress of both peoples.",
    ],
)
def test_progress_as_the_aim_of_cooperation_is_no_step(sentence: str) -> None:
    assert statuses(sentence)["trade"] == Status.DIALOGUE


def test_progress_made_is_still_progress() -> None:
    assert statuses("Varga said the talks made progress on trade.")["trade"] == Status.PROGRESS
    assert statuses("Okafor and Varga agreed to cut tariffs on grain.")["trade"] == Status.AGREEMENT


def test_what_ties_hold_despite_is_backdrop_not_tension() -> None:
    found = statuses("Varga and Okafor met on Monday; their countries keep close trade"
                     " relations despite occasional strains over fishing rights.")
    assert found["trade"] != Status.TENSION


def test_agreeing_that_something_is_not_so_is_a_shared_view() -> None:
    found = statuses("Varga and Okafor agreed that border disputes do not define their"
                     " bilateral relations.")
    assert found["relations"] == Status.DIALOGUE


def test_restating_a_shared_view_is_no_deal() -> None:
    found = statuses("The ministers reiterated their shared view that open trade benefits"
                     " both economies.")
    assert found["trade"] == Status.DIALOGUE


def test_restating_a_shared_opposition_is_still_common_ground() -> None:
    found = statuses("The ministers reiterated their shared opposition to new tariffs on trade.")
    assert found["trade"] == Status.AGREEMENT


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers committed to close co-ordination on trade before the tariff review.",
        "They reaffirmed their commitment to strengthening engagement on trade and investment.",
    ],
)
def test_a_commitment_to_keep_in_step_is_no_deliverable(sentence: str) -> None:
    assert statuses(sentence)["trade"] == Status.DIALOGUE


def test_a_second_verb_after_a_comma_keeps_its_topic_apart_from_the_first() -> None:
    found = statuses("Varga and Okafor signed a new defence cooperation pact and a military"
                     " exercise plan, and underscored chances to deepen trade in grain, tariffs"
                     " and exports.")
    assert found["military"] == Status.AGREEMENT
    assert found["trade"] == Status.DIALOGUE


@pytest.mark.parametrize(
    "sentence",
    [
        "Okafor said trade between the two countries hit a new record last year.",
        "Varga's government is preparing to double its investment pledge and trade in the region.",
        "Okafor said trade cooperation keeps growing on an upward trajectory.",
    ],
)
def test_progress_told_in_figures_is_progress(sentence: str) -> None:
    assert statuses(sentence)["trade"] == Status.PROGRESS


def test_a_human_rights_record_is_no_figure() -> None:
    found = statuses("Varga and Okafor discussed the human rights record of the region.")
    assert found["human-rights"] == Status.DIALOGUE


def test_an_item_of_a_semicolon_list_naming_no_topic_keeps_its_cue_to_itself() -> None:
    found = statuses("Varga listed the areas they covered: closer trade ties; talks on climate"
                     " and emissions; and, on migration, the old accord has brought positive"
                     " results.")
    assert found["trade"] == Status.DIALOGUE
    assert found["climate"] == Status.DIALOGUE


def test_a_cue_after_a_single_semicolon_still_reaches_the_topic() -> None:
    found = statuses("Varga and Okafor discussed trade and tariffs; no progress was made.")
    assert found["trade"] == Status.STALLED
