"""What cueprefix reads from a pattern to skip text quickly: every skip must be safe.

A trigger built from `pattern_prefixes(..., spaces=True)` must fire wherever the pattern
can match, a text lacking one set of `required_words` must hold no match, and a
`first_class_guarded` pattern must find exactly what the pattern finds.
"""

from __future__ import annotations

import re

import pytest

from store.ingest.cueprefix import first_class_guarded, pattern_prefixes, required_words
from store.ingest.wordtrie import trie_pattern

# Hostile text: capitals, a long s (IGNORECASE matches it to s), tabs, markup, quotes.
TEXT = ("The two sides\tagreed in-depth to ſign; [bold]the[/] talks that were SUSPENDED "
        "in 2019 resumed. A warm welcome awaited Kim, a \"so-called\" deal was not reached. "
        "Al-Sisi and S Jaishankar met; el-Baradei spoke. THE TWO sides met again, and the two\n"
        "sides agreed on talks that Beijing had halted, after an official welcome.")


def test_prefixes_run_across_spaces_and_hyphens_and_stay_short_of_any_word() -> None:
    prefixes = pattern_prefixes([r"the\s+two\s+sides", r"in-depth", r"an?\s+deal"], depth=6,
                                spaces=True)
    assert prefixes == {"the tw", "in-dep", "a deal", "an dea"}
    with pytest.raises(ValueError):
        pattern_prefixes([r"\s+agreed"], spaces=True)  # no letter to start from


@pytest.mark.parametrize("source", [
    r"(?:the|a)\s+(?:two\s+)?sides\s+(?:agreed|met)",
    r"(?:which|that|when)\s+(?:\w+\s+){0,3}?(?:suspended|halted)",
    r"(?:so-called|in-depth)\s+\w+",
    r"(?:an?|the)\s+(?:\w+\s+){0,2}?welcome",
])
@pytest.mark.parametrize("flags", [0, re.I])
def test_a_trigger_from_the_prefixes_fires_at_every_match(source: str, flags: int) -> None:
    trigger = re.compile(r"(?<![\w-])(?=" + trie_pattern(sorted(
        pattern_prefixes([source], depth=6, spaces=True))) + ")", flags)
    starts = {m.start() for m in trigger.finditer(TEXT)}
    matches = [m.start() for m in re.finditer(source, TEXT, flags)]
    assert matches
    assert set(matches) <= starts


def test_required_words_are_held_by_every_match_and_their_absence_rules_it_out() -> None:
    source = r"(?:which|that|when)\s+(?:\w+\s+){0,3}?(?:suspended|halted)(?!\s+not)"
    needs = required_words(source)
    assert needs == (frozenset({"which", "that", "when"}), frozenset({"suspended", "halted"}))
    low = TEXT.lower()
    for m in re.finditer(source, low):
        assert all(any(w in m[0] for w in words) for words in needs)
    assert required_words(r"a(?:b|c)?d") == (frozenset({"a"}), frozenset({"d"}))
    assert required_words(r"(?:x|)y") == (frozenset({"y"}),)  # an empty branch needs nothing


@pytest.mark.parametrize(("source", "flags"), [
    (r"(?<![\w'-])(?:(?:[ae]l-)?[A-Z][a-z]+|[A-Z](?= [A-Z][a-z]))", 0),
    (r"(?<![.!?])[.!?]+(?=\s+[A-Z])", 0),
    (r"(?:\bthat|\bmet|;)\W*", re.I),
])
def test_a_class_guarded_pattern_finds_exactly_what_the_pattern_finds(source: str,
                                                                       flags: int) -> None:
    plain = re.compile(source, flags)
    guarded = re.compile(first_class_guarded(source, flags), flags)
    want = [m.span() for m in plain.finditer(TEXT)]
    assert want
    assert [m.span() for m in guarded.finditer(TEXT)] == want


def test_a_pattern_that_could_start_anywhere_gets_no_class_guard() -> None:
    with pytest.raises(ValueError):
        first_class_guarded(r"\w+ said")
    with pytest.raises(ValueError):
        first_class_guarded(r"\b(?i:met)\b")  # its own case rule
