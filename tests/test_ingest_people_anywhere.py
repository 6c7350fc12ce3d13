"""People and speakers for any pair of countries, from the article's own words.

Invented officials of real countries: nothing here is in the built-in list of
officials, so each test shows the text alone is enough.
"""

from __future__ import annotations

import pytest

from store.ingest.actors import find_actors
from store.ingest.countries import count_countries, country_of
from store.ingest.normalize import normalize
from store.ingest.pair import infer_dyad
from store.ingest.quotes import find_quotes
from store.ingest.structure import split_paragraphs
from store.ingest.types import ActorTable
from store.models import Quote


def _table(text: str) -> tuple[str, ActorTable]:
    norm = normalize(text)
    return norm, find_actors(norm, split_paragraphs(norm, 0, len(norm)))


def _people(table: ActorTable) -> dict[str, str | None]:
    return {a.name: a.country for a in table.actors if a.kind == "person"}


def _quotes(text: str) -> list[Quote]:
    norm = normalize(text)
    paras = split_paragraphs(norm, 0, len(norm))
    return find_quotes(text, norm, paras, find_actors(norm, paras))


def _speaker(quotes: list[Quote], start: str) -> tuple[str | None, str | None]:
    for q in quotes:
        if q.text.startswith(start):
            return q.speaker, q.speaker_country
    raise AssertionError(f"no quote {start!r} in {[q.text for q in quotes]}")


@pytest.mark.parametrize(
    ("word", "country"),
    [("Somali", "Somalia"), ("Hungarian", "Hungary"), ("Kosovo", "Kosovo"),
     ("Serbian", "Serbia"), ("Ethiopian", "Ethiopia"), ("Azerbaijani", "Azerbaijan"),
     ("Irish", "Ireland"), ("Austrian", "Austria"), ("Greek", "Greece"),
     ("European Commission", "European Union"), ("EU", "European Union")],
)
def test_every_country_has_its_adjective(word: str, country: str) -> None:
    assert country_of(word) == country


def test_country_forms_inside_other_words_do_not_count() -> None:
    counts = count_countries("A woman from Oman met a Somali envoy; USAID paid.")
    assert counts == {"Oman": 1, "Somalia": 1}


def test_a_pair_without_the_us_or_china_comes_from_the_titles() -> None:
    _norm, t = _table(
        "Hungarian Prime Minister Tamas Kertesz met Kenyan President Joseph Mwangi in "
        "Nairobi on Monday. Ukraine and Russia were also discussed.\n"
    )
    assert _people(t) == {"Tamas Kertesz": "Hungary", "Joseph Mwangi": "Kenya"}
    assert infer_dyad(t, _norm, None) == ["Hungary", "Kenya"]


def test_names_with_particles_and_arabic_articles_are_one_person() -> None:
    norm, t = _table(
        "European Commission President Ingrid van der Berg met Egyptian President "
        "Karim Fawzi al-Masri in Cairo.\n\n"
        "Van der Berg said the talks were useful. Masri said Egypt agreed.\n"
    )
    people = _people(t)
    assert people["Ingrid van der Berg"] == "European Union"
    assert people["Karim Fawzi al-Masri"] == "Egypt"
    masri = [m for m in t.mentions if norm[m.start:m.end] == "Masri"]
    assert masri and t.actors[masri[0].actor].name == "Karim Fawzi al-Masri"


def test_two_spellings_of_one_name_are_one_person() -> None:
    _norm, t = _table(
        "Foreign Minister Sergey Petrovsky of Russia met Hungarian Foreign Minister Lena "
        "Varga.\n\nSergei Petrovsky said the talks were frank. Andriy Kovalenskyy, the "
        "Ukrainian envoy, said Kovalenskiy would not attend.\n"
    )
    people = _people(t)
    assert "Sergei Petrovsky" not in people
    assert people["Sergey Petrovsky"] == "Russia"
    assert [n for n in people if "Kovalensk" in n] == ["Andriy Kovalenskyy"]


def test_a_listed_official_keeps_the_article_spelling() -> None:
    _norm, t = _table("Ukrainian President Volodymyr Zelenskyy met the Polish president.\n")
    assert _people(t)["Volodymyr Zelenskyy"] == "Ukraine"


def test_the_headline_introduces_people_the_body_names_bare() -> None:
    from store.ingest import extract

    d = extract(
        "Greek Prime Minister Nikos Andreou meets Kenyan President Joseph Mwangi\n\n"
        "ATHENS - Andreou welcomed Mwangi on Saturday for talks on shipping.\n\n"
        '"We are old friends," Andreou said.\n'
    )
    assert [(a.name, a.country) for a in d.participants] == [
        ("Nikos Andreou", "Greece"), ("Joseph Mwangi", "Kenya")]
    assert [(q.speaker, q.speaker_country) for q in d.quotes] == [("Nikos Andreou", "Greece")]


