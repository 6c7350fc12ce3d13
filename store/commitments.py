"""Following a commitment across the later meetings of its pair. Pure: no IO.

A commitment ("agreed to hold their first talks on artificial intelligence in coming
weeks") is matched against the sentences of each later meeting of the same pair, on
the commitment's topic, by the action's words: its verb (any tense: "hold"/"held")
and at least one other content word ("first", "talks"). A matched sentence says
what became of it:

- broken: suspended, halted, called off, cancelled, reversed, scrapped, withdrew, violated
  ("has not been violated" keeps it) ...
- stalled: stalled, no progress, yet to, has not, delayed, postponed, deadlock ...
- progressing: progress, preparations, working toward, steps to, began, underway, tasked
  with ...; or a later meeting promised the same action again (a renewal: an extracted
  commitment of that meeting; a sentence that merely "agreed to" it anew decides nothing);
- superseded: a later promise of the same action says it replaces the old one ("instead of");
- kept: the later sentence reports the action done ("held their first AI talks", "held a
  summit, restoring ...", "since re-establishing ties"), or a later promise goes on with the
  very thing promised ("agreed to continue the ceasefire" for "agreed to a ceasefire").

The action is read after the promise cue, up to a clause of when or why, without who says
so; a list of actions is cut into segments and named by its first (the one the cue
governs: a sentence on another action of the list does not decide the whole promise). A
promise of a thing ("an immediate ceasefire") is named by the thing's words. A promise
only to meet again ("hold further talks", "the next meeting is expected to be held") is
kept by any later meeting of the pair told held ("met", "convened", "continued their
talks", "the second round has concluded"), on any topic.

A promise whose action is a meeting, read by grammar ("agreed to resume the dialogue",
"plans to visit Ankara", "will establish a joint commission"), is kept by the later meeting
itself, whatever words its article uses (store/followup.py): at the promised place, with
who was to meet, or the body set up, told in its opening sentences.

Two sentences speak for the meeting as a whole, on their topic or none: talks that failed
("ended without an agreement", "a complete deadlock") stall every promise still open or
under way (not a promise to refrain); agreements upheld ("reaffirmed their commitment to
the agreements reached in earlier talks") put every open promise under way.

The latest meeting with a match decides, except that superseded is final (the newer
promise is followed in its place). A commitment is overdue when its state is open
and the due time its text gives ("in coming weeks", "by the end of the year", "next
spring", "next month") has passed, read against the meeting date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from store import followup
from store.ingest.countries import country_of
from store.models import Commitment, CommitmentState, StoredCommitment, Tracking

STATES: tuple[CommitmentState, ...] = (
    "open", "kept", "progressing", "stalled", "broken", "superseded",
)
# What a user may type for a state.
STATE_ALIASES: dict[str, CommitmentState] = {"reversed": "broken", **{s: s for s in STATES}}

_WORD = re.compile(r"[^\W\d_][\w'-]*")  # any script's letters: "Türkiye" is one word
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")

# Words that carry no action: promise verbs, auxiliaries, function words, time words.
_STOP = frozenset("""
a an the and or but of to in on at for with by from into over as that this these those
their its his her our your they them it he she we you i be been being is are was were
will would shall should could can may might must do does did done have has had not no
agreed agree agrees pledged pledge pledges committed commit commits decided decide decides
promised promise promises vowed vow vows also both sides two countries nations leaders
new more further each other which who whom whose there here then than so such very
coming weeks week months month year years next end soon later early late spring summer
autumn fall winter before after within until between among about around again
united states china chinese american u.s us washington beijing
said say says told official officials reporters statement according added
during through under without against via per including regarding since while when where
toward towards
""".split())

# Irregular past forms -> the base form the commitment uses.
_IRREGULAR = {
    "held": "hold", "met": "meet", "began": "begin", "begun": "begin", "took": "take",
    "taken": "take", "made": "make", "sent": "send", "kept": "keep", "gave": "give",
    "given": "give", "set": "set", "built": "build", "brought": "bring", "spoke": "speak",
    "spoken": "speak", "went": "go", "gone": "go", "saw": "see", "seen": "see",
    "won": "win", "struck": "strike", "bought": "buy", "sold": "sell", "paid": "pay",
    "led": "lead", "wrote": "write", "written": "write", "put": "put", "cut": "cut",
    "let": "let", "drew": "draw", "drawn": "draw", "rose": "rise", "told": "tell",
}

_BROKEN = re.compile(
    r"\b(suspend(?:ed|s)?|halt(?:ed|s)?|call(?:ed)? off|cancel(?:l?ed|s)?|revers(?:ed|es)|"
    r"scrap(?:ped|s)?|withdr(?:ew|awn)|pulled out|broke(?:n)?|cut off|abandon(?:ed|s)?|"
    r"froze|frozen|backtrack(?:ed)?|reneg(?:ed|ing)|violat(?:ed|es|ions?))\b",
    re.IGNORECASE)
# "has not been violated", "never violated": the promise held, nothing broken.
_NOT_BROKEN = re.compile(r"\b(?:not|never|no)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_STALLED = re.compile(
    r"\b(stall(?:ed|s)?|no progress|little progress|yet to|ha(?:s|ve) not|hasn't|haven't|"
    r"still not|still no|not yet|delay(?:ed|s)?|postpon(?:ed|es)?|deadlock(?:ed)?|stuck|"
    r"failed to|never)\b", re.IGNORECASE)
_PROGRESS = re.compile(
    r"\b(progress(?:ing|ed)?|preparations?|preparing|working (?:toward|towards|on)|"
    r"steps? toward|steps? to|began|begun|started|underway|under way|partly|partially|"
    r"first round|tasked with|charged with|"
    r"initial)\b", re.IGNORECASE)
# "talks that were frozen in 2022", "which Beijing suspended": a relative clause tells the
# state before, not now.
_BEFORE_NOW = re.compile(r"\b(?:that|which)\s+(?:[\w'’-]+\s+){0,3}?$", re.IGNORECASE)
# The action told done whatever its verb: a passive of a past participle ("was set up",
# "were signed", "has been launched"), or an event that took place.
_DONE = re.compile(
    r"\b(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:\w{3,}ed|held|set\s+up|built|made|sent|begun|taken|given|drawn|written)|"
    r"took\s+place|came\s+into\s+(?:force|effect)|"
    # the talks themselves over: "the second round of talks has concluded"
    r"(?:has|have|had)\s+(?:\w+ly\s+)?(?:concluded|ended|wrapped\s+up))\b", re.IGNORECASE)
# A sentence that itself promises is a new commitment, not news of the old one.
_PROMISE = re.compile(
    r"\b(agreed to|agree to|agreed on|agree on|agreed that|pledged|committed to|decided to|"
    r"promised|"
    r"vowed|will|plan to|"
    r"plans to|intend to)\b", re.IGNORECASE)


# British -ise/-isation spellings, in the endings where "s" is always "z" elsewhere
# ("normalise", "organise", "recognise", "stabilise"; not "rise", "promise", "exercise").
_BRITISH = re.compile(r"(?<=al|an|gn|il)is(?=(?:ation|ations|e|es|ed|ing)$)")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A rough base form so that 'held'/'hold', 'resumed'/'resume', 'talks'/'talk' meet."""
    w = word.casefold().strip("'-")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    w = _BRITISH.sub("iz", w)  # "normalisation" is "normalization"
    for suffix, keep in (("ying", "y"), ("ied", "y"), ("ies", "y"), ("ing", ""), ("ed", ""),
                         ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + keep
            break
    return w.rstrip("e")


# Verbs of one action, whatever the article calls it: a later meeting "restarted" or
# "reopened" what an earlier one "agreed to resume"; it "set up" or "launched" what was to
# be "established"; the officials "met" or "convened" for the talks they would "hold".
_SAME_ACTION = {
    **dict.fromkeys(("restart", "restor", "reopen", "reestablish", "re-establish", "reviv",
                     "resumption", "reinstat"), "resum"),
    **dict.fromkeys(("set", "launch", "creat", "form", "found", "establishment"),
                    "establish"),
    # ("took place": "place" stands for the verb; "took" is a stop word of its own; a
    # meeting "hosted" or "chaired" was held)
    **dict.fromkeys(("conven", "meet", "conduct", "plac", "host", "chair", "co-chair"),
                    "hold"),
    # ("concluded their talks" ended them: not a signing)
    **dict.fromkeys(("seal", "ink", "signing"), "sign"),
    # the talks, whatever the article calls them
    **dict.fromkeys(("negotiation", "consultation", "discussion", "dialogu"), "talk"),
    **dict.fromkeys(("travel", "travell", "trip"), "visit"),
}
# What most promises of a meeting are about: alone, they do not tell one from another
# ("hold talks" is every meeting's); with the verb they name the action when the promise
# has no word more particular.
_GENERIC = frozenset(("talk", "meeting", "round", "first", "second", "dialogue",
                      "consultation", "discussion", "cooperation", "relation", "ty", "tie",
                      "bilateral", "mutual", "joint", "country", "side", "issue", "area",
                      "field", "level", "high", "step", "effort", "work", "clos", "closer",
                      "regular", "way", "need", "continu", "communication", "exchang"))


@lru_cache(maxsize=1 << 16)
def _content_stem(word: str) -> str:
    """The stem of a word as written (one stem for the verbs of one action), or "" for a
    stop word or a single letter."""
    w = word.casefold()
    if w in _STOP or len(w) < 2:
        return ""
    if word[0].isupper() and (country_of(word) or _countries_joined(word)):
        return ""  # "Greece", "Turkish": who acts, not the action (a capital can be where)
    found = stem(w)
    return _SAME_ACTION.get(found, found)


def _countries_joined(word: str) -> bool:
    """A hyphenated run of countries ("Peru-Iceland talks"): who meets, not the action."""
    parts = word.split("-")
    return len(parts) > 1 and all(p[:1].isupper() and country_of(p) for p in parts)


def content_words(text: str) -> list[str]:
    """The stems of the words that say what is done, in order (promise verbs left out)."""
    # Every sentence of every later meeting goes through here when commitments are
    # tracked: one cached call per word, and a dict (not a list) to drop repeats.
    return list(dict.fromkeys(filter(None, map(_content_stem, _WORD.findall(text)))))


def content_word_set(text: str) -> set[str]:
    """`set(content_words(text))`, without the ordered list in between, and the parts of
    each hyphenated word beside it ("expert-level talks" names the "expert level
    mechanism")."""
    words = _WORD.findall(text)
    found = set(filter(None, map(_content_stem, words)))
    for word in words:
        if "-" in word:
            found.update(filter(None, map(_content_stem, word.split("-"))))
    return found


# Where the promised action starts: "agreed to | hold ...", "officials would | hold ...".
# Between a promise verb and its "to": whom with, and when ("agreed with Lima on",
# "agreed Sunday to", "agreed early on Friday to", "agreed in principle to").
_ASIDE = (r"(?:\s+(?:with\s+(?:the\s+)?[\w.'’-]+(?:\s+[A-Z][\w.'’-]*)?|on\s+\w+|in\s+principle|"
          r"early|late|again|also|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
          r"morning|afternoon|evening|night))*")
_CUE = re.compile(
    r"^\s*[\"“‘]?to\s+(?=[a-z]+\b)|"  # a point of an agreed list: "To initiate talks ..."
    r"\b(?:(?:agree|pledg|commit|decid|promis|vow|resolv)\w*" + _ASIDE + r"\s+(?:to|on|upon)|"
    r"(?:reached\s+(?:an\s+)?)?agreement" + _ASIDE + r"\s+[\"“‘]?to|"
    r"(?:reached\s+(?:a\s+)?)?consensus\s+(?:on|to)|"
    r"will|would|shall|signed|sign|approved|adopted|reached)\s+", re.IGNORECASE)


_WHEN_CLAUSE = re.compile(r",?\s+(?:after|as|when|while|before|since|because)\s+"
                          r"(?=(?:the|they|both|it|he|she|we|their|its|his|her)\b)|"
                          # "... talks following the envoy's visit": when, not what (not
                          # "the following steps")
                          r"(?<!\bthe)\s+(?i:following)\s+(?=[A-Z]|(?i:the|their|his|her|"
                          r"its|a|an)\b)")
_HEDGE = re.compile(r"\bin\s+principle\b", re.IGNORECASE)
_ATTRIBUTION = re.compile(
    r"(?:,\s*|\s+)according\s+to\b[^;]*$|"
    r",[\s\"”’]*(?:(?:the|a)\s+)?(?:[\w.'’-]+\s+){0,6}?(?:said|says|announced|stated|added|"
    r"told\s+\w+)(?:\s+(?:on|in)\s+\w+)?[\s.]*$|"
    r"[,\"”’]\s*(?:said|says|announced|stated)\s+[^,;]*$", re.IGNORECASE)
# A meeting promised in the passive: "will be held", "is expected to be held".
_TO_BE_HELD = re.compile(
    r"\b(?:will|would|shall|(?:is|are)\s+(?:(?:expected|due|set|scheduled|planned)\s+)?to)"
    r"\s+be\s+(?:held|convened)\b", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[,;:]|\b(?:that|whose|which|said|says)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:]|\b(?:when|where|while|after|before)\b", re.IGNORECASE)
_MEETING_NOUN = re.compile(r"\b(?:meetings?|talks|rounds?|summits?|sessions?|dialogue|"
                           r"consultations|conferences?|negotiations)\b", re.IGNORECASE)
_AGAIN = re.compile(r"\b(?:next|another|further|follow-up|new round)\b", re.IGNORECASE)


_PURPOSE = re.compile(r"\s+(?:in order to|so as to|so that|to ensure|to make sure)\b",
                      re.IGNORECASE)


def action_words(c: Commitment) -> list[str]:
    """The words of the action `c` promises (`_action_words`)."""
    # Cached: a walk that goes on after an add takes back every live promise of the pair,
    # most of them repeats of a few texts.
    return list(_action_words(c.text, c.due))


@lru_cache(maxsize=1 << 14)
def _action_words(text: str, due: str | None) -> tuple[str, ...]:
    """The commitment's action: the content words after its promise cue (who promised is
    not the action), without the due phrase; the verb first. Without a cue the verb is the
    text's first word ("Establish an observer team", a point of an agreed list), or
    unknown ("" first: "During the talks, Peru indicated ..." has no verb to match)."""
    if due:
        text = text.replace(due, " ")
    # who says so is not what was promised: ", according to the Foreign Ministry"; nor is
    # a hedge ("to meet again in principle")
    text = _HEDGE.sub(" ", _ATTRIBUTION.sub("", text))
    if ";" in text:
        # clauses of their own: "Establish an observer team ...; the attachés will observe
        # ..." promises each (the cue of the second is not the first's)
        parts = [a for a in (_action_words(part, None) for part in text.split(";")) if a]
        return tuple(w for k, a in enumerate(parts) for w in ([SEGMENT] if k else []) + list(a))
    held = _TO_BE_HELD.search(text)
    if held is not None:
        # "the next meeting is expected to be held in May": the meeting is the action
        subject = _CLAUSE_START.split(text[:held.start()])[-1]
        if _MEETING_NOUN.search(subject):
            if _AGAIN.search(subject):
                return ("hold",)  # a promise to meet again
            after = _CLAUSE_END.split(text[held.end():])[0]
            return ("hold", *(w for w in content_words(subject + " " + after) if w != "hold"))
    purpose = _PURPOSE.search(text)
    if purpose is not None:
        # "hold follow-up meetings to ensure the truce holds" is a promise to meet again:
        # what the meetings are for is not what was promised
        meet = _action_words(text[:purpose.start()], None)
        if meets_again(list(meet)):
            return meet
    cue = _CUE.search(text)
    if cue is not None:
        thing = _thing(text[cue.end():])
        if thing:
            return (THING, *thing)
        # the action ends where a clause of when or why begins: "... and reopen embassies
        # after the two sides held talks", "... as they met for four hours"
        promised = _WHEN_CLAUSE.split(text[cue.end():], maxsplit=1)[0]
        after = _segments(promised)
        if len(after) >= 2 or after == ["hold"]:  # "agreed to meet again"
            return tuple(after)
    words = content_words(text)
    first = _WORD.match(text.lstrip(" \"'(“‘"))
    if words and (first is None or _content_stem(first[0]) != words[0]):
        return ("", *words)
    return tuple(words)


# Where a list of actions or objects is cut: "hold a new round of talks and exchange
# prisoners", "resume military talks, drug cooperation and AI consultations".
_LIST_CUT = re.compile(r",\s+(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+", re.IGNORECASE)
SEGMENT = "|"  # between the segments of an action; never a content word


_OF = re.compile(r"\s+of\b", re.IGNORECASE)
# Verbs that say nothing without their particle or object ("put aside" and "put forward",
# "take steps"): no action's verb, so the action is named by its objects alone.
_LIGHT = frozenset(("put", "tak", "mak", "get", "giv"))


THING = "="  # the verb of a promise of a thing ("agreed to a ceasefire"); never a word
# What a promise of a thing is cut at: the thing is named before it.
_THING = re.compile(r"(?:an?|the)\s+([^,;:]*?)(?=\s+(?:of|during|in|on|at|for|with|between|by|"
                    r"to|from|under|that|which|who|as|after|before|within|and\s+to)\b|[,;:]|$)",
                    re.IGNORECASE)
# Words of a thing that do not tell one thing from another ("an immediate ceasefire").
_TRAITS = frozenset(("immediat", "full", "complet", "comprehensiv", "last", "permanent",
                     "durabl", "early", "total", "general", "possibl", "formal", "temporary",
                     "unconditional", "sustainabl", "real", "genuin", "effectiv"))
# A thing that is itself an action ("the resumption of talks") is read as its verb.
_ACTION_NOUNS = frozenset(("resum", "establish", "hold", "sign", "visit", "talk", "exchang",
                           "return", "withdrawal", "releas", "implementation"))


def _thing(text: str) -> tuple[str, ...]:
    """The words that name a promised thing ("agreed to an immediate ceasefire": the
    ceasefire), or () when the promise is of an action ("agreed to hold talks", "agreed to
    the resumption of talks")."""
    m = _THING.match(text.lstrip(" \"“‘"))
    if m is None:
        return ()
    words = [w for w in content_words(m[1]) if w not in _TRAITS]
    if not words or words[-1] in _ACTION_NOUNS or any(w in _ACTION_NOUNS for w in words):
        return ()
    return tuple(w for w in words if w not in _GENERIC) or tuple(words)


def _segments(text: str) -> list[str]:
    """The content words of the actions a promise lists, each segment with the verb first
    (a segment with no verb of its own takes the first one's), joined by SEGMENT. A piece
    of fewer than two words is no action of its own ("between Lima and Quito")."""
    pieces: list[tuple[list[str], bool]] = []  # (words, has a promise cue of its own)
    for k, piece in enumerate(_LIST_CUT.split(text)):
        cue = _CUE.search(piece) if k else None
        if cue is None:
            pieces.append((content_words(piece), False))
            continue
        # "..., and reached an agreement to meet again": an action of its own, its verb
        # its own, however short; who is to act says which ("foreign ministers will meet"
        # is not any meeting)
        words = content_words(piece[cue.end():])
        who = content_words(_CLAUSE_START.split(piece[:cue.start()])[-1])
        pieces.append(([*words[:1], *(w for w in who if w not in words), *words[1:]], True))
    if pieces and pieces[0][0] and pieces[0][0][0] in _LIGHT:
        pieces[0][0][0] = ""
    out: list[list[str]] = []
    for words, own in pieces:
        if own and words:
            out.append(words)
        elif out and len(words) < 2:
            out[-1].extend(w for w in words if w not in out[-1])
        elif words:
            out.append(words if not out else [out[0][0], *words])
    return [w for k, seg in enumerate(out) for w in ([SEGMENT] if k else []) + seg]


def sentences(text: str) -> list[str]:
    """A text cut into sentences (enough for matching: a period then a capital)."""
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def matches(action: list[str], sentence: str) -> bool:
    """The sentence names the action: half of its words and at least two, one of them its
    verb; or, without the verb (passive, another verb), more than half of them."""
    return matches_words(action, content_word_set(sentence))


def matches_words(action: list[str], found: set[str]) -> bool:
    """`matches` on the sentence's content words, computed once. The action is its verb
    and what the verb acts on: the sentence names it with the verb (any form of the same
    action) and one of the particular words ("resumed talks between the militaries" for
    "resume military communication"), or with two particular words and half of them
    without the verb ("the second round of talks on the dam"). Words every meeting uses
    ("talks", "cooperation") count only when the action has no other."""
    if meets_again(action) and _meeting_named(found):
        return True  # (a promise to meet again: `told_of` asks for a meeting told held)
    return _names(action, found)


# The words by which a promise to meet again is named: "met", "held", "convened" (all
# "hold"), or talks that "continued".
_LOOSE_NAMES = ("hold", "continu", "talk", "dialogu", "round")
_MEETING_WORDS = frozenset(("talk", "dialogu", "round"))


def _meeting_named(found: set[str]) -> bool:
    """Do the words name a meeting ("met", "held", "talks", "the second round")? Whether it
    was held is the sentence's to tell (`told_of`, `read_state`)."""
    return "hold" in found or not _MEETING_WORDS.isdisjoint(found)


def _names(action: list[str], found: set[str]) -> bool:
    if SEGMENT in action:
        # A promise that lists actions is named by its first, the one its cue governs:
        # a later sentence on another action of the list tells of that action alone, and
        # calling the whole promise by it overclaims (chains nobody tuned on: a false call)
        return _names(action[:action.index(SEGMENT)], found)
    if not action:
        return False
    if meets_again(action) and _meeting_named(found):
        return True  # to meet again: named by a meeting
    verb, objects = action[0], action[1:]  # verb "": not known
    if verb == THING:
        # a thing is named by its own words, whatever is said of it
        return all(w in found or _parts_in(w, found) for w in objects)
    particular = [w for w in objects if not _generic(w)] or objects
    shared = sum(1 for w in particular if w in found or _parts_in(w, found))
    if verb in found and shared >= 1:
        return True
    return shared >= max(2, (len(particular) + 1) // 2)


def on_topic(promised: str | None, told: str | None) -> bool:
    """Is a later sentence (or promise) on `told` about the promise's topic? Either unknown
    is any."""
    return promised is None or told is None or promised == told


def fully_named(action: list[str], found: set[str]) -> bool:
    """Does a later sentence name the action whole, its verb (any verb of the same action)
    and every particular word, two at least ("resumed military communication")? Then it
    tells of the action on whatever topic its paragraph was read as: a topic is a guess,
    and a list promise takes the topic of its last item."""
    first = segments_of(action)[0]
    if len(first) < 3 or first[0] in ("", THING) or first[0] not in found:
        return False
    particular = [w for w in first[1:] if not _generic(w)]
    return len(particular) >= 2 and all(w in found or _parts_in(w, found)
                                        for w in particular)


def _generic(word: str) -> bool:
    """A word every meeting uses, or one made of them ("high-level" talks are not the
    security talks promised)."""
    if word in _GENERIC:
        return True
    parts = [p for p in map(_content_stem, word.split("-")) if p] if "-" in word else []
    return bool(parts) and all(p in _GENERIC for p in parts)


def _parts_in(word: str, found: set[str]) -> bool:
    """A hyphenated action word named in parts ("military-to-military" by "military")."""
    if "-" not in word:
        return False
    parts = [p for p in map(_content_stem, word.split("-")) if p]
    return bool(parts) and all(p in found for p in parts)


# The words of a promise to meet again: "hold follow-up meetings", "continue the dialogue".
_TALKS = frozenset(("talk", "meeting", "dialogu", "round", "follow", "up", "follow-up",
                    "further", "regular"))


def meets_again(action: list[str]) -> bool:
    """Is the action only to meet again ("hold further talks", "continue the dialogue on
    ...", "meet again")? Then any later meeting of the pair told held keeps it, on
    whatever topic: a meeting is not about one topic."""
    if not action or SEGMENT in action:
        return False
    verb, objects = action[0], action[1:]
    if verb == "hold":
        return all(w in _TALKS for w in objects)
    # "continue the dialogue on other outstanding matters" is to meet again; "continue
    # negotiations on ending the conflict" is about ending it, and the sentences on that
    # decide (a meeting on another matter keeps nothing)
    return verb == "continu" and bool(objects) and objects[0] in _TALKS and all(
        w in _TALKS or w in followup.vague_stems(_content_stem) for w in objects)


def segments_of(action: list[str]) -> list[list[str]]:
    """The actions a promise lists, each with its verb first."""
    out: list[list[str]] = [[]]
    for w in action:
        if w == SEGMENT:
            out.append([])
        else:
            out[-1].append(w)
    return out


def meets_again_in(action: list[str]) -> bool:
    """Is one of the actions a promise lists (or the only one) to meet again?"""
    return any(meets_again(seg) for seg in segments_of(action))


def follow_topic(topic: str | None, action: list[str]) -> str | None:
    """The topic a later sentence must be on to tell of the action (None: any): a promise
    to meet again is on no topic."""
    return None if meets_again(action) else topic


# A later promise of the same action renews it: the annotators' progressing. Only a
# promise that says it takes the old one's place supersedes it.
_REPLACES = re.compile(r"\b(?:replac\w*|instead of|in place of|supersed\w*)\b", re.IGNORECASE)


# "agreed to continue the ceasefire", "to keep using the observer team": what goes on
# was set up, so a promise to set it up was kept.
_GOES_ON = re.compile(r"\b(?:continu\w*|keep|kept|maintain\w*|extend\w*|prolong\w*)\s+"
                      r"(?:to\s+)?(?:\w+ing\s+)?(?:the\s+|a\s+|an\s+|their\s+|its\s+)?",
                      re.IGNORECASE)


def renewal_state(text: str, action: list[str] | None = None) -> CommitmentState:
    """What a later meeting's promise of the same action makes of the old one: superseded
    when it takes the old one's place; kept when it goes on with the very thing the old
    one was to start ("continue utilizing the observer team" for "establish an observer
    team"; not when the old one was itself to go on); else progressing (a renewal)."""
    if _REPLACES.search(text):
        return "superseded"
    low = text.casefold()
    if not any(w in low for w in _GOING_ON_WORDS):
        return "progressing"
    if not action:
        return "progressing"
    things = {w for w in action if w not in _GENERIC and w != SEGMENT} - {action[0]}
    if _done_verb(action) in _GOING_ON:
        # a promise to go on is kept when the thing is told going on ("reiterated their
        # dedication to continuing the normalization process" for "to continue the
        # normalisation process"); promised again ("agreed to continue it") it is renewed
        if any(things & _going_on_with(text, m.end()) for m in _GOES_ON.finditer(text)
               if _GOING_ON_TOLD.match(m[0])):
            return "kept"
        return "progressing"
    cue = _CUE.search(text)
    # the going on must be what is promised ("agreed to continue the truce"), not one
    # action of a list whose first is still to come ("agreed to hold a call, and to
    # continue the talks")
    goes_on = _GOES_ON.match(text, cue.end()) if cue is not None else None
    if goes_on is not None and things & _going_on_with(text, goes_on.end()):
        return "kept"
    return "progressing"


def _going_on_with(text: str, at: int) -> set[str]:
    """The content words of the three words after a going-on word: what goes on."""
    return set(content_words(" ".join(text[at:].split()[:3])))


def goes_on_with(sentence: str, action: list[str]) -> bool:
    """Does a later sentence promise to go on with the very thing the action was to start
    ("agreed to continue the truce" for "agreed to a truce")? Then it was kept. (A sentence
    that promises the action again otherwise decides nothing: only an extracted commitment
    of the later meeting renews it.)"""
    return renewal_state(sentence, action) == "kept"


# A document signed on the action: "signed the Arrangement on Improving the Fisheries
# Hotline". The document's name ends at a clause or at "and" (", and agreed to ...").
_SIGNED_ON = re.compile(
    r"\b(?:signed|inked|concluded)\s+(?:an?|the|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:agreement|arrangement|memorandum|accord|protocol|deal|treaty|roadmap|declaration)"
    r"\s+(?:on|for|to|regarding|concerning)\s+(?P<what>.*?)(?=[,;:.]|\s+and\s+|$)",
    re.IGNORECASE)


def signed_on(sentence: str, action: list[str]) -> bool:
    """Does a later sentence tell a document signed on the action itself ("signed an
    arrangement on improving the hotline" for "agreed to improve the hotline")? Then it was
    done, whatever the sentence promises next."""
    return any(_names(action, content_word_set(m["what"]))
               for m in _SIGNED_ON.finditer(sentence))


_GOING_ON_TOLD = re.compile(r"\w+(?:ing|ed)\b|kept\b", re.IGNORECASE)
_GOING_ON = frozenset(("continu", "keep", "maintain", "extend", "prolong"))
_GOING_ON_WORDS = ("continu", "keep", "kept", "maintain", "extend", "prolong")


def read_state(sentence: str, verb: str = "") -> CommitmentState | None:
    """What a matched sentence says of the action; None when it promises it anew or does
    not tell it done: kept is the action's own verb in the past ("held", "have resumed"
    for "resume"), or a passive or an event told done ("was signed", "took place")."""
    broken = _BROKEN.search(sentence)
    if broken:
        before = max(0, broken.start() - 24)
        if _NOT_BROKEN.search(sentence, before, broken.start()):
            return "kept"  # "the truce has not been violated": it holds
        if not _BEFORE_NOW.search(sentence, before, broken.start()):
            return "broken"
    if _STALLED.search(sentence):
        return "stalled"
    progress = _PROGRESS.search(sentence)
    promise = _PROMISE.search(sentence)
    if promise and not (progress and progress.start() < promise.start()):
        return None
    if promise:
        # progress told before a new promise is news of the old one: "noted the progress
        # made by the working group since it was launched, and will keep up cooperation"
        # (the group was set up: kept)
        head = sentence[:promise.start()]
        done = _DONE.search(head) or (verb and _verb_done(head, verb))
        return "kept" if done else "progressing"
    if progress:
        # a promise to begin is kept by a beginning ("technical talks began" for "to begin
        # technical negotiations"); any other is under way
        begun = verb in _START_VERBS and progress[0].casefold() in _BEGUN
        return "kept" if begun else "progressing"
    if _DONE.search(sentence) or (verb and _verb_done(sentence, verb)):
        return "kept"
    return None


_START_VERBS = frozenset(("begin", "start", "initiat", "commenc", "launch"))
_BEGUN = frozenset(("began", "begun", "started", "first round", "initial", "underway",
                    "under way"))


def told_of(action: list[str], sentence: str) -> bool:
    """A sentence that names the action tells of it, except that a promise to meet again,
    named by the one word "hold" ("put in place" is one too), is told of only by a meeting
    told held ("met", "convened")."""
    return not meets_again(action) or _verb_done(sentence, "hold")


def _told_verb(action: list[str], found: set[str]) -> str:
    """The verb a sentence (its words `found`) must tell done: the one of the first action
    of the list it names ("hold" for a meeting again), else the whole action's."""
    if SEGMENT in action:
        for seg in segments_of(action):
            if _names(seg, found):
                return _done_verb(seg)
    return _done_verb(action)


def _done_verb(action: list[str]) -> str:
    """The verb a later sentence tells done: "hold" (met, convened) for a promise to meet
    again, else the action's own."""
    return "hold" if meets_again(action) else action[0]


def _verb_done(sentence: str, verb: str) -> bool:
    """Is the action's verb (any verb of the same action) in the sentence in a past form,
    or a participle that tells what a past event did ("held a summit, restoring the
    shuttle visits")?"""
    for m in _WORD.finditer(sentence):
        w = m[0].casefold()
        if (w.endswith("ed") or w in _IRREGULAR) and _content_stem(m[0]) == verb:
            # "a set of measures" is a noun, not a body set up
            if w != "set" or not _OF.match(sentence, m.end()):
                return True
    for m in _RESULT.finditer(sentence):
        if _content_stem(m[1]) == verb and _past_before(sentence[:m.start()]):
            return True
    for m in _SINCE.finditer(sentence):
        if _content_stem(m[1]) == verb:
            return True  # "for the first time since re-establishing ties": done before
    # "continued their talks in Quito", "the second round of talks has concluded": talks
    # went on, so a meeting was held
    return verb == "hold" and _TALKS_HELD.search(sentence) is not None


_TALKS_HELD = re.compile(
    r"\bcontinued\s+(?:their\s+|the\s+|its\s+)?(?:\w+\s+)?"
    r"(?:talks|dialogue|negotiations|discussions|consultations)\b|"
    r"\b(?:talks|dialogue|negotiations|discussions|consultations|meeting|round)\b[^.;]{0,80}?"
    r"\b(?:(?:has|have|had)\s+(?:\w+ly\s+)?(?:concluded|ended|wrapped\s+up)|took\s+place)\b",
    re.IGNORECASE)


_SINCE = re.compile(r"\bsince\s+([^\W\d_][\w-]*ing)\b", re.IGNORECASE)
# ", restoring ...": a participle after a comma, the result of the clause before it
_RESULT = re.compile(r",\s+([^\W\d_]+ing)\b")


def _past_before(clause: str) -> bool:
    """Does the clause tell a past event (a verb in -ed or an irregular past)?"""
    return any(w.casefold().endswith("ed") or w.casefold() in _IRREGULAR
               for w in _WORD.findall(clause))


# --- due dates ------------------------------------------------------------------------

_MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
_SEASON_END = {"spring": (6, 20), "summer": (9, 22), "autumn": (12, 20), "fall": (12, 20),
               "winter": (3, 20)}
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 31, "months": 31,
          "year": 365, "years": 365}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a": 1,
            "several": 3, "few": 3}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def due_date(due: str | None, made_on: date | None) -> date | None:
    """The last day the due phrase allows, read against the meeting date; None if unknown."""
    if not due or made_on is None:
        return None
    d = due.casefold()
    y = made_on.year
    if "coming weeks" in d or "next few weeks" in d:
        return made_on + timedelta(weeks=6)
    if "coming months" in d or "next few months" in d:
        return made_on + timedelta(days=183)
    if "coming days" in d or "next few days" in d:
        return made_on + timedelta(days=10)
    if "end of the year" in d or "end of this year" in d or "this year" in d:
        return date(y, 12, 31)
    if "next year" in d:
        return date(y + 1, 12, 31)
    if "next month" in d:
        nxt = made_on.replace(day=1) + timedelta(days=32)
        return _month_end(nxt.year, nxt.month)
    if "this month" in d or "end of the month" in d:
        return _month_end(y, made_on.month)
    if "next week" in d:
        return made_on + timedelta(days=14 - made_on.weekday())
    for season, (month, day) in _SEASON_END.items():
        if f"next {season}" in d or f"this {season}" in d or f"by {season}" in d:
            end = date(y, month, day)
            if f"next {season}" in d or end < made_on:
                end = date(y + 1, month, day)
            return end
    m = re.search(r"\bwithin (\w+) (days?|weeks?|months?|years?)\b", d)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS.get(m.group(1))
        if n is not None:
            return made_on + timedelta(days=n * _UNITS[m.group(2)])
    m = re.search(r"\b(?:by|before|in|until) (?:the end of )?([a-z]+)(?: (\d{4}))?\b", d)
    if m and m.group(1) in _MONTHS:
        month = _MONTHS[m.group(1)]
        year = int(m.group(2)) if m.group(2) else (y if month >= made_on.month else y + 1)
        return _month_end(year, month)
    return None


