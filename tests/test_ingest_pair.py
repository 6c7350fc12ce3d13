"""The pair of countries: the two sides at the table, with the words it was read from.
Every article here is written in our own words about invented officials."""

from __future__ import annotations

from store.ingest import extract
from store.ingest.pair import _both_sides, read_pair
from store.ingest.types import ActorTable
from store.models import Actor


def test_any_two_countries_of_the_world() -> None:
    d = extract(
        "Nairobi talks\n\nKenyan President Amani Wekesa met Somali President Idil Warsame in "
        "Nairobi on Tuesday, 14 May 2024, to discuss border security.\n\n"
        '"We agreed to reopen the crossing," Wekesa told reporters.\n'
    )
    assert d.dyad == ["Kenya", "Somalia"]
    assert d.dyad_source is not None and "Idil Warsame (Somalia)" in d.dyad_source
    assert "pair-uncertain" not in d.review_reasons


def test_a_broker_is_not_one_of_the_sides() -> None:
    d = extract(
        "Envoys meet again\n\nSerbian Foreign Minister Darko Ilic and Kosovar Foreign Minister "
        "Arta Berisha met in Brussels on 3 March 2023 with EU facilitators and EU envoy "
        "Pieter Claes, who chaired the session.\n\n"
        '"It was a hard day," Ilic said after the EU-mediated talks.\n'
    )
    assert d.dyad == ["Kosovo", "Serbia"]
    assert d.dyad_source is not None and "broker left out: European Union" in d.dyad_source


def test_what_two_other_sides_discuss_does_not_name_the_pair() -> None:
    d = extract(
        "Leaders talk by phone\n\nBritish Prime Minister Tom Harding spoke by phone with Irish "
        "Prime Minister Ciara Walsh on 4 October 2022. They discussed the state of EU-UK "
        "negotiations and Israeli-Palestinian relations.\n"
    )
    assert d.dyad == ["Ireland", "United Kingdom"]


def test_a_pair_from_counts_alone_needs_review() -> None:
    d = extract(
        "A cordial exchange\n\nOn 2 June 2024 the talks covered trade. Norway and Chile "
        "want more of it; Norway sells salmon and Chile sells copper.\n"
    )
    assert d.dyad == ["Chile", "Norway"]
    assert "pair-uncertain" in d.review_reasons


def test_with_a_host_at_the_table_the_phrase_naming_both_sides_decides() -> None:
    d = extract(
        "Envoys meet in Doha\n\nOfficials at the talks between Norway and Chile in Doha on "
        "Tuesday, 4 June 2024.\n\nThe meeting was attended by Qatari Foreign Minister Hamad "
        "Al-Kuwari, Norwegian Foreign Minister Ola Berg and Chilean Foreign Minister Ana Soto.\n"
    )
    assert d.dyad == ["Chile", "Norway"]


def test_with_three_leaders_named_the_two_who_speak_are_the_sides() -> None:
    d = extract(
        "Leaders meet at the summit\n\nKAZAN, June 4, 2024 - Kenyan President Amani Wekesa, "
        "Vietnamese President Tran Van Minh and Chilean President Ana Soto met on Tuesday "
        "at the summit.\n\n"
        '"Our ties are strong," Wekesa told Tran.\n\n'
        '"We will trade more," Tran replied.\n'
    )
    assert d.dyad == ["Kenya", "Vietnam"]


def test_the_host_of_two_others_talks_is_not_a_side() -> None:
    from store.ingest import extract

    draft = extract(
        "Talks on Sudan\n\nFeb. 19, 2025\n\n"
        "RIYADH (Wire) - Hungarian and Nigerian officials held talks in Riyadh on Tuesday about"
        " the war in Sudan, with Saudi Foreign Minister Faisal Omar hosting.\n\n"
        "Hungary's Lena Varga said the talks were useful. Nigeria's Tunde Okafor agreed.\n"
    )
    assert draft.dyad == ["Hungary", "Nigeria"]
    assert draft.dyad_source is not None and "Hungarian and Nigerian officials" in draft.dyad_source


def test_the_foreign_ministers_of_a_and_b_name_both_sides() -> None:
    from store.ingest import extract

    draft = extract("Ministers meet\n\nThe foreign ministers of Hungary and Nigeria met in Lagos"
                    " on Tuesday, as Austria and Ghana watched.\n")
    assert draft.dyad == ["Hungary", "Nigeria"]


def test_a_headline_ending_on_a_country_does_not_hide_the_ledes_counterpart_phrase() -> None:
    # The headline's last word and the lede's "his Somali counterpart" name one country:
    # that false match must not swallow the true one, "Kenyan President ... his Somali
    # counterpart", and leave the talks the two discuss as the pair.
    text = (
        "Wekesa, Warsame meet at the palace in Somalia\n\n"
        "Kenyan President Amani Wekesa met with his Somali counterpart, Idil Warsame, at the "
        "palace on Monday.\n\nWekesa backed peace talks between Somalia and Ethiopia.\n"
    )
    both = _both_sides(text)
    assert both is not None and sorted(both[0]) == ["Kenya", "Somalia"]


