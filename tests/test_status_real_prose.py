"""Stage 7 on the status cue phrases of real diplomatic prose (issue 8, ANNOTATION.md):
agreement is a concrete deliverable agreed at this meeting; agreeing on a view or to keep
talking is dialogue; hopes are not outcomes; courtesies are not progress.

Every sentence is written for these tests (invented officials and countries are fine);
none is copied from a real article.
"""

from __future__ import annotations

import pytest
from paragraphs import statuses

from store.ingest.cues import find_cues
from store.models import Status


def status_of(topic: str, *bodies: str) -> Status:
    found = statuses(*bodies)
    assert topic in found, f"{topic} not raised; found {sorted(found)}"
    return found[topic]


@pytest.mark.parametrize(
    ("topic", "sentence"),
    [
        # A shared view is not a deliverable.
        ("relations", "The prime ministers agreed on the vital importance of a strong"
                      " relationship between Hungary and Austria."),
        ("military", "Both sides agreed that stable military-to-military relations are"
                     " important, the colonel said."),
        ("middle-east", "Varga said they agreed on the need to implement every phase of the"
                        " Gaza truce."),
        # Agreeing to keep talking (ANNOTATION: "agreed to keep communicating").
        ("relations", "The two ministers agreed that their governments will actively"
                      " communicate ahead of next year's anniversary of diplomatic relations."),
        ("military", "The defence ministers agreed to have more communications and exchanges"
                     " between their militaries."),
        ("relations", "They agreed to stay in close touch and to maintain dialogue on bilateral"
                      " relations."),
        # Vague efforts and cooperation.
        ("territorial", "The two sides agreed to make concerted efforts to keep the border"
                        " areas calm."),
        ("relations", "The presidents agreed to further deepen cooperation and strengthen"
                      " bilateral ties."),
    ],
)
def test_agreeing_on_a_view_or_to_keep_talking_is_dialogue(topic: str, sentence: str) -> None:
    assert status_of(topic, sentence) is Status.DIALOGUE


@pytest.mark.parametrize(
    ("topic", "sentence"),
    [
        # A word between "agreed" and "to" still makes it an agreement.
        ("russia-ukraine", "Hungary and Austria agreed Tuesday to set up a joint fund for"
                           " rebuilding Ukraine."),
        ("relations", "The ministers agreed broadly to reopen their embassies and restore"
                      " diplomatic relations."),
        ("relations", "Lena Varga confirmed that the Austrian chancellor will travel to Budapest"
                      " in March for an official visit, a sign of warming ties."),
    ],
)
def test_a_deliverable_agreed_at_the_meeting_is_agreement(topic: str, sentence: str) -> None:
    assert status_of(topic, sentence) is Status.AGREEMENT


@pytest.mark.parametrize(
    "text",
    [
        # Asked for, not done.
        "The chancellor urged Moscow to agree to a ceasefire.",
        "We decided to agree to the proposal to meet here today.",
        # Hoped for, sought, tried: not reached.
        "It was a chance to seek progress in key areas.",
        "We hope to be able to make progress on everything we discussed.",
        "The mediator is trying to find a long-term agreement on the future of the strip.",
        "They want to promote the improvement of relations.",
        # A courtesy to the guest is not a step forward.
        "The two men were welcomed to the palace by the Swiss president.",
        "Kim warmly welcomed the visiting president on a state visit.",
        # A deal that could be signed is not signed.
        "The president hinted that a deal could be signed soon.",
    ],
)
def test_requests_hopes_courtesies_and_maybes_are_no_outcome(text: str) -> None:
    found = [c.status for c in find_cues(text)]
    assert Status.AGREEMENT not in found and Status.PROGRESS not in found, found


@pytest.mark.parametrize(
    ("topic", "sentence", "status"),
    [
        # Open disagreement.
        ("trade", "The two sides remain at odds over tariffs on steel.", Status.TENSION),
        ("trade", "Significant differences on tariffs persist, the minister said.",
         Status.TENSION),
        ("trade", "Differences over tariffs persist.", Status.TENSION),
        ("trade", "Differences between the two sides on tariffs remain.", Status.TENSION),
        ("trade", "Talks on the trade pact are progressing well.", Status.PROGRESS),
        ("taiwan", "They confronted each other over Taiwan during the talks.", Status.TENSION),
        ("relations", "Both leaders acknowledged a tense relationship.", Status.TENSION),
        ("human-rights", "Oslo summoned the ambassador over the crackdown on Uyghurs.",
         Status.TENSION),
        ("south-china-sea", "Manila accused Beijing of bullying its vessels in the South China"
                            " Sea.", Status.TENSION),
        ("relations", "Varga said her meeting with Okafor on relations had been difficult.",
         Status.TENSION),
        # Stalled in other words.
        ("russia-ukraine", "The summit ended without reaching a ceasefire deal for Ukraine.",
         Status.STALLED),
        ("russia-ukraine", "There was no immediate ceasefire or peace deal for Ukraine out of"
                           " the talks.", Status.STALLED),
        ("trade", "The tariff deal was put on hold and the dispute remains unresolved.",
         Status.STALLED),
        ("russia-ukraine", "The chancellor evaded any direct reply on new weapons for Ukraine.",
         Status.STALLED),
        ("trade", "He said the meeting was not expected to bring an immediate resolution of"
                  " the trade embargo.", Status.STALLED),
        # Progress in other words.
        ("relations", "It was an important first step towards steadying bilateral relations.",
         Status.PROGRESS),
        ("relations", "Putin said relations between the two countries were developing"
                      " positively.", Status.PROGRESS),
        ("relations", "Our relationship is bearing fruit, the president said.", Status.PROGRESS),
        ("relations", "\"We are opening a new chapter in this relationship,\" Varga said.",
         Status.PROGRESS),
        ("military", "Defence cooperation is being upgraded under the pact.", Status.PROGRESS),
    ],
)
def test_real_prose_cue_phrases(topic: str, sentence: str, status: Status) -> None:
    assert status_of(topic, sentence) is status


