"""The README's usage examples run as written, so the README cannot drift from the program.

Rules (for whoever edits README.md):
- Every ```sh block under "## Usage" (up to the next "## " heading) is read.
- Each line starting with `bilat` is run, in order, with bash, in one fresh
  working directory that links the repository's top-level files and folders
  (so `sample_articles/*` works and `-o timeline.md` writes into the temp dir),
  with `BILAT_STORE` pointing at a new store there. Each must exit 0.
- Blank lines and `#` comments are skipped; a trailing `\\` joins the next line.
- Lines that open the dashboard (`bilat` alone, anything with `--demo`) are
  skipped: tests/test_newcomer.py and the Pilot tests cover the dashboard.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def section(text: str, heading: str) -> str:
    """The text under `## heading`, up to the next second-level heading."""
    match = re.search(rf"^## {re.escape(heading)}[ \t]*\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert match, f"README.md has no '## {heading}' section"
    return match.group(1)


def sh_commands(markdown: str) -> list[str]:
    """The command lines of every ```sh block, continuations joined, comments dropped."""
    commands: list[str] = []
    for block in re.findall(r"^```(?:sh|bash|console)[ \t]*\n(.*?)^```", markdown, re.S | re.M):
        pending = ""
        for raw in block.splitlines():
            line = raw.strip()
            if line.endswith("\\"):
                pending += line[:-1].rstrip() + " "
                continue
            line = (pending + line).strip()
            pending = ""
            if line.startswith("$ "):
                line = line[2:]
            if line and not line.startswith("#"):
                commands.append(line)
    return commands


def opens_dashboard(command: str) -> bool:
    """`bilat` alone (or with only --store) and `--demo` open the TUI, which needs a terminal."""
    words = command.split()
    return "--demo" in words or all(w == "bilat" or w.startswith("--store") for w in words)


def usage_commands() -> list[str]:
    usage = section(README.read_text(encoding="utf-8"), "Usage")
    return [c for c in sh_commands(usage)
            if c.split()[0] == "bilat" and not opens_dashboard(c)]


def test_parser_reads_blocks_and_skips_the_dashboard() -> None:
    md = ("text\n```sh\n# a comment\nbilat add a.txt \\\n  --dry-run\n\nbilat\n"
          "bilat --demo\nbilat topics\n```\n```python\nbilat nope\n```\n")
    cmds = [c for c in sh_commands(md) if not opens_dashboard(c)]
    assert cmds == ["bilat add a.txt --dry-run", "bilat topics"]


def test_usage_examples_run(tmp_path: Path) -> None:
    commands = usage_commands()
    assert len(commands) >= 3, f"expected usage examples in README.md, found {commands}"
    work = tmp_path / "work"
    work.mkdir()
    for entry in ROOT.iterdir():
        if not entry.name.startswith("."):
            (work / entry.name).symlink_to(entry)
    bindir = str(Path(sys.executable).parent)
    env = dict(os.environ,
               BILAT_STORE=str(tmp_path / "store.db"),
               PATH=bindir + os.pathsep + os.environ.get("PATH", ""),
               XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"),
               NO_COLOR="1")
    for command in commands:
        done = subprocess.run(["bash", "-c", command], cwd=work, env=env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, (
            f"README usage example failed (exit {done.returncode}): {command}\n"
            f"stdout: {done.stdout[-2000:]}\nstderr: {done.stderr[-2000:]}")
        assert "Traceback" not in done.stderr, f"{command}\n{done.stderr}"
    assert (tmp_path / "store.db").exists(), "no README example wrote to the store"
