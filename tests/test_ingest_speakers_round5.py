"""Speakers and their sides, round 5: causes grouped from the misses of the four tuning
batches of the real set (round 4 kept for validation), each reproduced in our own
sentences with invented officials and, where it matters, invented countries' officials.
"""

from __future__ import annotations

from store.ingest import extract
from store.models import Quote


def _speaker(quotes: list[Quote], start: str) -> tuple[str | None, str | None]:
    for q in quotes:
        if q.text.startswith(start):
            return q.speaker, q.speaker_country
    raise AssertionError(f"no quote {start!r} in {[q.text for q in quotes]}")


def test_a_participant_with_no_country_leads_the_side_of_the_pair_nobody_else_holds() -> None:
    # A home outlet writes "Prime Minister Lena Varga" with no nationality; the other side
    # is Serbian, and the talks are between Hungary and Serbia: she leads the Hungarian side,
    # though a third head met in passing (no country either) leaves the table uneven.
    draft = extract(
        "Varga in Belgrade\n\n"
        "Prime Minister Lena Varga held talks with Serbian President Jon Kral in Belgrade on "
        "Monday, the first talks between Hungary and Serbia in a year. Varga also met "
        "President Omar Haddad, the chair of a climate conference.\n\n"
        "\u201cWe have opened a new chapter,\u201d Varga told reporters.\n")
    assert _speaker(draft.quotes, "We have opened") == ("Lena Varga", "Hungary")
    assert sorted(draft.dyad) == ["Hungary", "Serbia"]
    haddad = next(a for a in draft.participants if a.name == "Omar Haddad")
    assert haddad.country is None  # the open side went to the first named, not to both


def test_a_surname_many_people_carry_is_not_taken_for_the_listed_official() -> None:
    # The table lists a British prime minister Johnson, but a bare "Johnson" may be anyone:
    # it is never read as him; a listed surname nobody else carries still is.
    from store.ingest import officials

    assert officials.BY_NAME["Boris Johnson"].country == "United Kingdom"
    assert "Johnson" not in officials.BY_SURNAME
    assert officials.BY_SURNAME["Fidan"].name == "Hakan Fidan"
    draft = extract(
        "Talks in Ankara\n\n"
        "Hungarian Prime Minister Lena Varga met Turkish officials in Ankara on Monday.\n\n"
        "\u201cWe are ready,\u201d Fidan said. \u201cWe are not,\u201d Johnson said.\n")
    assert _speaker(draft.quotes, "We are ready") == ("Hakan Fidan", "Turkey")
    assert _speaker(draft.quotes, "We are not")[0] != "Boris Johnson"


def test_an_office_named_with_its_country_but_no_holder_speaks_for_that_side() -> None:
    # Nobody of the Hungarian side is named: the words are still Hungary's, not unresolved.
    draft = extract(
        "Kral in Budapest\n\n"
        "Serbian President Jon Kral arrived in Budapest on Monday for talks with the "
        "Hungarian prime minister.\n\n"
        "\u201cWe agreed on gas,\u201d the Hungarian prime minister said.\n")
    assert _speaker(draft.quotes, "We agreed") == ("Hungarian prime minister", "Hungary")
    assert sorted(draft.dyad) == ["Hungary", "Serbia"]


def test_the_head_of_a_government_is_its_prime_minister_not_its_head_of_state() -> None:
    # Translated copy names a prime minister by the office he heads, after the president of
    # the other side spoke.
    draft = extract(
        "Hungary and Serbia hold talks\n\n"
        "Hungarian Prime Minister Lena Varga met Serbian President Jon Kral in Budapest on "
        "Monday.\n\n"
        "\u201cWe have good results,\u201d - said the President of Serbia.\n\n"
        "\u201cEnergy is key,\u201d - stressed the head of the Hungarian government.\n")
    assert _speaker(draft.quotes, "We have good") == ("Jon Kral", "Serbia")
    assert _speaker(draft.quotes, "Energy is key") == ("Lena Varga", "Hungary")


def test_a_country_named_as_the_subject_of_talk_is_no_side_for_a_countryless_leader() -> None:
    # A home outlet names its own prime minister bare; the war the talks were about is named
    # more often than his country, but "the war in Ruritania" makes Ruritania no side.
    from store.ingest.countries import count_countries

    text = ("Ukraine's grain, the war in Ukraine, the Ukraine conflict and talks on Ukraine; "
            "Poland's border and Poland.")
    assert count_countries(text, capitals=False)["Ukraine"] == 4
    assert count_countries(text, capitals=False, sides=True)["Ukraine"] == 1
    assert count_countries(text, capitals=False, sides=True)["Poland"] == 2
    draft = extract(
        "Varga in Moscow\n\n"
        "Prime Minister Lena Varga held talks with Russian President Ivan Petrov in Moscow on "
        "Monday about the war in Ukraine.\n\n"
        "Hungary wants the fighting in Ukraine to stop, Varga said, and the Ukraine conflict "
        "dominated the talks on Ukraine. Hungary will send aid, she added.\n\n"
        "\u201cPeace is the only way,\u201d Varga told reporters.\n")
    assert _speaker(draft.quotes, "Peace is") == ("Lena Varga", "Hungary")
    assert sorted(draft.dyad) == ["Hungary", "Russia"]


