"""Positions and commitments, each rule in our own sentences about invented officials."""

from __future__ import annotations

from store.ingest import extract

HEAD = ("Talks in Vienna\n\nBy a staff writer June 5, 2024\n\n"
        "Hungarian Foreign Minister Lena Varga met Austrian Chancellor Max Huber in Vienna "
        "on Wednesday for talks on trade and the border.\n\n")


def positions(body: str) -> list[tuple[str | None, str, str | None, str]]:
    d = extract(HEAD + body)
    return [(p.side, p.kind, p.topic, p.text) for p in d.positions
            if p.paragraph > 0]


def test_reported_demand_keeps_its_side_and_subject() -> None:
    got = positions("Varga urged Austria to lower its tariffs on Hungarian wine.\n")
    assert ("Hungary", "demand", "trade",
            "Varga urged Austria to lower its tariffs on Hungarian wine") in got


def test_concern_is_told_apart_from_a_plain_statement() -> None:
    got = positions("Huber raised concerns about new tariffs on Austrian steel.\n")
    assert [(side, kind) for side, kind, _, _ in got] == [("Austria", "concern")]


def test_a_quote_attributed_after_it_is_the_stance() -> None:
    d = extract(HEAD + '"We cannot accept new tariffs on our steel," Huber said.\n')
    [pos] = [p for p in d.positions if p.paragraph > 0]
    assert pos.side == "Austria" and pos.quote is not None
    assert d.quotes[pos.quote].text.startswith("We cannot accept")
    assert pos.kind == "warning"


def test_a_person_in_an_aside_is_not_the_subject() -> None:
    got = positions("Huber, who met Varga in March in Budapest, says Austria does not want "
                    "a closed border.\n")
    assert got and all(side == "Austria" for side, _, _, _ in got)


def test_one_position_per_topic_the_clause_names() -> None:
    got = positions("Varga said Austria must not step on red lines on trade tariffs and on "
                    "climate change.\n")
    topics = {topic for _, _, topic, _ in got}
    assert {"trade", "climate"} <= topics
    assert {kind for _, kind, _, _ in got} == {"warning"}


def commitments(body: str) -> list[tuple[list[str], str | None, str | None]]:
    d = extract(HEAD + body)
    return [(c.parties, c.topic, c.due) for c in d.commitments]


def test_a_joint_commitment_with_its_due_time() -> None:
    got = commitments("The two sides agreed to hold their first talks on artificial "
                      "intelligence in coming weeks.\n")
    assert got == [(["Austria", "Hungary"], "ai", "in coming weeks")]


def test_negated_past_and_hoped_for_are_not_commitments() -> None:
    assert commitments("They did not agree to lift the tariffs.\n") == []
    assert commitments("The ministers had agreed last year to reopen the consulates.\n") == []
    assert commitments("Huber hopes the two countries will expand trade in wine.\n") == []
    assert commitments("Huber signed a bill on pensions at home.\n") == []


def test_one_side_promises_for_itself() -> None:
    got = commitments("Varga said Hungary will reopen its consulate in Graz next year.\n")
    assert [(parties, due) for parties, _, due in got] == [(["Hungary"], "next year")]


def commitment_texts(body: str) -> list[str]:
    return [c.text for c in extract(HEAD + body).commitments]


def test_promises_in_the_forms_wire_copy_uses() -> None:
    # a day between the verb and its infinitive
    assert commitment_texts("Hungary and Austria agreed Tuesday to reopen the border "
                            "crossing at Hegyeshalom.\n")
    # a participle hung on the sentence's main verb
    assert commitment_texts("Varga met Huber, agreeing to finalise a treaty on river "
                            "transport.\n")
    assert commitment_texts("Huber praised the talks and vowed to work closely with "
                            "Budapest on energy.\n")
    # a promise whose object is a noun, and deals sealed rather than signed
    assert commitment_texts("The two leaders promised greater cooperation in energy.\n")
    assert commitment_texts("The neighbours sealed 14 deals, aimed at cross-border trade.\n")
    # a that-clause with will
    assert commitment_texts("They agreed that the two governments will actively communicate "
                            "before the anniversary.\n")
    # reported speech shifts "agreed" back to "had agreed"
    assert commitment_texts("Varga told reporters that both sides had agreed to hold more "
                            "exchanges.\n")


def test_standing_stances_and_thanks_are_not_promises_made_here() -> None:
    assert commitment_texts("Austria is committed to resolving differences through "
                            "dialogue.\n") == []
    assert commitment_texts("Varga said Hungary remains firmly committed to the accession "
                            "process.\n") == []
    assert commitment_texts("Huber thanked Varga for agreeing to host the next round.\n") == []
    assert commitment_texts("Huber said his coalition could agree to a reform.\n") == []
    assert commitment_texts('"Many points were agreed to, and few are left," Huber said.\n') == []
    assert commitment_texts("Varga welcomed the pledge to build a bridge.\n") == []


