"""Stage 6 on the shapes of real diplomatic prose (issue 8): which topics a meeting
substantively discussed, and which words only name who met or pass by.

Every sentence is written for these tests (invented officials are fine); none is
copied from a real article.
"""

from __future__ import annotations

from store.ingest.keywords import build_index
from store.ingest.sentences import split_sentences
from store.ingest.topics import score_paragraphs
from store.ingest.types import Para
from store.taxonomy import default_topics

TOPICS = default_topics()


def topics_of(*bodies: str, parties: list[str] | None = None) -> list[list[str]]:
    text = "\n\n".join(bodies)
    paras: list[Para] = []
    pos = 0
    for i, body in enumerate(bodies):
        paras.append(Para(index=i, start=pos, end=pos + len(body),
                          sentences=split_sentences(text, pos, pos + len(body))))
        pos += len(body) + 2
    found = score_paragraphs(text, paras, TOPICS)
    return [found.get(i, []) for i in range(len(paras))]


def test_a_keyword_after_an_apostrophe_inside_a_word_is_not_that_keyword() -> None:
    # A place name romanised with an apostrophe ends in the letters of "AI".
    index = build_index([("ai", ["+AI"])])
    text = "Boats met near Mei'ai Shoal and Dao\u2019ai Reef; China's AI rules came up."
    assert [text[h.start:h.end] for h in index.scan(text, remember=False)] == ["AI"]
    [found] = topics_of("The minister said patrols near Tai'ai Reef would continue.")
    assert "ai" not in found
