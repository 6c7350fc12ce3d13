"""The pure commitment tracker (store/commitments.py), in our own sentences."""

from __future__ import annotations

from datetime import date

import pytest

from store.commitments import (
    Later,
    Tracker,
    _content_stem,
    action_words,
    due_date,
    is_overdue,
    matches,
    read_state,
    stem,
    track,
)
from store.followup import kept_by, meet_promise, read_opening
from store.models import Commitment

DAY = date(2025, 3, 3)
AI = Commitment(parties=["Iceland", "Peru"], topic="ai", due="in coming weeks", start=0, end=1,
                text="The two sides agreed to hold their first talks on artificial "
                     "intelligence in coming weeks")


def later(sentence: str, topic: str | None = "ai", n: int = 2,
          commitments: list[Commitment] | None = None) -> Later:
    return Later(n, date(2025, 4, n), [(topic, sentence)], commitments or [])


@pytest.mark.parametrize(("sentence", "state"), [
    ("The two countries held their first talks on artificial intelligence in Lima.", "kept"),
    ("Preparations for the first talks on artificial intelligence are underway.", "progressing"),
    ("The first talks on artificial intelligence have not been held yet.", "stalled"),
    ("The first talks on artificial intelligence were postponed again.", "stalled"),
    ("Peru called off the first talks on artificial intelligence.", "broken"),
    ("Iceland suspended the planned talks on artificial intelligence.", "broken"),
])
def test_a_later_sentence_on_the_action_sets_the_state(sentence: str, state: str) -> None:
    assert track(AI, DAY, [later(sentence)]).state == state


def test_a_sentence_on_another_topic_or_action_leaves_it_open() -> None:
    assert track(AI, DAY, [later("They held talks on fishing quotas.")]).state == "open"
    # (a sentence that names the whole action tells of it on any topic: test_commitment_
    # tracking_who; one that names part of it must be on the promise's topic)
    other_topic = later("They held their first talks on intelligence.", "trade")
    assert track(AI, DAY, [other_topic]).state == "open"


def test_a_promise_renewed_is_progressing_and_one_replaced_is_superseded() -> None:
    again = Commitment(parties=["Iceland", "Peru"], topic="ai", start=0, end=1,
                       text="agreed to hold their first talks on artificial intelligence in May")
    found = track(AI, DAY, [later("Both sides will hold their first talks on artificial "
                                  "intelligence in May.", commitments=[again])])
    assert found.state == "progressing" and found.evidence_meeting_id == 2
    instead = Commitment(parties=["Iceland", "Peru"], topic="ai", start=0, end=1,
                         text="agreed to hold a summit on artificial intelligence instead of "
                              "the first talks")
    found = track(AI, DAY, [later("Both sides will meet in May.", commitments=[instead])])
    assert found.state == "superseded" and found.evidence_meeting_id == 2


def test_the_latest_meeting_decides() -> None:
    found = track(AI, DAY, [
        later("The first talks on artificial intelligence were postponed.", n=2),
        later("The two countries held their first talks on artificial intelligence.", n=9),
    ])
    assert (found.state, found.evidence_meeting_id) == ("kept", 9)


def test_the_tracker_follows_a_commitment_from_the_next_meeting_on() -> None:
    tracker = Tracker()
    # The meeting that makes it also says "hold": that is not news of it.
    tracker.feed(later("They agreed to hold talks on artificial intelligence.", n=1), [(7, AI)])
    tracker.feed(later("They held their first talks on artificial intelligence.", n=2), [])
    assert tracker.results()[7].state == "kept"


def test_stems_meet_across_tenses() -> None:
    assert stem("held") == stem("hold") and stem("resumed") == stem("resume")
    assert stem("talks") == stem("talk")
    mil = Commitment(parties=[], start=0, end=1,
                     text="agreed to resume military-to-military communication")
    assert matches(action_words(mil), "They resumed military-to-military communication.")
    assert not matches(action_words(mil), "They resumed trade talks.")


@pytest.mark.parametrize(("due", "expected"), [
    ("in coming weeks", date(2025, 4, 14)),
    ("in the coming weeks", date(2025, 4, 14)),
    ("by the end of the year", date(2025, 12, 31)),
    ("next spring", date(2026, 6, 20)),
    ("next month", date(2025, 4, 30)),
    ("next year", date(2026, 12, 31)),
    ("by June", date(2025, 6, 30)),
    ("within two weeks", date(2025, 3, 17)),
    ("soon", None),
    (None, None),
])
def test_due_phrases_read_against_the_meeting_date(due: str | None, expected: date | None
                                                   ) -> None:
    assert due_date(due, DAY) == expected


