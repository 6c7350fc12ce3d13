"""Topics on the structure of real news text, round 5 (issue 8). Every sentence is written
for these tests (invented officials and countries); none is copied from a real article."""

from __future__ import annotations

import pytest
from paragraphs import TOPICS, paragraphs

from store.ingest.topichits import Parties
from store.ingest.topics import score_paragraphs


def topics_of(*bodies: str, parties: list[str]) -> list[list[str]]:
    text, paras = paragraphs(*bodies)
    found = score_paragraphs(text, paras, TOPICS, Parties.of(parties))
    return [sorted(found.get(i, [])) for i in range(len(paras))]


@pytest.mark.parametrize(
    "sentence",
    [
        "The leaders met in Lisbon, vowing to deepen military and political collaboration.",
        "The ministers discussed further defence cooperation to bolster air defence.",
    ],
)
def test_defence_cooperation_at_a_meeting_of_ukraine_is_still_military(sentence: str) -> None:
    [found] = topics_of(sentence, parties=["Ukraine", "Portugal"])
    assert "military" in found


def test_weapons_for_ukraine_alone_are_still_the_war() -> None:
    assert topics_of("Marchenko asked Lisbon for fighter jets and more air defence weapons.",
                     parties=["Ukraine", "Portugal"]) == [["russia-ukraine"]]


def test_north_korea_by_its_full_official_name_is_the_korean_peninsula() -> None:
    [found] = topics_of("The vice president and the prime minister discussed the threats"
                        " posed by the Democratic People's Republic of Korea.",
                        parties=["Chile", "Norway"])
    assert found == ["korean-peninsula"]


def test_north_korea_by_its_full_name_is_a_side_not_a_topic_when_it_meets() -> None:
    [found] = topics_of("The leader of the Democratic People's Republic of Korea met the"
                        " Russian president to discuss trade and tariffs.",
                        parties=["North Korea", "Russia"])
    assert "korean-peninsula" not in found
