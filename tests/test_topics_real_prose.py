"""Stage 6 on the shapes of real diplomatic prose (issue 8): which topics a meeting
substantively discussed, and which words only name who met or pass by.

Every sentence is written for these tests (invented officials are fine); none is
copied from a real article.
"""

from __future__ import annotations

from paragraphs import paragraphs

from store.ingest.keywords import build_index
from store.ingest.sentences import split_sentences
from store.ingest.topichits import Parties
from store.ingest.topics import score_paragraphs
from store.ingest.types import Para
from store.taxonomy import default_topics

TOPICS = default_topics()


def topics_of(*bodies: str, parties: list[str] | None = None,
              people: tuple[str, ...] = ()) -> list[list[str]]:
    text, paras = paragraphs(*bodies)
    sides = Parties.of(parties or [], people)
    found = score_paragraphs(text, paras, TOPICS, sides)
    return [found.get(i, []) for i in range(len(paras))]


def test_a_keyword_after_an_apostrophe_inside_a_word_is_not_that_keyword() -> None:
    # A place name romanised with an apostrophe ends in the letters of "AI".
    index = build_index([("ai", ["+AI"])])
    text = "Boats met near Mei'ai Shoal and Dao\u2019ai Reef; China's AI rules came up."
    assert [text[h.start:h.end] for h in index.scan(text, remember=False)] == ["AI"]
    [found] = topics_of("The minister said patrols near Tai'ai Reef would continue.")
    assert "ai" not in found


def test_words_naming_the_sides_of_the_meeting_are_not_topics() -> None:
    # At a Russia–Iran summit, Russia, Putin, Tehran and "Iranian" say who met.
    body = ("Vladimir Putin said Russia valued its close ties with its partners in Tehran, after"
            " his first talks with Iranian President Reza Tavani.")
    assert topics_of(body, parties=["Iran", "Russia"], people=("Vladimir Putin", "Reza Tavani")
                     ) == [["relations"]]
    # The same sentence about two other countries' meeting still names both topics.
    found = topics_of(body, parties=["Hungary", "Austria"])[0]
    assert {"russia-ukraine", "middle-east"} <= set(found)


def test_a_side_can_still_discuss_a_topic_named_in_other_words() -> None:
    # North Korea met Russia: "DPRK" is a side, the missile launches are a topic.
    [found] = topics_of("Kim told the DPRK delegation that ballistic missile launches and"
                        " denuclearization talks with Seoul were off the table.",
                        parties=["North Korea", "Russia"])
    assert "korean-peninsula" in found


def test_extract_does_not_file_a_side_of_the_meeting_as_a_topic() -> None:
    from store.ingest import extract

    draft = extract(
        "Putin and Tavani pledge closer ties\n\n"
        "ASHGABAT, Oct 11 (Wire) - Russian President Vladimir Putin met Iranian President Reza"
        " Tavani in Ashgabat on Friday, their first meeting.\n\n"
        "Putin said relations between Moscow and Tehran were developing well and that Russia"
        " valued Iran as a partner. Tavani said Iran wanted closer ties with Russia.\n"
    )
    assert sorted(draft.dyad) == ["Iran", "Russia"]
    ids = {t.id for t in draft.topics}
    assert "russia-ukraine" not in ids and "middle-east" not in ids


def test_a_nationality_or_region_in_an_officials_title_is_not_a_topic() -> None:
    # Two Hungarian and Austrian ministers met; a Saudi host and a US envoy sat in.
    [found] = topics_of("The meeting was attended by Saudi Foreign Minister Faisal Omar, Iran's"
                        " foreign minister and the Special Envoy to the Middle East, Jon Reed.",
                        parties=["Hungary", "Austria"])
    assert "middle-east" not in found
    # The same countries as the subject of the talks are a topic.
    [found] = topics_of("The ministers discussed Iran and the war in Gaza.",
                        parties=["Hungary", "Austria"])
    assert "middle-east" in found


def test_a_word_inside_another_topics_phrase_belongs_to_that_phrase() -> None:
    from store.ingest.topichits import body_hits
    from store.ingest.topics import compile_topics

    index = compile_topics(TOPICS)
    text = "They want to expand economic ties."
    hits = body_hits(index, text, 0, len(text))
    assert [(index.topic_ids[h.topic], text[h.start:h.end]) for h in hits] == [
        ("trade", "economic ties")]


