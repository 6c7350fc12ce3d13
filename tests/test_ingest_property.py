"""Arbitrary text and bytes through the whole pipeline: IngestError or a sound draft."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.ingest import IngestError, extract
from store.models import MeetingDraft

# Pieces real articles are made of, so random text hits the interesting paths.
_PIECES = [
    "\u201c", "\u201d", "\u2018", "\u2019", '"', "'", "\u2014", "\u2013", "\u00a0", "\n", "\n\n",
    "\n\n\n", " said.", ", Blinken said", " he said. ", "U.S. ", "Mr. ", "Jan. 26 ", "on Friday ",
    "BEIJING (Reuters) - ", "By Reuters Apr 26, 2024 | 11:17 AM\n", "(Reporting by X)",
    "<p>", "</p>", "<script>", "<article>", "<h2>", "</h2>", "&amp;", "&#8220;", "# ", "## ",
    "**", "[link](http://x)", "- ", "1. ", "$8 billion ", "290,000 students ", "25% ", "TAIWAN\n",
    "Xi Jinping ", "Wang Yi ", "met ", "agreed to ", "concerns ", "[bold]", "[/]", "\\",
]

article_text = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(max_size=12)), max_size=40
).map("".join)


def _check(draft: MeetingDraft) -> None:
    n = len(draft.text)
    for q in draft.quotes:
        assert 0 <= q.start <= q.end <= n
        assert draft.text[q.start:q.end] == q.text
    for p in draft.paragraph_spans:
        assert 0 <= p.start <= p.end <= n
    for t in draft.topics:
        for f in t.figures:
            assert 0 <= f.start <= f.end <= n
            assert draft.text[f.start:f.end] == f.text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_text)
def test_arbitrary_text_never_breaks_ingest(text: str) -> None:
    try:
        draft = extract(text)
    except IngestError:
        return
    _check(draft)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=300), article_text.map(lambda s: s.encode("utf-8"))))
def test_arbitrary_bytes_never_break_ingest(data: bytes) -> None:
    try:
        draft = extract(data)
    except IngestError as exc:
        assert "\n" not in str(exc)
        return
    _check(draft)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_stages_keep_offsets_inside_the_text(text: str) -> None:
    from store.ingest.figures import find_figures
    from store.ingest.formats import to_plain
    from store.ingest.header import parse_header
    from store.ingest.normalize import normalize
    from store.ingest.structure import split_paragraphs

    doc = to_plain(text)
    norm = normalize(doc.text)
    assert len(norm) == len(doc.text)
    h = parse_header(norm, doc)
    assert 0 <= h.body_start <= h.body_end <= len(norm)
    paras = split_paragraphs(norm, h.body_start, h.body_end)
    last = h.body_start
    for p in paras:
        assert last <= p.start < p.end <= h.body_end
        last = p.end
        for s in p.sentences:
            assert p.start <= s.start < s.end <= p.end
    for f in find_figures(norm, paras):
        assert norm[f.start:f.end] == f.text
