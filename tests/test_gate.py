"""The gate: what is not an article is named and refused; every sample article passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.db import Store
from store.export import render
from store.gate import draft_refusal, refusal
from store.ingest import extract

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (ROOT / "sample_articles").iterdir() if p.is_file())
FIXTURES = ROOT / "tests" / "fixtures" / "cli"


@pytest.mark.parametrize("path", SAMPLES + sorted(FIXTURES.glob("laos-*")), ids=lambda p: p.name)
def test_every_article_we_hold_passes(path: Path) -> None:
    assert refusal(path.read_bytes(), str(path)) is None
    assert draft_refusal(extract(path.read_bytes()).text) is None


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    with Store.open(tmp_path_factory.mktemp("gate") / "b.db") as store:
        store.add_draft(extract((FIXTURES / "laos-talks-wire.txt").read_bytes()))
        return {fmt: render(store, fmt) for fmt in ("md", "json", "csv", "html", "timelinejs")}


@pytest.mark.parametrize("fmt,said", [
    ("md", "bilat's own Markdown export"), ("json", "bilat's own JSON export"),
    ("csv", "bilat's own CSV export"), ("html", "bilat's own HTML export"),
    ("timelinejs", "TimelineJS"),
])
def test_bilat_exports_are_refused_whatever_their_name(
    exports: dict[str, str], fmt: str, said: str
) -> None:
    why = refusal(exports[fmt].encode("utf-8"), "notes.txt")
    assert why is not None and why.startswith("not an article: ") and said in why


@pytest.mark.parametrize("data,name,said", [
    (b"name,country,role\nWang Yi,China,minister\nBlinken,US,secretary\n", "people.txt", "CSV"),
    (b"a\tb\tc\n1\t2\t3\n", "t.txt", "TSV"),
    (b'{"meeting": "Beijing", "date": "2024-04-26"}', "m.txt", "JSON"),
    (b'[1, 2, 3]', "m", "JSON"),
    (b'title = "talks"\n[meeting]\nplace = "Beijing"\n', "m.txt", "TOML"),
    (b'<?xml version="1.0"?><meeting><place>Beijing</place></meeting>', "m.txt", "XML"),
    (b'<rss version="2.0"><channel><title>News</title></channel></rss>', "feed", "news feed"),
    (b"%PDF-1.7 ...", "a.txt", "PDF"),
    (b"PK\x03\x04 rest", "a.docx", "ZIP"),
    (b"\x89PNG\r\n\x1a\n....", "a.txt", "PNG"),
    (b"text\x00with\x00nuls", "a.txt", "binary"),
    (b"Blinken met Wang in Beijing on Friday.", "talks.csv", "CSV file (by its name)"),
])
def test_data_files_and_binaries_are_named(data: bytes, name: str, said: str) -> None:
    why = refusal(data, name)
    assert why is not None and said in why


def test_a_web_page_and_an_xhtml_page_pass() -> None:
    page = (b"<!DOCTYPE html><html><body><p>Blinken met Wang Yi in Beijing on Friday and "
            b"raised concerns.</p></body></html>")
    assert refusal(page, "page.html") is None
    xhtml = b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'
    assert refusal(xhtml, "page.xhtml") is None


def test_text_with_no_sentence_is_refused() -> None:
    assert draft_refusal("Menu Home World Business\nLogin Subscribe") == (
        "not an article: no sentence in it")
    assert draft_refusal("Talks went on for hours. ") is None