def test_third_parties_hold_no_position_in_the_pair() -> None:
    got = positions("Czech Foreign Minister Petr Novak said Austria must lower its tariffs "
                    "on wine.\n\n"
                    "Mark Olsen, an analyst at the Danube Institute, said Austria must lower "
                    "its tariffs on wine.\n\n"
                    "Slovakia's foreign ministry urged Austria to reopen the border crossing.\n")
    assert got == []


def test_courtesies_of_a_visit_are_not_stances() -> None:
    assert positions("Huber thanked Varga for the visit.\n") == []
    assert positions("Huber welcomed Varga with a ceremony at the Hofburg.\n") == []
    assert positions("Huber once again invited Varga over to Salzburg for the festival.\n") == []
    assert positions("The two ministers were welcomed to the palace by the mayor.\n") == []
    # thanks for something the other side did on an issue is a stance
    got = positions("Varga thanked Austria for its support on energy security.\n")
    assert [kind for _, kind, _, _ in got] == ["welcome"]


def test_the_agenda_and_a_question_are_not_stances() -> None:
    assert positions("Varga said they discussed trade and the border.\n") == []
    assert positions("Asked whether tariffs would fall, Huber smiled.\n") == []
    got = positions("Varga said they discussed the need to lower tariffs on wine.\n")
    assert [side for side, _, _, _ in got] == ["Hungary"]


def quoted(body: str) -> list[tuple[str | None, str, str]]:
    d = extract(HEAD + body)
    return [(p.side, p.kind, p.text) for p in d.positions if p.paragraph > 0
            and p.quote is not None]


def test_a_quote_no_verb_introduces_is_a_stance_in_the_speakers_words() -> None:
    got = quoted('"Our farmers need fair prices," Varga said. "Hungary will never accept a '
                 'closed border with Austria."\n')
    texts = [t for _, _, t in got]
    assert "Hungary will never accept a closed border with Austria" in texts
    assert {side for side, _, _ in got} == {"Hungary"}


def test_courtesy_and_the_meeting_told_as_an_event_are_trimmed_from_a_quote() -> None:
    got = quoted('"Thank you for the warm welcome in Vienna... Austria must lower its tariffs '
                 'on our wine," Varga told Huber.\n')
    assert [t for _, _, t in got] == ["Austria must lower its tariffs on our wine"]
    assert quoted('"We had a long and friendly conversation over lunch," Huber said.\n') == []
    assert quoted('"Last year, we opened three new consulates in Styria," Huber said.\n') == []
    # a term in scare quotes is not a stance of its own
    assert quoted('Huber called the tariffs "a real burden".\n') == []


def test_a_quotes_attributing_verb_gives_its_kind() -> None:
    got = quoted('"Any new fence on the border would be a grave mistake," Varga warned.\n')
    assert [(side, kind) for side, kind, _ in got] == [("Hungary", "warning")]


def test_a_verb_after_a_quote_attributes_it_and_the_scene_is_no_stance() -> None:
    got = positions('"Austria will not accept new fences," Huber said at a joint news '
                    'conference after the talks.\n')
    assert [text for _, _, _, text in got] == ["Austria will not accept new fences"]
    assert positions('"We have a lot to talk about," said Huber as the two men sat down to '
                     'lunch.\n') == []
    # a fragment quoted inside the sentence leaves the sentence as the stance
    got = positions('Huber called the tariffs "a burden on our farmers," Austrian officials '
                    'said.\n')
    assert got and all("called the tariffs" in text for _, _, _, text in got)


def test_a_courtesy_tacked_on_at_the_end_leaves_the_stance() -> None:
    got = quoted('"I think we will have a fair trade deal within a year, and it is an honour '
                 'to have you with us," Varga said.\n')
    assert got and got[0][2].startswith("I think we will have a fair trade deal")


def test_a_visit_or_an_invitation_told_is_the_itinerary() -> None:
    assert positions("Varga also noted Huber's invitation to visit Budapest in the spring.\n") == []
    assert positions("Huber said he expects Varga at the Danube summit in Linz next month.\n") == []
    assert positions("Varga confirmed that Huber will travel to Budapest in May.\n") == []
    # the importance of visits is a stance on them
    got = positions("Varga stressed the importance of regular visits by trade ministers.\n")
    assert [side for side, _, _, _ in got] == ["Hungary"]


def test_more_verbs_of_stance_and_a_standing_commitment() -> None:
    for body, side in [
        ("Varga admitted that the border crossings have had their problems.\n", "Hungary"),
        ("Huber insists Hungary stop building the fence on the border.\n", "Austria"),
        ("Varga signalled that a deal on gas prices could be close.\n", "Hungary"),
        ("Huber backed Hungary's bid to join the Danube energy pact.\n", "Austria"),
        ("Huber is committed to resolving the border dispute through talks.\n", "Austria"),
    ]:
        assert [s for s, _, _, _ in positions(body)] == [side], body


