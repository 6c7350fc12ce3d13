"""Stage 2: title, byline date, dateline place and outlet, source; credits dropped.

Reads the head of the article (title line, byline/meta lines, the dateline that
opens the first paragraph) and its tail (credits, copyright, related links).
Works on the normalized text, so every dash is `-` and every quote is straight.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from store.ingest.boilerplate import (
    INLINE_CREDIT,
    is_caption_line,
    is_credit_line,
    is_dated_caption,
    is_junk_line,
)
from store.ingest.countries import country_of, country_of_capital
from store.ingest.cueprefix import lead_guarded
from store.ingest.datetext import (
    DATE_RE,
    MONTH_RE,
    compact_date,
    first_date,
    foreign_date,
    has_year,
    iso_date,
    match_date,
)
from store.ingest.normalize import normalize
from store.ingest.place import body_location, is_call, stated_place
from store.ingest.types import Header, PlainDocument

# Outlets as they appear in bylines and datelines -> the name we store.
OUTLETS: dict[str, str] = {
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "bloomberg": "Bloomberg", "bloomberg news": "Bloomberg",
    "xinhua": "Xinhua", "xinhua news agency": "Xinhua",
    "cnn": "CNN", "bbc": "BBC", "bbc news": "BBC", "kyodo": "Kyodo", "kyodo news": "Kyodo",
    "yonhap": "Yonhap", "pti": "PTI", "ani": "ANI", "ians": "IANS", "tass": "TASS",
    "dpa": "dpa", "efe": "EFE", "nikkei": "Nikkei", "nikkei asia": "Nikkei Asia",
    "al jazeera": "Al Jazeera", "voa": "VOA", "cgtn": "CGTN", "global times": "Global Times",
    "south china morning post": "South China Morning Post", "scmp": "South China Morning Post",
    "the guardian": "The Guardian", "the new york times": "The New York Times",
    "the washington post": "The Washington Post", "politico": "Politico", "axios": "Axios",
    "nbc news": "NBC News", "cbs news": "CBS News", "abc news": "ABC News",
    "the hindu": "The Hindu", "hindustan times": "Hindustan Times",
    "the times of india": "The Times of India", "times of india": "The Times of India",
}

# Issuing bodies of official readouts, recognised on their masthead lines.
_BODIES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"office of the spokesperson|(?:u\.s\. )?department of state\b|\bstate\.gov\b|"
                r"^media note$|^press statement$", re.I), "U.S. Department of State"),
    (re.compile(r"ministry of foreign affairs(?: of the people's republic of china)?|"
                r"\bfmprc\b|\bmfa\.gov\.cn\b|chinese foreign ministry|foreign ministry of china|"
                r"foreign ministry spokesperson", re.I), "Chinese Ministry of Foreign Affairs"),
    (re.compile(r"^the white house$|\bwhitehouse\.gov\b|^briefing room$|"
                r"^statements and releases$", re.I), "White House"),
    (re.compile(r"u\.s\. department of defense|\bdefense\.gov\b", re.I),
     "U.S. Department of Defense"),
    (re.compile(r"^10 downing street$|^prime minister's office,? 10 downing street$", re.I),
     "UK Prime Minister's Office"),
    (re.compile(r"ministry of external affairs|\bmea\.gov\.in\b", re.I),
     "Indian Ministry of External Affairs"),
    (re.compile(r"ministry of national defense of the people's republic of china|\bmod\.gov\.cn\b",
                re.I), "Chinese Ministry of National Defense"),
]

# "BEIJING (Reuters) - ", "VIENTIANE, Laos (AP) - ", "WASHINGTON, April 26 (Reuters) -",
# "Beijing (AFP) - ", "NEW DELHI: ", "BEIJING - "
_PLACE_CAPS = r"[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}"
_PLACE_ANY = r"[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}"
_REGION = r"(?:,\s*[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,2})?"
_DATELINE_DATE1 = r"(?:,\s*(?P<date1>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
_DATELINE_DATE2 = r"(?:,\s*(?P<date2>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
_OUTLET = r"\((?P<outlet>[A-Za-z][A-Za-z .&'-]{1,40})\)"
DATELINE = re.compile(
    rf"[ \t]*(?:"
    # "Wilmington (US), Sep 22 (PTI) ": a country in brackets, and wires that drop the dash
    rf"(?P<p1>{_PLACE_ANY})(?:\s*\([A-Za-z .]{{2,20}}\))?(?P<r1>{_REGION}){_DATELINE_DATE1}"
    # "Madrid, Nov 16 (EFE).- ": the Spanish wires' full stop before the dash
    rf"\s*{_OUTLET}\s*(?P<dash>\.?-+|:)?\s*"
    rf"|(?P<p2>{_PLACE_CAPS}{_REGION}){_DATELINE_DATE2}\s*(?:-{{2}}(?=[A-Z])|(?:-+|:)\s+)"
    rf")"
)

# "Vientiane: As ...", "Kazan [Russia]: ...": the mixed-case colon dateline of Indian and
# other outlets, read only where the story starts (a headline "Vucic: talks difficult" is
# not one).
_COLON_DATELINE = re.compile(
    r"[ \t]*(?P<p3>[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)?)"
    # "Wilmington (Delaware) [US], Sep 22:": the state in brackets before the country
    r"(?:\s*\([A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+)?\)(?=\s*\[))?"
    r"(?:\s*\[(?P<r3>[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+)?)\])?"
    # "Chennai, Oct 12:": the day the story was filed, as Indian wires print it
    rf"(?:,\s*(?P<date3>{MONTH_RE}\.?\s+\d{{1,2}}))?\s*:\s+(?=[A-Z\"'])"
)
# "October 6, 2022 (NAIROBI) - ": the date first, then the newsroom in brackets.
_DATE_FIRST_DATELINE = re.compile(
    rf"[ \t]*(?P<date>{MONTH_RE}\.?\s+\d{{1,2}},?\s+(?:19|20)\d\d)\s*"
    r"\((?P<p>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})\)\s*(?:-+|:)\s*"
)
# "Beijing, China - ", "Brasilia - ": a mixed-case dateline with a dash, taken only when it
# names a capital or a country after its comma (a story may open "Xi - who ...").
_DASH_DATELINE = re.compile(
    r"[ \t]*(?P<p4>[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+)?)(?:, (?P<r4>[A-Z][^\W\d_.]+"
    r"(?: [A-Z][^\W\d_]+)?))?[ \t]+-+[ \t]+(?=[A-Z\"'])"
)
_NOT_DATELINE_LABEL = frozenset(
    "Note Update Updated Editor Source Photo Watch Read Also Tags Date Image Video Breaking "
    "Exclusive Analysis Opinion Live Factbox Explainer Summary Highlights Background Context "
    "Correction Disclaimer Warning Transcript Statement Readout Q A Question Answer Listen "
    "Related Topics Quote Caption Credit Key Why What How Who When Where File".split()
)
_MASTHEAD = re.compile(
    r"^\s*(?:readout|media note|press statement|press release|statement|fact sheet)\s*$", re.I
)
_BYLINE_WORD = re.compile(
    r"^(?:by\b|(?:curated|edited|authored|compiled) by\b|updated\b|published\b|posted\b|"
    r"last updated\b|first published\b|modified\b|"
    r"written by\b|filed\b|released\b|reuters\b|source\b|date\b|readout\b|press release\b|"
    r"media note\b|press statement\b|statement\b|fact sheet\b|remarks\b|office of\b|"
    r"\d+\s*min(?:ute)?s?\s+read\b|\d{1,2}:\d{2}\b|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)",
    re.I,
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|gmt|utc|edt|est|bst|cst)?\b", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s*$")
# A government release's headline that ends on its date, after a colon.
_DATED_HEADLINE = re.compile(
    rf"^(?!(?:updated|published|posted|date)\b)(?:\S+ ){{3,}}\S+:\s*"
    rf"(?:\d{{1,2}} {MONTH_RE}|{MONTH_RE} \d{{1,2}},?) (?:19|20)\d\d$", re.I)
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*\u2022])\s")

@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str, start: int, end: int) -> list[_Line]:
    out: list[_Line] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        out.append(_Line(pos, stop, text[pos:stop]))
        pos = stop + 1
    return out


def _lines_backwards(text: str, start: int, end: int) -> Iterator[_Line]:
    """Lines of text[start:end] from the last one up, made only as far as they are read."""
    stop = end
    while stop > start:
        nl = text.rfind("\n", start, stop)
        begin = start if nl == -1 else nl + 1
        yield _Line(begin, stop, text[begin:stop])
        stop = nl if nl != -1 else start
        if nl == -1:
            break


def outlet_name(raw: str) -> str | None:
    """'Reuters' -> 'Reuters', 'The Associated Press' -> 'AP'; None if not an outlet."""
    key = " ".join(raw.lower().replace(".", "").split())
    return OUTLETS.get(key)


def body_name(line: str) -> str | None:
    """The issuing body a masthead line names ('Office of the Spokesperson' -> State)."""
    if len(line) > 120:
        return None
    for pattern, name in _BODIES:
        if pattern.search(line.strip()):
            return name
    return None


def title_case_place(raw: str) -> str:
    """'VIENTIANE, Laos' -> 'Vientiane, Laos'; 'NEW DELHI' -> 'New Delhi'."""
    words = []
    for word in raw.split(" "):
        if word.isupper() and len(word) > 1 and "." not in word:
            word = "-".join(p.capitalize() for p in word.split("-"))
        words.append(word)
    return " ".join(words).strip(" ,")


def _is_meta_line(line: str) -> bool:
    """A byline, date, masthead or furniture line between the title and the body."""
    s = line.strip()
    if not s or len(s) > 160:
        return False
    if is_junk_line(s) or body_name(s) or outlet_name(s) or compact_date(s):
        return True
    if _MASTHEAD_NAME.match(s):
        return True
    if _BYLINE_WORD.match(s) and not _SENTENCE_END.search(s[-2:] if len(s) > 80 else s):
        return True
    if _DATED_HEADLINE.match(s):
        return False  # "PM call with the President of X: 29 August 2024" names an event
    dm = DATE_RE.search(s)
    if dm and (len(s) < 60 or _TIME.search(s) or "|" in s):
        # "June 19, 2023" is a dateline of the page; "They met on June 5." is the story,
        # and "Leaders agree to meet again on June 5" a headline: a stamp has few words
        # in lower case beside its date.
        if not (_TIME.search(s) or "|" in s) and len(
                _LOWER_WORD.findall(s[:dm.start()] + " " + s[dm.end():])) >= 3:
            return False
        return not _SENTENCE_END.search(s) or _BYLINE_WORD.match(s) is not None
    return False


# A word in lower case: "agree", "to"; not "June", "EDT", "10:15".
_LOWER_WORD = re.compile(r"(?<![\w'])[a-z][a-z'-]*\b")


def _is_dek(line: str) -> bool:
    """A sub-headline: short, not a sentence of the story, not a section header."""
    s = line.strip()
    return (
        0 < len(s) <= 200
        and not s.isupper()
        and not _NUMBERED.match(s)
        and not DATELINE.match(s)
        and not _SENTENCE_END.search(s)
        and not s.endswith(":")
    )


def _is_head_furniture(line: str) -> bool:
    """A caption, credit or date line: what a page puts between its standfirst and its
    story (an advertisement can stand between any two paragraphs, so it is not one)."""
    s = line.strip()
    if not s or is_junk_line(s):
        return False
    return _is_meta_line(s) or is_caption_line(s) or _is_furniture(s)


def _find_source(zone: list[_Line], title: str) -> str | None:
    for ln in zone:
        m = re.match(r"^\s*(?:by|source:?|from)\s+(.+?)\s*(?:[|,\-]|\d|$)", ln.text, re.I)
        if m:
            name = outlet_name(m[1]) or outlet_name(m[1].split(" and ")[-1])
            if name:
                return name
        name = outlet_name(ln.text.strip()) or body_name(ln.text)
        if name:
            return name
        # "KYODO NEWS - Nov. 17, 2023 - 09:12": the outlet opens the date line
        m = re.match(r"^\s*([A-Za-z][A-Za-z .&'-]{1,40}?)\s*(?:\s-\s|\||,)", ln.text)
        if m and outlet_name(m[1]):
            return outlet_name(m[1])
    if re.match(r"^\s*readout of (?:the )?(?:president|vice president)\b", title, re.I):
        return "White House"
    if re.match(r"^\s*(?:readout of )?secretary \w+'s (?:meeting|call)\b", title, re.I):
        return "U.S. Department of State"
    return None


_SIGNOFF = re.compile(r"^[\W_]*([A-Za-z][A-Za-z .&'-]{1,40}?)(?:\s+[A-Z]{2,4})*[\W_]*$")


def signoff_outlet(line: str) -> str | None:
    """The outlet of a wire sign-off line: '==Kyodo', 'PTI LKJ ZH', '-- Reuters'."""
    m = _SIGNOFF.match(line.strip()) if len(line) < 60 else None
    return outlet_name(m[1]) if m else None


def _tail_source(text: str, start: int, end: int) -> str | None:
    """The outlet of a copyright line or the body of a masthead footer, at the very end."""
    tail = text[max(start, end - 1500):end]
    for line in reversed(tail.split("\n")[-6:]):
        name = signoff_outlet(line)
        if name:
            return name
    for line in reversed(tail.split("\n")[-6:]):
        for part in reversed(line.split(" | ")):
            name = body_name(part) if not _SENTENCE_END.search(part) else None
            if name:
                return name
    for m in re.finditer(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:,\s*)?([A-Za-z .&'-]{2,40})",
                         tail, re.I):
        name = outlet_name(m[1].strip(" .")) or outlet_name(m[1].strip(" .").split(" ")[0])
        if name:
            return name
    return None


def _zone_date(
    zone: list[_Line], stamp: date | None, default_year: int | None, title_at: int = -1
) -> tuple[date | None, str | None]:
    """The article's own date and where it was read: a line labelled as the publication
    date wins, then a clipper's stamp, then the first dated line of the head. A date
    under the headline is the article's byline; a date above it, where a date under it
    exists too, is the page's (a site prints today's date over every story)."""
    dated: list[tuple[_Line, date]] = []
    for ln in zone:
        d = first_date(ln.text, default_year) or foreign_date(ln.text) or compact_date(ln.text)
        if d is not None:
            dated.append((ln, d))
    if title_at >= 0 and any(ln.start > title_at for ln, _ in dated):
        dated = [(ln, d) for ln, d in dated if ln.start > title_at]
    elif title_at >= 0:
        # "Friday, May 3, 2024" alone above the headline: the site's widget of the day the
        # page was viewed, printed over every story, not the article's date.
        dated = [(ln, d) for ln, d in dated
                 if ln.start > title_at or not _TODAY_WIDGET.match(ln.text)]
    for ln, d in dated:
        if re.match(r"^\s*(?:published|posted|first published|released|date|written)\b", ln.text,
                    re.I):
            return d, f"byline {d.isoformat()}"
    if stamp is not None:
        return stamp, f"stamp {stamp.isoformat()}"
    if dated:
        return dated[0][1], f"byline {dated[0][1].isoformat()}"
    return None, None


_TODAY_WIDGET = re.compile(
    r"\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+[\w ,.]{6,24}?"
    r"(?:19|20)\d\d(?:\s+\d{1,2}:\d\d(?:\s*[A-Z]{2,4})?)?\s*$")


def _dated(line: str) -> date | None:
    """A complete date (with its year) in a line, else None."""
    return first_date(line, None)


def _body_end(text: str, start: int, end: int) -> int:
    """Offset after the last body character: trailing credits and furniture cut off.

    Walks up from the bottom: credit, copyright and furniture lines move the cut;
    short unpunctuated lines (link titles under "Related coverage") are passed over
    and only cut when a marker line sits above them; the first real paragraph stops.
    """
    cut = end
    link_lines = 0
    for ln in _lines_backwards(text, start, end):
        s = ln.text.strip()
        if not s:
            continue
        masthead = not _SENTENCE_END.search(s) and (
            " | " in s or body_name(s) is not None or signoff_outlet(s) is not None
        )
        if is_credit_line(s) or is_junk_line(s) or masthead:
            # masthead: "Bureau of ... | Office of the Spokesperson | U.S. Department of State"
            cut = ln.start
            link_lines = 0
            continue
        if len(s) < 140 and not _SENTENCE_END.search(s) and link_lines < 8 and not s.isupper():
            link_lines += 1
            continue
        break
    # Strip a credit glued to the end of the last paragraph.
    body = text[start:cut].rstrip()
    m = INLINE_CREDIT.search(body)
    if m:
        body = body[: m.start()].rstrip()
    return start + len(body.rstrip())


# A web clipper's stamp opening the text: "date 2023-07-09", often glued to the headline.
_STAMP = re.compile(r"[ \t]*date:?[ \t]+(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b[ \t]*", re.I)
_FULL_STOP_END = re.compile(r"\.[\"')\]]*\s*$")
# A short "Label: value" line of a page in any language ("Autor: Tanjug", "Source: KCNA").
_LABEL_LINE = re.compile(r"^[A-Z][a-z]{2,15}(?: [a-z]{2,15})?\s?:\s*\S+(?:\s+\S+)?$")
# A reporter's name and post on a line of their own: "Jane Doe, Senior Correspondent".
_BYLINE_POST = re.compile(r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3},? (?:[A-Z][a-z]+ )?"
                          r"(?i:correspondent|reporter|editor|writer|columnist|contributor)s?$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_BREADCRUMB = re.compile(r"\s[>\u00bb\u203a/]\s")
_IMAGE_NAME = re.compile(r"\b\d{2,4}x\d{2,4}\b")
# A site's weather widget: "6.2 C", "-3°C", "71 °F".
_WEATHER = re.compile(r"^-?\d{1,3}(?:[.,]\d{1,2})?\s?\u00b0?\s?[CF]$")
# What a picture shows, in a caption's present tense: "X shakes hands with Y", "X and Y pose
# for a photo", "X greets Y" (a headline over a credit line may use it too, so it counts only
# in a line the credit follows).
_PICTURED = re.compile(r"\b(?:shakes?|shaking) hands?\b|\bpos(?:es|e|ing) for\b|\bgreets\b"
                       r"|\b(?:is|are) greeted by\b")
# A summary line over the story, told in a sentence that runs on after a comma: "2 chiefs
# meet for talks on the dispute, which spiraled into clashes last month, resulting in ...".
# Headlines are shorter and do not run on so.
_RUN_ON = re.compile(r", (?:which|resulting in|leaving|killing|prompting)\b")
_STANDFIRST_WORDS = 18


def _is_standfirst(line: str) -> bool:
    """A long summary line that reads on like the story, not a headline (nor the lede: that
    ends with a full stop)."""
    return (len(line.split()) > _STANDFIRST_WORDS and not line.startswith(('"', "\u201c"))
            and not _FULL_STOP_END.search(line) and _RUN_ON.search(line) is not None)


_LABEL_WORDS = re.compile(r"[^\W\d_][\w'&.-]*|[A-Z][\w'&.-]* [A-Z][\w'&.-]*")
# A ministry site's section label: "Japan-Korea Relations", "Foreign Affairs" (a headline
# says what happened; a label only names a field).
_SECTION_LABEL = re.compile(r"^(?:[A-Z][\w'-]*\s){0,3}(?:Relations|Affairs)$")


def _is_furniture(line: str) -> bool:
    """Page furniture that can sit among the head lines: a stamp in another language
    ("27. februar 2023 20:25"), a label ("Izvor: TANJUG"), a share button in another
    language ("podeli vest"), an image file name, a weather reading ("6.2 C"), a line in
    another script."""
    s = line.strip()
    if not s or len(s) > 80 or _SENTENCE_END.search(s):
        return False
    words = s.split()
    if _CLOCK.search(s) and _YEAR.search(s):
        return True
    if _YEAR.search(s) and len(words) <= 5 and not any(c.isupper() for c in s):
        return True  # a stamp in another language, all in lower case: "mardi, mai 5, 2023"
    if (_LABEL_LINE.match(s) and len(words) <= 5) or _SECTION_LABEL.match(s) \
            or _BYLINE_POST.match(s):
        return True
    if len(words) <= 3 and s == s.lower() and any(c.isalpha() for c in s):
        return True
    if (_IMAGE_NAME.search(s) and len(words) <= 4) or _WEATHER.match(s):
        return True
    if _BREADCRUMB.search(s) and all(len(p.split()) <= 3 for p in _BREADCRUMB.split(s)):
        return True  # "Home > World > Africa"
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) * 2 < len(letters)


def _pictured_over_headline(line: str, nxt: str) -> bool:
    """A line that shows a picture ("X and Y shake hands during talks in Z") over a shorter
    line that could be the headline, with no credit between: the picture's caption, printed
    before the headline. (A headline that says so is followed by the story, not by a shorter
    headline-like line.)"""
    return (_PICTURED.search(line) is not None and _PICTURED.search(nxt) is None
            and len(nxt.split()) < len(line.split()) and _is_headline(nxt))


def _is_headline(line: str, *, printed_twice: bool = False) -> bool:
    """Could this line be the headline: a phrase, not a sentence of the story, a caption,
    a credit, a byline or a stamp. A line the page prints twice may open with a capitalised
    label and a colon ("FULL VIDEO: Leaders meet"): a dateline opens a story only once."""
    s = line.strip()
    words = s.split()
    if not words or len(words) > 30 or len(s) > 250 or _FULL_STOP_END.search(s):
        return False
    if s[0].islower():
        return False
    return not ((DATELINE.match(s) and not printed_twice) or _is_meta_line(s)
                or is_caption_line(s) or is_junk_line(s) or _is_furniture(s))


# A site's name after the headline of a copied page: "Leaders meet | World News".
# After a dash only a name that says it is a site: "Leaders meet - Daily News".
_SITE_WORD = (r"(?:News|Times|Post|Daily|Online|Today|Herald|Journal|Tribune|Monitor|Agency|"
              r"Press|Review|Telegraph|Gazette|Chronicle|Express|Observer|Inquirer)")
# (a bullet parts a site's name too: "Leaders meet • Site")
_PIPE_SUFFIX = re.compile(
    rf"(?<=\S{{3}}) (?:[|\u2022] (?:\S+ ){{0,3}}\S+|- (?:[A-Z][\w.&'-]* ){{0,3}}{_SITE_WORD}"
    r"(?: [A-Z][\w.&'-]*)?)$"
)
# A newspaper's masthead on a line of its own: "The Korea Herald", "Daily News Egypt".
_MASTHEAD_NAME = re.compile(
    rf"^(?:The )?(?:[A-Z][\w.&'-]* ){{0,3}}{_SITE_WORD}(?: [A-Z][\w.&'-]*)?$")


# A wire's name glued to the headline's end: "Leaders hold talks-Xinhua", "... - Reuters".
_OUTLET_SUFFIX = re.compile(r"(?<=\S)\s*[-|]\s*(?P<outlet>[A-Za-z][A-Za-z .&'-]{1,30})$")


def _without_outlet(title: str) -> str:
    m = _OUTLET_SUFFIX.search(title)
    return title[:m.start()].rstrip() if m and outlet_name(m["outlet"]) else title


# An aggregator's credit glued to a reposted headline: "... – Tokaev", — write: example.org".
_REPOST_SUFFIX = re.compile(r"[\"']?\s*,?\s*-+\s*(?:writes?|reports?|source)\s*:?\s*"
                            r"(?:www\.)?[\w-]+(?:\.[\w-]+)+/?\s*$", re.I)


_GLUED_CAPS_HEADLINE = re.compile(
    r"(?P<head>[A-Z0-9][A-Z0-9.,'&-]*(?: [A-Z0-9][A-Z0-9.,'&-]*){3,20}) (?=[A-Z]?[a-z])")
_GLUED_MEDIA_MARK = re.compile(
    r"(?<=\S) (?:VIDEO|PHOTOS?|GALLERY)(?:/(?:VIDEO|PHOTOS?))? (?=[A-Z])")
_SECTION_WORD = re.compile(r"^(?:Politics|World|Business|Economy|Society|Region|Sports?|"
                           r"Culture|News|Diplomacy|International) (?=[A-Z])")
_NEWS_WORD = re.compile(r"\bnews\b", re.I)


def _clean_title(line: str) -> str:
    """The headline without a site's name, a wire's name or a repost credit after it."""
    s = _REPOST_SUFFIX.sub("", line.strip())
    return _without_outlet(_PIPE_SUFFIX.sub("", s))


def _printed_twice(lines: list[_Line], start: int) -> int | None:
    """The index of a headline-like line that recurs within the first lines, if any."""
    seen: dict[str, int] = {}
    for k in range(start, min(start + 12, len(lines))):
        s = lines[k].text.strip()
        if len(s.split()) < 4:
            continue
        if s in seen:
            first = seen[s]
            return first if _is_headline(s, printed_twice=True) else None
        seen[s] = k
    return None


# "Washington D.C., United States of America (USA)": the place line of a live page.
_PLACE_LINE = re.compile(r"^(?P<city>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}), "
                         r"(?P<country>[A-Z][\w.' -]{2,40}?)(?: \([A-Z.]{2,6}\))?$")


def _place_line(line: str) -> bool:
    """A line that is only a city and its country, above the story."""
    m = _PLACE_LINE.match(line.strip())
    if m is None:
        return False
    country = m["country"].removesuffix(" of America")
    return country_of(country) is not None and country_of(m["city"]) is None


def _is_kicker(line: str) -> bool:
    """A section label or kicker above a headline: 'NEUTRAL TERRITORY', 'News', 'Asia'."""
    s = line.strip()
    words = s.split()
    return len(words) <= 3 or (len(words) <= 5 and s.isupper())


# An upper-case dateline glued to what comes before it: "...Photo ServiceBEIJING - ".
_GLUED_CAPS = re.compile(r"(?<=[a-z0-9.)])[A-Z]{3,}")


def _after_glued_caption(text: str, start: int, n: int) -> int:
    """Where the story starts when a caption and its credit were pasted onto its first line
    ("...on May 2, 2024.Jane Doe | Agency | Photo ServiceBEIJING - The two ..."): at the
    glued dateline, if the words before it are a caption or a credit; else `start`."""
    nl = text.find("\n", start, min(n, start + 600))
    stop = nl if nl != -1 else min(n, start + 600)
    for k, g in enumerate(_GLUED_CAPS.finditer(text, start, stop)):
        if k >= 8:
            break
        m = DATELINE.match(text, g.start(), min(n, g.start() + 200))
        if m and m["p2"] and m["p2"].split(",")[0].replace(" ", "").replace(".", "").isupper() \
                and is_caption_line(text[start:g.start()]):
            return g.start()
    return start


@dataclass(slots=True)
class _Head:
    """What the walk down the head of an article collects."""

    lines: list[_Line]
    pos: int = 0  # index of the next line to read
    title: str = ""
    consumed_title: bool = False
    zone: list[_Line] = field(default_factory=list)  # byline, stamp and furniture lines
    captions: list[_Line] = field(default_factory=list)
    deks: list[_Line] = field(default_factory=list)
    place_line: _Line | None = None  # "Washington D.C., United States" above the story


def _masthead(head: _Head) -> None:
    """Masthead lines ("Readout", "Office of the Spokesperson") may come before the title."""
    while head.pos < len(head.lines) and head.pos < 3:
        ln = head.lines[head.pos]
        if not (body_name(ln.text) or _MASTHEAD.match(ln.text)):
            return
        head.zone.append(ln)
        head.pos += 1


def _known_title(head: _Head) -> None:
    """Find a page's own headline (<title>, '# ') among the first lines and step past it."""
    lines, title = head.lines, head.title
    # A saved page may put a kicker or breadcrumb ("Asia") above its headline.
    for k in range(head.pos, min(head.pos + 6, len(lines))):
        if lines[k].text.strip() == title:
            head.pos = k
            break
    if head.pos < len(lines):
        s = lines[head.pos].text.strip()
        if s == title or (len(s) > 10 and (s in title or title in s)):
            head.consumed_title = True
            head.pos += 1