def test_an_alias_with_a_nationality_gives_the_country_the_title_left_out() -> None:
    quotes = _quotes(
        "Hungarian Prime Minister Tamas Kertesz met President Joseph Mwangi in Budapest.\n\n"
        '"We will trade more," the Kenyan president added.\n'
    )
    assert _speaker(quotes, "We will trade") == ("Joseph Mwangi", "Kenya")


def test_a_leader_named_by_the_given_name_is_the_same_person() -> None:
    quotes = _quotes(
        "Prime Minister of Ethiopia Dawit Tesfaye met Egyptian President Karim Fawzi in Cairo.\n\n"
        'The talks were "warm and open", the PM said. PM Dawit added: "We want peace."\n'
    )
    assert _speaker(quotes, "warm and open") == ("Dawit Tesfaye", "Ethiopia")
    assert _speaker(quotes, "We want peace") == ("Dawit Tesfaye", "Ethiopia")


def test_a_trip_made_to_meet_someone_is_this_meeting() -> None:
    norm, t = _table(
        "Austrian Chancellor Karl Brenner went to Prague on Monday to meet Czech Prime "
        "Minister Petr Dvorak.\n\nBrenner will travel to Rome next month to meet Italian "
        "Prime Minister Marco Bellini.\n"
    )
    names = [t.actors[i].name for i in t.participants]
    assert names == ["Karl Brenner", "Petr Dvorak"]
    assert infer_dyad(t, norm, None) == ["Austria", "Czech Republic"]


def test_the_headline_meeting_gives_participants_the_body_only_discusses() -> None:
    from store.ingest import extract

    d = extract(
        "Austrian Chancellor Karl Brenner meets Czech Prime Minister Petr Dvorak\n\n"
        "At a joint news conference after the meeting, Brenner spoke of energy. Dvorak "
        "spoke of roads.\n"
    )
    assert [a.name for a in d.participants] == ["Karl Brenner", "Petr Dvorak"]


def test_a_flipped_closing_mark_glued_after_a_full_stop_opens_a_quote() -> None:
    quotes = _quotes(
        "Czech Prime Minister Petr Dvorak met Austrian Chancellor Karl Brenner in Vienna."
        "\u201dIt is a real step,\u201d the Czech prime minister told reporters.\n"
    )
    assert _speaker(quotes, "It is a real step") == ("Petr Dvorak", "Czech Republic")


def test_a_quotation_not_reopened_in_its_second_paragraph_is_one_quote() -> None:
    quotes = _quotes(
        "Czech Prime Minister Petr Dvorak met Austrian Chancellor Karl Brenner in Vienna.\n\n"
        "\u201cOn the way back I stopped in Vienna to see a friend. We talked about gas.\n\n"
        "Then we talked about roads and rail for next year,\u201d the Czech prime minister "
        "wrote.\n"
    )
    assert _speaker(quotes, "On the way back") == ("Petr Dvorak", "Czech Republic")
    # One quotation, one quote: from its opening mark to its closing one.
    assert len(quotes) == 1 and quotes[0].text.endswith("rail for next year,")


@pytest.mark.parametrize("verb", ["thanked Brenner for his", "jokingly told Brenner,",
                                  "informed parliament of his", "highlighted his"])
def test_reporting_verbs_of_real_copy(verb: str) -> None:
    quotes = _quotes(
        "Czech Prime Minister Petr Dvorak met Austrian Chancellor Karl Brenner in Vienna.\n\n"
        f'Dvorak {verb} "steady and loyal support" of the plan.\n'
    )
    assert _speaker(quotes, "steady and loyal") == ("Petr Dvorak", "Czech Republic")


def test_a_surname_with_a_particle_named_only_by_title() -> None:
    quotes = _quotes(
        "Belgian Prime Minister Jan de Wit met Dutch Prime Minister Anna van den Broek "
        "in Brussels.\n\n"
        'Prime Minister van den Broek called the talks "a step forward".\n'
    )
    assert _speaker(quotes, "a step forward") == ("Anna van den Broek", "Netherlands")


def test_a_surname_named_before_its_full_name_is_that_person() -> None:
    quotes = _quotes(
        'Kertesz said the talks were "open and long".\n\n'
        "Hungarian Prime Minister Tamas Kertesz met Kenyan President Joseph Mwangi.\n"
    )
    assert _speaker(quotes, "open and long") == ("Tamas Kertesz", "Hungary")


def test_titles_of_their_own_seats_of_government_and_spokespeople() -> None:
    quotes = _quotes(
        "Taoiseach Sean Byrne spoke to the British prime minister on Tuesday.\n\n"
        'The taoiseach wrote: "A good call."\n\n'
        'A spokesman for the taoiseach said: "They spoke about trade."\n\n'
        'A Downing Street spokeswoman said: "The leaders agreed to meet."\n'
    )
    assert _speaker(quotes, "A good call") == ("Sean Byrne", "Ireland")
    assert _speaker(quotes, "They spoke about") == ("spokesman for the taoiseach", "Ireland")
    assert _speaker(quotes, "The leaders agreed") == ("Downing Street", "United Kingdom")