def test_a_participle_after_a_quote_adds_a_stance_of_its_own() -> None:
    got = positions('Huber said that "Trade between our two countries goes hand in hand with '
                    'the growth of the region," stressing that the two countries "should be '
                    'partners in energy."\n')
    assert any(text.startswith("Trade between our two countries") for _, _, _, text in got)
    assert any(text.startswith("stressing that the two countries") for _, _, _, text in got)


def test_a_negated_verb_of_saying_states_nothing() -> None:
    assert positions("Neither Varga nor Huber said when the border would reopen.\n") == []


def test_a_fragment_quote_attributed_by_a_verb_is_a_stance() -> None:
    got = positions('Varga and Huber "had frank exchanges on lowering tariffs on wine," the '
                    'Hungarian foreign ministry said.\n')
    # (with its subject, told before the quote in the same sentence)
    assert [text for _, _, _, text in got] == [
        'Varga and Huber "had frank exchanges on lowering tariffs on wine']
    got = positions('Varga admitted that "relations between our two countries have had their '
                    'challenges" in recent years.\n')
    assert got and "have had their challenges" in got[0][3]


def test_a_quote_on_the_relationship_is_no_account_of_the_meeting() -> None:
    got = quoted('"We have had an exceptionally steady relationship with Vienna," Varga said.\n')
    assert [side for side, _, _ in got] == ["Hungary"]


def test_a_promise_in_a_that_clause_and_characterizations_are_not_stances() -> None:
    # the commitment stage reads "agreed that ... will"
    assert positions("Varga and Huber agreed that their governments will open a new crossing "
                     "on the border.\n") == []
    assert positions('Huber called Varga "a tough negotiator" and "a good neighbour."\n') == []
    got = positions("Varga described the trade talks as positive and said Hungary wants lower "
                    "tariffs on wine.\n")
    assert [(side, kind) for side, kind, _, _ in got] == [("Hungary", "demand")]


def test_a_quote_that_names_the_meeting_and_no_issue_tells_an_event() -> None:
    assert quoted('"We are going to have important discussions here in Vienna with our '
                  'hosts," Varga said.\n') == []
    # the same sentence with an issue in it is a stance
    got = quoted('"We are going to have important discussions here on tariffs on our wine," '
                 'Varga said.\n')
    assert [side for side, _, _ in got] == ["Hungary"]


def test_a_stance_told_with_its_quote_is_one_position() -> None:
    got = positions('During the talks, Huber told Varga, "Austria wants lower tariffs on '
                    'Hungarian steel."\n')
    assert len(got) == 1 and got[0][0] == "Austria"


def test_a_participle_takes_the_main_clauses_subject_not_the_nearest_name() -> None:
    got = positions("Varga flattered Huber by saying that Austria has the best wine "
                    "tariffs in Europe.\n")
    assert [side for side, _, _, _ in got] == ["Hungary"]
    got = positions("Huber conveyed warm regards to Varga, emphasizing Austria's wish for "
                    "lower gas prices.\n")
    assert [side for side, _, _, _ in got] == ["Austria"]
    d = extract(HEAD + "Varga met Huber on the bridge, vowing to reopen the border crossing "
                "at Hegyeshalom.\n")
    assert [c.parties for c in d.commitments if c.paragraph > 0] == [["Hungary"]]


def test_affirming_that_they_will_act_is_a_promise_not_a_stance() -> None:
    assert positions("The two leaders affirmed that they would continue to coordinate closely "
                     "on the border.\n") == []
    assert positions("Varga confirmed that Hungary will open a new crossing on the border.\n") == []
    # affirming a view is a stance
    got = positions("Varga affirmed that the border must stay open to trucks.\n")
    assert [side for side, _, _, _ in got] == ["Hungary"]


def test_reported_would_is_a_promise_made_not_a_stance() -> None:
    body = ('Huber also said Austria would be increasing its purchases of Hungarian gas this '
            'year.\n\nVarga said she would "come" to Salzburg for the festival.\n')
    d = extract(HEAD + body)
    assert [c.parties for c in d.commitments if c.paragraph > 0] == [["Austria"], ["Hungary"]]
    assert [p for p in d.positions if p.paragraph > 0] == []
    # a forecast reported with "would" is no promise
    assert commitment_texts("Huber said prices would probably rise next year.\n") == []


def test_a_promise_in_the_present_perfect_was_made_before() -> None:
    assert commitment_texts("The Austrian government has vowed to secure changes to the "
                            "transit rules.\n") == []
    assert commitment_texts('"We have clearly decided to put our ties back on track," '
                            'Varga said.\n') == []
    # readouts tell this meeting's agreements in the present perfect
    assert commitment_texts("The two sides have agreed to reopen the border crossing at "
                            "Hegyeshalom.\n")


