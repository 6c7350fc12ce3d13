"""`bilat add https://…` against a local server: what is stored, and what is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from store.ingest import extract

from .conftest import (
    JUNK,
    SAMPLES,
    Route,
    Web,
    closed_port_url,
    read_sample,
    store_counts,
    wrap,
)

SAMPLE = "2023-06-19-blinken-beijing-wire.txt"


def _article_rows(store: Path) -> list[sqlite3.Row]:
    conn = sqlite3.connect(store)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(
            """SELECT a.id, a.url, a.fetched_at, a.published, a.meeting_date, a.source,
                      t.original, t.text,
                      (SELECT group_concat(q.text, '\x1f') FROM quotes q
                        WHERE q.article_id = a.id) AS quotes
                 FROM articles a JOIN article_texts t ON t.article_id = a.id ORDER BY a.id"""
        ).fetchall()
    finally:
        conn.close()


def test_a_wrapped_page_is_stored_with_its_date_quotes_and_url_and_no_junk(
    web: Web, run, store_path: Path
) -> None:
    url = web.page("/world/blinken-xi", wrap(read_sample(SAMPLE)))
    proc = run("add", "--yes", url)
    assert proc.returncode == 0, proc.stderr
    assert "added:" in proc.stdout and proc.stderr == ""

    [row] = _article_rows(store_path)
    assert row["url"] == url and row["fetched_at"]
    expected = extract((SAMPLES / SAMPLE).read_bytes())
    assert row["published"] == "2023-06-19" and row["meeting_date"] == "2023-06-19"
    assert row["source"] == "Reuters"
    assert sorted(row["quotes"].split("\x1f")) == sorted(q.text for q in expected.quotes)
    assert len(expected.quotes) >= 5
    for junk in JUNK:
        assert junk.casefold() not in row["original"].casefold(), junk
    # The page asked for was fetched once, with a User-Agent that names bilat.
    [(path, agent)] = web.hits
    assert path == "/world/blinken-xi" and agent.startswith("bilat/")


def test_four_bad_urls_each_get_one_line_and_the_store_is_unchanged(
    web: Web, run, store_path: Path
) -> None:
    run("add", "--yes", web.page("/ok", wrap(read_sample(SAMPLE))))
    before = store_counts(store_path)
    assert before["articles"] == 1

    bad = [web.url("/gone"), closed_port_url(), "ftp://127.0.0.1/article.txt",
           "file:///etc/hostname"]
    proc = run("add", "--yes", *bad)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 4, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert "404" in lines[0]
    assert "refused" in lines[1].casefold()
    assert "only http and https" in lines[2] and "ftp:" in lines[2]
    assert "only http and https" in lines[3] and "file:" in lines[3]
    for url, line in zip(bad, lines, strict=True):
        assert line.startswith(f"skipped: {url}: ")
    assert store_counts(store_path) == before


def test_bad_urls_do_not_stop_the_good_ones_in_the_same_command(
    web: Web, run, store_path: Path, tmp_path: Path
) -> None:
    good = web.page("/good", wrap(read_sample("2024-11-16-biden-xi-lima-wire.txt")))
    local = tmp_path / "kazan.txt"
    local.write_bytes((SAMPLES / "2024-10-23-modi-xi-kazan-wire.txt").read_bytes())
    web.routes["/boom"] = Route(500, "text/html", b"<h1>oops</h1>")
    proc = run("add", "--yes", web.url("/boom"), good, str(local), web.url("/missing"))
    assert proc.returncode == 1
    assert proc.stdout.count("added:") == 2, proc.stdout
    errs = proc.stderr.strip().splitlines()
    assert len(errs) == 2 and "500" in errs[0] and "404" in errs[1]
    assert [r["url"] for r in _article_rows(store_path)] == [good, None]


def test_each_kind_of_bad_page_is_refused_in_one_line(web: Web, run, store_path: Path) -> None:
    web.routes["/image"] = Route(content_type="image/png", body=b"\x89PNG\r\n\x1a\n")
    web.routes["/feed"] = Route(content_type="application/rss+xml", body=b"<rss/>")
    web.routes["/loop"] = Route(302, "text/html", b"", headers={"Location": "/loop"})
    web.routes["/to-ftp"] = Route(302, "text/html", b"", headers={"Location": "ftp://x/y"})
    # 6 MB with no Content-Length: only reading the stream can find out it is too big.
    web.routes["/huge"] = Route(body=b"<p>" + b"words " * 100_000 + b"</p>", chunks=10)
    web.routes["/lying"] = Route(body=b"x", headers={"Content-Length": str(50 * 1024 * 1024)})
    web.routes["/nav-only"] = Route(body=b"<html><body><nav><a href='/'>Home</a></nav>"
                                         b"</body></html>")
    names = ["/image", "/feed", "/loop", "/to-ftp", "/huge", "/lying", "/nav-only"]
    proc = run("add", "--yes", *[web.url(n) for n in names])
    assert proc.returncode == 1 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == len(names), proc.stderr
    why = dict(zip(names, lines, strict=True))
    assert "image/png" in why["/image"]
    assert "application/rss+xml" in why["/feed"]
    assert "redirects" in why["/loop"]
    assert "not http or https" in why["/to-ftp"]
    assert "too big" in why["/huge"] and "too big" in why["/lying"]
    assert "not an article" in why["/nav-only"] or "empty" in why["/nav-only"]
    assert store_counts(store_path).get("articles", 0) == 0


def test_the_same_url_twice_is_refused_as_already_stored(web: Web, run) -> None:
    url = web.page("/once", wrap(read_sample(SAMPLE)))
    assert run("add", "--yes", url).returncode == 0
    again = run("add", "--yes", url)
    assert again.returncode == 1 and "already stored" in again.stderr
