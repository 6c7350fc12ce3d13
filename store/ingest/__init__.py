"""Article text -> MeetingDraft. Pure: no IO, no database, no network."""

from store.ingest.pipeline import extract
from store.ingest.types import IngestError

__all__ = ["IngestError", "extract"]