def _find_headline(head: _Head, text: str) -> None:
    """Walk past what can come before a headline and take the headline, if there is one.

    Clipper stamps, player and navigation furniture, section labels and photo captions
    can all come before the headline; none of them is the title. A story with no
    headline starts with its first sentence, and has no title.
    """
    lines = head.lines
    again = _printed_twice(lines, head.pos)
    if again is not None:
        # A page that prints its headline twice (as <title> and as <h1>) names it for
        # sure: the outlet's name, a section or a stamp above it is none of them.
        head.zone.extend(lines[head.pos:again])
        head.title, head.consumed_title = _clean_title(lines[again].text), True
        head.pos = again + 1
        return
    labelled = False  # was the line before a section label?
    while head.pos < len(lines) and head.pos < 12:
        ln = lines[head.pos]
        s = ln.text.strip()
        nxt = lines[head.pos + 1].text if head.pos + 1 < len(lines) else ""
        after = lines[head.pos + 2].text if head.pos + 2 < len(lines) else ""
        kicker = _is_kicker(s) and not _FULL_STOP_END.search(s) and (
            (_is_headline(nxt) and not _is_kicker(nxt))
            # "Asia" / "Our news from the region." / the headline
            or (len(nxt) < 300 and _FULL_STOP_END.search(nxt) is not None
                and _is_headline(after)))
        blurb = (labelled and len(s) < 300 and _FULL_STOP_END.search(s) is not None
                 and _is_headline(nxt) and head.pos + 2 < len(lines))
        glued = _GLUED_MEDIA_MARK.search(ln.text, 0, 300) if head.pos == 0 else None
        if glued is not None:
            before = _SECTION_WORD.sub("", ln.text[:glued.start()].strip())
            if len(before.split()) >= 3 and _is_headline(before):
                # "Politics Leaders meet: "Welcome, friend" VIDEO/PHOTO The president ...":
                # a section, the headline (a quote in it too) and the story on one line,
                # parted by the page's media mark.
                head.title, head.consumed_title = _clean_title(before), True
                lines[head.pos] = _Line(ln.start + glued.end(), ln.end, ln.text[glued.end():])
                return
        caps = _GLUED_CAPS_HEADLINE.match(s) if head.pos == 0 else None
        if caps is not None and (_is_meta_line(s) or _is_furniture(s)) and not (
                _BYLINE_WORD.match(caps["head"]) or DATE_RE.search(caps["head"])
                or _CLOCK.search(caps["head"])):
            # "LEADERS HOLD FIRST SUMMIT IN 3 YEARS News Today 2022.11.16 (15:08)": a
            # broadcaster's upper-case headline glued to the page's labels and stamps.
            head.zone.append(ln)
            head.title, head.consumed_title = caps["head"], True
            head.pos += 1
            return
        if is_junk_line(s) or _is_meta_line(s) or _is_furniture(s) or kicker or blurb:
            head.zone.append(ln)
            labelled = kicker
        elif is_caption_line(s) or (is_caption_line(nxt) and len(s) < 400 and (
                # A sentence over a picture's credit, with the headline after the credit:
                # the picture's caption ("X and Y shake hands in Tokyo." / "Photo: AI").
                (_FULL_STOP_END.search(s) and _is_headline(after))
                # ...or a line that shows a picture ("X shakes hands with Y" / "(Photo) Z").
                or _PICTURED.search(s))) or _pictured_over_headline(s, nxt):
            head.captions.append(ln)
            if _after_glued_caption(text, ln.start, len(text)) != ln.start:
                return  # the story is glued onto the caption's line
        elif _place_line(s):
            head.zone.append(ln)
            head.place_line = ln
        elif _is_standfirst(s) and nxt:
            head.deks.append(ln)  # a summary of the story over it, not its headline
        elif _LABEL_WORDS.fullmatch(s) and nxt:
            # One word, or two capitalised ("Opinion", "Live Updates", "Jane Doe"): a label
            # or a name. A headline that short has a verb in lower case ("Leaders meet").
            head.zone.append(ln)
        elif _is_headline(s) and _NEWS_WORD.search(s) and _is_headline(nxt) \
                and not _is_kicker(nxt):
            # "Plural news and views on X", "Home News India live": a site's slogan or
            # breadcrumb, with the headline on the next line.
            head.zone.append(ln)
        elif _is_headline(s) or _restated(s, nxt):
            head.title, head.consumed_title = _clean_title(s), True
            head.pos += 1
            return
        else:
            return
        head.pos += 1


