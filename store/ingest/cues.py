"""Cue phrases that tell where a topic stands, as journalists and readouts write them.

One compiled alternation finds every cue in one pass. Negated and hedged forms
come first in the alternation and start earlier in the sentence, so "failed to
make progress", "has not agreed to" and "no breakthrough" are read as stalled
before "progress", "agreed to" or "breakthrough" could be read on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.ingest.cueprefix import pattern_prefixes
from store.ingest.wordtrie import trie_pattern
from store.models import Status

_W = r"[\w.'\u2019-]+"  # a word, allowing "U.S." and "China's"

# Contractions spelt out (not "\w+n't") so every cue starts with known letters.
_NT = (r"(?:do|does|did|has|have|had|is|are|was|were|could|would|should|ca|wo|must|need)"
       r"n['\u2019]t")
_QUAL = r"(?:a|an|any|much|real|significant|meaningful|concrete|major|substantive|further)"
_OUTCOME = r"(?:progress|agreements?|deals?|breakthroughs?|headway|commitments?|consensus)"
# Phrases that look like cues but report nothing about the topic's state.
_NEUTRAL = [
    r"(?:declin(?:ed|es)|refus(?:ed|es))\s+to\s+(?:comment|elaborate|give\s+details|say)",
    r"(?:did\s+not|didn't|would\s+not|wouldn't)\s+(?:comment|elaborate|say)",
    r"(?:remains?|remained|is|are|was|were|stays?|stayed)\s+(?:firmly\s+|fully\s+)?committed\s+to",
    # An invitation ("welcomed American firms to invest") is an offer, not a step taken.
    r"welcom(?:ed|es|e|ing)\s+(?:[\w.'\u2019-]+\s+){1,4}?to\s+(?:invest|visit|come|join"
    r"|take\s+part|participate|expand|do\s+business)",
    # A promise on a condition is not a deal: "will resume talks only if sanctions go".
    r"will\s+(?:establish|launch|set\s+up|resume|reopen|restore)\s+(?:[\w.'\u2019-]+\s+){0,5}?"
    r"(?:only\s+)?(?:if|unless|provided)\b",
    # Background, not this meeting: "talks that Beijing suspended after the visit",
    # "cut off contacts in 2022".
    r"(?:which|that)\s+(?:[\w.'\u2019-]+\s+){0,3}?(?:had\s+)?(?:suspended|cut\s+off|froze|halted"
    r"|broke\s+off)",
    r"(?:suspended|cut\s+off|froze|halted|broke\s+off)\s+(?:[\w.'\u2019-]+\s+){0,5}?"
    r"(?:in|since)\s+(?:[A-Za-z]+\s+)?(?:19|20)\d\d",
]
_STALLED = [
    r"(?:no|little|limited|scant|scarce|without)\s+(?:real\s+|major\s+|concrete\s+|significant\s+"
    r"|visible\s+|new\s+|firm\s+|clear\s+|a\s+|an\s+|further\s+)?"
    r"(?:progress|breakthrough|agreement|commitments?|deal|concessions?|headway|sign\s+of\s+progress"
    r"|ceasefire|truce|peace\s+deal)",
    rf"(?:not|never|cannot|{_NT})\s+(?:yet\s+|been\s+(?:able\s+to\s+)?)?"
    r"(?:agreed?|reach(?:ed)?|commit(?:ted)?|made|make|seen|see|secured?|produced?)\s+"
    rf"(?:(?:to|on|upon)\b|(?:{_QUAL}\s+){{0,2}}{_OUTCOME}|(?:a|an|any)\b)",
    rf"fail(?:ed|s|ing)?\s+to\s+(?:make|reach|agree|produce|secure|narrow|bridge|resolve)"
    rf"(?:\s+(?:{_QUAL}\s+){{0,2}}{_OUTCOME})?",
    r"(?:neither\s+(?:side|country|government|leader)|no\s+one|nobody)\s+(?:[\w']+\s+){0,4}?"
    rf"{_OUTCOME}",
    r"(?:lack|absence)\s+of\s+(?:progress|agreement|commitment)",
    r"refus(?:ed|es|al|ing)", r"declin(?:ed|es)\s+to", r"turn(?:ed|s)\s+down", r"rebuff(?:ed|s)?",
    r"(?:remains?|remained|are|is|were|was)\s+stalled", r"stall(?:ed|s)", r"stalemate",
    r"deadlock(?:ed)?", r"impasse", r"suspend(?:ed|s)", r"cut\s+off", r"froze", r"frozen",
    r"broke\s+off", r"put\s+off", r"postpon(?:ed|es|ement)", r"halted",
    r"no\s+date\s+(?:was|has\s+been|had\s+been)\s+set", r"stopped\s+short",
    r"made\s+no\s+(?:progress|headway|commitment)",
    rf"(?:not|never|{_NT})\s+(?:quite\s+|yet\s+)?(?:got|gotten|get|getting)\s+there",
    r"(?:still|remain(?:ed|s)?)\s+(?:far\s+)?apart", r"gaps?\s+remain(?:ed|s)?",
    r"gave\s+no\s+(?:commitment|assurance|sign)",
]
_TENSION = [
    rf"rais(?:ed|es|ing)\s+(?:{_W}\s+){{0,3}}?concerns?",
    r"(?:voic|express)(?:ed|es|ing)\s+(?:\w+\s+){0,2}?(?:concerns?|opposition|dissatisfaction)",
    r"concern(?:s|ed)?", r"warn(?:ed|s|ing|ings)?", r"red\s+lines?",
    r"accus(?:ed|es|ing|ation|ations)",
    r"oppos(?:e|es|ed|ing|ition)", r"condemn(?:ed|s|ing|ation)?", r"critici[sz](?:ed|es|ing|m)",
    r"provocat(?:ive|ion|ions)", r"coerc(?:ion|ive)", r"must\s+not", r"must\s+stop",
    r"should\s+stop", r"object(?:ed|s|ion|ions)\b", r"reject(?:ed|s|ing|ion)?",
    r"protest(?:ed|s)?", r"threat(?:s|en|ened|ens|ening)?", r"dangerous", r"flashpoint",
    r"friction", r"complain(?:ed|s|ing|t|ts)?", r"no\s+room\s+for\s+compromise",
    r"denounc(?:ed|es|ing)", r"rebuk(?:ed|es)",
    r"slamm?ed", r"lodged\s+(?:\w+\s+)?representations", r"interfer(?:ing|ence|ed)\s+in",
    r"internal\s+affairs", r"protectionis(?:m|t)", r"suppress(?:ion|ing|ed)",
    r"(?:seriously|severely|gravely)\s+(?:hurt|harm\w*|damag\w*|undermin\w*)",
    r"undermin(?:e|es|ed|ing)", r"stirr?(?:ing|ed)?\s+up\s+trouble", r"smear(?:ing|ed|s)?",
    r"den(?:ies|ied)", r"tensions?", r"hostil(?:e|ity)", r"retaliat(?:e|ed|ion|ory)",
    r"escalat(?:ion|ory)", r"grave\s+concern", r"strongly\s+(?:opposes?|protested)",
    r"(?:so-called|unfounded|groundless)\s+(?:charges?|accusations?)",
    # Admonitions and dismissals: "should not harm", "decoupling is no solution".
    r"should\s+not", r"shouldn['\u2019]t", r"harm(?:s|ed|ing)?",
    r"(?:is|are|was|were)\s+(?:no|not\s+(?:a|the))\s+(?:solution|answer|way\s+out|option)",
]
_AGREEMENT = [
    r"agree(?:d|s)?\s+(?:to|on|that|upon)\b",
    r"(?:reach(?:ed|es)?|struck|strike|clinch(?:ed)?|seal(?:ed)?)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:agreement|deal|consensus|understanding|accord)",
    r"(?:issued|adopted|released)\s+(?:a\s+|three\s+|two\s+)?joint\s+(?:statements?|declarations?)",
    r"agreement\s+(?:to|on|for)\b", r"consensus\s+(?:on|to)\b", r"signed\b",
    r"announc(?:ed|es)\s+(?:an?\s+)?(?:\w+\s+)?deal", r"committed\s+to", r"pledg(?:ed|es)\s+to",
    r"made\s+(?:\w+\s+){0,2}commitments?", r"accept(?:ed|s)\s+(?:an\s+)?invitation",
    r"will\s+(?:establish|launch|set\s+up|resume|reopen|restore)",
    # Deals announced at a meeting: "unveiled a raft of defence agreements", "announced plans".
    r"(?:announc|unveil|launch)(?:ed|es|ing)\s+(?:[\w,'\u2019-]+\s+){0,6}?"
    r"(?:agreements?|deals?|plans?|initiatives?|partnerships?|pacts?|projects?|roadmaps?)",
    # A position both sides state together is common ground:
    # "reiterated their agreement that...", "underscored their opposition to...".
    r"(?:reiterat|reaffirm|underscor|restat|stress|emphasi[sz])(?:ed|es|ing)\s+their\s+"
    r"(?:shared\s+|common\s+|joint\s+)?(?:agreement|opposition|commitment|position|view)s?",
    r"(?:jointly|both)\s+(?:opposed|condemned|rejected|called\s+for)",
]
_PROGRESS = [
    r"progress", r"headway", r"breakthrough", r"positive\s+(?:steps?|results?|momentum|signs?"
    r"|developments?|directions?)",
    r"step\s+in\s+the\s+right\s+direction",
    r"(?:important|positive|significant|concrete|good)\s+steps?",
    r"(?:has|have|had)\s+taken\s+(?:steps|action|measures)", r"took\s+(?:steps|action|measures)",
    r"resum(?:ed|ption)",
    r"(?:would|could|to\s+be)\s+resume[ds]?", r"restor(?:ed|ation)", r"restarted", r"reopened",
    r"re-?established", r"improv(?:ed|ing|ement|ements)", r"welcom(?:ed|es|e)\b",
    r"stepped\s+up", r"stabili[sz]ed", r"begun\s+to\s+stabili[sz]e", r"more\s+stable",
    r"moved\s+against", r"upbeat", r"thaw(?:ed|ing)?", r"eas(?:e|ed|ing)\s+(?:the\s+)?tensions?",
    r"working\s+again", r"back\s+on\s+track", r"positively\s+assessed", r"largely\s+restored",
    r"more\s+needs\s+to\s+be\s+done", r"more\s+work\s+to\s+do",
    r"more\s+work\s+ahead",
    r"(?:has|have|had)\s+(?:picked\s+up|recovered|rebounded|gained\s+momentum)",
    # "ties are stronger, closer and more dynamic than at any time"
    r"(?:stronger|closer|deeper|warmer|better)(?:[\w\s,]{0,40}?)\s+than\s+(?:ever|at\s+any|any)",
]
_DIALOGUE = [
    r"(?:mutual|common|shared)\s+concerns?", r"discuss(?:ed|es|ing|ion|ions)?",
    r"talked\s+about", r"exchang(?:ed|ing|e)\s+(?:of\s+)?views", r"touched\s+on",
    r"(?:would|will)\s+continue",
    r"continue\s+(?:the|that|this|their)\s+(?:conversation|dialogue|talks)",
    r"keep\s+talking", r"maintain\s+communication", r"rais(?:ed|es|ing)", r"candid",
    r"constructive",
    r"frank", r"in-depth", r"dialogue", r"review(?:ed)?",
]

# Order matters at equal start positions: negations first, then the rest.
_GROUPS: list[tuple[Status | None, list[str]]] = [
    (None, _NEUTRAL),
    (Status.STALLED, _STALLED),
    (Status.TENSION, _TENSION),
    (Status.AGREEMENT, _AGREEMENT),
    (Status.PROGRESS, _PROGRESS),
    (Status.DIALOGUE, _DIALOGUE),
]
_NAMES = {s: (s.value if s is not None else "none") for s, _ in _GROUPS}
# One lookbehind in front of the whole alternation (not one per branch): the
# engine then rejects positions inside words before trying any branch.
_SOURCE = (
    r"(?<![\w-])(?:" + "|".join(
        f"(?P<{_NAMES[status]}>" + "|".join(f"(?:{p})" for p in pats) + ")"
        for status, pats in _GROUPS
    ) + r")(?!\w)"
)
_CUES = re.compile(_SOURCE)
# Every cue starts a word with one of these few letter runs; only those word starts are
# tried (the big alternation, tried at every word, was most of the stage's cost).
_PREFIXES = pattern_prefixes([p for _, pats in _GROUPS for p in pats])
_TRIGGER = re.compile(r"(?<![\w-])(?:" + trie_pattern(sorted(_PREFIXES)) + ")")
_CUES_ANY_CASE = re.compile(_SOURCE, re.IGNORECASE)
# A capitalised "Agreement"/"Accord" is the title of a document, not a deal reached.
_TITLE_WORD = re.compile(r"\b(?:Agreement|Accord|Consensus)\b")


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue phrase found in the text."""

    start: int
    end: int
    status: Status


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Every cue in text[start:end], left to right, on word boundaries."""
    stop = len(text) if end is None else end
    segment = text[start:stop]
    low = segment.lower()
    # Matching lower-cased text without IGNORECASE is about three times faster.
    if len(low) == len(segment):
        matches = _candidate_matches(low)
    else:
        matches = list(_CUES_ANY_CASE.finditer(segment))
    out: list[Cue] = []
    for m in matches:
        s, e = m.start(), m.end()  # (?!\w) in the pattern keeps cues on word ends
        name = m.lastgroup
        if name is None or name == "none":
            continue
        status = Status(name)
        if status is Status.AGREEMENT and _TITLE_WORD.search(segment, s, e):
            continue
        out.append(Cue(start + s, start + e, status))
    return out


def _candidate_matches(low: str) -> list[re.Match[str]]:
    """Cue matches in lower-cased text, trying the regex only at promising word starts;
    the same matches `_CUES.finditer(low)` gives (cues begin at word starts)."""
    out: list[re.Match[str]] = []
    after = 0
    match = _CUES.match
    for t in _TRIGGER.finditer(low):
        pos = t.start()
        if pos < after:
            continue
        m = match(low, pos)
        if m is not None:
            out.append(m)
            after = m.end()
    return out
