"""Stage 8: money, counts, percentages and durations."""

from __future__ import annotations

import pytest

from store.ingest.figures import find_figures
from store.ingest.structure import split_paragraphs
from store.models import Figure


def figs(text: str) -> list[Figure]:
    return find_figures(text, split_paragraphs(text, 0, len(text)))


@pytest.mark.parametrize(
    ("text", "written", "value", "unit", "noun"),
    [
        ("Congress approved $61 billion for Ukraine last week.", "$61 billion", 61e9, "USD",
         "Ukraine"),
        ("The package includes $8 billion in military aid.", "$8 billion", 8e9, "USD",
         "military aid"),
        ("Beijing pledged 100 billion yuan in loans to the region.", "100 billion yuan", 1e11,
         "CNY",
         "loans"),
        ("The EU fined it 3.5 million euros.", "3.5 million euros", 3.5e6, "EUR", ""),
        ("More than 290,000 Chinese students study in the United States.", "More than 290,000",
         290000, "count", "Chinese students"),
        ("There are fewer than 900 Americans studying in China.", "fewer than 900", 900, "count",
         "Americans"),
        ("The Pentagon has 10,000 troops in the region.", "10,000", 10000, "count", "troops"),
        ("Washington raised tariffs to 25% on steel.", "25%", 25, "percent", ""),
        ("A 100 percent tariff on electric vehicles took effect.", "100 percent", 100, "percent",
         "tariff"),
        ("Three detained Americans were freed.", "Three", 3, "count", "detained Americans"),
        ("Dozens of journalists waited outside.", "Dozens", None, "count", "journalists"),
        ("The talks lasted four hours.", "four hours", 4, "hours", ""),
    ],
)
def test_figure_kinds(text: str, written: str, value: float | None, unit: str, noun: str) -> None:
    found = figs(text)
    assert [f.text for f in found] == [written]
    f = found[0]
    assert f.value == value
    assert f.unit == unit
    assert f.noun == noun
    assert text[f.start:f.end] == written


def test_compound_duration_is_one_figure() -> None:
    found = figs("Xi and Blinken met for one hour, 20 minutes.")
    assert [(f.text, f.value, f.unit) for f in found] == [("one hour, 20 minutes", 80, "minutes")]


@pytest.mark.parametrize(
    "text",
    [
        "On April 26, 2024 the two met.",
        "They met on 16 November at 11:17 a.m. in Woodside.",
        "The talks were the 23rd round since 2019.",
        "The two leaders and the two sides met at 3 p.m.",
        "He briefed the No. 2 official, a 23-year-old aide, before the G20 summit.",
        "One of the officials said so.",
        "Section 301 duties were discussed in 2023.",
        "They held a two-day visit.",
    ],
)
def test_not_figures(text: str) -> None:
    assert figs(text) == []


def test_figures_carry_their_paragraph() -> None:
    text = "Intro without numbers.\n\nBeijing holds $775 billion of Treasuries."
    (f,) = figs(text)
    assert f.paragraph == 1
    assert f.noun == "Treasuries"
