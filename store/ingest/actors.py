"""Stage 4: who the article names, their countries, and every later mention."""

from __future__ import annotations

from store.ingest.types import ActorTable, Para


def find_actors(text: str, paras: list[Para]) -> ActorTable:
    """Actors with canonical names, roles, countries; mentions incl. surnames/pronouns."""
    # STUB: owned by the ingest-people helper.
    return ActorTable()


def infer_dyad(table: ActorTable, text: str, hint: list[str] | None) -> list[str]:
    """The two countries of the meeting, sorted; the hint wins when given."""
    # STUB: owned by the ingest-people helper.
    return sorted(hint) if hint else []
