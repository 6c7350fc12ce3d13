"""JSON: the store's full dump (`StoreDump`), which `bilat import` reads back.

`chunks` writes it a batch at a time, the same bytes as pydantic writes the whole
`StoreDump` (`render`): the document's frame is pydantic's own dump of an empty
`StoreDump`, and each batch of rows is dumped by pydantic as a list and indented
one level deeper (JSON strings hold no raw line breaks, so lines can be indented).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pydantic_core import to_json

from store.export.select import Scope, narrow_dump
from store.models import StoreDump

Batches = Callable[[], Iterator[list[Any]]]


def render(dump: StoreDump, scope: Scope) -> str:
    """The dump (narrowed when filters are given) as indented JSON, from a dump in memory."""
    return narrow_dump(dump, scope).model_dump_json(indent=1) + "\n"


def chunks(schema_version: int, sections: dict[str, Batches]) -> Iterator[str]:
    """The dump as `render` writes it, from its lists read a batch at a time.

    The rows are plain dicts in the models' field order (`store.db.dump`); pydantic_core
    writes them with the serializer it uses for the models. A batch is written as the
    value of a key of an object, so its rows come out at the depth of StoreDump's lists
    (two spaces): the text between that list's brackets is the batch, as it stands.
    """
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
            text = to_json({"": batch}, indent=1).decode("utf-8")
            # '{\n "": [\n  {...},\n  {...}\n ]\n}': the rows are text[9:-5].
            yield sep + text[9:-5]
            sep = ",\n"
        if sep != "\n":
            yield "\n "
    yield frame[pos:]
