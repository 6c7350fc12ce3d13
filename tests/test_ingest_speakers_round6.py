"""Speakers and their sides, round 6: causes grouped from the misses of the five tuning
batches of the real set (round 5 kept for validation), each reproduced in our own
sentences with invented officials.
"""

from __future__ import annotations

from store.ingest import extract
from store.models import Quote


def _speaker(quotes: list[Quote], start: str) -> tuple[str | None, str | None]:
    for q in quotes:
        if q.text.startswith(start):
            return q.speaker, q.speaker_country
    raise AssertionError(f"no quote {start!r} in {[q.text for q in quotes]}")


def test_the_prime_ministers_office_with_no_country_is_the_office_of_the_prime_minister() -> None:
    # A home outlet writes "the Prime Minister's Office" with no nationality: a body that
    # speaks for the one prime minister the article names, not an unattributed quote.
    draft = extract(
        "Varga and Kral meet in Budapest\n\n"
        "Prime Minister Lena Varga held talks with Serbian President Jon Kral in Budapest on "
        "Monday, the first visit of a Serbian head of state to Hungary in ten years.\n\n"
        "\u201cA fine start to a long friendship,\u201d the Prime Minister's Office said in a "
        "post after the talks.\n\n"
        "A statement from the Prime Minister's Office said the two leaders would meet again.\n\n"
        "\u201cThe talks were held in a warm atmosphere,\u201d it said.\n")
    assert _speaker(draft.quotes, "A fine start") == ("Prime Minister's Office", "Hungary")
    assert _speaker(draft.quotes, "The talks were") == ("Prime Minister's Office", "Hungary")


def test_the_presidents_office_as_a_place_is_no_speaker() -> None:
    # "the President's Office" where a meeting is held, or in a title, says nothing.
    draft = extract(
        "Kral hosts Varga\n\n"
        "Serbian President Jon Kral received Hungarian Prime Minister Lena Varga at the "
        "President's Office in Belgrade on Monday.\n\n"
        "\u201cWe have opened a new chapter,\u201d Kral told reporters.\n")
    assert _speaker(draft.quotes, "We have opened") == ("Jon Kral", "Serbia")
    assert all(a.name != "President's Office" for a in draft.participants)


def test_according_to_the_readout_is_the_office_that_issued_it() -> None:
    draft = extract(
        "Mendes calls Okafor\n\n"
        "Brazilian President Ana Mendes spoke by phone with Nigerian President Tunde Okafor "
        "on Friday, according to a readout from Brazil's Foreign Ministry.\n\n"
        "Mendes also \u201cstressed the value of the trade corridor across the Atlantic,\u201d "
        "according to the readout.\n")
    assert _speaker(draft.quotes, "stressed the value") == ("Brazilian Foreign Ministry",
                                                           "Brazil")


def test_a_sentence_adverb_before_an_appositive_is_no_person() -> None:
    # "Likewise, the Serbian president thanked ...": "Likewise" is not a man whose title
    # follows; the quote is the president's.
    draft = extract(
        "Kral and Varga talk trade\n\n"
        "Serbian President Jon Kral met Hungarian Prime Minister Lena Varga in Belgrade on "
        "Monday.\n\n"
        "\u201cWe have made progress,\u201d Kral said after the talks.\n\n"
        "Likewise, the Serbian president thanked his guest for a \u201cgenerous offer of "
        "help\u201d on the railway.\n")
    assert _speaker(draft.quotes, "generous offer") == ("Jon Kral", "Serbia")
    assert all(a.name != "Likewise" for a in draft.participants)


def test_a_premier_and_a_prime_minister_are_one_office() -> None:
    draft = extract(
        "Varga meets Kral\n\n"
        "Hungarian Prime Minister Lena Varga met Serbian President Jon Kral in Belgrade on "
        "Monday.\n\n"
        "\u201cI raised the question of the border,\u201d Varga told reporters.\n\n"
        "The two countries \u201cagreed to open a new crossing,\u201d the Hungarian premier "
        "added.\n")
    assert _speaker(draft.quotes, "agreed to open") == ("Lena Varga", "Hungary")


def test_a_title_opening_a_sentence_goes_on_with_the_last_subject() -> None:
    # The previous sentence names another president as an object; "the head of state"
    # opening the next sentence is still the one that sentence was about.
    draft = extract(
        "Kral meets Varga\n\n"
        "Serbian President Jon Kral met Hungarian Prime Minister Lena Varga in Subotica on "
        "Monday.\n\n"
        "\u201cThank you for coming,\u201d Kral said.\n\n"
        "He said that he had told Varga about his call with Brazilian President Ana Mendes "
        "the day before.\n\n"
        "At the same time, the head of state insisted on \u201ca calm approach to the "
        "border question.\u201d\n")
    assert _speaker(draft.quotes, "a calm approach") == ("Jon Kral", "Serbia")


