"""Ingest stays linear on hostile shapes: doubling the input must not much more than double
the time (issue 10, item 6). Each shape was quadratic once: a long run of spaces made the
inline-credit pattern retry from every space; a sentence of many dates re-searched the whole
sentence for a meeting word once per date.

The ratio of two timings on the same machine, each the best of three runs of CPU time (not
wall time: other processes on a busy machine do not count), is what is checked, not a limit.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from store.ingest import extract


def _best_of_three(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        extract(text)
        best = min(best, time.process_time() - t0)
    return best


def _spaces(n: int) -> str:
    return "Envoys met in Oslo on Friday.\n\na" + " " * (n * 100) + "b"


def _dates(n: int) -> str:
    days = ", ".join(f"June {i % 28 + 1}, 2024" for i in range(n))
    return f"Talks\n\nBy a reporter June 3, 2024\n\nThe envoys listed {days}."


def _quotes(n: int) -> str:
    said = " ".join(f'"Point {i} stands," the envoy said.' for i in range(n))
    return f"Talks\n\nEnvoys met in Oslo on Friday. {said}"


def _names(n: int) -> str:
    people = " ".join(f"Minister Anna Berg{i} spoke." for i in range(n))
    return f"Talks\n\nEnvoys met in Oslo on Friday. {people}"


def _sources(n: int) -> str:
    # no full stop, a source every few words: each one's clause end and telling verb were
    # once looked for to the end of the run
    run = "According to Berg, the border must stay open and tolls must fall for lorries " * n
    return f"Talks\n\nEnvoys met in Oslo on Friday. {run}."


@pytest.mark.parametrize("make", [_spaces, _dates, _quotes, _names, _sources],
                         ids=["spaces", "dates", "quotes", "names", "sources"])
def test_doubling_the_input_less_than_triples_the_time(make: Callable[[int], str]) -> None:
    small, large = _best_of_three(make(1000)), _best_of_three(make(2000))
    assert large < 3 * max(small, 0.005), f"{small:.3f}s -> {large:.3f}s for twice the input"