def test_an_unattributed_quoted_paragraph_after_narration_is_the_narrated_person() -> None:
    quotes = _quotes(
        "Czech Prime Minister Petr Dvorak met Austrian Chancellor Karl Brenner in Vienna.\n\n"
        '"We have a long border and a short memory," Brenner said.\n\n'
        "In reply Dvorak praised the rail link and asked for patience on gas.\n\n"
        '"I have kept in touch with you on the pipeline since spring. We fully support it.'
    )
    assert _speaker(quotes, "I have kept in touch") == ("Petr Dvorak", "Czech Republic")


def test_a_second_clause_of_the_subject_after_an_earlier_quote() -> None:
    quotes = _quotes(
        "Czech Prime Minister Petr Dvorak on Monday welcomed Austria's \"return\" to the "
        'talks and announced that "we have decided to build the line together".\n'
    )
    assert _speaker(quotes, "return") == ("Petr Dvorak", "Czech Republic")
    assert _speaker(quotes, "we have decided") == ("Petr Dvorak", "Czech Republic")


def test_a_former_leader_is_not_the_president_of_now() -> None:
    quotes = _quotes(
        "Hungarian Prime Minister Tamas Kertesz met President Joseph Mwangi in Budapest. "
        "Under former President Daniel Otieno ties were cold.\n\n"
        '"We will trade more," the Kenyan president said.\n'
    )
    assert _speaker(quotes, "We will trade") == ("Joseph Mwangi", "Kenya")


def test_a_participle_after_a_quote_does_not_make_its_object_the_speaker() -> None:
    quotes = _quotes(
        "Czech Prime Minister Petr Dvorak met Austrian Chancellor Karl Brenner in Vienna.\n\n"
        'The Czech prime minister said that "our rail is your rail," stressing that the two '
        'countries "should be partners and friends."\n'
    )
    assert _speaker(quotes, "our rail") == ("Petr Dvorak", "Czech Republic")
    assert _speaker(quotes, "should be partners") == ("Petr Dvorak", "Czech Republic")


def test_a_bare_verb_after_an_auxiliary_reports_speech() -> None:
    quotes = _quotes(
        "Czech Prime Minister Petr Dvorak met Austrian Chancellor Karl Brenner in Vienna.\n\n"
        'Brenner did claim that "great progress" had been made.\n'
    )
    assert _speaker(quotes, "great progress") == ("Karl Brenner", "Austria")


def test_a_form_of_address_makes_a_surname_a_person() -> None:
    quotes = _quotes(
        "The two leaders met in Vienna. Mr. Dvorak spoke first.\n\n"
        'But Mr. Brenner evaded any reply. "That is what we focus on," he said.\n'
    )
    assert _speaker(quotes, "That is what") == ("Brenner", None)


HOST_AND_GUEST = (
    "Kenyan President Joseph Mwangi hosted Hungarian Prime Minister Tamas Kertesz in "
    "Nairobi on Monday.\n\n"
    '"Kenya is open for business," Mwangi said. "We want more flights," he added. '
    '"And more students," he said.\n\n'
)


def test_the_guest_not_the_host_thanks_for_the_welcome() -> None:
    quotes = _quotes(HOST_AND_GUEST + 'He thanked Mwangi for the welcome. "We came to '
                     'listen," he said.\n')
    assert _speaker(quotes, "We came to listen") == ("Tamas Kertesz", "Hungary")


def test_a_reply_is_the_other_speaker() -> None:
    quotes = _quotes(HOST_AND_GUEST + 'In response, he said: "Hungary will send both."\n')
    assert _speaker(quotes, "Hungary will send") == ("Tamas Kertesz", "Hungary")
    quotes = _quotes(HOST_AND_GUEST + "Replying to Mwangi's remarks, he said Hungary would "
                     '"send both".\n')
    assert _speaker(quotes, "send both") == ("Tamas Kertesz", "Hungary")


def test_he_switches_to_the_guest_when_the_text_turns_to_him() -> None:
    quotes = _quotes(HOST_AND_GUEST + "Kertesz, for his part, spoke of trade. "
                     '"Our farmers need your ports," he said.\n')
    assert _speaker(quotes, "Our farmers") == ("Tamas Kertesz", "Hungary")
    assert _speaker(quotes, "And more students") == ("Joseph Mwangi", "Kenya")


def test_a_quote_without_a_speaker_asks_for_review() -> None:
    from store.ingest import extract

    nobody = extract('Talks in Vienna ended.\n\n"It was long and we are all very tired."\n')
    assert "speaker-unresolved" in nobody.review_reasons
    named = extract('Talks in Vienna ended. "It was long," Chancellor Karl Brenner said.\n')
    assert "speaker-unresolved" not in named.review_reasons


