"""Tracker rules on who meets and what talks are about (store/commitments.py), in our own
sentences."""

from __future__ import annotations

from datetime import date

import pytest

from store.commitments import Later, Tracker, stem, track
from store.models import Commitment

DAY = date(2025, 3, 3)


def promise(text: str, topic: str | None = None) -> Commitment:
    return Commitment(parties=["Iceland", "Peru"], topic=topic, start=0, end=1, text=text)


def later(*sentences: str, n: int = 2) -> Later:
    return Later(n, date(2025, 4, n), [(None, s) for s in sentences], [])


def state_of(made: Commitment, meeting: Later) -> str:
    """The state the tracker's walk gives, which `track` must give too."""
    found = _walked(made, meeting)
    assert track(made, DAY, [meeting]).state == found
    return found


def _walked(made: Commitment, meeting: Later) -> str:
    tracker = Tracker()
    tracker.feed(Later(1, DAY, [], []), [(1, made)])
    tracker.feed(meeting, [])
    return tracker.results()[1].state



def test_talks_to_go_on_about_a_thing_are_not_kept_by_a_meeting_on_another() -> None:
    made = promise("agreed to continue negotiations on ending the fishing dispute")
    other = later("The meeting, held at the embassy in Lima, followed earlier talks on "
                  "visas.")
    assert state_of(made, other) == "open"
    # talks to go on about nothing in particular are kept by any meeting held
    vague = promise("agreed to continue the dialogue on other outstanding issues")
    assert track(vague, DAY, [other]).state == "kept"


def test_a_numbered_meeting_promised_is_kept_by_that_meeting_held() -> None:
    made = promise("Ruiz and Olafsson also agreed to hold the 9th Peru-Iceland Annual "
                   "Consultations next month")
    held = later("Iceland and Peru did not discuss the quota plan during their 9th Annual "
                 "Consultation in Lima on Tuesday.")
    assert state_of(made, held) == "kept"


def test_talks_of_every_meeting_do_not_name_the_particular_talks_promised() -> None:
    made = promise("Iceland and Peru agree to hold high-level fisheries talks following "
                   "Ruiz's visit to Lima")
    other = later("The two countries held a high-level economic dialogue on Saturday.",
                  "It was the first meeting of its kind, attended by Ruiz and Olafsson.")
    assert state_of(made, other) == "open"
    theirs = later("The two countries held high-level fisheries talks on Saturday.")
    assert state_of(made, theirs) == "kept"


def test_british_and_american_spellings_are_one_word() -> None:
    assert stem("normalisation") == stem("normalization")
    assert stem("organised") == stem("organized")
    assert stem("stabilising") == stem("stabilizing")
    # words whose "s" is no spelling
    assert stem("promise") != stem("promize") and stem("exercise") == "exercis"


def test_a_promise_to_go_on_is_kept_while_the_thing_goes_on() -> None:
    made = promise("they restated their agreement to continue the reconciliation process "
                   "without conditions", "relations")
    going = later("Both envoys reiterated their dedication to continuing the reconciliation "
                  "process without any conditions.")
    assert state_of(made, going) == "kept"


def test_a_sentence_naming_the_whole_action_tells_of_it_on_any_topic() -> None:
    # the promise was read on one topic, the later paragraph on another
    made = promise("agreed to resume naval liaison flights", "trade")
    told = Later(2, date(2025, 4, 2), [("defence", "Naval liaison flights resumed in May.")],
                 [])
    assert state_of(made, told) == "kept"
    # a sentence that names part of it stays on its own topic
    part = Later(2, date(2025, 4, 2), [("defence", "Liaison flights resumed in May.")], [])
    assert state_of(made, part) == "open"


def test_a_document_signed_on_the_action_keeps_it_whatever_is_promised_next() -> None:
    made = promise("Iceland and Peru agreed to improve the fisheries hotline to manage "
                   "incidents at sea")
    signed = later("Ruiz and Olafsson signed the Memorandum on Improving the Fisheries Hotline "
                   "and agreed to discuss how to staff it.")
    assert state_of(made, signed) == "kept"
    # a document on something else keeps nothing; one not yet signed is no news of it
    other = later("Ruiz and Olafsson signed a memorandum on tourism and agreed to improve "
                  "the fisheries hotline.")
    assert state_of(made, other) != "kept"
    unsigned = later("They have not signed the memorandum on improving the fisheries hotline.")
    assert state_of(made, unsigned) == "stalled"


@pytest.mark.parametrize(("made", "keeps", "does_not"), [
    # who is to meet, named: other officials' meeting is not theirs
    ("The foreign ministers will meet in the coming weeks",
     "The foreign ministers of Iceland and Peru held talks in Quito on Monday.",
     "Deputy prime ministers Ana Ruiz and Jon Olafsson held talks in Quito on Monday."),
    # a meeting of a body: kept when the body (its head noun) is told meeting
    ("The first joint meeting of the fisheries commissions will take place at the border in "
     "the coming days",
     "Deputy ministers Ana Ruiz and Jon Olafsson held the talks at the border a day after "
     "being named heads of the two fisheries commissions.",
     "Deputy ministers Ana Ruiz and Jon Olafsson held talks at the border."),
    # a body made of named officials meets when they meet
    ("The two leaders agreed on forming a joint commission comprising the foreign ministers "
     "and coast guard chiefs of both countries to handle disputes",
     "The foreign ministers of Iceland and Peru, with their coast guard chiefs, concluded a "
     "meeting in Lima on Thursday.",
     "The trade ministers of Iceland and Peru concluded a meeting in Lima on Thursday."),
    # two verbs of meeting joined by "or": a promise to meet; a plan keeps nothing
    ("Iceland and Peru agreed to start or restart dialogue in six areas",
     "Welcome to Lima, minister, for the fifth Iceland-Peru Strategic Dialogue.",
     "The two ministers will hold the fifth Strategic Dialogue in May."),
], ids=["who-meets", "body-meeting", "body-members", "start-or-resume"])
def test_a_promise_to_meet_is_kept_by_the_meeting_promised_only(made: str, keeps: str,
                                                                does_not: str) -> None:
    assert state_of(promise(made), later(keeps)) == "kept"
    assert state_of(promise(made), later(does_not)) == "open"
