"""Stage 5: every quoted span, full or partial, with its speaker.

Spans come from `quotemarks.pair_marks`; spans that are titles of works,
names or labels are dropped (`labels.is_label`). The speaker is read from the
reporting clause the way a reader does:

1. right after the closing mark: `..." Blinken said` / `..." said the ministry`;
2. before the opening mark in the same sentence: the subject of the *last*
   speech verb before the quote (`Blinken said Xi had said he wanted to "..."`
   -> Xi: the innermost reporting clause owns the words), or the actor after
   "according to";
3. later in the same sentence;
4. otherwise a neighbouring quote of the same paragraph, or the quotation the
   paragraph continues.

Every lookup is a bounded window around the quote plus a bisect into the
sorted mentions, so the stage stays linear in the length of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from store.ingest.cueprefix import lead_guarded
from store.ingest.labels import is_label
from store.ingest.quotemarks import Span, opens_with_mark, pair_marks
from store.ingest.resolver import FRONTED
from store.ingest.types import ActorTable, Mention, Para, Sentence
from store.ingest.wordtrie import trie_pattern
from store.models import Actor, Quote

_VERB_WORDS = (
    r"said|says|say|told|tells|tell|added|adds|adding|warned|warns|warning|urged|urges|urging|"
    r"stressed|stresses|stressing|called|calls|calling|described|describes|describing|"
    r"reiterated|reiterates|noted|notes|noting|insisted|insists|wrote|writes|writing|posted|"
    r"asked|asks|replied|replies|vowed|vows|pledged|pledges|declared|declares|stated|states|"
    r"explained|explains|argued|argues|complained|complains|acknowledged|admitted|emphasized|"
    r"emphasised|emphasizes|emphasises|underscored|underlined|recalled|remarked|announced|"
    r"cautioned|demanded|promised|predicted|suggested|conceded|continued|tweeted|quipped|"
    r"responded|answered|saying|telling|affirmed|accused|accuses|criticized|criticised|"
    r"condemned|labeled|labelled|branded|dubbed|termed|characterized|characterised|pointed\s+out|"
    r"made\s+clear|went\s+on|expressed|expresses|voiced|reported|reports|raised|cited|quoted|"
    r"signaled|signalled|hailed|praised|welcomed|lamented|promising|vowing|pledging|"
    r"touting|touted|boasted|boasting|lauded|claiming|claimed|"
    r"conveyed|reaffirmed|agreed|according\s+to|According\s+to|"
    # Verbs of real wire and readout copy whose subject owns the words that follow.
    r"thanked|thanks|informed|highlighted|highlights|mentioned|commented|observed|"
    r"assured|congratulated|celebrated|underlined|recounted|joked|admitted|revealed|disclosed|"
    # Bare forms after an auxiliary: "he did claim that", "she would insist".
    r"claim|insist|warn|stress|urge|argue|admit|concede|deny|denied|denies|briefed|"
    r"read|reads|"  # "..., the statement read"
    # Past forms and participles of the same verbs, as real copy uses them.
    r"asserted|asserting|asserts|maintained|maintaining|maintains|clarified|clarifying|"
    r"reassured|contended|elaborated|stating|reiterating|emphasizing|emphasising|insisting|"
    r"arguing|explaining|recalling|acknowledging|assuring|conceding|cautioning|declaring|"
    r"announcing|remarking|observing|commenting|highlighting|underscoring|underlining|"
    r"lamenting|opined|quipping|joking|replying|responding|answering|wondered|exclaimed|"
    r"repeated|repeating|confirmed|confirming|denying|suggesting|predicting|proclaimed|"
    r"reminded|reminding|pleaded|appealed|"
    # Stance verbs whose object holds the subject's words: `X sought a "durable" solution`.
    r"sought|proposed"
)
# No leading \b: literal-first patterns scan fast; `_Verbs` drops in-word matches.
_SPEECH_RE = re.compile(
    rf"(?:{trie_pattern([w.replace(chr(92) + 's+', ' ') for w in _VERB_WORDS.split('|')])})\b"
)
_ACCORDING = re.compile(r"[Aa]ccording\s+to\b")
# "according to a Kremlin readout", "according to the statement from ...": a document.
_BY_DOCUMENT = re.compile(r"[Aa]ccording\s+to\s+(?:a|an|the)\s+(?:[\w'.-]+\s+){0,3}?"
                          r"(?:readout|statement|communiqu)")
# A readout's own wording: opens on a past-tense verb whose subject stands outside the marks
# ("reaffirmed ...", "voiced ..."), or speaks of its subject in the third person.
_THIRD_PERSON = re.compile(r"[a-z]+ed\b|.*\b(?:his|her)\b")
# What may stand between a subject and its verb: "Blinken also said",
# "Wang, speaking at a briefing, said", "Xi on Friday told".
_SUBJECT_GAP = re.compile(
    # "the Ministry of External Affairs (MEA) said": an acronym in brackets after a name.
    r"(?:\s*\([^()\"]{1,40}\))?"
    r"\s*(?:'s\s+(?:fact\s+sheet|statement|readout|website|account|office)\s+)?"
    # An appositive of up to three comma-separated parts: "Rao, a former adviser to
    # the ministry who now teaches in Washington, said", "Trump, speaking second, at
    # the appearance, which lasted 12 minutes, said".
    r"(?:,[^,\"]{0,160}(?:,[^,\"]{0,160}){0,2},\s*)?(?:(?:also|later|then|has|have|had|was|were|is|previously|"
    r"repeatedly|again|earlier|once|would|will|reportedly|separately|further|on\s+\w+day|"
    r"did|does|do|could|might|must|himself|herself|"
    r"[a-z]+ly|"  # "Putin jokingly told": an adverb between a subject and its verb
    r"[A-Z][a-z]+day|"  # "Fernandez Monday celebrated": wire style drops the "on"
    r"in\s+(?:a|his|her|the)\s+\w+(?:\s+\w+)?|readout|statement|spokes\w+|"
    # "KCNA news agency said", "Yonhap news agency reported": what the body is.
    r"(?:[Nn]ews\s+)?[Aa]gency|newspaper|broadcaster|"
    # "A joint statement released by Tehran said": who put the text out stands between.
    r"(?:released|issued|published|posted)\s+(?:by|in)\s+(?:the\s+)?[\w.'-]+"
    r"(?:\s+[A-Z][\w.'-]*){0,2}|"
    r"(?:in|at)\s+[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?|"
    # "a Peruvian Presidency statement on X read": where the text was posted.
    r"(?:on|via)\s+(?:X|Twitter|Facebook|Telegram|Instagram))\s+){0,3}"
    # "according to the White House, which said": the antecedent speaks.
    r"(?:,\s*|,\s*(?:which|who)\s+(?:also\s+|later\s+)?)?$"
)
# After a verb, before its inverted subject: `said a senior U.S. official`.
_INVERTED_GAP = re.compile(r"\s*(?:[\w.'-]+\s+){0,5}$")
_SENTENCE_PUNCT = ".!?"
# Between a closing mark and the reporting clause: `," ` / `. ` / ` - `.
_LEAD_GAP = re.compile(r"[\s,.!?;:-]*$")
# ... or with the article of a body: `," the royal court said`.
_LEAD_GAP_THE = re.compile(r"[\s,.!?;:-]*(?:[Tt]he\s+)?$")
_INFINITIVE = re.compile(lead_guarded(r"\bto\s+$"))
# "..., calling the issue" / "..., adding that": a participle hangs on the main clause.
_PARTICIPLE_AFTER_COMMA = re.compile(r",\"?\s*$")  # also `again," stressing`
# "..., hinting at changes by saying": a gerund after a preposition has the clause's subject.
_PARTICIPLE_AFTER_PREP = re.compile(r"\b(?:by|after|before|while|when|without)\s+$")
_AND_BEFORE = re.compile(r"\b(?:and|then|but)\s+$")
# "Kishida and Chinese President Xi": two names joined by "and" (titles between).
_COORDINATED = re.compile(r"\s+and\s+(?:[\w.'-]+\s+){0,4}$")
_PLURAL_VERB = re.compile(r"(?:said|agreed|pledged|vowed|reaffirmed|reiterated|stressed|"
                          r"noted|called|expressed|voiced|conveyed|described)\b")
# A headline or entry heading: "Putin: 'Next time in Moscow'".
_COLON_LEAD = re.compile(r"\s*:\s*$")
_IN_RELATIVE = re.compile(r",\s*(?:who|which|whose|whom)\b[^,\"]*$")
# A relative clause whose next word is its subject: ", which she said", ", whom he called".
_REL_SUBJECT = re.compile(r",\s*(?:which|whom)\s+")
_AS_BEFORE = re.compile(lead_guarded(r"\bas\s+$"))
# Between an office and a person it titles: " Spokesperson ", " spokesman ", "'s envoy ".
_OFFICE_TITLE_GAP = re.compile(r"(?:'s)?\s+(?:[Cc]hief\s+|[Dd]eputy\s+|[Oo]fficial\s+)?"
                               r"(?:[Ss]pokes(?:person|man|woman)|[Ee]nvoy|[Aa]mbassador)\s+")
# A quotation that thanks for a welcome: the guest's words.
_THANKS_HOST = re.compile(r"(?i:\bthank|\bgrateful\b|\bgratitude\b|\bappreciat)[^\"]{0,80}?"
                          r"\b(?i:welcome|hospitality|hosting|reception)\b")
# A quotation that opens by welcoming someone: the host's words.
_WELCOMES = re.compile(r"\W{0,3}(?:[Ww]elcome|WELCOME)\b(?!\s+(?:to\s+)?(?:the|this|a)\b)")
# Between a person's possessive and the aide it names: "'s spokesman, ", "'s chief of staff ".
_POSSESSIVE_TITLE_GAP = re.compile(r"'s?\s+(?:[a-z-]+,?\s+){1,4}")
_PREP_BEFORE = re.compile(r"\b(?:of|for|between|with|to|from|among|about|by)\s+$")
_AS_SAYING = re.compile(lead_guarded(r"\bas\s+say(?:ing|s)\b"))


class _Mentions:
    """The actor table's mentions, searchable by position."""

    def __init__(self, table: ActorTable) -> None:
        self.table = table
        self.items: list[Mention] = sorted(table.mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def is_person(self, m: Mention) -> bool:
        return self.table.actors[m.actor].kind == "person"

    def both_sides(self, start: int, end: int) -> Mention:
        """A mention of the joint speaker "both sides" (added to the table if new)."""
        for i, a in enumerate(self.table.actors):
            if a.name == "both sides":
                return Mention(start, end, i)
        self.table.actors.append(Actor(name="both sides", kind="body"))
        return Mention(start, end, len(self.table.actors) - 1)

    def between(self, lo: int, hi: int) -> list[Mention]:
        i = bisect_left(self.starts, lo)
        out = []
        while i < len(self.items) and self.items[i].start < hi:
            if self.items[i].end <= hi:
                out.append(self.items[i])
            i += 1
        return out


class _Verbs:
    """The speech verbs of one paragraph, found once and looked up by position."""

    def __init__(self, norm: str, lo: int, hi: int) -> None:
        self.matches = [m for m in _SPEECH_RE.finditer(norm, lo, hi)
                        if m.start() == 0 or not norm[m.start() - 1].isalnum()]
        self.starts = [m.start() for m in self.matches]

    def within(self, lo: int, hi: int) -> list[re.Match[str]]:
        i = bisect_left(self.starts, lo)
        out = []
        while i < len(self.matches) and self.matches[i].end() <= hi:
            out.append(self.matches[i])
            i += 1
        return out

    def first(self, lo: int, hi: int) -> re.Match[str] | None:
        i = bisect_left(self.starts, lo)
        if i < len(self.matches) and self.matches[i].end() <= hi:
            return self.matches[i]
        return None


def _sentence_of(p: Para, starts: list[int], pos: int) -> tuple[int, int]:
    """Bounds of the sentence of `p` holding `pos` (bisect: many quotes stay cheap)."""
    i = bisect_right(starts, pos) - 1
    if i >= 0 and pos < p.sentences[i].end:
        return p.sentences[i].start, p.sentences[i].end
    return p.start, p.end


def _next_sentence_end(p: Para, starts: list[int], end: int) -> int:
    """End of the sentence of `p` that starts at or after `end` (else `end`)."""
    i = bisect_left(starts, end)
    return p.sentences[i].end if i < len(starts) else end


def _subject_before(norm: str, ms: _Mentions, lo: int, verb: int) -> Mention | None:
    """The actor whose name (or pronoun) stands just before the verb at `verb`."""
    cands = ms.between(max(lo, verb - 300), verb)
    for n in range(len(cands) - 1, -1, -1):
        m = cands[n]
        rel = _IN_RELATIVE.search(norm, max(lo, m.start - 80), m.start) if n > 0 else None
        if rel is not None and not _REL_SUBJECT.fullmatch(rel[0]):
            # "Kim, who accompanied the president, said": not the president. But in "the
            # visit, which she said confirmed ...", "she" is the relative clause's subject.
            continue
        if _SUBJECT_GAP.match(norm, m.end, verb):
            # "Kishida and Chinese President Xi agreed": a joint subject is both sides.
            if n > 0 and ms.is_person(m) and _PLURAL_VERB.match(norm, verb):
                first = cands[n - 1]
                if (ms.is_person(first) and first.actor != m.actor
                        and _COORDINATED.match(norm, first.end, m.start)):
                    return ms.both_sides(first.start, m.end)
            return m
    return None


def _clause_subject(norm: str, ms: _Mentions, lo: int, hi: int) -> Mention | None:
    """First actor named in norm[lo:hi] outside quotation marks: the clause's subject.

    Used for "Putin turned to Trump and said ..." and "Putin opened the news
    conference, calling the talks ...": the verb's subject is the clause's.
    """
    lo = max(lo, hi - 400)  # bounded: a huge sentence must not make this quadratic
    semi = norm.rfind(";", lo, hi)
    if semi >= 0 and norm.count('"', lo, semi) % 2 == 0:
        lo = semi + 1  # "X said ...; Y said ... and added": the clause after the semicolon
    lo = _after_fronted(norm, ms, lo, hi)  # "Like Varga before him, Kral ...": not Varga
    for m in ms.between(lo, hi)[:8]:
        if _PREP_BEFORE.search(norm, max(lo, m.start - 9), m.start):
            continue  # "firms of the two countries": the object of a preposition
        if norm[m.end:m.end + 1] == "'" and ms.is_person(m):
            continue  # "The row over Kral's death came after Varga ...": Kral owns a noun
        if norm.count('"', lo, m.start) % 2 == 0:
            return m
    return None


def _subject_after(norm: str, ms: _Mentions, verb_end: int, hi: int) -> Mention | None:
    """The actor named right after a verb: `said Blinken`, `according to Xinhua`."""
    found = ms.between(verb_end, min(hi, verb_end + 70))
    for k, m in enumerate(found):
        if _INVERTED_GAP.match(norm, verb_end, m.start):
            nxt = found[k + 1] if k + 1 < len(found) else None
            if (nxt is not None and not ms.is_person(m) and ms.is_person(nxt)
                    and _OFFICE_TITLE_GAP.fullmatch(norm, m.end, nxt.start)):
                return nxt  # `tweeted MEA Spokesperson Ravi Kumar`: the office is a title
            if (nxt is not None and ms.is_person(nxt) and nxt.actor != m.actor
                    and _POSSESSIVE_TITLE_GAP.fullmatch(norm, m.end, nxt.start)):
                return nxt  # `said Varga's spokesman, Tomas Hrib`: the one she employs
            return m
        return None
    return None


def _after_attribution(norm: str, ms: _Mentions, verbs: _Verbs, close: int, hi: int,
                       *, tight: bool) -> tuple[Mention | None, bool]:
    """Speaker named after the closing mark: `," Blinken said` / `," said Wang`.

    Returns the speaker and whether it came from "according to" (a source,
    weaker than a reporting clause before the quote).
    """
    lo = close + 1
    if norm.startswith("''", close):
        lo += 1  # a double mark typed as two single ones (quotemarks.pair_marks)
    limit = min(hi, lo + (60 if tight else 240))
    nxt = norm.find('"', lo, limit)
    if nxt >= 0:
        limit = nxt
    vm = verbs.first(lo, limit)
    if vm is None:
        return None, False
    according = _ACCORDING.match(norm, vm.start()) is not None
    if tight and not according:
        # The reporting clause must follow the mark at once: `," he said`,
        # not `," and the White House said` (a new clause with its own subject);
        # and a quotation ends with punctuation before its attribution: in
        # `had "strongly" urged Xi` the verb after the mark is not a reporting one.
        punct = norm[close - 1:close] in (",", ".", "!", "?") or any(
            c in ",.!?;:-" for c in norm[lo:vm.start()])
        if not punct:
            return None, False
        if _LEAD_GAP.match(norm, lo, vm.start()):
            if vm.group(0).endswith("ing"):
                # `"...," stressing that the two countries ...`: a participle hangs on
                # the clause before the quote; what follows it is not its subject.
                return None, False
            return _subject_after(norm, ms, vm.end(), limit), False
        if vm.group(0) == "quoted":
            # `"...," TASS quoted a Russian diplomatic source as saying`: the one quoted.
            saying = _AS_SAYING.search(norm, vm.end(), min(limit + 20, vm.end() + 160))
            inside = ms.between(vm.end(), saying.start()) if saying else []
            if inside:
                return inside[0], False
        subj = _subject_before(norm, ms, lo, vm.start())
        if subj is not None and _LEAD_GAP_THE.match(norm, lo, subj.start):
            # `"...", TASS reported`: an outlet relaying words is weaker than a
            # speaker named before the quote ("Peskov told reporters ...").
            return subj, vm.group(0) in ("reported", "reports")
        return None, False
    if tight and according and not _LEAD_GAP.match(norm, lo, vm.start()):
        return None, False
    # Later in the sentence: the first reporting verb whose subject we can name
    # ("The leaders '...' and underscored X, the White House said").
    for later in verbs.within(vm.start(), limit):
        according = _ACCORDING.match(norm, later.start()) is not None
        if not according:
            subj = _subject_before(norm, ms, lo, later.start())
            if subj is not None:
                return subj, False
        subj = _subject_after(norm, ms, later.end(), limit)
        if subj is not None:
            return subj, according
    return None, False


def _before_attribution(norm: str, ms: _Mentions, verbs: _Verbs, lo: int,
                        open_mark: int, sent_lo: int | None = None) -> Mention | None:
    """Subject of the last speech verb before the opening mark (same sentence).

    A source named with "according to" and the subject of a trailing participle
    ("..., calling it") are weaker than the subject of a finite reporting verb
    earlier in the sentence: "'...,' he told Biden, according to the ministry,
    calling the issue '...'" -> he.
    """
    found = verbs.within(lo, open_mark)
    fallback: Mention | None = None
    window = max(lo, open_mark - 300)
    nl = norm.rfind("\n", window, open_mark)
    line = nl + 1 if nl >= 0 else lo if window == lo else open_mark
    for m in ms.between(line, open_mark)[:1]:
        # "Putin: 'Next time in Moscow'": a heading names the speaker before a colon.
        if not norm[line:m.start].strip() and _COLON_LEAD.match(norm, m.end, open_mark):
            return m
    for n in range(len(found) - 1, -1, -1):
        vm = found[n]
        if vm.group(0) == "saying" and _AS_BEFORE.search(norm, max(lo, vm.start() - 4),
                                                         vm.start()):
            # "CCTV quoted Xi as saying" -> Xi; "Xi was quoted as saying" -> Xi.
            quoted = next((found[k] for k in range(n - 1, -1, -1)
                           if found[k].group(0) == "quoted"), None)
            if quoted is not None:
                inside = ms.between(quoted.end(), vm.start())
                if inside:
                    return inside[0]
                subj = _subject_before(norm, ms, lo, quoted.start())
                if subj is not None:
                    return subj
            continue
        if vm.group(0) == "agreed" and n > 0:
            # "Trump said the two sides had agreed on '...'": what was agreed is
            # reported by the speaker of the earlier verb, who owns the words.
            continue
        if _ACCORDING.match(norm, vm.start()):
            subj = _subject_after(norm, ms, vm.end(), open_mark)
            fallback = fallback or subj
            continue
        elif _INFINITIVE.search(norm, max(lo, vm.start() - 4), vm.start()):
            continue  # "went on to say": the finite verb before owns the subject
        elif vm.group(0).endswith("ing") and (
                _PARTICIPLE_AFTER_COMMA.search(norm, max(lo - 2, vm.start() - 4), vm.start())
                or _PARTICIPLE_AFTER_PREP.search(norm, max(lo, vm.start() - 8), vm.start())):
            # `X mentioned "A," calling it "B"`: the clause opens before the first quote.
            fallback = fallback or _clause_subject(norm, ms, lo if sent_lo is None else sent_lo,
                                                   vm.start())
            continue
        else:
            subj = _subject_before(norm, ms, lo, vm.start())
            if subj is None and _AND_BEFORE.search(norm, max(lo, vm.start() - 6), vm.start()):
                # "X celebrated "...", and announced that "...": the clause's subject
                # may stand before an earlier quotation of the same sentence.
                subj = _clause_subject(norm, ms, lo if sent_lo is None else sent_lo,
                                       vm.start())
            if subj is None:
                # Inverted only right before the quote: `said Wang: "..."`.
                after = _subject_after(norm, ms, vm.end(), open_mark)
                if after is not None and _LEAD_GAP.match(norm, after.end, open_mark):
                    subj = after
        if subj is not None:
            if n > 0 and ms.is_person(subj):
                # Bounded: the few verbs just before, as every lookup here is.
                issuer = _issuer_before(norm, ms, lo, found[max(0, n - 3):n], open_mark)
                if issuer is not None:
                    return issuer
            return subj
    return fallback


def _issuer_before(norm: str, ms: _Mentions, lo: int, earlier: list[re.Match[str]],
                   open_mark: int) -> Mention | None:
    """`Baku said Aliyev and Kral confirmed that "..."`: a readout's third-person wording
    in marks is the words of the body that issued it (a government, a ministry, an office),
    not of the people it reports; a first-person quotation ("we", "I") is theirs still."""
    close = norm.find('"', open_mark + 1, open_mark + 2000)
    if _FIRST_PERSON.search(norm, open_mark + 1, close if close >= 0 else open_mark + 400):
        return None
    for vm in earlier:
        if _ISSUER_VERB.fullmatch(vm.group(0)) is None or open_mark - vm.end() > 300:
            continue
        # The people's clause is what the body said: nothing closes the body's clause
        # between its verb and them ("The ministry said Kral told ..."), unlike "The
        # government has urged ..., and Kral told ...".
        if _CLAUSE_BREAK.search(norm, vm.end(), open_mark) is not None:
            continue
        who = _subject_before(norm, ms, lo, vm.start())
        if who is not None and not ms.is_person(who) and (
                ms.table.actors[who.actor].role != "news outlet"
                and ms.table.actors[who.actor].name not in ("both sides", "the two sides")):
            return who
    return None


_ISSUER_VERB = re.compile(r"said|says|stated|states|added|noted|announced|wrote|read|reads")
_CLAUSE_BREAK = re.compile(r"[,;:]|\band\s+(?:the\s+)?[a-z]+\s+(?:has|have|had)\b")


# A passive reporting verb with no agent: "was described as", "were called".
_BE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:[a-z]+ly\s+)?$")
_AGENTLESS = re.compile(r"(?:\s+as)?\s*(?:a\s+|an\s+|the\s+)?$")


