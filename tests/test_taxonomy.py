"""The default taxonomy and the user's topics.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.ingest import extract
from store.ingest.keywords import parse_keyword
from store.taxonomy import (
    DEFAULT_TOPIC_IDS,
    TaxonomyError,
    default_topics,
    load_topics,
    merge_topics,
)

DESIGN_IDS = [
    "russia-ukraine", "taiwan", "south-china-sea", "territorial", "trade", "technology",
    "fentanyl", "ai", "military", "people-to-people", "climate", "human-rights",
    "middle-east", "korean-peninsula", "cyber", "relations",
]


def test_defaults_keep_the_design_ids_with_names_keywords_and_descriptions() -> None:
    topics = default_topics()
    assert [t.id for t in topics] == DESIGN_IDS == DEFAULT_TOPIC_IDS
    names = {t.id: t.name for t in topics}
    assert names["technology"] == "Technology & export controls"
    assert names["relations"] == "Overall relations"
    assert names["russia-ukraine"] == "Russia\u2013Ukraine"
    for t in topics:
        assert len(t.keywords) >= 5, t.id
        assert t.description, t.id
        for k in t.keywords:
            parse_keyword(k)  # every default keyword is valid


def test_defaults_are_fresh_copies() -> None:
    a = default_topics()
    a[0].keywords.append("zzz")
    assert "zzz" not in default_topics()[0].keywords


def test_merge_adds_renames_extends_and_replaces() -> None:
    data = {"topics": {
        "taiwan": {"name": "Taiwan Strait", "keywords": ["Kinmen"]},
        "climate": {"keywords": ["+COP30"], "replace_keywords": True},
        "rare-earths": {"name": "Rare earths", "keywords": ["rare earth*", "gallium"],
                        "description": "Critical minerals."},
    }}
    merged = merge_topics(default_topics(), data)
    by_id = {t.id: t for t in merged}
    assert [t.id for t in merged][:16] == DESIGN_IDS
    assert merged[-1].id == "rare-earths"
    assert by_id["taiwan"].name == "Taiwan Strait"
    assert "Kinmen" in by_id["taiwan"].keywords and "Taipei" in by_id["taiwan"].keywords
    assert by_id["climate"].keywords == ["+COP30"]
    assert by_id["rare-earths"].description == "Critical minerals."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"topic": {}}, "unknown top-level key"),
        ({"topics": {"Bad Id": {"keywords": ["x"]}}}, "lower-case"),
        ({"topics": {"taiwan": {"keywords": "Kinmen"}}}, "list of strings"),
        ({"topics": {"taiwan": {"colour": "red"}}}, "unknown key"),
        ({"topics": {"new-topic": {"name": "New"}}}, "needs at least one keyword"),
        ({"topics": {"taiwan": {"keywords": ["ta*wan"]}}}, "'*'"),
        ({"topics": {"taiwan": {"name": ""}}}, "non-empty"),
        ({"topics": {"taiwan": {"replace_keywords": "yes"}}}, "true or false"),
    ],
)
def test_merge_rejects_malformed_data(data: dict[str, object], message: str) -> None:
    with pytest.raises(TaxonomyError, match=message):
        merge_topics(default_topics(), data)


def test_load_reads_toml_and_missing_file_means_defaults(tmp_path: Path) -> None:
    assert [t.id for t in load_topics(tmp_path / "none.toml")] == DESIGN_IDS
    path = tmp_path / "topics.toml"
    path.write_text(
        '[topics.rare-earths]\nname = "Rare earths"\nkeywords = ["rare earth*", "+gallium"]\n',
        encoding="utf-8",
    )
    assert load_topics(path)[-1].name == "Rare earths"


@pytest.mark.parametrize(
    "content",
    [b"[topics.taiwan\nname = 1", b"\xff\xfe\x00garbage", b'[topics.taiwan]\nname = 3\n'],
)
def test_broken_file_is_one_clear_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "topics.toml"
    path.write_bytes(content)
    with pytest.raises(TaxonomyError) as info:
        load_topics(path)
    message = str(info.value)
    assert str(path) in message
    assert "\n" not in message


def test_default_path_is_the_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "bilat").mkdir()
    (tmp_path / "bilat" / "topics.toml").write_text(
        '[topics.trade]\nname = "Trade & tariffs"\n', encoding="utf-8")
    assert {t.id: t.name for t in load_topics()}["trade"] == "Trade & tariffs"


def test_user_topics_change_what_extract_finds(tmp_path: Path) -> None:
    path = tmp_path / "topics.toml"
    path.write_text('[topics.rare-earths]\nname = "Rare earths"\nkeywords = ["+gallium",'
                    ' "rare earth*"]\n', encoding="utf-8")
    article = ("China and the United States held talks in Beijing on Monday.\n\n"
               "Officials said Beijing had agreed to ease its curbs on gallium and rare earths"
               " exports.\n")
    without = extract(article, topics=default_topics())
    with_user = extract(article, topics=load_topics(path))
    assert "rare-earths" not in {e.id for e in without.topics}
    entry = {e.id: e for e in with_user.topics}["rare-earths"]
    assert entry.name == "Rare earths"
    assert entry.status.value == "agreement"
