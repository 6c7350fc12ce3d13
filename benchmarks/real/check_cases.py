"""Check the real-article set: every text matches its sha256, every gold key occurs in it.

Run: python benchmarks/real/check_cases.py [PART.json ...]
Exits 1 and lists the problems when anything is off; missing cache files are reported
(rebuild them as README.md says) but are not errors of the gold.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases_io import cached_text, load_cases, norm_key, sha256_of  # noqa: E402

REQUIRED = ("id", "url", "query", "sha256", "pair", "meeting_date", "place", "participants",
            "topics", "quotes", "not_quotes")
STATUSES = {"tension", "stalled", "dialogue", "progress", "agreement"}


def problems_of(case: dict[str, Any], topic_ids: set[str]) -> list[str]:
    out = [f"missing field {name}" for name in REQUIRED if name not in case]
    if out:
        return out
    text = cached_text(case)
    if text is None:
        return ["no cached text (rebuild the cache)"]
    if sha256_of(text) != case["sha256"]:
        out.append("sha256 does not match the cached text")
    body = f" {norm_key(text)} "
    for group in ("quotes", "positions", "commitments"):
        for item in case.get(group, []):
            key = norm_key(item["key"])
            if not key or f" {key} " not in body:
                out.append(f"{group} key not in text: {item['key']!r}")
    for group in ("not_quotes", "optional_quotes"):
        for key in case.get(group, []):
            if f" {norm_key(key)} " not in body:
                out.append(f"{group} key not in text: {key!r}")
    for topic in case["topics"]:
        if topic["id"] not in topic_ids:
            out.append(f"unknown topic id {topic['id']!r}")
        if topic["status"] not in STATUSES:
            out.append(f"unknown status {topic['status']!r}")
    for quote in case["quotes"]:
        if not isinstance(quote.get("speaker"), list) or not quote["speaker"]:
            out.append(f"quote {quote['key']!r}: speaker must be a non-empty list")
    if len(case["pair"]) != 2:
        out.append("pair must name two sides")
    return out


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root))
    from store.taxonomy import default_topics

    topic_ids = {t.id for t in default_topics()}
    if argv:
        cases = [c for p in argv for c in json.loads(Path(p).read_text(encoding="utf-8"))]
    else:
        cases = load_cases()
    seen: set[str] = set()
    bad = 0
    for case in cases:
        probs = problems_of(case, topic_ids)
        if case.get("id") in seen:
            probs.append("duplicate id")
        seen.add(case.get("id", ""))
        for p in probs:
            print(f"{case.get('id', '?')}: {p}")
        bad += bool(probs)
    print(f"{len(cases)} cases, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
