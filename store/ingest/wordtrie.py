"""Compile a list of words into one regex that scans fast.

Python's regex engine tries every branch of an alternation at every position;
a pattern whose branches share prefixes (said|says|saying -> sa(?:id|ys|ying))
fails after one character almost everywhere, which makes scanning long text
several times faster. A space inside a word matches any run of whitespace.
"""

from __future__ import annotations

import re

_END = ""


def _insert(trie: dict[str, dict], word: str) -> None:  # type: ignore[type-arg]
    node = trie
    for ch in word:
        node = node.setdefault(ch, {})
    node[_END] = {}


def _emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends = _END in node
    branches = []
    for ch in sorted(k for k in node if k != _END):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _emit(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body


def trie_pattern(words: list[str] | tuple[str, ...]) -> str:
    """A regex (no anchors, no word boundaries) matching exactly the given words.

    Longer words win over their prefixes because each optional tail is tried
    before giving up on it, as the regex engine is greedy.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        if w:
            _insert(trie, w)
    return _emit(trie)
