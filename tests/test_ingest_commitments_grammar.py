"""Commitments by grammar: the promise forms of diplomatic prose, in our own sentences about
invented officials (Hungary's Lena Varga, Austria's Max Huber)."""

from __future__ import annotations

import time

from store.ingest import extract

HEAD = ("Talks in Vienna\n\nBy a staff writer June 5, 2024\n\n"
        "Hungarian Foreign Minister Lena Varga met Austrian Chancellor Max Huber in Vienna "
        "on Wednesday for talks on trade and the border.\n\n")


def texts(body: str, head: str = HEAD) -> list[str]:
    return [c.text for c in extract(head + body).commitments]


def parties(body: str) -> list[list[str]]:
    return [c.parties for c in extract(HEAD + body).commitments]


def test_a_promise_whose_object_is_any_noun_phrase() -> None:
    assert texts("Huber promised careful study of the river dispute.\n")
    assert texts('Varga promised "serious reflection" on the shared past.\n')
    assert texts("Both sides pledged continued dialogue on the border.\n")
    assert parties("Huber spoke in Vienna, pledging steady deliveries of gas to Budapest.\n"
                   ) == [["Austria"]]
    # a promise made to someone, or one told as done before: no object of its own
    assert texts("Huber promised him nothing.\n") == []
    assert texts("As Huber promised in March, the bridge opened.\n") == []


def test_the_present_tense_of_a_headline_and_an_infinitive_in_quotes() -> None:
    assert texts("The two ministers resolve to keep the border open to trade.\n")
    assert texts("Both sides agree to maintain the current fishing quotas.\n")
    assert texts('Varga promised to "break the deadlock" over the pipeline.\n')
    # a noun, not a promise: "our resolve to", "a firm resolve"
    assert texts("Huber said our resolve to defend the border is strong.\n") == []


def test_a_promise_in_a_noun_given_or_reached() -> None:
    assert texts("The two ministers gave their commitment to observe the river treaty.\n")
    assert texts("The talks resulted in a consensus to sustain dialogue on water.\n")
    assert texts("Varga and Huber reached an understanding to share flood data.\n")


def test_documents_signed_adopted_or_approved_in_either_voice() -> None:
    assert texts("The delegations approved more than ten documents on rail links.\n")
    assert texts("Officials said memoranda of intent were signed on health and schools.\n")
    # the documents named in quotation marks
    assert texts('Officials said "declarations of intent" were signed on rail and ports.\n')
    assert texts("The two governments adopted a protocol on border checks.\n")
    # "the documents were read out": nothing agreed
    assert texts("The documents were read out to the press.\n") == []


def test_something_made_by_the_meeting_in_the_passive_future() -> None:
    assert texts("Varga said a new commission will be set up for river trade.\n")
    assert texts("A hotline between the ministries will be established next month.\n")
    # a forecast, not a thing the meeting makes
    assert texts("Prices will be higher next year.\n") == []


def test_assured_or_agreed_that_with_a_modal() -> None:
    assert texts("Huber has assured that Hungarian trucks will cross without delay.\n")
    assert texts("The two leaders agreed that both countries should work against "
                 "smuggling.\n")
    # an assurance of a present state is a stance, not a promise
    assert texts("Huber assured the press that Austria was calm.\n") == []


def test_a_day_before_the_meeting_tells_an_earlier_promise() -> None:
    # the meeting is on Wednesday June 5, 2024
    assert texts("On May 12, the ministers agreed to a truce on the river.\n") == []
    assert texts("The two sides agreed on a truce on 12 May in Graz.\n") == []
    # a later day is when the promise is due
    assert texts("Huber will travel to Budapest on June 20 for a state visit.\n")
    assert texts("On June 5 the two sides agreed to reopen the Sopron crossing.\n")


def test_the_headline_and_deck_carry_promises_too() -> None:
    head = ("Hungary, Austria agree to reopen border crossing\n\n"
            "Both sides pledge to restore rail links by the end of the year\n\n"
            "By a staff writer June 5, 2024\n\n")
    body = ("VIENNA - Hungarian Foreign Minister Lena Varga met Austrian Chancellor Max "
            "Huber in Vienna on Wednesday for talks on trade and the border.\n")
    got = texts(body, head)
    assert any("agree to reopen border crossing" in t for t in got)
    assert any("restore rail links" in t for t in got)


def test_a_promise_in_a_noun_refused_is_none() -> None:
    assert texts("Budapest gave no commitment to cut gas imports.\n") == []
    assert texts("The talks did not reach any consensus to share flood data.\n") == []


def test_the_points_of_a_list_the_two_sides_agreed_on() -> None:
    got = extract(HEAD + "Both sides agreed on the following points:\n\n"
                  "1. Reopen the crossing at Sopron within two weeks;\n\n"
                  "2. Set up a joint patrol on the river, led by Austria.\n\n"
                  "The talks ended at noon.\n").commitments
    assert [c.text for c in got] == ["Reopen the crossing at Sopron within two weeks",
                                     "Set up a joint patrol on the river, led by Austria"]
    assert got[0].due == "within two weeks" and got[0].parties == ["Austria", "Hungary"]


