"""Lines that come with a copied or saved article but are not part of it.

Shared by the HTML reader (blocks to drop), the header (trailing credits) and
the paragraph splitter (stray lines inside the body), so the three agree.
"""

from __future__ import annotations

import re

# Whole lines that are page furniture, wherever they occur.
JUNK_LINE = re.compile(
    r"""^\s*(?:
        advertisement(?:\s*[\u00b7|:-].*)?|advertising|sponsored(?:\ content)?|ad|
        \[\d+/\d+\].*|item\ \d+\ of\ \d+\b.*|.*purchase\ licensing\ rights.*|
        .*\bopens\ new\ tab\.?|.*\((?:ap|afp|reuters)\ photo\b[^)]*\)|
        (?:the\ (?:below|following)\ is\ attributable\ to\b.*)|
        (?:scroll\ to\ continue|continue\ reading|story\ continues\ below).*|
        (?:skip\ (?:to\ )?(?:main\ )?content|skip\ advertisement)|
        share(?:\ this(?:\ article|\ story)?)?(?:\ on\ \w+)?|
        (?:share|tweet|email|print|copy\ link|link|save|facebook|twitter|x|linkedin|whatsapp|
            reddit)(?:\s*[|/·]?\s*(?:share|tweet|email|print|copy\ link|link|save|facebook|twitter|
            x|linkedin|whatsapp|reddit))*|
        (?:copy\ )?link\ copied!?|ad\ feedback|see\ all\ topics|leer\ en\ español|
        (?:play|watch)\ (?:video|now)|\d{1,2}:\d{2}\s*(?:video)?|
        (?:see\ also|read\ more|read\ next|more\ from\ \S.*|related(?:\ coverage|\ articles?|
            \ stories|\ content|\ news|\ posts|\ reading|\ links|\ videos)?|
            recommended(?:\ stories)?|most\ read|trending|
            also\ read|watch|listen(?:\ to\ (?:this\ )?article)?(?:\ \d+\s*min)?)
            (?:\s*[:|\-].*)?|
        \d+\s*min(?:ute)?s?\ read|
        (?:sign\ up|subscribe|get\ (?:the\ )?(?:latest|our)|follow\ us|download\ the\ app|
            (?:we\ use\ )?cookies?\b|accept(?:\ all)?(?:\ cookies)?|manage\ (?:cookie\ )?
            (?:settings|preferences)|newsletter)\b.*|
        (?:file\ )?photo\ ?:.*|
        our\ standards:.*|
        (?:reporting|writing|additional\ reporting|editing|compiled|reported)\ by\b.*|
        \((?:reporting|writing|additional\ reporting|editing|compiled|reported)\ by\b.*|
        (?:©|\(c\)|copyright\b).*|
        all\ rights\ reserved\.?|
        this\ (?:story|article)\ has\ been\ (?:updated|corrected)\b.*|
        (?:the\ )?associated\ press\ writers?\b.*\bcontributed\b.*|
        [a-z]+\ (?:and\ [a-z]+\ )?contributed\ (?:reporting|to\ this\ report)\b.*|
        # clipper and player furniture above the headline
        loading(?:\.{3}|\u2026)?|oops!?\ something\ went\ wrong\b.*|accessibility\ links|
        breaking\ news|play\ live\ radio|next\ up:?|available\ on\ air\ stations|
        (?:\d{1,2}[.)]\s*)?skip\ to\ (?:content|main\ (?:menu|content)|more\b.*|navigation)|
        follow\ us(?:\ on\b.*)?|tags?:.*|[\W_]+|
        # a government site's banner and a menu's label, above the headline
        an\ official\ website\ of\ the\b.*|here'?s\ how\ you\ know|
        (?:main\ |site\ )?menu(?:\ content)?|
        latest\ news|top\ stories|news\ today|
        # a broadcaster's script label: "[Anchor Lead]", "[Pkg]"
        \[[^\]\n]{1,30}\]
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Trailing lines that end an article: credits, copyright, "Related coverage".
CREDIT_LINE = re.compile(
    r"""^\s*(?:
        \(?(?:reporting|writing|additional\ reporting|editing|compiled|reported|
            research)\ by\b.*|
        (?:[A-Z][\w.'-]*\ ){1,4}(?:and\ (?:[A-Z][\w.'-]*\ ){1,4})?contributed\b.*|
        (?:the\ )?associated\ press\ writers?\b.*|
        (?:©|\(c\)|copyright\b).*|
        all\ rights\ reserved\.?|
        our\ standards:.*|
        related\ (?:coverage|articles?|stories|content|news|posts|reading|links|videos)\b.*|
        (?:see\ also|read\ more|read\ also|more\ from|more\ stories|more\ on\ this|
            recommended|most\ read|sign\ up|subscribe|you\ may\ (?:also\ )?(?:be\ interested|
            like)|you\ might\ (?:also\ )?like|latest\ news|trending\ now)\b.*|
        this\ (?:story|article)\ has\ been\ (?:updated|corrected)\b.*|
        advertisement|share(?:\ this\ article)?|
        -\s*(?:reuters|ap|afp|xinhua|bloomberg)\s*|
        [\w.+-]{1,40}@[\w-]{1,40}(?:\.[\w-]{1,20}){1,4}|  # e-mail: "jwpark@yna.co.kr"
        [a-z]{2,6}(?:-[a-z]{2,6}){0,3}/[a-z]{2,6}(?:[-/][a-z]{2,6}){0,3}|  # desk slug "bur-dk/sst"
        \(end\)|-30-|\#\#\#                                   # end-of-copy marks
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# A credit glued to the end of the last paragraph: "... he said. (Reporting by X; Editing by Y)"
# Starts at the bracket, not at the whitespace before it: a leading `\s*` would be tried
# from every position of a long run of spaces (quadratic); callers strip the space.
INLINE_CREDIT = re.compile(
    r"\((?:reporting|writing|additional reporting|editing|compiled) by [^()\n]{0,400}\)\s*$",
    re.IGNORECASE,
)


# A page's notice to a browser without scripts ("JavaScript is disabled in your web
# browser ..."), saved with the page: furniture of any length, as it may run on to explain.
_NOSCRIPT = re.compile(r"\s*(?:javascript|js) (?:is|seems to be) (?:disabled|not enabled|turned off"
                       r"|required)\b|\s*(?:please )?(?:enable|turn on) javascript\b", re.I)


# An outlet's appeal to its readers, however long: "Your support helps us to tell the story
# ... Support Now", "We have a small favour to ask", "Become a member".
_APPEAL = re.compile(
    r"\s*(?:(?:date:?\s+)?(?:19|20)\d\d-\d\d-\d\d\s+)?(?:your\s+(?:support|donation|contribution)"
    r"\s+(?:helps|allows|keeps|makes|means)|we\s+have\s+a\s+small\s+favou?r\s+to\s+ask"
    r"|(?:please\s+)?(?:support|donate\s+to)\s+(?:independent|our)\s+journalism"
    r"|become\s+a\s+(?:member|supporter|subscriber)\b)", re.I)


def is_junk_line(line: str) -> bool:
    """True for a stand-alone line of page furniture ("Advertisement", "Read more: ...")."""
    if len(line) <= 300 and JUNK_LINE.match(line) is not None:
        return True
    if len(line) <= 3000 and _APPEAL.match(line) is not None:
        return True
    return len(line) <= 1000 and _NOSCRIPT.match(line) is not None


def is_credit_line(line: str) -> bool:
    """True for a line that belongs to an article's tail (credits, copyright, related links)."""
    return len(line) <= 400 and CREDIT_LINE.match(line) is not None


# A photo caption or credit copied with the article: "X (L) greets Y ...", "... (Xinhua/Gao)",
# "Image: Jane Doe/Getty Images", "Jane Doe | Agency | Photo Service", "PA Photo: ...".
# Each mark is tried only on lines holding its cheap hint (a substring): a caption test runs
# on every head line and each regex alone would walk the whole line.
_CAPTION_MARKS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (hints, re.compile(pattern, re.IGNORECASE | re.VERBOSE))
    for hints, pattern in [
        (("(",), r"""\((?:L|R|C|left|right|cent(?:er|re)|front|back|top|bottom|(?:second|2nd|third
            |3rd)\ (?:from\ )?(?:left|right)|file(?:\ photo)?|pictured)\)|\(photo\ by\b|\bpic\)|
            \([^()/\n]{1,40}/[^()\n]{1,40}\)\s*$|  # "(Xinhua/Gao Jing)"
            \((?:reuters|ap|afp|xinhua|epa|getty\ images|ani|pti|yonhap|kyodo)\)\s*$"""),
        ((", left", ", right", ", cent", ", second", ", 2nd"),
         r",\ (?:left|right|cent(?:er|re)|(?:second|2nd)\ (?:from\ )?(?:left|right)),"),
        # "Yoon, front row second from right, ...", "Xi, fifth from left, pose for a photo".
        ((" row ", "from left", "from right"),
         r",\ (?:(?:front|back|top|bottom|middle)\ row\ )?(?:[a-z0-9]+\ )?from\ (?:left|right),"),
        # A credit in square capitals closing the line: "... in Lima. [JOINT PRESS CORPS]".
        (("]",), r"(?-i:\[[A-Z][A-Z0-9\ .&'/-]{1,40}\])\s*$"),
        (("photo",), r"^(?:file\ )?photo\ (?:taken|shows)\b|^photo/illustration\b"),
        # "FILE: The president is greeted ...", "FILE - The ministers pose ...": an archive
        # picture's caption, as wire services mark it.
        (("file",), r"^file\s*(?::|-+)\s"),
        ((":",), r"\b(?:photo|image|picture|pic|foto|credit)(?:\ source)?\s?:"),
        (("getty", "epa-efe", "ap photo", "pa wire", "shutterstock"),
         r"(?:^|[\s/])(?:getty\ images|epa-efe|ap\ photo|pa\ wire|shutterstock)\b"),
        (("/",), r"/\s*(?:ap|afp|reuters|xinhua|yonhap|getty\ images)\s*$"),
        ((" | ", "|"), r"\ \|\ [^|\n]{2,40}\ \|\ |source:\ [^|\n]{2,40}\|\s*$"),
        # "... and Minister Y. Courtesy Foreign Office": the credit closing a caption
        (("courtesy",), r"(?:photo|screenshot|video|image)\b[^.\n]{0,30}\bcourtesy\b|^courtesy\b|"
                        r"\.\s+courtesy\b[^.\n]{0,60}$"),
        (("pool", "handout"), r"\b(?:pool|handout)\ via\b|/\s*(?:pool|handout)\b"),
        # A picture's label opening the line: "(Photo) The ministers' meeting", "[Image] ...".
        (("(photo", "(image", "(picture", "[photo", "[image"),
         r"^[(\[](?:photo|image|picture)s?[)\]]"),
        # A picture's credit that names no agency: "Image generated by AI", "AI-generated
        # image", "Illustrative photo".
        (("generated", "illustrative"),
         r"^(?:(?:an?\ )?(?:ai[-\ ]generated|illustrative)\ (?:image|photo|picture|illustration)"
         r"|(?:image|photo|picture|illustration)\ (?:generated|created|made)\ (?:by|with|using)"
         r"\ (?:ai|artificial\ intelligence)\b)[^.\n]{0,40}$"),
    ]
)


# A picture's caption as wire services write it ends with the day the picture was taken,
# after a comma: "... in Lagos, Nigeria, Monday, Jan. 9, 2023.", "... in Abuja, January 22,
# 2023.", "... in Kanoma, on July 9, 2024." A sentence of a story puts "on" or "in" before
# its date and seldom ends on the year.
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DATED_CAPTION = re.compile(
    r",\s(?:on\s)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s)?"
    rf"(?:{_MONTH}\.?\s\d{{1,2}},\s|\d{{1,2}}\s{_MONTH}\.?,?\s)(?:19|20)\d\d\.?"
    r"(?:\s*\|[^|\n]{1,60})?\s*$")


def is_dated_caption(line: str) -> bool:
    """A head line that reads as a picture's caption by the date it ends on. Only for the
    lines above the story: in the body such a sentence is the story's own."""
    s = line.strip()
    return 0 < len(s) <= 500 and _DATED_CAPTION.search(s[-100:]) is not None


def is_caption_line(line: str) -> bool:
    """True for a photo caption or credit line: what a copy of a page carries beside its
    pictures. Such a line is never the headline and never the story's first paragraph."""
    s = line.strip()
    if not 0 < len(s) <= 500:
        return False
    low = s.lower()
    return any(
        any(h in low for h in hints) and pattern.search(s) is not None
        for hints, pattern in _CAPTION_MARKS
    )
