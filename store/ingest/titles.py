"""Titles before a name: "U.S. Secretary of State ", "his Chinese counterpart ",
"Prime Minister of Ethiopia ", "foreign ministry spokesperson " -> role and nationality."""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.ingest import officials as off
from store.ingest.countries import NATIONALITY_PATTERN, country_of, country_of_capital

_NAT = NATIONALITY_PATTERN
# An envoy's title names where they are posted: "ambassador to Kenya", "envoy in Nairobi".
_POSTED_TO = re.compile(r"\b(?:ambassador|envoy|consul|representative)\s+(?:to|in)\b")


# Hyphens split words here: "Vice-Premier" is the title "vice premier".
# A dash or colon is kept as a token: it ends a dateline ("HANOI, VIETNAM – President X"),
# so the place before it is no nationality of the title after it.
# A hyphen with a space on either side is a dash too ("TOKYO, Japan- President X": the
# normalized em dash lost its space on one side).
_WORD_TOKEN = re.compile(r"[^\W\d_][\w.']*|\d[\w.]*|,|[\u2013\u2014:]|(?<=\s)-|-(?=\s)")
# A wire dateline opening the paragraph, glued to the title after it by a dash with no
# space at all ("JEDDAH, Saudi Arabia-President X"): its place names no one's country.
_GLUED_DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'-]*[A-Z](?:\s[A-Z][A-Z.'-]*)*\s*(?:,[^,\n-]{1,40})?"
    r"(?:\s*\([^()\n]{1,30}\))?\s*-(?=[A-Z])")
# "President H.E. Vo Van Thuong": His/Her Excellency between a title and the name.
_EXCELLENCY = frozenset({"h.e.", "h.e"})

_MODIFIER_WORDS = frozenset(
    "new former then chief top senior outgoing incoming newly appointed the his her their its a an "
    "current incumbent".split()
)

# A title cut before its object: the capitalised word next is part of the office.
_OPEN_ENDED = frozenset({"of", "for", "and", "the", "to", "in", "on", "at"})

_ROLE_PREFIX = frozenset({"deputy", "vice", "acting", "assistant"})

_ROLE_QUALIFIERS = frozenset({"foreign", "ministry", "defense", "defence", "state", "department",
                              "white", "house", "party", "military", "pentagon", "national",
                              "security", "press", "chief",
                              # "Egyptian presidential spokesman", "Kenya's foreign affairs
                              # cabinet secretary": office words between a nationality and a role
                              "presidential", "affairs", "cabinet", "government", "external",
                              "trade", "finance", "interior", "mea",
                              # "European Commission President", "European Council President"
                              "commission", "council"})

# Titles indexed by their last word, so the backward match tries only a few.
_ROLES_BY_LAST: dict[str, list[tuple[str, ...]]] = {}

for _r in sorted({tuple(r.split()) for r in off.ROLE_WORDS}, key=len, reverse=True):
    _ROLES_BY_LAST.setdefault(_r[-1], []).append(_r)



@dataclass(frozen=True, slots=True)
class Title:
    role: str
    nat: str | None



def _role_ending_at(low: list[str], end: int) -> int:
    """Start index of a title whose last token is low[end-1], else -1."""
    if end <= 0:
        return -1
    for tup in _ROLES_BY_LAST.get(low[end - 1], ()):
        n = len(tup)
        if n <= end and tuple(low[end - n:end]) == tup:
            return end - n
    return -1



