"""Every sample article end to end against its hand-made expected result.

tests/expected/<stem>.json describes sample_articles/<stem>.<ext>:
  title (substring), published, meeting_date, location, source, dyad,
  participants (canonical names that must be present),
  topics {id: status} (exact set of ids; statuses compared too),
  quotes [{text, speaker, topic?}] (exact set, compared by text),
  not_quotes [spans that must not be reported as quotes].
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.ingest import extract

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
EXPECTED = ROOT / "tests" / "expected"


def _cases() -> list[tuple[Path, Path]]:
    cases = []
    for exp in sorted(EXPECTED.glob("*.json")):
        matches = [p for p in SAMPLES.glob(exp.stem + ".*")]
        assert len(matches) == 1, f"expected exactly one sample for {exp.name}, found {matches}"
        cases.append((matches[0], exp))
    return cases


CASES = _cases()
IDS = [c[0].name for c in CASES]


def norm_quote(text: str) -> str:
    """Compare quotes on their words: trim space and the comma/period before the closing mark."""
    return " ".join(text.split()).rstrip(",.").strip()


def test_every_sample_has_an_expected_result() -> None:
    stems = {p.stem for p in SAMPLES.iterdir() if p.is_file() and not p.name.startswith(".")}
    expected = {p.stem for p in EXPECTED.glob("*.json")}
    assert stems <= expected, f"samples without expected results: {sorted(stems - expected)}"
    assert len(stems) >= 10


@pytest.mark.parametrize(("sample", "expected"), CASES, ids=IDS)
def test_header(sample: Path, expected: Path) -> None:
    exp = json.loads(expected.read_text())
    draft = extract(sample.read_bytes())
    assert exp["title"] in draft.title
    assert str(draft.published) == str(exp["published"])
    assert str(draft.meeting_date) == str(exp["meeting_date"])
    assert draft.location == exp["location"]
    assert draft.source == exp["source"]
    assert draft.dyad == exp["dyad"]


@pytest.mark.parametrize(("sample", "expected"), CASES, ids=IDS)
def test_participants(sample: Path, expected: Path) -> None:
    exp = json.loads(expected.read_text())
    draft = extract(sample.read_bytes())
    names = {a.name for a in draft.participants}
    missing = set(exp["participants"]) - names
    assert not missing, f"participants missing: {missing}; found {names}"


@pytest.mark.parametrize(("sample", "expected"), CASES, ids=IDS)
def test_topics(sample: Path, expected: Path) -> None:
    exp = json.loads(expected.read_text())
    draft = extract(sample.read_bytes())
    found = {t.id: t.status.value for t in draft.topics}
    assert set(found) == set(exp["topics"])


@pytest.mark.parametrize(("sample", "expected"), CASES, ids=IDS)
def test_statuses(sample: Path, expected: Path) -> None:
    exp = json.loads(expected.read_text())
    draft = extract(sample.read_bytes())
    found = {t.id: t.status.value for t in draft.topics}
    wrong = {k: (found.get(k), v) for k, v in exp["topics"].items() if found.get(k) != v}
    assert not wrong, f"(found, expected) statuses differ: {wrong}"


@pytest.mark.parametrize(("sample", "expected"), CASES, ids=IDS)
def test_quotes_and_speakers(sample: Path, expected: Path) -> None:
    exp = json.loads(expected.read_text())
    draft = extract(sample.read_bytes())
    found = {norm_quote(q.text): q for q in draft.quotes}
    want = {norm_quote(q["text"]): q for q in exp["quotes"]}
    assert sorted(set(want) - set(found)) == [], "quotes missed"
    assert sorted(set(found) - set(want)) == [], "spans wrongly taken as quotes"
    wrong = {
        t: (found[t].speaker, w["speaker"])
        for t, w in want.items()
        if found[t].speaker != w["speaker"]
    }
    assert not wrong, f"(found, expected) speakers differ: {wrong}"
    wrong_topic = {
        t: (found[t].topic, w["topic"])
        for t, w in want.items()
        if "topic" in w and found[t].topic != w["topic"]
    }
    assert not wrong_topic, f"(found, expected) quote topics differ: {wrong_topic}"
    for span in exp.get("not_quotes", []):
        assert norm_quote(span) not in found


@pytest.mark.parametrize(("sample", "expected"), CASES, ids=IDS)
def test_quote_offsets_point_into_text(sample: Path, expected: Path) -> None:
    draft = extract(sample.read_bytes())
    for q in draft.quotes:
        assert draft.text[q.start : q.end] == q.text
