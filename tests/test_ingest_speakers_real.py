"""Speakers as real copy writes them, reproduced in our own sentences.

Each test is one phenomenon seen in real articles (benchmarks/real), with invented
officials: nothing here is in the built-in list, so the text alone must be enough.
"""

from __future__ import annotations

from store.ingest.actors import find_actors
from store.ingest.names import name_runs
from store.ingest.normalize import normalize
from store.ingest.quotes import find_quotes
from store.ingest.structure import split_paragraphs
from store.models import Quote


def _quotes(text: str) -> list[Quote]:
    norm = normalize(text)
    paras = split_paragraphs(norm, 0, len(norm))
    return find_quotes(text, norm, paras, find_actors(norm, paras))


def _speaker(quotes: list[Quote], start: str) -> tuple[str | None, str | None]:
    for q in quotes:
        if q.text.startswith(start):
            return q.speaker, q.speaker_country
    raise AssertionError(f"no quote {start!r} in {[q.text for q in quotes]}")


def test_names_with_letters_of_central_european_and_vietnamese_alphabets_are_whole() -> None:
    text = "Polish Foreign Minister Radosław Wiśniewski met Nguyễn Văn Thành in Hanoi."
    assert [w for _s, _e, w in name_runs(text, 0, len(text))] == [
        ["Radosław", "Wiśniewski"], ["Nguyễn", "Văn", "Thành"]]


def test_a_speaker_whose_surname_has_a_diacritic_is_named_in_full() -> None:
    quotes = _quotes("Serbian President Dragan Marković met Hungarian Prime Minister Lena Varga "
                     'in Belgrade.\n\n"We are neighbours and partners," Marković said.\n')
    assert _speaker(quotes, "We are neighbours") == ("Dragan Marković", "Serbia")


def test_the_title_with_describing_words_before_it_is_the_person_met() -> None:
    quotes = _quotes(
        "Hungarian Foreign Minister Lena Varga met Serbian Foreign Minister Dragan Marković "
        'in Belgrade.\n\n"We found common ground," the usually reserved Hungarian diplomat '
        'said.\n\nThe top Serbian diplomat described the talks as "open," adding that more '
        "would follow.\n")
    assert _speaker(quotes, "We found") == ("Lena Varga", "Hungary")
    assert _speaker(quotes, "open") == ("Dragan Marković", "Serbia")


def test_a_title_made_someone_elses_by_its_first_word_is_not_the_person_met() -> None:
    quotes = _quotes(
        "Hungarian President Lena Varga met Serbian President Dragan Marković in Belgrade.\n\n"
        '"This is a betrayal," the former Serbian president said.\n')
    assert _speaker(quotes, "This is a betrayal")[0] != "Dragan Marković"


def test_a_gerund_after_a_preposition_speaks_for_the_subject_of_its_clause() -> None:
    quotes = _quotes(
        "Hungarian President Lena Varga met Serbian President Dragan Marković in Belgrade.\n\n"
        '"We are grateful," Varga said.\n\nMarković declined to give details, only hinting '
        'at a deal by saying, "We are close."\n')
    assert _speaker(quotes, "We are close") == ("Dragan Marković", "Serbia")


def test_an_aide_takes_the_country_of_a_principal_learnt_only_later() -> None:
    quotes = _quotes(
        "Prime Minister Aram Petrosyan and President Lena Varga of Hungary met in Vienna.\n\n"
        'Petrosyan\'s press secretary Ani Hakobyan called it a "working meeting."\n\n'
        "The Armenian prime minister flew home on Wednesday.\n")
    assert _speaker(quotes, "working meeting") == ("Ani Hakobyan", "Armenia")


def test_a_speaker_named_after_the_quote_with_a_country_possessive_and_a_courtesy_title() -> None:
    quotes = _quotes(
        '"It is an honour to be in Vienna," said Kuwait\'s Sheikh Fahad bin Nasser Al Sabah '
        "at a news conference with Austrian Chancellor Lena Gruber on Monday.\n\n"
        '"We agreed to meet again," Sheikh Fahad said.\n')
    assert _speaker(quotes, "It is an honour") == ("Fahad bin Nasser Al Sabah", "Kuwait")
    assert _speaker(quotes, "We agreed") == ("Fahad bin Nasser Al Sabah", "Kuwait")


def test_a_country_possessive_before_a_name_gives_the_country() -> None:
    quotes = _quotes("Austria's Lena Gruber said the talks were \"a fresh start.\"\n")
    assert _speaker(quotes, "a fresh start") == ("Lena Gruber", "Austria")


def test_sheikh_before_a_lone_name_is_part_of_how_the_person_is_known() -> None:
    quotes = _quotes('"We want calm," Sheikh Rahima told reporters in Dhaka.\n')
    assert _speaker(quotes, "We want calm")[0] == "Sheikh Rahima"