def test_hyphenated_titles_and_long_appositives() -> None:
    quotes = _quotes(
        "Vietnamese Vice-Premier Tran Van Hoa met Thai officials in Bangkok.\n\n"
        "Asked about timing, Somchai Boonmee, Thailand's lead trade negotiator and vice "
        "minister of commerce, replied with a proverb.\n\n"
        '"It will be good news," Boonmee said.\n'
    )
    assert _speaker(quotes, "It will be good") == ("Somchai Boonmee", "Thailand")
    _norm, t = _table("Vietnamese Vice-Premier Tran Van Hoa met Thai officials.\n")
    assert _people(t) == {"Tran Van Hoa": "Vietnam"}


def test_offices_statements_and_officials_of_any_country_speak() -> None:
    quotes = _quotes(
        "Kenyan President Joseph Mwangi met Somali President Abdi Warsame in Nairobi.\n\n"
        'The Somali presidency said the two leaders discussed "a shared port plan."\n\n'
        "The Kenyan Foreign Ministry said on Saturday the talks went well.\n\n"
        '"The two presidents met for an hour," the statement read.\n\n'
        'Egyptian officials briefed that the leaders will talk about "the Nile and trade".\n'
    )
    assert _speaker(quotes, "a shared port") == ("Somali presidency", "Somalia")
    assert _speaker(quotes, "The two presidents") == ("Kenyan Foreign Ministry", "Kenya")
    assert _speaker(quotes, "the Nile") == ("Egyptian officials", "Egypt")


def test_agencies_readouts_and_one_ministry_under_two_names() -> None:
    quotes = _quotes(
        "North Korean Premier Ri Song Chol met a Laotian delegation in Pyongyang.\n\n"
        'The talks were "warm and comradely", KCNA said.\n\n'
        'China\'s top security agency said the visit was "no threat to anyone".\n\n'
        'The Chinese Commerce Ministry called it "normal trade".\n\n'
        'The Chinese Ministry of Commerce later said it was "still normal".\n'
    )
    assert _speaker(quotes, "warm and comradely") == ("KCNA", "North Korea")
    assert _speaker(quotes, "no threat") == ("Chinese security agency", "China")
    assert _speaker(quotes, "normal trade") == ("Chinese Commerce Ministry", "China")
    assert _speaker(quotes, "still normal") == ("Chinese Commerce Ministry", "China")


def test_the_latter_and_the_former() -> None:
    quotes = _quotes(
        "As Foreign Minister Lena Varga of Hungary raised gas prices with her Serbian "
        'counterpart Milan Petrovic, the latter said ties had a "special weight". The former '
        'replied that prices were "too high".\n\n'
        "Under the former president ties were cold.\n"
    )
    assert _speaker(quotes, "special weight") == ("Milan Petrovic", "Serbia")
    assert _speaker(quotes, "too high") == ("Lena Varga", "Hungary")


def test_back_references_to_an_official_and_a_readout() -> None:
    quotes = _quotes(
        "Kenyan President Joseph Mwangi met Somali President Abdi Warsame in Nairobi.\n\n"
        'A report citing a "senior Kenyan official" said the port was discussed.\n\n'
        'The port was "the biggest issue," the unnamed official said.\n\n'
        "The Somali Foreign Ministry issued a readout.\n\n"
        '"Both sides will work together on the port," it read.\n\n'
        '"We agreed to disagree on fishing," said Dr Abdi Warsame.\n'
    )
    assert _speaker(quotes, "the biggest issue") == ("senior Kenyan official", "Kenya")
    assert _speaker(quotes, "Both sides will") == ("Somali Foreign Ministry", "Somalia")
    assert _speaker(quotes, "We agreed to") == ("Abdi Warsame", "Somalia")


def test_a_titled_name_in_the_headline_and_a_capital_as_nationality() -> None:
    from store.ingest import extract

    d = extract(
        "Saudi Foreign Minister Prince Khalid Bin Nasser met with his Omani counterpart, Salim "
        "Al Harthy, in the capital today in the first such meeting in over seven years\n\n"
        "The ministers agreed to reopen consulates, the readout said.\n\n"
        "Separately, Pristina's PM Arben Gashi met envoys.\n"
    )
    names = {a.name: a.country for a in d.participants}
    assert names["Khalid Bin Nasser"] == "Saudi Arabia"
    norm, t = _table("Pristina's PM Arben Gashi met Serbian President Milan Petrovic.\n")
    assert _people(t)["Arben Gashi"] == "Kosovo"


def test_a_title_case_headline_does_not_make_names_of_verbs() -> None:
    from store.ingest import extract

    d = extract(
        "PM Abebe Holds Talks With Egyptian Leader In Cairo\n\n"
        "Prime Minister of Ethiopia Abebe Girma met Egyptian President Karim Fawzi in "
        "Cairo.\n"
    )
    assert [a.name for a in d.participants] == ["Abebe Girma", "Karim Fawzi"]


