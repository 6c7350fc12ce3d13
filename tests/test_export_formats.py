"""The exporters as pure functions: views built here in, text out, parsed back."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timezone
from html.parser import HTMLParser

import pytest

from store.export import csv_export, html, markdown, timelinejs
from store.export.select import Scope, Timeline, narrow, narrow_dump, resolve_topics
from store.models import (
    DumpArticle,
    DumpEntry,
    DumpMeeting,
    DumpQuote,
    EntryView,
    Figure,
    MeetingRef,
    Status,
    StoredQuote,
    StoreDump,
    Topic,
)

HOSTILE = 'Tang said <script>alert("x")</script> & then </p><b>bold</b>'
DYAD = ["China", "United States"]
TOPICS = [Topic(id="taiwan", name="Taiwan"), Topic(id="trade", name="Trade"),
          Topic(id="climate", name="Climate")]
M1 = MeetingRef(id=1, title="Talks in Beijing", meeting_date=date(2023, 6, 19), location="Beijing",
                dyad=DYAD, sources=["Reuters"])
M2 = MeetingRef(id=2, title="Summit at Woodside <b>", meeting_date=date(2023, 11, 15),
                location="Woodside", dyad=DYAD, sources=["AP", "Xinhua"])
M3 = MeetingRef(id=3, title="Talks in Bangkok", meeting_date=date(2024, 1, 26), dyad=DYAD)


def quote(qid: int, meeting: MeetingRef, text: str, who: str, country: str,
          topic: str) -> StoredQuote:
    return StoredQuote(id=qid, meeting_id=meeting.id, article_id=meeting.id, text=text,
                       speaker=who, speaker_country=country, topic=topic, start=0,
                       end=len(text), source=meeting.sources[0] if meeting.sources else None,
                       meeting_date=meeting.meeting_date)


def entry(meeting: MeetingRef, topic: Topic, status: Status, evidence: str = "",
          quotes: list[StoredQuote] | None = None, figures: list[Figure] | None = None,
          note: str | None = None) -> EntryView:
    return EntryView(meeting=meeting, topic_id=topic.id, topic_name=topic.name, status=status,
                     extracted_status=status, overridden=note is not None, note=note,
                     evidence=evidence, quotes=quotes or [], figures=figures or [])


TAIWAN, TRADE, CLIMATE = TOPICS
HISTORIES = {
    "taiwan": [
        entry(M1, TAIWAN, Status.TENSION, "Hart raised concerns over the strait.",
              [quote(1, M1, "We will not step back", "Tang Lei", "China", "taiwan")]),
        entry(M2, TAIWAN, Status.DIALOGUE, HOSTILE,
              [quote(2, M2, HOSTILE, "Zhao Ming", "China", "taiwan")], note="checked by hand"),
        entry(M3, TAIWAN, Status.DIALOGUE, "Both sides kept talking."),
    ],
    "trade": [
        entry(M2, TRADE, Status.PROGRESS, "Some progress on tariffs.",
              figures=[Figure(text="$8 billion", value=8e9, unit="USD", noun="in purchases")]),
    ],
    "climate": [],
}


def timeline(scope: Scope | None = None) -> Timeline:
    scope = scope or Scope()
    return Timeline(title="China – United States", scope=scope,
                    dyads=[narrow(DYAD, [M1, M2, M3], TOPICS, HISTORIES, scope)])


class TextOnly(HTMLParser):
    """Collects every tag name and every text node of an HTML document."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_markdown_shows_transitions_quotes_and_figures_in_date_order() -> None:
    out = markdown.render(timeline())
    assert out.index("## Taiwan") < out.index("## Trade")
    taiwan = out[out.index("## Taiwan"):out.index("## Trade")]
    assert "✖ tension (first raised)" in taiwan
    assert "✖ tension → ◆ dialogue" in taiwan
    assert "◆ dialogue (unchanged)" in taiwan
    assert taiwan.index("2023-06-19") < taiwan.index("2023-11-15") < taiwan.index("2024-01-26")
    assert "> “We will not step back” (**Tang Lei (China)**, Reuters)" in taiwan
    assert "Note: checked by hand" in taiwan
    assert "$8 billion in purchases" in out
    assert "## Climate" not in out  # a topic never discussed gets no section


def test_markdown_escapes_article_text() -> None:
    out = markdown.render(timeline())
    assert "<script>" not in out and "</p>" not in out
    assert r"\<script\>" in out


def test_csv_rows_have_a_kind_and_read_back() -> None:
    rows = list(csv.DictReader(io.StringIO(csv_export.render(timeline()))))
    entries = [r for r in rows if r["kind"] == "entry"]
    quotes = [r for r in rows if r["kind"] == "quote"]
    assert len(entries) == 4 and len(quotes) == 2
    assert [r["meeting_date"] for r in entries] == [
        "2023-06-19", "2023-11-15", "2023-11-15", "2024-01-26"]
    hostile = next(r for r in quotes if r["quote_id"] == "2")
    assert hostile["quote"] == HOSTILE  # data stays data: CSV keeps the exact text
    assert hostile["speaker"] == "Zhao Ming" and hostile["topic_id"] == "taiwan"
    trade = next(r for r in entries if r["topic_id"] == "trade")
    assert trade["status"] == "progress" and trade["figures"] == "$8 billion in purchases"


