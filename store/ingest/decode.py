"""Stage 1a: bytes -> str, with one clear error for what is not text."""

from __future__ import annotations

from store.ingest.types import IngestError

MAX_BYTES = 5 * 1024 * 1024  # no real article is larger; bigger input is a wrong file


def decode(data: bytes) -> str:
    """Decode UTF-8 article bytes (BOM allowed); refuse empty, binary or huge input."""
    if len(data) > MAX_BYTES:
        raise IngestError(f"file is too large ({len(data) // 1024 // 1024} MB; limit 5 MB)")
    if b"\x00" in data[:8192]:
        raise IngestError("file looks binary, not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"file is not UTF-8 text (bad byte at offset {exc.start})") from None
    if not text.strip():
        raise IngestError("file is empty")
    return text