def test_even_when_we_disagree_is_not_tension() -> None:
    assert status_of("relations", "We must keep lines of communication open, even when we"
                                  " disagree.") is Status.DIALOGUE


def test_a_concessive_clause_yields_to_the_main_clause() -> None:
    assert status_of("russia-ukraine", "The summit ended without reaching a ceasefire deal for"
                     " Ukraine, though both leaders claimed progress had been made."
                     ) is Status.STALLED
    assert status_of("taiwan", "Although both sides made some progress, they confronted each"
                     " other over Taiwan.") is Status.TENSION


def test_an_agreement_signed_before_the_meeting_is_background() -> None:
    assert status_of("relations", "Last week, the neighbours signed an agreement on"
                     " political consultations to deepen bilateral relations, and the"
                     " presidents said relations were bearing fruit.") is Status.PROGRESS
    # A relative clause's time is its own: this meeting's agreement stands.
    assert status_of("military", "The ministers, who met last year in Oslo, agreed to reopen"
                     " the military hotline.") is Status.AGREEMENT


def test_a_background_freeze_in_a_when_clause_is_not_this_meetings_outcome() -> None:
    # (The clause names no topic either: the second sentence raises it.)
    assert status_of("military", "It was their first meeting since 2022, when Beijing cut off"
                     " military communication lines with Washington. They discussed military"
                     " ties.") is Status.DIALOGUE




def test_a_cue_goes_to_every_topic_its_sentence_names_outright() -> None:
    found = statuses("They confronted each other on issues ranging from Taiwan to the South"
                       " China Sea.")
    assert found["taiwan"] is Status.TENSION
    assert found["south-china-sea"] is Status.TENSION


def test_a_cue_with_a_topic_as_its_object_is_that_topics_alone() -> None:
    found = statuses("The leaders cited progress on trade and cooperation on regional"
                       " issues, including Gaza.")
    assert found["trade"] is Status.PROGRESS
    assert found["middle-east"] is Status.DIALOGUE


def test_talks_meant_to_ease_tensions_are_not_tense() -> None:
    assert not any(c.status is Status.TENSION for c in find_cues(
        "The talks were aimed at easing trade tensions and strengthening ties."))
    assert [c.status for c in find_cues("The visit eased trade tensions.")] == [Status.PROGRESS]


def test_embassies_and_a_step_forward_speak_of_the_relationship() -> None:
    found = statuses("The ministers agreed to restore staffing at their embassies.",
                       "Both sides called the talks a step forward.")
    assert found["relations"] is Status.AGREEMENT
    assert status_of("relations", "Both sides said the talks on bilateral relations were"
                     " a step forward.") is Status.PROGRESS


def test_a_guess_that_a_deal_is_close_is_no_outcome() -> None:
    assert find_cues("The two sides could be close to a breakthrough.") == []


def test_no_deal_said_twice_outweighs_one_claim_of_progress() -> None:
    from store.ingest.status import decide

    assert decide([Status.STALLED, Status.STALLED, Status.PROGRESS]) is Status.STALLED
    assert status_of(
        "russia-ukraine",
        "The summit ended without reaching a ceasefire deal for Ukraine.",
        "Trump said great progress on Ukraine had been made.",
        "Neither side has made any real progress on a ceasefire for Ukraine, officials said.",
    ) is Status.STALLED


def test_what_should_improve_has_not_improved() -> None:
    text = "He said improving bilateral relations should reflect the vision of both leaders."
    assert Status.PROGRESS not in [c.status for c in find_cues(text)]
    assert [c.status for c in find_cues("Bilateral relations have improved.")] == [
        Status.PROGRESS]


def test_a_call_for_calm_is_not_a_clash() -> None:
    assert find_cues("He called for efforts to avoid escalation in the region.") == []
    assert [c.status for c in find_cues("The escalation continued.")] == [Status.TENSION]