# --- tracking ---------------------------------------------------------------------------


@dataclass
class Later:
    """What one later meeting of the pair offers: its sentences per topic, its commitments."""

    meeting_id: int
    meeting_date: date | None
    sentences: list[tuple[str | None, str]] = field(default_factory=list)  # (topic, sentence)
    commitments: list[Commitment] = field(default_factory=list)
    location: str | None = None  # where the meeting was held, as stored

    _opening: list[followup.Opened] | None = field(default=None, init=False, repr=False,
                                                   compare=False)

    def opening(self) -> list[followup.Opened]:
        """The meeting's first sentences, each once (a sentence is listed once per topic of
        its paragraph), read once for every promise the meeting may keep."""
        if self._opening is None:
            firsts: dict[str, None] = {}
            for _, s in self.sentences:
                firsts[s] = None
                if len(firsts) >= followup.OPENING:
                    break
            self._opening = followup.read_opening(list(firsts), _content_stem)
        return self._opening


def track(c: Commitment, made_on: date | None, later: list[Later]) -> Tracking:
    """The extracted state of `c` given the pair's later meetings, oldest first."""
    tracking = Tracking(due_date=due_date(c.due, made_on))
    action = action_words(c)
    on = follow_topic(c.topic, action)
    meet = followup.meet_promise(c.text, _content_stem)
    bound = who_meets(meet, action)
    for meeting in later:
        found: CommitmentState | None = None
        evidence = ""
        for topic, sentence in meeting.sentences:
            if bound or not (on_topic(on, topic) or fully_named(action, content_word_set(
                    sentence))):
                continue
            if not matches(action, sentence) or not told_of(action, sentence):
                continue
            state = read_state(sentence, _told_verb(action, content_word_set(sentence)))
            if state is None and (goes_on_with(sentence, action) or signed_on(sentence, action)):
                state = "kept"
            if state is not None:
                found, evidence = state, sentence
                break
        if found is None:
            for other in meeting.commitments:
                same_topic = on_topic(c.topic, other.topic) or fully_named(
                    action, content_word_set(other.text))
                if same_topic and matches(action, other.text):
                    found, evidence = renewal_state(other.text, action), other.text
                    break
        failed, upheld = meeting_wide(meeting)
        if found is None and tracking.state in _UNDONE and not _REFRAIN.search(c.text):
            said = talks_failed(failed, c.topic)
            if said:
                found, evidence = "stalled", said
        if found is None and tracking.state == "open":
            said = agreements_upheld(upheld, c.topic)
            if said:
                found, evidence = "progressing", said
        if found is None and meet is not None:
            said = held_as_promised(meet, meeting)
            if said:
                found, evidence = "kept", said
        if found is not None:
            tracking = tracking.model_copy(update={
                "state": found, "evidence": evidence, "evidence_meeting_id": meeting.meeting_id,
                "evidence_date": meeting.meeting_date,
            })
            if found == "superseded":
                break  # the newer promise takes its place, and is followed itself
    return tracking


