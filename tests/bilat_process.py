"""How the subprocess tests run the real `bilat` command on a given store."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def bilat_cmd() -> list[str]:
    exe = shutil.which("bilat")
    return [exe] if exe else [sys.executable, "-m", "tui.cli"]


def env_for(store: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["BILAT_STORE"] = str(store)
    env["COLUMNS"] = "120"
    return env
