"""Paragraphs for the status and topic tests: bodies joined by blank lines, split into
`Para`s with their sentences as ingest would, and the statuses ingest gives them."""

from __future__ import annotations

from store.ingest.sentences import split_sentences
from store.ingest.status import build_entries
from store.ingest.topics import score_paragraphs
from store.ingest.types import Para
from store.models import Status
from store.taxonomy import default_topics

TOPICS = default_topics()


def paragraphs(*bodies: str) -> tuple[str, list[Para]]:
    """The text of `bodies`, a blank line between each, and its paragraphs."""
    text = "\n\n".join(bodies)
    paras: list[Para] = []
    pos = 0
    for i, body in enumerate(bodies):
        paras.append(Para(index=i, start=pos, end=pos + len(body),
                          sentences=split_sentences(text, pos, pos + len(body))))
        pos += len(body) + 2
    return text, paras


def statuses(*bodies: str) -> dict[str, Status]:
    """Each topic ingest finds in `bodies`, with its status."""
    text, paras = paragraphs(*bodies)
    return {e.id: e.status for e in build_entries(
        text, paras, score_paragraphs(text, paras, TOPICS), [], TOPICS)}