# The talks as a whole came to nothing: "the negotiations have failed", "ended without an
# agreement", "a complete deadlock" (not "had failed" before a rescue, nor a deadlock
# broken).
_TALKS_FAILED = re.compile(
    r"\b(?:talks|negotiations|discussions|dialogue|meeting|round)\b[^.;]{0,120}?"
    r"(?<!\bhad )(?<!\bhad “)(?<!\bhad \")"
    r"\b(?:(?:have|has)\s+)?(?:failed|collapsed?|broke\s+down)\b|"
    r"\bended\b[^.;]{0,60}\bwithout\s+(?:an?\s+|any\s+)?(?:agreement|deal|breakthrough)\b|"
    r"(?<!break )(?<!broke )(?<!end )(?<!ended )(?<!the )\b(?:complete\s+|total\s+)?"
    r"(?:deadlock|impasse|stalemate)\b", re.IGNORECASE)
# What failed talks stall: a promise not yet kept, broken or replaced; and not a promise
# to refrain ("not to cause harm"), which holds until it is broken.
_UNDONE = frozenset(("open", "progressing"))
_REFRAIN = re.compile(r"\b(?:not\s+to|refrain\w*|never|no\s+longer)\b", re.IGNORECASE)


Said = list[tuple[str | None, str]]  # (topic, sentence)


