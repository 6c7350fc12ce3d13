"""A throwaway store seeded from the repository's sample articles."""

from __future__ import annotations

from pathlib import Path

from store.db import DuplicateArticle, Store
from store.ingest import IngestError, extract

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"


def sample_files(folder: Path = SAMPLES) -> list[Path]:
    """Sample articles in a stable order (their names start with the date)."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name != "README.md")


def seed_demo_store(path: Path, folder: Path = SAMPLES) -> Store:
    """Open a new store at `path` holding every sample article."""
    store = Store.open(path)
    for file in sample_files(folder):
        try:
            store.add_draft(extract(file.read_bytes()))
        except (IngestError, DuplicateArticle):
            continue  # a sample that does not read is a test failure elsewhere, not a demo crash
    store.commitments()  # walks every pair now (stored): the first board need not
    return store
