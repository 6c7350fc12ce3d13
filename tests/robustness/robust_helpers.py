"""Robustness test helpers: run `bilat`, make hostile inputs, fingerprint a store."""

from __future__ import annotations

import codecs
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bilat_process import bilat_cmd, env_for  # noqa: F401 - re-exported to the tests

from store.db import Store

ROOT = Path(__file__).resolve().parents[2]
WIRE = ROOT / "tests" / "fixtures" / "cli" / "laos-talks-wire.txt"
READOUT = ROOT / "tests" / "fixtures" / "cli" / "laos-talks-readout.txt"
TEMPLATE = (ROOT / "tests" / "fixtures" / "cli" / "series-template.txt").read_text("utf-8")
# As root, chmod does not stop reads or writes; the tests assert what holds for this user.
AS_ROOT = os.geteuid() == 0


def bilat(store: Path, *args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*bilat_cmd(), "--store", str(store), *args], capture_output=True, text=True,
        timeout=120, env=env_for(store), stdin=subprocess.DEVNULL, **kw,
    )


def fingerprint(path: Path) -> tuple[dict[str, int], str]:
    """Counts and the full JSON dump (minus its export time): equal means unchanged."""
    with Store.open(path) as store:
        dump = store.dump()
        return store.counts(), dump.model_dump_json(exclude={"exported_at"})


def series_article(n: int) -> str:
    """Article n of a dated series, each with its own text and date."""
    from datetime import date, timedelta

    day = date(2001, 1, 1) + timedelta(days=7 * n)
    return TEMPLATE.format(
        title=f"Blinken and Wang hold round {n} of talks",
        published=day.strftime("%B %-d, %Y"), weekday=day.strftime("%A"), n=n,
    )


def _wire() -> str:
    return WIRE.read_text("utf-8")


# name -> writer(path). Each makes the hostile input at `path` (a file, or a directory).
Maker = Callable[[Path], None]
REFUSED: dict[str, Maker] = {
    "empty": lambda p: p.write_bytes(b""),
    "whitespace": lambda p: p.write_text(" \n\t\n   \n"),
    "binary": lambda p: p.write_bytes(bytes(range(256)) * 40),
    "non-utf8": lambda p: p.write_bytes(
        _wire().replace("Laos", "Laos caf\u00e9").encode("latin-1", "replace")),
    "utf16-broken": lambda p: p.write_bytes(
        codecs.BOM_UTF16_LE + _wire().encode("utf-16-le") + b"\x00\xd8"),
    "20mb": lambda p: p.write_bytes(b"word " * (4 * 1024 * 1024)),
    "missing": lambda p: None,
    "no-date": lambda p: p.write_text(
        "Officials meet\n\nHart met Tang Lei in Vientiane. \"We will stand with the "
        "Philippines,\" Hart said.\n"),
    "only-quotes": lambda p: p.write_text(
        '"We will stand firm."\n"The other side should respect the region."\n"No comment."\n'),
    "10000-quote-marks": lambda p: p.write_text('"' * 10000),
}
# Articles that are valid despite something odd: stored (add) or extracted (extract).
ACCEPTED: dict[str, Maker] = {
    "utf16-bom": lambda p: p.write_bytes(codecs.BOM_UTF16_LE + _wire().encode("utf-16-le")),
    "no-topic": lambda p: p.write_text(
        "Blinken and Wang meet\nJuly 27, 2024\n\nVIENTIANE, Laos (AP) \u2014 U.S. Secretary of "
        "State Antony Blinken met China's top diplomat Wang Yi on Saturday. They had lunch.\n"),
    "unbalanced-quotes": lambda p: p.write_text(_wire().replace('," Blinken', ", Blinken", 1)
                                                .replace('"', "\u201c", 1)),
    "markup-injection": lambda p: p.write_text(
        "[bold]Blinken[/] and Wang <script>alert(1)</script> meet [link=x]in Laos[/link]\n"
        + "\n".join(_wire().splitlines()[1:]).replace(
            "the Philippines", "the [bold]Philippines[/] <script>x</script> [link=x]y")),
}