def test_the_meeting_told_as_a_journey_and_an_empty_clause_are_no_stances() -> None:
    assert positions("Varga tweeted that she left Vienna after a productive meeting with "
                     "Huber.\n") == []
    assert positions("Huber noted that he had already met Varga three times this year.\n") == []
    assert positions("Officials told reporters that Varga was accompanied by her ministers of "
                     "trade and energy.\n") == []
    assert positions("Huber underlined this point, saying that\n") == []
    # a clause that ends in "said" is not empty
    got = positions("Varga pressed Austria hard on tariffs on wine, a Hungarian official "
                    "said.\n")
    assert [side for side, _, _, _ in got] == ["Hungary"]


def test_a_quote_about_visits_is_the_itinerary() -> None:
    assert quoted('"My two visits to Austria this year show our close friendship," Varga '
                  'said.\n') == []


def test_a_country_named_just_before_the_verb_is_its_subject() -> None:
    got = positions("On river transport, Austria is committed to resolving differences "
                    "through consultation.\n")
    assert [side for side, _, _, _ in got] == ["Austria"]
    got = positions("In the talks, Hungary wants lower tariffs on wine.\n")
    assert [side for side, _, _, _ in got] == ["Hungary"]
    # two countries joined by "and" are a joint subject, not the second one alone
    got = positions("Hungary and Austria said the border must stay open.\n")
    assert sorted(side or "" for side, _, _, _ in got) == ["Austria", "Hungary"]


def test_a_concern_in_quotation_marks_and_an_embrace_are_stances() -> None:
    got = positions('Varga expressed "serious concern" about new tariffs on Hungarian wine.\n')
    assert [(side, kind) for side, kind, _, _ in got] == [("Hungary", "concern")]
    got = positions("Huber offered lower tariffs on wine, while embracing a wider role for "
                    "Hungarian trucks.\n")
    assert ("Austria", "welcome") in [(side, kind) for side, kind, _, _ in got]


def test_a_stance_goes_on_past_but_with_no_subject_of_its_own() -> None:
    got = positions("Austria is committed to resolving differences on the border through "
                    "talks, but will never ignore acts that close the crossings.\n")
    assert len(got) == 1 and "will never ignore acts" in got[0][3]


def test_did_claim_agreed_on_the_importance_and_raising_an_issue() -> None:
    got = positions("Huber did claim that great progress had been made on tariffs.\n")
    assert [side for side, _, _, _ in got] == ["Austria"]
    got = positions("Varga and Huber agreed on the importance of open borders for trade.\n")
    assert sorted(side or "" for side, _, _, _ in got) == ["Austria", "Hungary"]
    got = positions("Varga will raise the tariffs on Hungarian wine with Huber.\n")
    assert [(side, kind) for side, kind, _, _ in got] == [("Hungary", "concern")]
    assert positions("Huber raised a glass to the friendship of the two nations.\n") == []


def test_a_quote_that_ends_on_what_was_discussed_keeps_its_stance() -> None:
    got = quoted('"They both agreed on the importance of open borders for trade and they '
                 'discussed the weather," Huber said.\n')
    assert got


def test_the_agenda_and_an_event_told_in_the_past_perfect_are_no_stances() -> None:
    # what came up, what the two discussed, an event told after the fact
    assert positions("Huber said both issues, tariffs and the border, came up during his "
                     "meeting with Varga.\n") == []
    assert positions("On social media, Huber wrote that he and Ms Varga discussed many "
                     "areas of trade.\n") == []
    assert positions("Varga added that the two ministers had a brief one-on-one "
                     "discussion on trade.\n") == []
    assert positions("Later, officials claimed that the call on trade had been delayed.\n"
                     ) == []
    # a stance in the past perfect is still a stance
    assert positions("Huber said Hungary had broken the trade rules on wine.\n")


def test_a_welcome_to_a_state_visit_is_a_courtesy() -> None:
    assert positions("Huber welcomed the distinguished minister and his old friend to "
                     "Vienna for a state visit.\n") == []
    assert positions("Huber welcomed the new tariff cuts on wine.\n")


def test_more_forms_of_the_verbs_of_stance() -> None:
    kinds = {kind for _, kind, _, _ in positions(
        "Huber met Varga, expressing concerns over Hungarian tariffs on steel.\n")}
    assert kinds == {"concern"}
    got = positions("Varga appealed for a change in Austrian tariffs on wine.\n")
    assert [(side, kind) for side, kind, _, _ in got] == [("Hungary", "demand")]
    got = positions("Huber expressed his desire to expand trade in timber with Hungary.\n")
    assert [kind for _, kind, _, _ in got] == ["proposal"]
    got = positions("Varga is seeking a reset of trade relations with Austria.\n")
    assert [kind for _, kind, _, _ in got] == ["proposal"]
    got = positions("In a statement, Hungary's government said we commend Austria's support "
                    "for our wine exports.\n")
    assert "welcome" in {kind for _, kind, _, _ in got}
    # "pressing issues" is an adjective, no demand
    assert positions("The two discussed pressing issues of trade.\n") == []


