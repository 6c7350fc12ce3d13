"""The long article the ingest benchmarks time: one builder, so `ab_ingest.py --big` times
the very text `bench_ingest.py` does."""

from __future__ import annotations


def big_article(articles: list[bytes], size: int) -> bytes:
    """Samples concatenated (blank line between) up to about `size` bytes."""
    out = bytearray()
    i = 0
    while len(out) < size:
        out += articles[i % len(articles)] + b"\n\n"
        i += 1
    return bytes(out[:size]).decode("utf-8", "ignore").encode("utf-8")
