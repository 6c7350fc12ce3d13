"""Each side's stated positions: what it wants, fears, denies, proposes or welcomes.

Most of what an article says about a topic is reported speech: "Blinken raised concerns
about China's support for Russia's military", "China says it has not provided weaponry",
"Wang urged the U.S. to stop ...". A position is a clause after a verb of saying, urging,
warning, denying, welcoming or proposing, with the side of its subject. A direct quote whose
sentence names no such clause is the position itself, and points to the quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

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
from store.ingest.cueprefix import first_class_guarded, lead_guarded, pattern_prefixes
from store.ingest.keywords import Hit, KeywordIndex
from store.ingest.sentences import split_sentences
from store.ingest.types import ActorTable, Para
from store.ingest.wordtrie import trie_pattern
from store.models import Position, PositionKind, Quote

# Verbs of stance by kind; the longest alternatives first where one is a prefix of another.
_KINDS: list[tuple[PositionKind, str]] = [
    ("concern", r"(?:raised|raises|raising|expressed|expresses|expressing|voiced|voices|voicing|"
                r"reiterated|conveyed|"
                # ('expressed "serious concern"': the words quoted)
                r"underscored|flagged|will\s+raise)\s+\"?(?:[\w'-]+\s+){0,2}?(?:concerns?|worries|"
                r"alarm|"
                r"objections?|opposition|displeasure)|(?:is|was|were|are|remains?)\s+"
                r"(?:deeply\s+|seriously\s+|gravely\s+)?concerned|worried"
                # "raised Beijing's support for Moscow", "will raise the propaganda": an issue
                # raised is a concern
                r"|(?:raised|raises|will\s+raise)(?!\s+(?:a\s+|the\s+)?(?:toast|glass|funds?|money|"
                r"questions?|hopes?|expectations?|flags?|prices?|rates?)\b)"
                # criticism and accusation (ANNOTATION.md: concerns, accusations)
                r"|critici[sz](?:ed|es|ing)|condemn(?:ed|s|ing)|denounc(?:ed|es|ing)|"
                r"deplor(?:ed|es|ing)|accus(?:ed|es|ing)|blam(?:ed|es|ing)"),
    ("warning", r"warned|warns|warning|cautioned|cautions|threatened|threatens"),
    ("demand", r"urged|urges|urging|called\s+on|calls\s+on|called\s+for|calls\s+for|demanded|"
               # ("pressing": as often the adjective, "pressing issues")
               r"demands|demanding|pressed|presses|pushed\s+for|pushes\s+for|"
               r"pushing\s+for|appealed\s+for|appeals\s+for|appealing\s+for|requesting|"
               r"calling\s+(?:on|for)|(?<!when )(?<!was )(?<!were )asked"
               # "asked about", "asked if ...", "Asked what ...": a question, not a demand
               r"(?!\s+(?:about|if|whether|what|when|why|how|who|which)\b)|requested|"
               r"insisted\s+on|insists\s+on|insists|"
               r"wants|wanted"),
    ("denial", r"denied|denies|denying|rejected|rejects|rejecting|dismissed|dismisses|"
               r"dismissing|refuted|refutes|refuting|ruled\s+out|rules\s+out|ruling\s+out|"
               r"opposed|opposes|opposing"),
    ("proposal", r"proposed|proposes|suggested|suggests|offered|offers|invited|invites|"
                 r"put\s+forward|floated|expressed\s+(?:[\w'’]+\s+){0,2}?(?:readiness|willingness|"
                 r"desire|eagerness|wish|interest)|proposing|suggesting|"
                 r"(?:is|are|was|were)\s+seeking|"
                 r"(?:is|was|are|were)\s+(?:ready|willing)\s+to"),
    ("welcome", r"welcomed|welcomes|praised|praises|appreciated|appreciates|hailed|hails|"
                r"applauds|lauds|"
                r"commended|commends|(?<=\bwe )(?:commend|welcome|praise|appreciate|support)|"
                r"thanked|thanks|thanking|lauded|applauded|expressed\s+"
                # ('expressed his "thanks to ...": the words quoted)
                r"(?:\w+\s+)?[\"']?(?:appreciation|gratitude|satisfaction|thanks)|celebrated|"
                r"celebrates|welcoming|praising|hailing|commending|lauding|endorsing|"
                r"backed|backs|endorsed|endorses|supported|supports|voiced\s+(?:\w+\s+)?support|"
                r"embraced|embraces|embracing"),
    # (the third person too: "underlines", "points out"; and "made clear". The -ing forms
    # are as often the writer's comment hung on a sentence: ", underlining the weight of")
    ("assertion", r"said|says|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|reiterated|"
                  r"reiterates|noted|notes|underlined|underlines|underscored|underscores|"
                  r"affirmed|affirms|reaffirmed|reaffirms|asserted|asserts|stated|"
                  r"pointed\s+out|points\s+out|made\s+(?:it\s+)?(?:clear|plain)|"
                  r"makes\s+(?:it\s+)?(?:clear|plain)|"
                  r"told|insisted|maintained|expressed\s+"
                  r"(?:\w+\s+)?(?:support|hope|confidence|belief)|hoped|believes|believed|"
                  r"highlighted|highlights|described|called|declared|declares|added|adds|"
                  r"acknowledged|acknowledges|recognized|"
                  r"recognised|agreed\s+that|admitted|admits|claimed|claims|hinted|hints|"
                  r"did\s+(?:claim|say|stress|acknowledge)|"
                  # a view both hold, not a promise (the commitment stage leaves it)
                  r"agreed\s+on\s+(?:the\s+)?(?:\w+\s+)?(?:need|importance|necessity|value|urgency|"
                  r"significance)|"
                  r"signall?ed|signals|explained|explains|elaborated|"
                  r"confirmed|confirms|wrote|writes|tweeted|argued|argues|replied|replies|"
                  r"responded|responds|"
                  r"remarked|talked\s+up|"
                  # the source named before or after what it holds: "According to Huber, the
                  # border must stay open", "..., according to the ministry"
                  r"according\s+to|"
                  # a participle hung on the main verb: "..., saying that the two ..."
                  r"saying|adding|noting|stressing|emphasi[sz]ing|insisting|"
                  # a standing stance: "China is committed to resolving differences"
                  r"(?:is|are|was|were|remains?|remained)\s+(?:\w+ly\s+)?committed"),
]
# One word boundary before all the kinds, not one in each: the scan then tries the verbs
# only where a word starts (several times faster on long text).
# (a word's first letter is checked before the alternatives are tried: the letters the
# verbs start with)
_VERB = re.compile(
    r"\b(?=[abcdefhilmnoprstuvw])(?:"
    + "|".join(rf"(?P<{kind}>(?:{pattern})\b)" for kind, pattern in _KINDS) + ")", re.I
)
# Every verb starts a word with one of a few letter runs (read from the patterns, so a new
# verb is never missed): `_verbs` tries the big alternation only where one of them starts a
# word, which finds the same matches as `_VERB.finditer`, since each match begins at a word
# start (its leading \b) and the trigger, like `_VERB`, ignores case.
_VERB_TRIGGER = re.compile(lead_guarded(
    r"\b(?:" + trie_pattern(sorted(pattern_prefixes((p for _, p in _KINDS), depth=5))) + ")"),
    re.I)  # (five letters: "sai", "sta", "str" alone start too many other words)
# (", but will never ignore ...": a verb with no subject of its own goes on with the stance)
_CLAUSE_END = re.compile(r";|,\s+(?:while|whereas|but)\s+(?!(?:will|would|must|should|shall|can|"
                         r"cannot|won't|wouldn't|also|still|never|not)\b)|\s+while\s+")
# Where the clause of a stance opens: those, or a new subject after a coordinator ("The
# two sides agreed to ..., and officials said they expected ...": the stance is the second)
_CLAUSE_OPENS = re.compile(_CLAUSE_END.pattern + r"|,[\"']?\s+(?:and|but|so)\s+(?=(?:the|both|"
                           r"they|he|she|we|a|an|its|their|his|her)\b|[A-Z])")
_OPENERS = re.compile(r"(?:\s*(?:(?:that|to|on|for|about|over|with)\b|,|:))+\s*", re.I)
_MIN_CLAUSE = 12  # characters: "he said." states nothing
# A quotation that opens right on the verb: 'Huber "urged restraint ..."'.
_QUOTE_OPENS_ON_VERB = re.compile(r'(?<=\s)"')
_SEG_MAX = 1000  # characters a clause's end or its telling verb is looked for from its verb
# ("the issue was not raised": nobody's stance either)
_PASSIVE = re.compile(lead_guarded(
    r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+|not\s+)?$"), re.I)
# What a plain "said" reports that is no stance: what the talks covered (the agenda), and
# what both agreed (the commitment stage reads that).
_NOT_A_STANCE = re.compile(
    r"[\s,:]+(?:(?:after|during|at|in|on)\s+(?:[\w'’-]+\s+){0,3}?that\s+|that\s+)?"
    r"(?:(?:he|she|it|they|we|both(?:\s+sides)?|the\s+(?:two\s+)?(?:sides|leaders|men|ministers|"
    r"pair|talks|meeting|discussions?))\s+(?:and\s+(?:[\w.'’-]+\s+){1,3}?)?)?(?:had\s+|also\s+)*"
    r"(?:discussed|covered|"
    r"talked\s+about|touched\s+on|exchanged\s+views|agreed\s+(?:\w+ly\s+)?to|"
    # "noted that the two sides engaged in extensive discussions on ...": the talks told
    r"engaged\s+in\s+(?:[\w-]+\s+){0,2}?(?:discussions?|deliberations?|talks|consultations?|"
    r"dialogue|exchanges?))\b"
    r"(?!\s+(?:the\s+)?(?:need|importance|necessity)\b)"
    # the meeting told as a journey: "tweeted that he left Sochi after ...", "noted that he
    # had already met Ishiba three times", "told reporters that Dbeibah was accompanied by"
    r"|[\s,:]+(?:[\w\s'’-]{0,40}?\s)?that\s+(?:[\w'’-]+\s+){1,3}?(?:had\s+|has\s+|also\s+|"
    r"already\s+|was\s+|were\s+)*(?:met|left|arrived|visited|accompanied|held\s+talks|"
    # what the speaker did: "noted that he informed Huber about ...", "said he had read"
    r"informed|briefed|\"?(?:\w+ly\s+)?read)\b"
    # what came up in the talks, or an event told in the past perfect: "said both issues
    # came up during the meeting", "added that the two had a brief discussion", "said the
    # call had been delayed"
    r"|[\s,:]+(?:that\s+)?[^.;\"]{0,80}?\b(?:came\s+up|(?:was|were)\s+(?:not\s+)?raised|"
    # ("held talks as ...": when the words were said; "held a candid meeting": the meeting)
    r"(?:had\s+(?:an?\s+)?|held\s+an?\s+)\"?(?:[\w,-]+\s+){0,4}?(?:discussion|meeting|"
    r"conversation|talks|call|dialogue)|had\s+been\s+(?:delayed|held|postponed)|the\s+agenda)\b"
    # "Beijing responded by interrupting the sale of ...": an act, not a word said ("responded
    # by emphasizing the principle of ..." is one)
    # a courtesy: "said he was looking forward to the next visit"
    r"|[\s,:]+(?:that\s+)?(?:[\w'’-]+\s+){0,3}?look(?:s|ed|ing)?\s+forward\s+to\b"
    # the agenda ahead: "said he will exchange views on Ukraine", "said Varga will discuss"
    r"|[\s,:]+(?:that\s+)?(?:[\w.'’-]+\s+){1,4}?(?:will|would)\s+(?:also\s+|soon\s+)?(?:discuss|"
    r"exchange\s+views|hold\s+talks|talk\s+about|meet)\b"
    r"|\s+by\s+(?:\w+ly\s+)?(?!(?:saying|stressing|emphasi[sz]ing|noting|urging|calling|"
    r"warning|insisting|reiterating|pointing|expressing|asking|proposing|suggesting|rejecting|"
    r"denying|welcoming|praising|thanking|voicing|raising|demanding|underlining|"
    r"highlighting)\b)\w+ing\b",
    re.I)
# A clause whose words follow elsewhere: "underlined this point, saying that".
_EMPTY_END = re.compile(first_class_guarded(r"(?:\bthat|\bsaying|:)\W*$", re.I), re.I)
_WILL = re.compile(r"[^.;]{0,80}?\b(?:will|would|shall)\b", re.I)
# "said Hungary would join the pact": the speaker's side promising an action (a commitment)
_WILL_ACT = re.compile(r"\s+(?:that\s+)?(?:[\w'’-]+\s+){1,3}?(?:will|would)\s+(?:\w+ly\s+)?[\"']?"
                       r"(?:join|open|reopen|send|buy|purchase|invest|build|host|visit|come|travel|"
                       r"hold|resume|sign|provide|supply|be\s+(?:increasing|buying|sending))\b",
                       re.I)
# What both agreed to do, told with a plain verb of saying: the commitment stage's ("many
# points were agreed to" is a stance on the talks)
_PROMISED = re.compile(r"(?<!\bwere )(?<!\bwas )(?<!\bbeen )\bagreed\s+(?:\w+ly\s+)?[\"']?"
                       r"(?:to|that\b[^.;]{0,120}?\b(?:should|will|would|must|shall))\b", re.I)
_PROMISE_VERB = re.compile(r"agreed\s+that|(?:re)?affirmed|confirmed", re.I)
# What "called" or "described" says of a person or of the meeting itself is no stance.
_CHARACTERIZED = re.compile(
    r"\s+(?:(?:the|his|her|their|this|its|our)\s+(?:\w+\s+){0,2}?(?:meeting|talks|occasion|visit|"
    r"summit|discussions?|conversation|counterpart|engagement|exchange)\b"
    r"|(?:[A-Z][\w.'’-]*\s+){1,3}[\"']?(?:an?|the)\s)")
# Courtesies of a visit are not stances: thanks for the visit or the hosting, a welcome
# with a hug, an invitation to come over (ANNOTATION.md: "courtesies are not positions").
_NAME = r"(?:(?:[A-Z][\w.'’-]*|al|bin|de|da|von|der|van|la)\s+){1,5}?"
_COURTESY = re.compile(
    # (up to eight words between: "thanked UAE President Mohamed bin Zayed Al Nahyan for")
    r"\s+(?:(?:the|his|her|their|its)\s+)?(?:[\w.'’-]+\s+){0,8}?for\s+(?:the\s+|his\s+|her\s+|"
    r"their\s+|this\s+|its\s+|your\s+)?(?:warm\s+|kind\s+|gracious\s+|official\s+)?"
    r"(?:visit|hosting|hospitality|invitation|welcome|reception|trip|accepting|coming|"
    r"organi[sz]ing|(?:expression\s+of\s+)?(?:sympathy|condolences|congratulations|"
    r"greetings|(?:kind\s+|good\s+)?wishes)|(?:agreeing\s+to\s+)?(?:hold(?:ing)?|"
    r"host(?:ing)?)\s+(?:the|this|our|a)\s+(?:[\w-]+\s+)?(?:summit|meeting|talks|visit))\b"
    # "after welcoming the Kenyan leader": a person welcomed, and nothing more
    r"|\s+(?:the\s+|his\s+|her\s+)?(?:[\w.'’-]+\s+){0,4}?(?:leader|president|minister|"
    r"counterpart|guest|delegation|king|chancellor|premier|prime\s+minister)\W*$"
    # "for immediately sending him congratulatory messages", "for extending the invitation"
    r"|\s+(?:[\w.'’-]+\s+){0,4}?for\s+(?:\w+ly\s+)?(?:sending|extending|conveying)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:congratulat\w+|condolences|greetings|wishes|invitation)"
    # "appreciated the Chinese hospitality", "praised the warm reception"
    r"|\s+(?:[\w\"“”'’-]+\s+){0,2}?(?:the|his|her|their|its)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:hospitality|reception)\b"
    rf"|\s+{_NAME}(?:on\s+\w+day\s+)?(?:with|at|to\s+(?:the\s+)?[A-Z])\b"
    # "welcomed Varga in the building of the Presidency", "... in Vienna": where, not a stance
    rf"|\s+{_NAME}in\s+(?:the\s+)?(?:[A-Z]\w*|building|palace|residence|office|hall)\b"
    rf"|\s+{_NAME}(?:once\s+again\s+)?(?:over\s+)?to\s+(?:visit|come|attend)\b"
    rf"|\s+(?:once\s+again\s+)?(?:invited\s+)?{_NAME}over\s+to\b"
    # "welcomed the distinguished guest and his old friend to Lima for a state visit"
    r"|\s+(?:[\w.'’-]+\s+){0,8}?to\s+[A-Z][\w.'’-]*\s+for\s+(?:an?\s+|his\s+|her\s+|the\s+)?"
    r"(?:state\s+|official\s+|working\s+)?visit\b"
    # "warmly welcomed the President of Austria Max Huber on a state visit"
    r"|\s+(?:[\w.'’-]+\s+){0,10}?on\s+(?:an?\s+|his\s+|her\s+|the\s+|this\s+)?"
    r"(?:state|official|working)\s+visit\b",
)

# A stance told at another time: "the countries said in March they had finalized ...",
# "warned last week that ...": background, not what was said at this meeting.
_OTHER_TIME = re.compile(
    r"\s+(?:[\w'’-]+\s+)?(?:in\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|(?:19|20)\d\d)|last\s+(?:week|month|year)|"
    r"earlier(?:\s+this\s+(?:week|month|year))?|previously)\b")
# A sentence that opens at another time: "Earlier, the Kremlin said ...".
# ("Before leaving for Delhi, Varga said": another occasion, on the way)
# ("Later that day, Varga met the Polish leader and said": another meeting of the trip)
_EARLIER = re.compile(r"\W*(?:earlier|previously|last\s+(?:week|month|year)|"
                      r"later\s+(?:on\s+)?(?:that|the\s+same)\s+day|the\s+(?:previous|day\s+before)|"
                      r"in\s+(?:19|20)\d\d|before\s+(?:leaving|departing|flying|heading|"
                      r"travell?ing|setting\s+off)\b[^,]{0,60})\s*,", re.I)
# The same, told just before the verb: "talks stalled in recent days when each side
# accused the other", "Varga last week warned".
_PAST_BEFORE = re.compile(r"\b(?:in\s+recent\s+(?:days|weeks|months)|last\s+(?:week|month|year)|"
                          r"earlier\s+this\s+(?:week|month|year)|previously|recently)\b"
                          r"[^.;,]*$", re.I)
# A sentence that tells another event before the verb: "Their meeting came a day after a
# summit with Kim, during which the leaders condemned ...": that event's stance.
_ANOTHER_EVENT = re.compile(r"\b(?:a|one|two|three|four|five|\d+)\s+(?:days?|weeks?)\s+"
                            r"(?:after|before)\b", re.I)
_NEGATED = re.compile(lead_guarded(r"\b(?:not|never|nor|n't|neither)\s+(?:\w+\s+)?$"), re.I)
# A visit or an invitation as what is said is the itinerary, not a stance on an issue:
# "conveyed Putin's invitation to Lula", "noted he expects Aliyev at the summit", "said he
# would come to Seoul for the summit", "confirmed that the president will travel to ...".
_VISIT_TOLD = re.compile(
    # ("stressed the importance of regular visits" is a stance on the visits)
    # ("... on his first visit since": when the stance was said, not what it says)
    r"(?:(?!importance|need|necessity|value)[^.;]){0,50}?\b"
    # (the words first: the look-behinds are tried only where one of them starts)
    r"(?=invit|visit|trip|travel|expect|come|came)"
    r"(?<!\bon )(?<!\bon his )(?<!\bon her )(?<!\bon a )(?<!\bon the )(?<!\bduring )"
    r"(?<!\bon first )(?<!\bon his first )(?<!\bon her first )(?<!\bduring his )"
    r"(?<!\bduring her )(?<!\bduring the )"
    r"(?:invitations?|visits?|trips?|"
    r"travel(?:s|led|ed)?\s+to|expects?\s+"
    r"(?:to\s+(?:see|meet|welcome|host)\s+)?[A-Z]\w+\s+(?:[A-Z]\w+\s+)?(?:at|in|to)|"
    r"(?:come|came)\s+to)\b", re.I)


def find_positions(
    text: str, paras: list[Para], table: ActorTable, pair: list[str],
    para_topics: dict[int, list[str]], quotes: list[Quote], index: KeywordIndex,
    head: Sequence[Para] = (),
) -> list[Position]:
    """Every position stated in the article, in text order; one per topic its sentence
    names ("red lines covering Taiwan and the South China Sea" is a stance on each).
    `head`: the headline and deck lines, read as part of the first paragraph, in the
    present tense of headlines ("Varga, Huber stress ...", "Huber renews support for")."""
    finder = SubjectFinder(text, table)
    quote_starts = [q.start for q in quotes]
    # The same scan of the body the topic stage made (the index remembers it).
    body_hits = index.scan(text, paras[0].start, max(p.end for p in paras)) if paras else ()
    hit_starts = [h.start for h in body_hits]
    out: list[Position] = []
    quote_kinds: dict[int, PositionKind] = {}  # a quote's verb: '"...," Wang warned'
    in_head = {id(h) for h in _once(text, head)}
    for p in [*(h for h in head if id(h) in in_head), *paras]:
        topics = para_topics.get(p.index, [])
        verbs = _verbs
        if id(p) in in_head:
            hits: tuple[Hit, ...] = ()  # scanned below, for a line that states a stance
            verbs = _head_verbs
        else:
            hits = body_hits[bisect_left(hit_starts, p.start):bisect_left(hit_starts, p.end)]
        held: tuple[list[str | None], str | None] | None = None  # the last sentence's holder
        for s in sentences_of(p):
            pos = floor = s.start  # floor: a clause starts after a quote's attribution
            told, held = held, None
            while True:
                first = next(verbs(text, pos, s.end), None)
                if first is None:
                    if pos == s.start and told is not None and verbs is _verbs and (
                            _goes_on(text, s.start, s.end, finder.starts)):
                        # "Wang stated that ... . The priority is to stabilize ...": the
                        # reported words go on in the next sentence, with no verb of their own
                        held = told
                        start, end = s.start, s.start + len(text[s.start:s.end].rstrip(" .;"))
                        for topic in _topics_of(hits, start, end, topics, index):
                            for side in told[0]:
                                out.append(Position(
                                    side=side, speaker=told[1], topic=topic,
                                    kind=_modal_kind(text, start, end), text=text[start:end],
                                    paragraph=p.index, start=start, end=end, quote=None))
                    break
                if verbs is _head_verbs and _QUESTION_LABEL.search(text, s.start, first.start()):
                    break  # "Factbox: What Varga and Huber said": a label, no stance
                if verbs is _head_verbs:
                    floor = max(floor, pos)  # (a headline's next stance starts after a comma)
                # (each search is bounded: a run-on "sentence" of page text with a verb every
                # few words must not make the scan quadratic)
                end_m = _CLAUSE_END.search(text, first.end(), min(s.end, first.end() + _SEG_MAX))
                seg_end = end_m.start() if end_m else s.end
                if verbs is _head_verbs:
                    # "Xi Says China Must ..., von der Leyen Urges ...": a headline lists
                    # its stances with commas, each with its own subject and verb
                    nxt = next(_head_verbs(text, first.end(), seg_end), None)
                    comma = text.rfind(",", first.end(), nxt.start()) if nxt else -1
                    if nxt and comma > 0 and _head_subject(
                            text, comma + 1, nxt.start(), table).actor is not None:
                        seg_end = comma
                pos = max(seg_end, first.end())
                if inside_quotes(text, s.start, first.start()) and not (
                        first.start() > s.start
                        and _QUOTE_OPENS_ON_VERB.match(text, first.start() - 1, first.start())
                        and verbs is _verbs):
                    pos = first.end()
                    continue  # a verb inside someone's quoted words
                # ('Huber "voiced deep concern about ...": a readout's words quoted from its
                # verb on; the verb is the named subject's, read as if unquoted)
                if _NEGATED.search(text, max(s.start, first.start() - 30), first.start()):
                    continue  # "Neither Putin nor Trump mentioned a ceasefire": nothing said
                # ('"...," stressing that': a participle adds a stance, it attributes none)
                before = (None if first[0].lower().endswith("ing") else
                          _quote_before(text, s.start, first.start(), quotes, quote_starts))
                trail: tuple[int, int, int] | None = None
                agent: int | None = None  # the actor after "by" of a passive verb
                if before is not None:
                    # '"...," Huber said at a news conference after the talks': the verb
                    # attributes the quote; what follows it is the scene, not a stance,
                    # unless another verb follows ('..., adding that ...').
                    pos = floor = first.end()
                    m = first
                    start, end = quotes[before].start, quotes[before].end
                    quote: int | None = before
                    kind: PositionKind = next(k for k, _ in _KINDS if m[k])
                elif _OTHER_TIME.match(text, first.end(), seg_end) or _EARLIER.match(
                        text, s.start, first.start()) or _PAST_BEFORE.search(
                        text, max(s.start, first.start() - 40), first.start()) or (
                        _ANOTHER_EVENT.search(text, max(s.start, first.start() - _SEG_MAX),
                                              first.start())):
                    continue  # "said in March that ...": another day's stance
                else:
                    # "Blinken said he raised concerns about ...": the speaker is the subject
                    # of the first verb, the stance is the most telling verb of the clause.
                    # ("according to" names a source: no verb of its clause tells more)
                    m = (first if first[0][:9].lower() == "according"
                         else _telling_verb(text, first, seg_end, s.start))
                    kind = next(k for k, _ in _KINDS if m[k])
                    if (m["welcome"] or m["proposal"]) and _COURTESY.match(text, m.end(),
                                                                           seg_end):
                        continue  # "thanked Varga for the visit", "welcomed Huber with a hug"
                    if _PASSIVE.search(text, max(s.start, m.start() - 12), m.start()):
                        # "Tolls were raised by Varga during the talks": the agent holds it
                        agent = (None if m["welcome"] or m["assertion"] or m is not first
                                 else _agent(finder, text, m.end(), seg_end))
                        if agent is None:
                            continue  # "the two men were welcomed to the villa": no one's

                    if _VISIT_TOLD.match(text, m.end(), seg_end):
                        continue  # "noted Putin's invitation to visit Russia": the itinerary
                    if m["assertion"] and _NOT_A_STANCE.match(text, m.end(), seg_end):
                        continue  # "said they discussed trade": the agenda; "agreed to": a promise
                    if (_PROMISE_VERB.fullmatch(m[0]) and _WILL.match(text, m.end(), seg_end)) or (
                            m[0].lower() in ("said", "says") and _WILL_ACT.match(
                                text, m.end(), seg_end)):
                        continue  # "agreed that the two will ...": a promise, not a stance
                    if m[0].lower() in ("called", "described") and _CHARACTERIZED.match(
                            text, m.end(), seg_end):
                        pos = m.end()  # ("... as positive and said he ...": read on)
                        continue  # "called Xi a tough negotiator", "described the talks as"
                    start, end, quote = _clause(text, m.end(), seg_end, s.start, s.end, quotes,
                                                quote_starts)
                    if quote is not None and _AGENDA_LEAD.search(
                            text, max(s.start, start - 60), start):
                        continue  # 'The leaders discussed "...," the ministry said'
                    if verbs is _head_verbs and (quote is not None or end - start < _MIN_CLAUSE):
                        # a headline's clause is its stance, quoted words and all: 'Huber
                        # urges "real solutions"', "Tolls must fall, says Varga"
                        if _NOT_A_STANCE.match(" " + text[m.end():seg_end].replace('"', "")):
                            continue  # 'Varga said "trade" came up': the agenda, marks aside
                        quote = None
                        start = floor
                        end = start + len(text[start:seg_end].rstrip(" .,\"'"))
                    if m is first and m[0][:9].lower() == "according" and _NO_SOURCE.match(
                            text, m.end(), seg_end):
                        pos = m.end()
                        continue  # "according to media reports": nobody's stance
                    if m is first and m[0][:9].lower() == "according":
                        # the words after "according to" name the source, not the stance
                        span = _after_source(text, s.start, m.end(), seg_end, finder.starts)
                        if span == "verb":
                            pos = m.end()  # "According to Seoul, Lee urged ...": Lee's
                            continue
                        if isinstance(span, tuple):
                            start, end = span
                            quote = None
                            trail = (start, end, m.start())  # the source holds it
                        else:
                            trail = (None if floor > s.start
                                     else _trailing_stance(text, s.start, m.start()))
                            if trail is None:
                                pos = m.end()  # "Huber, according to aides, urged ..."
                                continue
                    elif not (quote is not None or m is not first or verbs is _head_verbs
                              or end - start >= _MIN_CLAUSE or floor > s.start):
                        # (after a quote's attribution, the quote holds the stance)
                        trail = _trailing_stance(text, s.start, first.start())
                subject = (Subject(agent, False) if agent is not None
                           else _head_subject(text, floor, first.start(), table, first.end())
                           if verbs is _head_verbs
                           else finder.main_subject(s.start, first.start(), first.end(), s.end)
                           if hung_participle(text, s.start, first.start())
                           # "He congratulated Sandu on ... and reiterated ...": the verb
                           # shares its clause's subject, not the object before it
                           else _coordinated_subject(finder, text, s.start, first)
                           if _COORDINATED.search(text, max(s.start, first.start() - 40),
                                                  first.start())
                           and first[0].split()[0].lower() not in _COPULAS
                           # "..., the Austrian chancellor added": who stands after the comma
                           else finder.subject(trail[2], first.start(), first.end(), s.end)
                           if trail is not None
                           else finder.subject(s.start, first.start(), first.end(), s.end))
                sides = _sides(subject.actor, subject.joint, table, pair)
                speaker = ("both sides" if subject.joint
                           else table.actors[subject.actor].name if subject.actor is not None
                           else None)
                named = [c for c in countries_before(
                    text, s.start if trail is None else trail[2], first.start()) if c in pair]
                if named:
                    # "China is committed to ...", "Hungary and Austria said ..."
                    sides, speaker = list(named), " and ".join(named)
                if m is not first and verbs is _verbs:
                    # reported speech of another holder: "Baku said the two leaders confirmed
                    # that ...", "Huber said Varga rejected ...": the stance is the embedded
                    # subject's
                    held = _embedded(finder, text, first.end(), m.start(), table, pair)
                    if held is not None and held[0] != sides:
                        sides, speaker = held  # ("Berg said Iceland wants": still Berg's)
                if quote is not None and before is None and first.end() < quotes[quote].end < pos:
                    # 'said that "...," stressing that ...': read on after the quote
                    pos = floor = quotes[quote].end
                if quote is not None and quotes[quote].speaker_country in pair:
                    # The verb only attributes a direct quote: the quote is the stance, read
                    # sentence by sentence below, with the quote stage's speaker (the verb's
                    # subject stands in when the quote stage found none).
                    quote_kinds.setdefault(quote, kind)
                    continue
                if sides is None:
                    continue
                if quote is None:
                    # (what is said runs from the reporting verb: in "said Hungary wanted
                    # lower tolls" the words after "wanted" are short, the stance is not)
                    if trail is not None:
                        start, end = trail[:2]  # the stance before its attribution
                    elif end - (start if m is first else first.end()) < _MIN_CLAUSE:
                        continue  # "The ministry said:" with the words elsewhere
                    # The stance with who holds it: "Wang urged the U.S. to ...".
                    else:
                        start = max(floor, clause_start(text, s.start, first.start(),
                                                        _CLAUSE_OPENS))
                    while start < end and text[start] in " ,;:\"'":
                        start += 1  # "..., he said, stressing that": from "stressing"
                if end - start < _MIN_CLAUSE or _EMPTY_END.search(text, start, end):
                    continue
                if kind == "assertion" and _PROMISED.search(text, start, end):
                    continue  # "said the two sides agreed to ...": a promise (commitments)
                if kind == "assertion":
                    kind = _modal_kind(text, start, end)
                if verbs is _head_verbs and not hits:
                    hits = index.scan(text, p.start, p.end, remember=False)
                if quote is None and end >= s.end - 2:
                    held = (sides, speaker)  # reported words that run to the sentence's end
                for topic in _topics_of(hits, start, end, topics, index):
                    for side in sides:
                        out.append(Position(
                            side=side, speaker=speaker, topic=topic, kind=kind,
                            text=text[start:end], paragraph=p.index, start=start, end=end,
                            quote=quote,
                        ))
    sent_starts = [s.start for p in paras for s in sentences_of(p)]
    out.extend(_quoted_stances(text, pair, para_topics, quotes, quote_kinds, out, body_hits,
                               hit_starts, index, sent_starts))
    out.sort(key=lambda pos: pos.start)  # stable: a clause's topics and sides keep their order
    return out


_MIN_QUOTE_WORDS = 5  # "red lines", "tough negotiator": a term quoted, not a stance stated
# What a speaker says about the visit itself rather than an issue: thanks and pleasure, and
# the meeting as the subject ("The talks were useful", "I had a productive discussion with").
_QUOTE_COURTESY = re.compile(
    lead_guarded(
    r"\b(?:thanks?|thanking|grateful|gratitude|pleasure|honou?r(?:ed)?|happy\s+to|glad\s+to|"
    r"delighted|welcome\s+(?:you|to)|congratulat\w*|"
    # "I look forward to ...", "Looking forward to working with you": the courtesy of a visit
    r"look(?:s|ed|ing)?\s+forward)\b"), re.I)
# (`match` anchors at the sentence's start: `^` would not, at a position inside the text.)
_QUOTE_ABOUT_MEETING = re.compile(
    r"\W*(?:(?:the|this|our|today's|my)\s+(?:\w+\s+){0,3}?(?:meeting|talks|conversation|"
    r"discussions?|visit|summit)\b|(?:I|we)\s+(?:\w+\s+){0,2}?(?:(?:had|held)\s+(?:\w+\s+){0,4}?"
    r"(?:meeting|talks|conversation|discussions?|call)|met|spoke|talked|discussed|"
    r"will\s+discuss|shall\s+discuss|have\s+a\s+lot\s+to\s+talk|"
    r"(?:'d|would|will)\s+be\s+discussing)\b"
    # background: a sentence that opens in the past ("Last year, we signed ...")
    r"|(?:last|in|after|since|on\s+the\s+way)\s+(?:\w+\s+){0,3}?(?:year|month|week|visit|"
    r"home|(?:19|20)\d\d)\b)", re.I)
# The meeting told as an event: who met, spoke or discussed what.
_QUOTE_NARRATES = re.compile(lead_guarded(r"\b(?:met|spoke|talked|discussed|summed\s+up)\b"), re.I)


def _quoted_stances(text: str, pair: list[str], para_topics: dict[int, list[str]],
                    quotes: list[Quote], quote_kinds: dict[int, PositionKind],
                    found: list[Position], body_hits: Sequence[Hit], hit_starts: list[int],
                    index: KeywordIndex, sent_starts: Sequence[int] = ()) -> list[Position]:
    """A direct quote of one of the pair's sides, whether a verb attributes it or not, is a
    stance in the speaker's own words: one per sentence of the quote that states something
    about an issue (not a term in scare quotes, a courtesy, or the meeting itself). Its kind
    is the attributing verb's ("warned"), else what its modals say."""
    covered = sorted((pos.start, pos.end) for pos in found)
    cover_starts = [c[0] for c in covered]
    out: list[Position] = []
    for k, q in enumerate(quotes):
        if (q.partial and k not in quote_kinds) or q.speaker_country not in pair or not pair:
            # (a fragment counts when a verb attributes it: 'Wang "had candid talks on ...,"
            # the ministry said')
            continue
        j = bisect_left(cover_starts, q.end)
        # (a clause that runs to the quote's end holds it, less its closing stop)
        if any(a <= q.start and q.end <= b + 3 for a, b in covered[max(0, j - 8):j]):
            continue  # a verb of stance already holds these words
        topics = para_topics.get(q.paragraph, [])
        kept = [(a, b) for a, b in _quote_sentences(text, q.start, q.end)
                if _states_something(text, a, b)
                and not (_MEETING_NOUN.search(text, a, b) and not _MEETING_RATED.search(text, a, b)
                         and bisect_left(hit_starts, a) == bisect_left(hit_starts, b))]
        if not kept:
            continue
        # The quote less the courtesies and narration at its ends: one statement.
        start, end = kept[0][0], kept[-1][1]
        if start <= q.start + 1:
            # 'The countries are natural partners and "...," Varga said': the reported words
            # before the quote in its sentence are the same stance
            start = _lead_in(text, q.start, sent_starts)
            if _AGENDA_LEAD.search(text, max(start, q.start - 60), q.start) or (
                    _AGREED_QUOTE.match(text, q.start, q.end)):
                continue  # 'The leaders discussed "the unity of ..."': the agenda quoted
        hits = body_hits[bisect_left(hit_starts, start):bisect_left(hit_starts, end)]
        for topic in _topics_of(hits, start, end, topics, index):
            out.append(Position(
                side=q.speaker_country, speaker=q.speaker, topic=topic,
                kind=(quote_kinds[k] if quote_kinds.get(k, "assertion") != "assertion"
                      else _modal_kind(text, start, end)),
                text=text[start:end], paragraph=q.paragraph, start=start, end=end, quote=k,
            ))
    return out