def _own_clause(norm: str, verbs: _Verbs, span: Span, s_lo: int, close_hi: int) -> bool:
    """Has the quote's sentence a reporting verb of its own (outside the marks)?"""
    after_end = close_hi if span.closed else span.end
    nxt = norm.find('"', span.end + 1, after_end) if span.closed else -1
    if nxt >= 0:
        after_end = nxt
    # "As reported, Merz is seeking a "reset"": a verb in a phrase fronted before the
    # subject reports nobody's words.
    fronted = FRONTED.match(norm, s_lo, span.start) if span.start - s_lo < 400 else None
    lo = fronted.end() if fronted is not None else s_lo
    before = verbs.first(max(lo, span.start - 200), span.start - 1)
    if before is not None and _AGENTLESS.match(norm, before.end(), span.start - 1):
        # "The meeting was described as "productive."": a passive with no one named says
        # nobody else's words; the quote goes on with the speaker before it.
        if _BE_BEFORE.search(norm, max(lo, before.start() - 12), before.start()):
            before = None
    after = span.closed and verbs.first(span.end + 1, after_end)
    return bool(before or after)


def _reported_before(norm: str, ms: _Mentions, verbs: _Verbs, p: Para, starts: list[int],
                     s_lo: int) -> Mention | None:
    """The person whose words the sentence before (same paragraph) reports: the subject of
    its verb of saying, if it has one."""
    i = bisect_left(starts, s_lo) - 1
    if i < 0:
        return None
    sent = p.sentences[i]
    lo = max(sent.start, sent.end - 400)
    for vm in reversed(verbs.within(lo, sent.end)):
        if _ACCORDING.match(norm, vm.start()) or vm.group(0).endswith("ing"):
            continue
        who = _subject_before(norm, ms, lo, vm.start())
        return who if who is not None and ms.is_person(who) else None
    return None