def meeting_wide(meeting: Later) -> tuple[Said, Said]:
    """The sentences of a meeting that speak for it as a whole: the talks failed, and the
    earlier agreements upheld. Each sentence is first tested for a word the pattern needs
    (most have none): every sentence of every later meeting passes here."""
    failed: Said = []
    upheld: Said = []
    for on, sentence in meeting.sentences:
        low = sentence.casefold()
        if any(w in low for w in _FAIL_WORDS) and _TALKS_FAILED.search(sentence):
            failed.append((on, sentence))
        if "commitment" in low and _UPHELD.search(sentence):
            upheld.append((on, sentence))
    return failed, upheld


_FAIL_WORDS = ("fail", "collaps", "broke", "without", "deadlock", "impasse", "stalemate")


def talks_failed(failed: Said, topic: str | None) -> str:
    """Of a meeting's sentences that tell the talks as a whole failed (`meeting_wide`), the
    first on the promise's topic or on none ("" if none is): every promise still open or
    under way is then stalled, named or not."""
    for on, sentence in failed:
        if on is None or topic is None or on in (topic, "relations"):
            return sentence
    return ""


# The pair upholds an earlier agreement it names, as a whole: "demonstrated their commitment
# to the letter and spirit of the Lima Declaration", "reaffirmed their commitment to the
# Quito Accord", both sides ("their"). Boilerplate that names none ("to the agreements
# reached in earlier talks") decides no promise it does not name (the annotators' rule),
# nor does one side's reaffirmation ("its commitment") or a commitment to peace.
_UPHELD = re.compile(
    r"\b(?:reaffirm|reiterat|demonstrat|renew|underlin|stress|confirm)\w*\s+"
    r"(?:both\s+)?their\s+(?:\w+\s+)?commitments?\s+to\s+(?:the\s+)?(?:"
    r"letter\s+and\s+spirit\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:agreements?|declarations?|deals?|accords?|understandings?|consensus)|"
    r"(?-i:(?:[A-Z][\w-]+\s+){1,3}(?:Agreement|Declaration|Deal|Accords?|Understanding|"
    r"Consensus)))\b", re.IGNORECASE)