def test_a_heading_quote_names_its_speaker_after_a_colon() -> None:
    quotes = _quotes(
        "Hungarian President Lena Varga met Serbian President Dragan Marković in Belgrade.\n\n"
        '"We found common ground," Marković said.\n\n'
        "'Our doors are open': Varga\n\n"
        'Varga said Hungary wanted "more trade."\n')
    assert _speaker(quotes, "Our doors are open") == ("Lena Varga", "Hungary")


def test_a_colon_inside_a_sentence_does_not_name_a_speaker_after_it() -> None:
    quotes = _quotes(
        "Hungarian President Lena Varga met Serbian President Dragan Marković in Belgrade.\n\n"
        'Varga called the talks "a turning point": Marković was less sure of it.\n')
    assert _speaker(quotes, "a turning point") == ("Lena Varga", "Hungary")


def test_an_acronym_in_brackets_between_a_body_and_its_verb() -> None:
    quotes = _quotes(
        "Hungarian President Lena Varga met Kenyan President Amani Otieno in Nairobi.\n\n"
        '"The talks were good," the Kenyan Foreign Ministry (KFM) said.\n')
    assert _speaker(quotes, "The talks were good") == ("Kenyan Foreign Ministry", "Kenya")


def test_months_that_are_names_stay_in_the_name() -> None:
    text = ("Czech Foreign Minister Jan Dvorak met former prime minister Hannah May in May, "
            "and on 5 May Dvorak flew home.")
    assert [w for _s, _e, w in name_runs(text, 0, len(text))] == [
        ["Jan", "Dvorak"], ["Hannah", "May"], ["Dvorak"]]


def test_the_head_of_state_is_the_leader_of_that_country() -> None:
    quotes = _quotes(
        "Kenyan President William Mwangi received Indonesian President Budi Santoso in Nairobi."
        '\n\n"We drink a lot of tea," Santoso said.\n\n'
        'Speaking after the talks, the Kenyan head of state called the visit "historic."\n')
    assert _speaker(quotes, "historic") == ("William Mwangi", "Kenya")


def test_a_surname_that_is_a_capital_city_is_the_person_not_the_country() -> None:
    quotes = _quotes(
        "German Chancellor Markus Weber hosted Brazilian President Joao Lima in Berlin.\n\n"
        '"Brazil is indispensable," Weber said.\n\n'
        "Lima, on his first visit to Europe since taking office, thanked his host. "
        '"Germany has been a loyal friend," he said.\n\n'
        'Lima said the two countries shared "a common destiny".\n\n'
        "Weber will travel on to talks in Lima next year.\n")
    assert _speaker(quotes, "Germany has been") == ("Joao Lima", "Brazil")
    assert _speaker(quotes, "a common destiny") == ("Joao Lima", "Brazil")


def test_the_owner_of_a_statement_speaks_its_words_further_on_in_the_sentence() -> None:
    quotes = _quotes(
        "Hungarian President Lena Varga met Serbian President Dragan Marković in Belgrade.\n\n"
        '"We found common ground," Varga said.\n\n'
        "The key phrase in Marković's statement after the meeting is that ties will grow "
        '"step by step and without haste".\n')
    assert _speaker(quotes, "step by step") == ("Dragan Marković", "Serbia")


def test_a_subheading_repeating_a_body_quote_is_said_once_by_the_body_speaker() -> None:
    quotes = _quotes(
        "Hungarian President Lena Varga met Serbian President Dragan Marković in Belgrade.\n\n"
        '"We found common ground," Varga said.\n\n'
        "'Step by step, without haste'\n\n"
        'Marković said ties would grow "step by step, without haste".\n')
    # Said once: the heading's echo is not a second quote, and the words are Marković's.
    assert [q.speaker for q in quotes if "without haste" in q.text] == ["Dragan Marković"]


def test_a_single_quoted_paragraph_cut_by_the_end_of_an_excerpt_is_a_quote() -> None:
    quotes = _quotes(
        "Hungarian President Lena Varga met Serbian President Dragan Marković in Belgrade.\n\n"
        "In his opening remarks, Marković praised Varga.\n\n"
        "'Today when President Varga's ministers say that we are partners, I agree wi")
    assert _speaker(quotes, "Today when") == ("Dragan Marković", "Serbia")


def test_an_apostrophe_opening_a_paragraph_is_not_a_quote() -> None:
    quotes = _quotes("Hungarian President Lena Varga met Serbian President Dragan Marković.\n\n"
                     "'90s music played as the two presidents walked in to the hall.\n")
    assert quotes == []


def test_an_agency_named_with_what_it_is_speaks_its_readout() -> None:
    quotes = _quotes(
        "South Korean Foreign Minister Kim Min-jun met North Korean Foreign Minister Ri Song-ho "
        "in Panmunjom.\n\nNorth Korea's official KCNA news agency said Ri had \"clearly stated "
        'the principled stand" of Pyongyang.\n')
    assert _speaker(quotes, "clearly stated") == ("KCNA", "North Korea")


