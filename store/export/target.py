"""Where an export goes: the kind of path decides how it is written.

- a regular file, or none yet: a temp file beside it, then `os.replace` (a failed
  export leaves no half-written file, and the old one stays until the new is whole);
- a symlink: followed, and its target written that way (the link stays a link);
- a device or a FIFO (`/dev/stdout`, a named pipe): written as a stream, never
  replaced (as root, replacing `/dev/null` with a file breaks the machine);
- an existing file is replaced only when the caller says so (`overwrite`), and a
  file nobody may write (no write bit, or no permission) is refused.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


class ExportTargetError(OSError):
    """The path cannot take the export; the message says why in one line."""


def _mode_for(path: Path) -> int:
    """The file's current mode when replacing it, else 0644.

    (Reading the umask means setting it, which races with other threads: the TUI
    exports from a worker.)
    """
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o644


def is_stream(path: Path) -> bool:
    """A device or FIFO (after following links): written in place, never replaced."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode)


def existing_file(path: Path) -> Path | None:
    """The regular file an export to `path` would replace (a symlink's target), if any."""
    real = Path(os.path.realpath(path))
    try:
        mode = os.stat(real).st_mode
    except OSError:
        return None
    return real if stat.S_ISREG(mode) else None


def check_target(path: Path, *, overwrite: bool) -> None:
    """Refuse, before any work is done, a path the export must not be written to."""
    if is_stream(path):
        return
    real = Path(os.path.realpath(path))
    if real.is_dir():
        raise ExportTargetError(f"{path}: is a directory")
    if os.path.lexists(real) and not real.is_file():
        raise ExportTargetError(f"{path}: not a regular file, a device or a FIFO")
    existing = existing_file(path)
    if existing is None:
        return
    mode = existing.stat().st_mode
    if not mode & 0o222 or not os.access(existing, os.W_OK):
        # root may write anything: a file with no write bit was made read-only on purpose.
        raise ExportTargetError(f"{path}: file is read-only; not overwritten")
    if not overwrite:
        raise FileExistsError(f"{path}: file exists; not overwritten")


def write_chunks(path: Path, chunks: Iterable[str], *, overwrite: bool = True) -> None:
    """Write the pieces to `path` as its kind asks (see the module docstring).

    FileExistsError when the file exists and `overwrite` is false; ExportTargetError
    for a path that cannot take it; other OSErrors from the writing itself.
    """
    path = Path(path)
    check_target(path, overwrite=overwrite)
    if is_stream(path):
        # "a", not "w": no truncation, no creation; a FIFO waits here for its reader.
        with open(path, "a", encoding="utf-8", newline="") as fh:
            for piece in chunks:
                fh.write(piece)
        return
    real = Path(os.path.realpath(path))
    fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    try:
        # mkstemp makes the file private (0600); an export is an ordinary file.
        os.chmod(tmp, _mode_for(real))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            for piece in chunks:
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