def test_overdue_only_when_open_and_past_due() -> None:
    assert is_overdue("open", date(2025, 4, 14), date(2025, 4, 15))
    assert not is_overdue("open", date(2025, 4, 14), date(2025, 4, 14))
    assert not is_overdue("kept", date(2025, 4, 14), date(2026, 1, 1))
    assert not is_overdue("open", None, date(2026, 1, 1))


def test_the_tracker_gives_what_track_gives_over_a_history() -> None:
    mil = Commitment(parties=[], topic="military", start=0, end=1,
                     text="agreed to resume military-to-military communication")
    history = [
        (later("They agreed to hold talks on artificial intelligence.", n=1), [(1, AI)]),
        (later("Military-to-military communication stays frozen.", "military", n=2),
         [(2, mil)]),
        (later("Preparations for the first talks on artificial intelligence began.", n=3), []),
        (later("They resumed military-to-military communication in June.", "military", n=4),
         []),
        (later("Peru called off the talks on artificial intelligence.", n=5), []),
    ]
    tracker = Tracker()
    for meeting, made in history:
        tracker.feed(meeting, made)
    found = tracker.results()
    assert found[1] == track(AI, date(2025, 4, 1), [m for m, _ in history[1:]])
    assert found[2] == track(mil, date(2025, 4, 2), [m for m, _ in history[2:]])
    assert (found[1].state, found[1].evidence_meeting_id) == ("broken", 5)
    assert (found[2].state, found[2].evidence_meeting_id) == ("kept", 4)


def test_renewal_goes_on_and_superseded_is_final_in_both_walks() -> None:
    again = Commitment(parties=[], topic="ai", start=0, end=1,
                       text="agreed to hold their first talks on artificial intelligence in May")
    held = later("They held their first talks on artificial intelligence.", n=3)
    history = [
        (later("They agreed to hold talks on artificial intelligence.", n=1), [(1, AI)]),
        (later("Both will hold first talks on artificial intelligence in May.", n=2,
               commitments=[again]), [(2, again)]),
        (held, []),
    ]
    tracker = Tracker()
    for meeting, made in history:
        tracker.feed(meeting, made)
    found = tracker.results()
    assert found[1] == track(AI, date(2025, 4, 1), [m for m, _ in history[1:]])
    # renewed at meeting 2, then done at meeting 3: both promises are kept
    assert (found[1].state, found[1].evidence_meeting_id) == ("kept", 3)
    assert (found[2].state, found[2].evidence_meeting_id) == ("kept", 3)
    # a promise that takes the old one's place ends the old one's story there
    instead = Commitment(parties=[], topic="ai", start=0, end=1,
                         text="agreed to hold talks on artificial intelligence in place of "
                              "the first talks")
    history[1] = (later("A new plan.", n=2, commitments=[instead]), [(2, instead)])
    tracker = Tracker()
    for meeting, made in history:
        tracker.feed(meeting, made)
    found = tracker.results()
    assert found[1] == track(AI, date(2025, 4, 1), [m for m, _ in history[1:]])
    assert (found[1].state, found[1].evidence_meeting_id) == ("superseded", 2)


def promise(text: str, topic: str | None = None) -> Commitment:
    return Commitment(parties=["Iceland", "Peru"], topic=topic, start=0, end=1, text=text)


@pytest.mark.parametrize(("made", "sentence"), [
    # the later article words the same action with another verb of it
    ("agreed to restart direct flights between Reykjavik and Lima",
     "Direct flights between the two capitals resumed in May."),
    ("agreed to resume fisheries consultations", "They reopened fisheries consultations."),
    ("agreed to establish a joint commission on fisheries",
     "The joint commission on fisheries was set up in April."),
    ("pledged to establish a fisheries hotline", "The two navies launched a fisheries hotline."),
    ("agreed to hold talks on glacier monitoring", "Experts met for talks on glacier monitoring."),
    ("agreed to sign a treaty on seabed mining", "The seabed mining treaty was concluded."),
    ("Peru's president will visit Reykjavik", "The Peruvian president travelled to Reykjavik."),
])
def test_the_same_action_in_another_verb_is_kept(made: str, sentence: str) -> None:
    assert track(promise(made), DAY, [later(sentence, None)]).state == "kept"


def test_a_word_every_meeting_uses_does_not_match_another_action() -> None:
    made = promise("agreed to hold talks on glacier monitoring")
    assert track(made, DAY, [later("They held talks on fishing quotas.", None)]).state == "open"
    assert track(made, DAY, [later("Cooperation talks were held.", None)]).state == "open"


def test_kept_is_told_in_the_past_and_a_plan_decides_nothing() -> None:
    made = promise("agreed to restart direct flights to Lima")
    assert track(made, DAY, [later("Direct flights to Lima restart in May, a plan says.",
                                   None)]).state == "open"
    assert track(made, DAY, [later("Direct flights to Lima restarted.", None)]).state == "kept"