# A second verb of the same subject: "... and (once again) reiterated", "..., and also urged".
_COORDINATED = re.compile(lead_guarded(
    r"\band\s+(?:(?:also|then|once\s+again|again|later|further|\w+ly)\s+)*$"), re.I)
_COPULAS = frozenset("is are was were remains remain remained".split())
# (not "and was ready to": a state of the clause's own subject, often a country named
# inside a reported clause, "India was on the side of peace and was ready to")
_BY = re.compile(r"\s+by\s+")
_AGENT_REACH = 60  # characters after "by" where the agent's mention starts


def _agent(finder: SubjectFinder, text: str, verb_end: int, seg_end: int) -> int | None:
    """The actor named after "by" right behind a passive verb of stance ("were raised by
    Greek Prime Minister Lena Varga"), if any."""
    by = _BY.match(text, verb_end, seg_end)
    if by is None:
        return None
    k = bisect_left(finder.starts, by.end())
    mentions = finder.table.mentions
    if k < len(mentions) and mentions[k].start < min(seg_end, by.end() + _AGENT_REACH):
        return mentions[k].actor
    return None


def _coordinated_subject(finder: SubjectFinder, text: str, sent_start: int,
                         verb: re.Match[str]) -> Subject:
    """The subject of a verb joined by "and" to an earlier one of its clause: the nearest
    one when it is joint ("Varga and Huber met ... and urged"), else the subject of the
    clause, which opens after the last comma before the verb ("As Huber arrived, Varga
    thanked Huber and urged ...")."""
    near = finder.subject(sent_start, verb.start(), verb.end(), verb.end())
    if near.joint:
        return near
    joined = _COORDINATED.search(text, max(sent_start, verb.start() - 40), verb.start())
    # (the comma of ", and reiterated" joins the verbs; the clause opens before it)
    comma = text.rfind(", ", sent_start, (joined.start() if joined else verb.start()) - 1)
    main = finder.main_subject(sent_start if comma < 0 else comma + 2, verb.start(),
                               verb.end(), verb.end())
    return main if main.actor is not None or main.joint else near  # (none found there)


