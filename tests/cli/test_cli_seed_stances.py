"""The user's example article (../shared/seed/, see its README): `bilat extract --json` must
give the US position on Russia-Ukraine, China's positions on Taiwan and on trade or
technology, and the commitment to hold the first talks on AI. The article is someone else's
text: it is read from the shared folder, never copied into the repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import ROOT, Run

SEED = ROOT.parent / "shared" / "seed" / "factbox-blinken-beijing-2024-04-26.txt"
if not SEED.exists():  # a worktree sits one level deeper than the main checkout
    SEED = Path("/work/shared/seed/factbox-blinken-beijing-2024-04-26.txt")

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="the user's seed article is absent")


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, object]]]:
    import subprocess

    from bilat_process import bilat_cmd, env_for

    store = tmp_path_factory.mktemp("seed") / "bilat.db"
    proc = subprocess.run([*bilat_cmd(), "extract", "--json", str(SEED)], capture_output=True,
                          text=True, timeout=120, env=env_for(store),
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert isinstance(data, dict)
    return data


def _sides(draft: dict[str, list[dict[str, object]]], topic: str) -> set[object]:
    return {p["side"] for p in draft["positions"] if p["topic"] == topic}


def test_the_us_position_on_russia_ukraine(draft: dict[str, list[dict[str, object]]]) -> None:
    assert "United States" in _sides(draft, "russia-ukraine")
    [concern] = [p for p in draft["positions"] if p["topic"] == "russia-ukraine"
                 and p["side"] == "United States" and p["kind"] == "concern"]
    assert "support for Russia" in str(concern["text"])
    assert concern["speaker"] == "Antony Blinken"


def test_chinas_positions_on_taiwan_and_on_trade_or_technology(
    draft: dict[str, list[dict[str, object]]],
) -> None:
    assert "China" in _sides(draft, "taiwan")
    assert "China" in _sides(draft, "trade") | _sides(draft, "technology")
    red_lines = [p for p in draft["positions"] if p["topic"] == "taiwan" and p["side"] == "China"]
    assert any("red lines" in str(p["text"]) and p["speaker"] == "Wang Yi" for p in red_lines)


def test_the_commitment_to_hold_the_first_ai_talks(
    draft: dict[str, list[dict[str, object]]],
) -> None:
    [ai] = [c for c in draft["commitments"] if c["topic"] == "ai"]
    assert "hold their first talks on artificial intelligence" in str(ai["text"])
    assert ai["due"] == "in coming weeks"
    assert sorted(ai["parties"]) == ["China", "United States"]  # type: ignore[arg-type]


def test_the_seed_is_read_not_stored(run: Run, store_path: Path) -> None:
    """`extract` only reads: the user's store is left as it was (no file made)."""
    proc = run("extract", "--json", str(SEED))
    assert proc.returncode == 0, proc.stderr
    assert not store_path.exists()


def _topics(draft: dict[str, list[dict[str, object]]]) -> dict[object, object]:
    return {t["id"]: t["status"] for t in draft["topics"]}


def test_the_seeds_topics_are_the_issues_its_readme_lists(
    draft: dict[str, list[dict[str, object]]],
) -> None:
    found = _topics(draft)
    assert {"russia-ukraine", "taiwan", "south-china-sea", "trade", "fentanyl", "ai",
            "people-to-people"} <= set(found)
    assert found["ai"] == "agreement"  # the first talks on AI, agreed at this meeting


def test_a_bill_one_side_signed_before_the_visit_is_no_military_agreement(
    draft: dict[str, list[dict[str, object]]],
) -> None:
    """The leader of one side signed a defence bill hours before the visitor landed: a
    domestic act, neither a topic of the talks nor a deal between the sides."""
    found = _topics(draft)
    assert "military" not in found
    assert [t for t, s in found.items() if s == "agreement"] == ["ai"]