def test_an_unnamed_aide_speaks_for_the_country_of_the_person_served() -> None:
    quotes = _quotes(
        "South Korean President Park Ji-hoon met Chilean President Pablo Rojas in Seoul.\n\n"
        "Park's spokeswoman said he was \"encouraged\" by the talks.\n\n"
        "Rojas's spokesman, Diego Soto, said the visit was \"a success\".\n")
    assert _speaker(quotes, "encouraged") == ("Park Ji-hoon's spokeswoman", "South Korea")
    assert _speaker(quotes, "a success") == ("Diego Soto", "Chile")


def test_an_aide_of_a_leader_named_by_nationality_is_of_that_country() -> None:
    quotes = _quotes(
        "Nigerian President Bola Adeyemi and French President Louis Martin met in Paris.\n\n"
        '"The meeting went well," the Nigerian leader\'s spokesman, Musa Bello, said.\n')
    assert _speaker(quotes, "The meeting went well") == ("Musa Bello", "Nigeria")


def test_the_head_of_a_national_delegation_is_of_that_country() -> None:
    quotes = _quotes(
        "Indian and Pakistani officials met at the Attari border on Thursday.\n\n"
        "The 12-member Pakistani delegation was led by Director-General Dr Ali Raza Khan.\n\n"
        '"We came in a spirit of engagement," said Dr Ali Raza Khan.\n')
    assert _speaker(quotes, "We came") == ("Ali Raza Khan", "Pakistan")


def test_a_participle_of_speech_after_a_comma_speaks_for_the_clause_subject() -> None:
    quotes = _quotes(
        "Hungarian President Lena Varga met Serbian President Dragan Marković in Belgrade.\n\n"
        '"We found common ground," Varga said.\n\n'
        "Marković spoke after the talks, insisting that the border was \"not negotiable\".\n")
    assert _speaker(quotes, "not negotiable") == ("Dragan Marković", "Serbia")


def test_a_third_person_met_is_not_given_a_country_by_counting() -> None:
    quotes = _quotes(
        "Greek Prime Minister Nikos Pappas welcomed Cypriot President Andreas Georgiou to Athens."
        "\n\nThey discussed Turkey.\n\nThe Cypriot president also met opposition leader Maria "
        'Stavrou, who told reporters the talks were "useful".\n')
    assert _speaker(quotes, "useful") == ("Maria Stavrou", None)


def test_the_head_of_a_foreign_ministry_or_of_a_diplomacy_is_its_minister() -> None:
    quotes = _quotes(
        "Polish Foreign Minister Tomasz Nowak held talks with Hungarian Minister of Foreign "
        "Affairs and Trade Peter Kovacs in Warsaw.\n\n"
        '"We value the position of Budapest," the head of the Polish Foreign Ministry said.\n\n'
        '"Hungary wants stable gas supplies," the head of Hungarian diplomacy stressed.\n')
    assert _speaker(quotes, "We value") == ("Tomasz Nowak", "Poland")
    assert _speaker(quotes, "Hungary wants") == ("Peter Kovacs", "Hungary")


def test_the_head_of_state_is_the_president_not_the_prime_minister_met() -> None:
    quotes = _quotes(
        "President of Kazakhstan Nurlan Abenov held talks with Prime Minister of Mongolia "
        'Batbayar Ganbold in Astana.\n\n"We want direct flights," Ganbold said.\n\n'
        'The Head of State noted that trade had "doubled in five years".\n')
    assert _speaker(quotes, "doubled") == ("Nurlan Abenov", "Kazakhstan")


def test_a_press_service_speaks_for_its_country() -> None:
    quotes = _quotes(
        "President of Kazakhstan Nurlan Abenov held talks with Prime Minister of Mongolia "
        'Batbayar Ganbold in Astana.\n\nThe sides discussed "regional security", the Kazakh '
        "presidential press service reported.\n")
    assert _speaker(quotes, "regional security") == (
        "Kazakh presidential press service", "Kazakhstan")


def test_a_short_last_line_cut_inside_a_quotation_is_a_paragraph_not_a_heading() -> None:
    norm = normalize("Hungarian President Lena Varga met Serbian President Dragan Marković.\n\n"
                     "They talked for two hours.\n\n"
                     "Varga \u201cunderscored the importance of keeping the border open across the")
    paras = split_paragraphs(norm, 0, len(norm))
    assert len(paras) == 3 and norm[paras[2].start:].startswith("Varga")


def test_a_heading_that_repeats_a_quotation_of_the_body_is_not_a_second_quote() -> None:
    quotes = _quotes(
        "Hungarian President Lena Varga met Serbian President Dragan Marković in Belgrade.\n\n"
        "'Our doors are open to trade': Varga\n\n"
        'Varga said, "Our doors are open to trade and to investment."\n')
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Our doors are open to trade and to investment.", "Lena Varga")]