def test_a_stance_told_at_another_time_is_background() -> None:
    assert positions("In a first step, Hungary and Austria said in March they had finalized "
                     "a draft border treaty.\n") == []
    assert positions("Varga warned last week that tariffs on wine would hurt trade.\n") == []
    # said at this meeting
    assert positions("Varga warned that tariffs on wine would hurt trade.\n")


def test_the_talks_told_after_an_adverbial_or_as_engaged_in_are_the_agenda() -> None:
    assert positions("The two leaders said after the meeting that they discussed plans to "
                     "expand wine trade.\n") == []
    assert positions("Varga noted that the two sides engaged in extensive discussions on "
                     "trade.\n") == []
    assert positions("Huber highlighted that he and Varga engaged in comprehensive "
                     "deliberations on border trade.\n") == []
    # a stance after the same verbs
    assert positions("Varga noted that tariffs on wine hurt trade between the two.\n")


def test_a_welcome_on_a_visit_or_in_a_building_is_a_courtesy() -> None:
    # (a long title between the welcome and the visit)
    assert positions("Varga warmly welcomed the Federal Chancellor of the Republic of Austria "
                     "Max Huber on a state visit.\n") == []
    assert positions("Varga welcomed Huber in the building of the Presidency.\n") == []
    # a welcome of a decision is a stance
    assert positions("Varga welcomed the decision to lower tariffs on wine.\n")


def test_thanks_for_greetings_sent_and_praise_of_hospitality_are_courtesies() -> None:
    assert positions("Varga expressed her appreciation to Huber for promptly sending her "
                     "congratulatory messages.\n") == []
    assert positions("Huber said the talks went well, adding that he very much appreciated "
                     "the Hungarian hospitality.\n") == []


def test_a_side_that_responded_by_acting_said_nothing() -> None:
    assert positions("Vienna imposed fees on Hungarian trucks and Budapest responded by "
                     "halting wine exports to Austria.\n") == []
    # a reply by words is a stance
    assert positions("Huber responded by stressing the need for lower tariffs on wine.\n")


def test_an_issue_not_raised_the_agenda_ahead_and_an_earlier_report_are_no_stances() -> None:
    assert positions("Replying to a query, Huber said the wine dispute was not raised at the "
                     "talks.\n") == []
    assert positions("Varga said she will exchange views on wine tariffs with Huber.\n") == []
    assert positions("Varga said that Huber will discuss wine tariffs with his cabinet.\n") == []
    assert positions("Earlier, the Austrian chancellery said Huber wanted lower wine "
                     "tariffs.\n") == []
    # the same stance said at the talks
    assert positions("The Austrian chancellery said Huber wanted lower wine tariffs.\n")


def test_thanks_to_a_host_with_a_long_title_and_name_is_a_courtesy() -> None:
    assert positions("Varga and Huber thanked Slovak President Jana Maria Novak Kovacova "
                     "for hosting the talks.\n") == []
    # thanks for a stance taken is one
    assert positions("Varga thanked Huber for his support for lower wine tariffs.\n")


def _all(text: str) -> list[tuple[str | None, str, str]]:
    return [(p.side, p.kind, p.text) for p in extract(text).positions]


BODY = ("VIENNA - Hungarian Foreign Minister Lena Varga met Austrian Chancellor Max Huber in "
        "Vienna on Wednesday for talks on trade and the border.\n")


def test_a_headline_in_the_present_tense_states_a_stance() -> None:
    # ANNOTATION.md counts the headline: its verbs are in the base form, its subject a
    # surname, often two listed together (both sides)
    got = _all("Varga, Huber stress commitment to open border crossings\n\n"
               "By a staff writer June 5, 2024\n\n" + BODY)
    assert sorted((side, text) for side, _, text in got[:2]) == [
        ("Austria", "Varga, Huber stress commitment to open border crossings"),
        ("Hungary", "Varga, Huber stress commitment to open border crossings")]
    got = _all("Huber renews Austria's support for the river treaty\n\n"
               "By a staff writer June 5, 2024\n\n" + BODY)
    assert got[0][:2] == ("Austria", "welcome")
    # a headline told twice by a clipper is one stance
    got = _all("date 2024-06-05 Huber urges lower tariffs on wine\n"
               "Huber urges lower tariffs on wine\n\nBy a staff writer June 5, 2024\n\n" + BODY)
    assert [kind for _, kind, _ in got] == ["demand"]
    # no stance verb, or no side as its subject: nothing
    assert _all("Talks in Vienna end after two hours\n\nBy a staff writer June 5, 2024\n\n"
                + BODY) == []


def test_a_visit_as_the_time_of_a_stance_is_no_itinerary() -> None:
    got = positions("Huber called for deeper trade ties with Hungary on his first visit since "
                    "the election.\n")
    assert got and {kind for _, kind, _, _ in got} == {"demand"}
    # the visit as what is said: the itinerary
    assert positions("Huber noted Varga's invitation to visit Budapest in May.\n") == []


