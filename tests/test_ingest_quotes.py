"""Quotes: marks, spans, attribution, labels, robustness and speed."""

from __future__ import annotations

import time

import pytest

from store.ingest.actors import find_actors
from store.ingest.normalize import normalize
from store.ingest.quotes import find_quotes
from store.ingest.structure import split_paragraphs
from store.models import Quote


def _quotes(text: str) -> list[Quote]:
    norm = normalize(text)
    paras = split_paragraphs(norm, 0, len(norm))
    quotes = find_quotes(text, norm, paras, find_actors(norm, paras))
    for q in quotes:
        assert text[q.start:q.end] == q.text
    return quotes


def _by_text(quotes: list[Quote]) -> dict[str, str | None]:
    return {q.text.rstrip(",."): q.speaker for q in quotes}


INTRO = (
    "U.S. Secretary of State Daniel Hart met Chinese President Zhao Ming and his "
    "counterpart Tang Lei in Beijing on Friday.\n\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "\u201cWe want stable ties,\u201d Hart said.",
        "\u201cWe want stable ties,\u201d said Hart.",
        "\"We want stable ties,\" Hart told reporters.",
        "Hart said: \u201cWe want stable ties.\u201d",
        "Hart told a news conference, \"We want stable ties.\"",
        "\u201cWe want stable ties,\u201d the secretary said.",
        "\u2018We want stable ties,\u2019 Hart said.",
        "'We want stable ties,' he added.",
    ],
)
def test_full_quote_before_or_after_attribution(sentence: str) -> None:
    got = _by_text(_quotes(INTRO + sentence + "\n"))
    assert got == {"We want stable ties": "Daniel Hart"}


def test_partial_quotes_and_reported_speech_inside_reported_speech() -> None:
    quotes = _quotes(
        INTRO + "Hart said Zhao had said he wanted to \u201csignificantly increase\u201d "
        "the number of students. Tang warned that Washington must not cross China's "
        "\u201cred lines.\u201d\n"
    )
    got = {q.text: (q.speaker, q.partial) for q in quotes}
    assert got["significantly increase"] == ("Zhao Ming", True)
    assert got["red lines."] == ("Tang Lei", True)


def test_apostrophes_are_not_quote_marks() -> None:
    quotes = _quotes(
        INTRO + "China\u2019s growth and Americans\u2019 jobs don\u2019t rest on the "
        "\u201990s, Hart said. It's the workers' turn, he added, and the US's too.\n"
    )
    assert quotes == []


def test_nested_quotes_belong_to_the_outer_span() -> None:
    quotes = _quotes(
        INTRO + "\u201cWe oppose \u2018Taiwan independence\u2019 in every form,\u201d Tang said.\n"
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We oppose \u2018Taiwan independence\u2019 in every form,", "Tang Lei")
    ]


def test_multi_sentence_and_continued_quotes() -> None:
    quotes = _quotes(
        INTRO + "\u201cWe made progress. More needs to be done,\u201d Hart said.\n\n"
        "Zhao told Hart: \u201cThe two countries should be partners, not rivals.\n\n"
        "\u201cThat is the choice before us.\u201d\n"
    )
    assert [(q.text, q.speaker, q.paragraph) for q in quotes] == [
        ("We made progress. More needs to be done,", "Daniel Hart", 1),
        ("The two countries should be partners, not rivals.", "Zhao Ming", 2),
        ("That is the choice before us.", "Zhao Ming", 3),
    ]


def test_pronoun_attribution_goes_to_the_right_person() -> None:
    quotes = _quotes(
        "Treasury Secretary Laura Kent met Vice Premier He Zhiwei in Guangzhou.\n\n"
        "\u201cThe capacity is too large,\u201d she said. He told Kent that Washington "
        "should not \u201cpoliticise\u201d trade. \u201cWe disagree,\u201d he said.\n"
    )
    assert _by_text(quotes) == {
        "The capacity is too large": "Laura Kent",
        "politicise": "He Zhiwei",
        "We disagree": "He Zhiwei",
    }


def test_bodies_officials_and_countries_as_speakers() -> None:
    quotes = _quotes(
        INTRO + "China\u2019s foreign ministry said the talks were \u201ccandid.\u201d "
        "\u201cIt was useful,\u201d a senior State Department official said. China says it "
        "is \u201cfirmly opposed\u201d to the sanctions. \u201cWe are ready,\u201d "
        "Washington said. The talks went well, according to Xinhua, which called them "
        "\u201cin-depth.\u201d \u201cNo comment,\u201d the ministry said.\n"
    )
    assert _by_text(quotes) == {
        "candid": "Chinese Foreign Ministry",
        "It was useful": "senior State Department official",
        "firmly opposed": "China",
        "We are ready": "United States",
        "in-depth": "Chinese state media",
        "No comment": "Chinese Foreign Ministry",
    }


def test_speech_verbs_beyond_said() -> None:
    quotes = _quotes(
        INTRO + "Hart urged Beijing to stop \u201cdangerous\u201d manoeuvres. Tang "
        "described the visit as \u201cconstructive.\u201d Zhao stressed that the sides must "
        "be \u201cpartners.\u201d \u201cWe will see,\u201d Hart replied.\n"
    )
    assert _by_text(quotes) == {
        "dangerous": "Daniel Hart",
        "constructive": "Tang Lei",
        "partners": "Zhao Ming",
        "We will see": "Daniel Hart",
    }


