"""Standalone HTML: one file, inline CSS, no scripts, no network.

Every string that came from an article or the user goes through `html.escape`
(quotes included), so an article holding `<script>` shows it as text.
"""

from __future__ import annotations

from html import escape

from store.export.common import figure_texts, speaker, transition, when, with_previous
from store.export.select import DyadHistory, Timeline, dyad_label

CSS = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid #ccc; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; }
td, th { text-align: left; vertical-align: top; padding: .25rem .5rem;
         border-bottom: 1px solid #eee; }
.entry { margin: .75rem 0 1rem; padding-left: .75rem; border-left: 4px solid #999; }
.tension { border-color: #c0392b; } .stalled { border-color: #a67c00; }
.dialogue { border-color: #2c6fbb; } .progress { border-color: #2e8b57; }
.agreement { border-color: #1e6b3a; }
.status { font-weight: bold; } .muted { color: #666; font-size: .9em; }
blockquote { margin: .25rem 0 .25rem 1rem; font-style: italic; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e8; background: #161616; } td, th { border-color: #333; }
  .muted { color: #aaa; }
}
"""


def e(text: object) -> str:
    return escape(str(text), quote=True)


def render(timeline: Timeline) -> str:
    body: list[str] = [f"<h1>{e(timeline.title)}</h1>",
                       f"<p class=\"muted\">{timeline.meeting_count} meetings</p>"]
    many = timeline.shown_dyads > 1
    for d in timeline.dyads:
        if d.meetings:
            body.extend(_dyad(d, many))
    return "\n".join([
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
        *body,
        "</body>",
        "</html>",
        "",
    ])


def _dyad(d: DyadHistory, many: bool) -> list[str]:
    out: list[str] = []
    if many:
        out.append(f"<h2>{e(dyad_label(d.dyad))}</h2>")
    out.append("<h2>Meetings</h2>")
    out.append("<table><tr><th>Date</th><th>Meeting</th><th>Place</th><th>Sources</th></tr>")
    for m in d.meetings:
        out.append(
            f"<tr><td>{e(when(m))}</td><td>{e(m.title or f'meeting {m.id}')}</td>"
            f"<td>{e(m.location or '')}</td><td>{e(', '.join(m.sources))}</td></tr>"
        )
    out.append("</table>")
    for topic in d.topics:
        views = d.entries.get(topic.id)
        if not views:
            continue
        out.append(f'<h2 id="topic-{e(topic.id)}">{e(topic.name)}</h2>')
        for view, before in with_previous(views):
            m = view.meeting
            out.append(f'<div class="entry {e(view.status.value)}">')
            out.append(f"<div class=\"muted\">{e(when(m))} · {e(m.title or f'meeting {m.id}')}"
                       "</div>")
            hand = " <span class=\"muted\">(set by hand)</span>" if view.overridden else ""
            out.append(f'<div class="status">{e(transition(view, before))}{hand}</div>')
            if view.note:
                out.append(f"<p><i>Note:</i> {e(view.note)}</p>")
            if view.evidence:
                out.append(f"<p>{e(view.evidence)}</p>")
            figures = figure_texts(view)
            if figures:
                out.append(f"<p class=\"muted\">Figures: {e('; '.join(figures))}</p>")
            for q in view.quotes:
                src = f", {q.source}" if q.source else ""
                out.append(f"<blockquote>“{e(q.text)}” — {e(speaker(q) + src)}</blockquote>")
            out.append("</div>")
    return out