def test_respecting_each_others_concerns_is_dialogue() -> None:
    text = "Both should respect each other's core interests and major concerns."
    assert [c.status for c in find_cues(text)] == [Status.DIALOGUE]


def test_a_cues_object_phrase_names_every_topic_it_is_about() -> None:
    found = statuses("The leaders voiced grave concern over North Korea's troops fighting in"
                       " Russia's war against Ukraine, officials said.")
    assert found["russia-ukraine"] is Status.TENSION
    assert found["korean-peninsula"] is Status.TENSION


def test_a_deliverable_handed_over_is_agreement() -> None:
    assert status_of("people-to-people", "They agreed to step up cooperation on cultural"
                     " property, and Austria handed over 40 antiquities.") is Status.AGREEMENT


def test_a_meeting_that_names_no_topic_is_about_the_relationship() -> None:
    # Nothing in it names a subject of the talks; its tone is still the news.
    found = statuses(
        "Chile's foreign minister Ana Rojas said her meeting with Eirik Lunde in Oslo had"
        " gone on for three hours.",
        "\"A difficult meeting. As expected,\" Rojas wrote on social media.")
    assert found == {"relations": Status.TENSION}


def test_one_concern_in_a_discussion_is_not_a_confrontation() -> None:
    # Tension must dominate: a concern beside as many neutral exchanges is dialogue.
    found = statuses("Varga and Rojas discussed the Gaza truce. Varga opposes a"
                       " land corridor through the Gaza Strip.")
    assert found == {"middle-east": Status.DIALOGUE}
    found = statuses("Varga and Rojas discussed the Gaza truce. Varga opposes a land corridor"
                       " through the Gaza Strip and warned against any attack on Gaza.")
    assert found == {"middle-east": Status.TENSION}


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The ministers agreed to disagree on fishing quotas.", Status.STALLED),
        ("The talks in Quito broke down after an hour.", Status.STALLED),
        ("The meeting ended without a joint statement.", Status.STALLED),
        ("The rift over the copper mine deepened.", Status.TENSION),
        ("Ties have been strained since the ambassador was expelled.", Status.TENSION),
        ("The two sides remain at loggerheads over visas.", Status.TENSION),
        ("Relations soured after the spy case.", Status.TENSION),
        ("Relations hit a new low.", Status.TENSION),
        ("The Chilean delegation walked out of the session.", Status.TENSION),
        ("The two ministers inked five deals.", Status.AGREEMENT),
        ("They finalised the free trade agreement.", Status.AGREEMENT),
        ("The leaders concluded negotiations on the salmon pact.", Status.AGREEMENT),
        ("The negotiators narrowed their differences on tariffs.", Status.PROGRESS),
        ("The two countries normalised ties at the meeting.", Status.PROGRESS),
        ("Both presidents accepted invitations to visit next year.", Status.AGREEMENT),
    ],
)
def test_more_cue_phrases_of_real_prose(sentence: str, status: Status) -> None:
    assert [c.status for c in find_cues(sentence, 0, len(sentence))] == [status]


@pytest.mark.parametrize(
    "text",
    [
        # Aims and abilities, not steps taken.
        "Varga stressed peaceful dialogue to ease tensions on the peninsula.",
        "He praised his guest as the only leader capable of improving relations with Minsk.",
        # "welcome" as a noun is a ceremony.
        "The chancellor was given a lavish official welcome at the palace.",
        "Varga was given a spectacular official welcome to Lagos's State House.",
        "To convert this extraordinary potential into concrete progress, all must do more.",
        # Progress as an ideal.
        "Terrorism harms peace and progress everywhere, the minister said.",
    ],
)
def test_aims_ceremonies_and_ideals_are_no_progress(text: str) -> None:
    found = [c.status for c in find_cues(text)]
    assert Status.AGREEMENT not in found and Status.PROGRESS not in found, found


def test_declining_to_tell_the_press_is_not_stalled() -> None:
    found = [c.status for c in find_cues("Asked about the base, he declined to provide"
                                         " further details.")]
    assert Status.STALLED not in found
    assert Status.STALLED in [c.status for c in find_cues("Oslo declined to lift the tariffs.")]


def test_regional_concerns_are_matters_not_worries() -> None:
    assert status_of("relations", "Our talks will address the global situation and specific"
                     " regional concerns, as befits our relationship.") is Status.DIALOGUE


def test_deals_sealed_in_the_plural_are_agreement() -> None:
    assert status_of("trade", "The neighbours sealed 12 deals to boost trade.") is (
        Status.AGREEMENT)


def test_a_relative_clause_set_in_an_earlier_time_is_background() -> None:
    # The improvement belongs to the visit of 2023, not to this meeting.
    assert status_of("relations", "It was their fifth meeting since May 2023, when Varga"
                     " visited Oslo in a clear sign of improvement in bilateral relations."
                     ) is Status.DIALOGUE
    assert status_of("trade", "Varga, who earlier warned Oslo over its steel tariffs, spoke"
                     " with Holm about trade.") is Status.DIALOGUE