def test_titles_of_works_and_labels_are_not_quotes() -> None:
    quotes = _quotes(
        INTRO + "Hart bought Taylor Swift\u2019s \u201cMidnights\u201d and the film "
        "\u201cThe Wandering Earth\u201d. So-called \u201cwolf warrior\u201d diplomats "
        "were quiet about what Beijing calls U.S.-led \u201csmall circles\u201d. A group "
        "known as \u201cSalt Typhoon\u201d was named. The \u201cMade in China 2025\u201d "
        "plan came up. Tang said the U.S. must not cross \u201cred lines.\u201d\n"
    )
    assert _by_text(quotes) == {"red lines": "Tang Lei"}


def test_unbalanced_marks_never_leave_the_text() -> None:
    for text in ['"', "'", '"a', 'a "b" "', '\u201c\u201c\u201d', "x 'y", '"\n\n"', "''''"]:
        for q in _quotes(text + "\n"):
            assert 0 <= q.start <= q.end <= len(text) + 1


def test_ten_thousand_quote_marks_stay_fast() -> None:
    text = ("Hart said \"a b\" and 'c d' x. " * 5000) + "\n"
    # CPU time, not wall: a quadratic scan would take minutes here; a busy machine only
    # stretches the wall clock (0.5 s of CPU on a 2-core machine).
    started = time.process_time()
    quotes = _quotes(text)
    assert time.process_time() - started < 3.0
    assert len(quotes) >= 5000


def test_speaker_country_comes_from_the_actor() -> None:
    quotes = _quotes(INTRO + "\u201cWe are ready,\u201d Tang said.\n")
    assert [(q.speaker, q.speaker_country) for q in quotes] == [("Tang Lei", "China")]


def test_quoted_as_saying_gives_the_words_to_the_one_quoted() -> None:
    quotes = _quotes(
        INTRO + "\u201cWe should be partners,\u201d Zhao was quoted as saying by Xinhua. State "
        "broadcaster CCTV quoted Tang as saying that China \"will never seek hegemony.\"\n"
    )
    assert _by_text(quotes) == {
        "We should be partners": "Zhao Ming",
        "will never seek hegemony": "Tang Lei",
    }


def test_she_finds_the_woman_even_when_a_man_was_named_later() -> None:
    quotes = _quotes(
        "U.S. Trade Representative Carol Dunn met Indian foreign secretary Arjun Mehta. "
        "She said trade was \u201ccomplicated.\u201d\n"
    )
    assert _by_text(quotes) == {"complicated": "Carol Dunn"}


def test_a_reporting_clause_with_an_unknown_subject_does_not_borrow_a_speaker() -> None:
    quotes = _quotes(
        INTRO + "\u201cWe are ready,\u201d Tang said. Critics at home said the trip was "
        "\u201ca mistake.\u201d\n"
    )
    assert _by_text(quotes) == {"We are ready": "Tang Lei", "a mistake": None}


def test_a_place_before_said_is_not_a_speaker() -> None:
    quotes = _quotes(
        INTRO + "Hart, speaking to reporters after the meeting in Vientiane, said: "
        "\u201cWe will keep at it.\u201d The Chinese embassy in London said it \u2018firmly "
        "opposes\u2019 the move.\n"
    )
    assert _by_text(quotes) == {
        "We will keep at it": "Daniel Hart",
        "firmly opposes": "Chinese Embassy in London",  # named with its post
    }


def test_scare_quotes_in_a_sentence_where_nobody_speaks_are_dropped() -> None:
    quotes = _quotes(
        INTRO + "Taiwan has never been a country, and \"Taiwan independence\" is the biggest "
        "threat. \u201cIt was constructive.\u201d\n"
    )
    assert [q.text for q in quotes] == ["It was constructive."]


def test_possessor_of_the_words_and_a_chinese_readout_speak() -> None:
    quotes = _quotes(
        INTRO + "Tang\u2019s message was blunt: \u201cStop interfering in our affairs.\u201d "
        "The two sides \u201cexchanged views on Taiwan,\u201d according to a Chinese readout.\n"
    )
    assert _by_text(quotes) == {
        "Stop interfering in our affairs": "Tang Lei",
        "exchanged views on Taiwan": "Chinese Foreign Ministry",
    }


def test_continued_quotation_with_straight_marks_keeps_its_speaker() -> None:
    quotes = _quotes(
        INTRO + "He said: \"We want peace.\n\n\"We also want fairness,\" Hart added.\n"
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We want peace.", "Daniel Hart"),
        ("We also want fairness,", "Daniel Hart"),
    ]


def test_a_bare_quotation_after_a_sentence_about_someone_is_theirs() -> None:
    quotes = _quotes(
        INTRO + "Tang struck a defiant tone. \u201cChina will never bow to pressure.\u201d\n"
    )
    assert _by_text(quotes) == {"China will never bow to pressure": "Tang Lei"}


