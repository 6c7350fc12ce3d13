"""What was agreed or promised at the meeting: "agreed to hold their first talks on AI in
coming weeks", "pledged to resume military communication", "signed three agreements".

A commitment is made at this meeting: "had agreed", "agreed last year" and "did not agree"
are not commitments (the last may be a position). Its parties are both sides unless one side
is the subject of the promise.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date

from store.ingest.clause_subject import (
    JOINT_SUBJECT,
    Subject,
    SubjectFinder,
    clause_start,
    countries_before,
    hung_participle,
    inside_quotes,
    sentences_of,
)
from store.ingest.countries import country_of, country_of_capital
from store.ingest.cueprefix import lead_guarded, pattern_prefixes
from store.ingest.keywords import NORMAL, Hit, KeywordIndex
from store.ingest.types import ActorTable, Para
from store.ingest.wordtrie import trie_pattern
from store.models import Commitment

# What is signed: "three agreements", "a memorandum", "more than 20 documents".
_DOCUMENTS = (r"(?:agreements?|memorand\w+|deals?|accords?|documents?|declarations?|pacts?|"
              r"treat(?:y|ies)|contracts?|protocols?|MoUs?|(?<=joint )statements?|road\s?maps?|"
              r"frameworks?|letters?\s+of\s+intent|action\s+plans?|programmes?|communiqu[eé]s?)\b")
_WEEKDAY = r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today)"
# "was reached", "has been struck": a promise told in the passive
_REACHED = (r"(?:was|were|has\s+been|have\s+been)\s+(?:\w+ly\s+|also\s+)?(?:reached|struck|"
            r"achieved|clinched)")
_CUE = re.compile(
    # "the pledge to", "a commitment to": a noun, not a promise made
    # (the word boundary and the first letters of the alternatives first: the rest is
    # tried only where such a word starts)
    r"\b(?=[abcdefgiklmnoprstuvwABCDEFGIKLMNOPRSTUVW])"
    r"(?<!\ba )(?<!\bthe )(?<!\bhis )(?<!\bher )(?<!\bits )(?<!\btheir )"
    r"(?<!\bour )(?<!\bstrong )(?<!\bfirm )"
    r"(?:(?:agreed|agree|agrees|agreeing|pledged|pledge|pledges|pledging|committed|commit|"
    r"commits|committing|vowed|vow|vows|vowing|promised|promise|promises|promising|decided|"
    r"decide|decides|deciding|resolved|resolve|resolves|undertook|undertake|undertakes|"
    r"consented|consent|consents|consenting|"
    r"concurred|(?:reaffirmed|reiterated|re-?emphasi[sz]ed|restated|renewed|confirmed|"
    r"expressed|declared)\s+"
    r"(?:their|its|his|her)\s+(?:commitment|agreement|dedication|pledge|resolve))"
    # "agreed Tuesday to", "agreed on Monday to", "firmly agreed to", "agreed in principle
    # to", "agreed early on Friday morning to"
    # ('agreed "to refrain from ...": the words of a statement quoted from their infinitive)
    rf"(?:\s+\w+ly|\s+{_WEEKDAY}|\s+in\s+principle|\s+early|\s+late|\s+on\s+\w+day"
    # "committed themselves to"; "pledged not to deploy": a promise not to act is one
    r"(?:\s+(?:morning|afternoon|evening|night))?|\s+(?:themselves|itself|ourselves))"
    r"{0,3}\s+(?:not\s+)?[\"']?(?:to|upon)\b"
    r"|concurred\s+on\b"
    # "promised greater co-operation", "pledged $2 billion": the promise is the object
    # A promise whose object is a noun phrase: any word that is not a preposition, a
    # pronoun or "the two" (the verb then has a person as its object: "promised Kim that").
    r"|(?:pledged|promised|pledging|promising|vowed|vowing)\s+(?=[\"']?[a-z$€£\d])"
    r"(?!(?:to|that|the\s+(?:two|other)|as|in|on|at|by|with|during|after|before|for|"
    r"him|her|them|it|me|us|you|and|but|or|not|never|earlier|previously|last|"
    r"this|these|those|then|also)\b)"
    # "assured that", "assured his counterpart that": a promise in a that-clause
    # ("will always defend": the habitual, a standing stance, not a promise of this meeting)
    r"|(?:assured|promised|pledged|vowed|guaranteed|undertook|promises|pledges|vows|assures|"
    r"guarantees)\s+(?:[\w'’-]+\s+){0,3}?that\b(?=[^.;]{0,80}?\b(?:will|would|shall)\b"
    r"(?!\s+always\b))"
    # "agreed that the two governments will communicate": a promise in a that-clause
    r"|(?:agreed|decided)\s+that\s+(?=[^.;]{0,120}?\b(?:will|would|shall|should|must)\b(?!\s+always\b))"
    # "agreed on a ceasefire", not "agreed on the need for" or "the importance of" (a view)
    # ("decided on the basis of": how, not what)
    # the that-clause without its "that": "agree humans, not machines, should decide"
    r"|agree[sd]?\s+(?!(?:to|on|upon|with|that|in|at|during|for|by|after|before|this|last|"
    r"earlier|also|not|and|or|but|as|when|if)\b)(?=[^.;,]{0,40}(?:,[^.;,]{0,30},)?[^.;,]{0,40}?"
    r"\b(?:should|must|shall)\b)"
    # "agreed a roadmap", "agree deal": what was agreed as the verb's object
    r"|(?:agreed|agree|agrees)\s+(?:an?\s+|the\s+|\w+-point\s+)?(?:new\s+|joint\s+|"
    r"[\w-]+\s+){0,2}?(?:road\s?map|plan|timetable|deal|package|framework|statement|"
    r"declaration|programme|program|steps|measures|mechanism|ceasefire|truce|terms|"
    r"schedule|action\s+plan)s?\b"
    # the steps listed as agreed: "the agreed steps include a hotline", "among the measures
    # agreed were ..."
    r"|(?P<agreed>(?:among\s+)?the\s+(?:agreed|announced)\s+(?:steps|measures|"
    r"points|outcomes|deliverables|actions|projects)\s+(?:include[sd]?|are|were)\b)"
    r"|(?:agreed|decided|agree|decide|agrees|decides)\s+(?:up)?on\s+(?!(?:the\s+)?(?:\w+\s+)?"
    r"(?:need|importance|necessity|significance|value|urgency|basis|grounds)\b)"
    # "signed three agreements", not "signed a bill" (a law at home, not a promise here)
    # (a headline's present tense: "Varga, Huber sign river treaty"; not "to sign", "will
    # sign", "could sign": a purpose, a plan or a hope)
    r"|(?P<signs>(?:signed|sealed|inked|concluded|approved|adopted|exchanged|"
    r"(?=s[ei]|i)(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bcould )(?<!\bcan )(?<!\bmay )"
    r"(?<!\bmight )"
    r"(?<!\bshall )(?<!\bnot )(?<!\bshould )(?<!\bmust )(?:signs?|seals?|inks?))"
    # ("a $2 billion deal": an amount among the words before the document)
    r"\s+(?:[\w$€£.-]+\s+){0,6}?"
    rf"{_DOCUMENTS})"
    # the passive: "three memoranda were signed", "documents on X were signed"
    # (its determiner in the cue: the look-behinds above hide "a memorandum")
    rf"|(?P<signed>(?:(?:an?|the)\s+)?{_DOCUMENTS}(?:[\"']?\s+[\w-]+){{0,12}}?[\"']?\s+(?:were|was|have\s+been|"
    r"has\s+been|had\s+been)"
    r"\s+(?:\w+ly\s+|also\s+)?(?:signed|sealed|inked|concluded|approved|adopted|exchanged)\b)"
    # a visit's purpose: "visited Lima this week to sign cooperation agreements"
    rf"|(?P<purpose>to\s+(?:sign|seal|ink|conclude)\s+(?:[\w-]+\s+){{0,4}}?{_DOCUMENTS})"
    # a promise in a noun: "gave their commitment to", "reached a consensus to"
    r"|(?:gave|given|give|made|reached|reach|resulted\s+in|struck|offered|provided|produced|"
    r"yielded|ended\s+with)\s+"
    r"(?:(?!no\b|any\b|little\b|few\b)[\w-]+\s+){0,2}?"
    r"(?:commitments?|consensus|pledges?|promises?|understanding|assurances?|agreements)\s+"
    r"(?:to|that|on\s+\w+ing)\b"
    # "agrees with Huber on resuming", "agreed with Vienna to"
    r"|(?:agree(?:d|s)?|decided|decides)\s+with\s+(?:[\w'’.-]+\s+){1,3}?(?:to|on\s+\w+ing)\b"
    # "the declaration commits both countries to refrain"
    r"|commits?\s+(?:both|the\s+two|each)\s+(?:[\w-]+\s+)?[\"']?to\b"
    # a meeting fixed: "the next round will be held in May", "talks are scheduled for"
    # (not "the summit that will take place in Kazan": a relative clause describes an event,
    # it does not fix one)
    r"|(?P<event>(?:meeting|talks|round|summit|session|consultations?|visit|exchange|swap)"
    r"(?:\s+(?!(?:that|which)\b)[\w-]+){0,8}?\s+(?:(?:will|shall)\s+be\s+held|(?:will|shall|would)\s+take\s+place|"
    r"(?:is|are)\s+(?:scheduled|"
    r"slated|planned|set\s+to|due\s+to|expected\s+to\s+(?:be\s+held|take\s+place))))\b"
    # "a new mechanism will be set up": something made by the meeting, in the passive
    r"|(?P<passive>(?:will|shall)\s+be\s+(?:set\s+up|established|launched|created|opened|"
    r"reopened|resumed|restored|signed|formed|convened|increased|expanded|extended|lifted|"
    r"eased|simplified|doubled|implemented|built|returned|introduced|upgraded)\b)"
    # a step fixed for a day: "the working group is set to hold its first meeting", "the
    # ministers are to meet again in May" (the journalist's future of an arrangement)
    r"|(?P<sched>(?:is|are)\s+(?:(?:set|scheduled|slated|due)\s+)?to\s+(?:hold|meet|convene|"
    r"visit|travel|resume|begin|start|open|reopen|sign|launch|host)\b)"
    r"|witnessed\s+the\s+(?:signing|exchange)\b"
    # what a document signed holds: "the agreements signed by the two were also to fund
    # research" (the determiner opens the cue: the look-behinds above hide "the agreement")
    # (the determiner right before the document: a cue that could open at any "the" would be
    # tried at every one)
    rf"|(?P<content>(?:the|an?|these|both)\s+{_DOCUMENTS}\s+(?:signed|reached|"
    r"concluded|inked)\s+(?:[\w'’-]+\s+){0,5}?(?:is|are|was|were)\s+(?:also\s+)?"
    r"(?:to|aimed\s+at)\b"
    # "the agreements cover energy and schools": what was just signed, by field
    rf"|(?:the|these|both)\s+{_DOCUMENTS}\s+(?:cover|covered|include|"
    r"included|concern|concerned|provide\s+for|envisage|envisaged)\b)"
    # a visit promised as a noun: "his first trip abroad will be to Lisbon" (where it goes is
    # checked as for "will travel")
    r"|(?P<voyage>(?:first|next)\s+(?:[\w-]+\s+){0,2}?(?:trip|visit|journey|tour)s?"
    r"(?:\s+(?!will\b)[\w'’,-]+){0,8}?\s+(?:will|would)\s+be\s+to)\b"
    # a body made at the meeting: "the presidents established a council of ministers"
    r"|(?P<body>(?:established|set\s+up|created|launched|founded|formed|inaugurated)\s+"
    r"(?:an?|the)\s+(?:new\s+|joint\s+)?(?:[\w-]+\s+){0,3}?(?:council|commission|committee|"
    r"working\s+group|mechanism|forum|hotline|task\s+force|fund|platform|dialogue))\b"
    # a request or an invitation accepted is a promise to do it: "accepted an invitation to
    # visit Budapest", "accepted Varga's proposal to hold talks"
    r"|accept(?:ed|s)?\s+(?:[\w'’-]+\s+){0,3}?(?:invitation|proposal|offer|request)s?\s+"
    r"(?:to|for)\b"
    # a decision made known is made: "announced Hungary's decision to join the pact"
    r"|(?:announced|announces|announcing|confirmed|confirms)\s+(?:[\w'’.-]+\s+){0,3}?"
    r"(?:decision|plans?|intention|readiness)\s+to\b"
    # "instructed their delegations to continue": the leaders set their officials a task
    r"|(?:instructed|tasked|directed|mandated)\s+(?:their|the|his|her|its|both)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:delegations?|ministers?|officials|teams?|negotiators|ministries|"
    r"agencies|envoys?)\s+to\b"
    r"|(?:reached|struck|clinched|secured|hammered\s+out)\s+(?:an?\s+)?(?:[\w$€£.-]+\s+){0,2}?"
    r"(?:agreement|deal|understanding|accord|compromise)\b"
    # "made a decision to", "took the decision to open": a decision of the meeting
    r"|(?:made|took|reached)\s+(?:an?|the)\s+(?:joint\s+)?decision\s+to\b"
    r"|decisions?\s+(?:was|were|have\s+been|has\s+been)\s+(?:also\s+)?(?:taken|made)\s+(?:to|on)\b"
    # what the meeting brought: "the talks yielded a deal to", "produced a roadmap for"
    r"|(?:produced|yielded|ended\s+with|resulted\s+in|endorsed|approved|adopted)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:deal|road\s?map|plan|package|framework|"
    r"agreement)s?\s+(?:to|for|on)\b"
    # the meeting's outcomes listed: "the results of the talks include a hotline"
    r"|(?:the\s+)?(?:key\s+|main\s+)?(?:outcomes?|results?|deliverables)(?:\s+of\s+(?:the|their|"
    r"this)\s+(?:meeting|talks|summit|visit)\s*)?\s+(?:include[sd]?|included)\b"
    # the same promise told in the passive: "an agreement was reached to resume flights",
    # "a deal on fishing quotas has been reached" ("no agreement was reached": negated
    # before the noun; "was not reached" does not match)
    # the same promise told in the passive, with what was agreed named before or after
    # "reached": "an agreement was reached to resume flights", "a deal on fishing quotas
    # has been reached" (not "the agreement was reached during the meeting": it names
    # nothing new; "no agreement was reached" is negated before the noun)
    # (a determiner only right before the noun: the cue's look-behinds hide "a deal" at
    # "deal"; "a new deal" is read at "deal". Any word between would make every "a" a start.)
    rf"|(?P<reached>(?:(?:an?|the)\s+)?(?:agreement|deal|understanding|consensus|"
    r"accord|compromise)(?:\s+(?:on|over|to|for|about)\s+[^.;,\"]{1,80}?\s+"
    rf"|\s+(?={_REACHED}\s+(?:on|over|to|for)\b)){_REACHED}\b)"
    # "a new agreement to", not "complies with the agreement to" or "the ratification of
    # the agreement on": after a preposition the noun names a document that already stands
    # ("ended with an agreement to": a new one; "complies with the agreement": a standing one)
    r"|(?<!\bof )(?<!\bunder )(?<!\bfrom )(?<!\bby )(?<!\binto )"
    r"(?P<noun>(?:an?|(?<!\bwith )(?:the|today's|this)|new)\s+(?:agreements?|deals?)\s+"
    r"(?:to|for|on)\b)"
    # "will resume", "will join": an action promised, not "will discuss" (an agenda) or
    # "will be" (a forecast)
    r"|(?P<will>(?:will|would|shall)\s+(?:also\s+|jointly\s+|further\s+|soon\s+|\w+ly\s+)?[\"']?"
    r"(?:resume|establish|hold|set\s+up|launch|reopen|restore|expand|increase|send|build|"
    r"host|create|form|sign|implement|join|travel|visit|issue|deepen|strengthen|continue|"
    r"cooperate|start|begin|finali[sz]e|provide|supply|open|return|boost|double|release|"
    r"allow|lift|cut|reduce|buy|purchase|invest|deliver|extend|upgrade|set|draw\s+up|"
    r"communicate|coordinate|work|come|be\s+(?:increasing|buying|sending)|modify|suspend|"
    r"remove|reciprocate|consider|hand\s+over|facilitate|present|share|meet|convene|"
    r"explore|ensure|maintain|refrain|comply|support|promote|accelerate|advance|pursue|"
    r"resolve|settle|step\s+up|designate|appoint|accredit|exchange(?!\s+(?:views|opinions))|"
    # ("will keep up cooperation"; not "will keep standing up for": a stance)
    r"get\s+together|keep\s+up|give|grant|"
    # "will take steps to", "will take measures" (not "will take place", "will take time";
    # nor "will take resolute measures", "all necessary measures": a warning)
    r"take\s+(?!(?:resolute|necessary|firm|strong|decisive|forceful|all|tough|counter)\w*\s)"
    r"(?:\w+\s+)?(?:steps|measures|action)|"
    # the next step of what was agreed: "teams will now discuss the details" ("will discuss"
    # alone is an agenda)
    r"now\s+(?:discuss|negotiate|work\s+out|prepare|draft)|"
    r"pay|fund|finance|train|donate|assist|back|"
    # a meeting fixed: "will have a new interaction in the near future"
    r"have\s+(?:an?\s+|another\s+)?(?:new\s+|further\s+|second\s+|first\s+)?(?:meeting|"
    r"interaction|call|talks|conversation|round|summit|dialogue))\b))",
    re.I,
)
# The word starts where a cue can begin: its first six characters across spaces ("the agr",
# "to sign", not "the" or "to"), read from `_CUE` itself, so no cue can be skipped.
# `_next_cue` tries the big alternation only there (searching it sentence by sentence tried
# it at every word and was the stage's main cost). Zero-width, so that a start spanning a
# space hides no word start after it.
_CUE_START = re.compile(
    r"\b(?=" + trie_pattern(sorted(pattern_prefixes([_CUE.pattern], depth=6, spaces=True)))
    + ")", re.I)


def _next_cue(text: str, pos: int, end: int) -> re.Match[str] | None:
    """The same match as `_CUE.search(text, pos, end)`: every match of `_CUE` starts at a
    word start that `_CUE_START` finds, and `match` there sees the same text around it."""
    for start in _CUE_START.finditer(text, pos, end):
        m = _CUE.match(text, start.start(), end)
        if m is not None:
            return m
    return None


# Negated or in the past: not a commitment of this meeting.
_NOT_MADE_HERE = re.compile(
    lead_guarded(
    r"\b(?:not|n't|no|never|neither|nor|failed to|refused to|declined to|without|unable to|"
    r"had|previously|earlier|already|once|if|whether|would|could|might|may(?!\s+\d)|for|since)\s+"
    r"(?:\w+\s+)?$"
    # "three years after promising to": a promise told as the past
    r"|\b(?:years?|months?|weeks?|decades?)\s+after\s+$"
    # "called on Kim to agree to a ceasefire": the bare infinitive, a demand, no promise
    r"|\bto\s+[\"']?$"),
    re.I,
)
# (within the promise's own clause: ", which had stopped in 2020" tells of the thing
# promised, not when it was)
_PAST_AFTER = re.compile(
    r"[^.;,]{0,60}?\b(?:last (?:year|month|week|november|december|spring|summer)|"
    r"in (?:19|20)\d\d|at their (?:last|previous|earlier) meeting)\b", re.I
)
_PAST_BEFORE = re.compile(
    r"\b(?:last (?:week|month|year)|earlier this (?:week|month|year)|previously|ago|"
    # "came a day after a trilateral summit, during which the leaders reiterated": the
    # promise of another event
    # ("since 2023 the two have signed a dozen agreements": a tally of years, not this day)
    r"(?:in|since) (?:19|20)\d\d|(?:a|one|two|three|\d+) (?:days?|weeks?) (?:after|before))\b",
    re.I
)
# A speaker's own promise in a quote: "we will continue", "I will visit".
# ("My government, the new cabinet, will join": the subject in apposition; "he told me that
# he will visit us": the other side's promise, reported by the one quoted)
_FIRST_PERSON = re.compile(lead_guarded(
    r"\b(?:we|I|(?P<state>my government|our government|our country|our side)"
    r"(?:,\s+[^,.;:!?\"“”]{1,40},?)?"
    r"|(?P<told>(?:told|assured|promised)\s+(?:me|us)\s+(?:that\s+)?(?:he|she|they)))"
    r"\s+(?:\w+\s+)?$"), re.I)
# A deal or an agreement talked of, not made: "discussed a deal to", "work towards an
# agreement on", "pushed for a deal on".
_SOUGHT = re.compile(lead_guarded(
    r"\b(?:discuss\w*|negotiat\w*|towards?|about|on|seek\w*|sought|push\w*\s+for|call\w*\s+for|"
    r"work\w*\s+(?:on|towards?)|explor\w*|consider\w*|propos\w*|offer\w*|possible|potential|"
    r"planned|proposed|future|eventual)\s+$"), re.I)
# ... or denied after it: "a deal on the river has not been reached".
_NOT_REACHED = re.compile(r"\b(?:not|never|yet\s+to)\s+(?:been\s+|be\s+)?(?:reached|agreed|"
                          r"signed|struck|finali[sz]ed|concluded)\b|n't\s+been\b", re.I)
# Reported speech shifts tense back: "Wu said both sides had agreed to ..." is this meeting.
_REPORTED_HAD = re.compile(lead_guarded(
    r"\b(?:said|says|told \w+|adding|added|noted|stated|confirmed|"
    r"announced|explained|revealed|reported)\s+(?:that\s+)?"
    r"[^.;\"]{0,60}\bhad\s+(?:\w+ly\s+)?$"), re.I)
# ... but not "told Kim that he hoped they would": the hope is what is reported
_REPORTED_WOULD = re.compile(lead_guarded(
    r"\b(?:said|says|told\s+\w+|confirmed|announced|stated|added|"
    r"noted)\s+(?:that\s+)?"
    r"(?:(?!(?:hop\w*|expect\w*|wish\w*|believ\w*)\b)[\w'’-]+\s+){1,3}$"),
                             re.I)
# "pushing for a strategy that would allow": "would" in a relative clause of what one side
# wants is a hypothetical, not a promise ("revealed a scheme that would allow" is one)
_RELATIVE_WOULD = re.compile(lead_guarded(r"\b(?:that|which|who)\s+$"), re.I)
_WANTED = re.compile(lead_guarded(
    r"\b(?:push\w*\s+for|call\w*\s+for|wants?|wanted|seeks?|sought|urg\w+|"
    r"advocat\w+|propos\w+|suggest\w*)\b"), re.I)
# What is promised is only the relations in general: "agreed to further enhance bilateral
# cooperation between the two nations", "vow to deepen ties". ANNOTATION.md counts no vague
# intention; a named field ("maritime cooperation", "cooperation in energy") is kept.
# "promised a new golden age for ties": a new era of the relations is the whole promise,
# nothing named to do (not "signed an agreement for a golden age of the alliance": a
# document signed)
_VAGUE_ERA = re.compile(
    r"(?:promised|pledged|vowed|promising|pledging|vowing)\s+(?:an?\s+)?[\"'‘]?(?:new\s+)?"
    r"(?:golden\s+age|era|chapter|page|level|height|impetus)[\"'’]?\s+(?:for|in|of)\s+"
    r"(?:(?:the|their|our|bilateral|close)\s+)*(?:ties|relations|relationship|cooperation|"
    r"friendship|partnership|alliance)\b.*", re.I | re.S)
_VAGUE_CORE = (
    r"[\"']?(?:further\s+|continue\s+to\s+|try\s+to\s+)?(?:enhance|deepen|"
    r"strengthen|boost|develop|improve|promote|advance|upgrade|elevate|expand|enrich|"
    r"consolidate|cement|stabili[sz]e|steady|mend|repair|reset|grow|broaden|widen|intensify)\s+"
    r"(?:(?:the|their|its|our|bilateral|overall|friendly|mutual|close|closer|good|existing|"
    r"strained|troubled|tense|[\w.-]+-[\w.-]+)\s+)*(?:ties|relations|relationship|cooperation|"
    r"friendship|partnership|exchanges|engagement|alliance)"
    # ("its relationship with Somalia": the other side, named)
    r"(?:\s+with\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s*){1,3})?"
    r"(?:\s+between\s+(?:the\s+two|both|their)(?:\s+(?:countries|nations|sides|states|"
    r"peoples|powers|governments|neighbou?rs))?)?"
    # ("at the meeting", "at all levels"; not "at multilateral fora": a field named)
    r"[\"']?(?:\s+(?:as|amid|while|ahead\s+of|during|at\s+(?:(?:the|their|this|a|an|"
    r"today's)\s+)?(?:[\w-]+\s+)?(?:meeting|talks|summit|time|moment|press|news|joint|start|"
    r"end|opening)|at\s+(?:[\w,-]+\s+){0,6}?levels?|in\s+(?:an?\s+)?"
    r"(?:phone\s+)?(?:call|talks|meeting|summit))\b.*)?")
# (the cue's words before the verb: "agreed on Monday to", "vow to", "will further")
_VAGUE_OBJECT = re.compile(r"(?:[\w\"'’]+\s+){1,4}?" + _VAGUE_CORE, re.I | re.S)
# an action of a list starts at its verb: "..., and deepen ties"
_VAGUE_ACTION = re.compile(r"(?:to\s+|will\s+)?" + _VAGUE_CORE, re.I | re.S)
# "pledge to work together for world peace", "will work for the common prosperity of the
# two countries": a general good as the whole goal, nothing named to do
_GOODS = (r"(?:(?:the|a|common|world|global|regional|lasting|shared|mutual|better|bright|"
          r"brighter|sustainable)\s+)*(?:peace|prosperity|development|stability|benefit|"
          r"friendship|future|well-being|wellbeing|progress)")
_VAGUE_GOAL = re.compile(
    rf"(?:[\w\"'’]+\s+){{1,3}}?[\"']?(?:work|strive|contribute|cooperate)\s+"
    rf"(?:together\s+|jointly\s+|closely\s+)?(?:for|towards?)\s+{_GOODS}"
    rf"(?:,?\s+(?:and\s+)?{_GOODS})*"
    r"(?:\s+(?:of|for|in)\s+(?:the\s+|both\s+|our\s+|their\s+)?(?:two\s+)?(?:countries|"
    r"nations|peoples|world|region|sides))?[\"'’]?",
    re.I)
# "reached agreement on some specific issues": nothing named that was agreed
_VAGUE_ISSUES = re.compile(r"\s*(?:on\s+)?(?:some|certain|several|a\s+number\s+of|many)\s+"
                           r"(?:\w+\s+)?(?:issues|matters|points|questions)", re.I)
_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A day of the year named in the clause: "on July 28", "on 10 March", "(May 10)".
# (its year, when written: "before his Jan 1, 2023, inauguration" is ahead of an October
# 2022 meeting, not ten months behind it)
_DAY = re.compile(rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})"
                  rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}))\b"
                  r"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")
_DUE = re.compile(lead_guarded(
    r"\b(?:in (?:the )?(?:coming|next few|next) (?:days|weeks|months|years)|"
    r"by the end of (?:the|this|next) (?:year|month|week|decade)|"
    r"(?:early|later|late) (?:this|next) (?:year|month)|"
    r"next (?:week|month|year|spring|summer|autumn|fall|winter)|"
    r"(?:later|early) this (?:year|month|week)|"
    r"within (?:\w+ ){1,2}(?:days|weeks|months|years)|"
    r"before the end of (?:the|this|next) (?:year|month)|"
    r"by (?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(?: \d{1,2})?,? )?(?:19|20)\d\d|"
    r"in the near future|as soon as possible|at an early date|"
    r"at the earliest(?: possible)? (?:date|opportunity)|"
    r"soon)\b"),
    re.I,
)
# "hopes the two sides will ...", "expected to", "whether": not a promise made.
_HOPED = re.compile(lead_guarded(
    r"\b(?:hopes?|hoped|hoping|expects?|expected|wish|wishes|believes?|if|whether|"
    # (the modal "may", not the month: "by May 14")
    # (nor the month after a preposition or before a comma: "since May, and will")
    r"(?<!\bsince )(?<!\bin )(?<!\bby )(?<!\bof )(?<!\buntil )(?<!\bfrom )may(?!\s+\d|\s*,)|"
    r"might|could|predicted|"
    # an onlooker's forecast: "analysts said Austria will lift the ban"
    r"(?:analysts|observers|commentators|economists|experts|pundits)\s+(?:\w+\s+)?(?:say|said|"
    r"believe|believed|think|thought|predict|predicted|expect|expected|reckon))\b"), re.I)
# "will probably lift", "would likely join": a forecast, not a promise
_LIKELY = re.compile(r"\b(?:probably|likely|possibly|perhaps|unlikely|eventually)\b", re.I)
# (a sentence inside a quote ends the clause too: '"... on some issues. This is good," Xi
# said' is read as one sentence; "U.S. officials" is not an end)
# ("... would resume and that talks had restarted": a second that-clause, a statement of
# its own)
_CLAUSE_END = re.compile(r";|\s+but\s+|\s+while\s+|\s+whereas\s+|(?<=[a-z]{3})[.!?]\s+(?=[A-Z])"
                         r"|,?\s+and\s+that\s+")
# Where a promise's clause opens: those, or a new subject after a coordinator ("They met
# in May, and Huber said the two sides would ...": what came before is another clause).
_NEW_SUBJECT = (r",[\"']?\s+(?:and|but|so)\s+(?=(?:the|both|they|he|she|we|a|an|its|their|his|"
                r"her)\b|[A-Z])")
# (", adding that the ministers will meet": a promise told in a participle of saying opens
# after it)
_CLAUSE_OPENS = re.compile(_CLAUSE_END.pattern + "|" + _NEW_SUBJECT
                           + r"|,\s+(?:adding|saying|noting|stressing)(?:\s+that)?\s+")
_NEXT_CLAUSE = re.compile(_NEW_SUBJECT)
# The new clause's subject and its own verb of agreeing: "..., and the two sides agreed to".
_NEXT_PROMISE = re.compile(r"(?:the\s+two\s+\w+|both\s+\w+|they|the\s+\w+)\s+(?:also\s+)?"
                           r"(?:agreed|decided|pledged|vowed|promised|committed|signed)\b", re.I)
# A verb of saying or expecting: a new clause that tells something else ("..., and officials
# said they expected a call in the coming months")
_SAYS = re.compile(r"\b(?:said|says|told|added|noted|stated|announced|expected|expects|hoped|"
                   r"hopes|believed|believes)\b", re.I)
# What ends a promise after its verb without being promised: a relative clause on what was
# agreed (", which had stopped in 2020"), the source (", according to the statement") or
# a participle of saying hung on the sentence (", adding that ...").
# (and the attribution after it: '..., Huber said after the meeting')
_TAIL = re.compile(r",[\"']?\s+(?:which|who|whose|according\s+to|adding|saying|noting|stressing|"
                   r"citing|calling|describing|as\s+(?:reported|announced|stated)\s+by|"
                   r"(?:[A-Z][\w.'’-]*\s+|the\s+|a\s+|an\s+|[a-z]+\s+){1,4}?(?:said|says|told|"
                   r"added|stated|noted|announced|confirmed)\b)")
# "is committed", "is fully, firmly and completely committed": any run of adverbs
_STANDING = re.compile(lead_guarded(r"\b(?:is|are|was|were|remains?|remained|stays?|stayed)\s+"
                       r"(?:\w+ly,?\s+(?:and\s+)?)*$"), re.I)
# The present perfect of a promise reports one already standing ("has vowed", "have
# decided"); "have agreed" is how readouts tell what was agreed at the meeting itself.
_PERFECT = re.compile(r"\b(?:has|have|'ve)\s+(?:\w+ly\s+)?$", re.I)
# A visit made (the purpose of which can be a signing).
_TRAVELLED = re.compile(lead_guarded(
    r"\b(?:visited|visits|travell?ed|travels|arrived|flew|came|met|meets)\b"),
                        re.I)
# "agreed on the following points:", "agreed as follows:": the promises are a list.
# ("agreed to:", "the agreed steps are:": the cue itself before the colon)
_LIST_OPENS = re.compile(r"\s*(?:the\s+following(?:\s+[\w-]+){0,3}|as\s+follows|)\s*:\s*$",
                         re.I)
# A point of a list: "1.", "2)", "-", a bullet; then its first word.
_ITEM = re.compile(r"\s*(?:\(?\d{1,2}[.):]|\(?[a-h]\)|[-*•·–])\s+(?=\S)")
# A verb coordinated with the one before it: "..., and will remove", "and also will".
_COORDINATED = re.compile(lead_guarded(r"\band\s+(?:also\s+)?$"), re.I)
# What follows the cue starts a word, a figure or an amount: not punctuation.
_OBJECT = re.compile(r"\s*[\"']?[\w$€£]")


# The topic of the ties as a whole.
_RELATIONS = "relations"


class _TopicReader:
    """The topic a promise is about: the paragraph's topics its clause names first, then
    any topic it names ("agree to resume military talks" in a headline, or in a paragraph
    scored for trade), else the paragraph's main topic. The body's keyword hits are the
    scan the topic stage made (the index remembers it); a headline is scanned alone."""

    def __init__(self, text: str, paras: list[Para], index: KeywordIndex | None) -> None:
        self.text, self.index = text, index
        self.body = (paras[0].start, max(p.end for p in paras)) if paras else (0, 0)
        self.hits = index.scan(text, *self.body) if index is not None and paras else ()
        self.starts = [h.start for h in self.hits]

    def _hits(self, start: int, end: int) -> Sequence[Hit]:
        """The keyword hits in text[start:end] (the body's from the topic stage's scan)."""
        assert self.index is not None
        if self.body[0] <= start < self.body[1]:
            return self.hits[bisect_left(self.starts, start):bisect_left(self.starts, end)]
        return self.index.scan(self.text, start, end, remember=False)

    def __call__(self, start: int, end: int, para_topics: list[str], para: Para
                 ) -> str | None:
        if self.index is not None:
            hits = self._hits(start, end)
            named = [self.index.topic_ids[h.topic] for h in hits]
            own = [t for t in para_topics if t in named]
            if own:
                return own[0]
            # a topic of no paragraph named by supporting words alone is no topic: "hold
            # intensive exchanges on growth" is not about people-to-people ("~exchanges"
            # needs a second hit to count, as in the topic stage)
            weight: dict[str, float] = {}
            for h, t in zip(hits, named, strict=True):
                weight[t] = weight.get(t, 0.0) + self.index.weight(h)
            strong = [t for t in named if weight[t] >= NORMAL]
            if strong or (named and not para_topics):
                return (strong or named)[0]
            if para_topics:
                # a paragraph that names none of its topics took them from the one before
                # (a statement's last line under the trade line before it): a promise that
                # names no topic there ("continue the normalisation process") is on the ties
                # as a whole
                in_para = {self.index.topic_ids[h.topic]
                           for h in self._hits(para.start, para.end)}
                if not any(t in in_para for t in para_topics) and (
                        _RELATIONS in self.index.topic_ids):
                    return _RELATIONS
        return para_topics[0] if para_topics else None


# A trip or a meeting promised: where it goes, and whether it is more than the visit's own
# schedule ("will meet Li Qiang after lunch, followed by a dinner").
_TRIP = re.compile(lead_guarded(
    r"(?:will|would|shall)\s+(?:also\s+)?(?:travel|visit|come)\b"), re.I)
# A stance told in the future: "will continue to oppose", "will keep defending" (a
# position, not a promise to the other side).
_STANCE_AFTER = re.compile(
    r"\s+(?:to\s+)?(?:oppos|defend|resist|reject|stand|fight|object|condemn|critici[sz]|insist|"
    r"uphold|safeguard|protect)\w*\b", re.I)
# One side's "will" under a verb of insisting or warning is what it holds, not what it
# promised: "made clear that Austria will ...", "stressed that Hungary will ...".
_INSISTED = re.compile(lead_guarded(
    r"\b(?:made\s+(?:it\s+)?(?:clear|plain)|stress(?:ed|es|ing)|emphasi[sz](?:ed|es|ing)|"
    r"underlin(?:ed|es|ing)|underscor(?:ed|es|ing)|insist(?:ed|s|ing)|warn(?:ed|s|ing)|"
    r"caution(?:ed|s|ing)|reiterat(?:ed|es|ing)|maintain(?:ed|s|ing)|assert(?:ed|s|ing))\b"),
    re.I)
_TRIP_WORD = re.compile(r"\b(?:travel|visit)\b", re.I)
_PLACE_WORDS = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?")
_MEET = re.compile(lead_guarded(r"(?:will|would|shall)\s+(?:also\s+)?(?:meet|convene)\b"), re.I)
_SCHED_MEET = re.compile(r"\b(?:meet|convene|hold)$", re.I)
_MEET_AGAIN = re.compile(lead_guarded(r"\b(?:again|regularly|annually|every|each|next|periodically|"
                         r"twice|once\s+a|a\s+(?:second|third|new)\s+round)\b"), re.I)


def _elsewhere(text: str, start: int, end: int, pair: list[str]) -> bool:
    """Does the trip promised in text[start:end] go to a country outside the pair ("will
    travel to Tianjin in China for the summit")? A trip to the other side is a promise to
    it; one elsewhere is an itinerary."""
    country = _destination(text, start, end)
    return country is not None and country not in pair


def _destination(text: str, start: int, end: int) -> str | None:
    """The first country text[start:end] names, by its name or its capital's."""
    for m in _PLACE_WORDS.finditer(text, start, min(end, start + 80)):
        for form in (m[0], m[0].split()[0], m[0].split()[-1]):
            country = country_of(form) or country_of_capital(form)
            if country:
                return country
    return None


# A meeting of more than the pair: "will hold a trilateral meeting", "a three-way summit".
_OTHER_FORMAT = re.compile(r"\b(?:tri|quadri|multi)lateral\s+(?:meeting|summit|talks|format|"
                           r"session|consultations)|\bthree-way\b", re.I)
# The day's programme: "after the meeting, Varga will present ...", "later in the day they
# will visit ...": what comes next on the visit, not a promise one side makes the other.
_PROGRAMME = re.compile(r"(?:will|would|shall)\s+(?:also\s+|then\s+)?(?:present|hold|meet|"
                        r"visit|travel|host|give|attend|have)\b", re.I)
_DAY_PLAN = re.compile(r"\b(?:after|following)\s+(?:this|that|the\s+(?:meeting|talks|"
                       r"ceremony|lunch|dinner|visit))\b|\blater\s+(?:today|in\s+the\s+day|"
                       r"that\s+day)\b|\bthen\s+$", re.I)
# A channel named as the one that goes on: "the dialogue will continue", "talks will resume".
_CHANNEL_BEFORE = re.compile(lead_guarded(
    r"\b(?:dialogue|talks|contacts|consultations|negotiations|communication|exchanges)\s+"
    r"(?:\w+ly\s+)?$"), re.I)
# Who a clause opens with: "the two sides", "both leaders", "Varga", "Austria".
_OPENING_SUBJECT = re.compile(
    r"[\"'“]?(?:(?:the\s+two|both)\s+(?:[\w-]+\s+)?(?:sides|countries|leaders|ministers|"
    r"nations|governments|delegations|presidents|parties|officials)|they|"
    r"the\s+(?:leaders|ministers|delegations|presidents|premiers|countries|sides|parties))\b",
    re.I)


def _subject_end(text: str, start: int, verb: int, finder: SubjectFinder) -> int | None:
    """Where the subject a clause opens with ends, if it opens with one (a joint subject, a
    person of the table or a country) that ends before `verb`; None otherwise."""
    at = start + len(text[start:verb]) - len(text[start:verb].lstrip(" ,"))
    joint = _OPENING_SUBJECT.match(text, at, verb)
    if joint is not None:
        return joint.end()
    k = bisect_left(finder.starts, at)
    if k < len(finder.starts) and finder.starts[k] == at:
        return finder.table.mentions[k].end
    first = _PLACE_WORDS.match(text, at, verb)
    if first is not None and country_of(first[0]):
        return first.end()
    return None


def _due(text: str, start: int, end: int) -> str | None:
    due = _DUE.search(text, start, end)
    return due[0] if due else None


def other_day(text: str, start: int, end: int, meeting: date | None) -> bool:
    """Does text[start:end] name a day more than a day before the meeting's? Then what it
    tells was agreed at an earlier meeting ("on July 28 they agreed to a ceasefire"); a
    later day is when a promise is due ("will travel to Lima on Jan 23")."""
    if meeting is None:
        return False
    for m in _DAY.finditer(text, start, end):
        name = (m["m1"] or m["m2"]).lower()[:3]
        month = next(k for k, full in enumerate(_MONTHS, 1) if full.startswith(name))
        day = int(m["d1"] or m["d2"])
        try:
            named = date(int(m["y"]) if m["y"] else meeting.year, month, day)
        except ValueError:
            continue
        # a day more than half a year ahead is last year's ("on Dec 2" in a January text)
        if 1 < (meeting - named).days or (named - meeting).days > 183 and not m["y"]:
            return True
    return False


# How far around a cue its clause is read, each way: far more than any promise's sentence.
_REACH = 600


def find_commitments(
    text: str, paras: list[Para], table: ActorTable, pair: list[str],
    para_topics: dict[int, list[str]], meeting_date: date | None = None,
    index: KeywordIndex | None = None, head: Sequence[Para] = (), original: str | None = None,
) -> list[Commitment]:
    """Every commitment made at the meeting, in text order. With the meeting's date, a
    clause that names another day tells of another meeting's promise and is left out.
    With the taxonomy's `index`, a promise is on the topic its clause names (of its
    paragraph's first), else on its paragraph's main topic. `head`: the headline and deck
    lines, read before the body as part of its first paragraph. `original`: the article as
    written, at the offsets of `text` (its normalized form), which each promise's words are
    taken from."""
    shown = text if original is None else original
    finder = SubjectFinder(text, table)
    out: list[Commitment] = []
    # "both sides agreed on the following points:" and the numbered points after it: each
    # point is a promise of the parties of the clause that opens the list.
    listing: list[str] | None = None
    # "... and will remove": a promise whose verb has no subject of its own takes the
    # parties of the promise before it in the sentence (coordinated verbs share a subject)
    shared: tuple[int, list[str], str] | None = None
    topic_of = _TopicReader(text, paras, index)
    for p in [*head, *paras]:
        topics = para_topics.get(p.index, [])
        item = _ITEM.match(text, p.start, p.end) if listing is not None else None
        if listing is not None and item is not None:
            end = len(text[:p.end].rstrip(" .;,"))
            out.append(Commitment(
                parties=listing, topic=topic_of(item.end(), end, topics, p),
                text=shown[item.end():end], due=_due(text, item.end(), end),
                paragraph=p.index, start=item.end(), end=end))
            continue
        listing = None
        for s in sentences_of(p):
            pos = s.start
            while True:
                m = _next_cue(text, pos, s.end)
                if m is None:
                    break
                pos = m.end()
                # (what is read around a cue is bounded: a sentence with no end, a page pasted
                # with no full stop, would otherwise be read again at each of its cues)
                lo, hi = max(s.start, m.start() - _REACH), min(s.end, m.end() + _REACH)
                if _NOT_MADE_HERE.search(text, max(lo, m.start() - 30), m.start()) and not (
                    _REPORTED_HAD.search(text, max(lo, m.start() - 120), m.start())
                ):
                    continue
                if _STANDING.search(text, max(lo, m.start() - 60), m.start()) and (
                    m[0].lower().startswith("committed")
                ):
                    continue  # "China is committed to ...": a standing stance
                if _PERFECT.search(text, max(lo, m.start() - 20), m.start()) and not (
                    # ("Hungary and Austria have signed an agreement": a signing is the news)
                    m[0].lower().startswith(("agree", "assure", "reach", "sign", "ink", "seal"))
                    # "both countries have decided to": a joint decision is the meeting's news
                    or JOINT_SUBJECT.search(text, max(lo, m.start() - 40), m.start())
                ):
                    continue  # "the government has vowed to ...": a promise from before
                opens_list = _LIST_OPENS.match(text, m.end(), p.end) is not None
                if m[0][-1].lower() in "op" and not opens_list and not _OBJECT.match(
                        text, m.end(), hi):
                    continue  # "many points were agreed to," with nothing agreed
                if _PAST_AFTER.match(text, m.end(), hi):
                    continue
                if m["noun"] and (
                        _SOUGHT.search(text, max(lo, m.start() - 30), m.start())
                        or _NOT_REACHED.search(text, m.end(), min(hi, m.end() + 80))):
                    continue  # "discussed a deal to buy jets": sought, not made
                start = clause_start(text, lo, m.start(), _CLAUSE_OPENS)
                who = _WHO.search(text, max(start, m.start() - 30), m.start())
                if who is not None:
                    # "... talks with Qin Gang, who accepted an invitation": the promise
                    # opens at the one who made it
                    k = bisect_left(finder.starts, who.start()) - 1
                    if k >= 0 and finder.table.mentions[k].end == who.start() and (
                            finder.table.mentions[k].start >= start):
                        start = finder.table.mentions[k].start
                if _PAST_BEFORE.search(text, start, m.start()):
                    continue
                end_m = _CLAUSE_END.search(text, m.end(), hi)
                end = end_m.start() if end_m else hi
                # "will have a new meeting, and the two sides agreed to ...": a new subject
                # with a promise of its own ends this one (a list of nouns goes on)
                for nxt in _NEXT_CLAUSE.finditer(text, m.end(), end):
                    # (a future told, then "..., and the two sides agreed to": two promises;
                    # "agreed to ..., and both sides decided to consider such visits" reads
                    # on the first)
                    if _SAYS.search(text, nxt.end(), min(end, nxt.end() + 60)) or (
                            m["will"] and _NEXT_PROMISE.match(text, nxt.end(), end)):
                        end = nxt.start()
                        break
                clause_end = len(text[m.start():end].rstrip(" .,\"'")) + m.start()
                if clause_end - m.end() < 8 and not (m["event"] or m["passive"] or m["signed"]
                                                     or m["signs"] or opens_list):
                    continue  # "agreed to." with nothing agreed ("will take place soon" is;
                    # "documents on rail links were signed", "signed six agreements" name
                    # what in the cue)
                if _VAGUE_OBJECT.fullmatch(text, m.start(), clause_end) or (
                    _VAGUE_ERA.fullmatch(text, m.start(), clause_end)) or (
                    _VAGUE_GOAL.fullmatch(text, m.start(), clause_end)) or (
                    _VAGUE_ISSUES.fullmatch(text, m.end(), clause_end)
                ):
                    continue
                if m["will"] and m[0].lower().startswith("would") and _RELATIVE_WOULD.search(
                    text, max(lo, m.start() - 8), m.start()
                ) and _WANTED.search(text, lo, m.start()):
                    continue
                # "Varga met Huber, vowing to ...": a participle takes the main clause's
                # subject, not the nearest name (an object)
                # (the subject is sought in the promise's own clause: "Washington said ...,
                # and a new working group is set to meet" is not Washington's promise)
                subject = (finder.main_subject(lo, m.start(), m.end(), hi)
                           if hung_participle(text, lo, m.start())
                           else finder.subject(start, m.start(), m.end(), hi))
                if _PAIRED_ROLES.search(text, max(lo, m.start() - 60), m.start()):
                    subject = Subject(None, True)  # "U.S. and Chinese officials will": both
                elif subject.actor is None and not subject.joint and _ROLES_BEFORE.search(
                        text, max(start, m.start() - 40), m.start()):
                    subject = Subject(None, True)  # "foreign ministers will meet": both sides'
                elif subject.actor is None and not subject.joint and start > lo:
                    # none named in its own clause: the sentence's ("the leaders agreed ...,
                    # adding that foreign ministers will meet")
                    subject = finder.subject(lo, m.start(), m.end(), hi)
                if subject.actor is None and not subject.joint and m["will"] and (
                        _CHANNEL_BEFORE.search(text, max(start, m.start() - 40), m.start())):
                    subject = Subject(None, True)  # "the dialogue will continue": both sides'
                # "the United States will modify ...", "Kishida said Japan will ...": one
                # side named as the subject right before the verb is the party, not the
                # nearest person (a country is no actor of the table)
                named = [c for c in countries_before(text, lo, m.start()) if c in pair]
                lead = ""
                if not named and m["will"] and shared is not None and shared[0] == s.start and (
                        _COORDINATED.search(text, max(lo, m.start() - 8), m.start())):
                    # (shown with that subject: "Hungary will remove ...", not "retaining the
                    # base rate, and will remove ...")
                    named, lead, start = shared[1], shared[2], m.start()
                elif m["will"] and _COORDINATED.search(text, max(start, m.start() - 8), m.start()):
                    # "the two sides noted the progress made by the working group, and will
                    # keep up cooperation": the promise is the subject and its own verb, not
                    # the recap before it
                    subject_end = _subject_end(text, start, m.start(), finder)
                    if subject_end is not None:
                        lead, start = shown[start:subject_end] + " ", m.start()
                if m["purpose"] and not (
                    _TRAVELLED.search(text, lo, m.start())
                    and not _HOPED.search(text, lo, m.start())
                ):
                    continue  # "hopes to sign a deal": no visit made for it
                if m["will"] and _LIKELY.search(m[0]):
                    continue  # "Austria will probably lift the ban": a forecast
                quoted = m["will"] and inside_quotes(text, lo, m.start())
                own = _FIRST_PERSON.search(text, max(lo, m.start() - 60), m.start()
                                           ) if quoted else None
                # ("my government will ...": a government's own act, and "he told me that he
                # will ...": a promise made to the speaker, need no speaker named outside the
                # quote; a bare "we will ..." does: "we" may be anyone)
                if m["will"] and (
                    (subject.actor is None and not subject.joint and not named
                     and not (own and (own["state"] or own["told"])))
                    or _HOPED.search(text, max(lo, m.start() - 80), m.start()) and not (
                        # "Huber said Austria would reopen ...": reported speech shifts
                        # "will" back to "would"; the promise is made
                        m[0].lower().startswith("would")
                        and _REPORTED_WOULD.search(text, max(lo, m.start() - 60),
                                                   m.start()))
                    or (quoted and not own)
                ):
                    continue
                if m["will"] and (_STANCE_AFTER.match(text, m.end(), clause_end) or (
                        not subject.joint and _INSISTED.search(text, lo, m.start()))):
                    continue  # "will continue to oppose", "stressed that X will": a stance
                if (m["will"] and _TRIP.match(m[0]) or m["sched"] and _TRIP_WORD.search(m[0])
                        ) and _elsewhere(text, m.end(), clause_end,
                                                                 pair):
                    continue  # "will travel to Tianjin in China": a trip beyond the pair
                if m["voyage"] and _destination(text, m.end(), clause_end) not in pair:
                    continue  # "his first trip will be to Tianjin": not a visit to the other side
                if (m["will"] or m["sched"] or m["event"]) and _OTHER_FORMAT.search(
                        text, m.start(), min(clause_end, m.end() + 80)):
                    continue  # "will also hold a trilateral meeting": not the pair's own promise
                if m["will"] and _PROGRAMME.match(m[0]) and _DAY_PLAN.search(
                        text, max(start, m.start() - 80), m.start()):
                    continue  # "after the meeting, Varga will present him with an award"
                if (m["will"] and _MEET.match(m[0]) or m["sched"] and _SCHED_MEET.search(m[0])
                        ) and not (
                        _due(text, m.end(), clause_end)
                        or _MEET_AGAIN.search(text, m.end(), clause_end)):
                    continue  # "will meet Li Qiang, followed by a dinner": the day's schedule
                parties = (list(named) if named and not subject.joint
                           else _parties(subject.actor, subject.joint, table, pair))
                if parties is None:
                    continue
                # (a promise in the future tense is dated before its verb only: a day in
                # what is promised is a due time or a reference, "will remove the duties of
                # the decree of April 8"; "agreed on a ceasefire on May 10" is dated after)
                if other_day(text, start, m.end() if m["will"] else clause_end, meeting_date):
                    continue
                if opens_list:
                    listing = parties  # what is agreed is the list that follows
                    break
                # "agreed to resume flights, reopen consulates and hold talks": one promise
                # per action, each followed up on its own at later meetings (the first
                # keeps the clause's opening: who promised)
                due = _due(text, m.end(), clause_end)
                resume = end
                # (a body set up "to strengthen ..., and to ensure ...": its purposes, not
                # further promises)
                actions = ([(start, clause_end)] if m["body"]
                           else _actions(text, start, m.end(), clause_end))
                for a, b in actions:
                    tail = _TAIL.search(text, max(a, m.end()), b)
                    if tail is not None:
                        # (", adding that the ministers will meet": read on in the tail)
                        resume = min(resume, tail.end())
                        b = tail.start()
                    if a != start and (_VAGUE_ACTION.fullmatch(text, a, b)
                                       or _VAGUE_GOAL.fullmatch("to " + text[a:b])):
                        continue  # "..., and deepen bilateral ties": a vague hope in the list
                    if a == start and (_VAGUE_OBJECT.fullmatch(text, m.start(), b)
                                       or _VAGUE_GOAL.fullmatch(text, m.start(), b)):
                        continue
                    whole = (_capitalized(lead + shown[a:b]) if a == start
                             else _on_its_own(text, shown, start, m, a, b))
                    for x, y, said in _activities(text, shown, a, b, whole,
                                                  m.end() if a == start else a):
                        out.append(Commitment(
                            parties=parties, topic=topic_of(x, y, topics, p), text=said,
                            due=_due(text, x, y) or due, paragraph=p.index, start=x, end=y,
                        ))
                shared = (s.start, parties, shown[start:m.start()] if m["will"] else "")
                pos = resume  # one commitment per clause
    return _without_headline_repeats(out, head[-1].end if head else -1)


# Verbs of action that open a promise of a list: "..., reopen consulates and hold talks".
# (Words that are as often nouns, "support", "trade", "supply", "return", are left out: in
# "to expand trade and support" the list is of nouns.)
_ACTION = (r"(?:resume|establish|hold|set\s+up|launch|reopen|restore|expand|send|build|host|"
           r"create|form|sign|implement|join|visit|issue|deepen|strengthen|continue|cooperate|"
           # ("a free and open order": the adjective; "and open a consulate": the verb)
           r"start|begin|finali[sz]e|provide|open(?=\s+(?:up|the|a|an|new|their|its)\b)|"
           r"boost|allow|lift|reduce|buy|purchase|have(?=\s+(?:a|an|another|new|their)\s)|"
           r"invest|deliver|extend|upgrade|draw\s+up|communicate|coordinate|modify|suspend|"
           r"remove|facilitate|present|meet|convene|explore|ensure|maintain|refrain|comply|"
           r"promote|accelerate|advance|pursue|resolve|settle|step\s+up|identify|carry\s+on|"
           r"develop|enhance|improve|advocate|conduct|appoint|designate|organi[sz]e|prepare|"
           r"negotiate|restart|tackle|combat|prevent|address|exchange|keep|make|take|give|"
           r"grant|ease|simplify|finance|fund|train|protect|respect|refrain|abide|intensify|"
           r"revive|reinstate|normali[sz]e|release|withdraw|demarcate|delimit|reaffirm)")
_DETERMINER = (r"(?:the|a|an|their|its|his|her|our|all|both|each|other|this|these|those|"
               r"such|any|every)\b")
# A new action after a coordinator: "..., and to advocate", "and will issue", ", reopen".
_NEXT_ACTION = re.compile(
    # (the coordinator opens the action: "and reopen embassies")
    r"(?:\s*,\s*(?P<co>and\s+|as\s+well\s+as\s+)?|\s+(?P<co2>and\s+|as\s+well\s+as\s+)|"
    r"\s*;\s*)"
    r"(?:also\s+)?(?:to\s+(?:also\s+)?(?!" + _DETERMINER + r")(?=[a-z])"
    r"|(?=(?:will|would|shall)\s+(?:also\s+)?[a-z])"
    r"|(?=" + _ACTION + r"\s+[\"']?[\w$€£]))")


def _actions(text: str, start: int, cue_end: int, end: int) -> list[tuple[int, int]]:
    """The spans of the actions a clause promises: the first from the clause's start, each
    further one from its verb ("will" kept: "and will issue a joint statement")."""
    spans: list[tuple[int, int]] = []
    a = start
    for m in _NEXT_ACTION.finditer(text, cue_end, end):
        if m.start() - a < 8 or m.end() >= end:
            continue  # ("agreed to and signed": no action of its own between)
        spans.append((a, m.start()))
        co = m.start("co") if m["co"] else m.start("co2") if m["co2"] else -1
        a = co if co >= 0 else m.end()
    spans.append((a, end))
    return [(x, x + len(text[x:y].rstrip(" ,;:"))) for x, y in spans]


# Nouns that name an activity, not a field: "military communication", "AI talks",
# "denuclearization". A list of them after one verb is a list of promises ("resume military
# communication, counter-narcotics cooperation and AI talks"), each followed up on its own;
# a list of fields ("agreements on trade, energy and health") is one action's objects.
_ACTIVITY = (r"(?:talks|dialogues?|consultations?|negotiations?|co-?operation|collaboration|"
             r"communications?|coordination|co-ordination|contacts|exchanges?|visits|flights|"
             r"patrols|drills|exercises|\w+i[sz]ation)")
# A word of an activity's name before its noun: not a preposition or a joiner ("agreements
# on trade": the list is the preposition's, not the verb's).
# ("talks, including a security dialogue": an example of the item, not a new one)
_MODIFIER = (r"(?!(?:on|of|in|for|with|to|about|between|and|or|as|at|by|from|including|"
             r"such|notably|especially|namely|like)\b)"
             r"[\w'’-]+")
_ACTIVITY_ITEM = (r"(?:(?:the|their|its|a|an)\s+)?(?:" + _MODIFIER + r"\s+){0,3}?"
                  + _ACTIVITY + r"\b")
# Where the list of activities opens: right after "to" ("commitment to denuclearization"),
# or after the verb that takes them ("agreed to resume", "and resume").
_ACTIVITY_VERB = re.compile(r"\s*(?:(?:and|or|as\s+well\s+as)\s+)?(?:also\s+)?(?:to\s+)?"
                            r"(?:(?:will|would|shall)\s+)?(?:also\s+)?(?:" + _ACTION + r"\s+)?",
                            re.I)
_ACTIVITY_ITEMS = re.compile(r"(?P<first>" + _ACTIVITY_ITEM + r")(?P<rest>(?:(?:\s*,\s*(?:and\s+)?"
                             r"|\s+and\s+|\s+as\s+well\s+as\s+)" + _ACTIVITY_ITEM + r")+)",
                             re.I)
_MODIFIER_WORDS = re.compile(r"\b(?!(?:the|their|its|a|an)\b)[\w'’-]+", re.I)
_ACTIVITY_NEXT = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)"
                            r"(?P<item>" + _ACTIVITY_ITEM + r")", re.I)