def _scare_term(norm: str, verbs: _Verbs, span: Span, s_lo: int, s_hi: int) -> bool:
    """A short term in marks in a sentence where nobody speaks: scare quotes.

    `Taiwan has never been a country, and "Taiwan independence" is the biggest
    threat`: no reporting verb anywhere in the sentence, so no one is quoted.
    """
    body = norm[span.start:span.end].strip()
    words = body.split()
    if not span.closed or len(words) > 3 or not body:
        return False
    if not _is_partial(norm, span, s_lo):
        return False  # "It was constructive." is a whole quoted sentence
    # Bounded windows: a sentence thousands of characters long must not make
    # every quote in it rescan the whole sentence.
    lo, hi = max(s_lo, span.start - 300), min(s_hi, span.end + 300)
    if verbs.first(lo, span.start) or verbs.first(span.end, hi):
        return False
    return True


_POSSESSED = re.compile(
    r"'s?\s+(?:\w+\s+)?(?:message|remarks?|comments?|words|statement|response|reply|warning|"
    r"answer|view|verdict|tone|speech|post|letter|account)\b[^\"]{0,80}$"
)


def _possessor(norm: str, ms: _Mentions, lo: int, open_mark: int) -> Mention | None:
    """`Wang's message was blunt: "..."`: the owner of the words speaks."""
    m = _POSSESSED.search(norm, max(lo, open_mark - 140), open_mark)
    if m is None:
        return None
    cands = ms.between(max(lo, m.start() - 60), m.start())
    return cands[-1] if cands and cands[-1].end == m.start() else None


