"""Cue phrases that tell where a topic stands, as journalists and readouts write them.

One compiled alternation finds every cue in one pass. Negated and hedged forms
come first in the alternation and start earlier in the sentence, so "failed to
make progress", "has not agreed to" and "no breakthrough" are read as stalled
before "progress", "agreed to" or "breakthrough" could be read on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from store.ingest.cueprefix import lead_guarded, pattern_prefixes, required_words
from store.ingest.wordtrie import trie_pattern
from store.models import Status

_W = r"[\w.'\u2019-]+"  # a word, allowing "U.S." and "China's"

# Contractions spelt out (not "\w+n't") so every cue starts with known letters.
_NT = (r"(?:do|does|did|has|have|had|is|are|was|were|could|would|should|ca|wo|must|need)"
       r"n['\u2019]t")
_QUAL = r"(?:a|an|any|much|real|significant|meaningful|concrete|major|substantive|further)"
_OUTCOME = r"(?:progress|agreements?|deals?|breakthroughs?|headway|commitments?|consensus)"
# What is hoped for (after "seek", "hope to", "push for"): up to six small words, then
# the outcome ("find a long-term agreement", "to be able to make progress", "to see progress").
_ASPIRED = (r"(?:(?:to|for|towards?|at|find|finding|reach|reaching|make|making|achieve"
            r"|achieving|secure|securing|be|able|an?|the|new|further|more|some|real|lasting|see"
            r"|seeing"
            r"|concrete|early|quick|final|comprehensive|long|term|[a-z]+-[a-z]+)\s+"
            # (a quotation may open on the hoped-for words: 'wants to see "real progress')
            r"[\"\u201c\u2018]?){0,6}"
            r"(?:progress|agreements?|deals?|breakthroughs?|improvement|consensus|headway"
            r"|solutions?|ceasefire|truce)")
# One side's own legislation: "a bill", "the new law", "an executive order".
_LAW = (r"(?:(?:a|an|the|his|her|its|their|this|that|new)\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:bills?|laws?|legislation|decrees?|executive\s+orders?|ordinances?|budgets?)\b")
# The rest of a clause: up to a stop, or a comma before a conjunction ("..., and agreed to").
_TO_CLAUSE_END = r"(?:[^.;:!?\n,]|,(?!\s+(?:and|but|while|yet|whereas)\b))*"
# Phrases that look like cues but report nothing about the topic's state.
_NEUTRAL = [
    # Declining to tell the press is not refusing the other side: "declined to provide
    # further details", "refused to answer questions".
    r"(?:declin(?:ed|es)|refus(?:ed|es))\s+to\s+(?:comment|elaborate|say|answer|specify|disclose"
    r"|reveal|confirm|give\s+(?:any\s+|further\s+|more\s+)?details|provide\s+(?:any\s+|further"
    r"\s+|more\s+)?(?:details|specifics|information))",
    # What a step would be for, or could be, is not a step taken: "to ease tensions on the
    # peninsula", "capable of improving relations", "a role in improving ties", "to deepen
    # cooperation by improving rail links" (the deal itself is read from "agreed to").
    # The aim's object goes with it: "a plan to ease tensions along the border" is no tension.
    r"(?:to\s+(?:further\s+)?(?:ease|improve|stabili[sz]e|normali[sz]e)"
    r"|(?:of|in|for|towards?|by)\s+(?:further\s+)?(?:easing|improving|stabili[sz]ing"
    r"|normali[sz]ing))\b"
    r"(?:\s+(?:the\s+)?(?:[\w-]+\s+)?tensions?\b)?",
    # Signing a bill is one side's domestic act, not a deal between the sides: "signed a
    # bill that included defence aid", "signed the measure into law", "signed an executive
    # order on tariffs" (the object goes with it: a law's contents are no deliverable).
    rf"(?:sign|pass|enact|veto|approv)(?:ed|es|s|ing)?\s+{_LAW}{_TO_CLAUSE_END}",
    rf"sign(?:ed|s|ing)?\s+(?:[\w'\u2019-]+\s+){{1,3}}?into\s+law\b{_TO_CLAUSE_END}",
    # "welcome" as a noun is a ceremony, not approval: "an official welcome", "a warm welcome".
    r"(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?welcome(?!\s+(?:of|for)\b)",
    # Turning something into progress is the aim: "to convert potential into concrete progress".
    r"(?:convert|turn|translat)(?:e|es|ed|ing|s)?\s+(?:[\w'\u2019-]+\s+){0,4}?into\s+"
    r"(?:[\w-]+\s+)?(?:progress|results|action|outcomes)",
    # Progress as an ideal, not a step: "peace and progress", "progress and prosperity".
    r"progress\s+and\s+(?:prosperity|development|peace)",
    r"(?:peace|prosperity|development)\s+and\s+progress",
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
    r"(?:which|that|when)\s+(?:[\w.'\u2019-]+\s+){0,3}?(?:had\s+)?"
    r"(?:suspended|cut\s+off|froze|halted|broke\s+off)",
    r"(?:suspended|cut\s+off|froze|halted|broke\s+off)\s+(?:[\w.'\u2019-]+\s+){0,5}?"
    r"(?:in|since)\s+(?:[A-Za-z]+\s+)?(?:19|20)\d\d",
    # Hoping, seeking or pushing for an outcome is not reaching it: "seek progress in key
    # areas", "trying to find a long-term agreement", "hope to be able to make progress".
    r"(?:seek|seeks|seeking|sought|hope[sd]?|hoping|aim(?:s|ed|ing)?|try|tries|tried|trying"
    r"|push(?:es|ed|ing)?|press(?:es|ed|ing)?|want(?:s|ed)?|call(?:s|ed|ing)?|urg(?:e|es|ed|ing)"
    r"|striv(?:e|es|ing)|promot(?:e|es|ed|ing)|work(?:s|ed|ing)?|look(?:s|ed|ing)?)\s+"
    rf"{_ASPIRED}",
    # A courtesy to the guest is not a step forward: "were welcomed by", "warmly welcomed
    # President X on a state visit".
    r"(?:(?:was|were|been|being)\s+(?:warmly\s+|cordially\s+)?welcomed"
    r"|(?:warmly|cordially)\s+welcom(?:ed|es|ing)"
    r"|welcom(?:ed|es|ing)\s+(?:the\s+)?(?:visiting|guests?|him|her|them|president|prime"
    r"|king|queen|chancellor|delegations?|counterparts?|leaders?)\b)",
    # What talks are aimed at is their purpose, not what happened at them, to the end of
    # its clause: "talks aimed at easing trade tensions", "contacts aimed at keeping tense
    # relations under control", "in a bid to defuse tensions", "efforts to avoid escalation".
    r"(?:aim(?:s|ed|ing)?|meant|designed|intended|seek(?:s|ing)?|sought|in\s+a\s+bid"
    r"|efforts?)\s+(?:at|to)\s+(?:[\w-]+\s+){0,3}?(?:tense|tensions?|escalat\w*"
    r"|confrontation|friction|hostilit\w*|rifts?|strain\w*|concerns?|disputes?)"
    r"[^.;,:!?\n]*",
        # A call for calm is not a clash: "efforts to avoid escalation in the region".
    r"(?:avoid|avoiding|prevent|preventing|avert|averting)\s+(?:further\s+|any\s+)?"
    r"(?:escalation|tensions?|confrontation)",
        # What should happen has not: "improving bilateral relations should reflect ...".
    r"(?:improv|stabili[sz]|restor|resum)(?:ing|ation|ement|ption)\s+(?:of\s+)?"
    r"(?:[\w.'\u2019-]+\s+){0,3}?(?:should|must|needs?\s+to|has\s+to|ought\s+to)\b",
        # Progress foretold is not progress made: "Russia will surely make greater progress",
        # "this will set a positive trajectory", "could bring a breakthrough".
    r"(?:will|would|could|may|might|can|shall)\s+(?:surely\s+|certainly\s+|also\s+|further\s+"
    r"|help\s+|continue\s+to\s+)?(?:make|achieve|see|set|bring|yield|produce|deliver)\s+"
    r"(?:[\w'\u2019-]+\s+){0,5}?(?:progress|headway|breakthroughs?|results|outcomes|solutions"
    r"|positive\s+(?:trajector(?:y|ies)|momentum|results?|dynamics?|trends?))",
        # What is expected has not happened: "is expected to announce a plan to invest",
        # "the US side is expected to examine the progress made" (to the clause's end).
    # (From "expected" on: a copula first would make every "is" and "was" a place to try.)
    r"expected\s+to\s+[^.;,:!?\n]*",
        # An anniversary names an event of long ago: "the 60th anniversary of the
        # normalisation of ties" is no step of this meeting.
    r"anniversar(?:y|ies)\s+of\s+[^.;,:!?\n]*",
        # The backdrop of a meeting is not what was said at it: "met amid rising tensions",
        # "agreed to boost maritime cooperation amid the backdrop of tensions at sea".
    r"amid(?:st)?\s+[^.;,:!?\n]*",
        # ...and so is what it went ahead despite: "close ties despite occasional strains".
    r"despite\s+[^.;,:!?\n]*",
        # Progress as what cooperation is for, not a step taken: "contribute to the progress
        # of the region", "cooperation to boost growth and educational improvement".
    r"(?:contribut(?:e|es|ed|ing)|lead(?:s|ing)?)\s+to\s+(?:the\s+|further\s+|greater\s+)?"
    r"(?:[\w-]+\s+)?(?:progress|improvements?)\b(?:\s+of\s+[^.;,:!?\n]*)?",
    r"(?:to|for)\s+(?:boost(?:ing)?|promot(?:e|ing)|foster(?:ing)?|advanc(?:e|ing)|driv(?:e|ing)"
    r"|spur(?:ring)?)\s+(?:[\w-]+\s+){0,4}?(?:progress|improvements?)\b",
    r"progress\s+of\s+(?:the\s+|our\s+|their\s+|both\s+|all\s+)?(?:two\s+)?(?:region|peoples?"
    r"|nations?|countries|humanity|mankind|continent|world|citizens|societ(?:y|ies))\b",
        # "the two sides could be close to a breakthrough": a guess, not a step.
    r"(?:could|would|may|might)\s+be\s+(?:very\s+)?close\s+to\s+(?:an?\s+)?(?:[\w-]+\s+)?"
    r"(?:breakthrough|deal|agreement|accord)",
]
# Agreeing on a view, or to keep talking, is dialogue, not a deliverable: "agreed on the
# vital importance of", "agreed that stable ties are important", "agreed to keep
# communicating", "agreed to make concerted efforts to", "agreed to deepen cooperation".
# ("agreed on Friday to", "agreed Tuesday that": the day does not change what was agreed.)
_AGREE = r"agree(?:d|s)?\s+(?:(?:on\s+)?[a-z]*day\s+)?"
_SHARED_VIEW = [
    _AGREE + r"(?:on|upon|about)\s+(?:the\s+)?(?:\w+\s+)?(?:importance|need|necessity"
    r"|significance|value|urgency)\b",
    # Agreeing that something is so states a view ("agreed that the two nations are close
    # partners"); a that-clause with a modal before its verb binds ("agreed that the
    # governments will communicate", "that AI must never decide": commitments.py's reading).
    _AGREE + r"that\s+(?:(?!(?:will|would|shall|must|can|could|may|might)\b)"
    r"[\w.'\u2019-]+\s+){1,12}?(?:is|are|was|were|remains?|remained|(?:do|does)\s+not)\b",
    # Agreeing to honour what was agreed before is no new deliverable: "agreed to follow
    # the understandings reached by the two leaders and the agreements signed since" (the
    # clause's documents go with it: they are the old ones).
    _AGREE + r"to\s+(?:continue\s+to\s+|further\s+|strictly\s+|fully\s+)?(?:follow|implement"
    r"|abide\s+by|adhere\s+to|honou?r|respect|observe|uphold|comply\s+with|stick\s+to|fulfil"
    r"|fulfill|carry\s+out)(?:\s+through)?\s+(?:[\w'\u2019-]+\s+){0,5}?(?:understandings?"
    r"|consensus|agreements?|commitments?|principles|accords?|arrangements?)\b[^.;,]*",
    # A shared view of what ought to happen: "agreed that both countries should work
    # together against terrorism". ("agreed that AI must never decide on nuclear use" binds
    # them: a deal.)
    _AGREE + r"that\s+(?:[\w.'\u2019-]+\s+){1,8}?(?:should|ought\s+to)\b",
    _AGREE + r"(?:to|that)\s+(?:[\w.'\u2019-]+\s+){0,10}?"
    r"(?:communicat\w*|(?:stay|keep|remain)\s+in\s+(?:close\s+)?(?:touch|contact)|keep\s+talking"
    r"|(?:maintain|continue|keep\s+up)\s+(?:(?:the|their|this|that|such|close|regular"
    r"|[a-z]+-[a-z]+)\s+){0,3}?"
    r"(?:dialogue|communication|contacts?|consultations?|talks|discussions|exchanges))",
    # Agreeing to aim or strive for something sets a goal, not a deliverable: "agreed to aim
    # for stable ties". ("agreed to work toward resuming flights" names the step: a deal.)
    _AGREE + r"to\s+(?:aim|strive|seek|endeavou?r)\s+(?:for|to|towards?|at)\b",
    # Agreeing on what to work on first names the agenda, not a deliverable: "agreed to
    # prioritise energy and trade", "agreed to focus on border security".
    _AGREE + r"to\s+(?:prioriti[sz]e|focus\s+on|concentrate\s+on|give\s+(?:top\s+|high\s+)?"
    r"priority\s+to)\b",
    # Restating a view they share is common ground, not a deliverable: "reiterated their
    # shared view that a stable region benefits both".
    r"(?:reiterat|reaffirm|underscor|restat|stress|emphasi[sz]|express)(?:ed|es|ing)\s+their\s+"
    r"(?:shared\s+|common\s+|joint\s+)?views?\b",
    # Agreeing to talk a matter over later leaves it open: "agreed to discuss the date of the
    # visit through diplomatic channels", "agreed to explore ways to", "agreed to study".
    _AGREE + r"to\s+(?:further\s+)?(?:discuss|explore|study|consider|examine|look\s+into"
    r"|deliberate\s+on|talk\s+about)\b",
    # A promise of cooperation in general is a tone, not a deliverable: "pledged to cooperate
    # in security", "underscored their shared commitment to bilateral cooperation".
    r"(?:pledg|vow|promis)(?:ed|es|ing)?\s+to\s+(?:further\s+|closely\s+)?(?:co-?operate"
    r"|collaborate|work\s+(?:closely\s+)?together)\b",
    # ...and so is a commitment to keep in step: "committed to close co-ordination".
    r"(?:committed|pledg(?:ed|es))\s+to\s+(?:close\s+|closer\s+|further\s+|continued\s+"
    r"|regular\s+)?(?:co-?ordination|co-?operation|collaboration|dialogue|communication"
    r"|engagement)\b",
    r"(?:(?:reiterat|reaffirm|underscor|restat|stress|emphasi[sz])(?:ed|es|ing)\s+(?:their\s+)?"
    r"(?:shared\s+|common\s+|joint\s+)?)?commitments?\s+to\s+(?:[\w-]+\s+){0,2}?"
    r"(?:co-?operation|collaboration|ties|relations|partnership|friendship|engagement|dialogue"
    r"|communication|coordination|co-ordination)\b",
    _AGREE + r"to\s+(?:make\s+(?:\w+\s+)?efforts|(?:further\s+)?"
    r"(?:strengthen|deepen|enhance|promote|boost|expand|step\s+up|intensify|stabili[sz]e|improve"
    r"|develop|advance|consolidate)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:cooperation|ties|relations|relationship|partnership|coordination|exchanges|dialogue"
    r"|friendship))",
]
# Common ground with no deliverable named is movement, not a deal: "reached many common
# understandings", "reached agreement on some specific issues", "hailed the basic consensus".
_VAGUE_DEAL = [
    r"(?:reach|achiev|forg|buil)(?:ed|es|t|d|ing)?\s+(?:an?\s+|the\s+)?(?:many|some|several"
    r"|broad|basic|important|general|certain|much|a\s+number\s+of|a\s+series\s+of)\s+"
    r"(?:common\s+|new\s+)?(?:consensus|understandings?|common\s+ground|agreements)\b",
    r"(?:reach|achiev|forg)(?:ed|es|ing)?\s+(?:an?\s+)?(?:agreements?|consensus|understandings?)"
    r"\s+on\s+(?:some|several|many|certain|a\s+number\s+of|various|a\s+few|a\s+range\s+of)\b",
    r"(?:many|some|several|broad|basic|important|general)\s+(?:common\s+)?(?:consensus"
    # (Not one "reached by the two heads of state": their earlier consensus, to implement.)
    r"|understandings)\s+(?:was\s+|were\s+)?(?:reached|achieved|forged)\b(?!\s+(?:by|between)\b)",
]
_STALLED = [
    r"(?:no|little|limited|scant|scarce|without)\s+(?:real\s+|major\s+|concrete\s+|significant\s+"
    r"|visible\s+|new\s+|firm\s+|clear\s+|a\s+|an\s+|further\s+|immediate\s+|quick\s+"
    r"|lasting\s+|final\s+|formal\s+|comprehensive\s+)?"
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
    # Set aside or stuck: "the deal was put on hold", "talks were called off", "the issue
    # remains unresolved", "negotiations bogged down".
    r"on\s+hold", r"shelved", r"called\s+off", r"scrapped", r"unresolved", r"bogged\s+down",
    # "ended without reaching a ceasefire deal", "evaded any direct reply".
    r"without\s+(?:reaching|securing|agreeing|making|producing|achieving|striking)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:progress|agreements?|deals?|breakthroughs?|ceasefire|truce"
    r"|commitments?|consensus|accord)",
    r"(?:evad|dodg|sidestepp)(?:ed|es|ing)",
    # "agreed to disagree" is read before "agreed to"; talks that "broke down"; a meeting
    # that "ended without a joint statement".
    r"agree(?:d|s)?\s+to\s+disagree", r"(?:broke|break(?:s|ing)?)\s+down",
    r"without\s+(?:a|any)\s+joint\s+(?:statement|declaration|communiqu\w*)",
    # "not expected ... to bring an immediate resolution", "no quick fix".
    r"(?:no|not|never)\s+(?:[\w'\u2019-]+\s+){0,8}?(?:an?\s+)?(?:immediate|quick|swift|early)\s+"
    r"(?:resolution|solution|breakthrough|fix|end)",
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
    # Open disagreement: "remain at odds", "significant differences", "confronted each other".
    r"tense", r"at\s+odds", r"confront(?:ed|s|ing|ation|ational)?", r"clash(?:ed|es|ing)?",
    r"(?:significant|deep|major|serious|sharp|fundamental|considerable)\s+differences",
    r"differences\s+(?:remain(?:ed|s)?|persist(?:ed|s)?|linger(?:ed|s)?)",
    r"differences\s+(?:between|over|on)\s+(?:[\w'-]+\s+){1,5}?(?:remain(?:ed|s)?|persist(?:ed|s)?)\b",
    # "disagreed", "disagreements"; not "even when we disagree", a hedge about any time.
    r"disagree(?:d|ments?)",
    r"(?:difficult|tough)\s+(?:meeting|talks|conversations?|discussions?|negotiations?)",
    # ...and said of the meeting: "his meeting with Kurti had been difficult".
    r"(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:very\s+|extremely\s+|quite\s+)?"
    r"(?:difficult|tough)\b(?!\s+to\b)",
    # A relationship in trouble: "a rift", "strained ties", "at loggerheads", "ties soured",
    # "hit a new low", "walked out of the talks".
    r"rifts?", r"strain(?:ed|s)?", r"at\s+loggerheads", r"sour(?:ed|ing)",
    # Pressure and diplomatic protest: "bullying", "intimidation", "summoned the ambassador",
    # "lashed out at", "hegemonism".
    # (summoning is of an envoy: "summoned the ambassador", not "a future that summons us")
    r"bull(?:y|ying|ied)", r"intimidat(?:e|es|ed|ing|ion)",
    r"summon(?:ed|s|ing)\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[\w.'\u2019-]+\s+){0,3}?"
    r"(?:ambassadors?|envoys?|diplomats?|charg[e\u00e9]|representatives?|consuls?)",
    r"lash(?:ed|es)\s+out", r"hegemon(?:y|ism|ic)",
    # A matter named as disputed: "points of contention", "a sticking point", "irritants".
    r"(?:points?|bones?|sources?)\s+of\s+contention", r"contentious", r"sticking\s+points?",
    r"irritants?", r"thorny",
    # Views that part: "the two leaders clearly had different views", "differences in their
    # respective positions" (not "exchanged views", a discussion).
    r"(?:different|differing|divergent|opposing|conflicting)\s+(?:views|positions|opinions"
    r"|stances|approaches)",
    r"differences\s+in\s+(?:their\s+)?(?:respective\s+)?(?:positions|views|approaches)",
    # A relationship under strain, in readouts' words: "the relationship is being tested", "the
    # downward spiral of ties", "a downturn in relations caused by erroneous policies".
    r"(?:being|been|is|are|was|were)\s+(?:severely\s+|sorely\s+)?tested",
    r"downturn", r"downward\s+spiral", r"erroneous", r"misguided",
    r"(?:a\s+)?(?:new|all-time|historic|record)\s+low", r"walk(?:ed|s)?\s+out",
]
_AGREEMENT = [
    # "agreed Tuesday to", "agreed broadly to"; a bare "agree" after "to" or a modal is
    # asked for, not done ("urged Moscow to agree to a ceasefire").
    r"(?:agreed|agrees|(?<!to\s)(?<!will\s)(?<!would\s)(?<!could\s)(?<!should\s)(?<!must\s)"
    r"(?<!may\s)(?<!might\s)(?<!can\s)agree)\s+(?:(?:[a-z]+ly|in\s+principle|[a-z]*day)\s+)?"
    r"(?:to|on|that|upon)\b",
    r"(?:reach(?:ed|es)?|struck|strike|clinch(?:ed)?|seal(?:ed)?)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:agreements?|deals?|consensus|understandings?|accords?)",
    r"(?:issued|adopted|released)\s+(?:a\s+|three\s+|two\s+)?joint\s+(?:statements?|declarations?)",
    r"agreement\s+(?:to|on|for)\b", r"consensus\s+(?:on|to)\b",
    # A deal someone could or would sign is not signed: "hinted a deal could be signed soon".
    r"(?<!be\s)signed\b", r"(?<!be\s)inked\b",
    # A deal brought to its end: "finalised the free trade agreement", "concluded
    # negotiations on".
    r"finali[sz]ed\s+(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,4}?(?:agreements?|deals?|pacts?"
    r"|treat(?:y|ies)|accords?|text|negotiations)",
    r"concluded\s+(?:the\s+|their\s+)?(?:negotiations|talks)\s+on",
    r"announc(?:ed|es)\s+(?:an?\s+)?(?:\w+\s+)?deal", r"committed\s+to", r"pledg(?:ed|es)\s+to",
    r"made\s+(?:\w+\s+){0,2}commitments?",
    r"accept(?:ed|s)\s+(?:an\s+|the\s+|their\s+|each\s+other's\s+)?invitations?",
    # A deliverable handed over at the meeting: "the US handed over 297 antiquities".
    r"hand(?:ed|s|ing)?\s+over",
    # A body set up at the meeting is a deliverable: "established a Council of Presidents",
    # "set up a joint working group on trade", "created a crisis hotline".
    r"(?:establish|creat|form)(?:ed|es)\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:joint\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:councils?|commissions?|committees?|mechanisms?|working\s+groups?"
    r"|task\s+forces?|hotlines?|funds?)\b",
    r"set\s+up\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:joint\s+)?(?:[\w-]+\s+){0,2}?(?:councils?"
    r"|commissions?|committees?|mechanisms?|working\s+groups?|task\s+forces?|hotlines?|funds?)\b",
        # A next visit confirmed at the meeting: "confirmed that the president will travel to".
    r"confirm(?:ed|s)\s+(?:that\s+)?(?:[\w.'\u2019-]+\s+){0,5}?(?:will|would)\s+(?:travel|visit"
    r"|pay|come|host|hold)",
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
    r"progress", r"progress(?:ing|ed)\s+(?:well|steadily|smoothly|positively)",
    r"headway", r"breakthrough",
    # Results reached, solutions found: "have already achieved significant results", "found
    # a lot of solutions" (aims and forecasts of them are read as neutral first).
    r"(?:achiev|produc|yield|deliver|obtain)(?:ed|es|s|ing)?\s+(?:(?:[\w-]+\s+){0,2}?)"
    r"(?:results|outcomes|achievements)",
    r"(?:found|find(?:s|ing)?)\s+(?:(?:a\s+lot\s+of|lots\s+of|many|some|several|common|joint"
    r"|new|practical|concrete|mutually\s+acceptable)\s+){0,2}solutions",
    r"positive\s+(?:steps?|results?|momentum|signs?"
    r"|developments?|directions?)",
    r"step\s+in\s+the\s+right\s+direction",
    # "writing a new chapter in this relationship", "turned a new page".
    r"(?:a|this)\s+new\s+(?:chapter|page)", r"turn(?:ed|s|ing)?\s+the\s+page",
    # "narrowed their differences", "normalised ties".
    r"narrow(?:ed|ing)\s+(?:the\s+|their\s+)?(?:differences|gaps?)",
    r"normali[sz](?:ed|ing|ation\s+of)\s+(?:their\s+|the\s+)?(?:[\w-]+\s+)?(?:ties|relations)",
    r"(?:a|an\s+important|a\s+major|a\s+big)\s+step\s+forward",
    r"(?:important|positive|significant|concrete|good|first|initial)\s+(?:first\s+)?steps?",
    # "bearing fruit", "relations are developing positively", "cooperation is being upgraded".
    r"(?:bear(?:s|ing)?|bore|borne)\s+fruit",
    r"develop(?:s|ed|ing)?\s+(?:very\s+|quite\s+)?(?:positively|well|steadily|dynamically"
    r"|successfully)",
    r"positive\s+(?:dynamics?|trends?|trajector(?:y|ies))", r"upgrad(?:ed|ing)",
    r"calm\s+(?:along|on|at|in|has\s+returned|returned)",
    r"(?:has|have|had)\s+taken\s+(?:steps|action|measures)", r"took\s+(?:steps|action|measures)",
    r"resum(?:ed|ption)",
    r"(?:would|could|to\s+be)\s+resume[ds]?", r"restor(?:ed|ation)", r"restarted", r"reopened",
    # ("welcomed" is not one: a guest is welcomed, and a side that welcomes a step takes
    # a position on it; the step itself is what moved.)
    r"re-?established", r"improv(?:ed|ing|ement|ements)",
    r"stepped\s+up", r"stabili[sz]ed", r"begun\s+to\s+stabili[sz]e", r"more\s+stable",
    r"moved\s+against", r"upbeat", r"thaw(?:ed|ing)?",
    r"eas(?:e|ed|ing)\s+(?:the\s+)?(?:[\w-]+\s+)?tensions?",
    r"working\s+again", r"back\s+on\s+track", r"positively\s+assessed", r"largely\s+restored",
    r"more\s+needs\s+to\s+be\s+done", r"more\s+work\s+to\s+do",
    r"more\s+work\s+ahead",
    r"(?:has|have|had)\s+(?:picked\s+up|recovered|rebounded|gained\s+momentum)",
    # Progress told in figures: "trade hit a new record", "record-high turnover", "to double
    # its investment pledge", "cooperation grows on an upward trajectory".
    r"(?:(?:hit|reach(?:ed|es)?|set|had|have|has|saw|see)\s+(?:an?\s+)?(?:new\s+|all-time\s+)?"
    r"record\b|record(?:-|\s+)(?:high|level|volume)s?|(?:a|an)\s+(?:new|all-time)\s+record)",
    r"(?:doubl|tripl)(?:e|es|ed|ing)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:investments?|trade|pledges?"
    r"|exports|imports|turnover|flights)\b",
    r"upward\s+(?:trajector(?:y|ies)|trends?|path)",
    # "ties are stronger, closer and more dynamic than at any time"
    r"(?:stronger|closer|deeper|warmer|better)(?:[\w\s,]{0,40}?)\s+than\s+(?:ever|at\s+any|any)",
]
_DIALOGUE = [
    r"(?:mutual|common|shared)\s+concerns?",
    # Concerns as matters on the table, not worries: "regional concerns", "global concerns".
    r"(?:regional|global|international|respective)\s+concerns?", r"discuss(?:ed|es|ing|ion|ions)?",
    # Readout courtesy, not a grievance: "respect each other's core interests and concerns".
    r"each\s+other['\u2019]s\s+(?:[\w-]+\s+){0,5}?concerns?",
    r"talked\s+about", r"exchang(?:ed|ing|e)\s+(?:of\s+)?views", r"touched\s+on",
    r"(?:would|will)\s+continue",
    r"continue\s+(?:the|that|this|their)\s+(?:conversation|dialogue|talks)",
    r"keep\s+talking", r"maintain\s+communication", r"rais(?:ed|es|ing)",
    # Words for how the talks went; "play a constructive role" asks for something instead.
    r"(?:candid|constructive|frank|in-depth)(?!\s+(?:roles?|stance|force|contributions?)\b)",
    r"dialogue", r"review(?:ed)?",
]

# Order matters at equal start positions: negations first, then the rest.
_GROUPS: list[tuple[Status | None, list[str]]] = [
    (None, _NEUTRAL),
    (Status.DIALOGUE, _SHARED_VIEW),
    (Status.STALLED, _STALLED),
    (Status.TENSION, _TENSION),
    (Status.PROGRESS, _VAGUE_DEAL),
    (Status.AGREEMENT, _AGREEMENT),
    (Status.PROGRESS, _PROGRESS),
    (Status.DIALOGUE, _DIALOGUE),
]
# Regex group names: one per group (a status can have two groups); None reads "none".
_NAMES = [f"g{i}" for i in range(len(_GROUPS))]
_STATUS_OF = {name: status for name, (status, _) in zip(_NAMES, _GROUPS, strict=True)}
# One lookbehind in front of the whole alternation (not one per branch): the
# engine then rejects positions inside words before trying any branch.
_SOURCE = (
    r"(?<![\w-])(?:" + "|".join(
        f"(?P<{name}>" + "|".join(f"(?:{p})" for p in pats) + ")"
        for name, (_status, pats) in zip(_NAMES, _GROUPS, strict=True)
    ) + r")(?!\w)"
)
_CUES = re.compile(_SOURCE)
# Every cue starts a word with one of these few letter runs; only those word starts are
# tried (the big alternation, tried at every word, was most of the stage's cost).
# (Six characters, across spaces and hyphens: "the two", "in-dept", not "the" or "in".)
_STARTS = {p: pattern_prefixes([p], depth=6, spaces=True) for _, pats in _GROUPS for p in pats}
# A cue that can open with a short word and then any word ("the ... welcome", "that ...
# suspended") would make every "the" and "that" a start; such a cue's starts are looked
# for only in text that holds the words each of its matches holds (`required_words`).
_GATED = [p for p, starts in _STARTS.items()
          if any(len(s) <= 5 and s.endswith(" ") for s in starts)]


def _trigger(prefixes: Iterable[str]) -> re.Pattern[str]:
    # Zero-width: a start that spans a space ("sign of") must not hide the next word's.
    return re.compile(r"(?<![\w-])(?=" + trie_pattern(sorted(prefixes)) + ")")


_TRIGGER = _trigger(set().union(*(s for p, s in _STARTS.items() if p not in _GATED)))
_GATED_TRIGGERS = [(required_words(p), _trigger(_STARTS[p])) for p in _GATED]


# Only text whose lower-casing changes its length needs it: compiled on first use, so that
# a `bilat` start does not pay ~25 ms for a pattern most articles never use.
@cache
def _cues_any_case() -> re.Pattern[str]:
    return re.compile(_SOURCE, re.IGNORECASE)


# A capitalised "Agreement"/"Accord" is the title of a document, not a deal reached.
_TITLE_WORD = re.compile(lead_guarded(r"\b(?:Agreement|Accord|Consensus)\b"))


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
        matches = list(_cues_any_case().finditer(segment))
    out: list[Cue] = []
    for m in matches:
        s, e = m.start(), m.end()  # (?!\w) in the pattern keeps cues on word ends
        name = m.lastgroup
        status = _STATUS_OF.get(name) if name is not None else None
        if status is None:
            continue
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
    starts = [t.start() for t in _TRIGGER.finditer(low)]
    gated = [trigger for needs, trigger in _GATED_TRIGGERS
             if all(any(w in low for w in words) for words in needs)]
    if gated:
        starts = sorted({*starts, *(t.start() for g in gated for t in g.finditer(low))})
    for pos in starts:
        if pos < after:
            continue
        m = match(low, pos)
        if m is not None:
            out.append(m)
            after = m.end()
    return out
