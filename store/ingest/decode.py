"""Stage 1a: bytes -> str, with one clear error for what is not text."""

from __future__ import annotations

import codecs
import re

from store.ingest.types import IngestError

MAX_BYTES = 5 * 1024 * 1024  # no real article is larger; bigger input is a wrong file

# Control characters that never occur in text (tab, newline, CR, FF excluded), counted to
# tell a binary file. ESC is left out: text captured from a terminal holds it in every
# coloured word, and it is text all the same (the escape sequences are dropped below).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
# Form feed and vertical tab end a line too (page breaks in text saved from PDFs).
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# A terminal acts on these instead of printing them: clear the screen, set the window title,
# set the clipboard (OSC 52). Article text is data, so whole sequences are dropped first (the
# ESC alone would leave "]0;title" behind), then every other C0/C1 control but newline and tab.
_ESCAPE_SEQUENCE = re.compile(
    # OSC (title, clipboard, links), DCS, SOS, PM, APC: up to BEL or ST, never past a line
    r"(?:\x1b[]P^_X]|[\x9d\x90\x9e\x9f\x98])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI (7- or 8-bit): colours, cursor, clear screen
    r"|\x1b[ -/]*[0-~]"  # any other escape: charset, keypad, reset
)
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Magic numbers of files people drop by mistake: PDF, ZIP/DOCX, GZIP, PNG, JPEG, GIF, SQLite.
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or Word/ODF document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"SQLite format 3": "an SQLite database",
}


def decode(data: bytes) -> str:
    """Decode article bytes to text with `\\n` line endings, or raise `IngestError`.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read; empty,
    whitespace-only, binary, non-UTF-8 and over-large input is refused with
    a one-line message.
    """
    if len(data) > MAX_BYTES:
        size = len(data) / 1024 / 1024
        limit = MAX_BYTES // 1024 // 1024
        raise IngestError(f"file is too large ({size:.1f} MB; limit {limit} MB)")
    if not data:
        raise IngestError("file is empty")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise IngestError(f"file is {what}, not an article; save the article as text")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows editors save "Unicode" text as UTF-16; reading it is friendlier than refusing.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise IngestError("file claims UTF-16 but is not valid UTF-16 text") from None
    else:
        head = data[:65536]
        if b"\x00" in head or len(_CONTROL.findall(head)) > max(8, len(head) // 100):
            raise IngestError("file looks binary, not an article")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"file is not UTF-8 text (bad byte 0x{data[exc.start]:02x} at offset {exc.start});"
                " re-save it as UTF-8"
            ) from None
    if "\x00" in text:
        raise IngestError("file looks binary, not an article")
    if not text.strip():
        raise IngestError("file is empty (only whitespace)")
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    """CRLF, CR, form feed and Unicode line separators become `\\n`; other control
    characters (and the escape sequences they start) are dropped, tab excepted.

    Every input passes here (bytes through `decode`, pasted text through
    `formats.to_plain`), so no stored title, quote or note can drive a terminal.
    """
    if _CONTROL_CHARS.search(text) is None and "\u2028" not in text and "\u2029" not in text:
        return text
    return strip_controls(_NEWLINES.sub("\n", text))


def strip_controls(text: str) -> str:
    """`text` without escape sequences and C0/C1 control characters, newline and tab kept."""
    if _CONTROL_CHARS.search(text) is None:
        return text
    return _CONTROL_CHARS.sub("", _ESCAPE_SEQUENCE.sub("", text))
