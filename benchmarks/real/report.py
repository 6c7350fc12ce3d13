"""Write the "Real articles" section of BENCHMARKS.md: bilat and textacy on both parts of
the real-article set.

Run: python benchmarks/real/report.py [--no-textacy]

This scores the held-back third: run it once, at the end of a round of ingest work, never
while tuning (score.py --split dev is for that). textacy needs the `peer` extra.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from sections import replace_section  # noqa: E402

COLUMNS = [
    ("quotes_found", "quotes found"), ("quotes_real", "real quotes"),
    ("speaker", "speaker"), ("topics_f1", "topics F1"), ("status", "status"),
    ("meeting_date", "date"), ("place", "place"), ("pair", "pair"),
    ("stored_if_dated", "dated stored"), ("positions_found", "positions found"),
    ("positions_real", "positions real"), ("position_side", "position side"),
    ("commitments_found", "commitments found"), ("commitments_real", "commitments real"),
]
_PEER_KEYS = {"quotes_found", "quotes_real", "speaker"}
TARGETS = {"quotes_found": .96, "quotes_real": .97, "speaker": .92, "topics_f1": .90,
           "meeting_date": .90, "status": .70, "place": .85, "pair": .95,
           "positions_found": .80, "positions_real": .80, "position_side": .95,
           "commitments_found": .85, "commitments_real": .85}


def measure(split: str, extractor: str) -> dict[str, float | None]:
    out = subprocess.run(
        [sys.executable, str(HERE / "score.py"), "--split", split, "--extractor", extractor,
         "--json"], capture_output=True, text=True, check=True,
    )
    data: dict[str, float | None] = json.loads(out.stdout)["measures"]
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-textacy", action="store_true")
    args = ap.parse_args(argv)
    rows = [("bilat", "dev (40, tuned on)"), ("bilat", "held (20, scored once)")]
    if not args.no_textacy:
        rows += [("textacy", "dev (40)"), ("textacy", "held (20)")]
    head = "| extractor | part | " + " | ".join(label for _, label in COLUMNS) + " |"
    lines = [head, "|" + "---|" * (len(COLUMNS) + 2)]
    for extractor, part in rows:
        got = measure(part.split()[0], extractor)
        cells = []
        for key, _ in COLUMNS:
            # textacy finds quotes and speakers only: its other columns would be noise.
            value = got.get(key) if extractor == "bilat" or key in _PEER_KEYS else None
            cells.append("–" if value is None else f"{value:.2f}")
        lines.append(f"| {extractor} | {part} | " + " | ".join(cells) + " |")
    targets = " | ".join(f"{TARGETS[k]:.2f}" if k in TARGETS else "" for k, _ in COLUMNS)
    lines.append(f"| target | | {targets} |")
    body = "\n".join([
        "## Real articles",
        "",
        f"Measured {dt.date.today().isoformat()} with `python benchmarks/real/report.py` on the "
        "real-article set (`benchmarks/real/`: 60 real articles nobody here wrote, 46 pairs, "
        "57 outlets; gold written blind; a third held back and scored once). "
        "textacy reads quotes and speakers only (its speakers are surface words, so its exact "
        "speaker figure is near zero; `score.py` also prints a lenient one).",
        "",
        *lines,
    ])
    replace_section(ROOT / "BENCHMARKS.md", "Real articles", body)
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