# Reported speech attributed after it, with no quotation marks: "Austria wants lower tolls,
# the chancellor added", "... as soon as possible, said Huber": a comma, then at most a
# few words (the speaker) before the verb.
_TRAILING = re.compile(r",\s*(?:[^\s,;:\"]+\s+){0,7}$")
# "The two sides will issue a statement, an aide said": a promise (the commitment stage's)
_JOINT_WILL = re.compile(r"\W*(?:the\s+two|both)\s+\w+\s+(?:will|would|agreed)\b", re.I)
_TRAIL_MAX = 160  # characters before the verb searched for the comma
_STANCE_MAX = 600  # characters of a stance told before its attribution
# A sentence attributed after it that tells the meeting itself, its agenda or its source:
# "Varga met Huber in Vienna on Friday, the ministry said", "Trade was on the agenda, an
# aide said", "According to the report, ...".
_EVENT_TOLD = re.compile(lead_guarded(
    r"\b(?:met|meets|held\s+(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,4}?(?:meeting|"
    r"talks|call|conversation|summit)|discussed|discussions?|on\s+the\s+agenda|"
    r"(?:will|would)\s+be\s+(?:discussed|raised)|according\s+to|did\s+not\s+set|sidelines|"
    # (its length: "ran for about one hour", "lasted 75 minutes")
    r"lasted|ran\s+(?:for|into)|received|arrived|accompanied|scheduled|attend|"
    r"(?:is|are|was|were)\s+(?:taking\s+place|being\s+held)|takes\s+place)\b"), re.I)
