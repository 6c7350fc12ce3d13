"""Standalone HTML timeline: one file, inline CSS and SVG, no scripts, no network.

The page draws each pair's meetings on a time axis, one lane per topic (the
TUI's timeline), with a legend, a list of contents per topic, the meetings with
links to their sources, then every topic's history. Every string that came
from an article or the user goes through `html.escape` (quotes included), so an
article holding `<script>` shows it as text; a source URL becomes a link only
when it is http(s).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from html import escape

from store.db.batches import Entry, Meeting
from store.export.common import (
    GLYPHS,
    commitment_details,
    commitment_state,
    joined_lines,
    position_speaker,
    speaker,
    title,
    transition,
    when,
    with_previous,
)
from store.export.select import DyadSource, TimelineSource, dyad_label
from store.models import Status, Topic

Links = dict[int, list[tuple[str | None, str | None]]]
LinksOf = Callable[[list[Meeting]], Links]  # the links of a batch of meetings

# Status colours, chosen to read on white and on the dark background (>= 3:1 as marks);
# the glyph inside each mark carries the status without colour.
COLOURS = {
    Status.TENSION.value: "#c0392b",
    Status.STALLED.value: "#a67c00",
    Status.DIALOGUE.value: "#2c6fbb",
    Status.PROGRESS.value: "#2e8b57",
    Status.AGREEMENT.value: "#1e6b3a",
}

CSS = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 64rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid #ccc; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; }
td, th { text-align: left; vertical-align: top; padding: .25rem .5rem;
         border-bottom: 1px solid #eee; }
a { color: #1a5fb4; }
.entry { margin: .75rem 0 1rem; padding-left: .75rem; border-left: 4px solid #999; }
.tension { border-color: #c0392b; } .stalled { border-color: #a67c00; }
.dialogue { border-color: #2c6fbb; } .progress { border-color: #2e8b57; }
.agreement { border-color: #1e6b3a; }
.status { font-weight: bold; } .muted { color: #666; font-size: .9em; }
blockquote { margin: .25rem 0 .25rem 1rem; font-style: italic; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; padding: 0; list-style: none; }
.legend span.mark { display: inline-block; width: 1.3em; text-align: center; color: #fff;
                    border-radius: 50%; margin-right: .3em; font-size: .8em; }
.lanes { width: 100%; height: auto; border: 1px solid #ddd; background: #fafafa; }
.lanes text { font: 12px system-ui, sans-serif; fill: #1d1d1f; }
.lanes .axis { stroke: #888; } .lanes .lane { stroke: #ccc; stroke-dasharray: 2 3; }
.lanes .tick { stroke: #ddd; } .lanes .year { font-weight: bold; }
.lanes text.glyph { fill: #fff; font-size: 10px; }
.contents { columns: 2 16rem; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e8; background: #161616; } td, th { border-color: #333; }
  .muted { color: #aaa; } a { color: #8ab4f8; }
  .lanes { background: #1e1e1e; border-color: #333; } .lanes text { fill: #e8e8e8; }
  .lanes .tick { stroke: #333; } .lanes .lane { stroke: #555; }
}
"""

# Geometry of the lanes (SVG user units; the SVG scales to the page width).
WIDTH = 960
LABEL = 190
RIGHT = 20
TOP = 34
LANE = 26


def e(text: object) -> str:
    return escape(str(text), quote=True)


def render(timeline: TimelineSource, links: Links | LinksOf | None = None) -> str:
    """The whole page as one string (see `chunks`)."""
    return "".join(chunks(timeline, links))


def chunks(timeline: TimelineSource, links: Links | LinksOf | None = None) -> Iterator[str]:
    """The page in pieces, written as the store is read (a batch at a time: the page's
    size grows with the store, the memory it takes does not).

    `links`: each meeting's articles as (outlet, url), held (a dict) or read for a batch
    of meetings at a time (a function).
    """
    if links is None or isinstance(links, dict):
        held = links or {}
        links_of: LinksOf = lambda _batch: held  # noqa: E731
    else:
        links_of = links
    return joined_lines(_page(timeline, links_of))


def _page(timeline: TimelineSource, links_of: LinksOf) -> Iterator[str]:
    yield from (
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing may load from anywhere: no scripts, no remote fonts or images.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        f"<title>{e(timeline.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(timeline.title)}</h1>",
        f"<p class=\"muted\">{timeline.meeting_count} meetings</p>",
        legend(),
    )
    many = timeline.shown_dyads > 1
    for d in timeline.dyads:
        if d.meeting_count:
            yield from _dyad(d, many, links_of)
    yield from ("</body>", "</html>")