def test_agreeing_with_a_person_and_a_text_that_binds_both() -> None:
    assert texts("Huber said he agrees with Varga on resuming rail freight.\n")
    assert texts("The two sides reached a consensus on resuming ministerial visits.\n")
    assert texts("The declaration commits both countries to settle disputes by talks.\n")


def test_a_meeting_fixed_in_time_is_a_promise() -> None:
    assert texts("The next round of talks will be held in Graz in the autumn.\n")
    assert texts("A follow-up meeting is scheduled within one month.\n")
    # a forecast of something else is not
    assert texts("Gas prices are expected to rise in the winter.\n") == []


def test_a_side_announcing_what_it_will_change() -> None:
    assert parties("Varga said Hungary will suspend the new road toll for Austrian "
                   "trucks.\n") == [["Hungary"]]
    assert texts("Huber said Austria will reciprocate by lowering its own fees.\n")
    # a stance of what a side keeps doing is not a promise of this meeting
    assert texts("Huber said Austria would keep using border checks if needed.\n") == []


def test_a_visit_made_to_sign_agreements() -> None:
    assert texts("Varga visited Vienna this week to sign cooperation agreements with "
                 "Huber.\n")
    # hoped for, not the purpose of a visit made
    assert texts("Huber hopes to sign three agreements with Hungary one day.\n") == []


def test_a_headline_told_again_in_the_body_is_one_promise() -> None:
    head = ("Hungary, Austria agree to reopen border crossing\n\n"
            "By a staff writer June 5, 2024\n\n")
    body = ("VIENNA - Hungarian Foreign Minister Lena Varga met Austrian Chancellor Max "
            "Huber in Vienna on Wednesday.\n\nThe two sides agreed to reopen the border "
            "crossing at Sopron next month.\n")
    got = extract(head + body).commitments
    assert [(c.text, c.due) for c in got] == [
        ("The two sides agreed to reopen the border crossing at Sopron next month",
         "next month")]


def test_a_vague_intention_to_improve_relations_is_no_commitment() -> None:
    # ANNOTATION.md counts no vague intention: the relations in general, nothing named
    assert texts("The two ministers agreed to further enhance bilateral cooperation "
                 "between the two nations.\n") == []
    assert texts("Varga and Huber agreed to deepen bilateral ties as the two countries "
                 "prepare for an anniversary next year.\n") == []
    assert texts("Varga and Huber Agree to Strengthen Bilateral Cooperation in Phone Call\n",
                 head="") == []
    # a field named is a promise
    assert texts("The two ministers agreed to boost river freight cooperation.\n")
    assert texts("Varga and Huber agreed to expand cooperation in flood defence.\n")


def test_agreement_on_unnamed_issues_or_on_an_urgency_is_no_commitment() -> None:
    assert texts("The two sides reached agreement on some specific issues.\n") == []
    assert texts("The ministers agreed on the urgency of concluding the border talks.\n") == []
    assert texts("The two sides reached agreement on a joint river patrol.\n")


def test_an_agreement_named_after_a_preposition_is_a_standing_document() -> None:
    assert texts("Huber said Austria could consider rejoining the river deal if Budapest "
                 "complies with the agreement to open the rail corridor to freight.\n") == []
    assert texts("Varga praised the ratification of the agreement on river fishing.\n") == []
    # the agreement this meeting made
    assert texts("The ministers hailed today's agreement on river fishing quotas.\n")
    assert texts("The talks produced an agreement for joint patrols on the river.\n")


def test_a_promise_told_as_the_past_or_as_a_standing_stance() -> None:
    assert texts("Huber landed in Budapest two years after promising to close the border, "
                 "a pledge he later dropped.\n") == []
    assert texts("Varga and Huber met for the first time since they agreed on the draft "
                 "of the river treaty.\n") == []
    assert texts('"Austria is fully, firmly, and completely committed to the partnership," '
                 "Huber told Varga.\n") == []


def test_a_hope_or_a_hypothetical_reported_with_would() -> None:
    assert texts("Huber told Varga that he hoped they would finalise the pipeline deal.\n") == []
    assert texts("Varga is pushing for a new strategy that would allow the bloc to reach a "
                 "compromise.\n") == []
    # a scheme made known, not wanted: what it "would allow" is what was decided
    assert texts("Huber also revealed a scheme that would allow Hungarian citizens to cross "
                 "the river without visas.\n")
    # reported speech shifts "will" back to "would": the promise is made
    assert texts("Huber said Austria would reopen the border crossing at Hegyeshalom.\n")


