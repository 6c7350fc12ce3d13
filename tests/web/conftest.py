"""A local web server on 127.0.0.1 for the URL and feed tests: nothing leaves the machine.

Pages are made from the sample articles (written in our own words), wrapped in the junk
of a real news site: a cookie banner, navigation, share buttons, a related-stories box,
a newsletter box and a footer. Each test gets its own server and registers its routes.
"""

from __future__ import annotations

import html
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_articles"
WEB = ROOT / "tests" / "fixtures" / "web"
WRAPPER = (WEB / "wrapper.html").read_text(encoding="utf-8")

# Words of the wrapper that must never reach a stored article.
JUNK = (
    "cookies", "Accept all", "Harbour Wire home", "Newsletters", "Share on", "Email this story",
    "Copy link", "Related stories", "Lighthouse keepers", "Ferry timetable", "Morning Tide",
    "All rights reserved", "Privacy policy", "Contact the newsroom", "Search Harbour Wire",
)


@dataclass
class Route:
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunks: int = 1  # > 1: the body is sent this many times, with no Content-Length


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.server.hits.append((self.path, self.headers.get("User-Agent", "")))
        route = self.server.routes.get(self.path)
        if route is None:
            route = Route(404, "text/plain", b"not here")
        if route.delay:
            time.sleep(route.delay)
        self.send_response(route.status)
        self.send_header("Content-Type", route.content_type)
        for k, v in route.headers.items():
            self.send_header(k, v)
        if route.chunks == 1 and "Content-Length" not in route.headers:
            self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        try:
            for _ in range(route.chunks):
                self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: that is what the size cap does

    def log_message(self, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, Route]
    hits: list[tuple[str, str]]


@dataclass
class Web:
    """The running server: `url(path)` and `routes[path] = Route(...)`."""

    server: _Server

    @property
    def routes(self) -> dict[str, Route]:
        return self.server.routes

    @property
    def hits(self) -> list[tuple[str, str]]:
        return self.server.hits

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def page(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8",
             ) -> str:
        self.routes[path] = Route(body=body, content_type=content_type)
        return self.url(path)


@pytest.fixture
def web() -> Iterator[Web]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.routes = {}
    server.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Web(server)
    finally:
        server.shutdown()
        server.server_close()


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: the connection is refused."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/article"


@dataclass
class Article:
    title: str
    author: str
    published: str  # ISO date
    published_text: str
    paragraphs: list[str]


def read_sample(name: str) -> Article:
    """A sample article's title, byline date and paragraphs, as a site would print them."""
    from dateutil import parser as dateparser

    lines = (SAMPLES / name).read_text(encoding="utf-8").splitlines()
    title = lines[0].strip()
    at = next(i for i, ln in enumerate(lines) if ln.startswith("By "))
    byline = lines[at]  # "By Hannah Cole and Lu Jian June 19, 2023 | 9:42 AM"
    rest = "\n".join(lines[at + 1:])
    paragraphs = [b.strip() for b in rest.split("\n\n") if b.strip()]
    month = re.search(r"\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d", byline)
    assert month, byline
    author = byline[3:month.start()].strip()
    when = dateparser.parse(byline[month.start():].split("|")[0]).date()
    return Article(title, author, when.isoformat(), f"{when:%B} {when.day}, {when.year}",
                   paragraphs)


def wrap(article: Article) -> bytes:
    """The article inside the junk of a news site's page."""
    body = "\n".join(f"    <p>{html.escape(p)}</p>" for p in article.paragraphs)
    return WRAPPER.format(
        title=html.escape(article.title), author=html.escape(article.author),
        published=article.published, published_text=article.published_text, body=body,
    ).encode("utf-8")


def rss(items: list[tuple[str, str, str]], title: str = "Harbour Wire: World") -> bytes:
    """An RSS 2.0 feed of (title, link, pubDate) items."""
    entries = "".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(u)}</link>"
        f"<guid>{html.escape(u)}</guid><pubDate>{d}</pubDate></item>"
        for t, u, d in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{html.escape(title)}</title><link>http://127.0.0.1/</link>"
            f"<description>World news</description>{entries}</channel></rss>").encode()


# --- the real `bilat` command on a temporary store -----------------------------------

@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store" / "bilat.db"


@pytest.fixture
def run(store_path: Path):  # type: ignore[no-untyped-def]
    """bilat(*args) -> CompletedProcess (text), on the test's store, stdin closed."""
    import subprocess

    from bilat_process import bilat_cmd, env_for

    def bilat(*args: str) -> subprocess.CompletedProcess[str]:
        env = env_for(store_path)
        # A proxy set in the environment must never see (or forward) the local server.
        env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
        return subprocess.run([*bilat_cmd(), *args], capture_output=True, text=True,
                              timeout=120, env=env, stdin=subprocess.DEVNULL)

    return bilat


def store_counts(path: Path) -> dict[str, int]:
    """Rows per table of the store (an absent store counts as empty)."""
    import sqlite3

    if not path.exists():
        return {}
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
            " AND name NOT LIKE 'sqlite_%'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()
