"""Who is the subject of a clause: shared by the position and commitment stages.

Both read reported speech ("Wang urged the U.S. to ...", "the two sides agreed to ...") and
need the actor a clause is about: the nearest mention before the verb in the same sentence,
outside quotation marks; or, for "..., Wang said" after a quote, the mention just after.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from store.ingest.countries import country_of, country_of_capital
from store.ingest.cueprefix import lead_guarded
from store.ingest.types import ActorTable, Mention, Para, Sentence

# "the two sides", "both leaders", "they": a joint subject, both countries of the pair.
JOINT_SUBJECT = re.compile(
    lead_guarded(r"\b(?:the two|both)\s+(?:sides|countries|leaders|ministers|nations|governments|"
    r"delegations|presidents|parties|men|officials)\b|\bboth\b|\bthe two\b|\bthey\b|"
    r"\bthe (?:leaders|ministers|delegations|presidents|premiers|countries|sides|parties)\b"),
    re.I,
)
# A relative clause or a participle phrase between a subject and its verb: ", who met Xi in
# November,", ", reflecting on his years with Xi,".
_ASIDE = re.compile(r",\s+(?:who|which|whose|whom|(?!according)\w+ing)\b[^,]*,\s*(?:\w+\s+)?$")
_RELATIVE = re.compile(r"[\s,'’s]*(?:which|who)\s+(?:\w+\s+)?$", re.I)
# A name that is the object of a preposition, its title between: "to Mr. Putin", "with his
# Chinese counterpart Wang Yi". It is not the subject of the verb after it.
_AFTER_PREPOSITION = re.compile(
    # (any case: "Like his counterpart Xi, Biden said" opens a sentence)
    # ("Secretary of State Antony Blinken", "Minister of Foreign Affairs Lena Varga": "of"
    # inside a title)
    r"\b(?i:to|with|from|by|for|(?<!Secretary )(?<!Minister )(?<!President )(?<!Ministry )"
    r"(?<!Chancellor )(?<!Head )(?<!Chief )(?<!Director )(?<!Prince )(?<!King )(?<!Emir )"
    r"(?<!Deputy )of|on|at|about|against|between|among|towards?|into|in|"
    r"under|over|beside|before|after|like|unlike)\s+"
    r"(?:(?:[A-Z][\w.'’-]*|his|her|their|its|the|a|counterpart|top|chief|head|foreign|prime|"
    r"minister|president|leader|envoy|diplomat|[a-z]+-[a-z]+)\s+){0,5}$")
_AND = re.compile(r",?\s+and\s+(?:his|her|their)?\s*(?:\w+\s+){0,3}?|\s*,\s*")


@dataclass(frozen=True, slots=True)
class Subject:
    """The actor a clause is about (an index into the table), or a joint subject."""

    actor: int | None
    joint: bool


def sentences_of(p: Para) -> tuple[Sentence, ...]:
    return p.sentences or (Sentence(p.start, p.end),)


@lru_cache(maxsize=4)
def _quote_marks(text: str) -> tuple[int, ...]:
    """Where the text's quotation marks are (straight: the text is normalized)."""
    return tuple(m.start() for m in re.finditer('"', text))


def inside_quotes(text: str, start: int, pos: int) -> bool:
    """Is `pos` inside a quotation that opened after `start`? The marks are found once
    per text: counting them from the sentence start at every verb made a long sentence
    with no full stop quadratic."""
    marks = _quote_marks(text)
    return (bisect_left(marks, pos) - bisect_left(marks, start)) % 2 == 1