# "according to figures cited by the ministry", "according to media reports": a source
# that holds no stance (the body that cites it is not the one speaking)
_NO_SOURCE = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?(?:figures|data|estimates|statistics|polls?|"
                        r"surveys?|reports?|media|sources|analysts|experts|observers|"
                        r"documents?|records)\b", re.I)


def _trailing_stance(text: str, start: int, verb: int) -> tuple[int, int, int] | None:
    """The stance told before a verb of saying that closes its sentence ("China wants
    lower tolls, Huber said."): its span, and where the attribution starts (the speaker is
    looked for there, never in the stance). None when the verb attributes nothing before
    it, or what it attributes is the agenda or the meeting told as an event."""
    if verb - start > _STANCE_MAX:
        return None  # (a run-on "sentence" of page text: no one's stance, and kept linear)
    m = _TRAILING.search(text, max(start, verb - _TRAIL_MAX), verb)
    if m is None or '"' in text[start:m.start()]:
        return None  # no comma before the speaker, or quoted words (the quote stage's)
    end = start + len(text[start:m.start()].rstrip(" .,\"'"))
    if (end - start < _MIN_CLAUSE or _NOT_A_STANCE.match(" " + text[start:end])
            or _EVENT_TOLD.search(text, start, end) or _JOINT_WILL.match(text, start, end)):
        return None
    return start, end, m.start()


