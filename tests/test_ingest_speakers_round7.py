"""Speakers and their sides, round 7: kinds of error read from round 5's misses (the batch
the earlier passes had not tuned on), each reproduced in our own sentences with invented
officials.
"""

from __future__ import annotations

from test_ingest_speakers_round6 import _speaker

from store.ingest import extract
from store.ingest.names import name_runs


def test_a_presidency_spokesperson_speaks_for_the_president_named_before() -> None:
    # Some countries call the head of state's office "the Presidency": its spokesperson,
    # with no nationality, is the host president's aide, as a "presidential spokesman" is.
    draft = extract(
        "Kral receives Varga\n\n"
        "BELGRADE \u2013 Serbian President Jon Kral on Monday received Hungarian Prime "
        "Minister Lena Varga at his official residence.\n\n"
        "\u201cThe visit opened the way to a joint commission,\u201d said acting Presidency "
        "spokesperson Tomas Hrib.\n\n"
        "\u201cThe two leaders agreed to meet again in spring,\u201d Hrib said.\n")
    assert _speaker(draft.quotes, "The visit opened") == ("Tomas Hrib", "Serbia")
    assert _speaker(draft.quotes, "The two leaders") == ("Tomas Hrib", "Serbia")


def test_a_short_function_word_between_a_title_and_a_name_is_a_given_name() -> None:
    # Vietnamese given names include "To": "President To Minh" is one person, not the title
    # and a preposition; a capitalised "To" elsewhere after a title is no name.
    text = "Vietnam's President To Minh met Hungarian Prime Minister Lena Varga."
    assert ["To", "Minh"] in [w for _s, _e, w in name_runs(text, 0, len(text))]
    draft = extract(
        "Varga meets To Minh in Hanoi\n\n"
        "Hungarian Prime Minister Lena Varga held talks with Vietnam's President To Minh in "
        "Hanoi on Monday.\n\n"
        "Minh described the ties as a \u201cstrategic priority for both countries\u201d.\n")
    assert _speaker(draft.quotes, "strategic priority") == ("To Minh", "Vietnam")


def test_a_statement_named_by_its_countrys_adjective_is_that_governments() -> None:
    # "the Hungarian statement" with no office named: the Hungarian government's words,
    # not an unattributed quote.
    draft = extract(
        "Varga and Kral meet in Budapest\n\n"
        "Hungarian Prime Minister Lena Varga held talks with Serbian President Jon Kral in "
        "Budapest on Monday.\n\n"
        "The talks covered energy and transport, with the Hungarian statement highlighting "
        "work on \u201ca new rail link between the two capitals\u201d.\n")
    assert _speaker(draft.quotes, "a new rail link") == ("Hungarian government", "Hungary")


def test_an_office_statement_posted_on_a_platform_is_the_offices() -> None:
    # "a Serbian Presidency statement on X read": the platform it was posted on stands
    # between the body and its verb, and the office may be written with a capital.
    draft = extract(
        "Kral and Varga meet in Belgrade\n\n"
        "Serbian President Jon Kral received Hungarian Prime Minister Lena Varga in Belgrade "
        "on Monday.\n\n"
        "\u201cThe two leaders reviewed the work of the joint commission,\u201d a Serbian "
        "Presidency statement on X read.\n")
    assert _speaker(draft.quotes, "The two leaders") == ("Serbian Presidency", "Serbia")


def test_the_second_subject_of_a_contrast_owns_the_quote_after_its_stance_verb() -> None:
    # "A called for X, while B sought Y": each quoted phrase is its own clause's subject's.
    draft = extract(
        "Varga and Kral meet in Budapest\n\n"
        "Hungarian Prime Minister Lena Varga held talks with Serbian President Jon Kral in "
        "Budapest on Monday.\n\n"
        "On the river dispute, Varga called for a \u201cpatient approach,\u201d while Kral "
        "sought a \u201cquick and binding\u201d settlement. Kral proposed a \u201cjoint "
        "survey of the banks\u201d next year.\n")
    assert _speaker(draft.quotes, "patient approach") == ("Lena Varga", "Hungary")
    assert _speaker(draft.quotes, "quick and binding") == ("Jon Kral", "Serbia")
    assert _speaker(draft.quotes, "joint survey") == ("Jon Kral", "Serbia")


def test_the_nationality_and_a_plain_word_for_a_leader_name_the_leader() -> None:
    # "the Serbian politician" after "Serbian President Jon Kral": Kral, as "the Serbian
    # leader" would be; with no nationality the word names nobody.
    draft = extract(
        "Varga and Kral meet in Budapest\n\n"
        "Hungarian Prime Minister Lena Varga held talks with Serbian President Jon Kral in "
        "Budapest on Monday.\n\n"
        "The Serbian politician has said that new tariffs on grain are \u201cout of the "
        "question.\u201d\n")
    assert _speaker(draft.quotes, "out of the question") == ("Jon Kral", "Serbia")


def test_a_bare_quote_after_narration_goes_on_with_the_last_speaker_not_a_name_he_quoted() -> None:
    # The guest is named inside the host's quotation; the bare quotation after a line of
    # narration with nobody in it goes on with the host, who wrote the first.
    draft = extract(
        "Varga hosts Kral\n\n"
        "Hungarian Prime Minister Lena Varga received Serbian President Jon Kral in Budapest "
        "on Monday for lunch.\n\n"
        "\u201cOur two countries have shared a river, a railway and a long history of trade "
        "across the plain, and our farmers, engineers and students have worked side by side "
        "for many decades, through good years and hard ones, in war and in peace alike, and "
        "today I welcome my good friend, Serbian President Jon Kral, on his working "
        "visit,\u201d Varga wrote on her social media accounts.\n\n"
        "Among the issues discussed over lunch were the border, fisheries and trade.\n\n"
        "\u201cWe are working on these issues to deepen the ties of many years.\u201d\n")
    assert _speaker(draft.quotes, "We are working") == ("Lena Varga", "Hungary")


def test_a_country_speaks_across_a_participle_aside() -> None:
    # "Serbia, <participle phrase>, said ...": the country is the subject of "said".
    draft = extract(
        "Varga and Kral meet in Belgrade\n\n"
        "Serbian President Jon Kral received Hungarian Prime Minister Lena Varga in Belgrade "
        "on Monday.\n\n"
        "Serbia, welcoming the choice of Belgrade for her first trip abroad, said last week "
        "it \u201cshows the weight Budapest gives to the partnership\u201d.\n")
    assert _speaker(draft.quotes, "shows the weight") == ("Serbia", "Serbia")
