"""How the subprocess tests run the real `bilat` command on a given store."""

from __future__ import annotations

import functools
import os
import shutil
import sys
import sysconfig
from pathlib import Path


@functools.cache
def bilat_cmd() -> list[str]:
    """The installed `bilat` console script of the interpreter running the tests.

    Taken from that interpreter's scripts folder before PATH: on a pyenv machine PATH's
    `bilat` is a shim (bash running `pyenv exec`, ~0.1 s of CPU per start, more on a busy
    machine) that ends up running this very script, and the CLI tests start `bilat` about
    a thousand times. It is still the real command, as a user's shell runs it.
    """
    script = Path(sysconfig.get_path("scripts")) / ("bilat.exe" if os.name == "nt" else "bilat")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    exe = shutil.which("bilat")
    return [exe] if exe else [sys.executable, "-m", "tui.cli"]


def env_for(store: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["BILAT_STORE"] = str(store)
    env["COLUMNS"] = "120"
    return env
