"""Actors: titles, canonical names, countries, surnames, pronouns, bodies, participants."""

from __future__ import annotations

from store.ingest.actors import canonical_name, find_actors
from store.ingest.normalize import normalize
from store.ingest.pair import infer_dyad
from store.ingest.structure import split_paragraphs
from store.ingest.types import ActorTable


def _table(text: str) -> tuple[str, ActorTable]:
    norm = normalize(text)
    return norm, find_actors(norm, split_paragraphs(norm, 0, len(norm)))


def _actor(table: ActorTable, name: str) -> tuple[str, str | None]:
    for a in table.actors:
        if a.name == name:
            return a.role, a.country
    raise AssertionError(f"{name} not found in {[a.name for a in table.actors]}")


def _resolved(norm: str, table: ActorTable, word: str, nth: int = 0) -> str:
    """Who the nth mention written exactly as `word` resolves to."""
    hits = [m for m in table.mentions if norm[m.start:m.end] == word]
    assert len(hits) > nth, f"no mention {nth} of {word!r}"
    return table.actors[hits[nth].actor].name


def test_title_and_nationality_give_role_and_country() -> None:
    _norm, t = _table(
        "U.S. Secretary of State Antony J. Blinken met his Chinese counterpart Wang Yi. "
        "Prime Minister Narendra Modi spoke to foreign secretary Vikram Misri.\n\n"
        "China's minister of public security, Wang Xiaohong, joined Admiral Dong Jun.\n"
    )
    assert _actor(t, "Antony Blinken") == ("Secretary of State", "United States")
    assert _actor(t, "Wang Yi")[1] == "China"
    assert _actor(t, "Wang Xiaohong") == ("minister of public security", "China")
    assert _actor(t, "Vikram Misri")[0] == "foreign secretary"
    assert _actor(t, "Narendra Modi") == ("Prime Minister", "India")
    assert _actor(t, "Dong Jun")[1] == "China"


def test_middle_initials_are_dropped_but_a_lone_initial_stays() -> None:
    assert canonical_name(["Antony", "J.", "Blinken"]) == "Antony Blinken"
    assert canonical_name(["S.", "Jaishankar"]) == "S. Jaishankar"


def test_chinese_names_are_family_name_first() -> None:
    norm, t = _table(
        "Chinese leader Xi Jinping hosted Treasury Secretary Janet Yellen. Xi spoke first, "
        "and Yellen replied.\n"
    )
    assert _resolved(norm, t, "Xi") == "Xi Jinping"
    assert _resolved(norm, t, "Yellen") == "Janet Yellen"
    assert "Xi" in next(a for a in t.actors if a.name == "Xi Jinping").aliases


def test_surname_he_is_not_the_pronoun_he() -> None:
    norm, t = _table(
        "Vice Premier He Lifeng met Treasury Secretary Janet Yellen in Guangzhou. "
        "Yellen told He that subsidies worried her. He said the charge was unfair.\n"
    )
    mentions = [norm[m.start:m.end] for m in t.mentions]
    assert "He Lifeng" in mentions
    # mid-sentence "He" is the surname; sentence-initial "He" is a pronoun for a man
    assert _resolved(norm, t, "He", 0) == "He Lifeng"
    assert _resolved(norm, t, "He", 1) == "He Lifeng"
    assert _resolved(norm, t, "her") == "Janet Yellen"


def test_two_people_with_one_surname_resolve_to_the_latest() -> None:
    norm, t = _table(
        "Foreign Minister Wang Yi met the visitors on Monday. Wang said ties were improving.\n\n"
        "Later, foreign ministry spokesman Wang Wenbin briefed reporters. Wang said the "
        "talks had been frank.\n\n"
        "On Tuesday Wang Yi spoke again. Wang said more visits would follow.\n"
    )
    assert _resolved(norm, t, "Wang", 0) == "Wang Yi"
    assert _resolved(norm, t, "Wang", 1) == "Wang Wenbin"
    assert _resolved(norm, t, "Wang", 2) == "Wang Yi"


def test_pronoun_prefers_the_subject_of_the_previous_sentence() -> None:
    norm, t = _table(
        "National Security Adviser Jake Sullivan met Foreign Minister Wang Yi in Bangkok. "
        "He said the talks were useful.\n"
    )
    assert _resolved(norm, t, "He") == "Jake Sullivan"