def test_a_relative_clause_tells_the_state_before() -> None:
    made = promise("agreed to resume naval talks")
    found = track(made, DAY, [later("The navies resumed naval talks that were frozen in "
                                    "2022.", None)])
    assert found.state == "kept"
    drills = promise("agreed to resume naval exercises")
    found = track(drills, DAY, [later("Peru suspended the naval exercises again.", None)])
    assert found.state == "broken"


def test_a_promise_with_no_verb_of_its_own_needs_two_particular_words() -> None:
    # "During ..." is no action: the promise is read from its nouns
    made = promise("During the talks Peru indicated its commitment not to harm the glacier "
                   "reserve")
    assert track(made, DAY, [later("During a press briefing, officials said the talks "
                                   "were long.", None)]).state == "open"
    assert track(made, DAY, [later("Peru has yet to honour its commitment on the "
                                   "glacier reserve.", None)]).state == "stalled"


def test_each_action_of_a_listed_promise_is_followed() -> None:
    made = promise("The delegations ended their talks in Quito, agreeing to hold a new round "
                   "of negotiations and have a large-scale exchange of prisoners")
    # the later article calls the talks by another name and does not say "hold"
    found = track(made, DAY, [later("The second round of talks in Quito has concluded.",
                                    None)])
    assert found.state == "kept"
    found = track(made, DAY, [later("The large-scale exchange of prisoners was carried out.",
                                    None)])
    assert found.state == "kept"
    # a place named in the list is no action of its own
    flights = promise("agreed to restart direct flights between Reykjavik and Lima")
    assert track(flights, DAY, [later("They held talks in Lima.", None)]).state == "open"


def test_kept_needs_the_actions_own_verb_done_not_any_past_tense() -> None:
    made = promise("Peru agreed to go after companies that sell precursor chemicals")
    # a meeting about the same things is no news that it was done
    assert track(made, DAY, [later("Berg also met Peru's minister of public security to "
                                   "discuss precursor chemicals.", None)]).state == "open"
    assert track(made, DAY, [later("Peru made progress against companies that sell "
                                   "precursor chemicals.", None)]).state == "progressing"
    # a new promise on the same words is not the old one kept
    talks = promise("agreed to hold talks on glacier monitoring")
    assert track(talks, DAY, [later("They agreed that glacier monitoring talks matter.",
                                    None)]).state == "open"


def test_appointing_is_not_resuming() -> None:
    # (tracker 4 read "appointed envoys" as "reinstate high commissioners": one case's
    # words, which chains nobody tuned on did not bear out)
    made = promise("agreed to reinstate high commissioners in each other's capitals")
    sentence = "Last month Iceland and Peru appointed a panel on each other's capitals."
    assert track(made, DAY, [later(sentence, None)]).state == "open"


@pytest.mark.parametrize("made", [
    "agreed to hold follow-up meetings", "agreed to meet again",
    "agreed to continue the dialogue on other outstanding matters",
])
def test_a_promise_to_meet_again_is_kept_by_any_later_meeting_held(made: str) -> None:
    held = later("The foreign ministers of Iceland and Peru convened in Quito on Monday.",
                 "trade")
    assert track(promise(made, "fisheries"), DAY, [held]).state == "kept"
    # the same promise in the tracker's walk
    tracker = Tracker()
    tracker.feed(Later(1, DAY, [], []), [(1, promise(made, "fisheries"))])
    tracker.feed(held, [])
    assert tracker.results()[1].state == "kept"
    # a mechanism "put in place" is no meeting held, nor is a plan to meet
    for sentence in ("They agreed to put in place a monitoring mechanism.",
                     "The ministers will meet in May."):
        assert track(promise(made), DAY, [later(sentence, None)]).state == "open"


def test_first_talks_are_not_kept_by_any_meeting() -> None:
    assert track(AI, DAY, [later("The ministers met in Lima on Monday.", None)]).state == "open"


@pytest.mark.parametrize(("sentence", "state"), [
    ("Peru violated the fishing truce twice in May.", "broken"),
    ("The fishing truce has not been violated so far, Lima said.", "kept"),
    ("Both sides took steps to enforce the fishing truce.", "progressing"),
    ("Talks on the fishing truce ended in a complete deadlock.", "stalled"),
    ("Peru has yet to enforce the fishing truce.", "stalled"),
])
def test_the_later_sentences_form_tells_the_state(sentence: str, state: str) -> None:
    made = promise("agreed to enforce a fishing truce")
    assert track(made, DAY, [later(sentence, None)]).state == state


def test_a_violating_party_named_in_a_promise_breaks_nothing() -> None:
    made = promise("agreed to enforce a fishing truce")
    sentence = "They agreed on a penalty for the violating party of the fishing truce."
    assert track(made, DAY, [later(sentence, None)]).state != "broken"