def test_a_presidents_counterpart_is_the_other_president() -> None:
    quotes = _quotes(
        "Kenyan President Joseph Mwangi met his Somali counterpart, Abdi Warsame, in "
        "Nairobi.\n\n"
        'The Somali president said that "the port is ours to share".\n'
    )
    assert _speaker(quotes, "the port is ours") == ("Abdi Warsame", "Somalia")


def test_an_ambassador_speaks_for_his_own_government() -> None:
    _norm, t = _table("Ambassador to Kenya Lena Varga said ties were good.\n")
    assert _people(t) == {"Lena Varga": None}  # posted to Kenya, not Kenyan
    quotes = _quotes(
        "Kenyan President Joseph Mwangi met Hungarian President Eva Szabo.\n\n"
        "Hungary's ambassador in Nairobi, Tamas Kertesz, told reporters that the visit was "
        '"a milestone for our government".\n'
    )
    assert _speaker(quotes, "a milestone") == ("Tamas Kertesz", "Hungary")


@pytest.mark.parametrize("open_mark, close_mark", [("\u201c", '"'), ('"', "\u201d"),
                                                   ("\u201d", "\u201d")])
def test_straight_and_curly_marks_mixed_in_one_quote(open_mark: str, close_mark: str) -> None:
    quotes = _quotes(
        "Czech Prime Minister Petr Dvorak met Austrian Chancellor Karl Brenner in Vienna.\n\n"
        f"{open_mark}It is a real step,{close_mark} Brenner told reporters.\n"
    )
    assert _speaker(quotes, "It is a real step") == ("Karl Brenner", "Austria")


def test_an_unattributed_quote_in_narration_is_its_subjects() -> None:
    quotes = _quotes(
        "Prime Minister of Ethiopia Abebe Girma met Egyptian President Karim Fawzi in Cairo.\n\n"
        'Ahead of the summit, Girma and Fawzi discussed "water and trade of mutual interest."\n'
    )
    assert _speaker(quotes, "water and trade") == ("Abebe Girma", "Ethiopia")


def test_a_ministry_named_with_its_country_after_it() -> None:
    quotes = _quotes(
        "Thai Foreign Minister Somchai Boonmee met Chinese officials in Hanoi.\n\n"
        'The Ministry of Foreign Affairs of Vietnam said the talks were "useful".\n'
    )
    assert _speaker(quotes, "useful") == ("Vietnamese Foreign Ministry", "Vietnam")


def test_a_first_person_quote_named_after_it_or_in_the_paragraph_before() -> None:
    quotes = _quotes(
        "Czech Prime Minister Petr Dvorak met Austrian Chancellor Karl Brenner in Vienna.\n\n"
        '"I asked for restraint," the prime minister told reporters.\n\n'
        "Brenner spoke to reporters after the talks.\n\n"
        '"I asked for patience."\n'
    )
    assert _speaker(quotes, "I asked for restraint") == ("Petr Dvorak", "Czech Republic")
    assert _speaker(quotes, "I asked for patience") == ("Karl Brenner", "Austria")


def test_a_bare_initial_before_a_surname_stays_in_the_name() -> None:
    quotes = _quotes(
        "Indian External Affairs Minister K Raghavan met his Nepali counterpart in Delhi.\n\n"
        '"We want open borders," Raghavan said.\n'
    )
    assert _speaker(quotes, "We want open") == ("K Raghavan", "India")


def test_a_name_the_article_also_uses_alone_is_a_person() -> None:
    norm, t = _table(
        "Karl Brenner and Petr Dvorak exchanged smiles before talks at the Austria-Czech "
        "Annual Summit.\n\n"
        "Dvorak reportedly told Brenner he was glad.\n"
    )
    assert set(_people(t)) == {"Karl Brenner", "Petr Dvorak"}
    assert [t.actors[i].name for i in t.participants] == ["Karl Brenner", "Petr Dvorak"]


def test_a_quoted_anonymous_source_is_not_a_quote() -> None:
    quotes = _quotes(
        "Kenyan President Joseph Mwangi met Somali President Abdi Warsame in Nairobi.\n\n"
        'A pool report, citing a "senior Kenyan official," said ports were discussed.\n'
    )
    assert quotes == []


def test_speech_that_ends_in_officials_is_still_speech() -> None:
    quotes = _quotes(
        "Kenyan President Joseph Mwangi met Somali President Abdi Warsame in Nairobi.\n\n"
        'Mwangi said he would not "blame the officials".\n'
    )
    assert _speaker(quotes, "blame the officials") == ("Joseph Mwangi", "Kenya")


def test_the_tail_of_a_full_name_is_the_same_person() -> None:
    _norm, t = _table(
        "Mexican President Andres Manuel Lopez Obrador met Chilean President Pablo Rojas.\n\n"
        "Lopez Obrador said the talks were long.\n"
    )
    assert _people(t) == {"Andres Manuel Lopez Obrador": "Mexico", "Pablo Rojas": "Chile"}