_CONTENT_WORD = re.compile(r"[^\W\d_][\w'-]{3,}")
_INNER_STOP = re.compile(r"[.!?][\"')\]]*\s+\S")
_RESTATED_SHARE = 0.75  # of the line's content words the lede says again


def _restated(line: str, nxt: str) -> bool:
    """A one-sentence line with a full stop that the story's first paragraph says again
    ("Varga called the talks frank." / "The talks between ... were frank, ..."): a headline
    some outlets end with a stop; a lede is not restated by the paragraph after it."""
    s = line.strip()
    if (not _FULL_STOP_END.search(s) or len(s.split()) > 25 or _INNER_STOP.search(s)
            or not _is_headline(s[:-1]) or len(nxt) <= len(s)):
        return False
    words = {w.lower() for w in _CONTENT_WORD.findall(s)}
    if len(words) < 4:
        return False
    again = {w.lower() for w in _CONTENT_WORD.findall(nxt)}
    return len(words & again) >= _RESTATED_SHARE * len(words)


def _under_headline(head: _Head, text: str) -> None:
    """Walk past bylines, stamps, captions, standfirsts and the headline printed again."""
    lines = head.lines
    while head.pos < len(lines) and len(head.zone) < 16:
        ln = lines[head.pos]
        s = ln.text.strip()
        caption = (is_caption_line(s) or is_dated_caption(s)) and not _BYLINE_WORD.match(s)
        if not caption and (_is_meta_line(s) or is_junk_line(s) or _is_furniture(s) or (
                head.consumed_title and s == head.title)):
            head.zone.append(ln)
        elif caption:
            head.captions.append(ln)
            if _after_glued_caption(text, ln.start, len(text)) != ln.start:
                return  # the story is glued onto the caption's line
        elif head.consumed_title and len(head.deks) < 2 and head.pos + 1 < len(lines) and (
            _is_dek(s)
            # A standfirst that ends in a full stop, known by the furniture under it.
            or (len(s) < 400 and not DATELINE.match(s) and head.pos + 2 < len(lines)
                and _is_head_furniture(lines[head.pos + 1].text))
        ):
            head.deks.append(ln)
        else:
            return
        head.pos += 1