def test_a_meeting_promised_for_a_purpose_is_a_promise_to_meet_again() -> None:
    made = promise("both sides will hold follow-up meetings to ensure the fishing truce holds")
    assert action_words(made)[0] == "hold"
    held = later("Negotiators of Iceland and Peru met again in Lima.", None)
    assert track(made, DAY, [held]).state == "kept"


def test_a_participle_after_a_past_event_tells_the_action_done() -> None:
    made = promise("The two leaders reached a consensus on resuming reciprocal state visits")
    done = later("The presidents held a summit in Lima, resuming reciprocal state visits "
                 "after a decade.", None)
    assert track(made, DAY, [done]).state == "kept"
    plan = later("The presidents hope to meet soon, resuming reciprocal state visits.", None)
    assert track(made, DAY, [plan]).state == "open"


@pytest.mark.parametrize(("made", "sentence"), [
    # a meeting hosted or chaired was held: the promise to host it is kept
    ("agreed to host meetings between their foreign ministers",
     "The foreign ministers of Iceland and Peru met for talks in Quito on Monday."),
    ("agreed to hold a meeting of the joint fisheries council in Lima",
     "The presidents chaired the meeting of the joint fisheries council in Lima."),
])
def test_a_meeting_hosted_or_chaired_keeps_the_promise_to_hold_it(made: str, sentence: str
                                                                  ) -> None:
    assert track(promise(made), DAY, [later(sentence, None)]).state == "kept"
    # said in the future, it is no news
    plan = later("The foreign ministers will chair a fisheries council in Lima.", None)
    assert track(promise(made), DAY, [plan]).state == "open"


def test_talks_continued_are_a_meeting_held() -> None:
    made = promise("agreed to meet again")
    went_on = later("The Icelandic and Peruvian ministers continued their talks in Cusco.",
                    None)
    assert track(made, DAY, [went_on]).state == "kept"
    assert track(made, DAY, [later("Both hope to continue their talks in Cusco.", None)]
                 ).state == "open"


@pytest.mark.parametrize(("made", "verb"), [
    # whom with and when stand between the promise verb and its action
    ("Ortega agrees with Berg on resuming glacier surveys", "resum"),
    ("Iceland and Peru agreed Sunday to resume glacier surveys", "resum"),
    ("They agreed early on Friday morning to resume glacier surveys", "resum"),
    ("Peru reached an agreement with Iceland to set up a glacier commission", "establish"),
    # a point of an agreed list starts with its verb, whatever a later clause promises
    ("To initiate glacier surveys, and they will do all the necessary efforts", "initiat"),
    ("Establish a glacier observer team; the observers will report on the melt", "establish"),
])
def test_the_action_starts_at_its_own_verb(made: str, verb: str) -> None:
    assert action_words(promise(made))[0] == verb


def test_a_clause_after_a_semicolon_is_an_action_of_its_own() -> None:
    made = promise("Establish a glacier observer team; the observers will report on the melt")
    done = later("The glacier observer team was established in May.", None)
    assert track(made, DAY, [done]).state == "kept"


def test_going_on_with_the_thing_promised_keeps_the_promise_to_set_it_up() -> None:
    made = promise("Establish a glacier observer team led by Chile")
    goes_on = promise("both countries agreed to continue utilizing the glacier observer team")
    found = track(made, DAY, [later(goes_on.text + ".", None, commitments=[goes_on])])
    assert found.state == "kept"
    # going on with something else is a renewal at most, not the thing kept
    other = promise("Chile will continue its cooperation with both on the glacier observer "
                    "team")
    found = track(made, DAY, [later(other.text + ".", None, commitments=[other])])
    assert found.state == "progressing"
    # a promise that was itself to go on is renewed, not kept, by going on again
    talks = promise("agreed to continue glacier surveys")
    again = promise("agreed to continue glacier surveys next year")
    assert track(talks, DAY, [later(again.text + ".", None, commitments=[again])]
                 ).state == "progressing"


def test_a_set_of_measures_is_not_a_commission_set_up() -> None:
    made = promise("Peru reached an agreement with Iceland to set up a commission on glacier "
                   "delimitation")
    noun = later("Lima insisted that glacier delimitation should begin after a set of "
                 "measures.", None)
    assert track(made, DAY, [noun]).state == "open"
    done = later("The commission on glacier delimitation was set up in May.", None)
    assert track(made, DAY, [done]).state == "kept"


def test_a_light_verb_without_its_particle_names_no_action() -> None:
    made = promise("They agreed to put aside their differences and move forward with "
                   "determination")
    vision = later("The mediator had put forward a vision for the glacier.", None)
    assert track(made, DAY, [vision]).state == "open"


