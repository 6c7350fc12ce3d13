"""Speakers and their sides, round 4: causes grouped from the misses of all four dev
batches of the real set, each reproduced in our own sentences with invented officials.
"""

from __future__ import annotations

from store.ingest import extract
from store.ingest.titles import title_before
from store.models import Quote


def _speaker(quotes: list[Quote], start: str) -> tuple[str | None, str | None]:
    for q in quotes:
        if q.text.startswith(start):
            return q.speaker, q.speaker_country
    raise AssertionError(f"no quote {start!r} in {[q.text for q in quotes]}")


def test_a_dateline_glued_to_a_title_gives_no_nationality_to_the_title() -> None:
    # The normalized em dash keeps no space: "CITY, Country-President X".
    assert title_before("JEDDAH, Saudi Arabia-President ").nat is None  # type: ignore[union-attr]
    assert title_before("TOKYO, Japan- President ").nat is None  # type: ignore[union-attr]
    # A hyphen inside a title still joins it, and a nationality before it still counts.
    title = title_before("the Hungarian Vice-President ")
    assert title is not None and title.role == "Vice President" and title.nat == "Hungarian"


def test_the_guest_named_after_a_glued_dateline_keeps_his_own_country() -> None:
    draft = extract(
        "Varga and Kral meet in Belgrade\n\n"
        "BELGRADE, Serbia\u2014President Kral of Hungary met Serbian President Dragan Varga.\n\n"
        "\u201cWe spoke openly,\u201d Kral said.\n")
    assert _speaker(draft.quotes, "We spoke") == ("Kral", "Hungary")


def test_a_chinese_looking_name_in_talks_held_in_russia_is_chinese_once_the_text_says_so() -> None:
    # The headline names him bare, in an article that names Russia most; the body's
    # "Chinese Premier" must replace what the shape of the name only suggested.
    draft = extract(
        "Kral, Zhao Minghui meet in Russia\n\n"
        "Chinese Premier Zhao Minghui met Russian Prime Minister Jon Kral in Moscow on "
        "Monday. Russia and Russian firms want more trade, Russia's media said.\n\n"
        "\u201cWe are good neighbours,\u201d Zhao said.\n")
    assert _speaker(draft.quotes, "We are good") == ("Zhao Minghui", "China")


def test_a_bare_quotation_after_a_photo_credit_is_the_subject_of_the_last_sentence_naming_someone(
) -> None:
    # The sentence right before the quotation (a credit) names no one: the one before that
    # is about Varga, who praised Kral; the words are hers, not the last one named.
    draft = extract(
        "Varga meets Kral in Budapest\n\n"
        "Hungarian President Lena Varga met Serbian President Jon Kral in Budapest on Monday.\n\n"
        "\u201cWe reached many understandings,\u201d Varga said.\n\n"
        "Varga praised Kral for fostering ties and stressed equal treatment. "
        "Photo / Agency Images\n\n"
        "\u201cThe most important thing is trust between our peoples.\u201d\n")
    assert _speaker(draft.quotes, "The most important") == ("Lena Varga", "Hungary")


def test_the_guest_is_the_side_not_of_the_city_of_the_talks_when_no_one_is_said_to_visit(
) -> None:
    # Nobody "visits" or "hosts" here; the talks are in the Hungarian capital, so the one
    # who appreciates the hospitality is the Serbian guest, though "he" followed Varga.
    draft = extract(
        "Varga and Kral hold talks\n\n"
        "BUDAPEST - Hungarian President Lena Varga and Serbian President Jon Kral held talks "
        "on Monday.\n\n"
        "\u201cWe reached many understandings,\u201d Varga said.\n\n"
        "\u201cIt is my pleasure to be here again,\u201d he said, adding that he appreciated "
        "the Hungarian hospitality.\n")
    assert _speaker(draft.quotes, "It is my pleasure") == ("Jon Kral", "Serbia")


