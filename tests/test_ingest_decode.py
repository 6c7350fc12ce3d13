"""Stage 1a/1c: bytes to text, and the same-length normalization."""

from __future__ import annotations

import codecs

import pytest

from store.ingest.decode import MAX_BYTES, decode
from store.ingest.normalize import normalize
from store.ingest.types import IngestError


def test_utf8_with_and_without_bom_decodes_the_same() -> None:
    text = "Hart met Tang Lei in Beijing. “Candid,” he said — 100%."
    assert decode(text.encode("utf-8")) == text
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8")) == text


def test_utf16_with_bom_is_read_not_refused() -> None:
    text = "Xi Jinping met Joe Biden in Woodside, California."
    assert decode(text.encode("utf-16")) == text  # Python writes the BOM
    assert decode(codecs.BOM_UTF16_BE + text.encode("utf-16-be")) == text


def test_line_endings_become_newlines() -> None:
    assert decode(b"Title\r\n\r\nBody one.\rBody two.\n") == "Title\n\nBody one.\nBody two.\n"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"   \n\t\n  ", "empty"),
        (b"\x00\x01\x02binary\x00stuff" * 20, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        ("Caf\u00e9 talks in Bras\u00edlia".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_input_is_one_clear_line(data: bytes, words: str) -> None:
    with pytest.raises(IngestError) as info:
        decode(data)
    message = str(info.value)
    assert words in message
    assert "\n" not in message


def test_too_large_input_is_refused_before_decoding() -> None:
    with pytest.raises(IngestError, match="too large"):
        decode(b"a" * (MAX_BYTES + 1))


def test_normalize_keeps_length_and_unifies_marks() -> None:
    raw = "“We won’t,” he said – firmly — at 10\u00a0a.m. «Non» ‘ok’ 5′ 6″ a\u2212b"
    out = normalize(raw)
    assert len(out) == len(raw)
    assert out == "\"We won't,\" he said - firmly - at 10 a.m. \"Non\" 'ok' 5' 6\" a-b"


def test_normalize_leaves_plain_ascii_untouched() -> None:
    text = 'He said "yes" - and left.'
    assert normalize(text) == text