def test_she_prefers_a_likely_womans_name_to_a_man_of_unknown_gender() -> None:
    quotes = _quotes(
        "Hungarian Foreign Minister Lena Varga met Serbian Foreign Minister Dragan Markovic in "
        "Belgrade.\n\nVarga said Hungary backed the bid. Markovic said Serbia valued the "
        'partnership, and called the talks "very open". "We want you in the union," she said.\n')
    assert _speaker(quotes, "We want you") == ("Lena Varga", "Hungary")


def test_a_heads_media_division_speaks_for_its_country() -> None:
    quotes = _quotes(
        "Indian Prime Minister Rohan Mehta met Sri Lankan President Anura Perera in Delhi.\n\n"
        "The Sri Lankan President's Media Division said the visit was \"a milestone\".\n")
    assert _speaker(quotes, "a milestone") == ("Sri Lankan President's Media Division",
                                               "Sri Lanka")


def test_a_reporting_clause_after_a_quoted_sentence_names_its_speaker() -> None:
    # `"... Welcome!" Kral noted.`: the quoted sentence ends at its mark, and the clause
    # that names the speaker follows as a sentence of its own.
    base = ("Hungarian Chancellor Lena Varga met Slovak President Jan Kral in Paris.\n\n"
            '"We believe in friendship!" Varga said.\n\n')
    for tail in ('!" Kral noted.', '?" Kral asked.', '." Kral said.'):
        quotes = _quotes(base + '"A promise of momentum. Welcome, Chancellor Varga' + tail + "\n")
        assert _speaker(quotes, "A promise") == ("Jan Kral", "Slovakia"), tail


def test_a_quote_introduced_before_keeps_its_speaker_over_the_next_sentence() -> None:
    quotes = _quotes("Hungarian Chancellor Lena Varga met Slovak President Jan Kral in Paris.\n\n"
                     'Varga said: "We agree on the border." Kral said the talks went well.\n')
    assert _speaker(quotes, "We agree") == ("Lena Varga", "Hungary")


def test_a_person_in_a_phrase_fronted_before_the_subject_is_not_the_speaker() -> None:
    # "Like X the day before, Y ... by saying": X is in a prepositional phrase.
    quotes = _quotes(
        "Hungarian Chancellor Lena Varga met Slovak President Jan Kral in Paris.\n\n"
        "But like Czech Prime Minister Petr Novak the day before, Ms Varga just smiled and "
        'dampened hopes by saying: "We have to respect what was agreed."\n')
    assert _speaker(quotes, "We have to respect") == ("Lena Varga", "Hungary")


def test_a_title_before_the_next_name_is_no_appositive_of_a_place() -> None:
    # "In Kosice, President Kral met": "President" is Kral's title, not Kosice's.
    text = ("On the 30th in Kosice, President Jan Kral of Slovakia met Hungarian Chancellor "
            'Lena Varga and said, "We will come and go at any time."\n')
    norm = normalize(text)
    table = find_actors(norm, split_paragraphs(norm, 0, len(norm)))
    assert sorted(a.name for a in table.actors) == ["Jan Kral", "Lena Varga"]


def test_a_participle_after_a_first_quote_speaks_for_the_subject_before_it() -> None:
    # `X mentioned "A," calling it "B"`: B is X's too, though a quote stands between.
    quotes = _quotes(
        "Slovak President Jan Kral met Hungarian Chancellor Lena Varga in Tallinn.\n\n"
        'In his opening remarks, President Kral first mentioned the "Varga soup," calling it '
        '"the finest in Europe." Varga served it at the dinner.\n')
    assert _speaker(quotes, "the finest") == ("Jan Kral", "Slovakia")


def test_a_title_met_before_the_name_it_stands_for_is_that_person() -> None:
    # The lede says "the Slovak leader"; "President Jan Kral" is named only below.
    quotes = _quotes(
        "According to the Slovak leader, relations with Hungary are \"stable and free from "
        'outside shocks".\n\nPresident Jan Kral met Hungarian Chancellor Lena Varga in '
        "Kosice on Monday. Kral said the border would stay open.\n")
    assert _speaker(quotes, "stable and free") == ("Jan Kral", "Slovakia")


def test_a_title_met_first_that_fits_two_people_stays_unresolved() -> None:
    quotes = _quotes(
        'According to the leader, relations are "stable and free from outside shocks".\n\n'
        "President Jan Kral of Slovakia met President Lena Varga of Hungary in Kosice.\n")
    assert _speaker(quotes, "stable and free") == (None, None)


