"""The finished text of a meeting's topic entries and positions, as Markdown and TimelineJS
write them, for all but what depends on the meetings around it.

An entry's text is the same in every export but for its heading level and the status
line's transition (from the status the topic had the time before): so it is cut in two
around that transition, and the rest is made once, kept in the store
(`store.db.rendered`) and read back as one string per entry. Pure functions over the raw
rows of `store.db.batches`; the formats and the store's cache both use them, so an export
from the cache and one from the rows are the same bytes.

Bump RENDERER whenever what these functions return changes: texts kept by an older one
are then made again on the next export.
"""

from __future__ import annotations

import re
from html import escape
from json.encoder import encode_basestring

from store.db.batches import Entry, Meeting, Position
from store.db.rendered import EntryTexts, MeetingTexts
from store.export.common import position_speaker, speaker, title, when

RENDERER = 1

# Characters that would turn article text into Markdown structure, links or raw HTML
# are backslash-escaped; line breaks become spaces so a text stays on its line.
_ESCAPES = {c: "\\" + c for c in "\\`*_[]<>#|"} | {"\n": " ", "\r": " ", "\t": " "}
_SPECIAL = re.compile(r"[\\`*_\[\]<>#|\n\r\t]")


def _escape(match: re.Match[str]) -> str:
    return _ESCAPES[match.group()]


def md_text(text: str) -> str:
    """Article text as inert Markdown: specials escaped, line breaks folded."""
    # One C-level search for the (usual) text with none; a substitution per special
    # otherwise, ten times cheaper than str.translate on non-ASCII text.
    return _SPECIAL.sub(_escape, text) if _SPECIAL.search(text) else text


def json_inner(text: str) -> str:
    """`text` as a JSON string (as json.dumps(ensure_ascii=False) writes it) without its
    quotes. JSON and HTML escaping both go character by character, so the pieces of a
    string escaped apart join into the string escaped whole."""
    return encode_basestring(text)[1:-1]


def md_block(lines: list[str]) -> str:
    """Lines as they follow a heading in a Markdown section: each after a line break, then a
    blank line; "" for none. `head + "\\n" + md_block(a) + md_block(b)` is
    `"\\n".join([head, "", *a, "", *b, ""])` (a block left out when empty)."""
    if not lines:
        return ""
    return "".join("\n" + line for line in lines) + "\n"


def position_lines(positions: list[Position]) -> list[str]:
    """A meeting's positions as Markdown list items."""
    out = []
    for side, who, topic_id, kind, text in positions:
        topic = f" [{md_text(topic_id)}]" if topic_id else ""
        out.append(f"- **{md_text(position_speaker(side, who))}**, {md_text(kind)}{topic}: "
                   f"{md_text(text)}")
    return out


def meeting_texts(m: Meeting, positions: list[Position]) -> MeetingTexts:
    """The Markdown heading after its '#'s ("2024-04-26: Title"), the title as TimelineJS
    writes it (HTML-escaped, inside a JSON string), the position lines (`md_block`)."""
    return (f"{when(m)}: {md_text(title(m))}", json_inner(escape(title(m))),
            md_block(position_lines(positions)))


def md_entry_tail(view: Entry) -> str:
    """The entry's Markdown from the end of its status line's transition: the hand-set mark,
    then note, evidence, figures and quotes, each a paragraph."""
    _, _, _, _, overridden, note, evidence, figures, quotes = view
    out = [""]
    if note:
        out += [f"Note: {md_text(note)}", ""]
    if evidence:
        out += [f"Evidence: {md_text(evidence)}", ""]
    if figures:
        out += ["Figures: " + "; ".join(md_text(f) for f in figures), ""]
    for q in quotes:
        src = f", {q[4]}" if q[4] else ""
        out += [f"> “{md_text(q[1])}” (**{md_text(speaker(q))}**{md_text(src)})", ""]
    return (" (set by hand)" if overridden else "") + "\n" + "\n".join(out)


def tjs_entry_tail(view: Entry) -> str:
    """The entry's TimelineJS event text after its transition paragraph, as HTML inside a
    JSON string."""
    _, _, _, _, _, note, evidence, figures, quotes = view
    parts = []
    if evidence:
        parts.append(f"<p>{escape(evidence)}</p>")
    if note:
        parts.append(f"<p><i>Note:</i> {escape(note)}</p>")
    if figures:
        parts.append(f"<p>Figures: {escape('; '.join(figures))}</p>")
    for q in quotes:
        parts.append(f"<blockquote>“{escape(q[1])}” — {escape(speaker(q))}</blockquote>")
    return json_inner("".join(parts))


def entry_texts(view: Entry) -> EntryTexts:
    return (view[1], view[2], md_entry_tail(view), tjs_entry_tail(view))


def render(m: Meeting, entries: list[Entry], positions: list[Position]
           ) -> tuple[MeetingTexts, list[EntryTexts]]:
    """What the store keeps of a meeting (`store.db.rendered.Render`)."""
    return meeting_texts(m, positions), [entry_texts(v) for v in entries]
