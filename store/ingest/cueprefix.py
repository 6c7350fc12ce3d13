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


def pattern_prefixes(patterns: Iterable[str], depth: int = DEPTH,
                     spaces: bool = False) -> frozenset[str]:
    """Lower-case letter runs (at most `depth` long) that every match of some pattern
    starts with; `ValueError` if a pattern could start with any letter at all.

    With `spaces`, whitespace (`\\s`, `\\s+`, `\\s*`, a space) continues a run as one " ",
    which `trie_pattern` reads as a run of whitespace: "the two" instead of "the", so a
    trigger built from them no longer fires at every "the" of a text.
    """
    out: set[str] = set()
    for pat in patterns:
        found = _prefixes(list(P.parse(pat)), depth, spaces)
        if "" in found or any(f.startswith(" ") for f in found):
            raise ValueError(f"cue pattern {pat!r} has no fixed first letter")
        out |= found
    return frozenset(out)


_SPACE_CLASS = [(C.IN, [(C.CATEGORY, C.CATEGORY_SPACE)])]


def _is_space(item: tuple[Any, Any]) -> bool:
    """Is this parsed item one whitespace character (`\\s` or a space)?"""
    op, av = item
    return (op is C.LITERAL and chr(av) == " ") or [item] == _SPACE_CLASS


def _prefixes(seq: list[Any], depth: int, spaces: bool = False) -> set[str]:
    """Possible leading word characters of a parsed sequence (cut at `depth`, at a
    non-word character, or where the pattern stops being literal); with `spaces`, a
    whitespace item or run is one " " in the run."""
    if depth == 0 or not seq:
        return {""}
    op, av = seq[0]
    rest = seq[1:]
    if spaces and _is_space(seq[0]):
        return {" " + tail for tail in _prefixes(rest, depth - 1, spaces)}
    if op is C.LITERAL:
        ch = chr(av)
        if not (_WORDCH.match(ch) or (spaces and ch == "-")):  # "in-depth", "so-called"
            return {""}
        return {ch + tail for tail in _prefixes(rest, depth - 1, spaces)}
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return _prefixes(rest, depth, spaces)  # zero-width: look past it
    if op is C.SUBPATTERN:
        return _prefixes(list(av[-1]) + rest, depth, spaces)
    if op is C.BRANCH:
        return set().union(*(_prefixes(list(b) + rest, depth, spaces) for b in av[1]))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, _hi, body = av
        if spaces and len(body) == 1 and _is_space(body[0]):
            # "\s+" is one " " (the trie reads it as a run); "\s*" may also be none
            run = {" " + tail for tail in _prefixes(rest, depth - 1, spaces)}
            return run | _prefixes(rest, depth, spaces) if lo == 0 else run
        if spaces and _hi == 1:
            # "an?", "re-?": the body once, then the rest (or the rest alone)
            both = _prefixes(list(body) + rest, depth, spaces)
            return both | _prefixes(rest, depth, spaces) if lo == 0 else both
        once = _prefixes(list(body), depth, spaces)  # one pass of the body, then cut
        return once | _prefixes(rest, depth, spaces) if lo == 0 else once
    if op is C.IN:
        chars = [chr(v) for o, v in av if o is C.LITERAL]
        if len(chars) != len(av) or not all(_WORDCH.match(c) for c in chars):
            return {""}
        return {c + tail for c in chars for tail in _prefixes(rest, depth - 1, spaces)}
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



def required_words(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of letter runs, as written, such that every match of `pattern` holds a run of
    each set: ({"welcome"},) for "(?:a|the)\\s+(?:\\w+\\s+){0,2}?welcome". A text that
    lacks every run of one of the sets cannot match, so a scan for it can be skipped."""
    return tuple(_musts(list(P.parse(pattern))))


def _musts(seq: list[Any]) -> list[frozenset[str]]:
    """Sets of runs of which a match of the parsed sequence holds one each."""
    found: list[frozenset[str]] = []
    run = ""
    for op, av in seq:
        if op is C.LITERAL and _WORDCH.match(chr(av)):
            run += chr(av)
            continue
        if run:
            found.append(frozenset({run}))
            run = ""
        if op is C.SUBPATTERN:
            found += _musts(list(av[-1]))
        elif op is C.BRANCH:
            # one set per alternative (the one whose shortest run is longest), joined
            alts = [_musts(list(b)) for b in av[1]]
            if all(alts):
                found.append(frozenset().union(
                    *(max(a, key=lambda s: min(map(len, s))) for a in alts)))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            found += _musts(list(av[2]))
    if run:
        found.append(frozenset({run}))
    return found


def first_class_guarded(source: str, flags: int = 0) -> str:
    """`source` behind a lookahead for the one character class its matches start with, as
    `lead_guarded` does, where that class may hold ranges ("[A-Z]", "[a-zß-ÿ]"). Compile it
    with the same `flags` (a class ignores case exactly where the pattern does);
    `ValueError` if some match could start with any character."""
    if _LOCAL_FLAGS.search(source):
        raise ValueError(f"pattern {source[:40]!r} sets flags of its own")
    items = _first_items(list(P.parse(source, flags)))
    if not items:
        raise ValueError(f"pattern {source[:40]!r} can start with any character")
    return "(?=[" + "".join(dict.fromkeys(items)) + "])(?:" + source + ")"


def _first_items(seq: list[Any]) -> list[str] | None:
    """Class items (a character or a range) for a parsed sequence's first character; None
    when it could be any character (a category, a negated class, an empty match)."""
    if not seq:
        return None
    op, av = seq[0]
    rest = seq[1:]
    if op is C.LITERAL:
        return [re.escape(chr(av))]
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return _first_items(rest)  # zero-width: the next item gives the character
    if op is C.SUBPATTERN:
        return _first_items(list(av[-1]) + rest)
    if op is C.BRANCH:
        out: list[str] = []
        for branch in av[1]:
            found = _first_items(list(branch) + rest)
            if found is None:
                return None
            out += found
        return out
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, _hi, body = av
        first = _first_items(list(body))
        after = _first_items(rest) if lo == 0 else []
        return None if first is None or after is None else first + after
    if op is C.IN:
        out = []
        for o, v in av:
            if o is C.LITERAL:
                out.append(re.escape(chr(v)))
            elif o is C.RANGE:
                out.append(re.escape(chr(v[0])) + "-" + re.escape(chr(v[1])))
            else:
                return None
        return out
    return None