def test_a_premier_with_no_nationality_is_not_taken_for_chinas() -> None:
    # "Premier" is the title of heads of government in many countries: alone it says
    # nothing of China, and the article's own country counts.
    draft = extract(
        "Varga welcomes Kral\n\n"
        "Conservative premier Lena Varga on Monday welcomed Serbian President Jon Kral to "
        "Budapest, the first such visit to Hungary in ten years.\n\n"
        "\u201cOur two countries share a long border,\u201d Varga said.\n")
    assert _speaker(draft.quotes, "Our two countries") == ("Lena Varga", "Hungary")


def test_the_subject_of_a_relative_clause_says_the_words() -> None:
    # "the visit, which she said marked a ...": "she" is the relative clause's own subject,
    # unlike "Kral, who met the minister, said", where the minister says nothing.
    draft = extract(
        "Prime Minister Lena Varga is glad of the first official visit to Hungary by Serbian "
        "President Jon Kral, which she said marked \u201ca new season of trust\u201d between "
        "the two countries.\n\n"
        "\u201cWe are neighbours and friends,\u201d Kral said.\n")
    assert _speaker(draft.quotes, "a new season") == ("Lena Varga", "Hungary")


def test_an_acronym_before_a_title_describes_it() -> None:
    # "the EUC president": an organisation's acronym, then the title; the quote is that
    # president's, the one named before, not a mark-less quote.
    draft = extract(
        "Lind visits Kyiv\n\n"
        "Council President Anna Lind met Ukrainian President Petro Marchenko in Kyiv on "
        "Thursday.\n\n"
        "\u201cBack in Kyiv for talks,\u201d Anna Lind wrote on social media.\n\n"
        "The politician also visited a hospital: \u201cUkraine will stand,\u201d the EUC "
        "president added.\n")
    assert _speaker(draft.quotes, "Ukraine will stand")[0] == "Anna Lind"


def test_a_bare_title_opening_a_sentence_is_its_holder() -> None:
    # Translated copy drops the article and the name: "General Secretary noted, ..." is the
    # one general secretary at the table, and the "He" after goes on with him.
    draft = extract(
        "Varga hosts Tran\n\n"
        "President Lena Varga shook hands with Secretary General Tran Van Minh of Vietnam "
        "before the summit in Budapest on Monday.\n\n"
        "President Varga said in her opening remarks, \u201cVietnam is a close partner.\u201d\n\n"
        "General Secretary noted, \u201cIt is an honour to be the first guest of your new "
        "government.\u201d\n\n"
        "He continued, \u201cOur cooperation will grow in every field.\u201d\n")
    assert _speaker(draft.quotes, "It is an honour") == ("Tran Van Minh", "Vietnam")
    assert _speaker(draft.quotes, "Our cooperation") == ("Tran Van Minh", "Vietnam")


def test_a_readouts_third_person_wording_is_the_readouts() -> None:
    # `X said Y "remained committed ...," according to a readout`: the readout's own words
    # about X (ANNOTATION.md); a noun phrase X is reported to have used stays X's.
    draft = extract(
        "Kral meets Varga\n\n"
        "Serbian President Jon Kral met Hungarian Prime Minister Lena Varga in Belgrade on "
        "Monday.\n\n"
        "Kral said Serbia \u201cremained committed to the new pipeline,\u201d according to a "
        "readout from Serbia's foreign ministry.\n\n"
        "Varga told Kral that the pipeline was \u201ca shared priority,\u201d according to "
        "the Hungarian readout.\n")
    assert _speaker(draft.quotes, "remained committed") == ("Serbian Foreign Ministry",
                                                           "Serbia")
    assert _speaker(draft.quotes, "a shared priority") == ("Lena Varga", "Hungary")


_HOSTED = ("Kral hosts Varga\n\nSerbian President Jon Kral hosted Hungarian President Tomas "
           "Varga in Belgrade on Monday.\n\n")


def test_words_only_the_guest_says_are_the_guests() -> None:
    # "our hosts", "a pleasure to be in ...": said by "he" or "the president", where both
    # presidents are men, the guest is speaking.
    draft = extract(_HOSTED + "\u201cWe want the border open,\u201d Kral said.\n\n"
                    "\u201cWe agree with our hosts,\u201d he said.\n\n"
                    "Kral said the talks were good. \u201cIt is a pleasure to be in Belgrade "
                    "again,\u201d the president said.\n")
    assert _speaker(draft.quotes, "We agree with") == ("Tomas Varga", "Hungary")
    assert _speaker(draft.quotes, "It is a pleasure") == ("Tomas Varga", "Hungary")


