"""The lookahead `lead_guarded` puts in front of a pattern changes no match, only speed."""

from __future__ import annotations

import re

import pytest

from store.ingest.cueprefix import lead_guarded
from store.ingest.positions import _verbs

# Hostile and mixed-case text: capitals, a dotless i and a long s (which IGNORECASE
# matches to i and s), digits, quotes and markup-looking brackets.
TEXT = ("In 2019 China and the U.S. MET; by 2020 talks had stalled. [bold]Xi SAID[/] the "
        "two sides Did Not Discuss Taiwan, \"but\" Blinken ſaid the issue was raıſed. "
        "Since 1999, the Royal Palace said, relations were not discussed until 2001.")

CASES = [
    (r"(?<!\bby )\b(?:19|20)\d\d\b", 0),
    (r"\b(?:did\s+not|was\s+not)\s+(?:discuss|raise)\w*\b", re.I),
    (r"\b(?:said|saying|raised|[Rr]oyal\s+[Pp]alace)\b", re.I),
    (r"\b(?:[Tt]he\s+)?(?:two|both)\s+sides\b|\bsince\s+\d+", 0),
]


@pytest.mark.parametrize(("source", "flags"), CASES)
def test_a_guarded_pattern_finds_exactly_what_the_pattern_finds(source: str, flags: int) -> None:
    plain = re.compile(source, flags)
    guarded = re.compile(lead_guarded(source), flags)
    want = [(m.start(), m.end(), m[0]) for m in plain.finditer(TEXT)]
    assert want  # the text holds matches, so the comparison says something
    assert [(m.start(), m.end(), m[0]) for m in guarded.finditer(TEXT)] == want


def test_a_pattern_that_could_start_anywhere_or_sets_its_own_flags_is_refused() -> None:
    with pytest.raises(ValueError):
        lead_guarded(r"\w+n't\s+agreed")  # any letter can start it
    with pytest.raises(ValueError):
        lead_guarded(r"\b(?i:met|meets)\b")  # "MET" would escape a lower-case class


def test_stance_verbs_are_found_only_where_the_whole_pattern_would_find_them() -> None:
    from store.ingest.positions import _VERB

    text = TEXT + " Wang URGED restraint, stressing that Beijing Welcomed the talks."
    want = [(m.start(), m.end(), m.lastgroup) for m in _VERB.finditer(text)]
    assert len(want) >= 4
    assert [(m.start(), m.end(), m.lastgroup) for m in _verbs(text, 0, len(text))] == want
