"""Time buckets for the timeline: months, quarters or years, as consecutive integers.

Pure (no Textual), shared by the timeline screen; each bucket is one cell on the axis,
so a stretch without meetings shows as a gap of that length.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

Zoom = Literal["month", "quarter", "year"]
ZOOMS: tuple[Zoom, ...] = ("month", "quarter", "year")
CELL = {"month": 4, "quarter": 4, "year": 6}
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def bucket(day: date, zoom: Zoom) -> int:
    """The bucket holding `day`: consecutive integers for consecutive months/quarters/years."""
    if zoom == "year":
        return day.year
    if zoom == "quarter":
        return day.year * 4 + (day.month - 1) // 3
    return day.year * 12 + day.month - 1


def bucket_year(index: int, zoom: Zoom) -> int:
    if zoom == "year":
        return index
    return index // (4 if zoom == "quarter" else 12)


def bucket_label(index: int, zoom: Zoom) -> str:
    """'Mar', 'Q2' or '2024': the axis's lower line."""
    if zoom == "year":
        return str(index)
    if zoom == "quarter":
        return f"Q{index % 4 + 1}"
    return MONTHS[index % 12]


def year_starts(first: int, last: int, zoom: Zoom) -> dict[int, str]:
    """Buckets at which a year begins (and the first one), labelled with the year."""
    labels: dict[int, str] = {}
    for index in range(first, last + 1):
        year = bucket_year(index, zoom)
        if index == first or bucket_year(index - 1, zoom) != year:
            labels[index] = str(year)
    return labels


def bucket_start(index: int, zoom: Zoom) -> date:
    """The first day of a bucket: where a page of older meetings must reach back to."""
    if zoom == "year":
        return date(index, 1, 1)
    if zoom == "quarter":
        return date(index // 4, (index % 4) * 3 + 1, 1)
    return date(index // 12, index % 12 + 1, 1)