def test_an_item_of_a_long_list_is_a_passing_mention() -> None:
    # One of five subjects in a list does not make a topic on its own...
    [found] = topics_of("Talks ranged across energy, farming, tourism, health, and"
                        " infrastructure links.")
    assert "people-to-people" not in found
    # ...a subject of its own sentence does.
    [found] = topics_of("They agreed to ease visas for tourism.")
    assert "people-to-people" in found
    # Three items are not yet a passing list.
    [found] = topics_of("We discussed plans for the future, tourism, and a new bridge.")
    assert "people-to-people" in found


def test_list_spans_cover_the_items_not_the_lead_in() -> None:
    from store.ingest.topichits import list_spans

    text = "The focus will fall on chips, clean energy, artificial intelligence and robotics."
    [(start, end)] = list_spans(text, 0, len(text))
    assert text[start:end] == "fall on chips, clean energy, artificial intelligence and robotics"
    assert list_spans("He said: A, B.", 0, 14) == []


def _with_heading(heading: str, body: str) -> tuple[str, list[Para]]:
    return body, [Para(index=0, start=0, end=len(body), section=1, heading=heading,
                       sentences=split_sentences(body, 0, len(body)))]


def test_a_heading_naming_the_sides_gives_no_topic() -> None:
    text, paras = _with_heading("Putin hails close ties with Iran in first talks with Tavani",
                                "The two presidents met for an hour.")
    sides = Parties.of(["Iran", "Russia"], ["Vladimir Putin", "Reza Tavani"])
    found = score_paragraphs(text, paras, TOPICS, sides)
    assert "russia-ukraine" not in found.get(0, []) and "middle-east" not in found.get(0, [])


def test_links_to_other_stories_after_the_article_are_not_topics() -> None:
    text, paras = _with_heading("Related Posts", "Climate deal is the world's best chance")
    assert score_paragraphs(text, paras, TOPICS) == {}
    text, paras = _with_heading("CLIMATE", "Climate deal is the world's best chance")
    assert score_paragraphs(text, paras, TOPICS) == {0: ["climate"]}


def test_what_the_talks_were_only_expected_to_cover_is_a_passing_mention() -> None:
    [found] = topics_of("The two were expected to discuss arms control and cyberattacks.")
    assert found == []
    [found] = topics_of("Officials said the talks would include arms control.")
    assert found == []
    # What they did discuss counts.
    [found] = topics_of("The two presidents discussed arms control and cyberattacks.")
    assert {"military", "cyber"} <= set(found)


def test_a_common_noun_inside_an_institutions_name_is_not_a_topic() -> None:
    [found] = topics_of("Present were the chairman of the Committee for Cooperation in Trade,"
                        " Economy, Science and Technology and the Minister of Defense.")
    assert found == []
    # A proper noun keeps its topic inside a name: the office speaks of Taiwan.
    [found] = topics_of("The Taiwan Affairs Office condemned the transit.")
    assert "taiwan" in found


def test_the_relationship_of_two_other_countries_is_not_this_meetings_topic() -> None:
    body = ("The prime ministers of Hungary and Austria voiced concern over growing military"
            " ties between North Korea and Russia.")
    [found] = topics_of(body, parties=["Hungary", "Austria"])
    assert "military" not in found and "korean-peninsula" in found
    [found] = topics_of("They spoke of the Moscow-Pyongyang relationship.",
                        parties=["Hungary", "Austria"])
    assert "relations" not in found
    # The sides' own ties stay theirs.
    [found] = topics_of("They hailed the military ties between Hungary and Austria.",
                        parties=["Hungary", "Austria"])
    assert "military" in found


def test_a_topic_phrase_keeps_the_words_it_overlaps() -> None:
    from store.ingest.topichits import body_hits
    from store.ingest.topics import compile_topics

    index = compile_topics(TOPICS)
    text = "A healthy military-to-military relationship between the two matters."
    hits = body_hits(index, text, 0, len(text))
    assert {index.topic_ids[h.topic] for h in hits} == {"military"}


def test_a_border_alone_is_not_a_territorial_dispute() -> None:
    [found] = topics_of("Merz stressed the security of the EU borders and the fight against"
                        " illegal migration.")
    assert "territorial" not in found
    [found] = topics_of("The two sides discussed the border dispute and the situation in the"
                        " border areas.")
    assert "territorial" in found


