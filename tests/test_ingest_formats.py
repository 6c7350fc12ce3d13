"""Stage 1b: saved pages and Markdown reduced to the article's plain text."""

from __future__ import annotations

from datetime import date

from store.ingest.formats import detect_format, to_plain

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Garner and Ma hold first talks in 18 months | World News Site</title>
<meta property="og:site_name" content="World News Site">
<meta property="og:url" content="https://example.org/world/garner-ma">
<meta property="article:published_time" content="2024-05-31T09:40:00+08:00">
<link rel="canonical" href="https://example.org/world/garner-ma-talks">
<style>p { color: red }</style>
<script>window.tracking = "Read more about cookies";</script>
</head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience.</p>
<button>Accept all</button></div>
<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article>
  <header><h1>Garner and Ma hold first talks in 18 months</h1>
  <time datetime="2024-05-31">May 31, 2024</time></header>
  <div class="share-bar"><a>Share</a><a>Tweet</a></div>
  <p>SINGAPORE (Reuters) - U.S. Defense Secretary Paul Garner met China&#8217;s defence
  minister Ma Tao on Friday &amp; the two spoke for over an hour.</p>
  <p>&ldquo;This was a good meeting,&rdquo; a senior U.S. defense official told reporters.</p>
  <aside class="related"><p>See also: What to know about the Shangri-La Dialogue</p></aside>
  <h2>MILITARY CHANNELS</h2>
  <p>The two sides agreed to keep<br>talking.</p>
  <div class="ad-slot">Advertisement</div>
  <ul><li>Theater commanders will hold a call.</li></ul>
  <p>Read more: Asia security</p>
</article>
<footer><p>&copy; 2024 World News Site. All rights reserved.</p></footer>
</body></html>
"""


def test_html_keeps_the_article_and_drops_the_furniture() -> None:
    doc = to_plain(PAGE)
    assert doc.format == "html"
    text = doc.text
    assert "Paul Garner met China\u2019s defence minister Ma Tao on Friday & the two" in text
    assert "\u201cThis was a good meeting,\u201d" in text
    for junk in ("cookies", "Accept all", "Home", "Share", "Tweet", "See also", "Advertisement",
                 "Read more", "All rights reserved", "color: red", "tracking"):
        assert junk not in text, junk
    # Blocks become paragraphs separated by blank lines; the heading is its own line.
    paras = text.split("\n\n")
    assert "MILITARY CHANNELS" in [p.strip() for p in paras]
    assert "The two sides agreed to keep talking." in paras
    assert "Theater commanders will hold a call." in paras


def test_html_metadata() -> None:
    doc = to_plain(PAGE)
    assert doc.title == "Garner and Ma hold first talks in 18 months"
    assert doc.published == date(2024, 5, 31)
    assert doc.source == "World News Site"
    assert doc.url == "https://example.org/world/garner-ma-talks"


def test_html_without_article_uses_densest_block_and_title_tag() -> None:
    page = (
        "<html><head><title>Modi and Albanese agree on trade | Daily Paper</title></head><body>"
        "<div id='menu'><p>Home</p><p>Sport</p></div>"
        "<div class='content'><p>Prime Minister Narendra Modi met Anthony Albanese in New Delhi"
        " on Thursday.</p><p>The two leaders signed a trade pact worth $10 billion.</p>"
        "<p>They agreed to meet again next year.</p></div>"
        "<div class='sidebar'><p>Most read: something else entirely</p></div></body></html>"
    )
    doc = to_plain(page)
    assert doc.title == "Modi and Albanese agree on trade"
    assert doc.text.startswith("Modi and Albanese agree on trade\n\n")
    assert "signed a trade pact worth $10 billion." in doc.text
    assert "Sport" not in doc.text and "Most read" not in doc.text


def test_html_fragment_is_detected() -> None:
    frag = "<p>One para.</p>\n<p>Two para.</p>\n<p>Three <a href='x'>link</a>.</p>\n<br>"
    assert detect_format(frag) == "html"
    assert to_plain(frag).text == "One para.\n\nTwo para.\n\nThree link."


def test_prose_mentioning_a_tag_stays_text() -> None:
    text = "Officials said the <script> tag was used in the phishing e-mails.\n\nMore text."
    assert detect_format(text) == "text"
    assert to_plain(text).text == text


MARKDOWN = """# Blinken and Wang meet in Vientiane

*By our correspondent* | July 27, 2024

Secretary of State **Antony Blinken** met [Wang Yi](https://example.org/wang) on Saturday.

## South China Sea

- The U.S. raised concerns about _dangerous_ manoeuvres.
- China said the U.S. should stop "stirring up trouble".

1. Talks will continue
2. A call is planned

![photo](https://example.org/p.jpg)
[ref]: https://example.org
"""


def test_markdown_headings_links_and_emphasis() -> None:
    doc = to_plain(MARKDOWN)
    assert doc.format == "markdown"
    assert doc.title == "Blinken and Wang meet in Vientiane"
    text = doc.text
    assert "Secretary of State Antony Blinken met Wang Yi on Saturday." in text
    assert "**" not in text and "](" not in text and "_dangerous_" not in text
    assert "https://" not in text
    # The ## heading is a line of its own after two blank lines (a section boundary).
    assert "\n\n\nSouth China Sea\n\n" in text
    # Bullets become paragraphs without their markers; numbered items keep their number.
    assert "\n\nThe U.S. raised concerns about dangerous manoeuvres.\n\n" in text
    assert "\n\n1. Talks will continue\n\n2. A call is planned" in text


def test_plain_text_passes_through() -> None:
    text = "Headline\nBy Reuters Apr 26, 2024\n\nBEIJING (Reuters) - Body.\r\n"
    doc = to_plain(text)
    assert doc.format == "text"
    assert doc.text == text.replace("\r\n", "\n")


def test_layout_wrapper_with_a_furniture_class_is_kept() -> None:
    paras = "".join(f"<p>Paragraph {i} about the talks in Beijing.</p>" for i in range(4))
    page = (
        "<html><body><div class='layout has-sidebar'><div class='content'><h1>Talks</h1>"
        f"{paras}</div><div class='sidebar'><p>Most popular today</p></div></div></body></html>"
    )
    text = to_plain(page).text
    assert text.startswith("Talks\n\nParagraph 0 about the talks in Beijing.")
    assert "Paragraph 3" in text
    assert "Most popular" not in text
