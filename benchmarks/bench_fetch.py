"""Add by URL, stage by stage: fetch (local server), main text (trafilatura), ingest.

Run: python benchmarks/bench_fetch.py [--runs N]

A local http.server on 127.0.0.1 serves each plain-text sample wrapped in a news site's
junk (tests/fixtures/web/wrapper.html), so the network costs nothing and the figures are
bilat's own. Prints the median milliseconds per page of each stage.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_html_readers import wrap  # noqa: E402

from store.fetch import fetch, read_page  # noqa: E402
from store.fetch.http import make_client  # noqa: E402
from store.ingest import extract  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    bodies: dict[str, bytes] = {}
    for path in sorted((ROOT / "sample_articles").glob("*")):
        if path.suffix in {".txt", ".md"}:
            bodies[f"/{path.stem}"] = wrap(path.read_text("utf-8"), extract(path.read_bytes()))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = bodies[self.path]
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    stages: dict[str, list[float]] = {"fetch": [], "main text": [], "ingest": [], "total": []}
    with make_client() as client:
        for _ in range(args.runs):
            for name in bodies:
                t0 = time.perf_counter()
                got = fetch(f"http://127.0.0.1:{port}{name}", client=client)
                t1 = time.perf_counter()
                text = read_page(got.body, got.charset, got.final_url).article()
                t2 = time.perf_counter()
                extract(text)
                t3 = time.perf_counter()
                for key, value in (("fetch", t1 - t0), ("main text", t2 - t1),
                                   ("ingest", t3 - t2), ("total", t3 - t0)):
                    stages[key].append(value * 1000)
    server.shutdown()
    print(f"{len(bodies)} pages x {args.runs} runs (median ms per page)")
    for key, values in stages.items():
        print(f"  {key:<10} {statistics.median(values):7.1f}")


if __name__ == "__main__":
    main()