_REST_EMPTY = re.compile(r"[ .\n]*$")
# A line's lead naming the speaker of the quotation after it: "Trump: ", "PM Varga: ".
_NAME_COLON_LEAD = re.compile(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}:\s*")
_COLON_AFTER = re.compile(r"[\s,.]*:[ \t]*")


_BARE_NAME_GAP = re.compile(r"[\s,\u2013\u2014-]*")
_BARE_NAME_END = re.compile(r"\s*[.]?\s*")


def _bare_name_after(norm: str, ms: _Mentions, close: int, hi: int) -> Mention | None:
    """`"We are moving forward," Jon Trentino.`: a name alone after the quotation, with no
    verb and nothing after it in the paragraph, signs it (copy that dropped "said")."""
    for m in ms.between(close + 1, min(hi, close + 80))[:1]:
        if (ms.is_person(m) and norm[m.start:m.start + 1].isupper()
                and _BARE_NAME_GAP.fullmatch(norm, close + 1, m.start)
                and _BARE_NAME_END.fullmatch(norm, m.end, hi)):
            return m
    return None


def _colon_tail(norm: str, ms: _Mentions, close: int, hi: int) -> Mention | None:
    """`"We coordinate our actions": Lavrov` as a heading or headline: the line ends with
    the speaker's name after a colon."""
    colon = _COLON_AFTER.match(norm, close + 1, hi)
    if colon is None:
        return None
    found = ms.between(colon.end(), min(hi, colon.end() + 60))
    if not found or found[0].start != colon.end():
        return None
    eol = norm.find("\n", found[0].end, hi)
    return found[0] if not norm[found[0].end:eol if eol >= 0 else hi].strip(" .") else None