def title_before(window: str) -> Title | None:
    """The title a name follows: "U.S. Secretary of State ", "his Chinese counterpart ",
    "China's minister of public security, ", "foreign ministry spokesperson ".

    Read backwards over the words (no regex search anchored at the end: that
    would retry a long alternation at every position of the window).
    """
    glued = _GLUED_DATELINE.match(window)
    if glued is not None:
        window = window[glued.end():]
    # A title is a few words long: the last sixteen tokens hold any we know.
    toks = _WORD_TOKEN.findall(window)[-16:]
    end = len(toks)
    if end and toks[end - 1].lower() in _EXCELLENCY:
        end -= 1
    if end and toks[end - 1] == ",":
        end -= 1
    low = [t.lower() for t in toks]
    if end and low[end - 1] in _OPEN_ENDED:
        # "Minister of Business": the word after "of" is the portfolio, not a name.
        return None
    start = _role_ending_at(low, end)
    role_end = end
    if start < 0:
        # "spokesperson for the foreign ministry", "minister of public security"
        for k in range(end - 1, max(0, end - 7), -1):
            if low[k] == ",":
                break
            if low[k] in ("of", "for", "to", "in") and k > 0:
                start = _role_ending_at(low, k)
                if start >= 0:
                    role_end = end
                    break
    if start < 0:
        return None
    role_tokens_start = start
    while role_tokens_start > 0 and low[role_tokens_start - 1] in _ROLE_PREFIX:
        role_tokens_start -= 1
    role = " ".join(toks[role_tokens_start:role_end])
    # "Foreign Minister Prince Faisal": a title before a courtesy title is the office.
    outer = _role_ending_at(low, role_tokens_start)
    if outer >= 0 and low[role_tokens_start] in ("prince", "princess", "sheikh", "dr.", "dr"):
        role = " ".join(toks[outer:role_tokens_start])
        role_tokens_start = outer
    j = role_tokens_start
    while j > 0 and low[j - 1] in _ROLE_QUALIFIERS:
        j -= 1
    while j > 0 and low[j - 1] in _MODIFIER_WORDS:
        j -= 1
    if "former" in low[j:role_tokens_start] or (j > 0 and low[j - 1] == "former"):
        role = "former " + role  # "former President Jair Bolsonaro" is not "the president"
    nat = None
    qualifiers = " ".join(low[j:role_tokens_start])
    if any(q in qualifiers for q in ("state department", "white house", "pentagon")):
        nat = "U.S."
    elif ({"commission", "council"} & set(qualifiers.split())) and (
            (j > 0 and low[j - 1] == "european") or qualifiers.split()[0] == "commission"):
        nat = "EU"  # "(European) Commission President", "European Council President"
    elif "mea" in qualifiers.split() or "external affairs" in qualifiers:
        # India's Ministry of External Affairs: "MEA spokesperson", "External Affairs
        # Ministry Spokesperson" (as `officials.role_country` reads "external affairs").
        nat = "Indian"
    elif j > 0 and country_of(toks[j - 1]):
        nat = toks[j - 1]
    elif j > 0 and (toks[j - 1].endswith("'s") or toks[j - 1] == "Kremlin") and (
            country_of_capital(toks[j - 1])):
        # "Pristina's PM Albin Kurti", "Kremlin spokesman": the seat stands for its
        # government; a bare city is more often a dateline ("TOKYO - Prime Minister ...").
        nat = country_of_capital(toks[j - 1])
        # "the United States'" / "U.S." are single tokens; "United States" two.
    elif j > 1 and country_of(toks[j - 2] + " " + toks[j - 1]):
        nat = toks[j - 2] + " " + toks[j - 1]
    elif j > 2 and country_of(" ".join(toks[j - 3:j])):
        nat = " ".join(toks[j - 3:j])  # "United Arab Emirates President"
    if nat is None and role_end > start and not _POSTED_TO.search(" ".join(low[start:role_end])):
        # "spokesperson for the Chinese Embassy in Manila": the nationality is in the tail
        # (but "Ambassador to Kenya" names the host, not the envoy's own country).
        nat = next((t for t in toks[start:role_end] if country_of(t)), None)
        if nat is None:
            # "president of the European Council": a country of two words in the tail.
            nat = next((f"{a} {b}" for a, b in zip(toks[start:role_end - 1],
                                                    toks[start + 1:role_end], strict=True)
                        if a[:1].isupper() and country_of(f"{a} {b}")), None)
    return Title(role, nat)