def test_officials_set_a_task_by_their_leaders() -> None:
    assert parties("Varga and Huber instructed their delegations to continue work on the "
                   "river border.\n") == [["Austria", "Hungary"]]
    assert texts("Huber tasked his ministers to draft a rail timetable with Budapest.\n")
    # an instruction told as not given is none
    assert texts("Varga never instructed her officials to close the crossing.\n") == []


def test_a_consensus_reached_in_the_present_perfect_is_this_meetings() -> None:
    # "have agreed" and its noun form "have reached a consensus" tell the meeting's news
    assert texts("Varga and Huber have reached a consensus on resuming the river ferry.\n")
    # a one-sided vow in the present perfect is one that already stands
    assert texts("The government has vowed to cut the road toll.\n") == []


def test_one_side_named_as_the_subject_of_will_is_the_party() -> None:
    body = ("According to the joint statement, Hungary will lift the extra duty on Austrian "
            "timber for 90 days while retaining the base rate, and will remove the quota on "
            "Austrian dairy goods. Austria will reciprocate by lowering its fees on "
            "Hungarian wine.\n")
    got = extract(HEAD + body).commitments
    assert [(c.text.split()[0], c.parties) for c in got] == [
        ("According", ["Hungary"]), ("According", ["Hungary"]), ("Austria", ["Austria"])]
    # the coordinated verb is shown with the subject it shares
    assert got[1].text == ("According to the joint statement, Hungary will remove the quota "
                           "on Austrian dairy goods")
    # a country that is not a side of the meeting promises nothing here
    assert texts("Slovakia will lift the extra duty on Austrian timber.\n") == []


def test_the_month_may_is_no_modal_and_a_date_in_a_promise_is_no_other_meeting() -> None:
    head = HEAD.replace("June 5, 2024", "May 12, 2025")
    # "by May 14": the month, not "may" (a hope)
    assert texts("By May 14, Hungary will lift the extra duty on Austrian timber.\n", head)
    assert texts("Hungary may lift the extra duty on Austrian timber.\n", head) == []
    # a day inside what is promised is a reference, not the day it was promised
    assert texts("Hungary will remove the duties imposed under the decree of April 8.\n", head)
    # a day after a past verb is when it was agreed: another meeting's promise
    assert texts("Hungary and Austria agreed on a ceasefire on April 8.\n", head) == []


def test_a_trip_beyond_the_pair_or_the_days_schedule_is_no_promise() -> None:
    # a trip to the other side is a promise to it; one elsewhere is an itinerary
    assert texts("Varga will travel to Vienna again in the autumn to open the new bridge.\n")
    assert texts("From Vienna, Varga will travel to Prague in Czechia to attend a summit of "
                 "central European leaders.\n") == []
    # a meeting promised has a time or comes again; the visit's own schedule does not
    assert texts("After lunch, Varga will meet Huber's deputy, followed by a dinner.\n") == []
    assert texts("The two ministers will meet again in Budapest.\n")
    [due] = [c.due for c in extract(HEAD + "The two ministers agreed that the river "
                                    "commissioners will meet at an early date.\n").commitments]
    assert due == "at an early date"


def test_a_general_good_as_the_whole_goal_or_a_habit_is_no_promise() -> None:
    assert texts("Varga and Huber pledge to 'work together for lasting peace'\n",
                 head="") == []
    assert texts("Both ministers confirmed that they will work for the common prosperity "
                 "of the two countries.\n") == []
    # something named to do is a promise
    assert texts("Varga and Huber pledged to work together on a new rail link.\n")
    # the habitual "will always" is a standing stance
    assert texts("Huber assured Varga that Austria will always defend free transit.\n") == []
    assert texts("Huber assured Varga that Austria will reopen the transit route.\n")


def test_a_quoted_infinitive_and_a_headline_signing() -> None:
    assert texts('The declaration commits both countries "to refrain from any act likely to '
                 'harm the peace."\n')
    assert texts('The two ministers agreed "to keep the border open to trade."\n')
    assert texts("", head=HEAD.replace("Talks in Vienna", "Varga, Huber sign river treaty "
                                       "between Hungary and Austria")) == [
        "Varga, Huber sign river treaty between Hungary and Austria"]
    # a signing hoped for, or planned, is not made
    assert texts("Varga said Hungary could sign a river treaty with Austria one day.\n") == []
    assert texts("Huber hopes to sign three agreements with Hungary one day.\n") == []


