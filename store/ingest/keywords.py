"""Topic keywords: their small grammar, and a word index that finds them fast.

A keyword is a phrase matched on whole words, case-insensitively:

- ``"export controls"``  an exact phrase (punctuation or a line break between words is fine);
- ``"tariff*"``          a stem: ``*`` at the end of a word matches any word ending;
- ``"~summit"``          a supporting word, worth half: it needs a second hit to count;
- ``"+fentanyl"``        a decisive word, worth double.

A hyphen just before a keyword makes it part of another word ("cross-border" is
not "border"), so compounds do not trigger the topic of their second half; so does
an apostrophe between letters ("Ren'ai Reef" is not "AI"; "China's" keeps "China").

Matching is by words, not by one regex alternation: a large alternation is
tried branch by branch at every position, while a dictionary lookup per word
costs the same for ten keywords or a thousand. The index is built once per
distinct taxonomy (cached), never per article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

WEAK = 0.5
NORMAL = 1.0
STRONG = 2.0
KEY_LEN = 4  # words are looked up by their first letters (stems need a prefix key)
MAX_GAP = 3  # characters allowed between two words of a phrase (", " or " - ")

_WORD = re.compile(r"\w+")
_SPLIT = re.compile(r"(\W+)")
# A separator that makes the next word the tail of this one: "cross-border", "Ren'ai".
_JOINERS = frozenset({"-", "'", "\u2019"})


@dataclass(frozen=True, slots=True)
class Keyword:
    """One parsed keyword: its lower-case words (stem flags) and weight."""

    text: str
    words: tuple[str, ...]
    stems: tuple[bool, ...]
    weight: float


def parse_keyword(raw: str) -> Keyword:
    """Read one keyword string; `ValueError` (one line) if it is empty or malformed."""
    s = raw.strip()
    weight = NORMAL
    if s.startswith("~"):
        weight, s = WEAK, s[1:].strip()
    elif s.startswith("+"):
        weight, s = STRONG, s[1:].strip()
    words: list[str] = []
    stems: list[bool] = []
    for chunk in s.split():
        stem = chunk.endswith("*")
        core = chunk[:-1] if stem else chunk
        if "*" in core:
            raise ValueError(f"keyword {raw!r}: '*' may only end a word")
        parts = _WORD.findall(core.lower())
        if stem and (not parts or not core[-1:].isalnum()):
            raise ValueError(f"keyword {raw!r}: '*' must follow a letter or digit")
        for i, p in enumerate(parts):
            words.append(p)
            stems.append(stem and i == len(parts) - 1)
    if not words:
        raise ValueError(f"keyword {raw!r} has no letters or digits")
    return Keyword(text=raw.strip(), words=tuple(words), stems=tuple(stems), weight=weight)


@dataclass(frozen=True, slots=True)
class Hit:
    """A keyword found in the text: [start, end) and which topic/keyword it is."""

    start: int
    end: int
    topic: int  # index into KeywordIndex.topic_ids
    keyword: int  # index into KeywordIndex.keywords[topic]
    scale: float = 1.0  # less than 1 where the text only passes by (an item of a long list)


@dataclass(frozen=True, slots=True)
class KeywordIndex:
    """Every topic's keywords, indexed by the first letters of their first word."""

    topic_ids: tuple[str, ...]
    keywords: tuple[tuple[Keyword, ...], ...]
    # first word -> (topic, keyword) candidates, longest phrases first
    by_word: dict[str, tuple[tuple[int, int], ...]]
    # first letters of a stem ("tari" for "tariff*") -> candidates
    by_key: dict[str, tuple[tuple[int, int], ...]]
    short_stems: tuple[int, ...] = ()  # lengths of stems shorter than KEY_LEN ("AI*")

    def weight(self, hit: Hit) -> float:
        return self.keywords[hit.topic][hit.keyword].weight * hit.scale

    def scan(self, text: str, start: int = 0, end: int | None = None, *,
             remember: bool = True) -> tuple[Hit, ...]:
        """Every keyword hit in text[start:end], in text order; one per topic per place.

        The last remembered scan is reused: topic scoring and status read the same body.
        """
        stop = len(text) if end is None else end
        if not remember:
            return self._scan(text, start, stop)
        memo = _MEMO[0]
        if memo is not None and memo[0] is text and memo[3] is self and memo[1:3] == (start, stop):
            return memo[4]
        hits = self._scan(text, start, stop)
        _MEMO[0] = (text, start, stop, self, hits)
        return hits

    def _scan(self, text: str, start: int, stop: int) -> tuple[Hit, ...]:
        # One C-level split gives words and the separators between them; offsets
        # come from their running lengths, so no Python loop touches each character.
        parts = _SPLIT.split(_lower(text[start:stop]))
        offs = [0, *accumulate(map(len, parts))]
        words = parts[0::2]
        hits: list[Hit] = []
        busy: dict[int, int] = {}  # topic -> first word index it may match again
        exact, by_prefix, short = self.by_word, self.by_key, self.short_stems
        # Only words that can start a keyword reach the Python loop below.
        # Each distinct word is judged once (a long text repeats its words), then one
        # set lookup per word finds the positions.
        good = {w for w in set(words) if w in exact or w[:KEY_LEN] in by_prefix}
        starts = [i for i, w in enumerate(words) if w in good]
        if short:
            starts = list(range(len(words)))
        for i in starts:
            w = words[i]
            cands = exact.get(w, ())
            more = by_prefix.get(w[:KEY_LEN], ())
            for n in short:
                if len(w) > n:
                    more += by_prefix.get(w[:n], ())
            if more:
                cands = self._longest_first(cands + more) if cands else more
            if not cands or (i and parts[2 * i - 1] in _JOINERS):
                continue  # no keyword starts here, or the word is the tail of a compound
            done: set[int] = set()
            for t, k in cands:
                if t in done or busy.get(t, 0) > i:
                    continue
                n = _match_len(words, parts, i, self.keywords[t][k])
                if n:
                    done.add(t)
                    busy[t] = i + n
                    hits.append(Hit(start + offs[2 * i], start + offs[2 * (i + n - 1) + 1], t, k))
        return tuple(hits)

    def _longest_first(self, cands: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
        return tuple(sorted(cands, key=lambda tk: -len(self.keywords[tk[0]][tk[1]].words)))


_Table = dict[str, tuple[tuple[int, int], ...]]
_MEMO: list[tuple[str, int, int, KeywordIndex, tuple[Hit, ...]] | None] = [None]


def _lower(s: str) -> str:
    low = s.lower()
    if len(low) == len(s):
        return low
    # A few characters lower-case to two ("İ"); keep those as they are so offsets hold.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in s)


def _match_len(words: Sequence[str], parts: Sequence[str], i: int, kw: Keyword) -> int:
    """How many words from i the keyword spans, or 0 when it does not match there."""
    n = len(kw.words)
    if i + n > len(words):
        return 0
    for j in range(n):
        word = words[i + j]
        want = kw.words[j]
        if not (word.startswith(want) if kw.stems[j] else word == want):
            return 0
        if j:
            sep = parts[2 * (i + j) - 1]
            if len(sep) > MAX_GAP or "\n\n" in sep:
                return 0
    return n


def build_index(topics: Sequence[tuple[str, Sequence[str]]]) -> KeywordIndex:
    """The index for (topic id, keywords) pairs; cached by their content."""
    return _build(tuple((tid, tuple(kws)) for tid, kws in topics))


@lru_cache(maxsize=64)
def _build(topics: tuple[tuple[str, tuple[str, ...]], ...]) -> KeywordIndex:
    ids: list[str] = []
    parsed: list[tuple[Keyword, ...]] = []
    words: dict[str, list[tuple[int, int]]] = {}
    stems: dict[str, list[tuple[int, int]]] = {}
    short: set[int] = set()
    for t, (tid, raws) in enumerate(topics):
        kws: list[Keyword] = []
        for raw in raws:
            try:
                kws.append(parse_keyword(raw))
            except ValueError:
                continue  # taxonomy.py reports bad keywords; ingest never raises over them
        ids.append(tid)
        parsed.append(tuple(kws))
        for k, kw in enumerate(kws):
            first = kw.words[0]
            if not kw.stems[0]:
                words.setdefault(first, []).append((t, k))
                continue
            if len(first) < KEY_LEN:
                short.add(len(first))  # "AI*": also look words up by their first letters
            stems.setdefault(first[:KEY_LEN], []).append((t, k))

    def longest_first(table: dict[str, list[tuple[int, int]]]) -> _Table:
        return {key: tuple(sorted(c, key=lambda tk: -len(parsed[tk[0]][tk[1]].words)))
                for key, c in table.items()}

    return KeywordIndex(tuple(ids), tuple(parsed), longest_first(words), longest_first(stems),
                        tuple(sorted(short)))