def test_looking_forward_is_a_courtesy() -> None:
    # ANNOTATION.md: courtesies are not positions
    assert positions('"I look forward to working with the chancellor on many things," Varga '
                     "said.\n") == []
    assert positions("Huber said he was looking forward to the next visit to Budapest.\n") == []
    # a stance said beside it is kept
    assert positions('"Hungary will never accept a closed border," Varga said.\n')


def test_a_headline_asking_what_was_said_is_a_label() -> None:
    got = _all("Factbox: What Varga and Huber said at their meeting\n\n"
               "By a staff writer June 5, 2024\n\n" + BODY)
    assert got == []


def test_reported_words_before_a_quote_belong_to_its_stance() -> None:
    got = positions('The two countries are natural partners and the river pact "is an example '
                    'of trust in an uncertain time," Varga said.\n')
    assert [text for _, _, _, text in got] == [
        'The two countries are natural partners and the river pact "is an example of trust '
        'in an uncertain time']
    got = positions('Huber thanked "Varga and the whole people of Hungary for their support '
                    'for the flood relief."\n')
    assert got and got[0][3].startswith("Huber thanked")
    # a quote alone in its sentence is the stance by itself
    got = positions('"Hungary will never accept a closed border," Varga said.\n')
    assert [text for _, _, _, text in got] == ["Hungary will never accept a closed border"]


def test_criticism_and_accusation_are_concerns() -> None:
    got = positions('Huber criticized "worrying troop movements" near the border.\n')
    assert [(side, kind) for side, kind, _, _ in got][:1] == [("Austria", "concern")]
    got = positions("Varga condemned the blockade of the river port.\n")
    assert [(side, kind) for side, kind, _, _ in got][:1] == [("Hungary", "concern")]


def test_a_stance_told_of_recent_days_is_not_this_meetings() -> None:
    assert positions("The wine talks have stalled in recent days as the two sides accused "
                     "each other of breaking the deal.\n") == []
    assert positions("The two sides accused each other of breaking the wine deal.\n")


def test_every_form_of_a_verb_of_stance() -> None:
    got = positions("Varga made it clear that she is now pushing for a new toll regime on the "
                    "river.\n")
    assert [kind for _, kind, _, _ in got][:1] == ["demand"]
    got = positions('Huber expressed his "thanks to Hungary for this constructive stance on '
                    'the river."\n')
    assert [kind for _, kind, _, _ in got][:1] == ["welcome"]
    got = positions("Varga spoke in Vienna, rejecting any closure of the border crossings.\n")
    assert [(side, kind) for side, kind, _, _ in got][:1] == [("Hungary", "denial")]
    # "pressing" before a noun is the adjective
    assert positions("The two leaders tackled pressing issues, including the river toll.\n"
                     ) == []


def test_thanks_for_hosting_and_a_welcome_of_a_person_are_courtesies() -> None:
    assert positions("Huber spoke at the dinner, thanking Varga for agreeing to hold the summit "
                     "in Sopron.\n") == []
    assert positions("Huber gave a speech after welcoming the Hungarian minister.\n") == []


def test_the_object_of_a_preposition_or_a_participle_aside_is_not_the_subject() -> None:
    got = positions("In his opening remarks, Varga spoke to Chancellor Huber and assured the "
                    "press that Hungary was ready to reopen the crossing.\n")
    assert got and {side for side, _, _, _ in got} == {"Hungary"}
    got = positions("Huber, reflecting on his long friendship with Varga, stressed the "
                    "importance of open borders.\n")
    assert got and {side for side, _, _, _ in got} == {"Austria"}
    # the name right before the verb, with no preposition, is its subject
    got = positions("Varga met Huber, and Huber stressed the importance of open borders.\n")
    assert {side for side, _, _, _ in got} == {"Austria"}


def test_the_antecedent_of_which_is_its_subject_even_after_a_preposition() -> None:
    got = positions('"We will never accept tolls on our river," Varga told Huber, according to a '
                    "statement from the Hungarian foreign ministry, which accused Vienna of "
                    "breaking the river treaty.\n")
    assert {side for side, kind, _, _ in got if kind == "concern"} == {"Hungary"}


def test_a_stance_reported_by_the_other_side_is_its_holders() -> None:
    got = positions("Varga said Huber rejected any new tolls on Danube shipping.\n")
    assert [(side, kind) for side, kind, _, _ in got][:1] == [("Austria", "denial")]
    # "he" is the one reporting
    got = positions("Varga said she raised concerns about tolls on Danube shipping.\n")
    assert [(side, kind) for side, kind, _, _ in got][:1] == [("Hungary", "concern")]


def test_a_stance_said_on_the_way_or_earlier_is_another_occasions() -> None:
    assert positions("Before leaving for Vienna, Varga said tolls on the river were "
                     "unacceptable.\n") == []
    assert positions("Huber noted that earlier there was a call between the two ministers on "
                     "river tolls.\n") == []
    # said at the meeting: kept
    assert positions("In Vienna, Varga said tolls on the river were unacceptable.\n")