def _activities(text: str, shown: str, a: int, b: int, whole: str, after: int
                ) -> list[tuple[int, int, str]]:
    """An action whose objects are activities, one promise per activity: "agreed to resume
    military communication and AI talks" -> "... agreed to resume military communication"
    and "... agreed to resume AI talks" (the opening carried over; the first keeps the
    action's start, each further one points at its own words; what follows the last item,
    a due time, stays with it). `after`: where the action's verb is sought (the end of the
    cue for a clause's first action). Any other action is itself: (a, b, whole)."""
    verb = _ACTIVITY_VERB.match(text, after, b)
    if verb is None:
        return [(a, b, whole)]
    # the list must be the words right after the verb (or "to"), not further on
    items = _ACTIVITY_ITEMS.match(text, verb.end(), b)
    if items is None:
        return [(a, b, whole)]
    # (`whole` ends with the action's own words: what is before them is carried over)
    opening = _without_end(whole, shown[items.start("first"):b])
    spans = [(items.start("first"), items.end("first"))]
    spans += [(n.start("item"), n.end("item"))
              for n in _ACTIVITY_NEXT.finditer(text, items.end("first"), items.end())]
    # "more communications and exchanges": the first item's modifier governs a bare noun
    # after it, so the list is one phrase (one activity's names), not several
    bare = [len(_MODIFIER_WORDS.findall(text, x, y)) < 2 for x, y in spans]
    if not bare[0] and any(bare[1:]):
        return [(a, b, whole)]
    spans[-1] = (spans[-1][0], b)
    out = [(a, spans[0][1], _without_end(whole, shown[spans[0][1]:b]).rstrip(" ,"))]
    out += [(x, y, " ".join((opening + shown[x:y]).split())) for x, y in spans[1:]]
    return out