def test_a_meeting_promised_in_the_passive_is_the_action() -> None:
    # "the next meeting ... will be held": a promise to meet again, whatever the date says
    made = promise("Ortega said that the next meeting is expected to be held on May 8 in "
                   "Cusco, when the mediator will visit the region")
    assert action_words(made) == ["hold"]
    assert track(made, DAY, [later("The two presidents continued their talks in Cusco.",
                                   None)]).state == "kept"
    # a particular meeting is named by its own words
    council = promise("They set up a glacier council, whose first session will be held in "
                      "Lima, when the president visits")
    assert action_words(council)[0] == "hold" and "glacier" not in action_words(council)
    assert track(council, DAY, [later("The ministers met in Quito.", None)]).state == "open"
    assert track(council, DAY, [later("The first session was held in Lima.", None)]
                 ).state == "kept"


def test_a_later_sentence_promising_the_action_again_decides_nothing() -> None:
    # (tracker 4 read it as a renewal; on chains nobody tuned on it made false calls and
    # no right one: only an extracted commitment of the later meeting renews)
    made = promise("agreed to take people-centric steps to rebuild glacier ties")
    again = later("Both sides agreed to focus on people-centric initiatives aimed at "
                  "rebuilding glacier ties.", None)
    assert track(made, DAY, [again]).state == "open"
    tracker = Tracker()
    tracker.feed(Later(1, DAY, [], []), [(1, made)])
    tracker.feed(again, [])
    assert tracker.results()[1].state == "open"


@pytest.mark.parametrize(("made", "sentence"), [
    # one thing, two names: a dialogue is talks (tracker 4's frontier/border,
    # demarcation/delimitation and airlines/flights were one case's words each, and
    # moved no chain set)
    ("agreed to resume the dialogue", "Talks resumed in Lima."),
])
def test_the_same_thing_by_another_name_is_matched(made: str, sentence: str) -> None:
    assert track(promise(made), DAY, [later(sentence, None)]).state == "kept"


def test_a_hyphenated_word_is_named_by_its_parts_in_both_walks() -> None:
    made = promise("agreed to resume expert-level consultations")
    done = later("The expert level consultations resumed in Quito.", None)
    assert track(made, DAY, [done]).state == "kept"
    tracker = Tracker()
    tracker.feed(Later(1, DAY, [], []), [(1, made)])
    tracker.feed(done, [])
    assert tracker.results()[1].state == "kept"
    # and the other way round
    made = promise("agreed to resume consultations at expert level")
    done = later("The expert-level consultations resumed in Quito.", None)
    assert track(made, DAY, [done]).state == "kept"


@pytest.mark.parametrize("made", [
    "Iceland and Peru agreed to a glacier truce, according to the Chilean Foreign Ministry",
    "They agreed to a glacier truce, the Chilean Foreign Ministry said on Friday",
    "They agreed to a glacier truce,” said the statement of the Chilean Foreign Ministry",
])
def test_who_says_so_is_not_the_action(made: str) -> None:
    assert "ministry" not in action_words(promise(made))
    released = later("The Chilean Foreign Ministry released a statement on fisheries.", None)
    assert track(promise(made), DAY, [released]).state == "open"


@pytest.mark.parametrize(("sentence", "state"), [
    # a promise of a thing is named by the thing, whatever is said of it
    ("Lima said the truce that was established has not been violated so far.", "kept"),
    ("Both sides agreed to continue the truce along the glacier.", "kept"),
    ("Peru violated the truce twice in May.", "broken"),
    ("The ministers discussed fisheries.", "open"),
])
def test_a_promised_thing_is_followed_by_its_name(sentence: str, state: str) -> None:
    made = promise("Iceland and Peru agreed Sunday to an immediate truce during talks in Quito")
    assert action_words(made) == ["=", "truc"]
    assert track(made, DAY, [later(sentence, None)]).state == state
    tracker = Tracker()
    tracker.feed(Later(1, DAY, [], []), [(1, made)])
    tracker.feed(later(sentence, None), [])
    assert tracker.results()[1].state == state


def test_a_thing_that_is_an_action_is_read_as_one() -> None:
    assert action_words(promise("agreed to the resumption of glacier talks"))[0] == "resum"
    # every word of a thing of many words is needed
    made = promise("agreed on a glacier monitoring mechanism")
    assert track(made, DAY, [later("The glacier was violated by fishing boats.", None)]
                 ).state == "open"


def test_going_on_is_kept_only_when_it_is_what_is_promised() -> None:
    made = promise("agreed to restore calls between rangers and to restart glacier talks")
    later_list = promise("agreed to hold a call between rangers, and to continue the glacier "
                         "talks")
    found = track(made, DAY, [later(later_list.text + ".", None, commitments=[later_list])])
    assert found.state == "progressing"
    # "keep working toward" names nothing of the promise by its "toward"
    exchanges = promise("agreed to encourage student exchanges and to work toward flights")
    release = promise("agreed to keep working toward the release of detained fishermen")
    found = track(exchanges, DAY, [later(release.text + ".", None, commitments=[release])])
    assert found.state != "kept"


