"""Terminal escapes in article text never reach the terminal: they are dropped at ingest, and
dropped again wherever the CLI prints stored text (old stores and imports still hold them)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from robust_helpers import WIRE, bilat

from store.db import Store
from store.ingest import extract
from store.ingest.decode import decode

# Clear the screen, set the window title, set the clipboard (OSC 52), an 8-bit CSI and a bell.
CLEAR = "\x1b[2J"
TITLE = "\x1b]0;pwned\x07"
CLIPBOARD = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
CSI8 = "\x9b31m"
HOSTILE = (CLEAR, TITLE, CLIPBOARD, CSI8, "\x08", "\x7f")
# Any C0 control but newline and tab, DEL, or any C1 control.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def hostile_article() -> str:
    lines = WIRE.read_text("utf-8").splitlines()
    lines[0] = f"{CLEAR}Blinken and Wang meet{TITLE} in Laos{CLIPBOARD}, trade warnings"
    text = "\n".join(lines) + "\n"
    return text.replace('"We are pleased to take', f'"{CSI8}We are\x08 pleased\x7f to take')


def test_decode_drops_control_characters_but_keeps_newlines_and_tabs() -> None:
    text = decode(f"Title{CLEAR}\n\nBody\tone{TITLE}.\r\nTwo{CSI8}\x0c.\n".encode())
    assert text == "Title\n\nBody\tone.\nTwo\n.\n"  # whole sequences go, not just ESC
    assert not CONTROL.search(text)


def test_text_captured_from_a_terminal_is_read_not_called_binary() -> None:
    # Every coloured word carries two escape sequences: text all the same.
    lines = WIRE.read_text("utf-8").splitlines()
    coloured = "\n".join(" ".join(f"\x1b[1;31m{w}\x1b[0m" for w in ln.split()) for ln in lines)
    draft = extract(coloured.encode())
    assert draft.title == lines[0]
    assert not CONTROL.search(draft.original)


def test_pasted_text_is_cleaned_too() -> None:
    # The TUI's paste and `reindex` hand ingest a str, not bytes.
    draft = extract(hostile_article())
    assert not CONTROL.search(draft.title)
    assert draft.title.startswith("Blinken and Wang meet")
    assert all(not CONTROL.search(q.text) for q in draft.quotes)


def no_controls(out: str) -> None:
    assert not CONTROL.search(out), repr(CONTROL.findall(out))


def test_ingest_stores_no_escapes(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(hostile_article(), "utf-8")
    store = tmp_path / "bilat.db"
    res = bilat(store, "add", "--yes", "--date", "2024-07-27", str(path))
    assert res.returncode == 0, res.stderr
    no_controls(res.stdout)
    with Store.open(store) as s:
        dump = s.dump()
    assert dump.meetings[0].title.startswith("Blinken and Wang meet")
    assert any("We are pleased to take" in q.text for q in dump.quotes)
    for text in [dump.meetings[0].title, dump.articles[0].text, dump.articles[0].original,
                 *(q.text for q in dump.quotes)]:
        no_controls(text)


@pytest.fixture(scope="module")
def old_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store whose text holds escapes, as one written before ingest dropped them does."""
    path = tmp_path_factory.mktemp("old") / "bilat.db"
    with Store.open(path) as s:
        s.add_draft(extract(WIRE.read_bytes()))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE meetings SET title = ?, location = ?",
                     (f"Talks{CLEAR}{TITLE}", f"Laos{CLIPBOARD}"))
        conn.execute("UPDATE articles SET title = ?, source = ?", (f"Talks{TITLE}", f"AP{CSI8}"))
        conn.execute("UPDATE quotes SET text = text || ?, speaker = speaker || ?",
                     (CLIPBOARD, CLEAR))
        conn.execute("UPDATE topic_entries SET evidence = evidence || ?", (TITLE,))
    conn.close()
    with Store.open(path) as s:
        s.set_status(1, "south-china-sea", None, f"note{CLIPBOARD}")
    return path


@pytest.mark.parametrize("command", [
    ["meetings"], ["quotes"], ["quotes", "--search", "resupply"], ["show", "south-china-sea"],
    ["changes"], ["changes", "1"], ["export", "--format", "md"], ["export", "--format", "csv"],
    ["export", "--format", "html"], ["rm", "1"],
])
def test_printed_stored_text_holds_no_escapes(command: list[str], old_store: Path) -> None:
    res = bilat(old_store, *command)
    assert "Traceback" not in res.stderr
    no_controls(res.stdout)
    no_controls(res.stderr)
    if command[0] in ("meetings", "quotes", "show"):
        assert res.returncode == 0, res.stderr
        assert "Talks" in res.stdout or "resupply" in res.stdout


@pytest.mark.parametrize("command", [
    ["meetings", "--json"], ["quotes", "--json"], ["show", "south-china-sea", "--json"],
    ["export", "--format", "json"], ["export", "--format", "timelinejs"],
])
def test_json_keeps_the_text_but_escapes_every_control(command: list[str], old_store: Path) -> None:
    res = bilat(old_store, *command)
    assert res.returncode == 0, res.stderr
    no_controls(res.stdout)
    data = json.loads(res.stdout)  # still valid JSON, and the data is kept as written
    held = "".join(strings(data))
    assert CLEAR in held or CLIPBOARD in held or TITLE in held


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def test_duplicate_message_names_the_title_without_escapes(old_store: Path) -> None:
    # The "already stored" line quotes the stored (hostile) title.
    res = bilat(old_store, "add", "--yes", str(WIRE))
    assert res.returncode == 1
    assert "already stored" in res.stderr
    no_controls(res.stderr)


def test_file_names_with_escapes_are_printed_clean(tmp_path: Path) -> None:
    path = tmp_path / f"evil{TITLE}.txt"
    res = bilat(tmp_path / "bilat.db", "extract", str(path))
    assert res.returncode == 2
    assert "no such file" in res.stderr
    no_controls(res.stderr)
