"""Reading a user's file: one clear line for every way a path can be wrong."""

from __future__ import annotations

import os
import stat
from pathlib import Path

_CHUNK = 1024 * 1024


class UnreadableFile(ValueError):
    """The path cannot be read as asked; the message is one line naming it."""


def too_large(size: int | None, limit: int) -> str:
    """'too large (5.6 MB; limit 5 MB)', or '(more than 5 MB; ...)' when the size is unknown
    (a stream stops being read one byte past the limit)."""
    mb = 1024 * 1024
    shown = f"more than {limit / mb:g} MB" if size is None else f"{size / mb:.1f} MB"
    return f"too large ({shown}; limit {limit / mb:g} MB)"


def read_file(path: Path, *, limit: int | None = None, what: str = "file") -> bytes:
    """The bytes at `path`; `UnreadableFile` for a directory, a missing or forbidden path,
    a socket, or more than `limit` bytes.

    A FIFO or a device (`<(curl …)`, /dev/stdin, /dev/zero) has no size to check first: it
    is opened without waiting for a writer and read up to one byte past `limit`, so a pipe
    nobody writes to cannot hang the caller and /dev/zero cannot exhaust memory.
    """
    try:
        st = path.stat()
        mode = st.st_mode
        if stat.S_ISDIR(mode):
            raise UnreadableFile(f"{path}: is a directory, not an {what}")
        if stat.S_ISREG(mode):
            if limit is not None and st.st_size > limit:
                raise UnreadableFile(f"{path}: file is {too_large(st.st_size, limit)}")
            with path.open("rb") as fh:
                # The file may have grown since stat(); never read more than asked.
                data = fh.read() if limit is None else fh.read(limit + 1)
        elif stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            data = _read_stream(path, limit)
        else:
            raise UnreadableFile(f"{path}: is not a regular file (a socket?), not an {what}")
    except FileNotFoundError:
        raise UnreadableFile(f"{path}: no such file") from None
    except PermissionError:
        raise UnreadableFile(f"{path}: permission denied") from None
    except OSError as exc:
        raise UnreadableFile(f"{path}: cannot read ({exc.strerror})") from None
    if limit is not None and len(data) > limit:
        known = len(data) if stat.S_ISREG(mode) else None
        raise UnreadableFile(f"{path}: file is {too_large(known, limit)}")
    if not data and stat.S_ISFIFO(mode):
        raise UnreadableFile(f"{path}: is a pipe with nothing written to it")
    return data


def _read_stream(path: Path, limit: int | None) -> bytes:
    """A FIFO or device, read in chunks up to one byte past `limit`."""
    # O_NONBLOCK: open() on a FIFO with no writer returns at once instead of waiting for
    # one, and a read then finds no writer: EOF. Reads are blocking again after open, so a
    # writer that is there (process substitution) is read to its end.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        held = 0
        while limit is None or held <= limit:
            want = _CHUNK if limit is None else min(_CHUNK, limit + 1 - held)
            chunk = os.read(fd, want)
            if not chunk:
                break
            chunks.append(chunk)
            held += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