def test_html_is_standalone_and_escapes_every_article_string() -> None:
    out = html.render(timeline())
    parser = TextOnly()
    parser.feed(out)
    # The only tags are ours: the article's <script> and <b> never become elements.
    assert "script" not in parser.tags
    assert "b" not in parser.tags
    assert "http://" not in out and "https://" not in out and "<link" not in out
    text = "".join(parser.text)
    assert HOSTILE in text  # shown to the reader as the text it is
    assert "Summit at Woodside <b>" in text
    assert "&amp; then &lt;/p&gt;" in out


def test_timelinejs_structure_and_escaping() -> None:
    data = json.loads(timelinejs.render(timeline()))
    assert set(data) == {"title", "events"}
    events = data["events"]
    assert len(events) == 4
    first = events[0]
    assert first["start_date"] == {"year": 2023, "month": 6, "day": 19}
    assert first["group"] == "Taiwan"
    assert set(first["text"]) == {"headline", "text"}
    hostile = next(e for e in events if e["unique_id"] == "m2-taiwan")
    assert "<script>" not in hostile["text"]["text"]
    assert "&lt;script&gt;" in hostile["text"]["text"]
    assert "&lt;b&gt;" in hostile["text"]["headline"]
    starts = [(e["start_date"]["year"], e["start_date"]["month"], e["start_date"]["day"])
              for e in events]
    assert starts == sorted(starts)


@pytest.mark.parametrize("render", [markdown.render, html.render, csv_export.render,
                                    timelinejs.render])
def test_topic_filter_keeps_only_that_topic(render: object) -> None:
    assert callable(render)
    scope = Scope(topics=("trade",))
    out = render(timeline(scope))
    assert "Some progress on tariffs." in out
    assert "Hart raised concerns" not in out
    # Meetings that did not discuss trade are left out too.
    assert "Talks in Bangkok" not in out


@pytest.mark.parametrize("render", [markdown.render, html.render, csv_export.render,
                                    timelinejs.render])
def test_date_range_is_inclusive(render: object) -> None:
    assert callable(render)
    scope = Scope(since=date(2023, 11, 15), until=date(2023, 11, 15))
    out = render(timeline(scope))
    assert "Some progress on tariffs." in out
    assert "Hart raised concerns" not in out and "Both sides kept talking." not in out


def test_narrow_drops_undated_meetings_only_when_a_range_is_given() -> None:
    undated = MeetingRef(id=9, title="Undated call", meeting_date=None, dyad=DYAD)
    assert [m.id for m in narrow(DYAD, [M1, undated], TOPICS, {}, Scope()).meetings] == [1, 9]
    ranged = narrow(DYAD, [M1, undated], TOPICS, {}, Scope(since=date(2000, 1, 1)))
    assert [m.id for m in ranged.meetings] == [1]


def test_resolve_topics_by_id_or_name_and_refuses_unknown() -> None:
    assert resolve_topics(["TAIWAN", "Trade", "taiwan"], TOPICS) == ("taiwan", "trade")
    assert resolve_topics(None, TOPICS) is None
    with pytest.raises(ValueError, match="unknown topic 'nope'"):
        resolve_topics(["nope"], TOPICS)


def _dump() -> StoreDump:
    now = datetime(2024, 1, 1, tzinfo=timezone.utc)
    arts = [DumpArticle(id=i, meeting_id=i, sha256=str(i), text="t", original="t", added_at=now)
            for i in (1, 2)]
    return StoreDump(
        schema_version=1, topics=TOPICS,
        meetings=[DumpMeeting(id=1, meeting_date=date(2023, 6, 19)),
                  DumpMeeting(id=2, meeting_date=date(2024, 6, 1))],
        articles=arts,
        entries=[DumpEntry(meeting_id=1, article_id=1, topic_id="taiwan", status=Status.TENSION),
                 DumpEntry(meeting_id=2, article_id=2, topic_id="trade", status=Status.PROGRESS)],
        quotes=[DumpQuote(id=1, meeting_id=1, article_id=1, text="a", speaker=None, start=0,
                          end=1, topic="taiwan"),
                DumpQuote(id=2, meeting_id=2, article_id=2, text="b", speaker=None, start=0,
                          end=1, topic="trade")],
    )


def test_narrow_dump_without_filters_is_the_dump_itself() -> None:
    dump = _dump()
    assert narrow_dump(dump, Scope()) == dump


def test_narrow_dump_by_topic_and_date_keeps_whole_meetings() -> None:
    by_topic = narrow_dump(_dump(), Scope(topics=("trade",)))
    assert [m.id for m in by_topic.meetings] == [2]
    assert [a.meeting_id for a in by_topic.articles] == [2]
    assert [q.id for q in by_topic.quotes] == [2]
    by_date = narrow_dump(_dump(), Scope(until=date(2023, 12, 31)))
    assert [m.id for m in by_date.meetings] == [1]
    assert [e.topic_id for e in by_date.entries] == ["taiwan"]
