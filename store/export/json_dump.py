"""JSON: the store's full dump (`StoreDump`), which `bilat import` reads back."""

from __future__ import annotations

from store.export.select import Scope, narrow_dump
from store.models import StoreDump


def render(dump: StoreDump, scope: Scope) -> str:
    """The dump (narrowed when filters are given) as indented JSON."""
    return narrow_dump(dump, scope).model_dump_json(indent=1) + "\n"
