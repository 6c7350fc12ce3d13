"""Stage 1c: unify quote marks, dashes and spaces without moving any offset.

Later stages match only straight quotes and ASCII hyphens, so every variant is
mapped here to one character. The mapping is strictly one character to one
character: offsets found in the normalized text are offsets in the original.
"""

from __future__ import annotations

_DOUBLE = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02"  # “ ” „ ‟ « » ″ 〝 〞 ＂
_SINGLE = "\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u00b4\u02bc"  # ‘ ’ ‚ ‛ ‹ › ′ ´ ʼ
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"  # ‐ ‑ ‒ – — ― − ...
_SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\t"
)

_TABLE: dict[int, str] = {}
_TABLE.update({ord(c): '"' for c in _DOUBLE})
_TABLE.update({ord(c): "'" for c in _SINGLE})
_TABLE.update({ord(c): "-" for c in _DASHES})
_TABLE.update({ord(c): " " for c in _SPACES})


def normalize(text: str) -> str:
    """Same-length copy of `text` with curly quotes straightened, dashes unified.

    Curly and angled double quotes and double primes become `"`; curly single
    quotes, primes and modifier apostrophes become `'`; every dash or minus
    becomes `-`; non-breaking and typographic spaces and tabs become a space.
    """
    if text.isascii():
        return text.replace("\t", " ") if "\t" in text else text
    # str.replace per character present is several times faster than str.translate
    # on long text, and most articles carry only a few of these characters.
    out = text
    for code, repl in _TABLE.items():
        ch = chr(code)
        if ch in out:
            out = out.replace(ch, repl)
    # Every mapping is one character to one character: offsets rely on it.
    assert len(out) == len(text)
    return out
