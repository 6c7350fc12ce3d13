"""Markdown timeline: the meetings by date, then one section per topic with its moves."""

from __future__ import annotations

from store.export.common import figure_texts, speaker, transition, when, with_previous
from store.export.select import DyadHistory, Timeline, dyad_label

# Characters that would turn article text into Markdown structure, links or raw HTML
# are backslash-escaped; line breaks become spaces so a text stays on its line.
# (str.translate: one pass, several times faster than a regex on a big export.)
_ESCAPES = str.maketrans(
    {c: "\\" + c for c in "\\`*_[]<>#|"} | {"\n": " ", "\r": " ", "\t": " "}
)


def md_text(text: str) -> str:
    """Article text as inert Markdown: specials escaped, line breaks folded."""
    return text.translate(_ESCAPES)


def render(timeline: Timeline) -> str:
    """The whole timeline as one Markdown document."""
    out = [f"# {md_text(timeline.title)}", ""]
    scope = timeline.scope
    notes = []
    if scope.topics is not None:
        notes.append("topics: " + ", ".join(scope.topics))
    if scope.since or scope.until:
        notes.append(f"dates: {scope.since or '…'} to {scope.until or '…'}")
    out.append(f"{timeline.meeting_count} meetings" + (f" ({'; '.join(notes)})" if notes else "")
               + ".")
    out.append("")
    many = timeline.shown_dyads > 1
    for dyad in timeline.dyads:
        if not dyad.meetings:
            continue
        out.extend(_dyad(dyad, "##" if many else "", many))
    return "\n".join(out).rstrip() + "\n"


def _dyad(d: DyadHistory, head: str, many: bool) -> list[str]:
    sub = "###" if many else "##"
    subsub = "####" if many else "###"
    out: list[str] = []
    if head:
        out += [f"{head} {md_text(dyad_label(d.dyad))}", ""]
    out += [f"{sub} Meetings", ""]
    for m in d.meetings:
        extra = [x for x in (m.location, ", ".join(m.sources)) if x]
        tail = f" ({md_text('; '.join(extra))})" if extra else ""
        out.append(f"- **{when(m)}**: {md_text(m.title or f'meeting {m.id}')}{tail}")
    out.append("")
    for topic in d.topics:
        views = d.entries.get(topic.id)
        if not views:
            continue
        out += [f"{sub} {md_text(topic.name)}", ""]
        for view, before in with_previous(views):
            m = view.meeting
            out.append(f"{subsub} {when(m)}: {md_text(m.title or f'meeting {m.id}')}")
            out.append("")
            mark = " (set by hand)" if view.overridden else ""
            out.append(f"Status: {transition(view, before)}{mark}")
            out.append("")
            if view.note:
                out += [f"Note: {md_text(view.note)}", ""]
            if view.evidence:
                out += [f"Evidence: {md_text(view.evidence)}", ""]
            figures = figure_texts(view)
            if figures:
                out += ["Figures: " + "; ".join(md_text(f) for f in figures), ""]
            for q in view.quotes:
                src = f", {q.source}" if q.source else ""
                out.append(f"> “{md_text(q.text)}” (**{md_text(speaker(q))}**{md_text(src)})")
                out.append("")
    return out