def _to_wire_dateline(head: _Head) -> None:
    """Step past summary bullets and stamps to a wire dateline a few lines down: "ISLAMABAD
    (Agency) - " opens the story, so the unpunctuated lines above it (key points, an
    "Updated On" stamp) are the head's, not the story's."""
    lines = head.lines
    for k in range(head.pos, min(head.pos + 7, len(lines))):
        s = lines[k].text.strip()
        m = DATELINE.match(s)
        if m is not None and (m["p2"] or m["dash"]) and (
                m["p1"] or m["p2"].split(",")[0].replace(".", "").replace(" ", "").isupper()):
            if k > head.pos:
                head.deks.extend(lines[head.pos:k])
                head.pos = k
            return
        if len(s) > 300 or (_SENTENCE_END.search(s) and not _is_meta_line(s)):
            return  # a paragraph of the story: it has begun


@dataclass(slots=True)
class _Dateline:
    body_start: int
    location: str | None = None
    location_source: str | None = None
    source: str | None = None  # the outlet in brackets: "(Reuters)"
    date: str | None = None  # "April 26" of "WASHINGTON, April 26 (Reuters) -"
    no_city: str | None = None  # the venue that overruled the dateline but names no city


_SECOND_SENTENCE = re.compile(r"[a-z)\"'][.!?][\"')]*\s+[\"']?[A-Z]")
_NEXT_PARAGRAPH = re.compile(r"\s*[^\n]*")