def test_a_heading_names_its_speaker_before_a_colon() -> None:
    got = _by_text(_quotes(
        INTRO + "10:42 GMT\nTang: 'Dialogue has to continue'\n\n"
        "Tang spoke to reporters after the banquet and took two questions.\n"
    ))
    assert got == {"Dialogue has to continue": "Tang Lei"}


def test_a_trailing_participle_and_according_to_yield_to_the_finite_verb() -> None:
    got = _by_text(_quotes(
        INTRO + "Tang pressed his point. \u2018Trade must be fair,\u2019 he told Hart, "
        "according to China\u2019s foreign ministry, describing tariffs as "
        "\u2018a road to nowhere\u2019.\n"
    ))
    assert got == {"Trade must be fair": "Tang Lei", "a road to nowhere": "Tang Lei"}


def test_a_participle_without_another_verb_belongs_to_the_clause_subject() -> None:
    got = _by_text(_quotes(
        INTRO + "Zhao opened the banquet for the delegation, calling the visit \"a fresh "
        "start\" held in a spirit of \"good faith\".\n"
    ))
    assert got == {"a fresh start": "Zhao Ming", "good faith": "Zhao Ming"}


def test_according_to_a_readout_at_the_sentence_start_gives_the_body() -> None:
    got = _by_text(_quotes(
        INTRO + "According to a State Department readout, Hart \"pressed for open "
        "military channels\", which Beijing says it supports.\n"
    ))
    assert got == {"pressed for open military channels": "U.S. State Department"}


def test_a_second_verb_joined_by_and_shares_the_subject() -> None:
    got = _by_text(_quotes(
        INTRO + "As the dinner ended, Tang turned to Hart and said in English: "
        "\"See you in Washington.\"\n"
    ))
    assert got == {"See you in Washington": "Tang Lei"}


def test_a_long_appositive_between_speaker_and_verb() -> None:
    got = _by_text(_quotes(
        INTRO + "\"The ceiling is much higher now,\" Tomas Reyes, a former trade adviser to "
        "the Treasury who now runs a consultancy in Geneva, said in an interview.\n\n"
        "Zhao, speaking second at the banquet, which ran past midnight, said the visit had "
        "been \"truly useful\".\n"
    ))
    assert got == {"The ceiling is much higher now": "Tomas Reyes",
                   "truly useful": "Zhao Ming"}


def test_a_verb_right_after_a_one_word_quote_is_not_its_attribution() -> None:
    got = _by_text(_quotes(
        INTRO + "Hart told reporters that he had \"forcefully\" urged Tang to curb the "
        "exports.\n"
    ))
    assert got == {"forcefully": "Daniel Hart"}


def test_the_reporting_clause_at_the_end_of_a_long_sentence() -> None:
    got = _by_text(_quotes(
        INTRO + "The two ministers \"agreed to keep every channel open\" and stressed the "
        "need for calm in the strait, the State Department said.\n"
    ))
    assert got == {"agreed to keep every channel open": "U.S. State Department"}


def test_a_joint_subject_is_both_sides_but_reported_agreement_is_the_reporter() -> None:
    got = _by_text(_quotes(
        INTRO + "Hart and Chinese Foreign Minister Tang Lei agreed on Friday to pursue "
        "\"steady and predictable ties\".\n\n"
        "Hart said the two sides had agreed on \"several concrete steps\".\n"
    ))
    assert got == {"steady and predictable ties": "both sides",
                   "several concrete steps": "Daniel Hart"}


def test_a_cause_held_in_marks_after_a_stance_verb_is_not_speech() -> None:
    got = _by_text(_quotes(
        INTRO + "Beijing urged Washington to oppose \"Tibet independence\" activities and "
        "not to support \"Hong Kong separatism,\" the readout said.\n"
    ))
    assert got == {}


def test_an_unnamed_official_of_a_presidential_office_speaks() -> None:
    got = _by_text(_quotes(
        INTRO + "\"The mood was warm,\" a senior presidential official told reporters on "
        "condition of anonymity.\n"
    ))
    assert got == {"The mood was warm": "senior presidential official"}


def test_an_office_head_alias_and_an_unnamed_spokesperson() -> None:
    text = (
        "Treasury Secretary Laura Kent met Vice Premier He Zhiwei in Tianjin on Monday.\n\n"
        "\"Subsidies distort markets,\" the Treasury chief told reporters.\n\n"
        "\"The tone was businesslike,\" a U.S. Treasury spokesperson said.\n"
    )
    got = _by_text(_quotes(text))
    assert got == {"Subsidies distort markets": "Laura Kent",
                   "The tone was businesslike": "U.S. Treasury spokesperson"}


def test_the_pair_speak_jointly_and_a_relative_clause_gives_its_antecedent() -> None:
    got = _by_text(_quotes(
        INTRO + "The pair welcomed a \"steadier phase\" in relations.\n\n"
        "The two leaders agreed to talk again, according to the State Department, which "
        "said they \"valued open lines\".\n"
    ))
    assert got == {"steadier phase": "both sides",
                   "valued open lines": "U.S. State Department"}
