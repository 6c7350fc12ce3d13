"""`bilat feed` against a local server: follow, pull, add only the meetings, remember."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from .conftest import WEB, Route, Web, read_sample, rss, store_counts, wrap

BEIJING = "2023-06-19-blinken-beijing-wire.txt"
LIMA = "2024-11-16-biden-xi-lima-wire.txt"


def _sports_page() -> bytes:
    text = (WEB / "sports.txt").read_text(encoding="utf-8")
    title, _, rest = text.partition("\n\n")
    byline, _, body = rest.partition("\n\n")
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1><p>{byline}</p>{paras}</article>"
            "<footer>All rights reserved.</footer></body></html>").encode()


def _stored_urls(store: Path) -> list[str]:
    conn = sqlite3.connect(store)
    try:
        return [r[0] for r in conn.execute("SELECT url FROM articles ORDER BY id")]
    finally:
        conn.close()


def test_a_pull_adds_exactly_the_new_meeting_and_a_second_pull_adds_nothing(
    web: Web, run, store_path: Path
) -> None:
    old = web.page("/world/beijing", wrap(read_sample(BEIJING)))
    new = web.page("/world/lima", wrap(read_sample(LIMA)))
    sport = web.page("/sport/cup-final", _sports_page())
    assert run("add", "--yes", old).returncode == 0
    web.routes["/world.rss"] = Route(content_type="application/rss+xml", body=rss([
        ("Biden and Xi meet in Lima", new, "Sat, 16 Nov 2024 20:52:00 GMT"),
        ("Harbour United win the coastal cup", sport, "Sun, 17 Nov 2024 19:00:00 GMT"),
        ("Blinken and Xi agree to steady ties", old, "Mon, 19 Jun 2023 09:42:00 GMT"),
    ]))

    added = run("feed", "add", web.url("/world.rss"))
    assert added.returncode == 0, added.stderr
    assert "Harbour Wire: World" in added.stdout

    first = run("feed", "pull", "--add", "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    by_url = {e["url"]: e for e in report if "url" in e}
    assert by_url[new]["result"] == "added"
    assert by_url[old]["result"] == "skipped" and "already stored" in by_url[old]["reason"]
    assert by_url[sport]["result"] == "skipped"
    assert "not a meeting between two countries" in by_url[sport]["reason"]
    assert _stored_urls(store_path) == [old, new]

    before = store_counts(store_path)
    hits = len(web.hits)
    second = run("feed", "pull", "--add")
    assert second.returncode == 0, second.stderr
    assert "0 new item(s)" in second.stdout and "added:" not in second.stdout
    assert store_counts(store_path) == before
    # Only the feed itself was fetched again: seen items are never fetched twice.
    assert [p for p, _ in web.hits[hits:]] == ["/world.rss"]


def test_pull_without_add_lists_new_items_and_remembers_them(web: Web, run) -> None:
    page = web.page("/world/lima", wrap(read_sample(LIMA)))
    web.routes["/a.xml"] = Route(content_type="application/atom+xml", body=(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title>'
        '<id>urn:desk</id><updated>2024-11-16T00:00:00Z</updated>'
        f'<entry><title>Lima talks</title><id>urn:lima</id><link href="{page}"/>'
        '<updated>2024-11-16T20:00:00Z</updated></entry></feed>').encode())
    assert run("feed", "add", web.url("/a.xml"), "--name", "Desk").returncode == 0
    first = run("feed", "pull")
    assert "1 new item(s)" in first.stdout and f"<{page}>" in first.stdout
    listed = run("feed", "list")
    assert "Desk" in listed.stdout and "1 new" in listed.stdout
    second = run("feed", "pull")
    assert "0 new item(s)" in second.stdout and page not in second.stdout
    # What a plain pull saw waits in the Inbox: a later --add still stores it.
    third = run("feed", "pull", "--add")
    assert "added:" in third.stdout, third.stdout + third.stderr


def test_a_page_that_is_not_a_feed_is_refused_and_nothing_is_stored(
    web: Web, run, store_path: Path
) -> None:
    url = web.page("/not-a-feed", b"<html><body><p>Hello there, this is a page.</p></body></html>")
    web.routes["/broken.xml"] = Route(content_type="application/rss+xml",
                                      body=b"<rss><channel><title>half")
    for bad in (url, web.url("/broken.xml"), web.url("/nowhere.xml"), "ftp://127.0.0.1/f.xml"):
        proc = run("feed", "add", bad)
        assert proc.returncode == 2, proc.stdout
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
        assert bad in proc.stderr
    assert store_counts(store_path).get("feeds", 0) == 0


def test_a_broken_feed_does_not_stop_the_others(web: Web, run) -> None:
    web.routes["/good.rss"] = Route(content_type="application/rss+xml", body=rss([
        ("Lima", web.page("/lima", wrap(read_sample(LIMA))), "Sat, 16 Nov 2024 20:52:00 GMT")]))
    web.routes["/flaky.rss"] = Route(content_type="application/rss+xml", body=rss([]))
    assert run("feed", "add", web.url("/flaky.rss"), "--name", "Flaky").returncode == 0
    assert run("feed", "add", web.url("/good.rss"), "--name", "Good").returncode == 0
    web.routes["/flaky.rss"] = Route(500, "text/plain", b"down")
    proc = run("feed", "pull", "--add")
    assert proc.returncode == 1
    assert "Flaky" in proc.stderr and "500" in proc.stderr
    assert "added:" in proc.stdout


def test_feed_rm_forgets_the_feed_and_keeps_its_articles(web: Web, run, store_path: Path) -> None:
    web.routes["/f.rss"] = Route(content_type="application/rss+xml", body=rss([
        ("Lima", web.page("/lima", wrap(read_sample(LIMA))), "Sat, 16 Nov 2024 20:52:00 GMT")]))
    run("feed", "add", web.url("/f.rss"), "--name", "Wire")
    run("feed", "pull", "--add")
    proc = run("feed", "rm", "wire")
    assert proc.returncode == 0 and "no longer following" in proc.stdout
    assert "no feeds followed" in run("feed", "list").stdout
    assert store_counts(store_path)["articles"] == 1
    missing = run("feed", "rm", "Wire")
    assert missing.returncode == 2 and "no feed 'Wire'" in missing.stderr


def test_a_pull_on_a_terminal_draws_a_progress_bar_and_clears_it(
    web: Web, run, store_path: Path
) -> None:
    import os
    import pty
    import subprocess

    from bilat_process import bilat_cmd, env_for

    for n in range(2):
        web.routes[f"/f{n}.rss"] = Route(content_type="application/rss+xml", body=rss([]))
        assert run("feed", "add", web.url(f"/f{n}.rss"), "--name", f"F{n}").returncode == 0
    master, slave = pty.openpty()
    env = env_for(store_path)
    env["NO_PROXY"] = "127.0.0.1,localhost"
    proc = subprocess.run([*bilat_cmd(), "feed", "pull"], stdout=subprocess.PIPE, stderr=slave,
                          stdin=subprocess.DEVNULL, env=env, timeout=120, text=True)
    os.close(slave)
    drawn = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    os.close(master)
    assert proc.returncode == 0
    assert b"[###############---------------] 1/2" in drawn and b"] 2/2" in drawn
    assert drawn.endswith(b"\r\x1b[K")  # cleared: the terminal is left clean
    assert proc.stdout.count("new item(s)") == 2