def test_a_list_of_promises_is_one_commitment_per_action() -> None:
    got = texts("The two sides agreed to resume flights, reopen consulates and hold talks on "
                "river tolls in coming weeks.\n")
    # (an action opens at its coordinator: "and hold talks")
    # (each reads on its own: the clause's subject and verb carried over)
    assert got == ["The two sides agreed to resume flights",
                   "The two sides agreed to reopen consulates",
                   "The two sides agreed to hold talks on river tolls in coming weeks"]
    got = texts("Varga and Huber agreed to set up a joint commission and will issue a joint "
                "statement, and to advocate for a new bridge at Sopron.\n")
    assert got == ["Varga and Huber agreed to set up a joint commission",
                   "Varga and Huber will issue a joint statement",
                   "Varga and Huber agreed to advocate for a new bridge at Sopron"]
    # a list of nouns after one verb is one action
    assert texts("The two sides agreed to expand trade and investment in the border "
                 "region.\n") == [
        "The two sides agreed to expand trade and investment in the border region"]
    # a due time at the end of the clause is each action's when it has none of its own
    [first, second] = extract(HEAD + "Both sides pledged to reopen the crossing and restore "
                              "the ferry by the end of the year.\n").commitments
    assert (first.due, second.due) == ("by the end of the year", "by the end of the year")


def test_a_vague_hope_in_a_list_is_left_out_and_the_rest_kept() -> None:
    assert texts("Varga and Huber agreed on Monday to try to stabilise the strained "
                 "relationship between the two neighbours and to keep ministers visiting each "
                 "other.\n") == ["Varga and Huber agreed on Monday to keep ministers visiting "
                                 "each other"]
    # "open" before a noun is an adjective, not a new action
    assert texts("The two sides agreed to defend a free and open river order.\n") == [
        "The two sides agreed to defend a free and open river order"]


def test_a_bare_infinitive_of_agreeing_is_a_demand_not_a_promise() -> None:
    assert texts('Huber said the two countries called on the rebels to "agree to a ceasefire '
                 'on the river".\n') == []


def test_an_event_that_will_take_place_is_fixed_unless_a_relative_clause_describes_it() -> None:
    assert texts("The first joint meeting of the river commissions will take place in Sopron "
                 "in the coming days.\n")
    assert texts("Varga said the prisoner swap would take place soon.\n")
    assert texts("Huber spoke on the eve of the Danube summit that will take place in "
                 "Belgrade.\n") == []
    # a long subject between "agreed that" and its "will"
    assert texts("The two leaders agreed that the next meeting of the High-Level Council of "
                 "Cooperation between Hungary and Austria will take place in Vienna.\n")


def test_more_promise_forms_of_readouts() -> None:
    # adverbials between the verb and its infinitive
    assert texts("The two sides agreed in principle to resume direct ferry services.\n")
    assert texts("Hungary and Austria agreed early on Friday morning to extend the truce on "
                 "the river.\n")
    # a promise renewed in a noun
    assert texts("Both sides reiterated their dedication to continuing the border talks "
                 "without preconditions.\n")
    # decided with someone's help
    assert texts("Varga said the two parties decided with Slovakia's facilitation to begin "
                 "technical negotiations by the end of the year.\n")
    # reported speech shifts the tense back after any verb of saying
    assert texts("Huber confirmed that Hungary and Austria had agreed to form joint "
                 "committees.\n")
    assert parties("The statement confirmed both countries would designate new "
                   "ambassadors.\n") == [["Austria", "Hungary"]]
    # a joint decision in the present perfect is the meeting's; one side's vow is older
    assert texts("Both countries have decided to resume the river pilgrimage.\n")


def test_a_promise_of_another_event_a_day_before_is_not_this_meetings() -> None:
    assert texts("Their meeting came a day after a regional summit, during which the leaders "
                 "reiterated their commitment to open borders.\n") == []


def test_exchanging_views_is_an_agenda_not_a_promise() -> None:
    assert texts("Varga said she will exchange views on the river with Huber.\n") == []
    assert texts("The two sides will exchange prisoners next week.\n")


def test_a_promise_told_in_the_passive_with_what_was_agreed() -> None:
    assert texts("An agreement was reached to resume direct flights between the capitals.\n")
    assert texts("A deal on fishing quotas was reached after four hours of talks.\n")
    assert texts("Agreement was also reached on a joint patrol of the river.\n")
    # negated, or naming nothing new ("the agreement" told again, with no content)
    assert texts("No agreement was reached on the river dispute.\n") == []
    assert texts("A deal on the river has not been reached.\n") == []
    assert texts("The agreement was reached during a meeting of the border committee.\n") == []


def test_every_verb_of_agreeing_or_deciding_and_a_decision_made_known() -> None:
    assert texts("The two sides consented to a prisoner exchange.\n")
    assert texts("Varga and Huber decided on the creation of a border council.\n")
    assert texts("Varga announced Hungary's decision to join the river pact.\n")
    # a request or an invitation accepted is a promise to do it
    assert parties("Huber accepted an invitation to visit Budapest in the autumn.\n") == [
        ["Austria"]]
    assert texts("Huber accepted Varga's proposal to hold monthly talks on water.\n")
    # how it was decided is not what
    assert texts("Huber said all issues were decided on the basis of law.\n") == []
    assert texts("Huber declined an invitation to visit Budapest.\n") == []


