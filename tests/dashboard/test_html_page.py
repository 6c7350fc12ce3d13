"""The HTML export as a page: drawn by a real headless browser, loading nothing from outside.

Runs Debian's `chromium` (installed by .ci/run); skips with a reason where it is absent.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from store.db import Store
from store.export import render
from store.ingest import extract

ARTICLE = (
    "U.S. and China envoys meet in Geneva\n\n"
    "By Staff Reporter March 3, 2025 | 10:00 AM\n\n"
    "GENEVA (Reuters) - U.S. Secretary of State Daniel Hart met Chinese Foreign Minister "
    "Tang Lei in Geneva on Monday and raised concerns about fentanyl shipments.\n\n"
    '"We need to see real action on fentanyl," Hart told reporters after the talks.\n'
)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB(A) bytes) of an 8-bit PNG, unfiltered (stdlib only)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 3
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows


def browse(page: Path, tmp: Path) -> tuple[Path, list[str]]:
    """Screenshot `page` in headless chromium; return the PNG and URLs the page requested."""
    assert CHROMIUM is not None
    shot, netlog = tmp / "shot.png", tmp / "net.json"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", f"--user-data-dir={tmp / 'profile'}",
         "--window-size=1200,1400", f"--log-net-log={netlog}", f"--screenshot={shot}",
         page.as_uri()],
        capture_output=True, timeout=120, check=True, cwd=tmp,
    )
    log = json.loads(netlog.read_text(encoding="utf-8"))
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    requested = []
    for event in log["events"]:
        params = event.get("params") or {}
        # The browser's own background requests have no origin; the page's have its origin.
        if names.get(event["type"]) == "URL_REQUEST_START_JOB" and params.get(
            "initiator", "not an origin"
        ) != "not an origin":
            requested.append(str(params.get("url", "")))
    return shot, [u for u in requested if not u.startswith(("file:", "data:"))]


@needs_chromium
def test_the_detector_sees_a_page_that_loads_a_remote_style(tmp_path: Path) -> None:
    # The check below is only worth something if it notices a load from outside.
    page = tmp_path / "leaky.html"
    page.write_text('<html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
                    "</head><body>x</body></html>", encoding="utf-8")
    _, requested = browse(page, tmp_path)
    assert any("127.0.0.1:9/x.css" in u for u in requested)


@needs_chromium
def test_the_timeline_page_draws_and_loads_nothing_from_outside(
    demo_template: Path, tmp_path: Path
) -> None:
    shutil.copy(demo_template, tmp_path / "b.db")
    with Store.open(tmp_path / "b.db") as store:
        draft = extract(ARTICLE.encode()).model_copy(update={
            "url": "https://news.example/geneva", "title": "<script>alert(1)</script> [/] talks",
        })
        store.add_draft(draft)
        text = render(store, "html")
    page = tmp_path / "timeline.html"
    page.write_text(text, encoding="utf-8")
    assert "<script" not in text.lower() and "<link" not in text.lower()
    assert "<svg" in text and 'class="legend"' in text and 'class="contents"' in text
    assert '<a href="https://news.example/geneva"' in text, "sources are linked"
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [/] talks" in text

    shot, requested = browse(page, tmp_path)
    assert requested == []
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (1200, 1400)
    background = rows[0][:3]
    step = len(rows[0]) // width
    colours, inked = set(), 0
    for row in rows[::4]:
        for x in range(0, len(row), step * 4):
            pixel = row[x : x + 3]
            colours.add(pixel)
            inked += pixel != background
    sampled = len(rows[::4]) * len(range(0, len(rows[0]), step * 4))
    assert inked / sampled > 0.03, "the page is (nearly) blank"
    # The status marks: each status colour of the lanes appears in the picture.
    reds = [c for c in colours if c[0] > 150 and c[1] < 90 and c[2] < 90]
    assert reds, "no tension mark was drawn"