def legend() -> str:
    items = "".join(
        f'<li><span class="mark" style="background:{COLOURS[s.value]}">{e(s.glyph)}</span>'
        f"{e(s.value)}</li>"
        for s in Status.ordered()
    )
    return (f'<ul class="legend" aria-label="Legend">{items}'
            '<li><span class="muted">dashed lane: topic not raised at a meeting</span></li></ul>')


def _slug(d: DyadSource) -> str:
    return "-".join(c.lower().replace(" ", "_") for c in d.dyad) or "unknown"


def _batched(meetings: Iterator[Meeting], size: int = 1000) -> Iterator[list[Meeting]]:
    batch: list[Meeting] = []
    for m in meetings:
        batch.append(m)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _dyad(d: DyadSource, many: bool, links_of: LinksOf) -> Iterator[str]:
    """A pair's part of the page. The store is walked a few times (the lanes need the
    date range and the topics raised before their first mark; the contents need each
    topic's count and latest status), each walk a batch at a time."""
    slug = _slug(d)
    if many:
        yield f"<h2>{e(dyad_label(d.dyad))}</h2>"
    raised = [t for t in d.topics if d.topic_raised(t.id)]
    # topic id -> (entries, latest status), filled by the walk that draws the lanes
    summary: dict[str, tuple[int, str]] = {}
    yield from lanes_svg(d, slug, raised, summary)
    yield "<h2>Contents</h2>"
    yield '<ul class="contents">'
    for topic in raised:
        count, latest = summary[topic.id]
        yield (f'<li><a href="#{e(slug)}-topic-{e(topic.id)}">{e(topic.name)}</a> '
               f'<span class="muted">{count} meetings, now '
               f"{e(GLYPHS[latest])} {e(latest)}</span></li>")
    yield "</ul>"
    yield "<h2>Meetings</h2>"
    yield "<table><tr><th>Date</th><th>Meeting</th><th>Place</th><th>Sources</th></tr>"
    for batch in _batched(d.iter_meetings()):
        links = links_of(batch)
        for m in batch:
            yield (
                f'<tr id="{e(slug)}-meeting-{m[0]}"><td>{e(when(m))}</td>'
                f"<td>{e(title(m))}</td>"
                f"<td>{e(m[3] or '')}</td><td>{sources_html(m, links)}</td></tr>"
            )
    yield "</table>"
    for topic in raised:
        yield f'<h2 id="{e(slug)}-topic-{e(topic.id)}">{e(topic.name)}</h2>'
        for view, before in with_previous(d.topic_entries(topic.id)):
            yield _entry(view, before, slug, topic.id)
    yield from _stances(d, slug)


def _entry(view: Entry, before: str | None, slug: str, topic_id: str) -> str:
    m, _, status, _, overridden, note, evidence, figures, quotes = view
    out = [f'<div class="entry {e(status)}" id="{e(slug)}-{e(topic_id)}-{m[0]}">',
           f"<div class=\"muted\">{e(when(m))} · "
           f'<a href="#{e(slug)}-meeting-{m[0]}">{e(title(m))}</a></div>']
    hand = " <span class=\"muted\">(set by hand)</span>" if overridden else ""
    out.append(f'<div class="status">{e(transition(status, before))}{hand}</div>')
    if note:
        out.append(f"<p><i>Note:</i> {e(note)}</p>")
    if evidence:
        out.append(f"<p>{e(evidence)}</p>")
    if figures:
        out.append(f"<p class=\"muted\">Figures: {e('; '.join(figures))}</p>")
    for q in quotes:
        src = f", {q[4]}" if q[4] else ""
        out.append(f"<blockquote>“{e(q[1])}” — {e(speaker(q) + src)}</blockquote>")
    out.append("</div>")
    return "\n".join(out)


