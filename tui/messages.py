"""Messages the screens post to each other, named as facts."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from store.models import AddResult, MeetingDraft


class ArticleIngested(Message):
    """An article was read into a draft, ready for review."""

    def __init__(self, draft: MeetingDraft, origin: str) -> None:
        super().__init__()
        self.draft = draft
        self.origin = origin


class MeetingSaved(Message):
    """A reviewed draft is in the store."""

    def __init__(self, result: AddResult, title: str) -> None:
        super().__init__()
        self.result = result
        self.title = title


class ExportWritten(Message):
    """An export file was written."""

    def __init__(self, path: Path, fmt: str) -> None:
        super().__init__()
        self.path = path
        self.fmt = fmt


class StoreChanged(Message):
    """Something in the store changed; views showing it should reload."""