def test_a_ministry_of_any_portfolio_is_a_speaker_of_its_country() -> None:
    quotes = _quotes(
        "Slovak Defence Minister Jan Kral met his Hungarian counterpart Lena Varga in Kosice.\n\n"
        'The two sides "agree to keep the border calm," according to a statement from the '
        "Slovak Information Ministry.\n\n"
        'The Ministry of Finance of Hungary said the deal was "a good start".\n')
    assert _speaker(quotes, "agree to keep") == ("Slovak Information Ministry", "Slovakia")
    assert _speaker(quotes, "a good start") == ("Hungarian Finance Ministry", "Hungary")


def test_a_misspelt_title_is_no_part_of_the_name() -> None:
    quotes = _quotes(
        "FILE: President Jan Kral is greeted by Hungarian Chancellor Lena Varga.\n\n"
        "Slovak Prsident Jan Kral is in Budapest for talks with Foreign Minster Petr Novak.\n\n"
        'Kral said his priority was "the border".\n')
    assert _speaker(quotes, "the border") == ("Jan Kral", "Slovakia")
    assert [w for _s, _e, w in name_runs("Foreign Minster Petr Novak", 0, 26)] == [
        ["Petr", "Novak"]]


def test_he_after_a_fronted_phrase_carries_his_referent_to_the_next_quote() -> None:
    # The fronted phrase names the other man; "he" (the subject) is the one continued.
    quotes = _quotes(
        "Hungarian Prime Minister Lena Varga hosted Slovak Prime Minister Jan Kral in "
        "Budapest.\n\nMr Kral wrote that the visit was \u201cimportant.\u201d Like his "
        "Hungarian counterpart, he noted that the ties turn thirty this year.\n\n"
        "\u201cBoth countries are committed to the friendship,\u201d he noted.\n")
    assert _speaker(quotes, "Both countries") == ("Jan Kral", "Slovakia")


def test_two_single_marks_typed_for_a_closing_double_mark_close_the_quote() -> None:
    quotes = _quotes(
        "Hungarian Prime Minister Lena Varga met Slovak Prime Minister Jan Kral in Kosice.\n\n"
        "Varga described the talks as \"knotty''.\n\n"
        "\"We have some knotty issues to discuss, but we can handle them,'' she said.\n")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("knotty", "Lena Varga"),
        ("We have some knotty issues to discuss, but we can handle them,", "Lena Varga")]


def test_a_short_function_word_capitalised_mid_sentence_is_part_of_a_name() -> None:
    quotes = _quotes(
        "Hungarian President Lena Varga hosted her Vietnamese counterpart To Van Binh in "
        'Budapest.\n\nBinh told Varga that the partnership was "a strategic choice".\n')
    assert _speaker(quotes, "a strategic choice") == ("To Van Binh", "Vietnam")
    assert [w for _s, _e, w in name_runs("the leaders met In Budapest", 0, 27)] == []


def test_a_bare_quotation_after_a_fronted_phrase_is_the_subjects() -> None:
    # The quote has no attribution of its own: the sentence before speaks, and its
    # subject stands after "Following the talks between X and Y,".
    quotes = _quotes(
        "Hungarian Foreign Minister Lena Varga met Slovak Foreign Minister Jan Kral in "
        "Kosice.\n\nFollowing the talks between Kral and Varga, the Hungarian minister also "
        "noted an invitation.\n\n\u201cMr. Kral conveyed an invitation for our president to "
        "visit Slovakia. We will find dates.\u201d\n")
    assert _speaker(quotes, "Mr. Kral conveyed") == ("Lena Varga", "Hungary")


def test_a_countrys_possessive_before_a_title_is_that_countrys_holder() -> None:
    head = ("Hungarian Foreign Minister Lena Varga met Slovak Foreign Minister Jan Kral in "
            "Kosice on Monday.\n\n")
    quotes = _quotes(head + "Slovakia's foreign minister said the talks were \"very open\".\n\n"
                     '"We will meet again," Hungary\'s top diplomat told reporters.\n')
    assert _speaker(quotes, "very open") == ("Jan Kral", "Slovakia")
    assert _speaker(quotes, "We will meet") == ("Lena Varga", "Hungary")


def test_a_possessive_title_before_a_name_is_that_names_title() -> None:
    quotes = _quotes("Hungary's foreign minister Lena Varga met Jan Kral of Slovakia.\n\n"
                     'Slovakia\'s foreign minister, Petr Novak, called it "a reset".\n')
    assert _speaker(quotes, "a reset") == ("Petr Novak", "Slovakia")


def test_thanks_for_the_welcome_are_the_guests_words_when_a_pronoun_says_them() -> None:
    text = ("Hungarian Foreign Minister Lena Varga arrived in Kosice on Monday for talks with "
            "Slovak Foreign Minister Jan Kral.\n\nKral spoke first. ")
    quotes = _quotes(text + '"I am grateful for your warm hospitality," the minister said.\n')
    assert _speaker(quotes, "I am grateful") == ("Lena Varga", "Hungary")
    # A name is not overruled: the host may thank the guest's delegation for coming.
    quotes = _quotes(text + '"Thank you for the warm welcome you gave us," Kral said.\n')
    assert _speaker(quotes, "Thank you") == ("Jan Kral", "Slovakia")