def agreements_upheld(upheld: Said, topic: str | None) -> str:
    """Of a meeting's sentences that uphold the pair's earlier agreements as a whole
    (`meeting_wide`), the first on the promise's topic or on none ("" if none is): a
    promise still open is then under way (progressing), though not named."""
    for on, sentence in upheld:
        if on is None or topic is None or on == topic:
            return sentence
    return ""


def who_meets(meet: followup.MeetPromise | None, action: list[str]) -> bool:
    """Is the action only to meet again, by whom the promise names ("foreign ministers will
    meet")? Then not any meeting told held keeps it, but one its opening says those met at
    (`followup.kept_by`): a meeting of deputies is not the ministers'."""
    return meet is not None and bool(meet.roles) and not meet.body and meets_again(action)


def held_as_promised(meet: followup.MeetPromise, meeting: Later) -> str:
    """The sentence of a later meeting that shows it is the meeting promised ("" if none)."""
    return followup.kept_by(meet, meeting.location, meeting.opening(), _content_stem)


def is_overdue(state: CommitmentState, due: date | None, today: date) -> bool:
    """Open and past its due date."""
    return state == "open" and due is not None and due < today


def with_tracking(c: StoredCommitment, found: Tracking | None, today: date) -> StoredCommitment:
    """The commitment with its extracted tracking, the state shown (the user's when set)
    and `overdue` filled in."""
    t = found or Tracking(due_date=due_date(c.due, c.meeting_date))
    state = c.manual_state or t.state
    return c.model_copy(update={
        "extracted": t, "state": state, "overdue": is_overdue(state, t.due_date, today),
    })