def test_the_visiting_leader_and_the_host() -> None:
    quotes = _quotes(HOST_AND_GUEST + '"We came to listen," the visiting prime minister said. '
                     'His host replied: "Then we will talk."\n\n'
                     'He thanked his hosts for the welcome and said "the food was good".\n')
    assert _speaker(quotes, "We came to listen") == ("Tamas Kertesz", "Hungary")
    assert _speaker(quotes, "Then we will talk") == ("Joseph Mwangi", "Kenya")
    assert _speaker(quotes, "the food was good") == ("Tamas Kertesz", "Hungary")


def test_an_aide_is_of_the_principals_country() -> None:
    quotes = _quotes(
        "Kenyan President Joseph Mwangi met Hungarian Prime Minister Tamas Kertesz.\n\n"
        "Kertesz's spokesman Gabor Nagy said the visit was \"a success\". Mwangi's "
        'spokesman, Peter Otieno, said it was "a start".\n'
    )
    assert _speaker(quotes, "a success") == ("Gabor Nagy", "Hungary")
    assert _speaker(quotes, "a start") == ("Peter Otieno", "Kenya")


def test_a_home_outlets_own_leader_gets_the_country_the_article_names_most() -> None:
    from store.ingest import extract

    d = extract(
        "Talks in Washington\n\n"
        "WASHINGTON - Prime Minister Taro Yamada and South Korean President Park Min-ho "
        "held talks in Washington on Wednesday.\n\n"
        "Yamada said Japanese firms would invest more. Japan and South Korea agreed to "
        "meet again, and Japanese officials said a date was near.\n"
    )
    assert {a.name: a.country for a in d.participants} == {
        "Taro Yamada": "Japan", "Park Min-ho": "South Korea"}


def test_a_reply_to_someones_remarks_is_not_them_even_after_the_other_spoke() -> None:
    quotes = _quotes(HOST_AND_GUEST + "Kertesz praised the port and the roads.\n\n"
                     "Responding to Mwangi's remarks on visas, he said Hungary would "
                     '"open a consulate".\n')
    assert _speaker(quotes, "open a consulate") == ("Tamas Kertesz", "Hungary")


def test_an_agency_relaying_words_does_not_own_them() -> None:
    quotes = _quotes(
        "Russian Foreign Minister Oleg Sokolov met his Turkish counterpart Emre Aydin.\n\n"
        'Kremlin spokesman Ivan Petrov told reporters the talks were "useful", TASS reported.'
        '\n\n"The ball is in their court," TASS quoted a Russian diplomatic source as saying.\n'
    )
    assert _speaker(quotes, "useful") == ("Ivan Petrov", "Russia")
    assert _speaker(quotes, "The ball is") == ("Russian diplomatic source", "Russia")


def test_a_name_inside_a_relative_clause_is_not_the_subject() -> None:
    quotes = _quotes(
        "South Korean President Kim Hae-won met Vietnamese President Vo Thi Lan in Hanoi.\n\n"
        "South Korea's trade minister, Kim Jin-soo, who accompanied the president, said "
        'exports could reach "$100 billion by 2030".\n\n'
        '"Peace matters to all of Asia," the South Korean president said.\n'
    )
    assert _speaker(quotes, "$100 billion") == ("Kim Jin-soo", "South Korea")
    assert _speaker(quotes, "Peace matters") == ("Kim Hae-won", "South Korea")


def test_a_nationality_opening_a_paragraph_names_the_ministry() -> None:
    quotes = _quotes(
        "South Korean President Kim Hae-won met Vietnamese President Vo Thi Lan in Hanoi.\n\n"
        'Vietnamese Foreign Ministry spokeswoman Dao Minh Chau said it "opens a chapter".\n\n'
        'The ministry later said the visit was "historic".\n'
    )
    assert _speaker(quotes, "historic") == ("Vietnamese Foreign Ministry", "Vietnam")


def test_a_leader_known_by_a_middle_name_and_a_possessive_is_not_the_speaker() -> None:
    quotes = _quotes(
        "Brazilian President Joao Pedro Tavares Neto met Argentine President Ana Ruiz.\n\n"
        '"The river is ours to keep clean," Tavares told reporters.\n\n'
        "Ruiz said the talks were frank. During Tavares's next trip, \"we hope to sign it"
    )
    assert _speaker(quotes, "The river") == ("Joao Pedro Tavares Neto", "Brazil")
    assert _speaker(quotes, "we hope") == ("Ana Ruiz", "Argentina")


def test_a_generational_suffix_stays_in_the_name() -> None:
    quotes = _quotes('Chilean President Mateo Rojas Jr. met Norwegian Prime Minister Ingrid '
                     'Dahl in Oslo on Monday. "We opened a new chapter," Rojas said.')
    assert _speaker(quotes, "We opened") == ("Mateo Rojas Jr.", "Chile")