def test_an_occupation_before_a_name_is_no_part_of_it() -> None:
    quotes = _quotes("Hungarian Foreign Minister Lena Varga met Slovak Foreign Minister Jan Kral."
                     '\n\nAnalyst Peter Szabo said the meeting was "a reset".\n')
    assert _speaker(quotes, "a reset") == ("Peter Szabo", None)


def test_an_aide_named_after_a_possessive_in_an_inverted_clause_speaks() -> None:
    quotes = _quotes("Hungarian Foreign Minister Lena Varga met Slovak Foreign Minister Jan Kral."
                     '\n\n"We will keep the border open," said Varga\'s spokesman, Tomas Hrib.\n')
    assert _speaker(quotes, "We will keep") == ("Tomas Hrib", "Hungary")


def test_a_readouts_third_person_wording_belongs_to_the_body_that_issued_it() -> None:
    # ANNOTATION.md: `X told Y "...", the ministry said` is the body's.
    quotes = _quotes(
        "Hungarian Foreign Minister Peter Varga met Slovak Foreign Minister Jan Kral in "
        "Kosice.\n\nKral told Varga that Hungary should respect the \"status quo on the "
        'river," the Slovak Foreign Ministry said.\n')
    assert _speaker(quotes, "status quo") == ("Slovak Foreign Ministry", "Slovakia")


def test_the_royal_court_is_the_court_of_the_monarch_the_article_names() -> None:
    quotes = _quotes(
        "Hungarian Prime Minister Peter Varga flew to Bhutan for talks with King Dorji, "
        "who the royal court said urged calm.\n\nDorji told Varga that Hungary should keep "
        'the "status quo on the river," the royal court said.\n\nBhutan\'s King Dorji '
        "later hosted a dinner.\n")
    assert _speaker(quotes, "status quo") == ("Bhutanese Royal Court", "Bhutan")


def test_the_capitalised_portfolio_after_of_is_no_person() -> None:
    text = ("Hungarian Prime Minister Lena Varga met the Minister of Business and Made in "
            "Slovakia, Jan Kral, and the Minister of Culture.\n")
    norm = normalize(text)
    table = find_actors(norm, split_paragraphs(norm, 0, len(norm)))
    assert not {"Business", "Made", "Culture"} & {a.name for a in table.actors}


def test_a_leader_without_a_country_is_of_the_side_his_aides_are_on() -> None:
    # The aides name both sides; Ukraine, though named most, has nobody at the table.
    quotes = _quotes(
        "The summit between Slovak President Jan Kral and Petr Novak was about Ukraine. "
        "Ukraine, Ukraine and Ukraine were named; Ukrainian President Ivan Bondar was absent."
        "\n\nKral and Novak each had two aides with them in the meeting, Hungarian Foreign "
        "Minister Lena Varga and Slovak Foreign Minister Eva Toth.\n\n"
        '"We had a good talk," Novak said.\n')
    assert _speaker(quotes, "We had a good talk") == ("Petr Novak", "Hungary")


def test_a_country_after_an_appositive_title_is_the_persons() -> None:
    # The host's outlet gives its own leader no country; the guest's comes after the
    # appositive, and the host is then of the country named most besides.
    quotes = _quotes(
        "Stability in Slovakia is \"a priority for Hungary's security,\" Prime Minister Lena "
        "Varga told Jan Kral, her counterpart in Slovakia's government, in Budapest. Interior "
        "Minister Peter Szabo also attended. Hungary and Hungary's firms want more trade.\n\n"
        '"We are neighbours," Kral said.\n')
    assert _speaker(quotes, "We are neighbours") == ("Jan Kral", "Slovakia")
    assert _speaker(quotes, "a priority") == ("Lena Varga", "Hungary")


def test_a_dateline_country_is_no_nationality_and_his_excellency_no_name() -> None:
    quotes = _quotes(
        "KOSICE, SLOVAKIA \u2013 President Lena Varga and Slovak President H.E. Jan Kral "
        "agreed to boost cooperation between Budapest and Bratislava.\n\n"
        '"We are neighbours," Kral said.\n\n"Fresh opportunities," Varga said.\n')
    assert _speaker(quotes, "We are neighbours") == ("Jan Kral", "Slovakia")
    assert _speaker(quotes, "Fresh opportunities")[1] != "Slovakia"


def test_an_external_affairs_minister_is_indias() -> None:
    quotes = _quotes("External Affairs Minister Arjun Rao met Hungarian Foreign Minister Lena "
                     'Varga in Budapest.\n\n"Our talks were good," Rao said.\n')
    assert _speaker(quotes, "Our talks") == ("Arjun Rao", "India")


