"""Which reader of saved web pages is right more often: trafilatura or our html_page.py?

Run: python benchmarks/bench_html_readers.py [--real-cache DIR]

Both readers get the same HTML page; ingest (`store.ingest.extract`) then reads what
each one pulled out, and the drafts are compared with a reference:

- hand-made pages (`sample_articles/*.html`, `tests/data/**/*.html`): their golden
  answers in `tests/expected/` where there is one;
- every plain-text sample (`sample_articles/*.txt|.md`), and every text of the real-article
  set when its cache is there (`benchmarks/real/cache`, or `--real-cache`, or
  `$BILAT_REAL_CACHE`), wrapped in the junk of a news site (tests/fixtures/web/wrapper.html:
  cookie banner, navigation, share buttons, related stories, newsletter box, footer).
  The reference is ingest's draft of the plain text itself: a perfect reader gives it back.

A page counts as right for a field when the draft agrees with the reference: title,
published date, meeting date, pair of countries, the set of quotes (texts), and no junk
(none of the wrapper's words in the article text). Prints one table row per reader.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.fetch.page import read_page  # noqa: E402
from store.ingest import IngestError, extract  # noqa: E402
from store.models import MeetingDraft  # noqa: E402

WRAPPER = (ROOT / "tests" / "fixtures" / "web" / "wrapper.html").read_text(encoding="utf-8")
JUNK = ("Accept all cookies", "Harbour Wire home", "Share on Facebook", "Email this story",
        "Related stories", "Lighthouse keepers", "Ferry timetable", "Morning Tide",
        "All rights reserved", "Contact the newsroom")
FIELDS = ("title", "published", "meeting_date", "dyad", "quotes", "no_junk")


@dataclass
class Reference:
    title: str | None
    published: str | None
    meeting_date: str | None
    dyad: list[str]
    quotes: set[str] | None


@dataclass
class Page:
    name: str
    html: bytes
    ref: Reference


@dataclass
class Tally:
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    seen: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    failed: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)


def _ref_of(draft: MeetingDraft) -> Reference:
    return Reference(draft.title or None, draft.published and draft.published.isoformat(),
                     draft.meeting_date and draft.meeting_date.isoformat(), sorted(draft.dyad),
                     {q.text for q in draft.quotes})


def wrap(text: str, draft: MeetingDraft) -> bytes:
    """A plain article inside a news site's page: its title line becomes the page's title
    (as ingest read it, so that "# " or a "date …" prefix is not counted against a reader),
    the rest its paragraphs."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    first, *rest = blocks
    _, _, more = first.partition("\n")
    paragraphs = ([more] if more.strip() else []) + rest
    body = "\n".join(f"    <p>{html.escape(p)}</p>" for p in paragraphs)
    published = draft.published and draft.published.isoformat()
    return WRAPPER.format(
        title=html.escape(draft.title), author="Staff", published=published or "",
        published_text=published or "", body=body,
    ).encode("utf-8")


def pages(real_cache: Path | None) -> Iterator[Page]:
    expected = ROOT / "tests" / "expected"
    hand = sorted((ROOT / "sample_articles").glob("*.html")) + sorted(
        (ROOT / "tests" / "data").rglob("*.html"))
    for path in hand:
        gold = expected / f"{path.stem}.json"
        if gold.exists():
            g = json.loads(gold.read_text(encoding="utf-8"))
            ref = Reference(g.get("title"), g.get("published"), g.get("meeting_date"),
                            sorted(g.get("dyad") or []),
                            {q["text"] for q in g.get("quotes", []) if "text" in q} or None)
        else:
            ref = _ref_of(extract(path.read_bytes()))  # our reader's own answer: no gold
        yield Page(f"page:{path.name}", path.read_bytes(), ref)
    for path in sorted((ROOT / "sample_articles").glob("*")):
        if path.suffix in {".txt", ".md"}:
            draft = extract(path.read_bytes())
            yield Page(f"sample:{path.name}", wrap(path.read_text(encoding="utf-8"), draft),
                       _ref_of(draft))
    if real_cache and real_cache.is_dir():
        cases = json.loads((ROOT / "benchmarks" / "real" / "cases.json").read_text("utf-8"))
        for case in cases:
            text_path = real_cache / f"{case['id']}.txt"
            if not text_path.exists():
                continue
            text = text_path.read_text(encoding="utf-8")
            try:
                draft = extract(text)
            except IngestError:
                continue
            yield Page(f"real:{case['id']}", wrap(text, draft), _ref_of(draft))


def by_trafilatura(data: bytes) -> MeetingDraft:
    return extract(read_page(data, None).article())


def by_html_page(data: bytes) -> MeetingDraft:
    return extract(data)


def score(reader: Callable[[bytes], MeetingDraft], all_pages: list[Page]) -> Tally:
    tally = Tally()
    for page in all_pages:
        start = time.perf_counter()
        try:
            draft = reader(page.html)
        except IngestError:
            tally.failed += 1
            continue
        finally:
            tally.seconds += time.perf_counter() - start
        got = _ref_of(draft)
        ref = page.ref
        checks = {
            "title": (ref.title, got.title),
            "published": (ref.published, got.published),
            "meeting_date": (ref.meeting_date, got.meeting_date),
            "dyad": (ref.dyad, got.dyad),
            "quotes": (ref.quotes, got.quotes if ref.quotes is not None else None),
        }
        for name, (want, have) in checks.items():
            if want is None:
                continue
            tally.seen[name] += 1
            # A golden title may hold a key phrase of it only (tests/expected/README.md).
            if want == have or (name == "title" and want in (have or "")):
                tally.right[name] += 1
            else:
                tally.misses.append(f"{page.name} {name}")
        tally.seen["no_junk"] += 1
        leaked = [j for j in JUNK if j in draft.text]
        if leaked:
            tally.misses.append(f"{page.name} junk: {leaked[0]}")
        else:
            tally.right["no_junk"] += 1
    return tally


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("BILAT_REAL_CACHE") or str(ROOT / "benchmarks" / "real" / "cache")
    ap.add_argument("--real-cache", default=default)
    ap.add_argument("--misses", action="store_true", help="list every miss")
    args = ap.parse_args()
    all_pages = list(pages(Path(args.real_cache)))
    kinds = {k: sum(1 for p in all_pages if p.name.startswith(k))
             for k in ("page", "sample", "real")}
    print(f"{len(all_pages)} pages: {kinds}")
    print("| reader | " + " | ".join(FIELDS) + " | all fields | failed | ms/page |")
    print("|---" * (len(FIELDS) + 4) + "|")
    for name, reader in (("trafilatura", by_trafilatura), ("html_page.py", by_html_page)):
        t = score(reader, all_pages)
        cells = [f"{t.right[f]}/{t.seen[f]}" for f in FIELDS]
        total = sum(t.right.values()) / max(1, sum(t.seen.values()))
        print(f"| {name} | " + " | ".join(cells)
              + f" | {total:.1%} | {t.failed} | {1000 * t.seconds / len(all_pages):.0f} |")
        if args.misses:
            for m in t.misses:
                print(f"    miss: {m}")


if __name__ == "__main__":
    main()