def test_an_outlet_quoted_as_a_source_is_the_speaker_and_it_continues_it() -> None:
    quotes = _quotes('Kenyan President Amani Otieno met Vietnamese Prime Minister Tran Van Minh '
                     'in Hanoi. The Nairobi Herald said the talks would cover coffee exports. '
                     '"No big deals are expected, but both hope for small gains," it noted. '
                     'Later the BBC reported that "the talks ran late into the night."')
    assert _speaker(quotes, "No big deals") == ("Nairobi Herald", None)
    assert _speaker(quotes, "the talks ran") == ("BBC", None)


def test_an_outlet_in_a_dateline_or_as_an_object_is_not_a_speaker() -> None:
    quotes = _quotes('HANOI (Reuters) - Kenyan President Amani Otieno told CNN on Monday that '
                     'the talks were "a new start for both of us."')
    assert _speaker(quotes, "a new start") == ("Amani Otieno", "Kenya")


def test_the_joint_speaker_is_named_as_the_text_names_it() -> None:
    quotes = _quotes('Kenyan President Amani Otieno met Vietnamese Prime Minister Tran Van Minh '
                     'in Hanoi. The two sides said the talks were "a real step." Both leaders '
                     'promised "more flights" by spring.')
    assert _speaker(quotes, "a real step") == ("the two sides", None)
    assert _speaker(quotes, "more flights") == ("both sides", None)


def test_a_joint_statement_released_by_one_capital_speaks_and_is_the_statement_after() -> None:
    quotes = _quotes('The foreign ministers of Chile and Norway met in Oslo. A joint statement '
                     'released by Santiago said: "The two sides agreed to deepen trade." They '
                     'pledged to cooperate "in every field of mutual interest," the statement '
                     'said.')
    assert _speaker(quotes, "The two sides agreed") == ("joint statement", None)
    assert _speaker(quotes, "in every field") == ("joint statement", None)


def test_the_object_of_a_preposition_is_not_the_subject_of_a_later_verb() -> None:
    quotes = _quotes('Kenyan President Amani Otieno met Vietnamese Prime Minister Tran Van Minh '
                     'in Hanoi on Friday. Otieno said that trade between Kenya and Vietnam must '
                     'be fair to the workers of the two countries; Tran said that he hopes that '
                     'Kenya and Vietnam will build a good climate for firms of the two countries '
                     'and say that "the harvest will come."')
    assert _speaker(quotes, "the harvest") == ("Tran Van Minh", "Vietnam")


def test_he_after_a_sentence_turns_to_the_second_speaker_is_that_speaker() -> None:
    quotes = _quotes('Kenyan President Amani Otieno met Vietnamese Prime Minister Tran Van Minh '
                     'in Hanoi. Otieno said a "deal" was close, but Tran himself made no mention '
                     'of it, though he did say that "real progress" had been made.')
    assert _speaker(quotes, "deal") == ("Amani Otieno", "Kenya")
    assert _speaker(quotes, "real progress") == ("Tran Van Minh", "Vietnam")


def test_he_after_a_turn_with_no_new_subject_keeps_the_subject() -> None:
    quotes = _quotes('Kenyan President Amani Otieno met Vietnamese Prime Minister Tran Van Minh '
                     'in Hanoi. Otieno praised Tran, but he said "hard questions" remain.')
    assert _speaker(quotes, "hard questions") == ("Amani Otieno", "Kenya")


def test_a_name_glued_to_the_full_stop_before_it_is_still_a_speaker() -> None:
    quotes = _quotes('Kenyan President Amani Otieno met Vietnamese Prime Minister Tran Van Minh '
                     'in Hanoi.He said "we are friends" after the talks.Tran said "we agree."')
    assert _speaker(quotes, "we are friends") == ("Amani Otieno", "Kenya")
    assert _speaker(quotes, "we agree") == ("Tran Van Minh", "Vietnam")


def test_her_after_a_name_makes_she_that_person() -> None:
    quotes = _quotes('Chilean Foreign Minister Valentina Soto and her Norwegian counterpart '
                     'Henrik Lunde signed a fisheries agreement in Oslo on Tuesday. Lunde said '
                     'the pact would "protect stocks for our grandchildren." Asked about salmon '
                     'tariffs, she said: "We did not settle everything today."')
    assert _speaker(quotes, "We did not settle") == ("Valentina Soto", "Chile")


def test_a_national_news_agency_speaks_for_its_country() -> None:
    quotes = _quotes('Vietnamese Prime Minister Pham Quoc Bao hosted Kenyan President William '
                     'Kariuki in Hanoi on Wednesday. The Vietnam News Agency said the two leaders '
                     'witnessed six signings. "Relations have entered a new stage," it said.')
    assert _speaker(quotes, "Relations have") == ("Vietnam News Agency", "Vietnam")


