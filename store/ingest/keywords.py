"""Topic keywords: their small grammar, and one compiled matcher per topic.

A keyword is a phrase matched on word boundaries, case-insensitively:

- ``"export controls"``  an exact phrase (any run of spaces or a line break between words);
- ``"tariff*"``          a stem: ``*`` at the end of a word matches any word ending;
- ``"~summit"``          a supporting word, worth half: it needs a second hit to count;
- ``"+fentanyl"``        a decisive word, worth double.

A hyphen before a keyword is part of the word ("cross-border" is not "border"),
so compound words do not trigger the topic of their last half.
Compiling happens once per distinct keyword list (cached), never per article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

WEAK = 0.5
NORMAL = 1.0
STRONG = 2.0


@dataclass(frozen=True, slots=True)
class Keyword:
    """One parsed keyword: its regex source and its weight."""

    text: str
    pattern: str
    weight: float


def parse_keyword(raw: str) -> Keyword:
    """Read one keyword string; `ValueError` (one line) if it is empty or malformed."""
    s = raw.strip()
    weight = NORMAL
    if s.startswith("~"):
        weight, s = WEAK, s[1:].strip()
    elif s.startswith("+"):
        weight, s = STRONG, s[1:].strip()
    words = s.split()
    if not words or not any(ch.isalnum() for ch in s):
        raise ValueError(f"keyword {raw!r} has no letters or digits")
    parts: list[str] = []
    for w in words:
        stem = w.endswith("*")
        core = w.rstrip("*")
        if not core or "*" in core:
            raise ValueError(f"keyword {raw!r}: '*' may only end a word")
        # Apostrophes in the text are straight after normalize(); accept both here.
        piece = re.escape(core).replace("'", "['\u2019]")
        parts.append(piece + (r"[\w'\u2019-]*" if stem else ""))
    # Spaces between words may be any whitespace run (hard-wrapped lines).
    body = r"\s+".join(parts)
    return Keyword(text=raw, pattern=rf"(?<![\w-]){body}(?![\w])", weight=weight)


@dataclass(frozen=True, slots=True)
class TopicMatcher:
    """A topic's keywords compiled into one alternation (longest phrases first)."""

    topic_id: str
    regex: re.Pattern[str]
    weights: tuple[float, ...]  # weight of alternative i (named group k<i>)

    def hits(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(position, keyword index) of every hit in text[start:end]."""
        stop = len(text) if end is None else end
        out: list[tuple[int, int]] = []
        for m in self.regex.finditer(text, start, stop):
            out.append((m.start(), _group_index(m)))
        return out


def _group_index(m: re.Match[str]) -> int:
    # lastindex is the 1-based index of the (only) group that matched.
    return (m.lastindex or 1) - 1


def compile_matcher(topic_id: str, keywords: tuple[str, ...]) -> TopicMatcher | None:
    """One regex for a topic's keywords; None when it has none."""
    return _compile(topic_id, keywords)


@lru_cache(maxsize=256)
def _compile(topic_id: str, keywords: tuple[str, ...]) -> TopicMatcher | None:
    parsed: list[Keyword] = []
    seen: set[str] = set()
    for raw in keywords:
        try:
            kw = parse_keyword(raw)
        except ValueError:
            continue  # taxonomy.py reports bad keywords; ingest never raises over them
        if kw.pattern not in seen:
            seen.add(kw.pattern)
            parsed.append(kw)
    if not parsed:
        return None
    # Longer phrases first so "military lines of communication" wins over a shorter rival.
    parsed.sort(key=lambda k: -len(k.text.lstrip("~+")))
    source = "|".join(f"({k.pattern})" for k in parsed)
    return TopicMatcher(
        topic_id=topic_id,
        regex=re.compile(source, re.IGNORECASE),
        weights=tuple(k.weight for k in parsed),
    )