def test_a_promise_not_to_act_and_a_promise_in_a_that_clause() -> None:
    assert parties("Austria pledged not to deploy troops near the border.\n") == [["Austria"]]
    assert texts("The two sides agreed not to raise tariffs on farm goods this year.\n")
    assert texts("Both sides committed themselves to a ceasefire along the river.\n")
    assert parties("Huber pledged that his government would pay for the bridge.\n") == [
        ["Austria"]]
    assert texts("Varga vowed that Hungary would reopen the ferry line.\n")
    # a that-clause with no promise in it
    assert texts("Huber promised that the weather was fine.\n") == []


def test_said_that_or_told_with_a_promised_action() -> None:
    assert parties("Varga said that Hungary will send 200 firefighters to Austria.\n") == [
        ["Hungary"]]
    assert parties("Huber told reporters that Austria will lift the ban on poultry.\n") == [
        ["Austria"]]
    # a relation said to grow is no promise, whoever it is with
    assert texts("Huber said that Austria will continue to grow its relationship with "
                 "Hungary, adding that trade was up.\n") == []


def test_a_step_fixed_in_the_journalists_future() -> None:
    assert parties("Huber is to visit Budapest in October.\n") == [["Austria"]]
    assert texts("A new border working group is set to hold its first meeting in Graz in "
                 "the coming days.\n")
    assert texts("Officials from both sides are to meet again in Graz next month.\n")
    # the visit's own schedule, or a trip beyond the pair
    assert texts("Huber is slated to hold a meeting with the mayor after lunch.\n") == []
    assert texts("Huber is set to visit Rome in Italy next week.\n") == []


def test_more_actions_promised_in_the_future_or_the_passive_future() -> None:
    assert texts("Ferry traffic on the Danube will be increased from next month.\n")
    assert texts("Border checks will be eased for trucks.\n")
    assert parties("Austria will give Hungary 10 million euros in flood aid.\n") == [
        ["Austria"]]
    assert texts("The two sides noted the progress of the border council and will keep up "
                 "cooperation on smuggling.\n")
    # an event or a forecast, not a step the meeting takes
    assert texts("A press conference will be held later.\n") == []
    assert texts("Huber said the details will be released in due course.\n") == []
    assert texts("Huber said the new road will help trade.\n") == []


def test_a_relative_clause_or_a_source_after_the_promise_is_not_promised() -> None:
    body = ("Huber and Varga agreed to resume ferry service, which had stopped in 2020 after "
            "the floods, and to expand exchanges between schools.\n")
    assert texts(body) == ["Huber and Varga agreed to resume ferry service",
                           "Huber and Varga agreed to expand exchanges between schools"]
    assert texts("The two sides agreed to keep up high-level exchanges, according to "
                 "statements from both governments.\n") == [
        "The two sides agreed to keep up high-level exchanges"]


def test_a_stance_told_in_the_future_is_no_promise() -> None:
    assert texts("Huber said Austria will continue to oppose the pipeline.\n") == []
    assert texts("Varga said Hungary will continue to reject the quota plan.\n") == []
    # one side's "will" under a verb of insisting: what it holds
    assert texts("Varga stressed that Hungary will continue to work with its partners on "
                 "the river.\n") == []
    assert texts("Huber made clear that Austria will continue to work with its allies to "
                 "keep trade open.\n") == []
    # what is promised to the other side stays a promise
    assert parties("Huber said Austria will continue to work with Hungary on flood "
                   "defence.\n") == [["Austria"]]


def test_the_clause_of_a_promise_opens_at_its_own_subject() -> None:
    assert texts("The ministers met in Graz in May, and Huber said the two sides would "
                 "continue the talks on water.\n") == [
        "Huber said the two sides would continue the talks on water"]
    # a sentence of a quote ends the clause: no promise named in it
    assert texts('"The two sides made progress and reached agreement on some specific '
                 'issues. This is very good," Huber told Varga.\n') == []


def test_headline_vague_hopes_and_a_that_clause_without_that() -> None:
    assert texts("Varga and Huber agree ships, not trucks, should carry the ore.\n")
    assert texts("The two leaders will have a new meeting in the near future.\n")
    # relations in general, an abbreviation in the compound: a vague hope
    assert texts("Varga and Huber agree to steady the E.U.-Hungary ties.\n") == []


def spans(body: str) -> list[tuple[str, str]]:
    """Each promise's text and the article's words at its offsets."""
    d = extract(HEAD + body)
    return [(c.text, d.text[c.start:c.end]) for c in d.commitments]


def test_each_promise_of_a_list_reads_on_its_own() -> None:
    got = spans("Varga and Huber agreed to set up a hotline, to resume ferry service and to "
                "share flood data.\n")
    assert got == [
        ("Varga and Huber agreed to set up a hotline",
         "Varga and Huber agreed to set up a hotline"),
        ("Varga and Huber agreed to resume ferry service", "resume ferry service"),
        ("Varga and Huber agreed to share flood data", "and to share flood data"),
    ]
    assert [t for t, _ in spans("Austria will open a consulate in Graz and reopen the bridge "
                                "at Sopron.\n")] == [
        "Austria will open a consulate in Graz", "Austria will reopen the bridge at Sopron"]
    assert [t for t, _ in spans("The two sides signed three agreements and will hold talks on "
                                "water in May.\n")] == [
        "The two sides signed three agreements", "The two sides will hold talks on water in May"]


