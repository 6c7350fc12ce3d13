"""The store's errors: every one prints as one clear line for the user."""

from __future__ import annotations


class StoreError(Exception):
    """Anything the store refuses or cannot do; `str()` is one line for the user."""


class DuplicateArticle(StoreError):
    """The same article (same sha256) is already stored."""


class StoreBusy(StoreError):
    """Another process holds the write lock longer than the busy timeout."""

    def __init__(self, message: str = "store is busy: another bilat is writing; try again") -> None:
        super().__init__(message)


class StoreCorrupt(StoreError):
    """The file at the store path is not a bilat store, or is damaged. It is never overwritten."""


class StoreUnwritable(StoreError):
    """Writes fail for the whole store (read-only, disk full, file size limit)."""
