"""The parts of store.fetch one at a time: URL checks, charsets, pages, feeds, limits."""

from __future__ import annotations

import time

import pytest

from store.fetch import FeedError, FetchError, fetch, is_url, parse_feed, read_page, url_refusal
from store.fetch.http import USER_AGENT, parse_content_type
from store.fetch.page import page_charset

from .conftest import Route, Web


@pytest.mark.parametrize("raw", ["https://example.org/a", "http://127.0.0.1:8000/x",
                                 "ftp://host/file", "file:///etc/hostname", "FILE:/tmp/x"])
def test_urls_are_told_from_paths(raw: str) -> None:
    assert is_url(raw)


@pytest.mark.parametrize("raw", ["article.txt", "./news/a.html", "C:\\news\\a.txt", "-",
                                 "notes: a.txt", "/tmp/x:y.txt"])
def test_paths_are_not_urls(raw: str) -> None:
    assert not is_url(raw)


def test_only_http_and_https_with_a_host_are_fetched() -> None:
    assert url_refusal("https://example.org/a") is None
    assert "not ftp:" in (url_refusal("ftp://example.org/a") or "")
    assert "not file:" in (url_refusal("file:///etc/passwd") or "")
    assert "no host" in (url_refusal("http:///nohost") or "")


def test_the_declared_charset_wins_then_the_pages_own_then_utf8() -> None:
    assert parse_content_type('text/HTML; Charset="ISO-8859-1"') == ("text/html", "iso-8859-1")
    meta = b'<html><head><meta charset="windows-1252"></head>'
    assert page_charset(meta, "utf-8") == "utf-8"
    assert page_charset(meta, "koi8-r") == "koi8-r"
    # Latin-1 as browsers read it: windows-1252, so 0x93/0x94 are curly quotes.
    assert page_charset(b"", "iso-8859-1") == "cp1252"
    assert page_charset(meta, None) == "cp1252"
    assert page_charset(meta, "no-such-charset") == "cp1252"
    assert page_charset(b"<p>plain</p>", None) == "utf-8"


def test_a_latin1_page_is_decoded_with_the_charset_it_declares() -> None:
    body = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>"
            "<title>Talks</title></head><body><article><h1>Talks in Montréal</h1>"
            + "<p>The ministers met in Montréal on Friday and said the talks were frank, "
              "useful and long, and agreed to meet again in the spring.</p>" * 3
            + "</article></body></html>").encode("iso-8859-1")
    page = read_page(body.replace(b"were frank", b"were \x93frank\x94"), None)
    assert page.text is not None and "Montréal" in page.text and "\ufffd" not in page.text
    assert "“frank”" in page.text


def test_a_page_with_no_article_goes_to_our_own_reader_as_it_is() -> None:
    html = b"<html><body><div></div><script>track()</script></body></html>"
    page = read_page(html, "utf-8")
    assert page.text is None and page.article() == html.decode()


def test_plain_text_is_passed_through() -> None:
    text = "Title\n\nThe ministers met on Friday and agreed to talk again soon."
    assert read_page(text.encode(), "utf-8").article() == text


def test_markup_in_the_article_stays_text() -> None:
    para = "<p>The envoy wrote “[bold]no[/] deal” and \\[red] on a sign held up at the talks.</p>"
    page = read_page(f"<html><body><article>{para * 3}</article></body></html>".encode(), None)
    assert page.text is not None and "[bold]no[/] deal" in page.text


def test_an_atom_feed_gives_its_items_with_links_and_dates() -> None:
    feed = parse_feed(b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
      <title>Desk</title><id>urn:d</id><updated>2024-01-01T00:00:00Z</updated>
      <entry><title>One</title><id>urn:1</id><link href="https://e.org/1"/>
        <updated>2024-01-02T03:04:05Z</updated></entry>
      <entry><title>No link</title><id>urn:2</id><updated>2024-01-02T00:00:00Z</updated></entry>
    </feed>""")
    assert feed.title == "Desk"
    [item] = feed.items
    assert (item.key, item.link, item.title) == ("urn:1", "https://e.org/1", "One")
    assert item.published is not None and item.published.isoformat() == "2024-01-02T03:04:05+00:00"


@pytest.mark.parametrize("body", [b"<html><body>a page</body></html>", b"just words",
                                  b"<rss><channel><title>cut off", b""])
def test_what_is_not_a_feed_is_refused(body: bytes) -> None:
    with pytest.raises(FeedError, match="not a feed"):
        parse_feed(body)


def test_a_slow_server_times_out_in_one_line(web: Web) -> None:
    web.routes["/slow"] = Route(body=b"<p>late</p>", delay=2.0)
    start = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(web.url("/slow"), timeout=0.3)
    assert time.monotonic() - start < 1.5


def test_the_user_agent_names_bilat_and_its_version(web: Web) -> None:
    got = fetch(web.page("/p", b"<p>hi</p>"))
    assert web.hits[-1][1] == USER_AGENT and "bilat/" in USER_AGENT
    assert got.body == b"<p>hi</p>" and got.charset == "utf-8"


def test_a_small_cap_is_enforced_while_reading(web: Web) -> None:
    web.routes["/stream"] = Route(body=b"x" * 1000, chunks=5)
    with pytest.raises(FetchError, match="too big"):
        fetch(web.url("/stream"), max_bytes=2000)
