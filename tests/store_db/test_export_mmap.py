"""A streamed export reads the store through a memory map while it runs, and the store's
connection reads as before once it ends, or once a half-taken export is dropped (the TUI
keeps its connection open across exports)."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.db import Store
from store.export import MAP_BYTES, chunks, write_export

from .synthetic import draft, with_stances


def _mapped(store: Store) -> int:
    return int(store.conn.execute("PRAGMA mmap_size").fetchone()[0])


@pytest.mark.parametrize("fmt", ["md", "timelinejs", "csv", "html"])
def test_an_export_maps_the_file_only_while_it_runs(tmp_path: Path, fmt: str) -> None:
    with Store.open(tmp_path / "bilat.db") as store:
        for i in range(3):
            store.add_draft(with_stances(draft(i)), new_meeting=True)
        assert _mapped(store) == 0
        pieces = chunks(store, fmt)
        next(pieces)
        assert _mapped(store) == MAP_BYTES
        pieces.close()  # dropped half-way, as a cancelled TUI export is
        assert _mapped(store) == 0
        write_export(store, fmt, tmp_path / f"out.{fmt}")
        assert _mapped(store) == 0
        assert (tmp_path / f"out.{fmt}").stat().st_size > 0