def _is_partial(norm: str, span: Span, sent_start: int) -> bool:
    """A fragment inside a sentence rather than a whole quoted sentence."""
    body = norm[span.start:span.end].strip()
    if not body:
        return True
    if not (body[0].isupper() or body[0].isdigit()):
        return True
    if span.closed and body[-1] not in ".,!?;:-" and len(body.split()) < 6:
        return True
    lead = norm[max(sent_start, span.start - 300):span.start - 1].strip()
    return bool(lead) and not lead.endswith((":", ",")) and not _SPEECH_RE.search(lead[-40:])


def find_quotes(text: str, norm: str, paras: list[Para], table: ActorTable) -> list[Quote]:
    """Quotes with offsets into `text` (norm is its same-length normalized copy)."""
    ms = _Mentions(table)
    out: list[Quote] = []
    speakers: list[int | None] = []
    para_of: list[int] = []
    continued: list[bool] = []  # the quote continues one left open in the paragraph before
    own_clause: list[bool] = []
    heading: list[bool] = []
    line_only: list[bool] = []
    titled: list[bool] = []
    unopened: list[bool] = []
    attributed: list[bool] = []  # a reporting clause or a name gave the speaker
    subject: list[int | None] = []  # subject of the sentence before, for bare quotations
    open_before = False  # the previous paragraph ended inside a quotation
    # (pronoun's actor, guest, paragraph): a "he" the thanks showed to be the guest
    switched: tuple[int, int, int] | None = None
    host = _host(table)
    for n, p in enumerate(paras):
        nxt = paras[n + 1] if n + 1 < len(paras) else None
        cont = nxt is not None and opens_with_mark(norm, nxt.start, nxt.end)
        spans = pair_marks(text, norm, p.start, p.end, continues=cont, open_before=open_before)
        if not spans and open_before and nxt is not None and _closes_first(text, norm, nxt):
            # A quotation opened two paragraphs up and closed in the next one, this one
            # printed without marks: the whole paragraph is inside it.
            body_lo = p.start + len(norm[p.start:p.end]) - len(norm[p.start:p.end].lstrip())
            spans = [Span(body_lo, p.end, True, False)] if body_lo < p.end else []
        prev_end = p.start
        first_in_para = True
        starts = [s.start for s in p.sentences]
        verbs = _Verbs(norm, p.start, p.end)
        last_before: tuple[int, Mention] | None = None
        lead = p.start + len(norm[p.start:p.end]) - len(norm[p.start:p.end].lstrip())
        for sp in spans:
            if is_label(norm, sp.start, sp.end, p.start, p.end):
                prev_end = sp.end + 1
                continue
            s_lo, s_hi = _sentence_of(p, starts, sp.start - 1)
            close_lo, close_hi = _sentence_of(p, starts, sp.end) if sp.closed else (p.end, p.end)
            who: Mention | None = None
            before = _before_attribution(norm, ms, verbs, max(s_lo, prev_end), sp.start - 1)
            if before is None and last_before is not None and last_before[0] == s_lo:
                # `Xi said Taiwan was "..." and that Washington should "..."`: the
                # second fragment hangs on the reporting verb of the first.
                before = last_before[1]
            if before is None and prev_end > s_lo:
                before = _before_attribution(norm, ms, verbs, max(s_lo, prev_end),
                                             sp.start - 1, s_lo)
            last_before = (s_lo, before) if before is not None else last_before
            if sp.closed:
                who, weak = _after_attribution(norm, ms, verbs, sp.end, close_hi, tight=True)
                if who is None and before is None and close_hi <= sp.end + 1:
                    # `"... in Paris!" Kral noted.` / `"We agree." Kral said.`: a quoted
                    # sentence ends the splitter's sentence at its mark, and the reporting
                    # clause right after it is read as the next one. Only when nothing
                    # before the quote attributes it (`Varga said: "..." Kral said ...`).
                    who, weak = _after_attribution(norm, ms, verbs, sp.end,
                                                   _next_sentence_end(p, starts, close_hi),
                                                   tight=True)
                if weak and before is not None and not (
                        _BY_DOCUMENT.search(norm, sp.end, close_hi)
                        and _THIRD_PERSON.match(norm, sp.start, sp.end)):
                    # `X said "..." according to Y`: the words are X's. Not a readout's
                    # third-person wording: `X "reaffirmed his support ...," according to a
                    # Kremlin readout` is the Kremlin's (a noun phrase, "a strategic
                    # choice", stays X's).
                    who = before
            # `'Our doors are open': Varga` (a heading): the name after the colon.
            colon = (_colon_tail(norm, ms, sp.end, p.end)
                     if sp.closed and ":" in norm[sp.end + 1:sp.end + 4] else None)
            who = colon or who
            if who is None:
                who = before
            if who is None and sp.closed:
                who = _bare_name_after(norm, ms, sp.end, p.end)
            if who is None:
                who = _possessor(norm, ms, max(s_lo, prev_end), sp.start - 1)
            if who is None and sp.closed:
                who, _weak = _after_attribution(norm, ms, verbs, sp.end, close_hi, tight=False)
            if who is None and host is not None and _WELCOMES.match(norm, sp.start):
                # `"Welcome, dear friend!" the caption of the photo read`: the host greets.
                who = Mention(sp.start, sp.start, host)
            role_of = (_role_words(norm, sp.start, sp.end, close_hi, table.guest, host)
                       if who is not None and not norm[who.start:who.start + 1].isupper()
                       else None)
            if who is not None and role_of is not None and who.actor != role_of:
                # `"Thank you for the warm welcome," he said`: the guest thanks the host;
                # `"We are glad to welcome you," the president said`: the host speaks.
                # Only when the speaker was a pronoun ("he") or a lower-case alias.
                switched = (who.actor, role_of, n)
                who = Mention(who.start, who.end, role_of)
            elif (who is not None and switched is not None and who.actor == switched[0]
                  and n - switched[2] <= 1 and not norm[who.start:who.start + 1].isupper()):
                # The next "he said" goes on with the guest the thanks showed speaking:
                # the resolver's "he" stayed with the host all along.
                who = Mention(who.start, who.end, switched[1])
            elif who is not None and norm[who.start:who.start + 1].isupper():
                switched = None  # a speaker named again ends the run
            prev_end = sp.end + 1
            body = text[sp.start:sp.end]
            if who is None and _scare_term(norm, verbs, sp, s_lo, s_hi):
                # `Scholz criticized "worrying activities". The "inviolability of borders"
                # must apply`: a sentence that goes on with the reported speech of the one
                # before (a person's, with a verb of saying) quotes that person still. Not
                # a name in marks ("Taiwan independence"): a term, whoever's sentence it is.
                prev = (_reported_before(norm, ms, verbs, p, starts, s_lo)
                        if norm[sp.start:sp.start + 1].islower() else None)
                if prev is None:
                    continue
                who = prev
            # Trim the whitespace a continued quotation may carry at the paragraph end.
            start, end = sp.start, sp.end
            while end > start and text[end - 1].isspace():
                end -= 1
            if end <= start or not any(ch.isalnum() for ch in body):
                continue
            out.append(Quote(
                text=text[start:end], speaker=None, paragraph=p.index, start=start, end=end,
                partial=_is_partial(norm, sp, s_lo),
            ))
            speakers.append(who.actor if who is not None else None)
            attributed.append(who is not None)
            # A line that is nothing but a quotation (maybe with ": Name"): a heading.
            # Anchored checks, not slices: a paragraph of ten thousand quotes stays linear.
            alone = sp.start - 1 == lead and sp.closed and (
                colon is not None or _REST_EMPTY.match(norm, sp.end + 1, p.end) is not None)
            heading.append(who is None and alone)
            line_only.append(alone)
            # "Trump: 'No deal until there's a deal'": an entry's headline naming its speaker.
            titled.append(sp.closed and sp.start - 1 - lead < 60
                          and _NAME_COLON_LEAD.fullmatch(norm, lead, sp.start - 1) is not None
                          and _REST_EMPTY.match(norm, sp.end + 1, p.end) is not None)
            # A sentence with its own reporting verb whose subject we could not
            # name ("critics at home said") must not borrow a neighbour's speaker.
            own_clause.append(who is None and _own_clause(norm, verbs, sp, s_lo, close_hi))
            subject.append(
                None if who is not None else _previous_subject(norm, ms, p, starts, s_lo)
            )
            para_of.append(n)
            continued.append(first_in_para and open_before and sp.start - 1 <= lead)
            # Continued without a new opening mark: the same quotation, one quote.
            unopened.append(first_in_para and open_before and sp.start == lead
                            and norm[sp.start] != '"')
            first_in_para = False
        open_before = bool(spans) and not spans[-1].closed
    _fill_gaps(norm, paras, speakers, para_of, continued, [q.end for q in out], own_clause)
    # `Wang struck a defiant tone. "China will never bow."`: a bare quotation
    # after a sentence about someone is theirs.
    for k, q in enumerate(out):
        if speakers[k] is None and not own_clause[k] and not q.partial:
            speakers[k] = subject[k]
    # A quotation with no attribution of its own continues the speaker before it,
    # across paragraphs too (a quoted paragraph after a line of narration, an
    # excerpt cut inside a quotation): the subject of the narration if it names
    # one, else whoever was quoted last.
    last: int | None = None
    starts_of: dict[int, list[int]] = {}  # sentence starts per paragraph, built once
    for k, q in enumerate(out):
        if speakers[k] is None and not own_clause[k]:
            n = para_of[k]
            if n not in starts_of:
                starts_of[n] = [x.start for x in paras[n].sentences]
            narrated = _narration_subject(norm, ms, paras, n, starts_of[n], q.start)
            speakers[k] = narrated if narrated is not None else last
        if speakers[k] is not None:
            last = speakers[k]
    for k, q in enumerate(out):
        if not attributed[k] and speakers[k] is not None:
            # An unattributed `"Thank you for the warm welcome."` after the host's words is
            # the guest's, not the host's going on.
            role_of = _role_words(norm, q.start, q.end, q.end, table.guest, host)
            speakers[k] = role_of if role_of is not None else speakers[k]
    _echoed_headings(norm, out, speakers, heading)
    _not_the_one_named(norm, ms, table, out, speakers)
    for q, who_idx in zip(out, speakers, strict=True):
        if who_idx is not None:
            actor = table.actors[who_idx]
            q.speaker = actor.name
            q.speaker_country = actor.country
    echo = _echoes(out, line_only)
    _repeats(out, speakers, echo, titled)
    if any(echo):
        # Headings that repeat a quotation of the body are the same words said once.
        keep = [k for k in range(len(out)) if not echo[k]]
        out = [out[k] for k in keep]
        unopened = [unopened[k] for k in keep]
        para_of = [para_of[k] for k in keep]
    return _join_unopened(text, out, unopened, para_of)


