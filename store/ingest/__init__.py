"""Article text -> MeetingDraft. Pure: no IO, no database, no network."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from store.ingest.pipeline import extract
    from store.ingest.types import IngestError

__all__ = ["IngestError", "extract"]

# Importing the pipeline compiles every rule's patterns (a third of a second). A light
# submodule (`decode`, `types`), imported by every `bilat` command, must not pay for it, so
# the package's own names are loaded on first use (PEP 562).
_LAZY = {"extract": "store.ingest.pipeline", "IngestError": "store.ingest.types"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
