"""The bad-input matrix: every hostile kind of input tried on the real `bilat`, counting
tracebacks and data lost.

Run: python benchmarks/bad_input.py [--write]

Each kind runs `bilat` in a subprocess on a copy of a store holding one article. A try
passes when it exits within 60 s, prints no traceback, says what went wrong in at most one
line on stderr, prints no terminal control character, and leaves the store as it was (or,
for input that is valid, stores it whole). "data lost" counts stores that changed when they
should not have, or lost what they held. `--write` puts the table in the "Bad input" section
of BENCHMARKS.md. Exit code 1 when any try failed.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sections import replace_section  # noqa: E402

from store.db import Store  # noqa: E402
from store.ingest import extract  # noqa: E402

WIRE = ROOT / "tests" / "fixtures" / "cli" / "laos-talks-wire.txt"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x1b]52;c;ZWNobw==\x07\x9b31m"
HUGE = str(10**20)


Attempt = Callable[[Path], subprocess.CompletedProcess[bytes]]


@dataclass
class Outcome:
    kind: str
    tries: int = 0
    tracebacks: int = 0
    lost: int = 0
    other: int = 0  # hung, more than one line, controls printed, or a wrong exit code


def bilat(store: Path, *args: str, stdin: object = subprocess.DEVNULL,
          stdout: object = subprocess.PIPE, **kw: object) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, BILAT_STORE=str(store), COLUMNS="120", PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "tui.cli", "--store", str(store), *args]
    try:
        return subprocess.run(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE,
                              timeout=60, env=env, **kw)  # type: ignore[call-overload]
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(cmd, -999, b"", b"(hung)")


def snapshot(store: Path) -> str:
    with Store.open(store) as s:
        return s.dump().model_dump_json(exclude={"exported_at"})


def stored_controls(store: Path) -> bool:
    """Whether any stored string holds a control character (newline and tab aside)."""
    def walk(value: object) -> bool:
        if isinstance(value, str):
            return CONTROL.search(value) is not None
        if isinstance(value, dict):
            return any(walk(v) for v in value.values())
        if isinstance(value, list):
            return any(walk(v) for v in value)
        return False

    with Store.open(store) as s:
        return walk(s.dump().model_dump(mode="json"))


class Matrix:
    def __init__(self, work: Path, template: Path) -> None:
        self.work = work
        self.template = template
        self.rows: list[Outcome] = []
        self.n = 0

    def store(self) -> Path:
        self.n += 1
        path = self.work / f"s{self.n}" / "bilat.db"
        path.parent.mkdir()
        shutil.copy(self.template, path)
        return path

    def run(self, kind: str, tries: list[Attempt], *, changes: bool = False,
            prepare: Callable[[Path], None] | None = None) -> None:
        """Each try on a fresh store: expected to be refused (exit 1 or 2, store unchanged),
        or with `changes`, to succeed (exit 0) keeping every article the store held. A try
        may mark its result `lost` itself (another file it was given was changed)."""
        row = Outcome(kind)
        for attempt in tries:
            store = self.store()
            if prepare is not None:
                prepare(store)
            before = snapshot(store)
            res = attempt(store)
            row.tries += 1
            err = res.stderr.decode("utf-8", "replace")
            out = (res.stdout or b"").decode("utf-8", "replace")
            if "Traceback" in err:
                row.tracebacks += 1
            after = snapshot(store)
            if changes:
                held = {a["sha256"] for a in json.loads(before)["articles"]}
                lost = not held <= {a["sha256"] for a in json.loads(after)["articles"]}
            else:
                lost = after != before
            if lost or getattr(res, "lost", False):
                row.lost += 1
            bad_lines = len([ln for ln in err.splitlines() if ln.strip()]) > 1
            if res.returncode not in ((0,) if changes else (1, 2)) or bad_lines \
                    or CONTROL.search(out + err):
                row.other += 1
        self.rows.append(row)

    def table(self) -> str:
        lines = ["| kind | tries | tracebacks | data lost | other failures |",
                 "|---|---:|---:|---:|---:|"]
        for r in self.rows:
            lines.append(f"| {r.kind} | {r.tries} | {r.tracebacks} | {r.lost} | {r.other} |")
        return "\n".join(lines)


def hostile_dump(good: dict, how: str) -> bytes:  # type: ignore[type-arg]
    data = json.loads(json.dumps(good))
    if how in ("id 0", "id -4", "id 2^63"):
        new = {"id 0": 0, "id -4": -4, "id 2^63": 2**63}[how]
        mid = data["meetings"][0]["id"]
        data["meetings"][0]["id"] = new
        for key in ("articles", "entries", "quotes", "overrides"):
            for row in data[key]:
                if row.get("meeting_id") == mid:
                    row["meeting_id"] = new
    elif how == "empty text":
        data["articles"][0]["text"] = ""
    text = json.dumps(data)
    if how == "id 10^400":
        text = re.sub(r'"paragraph": \d+', f'"paragraph": {10**400}', text, count=1)
    return text.encode()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the table to BENCHMARKS.md")
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        template = work / "template.db"
        with Store.open(template) as s:
            s.add_draft(extract(WIRE.read_bytes()))
        m = Matrix(work, template)
        fifo = work / "nobody-writes.fifo"
        os.mkfifo(fifo)
        hostile = work / "hostile.txt"
        lines = WIRE.read_text("utf-8").splitlines()
        lines[0] = f"{ESCAPES}{lines[0]}{ESCAPES}"
        hostile.write_text("\n".join(lines).replace('"We will', f'"{ESCAPES}We will')
                           + "\nA variant, so it is not the stored article again.\n")
        undated = work / "undated.txt"
        undated.write_text('Officials meet\n\nBlinken met Wang Yi in Vientiane on Friday. '
                           '"We will stand with the Philippines," Blinken said.\n')
        dump_path = work / "dump.json"
        bilat(template, "export", "-f", "json", "-o", str(dump_path))
        good = json.loads(dump_path.read_text("utf-8"))

        def cmd(*args: str, **kw: object) -> Attempt:
            return lambda store: bilat(store, *args, **kw)

        def import_of(raw: bytes) -> Attempt:
            def attempt(store: Path) -> subprocess.CompletedProcess[bytes]:
                fresh = store.with_name("fresh.db")
                path = store.with_name("dump.json")
                path.write_bytes(raw)
                return bilat(fresh, "import", str(path))
            return attempt

        m.run("FIFO nobody writes to (extract, add, import)",
              [cmd("extract", str(fifo)), cmd("add", "--yes", str(fifo)), cmd("import", str(fifo))])
        m.run("/dev/zero (extract, add, import)",
              [cmd("extract", "/dev/zero"), cmd("add", "--yes", "/dev/zero"),
               cmd("import", "/dev/zero")])
        m.run("stdin closed (extract -, add -)",
              [cmd("extract", "-", stdin=None, preexec_fn=lambda: os.close(0)),
               cmd("add", "--yes", "-", stdin=None, preexec_fn=lambda: os.close(0))])
        def six_mb(store: Path) -> subprocess.CompletedProcess[bytes]:
            res = bilat(store, "extract", "-", stdin=None, input=b"word " * 1258291)
            if b"5.0 MB" in res.stderr:
                res.returncode = 99  # the cap, not the size read: a wrong message
            return res

        m.run("6 MB on stdin (says more than 5 MB)", [six_mb])
        def add_hostile(store: Path) -> subprocess.CompletedProcess[bytes]:
            res = bilat(store, "add", "--yes", "--new-meeting", str(hostile))
            if stored_controls(store) or b"added: " not in res.stdout:
                res.returncode = 99  # stored with its escapes, or not stored: a failure
            return res

        m.run("escapes in an article (stored, without them)", [add_hostile], changes=True)

        def old_escapes(store: Path) -> None:
            """Text as a store written before ingest dropped controls holds it."""
            conn = sqlite3.connect(store)
            with conn:
                conn.execute("UPDATE meetings SET title = title || ?", (ESCAPES,))
                conn.execute("UPDATE articles SET source = ?", (f"AP{ESCAPES}",))
                conn.execute("UPDATE quotes SET text = text || ?, speaker = speaker || ?",
                             (ESCAPES, ESCAPES))
                conn.execute("UPDATE topic_entries SET evidence = evidence || ?", (ESCAPES,))
            conn.close()

        m.run("escapes held by an old store, printed (meetings, quotes, show, changes, "
              "export md/csv/html/json/timelinejs)",
              [cmd("meetings"), cmd("quotes"), cmd("show", "south-china-sea"), cmd("changes"),
               *(cmd("export", "-f", f) for f in ("md", "csv", "html", "json", "timelinejs"))],
              changes=True, prepare=old_escapes)
        m.run("ids and counts out of range (changes, rm, set-status, --last, --limit)",
              [cmd("changes", HUGE), cmd("rm", "--yes", HUGE),
               cmd("set-status", HUGE, "taiwan", "tension"),
               cmd("show", "taiwan", "--last", HUGE), cmd("show", "taiwan", "--last", "-3"),
               cmd("quotes", "--limit", "-1"), cmd("quotes", "--limit", HUGE)])
        m.run("--date 9999-12-31, 0001-01-01",
              [cmd("add", "--yes", "--date", d, "--dyad", "China,United States", str(undated))
               for d in ("9999-12-31", "0001-01-01")])
        with open("/dev/full", "wb") as full:
            m.run("stdout on a full disk (meetings, quotes, export)",
                  [cmd("meetings", stdout=full), cmd("quotes", stdout=full),
                   cmd("export", stdout=full)])
        m.run("dump: meeting id 0, -4, 2^63, a number of 401 digits, empty text",
              [import_of(hostile_dump(good, how))
               for how in ("id 0", "id -4", "id 2^63", "id 10^400", "empty text")])
        m.run("dump with a UTF-8 BOM (imported)",
              [import_of(codecs.BOM_UTF8 + json.dumps(good).encode())], changes=True)

        def foreign(store: Path) -> subprocess.CompletedProcess[bytes]:
            other = store.with_name("other.db")
            conn = sqlite3.connect(other)
            conn.execute("CREATE TABLE notes (body TEXT)")
            conn.execute("PRAGMA user_version = 2")
            conn.commit()
            conn.close()
            before = other.read_bytes()
            res = bilat(other, "meetings")
            res.lost = other.read_bytes() != before  # type: ignore[attr-defined]
            return res

        m.run("another program's SQLite file", [foreign])

        def punctuation(store: Path) -> subprocess.CompletedProcess[bytes]:
            res = bilat(store, "quotes", "--search", "!!!")
            if res.stdout != b"no quotes match\n":
                res.returncode = 99
            return res

        m.run("search of only punctuation (matches nothing)", [punctuation], changes=True)

        def three_writers(store: Path) -> subprocess.CompletedProcess[bytes]:
            new = store.with_name("new.db")
            env = dict(os.environ, PYTHONPATH=str(ROOT))
            procs = [subprocess.Popen([sys.executable, "-m", "tui.cli", "--store", str(new),
                                       "topics"], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, env=env) for _ in range(3)]
            errs = b"".join(p.communicate()[1] for p in procs)
            code = max(p.returncode for p in procs)
            return subprocess.CompletedProcess([], code, b"", errs)

        m.run("three bilats on a brand-new store (x5)", [three_writers] * 5, changes=True)
        table = m.table()
    failed = sum(r.tracebacks + r.lost + r.other for r in m.rows)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    body = (f"## Bad input\n\nMeasured {stamp} with `python benchmarks/bad_input.py`: each "
            "kind run through the real `bilat` on a copy of a one-article store (see the "
            "script's docstring for what passes). The kinds of issue 10; the older kinds "
            "(empty, binary, non-UTF-8, 20 MB, missing, directory, unreadable, corrupt "
            "store, SIGKILL, disk full, read-only store) are in `tests/robustness/`. "
            "A store in a read-only directory needs a read-only mount (root) or mode bits "
            "(a user): `tests/robustness/test_first_use.py`.\n\n" + table + "\n")
    print(body)
    if opts.write:
        replace_section(ROOT / "BENCHMARKS.md", "Bad input", body)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