def test_the_one_compared_with_is_not_the_subject() -> None:
    got = positions("Like his Hungarian counterpart Varga, Huber stressed that river trade "
                    "must stay free.\n")
    assert got and {side for side, _, _, _ in got} == {"Austria"}


def test_every_person_of_the_verbs_of_saying_and_made_clear() -> None:
    assert [(s, k) for s, k, _, _ in positions(
        "Huber made clear that Austria would not reopen the old border fence.\n")] == [
        ("Austria", "assertion")]
    assert positions("In the statement, Varga underlines that river tolls hurt both "
                     "economies.\n")
    assert positions("Huber points out that the bridge at Sopron is too old for trucks.\n")


def test_a_stance_told_of_another_event_is_not_this_meetings() -> None:
    # a sentence that tells another event first
    assert positions("Their meeting came a day after a summit with the Italian premier, during "
                     "which the two leaders condemned the smuggling routes.\n") == []
    # another meeting later the same day
    assert positions("Later that day, Varga met the Polish president and welcomed Poland's "
                     "plan for the river.\n") == []
    # the meeting's own day keeps its stance
    assert positions("On the same day, Varga welcomed Austria's plan for the river.\n")


def test_a_promise_told_with_a_verb_of_saying_is_a_commitment_not_a_stance() -> None:
    d = extract(HEAD + "The two leaders agreed that both countries should patrol the river "
                "together, a spokesman said.\n")
    assert [p for p in d.positions if p.paragraph > 0] == []
    assert d.commitments
    assert positions("Huber said the two sides had agreed to reopen the Sopron crossing.\n") == []
    # what was agreed in the passive is a stance on the talks
    assert positions("Huber said many points were agreed to in the talks on the river.\n")


def test_a_stance_after_a_coordinated_clause_opens_at_its_own_subject() -> None:
    got = positions("The two sides agreed to keep up visits, and Austrian officials said they "
                    "expected the chancellors to speak by phone in the coming months.\n")
    assert [text for _, _, _, text in got] == [
        "Austrian officials said they expected the chancellors to speak by phone in the "
        "coming months"]


def test_a_short_object_of_an_embedded_verb_still_states_a_stance() -> None:
    assert [(s, k) for s, k, _, _ in positions("Varga said Hungary wanted lower tolls.\n")] == [
        ("Hungary", "demand")]


def test_a_view_both_hold_with_urgency_or_significance() -> None:
    got = positions("The leaders agreed on the urgency of concluding the river talks.\n")
    assert sorted(s for s, _, _, _ in got) == ["Austria", "Hungary"]


def test_reported_speech_attributed_after_it_without_quote_marks() -> None:
    # the stance comes first, its speaker after a comma at the sentence's end
    got = positions("Vienna must decide for itself what its neutrality means, the Hungarian "
                    "minister added.\n"
                    "Hungary hopes the pipeline to Vienna will be finished within a year, "
                    "said Varga.\n")
    assert ("Hungary", "demand", None,
            "Vienna must decide for itself what its neutrality means") in got
    assert any(text.startswith("Hungary hopes the pipeline") and side == "Hungary"
               for side, _, _, text in got)


def test_a_trailing_attribution_of_the_meeting_or_the_agenda_is_no_stance() -> None:
    assert positions("Varga met Huber in the chancellery on Friday, the ministry said.\n"
                     "The two sides discussed trade and the border, Huber said.\n"
                     "The two sides will publish a joint statement next week, an aide said.\n"
                     ) == []


def test_according_to_names_the_source_not_the_stance() -> None:
    got = positions("According to Huber, the border must stay open for lorries all year.\n")
    assert got == [("Austria", "demand", "territorial",
                    "the border must stay open for lorries all year")]
    # what follows names someone acting: the source tells an event, or that one's words
    assert positions("According to aides, Varga arrived in Vienna by train on Friday "
                     "morning.\n") == []
    got = positions("According to Vienna, Huber urged Hungary to keep the border open.\n")
    assert [(side, kind) for side, kind, _, _ in got] == [("Austria", "demand")]
    # at the end it attributes what comes before it
    got = positions("The border must stay open for lorries all year, according to Varga.\n")
    assert [(side, text) for side, _, _, text in got] == [
        ("Hungary", "The border must stay open for lorries all year")]


def test_reported_words_go_on_in_the_next_sentence_of_the_paragraph() -> None:
    got = positions("Varga stated that the border crossing at Hegyeshalom must stay open. "
                    "The priority is to keep lorries moving through the winter.\n")
    assert ("Hungary", "assertion", "territorial",
            "The priority is to keep lorries moving through the winter") in got


def test_narration_after_reported_words_is_not_their_continuation() -> None:
    # the meeting told, past narration, a new subject, another paragraph
    got = positions("Huber said Austria wants lower tolls for its lorries. The talks lasted "
                    "two hours. Varga is a former trade minister. Both flew home in the "
                    "evening.\n\nThe toll is the highest in the region.\n")
    assert [text for _, _, _, text in got] == [
        "Huber said Austria wants lower tolls for its lorries"]