def test_names_with_letters_of_latin_extended_b_are_whole() -> None:
    text = "Vietnamese President Trần Văn Thưởng met Hungarian President Lena Varga."
    assert [w for _s, _e, w in name_runs(text, 0, len(text))][0] == ["Trần", "Văn", "Thưởng"]


def test_a_name_before_a_facility_word_is_a_place() -> None:
    text = ("Slovak President Jan Kral landed at King Tomas Airport and met Hungarian President "
            "Lena Varga at Ferenc Liszt University.\n")
    norm = normalize(text)
    table = find_actors(norm, split_paragraphs(norm, 0, len(norm)))
    assert sorted(a.name for a in table.actors) == ["Jan Kral", "Lena Varga"]


def test_a_commission_or_european_council_president_is_of_the_european_union() -> None:
    quotes = _quotes("Commission President Anna Berg and European Council President Jan Kral met "
                     'Hungarian President Lena Varga in Budapest.\n\n"We agree," Berg said. '
                     '"So do we," Kral said.\n')
    assert _speaker(quotes, "We agree") == ("Anna Berg", "European Union")
    assert _speaker(quotes, "So do we") == ("Jan Kral", "European Union")


def test_a_three_word_country_before_a_title_is_its_nationality() -> None:
    quotes = _quotes("United Arab Emirates President Sheikh Khalid bin Saeed met Hungarian "
                     'President Lena Varga.\n\n"We agree," Khalid bin Saeed said.\n')
    assert _speaker(quotes, "We agree")[1] == "United Arab Emirates"


def test_a_person_known_by_the_initials_of_a_full_name_met_before() -> None:
    quotes = _quotes(
        "Slovak Crown Prince Jan bin Kral met Hungarian President Lena Anna Varga Toth in "
        'Budapest.\n\n"We are partners," JBK said. "Prices must stay stable," LAVT told '
        'reporters. "Not us," the UN said.\n')
    assert _speaker(quotes, "We are partners") == ("Jan bin Kral", "Slovakia")
    assert _speaker(quotes, "Prices must") == ("Lena Anna Varga Toth", "Hungary")


def test_a_quotation_printed_again_under_a_photo_is_one_quote() -> None:
    quotes = _quotes(
        "Hungarian Prime Minister Lena Varga met Slovak Prime Minister Jan Kral in Kosice.\n\n"
        '"Defending the border is a defence of the whole region," Varga said.\n\n'
        '"Defending the border is a defence of the whole region," Hungarian Prime Minister '
        "Lena Varga said in Kosice on Wednesday. Photo: PAP\n\n"
        '"Very good," Kral said. "Very good," Varga said.\n')
    assert [q.text[:12] for q in quotes] == ["Defending th", "Very good,", "Very good,"]


def test_a_reporting_verb_in_a_fronted_phrase_leaves_the_quote_to_the_subject() -> None:
    quotes = _quotes(
        "Hungarian Prime Minister Lena Varga met Slovak Prime Minister Jan Kral in Kosice.\n\n"
        'As reported, Slovak Prime Minister Jan Kral is seeking a "reset" of relations.\n')
    assert _speaker(quotes, "reset") == ("Jan Kral", "Slovakia")


def test_a_dateline_glued_to_the_title_by_a_dash_is_not_part_of_the_name() -> None:
    # The dash between the dateline's country and the title lost its spaces.
    quotes = _quotes("KARTA, Freedonia\u2014President Rufus Firefly met the prince on Friday.\n\n"
                     "\u201cI made my view crystal clear,\u201d Firefly said.\n")
    assert _speaker(quotes, "I made my view")[0] == "Rufus Firefly"


def test_a_monarchs_regnal_number_is_part_of_the_name_and_the_bare_given_name_finds_it() -> None:
    text = ("Freedonia\u2019s King Rufus III received Sylvanian Prime Minister Jon Trentino "
            "in Karta.\n\n"
            "The King expressed his \u201cthanks to Sylvania for this stance.\u201d\n\n"
            "King Rufus stressed \u201cthe unique prospects for cooperation.\u201d\n")
    assert ["Rufus", "III"] in [w for _s, _e, w in name_runs(text, 0, 40)]
    quotes = _quotes(text)
    assert _speaker(quotes, "thanks to Sylvania")[0] == "Rufus III"
    assert _speaker(quotes, "the unique prospects")[0] == "Rufus III"


def test_a_first_person_quote_that_names_one_leader_is_the_other_leaders() -> None:
    quotes = _quotes(
        "Italian Prime Minister Lia Trentino met French President Paul Firefly in Rome. "
        "Trentino might have preferred the meeting to stay quiet, but it was Firefly who "
        "removed any doubt by speaking to an agency: \u201cI met Lia Trentino here. We "
        "preferred this meeting to be informal.\u201d\n\n"
        "Trentino then said in turn: \u201cWe discussed energy.\u201d\n")
    assert _speaker(quotes, "I met Lia Trentino")[0] == "Paul Firefly"
    assert _speaker(quotes, "We discussed energy")[0] == "Lia Trentino"