def test_a_title_with_of_does_not_hide_the_first_of_two_subjects() -> None:
    body = ("Hungarian Minister of Foreign Affairs Lena Varga and Austrian Chancellor Max Huber "
            "agreed to keep senior officials visiting each other.\n")
    assert parties(body) == [["Austria", "Hungary"]]


def test_a_new_clause_that_tells_something_else_ends_the_promise() -> None:
    assert spans("The two sides agreed to keep up visits, and Austrian officials said they "
                 "expected a call in the coming months.\n") == [
        ("The two sides agreed to keep up visits", "The two sides agreed to keep up visits")]
    # the promise of a clause after a quote: its own subject, capitalized as shown
    got = extract(HEAD + 'Huber said the step was "long overdue," and the two governments '
                  "would set up a working group on smuggling.\n").commitments
    assert [(c.text, c.parties) for c in got] == [
        ("The two governments would set up a working group on smuggling",
         ["Austria", "Hungary"])]
    # a second that-clause is a statement of its own, not part of the promise
    assert texts("A senior Austrian official told reporters that ferry service would resume "
                 "in the coming months and that rail talks had already restarted.\n") == [
        "A senior Austrian official told reporters that ferry service would resume in the "
        "coming months"]


def test_a_promise_in_a_relative_clause_opens_at_the_one_who_made_it() -> None:
    assert spans("Varga held long talks with Austrian Chancellor Max Huber, who accepted an "
                 "invitation to visit Budapest.\n") == [
        ("Max Huber, who accepted an invitation to visit Budapest",
         "Max Huber, who accepted an invitation to visit Budapest")]


def test_a_promise_told_after_a_participle_of_saying_is_read_on_its_own() -> None:
    body = ("The leaders agreed to advance talks on a river treaty, Huber said after the "
            "meeting, adding that foreign ministers will meet in the coming weeks.\n")
    got = extract(HEAD + body).commitments
    assert [(c.text, c.parties) for c in got] == [
        ("The leaders agreed to advance talks on a river treaty", ["Austria", "Hungary"]),
        ("Foreign ministers will meet in the coming weeks", ["Austria", "Hungary"])]


def topics(body: str) -> list[str | None]:
    return [c.topic for c in extract(HEAD + body).commitments]


def test_a_supporting_word_alone_does_not_give_the_promise_its_topic() -> None:
    # "exchanges" only supports people-to-people: the paragraph is about trade
    body = ("Varga pressed Huber over tariffs on Hungarian farm goods and market access for "
            "its trucks. Varga said she and Huber had agreed to hold regular exchanges on "
            "growth in the two economies.\n")
    assert topics(body) == ["trade"]
    # a decisive word in the clause still names its own topic
    assert topics("Varga pressed Huber over tariffs on farm goods. The two sides agreed to "
                  "expand student exchanges.\n") == ["people-to-people"]


def test_a_promise_coordinated_with_a_recap_is_shown_from_its_subject() -> None:
    # the progress noted is a recap; the promise is what the two sides will do
    assert texts("The two sides noted the progress made by the river commission since May, "
                 "and will keep up joint patrols on the Danube.\n") == [
        "The two sides will keep up joint patrols on the Danube"]


def test_a_speakers_own_promise_in_a_quote_with_an_apposition_or_reported() -> None:
    assert texts('"My government, the new coalition will join the rail pact," Huber said.\n')
    # the other side's promise, told by the one quoted
    assert texts('"She told me that she will visit us in the autumn," Huber said.\n')
    # someone else's "will" in a quote is no promise of the speaker's
    assert texts('"The river will rise in the autumn," Huber said.\n') == []


def test_what_a_signed_document_holds_and_a_long_passive_name() -> None:
    assert texts("The agreements signed by the two ministers were also to fund joint research "
                 "on flood defences and to ease visas for students.\n")
    assert texts("As planned, documents on the building of a new bridge at the old ferry "
                 "crossing have been signed.\n")


def test_a_first_visit_promised_as_a_noun_goes_to_the_other_side() -> None:
    assert texts("Varga said Huber's first trip abroad as chancellor will be to Hungary.\n")
    # a trip elsewhere is an itinerary, not a promise to the other side
    assert texts("Varga said Huber's first trip abroad as chancellor will be to Brazil.\n"
                 ) == []


def test_the_days_programme_and_a_meeting_of_more_than_the_pair_are_no_promise() -> None:
    assert texts("After the meeting, Huber will present Varga with a state award.\n") == []
    assert texts("After this, the two ministers will also hold a trilateral meeting with "
                 "Slovenia on river traffic.\n") == []
    # a deliverable fixed after the talks still is one
    assert texts("After the meeting, the two sides agreed to set up a hotline.\n")


