"""Participants as the user types them in a text box: one per line, "Name; role; country"."""

from __future__ import annotations

from store.models import Actor


def format_participants(actors: list[Actor]) -> str:
    return "\n".join(
        "; ".join([a.name, a.role, a.country or ""]).rstrip("; ") for a in actors
    )


def parse_participants(text: str) -> list[Actor]:
    """Each non-empty line a person: name, then optional role and country after semicolons."""
    out: list[Actor] = []
    for line in text.splitlines():
        parts = [p.strip() for p in line.split(";")]
        if not parts[0]:
            continue
        role = parts[1] if len(parts) > 1 else ""
        country = parts[2] if len(parts) > 2 and parts[2] else None
        out.append(Actor(name=parts[0], role=role, country=country))
    return out


def participant_changes(
    before: list[Actor], after: list[Actor]
) -> tuple[list[Actor], list[str]]:
    """(added, removed names) that turn `before` into `after`; a changed role or country is
    a removal and an addition."""
    old = {a.name.casefold(): a for a in before}
    new = {a.name.casefold(): a for a in after}
    added = [a for k, a in new.items()
             if k not in old or (a.role, a.country) != (old[k].role, old[k].country)]
    changed = {a.name.casefold() for a in added}
    removed = [a.name for k, a in old.items() if k not in new or k in changed]
    return added, removed


def side_of(speaker: str, people: list[Actor]) -> str | None:
    """The country of the participant with that name or alias (the side goes with them)."""
    key = speaker.strip().casefold()
    for a in people:
        if key and key in {a.name.casefold(), *(x.casefold() for x in a.aliases)}:
            return a.country
    return None
