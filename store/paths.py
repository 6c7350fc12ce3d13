"""Where bilat keeps its files: one home for every path.

`--store PATH` beats `BILAT_STORE`, which beats the platform data directory.
Nothing is created at import time; callers create directories when they write.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "bilat"
STORE_ENV = "BILAT_STORE"


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME)


def config_dir() -> Path:
    # platformdirs honours $XDG_CONFIG_HOME on Linux.
    return platformdirs.user_config_path(APP_NAME)


def store_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite file to use: explicit override, then $BILAT_STORE, then the default."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / "bilat.db"


def topics_file() -> Path:
    """The user's extra topics and keywords (TOML); optional."""
    return config_dir() / "topics.toml"
