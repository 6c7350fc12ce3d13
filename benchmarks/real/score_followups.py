"""Score commitment tracking on real follow-up chains: is a commitment made at one meeting
read as kept, progressing, stalled, broken or still open once a later article about the
same pair is added?

Each chain of `followups.json` is a pair's successive meetings, as real articles with gold
answers (the shape of cases.json) and, for every commitment of an earlier article, the state
a later article shows it in (`open` when the later article does not mention it). The
articles go, in order, into a throwaway store through the real `bilat add` command, with the
gold pair and date (so this measures tracking, not the pair or date readers), and the state
comes from `bilat commitments --json`, as a user sees it.

Run: python benchmarks/real/score_followups.py [--verbose] [--json] [--chains FILE]
     [--cache DIR]
Texts are read from the cache: `--cache DIR`, else `BILAT_REAL_CACHE`, else cache/ (as for
score.py). `--chains` scores another chains file of the same shape (a held set).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases_io import CACHE, HERE, norm_key  # noqa: E402

FOLLOWUPS = HERE / "followups.json"


@dataclass
class Tally:
    links: int = 0
    commitment_found: int = 0
    state_right: int = 0
    followed: int = 0  # links whose gold state is not "open"
    followed_right: int = 0
    followed_found: int = 0  # followed-up links whose commitment bilat found
    open_links: int = 0
    open_found: int = 0
    open_right: int = 0
    # (gold state, bilat's state) -> links, of the links whose commitment was found: numbers
    # only, so a blind set can say where it goes wrong without showing its texts
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float | int | None]:
        def r(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None
        return {
            "links": self.links,
            "commitment_found": r(self.commitment_found, self.links),
            "state_right": r(self.state_right, self.commitment_found),
            # end to end: a followed-up commitment bilat did not find counts as wrong
            "followed_up_right": r(self.followed_right, self.followed),
            "followed_up": self.followed,
            # the tracker's own part: among the followed-up links whose commitment was
            # found (extraction is scored by commitment_found)
            "followed_up_right_found": r(self.followed_right, self.followed_found),
            "followed_up_found": self.followed_found,
            # of the open commitments bilat found, how many it did not call kept or broken
            "open_left_open": r(self.open_right, self.open_found),
        }

    def confusion_line(self) -> str:
        """'gold->bilat: n' for every pair of states seen, gold order first."""
        return ", ".join(f"{want}->{got}: {n}"
                         for (want, got), n in sorted(self.confusion.items()))


def bilat(store: Path, *args: str) -> Any:
    res = subprocess.run(["bilat", "--store", str(store), *args, "--json"],
                         capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise SystemExit(f"bilat {' '.join(args)} failed: {res.stderr.strip()}")
    return json.loads(res.stdout)


def score_chain(chain: dict[str, Any], cases: dict[str, dict[str, Any]], tally: Tally,
                cache: Path = CACHE) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "chain.db"
        meeting_of: dict[str, int] = {}
        for cid in chain["cases"]:
            case = cases[cid]
            path = cache / f"{cid}.txt"
            if not path.exists():
                raise SystemExit(f"{cid}: no cached text (rebuild the cache, README.md)")
            args = ["add", str(path), "--yes", "--new-meeting",
                    "--dyad", ",".join(case["pair"])]
            # `--date` is used only when the text gives no date of its own; where the gold
            # has none either, the article's own date, else the date its id was given (the
            # annotator's), keeps the chain in order.
            when = case.get("meeting_date") or case.get("published") or cid[:10]
            if when:
                args += ["--date", when]
            [added] = bilat(store, *args)
            meeting_of[cid] = added["meeting_id"]
        stored = bilat(store, "commitments")
    for link in chain["links"]:
        tally.links += 1
        key = norm_key(link["commitment_key"])
        made = [c for c in stored if c["meeting_id"] == meeting_of[link["commitment_case"]]
                and f" {key} " in f" {norm_key(c['text'])} "]
        want = link["state"]
        if want == "open":
            tally.open_links += 1
        else:
            tally.followed += 1
        if not made:
            tally.log.append(f"  {chain['chain']}: commitment not found: {key!r} (want {want})")
            continue
        tally.commitment_found += 1
        tally.open_found += want == "open"
        tally.followed_found += want != "open"
        got = made[0]["state"]
        tally.confusion[(want, got)] = tally.confusion.get((want, got), 0) + 1
        if got == want:
            tally.state_right += 1
            tally.followed_right += want != "open"
            tally.open_right += want == "open"
        else:
            evidence = (made[0].get("extracted") or {}).get("evidence") or ""
            tally.log.append(f"  {chain['chain']}: {key!r}: got {got}, want {want}"
                             f" (gold evidence {link.get('evidence_key')!r};"
                             f" ours {evidence[:300]!r})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--chains", "--file", dest="chains", type=Path, default=FOLLOWUPS,
                    help="the chains (default: followups.json)")
    ap.add_argument("--cache", type=Path, default=CACHE,
                    help="the directory of the texts, one ID.txt per case")
    args = ap.parse_args(argv)
    if not args.chains.is_file():
        raise SystemExit(f"no chains file: {args.chains}")
    if not args.cache.is_dir():
        raise SystemExit(f"no cache directory: {args.cache}")
    data = json.loads(args.chains.read_text(encoding="utf-8"))
    cases = {c["id"]: c for c in data["cases"]}
    tally = Tally()
    for chain in data["chains"]:
        score_chain(chain, cases, tally, args.cache)
    figures = tally.figures()
    if args.json:
        print(json.dumps({**figures, "confusion": {f"{w}->{g}": n for (w, g), n
                                                    in sorted(tally.confusion.items())}},
                         indent=2))
        return 0
    print(f"commitment tracking on {len(data['chains'])} real follow-up chains")
    for name, value in figures.items():
        print(f"  {name:23} {value}")
    print(f"  gold->bilat (found)     {tally.confusion_line()}")
    if args.verbose:
        print("\n".join(tally.log))
    return 0


if __name__ == "__main__":
    sys.exit(main())
