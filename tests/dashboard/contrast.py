"""WCAG contrast of what is on screen: every text segment's colour against its background."""

from __future__ import annotations

from dataclasses import dataclass

from rich.color import Color
from rich.style import Style
from textual.app import App
from textual.geometry import Region

MINIMUM = 4.5
# Lines and blocks (borders, scrollbars, the sparkline, tab underlines) are drawing, not text.
DRAWING = set(range(0x2500, 0x25A0))


def luminance(color: Color) -> float:
    r, g, b = color.get_truecolor()

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(fg: Color, bg: Color) -> float:
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@dataclass(frozen=True)
class Low:
    text: str
    fg: str
    bg: str
    ratio: float


def low_contrast(app: App[None], region: Region | None = None) -> list[Low]:
    """Every visible text segment of the screen (or of `region`) below MINIMUM.

    One entry per colour pair. A dialog is checked inside its own region: the screen
    dimmed behind it is not meant to be read.
    """
    found: dict[tuple[str, str], Low] = {}
    strips = app.screen._compositor.render_strips()
    if region is not None:
        strips = [s.crop(region.x, region.right) for s in strips[region.y : region.bottom]]
    for strip in strips:
        for segment in strip:
            text = "".join(ch for ch in segment.text if ord(ch) not in DRAWING).strip()
            style = segment.style or Style()
            if not text or style.color is None or style.bgcolor is None:
                continue
            fg, bg = style.color, style.bgcolor
            if style.reverse:
                fg, bg = bg, fg
            ratio = contrast(fg, bg)
            if ratio < MINIMUM:
                key = (fg.get_truecolor().hex, bg.get_truecolor().hex)
                found.setdefault(key, Low(text[:30], key[0], key[1], round(ratio, 2)))
    return list(found.values())