# A clause that opens on someone doing something: a pronoun or a joint subject (a named
# person is read from the actor table's mentions within its first characters).
_ACTOR_OPENS = re.compile(r"\W*(?:(?:he|she|they|we|I)\b|(?:the\s+two|both)\s+(?:sides|leaders|men|"
                          r"ministers|presidents|parties|delegations|governments)\b)", re.I)
_OPENING = 24  # characters: "the Japanese prime minister is ...", "Yoon congratulated"
# The source named by "According to" at a sentence's start, up to the comma after it.
_SOURCE = re.compile(r"\s+(?:[^\s,;:\"]+\s+){0,8}?[^\s,;:\"]+\s*,\s*")


def _after_source(text: str, sent_start: int, source: int, seg_end: int,
                  mention_starts: Sequence[int]) -> tuple[int, int] | str | None:
    """What a sentence opening "According to X," holds: its span when it states X's stance
    ("According to Huber, the border must stay open"); "verb" when a verb of stance of its
    own follows, whose subject holds it; None when "according to" does not open the
    sentence, or what follows tells the meeting or its agenda."""
    if source - sent_start > _OPENING or not text[sent_start:source].lower().lstrip(
            " \t\"'(").startswith("according"):
        return None
    m = _SOURCE.match(text, source, seg_end)
    if m is None or seg_end - m.end() > _STANCE_MAX:
        return None  # (a run-on "sentence": no one's stance, and kept linear)
    start, end = m.end(), m.end() + len(text[m.end():seg_end].rstrip(" .,\"'"))
    if next(_verbs(text, start, end), None) is not None:
        return "verb"
    if _ACTOR_OPENS.match(text, start, end) or any(
            start <= k < start + _OPENING for k in mention_starts[
                bisect_left(mention_starts, start):bisect_left(mention_starts, end)]):
        # "According to aides, Varga arrived ...", "..., they had a long talk": what someone
        # did, told by a source; not a stance the source holds
        return None
    if (end - start < _MIN_CLAUSE or _NOT_A_STANCE.match(" " + text[start:end])
            or _EVENT_TOLD.search(text, start, end)):
        return None
    return start, end