def test_a_quoted_verdict_on_the_meeting_is_a_stance_its_story_is_not() -> None:
    got = positions('"Our talks were extremely fruitful for both our peoples," Varga said.\n'
                    '"Our talks began with a walk along the Danube," Huber said.\n')
    assert [(side, text) for side, _, _, text in got] == [
        ("Hungary", "Our talks were extremely fruitful for both our peoples")]
    # the visit rated, not the itinerary
    got = positions('"The visit confirms a solid partnership between our two governments," '
                    'Huber said.\n')
    assert [side for side, _, _, _ in got] == ["Austria"]


def test_what_the_speaker_did_or_the_talks_were_like_told_in_reported_speech() -> None:
    assert positions("The Austrian chancellery said it discussed the border and the tolls.\n"
                     "Varga said that she had carefully read the letter from Vienna.\n"
                     "Huber noted that he informed Varga about his call with Berlin.\n"
                     "Huber told reporters the two held a frank and useful meeting.\n"
                     "Varga said trade negotiators would soon meet in Graz.\n") == []
    # "held talks" after the words tells when they were said, not what
    got = positions("Tolls must fall next year, Varga told Huber as the two held talks "
                    "in the chancellery.\n")
    assert [side for side, _, _, _ in got] == ["Hungary"]


def test_a_second_verb_joined_by_and_keeps_its_clause_subject() -> None:
    # the person just before "and reiterated" is the object of the first verb
    got = positions("Huber congratulated Varga on Hungary's new rail link to Graz and once "
                    "again reiterated Austria's support for the project.\n")
    assert got and {side for side, _, _, _ in got} == {"Austria"}
    # the clause opens after the comma: the one in the opening aside is not its subject
    got = positions("As Varga arrived in Vienna, Huber thanked Varga for the talks, and "
                    "urged Hungary to lower the tolls on lorries.\n")
    assert got and {side for side, _, _, _ in got} == {"Austria"}
    # two named together stay both sides
    got = positions("Varga and Huber met in Vienna on Friday and stressed the importance of "
                    "open borders for trade.\n")
    assert {side for side, _, _, _ in got} == {"Austria", "Hungary"}


def test_quoted_words_that_name_the_agenda_or_a_joint_promise_are_no_stance() -> None:
    assert positions('The leaders discussed "the future of the Danube valley and its '
                     'shipping lanes," the ministry said.\n'
                     'The two countries "agreed on opening a second border crossing near '
                     'Sopron," Huber added.\n') == []
    # a view both hold is one
    got = positions('The two countries "agreed on the importance of keeping the border '
                    'open for trade," Huber added.\n')
    assert got


def test_a_headline_lists_stances_with_commas_and_quotes_its_words() -> None:
    got = _all('Varga Says Tolls Must Fall, Huber Urges "Open Borders"\n\n'
               "By a staff writer June 5, 2024\n\n" + BODY)
    assert [(side, text) for side, _, text in got[:2]] == [
        ("Hungary", "Varga Says Tolls Must Fall"), ("Austria", 'Huber Urges "Open Borders')]
    # the speaker after the words he said
    got = _all("Open borders are 'vital for Hungary's farmers,' says Varga\n\n"
               "By a staff writer June 5, 2024\n\n" + BODY)
    assert got[0][0] == "Hungary"
    # a person named after the verb is its object, not its subject
    got = _all("Huber welcomes Varga to Vienna for talks\n\n"
               "By a staff writer June 5, 2024\n\n" + BODY)
    assert "Hungary" not in {side for side, _, _ in got}


def test_a_readout_quoted_from_its_verb_on_is_the_named_subjects_stance() -> None:
    got = positions('According to a readout from Vienna, Huber "voiced the deep concerns of '
                    'Austria about tolls on lorries and made clear that Austria would respond '
                    'with new fees."\n')
    assert [(side, kind) for side, kind, _, _ in got] == [("Austria", "concern")]
    assert "would respond with new fees" in got[0][3]
    # a verb inside the quoted words, not on their opening, stays the speaker's words
    got = positions('"Vienna has urged Budapest to lower its tolls for years," Varga said.\n')
    assert {side for side, _, _, _ in got} == {"Hungary"}


def test_a_passive_verb_of_stance_belongs_to_its_agent() -> None:
    got = positions("The tolls on lorries and the border fence were raised by Hungarian Foreign "
                    "Minister Lena Varga during her meeting with Huber.\n")
    assert [(side, kind) for side, kind, _, _ in got] == [("Hungary", "concern")]
    # a welcome told in the passive is a courtesy; a passive with no agent is nobody's
    assert positions("The two men were welcomed by Huber at the chancellery.\n"
                     "The border fence was raised during the talks.\n") == []