def _dateline(text: str, body_start: int) -> _Dateline:
    """The dateline opening the story, and the city of the meeting it gives."""
    n = len(text)
    out = _Dateline(_after_glued_caption(text, body_start, n))
    m = DATELINE.match(text, out.body_start, min(n, out.body_start + 200))
    if m and m.end() < n:
        place = (m["p1"] + (m["r1"] or "")) if m["p1"] else m["p2"]
        if m["p2"] and not (place.split(",")[0].replace(".", "").replace(" ", "").isupper()):
            pass
        elif title_case_place(place) in _NOT_DATELINE_LABEL:
            pass  # "FILE: ...", "UPDATE - ...": a label, not a city
        elif m["p1"] and not m["dash"] and not outlet_name(m["outlet"]):
            pass  # without a dash only a known outlet in brackets makes a dateline
        else:
            out.location = title_case_place(place)
            out.location_source = f"dateline {place}"
            out.date = m["date1"] or m["date2"]
            if m["outlet"]:
                out.source = outlet_name(m["outlet"]) or m["outlet"].strip()
            out.body_start = m.end()
    fm = _DATE_FIRST_DATELINE.match(text, out.body_start, n) if out.location is None else None
    if fm is not None and not country_of(title_case_place(fm["p"])):
        out.location = title_case_place(fm["p"])
        out.location_source = f"dateline {fm['p']}"
        out.date = fm["date"]
        out.body_start = fm.end()
    cm = _COLON_DATELINE.match(text, out.body_start, n) if out.location is None else None
    if cm is not None and cm["p3"] not in _NOT_DATELINE_LABEL and not country_of(cm["p3"]):
        out.location = cm["p3"] + (f", {cm['r3']}" if cm["r3"] else "")
        out.location_source = f"dateline {cm[0].strip()}"
        out.date = cm["date3"]
        out.body_start = cm.end()
    dm = _DASH_DATELINE.match(text, out.body_start, n) if out.location is None else None
    if dm is not None and (country_of(dm["r4"] or "") or (
            dm["r4"] is None and country_of_capital(dm["p4"]))):
        out.location = dm["p4"] + (f", {dm['r4']}" if dm["r4"] else "")
        out.location_source = f"dateline {dm[0].strip(' -')}"
        out.body_start = dm.end()
    if out.location is not None:
        # Any dateline ("CAIRO -", "Cairo:") is where the story was filed; the lede's
        # "arrived today in Riyadh for talks" is where the meeting was (a paper's home
        # city above a report of talks abroad). The lede is the first paragraph, not its
        # first sentence: "X is in Malaysia for the retreat. He arrived in Kuala Lumpur".
        # A lede of one sentence goes on in the next paragraph, as wire copy prints it.
        start = out.body_start
        nl = text.find("\n", start, min(n, start + 600))
        lede_end = nl if nl != -1 else min(n, start + 600)
        if nl != -1 and not _SECOND_SENTENCE.search(text, start, lede_end):
            nxt = _NEXT_PARAGRAPH.match(text, lede_end, min(n, lede_end + 600))
            # ...but not into a photo caption printed under it: its place is the picture's.
            if nxt and not (is_caption_line(nxt[0]) or is_dated_caption(nxt[0])):
                lede_end = nxt.end()
        there, phrase = body_location(text, start, lede_end, venues=False)
        if there is not None and there.split(",")[0] != out.location.split(",")[0]:
            out.location, out.location_source = there, phrase
        elif there is None:
            # Further down, the story may say where the meeting was in so many words ("the
            # two were in Kovalam where they held talks", "the meeting took place in the
            # White House"): the dateline is then the desk's city, not the meeting's.
            city, seat_country, phrase = stated_place(text, start, n)
            desk_country = country_of_capital(out.location.split(",")[0])
            if city is not None and city != out.location.split(",")[0]:
                out.location, out.location_source = city, phrase
            elif seat_country is not None and desk_country not in (None, seat_country):
                out.location, out.location_source = None, None
                out.no_city = phrase
    return out