@pytest.mark.parametrize("failed", [
    "The glacier negotiations in Quito have failed, the Peruvian minister said.",
    "The fifth round of talks ended on Friday in Quito without an agreement.",
    "Berg described the situation as a complete deadlock.",
])
def test_talks_that_failed_as_a_whole_stall_every_promise_under_way(failed: str) -> None:
    made = promise("agreed to establish a glacier monitoring mechanism", "climate")
    assert track(made, DAY, [later(failed, None)]).state == "stalled"
    tracker = Tracker()
    tracker.feed(Later(1, DAY, [], []), [(1, made)])
    tracker.feed(later(failed, None), [])
    assert tracker.results()[1].state == "stalled"
    # a promise kept stays kept, and a promise to refrain holds until broken
    done = later("The glacier monitoring mechanism was established.", None, n=2)
    assert track(made, DAY, [done, later(failed, None, n=3)]).state == "kept"
    refrain = promise("Peru pledged not to cause harm to the glacier", "climate")
    assert track(refrain, DAY, [later(failed, None)]).state == "open"


@pytest.mark.parametrize("sentence", [
    "Lima announced that the talks had failed, but mediators rescued them on Friday.",
    "The ministers broke the deadlock on fisheries.",
    "The fisheries talks in Quito ended with an agreement.",
])
def test_talks_rescued_or_a_deadlock_broken_stall_nothing(sentence: str) -> None:
    made = promise("agreed to establish a glacier monitoring mechanism", "climate")
    assert track(made, DAY, [later(sentence, None)]).state == "open"


@pytest.mark.parametrize(("sentence", "state"), [
    ("There is still no glacier monitoring mechanism.", "stalled"),
    ("A joint body is tasked with the glacier monitoring mechanism.", "progressing"),
])
def test_still_no_is_stalled_and_a_task_given_is_progress(sentence: str, state: str) -> None:
    made = promise("agreed to implement a glacier monitoring mechanism")
    assert track(made, DAY, [later(sentence, None)]).state == state


@pytest.mark.parametrize("sentence", [
    "Iceland and Peru had agreed in March to take people-centric steps on glacier ties.",
    "The presidents initially agreed to take people-centric steps on glacier ties.",
    "They agreed to take people-centric steps on glacier ties a year ago.",
    "At their previous summit the presidents agreed to take people-centric steps on "
    "glacier ties.",
])
def test_the_old_promise_told_again_is_no_renewal(sentence: str) -> None:
    made = promise("agreed to take people-centric steps to rebuild glacier ties")
    assert track(made, DAY, [later(sentence, None)]).state == "open"


@pytest.mark.parametrize("upheld", [
    "The envoys reaffirmed their commitment to the Quito Accord.",
    "Both delegations demonstrated their commitment to the letter and spirit of the Lima "
    "Declaration.",
])
def test_agreements_upheld_as_a_whole_put_every_open_promise_under_way(upheld: str) -> None:
    made = promise("agreed to open the glacier crossing to tourists", "territorial")
    assert track(made, DAY, [later(upheld, None)]).state == "progressing"
    tracker = Tracker()
    tracker.feed(Later(1, DAY, [], []), [(1, made)])
    tracker.feed(later(upheld, None), [])
    assert tracker.results()[1].state == "progressing"
    # only on the promise's topic (or none), and never over a state already read
    assert track(made, DAY, [later(upheld, "trade")]).state == "open"
    done = later("The glacier crossing was opened to tourists.", None, n=2)
    assert track(made, DAY, [done, later(upheld, None, n=3)]).state == "kept"


@pytest.mark.parametrize("sentence", [
    "Both reaffirmed their commitment to peace along the glacier.",
    # boilerplate that names no agreement decides no promise it does not name
    "The envoys reaffirmed their commitment to the agreements reached in earlier talks.",
])
def test_a_commitment_to_peace_or_to_unnamed_agreements_decides_nothing(sentence: str
                                                                        ) -> None:
    made = promise("agreed to open the glacier crossing to tourists", "territorial")
    assert track(made, DAY, [later(sentence, None)]).state == "open"


def test_an_action_of_a_list_with_its_own_cue_is_its_own() -> None:
    made = promise("They agreed to share their maps of the glacier, and reached an agreement "
                   "“to meet again in principle")
    assert action_words(made)[-2:] == ["|", "hold"]
    # a meeting held keeps the promise to meet again, wherever it stands in the list
    held = later("The Icelandic and Peruvian ministers met in Cusco on Monday.", None)
    assert track(made, DAY, [held]).state == "kept"
    tracker = Tracker()
    tracker.feed(Later(1, DAY, [], []), [(1, made)])
    tracker.feed(held, [])
    assert tracker.results()[1].state == "kept"
    # who is to meet says which meeting: another body's meeting is not it
    ministers = promise("The leaders agreed to advance glacier talks, adding that foreign "
                        "ministers will meet soon")
    assert "minister" in action_words(ministers)
    assert track(ministers, DAY, [later("The fisheries group has not met since December.",
                                        None)]).state == "open"


