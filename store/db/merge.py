"""Pure rules for one meeting told by several articles: joining, quote de-duplication,
combining entries. No IO; the write and query modules call these.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from store.models import Actor, Figure

_QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
# A contained fragment shorter than this many words is too common to prove a repeat
# ("win-win" sits inside many quotes without being the same quote).
MIN_CONTAINED_WORDS = 3


def normalize_quote(text: str) -> str:
    """Casefolded, punctuation-free, single-spaced: what two outlets' copies share."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS).casefold()
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()


def _norm_speaker(speaker: str | None) -> str | None:
    return speaker.casefold().strip() if speaker else None


@dataclass(frozen=True, slots=True)
class QuoteKey:
    """What de-duplication looks at for one stored quote."""

    id: int
    text: str
    speaker: str | None


def _speakers_agree(a: str | None, b: str | None) -> bool:
    # An unresolved speaker in one copy does not make two copies different quotes.
    return a is None or b is None or a == b


def _same_quote(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short.split()) >= MIN_CONTAINED_WORDS and short in long_


def find_duplicates(quotes: Sequence[QuoteKey]) -> dict[int, int]:
    """Map each repeated quote id to the id of the copy that is shown.

    Two quotes are one when their normalized texts are equal or one contains
    the other (at least three words), and their speakers agree (equal, or one
    unresolved). Of a group, the longest text is shown (ties: the earliest id),
    so a wire's full sentence wins over a readout's fragment.
    """
    items = sorted(
        ((q.id, normalize_quote(q.text), _norm_speaker(q.speaker)) for q in quotes),
        key=lambda t: (-len(t[1]), t[0]),
    )
    shown: list[tuple[int, str, str | None]] = []
    dup: dict[int, int] = {}
    for qid, norm, speaker in items:
        if not norm:
            shown.append((qid, norm, speaker))
            continue
        for keep_id, keep_norm, keep_speaker in shown:
            agree = _speakers_agree(speaker, keep_speaker)
            if keep_norm and agree and _same_quote(norm, keep_norm):
                dup[qid] = keep_id
                break
        else:
            shown.append((qid, norm, speaker))
    return dup


def actor_names(actors: Iterable[Actor]) -> set[str]:
    """Every name an actor list answers to, casefolded (canonical names and aliases)."""
    names: set[str] = set()
    for a in actors:
        names.add(a.name.casefold())
        names.update(alias.casefold() for alias in a.aliases if len(alias) > 3)
    return names


def participants_overlap(a: Iterable[Actor], b: Iterable[Actor]) -> bool:
    """True when the two lists share a participant (by name or alias)."""
    return bool(actor_names(a) & actor_names(b))


def union_actors(*lists: Iterable[Actor]) -> list[Actor]:
    """Participants of several articles as one list, first mention first, aliases merged."""
    out: dict[str, Actor] = {}
    for actors in lists:
        for actor in actors:
            key = actor.name.casefold()
            held = out.get(key)
            if held is None:
                out[key] = actor.model_copy(deep=True)
                continue
            if not held.role and actor.role:
                held.role = actor.role
            if held.country is None and actor.country:
                held.country = actor.country
            for alias in actor.aliases:
                if alias not in held.aliases:
                    held.aliases.append(alias)
    return list(out.values())


def entry_rank(evidence: str, published: date | None, article_id: int) -> tuple[bool, str, int]:
    """Which article's entry speaks for a meeting x topic: higher wins.

    Rule: an entry with an evidence sentence beats one without (its status was
    read from a cue, not defaulted); then the most recently published article
    (a later report knows the outcome); then the most recently added one.
    """
    return (bool(evidence.strip()), published.isoformat() if published else "", article_id)


def merge_figures(lists: Iterable[Iterable[Figure]]) -> list[Figure]:
    """Figures of one topic across a meeting's articles, each number once."""
    seen: set[tuple[str, str]] = set()
    out: list[Figure] = []
    for figures in lists:
        for f in figures:
            key = (normalize_quote(f.text), f.noun.casefold())
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out
