"""BENCHMARKS.md is shared: each benchmark owns one `## ` section and rewrites only it."""

from __future__ import annotations

import os
import re
from pathlib import Path


def replace_section(path: Path, heading: str, body: str) -> None:
    """Put `body` (which starts with `## heading`) in place of that section, or append it.

    The file is read right before writing and replaced atomically, so the other
    sections stay as their owners last wrote them.
    """
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^## {re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    section = body.strip("\n") + "\n"
    if pattern.search(text):
        text = pattern.sub(lambda _m: section + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    tmp = path.with_suffix(".md.tmp")
    tmp.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    os.replace(tmp, path)