# A sentence that goes on with reported words says what should be, is or will be (a
# stance), in the present or with a modal; past narration is the reporter's.
_STANCE_TENSE = re.compile(lead_guarded(
    r"\b(?:is|are|must|should|need|needs|will|can|cannot|has\s+to|have\s+to|necessary|"
    r"priority|important|we|our)\b"), re.I)


# A line of page furniture in capitals ("JOIN US ON TELEGRAM ..."), not words said.
_SHOUTED = re.compile(r"\W*(?:[A-Z]{2,}\s+){2,}")


def _goes_on(text: str, start: int, end: int, mention_starts: Sequence[int]) -> bool:
    """Does this sentence, with no verb of stance, go on with the reported words of the one
    before it? Not when it holds quotation marks (the quote stage reads them), names
    someone at its start (a new subject), tells the meeting or another time, or narrates in
    the past."""
    if ('"' in text[start:end] or not _STANCE_TENSE.search(text, start, end)
            or _SHOUTED.match(text, start, end)):
        return False
    k = bisect_left(mention_starts, start)
    if k < len(mention_starts) and mention_starts[k] < start + _OPENING:
        return False
    return not (_EVENT_TOLD.search(text, start, end) or _EARLIER.match(text, start, end)
                or _OTHER_TIME.match(text, start - 1, end)
                or _NOT_A_STANCE.match(" " + text[start:end]) or end - start < _MIN_CLAUSE)