@pytest.mark.parametrize("office", ["Mexico's Secretariat of Foreign Affairs",
                                    "Mexico's Ministry for Foreign Affairs",
                                    "the Mexican Department of Foreign Affairs and Trade"])
def test_a_foreign_office_by_any_of_its_names_is_the_foreign_ministry(office: str) -> None:
    quotes = _quotes('Indonesian Foreign Minister Retno Wibisana received Mexican Foreign '
                     f'Secretary Alicia Barcena Ruiz in Jakarta on Thursday. {office[0].upper()}'
                     f'{office[1:]} said in a readout that both ministers had agreed to '
                     '"deepen political dialogue."')
    assert _speaker(quotes, "deepen political") == ("Mexican Foreign Ministry", "Mexico")


def test_office_words_between_nationality_and_role_keep_the_country() -> None:
    quotes = _quotes('Egyptian President Karim El-Masry held talks in Cairo with Brazilian '
                     'President Joao Ferreira. Egyptian presidential spokesman Omar Fathy said '
                     'the leaders "agreed on a roadmap." Kenya\'s foreign affairs cabinet '
                     'secretary, Peter Kamau, called it "a useful model."')
    assert _speaker(quotes, "agreed on a roadmap") == ("Omar Fathy", "Egypt")
    assert _speaker(quotes, "a useful model") == ("Peter Kamau", "Kenya")


def test_she_said_in_her_remarks_makes_a_later_she_that_person() -> None:
    quotes = _quotes('Norwegian Prime Minister Sigrid Aas landed in Nairobi for talks with '
                     'Kenyan President Daniel Mutua.\n\n"We are here to listen," Aas said in her '
                     'opening remarks.\n\nKenyan cabinet secretary Peter Kamau told reporters the '
                     'talks were "frank and useful."\n\n"I thank President Mutua for his '
                     'hospitality," she said.')
    assert _speaker(quotes, "I thank President") == ("Sigrid Aas", "Norway")


def test_an_office_before_a_spokesperson_after_the_verb_is_a_title() -> None:
    quotes = _quotes('Talks began between India and Pakistan at the border post. "Commitment to '
                     'peace! Talks begin today," tweeted MEA Spokesperson Ravi Kumar. "A fine '
                     'day," said the Chilean Foreign Ministry spokesman Tomas Herrera.')
    assert _speaker(quotes, "Commitment to peace") == ("Ravi Kumar", "India")
    assert _speaker(quotes, "A fine day") == ("Tomas Herrera", "Chile")


def test_her_counterpart_with_no_name_is_the_other_side() -> None:
    quotes = _quotes('Foreign Minister Lena Varga of Hungary welcomed her Peruvian counterpart, '
                     'Jorge Quispe Mamani, to Budapest on Wednesday. Ms Varga said Hungary wanted '
                     '"more direct flights" to Lima. Her counterpart replied that Peru was "ready '
                     'to open a consulate" in Budapest.')
    assert _speaker(quotes, "more direct") == ("Lena Varga", "Hungary")
    assert _speaker(quotes, "ready to open") == ("Jorge Quispe Mamani", "Peru")



def test_a_participant_named_bare_takes_the_country_the_article_names_most() -> None:
    norm = normalize('Amani Otieno met Vietnamese Prime Minister Tran Van Minh in Hanoi on '
                     'Tuesday.\n\nOtieno said Kenya wanted to sell more tea, and that Kenya and '
                     'Vietnam would open direct flights. Kenya is the region\'s largest tea '
                     'exporter.\n')
    table = find_actors(norm, split_paragraphs(norm, 0, len(norm)))
    assert _people(table) == {"Amani Otieno": "Kenya", "Tran Van Minh": "Vietnam"}


def test_a_compound_surname_in_the_headline_is_the_full_name_in_the_body() -> None:
    text = ("President Morales de la Vega holds talks with Kazakh President Serikbayev\n\n"
            "Kazakh President Nurlan Serikbayev held talks with Argentine President Ricardo "
            "Morales de la Vega in Astana on Thursday.\n\nMorales de la Vega said Argentina "
            'is willing to "write a new page" of cooperation.\n')
    assert _speaker(_quotes(text), "write a new page") == ("Ricardo Morales de la Vega",
                                                          "Argentina")


@pytest.mark.parametrize(("source", "speaker", "country"), [
    ("Russian state television", "Russian state media", "Russia"),
    ("North Korea's state media", "North Korean state media", "North Korea"),
    ("Chinese State TV", "Chinese state media", "China"),
])
def test_state_media_belong_to_the_state_the_text_names(source: str, speaker: str,
                                                        country: str) -> None:
    quotes = _quotes("Kenyan President Amani Otieno met Vietnamese Prime Minister Tran Van Minh "
                     f'in Hanoi. {source} said the talks were "a model for the region."')
    assert _speaker(quotes, "a model") == (speaker, country)
