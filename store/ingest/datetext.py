"""Dates as articles write them: 'Apr 26, 2024', 'Sat July 27, 2024', '26 April 2024', ISO.

Shared by the header (publication date) and the meeting-date resolver.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")],
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}

_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
MONTH_RE = _MONTH_RE

# "April 26, 2024", "Apr. 26 2024", "July 27", "Sept 3rd, 2023", "September 29. 2021"
_MDY = (
    rf"(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:[,.]?\s+(?P<y1>(?:19|20)\d\d)(?=\D|\d{{1,2}}:\d\d|$))?"
)
# "26 April 2024", "26 Apr", "26th of April, 2024"
_DMY = (
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_RE})\.?"
    rf"(?:,?\s+(?P<y2>(?:19|20)\d\d)(?=\D|\d{{1,2}}:\d\d|$))?"
)
# "2024-04-26", "2024/04/26", "2024-04-26T11:17:00Z"
_ISO = r"(?P<y3>(?:19|20)\d\d)[-/.](?P<m3>[01]?\d)[-/.](?P<d3>[0-3]?\d)(?![\d])"

# "27/10/2023", "19.05.2024": day first, as everywhere but the United States; a first
# number that cannot be a day's month ("10/27/2023") is read month first.
_NUMERIC = r"(?P<a4>[0-3]?\d)[/.](?P<b4>[01]?\d|3[01]|2\d)[/.](?P<y4>(?:19|20)\d\d)(?![\d])"

# A date that opens with its day may be glued to the byline's name: "Jane Doe22 August 2019".
DATE_RE = re.compile(rf"\b(?:{_MDY})|(?:\b|(?<=[a-z]))(?:{_DMY}|{_ISO}|{_NUMERIC})",
                     re.IGNORECASE)


def match_date(m: re.Match[str], default_year: int | None) -> date | None:
    """The date a DATE_RE match names; `default_year` when it has no year (None: give up)."""
    g = m.groupdict()
    try:
        if g.get("y3"):
            return date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        if g.get("y4"):
            a, b = int(g["a4"]), int(g["b4"])
            day, month = (b, a) if b > 12 >= a else (a, b)
            return date(int(g["y4"]), month, day)
        month_name = (g.get("m1") or g.get("m2") or "").lower().rstrip(".")
        month = MONTHS[month_name]
        day = int(g.get("d1") or g.get("d2") or 0)
        year_s = g.get("y1") or g.get("y2")
        year = int(year_s) if year_s else default_year
        if year is None:
            return None
        return date(year, month, day)
    except (ValueError, KeyError):
        return None


def has_year(m: re.Match[str]) -> bool:
    """Does the matched date say its year?"""
    g = m.groupdict()
    return bool(g.get("y1") or g.get("y2") or g.get("y3") or g.get("y4"))


def first_date(text: str, default_year: int | None = None) -> date | None:
    """The first complete date in a short piece of text (a byline), else None."""
    for m in DATE_RE.finditer(text):
        d = match_date(m, default_year)
        if d is not None:
            return d
    return None


_ISO_YMD = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: str | None, *, anywhere: bool = False) -> date | None:
    """The YYYY-MM-DD date at the start of `value` (or anywhere in it), if a real one.

    Page metadata (<meta>, JSON-LD, Markdown front matter) carries ISO dates, often
    with a time after them; an impossible date ("2024-02-31") is None, not an error.
    """
    if not value:
        return None
    m = _ISO_YMD.search(value) if anywhere else _ISO_YMD.match(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


# Month names of the page's own language in a stamp line ("27. februar 2023 20:25"):
# German, Dutch, Scandinavian, South Slavic, French, Spanish, Italian, Portuguese.
_FOREIGN_MONTHS: dict[str, int] = {}
for _k, _words in enumerate(
    ["januar janvier enero gennaio janeiro januari siječanj", "februar fevrier février febrero "
     "febbraio fevereiro februari veljača", "mart märz maart mars marzo março ožujak",
     "april avril abril aprile travanj", "mai maj mayo maggio maio mei svibanj",
     "juni jun juin junio giugno junho lipanj", "juli jul juillet julio luglio julho srpanj",
     "august avgust août agosto augustus augusti kolovoz", "september septembre septiembre "
     "settembre setembro rujan", "oktober octobre octubre ottobre outubro listopad",
     "november novembar novembre noviembre novembro studeni", "dezember decembar décembre "
     "diciembre dicembre dezembro december prosinac"],
    start=1,
):
    for _w in _words.split():
        _FOREIGN_MONTHS.setdefault(_w, _k)
_FOREIGN_DATE = re.compile(
    r"\b(?P<d>[0-3]?\d)\.?\s+(?:de\s+)?(?P<m>[^\W\d_]{3,10})\.?\s+(?:de\s+)?"
    r"(?P<y>(?:19|20)\d\d)\b"
)


def foreign_date(line: str) -> date | None:
    """'27. februar 2023', '12 de marzo de 2024': a stamp written in another language."""
    for m in _FOREIGN_DATE.finditer(line):
        month = _FOREIGN_MONTHS.get(m["m"].lower())
        if month:
            try:
                return date(int(m["y"]), month, int(m["d"]))
            except ValueError:
                return None
    return None


# "20250513" alone on a line: a page's stamp in the compact form of ISO 8601 (basic format).
_COMPACT = re.compile(r"\s*(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)\s*$")


def compact_date(line: str) -> date | None:
    """'20250513', a line that is only a date in ISO 8601's basic format, else None."""
    m = _COMPACT.match(line)
    if m is None:
        return None
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
