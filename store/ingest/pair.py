"""The pair of countries whose officials meet: from the participants first, then the text."""

from __future__ import annotations

from collections import Counter

from store.ingest.countries import count_countries
from store.ingest.types import ActorTable


def infer_dyad(table: ActorTable, text: str, hint: list[str] | None) -> list[str]:
    """The two countries of the meeting, sorted; the hint wins when given."""
    if hint:
        return sorted(h.strip() for h in hint if h.strip())
    counts = count_countries(text)
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for n, i in enumerate(table.participants):
        c = table.actors[i].country
        if c:
            votes[c] += 1
            first.setdefault(c, n)
    # Participants decide; on a tie the ones the article names first (the lead
    # meeting's), then the text's own mention counts; counts also fill gaps.
    ranked = sorted(votes, key=lambda c: (-votes[c], first[c], -counts.get(c, 0), c))
    pair = ranked[:2]
    for c, _n in counts.most_common():
        if len(pair) >= 2:
            break
        if c not in pair:
            pair.append(c)
    return sorted(pair)
