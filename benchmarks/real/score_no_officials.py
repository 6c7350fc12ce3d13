"""The real-article score with the built-in table of officials emptied.

People must come from the article itself; this shows how much of the score the
table carries. Same arguments as score.py (tune on `--split dev` only):

    BILAT_REAL_CACHE=... PYTHONPATH=$PWD python benchmarks/real/score_no_officials.py --split dev
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store.ingest import officials  # noqa: E402

# Empty every lookup the resolver makes into the table, in place, before any ingest.
officials.BY_NAME.clear()
officials.BY_SURNAME.clear()
officials.BY_KEY.clear()

import score  # noqa: E402

if __name__ == "__main__":
    sys.exit(score.main())