# First person inside a quotation: "I", "we", "my", "our", "us" (not "US").
_FIRST_PERSON = re.compile(lead_guarded(r"\bI\b|\b(?:[Ww]e|[Mm]y|[Oo]ur|us|me)\b"))


# Words only the guest says ("our hosts", "glad to be here") or only the host ("welcome
# you", "our guest"), inside the quotation.
_GUEST_WORDS = re.compile(
    r"(?i:\b(?:our|my)\s+hosts?\b|\b(?:pleasure|happy|glad|honou?red|delighted)\s+to\s+be\s+"
    r"(?:here|back|in)\b)")
_HOST_WORDS = re.compile(
    r"(?i:\bwelcome\s+you\b|\b(?:pleasure|happy|glad|honou?red|delighted)\s+to\s+"
    r"(?:welcome|host|receive|have\s+you)\b|\b(?:our|my)\s+(?:dear\s+)?guests?\b)")


def _role_words(norm: str, start: int, end: int, close_hi: int, guest: int | None,
                host: int | None) -> int | None:
    """The guest or the host, when the quotation's words can only be theirs: thanks for
    the welcome (in the quote or the clause after it), "our hosts", "welcome you"."""
    if guest is not None and (_THANKS_HOST.search(norm, start, max(end, close_hi))
                              or _GUEST_WORDS.search(norm, start, end)):
        return guest
    if host is not None and _HOST_WORDS.search(norm, start, end):
        return host
    return None