@pytest.mark.parametrize("made", [
    "agreed to meet again",
    "They agreed to share glacier maps, and reached an agreement “to meet again in principle",
])
def test_talks_that_concluded_or_took_place_are_a_meeting_held(made: str) -> None:
    held = later("The second round of talks in Cusco has concluded after an hour.", None)
    assert track(promise(made), DAY, [held]).state == "kept"
    tracker = Tracker()
    tracker.feed(Later(1, DAY, [], []), [(1, promise(made))])
    tracker.feed(held, [])
    assert tracker.results()[1].state == "kept"
    # talks to come are no meeting held
    plan = later("The second round of talks will take place in Cusco.", None)
    assert track(promise(made), DAY, [plan]).state == "open"


def test_the_action_ends_where_a_clause_of_when_begins() -> None:
    made = promise("Iceland and Peru agreed to reopen embassies after the two sides held talks "
                   "in Lima")
    assert action_words(made) == ["resum", "embassy"]
    # talks held in Lima are not the embassies reopened
    assert track(made, DAY, [later("The two sides held talks in Lima again.", None)]
                 ).state == "open"


def test_an_action_done_since_is_kept() -> None:
    made = promise("agreed to reopen embassies")
    since = later("The ministers met for the first time since reopening embassies in May.",
                  None)
    assert track(made, DAY, [since]).state == "kept"


@pytest.mark.parametrize(("made", "sentence", "state"), [
    # a promise to begin is kept by the beginning
    ("agreed to begin technical negotiations on the glacier",
     "Technical talks on the glacier began in Quito on Monday.", "kept"),
    ("agreed to begin technical negotiations on the glacier",
     "The first round of technical negotiations on the glacier was held.", "kept"),
    # a promise to finish is not
    ("agreed to conclude technical negotiations on the glacier",
     "Technical negotiations on the glacier began in Quito on Monday.", "progressing"),
])
def test_begun_keeps_a_promise_to_begin(made: str, sentence: str, state: str) -> None:
    assert track(promise(made), DAY, [later(sentence, None)]).state == state


def test_one_later_sentence_decides_only_the_promises_it_is_about() -> None:
    glacier = promise("agreed to resume glacier talks")
    fisheries = promise("agreed to resume fisheries talks")
    flights = promise("agreed to restart direct flights to Cusco")
    tracker = Tracker()
    tracker.feed(Later(1, DAY, [], []), [(1, glacier), (2, fisheries), (3, flights)])
    tracker.feed(later("Iceland and Peru resumed glacier talks in Quito.", None), [])
    found = tracker.results()
    assert [found[k].state for k in (1, 2, 3)] == ["kept", "open", "open"]


def test_one_sides_reaffirmation_upholds_nothing() -> None:
    made = promise("agreed to open the glacier crossing to tourists", "territorial")
    one = later("Peru reiterated its commitment to the Quito Accord.", None)
    assert track(made, DAY, [one]).state == "open"


def test_a_walk_taken_back_from_storage_goes_on_as_the_whole_walk() -> None:
    """Failed talks stall only a promise still open or under way: one kept before the walk
    was stored stays kept when the walk goes on (Tracker.resume), as in a whole walk."""
    made = promise("agreed to establish a glacier monitoring mechanism", "climate")
    history = [
        (Later(1, DAY, [], []), [(1, made)]),
        (later("The glacier monitoring mechanism was established.", None, n=2), []),
        (later("The glacier talks ended without an agreement.", None, n=3), []),
    ]
    whole = Tracker()
    for meeting, new in history:
        whole.feed(meeting, new)
    first = Tracker()
    for meeting, new in history[:2]:
        first.feed(meeting, new)
    stored = first.results()[1]
    assert stored.state == "kept"
    resumed = Tracker()
    resumed.resume(1, made, stored)
    resumed.feed(*history[2])
    assert resumed.results()[1] == whole.results()[1]
    assert whole.results()[1].state == "kept"


# --- a promise whose action is the next meeting itself (store/followup.py) -------------

def met(n: int, location: str | None, *opening: str) -> Later:
    return Later(n, date(2025, 4, n), [(None, s) for s in opening], [], location)


