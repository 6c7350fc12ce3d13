"""The letters a regex's matches can start with, read from its parsed form.

`find_cues` tries its big alternation only at word starts whose first letters can
begin a cue. Those letter runs are derived here from the patterns themselves, so a
new cue can never be skipped by a hand-kept list falling out of date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as C  # type: ignore[attr-defined]  # noqa: N812
from re import _parser as P  # type: ignore[attr-defined]  # noqa: N812
from typing import Any

DEPTH = 3  # letters of prefix kept; enough to make the test selective
_WORDCH = re.compile(r"\w")
_LOCAL_FLAGS = re.compile(r"\(\?[aiLmsux-]+[:)]")


def pattern_prefixes(patterns: Iterable[str], depth: int = DEPTH) -> frozenset[str]:
    """Lower-case letter runs (at most `depth` long) that every match of some pattern
    starts with; `ValueError` if a pattern could start with any letter at all."""
    out: set[str] = set()
    for pat in patterns:
        found = _prefixes(list(P.parse(pat)), depth)
        if "" in found:
            raise ValueError(f"cue pattern {pat!r} has no fixed first letter")
        out |= found
    return frozenset(out)


def _prefixes(seq: list[Any], depth: int) -> set[str]:
    """Possible leading word characters of a parsed sequence (cut at `depth`, at a
    non-word character, or where the pattern stops being literal)."""
    if depth == 0 or not seq:
        return {""}
    op, av = seq[0]
    rest = seq[1:]
    if op is C.LITERAL:
        ch = chr(av)
        if not _WORDCH.match(ch):
            return {""}
        return {ch + tail for tail in _prefixes(rest, depth - 1)}
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return _prefixes(rest, depth)  # zero-width: look past it
    if op is C.SUBPATTERN:
        return _prefixes(list(av[-1]) + rest, depth)
    if op is C.BRANCH:
        return set().union(*(_prefixes(list(b) + rest, depth) for b in av[1]))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, _hi, body = av
        once = _prefixes(list(body), depth)  # one pass of the body, then cut
        return once | _prefixes(rest, depth) if lo == 0 else once
    if op is C.IN:
        chars = [chr(v) for o, v in av if o is C.LITERAL]
        if len(chars) != len(av) or not all(_WORDCH.match(c) for c in chars):
            return {""}
        return {c + tail for c in chars for tail in _prefixes(rest, depth - 1)}
    return {""}


def lead_guarded(source: str) -> str:
    """`source` behind a lookahead for the characters its matches can start with.

    Python's engine tries a pattern that opens with a word boundary or a lookbehind at every
    position; a leading one-character class fails at most of them at once. The class is read
    from the pattern, so the guarded pattern matches exactly what `source` does (compile it
    with the same flags); `ValueError` if some match could start with any character.
    """
    if _LOCAL_FLAGS.search(source):
        # "(?i:...)" would let a letter match in another case than the class holds.
        raise ValueError(f"pattern {source[:40]!r} sets flags of its own")
    first = sorted(pattern_prefixes([source], depth=1))
    return "(?=[" + "".join(re.escape(c) for c in first) + "])(?:" + source + ")"