class SubjectFinder:
    """Looks up mentions by position (the table's mentions are sorted by start)."""

    def __init__(self, text: str, table: ActorTable) -> None:
        self.text = text
        self.table = table
        self.starts = [m.start for m in table.mentions]

    def subject(self, sent_start: int, verb_start: int, verb_end: int, sent_end: int
                ) -> Subject:
        before = self.text[sent_start:verb_start]
        lo = bisect_left(self.starts, sent_start)
        hi = bisect_left(self.starts, verb_start)
        aside = _ASIDE.search(before)
        for k in range(hi - 1, lo - 1, -1):
            m = self.table.mentions[k]
            if aside and sent_start + aside.start() <= m.start < sent_start + aside.end():
                continue  # "Biden, who met Xi in November, says ...": Xi is in an aside
            if _AFTER_PREPOSITION.search(self.text, max(sent_start, m.start - 60), m.start) and (
                    not _RELATIVE.match(self.text, m.end, verb_start)):
                # "Modi said to Mr. Putin and stressed": the object of a preposition (but "a
                # statement from the ministry, which accused": the antecedent of "which")
                continue
            if not inside_quotes(self.text, sent_start, m.start):
                # A joint subject between the mention and the verb ("Xi and Biden agreed",
                # "Wang said both sides") wins over the one person.
                if JOINT_SUBJECT.search(self.text, m.end, verb_start):
                    return Subject(None, True)
                prev = self.table.mentions[k - 1] if k > lo else None
                if prev is not None and self._listed_with(prev, m) and not (
                        _AFTER_PREPOSITION.search(self.text, max(sent_start, prev.start - 60),
                                                  prev.start)):
                    # "Xi and Biden agreed" (not "Like his counterpart Xi, Biden said")
                    return Subject(None, True)
                return Subject(m.actor, False)
        if JOINT_SUBJECT.search(before):
            return Subject(None, True)
        # '"...," said Wang': the speaker follows the verb.
        k = bisect_left(self.starts, verb_end)
        if k < len(self.starts) and self.starts[k] < min(sent_end, verb_end + 60):
            return Subject(self.table.mentions[k].actor, False)
        return Subject(None, False)

    def main_subject(self, sent_start: int, verb_start: int, verb_end: int, sent_end: int
                     ) -> Subject:
        """The subject of the sentence's main clause, for a participle hung on it: in
        "Putin flattered Trump by saying ...", "Lavrov conveyed regards to Kim, emphasizing
        ...", the one saying is Putin, Lavrov; not the nearest name, which is an object."""
        lo = bisect_left(self.starts, sent_start)
        hi = bisect_left(self.starts, verb_start)
        for k in range(lo, hi):
            m = self.table.mentions[k]
            if inside_quotes(self.text, sent_start, m.start):
                continue
            if JOINT_SUBJECT.search(self.text, sent_start, m.start):
                break  # "The two leaders met Xi, saying": the joint subject comes first
            return self.subject(sent_start, m.end + 1, verb_end, sent_end)
        return self.subject(sent_start, verb_start, verb_end, sent_end)

    def _listed_with(self, first: Mention, second: Mention) -> bool:
        """Two people of different countries named together: "Xi and Biden"."""
        between = self.text[first.end:second.start]
        a, b = self.table.actors[first.actor], self.table.actors[second.actor]
        return (_AND.fullmatch(between) is not None and a.country is not None
                and b.country is not None and a.country != b.country)


# A participle hung on the main clause (", emphasizing", "by saying", "and vowing").
_PARTICIPLE = re.compile(r"\w+ing\b", re.I)
_HUNG = re.compile(r"(?:,|\bby|\band)\s*$", re.I)


def hung_participle(text: str, sent_start: int, pos: int) -> bool:
    """Is the word at `pos` a participle hung on the sentence's main clause? It then takes
    the main clause's subject (`SubjectFinder.main_subject`)."""
    return (_PARTICIPLE.match(text, pos) is not None
            and _HUNG.search(text, max(sent_start, pos - 6), pos) is not None)


# Between a subject and its verb: auxiliaries and adverbs ("China is firmly committed").
_AUX = frozenset("is are was were remains remain remained has have had also still firmly "
                 "strongly fully deeply itself".split())
_PREPS = frozenset("in at from to near of for with on by against about between".split())


def countries_before(text: str, sent_start: int, verb_start: int) -> list[str]:
    """The countries whose names or capitals are the subject just before a verb: "China is
    committed to", "Cairo insists", "the EU remains committed", "Hungary and Austria said".
    The nearest person named earlier in the sentence ("Wang told Blinken that China is
    ...") is not the subject then. Empty when no country stands there."""
    words = text[max(sent_start, verb_start - 60):verb_start].split()
    k = len(words)
    while k > 0 and words[k - 1].lower() in _AUX:
        k -= 1
    out: list[str] = []
    while k > 0:
        found = _country_ending(words, k)
        if found is None:
            break
        country, k = found
        out.insert(0, country)
        if k > 0 and words[k - 1].lower() in _PREPS:
            return []  # "talks in Beijing are": a place, not the subject
        if not (k > 1 and words[k - 1].lower() in ("and", "&")):
            break
        k -= 1  # "Hungary and Austria": read the first one too
    return out


def _country_ending(words: list[str], k: int) -> tuple[str, int] | None:
    """The country named by the words ending at `k`, and where its name starts."""
    for n in (2, 1, 3):
        if k - n < 0:
            continue
        form = " ".join(words[k - n:k])
        if not form[:1].isupper():
            continue
        country = country_of_capital(form) or country_of(form)
        if country:
            return country, k - n
    return None


def clause_start(text: str, sent_start: int, pos: int, breaks: re.Pattern[str]) -> int:
    """Where the clause holding `pos` opens: after the last of `breaks` between the
    sentence's start and `pos` (or the start itself), past spaces, quote marks and
    brackets; so a stance or a promise is shown with who holds it."""
    start = sent_start
    for brk in breaks.finditer(text, sent_start, pos):
        start = brk.end()
    while start < pos and text[start] in " \t\"'(":
        start += 1
    return start
