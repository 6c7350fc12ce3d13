"""Reading a user's file: one clear line for every way a path can be wrong."""

from __future__ import annotations

from pathlib import Path


class UnreadableFile(ValueError):
    """The path cannot be read as asked; the message is one line naming it."""


def read_file(path: Path, *, limit: int | None = None, what: str = "file") -> bytes:
    """The bytes at `path`; `UnreadableFile` for a directory, a missing or
    forbidden path, or a file larger than `limit` bytes."""
    try:
        if path.is_dir():
            raise UnreadableFile(f"{path}: is a directory, not an {what}")
        size = path.stat().st_size
        if limit is not None and size > limit:
            raise UnreadableFile(
                f"{path}: file is too large ({size / 1024 / 1024:.0f} MB; "
                f"limit {limit // 1024 // 1024} MB)"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile(f"{path}: no such file") from None
    except PermissionError:
        raise UnreadableFile(f"{path}: permission denied") from None
    except OSError as exc:
        raise UnreadableFile(f"{path}: cannot read ({exc.strerror})") from None