def _host(table: ActorTable) -> int | None:
    """The host: the first participant of the one country across the table from the
    guest (participants of no known country aside)."""
    guest = table.guest
    if guest is None or table.actors[guest].country is None:
        return None
    others = [i for i in table.participants
              if table.actors[i].kind == "person" and table.actors[i].country
              and table.actors[i].country != table.actors[guest].country]
    if not others or len({table.actors[i].country for i in others}) != 1:
        return None
    return others[0]


def _not_the_one_named(norm: str, ms: _Mentions, table: ActorTable, out: list[Quote],
                       speakers: list[int | None]) -> None:
    """`"I met Jon Trentino here," ...`: a first-person quotation that names a participant
    by name is not that participant's; in a meeting of two it is the other one's."""
    people = [i for i in table.participants if ms.is_person(Mention(0, 0, i))]
    if len(people) != 2 or (table.actors[people[0]].country or "?") == (
            table.actors[people[1]].country or "!"):
        return  # two of one side: the other is no obvious speaker
    for k, q in enumerate(out):
        who = speakers[k]
        if who not in people or not _FIRST_PERSON.search(norm, q.start, q.end):
            continue
        if any(m.actor == who and norm[m.start:m.start + 1].isupper()
               for m in ms.between(q.start, q.end)):
            speakers[k] = people[0] if who == people[1] else people[1]


def _quote_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _echoed_headings(norm: str, out: list[Quote], speakers: list[int | None],
                     heading: list[bool]) -> None:
    """A subheading that repeats words quoted in the body ("'Progressive and reversible'",
    then "Michel's statement ... "progressive and reversible"") is the body speaker's."""
    if not any(heading):
        return
    said: dict[str, int] = {}
    for k in range(len(out) - 1, -1, -1):
        who = speakers[k]
        if who is not None and not heading[k]:
            said[_quote_key(out[k].text)] = who
    for k, q in enumerate(out):
        if heading[k]:
            who = said.get(_quote_key(q.text))
            if who is not None:
                speakers[k] = who


def _echoes(out: list[Quote], line_only: list[bool]) -> list[bool]:
    """Quote-only lines whose words the body quotes again soon after ("'We coordinate our
    actions': Lavrov", then Lavrov said, "We coordinate our actions in ..."). Each is
    compared with the next few quotes only, so a page of quote lines stays linear."""
    echo = [False] * len(out)
    for k, q in enumerate(out):
        if not line_only[k]:
            continue
        key = _quote_key(q.text)
        if len(key.split()) < 2:
            continue
        echo[k] = any(not line_only[j] and _quote_key(out[j].text).startswith(key)
                      for j in range(k + 1, min(len(out), k + 12)))
    return echo


def _repeats(out: list[Quote], speakers: list[int | None], drop: list[bool],
             titled: list[bool]) -> None:
    """A quotation printed again word for word by the same speaker (a photo caption under
    the story, a summary box) is one quote, said once: later copies are marked in `drop`.
    A headline that names its speaker ("Trump: '...'", a live blog's entry) is not such a
    copy: the headline and the body each count, so the body's quote after it stays."""
    seen: set[tuple[str, int | None]] = set()
    for k, q in enumerate(out):
        key = _quote_key(q.text)
        if drop[k] or len(key.split()) < 5:
            continue  # short fragments ("very good") may well be said twice
        if (key, speakers[k]) in seen:
            drop[k] = True
        if not titled[k]:
            seen.add((key, speakers[k]))


def _closes_first(text: str, norm: str, p: Para) -> bool:
    """Does the paragraph open inside a quotation left open before it: no opening mark at
    its start, and its first mark closes a span from its start (`...,” said Kral.`)?"""
    if opens_with_mark(norm, p.start, p.end) or '"' not in norm[p.start:p.end]:
        return False
    spans = pair_marks(text, norm, p.start, p.end, open_before=True)
    lead = p.start + len(norm[p.start:p.end]) - len(norm[p.start:p.end].lstrip())
    return bool(spans) and spans[0].start == lead and spans[0].closed


def _join_unopened(text: str, out: list[Quote], unopened: list[bool],
                   para_of: list[int]) -> list[Quote]:
    """A quotation that runs on into the next paragraph without a new opening mark is one
    quote (as a reader counts it), from its opening mark to its closing one."""
    joined: list[Quote] = []
    for k, q in enumerate(out):
        if unopened[k] and joined and k > 0 and para_of[k - 1] == para_of[k] - 1:
            first = joined[-1]
            first.end = q.end
            first.text = text[first.start:q.end]
            first.speaker = first.speaker or q.speaker
            first.speaker_country = first.speaker_country or q.speaker_country
            continue
        joined.append(q)
    return joined


def _narration_subject(norm: str, ms: _Mentions, paras: list[Para], n: int,
                       starts: list[int], quote_start: int) -> int | None:
    """The person the narration around an unattributed quote is about: the subject of its
    sentence ("Abiy and Sisi discussed '...'"), or of the sentence before when the quote
    opens its own ("Further he also reaffirmed ...", then a quoted paragraph)."""
    p = paras[n]
    i = bisect_right(starts, quote_start - 1) - 1
    sent = p.sentences[i] if i >= 0 else None
    if sent is not None and norm[sent.start:quote_start].strip(' "\n\'') == "":
        sent = p.sentences[i - 1] if i > 0 else (
            paras[n - 1].sentences[-1] if n > 0 and paras[n - 1].sentences else None)
    if sent is not None:
        who = _sentence_subject(norm, ms, sent.start, min(sent.end, quote_start - 1))
        if who is not None:
            return who
    lo = max(0, quote_start - 400)
    # Count marks from a paragraph's start where one lies in reach: from the middle of an
    # earlier quotation the count is off by one, and a name inside that quotation ("my
    # friend, President X," Y wrote) would read as narration.
    k = n
    while k > 0 and paras[k - 1].start >= lo:
        k -= 1
    if lo <= paras[k].start < quote_start:
        lo = paras[k].start
    for m in reversed(ms.between(lo, quote_start - 1)):
        if (ms.is_person(m) and norm[m.end:m.end + 1] != "'"
                and norm.count('"', lo, m.start) % 2 == 0):
            # The last sentence that names someone (a caption or a credit may stand between
            # it and the quotation): who it is about, its subject, not the last one named
            # ("Xi praised Albanese for ...", then a photo credit, then the quotation: Xi).
            k = n
            while k > 0 and paras[k].start > m.start:
                k -= 1
            q = paras[k]
            j = bisect_right(q.sentences, m.start, key=lambda x: x.start) - 1
            if j >= 0 and m.start < q.sentences[j].end:
                subject = _sentence_subject(norm, ms, q.sentences[j].start, m.end)
                if subject is not None:
                    return subject
            return m.actor
    return None


