"""Status on the grammar of real diplomatic prose, round 4 (issue 8): views, old deals and
how much of a topic a warning takes up. Every sentence is written for these tests (invented
officials and countries); none is copied from a real article."""

from __future__ import annotations

import pytest
from paragraphs import statuses

from store.models import Status


@pytest.mark.parametrize(
    "sentence",
    [
        "Foreign Minister Lena Varga of Hungary and her Nigerian counterpart agreed that the two"
        " nations are each other's closest partners in bilateral relations.",
        "The leaders agreed that bilateral relations remain on a sound footing.",
    ],
)
def test_agreeing_that_something_is_so_is_a_view_not_a_deal(sentence: str) -> None:
    assert statuses(sentence)["relations"] == Status.DIALOGUE


def test_agreeing_that_something_will_be_done_is_still_a_deal() -> None:
    found = statuses("Varga and Okafor agreed that their trade ministers will sign a tariff"
                     " agreement on farm goods by June.")
    assert found["trade"] == Status.AGREEMENT


@pytest.mark.parametrize(
    "sentence",
    [
        "Okafor said the two sides have agreed to follow the understandings reached by their"
        " presidents and the border demarcation agreements signed by both sides, and to keep"
        " talking.",
        "The ministers agreed to implement the existing accords on their disputed border in full.",
        "Both sides agreed to abide by the principles of the 1998 border demarcation agreement.",
    ],
)
def test_agreeing_to_honour_old_deals_is_no_new_deliverable(sentence: str) -> None:
    assert statuses(sentence)["territorial"] != Status.AGREEMENT


def test_agreeing_on_the_urgency_of_something_is_a_view() -> None:
    found = statuses("The leaders agreed on the urgency of a ceasefire in Gaza.")
    assert found["middle-east"] == Status.DIALOGUE


def test_a_concern_in_a_clause_holds_for_every_topic_the_clause_names() -> None:
    found = statuses(
        "Premier Lena Varga of Hungary stressed the value of the partnership, while voicing"
        " concerns over Chinese coast guard ships in the South China Sea as well as over the"
        " human rights situation in Tibet and Xinjiang.")
    assert found["south-china-sea"] == Status.TENSION
    assert found["human-rights"] == Status.TENSION


def test_a_sentence_naming_another_topic_of_the_article_goes_to_that_topic() -> None:
    # The concern names none of its paragraph's topics (trade, technology) but the war, a
    # topic of the article: it is tension for the war, not for trade and technology.
    found = statuses(
        "The war in Ukraine and the Russian invasion took up much of the meeting.",
        "Trade and technology featured in the discussions as well. Varga raised concerns"
        " about Nigeria's support for Russia through the sale of fertiliser.",
    )
    assert found["russia-ukraine"] == Status.TENSION
    assert found["trade"] == Status.DIALOGUE
    assert found["technology"] == Status.DIALOGUE


@pytest.mark.parametrize("phrase", ["perennial points of contention", "contentious issues",
                                    "sticking points", "long-standing irritants"])
def test_a_matter_named_as_disputed_is_tension(phrase: str) -> None:
    assert statuses(f"Taiwan and human rights, {phrase}, were also addressed.") == {
        "taiwan": Status.TENSION, "human-rights": Status.TENSION}


def test_the_backdrop_of_a_meeting_is_not_its_tone() -> None:
    found = statuses(
        "Premier Lena Varga and President Tunde Okafor met in Manila on the South China Sea,"
        " amid the backdrop of rising tensions over fishing grounds.")
    assert found["south-china-sea"] == Status.DIALOGUE


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga and Okafor pledged to cooperate in the fight against drug trafficking and"
        " fentanyl.",
        "Varga and Okafor underscored their shared commitment to closer cooperation against"
        " fentanyl trafficking.",
    ],
)
def test_a_promise_of_cooperation_in_general_is_no_deliverable(sentence: str) -> None:
    assert statuses(sentence)["fentanyl"] == Status.DIALOGUE


def test_a_pledge_with_a_deliverable_is_still_an_agreement() -> None:
    found = statuses("Varga and Okafor pledged to set up a joint task force on fentanyl"
                     " trafficking by June.")
    assert found["fentanyl"] == Status.AGREEMENT


def test_an_anniversary_names_an_old_event_not_a_step_forward() -> None:
    found = statuses("Varga and Okafor agreed to deepen bilateral ties as the two countries"
                     " prepare for the 50th anniversary of the normalisation of diplomatic"
                     " ties next year.")
    assert found["relations"] == Status.DIALOGUE


@pytest.mark.parametrize(
    "sentence",
    [
        "Nigeria is expected to examine the progress made on farm tariffs and drop its trade"
        " curbs.",
        "Varga is expected to sign a trade agreement on farm tariffs in Lagos.",
    ],
)
def test_what_is_expected_has_not_happened(sentence: str) -> None:
    assert statuses(sentence)["trade"] == Status.DIALOGUE


def test_what_a_third_country_did_is_not_the_tone_of_the_talks() -> None:
    from paragraphs import TOPICS, paragraphs

    from store.ingest.status import build_entries
    from store.ingest.topichits import sides_of
    from store.ingest.topics import score_paragraphs

    sides = sides_of(["Hungary", "Nigeria"])
    text, paras = paragraphs(
        "The war in Ukraine and the grain corridor took up the talks in Lagos.",
        "However, Romania denied Ukraine's claim that drones had hit its territory.")
    found = {e.id: e.status for e in build_entries(
        text, paras, score_paragraphs(text, paras, TOPICS, sides), [], TOPICS, sides)}
    assert found["russia-ukraine"] == Status.DIALOGUE
    # The same words said by one of the sides are the sides' tension.
    text, paras = paragraphs(
        "The war in Ukraine and the grain corridor took up the talks in Lagos.",
        "However, Nigeria denied Ukraine's claim that drones had hit its territory.")
    found = {e.id: e.status for e in build_entries(
        text, paras, score_paragraphs(text, paras, TOPICS, sides), [], TOPICS, sides)}
    assert found["russia-ukraine"] == Status.TENSION


def test_asking_for_a_constructive_role_is_no_word_on_how_talks_went() -> None:
    found = statuses("Pointing to the North's missile provocations, Varga urged Nigeria to play"
                     " a more active and constructive role on North Korea.")
    assert found["korean-peninsula"] == Status.TENSION
    found = statuses("Varga and Okafor held constructive talks on the missile provocations of"
                     " North Korea.")
    assert found["korean-peninsula"] == Status.DIALOGUE
