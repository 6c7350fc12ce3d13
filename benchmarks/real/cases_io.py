"""Reading the real-article set: cases, their cached texts, and key normalization.

Shared by `check_cases.py` (are the gold answers consistent with the texts?) and
`score.py` (how well does ingest do on them?). Pure standard library.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases.json"
# $BILAT_REAL_CACHE points a second checkout (a git worktree) at one shared cache.
CACHE = Path(os.environ.get("BILAT_REAL_CACHE") or HERE / "cache")

_NOT_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def norm_key(text: str) -> str:
    """Lowercase; every run of non-letters/digits becomes one space."""
    return _NOT_ALNUM.sub(" ", text.lower()).strip()


def load_cases() -> list[dict[str, Any]]:
    """Every case of cases.json."""
    data: list[dict[str, Any]] = json.loads(CASES.read_text(encoding="utf-8"))
    return data


def cached_text(case: dict[str, Any]) -> str | None:
    """The saved text of a case, or None when the cache lacks it."""
    path = CACHE / f"{case['id']}.txt"
    return path.read_text(encoding="utf-8") if path.exists() else None


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
