"""The gold positions and commitments of the sample articles (tests/expected/) are well formed:
every key occurs in its article, every side is one of the pair's (or another country the
article names), every kind and topic is one bilat knows. Scoring them is
benchmarks/eval_ingest.py's job, not an exact-match test."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import get_args

import pytest

from store.models import PositionKind
from store.taxonomy import default_topics

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (ROOT / "sample_articles").iterdir() if p.is_file())
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
TOPICS = {t.id for t in default_topics()}


def norm_key(text: str) -> str:
    return _NOT_ALNUM.sub(" ", text.lower()).strip()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_gold_stances_are_written_and_their_keys_occur_in_the_article(sample: Path) -> None:
    exp = json.loads((ROOT / "tests" / "expected" / f"{sample.stem}.json").read_text("utf-8"))
    body = f" {norm_key(html.unescape(sample.read_text('utf-8')))} "
    assert "positions" in exp and "commitments" in exp
    assert exp["positions"], "every sample states some position"
    for p in exp["positions"]:
        assert f" {norm_key(p['key'])} " in body, p["key"]
        assert 3 <= len(norm_key(p["key"]).split()) <= 9, p["key"]
        assert p["kind"] in get_args(PositionKind) and p["topic"] in TOPICS
        assert p["side"] in exp["dyad"], p
        assert p["speaker"] and all(isinstance(s, str) for s in p["speaker"])
    for c in exp["commitments"]:
        assert f" {norm_key(c['key'])} " in body, c["key"]
        assert c["topic"] in TOPICS and set(c["parties"]) <= set(exp["dyad"]), c
        assert c["due"] is None or norm_key(c["due"]) in body