def test_real_prose_names_for_defence_and_the_relationship() -> None:
    [found] = topics_of("Tusk urged Berlin to raise its defense spending.")
    assert "military" in found
    [found] = topics_of("South Africa sees Hungary as a valued ally and a friend, the president"
                        " said.")
    assert "relations" in found
    # Scholars quoted on a visit are sources, not student exchanges.
    [found] = topics_of("Scholars interviewed said the visit mattered.")
    assert "people-to-people" not in found


def test_titles_written_other_ways_are_not_topics() -> None:
    # A desk in brackets after a title, and a title in lower case before a capitalised name.
    [found] = topics_of("The delegation is led by Home Ministry Joint Secretary (PAK, Pakistan,"
                        " Afghanistan and Iran) Dev Mehra and the minister of External Economic"
                        " Relations.")
    assert found == []


def test_another_meeting_on_the_schedule_is_a_passing_mention() -> None:
    [found] = topics_of("He was also scheduled to meet Ukrainian President Volodymyr Zelensky"
                        " later in the day.")
    assert "russia-ukraine" not in found


def test_the_audience_of_a_statement_is_not_a_topic() -> None:
    [found] = topics_of("The colonel told journalists that both sides had agreed to more"
                        " exchanges in the future.")
    assert "people-to-people" not in found
    [found] = topics_of("Beijing expelled three foreign journalists and cut visas for"
                        " students.")
    assert "people-to-people" in found


def test_chinese_names_of_south_china_sea_features_are_that_topic() -> None:
    [found] = topics_of("On issues such as Ren'ai Reef, China will never ignore provocations,"
                        " the minister said.")
    assert "south-china-sea" in found and "ai" not in found


def test_a_keyword_that_is_itself_a_title_keeps_its_topic() -> None:
    [found] = topics_of("Chinese Defense Minister Dong Jun met Defense Secretary Lloyd Austin.")
    assert "military" in found


def test_the_tone_of_trade_talks_is_not_the_relationship() -> None:
    # How the talks went ("candid, thorough and constructive") describes these talks on
    # tariffs; it does not make the relationship a topic of its own.
    found = topics_of(
        "Finance Minister Ana Rojas of Chile and Norway's trade minister Eirik Lunde held two"
        " days of talks on salmon tariffs in Oslo.",
        "\"The talks were candid, thorough and constructive,\" Rojas told a news conference.",
        parties=["Chile", "Norway"])
    assert found == [["trade"], ["trade"]]
    # Tone beside the relationship itself still counts for it.
    [rel] = topics_of("Rojas called the talks frank and constructive and said bilateral ties"
                      " were at their best in a decade.", parties=["Chile", "Norway"])
    assert rel == ["relations"]
    # At a leaders' meeting that discusses the relationship, the same words are its.
    found = topics_of(
        "President Mwangi of Kenya and Vietnam's president Tran Duc Long agreed to upgrade"
        " bilateral ties to a strategic partnership.",
        "Mwangi said their discussions had been \"frank\" and \"candid.\"",
        parties=["Kenya", "Vietnam"])
    assert found == [["relations"], ["relations"]]
    # At talks on an issue between the sides (a war), the tone is the relationship's.
    found = topics_of(
        "Hungary's prime minister Lena Varga and Chile's president Ana Rojas discussed a"
        " ceasefire in Ukraine.",
        "Varga said the talks had been held in a constructive atmosphere.",
        parties=["Hungary", "Chile"])
    assert found == [["russia-ukraine"], ["relations"]]


def test_the_war_is_a_topic_when_ukraine_itself_is_a_side() -> None:
    # "Ukraine" only names a side here; the war is named in other words.
    found = topics_of(
        "President Olena Marchenko of Ukraine met Portugal's prime minister Rui Sardinha in"
        " Lisbon, ten months into the full-scale war.",
        "They spoke about the counteroffensive against Russian forces near Kherson.",
        parties=["Ukraine", "Portugal"], people=("Olena Marchenko", "Rui Sardinha"))
    assert found == [["russia-ukraine"], ["russia-ukraine"]]


def test_weapons_for_ukraine_are_the_war_not_a_military_channel() -> None:
    body = "Marchenko asked Lisbon for fighter jets and more air defence weapons."
    assert topics_of(body, parties=["Ukraine", "Portugal"]) == [["russia-ukraine"]]
    # Between two other countries the same request is the military topic.
    assert topics_of(body, parties=["Chile", "Norway"]) == [["military"]]