def test_subject_is_the_one_doing_the_verb_not_the_first_name() -> None:
    norm, t = _table(
        "President Joe Biden met Chinese leader Xi Jinping.\n\n"
        "Asked whether he still saw Xi as a dictator, Biden answered at length. "
        "He said the label stood.\n"
    )
    assert _resolved(norm, t, "He") == "Joe Biden"


def test_aliases_resolve_to_the_matching_office() -> None:
    norm, t = _table(
        "Secretary of State Antony Blinken met Chinese President Xi Jinping. "
        "The secretary spoke for an hour, and the Chinese leader listened.\n"
    )
    assert _resolved(norm, t, "The secretary") == "Antony Blinken"
    assert _resolved(norm, t, "the Chinese leader") == "Xi Jinping"


def test_known_officials_need_no_title() -> None:
    norm, t = _table("Xi Jinping and Joe Biden shook hands. Blinken watched.\n")
    assert _actor(t, "Xi Jinping") == ("President", "China")
    assert _resolved(norm, t, "Blinken") == "Antony Blinken"


def test_bodies_and_anonymous_officials_get_canonical_names() -> None:
    norm, t = _table(
        "China's Foreign Ministry said it was ready. The ministry added more. "
        "The State Department and the Pentagon said nothing, nor did the White House. "
        "Xinhua reported the meeting. A senior State Department official said so. "
        "Beijing says it will respond, and Washington said it would wait.\n"
    )
    assert _resolved(norm, t, "China's Foreign Ministry") == "Chinese Foreign Ministry"
    assert _resolved(norm, t, "The ministry") == "Chinese Foreign Ministry"
    assert _resolved(norm, t, "State Department") == "U.S. State Department"
    assert _resolved(norm, t, "Pentagon") == "Pentagon"
    assert _resolved(norm, t, "White House") == "White House"
    assert _resolved(norm, t, "Xinhua") == "Chinese state media"
    assert _resolved(norm, t, "A senior State Department official") == (
        "senior State Department official"
    )
    assert _resolved(norm, t, "Beijing") == "China"
    assert _resolved(norm, t, "Washington") == "United States"


def test_a_capital_as_a_place_is_not_a_speaker() -> None:
    norm, t = _table("BEIJING (Reuters) - The talks in Beijing ended. Officials flew to Beijing.\n")
    assert all(a.name != "China" for a in t.actors)


def test_participants_are_the_people_at_the_meeting() -> None:
    _norm, t = _table(
        "U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping on Friday. "
        "Xi, who last met President Joe Biden in November, smiled.\n\n"
        "Foreign ministry spokesperson Mao Ning said the talks were candid. Taylor Swift's "
        "album was on sale nearby.\n"
    )
    names = [t.actors[i].name for i in t.participants]
    assert names[:2] == ["Antony Blinken", "Xi Jinping"]
    assert "Joe Biden" not in names  # background meeting
    assert "Mao Ning" not in names  # spokesperson
    assert "Taylor Swift" not in names


def test_dyad_from_participants_and_hint() -> None:
    norm, t = _table(
        "Indian Prime Minister Narendra Modi met Chinese President Xi Jinping in Kazan, Russia. "
        "Russia hosted the summit; Russia, Russia, Russia.\n"
    )
    assert infer_dyad(t, norm, None) == ["China", "India"]
    assert infer_dyad(t, norm, ["United States", "China"]) == ["China", "United States"]


def test_dyad_falls_back_to_the_most_named_countries() -> None:
    norm, t = _table("Japan and South Korea agreed. Japan said; South Korea agreed; China.\n")
    assert infer_dyad(t, norm, None) == ["Japan", "South Korea"]


def test_people_of_another_time_are_not_participants() -> None:
    _norm, t = _table(
        "Defense Secretary Lloyd Austin met Chinese Defense Minister Dong Jun in Singapore, "
        "their first talks since November 2022, when Austin met Wei Fenghe in Cambodia. "
        "China's defence ministry spokesperson, Senior Colonel Wu Qian, said the meeting "
        "was useful.\n"
    )
    names = [t.actors[i].name for i in t.participants]
    assert names == ["Lloyd Austin", "Dong Jun"]


