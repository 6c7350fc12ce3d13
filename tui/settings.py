"""The dashboard's remembered choices (theme, last export), one JSON file in the config dir."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel, ValidationError


class Settings(BaseModel):
    theme: str | None = None
    export_format: str | None = None
    export_folder: str | None = None


def load_settings(path: Path | None) -> Settings:
    """The saved settings; defaults when there is no file or it does not read."""
    if path is None:
        return Settings()
    try:
        return Settings.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError):
        return Settings()


def save_settings(path: Path | None, settings: Settings) -> None:
    """Write atomically (temp file, then replace); a failure only loses the preference."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(settings.model_dump_json(indent=2))
        os.replace(tmp, path)
    except OSError:
        pass
