"""`store` is the headless core: no module of it may pull in textual or rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import store


def _store_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(store.__path__, "store."))


@pytest.mark.parametrize("module", _store_modules())
def test_store_module_does_not_import_ui(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "bad = [m for m in ('textual', 'rich') if m in sys.modules]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, f"{module} imports {proc.stdout.strip()}: {proc.stderr[-500:]}"
