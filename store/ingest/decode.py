"""Stage 1a: bytes -> str, with one clear error for what is not text."""

from __future__ import annotations

import codecs
import re

from store.ingest.types import IngestError

MAX_BYTES = 5 * 1024 * 1024  # no real article is larger; bigger input is a wrong file

# Control characters that never occur in text (tab, newline, CR, FF excluded).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x85")

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
    """CRLF, CR and Unicode line separators become `\\n`."""
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text and "\x85" not in text:
        return text
    return _NEWLINES.sub("\n", text)