class Tracker:
    """Walks a pair's meetings oldest first, batch by batch, following every commitment made;
    gives what `track` gives for each, without holding the later meetings.

    Each later sentence's words are computed once and looked up in an index of the
    commitments' action words, so a meeting costs its sentences, not sentences x commitments.
    Commitments with the same topic and action words are decided alike by every meeting
    after both were made, so they are followed as one group (`_Live`): a promise repeated
    at many meetings of a long history costs one, not one per repetition (the cost was
    quadratic). Each member takes the group's last decision if it came after the member
    was made.
    """

    def __init__(self) -> None:
        self._groups: list[_Live] = []
        self._live: dict[tuple[str | None, tuple[str, ...]], int] = {}  # key -> live group
        self._index: dict[str, set[int]] = {}  # action word -> live groups
        # commitment id -> (its group, the group's decisions when it was made)
        self._members: dict[int, tuple[int, int]] = {}
        self._due: dict[int, date | None] = {}
        self._resumed: dict[int, Tracking] = {}  # taken back from a stored walk
        self._meets: set[int] = set()  # live groups kept by a later meeting itself

    def _candidates(self, words: set[str]) -> list[int]:
        hits: dict[int, int] = {}
        # Most of a sentence's words are in no promise: intersect in C first.
        for w in self._index.keys() & words:
            for gid in self._index[w]:
                hits[gid] = hits.get(gid, 0) + 1
        # a promise to meet again is named by its verb alone ("met", "convened")
        # and a thing by its own words, one or more
        return [gid for gid, n in hits.items() if n >= 2 or self._groups[gid].loose
                or self._groups[gid].action[0] == THING]

    def feed(self, meeting: Later, commitments: list[tuple[int, Commitment]]) -> None:
        """One meeting in pair order, with its stored commitments (id, commitment)."""
        decided: dict[int, tuple[CommitmentState, str]] = {}
        if self._live:
            # A sentence is listed once per topic of its paragraph: cut into words once.
            cut: dict[str, set[str]] = {}
            for topic, sentence in meeting.sentences:
                words = cut.get(sentence)
                if words is None:
                    words = cut[sentence] = content_word_set(sentence)
                # read_state(sentence, verb), read once per verb
                said: dict[str, CommitmentState | None] = {}
                for gid in self._candidates(words):
                    g = self._groups[gid]
                    if gid in decided or g.bound:
                        continue
                    if not (on_topic(g.topic, topic) or fully_named(g.action, words)):
                        continue
                    if matches_words(g.action, words) and told_of(g.action, sentence):
                        verb = _told_verb(g.action, words)
                        if verb not in said:
                            said[verb] = read_state(sentence, verb)
                        state = said[verb]
                        if state is None and (goes_on_with(sentence, g.action)
                                              or signed_on(sentence, g.action)):
                            state = "kept"
                        if state is not None:
                            decided[gid] = (state, sentence)
            for other in meeting.commitments:
                words = content_word_set(other.text)
                for gid in self._candidates(words):
                    g = self._groups[gid]
                    if gid in decided or not (on_topic(g.topic, other.topic)
                                              or fully_named(g.action, words)):
                        continue
                    if matches_words(g.action, words):
                        decided[gid] = (renewal_state(other.text, g.action),
                                       other.text)
            for gid in self._meets:
                if gid not in decided:
                    meet = self._groups[gid].meet
                    assert meet is not None
                    told_held = held_as_promised(meet, meeting)
                    if told_held:
                        decided[gid] = ("kept", told_held)
            failed, upheld = meeting_wide(meeting)
            for gid in self._live.values() if failed or upheld else ():
                g = self._groups[gid]
                if gid in decided:
                    continue
                now = g.last[0] if g.last is not None else "open"
                told = talks_failed(failed, g.topic) if now in _UNDONE and not g.refrain \
                    else ""
                if told:
                    decided[gid] = ("stalled", told)
                elif now == "open":
                    told = agreements_upheld(upheld, g.topic)
                    if told:
                        decided[gid] = ("progressing", told)
        for gid, (state, evidence) in decided.items():
            g = self._groups[gid]
            if state == "superseded":
                # A newer promise takes its place (and is followed itself): stop here, so
                # the index holds the live promises, not the whole history.
                for w in _index_words(g.action):
                    self._index[w].discard(gid)
                del self._live[(g.topic, tuple(g.action))]
                self._meets.discard(gid)
            g.last = (state, evidence, meeting.meeting_id, meeting.meeting_date)
            g.decisions += 1
        # This meeting's own commitments are followed from the next meeting on.
        for cid, c in commitments:
            self._join(cid, c)
            self._due[cid] = due_date(c.due, meeting.meeting_date)

    def _join(self, cid: int, c: Commitment) -> None:
        """Follow `c` from here on, in the live group of its topic and action words (a new
        group when none is live): it takes only the group's decisions made after now."""
        action = action_words(c)
        key = (c.topic, tuple(action))
        if key not in self._live:
            self._live[key] = len(self._groups)
            meet = followup.meet_promise(c.text, _content_stem)
            bound = who_meets(meet, action)
            self._groups.append(_Live(follow_topic(c.topic, action), action,
                                      loose=meets_again_in(action) and not bound,
                                      refrain=_REFRAIN.search(c.text) is not None,
                                      meet=meet, bound=bound))
            if meet is not None:
                self._meets.add(self._live[key])
            for w in _index_words(action):
                self._index.setdefault(w, set()).add(self._live[key])
        gid = self._live[key]
        self._members[cid] = (gid, self._groups[gid].decisions)

    def result(self, cid: int) -> Tracking | None:
        """One commitment's tracking (None: not fed), built when asked: an export asks
        batch by batch, so it never holds a model per commitment of the pair."""
        if cid not in self._members:
            return None
        gid, made_at = self._members[cid]
        g = self._groups[gid]
        last = g.last if g.last is not None and g.decisions > made_at else None
        if last is None and cid in self._resumed:
            return self._resumed[cid]  # nothing new since the stored walk
        state, evidence, mid, day = last or ("open", "", None, None)
        return Tracking(state=state, evidence=evidence, evidence_meeting_id=mid,
                        evidence_date=day, due_date=self._due[cid])

    def resume(self, cid: int, c: Commitment, found: Tracking) -> None:
        """Take back a live commitment (not superseded) as a stored walk left it, so that the
        walk goes on from the pair's next meeting without the meetings before: it keeps
        its stored state until a later meeting decides its group anew."""
        self._join(cid, c)
        self._due[cid] = found.due_date
        self._resumed[cid] = found
        g = self._groups[self._members[cid][0]]
        if g.last is None and found.state != "open":
            # what the meetings that speak as a whole ask of it (is it still open or under
            # way?); not a decision made in this walk, so `result` still gives `found`
            g.last = (found.state, found.evidence, found.evidence_meeting_id,
                      found.evidence_date)

    def results(self) -> dict[int, Tracking]:
        out: dict[int, Tracking] = {}
        for cid in self._members:
            found = self.result(cid)
            assert found is not None
            out[cid] = found
        return out


def _index_words(action: list[str]) -> set[str]:
    """The words a sentence may name the action by: its own, the parts of its hyphenated
    ones, and for a promise to meet again "hold" (met, convened) whatever its own verb."""
    words = set(action)
    for w in action:
        if "-" in w:
            words.update(p for p in map(_content_stem, w.split("-")) if p)
    return words | set(_LOOSE_NAMES) if meets_again_in(action) else words


@dataclass
class _Live:
    """Commitments followed as one: their topic and action words, and the last decision."""

    topic: str | None
    action: list[str]
    last: tuple[CommitmentState, str, int | None, date | None] | None = None
    decisions: int = 0
    loose: bool = False  # a promise to meet again: one word ("held") may name it
    refrain: bool = False  # a promise not to do something: failed talks do not stall it
    meet: followup.MeetPromise | None = None  # kept by a later meeting itself
    bound: bool = False  # `who_meets`: only `meet` decides it from sentences
