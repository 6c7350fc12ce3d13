"""`bilat export` and `bilat import`: the store to files and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pydantic import ValidationError

from store.db import Store
from store.db.dump import parse as parse_dump
from store.export import ExportTargetError, chunks, existing_file, write_export
from store.export.target import check_target
from store.files import UnreadableFile, read_file
from store.models import StoreDump
from tui.cli.common import (
    CliError,
    SubParsers,
    clean_for_terminal,
    confirm,
    json_for_terminal,
    open_store,
    parse_date,
    print_json,
    with_json,
)

EXPORT_HELP = """\
Write the timeline (or, with -f json, a dump of the whole store) to FILE or stdout.

FILE is written by its kind. A new or regular file is written whole and then
put in place (an export that fails leaves the old file as it was); a symlink
is followed and its target written that way; a device or FIFO is written as
a stream. An existing file is replaced only with --force, or on a yes when
asked on a terminal; a read-only file is never replaced.
"""


def register(sub: SubParsers) -> None:
    from store.export import FORMATS

    p = sub.add_parser(
        "export", help="write the timeline: md, json (dump), csv, html, timelinejs",
        description=EXPORT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--format", "-f", choices=FORMATS, default="md")
    p.add_argument("--topic", action="append", help="only this topic (repeatable; id or name)")
    p.add_argument("--since", type=parse_date, help="from this date (YYYY-MM-DD)")
    p.add_argument("--until", type=parse_date, help="up to this date, inclusive")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: stdout)")
    p.add_argument("--force", action="store_true",
                   help="replace FILE if it exists, without asking")
    p.set_defaults(handler=cmd_export)

    p = with_json(sub.add_parser("import", help="load a json export into an empty store"))
    p.add_argument("file", metavar="FILE.json")
    p.set_defaults(handler=cmd_import)


def _may_replace(path: Path, force: bool) -> bool:
    """Whether an existing file at `path` may be replaced: --force, or a yes on a terminal."""
    try:
        check_target(path, overwrite=True)  # a directory or a read-only file: said first
    except ExportTargetError as exc:
        raise CliError(str(exc)) from None
    existing = existing_file(path)
    if existing is None or force:
        return True
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"{path}: file exists; use --force to replace it")
    if not confirm(f"{path} exists. Replace it?"):
        raise CliError(f"{path}: file exists; not replaced")
    return True


def cmd_export(args: argparse.Namespace) -> int:
    to_stdout = args.output is None or args.output == "-"
    path = None if to_stdout else Path(args.output).expanduser()
    overwrite = path is None or _may_replace(path, args.force)
    with open_store(args, create=False) as store:
        try:
            if path is None:
                # On stdout the text may reach a terminal: JSON keeps every character
                # (escaped), the other formats lose the controls. A file (-o) gets the
                # store's text as it is.
                as_json = args.format in ("json", "timelinejs")
                for piece in chunks(store, args.format, topics=args.topic, since=args.since,
                                    until=args.until):
                    sys.stdout.write(json_for_terminal(piece) if as_json
                                     else clean_for_terminal(piece))
                return 0
            write_export(store, args.format, path, topics=args.topic, since=args.since,
                         until=args.until, overwrite=overwrite)
        except ValueError as exc:
            raise CliError(str(exc)) from None
        except FileExistsError:
            raise CliError(f"{path}: file exists; use --force to replace it") from None
        except ExportTargetError as exc:
            raise CliError(str(exc)) from None
        except OSError as exc:
            raise CliError(f"{path}: cannot write ({exc.strerror or exc})") from None
    print(f"wrote {args.format} export to {path}", file=sys.stderr)
    return 0


def _first_problem(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "top level"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {err['msg'].lower()}{more}"


# Far above any real store's dump (10,000 meetings dump to about 200 MB), and a bound on what
# a pipe or a device (/dev/zero) can make `import` hold in memory.
MAX_DUMP_BYTES = 2 * 1024 * 1024 * 1024


def read_dump(path: Path) -> StoreDump:
    """The dump in a file, with one clear line for every way it can be wrong."""
    try:
        raw = read_file(path, limit=MAX_DUMP_BYTES, what="export file")
    except UnreadableFile as exc:
        raise CliError(str(exc)) from None
    try:
        return parse_dump(raw)
    except ValidationError as exc:
        kinds = {e["type"] for e in exc.errors()}
        if "json_invalid" in kinds:
            raise CliError(f"{path}: not JSON") from None
        raise CliError(f"{path}: not a bilat dump: {_first_problem(exc)}") from None


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    dump = read_dump(path)
    from store.db.schema import CURRENT_VERSION

    if not 1 <= dump.schema_version <= CURRENT_VERSION:
        raise CliError(f"{path}: dump has schema version {dump.schema_version}; this bilat "
                       f"reads versions 1 to {CURRENT_VERSION}")
    store: Store
    with open_store(args) as store:
        store.load(dump)  # one transaction; refuses a store that holds meetings
        counts = store.counts()
    if args.json:
        print_json(counts)
    else:
        print(f"imported {counts['meetings']} meetings, {counts['articles']} articles, "
              f"{counts['quotes']} quotes into {store.path}")
    return 0