# Quoted words that are what the talks covered, or what both agreed (the commitment
# stage's): 'The leaders discussed "the future of the valley"', 'The two "agreed to ...'.
_AGENDA_LEAD = re.compile(lead_guarded(
    r"\b(?:discussed|talked\s+about|touched\s+on|exchanged\s+views\s+on|focused\s+on|"
    r"(?:was|were)\s+marked\s+by)\W*$"), re.I)
# ("agreed on the importance of ...": a view both hold, a stance)
_AGREED_QUOTE = re.compile(r"\W*agreed\b(?!\s+on\s+(?:the\s+)?(?:importance|need|necessity|value|"
                           r"urgency|significance)\b)", re.I)
# A lead-in that is only its speaker and a verb of saying: 'Varga said that "', 'He added: "'.
_ATTRIBUTION_ONLY = re.compile(
    r"^\W*(?:[\w.'’-]+\s+){0,5}?(?:said|says|added|adds|told\s+[\w\s]{0,30}?|stated|noted|"
    r"wrote|tweeted|declared|stressed|emphasi[sz]ed|insisted|explained|replied|continued|"
    r"remarked|went\s+on|saying|adding|noting)\s*(?:that\s*)?[,:]?\s*[\"']?\s*$", re.I)
_LEAD_IN_MAX = 240  # characters of the sentence before a quote read as its lead-in


def _lead_in(text: str, quote_start: int, sent_starts: Sequence[int]) -> int:
    """Where the stance of a quote starts: at its sentence's start when the words before
    the quote are unquoted speech or its attribution ('He thanked "Sandu and ..."'), else
    at the quote."""
    k = bisect_left(sent_starts, quote_start + 1) - 1
    if k < 0:
        return quote_start
    start = sent_starts[k]
    lead = text[start:quote_start]
    if len(lead) > _LEAD_IN_MAX or lead.count('"') > 1 or not lead.strip(" \t\"'"):
        return quote_start  # another quote, a long run-up, or nothing before it
    if _ATTRIBUTION_ONLY.search(lead):
        return quote_start  # 'Huber said that "...': the attribution adds no words
    while start < quote_start and text[start] in " \t\"'(":
        start += 1
    return start


# An ellipsis before a capital inside a quote joins two sentences of it: "the welcome...
# Every one of us".
_ELLIPSIS_BREAK = re.compile(r"(?:\.{3,}|…)\s*(?=[A-Z])")


# A sentence of a quote that names the meeting and no issue tells the meeting as an event
# ("We are going to have important discussions here", "Today we will attend the dinner").
_MEETING_NOUN = re.compile(lead_guarded(
    r"\b(?:meetings?|talks|discussions?|conversations?|visits?|summits?|"
                           r"dinner|lunch|ceremony|trip|contacts)\b"), re.I)


# A speaker's verdict on the meeting is a stance on the relationship ("Our talks were
# extremely fruitful", "Each meeting is significant", "The visit confirms a solid
# partnership"): the meeting is rated, not told.
_MEETING_RATED = re.compile(lead_guarded(
    r"\b(?:meetings?|talks|discussions?|conversations?|visits?|summits?)\s+"
    r"(?:(?:is|was|were|are|has\s+been|have\s+been)\s+(?:\w+ly\s+|very\s+|most\s+|so\s+)?"
    r"(?:constructive|fruitful|productive|useful|important|significant|frank|candid|positive|"
    r"successful|historic|excellent|meaningful|substantive|cordial|the\s+essence)|"
    r"(?:achieved|confirms|confirmed|marks|marked|opens|opened|reflects|reflected)\b)"),
    re.I)


def _states_something(text: str, start: int, end: int) -> bool:
    """Does this sentence of a quote state a stance: a clause, not a term in scare quotes,
    a courtesy or the meeting told as an event?"""
    return (len(text[start:end].split()) >= _MIN_QUOTE_WORDS
            # a courtesy opens its sentence ("Thank you for ...", "It is my pleasure to");
            # one tacked on at its end ("..., and it's an honour to have you") leaves a stance
            and not _QUOTE_COURTESY.search(text, start, min(end, start + 40))
            and not (_QUOTE_ABOUT_MEETING.match(text, start, end)
                     and not _MEETING_RATED.search(text, start, end))
            # the main verb, early in the sentence ("..., and they discussed X" at its end
            # leaves the stance before it)
            and not _QUOTE_NARRATES.search(text, start, min(end, start + 60))
            and not (_VISIT_TOLD.match(text, start, end)
                     and not _MEETING_RATED.search(text, start, end)))


def _quote_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A quote's sentences, without their closing punctuation."""
    out: list[tuple[int, int]] = []
    for sent in split_sentences(text, start, end):
        a = sent.start
        for brk in _ELLIPSIS_BREAK.finditer(text, sent.start, sent.end):
            out.append((a, brk.start()))
            a = brk.end()
        out.append((a, sent.end))
    return [(a, a + len(text[a:b].rstrip(" .,;:\"'"))) for a, b in out]


_WARNING_WORDS = re.compile(lead_guarded(
    r"\b(?:must not|mustn't|should not|shouldn't|red lines?|will not "
                            r"tolerate|never allow|cannot accept|will not accept)\b"), re.I)
_DEMAND_WORDS = re.compile(lead_guarded(
    r"\b(?:must|should|needs? to|have to|has to|ought to)\b"), re.I)


def _modal_kind(text: str, start: int, end: int) -> PositionKind:
    """A plain "said" that says what the other side must not or must do is a warning or a
    demand: "Wang said the U.S. must not step on red lines"."""
    if _WARNING_WORDS.search(text, start, end):
        return "warning"
    if _DEMAND_WORDS.search(text, start, end):
        return "demand"
    return "assertion"


def _topics_of(hits: Sequence[Hit], start: int, end: int, para_topics: list[str],
               index: KeywordIndex) -> list[str | None]:
    """The paragraph's topics the clause names itself; else the paragraph's main topic."""
    named = list(dict.fromkeys(index.topic_ids[h.topic] for h in hits
                               if start <= h.start < end))
    own = [t for t in para_topics if t in named]
    if own:
        return list(own)
    if para_topics:
        return [para_topics[0]]
    return [named[0]] if named else [None]


# A headline tells in the present tense, its subject often plural ("Varga, Huber stress",
# "Austria, Hungary urge"): the base form of every verb of stance, read in headlines only
# (in the body the base form is mostly a noun: "the stress", "a call for", "a warm welcome").
_BASE_FORMS: dict[PositionKind, str] = {
    "concern": r"(?:raise|voice|express|flag)\s+(?:[\w'-]+\s+){0,2}?(?:concerns?|worries|"
               r"alarm|objections?|opposition)|critici[sz]e|condemn|denounce|deplore|accuse|"
               r"blame|slam",
    "warning": r"warn|caution|threaten",
    "demand": r"urge|call\s+(?:on|for)|demand|press|push\s+for|appeal\s+for|insist\s+on|want",
    "denial": r"deny|reject|dismiss|refute|rule\s+out|oppose",
    "proposal": r"propose|suggest|offer|invite|put\s+forward|float|express(?:es)?\s+"
                r"(?:[\w'’]+\s+){0,2}?(?:readiness|willingness|desire|interest)",
    "welcome": r"welcome|praise|hail|commend|thank|laud|applaud|back|endorse|support|"
               r"renews?|embrace",
    "assertion": r"say|stress|emphasi[sz]e|reiterate|note|underline|underscore|affirm|"
                 r"reaffirm|assert|insist|highlight|declare|acknowledge|admit|claim|vow|"
                 r"confirm|argue|call",
}
_HEAD_VERB = re.compile(lead_guarded(
    r"\b(?:" + "|".join(rf"(?P<{kind}>(?:{pattern}|{_BASE_FORMS[kind]})\b)"
                        for kind, pattern in _KINDS) + ")"), re.I)