# The year a dateline without one belongs to: the first year the text names, but not a
# target ("double trade by 2028"), a limit ("until 2030") or a start ("ties since 2011").
# (guarded by its first characters, as years start with 1 or 2: the scan no longer tries the
# lookbehinds at every position)
_TEXT_YEAR = re.compile(
    lead_guarded(r"(?<!\bby )(?<!\buntil )(?<!\btill )(?<!\bthrough )(?<!\bbefore )(?<!\bto )"
    r"(?<!\bsince )"
    r"(?<!\bby end of )(?<!\bby the end of )\b(?:19|20)\d\d\b")
)


_LEDE_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_LEDE_REACH = 400


def _dateline_year(text: str, dm: re.Match[str], body_start: int) -> int | None:
    """The year of a dateline that gives none ("SAO PAULO, Nov 1 -"), from the years the
    text names (or the year before one: "before his Jan 1, 2023, inauguration"). Where the
    lede names the meeting's weekday, the year must put it on the dateline's day or the
    day before ("Oct. 31 ... met Friday": not 1995, when Oct. 31 was a Tuesday); when no
    year does, the year is not certain and stays unknown."""
    named = [int(m[0]) for m in _TEXT_YEAR.finditer(text, 0, 2000)]
    if not named:
        return None
    day = _LEDE_WEEKDAY.search(text, body_start, body_start + _LEDE_REACH)
    if day is None:
        return named[0]
    wanted = _WEEKDAYS.index(day[1])
    for year in dict.fromkeys(y for n in named for y in (n, n - 1)):
        when = match_date(dm, year)
        if when is not None and (when.weekday() - wanted) % 7 in (0, 1):
            return year
    return None


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