def test_the_table_of_leaders_is_well_formed() -> None:
    # Data, not code: every row names a country bilat knows, no one twice, and a row marked
    # "nobare" is never found by its bare surname.
    from store.ingest import officials
    from store.ingest.countries import known_country

    names = [o.name for o in officials.OFFICIALS]
    assert len(names) == len(set(names))
    assert all(known_country(o.country) for o in officials.OFFICIALS)
    assert all(o.gender in ("m", "f") for o in officials.OFFICIALS)
    hun = officials.BY_NAME["Hun Sen"]
    assert not hun.bare and officials.BY_SURNAME.get("Sen") is not hun
    # An Arabic surname is found with its article dropped, as copy often writes it.
    assert officials.BY_SURNAME["Sisi"].country == "Egypt"


def test_a_listed_leader_named_bare_in_the_headline_is_the_one_the_body_calls_by_title(
        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Translated copy: the headline gives the surname, the body only "the Serbian president".
    from store.ingest import officials

    kral = officials.Official("Jon Kral", "President", "Serbia", "m")
    monkeypatch.setitem(officials.BY_SURNAME, "Kral", kral)
    monkeypatch.setitem(officials.BY_NAME, "Jon Kral", kral)
    text = ("Varga and Kral start talks in Belgrade\n\n"
            "Hungarian Prime Minister Lena Varga arrived in Belgrade on Monday.\n\n"
            "\u201cOn a number of issues, the governments have done their work,\u201d the "
            "Serbian president said.\n")
    assert _speaker(extract(text).quotes, "On a number") == ("Jon Kral", "Serbia")
    # A surname the table does not list names no one: the office speaks for its side.
    monkeypatch.delitem(officials.BY_SURNAME, "Kral")
    assert _speaker(extract(text).quotes, "On a number") == ("Serbian president", "Serbia")


def test_a_person_who_goes_by_the_first_word_of_the_name_is_that_full_name() -> None:
    # The full name comes once, with no title; after it the copy writes "Mr Budiman", as
    # Indonesian names go.
    draft = extract(
        "Varga in Jakarta\n\n"
        "Hungarian Prime Minister Lena Varga held talks with Budiman Santosa in Jakarta on "
        "Monday.\n\n"
        "Mr Budiman said the two countries were \u201cold friends\u201d.\n")
    assert _speaker(draft.quotes, "old friends")[0] == "Budiman Santosa"


def test_a_quote_in_the_headline_counts_and_is_spoken_by_the_headline_subject() -> None:
    draft = extract(
        "Varga called Kral's visit to Budapest \"historic\"\n\n"
        "Hungarian Prime Minister Lena Varga met Serbian President Jon Kral in Budapest on "
        "Monday. The two signed a gas deal.\n")
    assert _speaker(draft.quotes, "historic") == ("Lena Varga", "Hungary")


def test_a_headline_names_its_speaker_after_the_quote_with_a_verb_of_saying() -> None:
    draft = extract(
        "Gas ties are \u2018a priority for Serbia\u2019, says Kral after talks with Varga\n\n"
        "Hungarian Prime Minister Lena Varga met Serbian President Jon Kral in Budapest on "
        "Monday. The two signed a gas deal.\n")
    assert _speaker(draft.quotes, "a priority") == ("Jon Kral", "Serbia")


def test_a_headline_that_repeats_a_quote_of_the_body_is_not_a_second_quote() -> None:
    draft = extract(
        "Varga: \u201cWe still have much to do\u201d\n\n"
        "Hungarian Prime Minister Lena Varga met Serbian President Jon Kral in Budapest on "
        "Monday.\n\n"
        "\u201cWe still have much to do,\u201d Varga said.\n")
    assert [q.text for q in draft.quotes] == ["We still have much to do,"]


def test_an_office_won_but_not_yet_taken_up_is_a_title_not_a_given_name() -> None:
    # "President-elect" (and "-designate") is the office ahead of the name: the speaker is
    # the person, never "President-elect Tomas Ruiz".
    draft = extract(
        "Ruiz meets Varga in Budapest\n\n"
        "Hungarian Prime Minister Lena Varga met Freedonian President-elect Tomas Ruiz in "
        "Budapest on Friday.\n\n"
        "\u201cOur ports must serve both nations,\u201d said Ruiz, who takes office in August.\n\n"
        "Prime Minister-designate Ana Bell, who was also present, said "
        "\u201cthe work starts now.\u201d\n")
    assert _speaker(draft.quotes, "Our ports")[0] == "Tomas Ruiz"
    assert _speaker(draft.quotes, "the work starts")[0] == "Ana Bell"