# A headline that names what follows as an indirect question: "What Huber said in Vienna".
_QUESTION_LABEL = re.compile(r"\b(?:what|how|why|who|where|when)\b[^,;]*$", re.I)
_HEAD_LIST = re.compile(r"\s*(?:,|&|\band\b)\s*(?:[\w.'’-]+\s+){0,3}?$", re.I)


def _head_subject(text: str, start: int, verb: int, table: ActorTable,
                  verb_end: int | None = None) -> Subject:
    """The subject of a headline's verb: the actor table records no mention above the body,
    so the people it knows are looked up by name or surname before the verb; two of them
    of different countries listed together ("Varga, Huber stress") are both sides. With
    none before it, the name right after the verb ("..., says Varga")."""
    found: list[tuple[int, int, int]] = []  # end, start, actor
    after: list[tuple[int, int]] = []  # start, actor: named right after the verb
    for k, actor in enumerate(table.actors):
        forms = {actor.name, actor.name.split()[-1], *actor.aliases}
        for form in forms:
            if len(form) < 3 or not form[:1].isupper():
                continue
            at = text.rfind(form, start, verb)
            if at >= 0 and (at == start or not text[at - 1].isalnum()):
                found.append((at + len(form), at, k))
            # (", says Varga": after the words it attributes, never "welcomes Varga")
            if verb_end is not None and text.startswith(form, verb_end + 1) and (
                    text[verb_end:verb_end + 1] == " ") and (
                    text[max(start, verb - 3):verb].strip(" \"'")[-1:] in (",", "")):
                after.append((verb_end + 1, k))
    if not found:
        return Subject(after[0][1] if after else None, False)
    found.sort()
    end, at, k = found[-1]
    if text[end:verb].strip(" ,'’s"):
        # more than a possessive between the name and the verb: not its subject
        return Subject(None, False)
    for end2, _, k2 in reversed(found[:-1]):
        if (end2 <= at and table.actors[k2].country != table.actors[k].country
                and _HEAD_LIST.fullmatch(text, end2, at)):
            return Subject(None, True)
    return Subject(k, False)


def _once(text: str, head: Sequence[Para]) -> list[Para]:
    """The head lines less a headline repeated by a clipper ("date 2024-05-02 <headline>"
    over "<headline>"): one stance told once."""
    out: list[Para] = []
    seen: list[str] = []
    for h in head:
        line = " ".join(text[h.start:h.end].split())
        if any(line.endswith(o) or o.endswith(line) for o in seen):
            continue
        seen.append(line)
        out.append(h)
    return out


def _head_verbs(text: str, pos: int, end: int) -> Iterator[re.Match[str]]:
    """The verbs of stance of a headline line, base forms included."""
    return _HEAD_VERB.finditer(text, pos, end)


def _verbs(text: str, pos: int, end: int) -> Iterator[re.Match[str]]:
    """`_VERB.finditer(text, pos, end)`, trying the pattern only at trigger word starts."""
    after = pos
    match = _VERB.match
    for t in _VERB_TRIGGER.finditer(text, pos, end):
        start = t.start()
        if start < after:
            continue
        m = match(text, start, end)
        if m is not None:
            yield m
            after = m.end()


def _telling_verb(text: str, first: re.Match[str], seg_end: int,
                  sent_start: int) -> re.Match[str]:
    """The first verb of a kind other than plain assertion in the clause, else `first`."""
    if not first["assertion"]:
        return first
    for m in _verbs(text, first.end(), min(seg_end, first.end() + _SEG_MAX)):
        if not m["assertion"] and not inside_quotes(text, sent_start, m.start()):
            return m
    return first


_PRONOUN = re.compile(r"he|she|they|we|i|him|her|it", re.I)


def _embedded(finder: SubjectFinder, text: str, start: int, verb: int, table: ActorTable,
              pair: list[str]) -> tuple[list[str | None], str | None] | None:
    """The sides and speaker of the subject of a verb of stance reported inside another's
    words (between `start`, the reporting verb's end, and `verb`), if one stands there."""
    named = [c for c in countries_before(text, start, verb) if c in pair]
    if named:
        return list(named), " and ".join(named)
    lo = bisect_left(finder.starts, start)
    if lo == bisect_left(finder.starts, verb) and not JOINT_SUBJECT.search(text, start, verb):
        return None  # no one named between: the reporting verb's subject holds it
    subject = finder.subject(start, verb, verb, verb)
    if subject.actor is not None and _PRONOUN.fullmatch(
            text, finder.table.mentions[bisect_left(finder.starts, verb) - 1].start,
            finder.table.mentions[bisect_left(finder.starts, verb) - 1].end):
        return None  # "Albanese said he raised ...": "he" is the one reporting
    sides = _sides(subject.actor, subject.joint, table, pair)
    if sides is None:
        return None
    return sides, ("both sides" if subject.joint else table.actors[subject.actor].name
                   if subject.actor is not None else None)


def _sides(actor: int | None, joint: bool, table: ActorTable,
           pair: list[str]) -> list[str | None] | None:
    """The side(s) a stance belongs to; None when nobody is its subject, or a third party
    is (an analyst, a host government, a country outside the pair holds no position in
    this pair's relationship). A joint subject ("the two leaders stressed") is both sides'."""
    if joint:
        return list(pair) or None
    if actor is None or table.actors[actor].role == "news outlet":
        return None  # an outlet reports what the sides hold; it holds no position
    country = table.actors[actor].country
    if country is None and JOINT_SUBJECT.fullmatch(table.actors[actor].name):
        return list(pair) or None  # the actor table's own "both sides"
    if country is None or (len(pair) == 2 and country not in pair):
        return None
    return [country]


# Between a quote and the verb that attributes it: the closing mark and a name at most.
_ATTRIBUTION_GAP = re.compile(r"[\"',\s]*(?:[\w.'’-]+\s+){0,5}", re.I)


def _quote_before(text: str, sent_start: int, verb_start: int, quotes: list[Quote],
                  quote_starts: list[int]) -> int | None:
    """The quote of this sentence that the verb at `verb_start` attributes from behind
    ('"...," said Huber', '"...," the chancellor told reporters'), if any."""
    k = bisect_left(quote_starts, verb_start) - 1
    if (k < 0 or quotes[k].partial or quotes[k].start < sent_start
            or quotes[k].end > verb_start):
        return None  # a fragment quoted inside a sentence: the sentence states the stance
    gap = _ATTRIBUTION_GAP.match(text, quotes[k].end, verb_start)
    return k if gap is not None and gap.end() == verb_start else None


def _clause(text: str, after_verb: int, seg_end: int, sent_start: int, sent_end: int,
            quotes: list[Quote], quote_starts: list[int]) -> tuple[int, int, int | None]:
    """The words that state the stance: what follows the verb, or the sentence's quote
    when the verb only attributes it ('"...," Wang said')."""
    opener = _OPENERS.match(text, after_verb, seg_end)
    start = opener.end() if opener else after_verb
    while start < seg_end and text[start].isspace():
        start += 1
    end = start + len(text[start:seg_end].rstrip(" .,\"'"))
    if end - start >= _MIN_CLAUSE and not text[start:end].lstrip().startswith('"'):
        return start, end, None
    # the quote the verb opens ('adding: "..."'), else the sentence's first ('"...," he said')
    k = bisect_left(quote_starts, after_verb)
    if not (k < len(quotes) and quotes[k].start < sent_end):
        k = bisect_left(quote_starts, sent_start)
    if k < len(quotes) and quotes[k].start < sent_end and not (
            quotes[k].partial and end - start >= _MIN_CLAUSE):
        return quotes[k].start, quotes[k].end, k
    return start, end, None  # 'admitted that "relations had their challenges"': the clause