_FILE_PHOTO = re.compile(r"^\s*file\b|\bfile (?:photo|picture|image)\b", re.I)
# A page's date stamp run into the story's first word when its block lost its line break:
# "November 3, 2024Foreign Minister ...", "3 November 2024The talks ...". The year runs
# straight into a capital; a date in a sentence is followed by a space or a comma.
_GLUED_STAMP = re.compile(
    rf"[ \t]*(?:(?P<m1>{MONTH_RE})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH_RE})\.?,?\s+(?P<y2>(?:19|20)\d\d))(?=[A-Z][a-z])")


# A page's "Updated December 7, 2021 at 3:55 PM ET" line, moved among the paragraphs when
# the page was copied: the label says it is the article's own date, wherever it stands.
_STAMP_LINE = re.compile(
    r"[ \t]*(?:(?:last |first )?(?:updated|published|posted|modified)(?: on)?|date)\b[ \t:,-]*"
    rf"(?=\d|{MONTH_RE}|(?:mon|tue|wed|thu|fri|sat|sun))", re.I)


def _stamp_line_in_body(text: str, start: int, end: int) -> tuple[date | None, str | None]:
    """The article's date from a labelled stamp line in the first lines of the body."""
    for ln in _lines(text, start, min(end, start + 4000))[:12]:
        if len(ln.text) <= 80 and _STAMP_LINE.match(ln.text):
            d = _dated(ln.text)
            if d is not None:
                return d, f"stamp line {ln.text.strip()[:40]}"
    return None, None