def test_what_the_talks_left_out_is_not_a_topic() -> None:
    found = topics_of(
        "The leaders did not discuss the war in Ukraine, officials said.",
        "Taiwan was not raised, but both sides discussed tariffs on coffee.",
        "They discussed tariffs on coffee but did not discuss Taiwan.",
        parties=["Kenya", "Vietnam"])
    assert found == [[], ["trade"], ["trade"]]


def test_a_run_of_things_left_out_stays_linear() -> None:
    # Each "did not discuss" looks ahead for the end of its clause: a run of them with no
    # full stop must not make that search reach to the end of the text every time.
    import time

    from store.ingest.topichits import body_hits

    index = build_index([(t.id, t.keywords) for t in TOPICS])

    def cpu(n: int) -> float:
        best = float("inf")
        for i in range(3):
            # A new string each time: the last scan of the same text is remembered.
            text = f"{i} " + "they did not discuss Taiwan and " * n
            t0 = time.process_time()
            body_hits(index, text, 0, len(text))
            best = min(best, time.process_time() - t0)
        return best

    small, large = cpu(2000), cpu(4000)
    assert large < 3 * max(small, 1e-3)


def test_a_ministrys_round_of_political_consultations_is_the_relationship() -> None:
    [found] = topics_of("The ministers agreed to hold the next round of political"
                        " consultations in Santiago in 2026.", parties=["Chile", "Norway"])
    assert found == ["relations"]


def test_history_set_in_an_earlier_time_is_background() -> None:
    found = topics_of(
        "The two countries established diplomatic relations in 1961. Trade between them"
        " reached $2 billion last year, mostly soybeans and salmon.",
        "Rojas and Lunde agreed to cut tariffs on copper by 2027.",
        parties=["Chile", "Norway"])
    assert found == [[], ["trade"]]
    # What a side says of the past is still said at this meeting.
    [said] = topics_of("Rojas said trade had doubled since 2019.", parties=["Chile", "Norway"])
    assert said == ["trade"]


def test_russian_forces_at_a_drill_are_not_the_war() -> None:
    [found] = topics_of("He raised concern about joint exercises with Russian forces near"
                        " the islands.", parties=["Japan", "China"])
    assert "russia-ukraine" not in found


def test_a_land_border_dispute_anywhere_is_territorial() -> None:
    found = topics_of(
        "The ministers agreed to reopen two border checkpoints next month.",
        "They remain at odds over the demarcation of the disputed area near the river.",
        parties=["Chile", "Bolivia"])
    assert found == [["territorial"], ["territorial"]]
    # A country's territorial integrity is said of wars and sovereignty, not a border row.
    [said] = topics_of("He stressed the importance of preserving Bolivia's territorial"
                       " integrity.", parties=["Chile", "Peru"])
    assert "territorial" not in said


def test_the_form_of_the_meeting_is_not_the_relationship() -> None:
    [found] = topics_of("It was the first face-to-face meeting between the two defence"
                        " ministers since a senator's visit to the base.",
                        parties=["Chile", "Norway"])
    assert found == ["military"]


def test_the_leaders_earlier_consensus_in_a_ministers_readout_is_not_a_topic() -> None:
    [found] = topics_of("Lunde said both militaries should implement the consensus reached by"
                        " the two heads of state.", parties=["Chile", "Norway"])
    assert found == ["military"]


def test_onlookers_commentary_is_not_the_talks() -> None:
    found = topics_of(
        "Rojas and Lunde discussed salmon tariffs.",
        "Analysts in Oslo said the visit showed both sides wanted to avoid a technology war"
        " over semiconductors.",
        parties=["Chile", "Norway"])
    assert found == [["trade"], []]


def test_a_list_of_what_the_talks_discussed_names_their_topics() -> None:
    # The list is the object of the discussion: each item was discussed at this meeting.
    [found] = topics_of("The two days of talks covered issues that divide them. The"
                        " discussions included Taiwan, the Middle East, North Korea and the"
                        " South China Sea.", parties=["Norway", "Chile"])
    assert {"taiwan", "middle-east", "korean-peninsula", "south-china-sea"} <= set(found)
    # A list that only describes something else stays a passing mention.
    [found] = topics_of("The minister, who has flown to Taipei, Riyadh, Seoul and Manila this"
                        " spring, praised the hosts.", parties=["Norway", "Chile"])
    assert "taiwan" not in found and "middle-east" not in found