def test_a_live_blog_entry_headline_naming_its_speaker_and_the_body_quote_both_count() -> None:
    # The entry's headline quotes the words the body then reports with their clause: a
    # headline and a body each count (a caption printed again under a photo does not).
    draft = extract(
        "Varga and Kral meet in Budapest - as it happened\n\n"
        "Live updates | 3 March 2025, 11:40 CET\n\n\n"
        "11:40 CET\n"
        "Talks end without a deal\n\n"
        "Hungarian President Lena Varga met Serbian President Jon Kral in Budapest on "
        "Monday for three hours of talks on the border.\n\n"
        "Kral left without speaking to reporters.\n\n\n"
        "10:05 CET\n"
        "Varga: 'Nothing is agreed until everything is agreed'\n\n"
        "Varga spoke first at the joint appearance, which lasted ten minutes.\n\n"
        "'Nothing is agreed until everything is agreed,' she said of the border talks.\n")
    said = [(q.text, q.speaker) for q in draft.quotes if q.text.startswith("Nothing")]
    assert said == [("Nothing is agreed until everything is agreed", "Lena Varga"),
                    ("Nothing is agreed until everything is agreed,", "Lena Varga")]


def test_the_listed_name_of_an_official_is_the_full_one_not_the_initials() -> None:
    # "S Jaishankar" in copy is the listed "S. Jaishankar": the canonical name a speaker is
    # filed under is the fullest form the table knows, whichever the article used.
    import re

    from store.ingest import officials as off

    for o in off.OFFICIALS:
        given = o.name.split()[:-1]
        if given and all(re.fullmatch(r"[A-Z]\.?", g) for g in given):
            assert not any(len(a.split()[0].rstrip(".")) > 1 and a.split()[-1] == o.name.split()[-1]
                           for a in o.aliases), o.name


def test_a_readouts_third_person_wording_is_the_issuers_and_a_first_person_quote_the_persons(
) -> None:
    draft = extract(
        "Varga and Kral meet in Vienna\n\n"
        "Hungarian President Lena Varga met Serbian President Jon Kral in Vienna on Thursday.\n\n"
        "The Hungarian Foreign Ministry said Varga and Kral confirmed that \u201ctalks are the "
        "most efficient format to address all issues.\u201d\n\n"
        "The Hungarian Foreign Ministry said Varga told Kral that \u201cwe want a lasting "
        "peace.\u201d\n\n"
        "The Serbian government has long urged talks, and Kral told reporters that the "
        "border was \u201cquiet at last.\u201d\n")
    assert _speaker(draft.quotes, "talks are the") == ("Hungarian Foreign Ministry", "Hungary")
    assert _speaker(draft.quotes, "we want a lasting") == ("Lena Varga", "Hungary")
    # A clause of the government's own, closed before Kral's: his words.
    assert _speaker(draft.quotes, "quiet at last") == ("Jon Kral", "Serbia")


def test_indias_foreign_ministry_goes_by_its_own_name_as_the_page_header_names_it() -> None:
    draft = extract(
        "Talks in New Delhi\n\n"
        "Indian Prime Minister Ravi Menon met Hungarian President Lena Varga in New Delhi.\n\n"
        "\u201cThe partnership is growing steadily,\u201d the Ministry of External Affairs "
        "(MEA) said.\n")
    assert _speaker(draft.quotes, "The partnership") == (
        "Indian Ministry of External Affairs", "India")


def test_the_president_of_a_country_is_its_president_and_a_council_in_the_tail_its_union(
) -> None:
    draft = extract(
        "Kral arrives in Kyiv\n\n"
        "On Monday the president of the European Council Jon Kral arrived in Kyiv to meet "
        "President Lena Varga.\n\n"
        "\u201cWe will stand by you,\u201d the president of the European Council said.\n\n"
        "\u201cWe thank you for the support,\u201d the president of Ukraine said.\n")
    assert _speaker(draft.quotes, "We will stand") == ("Jon Kral", "European Union")
    assert _speaker(draft.quotes, "We thank you") == ("Lena Varga", "Ukraine")


