"""JSON: the store's full dump (`StoreDump`), which `bilat import` reads back.

`chunks` writes it a batch at a time, the same bytes as pydantic writes the whole
`StoreDump` (`render`): the document's frame is pydantic's own dump of an empty
`StoreDump`, and each batch of rows is dumped by pydantic as a list and indented
one level deeper (JSON strings hold no raw line breaks, so lines can be indented).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, TypeAdapter

from store.export.select import Scope, narrow_dump
from store.models import StoreDump

Batches = Callable[[], Iterator[list[BaseModel]]]


def render(dump: StoreDump, scope: Scope) -> str:
    """The dump (narrowed when filters are given) as indented JSON, from a dump in memory."""
    return narrow_dump(dump, scope).model_dump_json(indent=1) + "\n"


@lru_cache(maxsize=None)
def _adapter(field: str) -> TypeAdapter[Any]:
    return TypeAdapter(StoreDump.model_fields[field].annotation)


def chunks(schema_version: int, sections: dict[str, Batches]) -> Iterator[str]:
    """The dump as `render` writes it, from its lists read a batch at a time."""
    frame = StoreDump(schema_version=schema_version).model_dump_json(indent=1) + "\n"
    pos = 0
    for name, batches in sections.items():
        empty = f'\n "{name}": []'
        at = frame.index(empty, pos) + len(empty) - 1  # the `]` of the empty list
        yield frame[pos:at]
        pos = at
        sep = "\n"
        for batch in batches():
            if not batch:
                continue
            text = _adapter(name).dump_json(batch, indent=1).decode("utf-8")
            # "[\n {...},\n {...}\n]": the rows, one level deeper than a list of its own.
            yield sep + " " + text[2:-2].replace("\n", "\n ")
            sep = ",\n"
        if sep != "\n":
            yield "\n "
    yield frame[pos:]
