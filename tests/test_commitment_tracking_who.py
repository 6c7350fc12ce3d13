"""Tracker rules on who meets and what talks are about (store/commitments.py), in our own
sentences."""

from __future__ import annotations

from datetime import date

from store.commitments import Later, Tracker, stem, track
from store.models import Commitment

DAY = date(2025, 3, 3)


def promise(text: str, topic: str | None = None) -> Commitment:
    return Commitment(parties=["Iceland", "Peru"], topic=topic, start=0, end=1, text=text)


def later(*sentences: str, n: int = 2) -> Later:
    return Later(n, date(2025, 4, n), [(None, s) for s in sentences], [])


def walked(made: Commitment, meeting: Later) -> str:
    tracker = Tracker()
    tracker.feed(Later(1, DAY, [], []), [(1, made)])
    tracker.feed(meeting, [])
    return tracker.results()[1].state


def test_a_meeting_promised_of_named_officials_is_not_kept_by_other_officials() -> None:
    made = promise("The foreign ministers will meet in the coming weeks")
    deputies = later("Deputy prime ministers Ana Ruiz and Jon Olafsson held talks in Quito on "
                     "Monday.")
    assert track(made, DAY, [deputies]).state == "open"
    assert walked(made, deputies) == "open"
    theirs = later("The foreign ministers of Iceland and Peru held talks in Quito on Monday.")
    assert track(made, DAY, [theirs]).state == "kept"
    assert walked(made, theirs) == "kept"


def test_talks_to_go_on_about_a_thing_are_not_kept_by_a_meeting_on_another() -> None:
    made = promise("agreed to continue negotiations on ending the fishing dispute")
    other = later("The meeting, held at the embassy in Lima, followed earlier talks on "
                  "visas.")
    assert track(made, DAY, [other]).state == "open"
    assert walked(made, other) == "open"
    # talks to go on about nothing in particular are kept by any meeting held
    vague = promise("agreed to continue the dialogue on other outstanding issues")
    assert track(vague, DAY, [other]).state == "kept"


def test_a_numbered_meeting_promised_is_kept_by_that_meeting_held() -> None:
    made = promise("Ruiz and Olafsson also agreed to hold the 9th Peru-Iceland Annual "
                   "Consultations next month")
    held = later("Iceland and Peru did not discuss the quota plan during their 9th Annual "
                 "Consultation in Lima on Tuesday.")
    assert walked(made, held) == "kept"


def test_talks_of_every_meeting_do_not_name_the_particular_talks_promised() -> None:
    made = promise("Iceland and Peru agree to hold high-level fisheries talks following "
                   "Ruiz's visit to Lima")
    other = later("The two countries held a high-level economic dialogue on Saturday.",
                  "It was the first meeting of its kind, attended by Ruiz and Olafsson.")
    assert walked(made, other) == "open"
    assert track(made, DAY, [other]).state == "open"
    theirs = later("The two countries held high-level fisheries talks on Saturday.")
    assert walked(made, theirs) == "kept"


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
    assert track(made, DAY, [going]).state == "kept"
    assert walked(made, going) == "kept"


def test_a_sentence_naming_the_whole_action_tells_of_it_on_any_topic() -> None:
    # the promise was read on one topic, the later paragraph on another
    made = promise("agreed to resume naval liaison flights", "trade")
    told = Later(2, date(2025, 4, 2), [("defence", "Naval liaison flights resumed in May.")],
                 [])
    assert track(made, DAY, [told]).state == "kept"
    assert walked(made, told) == "kept"
    # a sentence that names part of it stays on its own topic
    part = Later(2, date(2025, 4, 2), [("defence", "Liaison flights resumed in May.")], [])
    assert track(made, DAY, [part]).state == "open"
    assert walked(made, part) == "open"


def test_a_document_signed_on_the_action_keeps_it_whatever_is_promised_next() -> None:
    made = promise("Iceland and Peru agreed to improve the fisheries hotline to manage "
                   "incidents at sea")
    signed = later("Ruiz and Olafsson signed the Memorandum on Improving the Fisheries Hotline "
                   "and agreed to discuss how to staff it.")
    assert track(made, DAY, [signed]).state == "kept"
    assert walked(made, signed) == "kept"
    # a document on something else keeps nothing; one not yet signed is no news of it
    other = later("Ruiz and Olafsson signed a memorandum on tourism and agreed to improve "
                  "the fisheries hotline.")
    assert walked(made, other) != "kept"
    unsigned = later("They have not signed the memorandum on improving the fisheries hotline.")
    assert walked(made, unsigned) == "stalled"


def test_a_meeting_of_a_body_promised_is_kept_when_the_body_meets() -> None:
    made = promise("The first joint meeting of the fisheries commissions will take place at "
                   "the border in the coming days")
    met = later("Deputy ministers Ana Ruiz and Jon Olafsson held the talks at the border a "
                "day after being named heads of the two fisheries commissions.")
    assert walked(made, met) == "kept"
    assert track(made, DAY, [met]).state == "kept"
    # a meeting that names no commission is not the commissions'
    other = later("Deputy ministers Ana Ruiz and Jon Olafsson held talks at the border.")
    assert walked(made, other) == "open"


def test_a_body_made_of_named_officials_meets_when_they_meet() -> None:
    made = promise("The two leaders agreed on forming a joint commission comprising the "
                   "foreign ministers and coast guard chiefs of both countries to handle "
                   "disputes")
    met = later("The foreign ministers of Iceland and Peru, with their coast guard chiefs, "
                "concluded a meeting in Lima on Thursday.")
    assert walked(made, met) == "kept"
    others = later("The trade ministers of Iceland and Peru concluded a meeting in Lima on "
                   "Thursday.")
    assert walked(made, others) == "open"


def test_a_promise_of_two_verbs_of_meeting_is_one_to_meet() -> None:
    made = promise("Iceland and Peru agreed to start or restart dialogue in six areas")
    held = later("Welcome to Lima, minister, for the fifth Iceland-Peru Strategic Dialogue.")
    assert walked(made, held) == "kept"
    plan = later("The two ministers will hold the fifth Strategic Dialogue in May.")
    assert walked(made, plan) == "open"