def _sentence_subject(norm: str, ms: _Mentions, lo: int, hi: int) -> int | None:
    """The first person named in norm[lo:hi] outside quotation marks, after a fronted phrase:
    who the sentence is about."""
    for m in ms.between(_after_fronted(norm, ms, lo, hi), hi)[:8]:
        if (ms.is_person(m) and norm[m.end:m.end + 1] != "'"  # not "during Lula's trip"
                # "In his remarks, Putin ...": a possessive points on to the subject
                and norm[m.start:m.end].lower() not in ("his", "her")
                and norm.count('"', lo, m.start) % 2 == 0):
            return m.actor
    return None


def _previous_subject(norm: str, ms: _Mentions, p: Para, starts: list[int],
                      s_lo: int) -> int | None:
    """First actor named (outside quotation marks) in the sentence right before."""
    i = bisect_left(starts, s_lo) - 1
    if i < 0:
        return None
    sent = p.sentences[i]
    lo = _after_fronted(norm, ms, sent.start, min(sent.end, sent.start + 400))
    for m in ms.between(lo, min(sent.end, sent.start + 400)):
        if norm.count('"', sent.start, m.start) % 2 == 0:
            return m.actor
    return None


def _after_fronted(norm: str, ms: _Mentions, lo: int, hi: int) -> int:
    """Where the subject of norm[lo:hi] may stand: after a phrase fronted before it
    ("Following talks with Lavrov, the Brazilian diplomat noted"), if someone is named
    after it."""
    fronted = FRONTED.match(norm, lo, hi)
    if fronted is not None and ms.between(fronted.end(), hi):
        return fronted.end()
    return lo


def _fill_gaps(norm: str, paras: list[Para], speakers: list[int | None], para_of: list[int],
               continued: list[bool], ends: list[int], own_clause: list[bool]) -> None:
    """Quotes with no reporting clause take the speaker of the quotation around them."""
    # A continued quotation belongs to whoever opened it in the paragraph before.
    for k in range(len(speakers)):
        if continued[k] and k > 0 and para_of[k - 1] == para_of[k] - 1:
            speakers[k] = speakers[k - 1] if speakers[k - 1] is not None else speakers[k]
    # Same paragraph: the next attributed quote ("A." "B," he said), else the one
    # before. Two linear sweeps keep this cheap with thousands of quotes.
    n = len(speakers)
    next_known: list[int | None] = [None] * n
    following: int | None = None
    for k in range(n - 1, -1, -1):
        if k + 1 < n and para_of[k + 1] != para_of[k]:
            following = None
        next_known[k] = following
        if speakers[k] is not None:
            following = speakers[k]
    preceding: int | None = None
    for k in range(n):
        if k > 0 and para_of[k - 1] != para_of[k]:
            preceding = None
        if speakers[k] is None and not own_clause[k]:
            speakers[k] = next_known[k] if next_known[k] is not None else preceding
        else:
            preceding = speakers[k]
    # Continuations whose opening paragraph got its speaker only now.
    for k in range(1, len(speakers)):
        if continued[k] and speakers[k] is None and para_of[k - 1] == para_of[k] - 1:
            speakers[k] = speakers[k - 1]
    # An opening paragraph whose speaker is named only where the quotation ends.
    for k in range(len(speakers) - 1, 0, -1):
        if continued[k] and speakers[k - 1] is None and para_of[k - 1] == para_of[k] - 1:
            speakers[k - 1] = speakers[k]
    # A paragraph that is nothing but a quotation follows on the speaker just quoted.
    for k in range(1, len(speakers)):
        if speakers[k] is None and para_of[k - 1] == para_of[k] - 1:
            p = paras[para_of[k]]
            if opens_with_mark(norm, p.start, p.end) and ends[k] >= p.end - 2:
                speakers[k] = speakers[k - 1]


def headline_quotes(text: str, norm: str, body_start: int, title: str, table: ActorTable,
                    first_para: int, body: list[Quote]) -> list[Quote]:
    """Quotes in the headline above the body (Mirziyoyev called the visit "historic"):
    counted as the body's are, unless the body quotes the same words (then the headline
    only repeats them). Spoken by the one the headline's clause of saying names ("..., says
    Varga"), else by the first person it names outside its quotation marks (its subject)."""
    if not title or body_start <= 0:
        return []
    at = norm.find(title, 0, body_start)
    if at < 0:
        return []
    line = Para(first_para, at, at + len(title), sentences=(Sentence(at, at + len(title)),))
    said = {_words(q.text) for q in body}
    found = [q for q in find_quotes(text, norm, [line], ActorTable(actors=table.actors))
             if not any(_words(q.text) in b or b in _words(q.text) for b in said)]
    if not found:
        return []
    outside = norm[at:at + len(title)]
    for q in found:
        outside = outside.replace(norm[q.start:q.end], " " * (q.end - q.start))
    surnames: dict[str, int] = {}
    for i, a in enumerate(table.actors):
        if a.kind == "person":
            for form in (a.name.split()[-1], *a.aliases):
                surnames.setdefault(form, i)
    named = [(m.start(), surnames[m[1]]) for m in _HEAD_WORD.finditer(outside)
             if m[1] in surnames]
    says = _HEAD_SAYS.search(outside)
    who = next((i for pos, i in named if says is not None and pos >= says.end()), None)
    if who is None and named:
        who = named[0][1]
    for q in found:
        if q.speaker is None and who is not None:
            q.speaker, q.speaker_country = table.actors[who].name, table.actors[who].country
    return found


_HEAD_WORD = re.compile(r"([A-Z][\w-]+)(?:'s?)?")
_HEAD_SAYS = re.compile(r"\b(?:says|said|tells|told|warns|urges|insists)\s+(?=[A-Z])")


def _words(quoted: str) -> str:
    return " " + " ".join(re.findall(r"\w+", quoted.lower())) + " "