_POST_SIGNATURE = re.compile(
    rf"\(@\w{{1,30}}\)\s+(?P<m1>{MONTH_RE})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(?:19|20)\d\d)\b")


def parse_header(text: str, doc: PlainDocument) -> Header:
    """Read the head and tail of the (normalized) text."""
    n = len(text)
    lines = [ln for ln in _lines(text, 0, min(n, 6000)) if ln.text.strip()]
    if not lines:
        return Header(title=doc.title or "", published=doc.published, source=doc.source,
                      body_start=0, body_end=n)
    stamp: date | None = None
    sm = _STAMP.match(lines[0].text)
    if sm and iso_date(sm["iso"]):
        stamp = iso_date(sm["iso"])
        first = lines[0]
        rest = _Line(first.start + sm.end(), first.end, first.text[sm.end():])
        lines = ([rest] if rest.text.strip() else []) + lines[1:]
    head = _Head(lines)
    _masthead(head)
    # The text is normalized (straight quotes, hyphens); compare the title the same way.
    head.title = normalize(" ".join(doc.title.split())) if doc.title else ""
    if head.title:
        _known_title(head)
    else:
        _find_headline(head, text)
    _under_headline(head, text)
    _to_wire_dateline(head)
    story_start = lines[head.pos].start if head.pos < len(lines) else n
    glued = _GLUED_STAMP.match(text, story_start, min(n, story_start + 40))
    glued_date = match_date(glued, None) if glued is not None else None
    if glued is not None and glued_date is not None:
        story_start = glued.end()  # "November 3, 2024Foreign Minister ...": stamp, then story
    dl = _dateline(text, story_start)
    body_start = dl.body_start

    published, published_source = _zone_date(
        head.zone, stamp, doc.published.year if doc.published else None,
        text.find(head.title) if head.title else -1)
    if published is None and doc.published is not None:
        published, published_source = doc.published, f"page date {doc.published.isoformat()}"
    if published is None and glued_date is not None:
        published, published_source = glued_date, f"stamp {glued_date.isoformat()}"
    dm = DATE_RE.search(dl.date) if dl.date else None
    filed: date | None = None
    if dm is not None and has_year(dm):
        # "October 6, 2022 (NAIROBI) -": the story's own date, above any page's date line.
        published, published_source = match_date(dm, None), f"dateline {dl.date}"
    elif dm is not None and published is not None:
        # "Chennai, Oct 12:" under a stamp of Oct 11: the day the story was filed, which
        # anchors its weekdays ("on Saturday" is Oct 12, not the Saturday before the stamp).
        filed = match_date(dm, published.year)
        if filed is not None and filed > published + timedelta(days=30):
            filed = match_date(dm, published.year - 1)
        if filed is not None and not published <= filed <= published + timedelta(days=3):
            filed = None
    elif dm is not None and published is None:
        year = _dateline_year(text, dm, body_start)
        if year is not None:
            published = match_date(dm, year)
            published_source = f"dateline {dl.date}"
    body_end = max(body_start, _body_end(text, body_start, n))
    if published is None:
        published, published_source = _stamp_line_in_body(text, body_start, body_end)
    if published is None:
        for ln in _lines(text, body_end, n)[-10:]:
            if len(ln.text) < 100:
                published = first_date(ln.text)
                if published:
                    published_source = f"footer {ln.text.strip()[:40]}"
                    break
    if published is None:
        # The signature of an embedded post ("- Jane Doe (@jdoe) March 6, 2025"): the story
        # is not older than a post it prints, and the post is most often of the same day.
        pm = _POST_SIGNATURE.search(text, body_start, body_end)
        published = match_date(pm, None) if pm is not None else None
        if published is not None:
            published_source = f"embedded post {published.isoformat()}"
    site = (outlet_name(doc.source) or doc.source) if doc.source else None
    source = (dl.source or _find_source(head.zone, head.title) or site
              or _tail_source(text, body_end, n))
    location, location_source = dl.location, dl.location_source
    if location is None and head.place_line is not None:
        pm = _PLACE_LINE.match(head.place_line.text.strip())
        if pm is not None:
            location = pm["city"].removesuffix(" D.C.").removesuffix(" DC")
            location_source = f"place line {head.place_line.text.strip()[:40]}"
    if location is None and dl.no_city is None:
        location, location_source = body_location(text, body_start, body_end,
                                                   published=published)
    if location is None and head.title and dl.no_city is None:
        # The headline may be the only line naming it: "Leaders open talks in Minsk".
        location, location_source = body_location(head.title, 0, len(head.title))
        location_source = f"headline: {location_source}" if location_source else None
    for dek in head.deks if location is None and dl.no_city is None else ():
        # ...or the standfirst under it: "The president is in Lagos for talks with ..."
        location, location_source = body_location(dek.text, 0, len(dek.text))
        if location is not None:
            location_source = f"standfirst: {location_source}"
            break
    for cap in head.captions if location is None and dl.no_city is None else ():
        # ...or a photo caption: "the leaders pose during the summit in Lima, Peru".
        location, location_source = body_location(cap.text, 0, len(cap.text))
        if location is not None:
            location_source = f"caption: {location_source}"
            break
    lede_end = text.find("\n", body_start, min(body_end, body_start + 800))
    if is_call(head.title, 0, len(head.title)) or is_call(
            text, body_start, lede_end if lede_end != -1 else min(body_end, body_start + 800)):
        # A call has no place; the dateline is the newsroom, other cities are the callers'.
        location, location_source = None, None
    # An archive picture ("FILE: ...", ".../File Photo") shows another day than the meeting's.
    archive = any(_FILE_PHOTO.search(c.text) for c in head.captions)
    caption_date = None if archive else next(
        (d for d in (_dated(c.text) for c in head.captions) if d), None)
    return Header(title=head.title.strip(), published=published, source=source,
                  location=location, body_start=body_start, body_end=body_end,
                  published_source=published_source, location_source=location_source,
                  caption_date=caption_date, filed=filed,
                  filed_source=f"dateline {dl.date}" if filed else None)
