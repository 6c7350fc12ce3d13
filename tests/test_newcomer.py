"""A newcomer's first run: a fresh virtual environment and the README's two commands.

The first command (`python -m pip install -e '.[test]' && bilat --demo`) is split at
`&&`: the install part runs with bash in the repository, with the new venv first on
PATH (as if activated); `bilat --demo` then runs from that venv in a pseudo-terminal
(the dashboard needs one), must paint the board with the demo store's topics and
quit with exit 0 on `q`. The second command (`python -m pytest`) runs with the venv's
interpreter, with `-m "not slow" -x -q` added: "not slow" leaves out this test itself.
pip may use its cache; nothing else is shared with the environment running the tests.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def setup_commands() -> list[str]:
    """The command lines of the first ```sh block of the README's "Set up" section."""
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## Set up[ \t]*\n.*?^```sh[ \t]*\n(.*?)^```", text, re.S | re.M)
    assert match, "README.md has no '## Set up' section with a ```sh block"
    return [line.strip() for line in match.group(1).splitlines() if line.strip()]


def venv_env(venv: Path) -> dict[str, str]:
    """The environment of a shell where `venv` is activated."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["VIRTUAL_ENV"] = str(venv)
    env["PATH"] = str(venv / "bin") + os.pathsep + env.get("PATH", "")
    return env


def run_in_pty(argv: list[str], env: dict[str, str], cwd: Path, expect: list[bytes],
               timeout: float = 60.0) -> tuple[int | None, bytes]:
    """Start `argv` on a 140x40 pseudo-terminal, wait until every `expect` was printed,
    press `q`, and return (exit code or None if it did not exit, everything printed)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 140, 0, 0))
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, cwd=cwd,
                            env=dict(env, TERM="xterm-256color"), start_new_session=True)
    os.close(slave)
    out = b""

    def read(until: float) -> None:
        nonlocal out
        while time.monotonic() < until and proc.poll() is None:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    out += os.read(master, 65536)
                except OSError:
                    return
            if not expect_left():
                return

    def expect_left() -> list[bytes]:
        return [e for e in expect if e not in out]

    try:
        read(time.monotonic() + timeout)
        if proc.poll() is None and not expect_left():
            time.sleep(0.3)  # let the first frame finish before the key
            os.write(master, b"q")
            deadline = time.monotonic() + 15
            while proc.poll() is None and time.monotonic() < deadline:
                ready, _, _ = select.select([master], [], [], 0.1)
                if ready:
                    try:
                        out += os.read(master, 65536)
                    except OSError:
                        break  # the terminal closed: the app is leaving
            try:
                proc.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
        return proc.poll(), out
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="the dashboard check uses a POSIX pty")
def test_fresh_venv_runs_the_readme_commands(tmp_path: Path) -> None:
    lines = setup_commands()
    assert len(lines) == 2, f"the README promises two commands, found {lines}"
    install, _, tui = (part.strip() for part in lines[0].partition("&&"))
    assert "pip install" in install and tui == "bilat --demo", lines[0]
    assert lines[1].startswith("python -m pytest"), lines[1]

    started = time.monotonic()
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    env = venv_env(venv)
    python = venv / "bin" / "python"
    done = subprocess.run(["bash", "-c", install], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, f"{install} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    bilat = venv / "bin" / "bilat"
    assert bilat.exists(), "the install did not put a `bilat` command in the venv"
    installed = time.monotonic()

    # The board lists the demo store's topics by name; "Taiwan" and "Trade" are in it.
    code, out = run_in_pty(tui.split(), env, tmp_path, [b"Taiwan", b"Trade"])
    shown = out.decode("utf-8", "replace")
    assert b"Taiwan" in out and b"Trade" in out, f"board never painted:\n{shown[-3000:]}"
    assert code == 0, f"`bilat --demo` did not quit cleanly on q (exit {code}):\n{shown[-3000:]}"
    assert "Traceback" not in shown
    painted = time.monotonic()

    test_cmd = [str(python), *lines[1].split()[1:], "-m", "not slow", "-x", "-q",
                "-p", "no:cacheprovider"]
    done = subprocess.run(test_cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=900)
    assert done.returncode == 0, f"{' '.join(test_cmd)} failed:\n{done.stdout[-4000:]}"
    assert re.search(r"\d+ passed", done.stdout), done.stdout[-2000:]
    print(f"newcomer: venv + install {installed - started:.0f} s, "
          f"dashboard {painted - installed:.1f} s, tests {time.monotonic() - painted:.0f} s")
