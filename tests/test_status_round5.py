"""Status and topics on the grammar of real diplomatic prose, round 5 (issue 8): what talks
are aimed at, and one side's domestic acts. Every sentence is written for these tests
(invented officials and countries); none is copied from a real article."""

from __future__ import annotations

from datetime import date

import pytest
from paragraphs import TOPICS, paragraphs, statuses

from store.ingest.status import build_entries
from store.ingest.topics import score_paragraphs
from store.models import Status


@pytest.mark.parametrize(
    "sentence",
    [
        "Foreign Minister Lena Varga of Hungary met her Nigerian counterpart in Abuja in the"
        " latest contacts aimed at keeping tense relations under control.",
        "Varga flew to Abuja in a bid to defuse tensions in bilateral relations.",
        "The talks were part of efforts to calm the friction in relations between the two.",
    ],
)
def test_what_talks_are_aimed_at_is_no_tension(sentence: str) -> None:
    found = statuses(sentence)
    assert found["relations"] != Status.TENSION


def test_a_tension_said_outright_beside_an_aim_is_still_tension() -> None:
    found = statuses("Varga and Okafor clashed over Taiwan and traded warnings over Taiwan,"
                     " in talks aimed at easing tensions.")
    assert found["taiwan"] == Status.TENSION


def test_a_role_in_improving_ties_is_an_aim_not_progress() -> None:
    found = statuses("Okafor stressed the role of student exchanges in improving their"
                     " bilateral relations.")
    assert found["relations"] == Status.DIALOGUE


@pytest.mark.parametrize(
    "sentence",
    [
        "Hours before Varga landed in Abuja, President Okafor signed a bill that included"
        " $3 billion to counter Hungary's military might and defence aid for its warships.",
        "On Monday the Hungarian president signed into law a defence budget that adds"
        " warships and fighter jets.",
        "Okafor signed an executive order raising defence spending before the visit.",
    ],
)
def test_one_sides_domestic_act_is_neither_a_topic_nor_a_deal(sentence: str) -> None:
    found = statuses(
        "Foreign Minister Lena Varga of Hungary met President Okafor of Nigeria in Abuja and"
        " agreed to resume direct flights for students and tourists.",
        sentence,
    )
    assert "military" not in found
    assert Status.AGREEMENT not in {s for t, s in found.items() if t != "people-to-people"}


def test_a_deal_signed_at_the_meeting_is_still_an_agreement() -> None:
    found = statuses("Varga and Okafor signed a trade agreement on farm goods, and agreed to"
                     " hold talks on tariffs.")
    assert found["trade"] == Status.AGREEMENT


def test_a_deal_after_a_domestic_act_in_one_sentence_still_counts() -> None:
    found = statuses("Okafor signed a bill on defence spending, and the two sides agreed to"
                     " cut tariffs on farm goods.")
    assert found["trade"] == Status.AGREEMENT


@pytest.mark.parametrize(
    "sentence",
    [
        "The two sides have made progress and reached agreement on some specific issues in"
        " their bilateral relations, Varga said.",
        "\"We have reached many common understandings on bilateral relations,\" Okafor said.",
        "Varga hailed the broad consensus reached on the direction of bilateral relations.",
    ],
)
def test_common_ground_with_no_deliverable_named_is_progress(sentence: str) -> None:
    assert statuses(sentence)["relations"] == Status.PROGRESS


def test_an_agreement_on_a_named_deliverable_is_still_an_agreement() -> None:
    found = statuses("Varga and Okafor reached an agreement on cutting tariffs on farm goods.")
    assert found["trade"] == Status.AGREEMENT


@pytest.mark.parametrize(
    "sentence",
    [
        "It was agreed to continue such result-oriented dialogue on bilateral relations.",
        "The ministers agreed to maintain their close high-level dialogue on bilateral"
        " relations.",
    ],
)
def test_agreeing_to_go_on_talking_in_any_words_is_dialogue(sentence: str) -> None:
    assert statuses(sentence)["relations"] == Status.DIALOGUE


def test_implementing_the_consensus_the_leaders_reached_before_is_no_progress() -> None:
    found = statuses("Varga said both sides should translate the important consensus reached"
                     " by the two heads of state into policies for bilateral relations.")
    assert found["relations"] != Status.PROGRESS


def _statuses_at(meeting: date, *bodies: str) -> dict[str, Status]:
    text, paras = paragraphs(*bodies)
    return {e.id: e.status for e in build_entries(
        text, paras, score_paragraphs(text, paras, TOPICS), [], TOPICS, meeting=meeting)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers discussed how to carry out the trade agreement signed on 10 August to cut"
        " tariffs on farm goods.",
        "They focused on pushing forward a trade agreement signed during Okafor's visit to"
        " Budapest in July.",
        "An agreement on farm tariffs and trade was reached on July 28 in Geneva.",
    ],
)
def test_a_deal_dated_before_the_meeting_is_an_earlier_one(sentence: str) -> None:
    assert _statuses_at(date(2025, 10, 9), sentence)["trade"] != Status.AGREEMENT


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga and Okafor signed a trade agreement on October 9 to cut tariffs on farm goods.",
        "The ministers agreed to cut tariffs on farm goods and hold trade talks in March.",
        "On Thursday the two sides signed a trade agreement on farm goods.",
    ],
)
def test_a_deal_of_the_day_or_with_a_date_ahead_is_this_meetings(sentence: str) -> None:
    assert _statuses_at(date(2025, 10, 9), sentence)["trade"] == Status.AGREEMENT


@pytest.mark.parametrize(
    "sentence",
    [
        "\"We discussed a lot of issues in our bilateral relations and found a lot of solutions"
        " as well,\" Varga said.",
        "\"Hungary and Nigeria have already achieved significant results in their bilateral"
        " relations,\" Okafor said.",
    ],
)
def test_results_reached_and_solutions_found_are_progress(sentence: str) -> None:
    assert statuses(sentence)["relations"] == Status.PROGRESS


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga said the two sides will achieve results in their bilateral relations next year.",
        "The ministers are trying to find solutions in their bilateral relations.",
    ],
)
def test_results_and_solutions_foretold_or_sought_are_not_progress(sentence: str) -> None:
    assert statuses(sentence)["relations"] != Status.PROGRESS


def test_an_article_naming_no_topic_reads_its_status_from_every_sentence() -> None:
    # Only the visit names the relationship at all (a supporting word); the outcome is said
    # in a paragraph that names no topic.
    found = statuses(
        "President Tunde Okafor visited Budapest on Thursday.",
        "\"Meaningful talks. We have already achieved significant results together,\" Okafor"
        " said after the meeting.",
    )
    assert found == {"relations": Status.PROGRESS}


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga and Okafor agreed to hold trade talks on farm tariffs in July.",
        "The two sides signed a trade agreement and will meet again in July to review tariffs.",
    ],
)
def test_a_month_that_dates_an_agreed_step_is_when_it_is_due(sentence: str) -> None:
    # Said in November: July is next year's, when the step is due.
    assert _statuses_at(date(2025, 11, 20), sentence)["trade"] == Status.AGREEMENT