def _without_end(whole: str, end: str) -> str:
    """`whole` less the words `end` it closes with (its spaces may have been collapsed)."""
    if whole.endswith(end):
        return whole[:len(whole) - len(end)]
    flat = " ".join(end.split())
    return whole[:len(whole) - len(flat)] if whole.endswith(flat) else whole


# The words that join an action of a list to the one before: "and to", ", as well as".
_JOINER = re.compile(r"(?:and|or|as\s+well\s+as)\s+(?:also\s+)?(?:to\s+(?:also\s+)?)?"
                     r"|to\s+(?:also\s+)?", re.I)
_MODAL = re.compile(r"\b(?:will|would|shall)\b", re.I)


def _on_its_own(text: str, shown: str, start: int, cue: re.Match[str], a: int, b: int
                ) -> str:
    """An action of a list as a promise that reads alone: its joiner dropped, the clause's
    subject and verb carried over ("and to keep officials visiting" -> "the two sides agreed
    to keep officials visiting"; "and reopen the bridge" after "Austria will open ..." ->
    "Austria will reopen the bridge"). Its offsets still point at the action's own words.
    (`text` is read; `shown`, the article as written at the same offsets, gives the words.)"""
    joiner = _JOINER.match(text, a, b)
    at = joiner.end() if joiner else a
    action = shown[at:b]
    if _MODAL.match(text, at, b):
        # "..., and will issue a statement": the subject before the clause's first modal
        modal = _MODAL.search(text, start, a)
        opening = shown[start:modal.start() if modal else cue.start()]
    elif cue["will"]:
        # "Austria will open a consulate and reopen the bridge": the subject and its modal
        modal = _MODAL.match(text, cue.start())
        opening = shown[start:modal.end() if modal else cue.start()] + " "
    elif cue["sched"] or _TO_END.search(cue[0]):
        # "the two sides agreed to ", "Huber is set to "
        opening = shown[start:cue.start() + cue[0].lower().rindex("to") + 2] + " "
    else:
        return action  # a verb of its own (a document signed, a noun promised)
    return " ".join((opening + action).split())


