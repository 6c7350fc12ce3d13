"""Speakers and their sides, round 5: causes grouped from the misses of the four tuning
batches of the real set (round 4 kept for validation), each reproduced in our own
sentences with invented officials and, where it matters, invented countries' officials.
"""

from __future__ import annotations

from store.ingest import extract
from store.models import Quote


def _speaker(quotes: list[Quote], start: str) -> tuple[str | None, str | None]:
    for q in quotes:
        if q.text.startswith(start):
            return q.speaker, q.speaker_country
    raise AssertionError(f"no quote {start!r} in {[q.text for q in quotes]}")


def test_a_participant_with_no_country_leads_the_side_of_the_pair_nobody_else_holds() -> None:
    # A home outlet writes "Prime Minister Lena Varga" with no nationality; the other side
    # is Serbian, and the talks are between Hungary and Serbia: she leads the Hungarian side,
    # though a third head met in passing (no country either) leaves the table uneven.
    draft = extract(
        "Varga in Belgrade\n\n"
        "Prime Minister Lena Varga held talks with Serbian President Jon Kral in Belgrade on "
        "Monday, the first talks between Hungary and Serbia in a year. Varga also met "
        "President Omar Haddad, the chair of a climate conference.\n\n"
        "\u201cWe have opened a new chapter,\u201d Varga told reporters.\n")
    assert _speaker(draft.quotes, "We have opened") == ("Lena Varga", "Hungary")
    assert sorted(draft.dyad) == ["Hungary", "Serbia"]
    haddad = next(a for a in draft.participants if a.name == "Omar Haddad")
    assert haddad.country is None  # the open side went to the first named, not to both