def test_steps_taken_next_steps_and_a_channel_that_goes_on() -> None:
    assert texts("Austria and Hungary will take steps to improve border police contacts, "
                 "Huber said.\n")
    assert texts("Hungarian and Austrian teams will now discuss the details of the new "
                 "rail timetable.\n")
    assert texts("Huber said the dialogue will continue at expert level.\n")
    # "will take place": an event, not a step taken
    assert texts("The vote will take place in May.\n") == []


def test_vague_hopes_in_other_words_and_a_field_named() -> None:
    assert texts("Varga promised a 'new golden age' for ties.\n") == []
    assert texts("The ministers pledged to strengthen the alliance.\n") == []
    assert texts("The two sides agreed to deepen cooperation at all levels.\n") == []
    # a forum named is a field, not the relations in general
    assert texts("The two sides agreed to further strengthen cooperation at multilateral "
                 "fora, including at the United Nations.\n")
    # a document signed for an era still is a document
    assert texts("The ministers signed an agreement for a new era of the alliance and a "
                 "framework on rail freight.\n")


def test_a_promise_made_already_before_the_meeting() -> None:
    assert texts("Huber has already committed to some 2 billion euros in new Austrian "
                 "investment in Hungary.\n") == []


def test_a_body_set_up_at_the_meeting_with_its_purposes() -> None:
    got = texts("During their meeting the two leaders established the Council of Ministers "
                "to deepen cooperation in the region, and to ensure river safety.\n")
    assert len(got) == 1 and got[0].endswith("river safety")


def test_a_day_with_its_year_ahead_of_the_meeting_is_no_earlier_promise() -> None:
    # the meeting is on June 5, 2024: "Jan 10, 2025" is ahead of it, not five months back
    assert texts("Varga said Huber's first visit before his Jan 10, 2025, swearing-in will "
                 "be to Hungary.\n")


def test_an_onlookers_forecast_is_no_promise() -> None:
    assert texts("Analysts said Austria will lift the ban on Hungarian poultry.\n") == []
    assert texts("Huber said Austria will probably lift the ban on Hungarian poultry.\n") == []
    # experts who will meet are the promise, not onlookers
    assert texts("Huber said experts from both countries would get together to study the "
                 "river.\n")


def test_a_plan_agreed_as_the_object_and_a_list_of_agreed_steps() -> None:
    assert texts("Varga and Huber agreed a roadmap for the rail link.\n")
    assert texts("The agreed steps include a new hotline and joint river patrols.\n")
    assert texts("Among the agreed measures were a hotline between the interior ministries "
                 "and joint patrols.\n")
    # a view agreed is no plan
    assert texts("The two sides agreed the need for calm.\n") == []


def test_measures_threatened_are_a_warning_and_levels_are_no_field() -> None:
    assert texts("Austria will take resolute measures to defend its border, Huber said.\n"
                 ) == []
    assert texts("Austria will take all necessary measures against smugglers, Huber said.\n"
                 ) == []
    assert texts("The two sides agreed to deepen cooperation at the bilateral, regional and "
                 "international levels.\n") == []


def test_signings_in_more_shapes() -> None:
    # the perfect of a signing is the meeting's news
    assert texts("Hungary and Austria have signed an agreement on rail freight.\n")
    # a passive with its determiner, and an active one whose object ends the sentence
    assert texts("A memorandum on tourism was also signed.\n")
    assert texts("In the presence of Varga and Huber, officials signed six agreements.\n")
    assert texts("The two sides signed a joint statement on the Danube.\n")
    # what the documents just signed cover
    assert texts("The agreements cover energy, transport and schools.\n")


def test_nominal_and_decided_promises() -> None:
    assert texts("The talks ended with an agreement to resume direct flights.\n")
    assert texts("The meeting produced agreements to cut tariffs and reopen the crossing.\n")
    assert texts("It was decided that the commission would meet twice a year.\n")
    # "complies with the agreement to": a standing one
    assert texts("Varga said Austria complies with the agreement to share flood data.\n") == []


def test_one_sides_backing_in_reported_speech() -> None:
    assert parties("Huber said Vienna would back Hungary's bid to host the games.\n"
                   ) == [["Austria"]]


def test_deals_struck_decisions_made_and_outcomes_listed() -> None:
    assert texts("Varga and Huber signed a letter of intent on rail freight.\n")
    assert texts("The two leaders signed a $2 billion deal on gas supplies.\n")
    assert texts("The two leaders struck a deal to cut wine tariffs.\n")
    assert texts("The two governments made a decision to open a new crossing.\n")
    assert texts("The meeting yielded a deal to restart the ferry.\n")
    assert texts("Both sides welcomed the deal to restart the ferry.\n")
    assert texts("The results of the talks include a new hotline and joint patrols.\n")
    # a deal talked of, offered or hoped for is not made
    assert texts("The two ministers discussed a deal to buy Austrian trains.\n") == []
    assert texts("Varga said Hungary was working towards an agreement on river tolls.\n") == []
    assert texts("Huber offered a plan to end the dispute.\n") == []
    assert texts("The results of the talks were disappointing.\n") == []