def test_one_sides_ties_with_a_third_country_are_not_a_topic_of_the_meeting() -> None:
    # At a Fiji–Chile meeting, Fiji's dealings with Russia say who else Fiji deals with.
    found = topics_of("The premier brushed aside questions about Fiji's expanding military"
                      " ties with Russia.\nShe had more to say.",
                      "Fiji wants closer military ties with Chile, the minister said.",
                      parties=["Fiji", "Chile"])
    assert "military" not in found[0]
    assert "military" in found[1]


def test_a_background_sentence_glued_to_the_next_one_is_still_background() -> None:
    # A bad copy dropped the space after the stop; the next sentence's "said" is not
    # this sentence's.
    body = ("Lopez praised the strong energy links, though trade fell by a fifth last year.{}"
            "Tuilagi said Fiji wants to keep cooperating with Chile in every field.")
    assert "trade" not in topics_of(body.format(""), parties=["Fiji", "Chile"])[0]
    assert "trade" not in topics_of(body.format(" "), parties=["Fiji", "Chile"])[0]


def test_a_relative_clause_set_in_an_earlier_time_names_no_topic() -> None:
    [found] = topics_of("Holm, who earlier called out Manila over maritime incidents, talked"
                        " with Varga about trade.", parties=["Norway", "Hungary"])
    assert found == ["trade"]


def test_an_appositive_describing_a_place_names_no_topic() -> None:
    [found] = topics_of("Holm greeted Varga in Varna, a coastal city known for its tourism and"
                        " its students, and they discussed trade.", parties=["Norway", "Hungary"])
    assert found == ["trade"]


def test_trade_pacts_named_without_the_word_trade_are_trade() -> None:
    [found] = topics_of("The two leaders had candid discussions on the CPTPP and agreed that"
                        " Chile's bid to join the WTO deserved support.",
                        parties=["Norway", "Fiji"])
    assert "trade" in found


def test_a_common_noun_inside_a_conferences_name_is_part_of_the_name() -> None:
    [found] = topics_of("Holm later met Lars Berg, the host of the 2027 United Nations Climate"
                        " Change Conference in Oslo, to talk about trade.",
                        parties=["Norway", "Fiji"])
    assert found == ["trade"]
    [found] = topics_of("Holm and Varga talked about climate change.", parties=["Norway", "Fiji"])
    assert found == ["climate"]


def test_buying_weapons_is_military_and_weapons_for_kyiv_are_the_war() -> None:
    [found] = topics_of("Fiji committed to bigger weapons purchases from Chile, including"
                        " stealth fighters.", parties=["Fiji", "Chile"])
    assert found[:1] == ["military"]
    [found] = topics_of("Chile will send more weapons to Ukraine.", parties=["Fiji", "Chile"])
    assert found[:1] == ["russia-ukraine"]


def test_the_trip_that_brought_a_leader_is_not_the_relationship_as_a_topic() -> None:
    [found] = topics_of("The neighbours sealed 12 deals to boost trade, as Varga made her first"
                        " foreign trip since taking office.", parties=["Fiji", "Chile"])
    assert found == ["trade"]


def test_what_a_person_once_was_names_no_topic() -> None:
    [found] = topics_of("Varga, a former climate envoy, talked with Holm about trade.",
                        parties=["Norway", "Hungary"])
    assert found == ["trade"]


def test_the_event_the_meeting_came_after_names_no_topic() -> None:
    [found] = topics_of("They agreed to boost trade. The meeting came a week after Holm hosted"
                        " the Chilean president for talks on Taiwan and the South China Sea.",
                        parties=["Norway", "Hungary"])
    assert found == ["trade"]


def test_a_state_of_long_standing_is_background() -> None:
    found = topics_of("Holm raised concerns over Hungarian tariffs on Norwegian salmon.",
                      "Hungary has been at odds with Brussels over the war in Ukraine for years.",
                      parties=["Norway", "Hungary"])
    assert found == [["trade"], []]


def test_talks_with_a_third_country_are_that_meetings_topics() -> None:
    found = topics_of("Holm and Varga discussed trade.",
                      "Holm later flew to Accra for talks with Ghana's president on the South"
                      " China Sea.",
                      "Holm also held talks with Hungary's president on the South China Sea.",
                      parties=["Norway", "Hungary"])
    assert "south-china-sea" not in found[1]
    assert "south-china-sea" in found[2]