def test_the_guest_who_thanks_in_the_reporting_clause_speaks_on_over_the_next_he_said() -> None:
    # Nothing but "his Peruvian guest" says who visits; the resolver reads every "he" as
    # the host, and the copy dropped the line naming the guest.
    quotes = _quotes(
        "Peruvian Foreign Minister Tomas Ferreyra and Chilean Foreign Minister Marta Quiroga "
        "met in Santiago on Monday.\n\n"
        "The Chilean minister, smiling, greeted his Peruvian guest in the palace.\n\n"
        "\u201cWe have reached many understandings,\u201d Quiroga said.\n\n"
        "\u201cIt is my pleasure to meet with you again,\u201d he said, adding that he "
        "\u201cvery much\u201d appreciated the Chilean hospitality.\n\n"
        "\u201cI note your comments in your opening remarks,\u201d he said.\n")
    assert _speaker(quotes, "We have reached")[0] == "Marta Quiroga"
    assert _speaker(quotes, "It is my pleasure") == ("Tomas Ferreyra", "Peru")
    assert _speaker(quotes, "very much")[0] == "Tomas Ferreyra"
    assert _speaker(quotes, "I note your comments")[0] == "Tomas Ferreyra"


def test_a_name_alone_after_a_quotation_signs_it() -> None:
    # The copy dropped the verb: `"...," Jon Trentino.` The quote before was the other's.
    quotes = _quotes(
        "Italian Prime Minister Lia Trentino met French President Paul Firefly in Rome.\n\n"
        "\u201cGood talks with Paul Firefly,\u201d Lia Trentino said.\n\n"
        "\u201cWe have a great motivation, and we are moving forward,\u201d Paul Firefly.\n")
    assert _speaker(quotes, "We have a great motivation")[0] == "Paul Firefly"


def test_a_full_name_with_accents_above_the_body_names_the_surname_written_without() -> None:
    from store.ingest import extract

    draft = extract(
        "Markovic meets Varga\n\n"
        "Serbian President Dragan Marković met Hungarian Prime Minister Lena Varga in "
        "Belgrade on Friday, September 16, 2022.\n\n"
        "\u201cWe are neighbours,\u201d Markovic said.\n\n"
        "\u201cWe are partners,\u201d said Mr Markovic.\n")
    assert [(q.speaker, q.speaker_country) for q in draft.quotes] == [
        ("Dragan Marković", "Serbia"), ("Dragan Marković", "Serbia")]


def test_the_statement_is_the_one_issued_by_the_royal_palace_not_a_document_named_since() -> None:
    quotes = _quotes(
        "King Rufus III received Prime Minister Jon Trentino in Karta, according to a "
        "statement issued by the Royal Palace.\n\n"
        "The visit follows the adoption of the joint statement between the two countries.\n\n"
        "The statement further elaborated that relations continue \u201cin a manner that "
        "fosters satisfaction.\u201d\n\n"
        "\u201cWe value this partnership,\u201d the Royal Cabinet said.\n")
    assert _speaker(quotes, "in a manner")[0] == "Royal Palace"
    assert _speaker(quotes, "We value")[0] == "Royal Cabinet"


def test_a_listed_official_is_found_by_the_surname_written_without_accents() -> None:
    import unicodedata

    from store.ingest import officials as off

    # (not those whose bare surname is never read as them: "Pedro Sánchez")
    accented = [o for o in off.OFFICIALS if not o.name.isascii() and o.bare]
    assert accented  # the table holds some: "Viktor Orbán", "António Costa"
    for o in accented:
        plain = "".join(c for c in unicodedata.normalize("NFKD", o.name.split()[-1])
                        if not unicodedata.combining(c))
        hit = off.BY_SURNAME.get(plain)
        assert hit is not None and hit.country == o.country, o.name


def test_a_word_glued_to_the_end_of_a_surname_is_not_part_of_it() -> None:
    text = ("the French president Paul Fireflywhich was in Rome met Lena Vargasaid to be "
            "Ferdinand Martin's friend.")
    assert [w for _s, _e, w in name_runs(text, 0, len(text))] == [
        ["Paul", "Firefly"], ["Lena", "Varga"], ["Ferdinand", "Martin"]]


def test_a_person_who_owns_a_noun_is_not_the_subject_of_the_clause() -> None:
    quotes = _quotes(
        "Italian Prime Minister Lia Trentino met French President Paul Firefly in Rome.\n\n"
        "The row over Mr. Jon Kral\u2019s death came after Ms. Trentino landed in France, "
        "years after promising to treat the country like a \u201cpariah\u201d over rights.\n")
    assert _speaker(quotes, "pariah")[0] == "Lia Trentino"
