"""Topics, second pass of round 7 (issue 8). Every sentence is written for these tests
(invented officials and countries); none is copied from a real article."""

from __future__ import annotations

from paragraphs import TOPICS, paragraphs

from store.ingest.topichits import Parties
from store.ingest.topics import score_paragraphs


def topics_of(*bodies: str, parties: list[str], place: str | None = None) -> list[list[str]]:
    text, paras = paragraphs(*bodies)
    found = score_paragraphs(text, paras, TOPICS, Parties.of(parties, (), place))
    return [sorted(found.get(i, [])) for i in range(len(paras))]


def test_the_city_that_hosted_two_other_countries_is_not_a_topic() -> None:
    body = ("The foreign ministers of Chile and Norway met in the Iranian capital, Tehran,"
            " on Monday. In Tehran the two ministers talked for an hour.")
    assert topics_of(body, parties=["Chile", "Norway"], place="Tehran") == [[]]


def test_the_host_country_still_counts_where_it_is_what_they_discussed() -> None:
    body = ("The ministers of Chile and Norway met in Tehran and voiced concern over Iran's"
            " nuclear programme.")
    [found] = topics_of(body, parties=["Chile", "Norway"], place="Tehran")
    assert "middle-east" in found


def test_without_the_place_the_city_is_still_a_topic_word() -> None:
    body = "The ministers of Chile and Norway discussed Tehran and Beirut at length."
    [found] = topics_of(body, parties=["Chile", "Norway"])
    assert "middle-east" in found
