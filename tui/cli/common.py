"""What every `bilat` command shares: parsing arguments, opening the store, printing data,
asking yes/no. It imports no command module."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TypeAlias, TypeVar

from pydantic import BaseModel

from store import paths
from store.db import Store
from store.files import UnreadableFile, read_file, too_large
from store.ingest.decode import MAX_BYTES, strip_controls
from store.models import Status, Topic


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code 2."""


def open_store(args: argparse.Namespace, *, create: bool = True) -> Store:
    """The store named by --store / $BILAT_STORE / the data dir. StoreError passes up to main.

    `create=False` (read commands): a store whose folder does not exist reads as an
    empty one, held in memory, so that a mistyped --store never creates folders.
    """
    path = paths.store_path(getattr(args, "store", None))
    if not create and not path.parent.exists():
        return Store.open(":memory:")
    return Store.open(path)


def clean_for_terminal(text: str) -> str:
    """Stored text made safe to print: escape sequences and C0/C1 control characters removed
    (newline and tab kept), so a title can neither clear the screen, retitle the window nor
    set the clipboard (OSC 52). Ingest drops them already; old stores and imports still hold
    them. Use it on every line of stored text a command prints, errors included."""
    return strip_controls(text)


# JSON escapes C0 controls itself, but with ensure_ascii=False it writes DEL and the C1
# controls (0x9b is an 8-bit CSI) raw. They can only stand inside strings, where \uXXXX is
# the same character: the data stays whole and the terminal sees plain ASCII.
_RAW_IN_JSON = re.compile("[\x7f-\x9f]")


def json_for_terminal(text: str) -> str:
    """JSON text with every control character escaped; same data, nothing a terminal runs."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def print_json(data: Any) -> None:
    """Data as indented JSON on stdout; pydantic models (and lists of them) in JSON mode."""
    def plain(value: Any) -> Any:
        if isinstance(value, BaseModel):
            return value.model_dump(mode="json")
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value

    print(json_for_terminal(json.dumps(plain(data), indent=2, ensure_ascii=False)))


def confirm(question: str) -> bool:
    """Ask on the terminal; only called when stdin is a tty."""
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().casefold() in {"y", "yes"}


def find_topic(topics: Sequence[Topic], raw: str) -> Topic:
    """A topic by id or name, any case; a unique prefix of either also works."""
    key = raw.strip().casefold()
    for t in topics:
        if key in (t.id.casefold(), t.name.casefold()):
            return t
    hits = [t for t in topics
            if t.id.casefold().startswith(key) or t.name.casefold().startswith(key)]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise CliError(f"topic {raw!r} is ambiguous: {', '.join(t.id for t in hits)}")
    raise CliError(f"no topic {raw!r} (see `bilat topics` or the ids: "
                   f"{', '.join(t.id for t in topics)})")


# The largest number SQLite stores (64-bit signed INTEGER): every id and count is below it.
MAX_NUMBER = 2**63 - 1


def _shown(value: str) -> str:
    return repr(value) if len(value) <= 30 else f"a number of {len(value)} digits"


def parse_meeting_id(value: str) -> int:
    """'3' or '#3' -> 3; one line for anything that cannot be a meeting's number."""
    try:
        n = int(value.lstrip("#"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a meeting number: {_shown(value)}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a meeting number: {_shown(value)}")
    if n > MAX_NUMBER:
        raise argparse.ArgumentTypeError(
            f"meeting number out of range: {_shown(value)} (at most {MAX_NUMBER})")
    return n


def parse_count(value: str) -> int:
    """A count (--last, --limit): 0 or more, refused with one line when negative or huge."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {_shown(value)}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"cannot be negative: {_shown(value)}")
    if n > MAX_NUMBER:
        raise argparse.ArgumentTypeError(
            f"out of range: {_shown(value)} (at most {MAX_NUMBER})")
    return n


def parse_status(value: str) -> Status | None:
    """A status name (or its first letters), or `auto` (None: back to the extracted one)."""
    key = value.strip().casefold()
    if key == "auto":
        return None
    for s in Status:
        if s.value == key:
            return s
    hits = [s for s in Status if s.value.startswith(key)] if key else []
    if len(hits) == 1:
        return hits[0]
    choices = ", ".join(s.value for s in Status.ordered())
    raise argparse.ArgumentTypeError(f"not a status: {value!r} (choose {choices} or auto)")


def stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def stdin_is_tty() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def trend_arrow(trend: int) -> str:
    return {1: "↑", -1: "↓"}.get(trend, "→")


# --- argument parsing ---------------------------------------------------------

Handler = Callable[[argparse.Namespace], int]


class OneLineParser(argparse.ArgumentParser):
    """Usage errors as one line too, like every other failure (subcommands inherit it)."""

    def error(self, message: str) -> NoReturn:
        message = clean_for_terminal(message)  # it may quote what was typed
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


# What each command module's register() receives.
SubParsers: TypeAlias = "argparse._SubParsersAction[OneLineParser]"


P = TypeVar("P", bound=argparse.ArgumentParser)


def with_json(p: P) -> P:
    """Give a data command its --json flag."""
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    return p


DYAD_HELP = 'the two countries, e.g. "China,United States" (default: most meetings)'


# Meetings are placed by their date a day either way; the calendar's first and last days
# leave no room for that (OverflowError), and no meeting is dated there anyway.
FIRST_DATE, LAST_DATE = date(1000, 1, 1), date(2999, 12, 31)


def parse_date(value: str) -> date:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date (want YYYY-MM-DD): {_shown(value)}") from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise argparse.ArgumentTypeError(
            f"date out of range: {value!r} (years {FIRST_DATE.year} to {LAST_DATE.year})")
    return day


def parse_dyad(value: str) -> list[str]:
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(
            f'want two countries like "China,United States": {value!r}'
        )
    return sorted(parts)


def read_input(path: str) -> bytes:
    """Bytes of a file or of stdin ('-'), with one clear error for every bad path."""
    if path == "-":
        if sys.stdin is None:  # started with `<&-`: Python has no stdin object at all
            raise CliError("-: stdin is closed; give a file, or pipe the article in")
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            # Reading stopped one byte past the cap: the true size is unknown, not 5.0 MB.
            raise CliError(f"-: stdin is {too_large(None, MAX_BYTES)}")
        return data
    try:
        return read_file(Path(path), limit=MAX_BYTES, what="article file")
    except UnreadableFile as exc:
        raise CliError(str(exc)) from None