def _stances(d: DyadSource, slug: str) -> Iterator[str]:
    """Each meeting's commitments (with their state) and positions; all text escaped."""
    heading = False
    for m, positions, commitments in d.stances():
        if not heading:
            yield f'<h2 id="{e(slug)}-stances">Positions and commitments</h2>'
            heading = True
        out = [f'<div class="entry" id="{e(slug)}-stances-{m[0]}">',
               f"<div class=\"muted\">{e(when(m))} · "
               f'<a href="#{e(slug)}-meeting-{m[0]}">{e(title(m))}'
               "</a></div>"]
        if commitments:
            out.append("<ul class=\"commitments\">")
            for c in commitments:
                topic = f" <span class=\"muted\">[{e(c[1])}]</span>" if c[1] else ""
                details = "".join(f"<br><span class=\"muted\">{e(x)}</span>"
                                  for x in commitment_details(c))
                out.append(f"<li><strong>{e(commitment_state(c))}</strong>{topic}: {e(c[2])}"
                           f"{details}</li>")
            out.append("</ul>")
        if positions:
            out.append("<ul class=\"positions\">")
            for side, who, topic_id, kind, text in positions:
                topic = f" <span class=\"muted\">[{e(topic_id)}]</span>" if topic_id else ""
                out.append(f"<li><strong>{e(position_speaker(side, who))}</strong>, {e(kind)}"
                           f"{topic}: {e(text)}</li>")
            out.append("</ul>")
        out.append("</div>")
        yield "\n".join(out)


def sources_html(m: Meeting, links: Links) -> str:
    """The meeting's outlets, each a link to its article when the URL is http(s)."""
    pairs = links.get(m[0]) or [(s, None) for s in m[5]]
    parts = []
    for outlet, url in pairs:
        name = e(outlet or url or "source")
        if url and url.lower().startswith(("http://", "https://")):
            parts.append(f'<a href="{e(url)}" rel="noreferrer noopener">{name}</a>')
        else:
            parts.append(name)
    return ", ".join(parts)


def _x(day: date, first: date, last: date) -> float:
    span = (last - first).days
    inner = WIDTH - LABEL - RIGHT
    if span <= 0:
        return LABEL + inner / 2
    return LABEL + inner * (day - first).days / span


def _months(first: date, last: date) -> list[date]:
    out = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def lanes_svg(d: DyadSource, slug: str, topics: list[Topic],
              summary: dict[str, tuple[int, str]]) -> Iterator[str]:
    """One lane per topic raised (`topics`), each meeting a coloured mark with its status
    glyph; links to it. Fills `summary` (topic id -> entries, latest status) on the way."""
    days = [m[2] for m in d.iter_meetings() if m[2] is not None]
    if not days or not topics:
        for topic in topics:
            count, latest = 0, None
            for _, status in d.topic_marks(topic.id):
                count, latest = count + 1, status
            assert latest is not None
            summary[topic.id] = (count, latest)
        yield '<p class="muted">No dated meetings to draw.</p>'
        return
    first, last = date.fromisoformat(min(days)), date.fromisoformat(max(days))
    height = TOP + LANE * len(topics) + 10
    yield (f'<svg class="lanes" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-label="{e(dyad_label(d.dyad))}: topics over time">')
    months = _months(first, last)
    every = 1 if len(months) <= 24 else 3 if len(months) <= 72 else 12
    labelled = -100.0  # x of the last month label: labels closer than 26 units would overlap
    for month in months:
        x = _x(max(month, first), first, last)
        if month.month == 1 or month == months[0]:
            yield f'<text class="year" x="{x:.1f}" y="12">{month.year}</text>'
        if (month.month - 1) % every == 0:
            yield (f'<line class="tick" x1="{x:.1f}" y1="{TOP - 8}" x2="{x:.1f}" '
                   f'y2="{height - 6}"/>')
            if every < 12 and x - labelled >= 26:
                labelled = x
                yield f'<text x="{x:.1f}" y="26">{month.strftime("%b")}</text>'
    for i, topic in enumerate(topics):
        y = TOP + LANE * i + LANE / 2
        yield f'<text x="4" y="{y + 4:.1f}">{e(topic.name[:28])}</text>'
        yield (f'<line class="lane" x1="{LABEL}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" '
               f'y2="{y:.1f}"/>')
        count, latest = 0, None
        for m, status in d.topic_marks(topic.id):
            count, latest = count + 1, status
            if m[2] is None:
                continue
            day = date.fromisoformat(m[2])
            x = _x(day, first, last)
            label = f"{topic.name}, {day}: {status} — {m[1]}"
            yield (
                f'<a href="#{e(slug)}-{e(topic.id)}-{m[0]}">'
                f"<title>{e(label)}</title>"
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8" fill="{COLOURS[status]}"/>'
                f'<text class="glyph" x="{x:.1f}" y="{y + 3.5:.1f}" '
                f'text-anchor="middle">{e(GLYPHS[status])}</text></a>'
            )
        assert latest is not None  # a topic in `topics` has an entry
        summary[topic.id] = (count, latest)
    yield "</svg>"