def _capitalized(clause: str) -> str:
    """A clause taken from inside a sentence ("the two sides agreed to ...") shown as one."""
    return clause[:1].upper() + clause[1:]


# Officials of no side named, as the subject right before the verb: both sides' ("foreign
# ministers will meet", "negotiators are to resume talks")
_ROLES_BEFORE = re.compile(r"(?:^|[\s\"'])(?:(?:foreign|defen[cs]e|trade|finance|senior|"
                           r"military)\s+)?(?:ministers|officials|negotiators|experts|"
                           r"delegations|envoys|diplomats|teams)\s+(?:\w+ly\s+|also\s+)?$", re.I)
# Officials of both sides named together: "U.S. and Chinese officials", "Hungarian and
# Austrian teams" (the nearest demonym is not the only party).
_PAIRED_ROLES = re.compile(r"\b[A-Z][\w.]*\s+and\s+[A-Z][\w.]*\s+(?:[\w-]+\s+)?(?:officials|teams|"
                           r"delegations|experts|ministers|negotiators|diplomats|authorities|"
                           r"governments|leaders)\s+(?:\w+ly\s+|also\s+)?$")
_WHO = re.compile(r",\s+who\s+(?:\w+ly\s+|also\s+|has\s+|had\s+)?$", re.I)
_TO_END = re.compile(r"\b(?:to|upon)\W*$", re.I)
_KEY_WORD = re.compile(r"[^\W\d_]{4,}")


def _key_words(text: str) -> set[str]:
    """Rough stems of a clause's longer words: "agree"/"agreed", "talks"/"talk" meet."""
    return {w[:5].lower() for w in _KEY_WORD.findall(text)}


def _without_headline_repeats(found: list[Commitment], head_end: int) -> list[Commitment]:
    """The headline's promise told again in the body ("Iceland and Peru agree to hold AI
    talks" over "The two sides agreed to hold their first talks on AI in coming weeks") is
    one promise: the body's, with its due time and wording, is kept."""
    body = [_key_words(c.text) for c in found if c.start >= head_end]
    out: list[Commitment] = []
    for c in found:
        if c.start < head_end:
            words = _key_words(c.text)
            if words and any(len(words & other) * 3 >= len(words) * 2 for other in body):
                continue
        out.append(c)
    return out


def _parties(actor: int | None, joint: bool, table: ActorTable,
             pair: list[str]) -> list[str] | None:
    """Both sides for a joint subject or none named; one side for its own official; None
    for a third country's promise, which is not this meeting's."""
    if joint or actor is None:
        return list(pair)
    country = table.actors[actor].country
    if country is None:
        return list(pair)
    if pair and country not in pair:
        return None
    return [country]