def test_the_two_countries_whose_governments_are_named_are_the_pair() -> None:
    # Neither official is introduced with a nationality; the EU and Russia are named more
    # often, but only as what the two talk about.
    d = extract(
        "At a press conference in the Austrian capital, Mr Koller was asked about EU plans to "
        "cut energy use.\n\n"
        "The Hungarian government's briefing said the EU should not interfere, and that the "
        "EU sanctions against Russia must spare gas from Russia.\n\n"
        "Chancellor Brandt said the EU must end its reliance on Russia, and agreed with the "
        "Hungarian government that the EU and Russia should talk. Both sides "
        "will meet again in May.\n"
    )
    assert d.dyad == ["Austria", "Hungary"]


def test_a_leader_named_further_down_is_not_a_side_however_often_quoted() -> None:
    # Three countries' leaders at the table: the two the headline and lede name met; the
    # third is in a briefing on another call, and a later quote is (wrongly) his.
    d = extract(
        "We had a useful talk with Soto, says Wekesa\n\nKenyan President Amani Wekesa shared "
        "details of his 3 June 2024 meeting in Mombasa with Chilean President Ana Soto.\n\n"
        '"Thank you for coming. We had a useful talk," Wekesa said.\n\n'
        "He said he told Soto about his phone call with Vietnamese President Tran Van Minh. "
        'The head of state stressed that both sides must keep "a practical approach to trade."\n'
    )
    assert d.dyad == ["Chile", "Kenya"]


def test_the_one_leader_the_headline_names_is_a_side() -> None:
    table = ActorTable(
        actors=[Actor(name="Amani Wekesa", country="Kenya"),
                Actor(name="Ana Soto", country="Chile"),
                Actor(name="Tran Van Minh", country="Vietnam")],
        participants=[0, 1, 2])
    text = "Wekesa back home after his trip\n\nThe two talked in Santiago.\n"
    quoted = ["Chile", "Vietnam"]
    # The headline names Wekesa alone: Kenya is a side; the other is the first of two who speak.
    got = read_pair(table, text, None, quoted, title="Wekesa back home after his trip",
                    lede="The two talked in Santiago.")
    assert got.pair == ["Chile", "Kenya"]
    # A lede naming one person ("X arrived for the summit") does not decide.
    got = read_pair(table, text, None, quoted, title="",
                    lede="Vietnamese President Tran Van Minh arrived for the summit.")
    assert got.pair == ["Chile", "Vietnam"]


def test_a_country_only_a_title_implies_is_no_side_in_a_text_that_never_names_it() -> None:
    # "premier" alone reads as China's office; this story never names China.
    d = extract(
        "Conservative premier Lena Varga on Monday, 3 June 2024, welcomed her British "
        "counterpart Tom Harding's first official visit to Hungary, which she said confirmed "
        '"very close work" between their countries.\n\n'
        '"I am glad to welcome Prime Minister Harding to Budapest," Varga told reporters after '
        "the talks in Budapest.\n\n"
        '"Hungary is a strong partner in Europe," Harding said.\n'
    )
    assert d.dyad == ["Hungary", "United Kingdom"]
    varga = next(p for p in d.participants if p.name == "Lena Varga")
    assert varga.country == "Hungary"


def test_a_third_countrys_policy_the_sides_discuss_does_not_make_it_a_side() -> None:
    # Neither leader is given a country; the United States is named most, but as the owner
    # of the tariffs the two discussed.
    d = extract(
        "Talks in Jakarta\n\nPresident Budi Santoso met Prime Minister Tran Van Minh in Jakarta "
        "on Monday, 2 June 2025, to discuss trade and the U.S. tariffs. The U.S. tariffs hit "
        "Indonesian and Vietnamese exports, and the United States said it would not lift them. "
        "U.S. President Dana Hale said so on Friday.\n\n"
        '"We are partners," Santoso said of Vietnam.\n'
    )
    assert d.dyad == ["Indonesia", "Vietnam"]


def test_a_host_named_as_such_with_two_other_countries_at_the_table_is_no_side() -> None:
    d = extract(
        "Ministers meet in Doha\n\nDOHA (Agency) - Pakistani Defence Minister Asif Baig and "
        "Afghan Defence Minister Omar Haqqani held talks on Sunday, 1 June 2025, hosted by "
        "Qatari Prime Minister Sheikh Mohammed.\n\n"
        '"Qatar will support the process," Sheikh Mohammed said. "Qatar is a friend," he '
        'added. "We want peace," Baig said.\n'
    )
    assert d.dyad == ["Afghanistan", "Pakistan"]


def test_a_host_and_the_two_guests_it_received() -> None:
    d = extract(
        "Ministers meet in Doha\n\nQatari Prime Minister Sheikh Mohammed hosted Pakistani "
        "Defence Minister Asif Baig and Afghan Defence Minister Omar Haqqani for talks in Doha "
        "on Sunday, 1 June 2025.\n\n"
        '"Qatar will support the process," Sheikh Mohammed said. "Qatar is a friend of both," '
        'he added. "We want peace," Baig said.\n'
    )
    assert d.dyad == ["Afghanistan", "Pakistan"]