def test_words_only_the_host_says_are_the_hosts() -> None:
    draft = extract(_HOSTED + "Varga said the talks were good.\n\n"
                    "\u201cIt is a pleasure to welcome you to Belgrade,\u201d the president "
                    "said.\n")
    assert _speaker(draft.quotes, "It is a pleasure") == ("Jon Kral", "Serbia")


def test_the_visiting_president_is_the_guest() -> None:
    draft = extract(_HOSTED + "Kral said the talks were good.\n\n"
                    "\u201cThe talks went well,\u201d the visiting president said.\n")
    assert _speaker(draft.quotes, "The talks went") == ("Tomas Varga", "Hungary")


def test_a_presidential_spokesman_is_of_the_presidents_side() -> None:
    draft = extract(
        "Kral meets Varga\n\n"
        "Serbian President Jon Kral met Hungarian Prime Minister Lena Varga in Belgrade on "
        "Monday.\n\n"
        "Kral \u201cstressed the need for calm,\u201d presidential spokesman Ivan Ilic said "
        "in a statement.\n\n"
        "Varga \u201cwelcomed the offer,\u201d a spokeswoman for the Hungarian government "
        "said.\n")
    assert _speaker(draft.quotes, "stressed the need") == ("Ivan Ilic", "Serbia")
    assert _speaker(draft.quotes, "welcomed the offer")[1] == "Hungary"


def test_an_unattributed_thanks_for_the_welcome_is_the_guests() -> None:
    draft = extract(_HOSTED + "\u201cWe want the border open,\u201d Kral said.\n\n"
                    "\u201cThank you for the warm welcome.\u201d\n")
    assert _speaker(draft.quotes, "Thank you") == ("Tomas Varga", "Hungary")


def test_a_title_replying_to_the_other_is_not_the_other() -> None:
    # Both are presidents; "the president" replying to Kral, or to "the remarks" of the
    # sentence before, is the other one, though Kral was named last.
    draft = extract(_HOSTED + "\u201cWe want the border open,\u201d Kral said.\n\n"
                    "Replying to Kral, the president said: \u201cHungary agrees.\u201d\n\n"
                    "\u201cThe road will be built,\u201d Kral said.\n\n"
                    "Responding to the remarks, the president said: \u201cWe will pay our "
                    "share.\u201d\n")
    assert _speaker(draft.quotes, "Hungary agrees") == ("Tomas Varga", "Hungary")
    assert _speaker(draft.quotes, "We will pay") == ("Tomas Varga", "Hungary")


def test_a_quotation_over_three_paragraphs_with_a_bare_middle_is_its_closers() -> None:
    # Opened in one paragraph, printed without marks in the next, closed with the name in
    # the third: one quotation, the words of the one named at its end.
    draft = extract(
        "Kral meets Varga\n\n"
        "Serbian President Jon Kral met Hungarian Prime Minister Lena Varga in Belgrade on "
        "Monday. Varga spoke after him.\n\n"
        "\u201cWe have opened a new chapter.\n\n"
        "Trade will grow in every field. The border will stay open.\n\n"
        "We will meet again soon,\u201d said Kral.\n")
    assert _speaker(draft.quotes, "We have opened") == ("Jon Kral", "Serbia")
    assert "The border will stay open" in draft.quotes[0].text


def test_a_seat_of_government_keeps_the_texts_spelling() -> None:
    # Copy that drops the accents ("Elysee") is answered in its own spelling.
    draft = extract(
        "Macron meets Varga\n\n"
        "French President Emmanuel Macron met Hungarian Prime Minister Lena Varga in Paris on "
        "Monday.\n\n"
        "\u201cWe will judge by deeds,\u201d the Elysee said after the talks.\n")
    assert _speaker(draft.quotes, "We will judge") == ("Elysee", "France")


def test_an_emperor_is_a_titled_person_and_the_emperor_is_him() -> None:
    draft = extract(
        "Kral in Tokyo\n\n"
        "Serbian President Jon Kral met Emperor Hiroaki at the palace on Monday, where the "
        "emperor said, \u201cWe are glad you came,\u201d and Kral replied, \u201cThank you "
        "very much.\u201d\n")
    assert _speaker(draft.quotes, "We are glad")[0] == "Hiroaki"
    assert _speaker(draft.quotes, "Thank you")[0] == "Jon Kral"


def test_a_short_quote_after_an_agentless_passive_goes_on_with_the_speaker() -> None:
    # "was described as" names no one who described it: the words go on with the speaker
    # just quoted (ANNOTATION.md: no attribution of its own continues the previous one).
    draft = extract(
        "Kral meets Varga\n\n"
        "Serbian President Jon Kral met Hungarian Prime Minister Lena Varga in Belgrade on "
        "Monday.\n\n"
        "\u201cWe are ready,\u201d Kral said. The meeting was described as "
        "\u201cproductive.\u201d\n")
    assert _speaker(draft.quotes, "productive") == ("Jon Kral", "Serbia")
