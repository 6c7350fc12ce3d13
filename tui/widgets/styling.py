"""Styled pieces of text built as Content: user text stays literal, colours are theme variables."""

from __future__ import annotations

from textual.content import Content

from store.models import Figure, Quote, Status, StoredQuote

STATUS_VARS = {
    Status.TENSION: "$error",
    Status.STALLED: "$warning",
    Status.DIALOGUE: "$secondary",
    Status.PROGRESS: "$accent",
    Status.AGREEMENT: "$success",
}
# Status as a text colour (arrows, sparkline): the $text-* variables read on any background.
STATUS_TEXT_VARS = {
    Status.TENSION: "$text-error",
    Status.STALLED: "$text-warning",
    Status.DIALOGUE: "$text-secondary",
    Status.PROGRESS: "$text-success",
    Status.AGREEMENT: "$text-success",
}
# Quotes are coloured by side: the dyad's first country, its second, anyone else.
# Anyone else is in the plain text colour, italic: $text-muted is too faint in tables.
SIDE_VARS = ("$text-primary", "$text-accent", "italic $foreground")


def status_badge(status: Status | None, *, overridden: bool = False) -> Content:
    """' ✖ tension ' on the status colour; the glyph carries it without colour."""
    if status is None:
        return Content.styled(" · not raised ", "italic")
    label = f" {status.glyph} {status.value}{' (edited)' if overridden else ''} "
    return Content.styled(label, f"bold $text on {STATUS_VARS[status]} 50%")


def status_text(status: Status | None) -> Content:
    """'✔ agreement' in the status's text colour: for tables, whose cursor row sets the colour."""
    if status is None:
        return Content.styled("· not raised", "italic")
    return Content.styled(f"{status.glyph} {status.value}", f"bold {STATUS_TEXT_VARS[status]}")


def side_style(country: str | None, dyad: list[str]) -> str:
    if country and country in dyad:
        return SIDE_VARS[dyad.index(country)]
    return SIDE_VARS[2]


def quote_content(quote: Quote, dyad: list[str], *, with_date: bool = False) -> Content:
    """Speaker (coloured by side): “text” — all of it data, never markup."""
    parts: list[str | tuple[str, str]] = [
        (quote.speaker or "unknown speaker", f"bold {side_style(quote.speaker_country, dyad)}")
    ]
    if with_date and isinstance(quote, StoredQuote) and quote.meeting_date:
        parts.append((f" ({quote.meeting_date})", "$text-muted"))
    parts += [": “", quote.text, "”"]
    return Content.assemble(*parts)


def figure_content(figure: Figure) -> Content:
    return Content.assemble(
        ("▪ ", "$text-muted"), (figure.text, "bold"), f" {figure.noun}".rstrip()
    )


SPARK_CHARS = "▁▂▄▆█"


def sparkline(statuses: list[Status]) -> Content:
    """One character per meeting, height and colour by status score."""
    return (
        Content.assemble(*[(SPARK_CHARS[s.score + 2], STATUS_TEXT_VARS[s]) for s in statuses])
        if statuses
        else Content("")
    )


# Component classes for the line-API board grid (styled in app.tcss).
STATUS_CLASSES = {s: f"status--{s.value}" for s in Status}


def trend_arrow(trend: int) -> str:
    return {1: "↑", -1: "↓"}.get(trend, "→")