def test_the_ledes_two_titled_sides_outweigh_a_third_countrys_envoy_at_the_table() -> None:
    # The guest is not read as a participant, an envoy of a third country who comments is:
    # the lede's "A's prime minister X met B's president Y" names the two sides.
    d = extract(
        "Japan, South Korea leaders hold talks\n\nJapanese Prime Minister Kenji Sato met South "
        "Korean President Park Min-ho in Seoul on Monday, 2 June 2025.\n\n"
        'U.S. Ambassador John Roe said the United States welcomed the talks. "This is good '
        'news," Roe said. "We support our allies," he added.\n\n'
        '"We agreed to work together," Park said.\n'
    )
    assert d.dyad == ["Japan", "South Korea"]


def test_a_known_official_keeps_his_country_in_a_text_that_never_names_it() -> None:
    # The table of officials gives Blinken's country; the title rule above is for titles
    # read from the text alone, and must not set a known official aside.
    d = extract("Talks\nMarch 3, 2024\n\nBlinken met Chinese Foreign Minister Wang Yi.\n")
    assert d.dyad == ["China", "United States"]


def test_two_leaders_as_the_subject_name_the_sides_over_a_later_visitor() -> None:
    # The meeting sentence has no meeting word ("discussed"); a third country's leader is
    # named only as the next visitor of one side.
    d = extract(
        "Leaders discuss the border\n\nOslo, May 3 (Agency).- Norwegian Prime Minister Ola "
        "Berg and Chilean President Ana Soto Jr. discussed fishing rights, officials said "
        "on Friday.\n\nThe talks took place on Thursday in Lima on the sidelines of a summit."
        "\n\nThe meeting comes ahead of Brazilian Vice President Rui Lopes' visit to Chile "
        "next week, where he is scheduled to meet with Soto.\n"
    )
    assert d.dyad == ["Chile", "Norway"]


def test_a_headline_ending_in_a_country_does_not_run_into_the_lede_subjects() -> None:
    both = _both_sides(
        "Leaders meet at a summit in Peru\n\nNorwegian Prime Minister Ola Berg and Chilean "
        "President Ana Soto met on Saturday.\n")
    assert both is not None and sorted(both[0]) == ["Chile", "Norway"]


def test_a_host_named_by_name_with_two_other_leaders_at_the_table_is_no_side() -> None:
    # The host's country is known from the table, not from a nationality before his name.
    table = ActorTable(
        actors=[Actor(name="Amani Wekesa", country="Kenya"),
                Actor(name="Idil Warsame", country="Somalia"),
                Actor(name="Hamad bin Khalid Al Nasser", country="Qatar")],
        participants=[0, 1, 2])
    text = ("Leaders meet\n\nPresident Amani Wekesa on Tuesday attended a meeting with his "
            "counterpart, Idil Warsame, hosted by Sheikh Hamad bin Khalid Al Nasser, at a "
            "palace outside the capital.\n\nThe meeting in Qatar backed a ceasefire.\n")
    # The host's ministry is quoted most: still no side.
    quoted = ["Qatar", "Qatar", "Kenya"]
    assert read_pair(table, text, None, quoted).pair == ["Kenya", "Somalia"]


def test_the_democratic_republic_of_the_congo_by_its_full_name() -> None:
    from store.ingest.countries import country_of

    assert country_of("DRC") == "Democratic Republic of the Congo"
    assert country_of("Congo-Brazzaville") == "Republic of the Congo"


def test_each_side_named_after_its_leader_names_the_pair() -> None:
    both = _both_sides(
        "Leaders meet\n\nPresidents Ana Soto Vera of Chile and Ola Berg Lund of Norway held a "
        "meeting on Friday in Lima.\n")
    assert both is not None and sorted(both[0]) == ["Chile", "Norway"]
    both = _both_sides(
        "Ties in focus\n\nPresident Amani Wekesa of Kenya has held talks with Somalia's "
        "president, who is visiting Nairobi.\n")
    assert both is not None and sorted(both[0]) == ["Kenya", "Somalia"]


def test_the_phrase_names_the_sides_when_the_table_holds_a_later_visitor() -> None:
    # The guest is never given a country; a leader named further down is another visit's.
    table = ActorTable(
        actors=[Actor(name="Amani Wekesa", country="Kenya"),
                Actor(name="Sheikh Omar Farah", country=None),
                Actor(name="Dana Hale", country="United States")],
        participants=[0, 1, 2])
    text = ("Ties in focus\n\nPresident Amani Wekesa of Kenya has held talks with Somalia's "
            "president, Sheikh Omar Farah, who is visiting Nairobi.\n\nThe talks come weeks "
            "before U.S. President Dana Hale visits Nairobi for talks with Wekesa.\n")
    assert read_pair(table, text, None).pair == ["Kenya", "Somalia"]