def test_a_list_opened_by_the_cue_itself_and_more_documents() -> None:
    assert texts("The two sides agreed to:\n\n- reopen the Sopron crossing;\n\n- set up a "
                 "hotline between the interior ministries.\n") == [
        "reopen the Sopron crossing", "set up a hotline between the interior ministries"]
    assert len(texts("The agreed steps are:\n\n* reopening the crossing\n\n* a hotline "
                     "between the ministries\n")) == 2
    assert texts("The leaders signed a joint communique on river traffic.\n")
    assert texts("The two presidents signed a series of bilateral cooperation documents.\n")
    assert texts("Decisions were taken to reopen the crossing.\n")
    # signings tallied over years are background
    assert texts("Since 2021 the two leaders have met often and signed more than a dozen "
                 "cooperation agreements.\n") == []
    assert texts("Varga said the two ministers agreed to.\n") == []

def test_a_sentence_with_no_end_and_a_cue_in_every_clause_stays_fast() -> None:
    # every cue is rejected (the day's programme), so each is read on its own: reading the
    # whole rest of the sentence at each would be quadratic (twenty seconds here)
    body = "After the meeting, Varga will present " * 1000 + ".\n"
    started = time.process_time()
    texts(body)
    assert time.process_time() - started < 8.0


def test_officials_of_both_sides_named_together_are_both_parties() -> None:
    assert parties("Varga added that Hungarian and Austrian officials would hold talks on "
                   "river tolls in the coming weeks.\n") == [["Austria", "Hungary"]]


def test_a_future_then_a_new_subject_agreeing_are_two_promises() -> None:
    got = extract(HEAD + "The two ministers will have a new meeting in the near future, and the "
                  "two sides agreed to keep the river hotline open.\n").commitments
    assert [c.text for c in got] == [
        "The two ministers will have a new meeting in the near future",
        "The two sides agreed to keep the river hotline open"]
    assert got[0].due == "in the near future"


def test_a_promise_of_a_list_of_activities_is_one_commitment_per_activity() -> None:
    article = (HEAD + "The two sides agreed to resume river patrols, flood data exchanges and "
               "rail consultations in the coming weeks.\n")
    got = extract(article).commitments
    assert [c.text for c in got] == [
        "The two sides agreed to resume river patrols",
        "The two sides agreed to resume flood data exchanges",
        "The two sides agreed to resume rail consultations in the coming weeks"]
    # the shared parties and due time; each one's offsets point at its own words
    assert {tuple(c.parties) for c in got} == {("Austria", "Hungary")}
    assert {c.due for c in got} == {"in the coming weeks"}
    assert article[got[1].start:got[1].end] == "flood data exchanges"
    # "commitment to" with the activities right after it
    assert texts("Varga and Huber reaffirmed their commitment to demilitarization and "
                 "border coordination.\n") == [
        "Varga and Huber reaffirmed their commitment to demilitarization",
        "Varga and Huber reaffirmed their commitment to border coordination"]


def test_a_list_of_fields_or_one_modifier_over_the_list_stays_one_promise() -> None:
    # one action's objects: the list belongs to the preposition, not to the verb
    assert texts("The two sides signed agreements on trade, energy and health.\n") == [
        "The two sides signed agreements on trade, energy and health"]
    # fields, not activities
    assert len(texts("The two sides agreed to expand trade, investment and tourism.\n")) == 1
    # an example of the activity, not a second one
    assert len(texts("The ministers agreed to hold senior-level talks, including a river "
                     "dialogue.\n")) == 1
    # "more" governs both nouns: one phrase
    assert len(texts("The ministers agreed to have more contacts and exchanges in the "
                     "future.\n")) == 1


def test_an_action_with_have_and_an_article_is_an_action_of_the_list() -> None:
    assert texts("The ministers agreed to hold a new round of talks and have a detainee "
                 "swap.\n") == ["The ministers agreed to hold a new round of talks",
                                "The ministers agreed to have a detainee swap"]


def test_a_promise_naming_no_topic_in_a_paragraph_naming_none_is_on_the_ties() -> None:
    # the statement's later lines take the topic of its trade line; a promise there that
    # names no topic is about the ties as a whole
    got = extract(HEAD + "“The two sides agreed to cut tariffs on steel and grain exports,” the "
                  "ministry said.\n\nThe envoys also “discussed further concrete steps towards "
                  "full ties,” it said.\n\n“Finally, they restated their agreement to pursue "
                  "the reconciliation process without preconditions,” the statement said.\n"
                  ).commitments
    assert [c.topic for c in got] == ["trade", "relations"]
