"""bilat's two themes: Textual's dark and light, with the text colours that were too faint.

Measured by tests/dashboard/test_contrast.py: every text colour on screen reaches 4.5:1
against its background. Textual's light theme draws its accent, warning and success
text, and the footer keys, at about 3:1 on its light greys; these are darker here.
"""

from __future__ import annotations

from dataclasses import replace

from textual.theme import BUILTIN_THEMES, Theme

DARK_THEME = "bilat-dark"
LIGHT_THEME = "bilat-light"


def _derive(base: str, name: str, variables: dict[str, str]) -> Theme:
    theme = BUILTIN_THEMES[base]
    return replace(theme, name=name, variables={**theme.variables, **variables})


THEMES = [
    _derive("textual-dark", DARK_THEME, {
        "text-secondary": "#86AED0",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-background": "#0062B8",
    }),
    _derive("textual-light", LIGHT_THEME, {
        "text-muted": "auto 75%",
        "text-accent": "#7A4A08",
        "text-warning": "#7A4A08",
        "text-success": "#1E5E33",
        "footer-key-foreground": "#004578",
    }),
]