def test_an_embassy_is_named_with_the_country_it_is_posted_in() -> None:
    draft = extract(
        "Varga meets Kral in Budapest\n\n"
        "Hungarian Foreign Minister Lena Varga met Slovak Foreign Minister Jan Kral in "
        "Budapest on Monday.\n\n"
        "In a post on X, the Slovak Embassy in Hungary wrote, \u201cTrade grew fast this "
        "year.\u201d\n")
    assert _speaker(draft.quotes, "Trade grew") == ("Slovak Embassy in Hungary", "Slovakia")


def test_the_royal_palace_speaks_for_the_one_monarch_the_article_names() -> None:
    draft = extract(
        "King receives Prime Minister\n\n"
        "Moroccan King Hassan Idrissi received Portuguese Prime Minister Ana Silva in Rabat on "
        "Tuesday, the Royal Palace said in a statement.\n\n"
        "The statement said ties grew \u201cin a spirit of trust and good neighbourliness.\u201d\n")
    assert _speaker(draft.quotes, "in a spirit") == ("Royal Palace", "Morocco")


def test_a_sentence_going_on_with_reported_speech_quotes_its_speaker_but_a_name_is_a_term(
) -> None:
    draft = extract(
        "Varga meets Kral in Warsaw\n\n"
        "Hungarian President Lena Varga met Slovak President Jan Kral in Warsaw on Sunday.\n\n"
        "Kral criticized \u201cworrying activities\u201d near the border. The \u201cinviolability "
        "of borders\u201d must continue to apply, and violations would have \u201csevere "
        "consequences\u201d.\n\n"
        "Varga stressed that the river is a shared border. The \u201cDanube Compact\u201d is "
        "the oldest treaty between them.\n")
    assert _speaker(draft.quotes, "inviolability") == ("Jan Kral", "Slovakia")
    assert _speaker(draft.quotes, "severe consequences") == ("Jan Kral", "Slovakia")
    assert not [q for q in draft.quotes if q.text.startswith("Danube")]


def test_a_curly_quotation_nested_in_another_belongs_to_the_outer_one() -> None:
    draft = extract(
        "Talks in Sochi\n\n"
        "Hungarian President Lena Varga met Slovak President Jan Kral in Sochi.\n\n"
        "\u201cI know you plan to raise the issue of the \u201cgrain deal\u201d,\u201d Varga "
        "told Kral.\n\n"
        "\u201cWe spoke. \u201cWe agree,\u201d Kral said.\n")
    texts = [q.text for q in draft.quotes]
    assert "I know you plan to raise the issue of the \u201cgrain deal\u201d," in texts
    assert "grain deal" not in texts
    # An opening mark never closed before a fresh one is still not a nesting.
    assert _speaker(draft.quotes, "We agree") == ("Jan Kral", "Slovakia")


def test_an_external_affairs_ministry_spokesperson_is_indian() -> None:
    draft = extract(
        "Talks in New Delhi\n\n"
        "Prime Minister Ravi Menon met Hungarian President Lena Varga in New Delhi.\n\n"
        "External Affairs Ministry Spokesperson Arjun Rao said the agenda was "
        "\u201cbroad and forward-looking.\u201d\n")
    assert _speaker(draft.quotes, "broad and") == ("Arjun Rao", "India")


def test_an_unattributed_welcome_is_the_hosts() -> None:
    # The caption's words have no speaker of their own; a welcome is the host's, and the
    # host is the side of the city of the talks (the guest is the other).
    draft = extract(
        "Varga receives Kral in Budapest\n\n"
        "BUDAPEST - Hungarian President Lena Varga received Slovak President Jan Kral at the "
        "presidential palace on Friday, and a photo of the two was posted online.\n\n"
        "\u201cWelcome, dear friend! I look forward to our talks,\u201d the caption of the "
        "photo reads.\n")
    assert _speaker(draft.quotes, "Welcome, dear") == ("Lena Varga", "Hungary")
