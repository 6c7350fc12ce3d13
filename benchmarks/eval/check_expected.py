"""Mechanical checks of the hand-made expected results of the evaluation set.

Run: python benchmarks/eval/check_expected.py   (exit 1 if any check fails)

It does not extract anything; it checks that what a person wrote down agrees
with the article: every expected quote occurs between quotation marks in its
article (whitespace collapsed), every quoted span of the article is listed as a
quote or a not-quote, the title is a substring of the first line, and every
weekday the article names resolves (against the publication date) to a real
date near the meeting, printed for a human to look at.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def norm(s: str) -> str:
    """Whitespace collapsed, one trailing comma or period trimmed (the scorer's rule)."""
    s = " ".join(s.split())
    return s[:-1].rstrip() if s.endswith((",", ".")) else s


def quoted_spans(text: str) -> list[str]:
    """Spans between quotation marks: "..", “..”, ‘..’ and straight '..' (outermost only)."""
    spans: list[str] = []
    pairs = [(r'"', r'"'), ("\u201c", "\u201d")]
    for op, cl in pairs:
        for m in re.finditer(re.escape(op) + r"([^" + re.escape(cl) + r"]*?)" + re.escape(cl),
                             text, re.S):
            spans.append(m.group(1))
    # single marks: the opening follows start/space/punctuation, the closing is not
    # followed by a letter (so apostrophes in "China’s" or "There's" do not close)
    for op, cl in (("\u2018", "\u2019"), ("'", "'")):
        pat = (r"(?:(?<=^)|(?<=[\s(:\[]))" + re.escape(op) + r"(\S.*?)" + re.escape(cl)
               + r"(?![A-Za-z])")
        for m in re.finditer(pat, text, re.M):
            spans.append(m.group(1))
    return spans


def check(stem: str, article: str, exp: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    text = article.replace("\r\n", "\n")
    first_line = text.strip().splitlines()[0]
    if exp["title"] not in first_line:
        problems.append(f"title {exp['title']!r} not in first line")
    spans = Counter(norm(s) for s in quoted_spans(text))
    wanted = Counter(norm(q["text"]) for q in exp["quotes"])
    for t, n in wanted.items():
        if spans[t] < n:
            problems.append(f"quote not found between marks ({spans[t]}/{n}): {t!r}")
    nots = {norm(s) for s in exp.get("not_quotes", [])}
    for t in spans:
        if t not in wanted and t not in nots:
            problems.append(f"quoted span neither quote nor not_quote: {t!r}")
    for t in nots:
        if spans[t] == 0:
            problems.append(f"not_quote not found between marks: {t!r}")
    published = date.fromisoformat(exp["published"]) if exp["published"] else None
    meeting = date.fromisoformat(exp["meeting_date"]) if exp["meeting_date"] else None
    for m in re.finditer(r"\b(" + "|".join(WEEKDAYS) + r")\b", text):
        wd = WEEKDAYS.index(m.group(1))
        line = text[max(0, m.start() - 40): m.end() + 20].replace("\n", " ")
        if published is None:
            continue
        # the most recent such weekday on or before publication, and the next one after
        back = published - timedelta(days=(published.weekday() - wd) % 7)
        fwd = published + timedelta(days=(wd - published.weekday()) % 7 or 7)
        tag = ""
        if meeting is not None and meeting in (back, fwd):
            tag = "  <- meeting date"
        print(f"  {stem}: {m.group(1)} -> {back} (or next {fwd}){tag}   …{line}…")
    if meeting is not None:
        print(f"  {stem}: meeting_date {meeting} is a {WEEKDAYS[meeting.weekday()]}")
    return problems


def main() -> int:
    bad = 0
    for path in sorted((HERE / "articles").glob("*")):
        exp_path = HERE / "expected" / f"{path.stem}.json"
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        problems = check(path.stem, path.read_text(encoding="utf-8"), exp)
        for p in problems:
            print(f"FAIL {path.stem}: {p}")
        bad += len(problems)
        words = len(path.read_text(encoding="utf-8").split())
        if not 250 <= words <= 600:
            print(f"FAIL {path.stem}: {words} words, want 250-600")
            bad += 1
    print("ok" if bad == 0 else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