@pytest.mark.parametrize("text", [
    "Iceland and Peru agreed to resume the dialogue",
    "Both sides will hold their next summit",
    "Both sides agreed to meet again at an early date",
    "They agreed to continue the talks on any other outstanding issues",
    "The next round is expected to be held in the spring",
])
def test_a_promise_to_meet_is_kept_by_the_later_meeting_in_any_words(text: str) -> None:
    # the later article shares no word of the action: the meeting itself keeps it
    later_meeting = met(2, "Lima", "Varga and Okafor sat down in Lima on Saturday for "
                        "their annual leaders' gathering.", "Fisheries were discussed.")
    found = track(promise(text), DAY, [later_meeting])
    assert (found.state, found.evidence_meeting_id) == ("kept", 2)
    assert found.evidence.startswith("Varga and Okafor sat down")
    tracker = Tracker()
    tracker.feed(Later(1, DAY, [], []), [(1, promise(text))])
    tracker.feed(later_meeting, [])
    assert tracker.results()[1].state == "kept"


@pytest.mark.parametrize("text", [
    "agreed to hold talks on fishing quotas",  # talks about a thing: its words decide
    "agreed to resume military talks",
    "agreed to continue the truce",
    "agreed to hold a prisoner exchange",
])
def test_a_promise_about_a_thing_is_not_kept_by_any_meeting(text: str) -> None:
    later_meeting = met(2, "Lima", "Varga and Okafor met in Lima on Saturday.")
    assert track(promise(text), DAY, [later_meeting]).state == "open"


def test_a_promised_place_must_be_where_the_pair_met() -> None:
    visit = promise("Okafor plans to visit Reykjavik next spring")
    opening = "Varga received Okafor for talks on Monday."
    assert track(visit, DAY, [met(2, "Reykjavik", opening)]).state == "kept"
    assert track(visit, DAY, [met(2, "Lima", opening)]).state == "open"
    assert track(visit, DAY, [met(2, None, opening)]).state == "open"
    # a country promised, a city of it met in (its capital)
    iceland = promise("Okafor accepted an invitation to visit Iceland")
    assert track(iceland, DAY, [met(2, "Reykjavik", opening)]).state == "kept"
    # the adjective of a country is no place ("Icelandic harbours")
    assert track(promise("will allow Peruvian sailors to visit Icelandic harbours"), DAY,
                 [met(2, "Reykjavik", opening)]).state == "open"


def test_who_is_to_meet_must_be_told_in_the_later_opening() -> None:
    made = meet_promise("The leaders agreed that foreign ministers will meet in coming weeks",
                        _content_stem)
    assert made is not None and made.roles == ("foreign", "minister")
    deputies = ["The deputy prime ministers met at the border.",
                "The Foreign Ministry said they discussed procedure."]
    def kept(opening: list[str]) -> str:
        assert made is not None
        return kept_by(made, "Lima", read_opening(opening, _content_stem), _content_stem)
    assert kept(deputies) == ""
    assert kept(["The leaders met in Lima.", "Foreign ministers will meet soon."]) == ""
    told = ["The foreign ministers met in Lima on Friday."]
    assert kept(told) == told[0]


def test_a_listed_promise_is_named_by_its_first_action_only() -> None:
    made = promise("agreed to restore calls between rangers and to open a glacier museum")
    assert track(made, DAY, [later("The glacier museum was opened in May.", None)]
                 ).state == "open"
    assert track(made, DAY, [later("Calls between rangers were restored in May.", None)]
                 ).state == "kept"


@pytest.mark.parametrize(("opening", "state"), [
    ("The Joint Glacier Commission held its inaugural meeting in Lima on Monday.", "kept"),
    ("Ministers convened the first session of the glacier commission.", "kept"),
    ("The glacier commission will meet for the first time next month.", "open"),  # a plan
    ("A joint fisheries commission held its first meeting.", "open"),  # another body
    ("They discussed the glacier.", "open"),
])
def test_a_body_promised_is_kept_by_its_own_later_meeting(opening: str, state: str) -> None:
    made = promise("Both sides agreed to promptly establish a joint glacier commission "
                   "comprising their foreign ministers")
    assert track(made, DAY, [met(2, "Lima", opening)]).state == state


def test_a_body_set_up_in_a_list_point_is_kept_when_told_established() -> None:
    made = promise("Establish an interim ranger team, led by Chile")
    told = met(2, None, "The interim ranger team was established on Monday.")
    assert track(made, DAY, [told]).state == "kept"
    assert track(made, DAY, [met(2, None, "The rangers patrolled.")]).state == "open"


def test_progress_told_before_a_new_promise_is_news_of_the_old_one() -> None:
    # a recap, then a new promise: the recap tells the old promise under way, or done
    assert read_state("The two sides noted the progress made by the river commission, and "
                      "will keep up joint patrols.") == "progressing"
    assert read_state("The two sides noted the progress made by the river commission since it "
                      "was set up in May, and will keep up joint patrols.") == "kept"
    # a promise first is a new commitment, not news of the old one
    assert read_state("The two sides agreed to step up preparations for the commission.") is None