def test_name_suffixes_do_not_become_surnames() -> None:
    norm, t = _table(
        "Philippine Defense Secretary Gilberto Teodoro Jr. met Lloyd Austin. Teodoro said "
        "the alliance was strong.\n"
    )
    # The suffix stays in the full name (as the officials list writes "Ferdinand Marcos Jr."),
    # and the surname before it is what a bare mention uses.
    assert _resolved(norm, t, "Teodoro") == "Gilberto Teodoro Jr."


def test_korean_names_are_family_name_first_and_get_their_country() -> None:
    norm, t = _table(
        "Ambassador Park Min Soo met Japanese Foreign Minister Taro Sato in Osaka. "
        "Park said ties were improving. Later, Foreign Minister Cho Tae-yul joined them, and "
        "Cho said the three would meet again.\n"
    )
    assert _resolved(norm, t, "Park") == "Park Min Soo"
    assert _resolved(norm, t, "Cho") == "Cho Tae-yul"
    assert _actor(t, "Park Min Soo")[1] == "South Korea"


def test_an_appositive_with_a_possessive_office_gives_a_person() -> None:
    norm, t = _table(
        "Maria Keller, the Pentagon's deputy press secretary, briefed reporters on Tuesday. "
        "Keller said the call lasted an hour.\n"
    )
    assert _resolved(norm, t, "Keller") == "Maria Keller"


def test_a_participle_clause_after_a_place_is_not_an_appositive() -> None:
    _norm, t = _table(
        "The president spoke in the Blue Room, standing beside a leader he has courted.\n"
    )
    assert "Room" not in [a.name for a in t.actors]


def test_people_listed_with_a_known_person_are_people_and_participants() -> None:
    _norm, t = _table(
        "The meeting grew into a four-a-side session, with Marco Rubio and Dana Whitfield "
        "joining Trump, and Sergei Lavrov and Oleg Berezin joining Putin.\n"
    )
    names = [t.actors[i].name for i in t.participants]
    assert "Dana Whitfield" in names and "Oleg Berezin" in names


def test_outsiders_future_and_past_meetings_are_not_participants() -> None:
    _norm, t = _table(
        "Prime Minister Narendra Modi met President Joe Biden at the White House on Thursday. "
        "\"It is a turning point,\" said Priya Nair, a former trade negotiator who now "
        "lectures in Boston, at a talk about the meeting.\n\n"
        "Secretary of State Antony Blinken will visit New Delhi next month.\n\n"
        "Modi said trade had grown since the summit between Biden and Prime Minister "
        "Fumio Kishida in Tokyo.\n\n"
        "The two sides agreed to hold a dialogue on chips, building on pledges Modi and "
        "President Xi Jinping made at their meeting in Kazan.\n"
    )
    names = [t.actors[i].name for i in t.participants]
    assert names == ["Narendra Modi", "Joe Biden"]


def test_a_korean_leader_named_bare_gives_the_dyad() -> None:
    norm, t = _table(
        "President Yoon Suk Yeol met Japanese Prime Minister Shigeru Ishiba in Lima on "
        "Friday. Later, the two joined U.S. President Joe Biden for a three-way summit.\n"
    )
    assert infer_dyad(t, norm, None) == ["Japan", "South Korea"]


def test_someone_who_called_the_meeting_something_did_not_take_part() -> None:
    _norm, t = _table(
        "President Joe Biden met Chinese President Xi Jinping in Lima on Saturday. "
        "Senator Ann Porter, a longtime critic of the policy, called the meeting \"a wasted "
        "chance\", and Senator Tom Reed called for a tougher line after the talks.\n"
    )
    names = [t.actors[i].name for i in t.participants]
    assert names == ["Joe Biden", "Xi Jinping"]


def test_a_later_separate_event_adds_no_participants() -> None:
    _norm, t = _table(
        "Prime Minister Narendra Modi met President Joe Biden in Wilmington on Saturday.\n\n"
        "Later on Saturday, Modi joined Biden and Australian Prime Minister Anthony Albanese "
        "at a leaders' summit.\n"
    )
    assert [t.actors[i].name for i in t.participants] == ["Narendra Modi", "Joe Biden"]
